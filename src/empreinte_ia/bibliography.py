"""A French bibliography style for pybtex (used by sphinxcontrib-bibtex): « et », « et al. »,
titles as written (AI, LLM, U.S., ChatGPT keep their capitals), one year, the document's own
address with its access date, and none of the internal notes of data/references.bib.

Registered as the pybtex formatting style « francais » by the Sphinx extension; in conf.py,
``bibtex_default_style = "francais"``.
"""

from __future__ import annotations

import re

from pybtex.richtext import Symbol, Text
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.template import field, first_of, href, join, node, optional, optional_field, sentence, tag, words

from .formatting import french_date

LOCALE = "fr_FR"
STYLE_NAME = "francais"
# Access dates by key, for entries without an « urldate » (filled from the parameters'
# « consulte » fields by the extension; empty in a plain pybtex run).
ACCESS_DATES: dict[str, str] = {}




@node
def french_names(children, context, role):
    """Persons joined the French way: « A, B et C »; « A et al. » when the list ends with
    « others »."""
    if children:
        raise ValueError(children)
    persons = context["entry"].persons.get(role)
    if not persons:
        from pybtex.style.template import FieldIsMissing

        raise FieldIsMissing(role, context["entry"])
    style = context["style"]
    others = str(persons[-1]) == "others"
    shown = [style.format_name(p, style.abbreviate_names)
             for p in (persons[:-1] if others else persons)]
    if others:
        return join(sep=", ")[shown].format_data(context) + Text(" ", Tag_em("et al."))
    return join(sep=", ", sep2=" et ", last_sep=" et ")[shown].format_data(context)


def Tag_em(text: str):
    from pybtex.richtext import Tag

    return Tag("em", text)


@node
def once_year(children, context):
    """The year, unless « howpublished » already gives it (« MIT Technology Review,
    20 mai 2025 »): a reader sees it once."""
    entry = context["entry"]
    year = entry.fields.get("year", "")
    published = entry.fields.get("howpublished", "")
    if not year or year in published:
        return Text()
    return Text(year)


@node
def access_date(children, context):
    entry = context["entry"]
    iso = entry.fields.get("urldate") or ACCESS_DATES.get(entry.key, "")
    return Text(f"consulté le {french_date(iso)}") if iso else Text()


def _is_address(url: str) -> bool:
    return bool(re.match(r"https?://", url))


class FrenchStyle(UnsrtStyle):
    """The « unsrt » order and layout, in French."""

    def format_names(self, role, as_sentence=True):
        formatted = french_names(role)
        return sentence[formatted] if as_sentence else formatted

    def format_title(self, e, which_field, as_sentence=True):
        # As written in the .bib file: no change of case (« AI », « LLM », « ChatGPT »).
        formatted = field(which_field)
        return sentence[formatted] if as_sentence else formatted

    def format_web_refs(self, e):
        url = e.fields.get("url", "")
        parts = []
        if url and _is_address(url):
            parts.append(words["En ligne\u00a0:", href(field("url", raw=True))[
                field("url", raw=True)]])
            parts.append(optional[access_date])
        return sentence[
            *parts,
            optional[self.format_eprint(e)],
            optional[self.format_doi(e)],
        ]

    def get_article_template(self, e):
        journal = e.fields.get("journal", "")
        if journal.lower() == "arxiv" and e.fields.get("number"):
            where = join["arXiv:", field("number", raw=True)]
        else:
            volume_and_pages = first_of[
                optional[join[field("volume"), optional["(", field("number"), ")"],
                              ", p.\u00a0", field("pages", apply_func=_dashify)]],
                optional[join[field("volume"), optional["(", field("number"), ")"]]],
                optional[words["p.", field("pages", apply_func=_dashify)]],
            ]
            where = join(sep=", ")[tag("em")[field("journal")], optional[volume_and_pages]]
        return self._toplevel(e, [sentence[where, once_year]])

    def get_misc_template(self, e):
        return self._toplevel(e, [sentence[optional[field("howpublished")], optional[once_year]]])

    def get_techreport_template(self, e):
        return self._toplevel(e, [sentence[
            first_of[optional_field("type"), "Rapport technique"],
            optional_field("number"),
            field("institution"),
            optional_field("address"),
            once_year,
        ]])

    def get_inproceedings_template(self, e):
        return self._toplevel(e, [words["Dans", sentence[
            tag("em")[field("booktitle")], optional[field("publisher")], once_year]]])

    def get_incollection_template(self, e):
        return self.get_inproceedings_template(e)

    def get_book_template(self, e):
        return self._toplevel(e, [sentence[optional[field("publisher")],
                                           optional[field("address")], once_year]])

    def _toplevel(self, e, middle):
        from pybtex.style.formatting import toplevel

        return toplevel[
            optional[self.format_names("author")],
            optional[self.format_title(e, "title")],
            *middle,
            self.format_web_refs(e),
        ]


def _dashify(text):
    return Text(Symbol("ndash")).join(text.split(re.compile(r"-+")))


def note_access_dates(parameters) -> None:
    """Access dates of the sources, from the parameters read in them (latest per source)."""
    for p in parameters:
        if getattr(p, "accessed", "") and p.accessed > ACCESS_DATES.get(p.source, ""):
            ACCESS_DATES[p.source] = p.accessed


def register() -> None:
    """Make « francais » known to pybtex (idempotent)."""
    from pybtex.plugin import register_plugin

    try:
        register_plugin("pybtex.style.formatting", STYLE_NAME, FrenchStyle)
    except Exception:  # noqa: BLE001 - pybtex raises a bare Exception when already registered
        pass
