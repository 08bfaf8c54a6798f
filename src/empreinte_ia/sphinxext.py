"""Sphinx extension: prose numbers from the registry, generated annexes, exports.

Roles (in chapters):
  {chiffre}`id`  value, unit and « par … » → « 4 500 kWh par an et par foyer »
  {mesure}`id`   value and unit, without the « par … » the sentence already says → « 4 500 kWh »
  {nombre}`id`   value without unit        → « 35 000 »
  {plage}`id`    low–high range and unit   → « 0,29 à 0,55 Wh par requête »
  {plage-mesure}`id`, {plage-nombre}`id`: the range in the two shorter forms
Each renders a link to the entry of `id` in the annex (parameters or estimates).
Directives (annexes): {liste-parametres}, {liste-estimations}.
Every page depends on data/ and on the package: change a parameter and an incremental
build reads again every page.
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.writers.html5 import HTML5Translator

from . import __version__
from .claims import DOCUMENTS, Verdict, verdicts
from .datafile import DataError
from .formatting import (FULL, auto_sig, format_number, format_quantity, format_range,
                         format_value, uncertainty_sig)
from .messages import install as install_french_warnings
from .pages import finish
from .prose import lint_text, load_names
from .registry import Registry, load_registry

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
PARAMETERS_DOC = "annexes/parametres"
ESTIMATES_DOC = "annexes/estimations"
CHECKS_DOC = "annexes/verification"


def anchor(key: str) -> str:
    """Stable anchor of an entry, derived from its id only."""
    return nodes.make_id(key)


def entry_doc(registry: Registry, key: str) -> str:
    return PARAMETERS_DOC if key in registry.parameters else ESTIMATES_DOC


def _declared_sig(registry: Registry, key: str) -> int:
    sig = registry.sig(key)
    return sig if sig else auto_sig(registry.value(key).magnitudes()[0])


def sig_of(registry: Registry, key: str) -> int:
    """Digits shown: those declared, no more than the range justifies, and for an estimate
    no more than its least precise measured input allows (two at least)."""
    mid, low, high = registry.value(key).magnitudes()
    sig = uncertainty_sig(mid, low, high, _declared_sig(registry, key))
    if key in registry.estimates:
        inputs = [_declared_sig(registry, p) for p in registry.parameters_of(key)
                  if registry.parameters[p].status != "definition"]
        if inputs:
            sig = min(sig, max(2, min(inputs)))
    return sig


def render(registry: Registry, key: str, kind: str) -> str:
    """kind: chiffre, mesure, nombre (one value) or plage, plage-mesure (its range)."""
    value, sig = registry.value(key), sig_of(registry, key)
    form = kind.removeprefix("plage-") if kind.startswith("plage-") else kind
    if kind.startswith("plage"):
        mid, low, high = value.magnitudes()
        return format_range(low, high, value.units, sig, mid, FULL if form == "plage" else form)
    return format_value(value, sig, form=form)


def _registry(env) -> Registry:
    return env.app.empreinte_registry


def _suggest(registry: Registry, key: str) -> str:
    close = difflib.get_close_matches(key, registry.ids(), n=3)
    return ("identifiants proches : " + ", ".join(close)) if close else \
        "consultez l'annexe des paramètres et celle des estimations"


class NumberRole(SphinxRole):
    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind

    def run(self):
        registry = _registry(self.env)
        key = self.text.strip()
        if key not in registry:
            logger.warning(
                f"chiffre inconnu « {key} » dans le rôle {{{self.kind}}}. "
                f"Correction : {_suggest(registry, key)}.",
                location=self.get_location(), type="empreinte", subtype="chiffre")
            return [nodes.inline(self.rawtext, self.rawtext, classes=["chiffre-inconnu"])], []
        if self.kind.startswith("plage") and not registry.value(key).has_range:
            logger.warning(f"« {key} » n'a pas de fourchette : utilisez {{chiffre}} plutôt que "
                           "{plage}.", location=self.get_location(),
                           type="empreinte", subtype="plage")
        text = render(registry, key, self.kind)
        uri = self.env.app.builder.get_relative_uri(self.env.docname, entry_doc(registry, key))
        ref = nodes.reference(self.rawtext, text, refuri=f"{uri}#{anchor(key)}",
                              reftitle=registry.label(key), classes=["chiffre"])
        return [ref], []


def _field(rows: nodes.field_list, name: str, *content) -> None:
    body = nodes.field_body()
    para = nodes.paragraph()
    for c in content:
        para += c if isinstance(c, nodes.Node) else nodes.Text(str(c))
    body += para
    rows += nodes.field("", nodes.field_name(text=name), body)


def _link(env, registry: Registry, key: str) -> nodes.reference:
    uri = env.app.builder.get_relative_uri(env.docname, entry_doc(registry, key))
    return nodes.reference("", registry.label(key), refuri=f"{uri}#{anchor(key)}",
                           classes=["chiffre-lien"])


def _joined(items: list[nodes.Node]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for i, item in enumerate(items):
        if i:
            out.append(nodes.Text(" ; "))
        out.append(item)
    return out


def _reference(registry: Registry, key: str) -> list[nodes.Node]:
    ref = registry.references[key]
    out: list[nodes.Node] = [nodes.Text(ref.text())]
    if ref.url:
        out += [nodes.Text(" — "), nodes.reference("", ref.url, refuri=ref.url)]
    return out


class _EntryList(SphinxDirective):
    has_content = False
    option_spec = {"chapitre": directives.unchanged}

    def _section(self, key: str) -> nodes.section:
        registry = _registry(self.env)
        section = nodes.section(ids=[anchor(key)], names=[key], classes=["entree-registre"])
        section += nodes.title(text=registry.label(key))
        return section

    def _cite(self, section: nodes.section, key: str, page: str) -> None:
        from .citation import bibtex, citation_fr

        registry = _registry(self.env)
        site = site_of(self.env.app)
        value_text = render(registry, key, "chiffre")
        box = details(classes=["citer"])
        box += summary(text="Citer ce chiffre")
        box += nodes.paragraph(text=citation_fr(site, registry.label(key), value_text, page,
                                                anchor(key)))
        # A paragraph kept as typed (CSS), not a code block: the theme's scripts go over every
        # code block of a page, and two hundred of them slow phones down (Lighthouse).
        box += nodes.paragraph(text=bibtex(site, key, registry.label(key), value_text, page,
                                           anchor(key)), classes=["bibtex"])
        section += box

    page = ""

    def keys(self, registry: Registry) -> list[str]:
        raise NotImplementedError

    def fields(self, rows: nodes.field_list, registry: Registry, key: str) -> None:
        raise NotImplementedError

    def run(self):
        """One section per entry: value and range, the fields of its kind, a citation."""
        registry = _registry(self.env)
        out = []
        for key in self.keys(registry):
            section = self._section(key)
            rows = nodes.field_list()
            self._common(rows, key)
            self.fields(rows, registry, key)
            section += rows
            self._cite(section, key, self.page + ".html")
            out.append(section)
        return out

    def _common(self, rows: nodes.field_list, key: str) -> None:
        registry = _registry(self.env)
        value = registry.value(key)
        _field(rows, "Identifiant", nodes.literal(text=key))
        _field(rows, "Valeur", render(registry, key, "chiffre"))
        if value.has_range:
            _field(rows, "Fourchette", render(registry, key, "plage"))


class ParametersList(_EntryList):
    page = PARAMETERS_DOC

    def keys(self, registry: Registry) -> list[str]:
        return sorted(registry.parameters)

    def fields(self, rows: nodes.field_list, registry: Registry, key: str) -> None:
        p = registry.parameters[key]
        _field(rows, "Unité (pint)", nodes.literal(text=f"{p.unit:~}" or "sans dimension"))
        _field(rows, "Statut", p.status_fr)
        _field(rows, "Vérification", f"{p.verification} — {p.verification_fr}")
        _field(rows, "Source", *_reference(registry, p.source))
        _field(rows, "Où dans la source", p.locator)
        _field(rows, "Année", str(p.year))
        if p.note:
            _field(rows, "Note", p.note)
        users = registry.dependents(key)
        if users:
            _field(rows, "Utilisé par", *_joined([_link(self.env, registry, e) for e in users]))
        _field(rows, "Fichier", nodes.literal(text=f"{p.path}, ligne {p.line}"))


class EstimatesList(_EntryList):
    page = ESTIMATES_DOC

    def keys(self, registry: Registry) -> list[str]:
        return sorted(registry.estimates)

    def fields(self, rows: nodes.field_list, registry: Registry, key: str) -> None:
        e = registry.estimates[key]
        _field(rows, "Formule", e.formula)
        _field(rows, "Entrées", *_joined([_link(self.env, registry, i) for i in e.inputs]))
        _field(rows, "Paramètres (toutes étapes)",
               *_joined([_link(self.env, registry, p) for p in registry.parameters_of(key)]))
        refs = [registry.references[s].short() for s in registry.sources_of(key)]
        _field(rows, "Sources", " ; ".join(refs))
        _field(rows, "Définie dans", nodes.literal(text=f"{e.path}, ligne {e.line}"))


def site_of(app: Sphinx):
    from .citation import Site

    return Site(app.config.project, __version__, app.config.empreinte_build_date,
                app.config.html_baseurl)


DOWNLOADS = [
    ("estimations", "Estimations : identifiant, libellé, valeur, bas, haut, unité, formule, "
                    "entrées, paramètres, sources, adresse"),
    ("parametres", "Paramètres : valeur, fourchette, unité, source, localisation, année, "
                   "statut, vérification"),
    ("verifications", "Affirmations des documents d'origine, valeur calculée et verdict"),
]


class DownloadsList(SphinxDirective):
    """Links to the open data files written next to the pages."""

    def run(self):
        root = self.env.app.builder.get_relative_uri(self.env.docname, "index")
        prefix = root.rsplit("/", 1)[0] + "/" if "/" in root else ""
        items = nodes.bullet_list()
        for name, what in DOWNLOADS:
            para = nodes.paragraph()
            para += nodes.strong(text=f"{what} : ")
            for i, ext in enumerate(("csv", "json")):
                if i:
                    para += nodes.Text(" · ")
                para += nodes.reference("", f"{name}.{ext}", refuri=f"{prefix}donnees/{name}.{ext}")
            items += nodes.list_item("", para)
        return [items]


class ChangesList(SphinxDirective):
    """Estimates whose value changed since the previous release, and the parameters why."""

    def run(self):
        from .changelog import changes, latest
        from .units import ureg

        registry = _registry(self.env)
        folder = Path(self.config.empreinte_releases_dir)
        for path in folder.glob("*.json"):
            self.env.note_dependency(str(path))
        previous = latest(folder)
        if previous is None:
            return [nodes.paragraph(text="Aucune version précédente enregistrée.")]
        found = changes(registry, previous)
        intro = nodes.paragraph(text=f"Par rapport à la version {previous['version']} : ")
        if not found:
            intro += nodes.Text("aucune estimation n'a changé de valeur.")
            return [intro]
        intro += nodes.Text(f"{len(found)} estimation(s) ont changé de valeur.")
        items = nodes.bullet_list()
        for c in found:
            para = nodes.paragraph()
            para += _link(self.env, registry, c.id)
            unit = ureg.Unit(c.unit) if c.unit else ureg.Unit("")
            sig = sig_of(registry, c.id)
            para += nodes.Text(f" : {format_quantity(c.before, unit, sig)} → "
                               f"{format_quantity(c.after, unit, sig)}")
            if c.causes:
                para += nodes.Text(", à cause de : ")
                for node in _joined([_link(self.env, registry, p) for p in c.causes]):
                    para += node
            items += nodes.list_item("", para)
        return [intro, items]


class ContradictionsList(SphinxDirective):
    """The groups of data/contradictions.yaml: one table per disputed quantity."""

    option_spec = {"groupe": directives.unchanged}

    def run(self):
        from .contradictions import load_groups
        from .units import ureg

        registry = _registry(self.env)
        path = Path(self.config.empreinte_data_dir) / "contradictions.yaml"
        try:
            groups = load_groups(path, registry)
        except DataError as exc:
            logger.warning(f"contradictions invalides — {exc}", location=self.get_location(),
                           type="empreinte", subtype="contradictions")
            return []
        wanted = self.options.get("groupe")
        out = []
        for group in groups:
            if wanted and group.id != wanted:
                continue
            unit = ureg.Unit(group.unit)
            container = nodes.container(ids=[f"contradiction-{nodes.make_id(group.id)}"],
                                        classes=["contradiction"])
            container += nodes.rubric(text=group.title)
            if group.explanation:
                container += nodes.paragraph(text=group.explanation)
            table = nodes.table()
            tgroup = nodes.tgroup(cols=3)
            table += tgroup
            for width in (40, 20, 40):
                tgroup += nodes.colspec(colwidth=width)
            head = nodes.thead()
            row = nodes.row()
            for name in ("Estimation", "Valeur", "Périmètre"):
                row += nodes.entry("", nodes.paragraph(text=name))
            head += row
            tgroup += head
            body = nodes.tbody()
            for item in group.items:
                row = nodes.row()
                row += nodes.entry("", nodes.paragraph("", "", _link(self.env, registry, item.id)))
                mid, low, high = registry.value(item.id).to(unit).magnitudes()
                text = format_quantity(mid, unit, sig_of(registry, item.id))
                row += nodes.entry("", nodes.paragraph(text=text))
                row += nodes.entry("", nodes.paragraph(text=item.scope))
                body += row
            tgroup += body
            container += table
            out.append(container)
        return out


def claim_anchor(claim_id: str) -> str:
    return "verif-" + nodes.make_id(claim_id)


class ClaimRole(SphinxRole):
    """{source}`claim` : what the source said, linked to its verdict;
    {verdict}`claim` : the computed verdict, linked likewise."""

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind

    def run(self):
        by_id = self.env.app.empreinte_verdicts
        key = self.text.strip()
        if key not in by_id:
            close = difflib.get_close_matches(key, list(by_id), n=3)
            logger.warning(f"affirmation inconnue « {key} » dans le rôle {{{self.kind}}}. "
                           "Correction : " + ("identifiants proches : " + ", ".join(close)
                                              if close else "voir data/claims/") + ".",
                           location=self.get_location(), type="empreinte", subtype="source")
            return [nodes.inline(self.rawtext, self.rawtext)], []
        v = by_id[key]
        from .sphinx.typography import quote_nodes

        content = [nodes.Text("« "), *quote_nodes(v.claim.quote), nodes.Text(" »")] \
            if self.kind == "source" else [nodes.Text(v.label)]
        uri = self.env.app.builder.get_relative_uri(self.env.docname, CHECKS_DOC)
        ref = nodes.reference(self.rawtext, "", *content, refuri=f"{uri}#{claim_anchor(key)}",
                              reftitle=f"Vérification : {v.label}", classes=["verdict",
                                                                             f"verdict-{v.kind}"])
        return [ref], []


def _ratio_text(v: Verdict) -> str:
    if v.ratio is None or not v.ratio or v.kind in ("accord",):
        return ""
    return f"×{format_number(v.ratio, 2)}"


class ChecksList(SphinxDirective):
    """Per document, a table of its claims with computed value and verdict."""

    has_content = False

    def run(self):

        registry = _registry(self.env)
        out = []
        for code, title in DOCUMENTS.items():
            items = [v for v in self.env.app.empreinte_verdicts.values()
                     if v.claim.doc_code == code]
            section = nodes.section(ids=[f"document-{code}"], names=[f"document-{code}"])
            section += nodes.title(text=f"Document {code} : {title}")
            counts: dict[str, int] = {}
            for v in items:
                counts[v.label.split(" :")[0]] = counts.get(v.label.split(" :")[0], 0) + 1
            summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
            section += nodes.paragraph(text=f"{len(items)} affirmations vérifiées : {summary}.")
            table = nodes.table(classes=["verification"])
            group = nodes.tgroup(cols=5)
            table += group
            for width in (8, 30, 14, 14, 14):
                group += nodes.colspec(colwidth=width)
            head = nodes.thead()
            group += head
            row = nodes.row()
            for name in ("Id", "Ce que dit la source", "Valeur annoncée", "Valeur calculée",
                         "Verdict"):
                row += nodes.entry("", nodes.paragraph(text=name))
            head += row
            body = nodes.tbody()
            group += body
            for v in items:
                c = v.claim
                row = nodes.row(ids=[claim_anchor(c.id)])
                row += nodes.entry("", nodes.paragraph("", "", nodes.literal(text=c.id)))
                from .sphinx.typography import quote_nodes

                row += nodes.entry("", nodes.paragraph("", "", nodes.Text("« "),
                                                       *quote_nodes(c.quote), nodes.Text(" »")))
                row += nodes.entry("", nodes.paragraph(
                    text=format_quantity(c.value, c.unit, max(3, _sig(c.value)))))
                cell = nodes.paragraph()
                if c.estimate:
                    cell += nodes.Text(format_quantity(v.computed, c.unit,
                                                       max(3, _sig(c.value))) + " — ")
                    cell += _link(self.env, registry, c.estimate)
                else:
                    cell += nodes.Text("—")
                row += nodes.entry("", cell)
                verdict_p = nodes.paragraph()
                verdict_p += nodes.strong(text=v.label)
                ratio = _ratio_text(v)
                if ratio:
                    verdict_p += nodes.Text(f" ({ratio})")
                explanation = c.reason if v.kind == "inverifiable" else c.note
                if explanation:
                    verdict_p += nodes.Text(f". {explanation}")
                row += nodes.entry("", verdict_p)
                body += row
            section += table
            out.append(section)
        return out


def _sig(x: float) -> int:

    return auto_sig(x)


# -- events ----------------------------------------------------------------------------
def _watched_files(app: Sphinx) -> list[Path]:
    data = Path(app.config.empreinte_data_dir)
    files = [p for p in sorted(data.rglob("*")) if p.is_file()]
    files += sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)
    return files


def on_builder_inited(app: Sphinx) -> None:
    data = Path(app.config.empreinte_data_dir)
    try:
        app.empreinte_registry = load_registry(data)
    except DataError as exc:
        raise ExtensionError(f"Données invalides — {exc}") from None
    try:
        app.empreinte_verdicts = {v.claim.id: v for v in verdicts(app.empreinte_registry,
                                                                    data / "claims")}
    except DataError as exc:
        raise ExtensionError(f"Affirmations invalides — {exc}") from None
    app.empreinte_names = load_names(data / "noms_propres.yaml")
    from .bibliography import note_access_dates

    note_access_dates(app.empreinte_registry.parameters.values())
    app.empreinte_watched = _watched_files(app)


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    for path in app.empreinte_watched:
        app.env.note_dependency(str(path))
    if docname.startswith("annexes/") and docname != "annexes/index":
        return
    shown = app.env.doc2path(docname)
    for finding in lint_text(source[0], str(shown), app.empreinte_names):
        if finding.kind == "alt":
            logger.warning("graphique sans texte alternatif. Correction : ajoutez « alt: » sous "
                           "« image: » dans les options de la cellule.",
                           location=(docname, finding.line), type="empreinte", subtype="alt")
            continue
        logger.warning(
            f"chiffre tapé à la main dans le texte (« {finding.text.strip()[:70]} »). "
            "Correction : remplacez-le par un rôle {chiffre}`identifiant`, ou ajoutez le nom "
            "propre à data/noms_propres.yaml.",
            location=(docname, finding.line), type="empreinte", subtype="prose")


def _cell_line(path: Path, cell_source: str) -> int | None:
    """Line of the failing cell's first code line in the chapter file."""
    first = next((ln.strip() for ln in cell_source.splitlines() if ln.strip()), "")
    if not first or not path.exists():
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() == first:
            return number
    return None


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is None:
        if app.builder.format == "html":
            publish(app)
        problems = getattr(app, "_warncount", 0)
        if problems and getattr(app, "_fail_on_warnings", False):
            sys.stderr.write(
                f"\nERREUR : la construction échoue sur {problems} problème(s), listé(s) plus "
                "haut avec leur fichier, leur ligne et leur correction.\n")
        return
    report_failed_cell(exception)


