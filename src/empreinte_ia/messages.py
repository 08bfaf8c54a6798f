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


def _closest(word: str, choices: Iterable[str]) -> str:
    found = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    return f" Vouliez-vous dire : {', '.join(found)} ?" if found else ""


class FrenchWarnings(logging.Filter):
    """Rewrites, on their way out, the warnings a contributor is likely to meet."""

    def __init__(self, citation_keys: Callable[[], list[str]]):
        super().__init__()
        self.citation_keys = citation_keys
        self.rules: list[tuple[re.Pattern, Callable[[re.Match], str]]] = [
            (re.compile(r"undefined label: '([^']+)'"), self._label),
            (re.compile(r"'myst' cross-reference target not found: '([^']+)'"), self._target),
            (re.compile(r"local id not found in doc '([^']+)': '([^']+)'"), self._anchor),
            (re.compile(r"unknown document: '([^']+)'"), self._document),
            (re.compile(r'Unknown interpreted text role "([^"]+)"'), self._role),
            (re.compile(r"Unknown directive type:? [\"']?([\w:-]+)"), self._directive),
            (re.compile(r'could not find bibtex key "([^"]+)"'), self._citation),
            (re.compile(r"Any number is not assigned: ([\w-]+)"), self._number),
        ]

    @staticmethod
    def _label(m: re.Match) -> str:
        return (f"renvoi cassé : l'étiquette « {m[1]} » n'existe pas. Correction : vérifiez son "
                f"orthographe, ou posez-la avec la ligne « ({m[1]})= » juste avant le titre visé "
                "(ou « name: » dans les options d'une figure).")

    @staticmethod
    def _target(m: re.Match) -> str:
        return (f"lien interne cassé : la cible « {m[1]} » n'existe pas. Correction : vérifiez le "
                "nom du fichier et de l'ancre, par exemple [texte](utilisation.md#le-titre).")

    @staticmethod
    def _anchor(m: re.Match) -> str:
        return (f"lien interne cassé : la page « {m[1]} » n'a pas d'ancre « {m[2]} ». "
                "Correction : reprenez l'ancre du titre visé (minuscules, tirets à la place des "
                "espaces), ou posez une étiquette « (nom)= » avant ce titre.")

    @staticmethod
    def _document(m: re.Match) -> str:
        return (f"renvoi vers un document inconnu « {m[1]} ». Correction : donnez le chemin du "
                "fichier sans « .md », relatif à la page (par exemple ../annexes/parametres).")

    @staticmethod
    def _role(m: re.Match) -> str:
        return (f"rôle inconnu « {{{m[1]}}} ».{_closest(m[1], ROLES)} Correction : corrigez le "
                "nom du rôle ; ceux du site sont {chiffre}, {nombre}, {plage}, {source} et "
                "{verdict} (voir CONTRIBUTING.md).")

    @staticmethod
    def _directive(m: re.Match) -> str:
        return (f"directive inconnue « {{{m[1]}}} ».{_closest(m[1], DIRECTIVES)} Correction : "
                "corrigez le nom entre accolades après les trois accents graves.")

    def _citation(self, m: re.Match) -> str:
        return (f"clé de citation inconnue « {m[1]} ».{_closest(m[1], self.citation_keys())} "
                "Correction : corrigez la clé, ou ajoutez la référence à data/references.bib.")

    @staticmethod
    def _number(m: re.Match) -> str:
        return (f"la figure « {m[1]} » n'a pas de numéro. Correction : donnez-lui une légende "
                "(« caption: ») et un nom (« name: ») dans les options de la cellule.")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        try:
            text = record.getMessage()
        except (TypeError, ValueError):
            return True
        for pattern, french in self.rules:
            found = pattern.search(text)
            if found:
                record.msg, record.args = french(found), ()
                break
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
