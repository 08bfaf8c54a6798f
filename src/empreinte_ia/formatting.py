"""French formatting of numbers, quantities and ranges (babel, locale fr_FR).

Thousands are grouped with a narrow no-break space (U+202F), the decimal mark is a comma,
a narrow no-break space separates a number from its unit and from "%", and large numbers
are written in words: "772 milliards", "5,1 mille milliards".
"""

from __future__ import annotations

import math

import pint
from babel.numbers import format_decimal

from .units import french_unit
from .value import Value

LOCALE = "fr_FR"
NNBSP = "\u202f"
# (threshold, singular, plural); "mille milliards" for 10¹², never "trillion".
_SCALES = [
    (1e18, "milliard de milliards", "milliards de milliards"),
    (1e12, "mille milliards", "mille milliards"),
    (1e9, "milliard", "milliards"),
    (1e6, "million", "millions"),
]
_VOWELS = "aeiouyéèêàâîôûh"


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


def _decimals(x: float, sig: int) -> int:
    """Decimal places that keep `sig` significant digits of x (negative: round to tens…)."""
    if x == 0:
        return 0
    return sig - 1 - math.floor(math.log10(abs(round_sig(x, sig))))


def _plain(x: float, decimals: int) -> str:
    shown = max(0, decimals)
    pattern = "#,##0" + ("." + "0" * shown if shown else "")
    text = format_decimal(round(x, decimals), format=pattern, locale=LOCALE)
    return text.replace("-", "\u2212")


def _scale(x: float) -> tuple[float, str, str] | None:
    for threshold, singular, plural in _SCALES:
        if abs(x) >= threshold * 0.9995:
            return threshold, singular, plural
    return None


def format_number(x: float, sig: int) -> str:
    """A number alone: 391 509 ; 0,42 ; 772 milliards ; 1,3 million."""
    return _format_numbers([x], sig)[0][0]


def _format_numbers(xs: list[float], sig: int, ref: float | None = None):
    """Format numbers on the scale of `ref` (default: the largest), with the decimals
    that show `sig` significant digits of `ref`. Returns ([texts], scale word or '')."""
    ref = ref if ref is not None else max(xs, key=abs)
    scale = _scale(max([abs(x) for x in xs] + [abs(ref)]))
    if scale:
        threshold, singular, plural = scale
        scaled = [x / threshold for x in xs]
        dec = _decimals(ref / threshold, sig)
        texts = [_plain(s, dec) for s in scaled]
        word = plural if abs(round(ref / threshold, max(dec, 0))) >= 2 else singular
        if singular == "mille milliards" and texts == ["1"]:
            return ["mille milliards"], singular
        return [f"{t}{NNBSP}{word}" if i == len(texts) - 1 or len(texts) == 1 else t
                for i, t in enumerate(texts)], word
    dec = _decimals(ref, sig)
    return [_plain(x, dec) for x in xs], ""


def _with_unit(number: str, unit: pint.Unit, in_words: bool, plural: bool) -> str:
    if not unit._units:  # a pure number (h/day keeps its unit)
        return number
    if str(unit) == "percent":
        return f"{number}{NNBSP}%"
    if in_words:
        label = french_unit(unit, plural=True, long=True)
        link = "d’" if label[:1].lower() in _VOWELS else "de "
        return f"{number} {link}{label}"
    return f"{number}{NNBSP}{french_unit(unit, plural=plural)}"


def format_quantity(x: float, unit: pint.Unit, sig: int) -> str:
    """'0,42 Wh par requête', '772 milliards de requêtes par an', '15 %'."""
    texts, word = _format_numbers([x], sig)
    return _with_unit(texts[0], unit, bool(word), abs(round_sig(x, sig)) >= 2)


def format_range(low: float, high: float, unit: pint.Unit, sig: int, ref: float) -> str:
    """'0,29 à 0,55 Wh', '1,33 à 1,58 milliard de litres'."""
    texts, word = _format_numbers([low, high], sig, ref=ref)
    number = f"{texts[0]} à {texts[1]}"
    return _with_unit(number, unit, bool(word), abs(high) >= 2)


def format_value(value: Value, sig: int, with_range: bool = False) -> str:
    mid, low, high = value.magnitudes()
    text = format_quantity(mid, value.units, sig)
    if with_range and value.has_range:
        text += f" ({format_range(low, high, value.units, sig, mid)})"
    return text


def format_bare(value: Value, sig: int) -> str:
    """The central value without unit (for 'soit 35 000 foyers')."""
    return format_number(value.magnitudes()[0], sig)
