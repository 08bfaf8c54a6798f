"""Per-query figures brought to one scope: the conversion reproduces Google's own pair."""

import pytest

from empreinte_ia.comparison import COMMON_BOUNDARY, comparison, convert


def test_google_narrow_figure_converts_to_its_comprehensive_one(registry):
    # Google publishes both: 0,10 Wh for the active accelerators alone, 0,24 Wh for the whole
    # serving stack. Converting the first with the ladder must give back the second.
    narrow = convert(registry, "gemini_energy_narrow")
    assert [s.stage for s, _ in narrow.steps] == ["production", "B", "C", "D"]
    mid = narrow.converted.magnitudes("Wh/query")[0]
    published = registry.value("gemini_energy_comprehensive").magnitudes("Wh/query")[0]
    assert published == pytest.approx(0.24)
    assert mid == pytest.approx(published, rel=0.02)   # the four published shares sum to 101 %


def test_figure_on_the_common_scope_is_unchanged(registry):
    c = convert(registry, "gemini_energy_comprehensive")
    assert c.steps == () and c.converted == c.published
    assert c.scope.boundary == COMMON_BOUNDARY


def test_step_factors_match_google_breakdown(registry):
    host = registry.value("scope_factor_host").magnitudes()[0]
    idle = registry.value("scope_factor_idle").magnitudes()[0]
    overhead = registry.value("scope_factor_overhead").magnitudes()
    assert host == pytest.approx((58 + 25) / 58)
    assert idle == pytest.approx((58 + 25 + 10) / (58 + 25))
    assert overhead[0] == pytest.approx(101 / 93)
    assert overhead[2] == pytest.approx(1.20)      # EcoLogits' PUE for OpenAI, the high bound


def test_conversion_only_widens_the_range(registry):
    for c in comparison(registry):
        if c.placed and c.steps:
            before, after = c.spread()
            assert after >= before


def test_figure_without_method_is_never_placed(registry):
    rows = {c.key: c for c in comparison(registry)}
    assert not rows["altman_chatgpt_energy"].placed
    assert rows["altman_chatgpt_energy"].reason == "aucune méthode publiée"
    order = [c.placed for c in comparison(registry)]
    assert order == sorted(order, reverse=True)        # placed figures first


def test_epoch_figure_recomputed_from_its_assumptions(registry):
    # Epoch AI's spreadsheet: 0,301 Wh for the base case.
    assert registry.value("epoch_energy_recomputed").magnitudes()[0] == pytest.approx(0.301,
                                                                                       abs=5e-4)


def test_at_least_ten_sources(registry):
    sources = {registry.sources_of(c.key)[0] for c in comparison(registry)}
    assert len(sources) >= 10


def test_dependence_of_the_factors_is_computed_both_ways(registry):
    """The factors (PUE, idle machines, host…) are multiplied by interval arithmetic: every
    bound at once, full correlation. The page shows, computed, the spread with independent
    factors too, and how much wider full correlation makes it."""
    from empreinte_ia.comparison import COVERAGE, independent_text
    from empreinte_ia.value import correlated_product

    shown = 0
    for conv in comparison(registry):
        ind, cor = conv.independent(), conv.correlated()
        if ind is None:
            assert independent_text(conv) == ""
            continue
        shown += 1
        _m, low, high = conv.converted.magnitudes()
        _m, ilow, ihigh = ind.magnitudes()
        _m, clow, chigh = cor.magnitudes()
        assert low <= clow <= ilow * 1.01 and ihigh <= chigh * 1.01 and chigh <= high * (1 + 1e-9)
        assert conv.widening() >= 0.99
        # With every draw kept, full correlation is the range the page shows.
        factors = [conv.published] + [v for _s, v in conv.steps]
        assert [q.to(conv.converted.units).magnitude for q in correlated_product(factors, 1)] \
            == pytest.approx([low, high])
    assert shown >= 5
    narrow = convert(registry, "gemini_energy_narrow")
    text = independent_text(narrow)
    assert text.startswith(f"{COVERAGE * 100:.0f} % des tirages : ")
    assert "si les facteurs varient indépendamment" in text and "fois plus large" in text


def test_comparison_table_shows_each_figure_as_its_source_published_it(site):
    """« Tel que publié » is in the source's unit with its own bounds, the range after the
    value without its unit said again: O'Donnell and Crownhart (2025) wrote « 114 joules per
    response » for Llama 3.1 8B; Jegham et al. (2025), table 4, 0.42 Wh (0.29 to 0.55)."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / "chapitres" / "comparer.html").read_text(encoding="utf-8"),
                         "html.parser")
    published = {row["id"]: row.find_all("td")[1].get_text(" ", strip=True)
                 for row in page.select("table.comparaison tr[id]")}
    nn = "\u202f"
    assert published["cmp-llama31-8b-energy"] == f"114{nn}J par requête"
    assert published["cmp-gpt4o-energy-short"] == f"0,42{nn}Wh par requête (0,29 à 0,55)"
    assert not [text for text in published.values() if text.count("par requête") > 1]
