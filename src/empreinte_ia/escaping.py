"""Text from data, chapters and sources, escaped for each format it is written in.

HTML: `html.escape` (quotes too). BibTeX: braces, backslashes and TeX specials, so that a label
cannot close its field and inject another. CSV: formula injection neutralised as OWASP
recommends. JSON: `json.dumps` does it all; nothing to add.
"""

from __future__ import annotations

import html

__all__ = ["escape_bibtex", "escape_bibtex_url", "escape_csv", "escape_html"]

# BibTeX counts braces even after a backslash: « \} » would still close the field. Braces are
# therefore written as TeX commands followed by an empty, balanced group.
_BIBTEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "#": r"\#",
    "&": r"\&",
    "$": r"\$",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    "\n": " ",
    "\r": " ",
}

# OWASP, « CSV Injection »: a cell starting with one of these is read as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_bibtex(text: str) -> str:
    """`text` safe inside a braced BibTeX field value: « {…} »."""
    return "".join(_BIBTEX.get(ch, ch) for ch in str(text))


def escape_bibtex_url(url: str) -> str:
    """A URL for a verbatim « url = {…} » field: only what could close the field is encoded."""
    return str(url).replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D") \
        .replace("\n", "").replace("\r", "")


def escape_csv(text: str) -> str:
    """A text cell that a spreadsheet cannot run: a leading formula character is preceded by a
    single quote (the csv module then quotes the cell as needed). Numbers are not text cells
    and are written as they are."""
    text = str(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def escape_html(text: str) -> str:
    return html.escape(str(text), quote=True)
