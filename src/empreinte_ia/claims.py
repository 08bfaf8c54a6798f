"""Claims of the source documents (data/claims/*.yaml) and their computed verdicts.

A verdict is never typed. It follows from what the claim declares (its value and the unit as
written, the source and year it cites, the figure its value actually reproduces) and from the
current value of the registry entry that recomputes it. Change a parameter and the verdicts
follow. The scale is fixed (DEGREES), and an error always names its kind (ERROR_KINDS); a claim
may carry several kinds, the worst (first in ERROR_KINDS) is named first.

A claim comes from one of the five source documents (`document`), or from a media article
(`media`, `date`, `url`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pint

from .datafile import Entry, read_entries
from .formatting import auto_sig, format_number, format_quantity, round_sig
from .registry import Registry
from .schema import check_entry, properties
from .units import Q_, UnitError, parse_unit, ureg


class Document(NamedTuple):
    title: str
    bibkey: str | None  # BibTeX key of the document itself, if the site cites it
    year: int           # year it was written


DOCUMENTS = {
    "000": Document("Infographie « Pourquoi les IA consomment-elles ? »", None, 2025),
    "001": Document("Article long « Quel impact global de l'IA ? »", None, 2025),
    "002": Document("Cours « La face cachée de l'intelligence artificielle » (R. Emonet)",
                     "emonet2025", 2025),
    "003": Document("Billet de blog « L'IA et son coût écologique » (A. Lima)", "lima2024", 2025),
    "004": Document("Texte court sur la mesure de la consommation de l'IA", "source004", 2024),
}
MEDIA = "media"
NO_CLAIM_FILE = "sans_affirmation.yaml"

# The fields and their types are in schemas/affirmation.json: add a new field there.
REQUIRED, OPTIONAL = properties("affirmation")
CORRESPONDENCE_FIELDS = ("estimation", "annee", "perimetre")
DEFAULT_TOLERANCE = 0.05
# Beyond this, « arrondi acceptable » would cover a real error.
MAX_TOLERANCE = 0.25


@dataclass(frozen=True)
class Degree:
    key: str
    label: str
    definition: str


# The scale, from the best to the worst.
DEGREES = (
    Degree("exact", "exact",
           "la valeur annoncée est la valeur calculée, arrondie comme le document l'arrondit ; "
           "tous les paramètres du calcul ont été lus dans leur source primaire"),
    Degree("arrondi", "arrondi acceptable",
           "la valeur annoncée s'écarte de la valeur calculée de moins que la tolérance de "
           "l'affirmation ({} sauf mention contraire)"),
    Degree("fourchette", "dans la fourchette",
           "la valeur annoncée tombe dans la fourchette que donnent les sources"),
    Degree("depasse", "dépassé (vrai à sa date)",
           "la valeur est celle d'une source plus ancienne, que des estimations plus récentes "
           "ont remplacée"),
    Degree("perimetre", "autre périmètre",
           "la valeur est juste, mais pour une autre grandeur que celle que la phrase désigne "
           "(un seul entraînement au lieu de tous les serveurs, l'énergie au lieu de "
           "l'électricité…)"),
    Degree("repris", "repris de la source sans vérification",
           "la valeur concorde, mais seulement avec un paramètre tiré du document lui-même ou "
           "pas encore lu dans sa source primaire : l'accord n'est pas une vérification"),
    Degree("inverifiable", "invérifiable",
           "aucune source n'a permis de recalculer la valeur ; la raison est indiquée"),
    Degree("inexact", "inexact",
           "la valeur s'écarte des sources au-delà de l'arrondi, sans cause identifiée ; le "
           "rapport entre valeur annoncée et valeur calculée est indiqué"),
    Degree("erreur", "erreur",
           "l'écart a une cause identifiée, nommée par son genre (ci-dessous) ; si une "
           "affirmation en cumule plusieurs, la plus grave est nommée la première"),
)
DEGREE = {d.key: d for d in DEGREES}
VERDICTS = {d.key: d.label for d in DEGREES}
AGREEMENT = ("exact", "arrondi", "fourchette")


@dataclass(frozen=True)
class ErrorKind:
    key: str
    label: str
    definition: str


# Kinds of error, from the most to the least serious.
ERROR_KINDS = (
    ErrorKind("sens", "sens inversé",
              "la phrase dit le contraire des sources : la part annoncée est celle de "
              "l'autre partie du tout"),
    ErrorKind("attribution", "attribution erronée",
              "le chiffre existe, mais vient d'une autre source que celle que le document cite"),
    ErrorKind("utilisateurs", "utilisateurs comptés comme requêtes",
              "le nombre annoncé comme des requêtes est celui des utilisateurs"),
    ErrorKind("annee", "mauvaise année ou projection présentée comme actuelle",
              "le chiffre est celui d'une autre année que celle que la phrase indique, ou "
              "une projection présentée au présent"),
    ErrorKind("unite", "mauvaise unité",
              "la valeur est juste dans une autre unité que celle écrite (des kilowattheures "
              "pour des wattheures…)"),
    ErrorKind("duree", "minutes et secondes confondues",
              "la durée est juste en secondes, mais écrite en minutes (ou l'inverse)"),
    ErrorKind("separateur", "séparateur des milliers anglais",
              "le nombre est écrit avec la virgule des milliers de l'anglais (« 4,402 » pour "
              "4 402) : un lecteur français lit une valeur mille fois plus petite"),
    ErrorKind("anglicisme", "anglicisme « trillion »",
              "en français, un trillion vaut un milliard de milliards (10¹⁸) ; l'anglais "
              "« trillion » se traduit par « mille milliards » (10¹²)"),
    ErrorKind("notation", "unité mal notée",
              "l'unité est mal écrite (« watts/heure » pour des watts, « KwH » pour des kWh) ; "
              "la valeur peut être juste, la notation ne l'est pas"),
)
ERROR_KIND = {k.key: k for k in ERROR_KINDS}
_RANK = {k.key: i for i, k in enumerate(ERROR_KINDS)}

# Unit notations that are wrong in French (and in the SI), with what is wrong.
WRONG_NOTATIONS = (
    (re.compile(r"watts?\s*/\s*heure", re.I), "une puissance divisée par une durée"),
    (re.compile(r"\bK[wW][hH]\b|\bkwh\b|\bMWH\b"),
     "majuscules et minuscules des symboles du SI"),
)
# Roles a note or a reason may use, so that a number in it comes from the registry.
NOTE_ROLE = re.compile(r"\{(chiffre|nombre|plage)\}`([^`]+)`")
_TRILLION = re.compile(r"\btrillions?\b", re.I)
_EN_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")
_FR_NUMBER = re.compile(r"[-+]?\d+(?:[,.]\d+)?")

# Words that state a verdict: a note explains, it never judges (the verdict is computed).
VERDICT_WORDS = re.compile(
    r"\b(exacte?s?|inexacte?s?|erreurs?|erron[ée]e?s?|écarts?|en accord|invérifiables?|"
    r"dépassée?s?|correcte?s?|incorrecte?s?|fausses?|faux|arrondi acceptable|"
    r"dans la fourchette|autre périmètre|sans vérification)\b"
    r"|ordre de grandeur (est )?(le |un )?bon|bon ordre de grandeur|ordre de grandeur correct",
    re.I)


@dataclass(frozen=True)
class Correspondence:
    """The figure a stated value actually reproduces, and what sets it apart."""
    estimate: str
    year: int | None
    scope: str


@dataclass(frozen=True)
class Claim:
    id: str
    document: str           # file name of the seed, or "" for a media claim
    quote: str
    value: float
    low: float | None
    high: float | None
    unit: pint.Unit
    estimate: str | None
    reason: str
    tolerance: float
    cited_source: str | None
    cited_year: int | None
    written_unit: str
    written_value: str
    scope: str
    matches: Correspondence | None
    note: str
    path: Path
    line: int
    media: str = ""
    date: str = ""
    url: str = ""

    @property
    def doc_code(self) -> str:
        return self.document[:3] if self.document else MEDIA

    @property
    def origin(self) -> str:
        """Where the claim was read, in French."""
        if self.document:
            return f"document {self.doc_code}"
        return f"{self.media}, {self.date}"


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    kind: str                # key of DEGREES
    ratio: float | None      # claim ÷ computed
    errors: tuple[str, ...]  # keys of ERROR_KINDS, worst first
    computed: float | None   # computed central value, in the claim's unit
    corrected: str = ""      # how the stated value reads once the error is corrected
    unverified: tuple[str, ...] = ()  # parameters that keep an agreement from counting

    @property
    def error(self) -> str:
        return " ; ".join(ERROR_KIND[k].label for k in self.errors)

    @property
    def label(self) -> str:
        text = VERDICTS[self.kind]
        if self.kind == "erreur" and self.errors:
            text += " : " + self.error
        return text

    @property
    def ratio_text(self) -> str:
        """« ×2,1 » with enough digits to differ from 1, or "" when nothing is to be shown."""
        if self.kind in ("exact", "inverifiable") or not self.ratio or self.corrected:
            return ""
        return ratio_text(self.ratio)


def scale() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The scale as the site documents it: (label, definition, kinds of error) per degree."""
    tolerance = format_quantity(DEFAULT_TOLERANCE * 100, ureg.percent, 1)
    return [(d.label, d.definition.replace("{}", tolerance),
             [(k.label, k.definition) for k in ERROR_KINDS] if d.key == "erreur" else [])
            for d in DEGREES]


