"""Static pages behind every citation: one page per figure and per release.

`v/<release>/<anchor>.html` shows the value a figure had in that release, its sources and
ready-made citations, and says what became of it: unchanged today, changed (« cité en v0.1.0 :
X — aujourd'hui : Y », with the reason recorded in data/changements.yaml) or removed (when and
why). Plain HTML written at build time from publications/*.json: no server, no script, no
outside request; each page also links its CSL-JSON item (`<anchor>.json`).

A release keeps the texts it published, but the pages set them again with today's formatter
(`shown_today`): the same number, to the same digits, written as the site writes it now (French
spaces, years without grouping, « par an et par … », a range whose bounds read alike given the
digits that tell them apart). Every prose text of the pages goes through the French typography.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pint

from .changelog import Change, Record, changes, version_key
from .citation import Cited, Site, bibtex, csl, full_fr, permalink_page, short_fr, site_csl
from .formatting import BARE, FULL, format_quantity, format_range, french_date
from .freeze import annex_page
from .typography import typeset
from .units import UnitError, is_calendar_year, parse_unit, time_first

SECTIONS = {"parametres": "Paramètres", "estimations": "Estimations"}
WORKING = "la version de travail (non publiée)"

_STYLE = ("body{font-family:system-ui,sans-serif;max-width:44rem;margin:1rem auto;"
          "padding:0 1rem;line-height:1.5;color:#1a1a1a}a{color:#0b5394}"
          # A permalink (« https://…/v/0.1.0/… ») is one long word: it breaks at the screen's edge.
          "main{overflow-wrap:anywhere}"
          "pre{white-space:pre-wrap;word-break:break-word;background:#f3f3f3;padding:.5rem;"
          "font-size:.85rem}.etat{border-left:4px solid #8a4b00;padding-left:.75rem}"
          "dt{font-weight:600}dd{margin:0 0 .5rem 1rem}"
          # Headings sized to the screen: a long label stays a few lines on a phone (320 px).
          "h1{font-size:clamp(1.3rem,1rem + 2vw,1.9rem);line-height:1.25;"
          "overflow-wrap:break-word;hyphens:auto}"
          "h2{font-size:clamp(1.15rem,1rem + 1vw,1.5rem);line-height:1.3}")


# -- frozen texts set again ------------------------------------------------------------------
_SPACE = re.compile(r"[\s\u00a0\u202f]+")
_MAX_SIG = 12


def _bare(text: str) -> str:
    return _SPACE.sub("", text)


def _starts_with_number(text: str, number: str) -> bool:
    """`text` starts with `number` (spaces aside) and the number ends there."""
    text, number = _bare(text), _bare(number)
    return text.startswith(number) and not text[len(number):][:1].isdigit() \
        and not re.match(r",\d", text[len(number):])


def _sigs(text: str, number: Callable[[int], str]) -> list[int]:
    """The counts of significant digits with which `number(sig)` reads as `text` begins
    (empty if none does: the formatter of the release wrote it otherwise)."""
    return [sig for sig in range(1, _MAX_SIG + 1) if _starts_with_number(text, number(sig))]


def _unit(entry: dict, today: dict | None) -> pint.Unit | None:
    """The frozen unit, its « par … » in the site's order (time first: « par an et par
    foyer »; a frozen unit string is sorted by name). A year frozen as a bare number (before
    the unit « calendar_year » existed) is the calendar year the entry is today."""
    try:
        unit = parse_unit(entry["unite"])
        if not unit._units and today is not None and is_calendar_year(parse_unit(today["unite"])):
            return parse_unit(today["unite"])
    except UnitError:
        return None
    return time_first(unit)


def _range(entry: dict, unit: pint.Unit, sig: int) -> str | None:
    """The range of a frozen entry, its bounds to the digits they were published with; a
    range published as « 120 à 120 » gets the digits that set its bounds apart."""
    value, low, high = entry["valeur"], entry["bas"], entry["haut"]
    old = entry.get("plage_texte") or ""
    whole = _sigs(old, lambda n: format_range(low, high, unit, n, form=BARE))
    if whole:
        return format_range(low, high, unit, max(whole), value, FULL)
    first, _, second = old.partition(" à ")
    low_sigs = _sigs(first, lambda n: format_quantity(low, unit, n, BARE))
    high_sigs = _sigs(second, lambda n: format_quantity(high, unit, n, BARE))
    collapsed = not old or _starts_with_number(second, first)  # « 100 à 100 W »
    if low_sigs and high_sigs:
        bounds = (format_quantity(low, unit, max(low_sigs), BARE),
                  format_quantity(high, unit, max(high_sigs), BARE))
        if bounds[0] != bounds[1]:
            return f"{bounds[0]} à {format_quantity(high, unit, max(high_sigs), FULL)}"
        collapsed = True
    if not collapsed:
        return typeset(old)  # another writing of the bounds: kept as published
    if abs(high - low) <= 1e-4 * max(abs(value), 1e-300):
        return None  # bounds apart by float noise only: no range
    return format_range(low, high, unit, max(2, sig), value, FULL)


def shown_today(entry: dict, today: dict | None = None) -> dict:
    """`_shown_today`, once per process for each entry: a frozen release does not change, and
    a process that builds several sites (the tests) writes the same pages again."""
    return json.loads(_shown_today_cached(json.dumps(entry, sort_keys=True),
                                          json.dumps(today, sort_keys=True)))


@functools.lru_cache(maxsize=16384)
def _shown_today_cached(entry: str, today: str) -> str:
    return json.dumps(_shown_today(json.loads(entry), json.loads(today)))


def _shown_today(entry: dict, today: dict | None = None) -> dict:
    """A frozen parameter or estimate with its texts set again by today's formatter, keeping
    the number it was published with (same digits): « 2 028 » → « 2028 », « 4,6 t éq. CO₂ par
    an par voiture » → « … par an et par voiture », « 120 à 120 foyers » → « 119 à 123 foyers »
    (the frozen bounds, with the digits that set them apart). Texts the formatter cannot
    reproduce (a unit unknown today, other digits) are kept as published, typeset. `today`:
    the same entry in this build, if it still exists."""
    unit = _unit(entry, today)
    if not entry.get("texte"):
        return entry
    sigs = _sigs(entry["texte"], lambda n: format_quantity(entry["valeur"], unit, n, BARE)) \
        if unit is not None else []
    if unit is None or not sigs:
        return dict(entry, texte=typeset(entry["texte"]),
                    plage_texte=typeset(entry["plage_texte"]) if entry.get("plage_texte") else None)
    out = dict(entry, texte=format_quantity(entry["valeur"], unit, max(sigs), FULL))
    if entry.get("bas") is not None and entry.get("haut") is not None:
        text = _range(entry, unit, min(sigs))
        out["plage_texte"] = None if text == out["texte"] else text
    return out


def release_shown_today(release: dict, current: dict | None = None) -> dict:
    """Every parameter and estimate of a release through `shown_today`."""
    out = dict(release)
    for section in SECTIONS:
        now = (current or {}).get(section, {})
        out[section] = {k: shown_today(e, now.get(k)) for k, e in release.get(section, {}).items()}
    return out


def _t(text: str, add_missing: bool = True) -> str:
    """Prose for the pages: French typography, then HTML escaping. `add_missing=False` for
    references, whose titles keep their own punctuation (see typography.typeset)."""
    return escape(typeset(text, add_missing=add_missing))


@dataclass
class Step:
    """From one state to the next: a release to the next, or the last one to this build."""

    older: dict
    newer: dict
    label: str          # « en version 0.2.0 » or « dans la version de travail (non publiée) »
    found: dict[tuple[str, str], Change]


def records_version(releases: list[dict], records: list[Record]) -> str:
    """The version the records of unreleased changes are written under (the next one)."""
    last = releases[-1]["version"] if releases else "0.0.0"
    pending = sorted((r.version for r in records
                      if version_key(r.version) > version_key(last)), key=version_key)
    if pending:
        return pending[0]
    major, minor, _ = version_key(last)
    return f"{major}.{minor + 1}.0"


def steps(releases: list[dict], current: dict, records: list[Record]) -> list[Step]:
    out = []
    states = releases + ([current] if releases and current.get("version") !=
                         releases[-1]["version"] else [])
    for older, newer in itertools.pairwise(states):
        version = newer.get("version") or records_version(releases, records)
        label = f"en version {newer['version']}" if newer.get("version") else f"dans {WORKING}"
        found = {(c.section, c.id): c for c in changes(older, newer, records, version)}
        out.append(Step(older, newer, label, found))
    return out


def _reasons(change: Change) -> str:
    if change.records:
        return " ; ".join(f"{r.category_fr} : {r.reason.rstrip('.')}" for r in change.records)
    if change.causes:
        return "à cause de " + ", ".join(change.causes)
    return "raison non enregistrée"


def _shown(entry: dict) -> str:
    text = entry["texte"]
    if entry.get("plage_texte"):
        text += f" (fourchette : {entry['plage_texte']})"
    return text


def fate(section: str, key: str, index: int, releases: list[dict], current: dict,
         all_steps: list[Step]) -> tuple[str, str]:
    """(state, French sentence) of a figure of releases[index] in this build."""
    then = releases[index][section][key]
    later = all_steps[index:]
    moved = [(s, s.found[(section, key)]) for s in later if (section, key) in s.found]
    now = current.get(section, {}).get(key)
    version = releases[index]["version"]
    if now is None:
        gone = next(((s, c) for s, c in moved if c.status == "retrait"), None)
        when = gone[0].label if gone else f"dans {WORKING}"
        why = f" : {_reasons(gone[1])}" if gone else ""
        return "retrait", f"Retiré {when}{why}."
    if not any(c.status == "modification" for _, c in moved):
        return "inchange", f"Inchangé aujourd’hui : {_shown(now)}."
    why = " ; ".join(f"{s.label}, {_reasons(c)}" for s, c in moved)
    return "modifie", (f"Cité en v{version} : {_shown(then)} — aujourd’hui : {_shown(now)}. "
                       f"Pourquoi : {why}.")


def _page(title: str, body: str, canonical: str, root: str, description: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_t(title)}</title>\n"
            f'<meta name="description" content="{_t(description)}">\n'
            f'<link rel="canonical" href="{escape(canonical)}">\n'
            f'<link rel="icon" href="{root}_static/favicon.svg" type="image/svg+xml">\n'
            f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _sources(entry: dict) -> str:
    items = []
    for s in entry.get("sources", []):
        text = _t(s.get("reference") or s["cle"], add_missing=False)
        if s.get("localisation"):
            text += f", {_t(s['localisation'], add_missing=False)}"
        if s.get("version_source"):
            text += _t(f" (version lue : {s['version_source']})", add_missing=False)
        if s.get("parametre"):
            text += f" — paramètre <code>{escape(s['parametre'])}</code>"
        items.append(f"<li>{text}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def figure_page(site: Site, release: dict, section: str, key: str, cited: Cited, state: str,
                sentence: str, current_href: str | None) -> str:
    entry = release[section][key]
    version, date = release["version"], release["date"]
    root = "../../"
    now = (f' <a href="{root}{current_href}">Voir l’entrée actuelle</a>.' if current_href else "")
    shown = f"<strong>{_t(entry['texte'])}</strong>"
    if entry.get("plage_texte"):
        shown += _t(f" (fourchette : {entry['plage_texte']})")
    rows = [("Identifiant", f"<code>{escape(key)}</code>"),
            ("Unité (pint)", f"<code>{escape(entry['unite']) or 'sans dimension'}</code>")]
    if entry.get("formule"):
        rows.append(("Formule", _t(entry["formule"])))
    rows.append(("Sources", _sources(entry)))
    fields = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    body = (
        f'<nav><a href="{root}index.html">{_t(site.title)}</a> › '
        f'<a href="index.html">version {escape(version)}</a></nav>\n<main>\n'
        f"<h1>{_t(entry['libelle'])}</h1>\n"
        f"<p>{_t(f'Valeur publiée en version {version} du {french_date(date)} :')} {shown}.</p>\n"
        f'<p class="etat etat-{state}">{_t(sentence)}{now}</p>\n<dl>{fields}</dl>\n'
        "<h2>Citer ce chiffre</h2>\n"
        f"<p><strong>{_t('En ligne :')}</strong> {_t(short_fr(cited, site))}</p>\n"
        f"<p><strong>{_t('Référence complète :')}</strong> {_t(full_fr(cited, site))}</p>\n"
        f"<p><strong>{_t('BibTeX :')}</strong></p>\n<pre>{escape(bibtex(cited, site))}</pre>\n"
        f'<p><a href="{escape(cited.url.rsplit("/", 1)[-1][:-5])}.json" type="application/json">'
        "CSL-JSON (Zotero, Pandoc)</a> · "
        f'<a href="{root}annexes/donnees.html">toutes les données et l’historique</a></p>\n'
        "</main>")
    return _page(f"{entry['libelle']} — version {version} — {site.title}", body, cited.url, root,
                 f"{entry['libelle']} : {_shown(entry)}, valeur publiée en version {version} "
                 f"du {french_date(date)}, avec sa source et sa citation.")


def write_pages(out: Path, site: Site, releases: list[dict], current: dict,
                records: list[Record], anchor: Callable[[str], str]) -> list[Path]:
    """Every release's pages under out/v/; returns the files written."""
    written: list[Path] = []
    all_steps = steps(releases, current, records)
    listing = []
    for index, release in enumerate(releases):
        version = release["version"]
        folder = out / "v" / version
        folder.mkdir(parents=True, exist_ok=True)
        items, bib, csl_items = [], [], []
        for section, heading in SECTIONS.items():
            items.append(f"<h2>{heading}</h2>\n<ul>")
            for key in sorted(release[section]):
                entry, a = release[section][key], anchor(key)
                cited = Cited.of(key, entry, site, version, release["date"], a,
                                 annex_page(section, entry))
                state, sentence = fate(section, key, index, releases, current, all_steps)
                now = current.get(section, {}).get(key)
                current_href = f"{annex_page(section, now)}#{a}" if now else None
                path = folder / f"{a}.html"
                path.write_text(figure_page(site, release, section, key, cited, state, sentence,
                                            current_href), encoding="utf-8")
                item = csl(cited, site)
                (folder / f"{a}.json").write_text(
                    json.dumps([item], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
                written.append(path)
                bib.append(bibtex(cited, site))
                csl_items.append(item)
                mark = {"inchange": "", "modifie": " — modifié depuis",
                        "retrait": " — retiré depuis"}[state]
                items.append(f'<li><a href="{a}.html">{_t(entry["libelle"])}</a>{_t(" :")} '
                             f"{_t(entry['texte'])}{mark}</li>")
            items.append("</ul>")
        whole = site_csl(site, version)
        (folder / "citations.json").write_text(
            json.dumps([whole, *csl_items], ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8")
        (folder / "citations.bib").write_text("\n\n".join(bib) + "\n", encoding="ascii")
        body = (f'<nav><a href="../../index.html">{_t(site.title)}</a> › '
                f'<a href="../index.html">versions</a></nav>\n<main>\n'
                f"<h1>Version {escape(version)} du {_t(french_date(release['date']))}</h1>\n"
                "<p>Chaque chiffre tel qu’il a été publié dans cette version (les mêmes chiffres, "
                "écrits comme le site les écrit aujourd’hui), avec sa citation. "
                f'{_t("Tout en un fichier :")} <a href="citations.bib">BibTeX</a> · '
                '<a href="citations.json">CSL-JSON</a>.</p>\n' + "\n".join(items) + "\n</main>")
        index_path = folder / "index.html"
        index_path.write_text(_page(f"Version {version} — {site.title}", body,
                                    site.url(f"v/{version}/index.html"), "../../",
                                    f"Chaque chiffre de la version {version} du "
                                    f"{french_date(release['date'])}, tel qu’il a été publié, "
                                    "avec sa citation (BibTeX, CSL-JSON)."),
                              encoding="utf-8")
        written.append(index_path)
        listing.append(f'<li><a href="{version}/index.html">Version {escape(version)}</a> du '
                       f"{_t(french_date(release['date']))}</li>")
    if releases:
        body = (f'<nav><a href="../index.html">{_t(site.title)}</a></nav>\n<main>\n'
                "<h1>Versions publiées</h1>\n<ul>" + "".join(reversed(listing)) + "</ul>\n</main>")
        path = out / "v" / "index.html"
        path.write_text(_page(f"Versions — {site.title}", body, site.url("v/index.html"), "../",
                              "Les versions publiées du livre : chaque chiffre tel qu’il a été "
                              "publié, à une adresse qui ne change pas, pour le citer."),
                        encoding="utf-8")
        written.append(path)
    return written


def permalink(release: str, key: str, anchor: Callable[[str], str]) -> str:
    return permalink_page(release, anchor(key))
