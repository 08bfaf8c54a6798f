"""Claims of the source documents (data/claims/*.yaml) and their computed verdicts.

A verdict is never typed: it follows from the claim's stated value and the current value
of the registry entry that recomputes it. Change a parameter and the verdicts follow.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pint

from .datafile import Entry, read_entries
from .formatting import auto_sig, round_sig
from .registry import Registry
from .schema import check_entry, properties
from .units import Q_, UnitError, parse_unit

DOCUMENTS = {
    "000": "Infographie « Pourquoi les IA consomment-elles ? »",
    "001": "Article long « Quel impact global de l'IA ? »",
    "002": "Cours « La face cachée de l'intelligence artificielle » (R. Emonet)",
    "003": "Billet de blog « L'IA et son coût écologique » (A. Lima)",
    "004": "Texte court sur la mesure de la consommation de l'IA",
}
# The fields and their types are in schemas/affirmation.json: add a new field there.
REQUIRED, OPTIONAL = properties("affirmation")
DEFAULT_TOLERANCE = 0.05
# Beyond this, « arrondi acceptable » would cover a real error.
MAX_TOLERANCE = 0.25

VERDICTS = {
    "accord": "en accord",
    "arrondi": "arrondi acceptable",
    "fourchette": "dans la fourchette",
    "ecart": "écart",
    "erreur": "erreur",
    "inverifiable": "invérifiable",
}


@dataclass(frozen=True)
class Claim:
    id: str
    document: str
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
    note: str
    path: Path
    line: int

    @property
    def doc_code(self) -> str:
        return self.document[:3]


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    kind: str            # key of VERDICTS
    ratio: float | None  # claim ÷ computed
    error: str           # named kind of error, French
    computed: float | None  # computed central value, in the claim's unit

    @property
    def label(self) -> str:
        text = VERDICTS[self.kind]
        if self.kind == "erreur" and self.error:
            text += f" : {self.error}"
        return text


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


def parse_claim(entry: Entry, registry: Registry) -> Claim:
    f = entry.fields
    where = f.get("id", "?")
    check_entry(entry, "affirmation")
    if str(f["document"])[:3] not in DOCUMENTS:
        raise entry.error(f"document « {f['document']} » inconnu",
                          "indiquez le nom du fichier de ../shared/seeds/", "document")
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
    return Claim(
        id=str(f["id"]), document=str(f["document"]), quote=str(f["citation"]),
        value=numbers["valeur"], low=numbers.get("bas"), high=numbers.get("haut"), unit=unit,
        estimate=est, reason=str(f.get("raison", "")), tolerance=_tolerance(entry),
        cited_source=cited, cited_year=f.get("annee_citee"), note=str(f.get("note", "")),
        path=entry.path, line=entry.line,
    )


def load_claims(folder: Path, registry: Registry) -> list[Claim]:
    claims: list[Claim] = []
    seen: dict[str, Claim] = {}
    for path in sorted(folder.glob("*.yaml")):
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


def _named_error(ratio: float) -> str:
    """Name the error when the ratio betrays it."""
    if ratio <= 0:
        return "signe ou sens inversé"
    exponent = math.log10(ratio)
    k = round(exponent)
    if k != 0 and abs(exponent - k) < 0.05:
        return f"unité décalée d'un facteur {10 ** abs(k):,}".replace(",", "\u202f")
    for factor, name in ((60, "minutes et secondes confondues"),
                         (3600, "heures et secondes confondues"),
                         (3.6, "kWh et MJ confondus"),
                         (1000 / 453.59237, "livres et kilogrammes confondus")):
        if abs(math.log(ratio) - math.log(factor)) < 0.015 or \
                abs(math.log(ratio) + math.log(factor)) < 0.015:
            return name
    return ""


def verdict(claim: Claim, registry: Registry) -> Verdict:
    if claim.estimate is None:
        return Verdict(claim, "inverifiable", None, "", None)
    value = registry.value(claim.estimate).to(claim.unit)
    mid, low, high = value.magnitudes()
    ratio = claim.value / mid if mid else math.inf
    entry_sources = registry.sources_of(claim.estimate)
    if claim.cited_source and claim.cited_source not in entry_sources:
        return Verdict(claim, "erreur", ratio, "attribution erronée", mid)
    if claim.cited_year is not None:
        years = {registry.parameters[p].year for p in registry.parameters_of(claim.estimate)}
        if claim.cited_year not in years:
            return Verdict(claim, "erreur", ratio, "mauvaise année", mid)
    if round_sig(mid, auto_sig(claim.value)) == round_sig(claim.value, auto_sig(claim.value)):
        return Verdict(claim, "accord", ratio, "", mid)
    if abs(ratio - 1) <= claim.tolerance:
        return Verdict(claim, "arrondi", ratio, "", mid)
    c_low = claim.low if claim.low is not None else claim.value
    c_high = claim.high if claim.high is not None else claim.value
    if c_low <= high and c_high >= low and (value.has_range or claim.low is not None):
        return Verdict(claim, "fourchette", ratio, "", mid)
    named = _named_error(ratio)
    if named:
        return Verdict(claim, "erreur", ratio, named, mid)
    return Verdict(claim, "ecart", ratio, "", mid)


def verdicts(registry: Registry, folder: Path) -> list[Verdict]:
    return [verdict(c, registry) for c in load_claims(folder, registry)]
