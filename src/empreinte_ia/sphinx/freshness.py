"""Incremental builds that never leave a faulty or stale page in the published folder.

- A page that had a problem is read again at the next build (Sphinx repeats a reading warning
  only for pages that changed), and, when the strict build fails, its HTML is taken out of
  the published folder: nothing faulty stays in _build/html.
- Adding, renaming or removing a chapter reads every page again (the navigation of every page
  and the links to that chapter change), and the HTML of a removed page is deleted.
- After every build, what no page of this build publishes leaves the folder, even when the
  environment that knew the old pages is gone (`_build/doctrees` deleted, another branch, a
  new Sphinx): HTML pages that are neither a document of the environment nor written by this
  build, files of `_images/` and `_downloads/` that no page links to, and files of the
  releases' pages (`v/`, all written again at each build) that this build did not write.
  The theme's `_static/` is left alone.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from urllib.parse import unquote

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
    env.empreinte_written = set()
    # The releases' pages are all written at each build: older files there are stale.
    env.empreinte_started = time.time() - 1


def on_html_page_context(app: Sphinx, pagename: str, templatename, context, doctree) -> None:
    """Notes every page this build writes (documents, index, search, 404…)."""
    app.env.empreinte_written.add(pagename)


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
    if exception is None:
        remove_stale(app)


# Folders of the published site that no build cleans, and a link into them from a page.
_LEFT_ALONE = ("_static", "v")
_RELEASES = "v"
_ASSETS = ("_images", "_downloads")
_ASSET_LINK = re.compile(r"(?<![\w.-])((?:_images|_downloads)/[^\"'\s?#<>)]+)")


def remove_stale(app: Sphinx) -> list[Path]:
    """Pages and files of earlier builds that this build no longer publishes, deleted;
    returns them."""
    out = Path(app.outdir)
    env = app.env
    pages = {app.builder.get_target_uri(doc) for doc in env.all_docs}
    pages |= {f"{name}{app.builder.out_suffix}"
              for name in getattr(env, "empreinte_written", set())}
    gone, linked = [], set()
    for page in sorted(out.rglob("*.html")):
        name = page.relative_to(out).as_posix()
        if name.split("/", 1)[0] in _LEFT_ALONE:
            continue
        if name not in pages:
            gone.append(page)
            continue
        for link in _ASSET_LINK.findall(page.read_text(encoding="utf-8", errors="replace")):
            linked.add(unquote(link))
    for folder in _ASSETS:
        for path in sorted((out / folder).rglob("*")):
            if path.is_file() and path.relative_to(out).as_posix() not in linked:
                gone.append(path)
    started = getattr(env, "empreinte_started", None)
    if started is not None:
        gone += [path for path in sorted((out / _RELEASES).rglob("*"))
                 if path.is_file() and path.stat().st_mtime < started]
    for path in gone:
        path.unlink()
    for folder in {path.parent for path in gone}:
        while folder != out and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return gone