def publish(app: Sphinx) -> None:
    """Open data next to the pages; no source maps nor icon script in the published folder."""
    from .export import write_all

    out = Path(app.outdir)
    meta = {"version": __version__, "licence": "CC BY 4.0", "site": app.config.project,
            "url": app.config.html_baseurl}
    write_all(app.empreinte_registry, list(app.empreinte_verdicts.values()), out / "donnees",
              app.config.html_baseurl, meta)
    write_sitemap(app, out)
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        finished = finish(text, str(page.relative_to(out)))
        if finished != text:
            page.write_text(finished, encoding="utf-8")
    for path in list(out.rglob("*.map")) + list(out.glob("_static/scripts/fontawesome.js")):
        path.unlink()
    for path in list(out.rglob("*.js")) + list(out.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        cleaned = re.sub(r"\n?/[/*][#@] sourceMappingURL=[^\n]*", "", text)
        if cleaned != text:
            path.write_text(cleaned, encoding="utf-8", errors="surrogateescape")


def write_sitemap(app: Sphinx, out: Path) -> None:
    base = app.config.html_baseurl.rstrip("/")
    pages = sorted(d for d in app.env.found_docs)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{base}/{d}.html</loc><lastmod>{app.config.empreinte_build_date}"
              "</lastmod></url>" for d in pages]
    lines.append("</urlset>")
    (out / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n",
                                    encoding="utf-8")


