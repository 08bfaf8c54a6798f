"""Ranges carried through formulas."""

import pytest
from pint import DimensionalityError

from empreinte_ia.units import Q_
from empreinte_ia.value import Value


def v(mid, low, high, unit):
    return Value.of(mid, low, high, unit)


def test_product_takes_widest_bounds():
    energy = v(0.42, 0.29, 0.55, "Wh/query")
    count = v(8, 8, 8, "query")
    day = energy * count
    assert day.magnitudes("Wh") == pytest.approx((3.36, 2.32, 4.40))


def test_division_swaps_bounds():
    ratio = v(10, 8, 12, "Wh") / v(2, 1, 4, "Wh")
    assert ratio.magnitudes("") == pytest.approx((5, 2, 12))


def test_subtraction_swaps_bounds():
    diff = v(10, 9, 11, "Wh") - v(2, 1, 3, "Wh")
    assert diff.magnitudes("Wh") == pytest.approx((8, 6, 10))


def test_together_keeps_correlated_bounds():
    water = v(100, 100, 120, "L")
    energy = v(50, 50, 60, "kWh")
    assert water.together(energy, lambda a, b: a / b).magnitudes("L/kWh") == \
        pytest.approx((2, 2, 2))


def test_units_are_checked():
    with pytest.raises(DimensionalityError, match=r"watt_hour.*liter|liter.*watt_hour"):
        v(1, 1, 1, "Wh") + v(1, 1, 1, "L")


def test_conversion():
    assert v(1, 1, 1, "MWh").to("kWh").mid == Q_(1000, "kWh")
