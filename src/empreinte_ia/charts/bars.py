"""Bar charts: single bars (linear or log), grouped bars, and stacked panels."""

from __future__ import annotations

from ..registry import Registry
from ..units import french_unit, strip_counts, ureg
from .axes import french_axis
from .output import to_svg
from .style import WIDTH, color, colors, new_figure, styled
from .values import check_scopes, error_bars, magnitude, rows


@styled
def bars(registry: Registry, keys: list[str], labels: list[str], unit: str, title: str,
         log: bool = False, horizontal: bool = True, ranges: bool = True,
         categories: list[str | None] | None = None, scale: float = 1.0, word: str = "",
         highlight: list[str] | None = None):
    """Bars of registry entries in one unit, with their ranges as error bars.

    categories: one palette category per bar (« entrainement », « comparaison »…), or None
    for one neutral colour; `highlight` is a shortcut: those keys « entrainement »-neutral,
    the others « comparaison ». `scale` and `word` count the axis in « milliards de litres ».
    """
    target = ureg.Unit(unit)
    if highlight is not None and categories is None:
        categories = [None if key in highlight else "comparaison" for key in keys]
    mids, lows, highs = error_bars(registry, keys, target)
    mids, lows, highs = ([x / scale for x in xs] for xs in (mids, lows, highs))
    unit_name = f"{word} de {french_unit(target, long=True)}" if word else french_unit(target)
    axis_name = unit_name + (" (échelle logarithmique)" if log else "")
    fig = new_figure(0.55 * len(keys) + 1.6 if horizontal else None)
    ax = fig.subplots()
    pos = list(range(len(keys)))
    err = [lows, highs] if ranges else None
    fill = colors(categories, len(keys))
    if horizontal:
        ax.barh(pos, mids, xerr=err, color=fill, capsize=4)
        ax.set_yticks(pos, labels)
        ax.invert_yaxis()
        ax.set_xlabel(axis_name)
        french_axis(ax, "x", log=log)
    else:
        ax.bar(pos, mids, yerr=err, color=fill, capsize=4)
        ax.set_xticks(pos, labels)
        ax.set_ylabel(axis_name)
        french_axis(ax, "y", log=log)
    fig.suptitle(title)
    fig.tight_layout()
    return to_svg(fig, title, rows(registry, keys, labels, target, scale, unit_name))


@styled
def grouped_bars(registry: Registry, groups: list[tuple[str, list[str]]], series: list[str],
                 unit: str, title: str, log: bool = False, annotate: bool = True,
                 categories: list[str | None] | None = None):
    """Vertical bars, one group per label, one bar per series (same order in every group).

    `groups` is a list of (group label, [registry key for each series]); series are told apart
    by their shade of the series' category colour and by the legend.
    """
    from ..formatting import format_number

    target = ureg.Unit(unit)
    check_scopes(registry, [k for _label, keys in groups for k in keys])
    n_series = len(series)
    width = 0.8 / n_series
    fills = colors(categories, n_series) if categories else _shades(n_series)
    fig = new_figure()
    ax = fig.subplots()
    data = []
    for s, name in enumerate(series):
        xs, heights = [], []
        for g, (label, keys) in enumerate(groups):
            xs.append(g - 0.4 + width * (s + 0.5))
            heights.append(magnitude(registry.value(keys[s]).mid, target))
            data += rows(registry, [keys[s]], [f"{label}, {name}"], target)
        drawn = ax.bar(xs, heights, width=width * 0.95, color=fills[s], label=name)
        if annotate:
            for bar, h in zip(drawn, heights, strict=False):
                ax.annotate(format_number(h, 2), (bar.get_x() + bar.get_width() / 2, h),
                            ha="center", va="bottom", xytext=(0, 2), textcoords="offset points")
    ax.set_xticks(range(len(groups)), [label for label, _keys in groups])
    ax.set_ylabel(french_unit(target))
    french_axis(ax, "y", log=log)
    if log:
        ax.set_ylim(bottom=1)
    ax.margins(y=0.25)
    ax.legend(frameon=False, loc="upper left", ncols=min(n_series, 4),
              bbox_to_anchor=(0, 1.02, 1, 0.2), mode="expand", borderaxespad=0)
    fig.suptitle(title)
    fig.tight_layout()
    return to_svg(fig, title, data)


def _shades(n: int) -> list[str]:
    """Shades of the neutral colour, light to dark, for series that are one thing in steps."""
    from matplotlib.colors import to_rgb

    base = to_rgb(color(None))
    return [tuple(1 - (1 - c) * (0.35 + 0.65 * (i + 1) / n) for c in base) for i in range(n)]


@styled
def panels(registry: Registry, panel_specs: list[tuple], labels: list, title: str,
           ranges: bool = False, categories: list | None = None):
    """Horizontal bar panels, one under the other: one per step of a calculation, or one per
    unit.

    panel_specs: (panel title, unit, keys[, axis label]); the axis label defaults to the French
    name of the unit. `labels` (and `categories`) are one list shared by every panel, or one
    list per panel.
    """
    per_panel = bool(labels) and isinstance(labels[0], (list, tuple))
    all_labels = labels if per_panel else [labels] * len(panel_specs)
    cats = categories if categories and isinstance(categories[0], (list, tuple)) \
        else [categories] * len(panel_specs)
    height = sum(0.45 * len(lab) + 1.3 for lab in all_labels)
    fig = new_figure(height)
    axes = fig.subplots(len(panel_specs), 1)
    data = []
    for ax, panel, panel_labels, panel_cats in zip(axes, panel_specs, all_labels, cats, strict=False):
        name, unit, keys = panel[:3]
        target = ureg.Unit(unit)
        pos = list(range(len(keys)))
        mids, lows, highs = error_bars(registry, keys, target)
        ax.barh(pos, mids, xerr=[lows, highs] if ranges else None,
                color=colors(panel_cats, len(keys)), capsize=4)
        ax.set_title(name)
        ax.set_xlabel(panel[3] if len(panel) > 3
                      else french_unit(strip_counts(1 * target).units) or name)
        french_axis(ax, "x", nbins=3)
        ax.set_yticks(pos, panel_labels)
        ax.invert_yaxis()
        data += rows(registry, keys, [f"{name} : {label}" for label in panel_labels], target)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return to_svg(fig, title or " / ".join(p[0] for p in panel_specs), data)


__all__ = ["WIDTH", "bars", "grouped_bars", "panels"]