def ratio_text(ratio: float) -> str:
    """The ratio with enough significant digits to show how far it is from 1 (never ×1,0)."""
    if ratio <= 0 or not math.isfinite(ratio):
        return ""
    for sig in (2, 3, 4):
        shown = round_sig(ratio, sig)
        if shown != 1 and abs(shown - ratio) / ratio < abs(ratio - 1) / 2:
            return "×" + format_number(ratio, sig)
    return ""


# -- loading -------------------------------------------------------------------------------
def _tolerance(entry: Entry) -> float:
    raw = entry.fields.get("tolerance")
    if raw is None:
        return DEFAULT_TOLERANCE
    m = re.fullmatch(r"\s*([0-9]+(?:[.,][0-9]+)?)\s*%\s*", str(raw))
    if not m:
        raise entry.error(f"tolérance « {raw} » illisible",
                          "écrivez un pourcentage, par exemple « 5 % »", "tolerance")
    tolerance = float(m.group(1).replace(",", ".")) / 100
    if tolerance > MAX_TOLERANCE:
        raise entry.error(f"tolérance « {raw} » démesurée : un tel écart ne serait plus un "
                          "arrondi", f"une tolérance d'arrondi ne dépasse pas "
                          f"{MAX_TOLERANCE:.0%} ; au-delà, laissez le verdict dire l'écart"
                          .replace("%", "\u202f%"), "tolerance")
    return tolerance


