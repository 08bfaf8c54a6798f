"""Sphinx's, MyST's and bibtex's warnings for an editor's usual mistakes, said in French with
the fix. The file and line stay those that Sphinx gives; only the message is rewritten."""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path

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
