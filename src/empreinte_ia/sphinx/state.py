"""The extension's state: one object per Sphinx application, created at ``builder-inited``."""

from __future__ import annotations

import sys
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .. import __version__
from ..bibliography import note_access_dates
from ..checks import format_error, load_data
from ..citation import Site
from ..claims import Verdict
from ..datafile import DataError
from ..registry import Registry

PACKAGE_DIR = Path(__file__).resolve().parents[1]


@dataclass
class State:
    """What every role, directive and event handler reads: loaded once per build."""

    registry: Registry
    verdicts: dict[str, Verdict]
    names: list[str]              # proper names allowed in the prose
    watched: list[Path]           # data and code files every page depends on
    site: Site
    chart_csv: dict[str, str] = field(default_factory=dict)  # written next to the pages


# Keyed by the build environment, which roles, directives and handlers all reach.
_STATES: weakref.WeakKeyDictionary[BuildEnvironment, State] = weakref.WeakKeyDictionary()


def watched_files(data: Path) -> list[Path]:
    files = [p for p in sorted(data.rglob("*")) if p.is_file()]
    files += sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)
    return files


def site_of(app: Sphinx) -> Site:
    return Site(app.config.project, __version__, app.config.empreinte_build_date,
                app.config.html_baseurl)


class DataStop(SystemExit):
    """Bad data: the French message is printed, the build stops with status 1 and nothing
    else (no traceback, no Sphinx crash report asking to report a bug to Sphinx)."""


def stop(exc: DataError) -> DataStop:
    sys.stderr.write(f"\n{format_error(exc)}\n\nERREUR : la construction s'arrête : rien n'est "
                     "publié tant que cette erreur n'est pas corrigée.\n")
    sys.stderr.flush()
    return DataStop(1)


def on_builder_inited(app: Sphinx) -> None:
    """Loads and checks data/ and the estimates (the checks of `make lint`, checks.py); a
    mistake stops the build with its French message, file, line and fix."""
    data = Path(app.config.empreinte_data_dir)
    estimates = app.config.empreinte_estimates_dir or None
    try:
        loaded = load_data(data, Path(estimates) if estimates else None)
    except DataError as exc:
        raise stop(exc) from None
    note_access_dates(loaded.registry.parameters.values())
    _STATES[app.env] = State(loaded.registry, loaded.verdicts, loaded.names,
                             watched_files(data), site_of(app))


def state(app_or_env: Sphinx | BuildEnvironment) -> State:
    """The state of the running build, from the application or its environment."""
    env = app_or_env if isinstance(app_or_env, BuildEnvironment) else app_or_env.env
    return _STATES[env]
