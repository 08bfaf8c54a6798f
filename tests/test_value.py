"""Ranges carried through formulas."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
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


# -- dependence of the factors of a product ---------------------------------------------------------
positive_ranges = st.lists(st.tuples(st.floats(0.01, 5), st.floats(0, 10)), min_size=1,
                           max_size=5)


def _factors(ranges):
    return [Value.of(low + width / 2, low, low + width, "") for low, width in ranges]


@settings(max_examples=60, deadline=None)
@given(positive_ranges, st.sampled_from([0.5, 0.8, 0.9, 0.98]))
@example([(1.0, 0.0), (0.03125, 1.0)], 0.98)  # found by Hypothesis: the old 1 % of the value
def test_correlated_range_contains_the_independent_one(ranges, coverage):
    from empreinte_ia.value import correlated_product, independent_product

    factors = _factors(ranges)
    product = factors[0]
    for f in factors[1:]:
        product = product * f
    _mid, low, high = product.magnitudes()
    ilow, ihigh = (q.magnitude for q in independent_product(factors, coverage))
    clow, chigh = (q.magnitude for q in correlated_product(factors, coverage))
    # Every bound at once (interval arithmetic, what the site shows) contains every draw.
    assert low * (1 - 1e-12) <= ilow <= ihigh <= high * (1 + 1e-12)
    # All the factors at the same quantile: full correlation, the widest spread for a share.
    assert low * (1 - 1e-12) <= clow and chigh <= high * (1 + 1e-12)
    # Up to the noise of the draws: a quantile drawn 40 000 times misses by a share of the
    # spread, not of its own value (small for the lower bound of a range that starts near 0).
    noise = 0.01 * high
    assert clow <= ilow + noise and ihigh <= chigh + noise
    # With coverage 1, full correlation is the interval product itself.
    assert [q.magnitude for q in correlated_product(factors, 1)] == pytest.approx([low, high])


def test_independent_product_of_two_uniforms_hand_computed():
    # X, Y uniform on 1 to 3: P(XY ≤ t) = (t ln t − t + 1) ÷ 4 for t from 1 to 3 (up to the
    # 32 % quantile).
    import math

    from empreinte_ia.value import independent_product

    def quantile(p):
        lo, hi = 1.0, 3.0
        for _ in range(60):
            t = (lo + hi) / 2
            lo, hi = (t, hi) if (t * math.log(t) - t + 1) / 4 < p else (lo, t)
        return lo

    x = Value.of(2, 1, 3, "")
    low, _high = independent_product([x, x], 0.4)   # the 30 % and 70 % quantiles
    assert low.magnitude == pytest.approx(quantile(0.3), rel=0.01)
    q05, _ = independent_product([x, x], 0.9)
    assert q05.magnitude == pytest.approx(quantile(0.05), rel=0.01)
    assert independent_product([x, x], 0.9) == independent_product([x, x], 0.9)   # fixed seed