def report_failed_cell(exception: Exception) -> None:
    """A code cell that raised: say where, in French, before Sphinx's own report."""
    cause = exception.__cause__
    if type(exception).__name__ != "ExecutionError" or cause is None:
        return
    path = Path(str(exception))
    text = str(cause)
    parts = text.split("------------------")
    cell = parts[1] if len(parts) > 2 else ""
    line = _cell_line(path, cell)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    inner = re.search(r"Cell In\[\d+\], line (\d+)", plain)
    if line and inner:
        line += int(inner.group(1)) - 1
    ename = getattr(cause, "ename", "Erreur")
    evalue = getattr(cause, "evalue", "")
    where = f"{path}, ligne {line}" if line else str(path)
    sys.stderr.write(
        f"\nERREUR : une cellule de code a échoué dans {where} : {ename} : {evalue}\n"
        "  → Correction : corrigez le code de cette cellule (un identifiant du registre mal "
        "écrit, une unité incompatible…) puis relancez « make html ». La trace complète est "
        "affichée plus haut.\n")


def on_html_page_context(app, pagename, templatename, context, doctree) -> None:
    """Version, build date, and OpenGraph metadata for link previews."""
    from html import escape

    site = site_of(app)
    context["empreinte_version"] = site.version
    context["empreinte_date"] = site.date
    title = context.get("title") or app.config.project
    url = f"{site.base_url.rstrip('/')}/{pagename}.html"
    description = app.config.empreinte_description
    tags = {
        "og:title": title, "og:type": "website", "og:url": url, "og:locale": "fr_FR",
        "og:site_name": app.config.project, "og:description": description,
    }
    meta = [f'<meta name="description" content="{escape(description)}">']
    meta += [f'<meta property="{k}" content="{escape(v)}">' for k, v in tags.items()]
    meta.append(f'<link rel="canonical" href="{escape(url)}">')
    context["metatags"] = context.get("metatags", "") + "\n".join(meta)


