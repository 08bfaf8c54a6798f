"""Charts drawn from the registry, grouped by kind: bars (bars.py), lines (lines.py).

Every chart uses the same look and palette (style.py: one colour per thing across the book,
colour-blind safe), one tick formatter (axes.py: French plain numbers on linear and log
axes), and the same output (output.py: overlapping text refused, deterministic SVG that
carries its data as CSV). No pyplot: each chart is its own matplotlib Figure.
"""

from .axes import french_axis, tick_label
from .bars import bars, grouped_bars, panels
from .lines import timeline
from .output import SVG, ChartError, overlaps, to_svg
from .style import CATEGORY_NAMES, NEUTRAL, PALETTE, STYLE, WIDTH, color, new_figure, styled
from .values import error_bars, magnitude, rows

__all__ = ["CATEGORY_NAMES", "NEUTRAL", "PALETTE", "STYLE", "SVG", "WIDTH", "ChartError",
           "bars", "color", "error_bars", "french_axis", "grouped_bars", "magnitude",
           "new_figure", "overlaps", "panels", "rows", "styled", "tick_label", "timeline",
           "to_svg"]
