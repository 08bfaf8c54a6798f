"""Open data: estimates, parameters and claims with verdicts, as CSV and JSON, described by a
Frictionless data package (see datapackage.py). Numbers carry no float noise (12 significant
digits) and a missing range is an empty cell, never low = high = value."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from . import datapackage
from .claims import NOTE_ROLE, Verdict
from .display import CHECKS_DOC, claim_anchor, entry_url, render, url
from .escaping import escape_csv
from .formatting import auto_sig
from .freeze import number
from .registry import Registry
from .units import french_unit, is_calendar_year


def unit_label(unit) -> str:
    """The unit in French words for the data files: a calendar year, which the site shows
    as a bare number (« 2030 »), is named here (« année civile »)."""
    return "année civile" if is_calendar_year(unit) else french_unit(unit)


def estimate_rows(registry: Registry, base: str = "") -> list[dict]:
    rows = []
    for key in sorted(registry.estimates):
        e = registry.estimates[key]
        rows.append({
            "id": key, "libelle": e.label, **_range(registry.value(key)),
            "unite": f"{e.unit:~}", "unite_libelle": unit_label(e.unit),
            "chiffres_significatifs": e.sig, "formule": e.formula,
            "entrees": list(e.inputs), "parametres": registry.parameters_of(key),
            "sources": registry.sources_of(key), "url": entry_url(registry, key, base),
        })
    return rows


def plain(registry: Registry, text: str) -> str:
    """A note of data/ as a reader of the table reads it: each role replaced by its value."""
    return NOTE_ROLE.sub(lambda m: render(registry, m.group(2).strip(), m.group(1)), text)


def parameter_rows(registry: Registry, base: str = "") -> list[dict]:
    rows = []
    for key in sorted(registry.parameters):
        p = registry.parameters[key]
        ref = registry.references.get(p.source)
        rows.append({
            "id": key, "libelle": p.label, **_range(p.value),
            "unite": f"{p.unit:~}", "unite_libelle": unit_label(p.unit),
            "chiffres_significatifs": p.sig or auto_sig(p.value.magnitudes()[0]),
            "source": p.source, "reference": ref.text() if ref else p.source,
            "localisation": p.locator, "annee": p.year,
            "statut": p.status, "verification": p.verification, "note": plain(registry, p.note),
            "version_source": p.source_version,
            "motif_verification": plain(registry, p.verification_reason),
            "consulte": p.accessed, "licence": p.licence,
            "url": entry_url(registry, key, base),
        })
    return rows


def claim_rows(verdicts: list[Verdict], base: str = "") -> list[dict]:
    return [{
        "id": v.claim.id, "document": v.claim.document, "citation": v.claim.quote,
        "valeur_annoncee": number(v.claim.value), "unite": f"{v.claim.unit:~}",
        "estimation": v.claim.estimate or "", "valeur_calculee": number(v.computed),
        "rapport": number(v.ratio), "verdict": v.kind, "verdict_libelle": v.label,
        "url": url(base, CHECKS_DOC, claim_anchor(v.claim.id)),
    } for v in verdicts]


def _range(value) -> dict:
    """Central value and bounds without float noise; no bounds (None) without a range."""
    mid, low, high = value.magnitudes()
    ranged = value.has_range
    return {"valeur": number(mid), "bas": number(low) if ranged else None,
            "haut": number(high) if ranged else None}


def _csv_cell(value) -> str:
    """One CSV cell: numbers as written by Python, text neutralised against formulas."""
    if isinstance(value, list):
        return escape_csv(";".join(str(v) for v in value))
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    return escape_csv(value)


def write_table(rows: list[dict], folder: Path, name: str, meta: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(
        json.dumps({"meta": meta, "donnees": rows}, ensure_ascii=False, indent=1,
                   sort_keys=True) + "\n", encoding="utf-8")
    if not rows:
        return
    with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(list(rows[0]))
        for row in rows:
            writer.writerow([_csv_cell(v) for v in row.values()])


def write_all(registry: Registry, verdicts: list[Verdict], folder: Path, base: str,
              meta: dict) -> None:
    write_table(estimate_rows(registry, base), folder, "estimations", meta)
    write_table(parameter_rows(registry, base), folder, "parametres", meta)
    claims = claim_rows(verdicts, base)
    write_table(claims, folder, "verifications", meta)
    units = {f"{registry.unit(k):~}" for k in registry.ids()} | {r["unite"] for r in claims}
    datapackage.write(registry, folder, meta, units)