def french_reading(written: str) -> float | None:
    """How a French reader reads a number as printed: « 4,402 » → 4.402, « 3.4 » → 3.4."""
    m = _FR_NUMBER.search(written.replace("\u202f", "").replace("\xa0", "").replace(" ", ""))
    if m:
        return float(m.group(0).replace(",", "."))
    return 1.0 if re.match(r"\s*(un|une)\b", written, re.I) else None


def _origin(entry: Entry) -> tuple[str, str, str, str]:
    f = entry.fields
    where = f.get("id", "?")
    if f.get("document"):
        if str(f["document"])[:3] not in DOCUMENTS:
            raise entry.error(f"document « {f['document']} » inconnu",
                              "indiquez le nom du fichier de ../shared/seeds/", "document")
        return (str(f["document"]), str(f.get("media", "")), str(f.get("date", "")),
                str(f.get("url", "")))
    if f.get("media"):
        missing = [k for k in ("date", "url") if not f.get(k)]
        if missing:
            raise entry.error(f"l'affirmation « {where} » tirée de « {f['media']} » n'a pas "
                              f"de champ « {missing[0]} »",
                              "indiquez la date de l'article (AAAA-MM-JJ) et son adresse",
                              "media")
        return "", str(f["media"]), str(f["date"]), str(f["url"])
    raise entry.error(f"l'affirmation « {where} » n'indique pas d'où elle vient",
                      "ajoutez « document » (fichier de ../shared/seeds/) ou « media », "
                      "« date » et « url »")


