"""French typography of running text, applied by the build (never typed by hand).

A no-break space (U+00A0) before « : » and inside « », a narrow no-break space (U+202F)
before « ; ! ? », a typographic apostrophe. Only text meant for reading goes through here:
never code, URLs or formulas (the Sphinx transform and the tables choose what to pass).
"""

from __future__ import annotations

import functools
import re

NBSP = "\u00a0"
NNBSP = "\u202f"
_SPACES = "[ \u00a0\u202f]"
# Spaces a reader's line may break on, where French typography wants one it cannot break.
_BEFORE_NARROW = re.compile(rf"(?<=\S){_SPACES}+(?=[;!?](?:\s|$|[»)\]]))")
_BEFORE_COLON = re.compile(rf"(?<=\S){_SPACES}+(?=:(?:\s|$))")
_AT_START = re.compile(rf"^{_SPACES}+(?=[;!?:](?:\s|$))")
_AFTER_OPEN = re.compile(rf"«{_SPACES}*")
_BEFORE_CLOSE = re.compile(rf"{_SPACES}*»")
# « mot: suite » → « mot : suite » (a colon glued to a word, in French text only).
_GLUED_COLON = re.compile(r"(?<=[a-zà-ÿœ\)»])(?<!https)(?<!http):(?=\s)", re.IGNORECASE)
_APOSTROPHE = re.compile(r"(?<=[A-Za-zÀ-ÿœŒ])'(?=[A-Za-zÀ-ÿœŒ])")
# An elision before an inline element (« l'{ref}`annexe` »): the quote ends the text, and
# docutils' smart quotes may have turned it into a closing or opening quote.
_ELISION_AT_END = re.compile(r"(?<![A-Za-zÀ-ÿ])((?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu))['\"“”‘]$",
                             re.IGNORECASE)


@functools.lru_cache(maxsize=65536)  # pure, and the same texts recur on every page
def typeset(text: str, add_missing: bool = True) -> str:
    """The text with French spaces and apostrophes. `add_missing` also puts the space a
    colon glued to a word lacks (off for quoted English)."""
    text = _APOSTROPHE.sub("’", text)
    text = _ELISION_AT_END.sub(r"\1’", text)
    if add_missing:
        text = _GLUED_COLON.sub(NBSP + ":", text)
    text = _BEFORE_NARROW.sub(NNBSP, text)
    text = _AT_START.sub(lambda m: NBSP if text[m.end()] == ":" else NNBSP, text)
    text = _BEFORE_COLON.sub(NBSP, text)
    text = _AFTER_OPEN.sub("«" + NBSP, text)
    text = _BEFORE_CLOSE.sub(NBSP + "»", text)
    return text


def breakable_spaces(text: str) -> list[str]:
    """Places where a line may break before « : ; ! ? » or inside « »: what `typeset` fixes.
    Each is returned with a little context, for a test's message."""
    found = []
    for pattern in (re.compile(r"\S ([:;!?])(?=\s|$)"), re.compile(r"« "), re.compile(r" »")):
        for m in pattern.finditer(text):
            found.append(text[max(0, m.start() - 30):m.end() + 10])
    return found
