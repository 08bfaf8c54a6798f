"""A built page as a reader and a screen reader meet it, read once per process.

The French checks (test_french.py) read the prose of every page and its tooltips; the interface
check (test_interface.py) reads every text a reader meets for English words. The site has
hundreds of pages (a frozen release writes one per figure): each page is parsed in one pass for
all of them (`read`), and the tests that read every page run on the same worker (their
« xdist_group », READING), so that it is parsed once in the whole run.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

READING = "pages-lues"  # the xdist group of the tests that read every page of the site
# Text a reader does not read as prose: code, formulas, drawings, the page head, BibTeX.
NOT_PROSE = {"script", "style", "code", "pre", "math", "svg", "head", "kbd", "samp"}
# Text no reader meets as interface text: scripts, styles, code, formulas.
HIDDEN = {"script", "style", "code", "pre", "math"}
# Elements without content, never closed in HTML.
VOID = {"br", "img", "meta", "link", "input", "hr", "wbr", "source"}
# Attributes read aloud or shown on hover.
SHOWN_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder", "data-bs-title")


@dataclass(frozen=True)
class Page:
    prose: str  # visible prose, without code, formulas, charts nor BibTeX boxes, spaces collapsed
    texts: tuple[str, ...]  # every text node a reader meets (outside HIDDEN), stripped
    attributes: tuple[tuple[str, str], ...]  # (name, value) of SHOWN_ATTRIBUTES, in order


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # for each open element: is it outside the prose?
        self.outside_prose = 0
        self.hidden = 0
        self.prose: list[str] = []
        self.texts: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def _attributes(self, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(n, v) for n, v in attrs if n in SHOWN_ATTRIBUTES and v]

    def handle_starttag(self, tag, attrs):
        self._attributes(attrs)
        self.hidden += tag in HIDDEN
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        skip = tag in NOT_PROSE or "bibtex" in classes
        self.stack.append(skip)
        self.outside_prose += skip

    def handle_startendtag(self, tag, attrs):
        self._attributes(attrs)  # <meta … />: nothing to read inside, nothing to close

    def handle_endtag(self, tag):
        if tag in HIDDEN and self.hidden:
            self.hidden -= 1
        if self.stack:
            self.outside_prose -= self.stack.pop()

    def handle_data(self, data):
        if not self.outside_prose:
            self.prose.append(data)
        if not self.hidden and data.strip():
            self.texts.append(data.strip())


@functools.cache  # the site is read, never written
def read(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return Page(re.sub(r"[ \t\n\r]+", " ", "".join(reader.prose)), tuple(reader.texts),
                tuple(reader.attributes))
