"""Ready-to-copy citations of a figure: French text and BibTeX."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .escaping import escape_bibtex, escape_bibtex_url


@dataclass(frozen=True)
class Site:
    title: str
    version: str
    date: str   # ISO date of the build
    base_url: str

    def url(self, page: str, anchor: str) -> str:
        return f"{self.base_url.rstrip('/')}/{page}#{anchor}"


def citation_fr(site: Site, label: str, value_text: str, page: str, anchor: str) -> str:
    """« Libellé : valeur. » In : Titre du site, version, date. URL."""
    return (f"« {label} : {value_text} ». {site.title}, version {site.version}, "
            f"{site.date}. {site.url(page, anchor)}")


def bibtex(site: Site, key: str, label: str, value_text: str, page: str, anchor: str) -> str:
    e = escape_bibtex
    year = site.date[:4]
    safe = re.sub(r"[^A-Za-z0-9]", "", key)
    return "\n".join([
        f"@misc{{iaenv_{safe},",
        f"  title = {{{e(label)} : {e(value_text)}}},",
        f"  howpublished = {{{e(site.title)}}},",
        f"  version = {{{e(site.version)}}},",
        f"  year = {{{e(year)}}},",
        f"  date = {{{e(site.date)}}},",
        f"  url = {{{escape_bibtex_url(site.url(page, anchor))}}},",
        "  note = {Valeur calculée à la construction du site ; licence CC BY 4.0}",
        "}",
    ])
