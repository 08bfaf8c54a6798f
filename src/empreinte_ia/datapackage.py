"""The open data described: a Frictionless data package (datapackage.json) and unit definitions.

Every column of the CSV files is described (type, meaning, unit); the licence and the sources,
as full references, are named. Units are pint strings (« Wh / query »); the counted units of
the project (query, household, gCO2e…) are defined in `unites.txt`, which a plain pint registry
loads: `ureg.load_definitions("unites.txt")`.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pint
from pint.facets.plain.definitions import ScaleConverter

from .registry import Registry
from .units import ureg

LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
UNITS_FILE = "unites.txt"

_ID = ("id", "string", "Identifiant stable de l'entrée (il ne change pas entre les versions)")
_LABEL = ("libelle", "string", "Ce que mesure la valeur, en français")
_VALUE = ("valeur", "number", "Valeur centrale, dans l'unité de la colonne « unite »")
_LOW = ("bas", "number", "Borne basse de la fourchette ; vide quand il n'y a pas de fourchette")
_HIGH = ("haut", "number", "Borne haute de la fourchette ; vide quand il n'y a pas de fourchette")
_UNIT = ("unite", "string", "Unité, lisible par pint (unités de comptage définies dans "
         f"{UNITS_FILE}) ; vide pour un nombre sans dimension")
_UNIT_FR = ("unite_libelle", "string", "Unité écrite en français (« Wh par requête »)")
_SIG = ("chiffres_significatifs", "integer", "Chiffres significatifs affichés sur le site")
_URL = ("url", "string", "Adresse permanente de l'entrée dans les annexes du site")

FIELDS = {
    "estimations": [
        _ID, _LABEL, _VALUE, _LOW, _HIGH, _UNIT, _UNIT_FR, _SIG,
        ("formule", "string", "Formule de calcul, en français"),
        ("entrees", "string", "Identifiants des entrées directes, séparés par « ; »"),
        ("parametres", "string", "Identifiants de tous les paramètres utilisés, séparés par « ; »"),
        ("sources", "string", "Clés des sources (voir « sources » du paquet), séparées par « ; »"),
        _URL,
    ],
    "parametres": [
        _ID, _LABEL, _VALUE, _LOW, _HIGH, _UNIT, _UNIT_FR, _SIG,
        ("source", "string", "Clé de la source (voir « sources » du paquet)"),
        ("reference", "string", "Référence complète de la source"),
        ("localisation", "string", "Où la valeur se trouve dans la source (page, tableau…)"),
        ("annee", "integer", "Année de la source"),
        ("statut", "string", "mesure, declare, estime, hypothese ou definition"),
        ("verification", "string", "P : lu dans la source primaire ; S : vu cité ; U : non vérifié"),
        ("note", "string", "Remarque pour le lecteur ; vide si aucune"),
        ("version_source", "string", "Version de la source lue ; vide si non précisée"),
        ("motif_verification", "string", "Pourquoi la valeur n'est pas lue dans la source "
                                         "primaire ; vide sinon"),
        ("consulte", "string", "Date de consultation de la source ; vide si non précisée"),
        ("licence", "string", "Licence de la donnée source ; vide si non précisée"),
        _URL,
    ],
    "verifications": [
        ("id", "string", "Identifiant de l'affirmation"),
        ("document", "string", "Document d'origine de l'affirmation"),
        ("citation", "string", "Passage cité du document"),
        ("valeur_annoncee", "number", "Valeur annoncée par le document, dans « unite »"),
        _UNIT,
        ("estimation", "string", "Identifiant de l'estimation qui la recalcule ; vide sinon"),
        ("valeur_calculee", "number", "Valeur recalculée, dans « unite » ; vide sinon"),
        ("rapport", "number", "Valeur annoncée ÷ valeur calculée ; vide sinon"),
        ("verdict", "string", "accord, arrondi, fourchette, ecart, erreur ou inverifiable"),
        ("verdict_libelle", "string", "Verdict en français"),
        ("url", "string", "Adresse de la vérification sur le site"),
    ],
}
TITLES = {
    "estimations": "Estimations calculées par le site",
    "parametres": "Paramètres sourcés",
    "verifications": "Affirmations des documents d'origine et leur verdict",
}


def columns(name: str) -> list[str]:
    return [f[0] for f in FIELDS[name]]


def descriptor(registry: Registry, meta: dict) -> dict:
    """datapackage.json for the three tables written by export.write_all."""
    used = sorted({p.source for p in registry.parameters.values()})
    sources = []
    for key in used:
        ref = registry.references.get(key)
        item = {"title": f"{key} : {ref.text() if ref else key}"}
        if ref and ref.url:
            item["path"] = ref.url
        sources.append(item)
    resources = []
    for name, fields in FIELDS.items():
        resources.append({
            "name": name, "path": f"{name}.csv", "title": TITLES[name], "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "profile": "tabular-data-resource",
            "schema": {"fields": [{"name": n, "type": t, "description": d}
                                  for n, t, d in fields],
                       "primaryKey": ["id"], "missingValues": [""]},
        })
    return {
        "profile": "tabular-data-package",
        "name": "ia-environnement-chiffres",
        "title": meta.get("site", ""),
        "description": "Paramètres sourcés, estimations calculées et vérification des affirmations "
                       "sur l'empreinte environnementale de l'IA. Unités : chaînes lisibles par "
                       f"pint, unités de comptage définies dans {UNITS_FILE}.",
        "version": meta.get("version", ""),
        "homepage": meta.get("url", ""),
        "licenses": [LICENCE],
        "sources": sources,
        "contributors": [{"title": "Les contributeurs du projet IA et environnement",
                          "role": "author"}],
        "resources": resources,
    }


def _definition(name: str) -> str:
    d = ureg._units[name]
    assert d.reference is not None  # pint gives every unit it defines a reference
    ref = " * ".join(f"{u}**{p}" if p != 1 else u for u, p in d.reference.items())
    alias = f" = {d.symbol}" if d.symbol and d.symbol != name else ""
    if d.is_base:
        return f"{name} = {ref}{alias}"
    assert isinstance(d.converter, ScaleConverter), name  # ours are all multiples
    return f"{name} = {d.converter.scale!r} * {ref}{alias}"


def pint_definitions(unit_strings: set[str]) -> str:
    """Definitions, for a default pint registry, of every unit it does not know."""
    return _definitions(frozenset(unit_strings))


@functools.lru_cache(maxsize=8)  # the same units for every site a process builds (the tests)
def _definitions(unit_strings: frozenset[str]) -> str:
    plain: pint.UnitRegistry = pint.UnitRegistry(cache_folder=":auto:")  # parsed definitions cached, as in units.py
    todo = sorted({n for s in unit_strings if s for n in ureg.Unit(s)._units})
    lines: list[str] = []
    seen: set[str] = set()
    while todo:
        name = todo.pop(0)
        if name in seen or (name in plain and name not in ureg._units):
            continue
        seen.add(name)
        try:
            plain.Unit(name)
            known = name not in ureg._units or ureg._units[name].reference == \
                plain._units[name].reference
        except (pint.errors.UndefinedUnitError, KeyError):
            known = False
        if known:
            continue
        d = ureg._units[name]
        if not d.is_base:
            todo += [u for u in d.reference or () if u not in seen]
        lines.append(_definition(name))
    # Base units first, so that every definition refers to known names.
    lines.sort(key=lambda line: ("[" not in line, line))
    return ("# Unités du projet pour pint : ureg.load_definitions(\"unites.txt\")\n"
            + "\n".join(lines) + "\n")


def write(registry: Registry, folder: Path, meta: dict, unit_strings: set[str]) -> None:
    (folder / "datapackage.json").write_text(
        json.dumps(descriptor(registry, meta), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    (folder / UNITS_FILE).write_text(pint_definitions(unit_strings), encoding="utf-8")
