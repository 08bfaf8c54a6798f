"""Per-query energy figures brought to one common scope, with the conversion shown.

The common scope is Google's « comprehensive » boundary (accelerators, host, idle capacity,
data-centre overhead; A+B+C+D) measured in production. A figure with a narrower scope is
multiplied by one factor per missing stage; each factor is an estimate of the registry, with
the sources and the range it brings. A figure without a published method is never converted.
"""

from __future__ import annotations

from dataclasses import dataclass

from .registry import Registry
from .scope import Scope, kind_of
from .units import Q_
from .value import Value, correlated_product, independent_product

COMMON_BOUNDARY = ("A", "B", "C", "D")
COMMON_LABEL = "accélérateurs, serveur hôte, capacité en réserve et surcoût du centre de données, en service réel"


@dataclass(frozen=True)
class Step:
    stage: str       # "production" or a letter of the ladder
    label: str       # French, what the step adds
    factor: str      # id of the estimate holding the factor


STEPS = (
    Step("production", "passer du banc d'essai au service réel", "scope_factor_production"),
    Step("B", "ajouter le serveur hôte", "scope_factor_host"),
    Step("C", "ajouter la capacité en réserve", "scope_factor_idle"),
    Step("D", "ajouter le surcoût du centre de données", "scope_factor_overhead"),
)
# Estimates shown on the comparison page besides the parameters (figures a source publishes
# per token or through its assumptions, recomputed per query).
CONVERTED_SIG = 2
# Share of the draws that the range « if the factors were independent » covers.
COVERAGE = 0.9
COMPARED_ESTIMATES = ("epoch_energy_recomputed", "mlenergy_llama8b_per_response")


@dataclass(frozen=True)
class Conversion:
    key: str
    scope: Scope
    published: Value
    steps: tuple[tuple[Step, Value], ...]
    converted: Value | None    # None when the figure cannot be placed
    reason: str                # French, why it cannot be placed ("" when placed)

    @property
    def placed(self) -> bool:
        return self.converted is not None

    @property
    def factor(self) -> Value:
        """The product of the steps' factors (1 when the figure is already on the common scope)."""
        out = Value.of(1, unit="")
        for _step, v in self.steps:
            out = out * v
        return out

    def _factors(self) -> list[Value] | None:
        """The published figure and the factors of the conversion, when at least two of them
        have a range (with one, the way they depend on each other changes nothing)."""
        if not self.placed or not self.steps:
            return None
        factors = [self.published] + [v for _step, v in self.steps]
        return factors if sum(f.has_range for f in factors) >= 2 else None

    def independent(self) -> Value | None:
        """The converted figure if the published value and the factors varied independently,
        each uniformly over its range: the interval of COVERAGE of the draws (or None)."""
        factors = self._factors()
        if factors is None:
            return None
        low, high = independent_product(factors, COVERAGE)
        unit = self.converted.units
        return Value(self.converted.mid, low.to(unit), high.to(unit))

    def correlated(self) -> Value | None:
        """The same interval when they all move together (full correlation), or None. The
        range of `converted` is this case with every factor at its bound."""
        factors = self._factors()
        if factors is None:
            return None
        low, high = correlated_product(factors, COVERAGE)
        unit = self.converted.units
        return Value(self.converted.mid, low.to(unit), high.to(unit))

    def widening(self) -> float | None:
        """How many times wider COVERAGE of the draws spread under full correlation than with
        independent factors."""
        ind, cor = self.independent(), self.correlated()
        if ind is None or cor is None:
            return None
        _m, ilow, ihigh = ind.magnitudes()
        _m, clow, chigh = cor.magnitudes()
        return (chigh - clow) / (ihigh - ilow) if ihigh > ilow else None

    def spread(self) -> tuple[float, float]:
        """High ÷ low of the figure as published and once converted: the range the conversion adds."""
        def ratio(v: Value) -> float:
            _m, low, high = v.magnitudes()
            return high / low if low else float("inf")
        return ratio(self.published), ratio(self.converted) if self.converted else float("nan")


