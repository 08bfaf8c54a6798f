"""Charts: one palette with meaning, French plain ticks, no overlapping text, data inside."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from empreinte_ia import charts
from empreinte_ia.charts import ChartError, new_figure, overlaps, tick_label

NNBSP = "\u202f"


@pytest.mark.parametrize(("value", "text"), [
    (0.1, "0,1"), (1, "1"), (10, "10"), (1000, f"1{NNBSP}000"),
    (1e6, f"1{NNBSP}000{NNBSP}000"), (0.001, "0,001"), (2.5, "2,5"), (0, "0"),
])
def test_ticks_are_french_plain_numbers(value, text):
    assert tick_label(value) == text


@given(st.integers(min_value=-4, max_value=9), st.sampled_from([1, 2, 2.5, 5]))
def test_tick_labels_read_back_as_their_value(exponent, mantissa):
    value = mantissa * 10.0 ** exponent
    text = tick_label(value)
    assert "e" not in text.lower() and "×" not in text and "⁻" not in text
    back = float(text.replace(NNBSP, "").replace(",", "."))
    assert back == pytest.approx(value, rel=1e-9)


def test_one_colour_per_category_and_neutral_otherwise():
    assert charts.color("france") != charts.color("etats_unis")
    assert charts.color(None) == charts.NEUTRAL
    assert len(set(charts.PALETTE.values())) == len(charts.PALETTE)
    with pytest.raises(ChartError, match="inconnue"):
        charts.color("bleu")


def _fills(svg: str) -> set[str]:
    return {c.lower() for c in re.findall(r"fill:\s*(#[0-9a-fA-F]{6})", svg)}


def test_bars_without_categories_are_all_one_colour(registry):
    svg = charts.bars(registry, ["gpt4o_energy_short", "gpt4o_energy_medium"],
                      ["Courte", "Moyenne"], unit="Wh", title="Essai")
    assert charts.NEUTRAL.lower() in _fills(svg.data)
    assert charts.PALETTE["france"].lower() not in _fills(svg.data)


def test_same_category_same_colour_in_two_charts(registry):
    first = charts.bars(registry, ["gpt4o_energy_short"], ["Une"], unit="Wh", title="A",
                        categories=["texte"])
    second = charts.bars(registry, ["gpt4o_energy_medium", "gpt4o_energy_short"],
                         ["Une", "Deux"], unit="Wh", title="B", categories=["image", "texte"])
    texte = charts.PALETTE["texte"].lower()
    assert texte in _fills(first.data) and texte in _fills(second.data)


def test_overlapping_text_is_found():
    fig = new_figure()
    ax = fig.subplots()
    ax.bar([0, 1], [1, 2])
    ax.text(0, 0.5, "Une étiquette posée sur la barre")
    ax.text(0, 0.5, "Une autre au même endroit")
    found = overlaps(fig)
    assert any("chevauche" in f for f in found)
    assert any("couvre une barre" in f for f in found)
    with pytest.raises(ChartError, match="texte superposé"):
        charts.to_svg(fig, "Essai", [])


def test_a_clean_chart_has_no_overlap(registry):
    fig = new_figure()
    ax = fig.subplots()
    ax.barh([0, 1], [1, 2])
    ax.set_yticks([0, 1], ["Court", "Long"])
    fig.tight_layout()
    assert overlaps(fig) == []


def test_chart_carries_its_data_as_csv(registry):
    svg = charts.bars(registry, ["gpt4o_energy_short"], ["Requête courte"], unit="Wh",
                      title="Essai")
    root = ET.fromstring(svg.data)
    ns = {"dc": "http://purl.org/dc/elements/1.1/"}
    description = root.find(".//dc:description", ns).text
    header, row = description.strip().splitlines()
    assert header == "libelle,identifiant,valeur,bas,haut,unite"
    value = registry.value("gpt4o_energy_short")
    mid, low, high = (charts.magnitude(q, "Wh") for q in (value.mid, value.low, value.high))
    assert low < mid < high
    cells = row.split(",")
    assert cells[1] == "gpt4o_energy_short"
    assert float(cells[2]) == pytest.approx(mid, rel=1e-5)
    assert float(cells[3]) == pytest.approx(low, rel=1e-5)
    assert float(cells[4]) == pytest.approx(high, rel=1e-5)


def test_no_pyplot_state_left_behind(registry):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    charts.bars(registry, ["gpt4o_energy_short"], ["Une"], unit="Wh", title="Essai")
    assert plt.get_fignums() == before


def _text_sizes_pt(svg: str) -> set[float]:
    """Matplotlib writes each text as glyph paths scaled by its size / 100 (in points)."""
    return {round(float(s) * 100, 1) for s in re.findall(r"scale\(([\d.]+) -[\d.]+\)", svg)}


def _width_in(svg: str) -> float:
    return float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1)) / 72


def test_charts_draw_their_text_at_the_style_sizes(registry):
    """Matplotlib reads font sizes when it creates axes and ticks: a style applied only to the
    figure left every label at matplotlib's 10 points, under 10 px on a phone."""
    svg = charts.bars(registry, ["gpt4o_energy_short", "gpt4o_energy_medium"],
                      ["Courte", "Moyenne"], unit="Wh", title="Essai", log=True)
    assert min(_text_sizes_pt(svg.data)) == charts.STYLE["font.size"]
    assert _width_in(svg.data) <= charts.WIDTH


