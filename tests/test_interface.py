"""The site's interface: in French, one viewport, a French 404 page, working downloads."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from empreinte_ia import charts
from empreinte_ia.registry import load_registry

from .support.browser import page_files
from .support.reading import READING, read

pytestmark = pytest.mark.build

# English words of the theme's interface (sphinx-book-theme, pydata-sphinx-theme, myst-nb):
# none may reach a reader, as text, tooltip or aria-label.
ENGLISH = re.compile(r"\b(Toggle|Search\.\.\.|Suggest edit|Repository|Open issue|Open an issue|"
                     r"Source repositories|Download|Print to PDF|Fullscreen|Skip to main|"
                     r"Back to top|On this page|Contents|next page|previous page|Show code|"
                     r"Hide code|Main|Section Navigation|Light|Dark|System Settings|"
                     r"Edit this page|Last updated|Created using|Built with|By the|Copyright)\b")


def english_strings(page: Path) -> list[str]:
    """The English words of the theme among the texts and the attributes a reader or a screen
    reader meets on `page` (not in code, scripts nor formulas)."""
    seen = read(page)
    return sorted({s for s in (*seen.texts, *(v for _, v in seen.attributes)) if ENGLISH.search(s)})


def test_the_check_finds_english_interface_text(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<button title="Toggle primary sidebar"></button><p>Suggest edit</p>'
                    '<code>Repository</code><p>Dépôt du projet</p>', encoding="utf-8")
    assert english_strings(page) == ["Suggest edit", "Toggle primary sidebar"]


@pytest.mark.xdist_group(READING)  # with the French checks: each page parsed once
def test_no_english_in_the_interface(site):
    found = {str(p.relative_to(site)): english_strings(p) for p in page_files(site)}
    found = {k: v for k, v in found.items() if v}
    assert found == {}, "textes anglais dans l'interface : " + json.dumps(found, ensure_ascii=False)


def test_one_viewport_and_one_canonical_per_page(site):
    for page in page_files(site):
        html = page.read_text(encoding="utf-8")
        assert html.count('name="viewport"') == 1, page
        assert html.count('rel="canonical"') <= 1, page


def test_issue_button_opens_the_french_template(site):
    html = (site / "chapitres" / "generation.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]*/issues/new[^"]*)"', html)
    assert links and all("template=signalement.md" in link.replace("&amp;", "&") for link in links)
    template = Path(__file__).resolve().parents[1] / ".github/ISSUE_TEMPLATE/signalement.md"
    assert "Signaler un problème" in template.read_text(encoding="utf-8")


def test_no_link_to_an_unpublished_source_file(site):
    for page in page_files(site):
        assert "_sources/" not in page.read_text(encoding="utf-8"), page


def test_french_404_page(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "Page introuvable" in html and 'lang="fr"' in html


def test_chapters_with_code_offer_a_notebook_that_runs(site):
    import nbformat
    from nbclient import NotebookClient

    notebook = site / "_downloads" / "carnets" / "generation.ipynb"
    html = (site / "chapitres" / "generation.html").read_text(encoding="utf-8")
    assert "_downloads/carnets/generation.ipynb" in html
    nb = nbformat.read(notebook, as_version=4)
    nbformat.validate(nb)
    assert any("load_registry" in c.source for c in nb.cells if c.cell_type == "code")
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert any("image/svg+xml" in o.get("data", {}) for o in outputs)


def test_every_chart_offers_its_svg_and_its_data(site):
    registry = load_registry()
    html = (site / "chapitres" / "generation.html").read_text(encoding="utf-8")
    svg_links = re.findall(r'href="\.\./(_images/[^"]+\.svg)">image \(SVG\)', html)
    csv_links = re.findall(r'href="\.\./(_downloads/graphiques/[^"]+\.csv)">données \(CSV\)', html)
    assert len(svg_links) == len(csv_links) == html.count('class="telechargements"') >= 1
    for link in svg_links:
        assert (site / link).is_file()
    rows = list(csv.DictReader(io.StringIO((site / csv_links[0]).read_text(encoding="utf-8"))))
    for row in rows:
        expected = charts.magnitude(registry.value(row["identifiant"]).mid, "J")
        assert float(row["valeur"]) == pytest.approx(expected, rel=1e-5)


def test_contributing_names_the_buttons_as_the_site_shows_them(site):
    """CONTRIBUTING.md sends contributors to buttons by name: each name is on the pages."""
    text = (Path(__file__).resolve().parents[1] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## Proposer sa modification", 1)[1].split("\n## ", 1)[0]
    names = re.findall(r"« ([^»]+) »", section)
    assert len(names) >= 3
    html = (site / "chapitres" / "generation.html").read_text(encoding="utf-8")
    shown = set(re.findall(r'(?:title|aria-label)="([^"]+)"', html))
    shown |= set(re.findall(r'<span class="btn__text-container">([^<]+)</span>', html))
    assert [n for n in names if n not in shown] == []


def test_page_titles_keep_their_french_spaces():
    """The themes pass page titles through Jinja's striptags, which turned the no-break space
    before « : » into an ordinary one (« Estimations : … » in <title> and in the tooltips)."""
    from empreinte_ia.sphinx.interface import striptags_keeping_french_spaces

    assert striptags_keeping_french_spaces("Estimations\xa0: <em>Centres</em>\n de  données") == \
        "Estimations\xa0: Centres de données"
    assert striptags_keeping_french_spaces("«\u202foui\u202f» &amp; non") == "«\u202foui\u202f» & non"
