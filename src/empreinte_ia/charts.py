"""Charts drawn from the registry: deterministic SVG, French labels, readable on phones."""

from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

from .formatting import format_number
from .registry import Registry
from .units import french_unit, strip_counts, ureg

# Drawn for a phone: a chart 4.8 inches wide shown 342 px wide (a 390 px screen) keeps its
# smallest text, 11 points, above 10 px. The browser tests measure it.
WIDTH = 4.8
STYLE = {
    "svg.hashsalt": "empreinte-ia",
    "svg.fonttype": "path",
    "font.size": 11,
    "axes.titlesize": 12,
    "figure.titlesize": 12,
    "axes.labelsize": 11,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "figure.figsize": (WIDTH, 3.6),
    "axes.spines.top": False,
    "axes.spines.right": False,
}
COLORS = ["#1b6ca8", "#e07b39", "#3a923a", "#b03a48", "#7f5fa8", "#8c6d31"]


class SVG:
    """An SVG image for Jupyter (image/svg+xml), without date nor random ids."""

    def __init__(self, data: str):
        self.data = data

    def _repr_svg_(self) -> str:
        return self.data


def to_svg(fig) -> SVG:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None},
                bbox_inches="tight")
    plt.close(fig)
    return SVG(buf.getvalue())


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


_TIMES = ("second", "minute", "hour", "day", "month", "year")


def error_bars(registry: Registry, keys: list[str], target) -> tuple[list, list, list]:
    """Central values of `keys` in `target`, and how far below and above them their ranges
    reach: what matplotlib's xerr and yerr take."""
    mids, below, above = [], [], []
    for key in keys:
        v = registry.value(key)
        mid, low, high = (magnitude(q, target) for q in (v.mid, v.low, v.high))
        mids.append(mid)
        below.append(mid - low)
        above.append(high - mid)
    return mids, below, above


def french_ticks(ax, axis: str = "y", sig: int = 3) -> None:
    def tick(x, _pos):
        text = format_number(x, sig) if x else "0"
        return re.sub(r",0+(?=\D|$)", "", text)  # 20,0 → 20

    fmt = FuncFormatter(tick)
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def bars(registry: Registry, keys: list[str], labels: list[str], unit: str, title: str,
         log: bool = False, horizontal: bool = True, ranges: bool = True):
    """Bar chart of registry entries in one unit, with their ranges as error bars."""
    target = ureg.Unit(unit)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(WIDTH, 0.55 * len(keys) + 1.6) if horizontal else None)
        mids, lows, highs = error_bars(registry, keys, target)
        pos = range(len(keys))
        err = [lows, highs] if ranges else None
        colors = [COLORS[i % len(COLORS)] for i in pos]
        if horizontal:
            ax.barh(list(pos), mids, xerr=err, color=colors, capsize=4)
            ax.set_yticks(list(pos), labels)
            ax.invert_yaxis()
            ax.set_xlabel(french_unit(target))
            if log:
                ax.set_xscale("log")
            else:
                french_ticks(ax, "x")
        else:
            ax.bar(list(pos), mids, yerr=err, color=colors, capsize=4)
            ax.set_xticks(list(pos), labels)
            ax.set_ylabel(french_unit(target))
            if log:
                ax.set_yscale("log")
            else:
                french_ticks(ax, "y")
        fig.suptitle(title)
        fig.tight_layout()
        return to_svg(fig)
