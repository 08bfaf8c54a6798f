"""French typography at build time: spaces and apostrophes of every text a reader reads,
quoted source text rendered (superscripts, formulas), runs of identical verdict badges.

Runs on the doctree after docutils' smart quotes, so every paragraph, list, title, caption,
table, admonition and footnote gets the same treatment; code, URLs and formulas are left alone.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..typography import typeset

# Elements whose text is not prose: code, formulas, raw HTML, and the BibTeX of a citation box.
_SKIP = (nodes.literal, nodes.literal_block, nodes.math, nodes.math_block, nodes.raw,
         nodes.comment, nodes.doctest_block, nodes.substitution_definition, nodes.target)
_NUMBER_WORDS = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept",
                 8: "huit", 9: "neuf", 10: "dix"}


def _skipped(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, _SKIP) or "bibtex" in parent.get("classes", ()):
            return True
        if isinstance(parent, nodes.reference) and parent.astext() == parent.get("refuri"):
            return True  # a URL shown as itself
        parent = parent.parent
    return False


def _in_bibliography(node: nodes.Node) -> bool:
    """Bibliography entries keep their titles' own punctuation: spaces fixed, none added."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (nodes.citation, nodes.footnote)):
            return True
        parent = parent.parent
    return False


class FrenchTypography(SphinxTransform):
    """No-break spaces before « : ; ! ? » and inside « », typographic apostrophes."""

    default_priority = 760  # after SphinxSmartQuotes (750)

    def apply(self, **kwargs) -> None:
        merge_verdict_runs(self.document)
        for text in list(self.document.findall(nodes.Text)):
            if _skipped(text):
                continue
            new = typeset(str(text), add_missing=not _in_bibliography(text))
            if new != str(text):
                text.parent.replace(text, nodes.Text(new))


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


def typeset_tree(document: nodes.document) -> None:
    for text in list(document.findall(nodes.Text)):
        if _skipped(text):
            continue
        new = typeset(str(text), add_missing=not _in_bibliography(text))
        if new != str(text):
            text.parent.replace(text, nodes.Text(new))


def on_doctree_resolved(app, doctree: nodes.document, docname: str) -> None:
    """Last pass, after the handlers that add text to a resolved page (download links)."""
    typeset_tree(doctree)


class FrenchTypographyLate(SphinxPostTransform):
    """The same for what is made at writing time: bibliography entries, resolved links."""

    default_priority = 900

    def run(self, **kwargs) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if _skipped(text):
                continue
            new = typeset(str(text), add_missing=not _in_bibliography(text))
            if new != str(text):
                text.parent.replace(text, nodes.Text(new))
