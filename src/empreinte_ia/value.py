"""A quantity with a central value and a low–high range, carried through formulas.

Ranges follow interval arithmetic: the result spans every combination of the inputs' bounds,
whatever their dependence. For a product of positive factors this is the range when all the
factors sit at their low bounds, then all at their high bounds, together: the range under full
correlation, the widest one. When two inputs move together (two totals from the same
scenario), ``Value.together`` takes low with low and high with high. For a product of factors
each uniform over its range, ``independent_product`` and ``correlated_product`` give where a
share of the products falls when the factors vary independently, or all together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import product

import pint

from .units import Q_, ureg


@dataclass(frozen=True)
class Value:
    mid: pint.Quantity
    low: pint.Quantity
    high: pint.Quantity

    @classmethod
    def of(cls, mid, low=None, high=None, unit: str | pint.Unit = "") -> Value:
        unit = ureg.Unit(unit) if isinstance(unit, str) else unit
        q = lambda x: x if isinstance(x, pint.Quantity) else Q_(x, unit)  # noqa: E731
        mid = q(mid)
        return cls(mid, q(low) if low is not None else mid, q(high) if high is not None else mid)

    # -- shape -------------------------------------------------------------------------
    @property
    def units(self) -> pint.Unit:
        return self.mid.units

    @property
    def has_range(self) -> bool:
        return not (self.low == self.mid == self.high)

    def to(self, unit) -> Value:
        return Value(self.mid.to(unit), self.low.to(unit), self.high.to(unit))

    def magnitudes(self, unit=None) -> tuple[float, float, float]:
        v = self.to(unit) if unit is not None else self
        return float(v.mid.magnitude), float(v.low.magnitude), float(v.high.magnitude)

    # -- arithmetic --------------------------------------------------------------------
    @staticmethod
    def _lift(x) -> Value:
        if isinstance(x, Value):
            return x
        if isinstance(x, pint.Quantity):
            return Value(x, x, x)
        q = Q_(x, "")
        return Value(q, q, q)

    def _combine(self, other, op: Callable) -> Value:
        o = Value._lift(other)
        mid = op(self.mid, o.mid)
        corners = [op(a, b) for a, b in product((self.low, self.high), (o.low, o.high))]
        unit = mid.units
        mags = [c.to(unit).magnitude for c in corners]
        return Value(mid, Q_(min(mags), unit), Q_(max(mags), unit))

    def together(self, other, op: Callable) -> Value:
        """Apply op bound by bound: low with low, high with high (correlated inputs). The
        two results are then ordered (a ratio of bounds taken together may fall either way)."""
        o = Value._lift(other)
        mid = op(self.mid, o.mid)
        ends = sorted((op(self.low, o.low), op(self.high, o.high)),
                      key=lambda q: q.to(mid.units).magnitude)
        return Value(mid, ends[0], ends[1])

    def __add__(self, other):
        o = Value._lift(other)
        return Value(self.mid + o.mid, self.low + o.low, self.high + o.high)

    __radd__ = __add__

    def __sub__(self, other):
        o = Value._lift(other)
        return Value(self.mid - o.mid, self.low - o.high, self.high - o.low)

    def __rsub__(self, other):
        return Value._lift(other) - self

    def __mul__(self, other):
        return self._combine(other, lambda a, b: a * b)

    __rmul__ = __mul__

    def __truediv__(self, other):
        return self._combine(other, lambda a, b: a / b)

    def __rtruediv__(self, other):
        return Value._lift(other)._combine(self, lambda a, b: a / b)

    def __pow__(self, power: float):
        return self._combine(Value._lift(1), lambda a, _b: a**power)

    def central(self) -> Value:
        """The same value without its range."""
        return Value(self.mid, self.mid, self.mid)


# A fixed seed: the same build gives the same draws, hence the same page.
DRAWS = 40_000
SEED = 20250822


def independent_product(factors: Sequence[Value], coverage: float = 0.9,
                        draws: int = DRAWS) -> tuple[pint.Quantity, pint.Quantity]:
    """The interval where `coverage` of the products fall when each factor varies on its own,
    independently of the others and uniformly over its range (drawn with a fixed seed).

    The product of the Values themselves (interval arithmetic) puts every factor at its bound
    at once: the range under full correlation, which contains this one."""
    import numpy as np

    if not factors:
        raise ValueError("independent_product needs at least one factor")
    unit, scale = _unit_of_product(factors)
    rng = np.random.default_rng(SEED)
    product = np.full(draws, scale)
    for f in factors:
        _mid, low, high = f.magnitudes()
        product *= low + (high - low) * rng.random(draws)
    tail = (1 - coverage) / 2
    lo, hi = np.quantile(product, [tail, 1 - tail])
    return Q_(float(lo), unit), Q_(float(hi), unit)


def _unit_of_product(factors: Sequence[Value]) -> tuple[pint.Unit, float]:
    """The unit of the product of the factors' central values, and the factor that turns a
    product of magnitudes (each in its factor's unit) into that unit."""
    mid = factors[0].mid
    scale = Q_(1, factors[0].units)
    for f in factors[1:]:
        mid = mid * f.mid
        scale = scale * Q_(1, f.units)
    return mid.units, float(scale.to(mid.units).magnitude)


def correlated_product(factors: Sequence[Value], coverage: float = 0.9
                       ) -> tuple[pint.Quantity, pint.Quantity]:
    """The same interval when the factors move together (full correlation): each factor at the
    same quantile of its range, so the product of the quantiles. With coverage 1 it is the
    range of the product of the Values (every bound at once)."""
    unit, scale = _unit_of_product(factors)
    tail = (1 - coverage) / 2
    lo = hi = scale
    for f in factors:
        _mid, low, high = f.magnitudes()
        lo *= low + tail * (high - low)
        hi *= high - tail * (high - low)
    return Q_(lo, unit), Q_(hi, unit)
