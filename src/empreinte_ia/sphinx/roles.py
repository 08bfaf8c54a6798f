"""Roles of the chapters.

  {chiffre}`id`  value, unit and « par … » → « 4 500 kWh par an et par foyer »
  {mesure}`id`   value and unit, without the « par … » the sentence says → « 4 500 kWh »
  {nombre}`id`   value without unit        → « 35 000 »
  {plage}`id`    low–high range and unit   → « 0,29 à 0,55 Wh par requête »
  {plage-mesure}`id`, {plage-nombre}`id`: the range in the two shorter forms
  {source}`id`   what a source document said, linked to its verdict
  {verdict}`id`  the computed verdict of that claim
Each links to the entry of `id` in its annex.
"""

from __future__ import annotations

import difflib

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from ..display import CHECKS_DOC, anchor, claim_anchor, entry_doc, render
from ..registry import Registry
from .lines import exact_line
from .nodes import page_uri
from .state import state
from .typography import quote_nodes

logger = logging.getLogger(__name__)


def suggest(registry: Registry, key: str) -> str:
    close = difflib.get_close_matches(key, registry.ids(), n=3)
    return ("identifiants proches : " + ", ".join(close)) if close else \
        "consultez l'annexe des paramètres et celle des estimations"


class _Role(SphinxRole):
    def where(self) -> tuple[str, int | None]:
        """The role's own line: MyST gives the line where its paragraph starts."""
        line = exact_line(self.env.app, self.env.docname, self.lineno, self.rawtext)
        return self.env.docname, line


class NumberRole(_Role):
    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind

    def run(self):
        registry = state(self.env).registry
        key = self.text.strip()
        if key not in registry:
            logger.warning(
                f"chiffre inconnu « {key} » dans le rôle {{{self.kind}}}. "
                f"Correction : {suggest(registry, key)}.",
                location=self.where(), type="empreinte", subtype="chiffre")
            return [nodes.inline(self.rawtext, self.rawtext, classes=["chiffre-inconnu"])], []
        if self.kind.startswith("plage") and not registry.value(key).has_range:
            logger.warning(f"« {key} » n'a pas de fourchette. Correction : utilisez "
                           "{chiffre} plutôt que {plage}.", location=self.where(),
                           type="empreinte", subtype="plage")
        text = render(registry, key, self.kind)
        uri = page_uri(self.env, entry_doc(registry, key))
        ref = nodes.reference(self.rawtext, text, refuri=f"{uri}#{anchor(key)}",
                              reftitle=registry.label(key), classes=["chiffre"])
        return [ref], []


class ClaimRole(_Role):
    """{source}`claim` : what the source said, linked to its verdict;
    {verdict}`claim` : the computed verdict, linked likewise."""

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind

    def run(self):
        by_id = state(self.env).verdicts
        key = self.text.strip()
        if key not in by_id:
            close = difflib.get_close_matches(key, list(by_id), n=3)
            logger.warning(f"affirmation inconnue « {key} » dans le rôle {{{self.kind}}}. "
                           "Correction : " + ("identifiants proches : " + ", ".join(close)
                                              if close else "voir data/claims/") + ".",
                           location=self.where(), type="empreinte", subtype="source")
            return [nodes.inline(self.rawtext, self.rawtext)], []
        v = by_id[key]
        content = [nodes.Text("« "), *quote_nodes(v.claim.quote), nodes.Text(" »")] \
            if self.kind == "source" else [nodes.Text(v.label)]
        uri = page_uri(self.env, CHECKS_DOC)
        ref = nodes.reference(self.rawtext, "", *content, refuri=f"{uri}#{claim_anchor(key)}",
                              reftitle=f"Vérification : {v.label}", classes=(["source"] if self.kind == "source"
                                       else ["verdict", f"verdict-{v.kind}"]))
        return [ref], []
