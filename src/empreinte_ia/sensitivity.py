"""What drives the range of a figure: one input at a time, shares of variance.

Each input with a range (a parameter with low and high, or an estimate whose own formula sets a
range) is moved alone from its low to its high bound, every other input at its central value;
the swing of the figure is recorded. Treating each input as independent and uniform on its
range, the first-order variance of the figure due to that input is proportional to the square
of its swing, so its share is swing² ÷ Σ swing² (exact for a sum, a good guide for a product of
narrow ranges). Inputs taken from one scenario of one source (same source and same location in
it) move together: they form one driver, moved bound with bound.
"""

from __future__ import annotations

from dataclasses import dataclass

from .registry import Registry
from .value import Value


@dataclass(frozen=True)
class Driver:
    ids: tuple[str, ...]     # one input, or several moved together (one scenario)
    swing: float             # |figure at high − figure at low|, in the figure's unit
    share: float             # swing² ÷ Σ swing², from 0 to 1

    @property
    def together(self) -> bool:
        return len(self.ids) > 1


def _evaluate(registry: Registry, key: str, overrides: dict[str, Value],
              memo: dict[str, Value]) -> Value:
    """The central value of `key` with some inputs replaced (each by a bound, without range)."""
    if key in overrides:
        return overrides[key]
    if key in memo:
        return memo[key]
    if key in registry.parameters:
        out = registry.parameters[key].value.central()
    else:
        est = registry.estimates[key]
        args = [_evaluate(registry, name, overrides, memo) for name in est.inputs]
        result = est.func(*args)
        out = (result if isinstance(result, Value) else Value._lift(result)).to(est.unit).central()
    memo[key] = out
    return out


def ranged_inputs(registry: Registry, key: str) -> list[str]:
    """Inputs of `key` (itself included for an estimate) that carry a range of their own."""
    out = []
    candidates = [key, *sorted(registry._all_inputs(key))] if key in registry.estimates \
        else [key]
    for name in candidates:
        if name in registry.parameters:
            if registry.parameters[name].value.has_range:
                out.append(name)
            continue
        est = registry.estimates[name]
        memo: dict[str, Value] = {}
        args = [_evaluate(registry, i, {}, memo) for i in est.inputs]
        result = est.func(*args)
        if isinstance(result, Value) and result.has_range:
            out.append(name)   # the formula itself sets a range (e.g. a factor with two sources)
    return out


def _groups(registry: Registry, names: list[str]) -> list[tuple[str, ...]]:
    """Inputs of one scenario (same source, same location) move together."""
    groups: dict[tuple, list[str]] = {}
    for name in names:
        if name in registry.parameters:
            p = registry.parameters[name]
            tag = ("p", p.source, p.locator)
        else:
            tag = ("e", name)
        groups.setdefault(tag, []).append(name)
    return [tuple(v) for v in groups.values()]


def drivers(registry: Registry, key: str) -> list[Driver]:
    """The drivers of the range of `key`, largest share first (empty when it has no range)."""
    if not registry.value(key).has_range:
        return []
    unit = registry.unit(key)
    swings = []
    for group in _groups(registry, ranged_inputs(registry, key)):
        ends = []
        for bound in ("low", "high"):
            overrides = {}
            for name in group:
                v = registry.value(name)
                q = getattr(v, bound)
                overrides[name] = Value(q, q, q)
            if key in group:  # the figure's own range: read it directly
                ends.append(getattr(registry.value(key), bound).to(unit).magnitude)
                continue
            ends.append(_evaluate(registry, key, overrides, {}).mid.to(unit).magnitude)
        swings.append((group, abs(ends[1] - ends[0])))
    total = sum(s * s for _g, s in swings)
    if total == 0:
        return []
    out = [Driver(g, s, s * s / total) for g, s in swings if s > 0]
    return sorted(out, key=lambda d: -d.share)
