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
        for i in range(max(start - 1, 0), min(len(self.lines), max(start - 1, 0) + 400)):
            if needle in self.lines[i]:
                return i + 1
        return start

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
            bare = name.strip("{}")
            for i in range(start - 1, min(len(lines), start + 60)):
                if bare in lines[i]:
                    record.location = f"{path}:{i + 1}"
                    return True
                if i > start - 1 and not lines[i].strip():
                    break   # the paragraph ends
        return True


def install(app: Sphinx) -> None:
    flt = ExactLine()
    for handler in logging_std.getLogger("sphinx").handlers:
        handler.addFilter(flt)