def test_a_long_axis_label_is_broken_before_its_parenthesis():
    fig = charts.new_figure()
    ax = fig.subplots()
    ax.barh([0, 1], [1, 2])
    ax.set_yticks([0, 1], ["Une requête courte", "Une requête longue"])
    ax.set_xlabel("wattheures par requête (échelle logarithmique)")
    fig.tight_layout()
    svg = charts.to_svg(fig, "Essai", [])
    assert ax.get_xlabel() == "wattheures par requête\n(échelle logarithmique)"
    assert _width_in(svg.data) <= charts.WIDTH


@pytest.mark.filterwarnings("ignore:Tight layout not applied")
def test_a_chart_wider_than_a_phone_is_refused(registry):
    with pytest.raises(ChartError, match="dépasse la largeur"):
        charts.bars(registry, ["gpt4o_energy_short"],
                    ["Une étiquette de barre bien trop longue pour tenir sur un écran de téléphone"],
                    unit="Wh", title="Essai")


def _drawn_texts(svg: str) -> list[str]:
    """What a chart shows: its title (<title>, Dublin Core title) and each drawn text, which
    matplotlib writes as a comment before the glyphs (svg.fonttype = path)."""
    return (re.findall(r"<title>(.*?)</title>", svg, re.S)
            + re.findall(r"<dc:title>(.*?)</dc:title>", svg, re.S)
            + re.findall(r"<!-- (.*?) -->", svg, re.S))


def test_chart_texts_are_typeset_in_french(registry):
    svg = charts.bars(registry, ["gpt4o_energy_short", "gpt4o_energy_medium"],
                      ["Requête courte: l'essai", "Moyenne..."], unit="Wh",
                      title="Énergie d'une requête ; « essai »")
    texts = _drawn_texts(svg.data)
    assert "Énergie d’une requête\u202f; «\u00a0essai\u00a0»" in texts
    assert "Requête courte\u00a0: l’essai" in texts and "Moyenne…" in texts
    assert not [t for t in texts if "'" in t or "..." in t]


@pytest.mark.build
def test_built_charts_have_french_apostrophes_and_ellipses(site):
    """Every chart of the site, as published: no straight apostrophe, no « ... »."""
    charts_found = sorted(site.glob("_images/*.svg"))
    assert len(charts_found) >= 10
    wrong = [(svg.name, text) for svg in charts_found
             for text in _drawn_texts(svg.read_text(encoding="utf-8"))
             if "'" in text or "..." in text]
    assert wrong == [], wrong[:5]


def test_a_short_log_axis_labels_more_than_its_powers_of_ten():
    """A log axis over less than two decades labels 1, 2 and 5 of each decade: one label alone
    (« 10 ») does not let a reader read the bars."""
    from empreinte_ia import load_registry
    from empreinte_ia.charts import bars

    registry = load_registry()
    svg = bars(registry, ["gpt4o_daily_short", "gpt4o_daily_medium", "smartphone_battery"],
               ["Courtes", "Moyennes", "Recharge"], unit="Wh", title="Journée", log=True)
    ticks = re.findall(r"<!-- ([0-9][0-9\u202f ,]*) -->", svg.data)
    assert len(ticks) >= 2, ticks
