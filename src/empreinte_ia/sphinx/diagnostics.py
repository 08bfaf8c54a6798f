"""Every problem of a build said in French, with its file, line and fix.

(Sphinx's, MyST's and bibtex's own warnings are put in French by french_warnings.py.)
- each chapter is checked for hand-typed numbers and charts without alternative text;
- a YAML header (front matter) that cannot be read is reported at its own line, in French
  (MyST would say « Malformed YAML » at line 1), and the page is not built;
- unreadable options of a code cell (bad YAML) are reported at the cell's line, before MyST-NB
  would stop the build with Sphinx's English crash report;
- a code cell that raised is located in its chapter file;
- a failing strict build ends on a French summary.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from ..datafile import front_matter_error
from ..prose import lint_text
from .state import state

logger = logging.getLogger(__name__)


CELL_OPTIONS = ("options illisibles {where} (YAML mal formé). Correction : écrivez les options en YAML "
                "valide, entre deux lignes « --- » (« tags: [hide-input] », crochets fermés, "
                "deux-points suivis d'une espace) ou une par ligne (« :tags: [hide-input] »).")
# Left in place of a page whose cells cannot be read: the build fails on the warning, and the
# page is taken out of the published folder (freshness.py).
UNREAD = "# Page non construite\n\nLes options d'une cellule de code sont illisibles.\n"
UNREAD_HEADER = "# Page non construite\n\nL'en-tête YAML de la page est illisible.\n"


def check_cell_options(app: Sphinx, docname: str, source: list[str]) -> None:
    """A MyST notebook is read by MyST-NB's own reader: options it cannot read become a French
    warning at the cell's line, and the page is not parsed (MyST-NB would raise)."""
    from myst_nb.core.read import MystMetadataParsingError, is_myst_markdown_notebook, read_myst_markdown_notebook

    if not is_myst_markdown_notebook(source[0]):
        return
    try:
        read_myst_markdown_notebook(source[0], getattr(app.env, "myst_config", None),
                                    path=app.env.doc2path(docname))
    except MystMetadataParsingError as exc:
        m = re.search(r"cell \d+ at line (\d+)", str(exc))
        # The first name quoted is on the line given (lines.ExactLine keeps it there).
        where = "de la cellule « {code-cell} »" if m else \
            "dans l'en-tête « --- » de la page"
        logger.warning(CELL_OPTIONS.format(where=where),
                       location=(docname, int(m.group(1)) if m else 1), type="empreinte",
                       subtype="cellule")
        source[0] = UNREAD


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Every page depends on data/ and on the package; chapters hold no hand-typed number."""
    st = state(app)
    for path in st.watched:
        app.env.note_dependency(str(path))
    error = front_matter_error(source[0], str(app.env.doc2path(docname)))
    if error is not None:
        logger.warning(f"{error.message}. Correction : {error.fix}.",
                       location=(docname, error.line), type="empreinte", subtype="entete")
        source[0] = UNREAD_HEADER
        return
    check_cell_options(app, docname, source)
    if docname.startswith("annexes/") and docname != "annexes/index":
        return
    shown = app.env.doc2path(docname)
    for finding in lint_text(source[0], str(shown), st.names):
        if finding.kind == "alt":
            logger.warning("graphique sans texte alternatif. Correction : ajoutez « alt: » sous "
                           "« image: » dans les options de la cellule.",
                           location=(docname, finding.line), type="empreinte", subtype="alt")
            continue
        if finding.kind == "code":  # drawn in a chart's SVG: the doctree check cannot see it
            logger.warning(finding.problem().replace("\n  → ", " "),
                           location=(docname, finding.line), type="empreinte", subtype="chiffre")
            continue
        # Hand-typed numbers of the text are checked on the published text (published.py).


def _cell_line(path: Path, cell_source: str) -> int | None:
    """Line of the failing cell's first code line in the chapter file."""
    first = next((ln.strip() for ln in cell_source.splitlines() if ln.strip()), "")
    if not first or not path.exists():
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() == first:
            return number
    return None


def report_failed_cell(exception: Exception) -> None:
    """A code cell that raised in myst-nb's own kernel: say where, in French, before Sphinx's
    own report (a cell that fails in the shared kernel stops the build earlier, notebooks.py)."""
    cause = exception.__cause__
    if type(exception).__name__ != "ExecutionError" or cause is None:
        return
    sys.stderr.write(failed_cell_message(Path(str(exception)), cause)
                     + " La trace complète est affichée plus haut.\n")


def failed_cell_message(path: Path, cause: BaseException) -> str:
    """« ERREUR : une cellule de code a échoué dans <fichier>, ligne <n> : <erreur> » and the
    fix, from nbclient's CellExecutionError (its text holds the cell and the traceback)."""
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
    return (f"\nERREUR : une cellule de code a échoué dans {where} : {ename} : {evalue}\n"
            "  → Correction : corrigez le code de cette cellule (un identifiant du registre mal "
            "écrit, une unité incompatible…) puis relancez « make html ».")


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None:
        report_failed_cell(exception)
        return
    problems = getattr(app, "_warncount", 0)
    if problems and getattr(app, "_fail_on_warnings", False):
        sys.stderr.write(
            f"\nERREUR : la construction échoue sur {problems} problème(s), listé(s) plus "
            "haut avec leur fichier, leur ligne et leur correction.\n")
