"""Incremental builds that never leave a faulty or stale page in the published folder.

- A page that had a problem is read again at the next build (Sphinx repeats a reading warning
  only for pages that changed), and, when the strict build fails, its HTML is taken out of
  the published folder: nothing faulty stays in _build/html.
- Adding, renaming or removing a chapter reads every page again (the navigation of every page
  and the links to that chapter change), and the HTML of a removed page is deleted.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


class ProblemPages(logging.Filter):
    """Notes the page of every warning, on its way out (after Sphinx has located it)."""

    def __init__(self, app: Sphinx):
        super().__init__()
        self.app = app

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            location = str(getattr(record, "location", "") or "")
            path = location.rsplit(":", 1)[0] if location.rsplit(":", 1)[-1].isdigit() \
                else location
            env = getattr(self.app, "env", None)
            if path and env is not None:
                try:
                    docname = env.path2doc(path)
                except (ValueError, OSError):
                    docname = None
                if docname:
                    _problems(env).add(docname)
        return True


def _problems(env: BuildEnvironment) -> set[str]:
    if not hasattr(env, "empreinte_problems"):
        env.empreinte_problems = set()
    return env.empreinte_problems


def faulty(env: BuildEnvironment, docname: str) -> bool:
    """Whether a warning named this page in this build (its HTML will be taken out)."""
    return docname in _problems(env)


def install(app: Sphinx) -> None:
    flt = ProblemPages(app)
    for handler in logging.getLogger("sphinx").handlers:
        handler.addFilter(flt)


def on_builder_inited(app: Sphinx) -> None:
    env = app.env
    env.empreinte_problems_before = set(getattr(env, "empreinte_problems", set()))
    env.empreinte_problems = set()
    env.empreinte_removed = set()


def on_env_get_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                        removed: set[str]) -> list[str]:
    env.empreinte_removed = set(removed)
    if added or removed:
        return sorted(env.found_docs)
    return sorted(env.empreinte_problems_before & env.found_docs)


def on_env_merge_info(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment):
    _problems(env).update(getattr(other, "empreinte_problems", set()))


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if app.builder.format != "html":
        return
    out = Path(app.outdir)
    gone = set(getattr(app.env, "empreinte_removed", set()))
    failed = getattr(app, "_warncount", 0) and getattr(app, "_fail_on_warnings", False)
    if failed or exception is not None:
        gone |= _problems(app.env)
    for docname in gone:
        target = out / app.builder.get_target_uri(docname)
        if target.suffix == ".html" and target.is_file():
            target.unlink()
