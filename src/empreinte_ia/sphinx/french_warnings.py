"""Sphinx's, MyST's and bibtex's warnings for an editor's usual mistakes, said in French with
the fix. The file and line stay those that Sphinx gives.

No English text is matched, so that the messages stay French whatever the console's language:
- Sphinx's broken cross-references ({ref}, {numref}, {doc}) are caught at the
  ``warn-missing-reference`` event, which gives the target, and reported by us instead;
- other warnings are recognised by their type and subtype (``myst.role_unknown``,
  ``bibtex.key_not_found``…), or, for a Sphinx warning without type, by its message id compared
  with its translation in the console's language; the names are those the warning quotes.

Sphinx writes « WARNING: » before each warning, a fixed English word that its catalogues do not
translate (``SphinxWarningLogRecord.prefix``): `FrenchPrefix` gives the records a subclass of
Sphinx's own record class whose prefix is « AVERTISSEMENT : » (« ERREUR : » for errors).
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.locale import __
from sphinx.util import logging as sphinx_logging
from sphinx.util.logging import SphinxWarningLogRecord

from ..sources import load_references

logger = sphinx_logging.getLogger(__name__)

# Roles and directives an editor of this book is expected to use.
ROLES = ["chiffre", "nombre", "plage", "source", "verdict", "ref", "numref", "doc", "cite:p",
         "cite:t", "footcite:p", "footcite:t", "math", "term", "download"]
DIRECTIVES = ["code-cell", "admonition", "note", "warning", "figure", "image", "toctree",
              "bibliography", "footbibliography", "glue:figure", "liste-parametres",
              "liste-estimations", "liste-verifications", "contradictions", "telechargements",
              "changements"]

LABEL = ("renvoi cassé : l'étiquette « {0} » n'existe pas. Correction : vérifiez son "
         "orthographe, ou posez-la avec la ligne « ({0})= » juste avant le titre visé (ou "
         "« name: » dans les options d'une figure).")
UNTITLED = ("renvoi sans texte : l'étiquette « {0} » est posée devant un élément sans titre. "
            "Correction : donnez le texte du lien, {{ref}}`texte <{0}>`, ou placez l'étiquette "
            "juste avant un titre.")
DOCUMENT = ("renvoi vers un document inconnu « {0} ». Correction : donnez le chemin du fichier "
            "sans « .md », relatif à la page (par exemple ../annexes/parametres).")
TARGET = ("lien interne cassé : la cible « {0} » n'existe pas. Correction : vérifiez le nom du "
          "fichier et de l'ancre, par exemple [texte](utilisation.md#le-titre).")
ANCHOR = ("lien interne cassé : la page « {0} » n'a pas d'ancre « {1} ». Correction : reprenez "
          "l'ancre du titre visé (minuscules, tirets à la place des espaces), ou posez une "
          "étiquette « (nom)= » avant ce titre.")
ROLE = ("rôle inconnu « {{{0}}} ».{proches} Correction : corrigez le nom du rôle ; ceux du site "
        "sont {{chiffre}}, {{nombre}}, {{plage}}, {{source}} et {{verdict}} (voir "
        "CONTRIBUTING.md).")
DIRECTIVE = ("directive inconnue « {{{0}}} ».{proches} Correction : corrigez le nom entre "
             "accolades après les trois accents graves.")
CITATION = ("clé de citation inconnue « {0} ».{proches} Correction : corrigez la clé, ou ajoutez "
            "la référence à data/references.bib.")
NO_NUMBER = ("la figure « {0} » n'a pas de numéro. Correction : donnez-lui une légende "
             "(« caption: ») et un nom (« name: ») dans les options de la cellule.")
# Sphinx warns of a figure without number with no type: known by its message id.
NO_NUMBER_ID = "Failed to create a cross reference. Any number is not assigned: %s"

_QUOTED = re.compile(r"""'([^']*)'|"([^"]*)\"""")


