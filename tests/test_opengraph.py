"""Link previews: OpenGraph tags by sphinxext-opengraph, escaped once."""

from __future__ import annotations

import pytest
import sphinxext.opengraph._social_cards as social_cards_module
from bs4 import BeautifulSoup
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from hypothesis import given
from hypothesis import strategies as st

from empreinte_ia.sphinx.descriptions import page_description, shorten

from .support.browser import pages
from .support.site import build_small_site


def test_opengraph_tags_escaped_once(tmp_path):
    result = build_small_site(tmp_path, {
        "eau.md": "# Eau & énergie « vives »\n\nL'eau et l'énergie des centres : "
                  "{chiffre}`gpt4o_energy_short` par requête, <b>rien</b> d'autre.\n"})
    assert result.ok, result.messages
    raw = result.page("eau")
    head = BeautifulSoup(raw, "html.parser").head
    og = {m["property"]: m["content"] for m in head.find_all("meta", property=True)}
    assert og["og:title"] == "Eau & énergie «\u00a0vives\u00a0»"  # French spaces, no-break
    assert "&amp;amp;" not in raw
    assert og["og:url"] == "https://ia-environnement.github.io/chiffres/eau.html"
    assert og["og:locale"] == "fr_FR" and og["og:type"] == "website"
    assert og["og:site_name"] == "IA et environnement\u00a0: les chiffres calculés"
    # 0,42 Wh: Jegham et al. (2025), GPT-4o, short query; typographic apostrophes, no-break space
    assert og["og:description"].startswith("L’eau et l’énergie des centres\u00a0: 0,42\u202fWh"), og
    assert head.find("meta", attrs={"name": "description"})["content"] == og["og:description"]
    assert len(head.find_all("link", rel="canonical")) == 1


def heads(site):
    """(page, its parsed <head>) for every page of the site: only the <head> is parsed, the
    tags are there and the body of a page is long."""
    for name in pages(site):
        text = (site / name).read_text(encoding="utf-8")
        yield name, BeautifulSoup(text[:text.find("</head>") + 7], "html.parser").head


@pytest.mark.build
def test_each_chapter_has_one_preview_image_drawn_at_build(site):
    """sphinxext-opengraph's social cards, for chapters only: one og:image per chapter, a PNG
    of the build at the published address; the other pages have none."""
    chapters, others = [], []
    for name, head in heads(site):
        images = [m["content"] for m in head.find_all("meta", property="og:image")] if head \
            else []
        if name.startswith("chapitres/"):
            # The published address of the site, from the page's own (og:url).
            base = head.find("meta", property="og:url")["content"].removesuffix(name)
            chapters.append((name, [i.removeprefix(base) for i in images if i.startswith(base)]
                             if len(images) == 1 else images))
        else:
            others.append((name, images))
    assert len(chapters) >= 8
    for name, images in chapters:
        assert len(images) == 1, f"{name} : {images}"
        assert images[0].endswith(".png") and "://" not in images[0], images
        png = site / images[0]
        assert png.is_file(), f"{name} : image absente du site construit ({png})"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [(n, i) for n, i in others if i] == []
    # One card per chapter, each its own (its title and description are drawn on it).
    assert len({i[0] for _n, i in chapters}) == len(chapters)


def test_description_is_cut_at_a_word_the_french_way(tmp_path):
    """sphinxext-opengraph cuts at 200 characters inside a word with « ... », and puts a space
    between « L’ » and a link or an emphasis: cut at a word, « … », « L’entraînement »."""
    words = " ".join(f"mot{i}" for i in range(80))
    result = build_small_site(tmp_path, {
        "long.md": "# Long\n\nL'*entraînement* précède l'usage. " + words + "\n"})
    assert result.ok, result.messages
    head = BeautifulSoup(result.page("long"), "html.parser").head
    description = head.find("meta", property="og:description")["content"]
    assert description.startswith("L’entraînement précède l’usage. mot0 mot1"), description
    assert description.endswith("…") and not description.endswith("...")
    last = description.removesuffix("…").split(" ")[-1]
    assert last in words.split(" "), f"coupé au milieu d'un mot : « {last} »"
    assert len(description) <= 200
    assert head.find("meta", attrs={"name": "description"})["content"] == description


