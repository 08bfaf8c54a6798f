"""Apples and pears: figures of different scopes may not sit side by side unconverted.

A sentence (one line of a chapter), a table, a chart or a group of the contradiction tables
that shows two per-query figures whose scope tags differ (boundary, bench or production,
carbon or water accounting) must show them on one scope: with the {converti} role in prose,
`ramener: oui` in data/contradictions.yaml, or the converted values in a chart. Figures without
scope tags (totals, ratios, training) are not concerned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .comparison import COMMON_BOUNDARY
from .registry import Registry
from .scope import Scope, kind_of

# Roles that show a registry figure as it is published, and the role that shows it converted.
FIGURE_ROLES = ("chiffre", "nombre", "plage")
CONVERTED_ROLE = "converti"
_ROLE = re.compile(r"\{(" + "|".join((*FIGURE_ROLES, CONVERTED_ROLE)) + r")\}`([^`<]+?)(?:\s*<([^>]+)>)?`")
_FENCE = re.compile(r"^\s*(```|~~~)")
COMMON_KEY = ("common",)


@dataclass(frozen=True)
class Clash:
    line: int
    message: str   # French, with the fix


def _key(scope: Scope | None, converted: bool) -> tuple | None:
    if scope is None:
        return None
    if converted:
        return (COMMON_BOUNDARY, "production", scope.carbon, scope.water)
    return scope.key()


def describe(registry: Registry, key: str) -> str:
    scope = registry.scope(key)
    return f"« {key} » ({scope.short()})" if scope else f"« {key} »"


def clash(registry: Registry, keys: list[str], converted: set[str] = frozenset()) -> str | None:
    """French description of the first pair of figures with different scopes, or None."""
    seen: list[tuple[str, tuple]] = []
    for k in keys:
        if k not in registry:
            continue
        scope_key = _key(registry.scope(k), k in converted)
        if scope_key is None:
            continue
        # Energy is compared with energy, carbon with carbon, water with water.
        scope_key = (kind_of(registry.unit(k)), *scope_key)
        for other, other_key in seen:
            if other_key[0] == scope_key[0] and other_key != scope_key:
                a = describe(registry, other) + (" ramené au périmètre commun" if other in converted else "")
                b = describe(registry, k) + (" ramené au périmètre commun" if k in converted else "")
                diff = registry.scope(other).differences(registry.scope(k)) \
                    if other not in converted and k not in converted else ["périmètre"]
                return f"{a} et {b} n'ont pas le même {', '.join(diff)}"
        seen.append((k, scope_key))
    return None


def _figures(text: str) -> list[tuple[str, str]]:
    """(role, key) of every figure role in a piece of text."""
    out = []
    for m in _ROLE.finditer(text):
        target = (m.group(3) or m.group(2)).strip()
        out.append((m.group(1), target.split()[0] if target else ""))
    return out


def check_text(text: str, registry: Registry) -> list[Clash]:
    """Sentences (lines) and pipe tables of a chapter that put unconverted scopes side by side."""
    found: list[Clash] = []
    lines = text.splitlines()
    in_code = False
    table: list[tuple[int, str]] = []

    def judge(number: int, chunk: str, what: str) -> None:
        figures = _figures(chunk)
        converted = {k for r, k in figures if r == CONVERTED_ROLE}
        # A figure shown as published and also converted in the same sentence or table has
        # its conversion in view: it is judged by its converted value.
        keys = [k for r, k in figures if r == CONVERTED_ROLE or k not in converted]
        problem = clash(registry, keys, converted)
        if problem:
            found.append(Clash(number, f"{what} met côte à côte des chiffres de périmètres "
                                       f"différents : {problem}. Correction : montrez-les ramenés "
                                       "au même périmètre avec le rôle {converti}`identifiant` "
                                       "(voir la page « Comparer ce qui est comparable »), ou "
                                       "séparez-les."))

    for number, line in enumerate(lines, start=1):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        if line.lstrip().startswith("|"):
            table.append((number, line))
            continue
        if table:
            judge(table[0][0], "\n".join(t for _n, t in table), "ce tableau")
            table = []
        judge(number, line, "cette phrase")
    if table:
        judge(table[0][0], "\n".join(t for _n, t in table), "ce tableau")
    return found
