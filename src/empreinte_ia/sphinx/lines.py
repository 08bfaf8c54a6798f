"""The exact line of a problem in its chapter file.

docutils and MyST know where a paragraph starts, not the line of the role, cross-reference or
number inside it: `Lines` finds the line that holds what is reported, and `ExactLine`, a filter
of Sphinx's console handlers, moves a warning that quotes a name to the line that holds it.
"""

from __future__ import annotations

import logging as logging_std
import re
from pathlib import Path

from sphinx.application import Sphinx


class Lines:
    """The chapter's lines, to report a problem at its own line (a paragraph, a role or a
    cross-reference spans several lines; docutils only knows where the paragraph starts)."""

    def __init__(self, app: Sphinx, docname: str):
        self.docname = docname
        try:
            text = app.env.doc2path(docname).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        self.lines = text.splitlines()

    def find(self, start: int | None, needle: str) -> int | None:
        """The first line from `start` on that holds `needle` (else `start`)."""
        needle = needle.strip()
        if not needle or start is None:
            return start
        first = max(start - 1, 0)
        found = _holding(self.lines, first, first + 400, needle)
        return start if found is None else found + 1

    def back(self, start: int | None, needle: str) -> int | None:
        """The last line up to `start` that holds `needle`: the code that printed it."""
        needle = needle.strip()
        if not needle or start is None:
            return start
        for i in range(min(start, len(self.lines)) - 1, max(start - 200, 0) - 1, -1):
            if needle in self.lines[i]:
                return i + 1
        return start


def exact_line(app: Sphinx, docname: str, start: int | None, needle: str) -> int | None:
    return Lines(app, docname).find(start, needle)


def _holding(lines: list[str], first: int, end: int, needle: str,
             paragraph: bool = False) -> int | None:
    """The index of the first of `lines[first:end]` that holds `needle`, or None; with
    `paragraph`, none past the blank line that ends the paragraph starting at `first`."""
    for i in range(first, min(len(lines), end)):
        if needle in lines[i]:
            return i
        if paragraph and i > first and not lines[i].strip():
            return None
    return None


_NAMED = re.compile(r"« ([^»]+?) »|'([^']+)'|\"([^\"]+)\"")


class ExactLine(logging_std.Filter):
    """A warning about a role or a cross-reference names the paragraph's first line (docutils
    and MyST know no better); this moves it to the line that holds the name it quotes."""

    def filter(self, record: logging_std.LogRecord) -> bool:
        location = str(getattr(record, "location", "") or "")
        path, _, line = location.rpartition(":")
        if record.levelno < logging_std.WARNING or not line.isdigit() or \
                not path.endswith(".md"):
            return True
        names = [next(g for g in m.groups() if g) for m in _NAMED.finditer(record.getMessage())]
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return True
        start = int(line)
        for name in names[:1]:
            found = _holding(lines, start - 1, start + 60, name.strip("{}"), paragraph=True)
            if found is not None:
                record.location = f"{path}:{found + 1}"
        return True


def install(app: Sphinx) -> None:
    flt = ExactLine()
    for handler in logging_std.getLogger("sphinx").handlers:
        handler.addFilter(flt)
