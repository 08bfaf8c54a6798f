"""Releases on the site: the « Citer ce chiffre » box, the change log, the permanent pages.

  cite_box(env, key)   short and full French citation, BibTeX, links to the frozen value
  history_field(...)   « cité en v0.1.0 : X — aujourd'hui : Y », with the reason
  {changements}        every change between consecutive releases, with its cause and record
  publish(app, out)    v/<release>/… pages and CSL-JSON / BibTeX of every figure (core:
                       permalinks.py); the releases are publications/*.json.
"""

from __future__ import annotations

import json
import weakref
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from ..changelog import Change, Record, load_records
from ..citation import Cited, bibtex, csl, full_fr, permalink_page, short_fr, site_csl
from ..datafile import DataError
from ..display import CHECKS_DOC, anchor, claim_anchor, entry_doc, render
from ..formatting import french_date
from ..freeze import annex_page, snapshot
from ..permalinks import Step, fate, release_shown_today, steps, write_pages
from ..releases import frozen_in, load_releases
from .nodes import details, field, page_uri, summary
from .state import state

SECTION_OF = {True: "parametres", False: "estimations"}


@dataclass
class History:
    releases: list[dict]
    records: list[Record]
    current: dict           # this build, frozen like a release (version "")
    steps: list[Step]
    files: list[Path]       # publications/*.json and data/changements.yaml


_CACHE: weakref.WeakKeyDictionary[BuildEnvironment, History] = weakref.WeakKeyDictionary()


def history(app_or_env: Sphinx | BuildEnvironment) -> History:
    env = app_or_env if isinstance(app_or_env, BuildEnvironment) else app_or_env.env
    if env not in _CACHE:
        st = state(env)
        folder = Path(env.config.empreinte_releases_dir)
        records_path = Path(env.config.empreinte_data_dir) / "changements.yaml"
        try:
            records = load_records(records_path)
        except DataError as exc:
            from sphinx.errors import ExtensionError

            raise ExtensionError(f"Journal des changements invalide — {exc}") from None
        current = snapshot(st.registry, list(st.verdicts.values()), "", st.site.date,
                           render=render, docs=Path(env.srcdir))
        # Published numbers, written as the site writes them today (same digits).
        releases = [release_shown_today(r, current) for r in load_releases(folder)]
        files = sorted(folder.glob("*.json")) + ([records_path] if records_path.exists() else [])
        _CACHE[env] = History(releases, records, current, steps(releases, current, records),
                              files)
    return _CACHE[env]


def _root(env: BuildEnvironment) -> str:
    """Relative prefix from the current page to the site root."""
    uri = page_uri(env, "index")
    return uri.rsplit("/", 1)[0] + "/" if "/" in uri else ""


def _section(env: BuildEnvironment, key: str) -> str:
    return SECTION_OF[key in state(env).registry.parameters]


def _cite(st, h: History, key: str) -> Cited:
    """The citation of the current value: the latest release that froze it, else this build."""
    section = SECTION_OF[key in st.registry.parameters]
    entry = h.current[section][key]
    release = frozen_in(h.releases, section, key, entry)
    return Cited.of(key, entry, _site(st, h), release["version"] if release else None,
                    release["date"] if release else st.site.date, anchor(key),
                    entry_doc(st.registry, key) + ".html")


def _site(st, h: History):
    """The site, with the last release as its version (an unreleased value comes after it)."""
    return replace(st.site, version=h.releases[-1]["version"]) if h.releases else st.site


def cited(env: BuildEnvironment, key: str) -> Cited:
    return _cite(state(env), history(env), key)


def cite_box(env: BuildEnvironment, key: str) -> details:
    for path in history(env).files:
        env.note_dependency(str(path))
    c, site = cited(env, key), _site(state(env), history(env))
    root = _root(env)
    box = details(classes=["citer"])
    box += summary(text="Citer ce chiffre")
    para = nodes.paragraph()
    para += nodes.strong(text="En ligne : ")
    para += nodes.Text(short_fr(c, site))
    box += para
    para = nodes.paragraph()
    para += nodes.strong(text="Référence complète : ")
    para += nodes.Text(full_fr(c, site))
    box += para
    # Inline code in a paragraph kept as typed (CSS), not a code block: the theme's scripts go
    # over every code block of a page, and two hundred of them slow phones down (Lighthouse);
    # out of reach of the « smart quotes », which would eat the backslash of {\'e}.
    # Written raw: docutils would turn the indentation into no-break spaces (not ASCII).
    box += nodes.raw("", f'<p class="bibtex"><code>{escape(bibtex(c, site))}</code></p>\n',
                     format="html")
    para = nodes.paragraph()
    if c.release:
        page = permalink_page(c.release, anchor(key))
        para += nodes.reference("", f"Valeur figée en version {c.release}",
                                refuri=root + page)
        para += nodes.Text(" · ")
        para += nodes.reference("", "CSL-JSON (Zotero)", refuri=root + page[:-5] + ".json")
    else:
        para += nodes.Text("Valeur de la version de travail, dans aucune version publiée. ")
        para += nodes.reference("", "CSL-JSON de tous les chiffres",
                                refuri=root + "donnees/citations.json")
    box += para
    return box


