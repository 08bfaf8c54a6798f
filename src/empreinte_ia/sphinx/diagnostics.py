"""Every problem of a build said in French, with its file, line and fix.

- Sphinx's, MyST's and bibtex's warnings for an editor's usual mistakes are rewritten in
  French (the file and line stay those that Sphinx gives; only the message changes);
- each chapter is checked for hand-typed numbers and charts without alternative text;
- a code cell that raised is located in its chapter file;
- a failing strict build ends on a French summary.
"""

from __future__ import annotations

import difflib
import logging
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging as sphinx_logging

from ..prose import lint_text
from .state import state

logger = sphinx_logging.getLogger(__name__)

# Roles and directives an editor of this book is expected to use.
ROLES = ["chiffre", "nombre", "plage", "source", "verdict", "ref", "numref", "doc", "cite:p",
         "cite:t", "footcite:p", "footcite:t", "math", "term", "download"]
DIRECTIVES = ["code-cell", "admonition", "note", "warning", "figure", "image", "toctree",
              "bibliography", "footbibliography", "glue:figure", "liste-parametres",
              "liste-estimations", "liste-verifications", "contradictions", "telechargements",
              "changements"]


# Sphinx's, MyST's or bibtex's English warning → the French message, where {0}, {1} are the
# names the warning gives and {proches} the known names closest to the first one.
RULES: list[tuple[str, str, str | None]] = [
    (r"undefined label: '([^']+)'",
     "renvoi cassé : l'étiquette « {0} » n'existe pas. Correction : vérifiez son orthographe, ou "
     "posez-la avec la ligne « ({0})= » juste avant le titre visé (ou « name: » dans les "
     "options d'une figure).", None),
    (r"'myst' cross-reference target not found: '([^']+)'",
     "lien interne cassé : la cible « {0} » n'existe pas. Correction : vérifiez le nom du "
     "fichier et de l'ancre, par exemple [texte](utilisation.md#le-titre).", None),
    (r"local id not found in doc '([^']+)': '([^']+)'",
     "lien interne cassé : la page « {0} » n'a pas d'ancre « {1} ». Correction : reprenez "
     "l'ancre du titre visé (minuscules, tirets à la place des espaces), ou posez une étiquette "
     "« (nom)= » avant ce titre.", None),
    (r"unknown document: '([^']+)'",
     "renvoi vers un document inconnu « {0} ». Correction : donnez le chemin du fichier sans "
     "« .md », relatif à la page (par exemple ../annexes/parametres).", None),
    (r'Unknown interpreted text role "([^"]+)"',
     "rôle inconnu « {{{0}}} ».{proches} Correction : corrigez le nom du rôle ; ceux du site "
     "sont {{chiffre}}, {{nombre}}, {{plage}}, {{source}} et {{verdict}} (voir CONTRIBUTING.md).",
     "roles"),
    (r"Unknown directive type:? [\"']?([\w:-]+)",
     "directive inconnue « {{{0}}} ».{proches} Correction : corrigez le nom entre accolades "
     "après les trois accents graves.", "directives"),
    (r'could not find bibtex key "([^"]+)"',
     "clé de citation inconnue « {0} ».{proches} Correction : corrigez la clé, ou ajoutez la "
     "référence à data/references.bib.", "citations"),
    (r"undecodable source characters",
     "le fichier n'est pas en UTF-8 : des caractères sont illisibles. Correction : "
     "enregistrez le fichier en UTF-8 dans votre éditeur.", None),
    (r"Any number is not assigned: ([\w-]+)",
     "la figure « {0} » n'a pas de numéro. Correction : donnez-lui une légende (« caption: ») "
     "et un nom (« name: ») dans les options de la cellule.", None),
]


class FrenchWarnings(logging.Filter):
    """Rewrites, on their way out, the warnings a contributor is likely to meet."""

    def __init__(self, citation_keys: Callable[[], list[str]]):
        super().__init__()
        self.choices = {"roles": lambda: ROLES, "directives": lambda: DIRECTIVES,
                        "citations": citation_keys}
        self.rules = [(re.compile(pattern), text, names) for pattern, text, names in RULES]

    def french(self, english: str) -> str | None:
        for pattern, text, names in self.rules:
            found = pattern.search(english)
            if found:
                close = difflib.get_close_matches(found[1], list(self.choices[names]()), n=3,
                                                  cutoff=0.6) if names else []
                hint = f" Vouliez-vous dire : {', '.join(close)} ?" if close else ""
                return text.format(*found.groups(), proches=hint)
        return None

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            try:
                french = self.french(record.getMessage())
            except (TypeError, ValueError):
                french = None
            if french:
                record.msg, record.args = french, ()
        return True


def bib_keys(paths: Iterable[str | Path]) -> list[str]:
    keys = []
    for path in paths:
        keys += re.findall(r"@\w+\s*\{\s*([^,\s]+)\s*,", Path(path).read_text(encoding="utf-8"))
    return keys


def install(app) -> None:
    """Adds the French rewriting to every handler Sphinx logs through."""
    flt = FrenchWarnings(lambda: bib_keys(app.config.bibtex_bibfiles))
    for handler in logging.getLogger("sphinx").handlers:
        handler.addFilter(flt)


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Every page depends on data/ and on the package; chapters hold no hand-typed number."""
    st = state(app)
    for path in st.watched:
        app.env.note_dependency(str(path))
    if docname.startswith("annexes/") and docname != "annexes/index":
        return
    shown = app.env.doc2path(docname)
    for finding in lint_text(source[0], str(shown), st.names):
        if finding.kind == "alt":
            logger.warning("graphique sans texte alternatif. Correction : ajoutez « alt: » sous "
                           "« image: » dans les options de la cellule.",
                           location=(docname, finding.line), type="empreinte", subtype="alt")
            continue
        # Hand-typed numbers are checked on the published text (published.py).


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


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None:
        report_failed_cell(exception)
        return
    problems = getattr(app, "_warncount", 0)
    if problems and getattr(app, "_fail_on_warnings", False):
        sys.stderr.write(
            f"\nERREUR : la construction échoue sur {problems} problème(s), listé(s) plus "
            "haut avec leur fichier, leur ligne et leur correction.\n")
