"""Apples and pears: figures of different scopes may not sit side by side unconverted.

A sentence (one line of a chapter), a table, a chart or a group of the contradiction tables
that shows two per-query figures whose scope tags differ (boundary, bench or production,
carbon or water accounting) must show them on one scope: with the {converti} role in prose,
`ramener: oui` in data/contradictions.yaml, or the converted values in a chart.

A ratio of two such figures (« dix fois une recherche Google ») is refused at load time unless
its estimate declares what it is (`perimetres=` in @estimate, see ratio_problem); a ratio
declared across scopes, or a figure computed from one, is shown only in a sentence that says
the scopes differ.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .comparison import COMMON_BOUNDARY
from .registry import Registry
from .scope import Scope, kind_of
from .sensitivity import central, evaluate

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
        if _SAYS_SCOPE.search(chunk):
            return
        for _role, k in figures:
            r = registry.ratio_scope(k) if k in registry else None
            if r is not None and r.across:
                what_it_is = (f"calculé à partir du rapport « {r.inherited_from} »"
                              if r.inherited_from else "rapport")
                found.append(Clash(number, f"{what} montre « {k} », {what_it_is} entre chiffres "
                                           f"de périmètres différents "
                                           f"({', '.join(r.numerator)} ÷ "
                                           f"{', '.join(r.denominator)}), sans dire que les "
                                           "périmètres diffèrent. "
                                           "Correction : dites-le dans la même phrase (le mot "
                                           "« périmètre » doit y figurer), ou montrez un rapport "
                                           "ramené au même périmètre (estimation déclarée "
                                           "perimetres=\"convertis\")."))
                return

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


# -- ratios of figures of different scopes ---------------------------------------------------
# « Dix fois une recherche Google » divides a figure of one scope by a figure of another. The
# registry finds the per-query figures a ratio rests on (its inputs, through the estimates that
# have no scope of their own), and on which side of the fraction each one stands: the figure is
# doubled and the ratio recomputed (×2 above, ÷2 below). Two figures of different scopes on
# the two sides make a ratio across scopes, which the estimate must declare.
RATIO_KINDS = {
    "differents": "rapport de chiffres de périmètres différents, montré comme tel",
    "ecart": "écart entre deux périmètres d'une même mesure",
    "convertis": "rapport de chiffres ramenés au même périmètre",
}
_SIDE = 0.25    # |log2 of the change| beyond which a figure stands on one side of the fraction
_SAYS_SCOPE = re.compile(r"périmètre", re.I)


@dataclass(frozen=True)
class RatioScope:
    key: str
    numerator: tuple[str, ...]      # per-query figures above the fraction bar
    denominator: tuple[str, ...]    # and below
    differences: tuple[str, ...]    # French names of the tags on which the two sides differ
    declared: str | None            # the estimate's `perimetres`, or inherited "differents"
    inherited_from: str | None = None   # the ratio across scopes this figure is computed from

    @property
    def across(self) -> bool:
        """A ratio of figures of different scopes, not brought to one scope."""
        return self.declared == "differents"


def _scoped(registry: Registry, key: str) -> bool:
    return registry.scope(key) is not None


def frontier(registry: Registry, key: str) -> list[str]:
    """Per-query figures and declared ratios `key` rests on, through estimates with neither."""
    out: list[str] = []
    stack = list(registry.inputs(key))
    seen: set[str] = set()
    while stack:
        name = stack.pop(0)
        if name in seen:
            continue
        seen.add(name)
        if _scoped(registry, name) or (name in registry.estimates
                                        and registry.estimates[name].scopes):
            out.append(name)
        else:
            stack.extend(registry.inputs(name))
    return out


def _side(registry: Registry, key: str, name: str) -> int:
    """+1 when `name` stands above the fraction bar of `key`, −1 below, 0 neither."""
    base = central(registry, key).mid.magnitude
    doubled = registry.value(name).central() * 2
    moved = evaluate(registry, key, {name: doubled}, {}).mid.magnitude
    if not base or not math.isfinite(base) or not math.isfinite(moved) or not moved:
        return 0
    change = math.log2(abs(moved / base))
    return 1 if change > _SIDE else -1 if change < -_SIDE else 0


def _compared(a: Scope, b: Scope) -> list[str]:
    """French names of the tags on which two figures of one ratio differ. Carbon and water
    accounting are compared only between two figures that both have one (an intensity, carbon
    per energy, has one on one side only)."""
    names = {"boundary": "périmètre", "utilisation": "utilisation",
             "carbon": "comptabilité du carbone", "water": "eau comptée"}
    out = []
    for name in COMPARED_RATIO:
        x, y = getattr(a, name), getattr(b, name)
        if name in ("carbon", "water") and (x is None or y is None):
            continue
        if x != y:
            out.append(names[name])
    return out


COMPARED_RATIO = ("boundary", "utilisation", "carbon", "water")


def ratio_scope(registry: Registry, key: str) -> RatioScope | None:
    """What `key` is as a ratio of per-query figures, or None (a parameter, a figure with its
    own scope, an estimate that divides no per-query figure by another)."""
    if key not in registry.estimates or _scoped(registry, key):
        return None
    est = registry.estimates[key]
    nodes = frontier(registry, key)
    if not est.scopes:
        for name in nodes:
            inner = registry.ratio_scope(name) if name in registry.estimates else None
            if inner is not None and inner.across:
                return RatioScope(key, inner.numerator, inner.denominator, inner.differences,
                                  "differents", inner.inherited_from or name)
    figures = [n for n in nodes if _scoped(registry, n)]
    sides = {n: _side(registry, key, n) for n in figures}
    above = tuple(n for n in figures if sides[n] > 0)
    below = tuple(n for n in figures if sides[n] < 0)
    differences: list[str] = []
    for a in above:
        for b in below:
            for d in _compared(registry.scope(a), registry.scope(b)):
                if d not in differences:
                    differences.append(d)
    if not (above and below) and not est.scopes:
        return None
    return RatioScope(key, above, below, tuple(differences), est.scopes)


def _needed(scope: Scope) -> set[str]:
    """Factors that bring a figure to the common scope of the comparison page."""
    from .comparison import STEPS

    out = set()
    for step in STEPS:
        if (scope.utilisation == "banc") if step.stage == "production" \
                else step.stage not in (scope.boundary or ()):
            out.add(step.factor)
    return out


def _conversion_problem(registry: Registry, r: RatioScope) -> str | None:
    """Why the declared conversion does not bring the two sides to one scope, or None."""
    from .comparison import STEPS

    est = registry.estimates[r.key]
    known = {s.factor for s in STEPS}
    unknown = [f for f in est.conversion if f not in known]
    if unknown:
        return (f"« {unknown[0]} » n'est pas un facteur de conversion (facteurs : "
                + ", ".join(sorted(known)) + ")")
    missing = [f for f in est.conversion if f not in registry._all_inputs(r.key)]
    if missing:
        return f"le facteur « {missing[0]} » est déclaré mais n'entre pas dans le calcul"
    declared = set(est.conversion)
    for a in r.numerator:
        for b in r.denominator:
            sa, sb = registry.scope(a), registry.scope(b)
            if sa.boundary is None or sb.boundary is None:
                return f"« {a if sa.boundary is None else b} » n'a pas de méthode publiée : " \
                       "aucune conversion ne le place"
            if _needed(sa) - declared != _needed(sb) - declared:
                rest = sorted((_needed(sa) ^ _needed(sb)) - declared)
                return ("la conversion déclarée ne ramène pas « " + a + " » et « " + b
                        + " » au même périmètre (il manque " + ", ".join(rest) + ")"
                        if rest else "la conversion déclarée compte un facteur de trop")
            if not declared <= (_needed(sa) ^ _needed(sb)):
                return "la conversion déclarée compte un facteur que les deux côtés partagent"
    return None


def ratio_problem(registry: Registry, key: str) -> tuple[str, str] | None:
    """(message, fix) in French when the ratio `key` mixes scopes without saying so."""
    r = registry.ratio_scope(key)
    if r is None or r.inherited_from:
        return None
    pair = (", ".join(describe(registry, k) for k in r.numerator) + " divisé par "
            + ", ".join(describe(registry, k) for k in r.denominator))
    if r.declared is None:
        if not r.differences:
            return None
        return (f"l'estimation « {key} » rapporte deux chiffres de périmètres différents "
                f"({pair} ; ils diffèrent par : {', '.join(r.differences)}) sans le déclarer",
                "ramenez-les au même périmètre en multipliant par les facteurs de la page "
                "« Comparer ce qui est comparable » et déclarez perimetres=\"convertis\", "
                "conversion=(…) ; ou, si le rapport doit être montré tel qu'il circule, "
                "déclarez perimetres=\"differents\" et dites dans le texte que les périmètres "
                "diffèrent")
    if not (r.numerator and r.denominator):
        return (f"l'estimation « {key} » déclare perimetres=\"{r.declared}\" mais ne divise "
                "pas un chiffre par requête par un autre", "retirez perimetres=…")
    if not r.differences:
        return (f"l'estimation « {key} » déclare perimetres=\"{r.declared}\" mais ses chiffres "
                f"({pair}) ont le même périmètre", "retirez perimetres=… et conversion=…")
    if r.declared == "ecart":
        for a in r.numerator:
            for b in r.denominator:
                sa, sb = registry.scope(a), registry.scope(b)
                if (sa.model, sa.statistic) != (sb.model, sb.statistic):
                    return (f"l'estimation « {key} » déclare un écart de périmètre d'une même "
                            f"mesure, mais « {a} » et « {b} » n'ont pas le même modèle ou la "
                            "même statistique",
                            "déclarez perimetres=\"differents\" ou \"convertis\"")
    if r.declared == "convertis":
        problem = _conversion_problem(registry, r)
        if problem:
            return (f"l'estimation « {key} » ({pair}) : {problem}",
                    "nommez dans conversion=(…) exactement les facteurs qui manquent au côté "
                    "le plus étroit, et multipliez-le par eux dans la formule")
    return None


def check_ratios(registry: Registry) -> None:
    """Refuse (DataError: file, line, fix) the first ratio that mixes scopes without saying so."""
    from .datafile import DataError

    for key in sorted(registry.estimates):
        problem = ratio_problem(registry, key)
        if problem:
            est = registry.estimates[key]
            raise DataError(est.path, est.line, *problem)