class details(nodes.General, nodes.Element):
    """A closed <details> box: the citation of a number, opened by who needs it."""


class summary(nodes.General, nodes.TextElement):
    """The always-visible title of a <details> box."""


def _tag(name: str):
    def visit(self, node: nodes.Element) -> None:
        self.body.append(self.starttag(node, name))

    def depart(self, node: nodes.Element) -> None:
        self.body.append(f"</{name}>\n")

    return visit, depart


def visit_citation(self, node: nodes.citation) -> None:
    """Bibliography entries as list items (docutils' 'doc-biblioentry' role is deprecated and
    leaves the list without items for screen readers)."""
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=["citation"], role="listitem"))


def setup(app: Sphinx) -> dict:
    app.add_config_value("empreinte_data_dir", "data", "env")
    app.add_config_value("empreinte_releases_dir", "publications", "env")
    app.add_config_value("empreinte_build_date", "", "html")
    app.add_config_value("empreinte_description", "", "html")
    install_french_warnings(app)
    from .sphinx.typography import FrenchTypography, FrenchTypographyLate

    app.add_transform(FrenchTypography)
    from .bibliography import register as register_bibliography_style

    register_bibliography_style()
    app.add_post_transform(FrenchTypographyLate)
    app.connect("builder-inited", on_builder_inited)
    app.connect("source-read", on_source_read)
    app.connect("html-page-context", on_html_page_context)
    app.connect("build-finished", on_build_finished)
    app.add_node(details, html=_tag("details"))
    app.add_node(summary, html=_tag("summary"))
    app.add_node(nodes.citation, override=True,
                 html=(visit_citation, HTML5Translator.depart_citation))
    for kind in ("chiffre", "mesure", "nombre", "plage", "plage-mesure", "plage-nombre"):
        app.add_role(kind, NumberRole(kind))
    for kind in ("source", "verdict"):
        app.add_role(kind, ClaimRole(kind))
    app.add_directive("liste-verifications", ChecksList)
    app.add_directive("liste-parametres", ParametersList)
    app.add_directive("telechargements", DownloadsList)
    app.add_directive("contradictions", ContradictionsList)
    app.add_directive("changements", ChangesList)
    app.add_directive("liste-estimations", EstimatesList)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
