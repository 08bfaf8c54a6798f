"""A release snapshot: every figure, parameter and verdict of one state of the site, as plain data.

This module imports nothing from the package on purpose: `releases.py` loads it next to an
*older* copy of the package (a git worktree of a past commit) to freeze what that commit
published, with that commit's own code. It only relies on the registry's long-standing API
(`parameters`, `estimates`, `references`, `value`, `label`, `unit`, `parameters_of`,
`sources_of`) and reads newer fields with `getattr`, so that a past registry still freezes.

The snapshot is deterministic: sorted keys, numbers rounded to 12 significant digits (no
float noise such as 39.99999999999999), `null` where there is no range.
"""

from __future__ import annotations

import re
from dataclasses import asdict, is_dataclass
from pathlib import Path

FORMAT = 1
# Roles that show a figure in a chapter, and identifiers quoted in code cells.
_ROLE = re.compile(r"\{(?:chiffre|nombre|plage)\}`([a-z][a-z0-9_]*)`")
_QUOTED = re.compile(r"[\"']([a-z][a-z0-9_]*)[\"']")
ANNEX_PAGES = {"parametres": "annexes/parametres", "estimations": "annexes/estimations",
               "verdicts": "annexes/verification"}


def annex_page(section: str, entry: dict | None) -> str:
    """The annex page of an entry: one per theme (its data file or module), since 0.2.0."""
    group = (entry or {}).get("groupe")
    return f"{ANNEX_PAGES[section]}/{group}.html" if group else f"{ANNEX_PAGES[section]}.html"


def number(x: float | None) -> float | int | None:
    """A float without representation noise: 12 significant digits, integers as integers."""
    if x is None:
        return None
    rounded = float(f"{float(x):.12g}")
    return int(rounded) if rounded.is_integer() and abs(rounded) < 1e15 else rounded


def _scope(entry) -> dict | None:
    """Scope tags as plain data (a mapping in older trees, a dataclass since 0.2.0)."""
    scope = getattr(entry, "scope", None)
    if not scope:
        return None
    if is_dataclass(scope) and not isinstance(scope, type):
        scope = asdict(scope)
    return {k: list(v) if isinstance(v, (tuple, list, set, frozenset)) else v
            for k, v in sorted(dict(scope).items())}


def _values(value) -> dict:
    mid, low, high = (float(v.magnitude) for v in (value.mid, value.low, value.high))
    ranged = not (low == mid == high)
    return {"valeur": number(mid), "bas": number(low) if ranged else None,
            "haut": number(high) if ranged else None}


def _unit(unit) -> str:
    return f"{unit:~}"


def _reference(registry, key: str, locator: str = "", source_version: str = "") -> dict:
    ref = registry.references.get(key)
    out = {"cle": key, "reference": ref.text() if ref else key,
           "court": ref.short() if ref else key, "url": ref.url if ref else ""}
    if locator:
        out["localisation"] = locator
    if source_version:
        out["version_source"] = source_version
    return out


def _texts(render, registry, key: str, ranged: bool) -> dict:
    if render is None:
        return {}
    return {"texte": render(registry, key, "chiffre"),
            "plage_texte": render(registry, key, "plage") if ranged else None}


def parameter(registry, key: str, render=None) -> dict:
    p = registry.parameters[key]
    out = {"libelle": p.label, "unite": _unit(p.unit), **_values(p.value),
           "groupe": Path(str(p.path)).stem,
           "statut": p.status, "verification": p.verification, "annee": p.year,
           "sources": [_reference(registry, p.source, p.locator,
                                  getattr(p, "source_version", ""))],
           "perimetre": _scope(p)}
    out.update(_texts(render, registry, key, out["bas"] is not None))
    return out


def estimate(registry, key: str, render=None) -> dict:
    e = registry.estimates[key]
    params = registry.parameters_of(key)
    sources = []
    for pid in params:
        p = registry.parameters[pid]
        ref = _reference(registry, p.source, p.locator, getattr(p, "source_version", ""))
        ref["parametre"] = pid
        sources.append(ref)
    out = {"libelle": e.label, "unite": _unit(e.unit), **_values(registry.value(key)),
           "groupe": Path(str(e.path)).stem,
           "formule": e.formula, "entrees": list(e.inputs), "parametres": params,
           "sources": sources, "perimetre": _scope(e)}
    out.update(_texts(render, registry, key, out["bas"] is not None))
    return out


def verdict(registry, v) -> dict:
    c = v.claim
    cited = getattr(c, "cited_source", None)
    return {"document": c.document, "citation": c.quote, "valeur_annoncee": number(c.value),
            "bas_annonce": number(getattr(c, "low", None)),
            "haut_annonce": number(getattr(c, "high", None)),
            "unite": _unit(c.unit), "estimation": c.estimate, "valeur_calculee": number(v.computed),
            "rapport": number(v.ratio), "verdict": v.kind, "verdict_libelle": v.label,
            "source_citee": _reference(registry, cited) if cited else None,
            "annee_citee": getattr(c, "cited_year", None)}


def pages_of(docs: Path, ids: set[str]) -> dict[str, list[str]]:
    """Chapter pages (docnames) that show each id, from the roles and code cells of docs/."""
    out: dict[str, set[str]] = {}
    for path in sorted(docs.rglob("*.md")):
        doc = path.relative_to(docs).with_suffix("").as_posix()
        if doc.startswith("annexes/"):
            continue
        text = path.read_text(encoding="utf-8")
        found = set(_ROLE.findall(text)) | (set(_QUOTED.findall(text)) & ids)
        for key in found & ids:
            out.setdefault(key, set()).add(doc)
    return {k: sorted(v) for k, v in sorted(out.items())}


def snapshot(registry, verdicts: list, version: str, date: str, commit: str = "",
             render=None, docs: Path | None = None) -> dict:
    """Everything a release publishes, keyed by id (see the module docstring)."""
    ids = set(registry.parameters) | set(registry.estimates)
    return {
        "format": FORMAT, "version": version, "date": date, "commit": commit,
        "parametres": {k: parameter(registry, k, render) for k in sorted(registry.parameters)},
        "estimations": {k: estimate(registry, k, render) for k in sorted(registry.estimates)},
        "verdicts": {v.claim.id: verdict(registry, v)
                     for v in sorted(verdicts, key=lambda v: v.claim.id)},
        "pages": pages_of(docs, ids) if docs else {},
    }