def _correspondence(entry: Entry, registry: Registry) -> Correspondence | None:
    raw = entry.fields.get("correspond_a")
    if raw is None:
        return None
    if not isinstance(raw, dict) or "estimation" not in raw:
        raise entry.error("« correspond_a » doit indiquer au moins « estimation »",
                          "écrivez par exemple « correspond_a: {estimation: …, annee: 2028} »",
                          "correspond_a")
    unknown = set(raw) - set(CORRESPONDENCE_FIELDS)
    if unknown:
        raise entry.error(f"champ inconnu « {sorted(unknown)[0]} » dans « correspond_a »",
                          "champs possibles : " + ", ".join(CORRESPONDENCE_FIELDS),
                          "correspond_a")
    if raw["estimation"] not in registry:
        raise entry.error(f"« correspond_a » renvoie à l'estimation inconnue "
                          f"« {raw['estimation']} »",
                          "indiquez un identifiant de l'annexe des estimations ou des "
                          "paramètres", "correspond_a")
    year = raw.get("annee")
    return Correspondence(str(raw["estimation"]), int(year) if year is not None else None,
                          str(raw.get("perimetre", "")))


def check_note(note: str) -> str | None:
    """The verdict word a note states, if any: the note may explain, never judge."""
    m = VERDICT_WORDS.search(note)
    return m.group(0) if m else None


def parse_claim(entry: Entry, registry: Registry) -> Claim:
    f = entry.fields
    where = f.get("id", "?")
    check_entry(entry, "affirmation")
    document, media, date, url = _origin(entry)
    try:
        unit = parse_unit(str(f["unite"]))
    except UnitError as exc:
        raise entry.error(str(exc), "écrivez une unité lisible par pint", "unite") from exc
    numbers = {}
    for key in ("valeur", "bas", "haut"):
        if key in f:
            try:
                numbers[key] = float(f[key])
            except (TypeError, ValueError):
                raise entry.error(f"« {key} » vaut « {f[key]} », qui n'est pas un nombre",
                                  "écrivez un nombre avec un point décimal", key) from None
    est = f.get("estimation")
    if est is not None and est not in registry:
        raise entry.error(f"l'affirmation « {where} » renvoie à l'estimation inconnue « {est} »",
                          "indiquez un identifiant de l'annexe des estimations ou des "
                          "paramètres, ou retirez « estimation » et donnez une « raison »",
                          "estimation")
    if est is None and not f.get("raison"):
        raise entry.error(f"l'affirmation « {where} » n'a ni « estimation » ni « raison »",
                          "indiquez l'estimation qui la recalcule, ou pourquoi elle ne peut "
                          "pas l'être")
    if est is not None:
        target = registry.unit(est)
        try:
            Q_(1, unit).to(target)
        except pint.DimensionalityError:
            raise entry.error(f"l'unité « {f['unite']} » n'est pas compatible avec celle de "
                              f"l'estimation « {est} » ({target:~})",
                              "exprimez la valeur annoncée dans une unité compatible",
                              "unite") from None
    cited = f.get("source_citee")
    if cited is not None and cited not in registry.references:
        raise entry.error(f"la source citée « {cited} » n'existe pas dans data/references.bib",
                          "ajoutez l'entrée BibTeX ou corrigez la clé", "source_citee")
    written_value = str(f.get("valeur_ecrite", ""))
    if written_value:
        read = french_reading(written_value)
        if read is None or not math.isclose(read, numbers["valeur"] / _scale_word(written_value),
                                            rel_tol=1e-9):
            raise entry.error(f"« valeur_ecrite » (« {written_value} ») ne se lit pas, en "
                              f"français, comme la valeur {f['valeur']}",
                              "« valeur » est le nombre tel qu'un lecteur français le lit "
                              "(« 4,402 » se lit 4.402)", "valeur_ecrite")
    note = str(f.get("note", "")).strip()
    word = check_note(note)
    if word:
        raise entry.error(f"la note de l'affirmation « {where} » contient « {word} », qui juge "
                          "la valeur : le verdict est calculé, la note ne peut que l'expliquer",
                          "retirez ce jugement de la note ; si le verdict calculé vous semble "
                          "faux, corrigez les champs déclarés (unite_ecrite, source_citee, "
                          "annee_citee, correspond_a…)", "note")
    for key in ("note", "raison"):
        for m in NOTE_ROLE.finditer(str(f.get(key, ""))):
            if m.group(2).strip() not in registry:
                raise entry.error(f"le rôle {{{m.group(1)}}} de « {key} » renvoie à "
                                  f"« {m.group(2)} », qui n'est ni un paramètre ni une "
                                  "estimation", "corrigez l'identifiant (voir l'annexe des "
                                  "estimations)", key)
    year = f.get("annee_citee")
    return Claim(
        id=str(f["id"]), document=document, quote=str(f["citation"]),
        value=numbers["valeur"], low=numbers.get("bas"), high=numbers.get("haut"), unit=unit,
        estimate=est, reason=str(f.get("raison", "")).strip(), tolerance=_tolerance(entry),
        cited_source=cited, cited_year=int(year) if year is not None else None,
        written_unit=str(f.get("unite_ecrite", "")), written_value=written_value,
        scope=str(f.get("perimetre", "")), matches=_correspondence(entry, registry),
        note=note, path=entry.path, line=entry.line, media=media, date=date, url=url,
    )


