"""The built site in Debian's headless Chromium: what a reader on a phone or a laptop gets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from empreinte_ia.sphinx.annex_pages import groups

from .conftest import ROOT, write
from .support.browser import look, serve, tab, visit

pytestmark = [pytest.mark.browser, pytest.mark.build]
NN = "\u202f"
# Every page of the book: from its sources, so that a new chapter is tested too, and the
# annexes' theme pages, which the build writes into docs/ (absent from a fresh clone).
PAGES = [*sorted({str(p.relative_to(ROOT / "docs").with_suffix(".html"))
                  for p in (ROOT / "docs").rglob("*.md")}
                 | {f"{doc}/{name}.html" for doc, names in groups(ROOT / "data").items()
                    for name in names}), "genindex.html", "search.html"]
MAX_WEIGHT = 500 * 1024  # bytes transferred, gzip-compressed, with every asset
MIN_TEXT_PX = 10  # smallest text of a chart on a 390 px wide phone


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


# Axe's colour-contrast rule is two thirds of its time on the annexes' theme pages, thousands of
# elements of the same few kinds. It runs on every page but those whose article has its text
# only in kinds of elements already checked on a reference page of their folder: same chain of
# tags and classes from the article, same inline style, so the same colours from the same style
# sheets. A page that brings a new kind of element is checked whole. The header, sidebars and
# footer around the article are the theme's, alike on every page (but for the entries that the
# scripts mark as read, at their own pace): checked whole on the reference pages and all others.
CONTRAST_REFERENCES = {
    "annexes/parametres/": ("annexes/parametres/comparaisons.html",
                            "annexes/parametres/generation.html"),
    "annexes/estimations/": ("annexes/estimations/gpt4o.html",),
}
TEXT_KINDS = """() => {
  const kind = e => e.tagName.toLowerCase() + [...e.classList].sort().map(c => '.' + c).join('')
    + (e.getAttribute('style') ? `[style="${e.getAttribute('style')}"]` : '');
  const kinds = new Set();
  const article = document.querySelector('article.bd-article');
  for (const e of article.querySelectorAll('*')) {
    if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const chain = [];
    for (let a = e; a && a !== article; a = a.parentElement) chain.unshift(kind(a));
    kinds.add(chain.join(' > '));
  }
  return [...kinds];
}"""
WHOLE = {"resultTypes": ["violations"]}
NO_CONTRAST = {"resultTypes": ["violations"], "rules": {"color-contrast": {"enabled": False}}}


@pytest.fixture(scope="session")
def reference_kinds(browser, base):
    """The kinds of text elements of the reference pages of a folder (read once per worker)."""
    known: dict[str, set[str]] = {}

    def kinds(folder: str) -> set[str]:
        if folder not in known:
            with tab(browser, base) as reader:
                known[folder] = {k for ref in CONTRAST_REFERENCES[folder]
                                 for k in reader.open(ref).evaluate(TEXT_KINDS)}
        return known[folder]
    return kinds


def contrast_is_known(page, path: str, reference_kinds) -> bool:
    folder = path.rsplit("/", 1)[0] + "/"
    if folder not in CONTRAST_REFERENCES or path in CONTRAST_REFERENCES[folder]:
        return False
    return set(page.evaluate(TEXT_KINDS)) <= reference_kinds(folder)


def serious(violations: list[dict]) -> list[str]:
    return [f"{v['impact']} {v['id']} : {v['help']} ({len(v['nodes'])} éléments, "
            f"ex. {v['nodes'][0]['html'][:120]})"
            for v in violations if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_clean_light_local_and_accessible(browser, base, axe, reference_kinds, path):
    with visit(browser, base, path) as page:
        assert page.errors == [], f"erreurs dans la console : {page.errors}"
        assert page.outside == [], f"requêtes hors du serveur local : {page.outside}"
        assert page.weights, "aucune ressource mesurée"
        assert page.weight <= MAX_WEIGHT, (
            f"{path} pèse {page.weight / 1024:.0f} Ko compressés (plafond 500) : "
            f"{sorted(page.weights.items(), key=lambda kv: -kv[1])[:5]}")
        options = NO_CONTRAST if contrast_is_known(page.page, path, reference_kinds) else WHOLE
        violations = axe.run(page.page, options=options)
        assert serious(violations.response["violations"]) == [], path


def test_contrast_references_are_pages_of_their_folder():
    """The reference pages exist in the list, and each folder has pages left to spare."""
    for folder, references in CONTRAST_REFERENCES.items():
        assert set(references) <= set(PAGES), references
        assert [p for p in PAGES if p.startswith(folder) and p not in references], folder


def test_a_new_kind_of_element_brings_back_the_contrast_check(browser, base, reference_kinds):
    """A theme page whose text sits in an element its references lack is checked whole."""
    path = "annexes/parametres/usages.html"
    with look(browser, base, path) as page:
        assert contrast_is_known(page.page, path, reference_kinds)
        page.page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend',"
                           " '<aside class=\"nouveau\">Texte</aside>')")
        assert not contrast_is_known(page.page, path, reference_kinds)


def test_outside_requests_are_caught_and_blocked(browser, tmp_path):
    """The check above can fail: a page that calls a CDN is reported, and the call never leaves."""
    write(tmp_path / "cdn.html", """
        <!DOCTYPE html><html lang="fr"><head><title>CDN</title>
        <script src="https://cdn.example.org/lib.js"></script></head>
        <body><img src="http://images.example.org/a.png" alt="a"></body></html>""")
    with serve(tmp_path) as url, visit(browser, url, "cdn.html") as page:
        assert sorted(page.outside) == ["http://images.example.org/a.png",
                                        "https://cdn.example.org/lib.js"]


@pytest.mark.parametrize("path, expected", [
    ("index.html", None),
    # Published by Jegham et al. (2025), table 4: 0.42 Wh for a short GPT-4o query.
    ("chapitres/utilisation.html", f"0,42{NN}Wh par requête"),
    # 0.42 Wh ÷ 0.3 Wh (Google's 2009 figure) = 1.4.
    ("annexes/estimations/gpt4o.html", "1,4"),
])
def test_computed_numbers_are_visible(browser, base, path, expected):
    with look(browser, base, path) as page:
        if expected is None:
            number = page.page.locator("a.chiffre").first
            assert number.is_visible()
            assert re.search(r"\d", number.inner_text())
        elif path.startswith("annexes"):
            entry = page.page.locator("#gpt4o-vs-google-ratio p.valeur-principale strong")
            assert entry.inner_text().strip() == expected
        else:
            assert page.page.get_by_text(expected).first.is_visible()


def test_a_number_leads_to_its_provenance(browser, base):
    with look(browser, base, "chapitres/utilisation.html") as page:
        link = page.page.locator('a.chiffre[href*="annexes/estimations/"]').first
        label = link.get_attribute("title")
        anchor = link.get_attribute("href").split("#")[1]
        link.click()
        page.page.wait_for_url(f"**/annexes/estimations/*.html#{anchor}")
        entry = page.page.locator(f"section#{anchor}")
        assert entry.locator("h2").inner_text().startswith(label[:40])
        assert "Formule" in entry.inner_text() and "Sources" in entry.inner_text()
        top = entry.evaluate("e => e.getBoundingClientRect().top")
        assert 0 <= top < page.page.viewport_size["height"], "l'entrée n'est pas à l'écran"


@pytest.mark.parametrize("start, opening", [("index.html", "button"),
                                              ("chapitres/comparer.html", "Control+k")])
def test_french_search_finds_a_chapter(browser, base, start, opening):
    """« refroidissements » is nowhere in the text: only the French stemmer links it to
    « refroidissement » and « refroidir » (stem « refroid »). The search dialog opens from any
    page, by its button or by Ctrl+K, though only search.html loads the index."""
    assert "refroidissements" not in (ROOT / "docs/chapitres/centres-de-donnees.md").read_text()
    with visit(browser, base, start) as page:
        loaded = [url.split("?")[0].rsplit("/", 1)[1] for url in page.weights]
        assert not {"searchindex.js", "searchtools.js", "language_data.js"} & set(loaded), loaded
        if opening == "button":
            page.page.locator("button.search-button-field").first.click()
        else:
            page.page.keyboard.press(opening)
        field = page.page.locator("input[name=q]:visible").first
        field.fill("refroidissements")
        field.press("Enter")
        page.page.wait_for_url("**/search.html?q=refroidissements*")
        # Sphinx shows results one at a time, then writes the summary: wait for the summary.
        page.page.wait_for_function(
            "() => document.querySelector('#search-results p.search-summary')"
            "?.innerText.trim().length > 0",
            timeout=60_000,
        )
        results = page.page.locator("#search-results ul.search li a")
        hrefs = [a.get_attribute("href") for a in results.all()]
        assert any("chapitres/centres-de-donnees.html" in h for h in hrefs), hrefs
        assert page.page.locator("#search-results h2").first.inner_text().startswith("Résultats")
        assert page.errors == []


def _smallest_text_px(svg: str, shown_width: float) -> float:
    """Matplotlib writes each text as glyph paths scaled by size/100 in points (the SVG's unit)."""
    view_width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
    scales = [float(s) for s in re.findall(r"scale\(([\d.]+) -[\d.]+\)", svg)]
    assert scales, "aucun texte trouvé dans le graphique"
    return min(scales) * 100 * shown_width / view_width


CHAPTERS = [p for p in PAGES if p.startswith("chapitres/")]


@pytest.mark.parametrize("path", CHAPTERS)
def test_charts_are_readable_on_a_phone(browser, base, site, path):
    with look(browser, base, path, width=390, height=844) as page:
        charts = page.page.eval_on_selector_all(
            "img[src$='.svg']", "els => els.map(e => [e.getAttribute('src'), e.clientWidth, e.alt])")
        for src, width, alt in charts:
            assert len(alt.strip()) > 40, f"{path} : graphique {src} sans texte alternatif utile"
            svg = (site / path).parent.joinpath(src).resolve().read_text(encoding="utf-8")
            px = _smallest_text_px(svg, width)
            assert px >= MIN_TEXT_PX, f"{path} : texte de {px:.1f} px dans {src} à 390 px"
        scroll = page.page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= 390, f"{path} défile horizontalement ({scroll} px)"


def test_smallest_text_measure_reads_matplotlib_sizes():
    svg = ('<svg viewBox="0 0 400 300"><g transform="translate(1 2) scale(0.11 -0.11)"/>'
           '<g transform="translate(3 4) scale(0.08 -0.08)"/></svg>')
    assert _smallest_text_px(svg, 200) == pytest.approx(4.0)


def test_math_and_icons_render_without_scripts(browser, base):
    with look(browser, base, "chapitres/fonctionnement.html") as page:
        formula = page.page.locator("div.math math").first
        box = formula.bounding_box()
        assert box and box["width"] > 40 and box["height"] > 10
        icon = page.page.locator("button.theme-switch-button svg:visible").first
        box = icon.bounding_box()
        assert box and 8 < box["width"] < 40
        assert not page.page.evaluate("typeof MathJax !== 'undefined' || !!window.FontAwesome")


def test_pages_of_the_test_list_exist(site):
    missing = [p for p in PAGES if not Path(site, p).exists()]
    assert missing == []
