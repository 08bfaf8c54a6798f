"""French formatting with babel: the outputs a reader sees."""

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from empreinte_ia.formatting import (
    BARE,
    FULL,
    UNIT,
    auto_sig,
    format_number,
    format_quantity,
    format_range,
    format_value,
    round_sig,
    uncertainty_sig,
)
from empreinte_ia.units import ureg
from empreinte_ia.value import Value

NN = "\u202f"


def test_thousands_use_narrow_no_break_space():
    assert format_number(391509, 6) == f"391{NN}509"


def test_decimal_comma():
    assert format_number(0.42, 2) == "0,42"


def test_significant_digits_round_large_integers():
    assert format_number(30027, 2) == f"30{NN}000"
    assert format_number(36281.4, 3) == f"36{NN}300"


def test_keeps_significant_trailing_zero():
    assert format_number(4.40, 3) == "4,40"


def test_percent_has_narrow_space():
    assert format_quantity(15, ureg.Unit("percent"), 2) == f"15{NN}%"


def test_billions_in_words():
    assert format_quantity(772e9, ureg.Unit("query"), 3) == f"772{NN}milliards de requêtes"


def test_singular_below_two():
    assert format_quantity(1.3e9, ureg.Unit("L"), 2) == f"1,3{NN}milliard de litres"


def test_thousands_of_billions_as_french_writes_them():
    text = format_quantity(15e12, ureg.Unit("token"), 2)
    assert text == f"15{NN}000{NN}milliards de jetons"
    assert format_quantity(1.6e12, ureg.Unit("query"), 2) == f"1{NN}600{NN}milliards de requêtes"
    assert format_quantity(1e12, ureg.Unit("token"), 1) == f"1{NN}000{NN}milliards de jetons"
    assert "mille" not in format_quantity(5.1e12, ureg.Unit("query"), 2)


def test_unit_in_french():
    assert format_quantity(0.42, ureg.Unit("Wh/query"), 2) == f"0,42{NN}Wh par requête"
    assert format_quantity(0.35, ureg.Unit("kgCO2e/kWh"), 2) == f"0,35{NN}kg éq. CO₂/kWh"
    assert format_quantity(35000, ureg.Unit("household"), 2) == f"35{NN}000{NN}foyers"


def test_range():
    assert format_range(0.29, 0.55, ureg.Unit("Wh"), 2, 0.42) == f"0,29 à 0,55{NN}Wh"
    assert format_range(391509, 463269, ureg.Unit("MWh"), 6, 391509) == \
        f"391{NN}509 à 463{NN}269{NN}MWh"
    assert format_range(391509, 463269, ureg.Unit("MWh"), 2) == f"390{NN}000 à 460{NN}000{NN}MWh"


def test_range_in_words_uses_one_scale():
    text = format_range(1.334991e9, 1.57968e9, ureg.Unit("L"), 3, 1.334991e9)
    assert text == f"1,33 à 1,58{NN}milliard de litres"
    assert format_range(0.9e9, 9e9, ureg.Unit("word"), 1) == f"0,9 à 9{NN}milliards de mots"


def test_negative_numbers_use_minus_sign():
    assert format_number(-3.2, 2) == "\u22123,2"


@pytest.mark.parametrize("x,sig", [(0.42, 2), (391509, 6), (772e9, 3), (4.6, 2), (1000, 1)])
def test_auto_sig(x, sig):
    assert auto_sig(x) == sig


def test_round_sig():
    assert round_sig(0.4567, 2) == 0.46
    assert round_sig(123456, 2) == 120000


# -- forms, plurals, years, ranges ---------------------------------------------------------
def test_per_parts_joined_with_et():
    unit = ureg.Unit("kWh/year/household")
    assert format_quantity(4500, unit, 2) == f"4{NN}500{NN}kWh par an et par foyer"
    assert format_quantity(8, ureg.Unit("query/day/user"), 1) == \
        f"8{NN}requêtes par jour et par utilisateur"


def test_unit_form_drops_the_per_parts_the_sentence_says():
    assert format_quantity(4500, ureg.Unit("kWh/year/household"), 2, UNIT) == f"4{NN}500{NN}kWh"
    assert format_quantity(15, ureg.Unit("Wh/charge"), 2, UNIT) == f"15{NN}Wh"
    assert format_quantity(8, ureg.Unit("query/day/user"), 1, UNIT) == f"8{NN}requêtes"
    # a physical unit below the line is part of the unit, not a « par … »
    assert format_quantity(0.35, ureg.Unit("kgCO2e/kWh"), 2, UNIT) == f"0,35{NN}kg éq. CO₂/kWh"
    assert format_quantity(4500, ureg.Unit("kWh/year/household"), 2, BARE) == f"4{NN}500"