@given(st.lists(st.text(alphabet="abcé’\u00a0,;:«»", min_size=1, max_size=12), max_size=40),
       st.integers(min_value=2, max_value=120))
def test_shorten_cuts_at_a_word_with_an_ellipsis(words, length):
    text = " ".join(words)
    short = shorten(text, length)
    assert len(short) <= length
    if len(text) <= length:
        assert short == text
    else:
        assert short.endswith("…") and "..." not in short
        kept = short.removesuffix("…")
        assert text.startswith(kept)
        # Whole words only: what is kept ends where a word of the text ends.
        rest = text[len(kept):]
        assert kept == "" or rest[0] in " ,;:\u00a0«" or " " not in text[:length - 1], \
            (text, short)


def test_social_card_draws_the_french_description(tmp_path, monkeypatch):
    """The chapter's card shows the page's description cut at a word with « … » (the extension
    would cut it again inside a word with « ... »), and the tags name that card."""
    drawn = []
    real = social_cards_module.render_social_card

    def record(path, site_title, page_title, description, siteurl, plt_objects):
        drawn.append((page_title, description))
        return real(path, site_title, page_title, description, siteurl, plt_objects)

    monkeypatch.setattr(social_cards_module, "render_social_card", record)
    words = " ".join(f"mot{i}" for i in range(80))
    result = build_small_site(tmp_path, {
        "chapitres/long.md": "# Long\n\nL'*entraînement* précède l'usage. " + words + "\n"})
    assert result.ok, result.messages
    assert len(drawn) == 1, drawn
    title, description = drawn[0]
    assert title == "Long"
    assert description.startswith("L’entraînement précède l’usage. mot0")
    assert description.endswith("…") and "..." not in description
    assert description.removesuffix("…").split(" ")[-1] in words.split(" ")
    head = BeautifulSoup(result.page("chapitres/long"), "html.parser").head
    og = {m["property"]: m["content"] for m in head.find_all("meta", property=True)}
    assert og["og:image"].endswith(".png") and "/_images/social_previews/" in og["og:image"]
    assert (result.outdir / og["og:image"].split("/chiffres/", 1)[1]).is_file()
    assert og["og:image:alt"] == og["og:description"]
    assert head.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    assert len(head.find_all("meta", attrs={"name": "description"})) == 1


def test_description_reads_only_the_first_paragraphs():
    """The walk stops once the description is long enough: a page of a thousand paragraphs is
    not read to its end (a paragraph that cannot be read is never reached)."""

    class Unreadable(nodes.paragraph):
        @property
        def children(self):
            raise AssertionError("paragraphe lu alors que la description était complète")

        @children.setter
        def children(self, value):
            pass

    document = new_document("page", get_default_settings(Parser))
    for i in range(30):
        document += nodes.paragraph(text=f"Phrase numéro {i} du début de la page.")
    document += Unreadable()
    description = page_description(document, 200)
    assert description.startswith("Phrase numéro 0 du début de la page. Phrase numéro 1")
    assert description.endswith("…") and len(description) <= 200


def test_every_page_has_one_meta_description(site):
    """Search engines show it under the link (Lighthouse's SEO audit): every page has exactly
    one, not empty, including the pages Sphinx writes without a source (search, index of terms,
    404) and the frozen release pages."""
    missing = []
    for name, head in heads(site):
        found = head.find_all("meta", attrs={"name": "description"}) if head else []
        if len(found) != 1 or not found[0].get("content", "").strip():
            missing.append(f"{name} ({len(found)})")
    assert missing == [], "pages sans description unique : " + ", ".join(missing[:10])
