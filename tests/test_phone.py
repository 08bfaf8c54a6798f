"""Every page of the built site on a phone (320 and 390 px) and a laptop (1 366 px)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support.browser import WIDTHS, look, pages, sideways, tab
from .test_browser import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.build]


def other_pages(site: Path) -> list[str]:
    """The pages of the built site that test_browser.py does not visit (the book's own pages
    are checked at every width there, in the same visit as their accessibility): the page of
    missing addresses, and of the frozen release pages (v/…, one per figure and all alike)
    the list of releases, each release's index and its first figure page."""
    out = [p for p in pages(site) if p not in PAGES and (
        not p.startswith("v/") or p.count("/") == 1 or p.endswith("/index.html"))]
    for folder in sorted(d for d in (site / "v").glob("*") if d.is_dir()):
        figures = sorted(folder.glob("*-*.html"))
        if figures:
            out.append(str(figures[0].relative_to(site)))
    return out


def test_other_pages_do_not_scroll_sideways(browser, base, site):
    """At 320, 390 and 1 366 px, none of these pages is wider than the screen: each is opened
    once, at the width the tab has, then laid out again at the other two, narrow to wide, then
    wide to narrow for the next."""
    found = other_pages(site)
    assert "404.html" in found and "v/index.html" in found, found
    wide, widths = [], WIDTHS
    with tab(browser, base, width=widths[0], height=800) as reader:
        for path in found:
            wide += [f"{path} {w}" for w in sideways(reader.open(path), widths)]
            widths = widths[::-1]
    assert wide == [], "pages qui défilent horizontalement :\n" + "\n".join(wide)


def test_a_page_wider_than_the_screen_is_caught(browser, base):
    """The check can fail: a block of 1 000 px pushes the page at 320 and 390 px, not at
    1 366 px."""
    with look(browser, base, "chapitres/utilisation.html", width=390) as page:
        assert sideways(page.page) == []
        page.page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', "
                           "'<div style=\"width: 1000px\">Large</div>')")
        assert [w.split(" px")[0] for w in sideways(page.page)] == ["à 320", "à 390"]


def test_annex_labels_sit_above_their_values_on_a_phone(browser, base):
    with look(browser, base, "annexes/parametres/inference_gpt4o.html", width=320) as page:
        pairs = page.page.eval_on_selector_all(
            "section.entree-registre dl.field-list > dt",
            "dts => dts.map(dt => [dt.getBoundingClientRect().width, "
            "dt.getBoundingClientRect().bottom, dt.nextElementSibling.getBoundingClientRect().top])")
        assert pairs
        for width, label_bottom, value_top in pairs:
            assert width > 150, f"libellé comprimé à {width:.0f} px"
            assert label_bottom <= value_top + 1, "le libellé n'est pas au-dessus de la valeur"


def test_a_permalink_shows_value_and_range_on_arrival(browser, base):
    """A reader who follows a figure's link sees its value and range without scrolling."""
    path = "annexes/parametres/inference_gpt4o.html#gpt4o-energy-short"
    with look(browser, base, path, width=390, height=844) as page:
        headline = page.page.locator("#gpt4o-energy-short p.valeur-principale")
        box = headline.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= 844
        assert "fourchette" in headline.inner_text()


def test_a_link_to_the_former_single_page_annex_still_lands_on_the_figure(browser, base):
    with look(browser, base, "annexes/parametres.html#gpt4o-energy-short") as page:
        page.page.wait_for_url("**/annexes/parametres/inference_gpt4o.html#gpt4o-energy-short")
        assert page.page.locator("#gpt4o-energy-short p.valeur-principale").is_visible()


# Pages whose tables read as cards on a phone, with the cell that concludes each row first,
# and the label that the card shows above it.
CARD_TABLES = [
    ("annexes/verification.html", "table.cartes", "Verdict"),
    ("chapitres/chiffres-circulants.html", "table.affirmations-circulantes", "Verdict"),
    ("chapitres/comparer.html", "table.comparaison:has(td.col-tete)",
     "Ramené au périmètre commun"),
]


@pytest.mark.parametrize("path, table, lead", CARD_TABLES)
def test_long_tables_are_cards_on_a_phone_and_tables_on_a_laptop(browser, base, path, table,
                                                                  lead):
    """At 320 and 390 px, each row is a card whose first cell is the one that concludes it;
    at 1 366 px, a row stays a row. The page is opened once and laid out at each width."""
    with look(browser, base, path, width=320) as page:
        for width in (320, 390):
            if width != page.page.viewport_size["width"]:
                page.page.set_viewport_size({"width": width, "height": 900})
            rows = page.page.locator(f"{table} tbody tr:has(td.col-tete)")
            assert rows.count() > 0, f"aucune carte dans {path}"
            for r in range(min(rows.count(), 3)):
                row = rows.nth(r)
                cells = row.locator("td")
                head = row.locator("td.col-tete")
                assert head.count() == 1
                boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
                assert head.bounding_box()["y"] == min(b["y"] for b in boxes), (
                    f"{path} à {width} px : « {lead} » n'est pas en tête de carte")
                # One card: cells stacked, each as wide as the card and inside the screen.
                assert len({round(b["x"]) for b in boxes}) == 1, \
                    f"{path} à {width} px : cellules côte à côte"
                assert all(b["x"] >= 0 and b["x"] + b["width"] <= width for b in boxes)
                label = page.page.evaluate(
                    "c => getComputedStyle(c, '::before').content", head.element_handle())
                assert lead in label
            assert page.page.evaluate("document.documentElement.scrollWidth") <= width
        page.page.set_viewport_size({"width": 1366, "height": 900})
        row = page.page.locator(f"{table} tbody tr").first
        # Both read at once: the page may still be scrolling after the earlier widths.
        tops = row.evaluate("r => [...r.cells].slice(0, 2).map(c => c.getBoundingClientRect().top)")
        assert abs(tops[0] - tops[1]) < 2, "sur grand écran, une ligne reste une ligne"


def test_a_circulating_claim_keeps_its_anchor(browser, base):
    with look(browser, base, "chapitres/chiffres-circulants.html", width=390) as page:
        rows = page.page.locator("table.affirmations-circulantes tbody tr[id^='circ-']")
        assert rows.count() >= 3
        assert "Verdict" in page.page.evaluate(
            "c => getComputedStyle(c, '::before').content",
            rows.first.locator("td.col-verdict").element_handle())


def test_contributor_details_are_folded(browser, base):
    with look(browser, base, "annexes/parametres/inference_gpt4o.html") as page:
        box = page.page.locator("#gpt4o-energy-short details.pour-contribuer")
        assert box.locator("summary").inner_text() == "Pour contribuer"
        assert not box.get_attribute("open")
        assert not page.page.get_by_text("Unité (pint)").first.is_visible()


def test_field_labels_have_the_french_space_before_their_colon(browser, base):
    """« Statut : », not « Statut: » (docutils writes the colon right after the label)."""
    with look(browser, base, "annexes/parametres/inference_gpt4o.html", width=390) as page:
        befores = page.page.eval_on_selector_all(
            "dl.field-list > dt > .colon",
            "cs => cs.map(c => getComputedStyle(c, '::before').content)")
        assert befores and set(befores) == {'"\u00a0"'}, set(befores)
