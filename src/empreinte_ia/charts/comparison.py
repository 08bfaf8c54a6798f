"""Per-query figures as published and brought to one common scope, side by side.

Two bars per figure: the value as its source publishes it (neutral shade) and the same
figure converted to the common scope (colour of « utilisation »), with the range the
conversion adds as an error bar. Figures that cannot be placed are left out of the chart
(the comparison page lists them apart, never as a reference point).
"""

from __future__ import annotations

from ..comparison import Conversion
from ..units import french_unit, ureg
from .axes import french_axis
from .output import SVG, to_svg
from .style import color, new_figure

PUBLISHED = "tel que publié"
CONVERTED = "ramené au périmètre commun"


def _light(hex_color: str) -> tuple:
    from matplotlib.colors import to_rgb

    return tuple(1 - (1 - c) * 0.45 for c in to_rgb(hex_color))


def two_columns(conversions: list[Conversion], labels: list[str], title: str,
                unit: str = "Wh/query") -> SVG:
    """Horizontal bars on a log scale: each placed figure as published, then converted."""
    target = ureg.Unit(unit)
    placed = [(c, label) for c, label in zip(conversions, labels, strict=True) if c.placed]
    fig = new_figure(0.62 * len(placed) + 1.9)
    ax = fig.subplots()
    height = 0.38
    data = []
    for i, (c, label) in enumerate(placed):
        for offset, value, name, fill in (
                (-height / 2, c.published, PUBLISHED, _light(color(None))),
                (height / 2, c.converted, CONVERTED, color("utilisation"))):
            mid, low, high = value.magnitudes(target)
            ax.barh(i + offset, mid, height=height * 0.95, color=fill,
                    xerr=[[mid - low], [high - mid]] if high > low else None, capsize=3,
                    label=name if i == 0 else None)
            ranged = high > low
            data.append({"libelle": f"{label}, {name}", "identifiant": c.key,
                         "valeur": f"{mid:.6g}", "bas": f"{low:.6g}" if ranged else "",
                         "haut": f"{high:.6g}" if ranged else "", "unite": french_unit(target)})
    ax.set_yticks(range(len(placed)), [label for _c, label in placed])
    ax.invert_yaxis()
    ax.set_xlabel(french_unit(target) + " (échelle logarithmique)")
    french_axis(ax, "x", log=True)
    ax.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncols=1, fontsize=10,
              borderaxespad=0.2)
    fig.suptitle(title)
    fig.tight_layout()
    return to_svg(fig, title, data)


def drivers_chart(registry, key: str, labels: dict[str, str], title: str) -> SVG:
    """What drives the range of `key`: one bar per driver, its share of the variance in %.

    `labels` gives a short name per input id; inputs of one scenario share one bar."""
    from ..sensitivity import drivers

    found = drivers(registry, key)
    names = [" et ".join(labels.get(i, i) for i in d.ids) for d in found]
    shares = [100 * d.share for d in found]
    fig = new_figure(0.5 * len(found) + 1.4)
    ax = fig.subplots()
    ax.barh(range(len(found)), shares, color=color("utilisation"))
    ax.set_yticks(range(len(found)), names)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("part de la variance (%)")
    french_axis(ax, "x")
    fig.suptitle(title)
    fig.tight_layout()
    data = [{"libelle": n, "identifiant": "+".join(d.ids), "valeur": f"{s:.6g}", "bas": "",
             "haut": "", "unite": "%"} for n, d, s in zip(names, found, shares, strict=True)]
    return to_svg(fig, title, data)
