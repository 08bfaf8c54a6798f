"""One tick formatter for every axis, linear or logarithmic: French plain numbers
(0,1 · 1 · 10 · 1 000 · 1 000 000), never 10⁻¹ or 1e6."""

from __future__ import annotations

import math

from babel.numbers import format_decimal
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter


def tick_label(x: float) -> str:
    """A tick value as a French reader writes it: no exponent, no useless decimals."""
    if x == 0 or not math.isfinite(x):
        return "0"
    # Ticks are round numbers: six significant digits are always enough, trailing zeros go.
    digits = max(0, 5 - math.floor(math.log10(abs(x))))
    rounded = round(x, digits)
    return format_decimal(rounded, format="#,##0." + "#" * digits if digits else "#,##0",
                          locale="fr")


# A log axis shorter than this ratio of its ends gets ticks at 1, 2 and 5 of each decade.
SHORT_SPAN = 100


def french_axis(ax, axis: str = "y", log: bool = False, nbins: int | None = None) -> None:
    """Set the scale and French tick labels of one axis of `ax`."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    if log:
        (ax.set_yscale if axis == "y" else ax.set_xscale)("log")
        # Plain numbers are wide (1 000 000): at most four labelled decades on a phone. An
        # axis spanning one or two decades would show one or two labels: 1 and 3 (or 1, 2 and
        # 5 within one decade) of each decade are labelled too, so that a bar can be read.
        ax.autoscale_view()
        low, high = ax.get_ylim() if axis == "y" else ax.get_xlim()
        span = high / low if low > 0 else math.inf
        subs = (1.0, 2.0, 5.0) if span < 10 else (1.0, 3.0) if span < SHORT_SPAN else (1.0,)
        target.set_major_locator(LogLocator(base=10, subs=subs, numticks=4 if axis == "x" else 6))
        target.set_minor_formatter(NullFormatter())
    elif nbins:
        target.set_major_locator(MaxNLocator(nbins=nbins))
    target.set_major_formatter(FuncFormatter(lambda x, _pos: tick_label(x)))