def on_missing_reference(app: Sphinx, domain: Domain | None, node: nodes.Element) -> bool | None:
    """``warn-missing-reference``: a broken {ref}, {numref} or {doc}, in French. (Sphinx's own
    handler for {ref} runs too, whatever we return: its warning, ``ref.ref``, is added to
    ``suppress_warnings`` by `install`.)"""
    kind, target = node.get("reftype"), node.get("reftarget", "")
    if (domain is None or domain.name == "std") and kind in ("ref", "numref", "doc"):
        if kind == "doc":
            text = DOCUMENT
        elif domain is not None and target in getattr(domain, "anonlabels", {}):
            text = UNTITLED
        else:
            text = LABEL
        logger.warning(text.format(target), location=node, type="empreinte", subtype="renvoi")
        return True
    return None


def _close(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=3, cutoff=0.6)
    return f" Vouliez-vous dire : {', '.join(close)} ?" if close else ""


class FrenchWarnings(logging.Filter):
    """Rewrites, on their way out, the typed warnings a contributor is likely to meet."""

    def __init__(self, citation_keys: Callable[[], list[str]]):
        super().__init__()
        self.citation_keys = citation_keys

    def french(self, record: logging.LogRecord) -> str | None:
        kind = (getattr(record, "type", None), getattr(record, "subtype", None))
        if kind == (None, None):
            if record.args and str(record.msg) == __(NO_NUMBER_ID):
                return NO_NUMBER.format(record.args[0] if isinstance(record.args, tuple)
                                        else record.args)
            return None
        names = [a or b for a, b in _QUOTED.findall(record.getMessage())]
        if not names:
            return None
        if kind == ("myst", "role_unknown"):
            return ROLE.format(names[0], proches=_close(names[0], ROLES))
        if kind == ("myst", "directive_unknown"):
            return DIRECTIVE.format(names[0], proches=_close(names[0], DIRECTIVES))
        if kind == ("bibtex", "key_not_found"):
            return CITATION.format(names[0], proches=_close(names[0], self.citation_keys()))
        if kind == ("myst", "xref_missing"):
            # « 'myst' cross-reference target not found: 'x' » or « … in doc 'd': 'id' »
            return TARGET.format(names[-1]) if names[0] == "myst" else ANCHOR.format(*names[-2:])
        return None

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            french = self.french(record)
            if french:
                record.msg, record.args = french, ()
        return True


class FrenchWarningLogRecord(SphinxWarningLogRecord):
    """Sphinx's warning record, with the level said in French."""

    @property
    def prefix(self) -> str:  # type: ignore[override]
        if self.levelno >= logging.CRITICAL:
            return "ERREUR CRITIQUE : "
        return "ERREUR : " if self.levelno >= logging.ERROR else "AVERTISSEMENT : "


class FrenchPrefix(logging.Filter):
    """Runs after Sphinx's WarningLogRecordTranslator, which makes every warning a
    SphinxWarningLogRecord: the record keeps its class's behaviour, with a French prefix."""

    def filter(self, record: logging.LogRecord) -> bool:
        if type(record) is SphinxWarningLogRecord:
            record.__class__ = FrenchWarningLogRecord
        return True


def install(app: Sphinx) -> None:
    """Adds the French rewriting to every handler Sphinx logs through, and the event."""
    def keys() -> list[str]:
        out: list[str] = []
        for path in app.config.bibtex_bibfiles:
            out += list(load_references(app.confdir / path))
        return out

    def suppress_english_ref(app: Sphinx, config) -> None:
        config.suppress_warnings = [*config.suppress_warnings, "ref.ref"]

    flt, prefix = FrenchWarnings(keys), FrenchPrefix()
    for handler in logging.getLogger("sphinx").handlers:
        handler.addFilter(flt)
        handler.addFilter(prefix)
    app.connect("config-inited", suppress_english_ref)
    app.connect("warn-missing-reference", on_missing_reference)
