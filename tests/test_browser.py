"""The built site in Debian's headless Chromium: what a reader on a phone or a laptop gets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from empreinte_ia.sphinx.annex_pages import groups

from .conftest import ROOT, write
from .support.browser import WIDTHS, look, serve, sideways, visit

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


# Axe's two colour rules (« color-contrast », « link-in-text-block ») were three quarters of its
# time: they measure every text element and every link of the page, thousands of them in the
# annexes, though these come in a few dozen styles. What they read of an element is its colour,
# font, decoration, border and visibility, the colours, images, opacities, blends and filters
# of the boxes it sits in (those that draw something), and for a link the colour of the block
# it sits in and whether that block has text of its own. They run on one element of each such
# style per page, marked « data-echantillon » (the first in the page): the same colours on the
# same backgrounds, on every page, in a fraction of the time. Every other rule runs on the whole
# page.
# The colour rules, each on the samples it may check.
COLOUR_RULES = {"color-contrast": "[data-echantillon]",
                "link-in-text-block": "a[href][data-echantillon], [role=link][data-echantillon]"}
SAMPLES = """() => {
  const links = 'a[href], [role=link]';
  const texty = e => e.matches('input, select, textarea, ' + links)
    || [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  const block = e => { let b = e.parentElement;
    while (b.parentElement && getComputedStyle(b).display.startsWith('inline')) b = b.parentElement;
    return b; };
  const drawn = new Map();  // what an element's box and those it sits in draw, read once each
  const boxes = e => {
    if (!e) return '';
    if (!drawn.has(e)) {
      const b = getComputedStyle(e);
      const own = [b.backgroundColor, b.backgroundImage, b.opacity, b.mixBlendMode, b.filter].join();
      drawn.set(e, (own === 'rgba(0, 0, 0, 0),none,1,normal,none' ? '' : own + '|')
                   + boxes(e.parentElement));
    }
    return drawn.get(e);
  };
  const samples = new Map();
  for (const e of document.body.querySelectorAll('*')) {
    if (!texty(e)) continue;
    const s = getComputedStyle(e);
    const style = [e.tagName, s.color, s.webkitTextFillColor, s.fontFamily, s.fontSize,
                   s.fontWeight, s.fontStyle, s.textShadow, s.textDecorationLine,
                   s.textDecorationStyle, s.borderBottomStyle, s.borderBottomWidth,
                   e.checkVisibility({opacityProperty: true, visibilityProperty: true})];
    if (e.matches(links)) {
      const b = block(e);
      style.push(getComputedStyle(b).color, b.textContent.trim() !== e.textContent.trim());
    }
    const key = style.join('|') + '|' + boxes(e);
    if (!samples.has(key)) samples.set(key, e);
  }
  document.querySelectorAll('[data-echantillon]').forEach(e => e.removeAttribute('data-echantillon'));
  for (const e of samples.values()) e.setAttribute('data-echantillon', '');
  return samples.size;
}"""
AUDIT = """async (colours) => {
  axe.configure({rules: Object.entries(colours).map(([id, selector]) => ({id, selector}))});
  return (await axe.run(document, {resultTypes: ['violations']})).violations;
}"""


def audit(page) -> list[dict]:
    """Axe's violations of the page (axe-core already loaded in it), in one run: every rule on
    the whole page, but the colour rules, on one element of each style (SAMPLES)."""
    page.evaluate(SAMPLES)
    return page.evaluate(AUDIT, COLOUR_RULES)


def serious(violations: list[dict]) -> list[str]:
    return [f"{v['impact']} {v['id']} : {v['help']} ({len(v['nodes'])} éléments, "
            f"ex. {v['nodes'][0]['html'][:120]})"
            for v in violations if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_clean_light_local_and_accessible(fresh_tab, site, path):
    """No console error, nothing from another host, light, no serious accessibility fault, no
    wider than the screen at 1 366, 320 and 390 px (a table, a formula, a long identifier or a
    link would push it), and on the 390 px phone, charts with a useful text alternative and
    text no smaller than MIN_TEXT_PX."""
    with fresh_tab.open(path, width=WIDTHS[-1]) as page:
        assert page.errors == [], f"erreurs dans la console : {page.errors}"
        assert page.outside == [], f"requêtes hors du serveur local : {page.outside}"
        assert page.weights, "aucune ressource mesurée"
        assert page.weight <= MAX_WEIGHT, (
            f"{path} pèse {page.weight / 1024:.0f} Ko compressés (plafond 500) : "
            f"{sorted(page.weights.items(), key=lambda kv: -kv[1])[:5]}")
        assert serious(audit(page.page)) == [], path
        # Opened at the laptop's width; the phones after, the 390 px one last for the charts.
        wide = sideways(page.page, (WIDTHS[-1], *WIDTHS[:-1]))
        assert wide == [], f"{path} défile horizontalement : {wide}"
        assert unreadable_charts(page.page, site, path) == []


def test_colours_are_checked_on_one_element_of_each_style(browser, base, axe_script):
    """A paragraph in the style of the article's others adds no sample; a pale one, one on a
    dark box, and a link told from its paragraph by a close colour only are samples of their
    own, and the colour rules find them."""
    path = "annexes/parametres/usages.html"
    with look(browser, base, path) as page:
        samples = page.page.evaluate(SAMPLES)
        assert 10 < samples < page.page.evaluate("document.body.querySelectorAll('*').length") / 10
        article = page.page.locator("article.bd-article")
        article.evaluate("a => a.insertAdjacentHTML('beforeend', a.querySelector('section p')"
                         ".outerHTML)")
        assert page.page.evaluate(SAMPLES) == samples
        article.evaluate("""a => a.insertAdjacentHTML('beforeend',
            '<p style="color: #c8c8c8">Texte pâle</p>'
            + '<div style="background: #202020"><p>Texte sur fond sombre</p></div>'
            + '<p>Un lien <a href="#" style="color: #444; text-decoration: none">gris</a>'
            + ' dans le texte.</p>')""")
        assert page.page.evaluate(SAMPLES) == samples + 3
        page.page.evaluate(axe_script)
        found = {v["id"]: sorted(n["html"] for n in v["nodes"])
                 for v in page.page.evaluate(AUDIT, COLOUR_RULES) if v["id"] in COLOUR_RULES}
        assert found == {
            "color-contrast": ['<p data-echantillon="">Texte sur fond sombre</p>',
                               '<p style="color: #c8c8c8" data-echantillon="">Texte pâle</p>'],
            "link-in-text-block": ['<a href="#" style="color: #444; text-decoration: none"'
                                   ' data-echantillon="">gris</a>']}


def test_outside_requests_are_caught_and_blocked(browser, tmp_path):
    """The check above can fail: a page that calls a CDN is reported, and the call never leaves."""
    write(tmp_path / "cdn.html", """
        <!DOCTYPE html><html lang="fr"><head><title>CDN</title>
        <script src="https://cdn.example.org/lib.js"></script></head>
        <body><img src="http://images.example.org/a.png" alt="a"></body></html>""")
    with serve(tmp_path) as url, visit(browser, url, "cdn.html") as page:
        assert sorted(page.outside) == ["http://images.example.org/a.png",
                                        "https://cdn.example.org/lib.js"]
        assert page.weights and all(u.startswith(url) for u in page.weights)
        # Chromium itself resolves no other host name (NO_OTHER_HOST), not even « localhost »,
        # which names this very server: the call fails in the browser.
        fetch = "u => fetch(u, {mode: 'no-cors'}).then(() => 'parti', () => 'bloqué')"
        assert page.page.evaluate(fetch, url + "cdn.html") == "parti"
        assert page.page.evaluate(fetch, url.replace("127.0.0.1", "localhost") + "cdn.html") \
            == "bloqué"


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


def unreadable_charts(page, site: Path, path: str) -> list[str]:
    """The charts of the open page without a useful text alternative, or whose smallest text
    is under MIN_TEXT_PX at the page's width (the phone's, 390 px, in the page test)."""
    found = []
    charts = page.eval_on_selector_all(
        "img[src$='.svg']", "els => els.map(e => [e.getAttribute('src'), e.clientWidth, e.alt])")
    for src, width, alt in charts:
        if len(alt.strip()) <= 40:
            found.append(f"{path} : graphique {src} sans texte alternatif utile")
        svg = (site / path).parent.joinpath(src).resolve().read_text(encoding="utf-8")
        px = _smallest_text_px(svg, width)
        if px < MIN_TEXT_PX:
            found.append(f"{path} : texte de {px:.1f} px dans {src} à "
                         f"{page.viewport_size['width']} px")
    return found


def test_an_unreadable_chart_is_caught(browser, tmp_path):
    """The chart check of the page test can fail: a chart whose text is under 5 px on the phone
    and whose alternative says nothing is reported twice."""
    write(tmp_path / "c.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">'
          '<g transform="translate(3 4) scale(0.05 -0.05)"/></svg>')
    write(tmp_path / "page.html", """
        <!DOCTYPE html><html lang="fr"><head><title>Graphique</title></head>
        <body><img src="c.svg" alt="Graphique" style="width: 100%"></body></html>""")
    with serve(tmp_path) as url, look(browser, url, "page.html", width=390) as page:
        found = unreadable_charts(page.page, tmp_path, "page.html")
    assert [f.split(" : ", 1)[1].split(" dans ")[0] for f in found] == [
        "graphique c.svg sans texte alternatif utile", "texte de 4.7 px"], found


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
