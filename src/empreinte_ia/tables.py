"""Tables of registry entries for chapters (pandas), formatted in French."""

from __future__ import annotations

import pandas as pd

from .display import render
from .registry import Registry


def entries(registry: Registry, keys: list[str], labels: list[str] | None = None) -> pd.DataFrame:
    rows = []
    for i, key in enumerate(keys):
        sources = ", ".join(registry.references[s].short() for s in registry.sources_of(key))
        rows.append({
            "Grandeur": labels[i] if labels else registry.label(key),
            "Valeur": render(registry, key, "chiffre"),
            "Fourchette": render(registry, key, "plage") if registry.value(key).has_range else "—",
            "Sources": sources,
        })
    return pd.DataFrame(rows)


def show(df: pd.DataFrame):
    """A table as HTML without index, for a notebook cell's output."""
    from IPython.display import HTML

    from .typography import typeset

    df = df.map(lambda cell: typeset(cell) if isinstance(cell, str) else cell)
    df.columns = [typeset(str(c)) for c in df.columns]
    return HTML(df.to_html(index=False, border=0, classes="table"))
