"""How every chart looks: phone-sized figures, one palette with meaning, deterministic SVG.

Drawn for a phone: a chart 4.8 inches wide shown 342 px wide (a 390 px screen) keeps its
smallest text, 11 points, above 10 px. The browser tests measure it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import matplotlib
from matplotlib.figure import Figure

P = ParamSpec("P")
R = TypeVar("R")

WIDTH = 4.8
STYLE = {
    "svg.hashsalt": "empreinte-ia",
    "svg.fonttype": "path",
    "font.size": 11,
    "axes.titlesize": 12,
    "figure.titlesize": 12,
    "axes.labelsize": 11,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "figure.figsize": (WIDTH, 3.6),
    "axes.spines.top": False,
    "axes.spines.right": False,
}

# One colour per thing, the same in every chart of the book (Okabe & Ito's palette, which
# stays distinct for the common forms of colour blindness). A chart that names no category
# draws all its bars in NEUTRAL: colour never changes without a meaning.
PALETTE = {
    "entrainement": "#0072B2",   # training
    "utilisation": "#D55E00",    # using a model (inference)
    "texte": "#E69F00",
    "image": "#009E73",
    "video": "#CC79A7",
    "france": "#56B4E9",
    "etats_unis": "#A6361C",
    "centres": "#6A5ACD",        # data centres
    "projection": "#F0A35E",     # projected ranges
    "comparaison": "#9AA5AD",    # everyday comparisons (a car, a flight, a household)
}
NEUTRAL = "#0072B2"

# What each category means, for legends and for the contributors' guide.
CATEGORY_NAMES = {
    "entrainement": "entraînement",
    "utilisation": "utilisation",
    "texte": "texte",
    "image": "image",
    "video": "vidéo",
    "france": "France",
    "etats_unis": "États-Unis",
    "centres": "centres de données",
    "projection": "projection",
    "comparaison": "comparaison de la vie courante",
}


class ChartError(ValueError):
    """A chart that cannot be drawn as asked (unknown category, overlapping text)."""


def color(category: str | None) -> str:
    if category is None:
        return NEUTRAL
    try:
        return PALETTE[category]
    except KeyError:
        raise ChartError(f"catégorie de couleur « {category} » inconnue ; catégories "
                         f"possibles : {', '.join(PALETTE)}") from None


def colors(categories: list[str | None] | None, n: int) -> list[str]:
    if categories is None:
        return [NEUTRAL] * n
    if len(categories) != n:
        raise ChartError(f"{len(categories)} catégories pour {n} barres : donnez-en une par barre")
    return [color(c) for c in categories]


def styled(draw: Callable[P, R]) -> Callable[P, R]:
    """Draw a whole chart under STYLE: matplotlib reads the sizes of axes, ticks and labels
    when it creates them (subplots, set_yticks, drawing), not when the figure is created."""
    @functools.wraps(draw)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with matplotlib.rc_context(STYLE):
            return draw(*args, **kwargs)
    return wrapper


def new_figure(height: float | None = None, width: float = WIDTH) -> Figure:
    """A figure outside pyplot's global state (nothing to close, nothing shared)."""
    with matplotlib.rc_context(STYLE):
        return Figure(figsize=(width, height if height is not None else STYLE["figure.figsize"][1]))