_SCALE_WORDS = (("trillion", 1e18), ("milliard", 1e9), ("million", 1e6), ("mille", 1e3))


def _scale_word(written: str) -> float:
    """The French multiplier a written number carries: « 3.4 million » → 1e6."""
    low = written.lower()
    for word, factor in _SCALE_WORDS:
        if word in low:
            return factor
    return 1.0


def load_claims(folder: Path, registry: Registry) -> list[Claim]:
    claims: list[Claim] = []
    seen: dict[str, Claim] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name == NO_CLAIM_FILE:
            continue
        for entry in read_entries(path):
            claim = parse_claim(entry, registry)
            if claim.id in seen:
                first = seen[claim.id]
                raise entry.error(f"l'identifiant « {claim.id} » est déjà utilisé "
                                  f"({first.path}, ligne {first.line})",
                                  "donnez un identifiant unique à chaque affirmation", "id")
            seen[claim.id] = claim
            claims.append(claim)
    return claims


@dataclass(frozen=True)
class NoClaimLine:
    document: str
    line: int
    excerpt: str
    reason: str


def load_no_claim_lines(folder: Path) -> list[NoClaimLine]:
    """Lines of the documents that hold figures but no claim, each with its reason."""
    path = folder / NO_CLAIM_FILE
    if not path.exists():
        return []
    out = []
    for entry in read_entries(path):
        entry.check_fields(("document", "ligne", "extrait", "raison"), (), "la ligne")
        if str(entry.fields["document"])[:3] not in DOCUMENTS:
            raise entry.error(f"document « {entry.fields['document']} » inconnu",
                              "indiquez le nom du fichier de ../shared/seeds/", "document")
        out.append(NoClaimLine(str(entry.fields["document"]), int(entry.fields["ligne"]),
                               str(entry.fields["extrait"]), str(entry.fields["raison"])))
    return out


# -- verdicts -------------------------------------------------------------------------------
def _agreement(stated: float, low: float | None, high: float | None, mid: float,
               v_low: float, v_high: float, has_range: bool, tolerance: float) -> str | None:
    """How a stated value (with its own range, if any) agrees with a computed one."""
    if mid and round_sig(mid, auto_sig(stated)) == round_sig(stated, auto_sig(stated)):
        return "exact"
    if mid and abs(stated / mid - 1) <= tolerance:
        return "arrondi"
    c_low = low if low is not None else stated
    c_high = high if high is not None else stated
    if (has_range or low is not None) and c_low <= v_high and c_high >= v_low:
        return "fourchette"
    return None


def _agrees_with(claim: Claim, registry: Registry, key: str, stated: float,
                 unit: pint.Unit | None = None, scale: float = 1.0) -> str | None:
    value = registry.value(key)
    try:
        value = value.to(unit or claim.unit)
    except pint.DimensionalityError:
        return None
    mid, low, high = value.magnitudes()
    c_low = claim.low * scale if claim.low is not None else None
    c_high = claim.high * scale if claim.high is not None else None
    return _agreement(stated, c_low, c_high, mid, low, high, value.has_range, claim.tolerance)


# Units a writer confuses with one another: the same quantity, another scale or system.
UNIT_FAMILIES = (
    ("second", "minute", "hour"),
    ("watt_hour", "kilowatt_hour", "megawatt_hour", "gigawatt_hour", "terawatt_hour", "joule",
     "kilojoule", "megajoule"),
    ("watt", "kilowatt", "megawatt", "gigawatt"),
    ("gCO2e", "kgCO2e", "tCO2e", "lbCO2e"),
    ("meter", "kilometer", "mile"),
    ("liter", "gallon"),
    ("byte_", "kilobyte_", "megabyte_", "gigabyte_"),
)


