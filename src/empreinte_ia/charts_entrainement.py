"""Charts of the chapter « Entraîner un modèle »: log-scale comparisons, Llama 3 chain."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, LogLocator

from .charts import COLORS, STYLE, WIDTH, error_bars, magnitude, to_svg
from .formatting import format_number
from .registry import Registry
from .units import french_unit, strip_counts, ureg


def _french_log_ticks(ax, axis: str = "x") -> None:
    fmt = FuncFormatter(lambda x, _pos: format_number(x, 1) if x > 0 else "0")
    a = ax.xaxis if axis == "x" else ax.yaxis
    a.set_major_locator(LogLocator(base=10))
    a.set_major_formatter(fmt)
    a.set_minor_formatter(FuncFormatter(lambda _x, _pos: ""))


def log_bars(registry: Registry, keys: list[str], labels: list[str], unit: str, title: str,
             highlight: list[str] | None = None):
    """Horizontal bars on a log scale, with ranges; `highlight` keys drawn in the first colour,
    the others (everyday comparisons) in a neutral one."""
    target = ureg.Unit(unit)
    highlight = highlight or []
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(WIDTH, 0.5 * len(keys) + 1.6))
        mids, lows, highs = error_bars(registry, keys, target)
        colors = [COLORS[0] if key in highlight else "#9aa5ad" for key in keys]
        pos = list(range(len(keys)))
        ax.barh(pos, mids, xerr=[lows, highs], color=colors, capsize=3)
        ax.set_yticks(pos, labels)
        ax.invert_yaxis()
        ax.set_xscale("log")
        _french_log_ticks(ax, "x")
        ax.set_xlabel(f"{french_unit(target)} (échelle logarithmique)")
        fig.suptitle(title)
        fig.tight_layout()
        return to_svg(fig)


def chain(registry: Registry, panels: list[tuple], labels: list[str], title: str):
    """Horizontal bar panels, one under the other, one per step of a calculation.

    panels: (panel title, unit, keys[, axis label]), one key per label, in the same order in
    each panel; the axis label defaults to the French name of the unit.
    """
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(len(panels), 1,
                                 figsize=(WIDTH, len(panels) * (0.45 * len(labels) + 1.3)))
        pos = list(range(len(labels)))
        for ax, panel in zip(axes, panels):
            name, unit, keys = panel[:3]
            target = ureg.Unit(unit)
            mids = [magnitude(registry.value(k).mid, target) for k in keys]
            ax.barh(pos, mids, color=[COLORS[j % len(COLORS)] for j in pos])
            ax.set_title(name)
            ax.set_xlabel(panel[3] if len(panel) > 3
                          else french_unit(strip_counts(1 * target).units) or name)
            ax.xaxis.set_major_formatter(
                FuncFormatter(lambda x, _p: format_number(x, 2) if x else "0"))
            ax.locator_params(axis="x", nbins=3)
            ax.set_yticks(pos, labels)
            ax.invert_yaxis()
        fig.suptitle(title)
        fig.tight_layout()
        return to_svg(fig)
