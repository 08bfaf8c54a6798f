"""French formatting of numbers, quantities and ranges (babel, locale fr_FR).

Thousands are grouped with a narrow no-break space (U+202F), the decimal mark is a comma,
a narrow no-break space separates a number from its unit and from "%". Large numbers are
written as French writes them: "772 milliards", "1 600 milliards", "15 000 milliards de
jetons", "2,3 millions de tonnes" (never "mille milliards", never "trillion").

Three forms of a quantity, for the sentence around it:
  FULL  "4 500 kWh par an et par foyer"   (value, unit and its « par … »)
  UNIT  "4 500 kWh"                       (value and unit; the sentence says « par … »)
  BARE  "4 500"                           (value alone)
A plural from 2 (« 1,5 an », « 14,8 jours »); calendar years are never grouped (« 2030 »).
"""

from __future__ import annotations

import datetime
import functools
import math
import re

import pint
from babel.dates import format_date
from babel.numbers import format_decimal

from .units import french_unit, is_calendar_year, without_per
from .value import Value

LOCALE = "fr_FR"
NNBSP = "\u202f"
FULL, UNIT, BARE = "chiffre", "mesure", "nombre"
FORMS = (FULL, UNIT, BARE)
# (threshold, singular, plural). Between 10¹² and 10¹⁵ French counts in milliards
# (« 1 600 milliards », « 15 000 milliards »), never « mille milliards » nor « trillion ».
_SCALES = [
    (1e18, "milliard de milliards", "milliards de milliards"),
    (1e15, "million de milliards", "millions de milliards"),
    (1e9, "milliard", "milliards"),
    (1e6, "million", "millions"),
]
_VOWELS = "aeiouyéèêàâîôûh"
# Most extra digits a range may take to keep its two bounds apart.
_MAX_EXTRA_DIGITS = 3
# Most significant digits of a number written with « million » or « milliard » (« 1,25 million »).
_MAX_SCALED_DIGITS = 4


def auto_sig(x: float) -> int:
    """Significant digits as written in a data file: 0.42 → 2, 391509 → 6, 772e9 → 3."""
    if x == 0:
        return 1
    digits = f"{abs(x):.15g}".split("e")[0].replace(".", "").lstrip("0").rstrip("0")
    return max(1, len(digits))


def round_sig(x: float, sig: int) -> float:
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, sig - 1 - math.floor(math.log10(abs(x))))


def uncertainty_sig(mid: float, low: float, high: float, declared: int) -> int:
    """Digits a value deserves given its range: no more than the range justifies, and never
    fewer than two unless the data declares fewer. ±15 % → 2 digits; ±1 % → 3."""
    half = max(high - mid, mid - low)
    if mid == 0 or half <= 0 or not all(map(math.isfinite, (mid, low, high))):
        return declared
    justified = math.floor(math.log10(abs(mid))) - math.floor(math.log10(half)) + 1
    return min(declared, max(2, justified))


def _decimals(x: float, sig: int) -> int:
    """Decimal places that keep `sig` significant digits of x (negative: round to tens…)."""
    if x == 0:
        return 0
    return sig - 1 - math.floor(math.log10(abs(round_sig(x, sig))))


def _plain(x: float, decimals: int, grouping: bool = True) -> str:
    """`x` rounded to `decimals` places, in French; babel's formatting is done once per value
    (the same figures come back on every page that shows them and every release's page), the
    sign of a zero kept apart (-0.0 == 0.0 for the cache)."""
    return _plain_once(x, math.copysign(1.0, x) < 0, decimals, grouping)


@functools.lru_cache(maxsize=65536)
def _plain_once(x: float, negative: bool, decimals: int, grouping: bool) -> str:
    shown = max(0, decimals)
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * shown if shown else "")
    text = format_decimal(round(x, decimals), format=pattern, locale=LOCALE)
    return text.replace("-", "\u2212")


def _scale(x: float) -> tuple[float, str, str] | None:
    for threshold, singular, plural in _SCALES:
        if abs(x) >= threshold * 0.9995:
            return threshold, singular, plural
    return None


def format_number(x: float, sig: int, grouping: bool = True) -> str:
    """A number alone: 391 509 ; 0,42 ; 772 milliards ; 1,3 million. Years and
    identifiers: grouping=False (« 2030 »)."""
    if not grouping:
        return _plain(x, _decimals(x, sig), grouping=False)
    return _format_numbers([x], sig)[0][0]


def _format_numbers(xs: list[float], sig: int | list[int], ref: float | None = None,
                    words: bool = True):
    """Format numbers on one scale (that of the largest), each with `sig` significant digits
    of its own (or sig[i] for xs[i]). Returns ([texts], scale word or ''); the word follows
    the last number. Without `words`, no « million » nor « milliard »: every digit shown."""
    sigs = list(sig) if isinstance(sig, list) else [sig] * len(xs)
    largest = max([abs(x) for x in xs] + ([abs(ref)] if ref is not None else []))
    scale = _scale(largest) if words else None
    if scale:
        threshold, singular, plural = scale
        scaled = [x / threshold for x in xs]
        texts = [_plain(s, _decimals(s, n)) for s, n in zip(scaled, sigs, strict=True)]
        word = plural if abs(round_sig(scaled[-1], sigs[-1])) >= 2 else singular
        texts[-1] = f"{texts[-1]}{NNBSP}{word}"
        return texts, word
    return [_plain(x, _decimals(x, n)) for x, n in zip(xs, sigs, strict=True)], ""