def convert(registry: Registry, key: str, unit: str = "Wh/query") -> Conversion:
    """Bring the per-query energy `key` to the common scope."""
    scope = registry.scope(key)
    if scope is None:
        raise KeyError(f"« {key} » n'a pas de périmètre")
    published = registry.value(key).to(unit)
    if kind_of(registry.unit(key)) != "energy":
        return Conversion(key, scope, published, (), None,
                          "émissions et eau dépendent de la comptabilité retenue, pas seulement "
                          "du périmètre : elles ne sont pas converties")
    if not scope.method_published or scope.boundary is None:
        return Conversion(key, scope, published, (), None, "aucune méthode publiée")
    if set(scope.boundary) - set(COMMON_BOUNDARY):
        return Conversion(key, scope, published, (), None,
                          "périmètre de cycle de vie : l'énergie d'usage n'est pas publiée à part")
    steps = []
    for step in STEPS:
        needed = (scope.utilisation == "banc") if step.stage == "production" \
            else step.stage not in scope.boundary
        if needed:
            steps.append((step, registry.value(step.factor)))
    converted = published
    for _step, factor in steps:
        converted = converted * factor
    return Conversion(key, scope, published, tuple(steps), converted.to(unit), "")


def compared_keys(registry: Registry) -> list[str]:
    """Every per-query energy figure of the registry that the comparison page shows."""
    keys = []
    for key in sorted(registry.parameters) + list(COMPARED_ESTIMATES):
        unit = registry.unit(key)
        if kind_of(unit) != "energy":
            continue
        try:
            Q_(1, unit).to("Wh/query")
        except Exception:  # noqa: BLE001 - per image or per video
            continue
        keys.append(key)
    return keys


def comparison(registry: Registry) -> list[Conversion]:
    """All compared figures, placed ones by converted value, then those that cannot be placed."""
    rows = [convert(registry, k) for k in compared_keys(registry)]
    placed = sorted((r for r in rows if r.placed), key=lambda r: r.converted.magnitudes()[0])
    others = sorted((r for r in rows if not r.placed), key=lambda r: r.key)
    return placed + others


# -- French wording --------------------------------------------------------------------------
def converted_text(registry: Registry, conv: Conversion, with_range: bool = True) -> str:
    """« 0,24 Wh par requête (0,13 à 0,27 Wh par requête) », or why it cannot be placed."""
    from .formatting import format_value

    if not conv.placed:
        return f"non placé : {conv.reason}"
    # A converted figure carries the uncertainty of its factors: two significant digits.
    return format_value(conv.converted, CONVERTED_SIG, with_range=with_range and conv.converted.has_range)


def step_texts(registry: Registry, conv: Conversion) -> list[str]:
    """One line per step: « × 1,4 (1 à 1,4) pour passer du banc d'essai au service réel, d'après
    Elsworth et al. (2025) »."""
    from .formatting import format_number

    out = []
    for step, factor in conv.steps:
        mid, low, high = factor.magnitudes()
        text = f"× {format_number(mid, 2)}"
        if high > low:
            text += f" ({format_number(low, 2)} à {format_number(high, 2)})"
        sources = [registry.references[s].short() for s in registry.sources_of(step.factor)]
        text += f" pour {step.label}, d'après {', '.join(sources)}"
        out.append(text)
    return out


def independent_text(conv: Conversion) -> str:
    """« 90 % des tirages entre 0,16 et 0,23 Wh par requête si les facteurs varient
    indépendamment, entre 0,14 et 0,27 Wh par requête s'ils varient ensemble : une fourchette
    1,9 fois plus large », or "" when the dependence of the factors changes nothing."""
    from .formatting import format_number, format_range

    ind, cor, widening = conv.independent(), conv.correlated(), conv.widening()
    if ind is None or cor is None or widening is None:
        return ""
    def span(v: Value) -> str:
        mid, low, high = v.magnitudes()
        return format_range(low, high, v.units, CONVERTED_SIG, mid)

    return (f"{format_number(COVERAGE * 100, 2)} % des tirages : {span(ind)} si les facteurs "
            f"varient indépendamment, {span(cor)} s'ils varient ensemble, une fourchette "
            f"{format_number(widening, 2)} fois plus large")
