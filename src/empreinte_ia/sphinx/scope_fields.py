"""The comparison fields of an annex entry: the scope tags of a per-query figure, what a ratio
of such figures compares, and what drives a figure's range (sensitivity.drivers)."""

from __future__ import annotations

from docutils import nodes

from ..formatting import format_number
from ..registry import Registry
from ..sensitivity import drivers
from ..side_by_side import RATIO_KINDS
from .nodes import joined, link, para


def scope_field(registry: Registry, key: str) -> nodes.Node | None:
    """The scope tags of a per-query figure, for its annex entry."""
    scope = registry.scope(key)
    if scope is None:
        return None
    tags = nodes.bullet_list()
    for name, text in scope.describe():
        tags += nodes.list_item("", para(f"{name} : {text}"))
    return tags


def ratio_field(env, registry: Registry, key: str) -> nodes.Node | None:
    """What the registry knows of a ratio of per-query figures: of one scope, converted to one,
    the gap between two, or across scopes (side_by_side.RatioScope)."""
    r = registry.ratio_scope(key)
    if r is None or not (r.declared or r.differences):
        return None
    kind = RATIO_KINDS[r.declared] if r.declared else "rapport de chiffres de même périmètre"
    out = para(kind[0].upper() + kind[1:])
    if r.inherited_from:
        out += nodes.Text(", calculé à partir de ")
        out += link(env, registry, r.inherited_from)
    out += nodes.Text(" : ")
    for side, keys in enumerate((r.numerator, r.denominator)):
        if side:
            out += nodes.Text(" ÷ ")
        for i, k in enumerate(keys):
            if i:
                out += nodes.Text(", ")
            out += link(env, registry, k)
            scope = registry.scope(k)
            if scope is not None:   # always: the sides of a ratio are scoped figures
                out += nodes.Text(f" ({scope.short()})")
    if r.differences:
        out += nodes.Text(" ; ils diffèrent par : " + ", ".join(r.differences))
    if r.declared == "convertis":
        out += nodes.Text(" ; conversion : ")
        out.extend(joined([link(env, registry, f) for f in registry.estimates[key].conversion],
                          ", "))
    return out


def drivers_field(env, registry: Registry, key: str) -> nodes.Node | None:
    """« Ce qui fait varier ce chiffre »: each driver of the range and its share."""
    if key in registry.parameters:   # a parameter's range is its source's: nothing to split
        return None
    found = drivers(registry, key)
    if not found:
        return None
    out = nodes.bullet_list()
    for d in found:
        entry = para(*joined([link(env, registry, name) for name in d.ids], " et "))
        entry += nodes.Text(f" : {format_number(100 * d.share, 2)} % de la variance")
        if d.together:
            entry += nodes.Text(" (un même scénario de la source : ces entrées varient ensemble)")
        out += nodes.list_item("", entry)
    return out