def _with_unit(number: str, unit: pint.Unit, in_words: bool, plural: bool, form: str) -> str:
    if form == BARE or not unit._units:  # a pure number (h/day keeps its unit)
        return number
    if form == UNIT:
        unit = without_per(unit)
        if not unit._units:
            return number
    if str(unit) == "percent":
        return f"{number}{NNBSP}%"
    if in_words:
        label = french_unit(unit, plural=True, long=True)
        link = "d’" if label[:1].lower() in _VOWELS else "de "
        return f"{number} {link}{label}"
    return f"{number}{NNBSP}{french_unit(unit, plural=plural)}"


def format_quantity(x: float, unit: pint.Unit, sig: int, form: str = FULL) -> str:
    """'0,42 Wh par requête', '772 milliards de requêtes par an', '15 %'; with form=UNIT
    '4 500 kWh' for 4 500 kWh/an/foyer; with form=BARE '4 500'."""
    if is_calendar_year(unit):
        return format_number(x, max(sig, auto_sig(x)), grouping=False)
    texts, word = _format_numbers([x], sig)
    return _with_unit(texts[0], unit, bool(word), abs(round_sig(x, sig)) >= 2, form)


def _range_texts(low: float, high: float, sig: int, grouping: bool = True,
                 quoted: bool = False):
    """The two bounds, each rounded on its own, with digits added until they differ; quoted,
    each keeps at least the digits it was written with."""
    sigs = [max(sig, auto_sig(b)) if quoted else sig for b in (low, high)]
    # A quoted bound of many digits reads better whole (« 1 334 991 ») than scaled
    # (« 1,334991 million »).
    words = not quoted or max(sigs) <= _MAX_SCALED_DIGITS
    for extra in range(_MAX_EXTRA_DIGITS + 1):
        if grouping:
            texts, word = _format_numbers([low, high], [n + extra for n in sigs], words=words)
        else:
            texts = [format_number(b, n + extra, grouping=False) for b, n in zip((low, high), sigs, strict=True)]
            word = ""
        first = texts[0] + (f"{NNBSP}{word}" if word else "")
        if first != texts[1]:
            return texts, word
    return None, word


def format_range(low: float, high: float, unit: pint.Unit, sig: int, ref: float | None = None,
                 form: str = FULL, quoted: bool = False) -> str:
    """'0,29 à 0,55 Wh', '1,3 à 1,6 milliard de litres', '0,47 à 28 Wh'. Each bound keeps
    `sig` significant digits of its own, so a low bound is never rounded to 0; bounds that
    would read alike get more digits (« 118 à 123 foyers », never « 120 à 120 »), and bounds
    equal even then read as one value. `ref` is accepted for older callers and unused.

    `quoted`: the bounds are those a source published (a parameter's own bas and haut), a
    quotation: each keeps at least the significant digits written in the data (325 and 580
    read « 325 à 580 », never « 320 à 580 »); a computed range follows its uncertainty."""
    calendar = is_calendar_year(unit)
    texts, word = _range_texts(low, high, max(sig, auto_sig(low) if calendar else 0),
                               grouping=not calendar, quoted=quoted)
    if texts is None:
        return format_quantity(high, unit, sig, form)
    number = f"{texts[0]} à {texts[1]}"
    if calendar:
        return number
    return _with_unit(number, unit, bool(word), abs(round_sig(high, sig)) >= 2, form)


def format_value(value: Value, sig: int, with_range: bool = False, form: str = FULL,
                 quoted: bool = False) -> str:
    """The central value; `with_range`, its range after it, in parentheses, without saying the
    unit again (« 0,42 Wh par requête (0,29 à 0,55) »; a percentage keeps its sign);
    `quoted` as for format_range."""
    mid, low, high = value.magnitudes()
    text = format_quantity(mid, value.units, sig, form)
    if with_range and value.has_range:
        again = form if str(value.units) == "percent" else BARE
        text += f" ({format_range(low, high, value.units, sig, mid, again, quoted)})"
    return text


def format_bare(value: Value, sig: int) -> str:
    """The central value without unit (for 'soit 35 000 foyers')."""
    return format_quantity(value.magnitudes()[0], value.units, sig, BARE)


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


@functools.lru_cache(maxsize=65536)  # pure, and the same texts recur on every page
def french_date(raw: str) -> str:
    """« 2025-06-15 » → « 15 juin 2025 », « 2026-02-01 » → « 1er février 2026 »,
    « 2024-12 » → « décembre 2024 » (babel); any other text is kept as written.
    CLDR has no ordinal day: French writes the first day of a month « 1er »."""
    m = _ISO_DATE.fullmatch(raw.strip())
    if not m:
        return raw
    try:
        day = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        return raw
    if not m.group(3):
        return format_date(day, "MMMM y", locale="fr")
    if day.day == 1:
        return "1er " + format_date(day, "MMMM y", locale="fr")
    return format_date(day, "d MMMM y", locale="fr")
