"""Static pages behind every citation: one page per figure and per release.

`v/<release>/<anchor>.html` shows the value a figure had in that release, its sources and
ready-made citations, and says what became of it: unchanged today, changed (« cité en v0.1.0 :
X — aujourd'hui : Y », with the reason recorded in data/changements.yaml) or removed (when and
why). Plain HTML written at build time from publications/*.json: no server, no script, no
outside request; each page also links its CSL-JSON item (`<anchor>.json`).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .changelog import Change, Record, changes, version_key
from .citation import Cited, Site, bibtex, csl, full_fr, permalink_page, short_fr, site_csl
from .freeze import annex_page

SECTIONS = {"parametres": "Paramètres", "estimations": "Estimations"}
WORKING = "la version de travail (non publiée)"

_STYLE = ("body{font-family:system-ui,sans-serif;max-width:44rem;margin:1rem auto;"
          "padding:0 1rem;line-height:1.5;color:#1a1a1a}a{color:#0b5394}"
          "pre{white-space:pre-wrap;word-break:break-word;background:#f3f3f3;padding:.5rem;"
          "font-size:.85rem}.etat{border-left:4px solid #8a4b00;padding-left:.75rem}"
          "dt{font-weight:600}dd{margin:0 0 .5rem 1rem}")


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


def _page(title: str, body: str, canonical: str, root: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n"
            f'<link rel="canonical" href="{escape(canonical)}">\n'
            f'<link rel="icon" href="{root}_static/favicon.svg" type="image/svg+xml">\n'
            f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _sources(entry: dict) -> str:
    items = []
    for s in entry.get("sources", []):
        text = escape(s.get("reference") or s["cle"])
        if s.get("localisation"):
            text += f", {escape(s['localisation'])}"
        if s.get("version_source"):
            text += f" (version lue : {escape(s['version_source'])})"
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
    rows = [("Identifiant", f"<code>{escape(key)}</code>"),
            ("Unité (pint)", f"<code>{escape(entry['unite']) or 'sans dimension'}</code>")]
    if entry.get("formule"):
        rows.append(("Formule", escape(entry["formule"])))
    rows.append(("Sources", _sources(entry)))
    fields = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    body = (
        f'<nav><a href="{root}index.html">{escape(site.title)}</a> › '
        f'<a href="index.html">version {escape(version)}</a></nav>\n<main>\n'
        f"<h1>{escape(entry['libelle'])}</h1>\n"
        f"<p>Valeur publiée en version {escape(version)} du {escape(date)} : "
        f"<strong>{escape(entry['texte'])}</strong>"
        + (f" (fourchette : {escape(entry['plage_texte'])})" if entry.get("plage_texte") else "")
        + ".</p>\n"
        f'<p class="etat etat-{state}">{escape(sentence)}{now}</p>\n<dl>{fields}</dl>\n'
        "<h2>Citer ce chiffre</h2>\n"
        f"<p><strong>En ligne :</strong> {escape(short_fr(cited, site))}</p>\n"
        f"<p><strong>Référence complète :</strong> {escape(full_fr(cited, site))}</p>\n"
        f"<p><strong>BibTeX :</strong></p>\n<pre>{escape(bibtex(cited, site))}</pre>\n"
        f'<p><a href="{escape(cited.url.rsplit("/", 1)[-1][:-5])}.json" type="application/json">'
        "CSL-JSON (Zotero, Pandoc)</a> · "
        f'<a href="{root}annexes/donnees.html">toutes les données et l’historique</a></p>\n'
        "</main>")
    return _page(f"{entry['libelle']} — version {version} — {site.title}", body, cited.url, root)


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
                items.append(f'<li><a href="{a}.html">{escape(entry["libelle"])}</a> : '
                             f"{escape(entry['texte'])}{mark}</li>")
            items.append("</ul>")
        whole = site_csl(site, version)
        (folder / "citations.json").write_text(
            json.dumps([whole, *csl_items], ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8")
        (folder / "citations.bib").write_text("\n\n".join(bib) + "\n", encoding="ascii")
        body = (f'<nav><a href="../../index.html">{escape(site.title)}</a> › '
                f'<a href="../index.html">versions</a></nav>\n<main>\n'
                f"<h1>Version {escape(version)} du {escape(release['date'])}</h1>\n"
                "<p>Chaque chiffre tel qu’il a été publié dans cette version, avec sa citation. "
                'Tout en un fichier : <a href="citations.bib">BibTeX</a> · '
                '<a href="citations.json">CSL-JSON</a>.</p>\n' + "\n".join(items) + "\n</main>")
        index_path = folder / "index.html"
        index_path.write_text(_page(f"Version {version} — {site.title}", body,
                                    site.url(f"v/{version}/index.html"), "../../"),
                              encoding="utf-8")
        written.append(index_path)
        listing.append(f'<li><a href="{version}/index.html">Version {escape(version)}</a> du '
                       f"{escape(release['date'])}</li>")
    if releases:
        body = (f'<nav><a href="../index.html">{escape(site.title)}</a></nav>\n<main>\n'
                "<h1>Versions publiées</h1>\n<ul>" + "".join(reversed(listing)) + "</ul>\n</main>")
        path = out / "v" / "index.html"
        path.write_text(_page(f"Versions — {site.title}", body, site.url("v/index.html"), "../"),
                        encoding="utf-8")
        written.append(path)
    return written


def permalink(release: str, key: str, anchor: Callable[[str], str]) -> str:
    return permalink_page(release, anchor(key))
