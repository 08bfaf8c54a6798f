"""Page descriptions (og:description and meta description) as French writes them.

sphinxext-opengraph makes a description by walking the page, joining its text nodes with a
space (« L’ entraînement » when a link or an emphasis follows an apostrophe) and cutting at a
fixed length inside a word with an English « ... ». It also takes a page's own
`og:description` from the page's metadata, written as is into the tag, and leaves the meta
description alone when the page already has one. So each page's description is made here once,
when the page is read: the text of its first paragraphs, the walk stopped as soon as there is
more than enough, cut at a word with « … ». It goes into the page's metadata (for the
extension) and into a meta description (`add_meta_description`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from docutils import nodes
from sphinx.application import Sphinx

# What a reader of a description would not want: notes, comments, code, formulas, the
# numbers of footnote calls, and what sits beside the text (figures, tables, boxes).
_SKIPPED = (nodes.Admonition, nodes.Invisible, nodes.raw, nodes.literal_block, nodes.math,
            nodes.math_block, nodes.footnote_reference, nodes.citation_reference,
            nodes.footnote, nodes.citation, nodes.sidebar, nodes.topic, nodes.table,
            nodes.figure, nodes.image)
# Ordinary white space only: the no-break spaces of French typography stay.
_SPACES = re.compile(r"[ \t\r\n]+")
# Where a cut text may end: no space or punctuation left dangling before « … ».
_DANGLING = " ,;:\u00a0\u202f–—«"


def shorten(text: str, length: int) -> str:
    """`text` if it fits in `length` characters, else cut at the last whole word before,
    followed by « … » (the result is at most `length` characters)."""
    if len(text) <= length:
        return text
    cut = text[:length - 1]
    if " " in cut and text[length - 1] != " ":
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(_DANGLING) + "…"


def _text(element: nodes.Element) -> str:
    return "".join(str(child) if isinstance(child, nodes.Text) else _text(child)
                   for child in element.children if not isinstance(child, _SKIPPED))


def _paragraphs(element: nodes.Element) -> Iterator[str]:
    """The text of each paragraph a reader reads first, in order, one at a time."""
    for child in element.children:
        if isinstance(child, _SKIPPED) or not isinstance(child, nodes.Element):
            continue
        if isinstance(child, nodes.paragraph):
            yield _SPACES.sub(" ", _text(child)).strip()
        else:
            yield from _paragraphs(child)


def page_description(doctree: nodes.document, length: int) -> str:
    """The first paragraphs of the page, read no further than needed, cut at a word."""
    text = ""
    for paragraph in _paragraphs(doctree):
        if paragraph:
            text = f"{text} {paragraph}" if text else paragraph
        if len(text) > length:
            break
    return shorten(text, length)


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Once per page read: its description, in the metadata sphinxext-opengraph reads
    (escaped for HTML: the extension writes a page's `og:` values into its tags as they are)."""
    description = page_description(doctree, app.config.ogp_description_length)
    if description:
        app.env.metadata[app.env.docname]["og:description"] = html.escape(description,
                                                                           quote=False)


def description_of(context: dict) -> str:
    """The page's description, as text (what `on_doctree_read` stored)."""
    return html.unescape((context.get("meta") or {}).get("og:description", ""))


# Pages Sphinx writes without a source (no doctree, no first paragraph): their own description.
SPECIAL_PAGES = {
    "search": "Rechercher un chiffre, une source ou un terme dans le livre sur le coût "
              "environnemental de l’IA.",
    "genindex": "Index des termes du livre sur le coût environnemental de l’IA : glossaire, "
                "chapitres et annexes.",
    "404": "Page introuvable : cette adresse ne correspond à aucune page du livre ; les "
           "chiffres ont des adresses stables dans les annexes.",
}


def add_meta_description(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Before sphinxext-opengraph (priority 500), which then leaves the page's own alone."""
    description = description_of(context) if doctree is not None else SPECIAL_PAGES.get(pagename)
    if description:
        context["metatags"] = context.get("metatags", "") + \
            f'<meta name="description" content="{html.escape(description)}" />\n'


def install(app: Sphinx) -> None:
    app.connect("doctree-read", on_doctree_read)
    app.connect("html-page-context", add_meta_description, priority=440)
