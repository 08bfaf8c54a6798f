"""A finished chart: checked for overlapping text, saved as deterministic SVG that carries its
own data (CSV, in the SVG's Dublin Core description) so the site can offer both downloads."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from itertools import combinations

import matplotlib
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.ticker import Formatter
from matplotlib.transforms import Bbox

from ..typography import typeset
from .style import STYLE, ChartError

# What drawn text may reach past the figure's edges, in inches: the saved SVG is cropped to
# what is drawn, and a chart wider than WIDTH is shown smaller on a phone (style.py).
MAX_OVERFLOW = 0.1
CSV_COLUMNS = ("libelle", "identifiant", "valeur", "bas", "haut", "unite")


class SVG:
    """An SVG image for Jupyter (image/svg+xml), without date nor random ids."""

    def __init__(self, data: str, rows: list[dict] | None = None):
        self.data = data
        self.rows = rows or []

    def _repr_svg_(self) -> str:
        return self.data


@dataclass
class Boxes:
    """What must not overlap in a chart: texts, legends and bars, in display pixels."""
    texts: list = field(default_factory=list)
    bars: list = field(default_factory=list)


def _boxes(fig: Figure) -> Boxes:
    """What the figure's last draw placed (the caller draws first)."""
    renderer = fig._get_renderer()
    found = Boxes()
    legends = [a for a in fig.findobj(Legend) if a.get_visible()]
    skipped = {id(t) for leg in legends for t in leg.findobj(Text)} | _undrawn_tick_labels(fig)
    for text in fig.findobj(Text):
        if id(text) in skipped or not text.get_visible() or not text.get_text().strip():
            continue
        found.texts.append((text.get_text(), text.get_window_extent(renderer)))
    for leg in legends:
        found.texts.append(("légende", leg.get_window_extent(renderer)))
    for ax in fig.axes:
        frame = ax.get_window_extent(renderer)
        for patch in ax.patches:
            if isinstance(patch, Rectangle) and patch.get_visible() and patch.get_width() and \
                    patch.get_height():
                # What is drawn of a bar is clipped to its axes (a log axis starts it at -inf).
                shown = Bbox.intersection(patch.get_window_extent(renderer), frame)
                if shown is not None:
                    found.bars.append(shown)
    return found


def _undrawn_tick_labels(fig: Figure) -> set[int]:
    """Tick labels that matplotlib keeps but does not draw (ticks outside the view)."""
    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            drawn = {id(t) for t in axis._update_ticks()}
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if id(tick) not in drawn:
                    hidden |= {id(tick.label1), id(tick.label2)}
    return hidden


def _overlap(a, b, margin: float = 0.5) -> bool:
    return (a.x0 + margin < b.x1 and b.x0 + margin < a.x1 and
            a.y0 + margin < b.y1 and b.y0 + margin < a.y1)


def overlaps(fig: Figure, drawn: bool = False) -> list[str]:
    """Pairs of texts that overlap each other, and texts that cover a bar, in French; `drawn`:
    the figure is drawn as it is now (nothing changed since its last draw)."""
    if not drawn:
        fig.draw_without_rendering()
    boxes = _boxes(fig)
    found = [f"« {a} » chevauche « {b} »"
             for (a, box_a), (b, box_b) in combinations(boxes.texts, 2) if _overlap(box_a, box_b)]
    found += [f"« {name} » couvre une barre"
              for name, box in boxes.texts for bar in boxes.bars if _overlap(box, bar)]
    return sorted(set(found))


def _fit_axis_labels(fig: Figure) -> bool:
    """An axis label wider than its axes, centred under it, runs off the figure (and the saved
    SVG grows wider, which shrinks all its text on a phone): break it before its parenthesis.
    True if a label was broken (the figure is laid out again, not drawn)."""
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    width, wrapped = fig.bbox.width, False
    for ax in fig.axes:
        for label in (ax.xaxis.label, ax.yaxis.label):
            box = label.get_window_extent(renderer)
            if label.get_text() and (box.x0 < -0.5 or box.x1 > width + 0.5) and \
                    " (" in label.get_text():
                label.set_text(label.get_text().replace(" (", "\n(", 1))
                wrapped = True
    if wrapped:
        fig.tight_layout()
    return wrapped


def overflow(fig: Figure, drawn: bool = False) -> float:
    """How far, in inches, what is drawn reaches past the figure's width (0 if it fits);
    `drawn` as for `overlaps`."""
    if not drawn:
        fig.draw_without_rendering()
    box = fig.get_tightbbox(fig._get_renderer())
    return max(0.0, -box.x0) + max(0.0, box.x1 - fig.get_figwidth())


def rows_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in CSV_COLUMNS})
    return out.getvalue()


def french(text: str) -> str:
    """A chart's text in French typography, as the pages' (typography.typeset), with « … »
    for three dots; mathtext (between « $ ») is left as written."""
    if "$" in text:
        return text
    return typeset(text).replace("...", "…")


class _FrenchTicks(Formatter):
    """An axis' tick labels, in French typography: matplotlib writes them again from the
    axis' formatter each time it draws (ax.set_yticks(pos, labels) makes such a formatter)."""

    def __init__(self, inner: Formatter):
        self.inner = inner

    def __call__(self, x, pos=None) -> str:
        return french(self.inner(x, pos))

    def format_ticks(self, values) -> list[str]:
        return [french(label) for label in self.inner.format_ticks(values)]

    def set_locs(self, locs) -> None:
        self.inner.set_locs(locs)

    def get_offset(self) -> str:
        return french(self.inner.get_offset())


def _typeset_texts(fig: Figure) -> None:
    """Every text of the chart (titles, axis labels, tick labels, legends, annotations)."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for formatter, setter in ((axis.get_major_formatter(), axis.set_major_formatter),
                                      (axis.get_minor_formatter(), axis.set_minor_formatter)):
                if not isinstance(formatter, _FrenchTicks):
                    setter(_FrenchTicks(formatter))
    for text in fig.findobj(Text):
        written = text.get_text()
        if written != french(written):
            text.set_text(french(written))


def to_svg(fig: Figure, title: str, rows: list[dict]) -> SVG:
    """Check the chart and save it, its texts in French typography. Overlapping text, or text
    that runs past the figure's width (the SVG would be shown smaller, its text under 10 px on
    a phone), stops the build with a French message."""
    title = french(title)
    _typeset_texts(fig)
    if _fit_axis_labels(fig):  # drawn there, then laid out again: drawn once more
        fig.draw_without_rendering()
    problems = overlaps(fig, drawn=True)
    if problems:
        raise ChartError(f"graphique « {title} » : texte superposé : " + " ; ".join(problems) +
                         ". Raccourcissez les libellés, agrandissez la figure ou déplacez la "
                         "légende.")
    extra = overflow(fig, drawn=True)
    if extra > MAX_OVERFLOW:
        raise ChartError(f"graphique « {title} » : le texte dépasse la largeur de la figure de "
                         f"{extra * 2.54:.1f} cm ; sur un téléphone, tout le graphique serait "
                         "réduit et son texte illisible. Raccourcissez les libellés ou le titre.")
    buf = io.StringIO()
    with matplotlib.rc_context(STYLE):
        fig.savefig(buf, format="svg", bbox_inches="tight",
                    metadata={"Date": None, "Creator": None, "Title": title,
                              "Description": rows_csv(rows)})
    return SVG(buf.getvalue(), rows)
