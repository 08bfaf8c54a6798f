"""Ready-to-copy citations of a figure: French text and BibTeX."""

from __future__ import annotations

from dataclasses import dataclass


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
    year = site.date[:4]
    safe = key.replace("_", "")
    return "\n".join([
        f"@misc{{iaenv_{safe},",
        f"  title = {{{label} : {value_text}}},",
        f"  howpublished = {{{site.title}}},",
        f"  version = {{{site.version}}},",
        f"  year = {{{year}}},",
        f"  date = {{{site.date}}},",
        f"  url = {{{site.url(page, anchor)}}},",
        "  note = {Valeur calculée à la construction du site ; licence CC BY 4.0}",
        "}",
    ])
