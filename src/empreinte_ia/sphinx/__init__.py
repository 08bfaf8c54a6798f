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
  published.py     what a reader sees, checked on the doctree: no hand-typed number, no unsafe
                   HTML, no role in a heading; roles and cross-references at their own line
  freshness.py     incremental builds: faulty and removed pages out of the published folder
  pages.py         version and date for the templates, then inline icons and deferred scripts
  icons.py         Font Awesome icons as inline SVG
  publishing.py    open data, sitemap and robots.txt next to the pages
  pybtex_plugins.py  pybtex's plugin look-ups cached (4 s of a clean build)
  interface.py     the theme's interface in French (catalogue, templates, header buttons)
  cards.py         long tables as cards on phones (data-label on each cell, verdict first)
  downloads.py     each chart as SVG and CSV, each chapter with code as a notebook
  comparer.py      {converti}, {comparaison-requetes}, {facteurs-perimetre},
                   {affirmations-circulantes}, scope tags and range drivers in the annexes,
                   figures of different scopes refused side by side
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
    diagnostics,
    downloads,
    french_warnings,
    freshness,
    history,
    interface,
    mathml,
    nodes,
    pages,
    published,
    publishing,
    pybtex_plugins,
    roles,
    state,
    typography,
    verdicts,
    verification,
)


def setup(app: Sphinx) -> dict:
    app.add_config_value("empreinte_data_dir", "data", "env")
    app.add_config_value("empreinte_estimates_dir", "", "env")
    app.add_config_value("empreinte_releases_dir", "publications", "env")
    app.add_config_value("empreinte_build_date", "", "html")
    pybtex_plugins.cache_entry_points()
    app.setup_extension("sphinxext.opengraph")  # OpenGraph tags, set up in conf.py (ogp_*)
    french_warnings.install(app)
    app.connect("builder-inited", state.on_builder_inited)
    freshness.install(app)
    published.install(app)
    app.connect("builder-inited", freshness.on_builder_inited)
    app.connect("env-get-outdated", freshness.on_env_get_outdated)
    app.connect("env-merge-info", freshness.on_env_merge_info)
    app.connect("doctree-read", published.on_doctree_read)
    app.connect("env-before-read-docs", published.on_env_before_read_docs)
    app.connect("source-read", diagnostics.on_source_read)
    app.connect("html-page-context", pages.on_html_page_context)
    app.connect("build-finished", publishing.on_build_finished)
    app.connect("config-inited", interface.on_config_inited)
    app.connect("config-inited", annex_pages.on_config_inited)
    app.connect("builder-inited", interface.on_builder_inited, priority=900)
    app.connect("builder-inited", cards.on_builder_inited, priority=900)
    app.connect("doctree-resolved", downloads.on_doctree_resolved)
    # After the theme has built its header buttons (default priority 500).
    app.connect("html-page-context", downloads.on_html_page_context, priority=550)
    app.connect("html-page-context", interface.on_html_page_context, priority=600)
    app.connect("build-finished", downloads.on_build_finished)
    app.connect("build-finished", diagnostics.on_build_finished)
    app.connect("build-finished", freshness.on_build_finished)
    app.add_html_math_renderer("mathml", (mathml.visit_math, None),
                               (mathml.visit_displaymath, None))
    app.add_node(nodes.details, html=nodes.tag("details"))
    app.add_node(nodes.summary, html=nodes.tag("summary"))
    app.add_node(du.citation, override=True, html=(nodes.visit_citation, nodes.depart_citation))
    for kind in KINDS:
        app.add_role(kind, roles.NumberRole(kind))
    app.add_transform(typography.FrenchTypography)
    app.add_post_transform(typography.FrenchTypographyLate)
    app.connect("doctree-resolved", typography.on_doctree_resolved, priority=900)
    register_bibliography_style()
    for kind in ("source", "verdict"):
        app.add_role(kind, roles.ClaimRole(kind))
    app.add_directive("liste-parametres", annexes.ParametersList)
    app.add_directive("liste-estimations", annexes.EstimatesList)
    app.add_directive("telechargements", annexes.DownloadsList)
    app.add_directive("index-annexe", annex_pages.AnnexIndex)
    app.add_directive("changements", history.ChangesList)
    app.add_directive("liste-verifications", verification.ChecksList)
    app.add_directive("echelle-verdicts", verdicts.ScaleList)
    app.add_directive("contradictions", verification.ContradictionsList)
    comparer.setup(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
