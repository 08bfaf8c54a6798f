"""Grouped bar chart for the chapters « fonctionnement » and « ordres de grandeur »."""

from __future__ import annotations

import matplotlib.pyplot as plt

from .charts import COLORS, STYLE, french_ticks, magnitude, to_svg
from .formatting import format_number
from .registry import Registry
from .units import french_unit, ureg


def grouped_bars(registry: Registry, groups: list[tuple[str, list[str]]], series: list[str],
                 unit: str, title: str, log: bool = False, annotate: bool = True):
    """Vertical bars, one group per label, one bar per series (same order in every group).

    `groups` is a list of (group label, [registry key for each series]).
    """
    target = ureg.Unit(unit)
    n_series = len(series)
    width = 0.8 / n_series
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots()
        for s, name in enumerate(series):
            xs, heights = [], []
            for g, (_label, keys) in enumerate(groups):
                xs.append(g - 0.4 + width * (s + 0.5))
                heights.append(magnitude(registry.value(keys[s]).mid, target))
            bars = ax.bar(xs, heights, width=width * 0.95, color=COLORS[s % len(COLORS)],
                          label=name)
            if annotate:
                for bar, h in zip(bars, heights):
                    ax.annotate(format_number(h, 2), (bar.get_x() + bar.get_width() / 2, h),
                                ha="center", va="bottom",
                                xytext=(0, 2), textcoords="offset points")
        ax.set_xticks(range(len(groups)), [label for label, _keys in groups])
        ax.set_ylabel(french_unit(target))
        if log:
            ax.set_yscale("log")
            ax.set_ylim(bottom=1)
        else:
            french_ticks(ax, "y")
        ax.legend(frameon=False, loc="upper left")
        fig.suptitle(title)
        fig.tight_layout()
        return to_svg(fig)