def _unit_swaps(unit: pint.Unit) -> list[tuple[pint.Unit, str]]:
    """Units a writer may have meant instead of `unit`: another unit of the same family
    (kWh for Wh, miles for kilometres); minutes for seconds is its own kind."""
    out = []
    items = list(unit._units.items())
    for i, (name, _power) in enumerate(items):
        family = next((f for f in UNIT_FAMILIES if name in f), ())
        for new in family:
            if new == name:
                continue
            kind = "duree" if {new, name} == {"minute", "second"} else "unite"
            parts = [f"{new if j == i else n}**{e}" for j, (n, e) in enumerate(items)]
            try:
                out.append((ureg.Unit("*".join(parts)), kind))
            except (pint.UndefinedUnitError, ValueError):
                continue
    return out


def _own_source(claim: Claim) -> str | None:
    doc = DOCUMENTS.get(claim.doc_code)
    return doc.bibkey if doc else None


def unverified_parameters(claim: Claim, registry: Registry) -> list[str]:
    """Parameters behind the claim's estimate that do not count as a verification: taken
    from the claim's own document, or not read in their primary source (verification ≠ P).
    The site's own hypotheses and definitions are not sources and do not count."""
    if claim.estimate is None:
        return []
    own = _own_source(claim)
    out = []
    for key in registry.parameters_of(claim.estimate):
        p = registry.parameters[key]
        if p.source == own:
            out.append(key)
        elif p.source == "redaction" or p.status == "definition":
            continue
        elif p.verification != "P":
            out.append(key)
    return out


def _reading_errors(claim: Claim, registry: Registry) -> tuple[list[str], str]:
    """Errors of writing that the computation confirms: the value becomes right once read
    as the writer meant it. Returns the kinds and the corrected reading."""
    if claim.estimate is None:
        return [], ""
    if _agrees_with(claim, registry, claim.estimate, claim.value):
        return [], ""
    if claim.written_value and _EN_THOUSANDS.fullmatch(claim.written_value.split()[0]):
        english = float(claim.written_value.split()[0].replace(",", "")) * \
            _scale_word(claim.written_value)
        if _agrees_with(claim, registry, claim.estimate, english,
                        scale=english / claim.value):
            return ["separateur"], format_quantity(english, claim.unit, auto_sig(english))
    if _TRILLION.search(claim.quote):
        english = claim.value / 1e6
        if _agrees_with(claim, registry, claim.estimate, english, scale=1e-6):
            return [], format_quantity(english, claim.unit, auto_sig(english))
    if claim.written_unit:
        for unit, kind in _unit_swaps(claim.unit):
            if _agrees_with(claim, registry, claim.estimate, claim.value, unit=unit):
                return [kind], format_quantity(claim.value, unit, auto_sig(claim.value))
    return [], ""


def _complement(claim: Claim, registry: Registry) -> bool:
    """A share stated for one part that the sources give to the other part of the whole."""
    if claim.estimate is None or claim.unit != ureg.percent:
        return False
    if _agrees_with(claim, registry, claim.estimate, claim.value):
        return False
    other = 100 - claim.value
    low = 100 - claim.high if claim.high is not None else None
    high = 100 - claim.low if claim.low is not None else None
    value = registry.value(claim.estimate).to(claim.unit)
    mid, v_low, v_high = value.magnitudes()
    return _agreement(other, low, high, mid, v_low, v_high, value.has_range,
                      claim.tolerance) is not None


def _as_users(unit: pint.Unit) -> pint.Unit:
    return ureg.Unit("*".join(f"{'user' if n == 'query' else n}**{e}"
                              for n, e in unit._units.items()))


def _users_for_requests(stated: pint.Unit, target: pint.Unit) -> bool:
    """A stated count of queries where the figure it reproduces counts users."""
    return "query" in stated._units and _as_users(stated) == target