def test_plural_from_two():
    assert format_quantity(14.8, ureg.Unit("day"), 3) == f"14,8{NN}jours"
    assert format_quantity(1.5, ureg.Unit("year"), 2) == f"1,5{NN}an"
    assert format_quantity(5.5, ureg.Unit("year"), 2) == f"5,5{NN}ans"
    assert format_quantity(1.99, ureg.Unit("household"), 3) == f"1,99{NN}foyer"


def test_calendar_years_never_grouped():
    assert format_quantity(2030, ureg.Unit("calendar_year"), 2) == "2030"
    assert format_range(2026, 2032, ureg.Unit("calendar_year"), 2) == "2026 à 2032"
    assert format_number(2030, 4, grouping=False) == "2030"


def test_range_low_bound_never_rounded_to_zero():
    assert format_range(0.47, 28, ureg.Unit("Wh"), 2, 5) == f"0,47 à 28{NN}Wh"


def test_range_never_collapses():
    assert format_range(118, 123, ureg.Unit("household"), 2, 120) == f"118 à 123{NN}foyers"
    # equal bounds read as one value
    assert format_range(0.353, 0.353, ureg.Unit("kgCO2e/kWh"), 3) == f"0,353{NN}kg éq. CO₂/kWh"


def test_digits_follow_the_uncertainty():
    assert uncertainty_sig(427000, 391509, 463269, 6) == 2  # ±8 %
    assert uncertainty_sig(100, 99, 101, 6) == 3  # ±1 %
    assert uncertainty_sig(0.42, 0.29, 0.55, 3) == 2  # never fewer than two
    assert uncertainty_sig(8, 8, 8, 1) == 1  # declared digits are a ceiling
    assert format_quantity(2.277e6, ureg.Unit("tCO2e"), 2) == f"2,3{NN}millions de tonnes éq. CO₂"


# -- properties (hypothesis) ---------------------------------------------------------------
_SCALE_WORDS = {"milliards de milliards": 1e18, "milliard de milliards": 1e18,
                "millions de milliards": 1e15, "million de milliards": 1e15,
                "milliards": 1e9, "milliard": 1e9, "millions": 1e6, "million": 1e6}
_NUMBER = re.compile(r"(\u2212?\d{1,3}(?:\u202f\d{3})*(?:,\d+)?)(?:\u202f(" +
                     "|".join(sorted(_SCALE_WORDS, key=len, reverse=True)) + "))?")
UNITS = ["Wh", "kWh/year/household", "query/day/user", "tCO2e", "L", "day", "year", "percent",
         "token", "gCO2e/kWh", "dimensionless", "Wh/charge"]


def parse_numbers(text: str) -> list[float]:
    """Numbers of a French text back to floats, a scale word applying to the numbers
    before it in the same range (« 1,3 à 1,6 milliard »)."""
    found = [(m.group(1), m.group(2)) for m in _NUMBER.finditer(text)
             if re.search(r"\d", m.group(1))]
    scale = next((_SCALE_WORDS[w] for _, w in reversed(found) if w), 1)
    return [float(n.replace("\u202f", "").replace(",", ".").replace("\u2212", "-")) * scale
            for n, _ in found]


def _within_rounding(shown: float, true: float, sig: int) -> bool:
    return abs(shown - true) <= 0.5 * 10 ** (math.floor(math.log10(abs(true))) - sig + 1) * 1.0001 \
        + 1e-12 * abs(true)


