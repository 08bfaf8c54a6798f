"""French as the built site writes it: typography, units said once, years, ranges, bibliography.

Each test reads the pages of the full build (fixture `site`) and names the page at fault.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from empreinte_ia.bibliography import FrenchStyle
from empreinte_ia.formatting import french_date
from empreinte_ia.typography import NBSP, NNBSP, breakable_spaces, typeset

from .conftest import DATA
from .support.browser import page_files
from .support.reading import READING, read

# The tests that read every page of the site run on one worker: each page is parsed once.
every_page = pytest.mark.xdist_group(READING)


def prose(path: Path) -> str:
    """Visible prose of a page, without code, formulas, charts nor BibTeX boxes."""
    return read(path).prose


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{page} : {len(items)} cas, par exemple « {items[0]} »"
                     for page, items in sorted(found.items()))


# -- typography (unit) ---------------------------------------------------------------------
def test_typeset_puts_the_spaces_french_typography_needs():
    assert typeset("Il dit : « oui » ; vraiment ? Non !") == \
        f"Il dit{NBSP}: «{NBSP}oui{NBSP}»{NNBSP}; vraiment{NNBSP}? Non{NNBSP}!"
    assert typeset("l'annexe, aujourd'hui") == "l’annexe, aujourd’hui"
    assert typeset("voir l\u201d") == "voir l’"  # an elision before a link
    assert typeset("Note: lire") == f"Note{NBSP}: lire"
    assert typeset("https://a.fr/b?c=d et 10:30") == "https://a.fr/b?c=d et 10:30"
    assert not breakable_spaces(typeset("a : b ; « c » ?"))


# -- bibliography style (unit) -------------------------------------------------------------
def _format(entry_text: str) -> str:
    from pybtex.database import parse_string

    db = parse_string(entry_text, "bibtex")
    (entry,) = FrenchStyle().format_entries(db.entries.values())
    return entry.text.render_as("text")


def test_bibliography_in_french():
    text = _format("""@article{a, author = {Doe, Jane and Roe, Rick and Poe, Pat},
        title = {How Hungry is AI? LLM Inference in the U.S.}, journal = {arXiv},
        number = {2505.09598}, year = {2025}, url = {https://arxiv.org/abs/2505.09598v6},
        urldate = {2026-11-22}, note = {relu en v6, à revoir}}""")
    assert text.startswith("Jane Doe, Rick Roe et Pat Poe. How Hungry is AI? LLM Inference "
                           "in the U.S.")
    assert "https://arxiv.org/abs/2505.09598v6" in text and "consulté le 22 novembre 2026" in text
    assert "à revoir" not in text and " and " not in text
    many = _format("@misc{b, author = {Doe, Jane and others}, title = {ChatGPT}, "
                   "howpublished = {Blog, 20 mai 2025}, year = {2025}}")
    assert many.startswith("Jane Doe et al. ChatGPT.") and many.count("2025") == 1, many


def test_french_date():
    assert french_date("2026-02-01") == "1er février 2026"
    assert french_date("2026-02-02") == "2 février 2026"
    assert french_date("2026-02-30") == "2026-02-30"


# -- the built site ------------------------------------------------------------------------
@pytest.mark.build
@every_page
def test_no_breakable_space_before_french_punctuation(site):
    found = {}
    for path in page_files(site):
        items = breakable_spaces(prose(path))
        if items:
            found[str(path.relative_to(site))] = items
    assert not found, "espaces ordinaires où la typographie française veut une espace " \
        "insécable (avant « : ; ! ? » ou dans « ») :\n" + _report(found)


_DOUBLED_PER = re.compile(r"\bpar ([\wéèêàù]+)(?: et par [\wéèêàù]+)*(?:,? et)? par \1\b")


@pytest.mark.build
@every_page
def test_no_doubled_per_unit(site):
    """« 15 Wh par recharge par recharge », « par personne par personne »."""
    found = {}
    for path in page_files(site):
        items = [m.group(0) for m in _DOUBLED_PER.finditer(prose(path))]
        if items:
            found[str(path.relative_to(site))] = items
    assert not found, "unité « par … » répétée :\n" + _report(found)


# A grouped number between 1900 and 2099 that no unit follows reads as a year (« 2 030 »,
# « 2 026 à 2 032 »); « 2 000 t », « 2 050 kWh » keep their unit after a narrow space.
_GROUPED_YEAR = re.compile(r"(?<![\d,\u202f])(?:1\u202f9\d\d|2\u202f0\d\d)(?![\d,]|\u202f)"
                           r"(?! à \d)")


@pytest.mark.build
@every_page
def test_no_grouped_year(site):
    found = {}
    for path in page_files(site):
        items = [m.group(0) for m in _GROUPED_YEAR.finditer(prose(path))]
        if items:
            found[str(path.relative_to(site))] = items
    assert not found, "année écrite comme une quantité (« 2 030 ») :\n" + _report(found)


_NUMBER = r"\d{1,3}(?:\u202f\d{3})*(?:,\d+)?"
_COLLAPSED = re.compile(rf"(?<![\d,\u202f])({_NUMBER}) à \1(?![\d,]|\u202f\d)")


@pytest.mark.build
@every_page
def test_no_collapsed_range(site):
    """« 120 à 120 foyers »: a range whose two bounds read alike."""
    found = {}
    for path in page_files(site):
        items = [m.group(0) for m in _COLLAPSED.finditer(prose(path))]
        if items:
            found[str(path.relative_to(site))] = items
    assert not found, "fourchette dont les deux bornes sont identiques :\n" + _report(found)


def _bib_entries() -> list[tuple[str, str]]:
    """(title, authors) of every entry of references.bib with two authors or more."""
    text = (DATA / "references.bib").read_text(encoding="utf-8")
    out = []
    for body in re.split(r"\n@", text):
        author = re.search(r"^\s*author\s*=\s*\{(.*)\},?\s*$", body, re.M)
        title = re.search(r"^\s*title\s*=\s*\{(.*)\},?\s*$", body, re.M)
        if author and title and " and " in author.group(1):
            out.append((re.sub(r"[{}]", "", title.group(1)), author.group(1)))
    return out


@pytest.mark.build
def test_bibliography_has_no_english_connector(site):
    """Authors joined by « et », « et al. », never « and » nor « and others »."""
    path = site / "annexes" / "bibliographie.html"
    text = prose(path).replace("’", "'")
    assert "and others" not in text, "annexes/bibliographie.html : « and others »"
    checked = 0
    for title, _ in _bib_entries():
        at = text.find(title.replace("’", "'")[:40])
        if at < 0:
            continue
        start = max(text.rfind("[", 0, at), 0)
        authors = text[start:at]
        assert " and " not in authors, f"annexes/bibliographie.html : « {authors.strip()} »"
        checked += 1
    assert checked >= 10, "les entrées de la bibliographie n'ont pas été retrouvées"


@pytest.mark.build
def test_quoted_source_text_is_rendered_not_shown_as_markup(site):
    """« 10<sup>21</sup> » and « $\\approx 500$ » in a source's words: rendered, never raw."""
    for page in ("annexes/verification.html", "chapitres/ordres-de-grandeur.html",
                 "chapitres/entrainement.html"):
        text = prose(site / page)
        for markup in ("<sup>", "</sup>", "<sub>", "$\\", "\\approx"):
            assert markup not in text, f"{page} : balisage affiché tel quel « {markup} »"
    assert "<sup>21</sup>" in (site / "annexes" / "verification.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_runs_of_identical_verdicts_are_merged(site):
    """No badge of the verdict scale repeated side by side; the three durations to 100 million
    users (ChatGPT, TikTok, Instagram, UBS via the article) share one badge."""
    from empreinte_ia.claims import DEGREES

    text = prose(site / "chapitres" / "entrainement.html")
    for degree in DEGREES:
        assert f"{degree.label}, {degree.label}" not in text, degree.label
    assert "(les trois repris de la source sans vérification)" in text


# « entre 0,16 à 0,60 Wh »: a {plage} written after « entre » (French says « entre … et … »,
# or « de … à … »).
_BETWEEN_TO = re.compile(rf"\bentre\s+{_NUMBER}\s+à\s+{_NUMBER}")


@pytest.mark.build
@every_page
def test_no_range_after_entre(site):
    found = {}
    for path in page_files(site):
        items = [m.group(0) for m in _BETWEEN_TO.finditer(prose(path))]
        if items:
            found[str(path.relative_to(site))] = items
    assert not found, "« entre … à … » (écrire « de … à … ») :\n" + _report(found)


@every_page
def test_tooltips_and_image_descriptions_are_typeset(site):
    """A figure's tooltip (its label, from the data) and a chart's description get the same
    apostrophes and spaces as the text around them."""
    found: dict[str, list[str]] = {}
    for page in page_files(site):
        shown = [v for n, v in read(page).attributes if n in ("title", "alt", "aria-label")]
        bad = [v for v in shown if re.search(r"\w'\w", v) or re.search(r" [:;!?]", v)]
        if bad:
            found[str(page.relative_to(site))] = bad
    assert found == {}, "attributs sans typographie française :\n" + _report(found)


@every_page
def test_dates_are_written_in_french(site):
    """« 22 novembre 2026 », never « 2026-11-22 », in the prose and the footer of every page."""
    found: dict[str, list[str]] = {}
    for page in page_files(site):
        dates = re.findall(r".{0,30}\b\d{4}-\d{2}-\d{2}\b", prose(page))
        if dates:
            found[str(page.relative_to(site))] = dates
    assert found == {}, "dates au format ISO dans le texte :\n" + _report(found)


def test_index_stems_words_as_the_search_page_does():
    """Sphinx stems the index with PyStemmer (Snowball in C) and the reader's query with
    Snowball's JavaScript, generated from the same algorithm as snowballstemmer's Python: on
    every word of the chapters and data, the two give the same stem, so a search finds what
    the index holds."""
    import snowballstemmer
    from snowballstemmer.french_stemmer import FrenchStemmer

    from .conftest import ROOT

    index, query = snowballstemmer.stemmer("french"), FrenchStemmer()
    assert type(index).__module__ == "Stemmer", "PyStemmer n'est pas installé"
    words = set()
    for path in [*(ROOT / "docs").rglob("*.md"), *DATA.rglob("*.yaml")]:
        words |= set(re.findall(r"\w+", path.read_text(encoding="utf-8").lower()))
    assert len(words) > 1000
    assert [w for w in sorted(words) if index.stemWord(w) != query.stemWord(w)] == []