def correspondence_errors(claim: Claim, registry: Registry) -> tuple[list[str], list[str]]:
    """What sets the figure the value really reproduces apart from what the claim says.
    Returns (error kinds, degrees) — empty when the value does not reproduce that figure."""
    m = claim.matches
    if m is None:
        return [], []
    target = registry.unit(m.estimate)
    errors: list[str] = []
    degrees: list[str] = []
    if _users_for_requests(claim.unit, target):
        if not _agrees_with(claim, registry, m.estimate, claim.value, unit=_as_users(claim.unit)):
            return [], []
        errors.append("utilisateurs")
    elif not _agrees_with(claim, registry, m.estimate, claim.value):
        swap = next((kind for unit, kind in (_unit_swaps(claim.unit) if claim.written_unit
                                             else [])
                     if _agrees_with(claim, registry, m.estimate, claim.value, unit=unit)),
                    None)
        if swap is None:
            return [], []
        errors.append(swap)
    own_sources = registry.sources_of(m.estimate)
    cited = claim.cited_source
    if cited and cited not in own_sources and _is_primary(registry, cited):
        errors.append("attribution")
    if claim.cited_year is not None and m.year is not None and claim.cited_year != m.year:
        errors.append("annee")
    elif claim.cited_year is None and m.year is not None and claim.doc_code in DOCUMENTS and \
            m.year > DOCUMENTS[claim.doc_code].year:
        errors.append("annee")
    if m.scope and claim.scope and m.scope != claim.scope:
        degrees.append("perimetre")
    elif claim.estimate and not errors and _older(registry, m.estimate, claim.estimate):
        degrees.append("depasse")
    elif not errors and not degrees:
        degrees.append("perimetre")
    return errors, degrees


def _misattributed(claim: Claim, registry: Registry) -> bool:
    """The value is the estimate's, but the document credits a source the site reads, and
    that source is not among those the estimate rests on."""
    cited = claim.cited_source
    return bool(cited and claim.estimate and _is_primary(registry, cited)
                and cited not in registry.sources_of(claim.estimate)
                and _agrees_with(claim, registry, claim.estimate, claim.value))


def _is_primary(registry: Registry, key: str) -> bool:
    """A source some parameter was read in: a document the site can check a figure against."""
    return any(p.source == key for p in registry.parameters.values())


def _older(registry: Registry, old: str, new: str) -> bool:
    def year(key: str) -> int:
        years = [registry.parameters[p].year for p in registry.parameters_of(key)
                 if registry.parameters[p].source != "redaction"]
        return max(years) if years else 0
    return year(old) < year(new)


def _across_scopes(claim: Claim, registry: Registry) -> bool:
    """The claim compares figures of different scopes: the estimate that recomputes it (or the
    one it reproduces) is a ratio across scopes (side_by_side.RatioScope), « dix fois une
    recherche Google »."""
    keys = [claim.estimate] + ([claim.matches.estimate] if claim.matches else [])
    for key in keys:
        r = registry.ratio_scope(key) if key else None
        if r is not None and r.across:
            return True
    return False


def verdict(claim: Claim, registry: Registry) -> Verdict:
    errors: list[str] = []
    corrected = ""
    if _TRILLION.search(claim.quote):
        errors.append("anglicisme")
    if any(p.search(claim.written_unit) for p, _ in WRONG_NOTATIONS):
        errors.append("notation")
    reading, corrected = _reading_errors(claim, registry)
    errors += reading
    if _complement(claim, registry):
        errors.append("sens")
    corr_errors, corr_degrees = correspondence_errors(claim, registry)
    errors += corr_errors
    if claim.matches is None and _misattributed(claim, registry):
        errors.append("attribution")
    errors = sorted(set(errors), key=_RANK.__getitem__)

    if claim.estimate is None:
        if errors:
            return Verdict(claim, "erreur", None, tuple(errors), None, corrected)
        if corr_degrees:
            return Verdict(claim, corr_degrees[0], None, (), None)
        return Verdict(claim, "inverifiable", None, (), None)
    value = registry.value(claim.estimate).to(claim.unit)
    mid, low, high = value.magnitudes()
    ratio = claim.value / mid if mid else math.inf
    if errors:
        return Verdict(claim, "erreur", ratio, tuple(errors), mid, corrected)
    if _across_scopes(claim, registry):
        return Verdict(claim, "perimetre", ratio, (), mid)
    degree = _agreement(claim.value, claim.low, claim.high, mid, low, high, value.has_range,
                        claim.tolerance)
    if degree is not None:
        unverified = tuple(unverified_parameters(claim, registry))
        if unverified:
            degree = "repris"
        return Verdict(claim, degree, ratio, (), mid, "", unverified)
    if corr_degrees:
        return Verdict(claim, corr_degrees[0], ratio, (), mid)
    return Verdict(claim, "inexact", ratio, (), mid)


def verdicts(registry: Registry, folder: Path) -> list[Verdict]:
    return [verdict(c, registry) for c in load_claims(folder, registry)]
