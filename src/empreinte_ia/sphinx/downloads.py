"""What a reader can take away from a chapter: each chart as SVG and as CSV data, and the
chapter itself as a Jupyter notebook when it holds code cells.

Charts carry their data (``empreinte_ia.charts.output``: the CSV is the SVG's Dublin Core
description); the links are added to the figure in the doctree, the files written next to
the pages.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from ..display import anchor
from .freshness import faulty
from .state import state

DC = "{http://purl.org/dc/elements/1.1/}"
CHARTS_DIR = "_downloads/graphiques"
NOTEBOOKS_DIR = "_downloads/carnets"


def chart_data(svg: Path) -> tuple[str, str] | None:
    """(title, CSV) carried by a chart of ours, or None for any other SVG."""
    try:
        root = ET.parse(svg).getroot()
    except (ET.ParseError, OSError):
        return None
    description = root.find(f".//{DC}description")
    if description is None or not (description.text or "").startswith("libelle,"):
        return None
    title = root.find(f".//{DC}title")
    return (title.text or "" if title is not None else ""), description.text or ""


def _relative(docname: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(docname) or ".")


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Below each chart: « Télécharger : image (SVG) · données (CSV) »."""
    if app.builder.format != "html":
        return
    pending = state(app).chart_csv
    for image in list(doctree.findall(nodes.image)):
        uri = image.get("uri", "")
        if not uri.endswith(".svg"):
            continue
        source = (Path(app.srcdir) / uri).resolve()
        found = chart_data(source)
        if found is None:
            continue
        title, csv_text = found
        csv_name = f"{CHARTS_DIR}/{anchor(title) or source.stem[:16]}.csv"
        if pending.get(csv_name, csv_text) != csv_text:  # two charts with one title
            csv_name = f"{CHARTS_DIR}/{anchor(title)}-{source.stem[:8]}.csv"
        pending[csv_name] = csv_text
        links = nodes.paragraph(classes=["telechargements"])
        links += nodes.Text("Télécharger : ")
        links += nodes.reference("", "image (SVG)",
                                 refuri=_relative(docname, f"_images/{source.name}"))
        links += nodes.Text(" · ")
        links += nodes.reference("", "données (CSV)", refuri=_relative(docname, csv_name))
        holder = image.parent
        while holder is not None and not isinstance(holder, nodes.figure) and \
                holder.parent is not None and not isinstance(holder, nodes.section):
            holder = holder.parent
        target = holder if isinstance(holder, nodes.figure) else image.parent
        target += links


def notebook_name(docname: str) -> str:
    return f"{NOTEBOOKS_DIR}/{posixpath.basename(docname)}.ipynb"


def has_code_cells(source: Path) -> bool:
    text = source.read_text(encoding="utf-8")
    return "```{code-cell}" in text


def on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict,
                         doctree) -> None:
    """Chapters with code cells: write their notebook and offer it in the header."""
    if doctree is None or pagename not in app.env.found_docs or faulty(app.env, pagename):
        return   # a faulty page is not published: no notebook either
    source = Path(app.env.doc2path(pagename))
    if source.suffix != ".md" or not has_code_cells(source):
        return
    import jupytext

    notebook = jupytext.read(source, fmt="md:myst")
    for number, cell in enumerate(notebook.cells, start=1):
        cell.id = f"cellule-{number}"  # jupytext draws them at random: one build, one file
    target = Path(app.outdir) / notebook_name(pagename)
    target.parent.mkdir(parents=True, exist_ok=True)
    jupytext.write(notebook, target, fmt="ipynb")
    context["empreinte_notebook"] = notebook_name(pagename)


def on_build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for name, text in sorted(state(app).chart_csv.items()):
        target = Path(app.outdir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
