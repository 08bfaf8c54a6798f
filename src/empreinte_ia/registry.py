"""The registry: every parameter and every estimate, each defined once.

An estimate is a Python function whose argument names are the ids of its inputs
(parameters or other estimates). Its provenance is derived from those names.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pint

from .datafile import DataError, relative
from .parameters import Parameter, load_parameters
from .scope import Scope, ScopeError, check_kind, kind_of, parse_scope
from .sources import Reference, load_references
from .units import UnitError, parse_unit
from .value import Value


@dataclass(frozen=True)
class Estimate:
    id: str
    label: str
    unit: pint.Unit
    formula: str
    sig: int
    func: Callable = field(repr=False)
    inputs: tuple[str, ...]
    path: str
    line: int
    chapter: str = ""
    # Scope tags of a per-query figure (see scope.py), given as @estimate(..., scope={...}).
    scope: Scope | None = None


DEFINITIONS: dict[str, Estimate] = {}


def estimate(id: str, *, unit: str, label: str, formula: str, sig: int = 2,
             scope: dict | None = None) -> Callable:
    """Register a function as the estimate `id` (see module docstring).

    `scope` holds the « perimetre » tags (same keys as in data/parameters) of a figure per
    query, image or video; it is required for those and validated like the data files."""

    def register(func: Callable) -> Callable:
        path = relative(Path(inspect.getsourcefile(func)))
        line = inspect.getsourcelines(func)[1]
        try:
            parsed = parse_unit(unit)
        except UnitError as exc:
            raise DataError(path, line, f"estimation « {id} » : {exc}",
                            "corrigez l'unité passée à @estimate") from exc
        if id in DEFINITIONS and DEFINITIONS[id].path != path:
            other = DEFINITIONS[id]
            raise DataError(path, line, f"l'estimation « {id} » est déjà définie "
                            f"({other.path}, ligne {other.line})", "choisissez un autre id")
        inputs = tuple(inspect.signature(func).parameters)
        kind = kind_of(parsed)
        tags = None
        if scope is None and kind is not None:
            raise DataError(path, line, f"l'estimation « {id} » est un chiffre par requête, "
                            "image ou vidéo sans périmètre",
                            "passez scope={\"frontiere\": [...], \"statistique\": ..., "
                            "\"modele\": ..., \"methode\": ...} à @estimate")
        if scope is not None:
            try:
                tags = parse_scope(scope)
                if kind is not None:
                    check_kind(tags, kind)
            except ScopeError as exc:
                raise DataError(path, line, f"estimation « {id} » : {exc.message}",
                                exc.fix) from None
        DEFINITIONS[id] = Estimate(id, label, parsed, formula, sig, func, inputs, path, line,
                                   func.__module__.rsplit(".", 1)[-1], tags)
        return func

    return register


def _import_estimates() -> None:
    from . import estimates

    for info in pkgutil.iter_modules(estimates.__path__):
        importlib.import_module(f"{estimates.__name__}.{info.name}")


class Registry:
    """Parameters and estimates; values are computed on demand and cached."""

    def __init__(self, parameters: dict[str, Parameter], estimates: dict[str, Estimate],
                 references: dict[str, Reference]):
        self.parameters = parameters
        self.estimates = estimates
        self.references = references
        self._values: dict[str, Value] = {}
        self._inputs_cache: dict[str, frozenset[str]] = {}
        clash = set(parameters) & set(estimates)
        if clash:
            name = sorted(clash)[0]
            e = estimates[name]
            raise DataError(e.path, e.line, f"« {name} » est à la fois un paramètre et une "
                            "estimation", "renommez l'estimation")

    # -- lookup --------------------------------------------------------------------------
    def __contains__(self, key: str) -> bool:
        return key in self.parameters or key in self.estimates

    def ids(self) -> list[str]:
        return sorted(self.parameters) + sorted(self.estimates)

    def entry(self, key: str) -> Parameter | Estimate:
        if key in self.parameters:
            return self.parameters[key]
        if key in self.estimates:
            return self.estimates[key]
        raise KeyError(key)

    def label(self, key: str) -> str:
        return self.entry(key).label

    def unit(self, key: str) -> pint.Unit:
        return self.entry(key).unit

    def scope(self, key: str) -> Scope | None:
        """The scope tags of a per-query figure, or None."""
        return self.entry(key).scope

    def sig(self, key: str) -> int | None:
        return self.entry(key).sig

    def value(self, key: str, _stack: tuple[str, ...] = ()) -> Value:
        if key in self._values:
            return self._values[key]
        if key in self.parameters:
            result = self.parameters[key].value
        elif key in self.estimates:
            result = self._compute(self.estimates[key], _stack)
        else:
            raise KeyError(key)
        self._values[key] = result
        return result

    def _compute(self, est: Estimate, stack: tuple[str, ...]) -> Value:
        if est.id in stack:
            cycle = " → ".join(stack + (est.id,))
            raise DataError(est.path, est.line, f"dépendance circulaire : {cycle}",
                            "une estimation ne peut pas dépendre d'elle-même")
        args = []
        for name in est.inputs:
            if name not in self:
                raise DataError(est.path, est.line,
                                f"l'estimation « {est.id} » utilise « {name} », qui n'est ni un "
                                "paramètre ni une estimation",
                                "corrigez le nom de l'argument ou ajoutez le paramètre dans data/")
            args.append(self.value(name, stack + (est.id,)))
        result = est.func(*args)
        if not isinstance(result, Value):
            result = Value._lift(result)
        try:
            return result.to(est.unit)
        except pint.DimensionalityError as exc:
            raise DataError(est.path, est.line,
                            f"l'estimation « {est.id} » donne des « {result.units:~} », "
                            f"incompatibles avec l'unité déclarée « {est.unit:~} »",
                            "vérifiez la formule ou l'unité déclarée") from exc

    # -- provenance ----------------------------------------------------------------------
    def inputs(self, key: str) -> tuple[str, ...]:
        return self.estimates[key].inputs if key in self.estimates else ()

    def parameters_of(self, key: str) -> list[str]:
        """Every parameter an entry depends on, transitively (a parameter: itself)."""
        if key in self.parameters:
            return [key]
        seen: list[str] = []
        for name in self.inputs(key):
            for p in self.parameters_of(name):
                if p not in seen:
                    seen.append(p)
        return seen

    def sources_of(self, key: str) -> list[str]:
        out: list[str] = []
        for p in self.parameters_of(key):
            s = self.parameters[p].source
            if s not in out:
                out.append(s)
        return out

    def dependents(self, key: str) -> list[str]:
        """Estimates that use `key`, directly or not."""
        return [e for e in sorted(self.estimates) if key in self._all_inputs(e)]

    def _all_inputs(self, key: str) -> frozenset[str]:
        """Every entry `key` depends on, directly or not (memoised: the graph is fixed)."""
        if key not in self._inputs_cache:
            out: set[str] = set()
            for name in self.inputs(key):
                out |= {name} | self._all_inputs(name)
            self._inputs_cache[key] = frozenset(out)
        return self._inputs_cache[key]

    def check(self) -> None:
        """Compute every estimate once, so that any error shows up at load time."""
        for key in sorted(self.estimates):
            self.value(key)

    @cached_property
    def chapters(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for e in self.estimates.values():
            out.setdefault(e.chapter, []).append(e.id)
        return out


def data_dir_default() -> Path:
    return Path(__file__).resolve().parents[2] / "data"


def load_registry(data_dir: Path | str | None = None) -> Registry:
    """Load data/ (parameters, bibliography) and the estimates; check everything."""
    data = Path(data_dir) if data_dir else data_dir_default()
    references = load_references(data / "references.bib")
    parameters = load_parameters(data / "parameters", references)
    _import_estimates()
    registry = Registry(parameters, dict(DEFINITIONS), references)
    registry.check()
    return registry
