"""French typography at build time: spaces and apostrophes of every text a reader reads,
quoted source text rendered (superscripts, formulas), runs of identical verdict badges.

Runs on the doctree after docutils' smart quotes, so every paragraph, list, title, caption,
table, admonition and footnote gets the same treatment; code, URLs and formulas are left alone.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..typography import typeset

# Elements whose text is not prose: code, formulas, raw HTML, and the BibTeX of a citation box.
_SKIP = (nodes.literal, nodes.literal_block, nodes.math, nodes.math_block, nodes.raw,
         nodes.comment, nodes.doctest_block, nodes.substitution_definition, nodes.target)
_NUMBER_WORDS = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept",
                 8: "huit", 9: "neuf", 10: "dix"}


def _skipped(element: nodes.Element) -> bool:
    """Code, formulas, raw HTML, a citation box's BibTeX, or a URL shown as itself."""
    return isinstance(element, _SKIP) or "bibtex" in element.get("classes", ()) or (
        isinstance(element, nodes.reference) and element.astext() == element.get("refuri"))


def _prose(element: nodes.Element, in_bibliography: bool = False):
    """The Text nodes a reader reads under `element`, each with whether it is in a
    bibliography entry (whose titles keep their own punctuation: spaces fixed, none added).
    One walk from the top: a skipped element's whole subtree is left out."""
    for child in element.children:
        if isinstance(child, nodes.Text):
            yield child, in_bibliography
        elif not _skipped(child):
            yield from _prose(child, in_bibliography
                              or isinstance(child, (nodes.citation, nodes.footnote)))


# Attributes a reader meets as text: a link's tooltip, an image's description.
_READ_ATTRIBUTES = ((nodes.reference, "reftitle"), (nodes.image, "alt"))


def typeset_tree(document: nodes.document) -> None:
    """No-break spaces before « : ; ! ? » and inside « », typographic apostrophes, in the text
    and in the tooltips and image descriptions."""
    for text, in_bibliography in list(_prose(document)):
        new = typeset(str(text), add_missing=not in_bibliography)
        if new != str(text):
            text.parent.replace(text, nodes.Text(new))
    for kind, attribute in _READ_ATTRIBUTES:
        for element in document.findall(kind):
            if element.get(attribute):
                element[attribute] = typeset(element[attribute])


class FrenchTypography(SphinxTransform):
    """At reading, so that titles (navigation, table of contents) are typeset too."""

    default_priority = 760  # after SphinxSmartQuotes (750)

    def apply(self, **kwargs) -> None:
        merge_verdict_runs(self.document)
        typeset_tree(self.document)


# -- quoted source text ------------------------------------------------------------------
_MARKUP = re.compile(r"<sup>(.*?)</sup>|<sub>(.*?)</sub>|\$(.+?)\$")


def quote_nodes(quote: str) -> list[nodes.Node]:
    """A source's words as nodes: « 10<sup>21</sup> » as a superscript, « $\\approx 500$ » as a
    formula, so the reader sees them rendered and never as markup."""
    out: list[nodes.Node] = []
    pos = 0
    for m in _MARKUP.finditer(quote):
        if m.start() > pos:
            out.append(nodes.Text(quote[pos:m.start()]))
        if m.group(1) is not None:
            out.append(nodes.superscript(text=m.group(1)))
        elif m.group(2) is not None:
            out.append(nodes.subscript(text=m.group(2)))
        else:
            out.append(nodes.math(m.group(3), m.group(3)))
        pos = m.end()
    if pos < len(quote):
        out.append(nodes.Text(quote[pos:]))
    return out


def quote_text(quote: str) -> str:
    """The same words as plain text (tooltips, tables of plain text): markup removed."""
    return re.sub(r"\s+", " ", _MARKUP.sub(lambda m: next(g for g in m.groups() if g is not None),
                                            quote)).strip()


# -- runs of badges ----------------------------------------------------------------------
def _is_badge(node: nodes.Node) -> bool:
    return isinstance(node, nodes.reference) and "verdict" in node.get("classes", ()) \
        and not node.astext().startswith("«")


def merge_verdict_runs(document: nodes.document) -> None:
    """« (en accord, en accord, en accord) » → « (les trois en accord) »: one badge for a run
    of identical verdicts separated by commas, its title naming each checked claim."""
    for para in list(document.findall(nodes.paragraph)):
        children = list(para.children)
        i = 0
        while i < len(children):
            run = [children[i]] if _is_badge(children[i]) else []
            j = i + 1
            while run and j + 1 < len(children) and str(children[j]) in (", ", " et ") \
                    and isinstance(children[j], nodes.Text) and _is_badge(children[j + 1]) \
                    and children[j + 1].astext() == run[0].astext():
                run.append(children[j + 1])
                j += 2
            if len(run) >= 2 and len(run) in _NUMBER_WORDS:
                first = run[0]
                merged = first.deepcopy()
                merged["reftitle"] = "Vérifications : voir l’annexe (" + \
                    ", ".join(r["refuri"].rsplit("#", 1)[-1] for r in run) + ")"
                words = nodes.Text(f"les {_NUMBER_WORDS[len(run)]} ")
                index = para.index(first)
                for node in children[i:j]:
                    para.remove(node)
                para.insert(index, merged)
                para.insert(index, words)
                children = list(para.children)
                i = index + 2
                continue
            i += 1


def on_doctree_resolved(app, doctree: nodes.document, docname: str) -> None:
    """Again on the page as written: bibliography entries, resolved links and what the
    handlers before this one added (download links)."""
    typeset_tree(doctree)
