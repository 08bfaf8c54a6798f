"""Charts of the chapter « Utiliser un modèle » (sections on local models): two bar panels side
by side, each in its own unit, drawn from the registry like charts.bars."""

from __future__ import annotations

import matplotlib.pyplot as plt

from .charts import COLORS, STYLE, WIDTH, error_bars, french_ticks, to_svg
from .registry import Registry
from .units import french_unit, ureg


def _panel(ax, registry: Registry, keys: list[str], labels: list[str], unit: str, title: str,
           offset: int = 0) -> None:
    target = ureg.Unit(unit)
    mids, lows, highs = error_bars(registry, keys, target)
    pos = list(range(len(keys)))
    colors = [COLORS[(i + offset) % len(COLORS)] for i in pos]
    ax.bar(pos, mids, yerr=[lows, highs], color=colors, capsize=4)
    ax.set_xticks(pos, labels)
    ax.set_ylabel(french_unit(target))
    ax.set_title(title)
    french_ticks(ax, "y")


def two_panels(registry: Registry, left: tuple, right: tuple, title: str = ""):
    """Two bar charts, one under the other; each panel is (keys, labels, unit, title)."""
    with plt.rc_context(STYLE):
        fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(WIDTH, 6.4))
        _panel(ax1, registry, *left)
        _panel(ax2, registry, *right, offset=len(left[0]))
        if title:
            fig.suptitle(title)
        fig.tight_layout()
        return to_svg(fig)
