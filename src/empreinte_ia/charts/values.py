"""Registry values brought to a chart's unit, and the rows of data a chart carries."""

from __future__ import annotations

from ..registry import Registry
from ..units import strip_counts, ureg

_TIMES = ("second", "minute", "hour", "day", "month", "year")


def magnitude(quantity, target) -> float:
    """Magnitude in `target`, counted things left out (per user, per charge…); a rate is
    taken over one unit of its own time (Wh per day → Wh in a day, t per year → t in a year)."""
    target = ureg.Unit(target) if isinstance(target, str) else target
    target = strip_counts(1 * target).units
    q = strip_counts(quantity)
    if q.dimensionality != (1 * target).dimensionality:
        rate = [n for n, p in q.units._units.items() if p == -1 and n in _TIMES]
        if rate:
            q = q * ureg.Unit(rate[0])
    return float(q.to(target).magnitude)


def error_bars(registry: Registry, keys: list[str], target) -> tuple[list, list, list]:
    """Central values of `keys` in `target`, and how far below and above them their ranges
    reach: what matplotlib's xerr and yerr take. Per-query figures of different scopes are
    refused (charts.comparison draws them brought to one scope)."""
    check_scopes(registry, keys)
    mids, below, above = [], [], []
    for key in keys:
        v = registry.value(key)
        mid, low, high = (magnitude(q, target) for q in (v.mid, v.low, v.high))
        mids.append(mid)
        below.append(mid - low)
        above.append(high - mid)
    return mids, below, above


def check_scopes(registry: Registry, keys: list[str]) -> None:
    from ..side_by_side import clash
    from .style import ChartError

    problem = clash(registry, keys)
    if problem:
        raise ChartError(f"graphique : {problem}. Correction : tracez ces chiffres ramenés au "
                         "même périmètre avec charts.comparison.two_columns, ou séparez-les.")


def rows(registry: Registry, keys: list[str], labels: list[str], target, scale: float = 1.0,
         unit_name: str = "") -> list[dict]:
    """The data behind a chart, one row per bar or point, for its CSV download."""
    from ..units import french_unit

    target = ureg.Unit(target) if isinstance(target, str) else target
    out = []
    for key, label in zip(keys, labels, strict=False):
        v = registry.value(key)
        mid, low, high = (magnitude(q, target) / scale for q in (v.mid, v.low, v.high))
        ranged = low != high
        out.append({"libelle": " ".join(str(label).split()), "identifiant": key,
                    "valeur": f"{mid:.6g}", "bas": f"{low:.6g}" if ranged else "",
                    "haut": f"{high:.6g}" if ranged else "",
                    "unite": unit_name or french_unit(target)})
    return out
