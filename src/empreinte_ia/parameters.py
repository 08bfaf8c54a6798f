"""Sourced parameters: loading and validating data/parameters/*.yaml."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pint

from .datafile import DataError, Entry, read_entries
from .memo import remember
from .schema import check_entry, frozen, properties
from .scope import Scope, ScopeError, check_kind, kind_of, parse_scope
from .sources import Reference
from .units import UnitError, parse_unit
from .value import Value

STATUSES = {
    "mesure": "mesuré",
    "declare": "déclaré par l'entreprise",
    "estime": "estimé",
    "hypothese": "hypothèse",
    "definition": "définition",
}
VERIFICATIONS = {
    "P": "lu dans la source primaire",
    "S": "vu cité dans des sources secondaires",
    "U": "non vérifié",
}
# The fields and their types are in schemas/parametre.json.
REQUIRED, OPTIONAL = properties("parametre")


@dataclass(frozen=True)
class Parameter:
    id: str
    label: str
    value: Value
    unit: pint.Unit
    source: str
    locator: str
    year: int
    status: str
    verification: str
    note: str
    sig: int | None
    path: Path
    line: int
    # Which version of the source was read (« arXiv:2505.09598v6 », « rapport de décembre 2024 »).
    source_version: str = ""
    # Why the value is not (yet) read in the primary text: shown as a neutral status.
    verification_reason: str = ""
    # Scope tags of a per-query figure (boundary, statistic, tokens, carbon and water basis).
    scope: Scope | None = None
    accessed: str = ""
    licence: str = ""

    @property
    def status_fr(self) -> str:
        return STATUSES[self.status]

    @property
    def verification_fr(self) -> str:
        return VERIFICATIONS[self.verification]


def parse_parameter(entry: Entry, references: dict[str, Reference]) -> Parameter:
    """A checked parameter: types and bounds by the schema, then what links fields together."""
    f = entry.fields
    check_entry(entry, "parametre")
    pid = f["id"]
    try:
        unit = parse_unit(str(f["unite"]))
    except UnitError as exc:
        raise entry.error(str(exc), "écrivez une unité lisible par pint, par exemple "
                          "« Wh/query », « MWh/year », « kgCO2e/kWh », « L »", "unite") from exc
    mid = float(f["valeur"])
    low = float(f["bas"]) if "bas" in f else None
    high = float(f["haut"]) if "haut" in f else None
    if low is not None and low > mid:
        raise entry.error(f"bas ({low:g}) est plus grand que la valeur ({mid:g})",
                          "vérifiez l'ordre : bas ≤ valeur ≤ haut", "bas")
    if high is not None and high < mid:
        raise entry.error(f"haut ({high:g}) est plus petit que la valeur ({mid:g})",
                          "vérifiez l'ordre : bas ≤ valeur ≤ haut", "haut")
    source = str(f["source"])
    if source not in references:
        raise entry.error(f"la source « {source} » n'existe pas dans data/references.bib",
                          "ajoutez l'entrée BibTeX correspondante ou corrigez la clé", "source")
    sig = f.get("chiffres")
    scope = _scope(entry, unit)
    return Parameter(
        id=pid, label=str(f["libelle"]), value=Value.of(mid, low, high, unit), unit=unit,
        source=source, locator=str(f["localisation"]), year=f["annee"], status=f["statut"],
        verification=f["verification"], note=str(f.get("note", "")), sig=sig,
        path=entry.path, line=entry.line,
        source_version=str(f.get("version_source", "")),
        verification_reason=str(f.get("motif_verification", "")),
        scope=scope, accessed=str(f.get("consulte", "")),
        licence=str(f.get("licence", "")),
    )


def _scope(entry: Entry, unit: pint.Unit) -> Scope | None:
    """The validated « perimetre »; required for energy, carbon or water per query."""
    f = entry.fields
    kind = kind_of(unit)
    if "perimetre" not in f:
        if kind is not None:
            raise entry.error(f"le paramètre « {f['id']} » est un chiffre par requête, image ou "
                              "vidéo sans « perimetre »",
                              "ajoutez « perimetre: » avec au moins frontiere, statistique, "
                              "modele et methode (voir CONTRIBUTING.md)")
        return None
    try:
        scope = parse_scope(f["perimetre"], str(f.get("version_source", "")))
        if kind is not None:
            check_kind(scope, kind)
    except ScopeError as exc:
        raise entry.error(exc.message, exc.fix, "perimetre") from None
    return scope


# The parameters already parsed in this process, by their fields and whether their source is
# known (all that parse_parameter reads besides them): the tests and the builds read the same
# entries again, from copies of data/ in other folders.
_PARSED: dict[tuple, Parameter] = {}


def _parsed(entry: Entry, references: dict[str, Reference]) -> Parameter:
    """`parse_parameter`, once per content: the parameter of an entry already read, at the file
    and line of this one."""
    fields = frozen(entry.fields)
    if fields is None:
        return parse_parameter(entry, references)
    key = (fields, str(entry.fields.get("source")) in references)
    if key not in _PARSED:
        remember(_PARSED, key, parse_parameter(entry, references), 4096)
    return replace(_PARSED[key], path=entry.path, line=entry.line)


def load_parameters(folder: Path, references: dict[str, Reference]) -> dict[str, Parameter]:
    params: dict[str, Parameter] = {}
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise DataError(folder, None, "aucun fichier de paramètres (*.yaml)",
                        "ajoutez au moins un fichier de paramètres dans ce dossier")
    for path in files:
        for entry in read_entries(path):
            p = _parsed(entry, references)
            if p.id in params:
                first = params[p.id]
                raise entry.error(
                    f"l'identifiant « {p.id} » est déjà utilisé ({first.path}, ligne {first.line})",
                    "donnez un identifiant unique à chaque paramètre", "id")
            params[p.id] = p
    return params
