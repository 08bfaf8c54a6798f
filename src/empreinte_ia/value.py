"""A quantity with a central value and a low–high range, carried through formulas.

Ranges follow interval arithmetic for independent inputs (the widest result). When two
inputs move together (two totals from the same scenario), use ``Value.together``.
"""

from __future__ import annotations

from collections.abc import Callable
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
