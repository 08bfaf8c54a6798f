"""Citing one figure: in-line French, full French, BibTeX and CSL-JSON.

A citation is built from a *frozen entry* (see `freeze.py`: label, value texts, sources) and
names the release that froze this value, with the permalink of that release's page for the
figure (`v/<release>/<anchor>.html`, which never changes). A value that no release has frozen
yet (a working build) is cited as such, with the address of its current entry.

Rules: the range is always cited when there is one (never a central value alone, never a low
bound alone); the producers of the data come first (« d'après Jegham et al. (2025) »), then
this site (« calculé par … »); the access date is the build date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .escape import bibtex_field
from .escaping import escape_bibtex_url
from .formatting import french_date
from .typography import typeset

AUTHOR = "Les contributeurs du projet IA et environnement"
SHORT_TITLE = "IA et environnement"
LICENCE = "CC BY 4.0"


@dataclass(frozen=True)
class Site:
    title: str
    version: str
    date: str   # ISO date of the build
    base_url: str

    def url(self, page: str, anchor: str = "") -> str:
        base = self.base_url.rstrip("/")
        return f"{base}/{page}#{anchor}" if anchor else f"{base}/{page}"


def permalink_page(release: str, anchor: str) -> str:
    """The page of one figure in one release, relative to the site root."""
    return f"v/{release}/{anchor}.html"


@dataclass(frozen=True)
class Cited:
    """What a citation says about one figure."""

    id: str
    label: str
    text: str               # « 0,42 Wh par requête »
    range_text: str | None  # « 0,29 à 0,55 Wh par requête », None without a range
    producers: tuple[str, ...]  # « Jegham et al. (2025) », in the order of the inputs
    release: str | None     # the release whose frozen value this is; None: not released
    release_date: str       # ISO date of that release (or of the build)
    url: str                # permalink
    accessed: str           # ISO date

    @classmethod
    def of(cls, key: str, entry: dict, site: Site, release: str | None, release_date: str,
           anchor: str, current_page: str) -> Cited:
        """`current_page`: the annex page of the entry today, for a value not yet released."""
        producers: list[str] = []
        for s in entry.get("sources", []):
            if s["court"] not in producers:
                producers.append(s["court"])
        url = (site.url(permalink_page(release, anchor)) if release
               else site.url(current_page, anchor))
        return cls(key, entry["libelle"], entry["texte"], entry.get("plage_texte"),
                   tuple(producers), release, release_date, url, site.date)

    @property
    def quantity(self) -> str:
        """The range first, with the central value the site retains."""
        if self.range_text:
            return f"{self.range_text} (valeur centrale retenue : {self.text})"
        return self.text

    @property
    def short_quantity(self) -> str:
        return self.range_text or self.text

    def release_words(self, site: Site) -> str:
        if self.release:
            return f"version {self.release}"
        return f"version de travail postérieure à la {site.version}"


def _producers(names: tuple[str, ...]) -> str:
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]




def short_fr(c: Cited, site: Site) -> str:
    """In-line: « 0,29 à 0,55 Wh par requête, d'après Jegham et al. (2025) ; calculé par IA et
    environnement, version 0.1.0 »."""
    origin = f"d’après {_producers(c.producers)} ; " if c.producers else ""
    return f"{c.short_quantity}, {origin}calculé par {SHORT_TITLE}, {c.release_words(site)}"


def full_fr(c: Cited, site: Site) -> str:
    """Full reference, producers first, then this site, release, permalink and access date."""
    origin = f"D’après {_producers(c.producers)} ; calculé" if c.producers else "Calculé"
    return (f"« {c.label} » : {c.quantity}. {origin} par {AUTHOR}, « {site.title} », "
            f"{c.release_words(site)} du {french_date(c.release_date)}, licence {LICENCE}. "
            f"{c.url} (consulté le {french_date(c.accessed)}).")


def bibtex_key(c: Cited) -> str:
    return f"iaenv-{c.id}-v{c.release}" if c.release else f"iaenv-{c.id}"


def bibtex(c: Cited, site: Site) -> str:
    """A @misc entry that BibTeX, natbib and biblatex read without warning; ASCII only.
    Its texts in French typography: the no-break spaces before « : ; ! ? » and inside the
    quotes (written « ~ » and « \\, » by the escaping) stay with the word they belong to."""
    year, month = c.release_date[:4], int(c.release_date[5:7])
    months = "jan feb mar apr may jun jul aug sep oct nov dec".split()
    origin = f"D’après {_producers(c.producers)} ; calculé" if c.producers else "Calculé"
    note = bibtex_field(typeset(f"{c.quantity}. {origin} par {SHORT_TITLE}, "
                                f"{c.release_words(site)}, licence {LICENCE}. "
                                f"Consulté le {french_date(c.accessed)}"))
    fields = [
        ("author", "{" + bibtex_field(AUTHOR) + "}"),
        ("title", "{" + bibtex_field(typeset(c.label)) + "}"),
        ("howpublished", bibtex_field(site.title) + ", " + bibtex_field(c.release_words(site))),
        ("year", year),
        ("version", c.release or bibtex_field(site.version)),
        ("url", escape_bibtex_url(c.url)),
        ("urldate", c.accessed),
        ("note", note),
    ]
    lines = [f"@misc{{{bibtex_key(c)},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    lines.insert(5, f"  month = {months[month - 1]},")
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join([*lines, "}"])


def _date_parts(iso: str) -> dict:
    d = dt.date.fromisoformat(iso)
    return {"date-parts": [[d.year, d.month, d.day]]}


def csl(c: Cited, site: Site) -> dict:
    """CSL-JSON item (the format Zotero, Pandoc and citeproc read)."""
    return {
        "id": bibtex_key(c),
        "type": "dataset",
        "title": c.label,
        "author": [{"literal": AUTHOR}],
        "container-title": site.title,
        "publisher": AUTHOR,
        "version": c.release or f"postérieure à {site.version}",
        "issued": _date_parts(c.release_date),
        "accessed": _date_parts(c.accessed),
        "URL": c.url,
        "language": "fr-FR",
        "note": f"{c.quantity}. " + (f"D’après {_producers(c.producers)} ; calculé par "
                                     f"{SHORT_TITLE}. " if c.producers else "")
                + f"Licence {LICENCE}.",
    }


def site_csl(site: Site, release: str | None) -> dict:
    """The whole site as one CSL-JSON item."""
    return {
        "id": f"iaenv-v{release}" if release else "iaenv",
        "type": "webpage",
        "title": site.title,
        "author": [{"literal": AUTHOR}],
        "version": release or site.version,
        "issued": _date_parts(site.date),
        "accessed": _date_parts(site.date),
        "URL": site.url(f"v/{release}/index.html") if release else site.url("index.html"),
        "language": "fr-FR",
        "note": f"Licence {LICENCE}.",
    }
