"""What drives the range of a figure: one input at a time, shares of variance.

Each input with a range (a parameter with low and high, or an estimate whose own formula sets a
range) is moved alone from its low to its high bound, every other input at its central value;
the swing of the figure is recorded. Treating each input as independent and uniform on its
range, the first-order variance of the figure due to that input is proportional to the square
of its swing, so its share is swing² ÷ Σ swing² (exact for a sum, a good guide for a product of
narrow ranges). Inputs taken from one scenario of one source (same source and same location in
it), or that a formula moves bound with bound (``Value.together``, as the propagation does),
move together: they form one driver, moved bound with bound. The swings are computed with the
registry's own formulas, so that a driver's swing is the width of the figure's range when that
driver alone varies (for a sum, the swings add up to the range).
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


def evaluate(registry: Registry, key: str, overrides: dict[str, Value],
              memo: dict[str, Value]) -> Value:
    """The central value of `key` with some inputs replaced (each by a bound, without range).
    An entry that depends on none of the replaced inputs keeps its central value, computed once
    per registry (`central`): moving one input computes again only what depends on it."""
    if key in overrides:
        return overrides[key]
    if key in memo:
        return memo[key]
    if overrides.keys().isdisjoint(registry._all_inputs(key)):
        return central(registry, key)
    est = registry.estimates[key]
    out = _computed(est, [evaluate(registry, name, overrides, memo) for name in est.inputs])
    memo[key] = out
    return out


def central(registry: Registry, key: str) -> Value:
    """The value of `key` with every input at its central value, without range (once)."""
    cache = registry._central_cache
    if key not in cache:
        if key in registry.parameters:
            cache[key] = registry.parameters[key].value.central()
        else:
            est = registry.estimates[key]
            cache[key] = _computed(est, [central(registry, name) for name in est.inputs])
    return cache[key]


def _computed(est, args: list[Value]) -> Value:
    result = est.func(*args)
    return (result if isinstance(result, Value) else Value._lift(result)).to(est.unit).central()


def own_range(registry: Registry, key: str) -> Value | None:
    """The range an estimate's formula sets by itself (e.g. a factor with two sources), its
    inputs at their central values; None when it has none. The range that its inputs bring is
    not counted here: those inputs are drivers of their own."""
    if key not in registry.estimates:
        return None
    est = registry.estimates[key]
    result = est.func(*[central(registry, i) for i in est.inputs])
    if isinstance(result, Value) and result.has_range:
        return result.to(est.unit)
    return None


def ranged_inputs(registry: Registry, key: str) -> list[str]:
    """Inputs of `key` (itself included for an estimate) that carry a range of their own."""
    candidates = [key, *sorted(registry._all_inputs(key))] if key in registry.estimates \
        else [key]
    out = []
    for name in candidates:
        if name in registry.parameters:
            if registry.parameters[name].value.has_range:
                out.append(name)
        elif own_range(registry, name) is not None:
            out.append(name)
    return out


def bound_together(registry: Registry, key: str) -> list[set[str]]:
    """Inputs that the formula of `key` moves bound with bound (``a.together(b, …)``): the
    propagation treats them as one scenario, so must the drivers."""
    import ast
    import inspect
    import textwrap

    est = registry.estimates.get(key)
    if est is None or "together" not in est.func.__code__.co_names:
        return []
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(est.func)))
    except (OSError, SyntaxError):   # a lambda, or no source: every input is bound
        return [set(est.inputs)]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "together":
            parts = [node.func.value, *node.args[:1]]
            names = {n.id for part in parts for n in ast.walk(part) if isinstance(n, ast.Name)}
            if len(names & set(est.inputs)) > 1:
                found.append(names & set(est.inputs))
    return found


def _groups(registry: Registry, key: str, names: list[str]) -> list[tuple[str, ...]]:
    """Inputs of one scenario move together: same source and same location in it, or bound
    bound with bound by a formula on the way to `key` (Value.together)."""
    tags: dict[str, tuple] = {}
    for name in names:
        if name in registry.parameters:
            p = registry.parameters[name]
            tags[name] = ("p", p.source, p.locator)
        else:
            tags[name] = ("e", name)
    # Merge the scenarios of inputs that a formula binds together (union of their tags).
    alias: dict[tuple, tuple] = {}

    def root(tag: tuple) -> tuple:
        while tag in alias:
            tag = alias[tag]
        return tag

    ranged = set(names)
    for est in [key, *sorted(registry._all_inputs(key))]:
        for bound in bound_together(registry, est):
            members = set()
            for b in bound:
                members |= ({b} | set(registry._all_inputs(b))) & ranged
            roots = sorted({root(tags[m]) for m in members})
            for other in roots[1:]:
                alias[other] = roots[0]
    groups: dict[tuple, list[str]] = {}
    for name in names:
        groups.setdefault(root(tags[name]), []).append(name)
    return [tuple(v) for v in groups.values()]


def drivers(registry: Registry, key: str) -> list[Driver]:
    """The drivers of the range of `key`, largest share first (empty when it has no range)."""
    value = registry.value(key)
    if not value.has_range:
        return []
    _mid, low, high = value.magnitudes()
    digits = (registry.sig(key) or 2) + 1
    if f"{low:.{digits}g}" == f"{high:.{digits}g}":
        return []   # a range that does not show at the figure's precision has no drivers
    unit = registry.unit(key)
    swings = []
    for group in _groups(registry, key, ranged_inputs(registry, key)):
        ends = []
        for bound in ("low", "high"):
            overrides = {}
            for name in group:
                # A parameter moves over its range; an estimate over the range its formula
                # sets by itself (the range its inputs bring is theirs).
                v = registry.value(name) if name in registry.parameters \
                    else own_range(registry, name)
                q = getattr(v, bound)
                overrides[name] = Value(q, q, q)
            ends.append(evaluate(registry, key, overrides, {}).mid.to(unit).magnitude)
        swings.append((group, abs(ends[1] - ends[0])))
    total = sum(s * s for _g, s in swings)
    if total == 0:
        return []
    out = [Driver(g, s, s * s / total) for g, s in swings if s > 0]
    return sorted(out, key=lambda d: -d.share)
