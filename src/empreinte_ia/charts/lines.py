"""Line charts: a yearly series whose last points may be projected ranges."""

from __future__ import annotations

from ..registry import Registry
from ..units import french_unit, ureg
from .axes import french_axis
from .output import to_svg
from .style import color, new_figure, styled
from .values import magnitude, rows


@styled
def timeline(registry: Registry, points: list[tuple[int, str]], unit: str, title: str,
             range_label: str = "fourchette projetée", category: str | None = None):
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
    fig = new_figure()
    ax = fig.subplots()
    measured = [i for i, (lo, hi) in enumerate(zip(lows, highs, strict=False)) if lo == hi]
    ranged = [i for i, (lo, hi) in enumerate(zip(lows, highs, strict=False)) if lo != hi]
    ax.plot([years[i] for i in measured], [mids[i] for i in measured], marker="o",
            color=color(category), label="estimations publiées")
    for i in ranged:
        j = i - 1
        ax.fill_between([years[j], years[i]], [mids[j], lows[i]], [mids[j], highs[i]],
                        color=color("projection"), alpha=0.3, linewidth=0)
        ax.errorbar([years[i]], [mids[i]], yerr=[[mids[i] - lows[i]], [highs[i] - mids[i]]],
                    fmt="o", color=color("projection"), capsize=5, label=range_label)
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_ylabel(french_unit(target))
    ax.set_xlabel("année")
    ax.set_ylim(bottom=0)
    french_axis(ax, "y")
    fig.suptitle(title)
    ax.legend(frameon=False, loc="upper left")
    fig.tight_layout()
    labels = [str(y) for y, _key in points]
    return to_svg(fig, title, rows(registry, [k for _y, k in points], labels, target))
