"""Scope tags of per-query figures (« perimetre »): validation, French wording, comparison.

A figure of energy, carbon or water per query, image or video says what it counts: which
stages of the serving stack (the A–F ladder), measured on a test bench or in production, which
statistic, how many tokens, which model, which carbon and water accounting, which version of
its source, and whether a method was published. Two figures can only sit side by side when
these tags agree, or when one is brought to the other's scope by a visible conversion.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import jsonschema

from .units import Q_

# The ladder of sources.md, from the narrowest to the widest boundary.
STAGES = {
    "A": "accélérateurs actifs",
    "B": "serveur hôte (processeur, mémoire)",
    "C": "capacité en réserve",
    "D": "surcoût du centre de données (PUE)",
    "E": "fabrication du matériel",
    "F": "reste du cycle de vie (entraînement, amont, réseau)",
}
UTILISATION = {
    "production": "en service réel",
    "banc": "sur banc d'essai",
    "supposee": "taux d'utilisation supposé",
}
STATISTICS = {
    "mediane": "médiane",
    "moyenne": "moyenne",
    "typique": "requête typique",
    "une_requete": "une requête définie",
}
CARBON = {"lieu": "électricité du réseau local (location-based)",
          "marche": "électricité achetée (market-based)"}
WATER = {"sur_site": "eau du site", "hors_site": "eau de la production d'électricité",
         "sur_et_hors_site": "eau du site et de la production d'électricité",
         "cycle_de_vie": "eau du cycle de vie"}
METHOD = {"publiee": "méthode publiée", "non_publiee": "aucune méthode publiée"}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "perimetre",
    "type": "object",
    "additionalProperties": False,
    "required": ["frontiere", "statistique", "modele", "methode"],
    "properties": {
        "frontiere": {"oneOf": [
            {"const": "inconnue"},
            {"type": "array", "minItems": 1, "uniqueItems": True,
             "items": {"enum": list(STAGES)}},
        ]},
        "utilisation": {"enum": list(UTILISATION)},
        "statistique": {"enum": list(STATISTICS)},
        "jetons_entree": {"type": "integer", "minimum": 1},
        "jetons_sortie": {"type": "integer", "minimum": 1},
        "modele": {"type": "string", "minLength": 1},
        "carbone": {"enum": list(CARBON)},
        "eau": {"enum": list(WATER)},
        "version": {"type": "string", "minLength": 1},
        "methode": {"enum": list(METHOD)},
    },
}
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Tags that must agree for two figures to sit side by side (statistic, tokens and model are
# what a comparison compares; they are shown, not converted).
COMPARED = ("boundary", "utilisation", "carbon", "water")


class ScopeError(ValueError):
    """A French message and its fix; the caller adds file and line."""

    def __init__(self, message: str, fix: str):
        self.message = message
        self.fix = fix
        super().__init__(message)


@dataclass(frozen=True)
class Scope:
    boundary: tuple[str, ...] | None  # None: unknown (no method published)
    utilisation: str | None
    statistic: str
    tokens_in: int | None
    tokens_out: int | None
    model: str
    carbon: str | None
    water: str | None
    version: str
    method_published: bool

    @property
    def boundary_code(self) -> str:
        """« A+B+D », or « inconnu »."""
        return "+".join(self.boundary) if self.boundary else "inconnu"

    def key(self) -> tuple:
        return tuple(getattr(self, name) for name in COMPARED)

    def differences(self, other: Scope) -> list[str]:
        """French names of the compared tags on which two scopes differ."""
        names = {"boundary": "périmètre", "utilisation": "utilisation",
                 "carbon": "comptabilité du carbone", "water": "eau comptée"}
        return [names[n] for n in COMPARED if getattr(self, n) != getattr(other, n)]

    def describe(self) -> list[tuple[str, str]]:
        """The tags in French, label and value, in reading order."""
        rows = []
        if self.boundary:
            rows.append(("Périmètre", self.boundary_code + " : "
                         + ", ".join(STAGES[s] for s in self.boundary)))
        else:
            rows.append(("Périmètre", "inconnu"))
        if self.utilisation:
            rows.append(("Utilisation", UTILISATION[self.utilisation]))
        rows.append(("Statistique", STATISTICS[self.statistic]))
        tokens = []
        if self.tokens_in:
            tokens.append(f"{_int(self.tokens_in)} en entrée")
        if self.tokens_out:
            tokens.append(f"{_int(self.tokens_out)} en sortie")
        if tokens:
            rows.append(("Jetons", ", ".join(tokens)))
        rows.append(("Modèle", self.model))
        if self.carbon:
            rows.append(("Carbone", CARBON[self.carbon]))
        if self.water:
            rows.append(("Eau", WATER[self.water]))
        if self.version:
            rows.append(("Version de la source", self.version))
        rows.append(("Méthode", METHOD["publiee" if self.method_published else "non_publiee"]))
        return rows

    def short(self) -> str:
        """One line: « A+B+D, sur banc d'essai, médiane »."""
        parts = [self.boundary_code if self.boundary else "périmètre inconnu"]
        if self.utilisation:
            parts.append(UTILISATION[self.utilisation])
        parts.append(STATISTICS[self.statistic])
        if not self.method_published:
            parts.append(METHOD["non_publiee"])
        return ", ".join(parts)


