"""The site's one Sphinx extension (``extensions = ["empreinte_ia.sphinx", …]`` in conf.py).

  state.py         what a build reads (registry, verdicts, names), one object per application
  roles.py         {chiffre}, {mesure}, {nombre}, {plage}…, {source}, {verdict}
  typography.py    French spaces and apostrophes, quoted source text, runs of verdict badges
  annexes.py       {liste-parametres}, {liste-estimations}, {telechargements}
  history.py       releases: « Citer ce chiffre », {changements}, pages v/<version>/…
  annex_pages.py   one annex page per theme, written before reading; {index-annexe}
  verification.py  {liste-verifications}, {contradictions}
  verdicts.py      {echelle-verdicts}, and how a verdict reads in the annex
  nodes.py         the <details> box, bibliography as a list, node-building helpers
  mathml.py        formulas as MathML at build time (html_math_renderer = "mathml")
  french_warnings.py  Sphinx's, MyST's and bibtex's warnings in French, with the fix
  diagnostics.py   charts without alt text, failed code cells, summary
  notebooks.py     the chapters' code cells run in one shared kernel, before reading
  published.py     what a reader sees, checked on the doctree: no hand-typed number, no unsafe
                   HTML, no role in a heading, no chapter that is not UTF-8
  lines.py         the exact line of a problem: roles and cross-references at their own line
  freshness.py     incremental builds: faulty, removed and stale pages and files out of the
                   published folder
  pages.py         version and date for the templates, then inline icons and deferred scripts
  icons.py         Font Awesome icons as inline SVG
  publishing.py    open data, sitemap and robots.txt next to the pages
  pybtex_plugins.py  pybtex's plugin look-ups cached (4 s of a clean build)
  interface.py     the theme's interface in French (catalogue, templates, header buttons)
  cards.py         long tables as cards on phones (data-label on each cell, verdict first)
  downloads.py     each chart as SVG and CSV, each chapter with code as a notebook
  comparer.py      {converti}, {comparaison-requetes}, {facteurs-perimetre},
                   {affirmations-circulantes}, figures of different scopes refused side by side
  scope_fields.py  scope tags, ratio scopes and range drivers in the annex entries
  social_cards.py  an og:image per chapter (sphinxext-opengraph's social cards, local)
  descriptions.py  each page's description, once, from its first paragraphs, cut at a word
  images.py        chart images loaded lazily, with their width and height
  stylesheets.py   the theme's stylesheets cut down to the rules the pages can use
How a figure is shown (text, anchor, address) is the core's: ``empreinte_ia.display``.
"""

from __future__ import annotations

from docutils import nodes as du
from sphinx.application import Sphinx

from .. import __version__
from ..bibliography import register as register_bibliography_style
from ..display import KINDS
from . import (
    annex_pages,
    annexes,
    cards,
    comparer,
    descriptions,
    diagnostics,
    downloads,
    french_warnings,
    freshness,
    history,
    images,
    interface,
    lines,
    mathml,
    nodes,
    notebooks,
    pages,
    published,
    publishing,
    pybtex_plugins,
    roles,
    social_cards,
    state,
    stylesheets,
    typography,
    verdicts,
    verification,
)

# (event, handler, priority): what each module does at each step of a build, in order.
EVENTS = (
    ("config-inited", interface.on_config_inited, 500),
    ("config-inited", annex_pages.on_config_inited, 500),
    ("builder-inited", state.on_builder_inited, 500),
    ("builder-inited", freshness.on_builder_inited, 500),
    ("builder-inited", interface.on_builder_inited, 900),
    ("builder-inited", cards.on_builder_inited, 900),
    ("env-get-outdated", freshness.on_env_get_outdated, 500),
    ("env-merge-info", freshness.on_env_merge_info, 500),
    ("env-before-read-docs", published.on_env_before_read_docs, 500),
    ("env-before-read-docs", notebooks.on_env_before_read_docs, 600),
    ("source-read", diagnostics.on_source_read, 500),
    ("doctree-read", published.on_doctree_read, 500),
    ("doctree-resolved", downloads.on_doctree_resolved, 500),
    ("doctree-resolved", typography.on_doctree_resolved, 900),
    ("doctree-resolved", images.on_doctree_resolved, 500),
    ("html-page-context", pages.on_html_page_context, 500),
    ("html-page-context", freshness.on_html_page_context, 500),
    # After the theme has built its header buttons (default priority 500).
    ("html-page-context", downloads.on_html_page_context, 550),
    ("html-page-context", interface.on_html_page_context, 600),
    ("build-finished", publishing.on_build_finished, 500),
    ("build-finished", downloads.on_build_finished, 500),
    ("build-finished", diagnostics.on_build_finished, 500),
    ("build-finished", freshness.on_build_finished, 500),
    # After the HTML builder has copied the theme's files and myst-nb its own.
    ("build-finished", stylesheets.on_build_finished, 900),
)
ROLES = {
    **{kind: roles.NumberRole(kind) for kind in KINDS},
    **{kind: roles.ClaimRole(kind) for kind in ("source", "verdict")},
}
DIRECTIVES = {
    "liste-parametres": annexes.ParametersList,
    "liste-estimations": annexes.EstimatesList,
    "telechargements": annexes.DownloadsList,
    "index-annexe": annex_pages.AnnexIndex,
    "changements": history.ChangesList,
    "liste-verifications": verification.ChecksList,
    "echelle-verdicts": verdicts.ScaleList,
    "contradictions": verification.ContradictionsList,
}
def setup(app: Sphinx) -> dict:
    app.add_config_value("empreinte_data_dir", "data", "env")
    app.add_config_value("empreinte_estimates_dir", "", "env")
    app.add_config_value("empreinte_releases_dir", "publications", "env")
    app.add_config_value("empreinte_build_date", "", "html")
    pybtex_plugins.cache_entry_points()
    app.setup_extension("sphinxext.opengraph")  # OpenGraph tags, set up in conf.py (ogp_*)
    french_warnings.install(app)
    freshness.install(app)
    lines.install(app)
    for event, handler, priority in EVENTS:
        app.connect(event, handler, priority=priority)
    app.add_html_math_renderer("mathml", (mathml.visit_math, None),
                               (mathml.visit_displaymath, None))
    app.add_node(nodes.details, html=nodes.tag("details"))
    app.add_node(nodes.summary, html=nodes.tag("summary"))
    app.add_node(du.citation, override=True, html=(nodes.visit_citation, nodes.depart_citation))
    for name, role in ROLES.items():
        app.add_role(name, role)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_transform(typography.FrenchTypography)
    register_bibliography_style()
    comparer.install(app)
    social_cards.install(app)
    descriptions.install(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
