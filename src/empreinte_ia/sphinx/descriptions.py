"""Page descriptions (meta description and og:description) as French writes them.

sphinxext-opengraph makes a page's description from its first paragraphs, joining the text
nodes with a space (« L’ entraînement » when a glossary link follows an apostrophe) and cutting
at a fixed length in the middle of a word, with an English « ... ». Its walk over the doctree is
kept; what it returns is cut again at a word, with « … », and the apostrophe closed up. The
extension looks its parser up by name when it writes each page, so the name is pointed here.
"""

from __future__ import annotations

import re
from collections.abc import Set

import sphinxext.opengraph as opengraph
from docutils import nodes
from sphinx.application import Sphinx
from sphinxext.opengraph._description_parser import get_description

# The parser escapes its text for HTML: the ASCII apostrophe comes out as « &#x27; ».
_SPACE_AFTER_APOSTROPHE = re.compile(r"(’|&#x27;) ")
_WHOLE_TEXT = 100_000


def french_description(doctree: nodes.document, description_length: int,
                       known_titles: Set[str] = frozenset()) -> str:
    text = get_description(doctree, _WHOLE_TEXT, known_titles).strip()
    text = _SPACE_AFTER_APOSTROPHE.sub(r"\1", text)
    if len(text) <= description_length:
        return text
    cut = text[:description_length - 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:\u00a0\u202f") + "…"


def setup(app: Sphinx) -> None:
    opengraph.get_description = french_description