def _int(n: int) -> str:
    from .formatting import auto_sig, format_number

    return format_number(n, max(auto_sig(n), len(str(n))))


def _path(error: jsonschema.ValidationError) -> str:
    return ".".join(str(p) for p in error.absolute_path) or "perimetre"


def parse_scope(raw: Any, default_version: str = "") -> Scope:
    """Validate a « perimetre » mapping against SCHEMA; raise ScopeError in French."""
    if not isinstance(raw, dict):
        raise ScopeError("« perimetre » doit être un ensemble de champs « clé: valeur »",
                         "écrivez « perimetre: » puis les étiquettes indentées en dessous")
    errors = sorted(_VALIDATOR.iter_errors(raw), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        where = _path(err)
        if err.validator == "required":
            missing = next(k for k in SCHEMA["required"] if k not in raw)
            raise ScopeError(f"le périmètre n'a pas d'étiquette « {missing} »",
                             f"ajoutez « {missing}: … » sous « perimetre »")
        if err.validator == "additionalProperties":
            extra = sorted(set(raw) - set(SCHEMA["properties"]))[0]
            raise ScopeError(f"étiquette de périmètre inconnue « {extra} »",
                             "étiquettes possibles : " + ", ".join(SCHEMA["properties"]))
        allowed = {"frontiere": "une liste parmi " + ", ".join(STAGES) + ", ou « inconnue »",
                   "utilisation": ", ".join(UTILISATION), "statistique": ", ".join(STATISTICS),
                   "carbone": ", ".join(CARBON), "eau": ", ".join(WATER),
                   "methode": ", ".join(METHOD)}
        key = where.split(".")[0]
        fix = (f"valeurs possibles : {allowed[key]}" if key in allowed
               else "un nombre entier positif" if key.startswith("jetons")
               else "un texte non vide")
        raise ScopeError(f"étiquette « {key} » invalide ({raw.get(key)!r})", fix)
    boundary = raw["frontiere"]
    published = raw["methode"] == "publiee"
    if (boundary == "inconnue") == published:
        raise ScopeError("« frontiere: inconnue » va avec « methode: non_publiee », et seulement "
                         "avec elle",
                         "donnez les étages comptés quand la méthode est publiée, ou écrivez "
                         "« frontiere: inconnue » et « methode: non_publiee »")
    if boundary != "inconnue":
        boundary = tuple(sorted(boundary))
        if "A" not in boundary:
            raise ScopeError("un périmètre sans les accélérateurs (A) ne mesure pas l'inférence",
                             "ajoutez A à la liste « frontiere »")
    return Scope(
        boundary=None if boundary == "inconnue" else boundary,
        utilisation=raw.get("utilisation"), statistic=raw["statistique"],
        tokens_in=raw.get("jetons_entree"), tokens_out=raw.get("jetons_sortie"),
        model=raw["modele"], carbon=raw.get("carbone"), water=raw.get("eau"),
        version=str(raw.get("version") or default_version), method_published=published,
    )


# -- which figures need a scope ------------------------------------------------------------
_KINDS = (("energy", "Wh"), ("carbon", "gCO2e"), ("water", "mL"))
_PER = ("query", "image", "video")


def kind_of(unit) -> str | None:
    """« energy », « carbon » or « water » for a unit per query, image or video; else None."""
    return _kind_of(str(unit))


@cache
def _kind_of(unit: str) -> str | None:
    # Cached: a few distinct units among hundreds of figures, and each miss costs pint nine
    # failed conversions (a third of the registry's load time before the cache).
    for kind, base in _KINDS:
        for per in _PER:
            try:
                Q_(1, unit).to(f"{base}/{per}")
                return kind
            except Exception:  # noqa: BLE001 - pint raises several kinds
                continue
    return None


def check_kind(scope: Scope, kind: str) -> None:
    """A carbon figure says its carbon accounting, a water figure which water it counts."""
    if kind == "carbon" and scope.carbon is None:
        raise ScopeError("un chiffre de carbone par requête doit dire sa comptabilité",
                         "ajoutez « carbone: lieu » ou « carbone: marche » sous « perimetre »")
    if kind == "water" and scope.water is None:
        raise ScopeError("un chiffre d'eau par requête doit dire quelle eau il compte",
                         "ajoutez « eau: » (" + ", ".join(WATER) + ") sous « perimetre »")
    if kind != "carbon" and scope.carbon is not None:
        raise ScopeError("« carbone » ne s'applique qu'aux chiffres d'émissions",
                         "retirez l'étiquette « carbone »")
    if kind != "water" and scope.water is not None:
        raise ScopeError("« eau » ne s'applique qu'aux chiffres d'eau",
                         "retirez l'étiquette « eau »")