def history_field(env: BuildEnvironment, rows: nodes.field_list, key: str) -> None:
    """« Historique » row: what became of the figure since the latest release that had it."""
    h = history(env)
    section = _section(env, key)
    index = next((i for i in range(len(h.releases) - 1, -1, -1)
                  if key in h.releases[i].get(section, {})), None)
    if index is None:
        if h.releases:
            field(rows, "Historique", f"Nouveau depuis la version {h.releases[-1]['version']}.")
        return
    state_, sentence = fate(section, key, index, h.releases, h.current, h.steps)
    version = h.releases[index]["version"]
    link = nodes.reference("", f"version {version}",
                           refuri=_root(env) + permalink_page(version, anchor(key)))
    if state_ == "inchange":
        field(rows, "Historique", "Publié tel quel en ", link, ".")
    else:
        field(rows, "Historique", sentence + " Valeur figée : ", link, ".")


# -- the change log ------------------------------------------------------------------------
def _value(entry: dict | None, section: str) -> str:
    if entry is None:
        return "—"
    if section == "verdicts":
        return f"« {entry['verdict_libelle']} »"
    text = entry["texte"]
    if entry.get("plage_texte"):
        text += f" ({entry['plage_texte']})"
    return text


class ChangesList(SphinxDirective):
    """Every change between consecutive releases (and since the last one), newest first."""

    def run(self):
        h = history(self.env)
        for path in h.files:
            self.env.note_dependency(str(path))
        root = _root(self.env)
        out: list[nodes.Node] = []
        if not h.releases:
            return [nodes.paragraph(text="Aucune version publiée pour l’instant.")]
        listing = nodes.paragraph(text="Versions publiées : ")
        for i, r in enumerate(reversed(h.releases)):
            if i:
                listing += nodes.Text(" ; ")
            listing += nodes.reference("", f"{r['version']} du {french_date(r['date'])}",
                                       refuri=f"{root}v/{r['version']}/index.html")
        listing += nodes.Text(".")
        out.append(listing)
        for step in reversed(h.steps):
            found = list(step.found.values())
            if not step.newer.get("version") and not found:
                continue
            title = (f"Version {step.newer['version']} du {french_date(step.newer['date'])}"
                     if step.newer.get("version") else "Version de travail, non publiée")
            head = nodes.paragraph()
            head += nodes.strong(text=title)
            head += nodes.Text(f", par rapport à la version {step.older['version']} : "
                               + (f"{len(found)} changement(s)." if found else "aucun changement."))
            out.append(head)
            if found:
                out.append(self._list(found, root))
        if len(h.steps) == 0 or (len(h.releases) == 1 and not any(s.found for s in h.steps)):
            out.append(nodes.paragraph(
                text=f"Une seule version publiée, la {h.releases[0]['version']} : les changements "
                     "apparaîtront ici à la suivante, chacun avec sa cause et sa raison."))
        return out

    def _list(self, found: list[Change], root: str) -> nodes.bullet_list:
        items = nodes.bullet_list(classes=["changements"])
        current = history(self.env).current
        for c in found:
            para = nodes.paragraph()
            label = f"{c.kind} « {c.label} »"
            if c.id in current.get(c.section, {}):
                target = claim_anchor(c.id) if c.section == "verdicts" else anchor(c.id)
                page = (f"{CHECKS_DOC}.html" if c.section == "verdicts"
                        else annex_page(c.section, c.after))
                para += nodes.reference("", label, refuri=f"{root}{page}#{target}")
            else:
                para += nodes.Text(label)
            para += nodes.Text(f" ({c.id}) : ")
            if c.status == "ajout":
                para += nodes.Text(f"nouveau, {_value(c.after, c.section)}")
            elif c.status == "retrait":
                para += nodes.Text(f"retiré (valait {_value(c.before, c.section)})")
            else:
                para += nodes.Text(f"{_value(c.before, c.section)} → {_value(c.after, c.section)}")
                pct = c.percent()
                if pct is not None and c.section != "verdicts":
                    para += nodes.Text(" (" + f"{pct:+.1f}".replace(".", ",").replace("-", "−")
                                       + "\u202f%)")
            if c.causes:
                para += nodes.Text(". Cause : " + ", ".join(c.causes))
            elif c.formula:
                para += nodes.Text(". Cause : formule modifiée")
            if c.records:
                para += nodes.Text(". " + " ; ".join(f"{r.category_fr.capitalize()} : "
                                                     f"{r.reason.rstrip('.')}"
                                                     for r in c.records))
            para += nodes.Text(".")
            items += nodes.list_item("", para)
        return items


# -- publishing ------------------------------------------------------------------------------
def publish(app: Sphinx, out: Path) -> list[Path]:
    """The permanent pages of every release, and the citations of the current figures;
    returns the pages written."""
    h, st = history(app), state(app)
    written = write_pages(out, st.site, h.releases, h.current, h.records, anchor)
    site = _site(st, h)
    items, bib = [site_csl(site, h.releases[-1]["version"] if h.releases else None)], []
    for key in st.registry.ids():
        c = _cite(st, h, key)
        items.append(csl(c, site))
        bib.append(bibtex(c, site))
    folder = out / "donnees"
    folder.mkdir(exist_ok=True)
    (folder / "citations.json").write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    (folder / "citations.bib").write_text("\n\n".join(bib) + "\n", encoding="ascii")
    return written
