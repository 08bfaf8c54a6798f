"""Every data check, in one place: `make lint`, the pre-commit hooks and the build call these.

`load_data` reads and checks data/ (parameters, bibliography, claims, contradictions, proper
names) and the estimate modules; the first error is a `DataError` naming file, line and fix.
`lint_chapters` checks the prose of chapters with the same rules the build applies to the
published text (prose.quantities).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .claims import Verdict, verdicts
from .contradictions import Group, load_groups
from .datafile import DataError
from .prose import Finding, lint_text, load_names
from .registry import Registry, load_registry


@dataclass(frozen=True)
class Data:
    registry: Registry
    verdicts: dict[str, Verdict]
    groups: list[Group]
    names: list[str]


def load_data(data: Path, estimates: Path | None = None) -> Data:
    """Everything in data/ and the estimates, checked (raises DataError)."""
    registry = load_registry(data, estimates)
    found = {v.claim.id: v for v in verdicts(registry, data / "claims")}
    path = data / "contradictions.yaml"
    groups = load_groups(path, registry) if path.exists() else []
    names = load_names(data / "noms_propres.yaml")
    return Data(registry, found, groups, names)


def lint_chapter(path: Path, names: list[str], shown: str | None = None) -> list[Finding]:
    """Prose findings of one chapter; a file that is not UTF-8 is a DataError."""
    from .datafile import read_text

    return lint_text(read_text(path, shown), shown or str(path), names)


def format_error(exc: DataError) -> str:
    return f"ERREUR : {exc.text()}"


__all__ = ["Data", "DataError", "format_error", "lint_chapter", "load_data"]