magnitudes = st.floats(min_value=1e-3, max_value=1e20, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(x=magnitudes, sig=st.integers(1, 4), unit=st.sampled_from(UNITS),
       form=st.sampled_from([FULL, UNIT, BARE]))
def test_quantity_parses_back_within_its_rounding(x, sig, unit, form):
    text = format_quantity(x, ureg.Unit(unit), sig, form)
    (shown,) = parse_numbers(text)
    assert _within_rounding(shown, x, sig), text
    assert " par " not in text.replace(" et par ", "@") or form == FULL or "/" in text, text
    if form == UNIT:
        assert " par " not in text, text


@settings(max_examples=300, deadline=None)
@given(low=magnitudes, factor=st.floats(1.0001, 1e3), sig=st.integers(1, 3),
       unit=st.sampled_from(UNITS))
def test_range_parses_back_and_never_collapses(low, factor, sig, unit):
    high = low * factor
    text = format_range(low, high, ureg.Unit(unit), sig, (low + high) / 2)
    numbers = parse_numbers(text)
    if len(numbers) == 1:  # bounds equal even with more digits: one value
        assert _within_rounding(numbers[0], high, sig), text
        return
    shown_low, shown_high = numbers
    assert shown_low < shown_high, text
    assert shown_low > 0, text  # a low bound is never rounded to 0
    assert _within_rounding(shown_low, low, sig) and _within_rounding(shown_high, high, sig), \
        text


@given(year=st.integers(1000, 2999), sig=st.integers(1, 4))
def test_years_never_grouped(year, sig):
    text = format_quantity(year, ureg.Unit("calendar_year"), sig)
    assert text == str(year)
    assert "\u202f" not in format_range(year, year + 5, ureg.Unit("calendar_year"), sig)


# -- A range a source published is a quotation: each bound keeps its written digits --------
def _written(mantissa: int, exponent: int) -> float:
    """A bound as a data file writes it: n significant digits, then a power of ten."""
    return float(f"{mantissa}e{exponent}")


written_bounds = st.builds(_written, st.integers(1, 9_999_999), st.integers(-4, 9))


@settings(max_examples=300, deadline=None)
@given(a=written_bounds, b=written_bounds, sig=st.integers(1, 3), unit=st.sampled_from(UNITS))
def test_quoted_range_parses_back_to_the_exact_bounds(a, b, sig, unit):
    if a == b:
        return
    low, high = sorted((a, b))
    text = format_range(low, high, ureg.Unit(unit), sig, quoted=True)
    assert parse_numbers(text) == pytest.approx([low, high], rel=1e-12, abs=0), text


def test_quoted_range_keeps_the_source_digits():
    twh = ureg.Unit("TWh/year")
    # LBNL (2024) publishes 325 to 580 TWh: two digits would round 325 to 320.
    assert format_range(325, 580, twh, 2, 450) == f"320 à 580{NN}TWh par an"
    assert format_range(325, 580, twh, 2, 450, quoted=True) == f"325 à 580{NN}TWh par an"
    # never fewer digits than written, and a trailing zero of the shown digits is kept
    assert format_range(0.16, 0.6, ureg.Unit("Wh"), 2, quoted=True) == f"0,16 à 0,60{NN}Wh"
    # many digits read whole, not as « 1,334991 million »
    assert format_range(1334991, 1579680, ureg.Unit("kL"), 2, quoted=True) == \
        f"1{NN}334{NN}991 à 1{NN}579{NN}680{NN}kL"
    assert format_range(1.3e9, 1.6e9, ureg.Unit("L"), 2, quoted=True) == \
        f"1,3 à 1,6{NN}milliard de litres"


@pytest.mark.parametrize("value, sig, quoted, expected", [
    # Jegham et al. (2025), table 4: 0,42 Wh (0,29 to 0,55) for a short GPT-4o query.
    (Value.of(0.42, 0.29, 0.55, unit="Wh/query"), 2, True, f"0,42{NN}Wh par requête (0,29 à 0,55)"),
    # The source's bounds keep their digits, the central value its own.
    (Value.of(1.2, 0.974, 1.456, unit="Wh/query"), 2, True,
     f"1,2{NN}Wh par requête (0,974 à 1,456)"),
    # A scale word stays with the range: only the unit is not said again.
    (Value.of(1.2e9, 0.9e9, 1.6e9, unit="query/year"), 2, False,
     f"1,2{NN}milliard de requêtes par an (0,90 à 1,6{NN}milliard)"),
    # A percentage keeps its sign on both.
    (Value.of(15, 12, 18, unit="percent"), 2, False, f"15{NN}% (12 à 18{NN}%)"),
    (Value.of(0.42, unit="Wh/query"), 2, False, f"0,42{NN}Wh par requête"),
])
def test_range_after_a_value_does_not_say_the_unit_again(value, sig, quoted, expected):
    assert format_value(value, sig, with_range=True, quoted=quoted) == expected
