"""Sourced parameters: loading and validating data/parameters/*.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pint

from .datafile import DataError, Entry, read_entries
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
REQUIRED = ("id", "libelle", "valeur", "unite", "source", "localisation", "annee", "statut",
            "verification")
OPTIONAL = ("bas", "haut", "note", "chiffres", "consulte", "version_source", "motif_verification",
            "perimetre", "licence")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_FLOAT = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")


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


def _number(entry: Entry, key: str) -> float:
    raw = entry.fields[key]
    if isinstance(raw, str) and _FLOAT.match(raw.strip()):
        return float(raw)  # YAML 1.1 reads "772e9" as text
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise entry.error(
            f"le champ « {key} » vaut « {raw} », qui n'est pas un nombre",
            "écrivez un nombre avec un point décimal et sans unité, par exemple 0.42 ou 772e9",
            key,
        )
    return float(raw)


def parse_parameter(entry: Entry, references: dict[str, Reference]) -> Parameter:
    f = entry.fields
    entry.check_fields(REQUIRED, OPTIONAL, "le paramètre")
    pid = str(f["id"])
    if not _ID.match(pid):
        raise entry.error(f"identifiant « {pid} » invalide",
                          "lettres minuscules sans accent, chiffres et « _ » seulement", "id")
    try:
        unit = parse_unit(str(f["unite"]))
    except UnitError as exc:
        raise entry.error(str(exc), "écrivez une unité lisible par pint, par exemple "
                          "« Wh/query », « MWh/year », « kgCO2e/kWh », « L »", "unite") from exc
    mid = _number(entry, "valeur")
    low = _number(entry, "bas") if "bas" in f else None
    high = _number(entry, "haut") if "haut" in f else None
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
    if f["statut"] not in STATUSES:
        raise entry.error(f"statut « {f['statut']} » inconnu",
                          "statuts possibles : " + ", ".join(STATUSES), "statut")
    if f["verification"] not in VERIFICATIONS:
        raise entry.error(f"niveau de vérification « {f['verification']} » inconnu",
                          "niveaux possibles : P (source primaire), S (secondaire), "
                          "U (non vérifié)", "verification")
    if not isinstance(f["annee"], int):
        raise entry.error(f"l'année « {f['annee']} » n'est pas un nombre entier",
                          "écrivez l'année de la source, par exemple 2025", "annee")
    sig = f.get("chiffres")
    if sig is not None and (not isinstance(sig, int) or not 1 <= sig <= 8):
        raise entry.error("« chiffres » doit être un entier entre 1 et 8",
                          "indiquez le nombre de chiffres significatifs à afficher", "chiffres")
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


def load_parameters(folder: Path, references: dict[str, Reference]) -> dict[str, Parameter]:
    params: dict[str, Parameter] = {}
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise DataError(folder, None, "aucun fichier de paramètres (*.yaml)",
                        "ajoutez au moins un fichier de paramètres dans ce dossier")
    for path in files:
        for entry in read_entries(path):
            p = parse_parameter(entry, references)
            if p.id in params:
                first = params[p.id]
                raise entry.error(
                    f"l'identifiant « {p.id} » est déjà utilisé ({first.path}, ligne {first.line})",
                    "donnez un identifiant unique à chaque paramètre", "id")
            params[p.id] = p
    return params
