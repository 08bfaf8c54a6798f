"""Data text as pure-ASCII LaTeX for BibTeX fields (TeX specials: escaping.escape_bibtex).

Text from data files (labels, references) can hold any character; written into a BibTeX field
it must neither close the field (a `}`), nor stop pdfLaTeX (a narrow no-break space, « ₂ »),
nor rely on the reader's input encoding: the result is pure ASCII, with LaTeX commands that
the LaTeX kernel defines in every font encoding, and balanced braces.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import cache, lru_cache
from typing import cast

import latexcodec  # noqa: F401  (registers the "ulatex" codecs)

from .escaping import escape_bibtex

# TeX specials and braces: escaping.escape_bibtex; here what pdfLaTeX cannot read raw.
_SPECIAL = {
    "\u202f": r"\,", "\u2009": r"\,", "\u00a0": "~", "\u2011": "-",
    # Guillemets need the T1 font encoding: English quotes compile everywhere.
    "«": "``", "»": "''", "“": "``", "”": "''", "‘": "`", "’": "'",
    "€": "EUR", "‰": r"\textperthousand{}",
    # Accented i on a plain i, not on the dotless \i: biber reads {\^\i} as « ı » and a
    # combining accent, which pdfLaTeX cannot typeset; {\^i} is « î » for BibTeX and biber.
    "î": r"{\^i}", "ï": r'{\"i}', "í": r"{\'i}", "ì": r"{\`i}",
}
_SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@cache  # a few hundred distinct characters; the frozen pages escape about a million
def _char(ch: str) -> str:
    escaped = escape_bibtex(ch)
    if escaped != ch:
        return escaped
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch.isascii():
        return ch
    if ch in _SUBSCRIPTS:
        return r"\textsubscript{" + str(_SUBSCRIPTS.index(ch)) + "}"
    if ch in _SUPERSCRIPTS:
        return r"\textsuperscript{" + str(_SUPERSCRIPTS.index(ch)) + "}"
    try:
        # A text codec: str in, str out (typeshed types codecs.encode as bytes).
        encoded = cast(str, codecs.encode(ch, "ulatex+ascii")).strip()
    except (UnicodeEncodeError, ValueError):
        encoded = ""
    if encoded and encoded.isascii() and encoded != ch:
        return "{" + encoded + "}"  # braced: BibTeX keeps it whole when it changes case
    plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
    return plain or "?"


@lru_cache(maxsize=8192)  # labels and references come back in every release and citation
def latex(text: str) -> str:
    """`text` as ASCII LaTeX: specials escaped, accents and symbols as commands."""
    return "".join(_char(ch) for ch in text)


def bibtex_field(text: str) -> str:
    """The inside of a braced BibTeX field (escaped, so its braces always balance)."""
    return latex(text)
