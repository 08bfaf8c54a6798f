"""Charts of the chapter on data centres: a yearly series whose last points may be ranges."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

from .charts import COLORS, STYLE, WIDTH, magnitude, to_svg
from .formatting import format_number
from .registry import Registry
from .units import french_unit, ureg


def timeline(registry: Registry, points: list[tuple[int, str]], unit: str, title: str,
             range_label: str = "fourchette projetée"):
    """Line of registry entries by year; an entry with a range is drawn as a shaded band
    from the previous point, with an error bar at its year."""
    target = ureg.Unit(unit)
    years, mids, lows, highs = [], [], [], []
    for year, key in points:
        value = registry.value(key)
        years.append(year)
        mids.append(magnitude(value.mid, target))
        lows.append(magnitude(value.low, target))
        highs.append(magnitude(value.high, target))
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots()
        measured = [i for i, (lo, hi) in enumerate(zip(lows, highs)) if lo == hi]
        ranged = [i for i, (lo, hi) in enumerate(zip(lows, highs)) if lo != hi]
        ax.plot([years[i] for i in measured], [mids[i] for i in measured], marker="o",
                color=COLORS[0], label="estimations publiées")
        for i in ranged:
            j = i - 1
            ax.fill_between([years[j], years[i]], [mids[j], lows[i]], [mids[j], highs[i]],
                            color=COLORS[1], alpha=0.25, linewidth=0)
            ax.errorbar([years[i]], [mids[i]], yerr=[[mids[i] - lows[i]], [highs[i] - mids[i]]],
                        fmt="o", color=COLORS[1], capsize=5, label=range_label)
        ax.set_xticks(years, [str(y) for y in years])
        ax.set_ylabel(french_unit(target))
        ax.set_xlabel("année")
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(FuncFormatter(_tick))
        fig.suptitle(title)
        ax.legend(frameon=False, loc="upper left")
        fig.tight_layout()
        return to_svg(fig)


def _tick(x: float, _pos=None) -> str:
    """A tick label with no useless decimals: 25, 175, 2,5."""
    if x == 0:
        return "0"
    if float(x).is_integer():
        return format_number(x, len(str(int(abs(x)))))
    return format_number(x, max(2, 1 + int(math.floor(math.log10(abs(x)))) + 1))


def bars_scaled(registry: Registry, keys: list[str], labels: list[str], unit: str, title: str,
                scale: float = 1.0, word: str = ""):
    """Horizontal bars without ranges; with `scale` and `word` the axis is counted in
    « milliards de litres » so that tick labels stay short."""
    target = ureg.Unit(unit)
    mids = [magnitude(registry.value(key).mid, target) / scale for key in keys]
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(WIDTH, 0.55 * len(keys) + 1.6))
        pos = list(range(len(keys)))
        ax.barh(pos, mids, color=[COLORS[i % len(COLORS)] for i in pos])
        ax.set_yticks(pos, labels)
        ax.invert_yaxis()
        ax.set_xlabel(f"{word} de {french_unit(target, long=True)}" if word
                      else french_unit(target))
        ax.xaxis.set_major_formatter(FuncFormatter(_tick))
        fig.suptitle(title)
        fig.tight_layout()
        return to_svg(fig)
