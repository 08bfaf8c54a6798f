"""What drives a range: shares on hand-computable formulas."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from empreinte_ia.parameters import Parameter
from empreinte_ia.registry import Estimate, Registry
from empreinte_ia.sensitivity import drivers
from empreinte_ia.units import ureg
from empreinte_ia.value import Value


def param(pid, mid, low, high, source="s", locator="l"):
    unit = ureg.Unit("Wh")
    return Parameter(pid, pid, Value.of(mid, low, high, unit), unit, source, locator, 2025,
                     "estime", "P", "", None, Path("x.yaml"), 1)


def registry_of(params, func, inputs):
    est = Estimate("f", "f", ureg.Unit("Wh"), "", 2, func, inputs, "x.py", 1, sign="relatif")
    return Registry({p.id: p for p in params}, {"f": est}, {})


def test_sum_shares_are_ratios_of_squared_ranges():
    # f = a + 2 b; a spans 2 (1 to 3), b spans 1, so 2 b spans 2: equal shares.
    reg = registry_of([param("a", 2, 1, 3, locator="x"), param("b", 5, 4.5, 5.5, locator="y")],
                      lambda a, b: a + 2 * b, ("a", "b"))
    shares = {d.ids: d.share for d in drivers(reg, "f")}
    assert shares == {("a",): pytest.approx(0.5), ("b",): pytest.approx(0.5)}


def test_three_inputs_hand_computed():
    # f = a + b + c with spans 1, 2, 2: squares 1, 4, 4 out of 9.
    reg = registry_of([param("a", 1, 0.5, 1.5, locator="1"), param("b", 1, 0, 2, locator="2"),
                       param("c", 3, 2, 4, locator="3")],
                      lambda a, b, c: a + b + c, ("a", "b", "c"))
    shares = {d.ids[0]: d.share for d in drivers(reg, "f")}
    assert shares == pytest.approx({"a": 1 / 9, "b": 4 / 9, "c": 4 / 9})


def test_inputs_of_one_scenario_move_together():
    # Same source, same location: one scenario. f = a − b would cancel if moved together.
    reg = registry_of([param("a", 2, 1, 3), param("b", 1, 0.5, 1.5), param("c", 1, 0, 2, "t")],
                      lambda a, b, c: a + b + c, ("a", "b", "c"))
    found = {d.ids: d for d in drivers(reg, "f")}
    assert set(found) == {("a", "b"), ("c",)}
    assert found[("a", "b")].together
    assert found[("a", "b")].swing == pytest.approx(3)   # 2 + 1, bound with bound


def test_no_range_no_driver():
    reg = registry_of([param("a", 2, 2, 2)], lambda a: a * 3, ("a",))
    assert drivers(reg, "f") == []


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.floats(0.1, 10), st.floats(0.01, 5)), min_size=1, max_size=5))
def test_shares_sum_to_one(spans):
    params = [param(f"p{i}", mid, mid - half, mid + half, locator=str(i))
              for i, (mid, half) in enumerate(spans)]
    ids = tuple(p.id for p in params)
    one = ureg.Quantity(1, "Wh")
    reg = registry_of(params, lambda *xs: sum(xs[1:], xs[0]) * (xs[0] / one), ids)
    found = drivers(reg, "f")
    assert sum(d.share for d in found) == pytest.approx(1)
    assert all(0 <= d.share <= 1 for d in found)


def test_own_range_of_a_formula_is_not_counted_twice():
    # f = a × k, k a factor whose formula sets its own range (0,5 to 1,5 around 1); a spans 1
    # to 3 around 2. Moved alone, a swings 1 × 2 = 2 and k swings 2 × 1 = 2: equal shares. The
    # propagated range of f (0,5 to 4,5) must not be read as the swing of its own range.
    def f(a):
        return a * Value.of(1, 0.5, 1.5, "")

    reg = registry_of([param("a", 2, 1, 3)], f, ("a",))
    found = {d.ids: d for d in drivers(reg, "f")}
    assert set(found) == {("a",), ("f",)}
    assert found[("a",)].swing == pytest.approx(2) and found[("f",)].swing == pytest.approx(2)
    assert found[("a",)].share == pytest.approx(0.5)


def test_inputs_bound_together_by_the_formula_are_one_driver():
    # a ÷ b with the bounds together (one scenario read in two places of one source): the
    # propagation moves them bound with bound, so do the drivers; the swing is the range.
    one = ureg.Quantity(1, "Wh")
    reg = registry_of([param("a", 4, 2, 6, locator="§ 1"), param("b", 2, 1, 2, locator="§ 2")],
                      lambda a, b: a.together(b, lambda x, y: x / y * one), ("a", "b"))
    [driver] = drivers(reg, "f")
    assert driver.ids == ("a", "b") and driver.together and driver.share == 1
    _mid, low, high = reg.value("f").magnitudes()
    assert (low, high) == pytest.approx((2, 3)) and driver.swing == pytest.approx(1)


def test_a_range_invisible_at_the_figure_precision_has_no_drivers():
    one = ureg.Quantity(1, "Wh")
    reg = registry_of([param("a", 4, 4, 4.4, locator="§ 1"), param("b", 2, 2, 2.2001, locator="§ 2")],
                      lambda a, b: a.together(b, lambda x, y: x / y * one), ("a", "b"))
    assert reg.value("f").has_range   # 2 and 1,9999…: both shown « 2 »
    assert drivers(reg, "f") == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(0.1, 10), st.floats(0.01, 5)), min_size=1, max_size=6))
def test_swings_of_a_sum_add_up_to_its_propagated_range(spans):
    # Same propagation: for a sum, the one-at-a-time swings add up to the registry's range.
    params = [param(f"p{i}", mid, mid - half, mid + half, locator=str(i))
              for i, (mid, half) in enumerate(spans)]
    reg = registry_of(params, lambda *xs: sum(xs[1:], xs[0]), tuple(p.id for p in params))
    _mid, low, high = reg.value("f").magnitudes()
    found = drivers(reg, "f")
    if f"{low:.3g}" == f"{high:.3g}":    # a range that does not show (sig 2): no drivers
        assert found == []
        return
    assert sum(d.swing for d in found) == pytest.approx(high - low)
    assert sum(d.share for d in found) == pytest.approx(1)


def test_repository_drivers_are_those_of_the_published_range():
    """Every « Ce qui fait varier ce chiffre » of the site: shares that sum to 100 % (and to
    about 100 % once rounded as printed), and no driver that moves the figure more than its
    published range (the swings come from the same formulas as the range)."""
    from empreinte_ia.formatting import format_number
    from empreinte_ia.registry import load_registry

    registry = load_registry()
    seen = 0
    for key in registry.estimates:
        found = drivers(registry, key)
        if not found:
            continue
        seen += 1
        assert sum(d.share for d in found) == pytest.approx(1), key
        printed = sum(float(format_number(100 * d.share, 2).replace(",", ".").replace("\u202f", ""))
                      for d in found)
        assert abs(printed - 100) <= 1.5, (key, printed)
        _mid, low, high = registry.value(key).magnitudes()
        assert max(d.swing for d in found) <= (high - low) * (1 + 1e-9), key
    assert seen >= 50
