"""The extension's state: one object per Sphinx application, created at ``builder-inited``."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError

from .. import __version__
from ..citation import Site
from ..claims import Verdict, verdicts
from ..datafile import DataError
from ..prose import load_names
from ..registry import Registry, load_registry

PACKAGE_DIR = Path(__file__).resolve().parents[1]


@dataclass
class State:
    """What every role, directive and event handler reads: loaded once per build."""

    registry: Registry
    verdicts: dict[str, Verdict]
    names: list[str]              # proper names allowed in the prose
    watched: list[Path]           # data and code files every page depends on
    site: Site


_STATES: weakref.WeakKeyDictionary[Sphinx, State] = weakref.WeakKeyDictionary()


def watched_files(data: Path) -> list[Path]:
    files = [p for p in sorted(data.rglob("*")) if p.is_file()]
    files += sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)
    return files


def site_of(app: Sphinx) -> Site:
    return Site(app.config.project, __version__, app.config.empreinte_build_date,
                app.config.html_baseurl)


def on_builder_inited(app: Sphinx) -> None:
    """Loads the registry and the verdicts; stops the build with a French message if invalid."""
    data = Path(app.config.empreinte_data_dir)
    try:
        registry = load_registry(data)
    except DataError as exc:
        raise ExtensionError(f"Données invalides — {exc}") from None
    try:
        by_id = {v.claim.id: v for v in verdicts(registry, data / "claims")}
    except DataError as exc:
        raise ExtensionError(f"Affirmations invalides — {exc}") from None
    _STATES[app] = State(registry, by_id, load_names(data / "noms_propres.yaml"),
                         watched_files(data), site_of(app))


def state(app_or_env: Sphinx | BuildEnvironment) -> State:
    """The state of the running build, from the application or its environment."""
    app = app_or_env.app if isinstance(app_or_env, BuildEnvironment) else app_or_env
    return _STATES[app]
