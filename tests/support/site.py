"""Build a small site in this process, as `make html` would, and read back its French messages.

    from tests.support.site import build_small_site

    result = build_small_site(tmp_path, {"page.md": "# Page\\n\\n{chiffre}`inconnu`\\n"})
    assert not result.ok
    assert "chiffre inconnu « inconnu »" in result.messages
    assert result.has("page.md:3", "Correction")      # every fragment, in one message

`chapters` maps file names (relative to the source folder, ``.md``) to their text (or to bytes,
written as they are: a chapter in another encoding); an
``index.md`` listing them in a toctree is written unless you give one. The annexes are left out
(their two hundred entries make a build slow) unless ``annexes=True`` (all three) or a tuple of
their names, e.g. ``annexes=("verification",)``: roles still link to them, as the links are
computed, not checked. `data` is the data folder to read: by default a
fresh copy of the project's data/ in ``tmp_path / "data"``, which the test may break first by
passing ``data=copy_data(tmp_path)`` after editing it. The site has no release, hence no
permanent pages ``v/…``, unless ``releases=True`` (those of publications/) or an
``empreinte_releases_dir`` in `overrides`, the extra configuration values (``-D`` on the
command line).

The build is strict (``-n -W --keep-going``, as in the Makefile) and runs in this process: no
interpreter start, the extensions already imported; a three-page site takes about a second.
Chapters with code cells are executed by a Jupyter kernel, cached in ``tmp_path / "cache"``.

`result.ok` is false when the build failed (warnings are errors) or stopped (bad data, a code
cell that raised); `result.messages` holds every warning and error as written on the console
(``page.md:3: AVERTISSEMENT : …``), the French summary included; `result.status` is Sphinx's progress
log (« reading sources… », « 2 changed »); `result.outdir` is the HTML folder.

`build_full_site(work)` builds the whole site with the Makefile's command line, in a separate
process, as a contributor would; `start_full_site(work)` starts that build in the background and
`wait_full_site(work)` waits for it (the `site` fixture: once per session, for every worker).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.console import nocolor
from sphinx.util.docutils import docutils_namespace, patch_docutils

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
PACKAGE = ROOT / "src" / "empreinte_ia"
ANNEXES = ("parametres", "estimations", "verification")


@dataclass
class SmallSite:
    ok: bool
    messages: str
    outdir: Path
    srcdir: Path
    status: str = ""

    def has(self, *fragments: str) -> bool:
        """True if one message (one line of the console) holds every fragment."""
        return any(all(f in line for f in fragments) for line in self.messages.splitlines())

    def page(self, name: str) -> str:
        """The HTML of a built page, e.g. ``page("index")``."""
        return (self.outdir / f"{name}.html").read_text(encoding="utf-8")


def write(path: Path, text: str) -> Path:
    """Writes `text` (dedented, leading blank line dropped) to `path`, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def copy_data(tmp_path: Path) -> Path:
    """A copy of data/ in ``tmp_path / "data"`` that a test may break (made once per tmp_path)."""
    target = tmp_path / "data"
    if not target.exists():
        shutil.copytree(DATA, target)
    return target


def no_releases(folder: Path) -> Path:
    """An empty folder of releases in `folder`: a site built with it has no release, hence
    none of the eight hundred permanent pages v/… that a small site would not read."""
    empty = folder / "sans-publications"
    empty.mkdir(parents=True, exist_ok=True)
    return empty


def annex_names(annexes: bool | tuple[str, ...]) -> tuple[str, ...]:
    """The annexes to build: all three for True, none for False, else those named."""
    return ANNEXES if annexes is True else tuple(annexes or ())


def write_sources(srcdir: Path, chapters: dict[str, str | bytes],
                  annexes: bool | tuple[str, ...] = False) -> None:
    """Writes `chapters` (a text, or bytes written as they are: a chapter in another encoding)
    and the annexes named, with an index listing them unless `chapters` has one."""
    for name, text in chapters.items():
        if isinstance(text, bytes):
            (srcdir / name).parent.mkdir(parents=True, exist_ok=True)
            (srcdir / name).write_bytes(text)
        else:
            write(srcdir / name, text)
    for name in annex_names(annexes):
        (srcdir / "annexes").mkdir(exist_ok=True)
        shutil.copy(ROOT / "docs" / "annexes" / f"{name}.md", srcdir / "annexes" / f"{name}.md")
    if "index.md" not in chapters:
        pages = [n.removesuffix(".md") for n in chapters]
        pages += [f"annexes/{n}" for n in annex_names(annexes)]
        write(srcdir / "index.md", "# Accueil\n\n```{toctree}\n" + "\n".join(pages) + "\n```\n")


def build_small_site(tmp_path: Path, chapters: dict[str, str | bytes], data: Path | None = None,
                     annexes: bool | tuple[str, ...] = False, overrides: dict | None = None,
                     fresh: bool = True, releases: bool = False) -> SmallSite:
    """Builds `chapters` with the data of `data` in ``tmp_path``; see the module's docstring.

    Call it again with ``fresh=False`` (after editing a chapter or a data file) for an
    incremental build in the same folders."""
    srcdir, outdir = tmp_path / "docs", tmp_path / "html"
    if fresh:
        shutil.rmtree(srcdir, ignore_errors=True)
        write_sources(srcdir, chapters, annexes)
    data = data if data is not None else copy_data(tmp_path)
    conf: dict = {"empreinte_data_dir": str(data), "nitpicky": True,
                  "nb_execution_cache_path": str(tmp_path / "cache")}
    if not releases:
        conf["empreinte_releases_dir"] = str(no_releases(tmp_path))
    # The per-theme pages of the parameter and estimate annexes are written in any case: left
    # unread unless their annex is built.
    unread = [f"annexes/{n}/*" for n in ("parametres", "estimations")
              if n not in annex_names(annexes)]
    if unread:
        conf["exclude_patterns"] = ["_build", "**.ipynb_checkpoints", "README.md", *unread]
    conf.update(overrides or {})
    log, errors, status = io.StringIO(), io.StringIO(), io.StringIO()
    ok = False
    nocolor()
    with contextlib.redirect_stderr(errors), patch_docutils(ROOT), docutils_namespace(), \
            warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            app = Sphinx(srcdir, ROOT, outdir, tmp_path / "doctrees", "html", confoverrides=conf,
                         status=status, warning=log, freshenv=fresh,
                         warningiserror=True)
            app.build()
            ok = app.statuscode == 0
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - any failure is the result
            errors.write(f"\n{type(exc).__name__}: {exc}\n")
    # Python warnings of our own code fail the build (those of Sphinx, the theme and the other
    # extensions are ignored, as on the command line).
    own = [w for w in caught if str(PACKAGE) in str(w.filename)]
    for w in own:
        errors.write(f"\n{w.filename}:{w.lineno}: {w.category.__name__}: {w.message}\n")
    ok = ok and not own
    return SmallSite(ok, log.getvalue() + errors.getvalue(), outdir, srcdir,
                     status.getvalue())


def sphinx_cli(srcdir: Path, outdir: Path, data_dir: Path, cache: Path,
               extra: tuple[str, ...] = (), env: dict | None = None,
               releases: bool = True) -> subprocess.CompletedProcess:
    """The strict build of the Makefile on `srcdir` with the data of `data_dir`, in a new
    process, its hash seed fixed (`env` adds or replaces environment variables, e.g. LANG);
    without `releases`, no permanent page v/… (an empty folder of releases)."""
    if not releases:
        extra = ("-D", f"empreinte_releases_dir={no_releases(outdir.parent)}", *extra)
    env = {**os.environ, "EMPREINTE_CACHE_DIR": str(cache), "PYTHONHASHSEED": "0", **(env or {})}
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(ROOT),
           "-d", str(outdir.parent / "doctrees"), "-n", "-W", "--keep-going",
           "-D", f"empreinte_data_dir={data_dir}", *extra, str(srcdir), str(outdir)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)


def start_full_site(work: Path) -> None:
    """Starts a clean, strict build of the whole site in `work`, in a thread of this process,
    unless a process of this test session already did (the first to create `work` builds);
    `wait_full_site` waits for it. The tests that do not read the site run meanwhile."""
    try:
        work.mkdir(parents=True)
    except FileExistsError:
        return

    def build() -> None:
        try:
            result = sphinx_cli(ROOT / "docs", work / "html", DATA, work / "cache")
            outcome, text = ("complete", "") if result.returncode == 0 else \
                ("failed", result.stderr[-3000:])
        except BaseException as exc:  # noqa: BLE001 - reported to every waiting test
            outcome, text = "failed", f"{type(exc).__name__}: {exc}"
        (work / "outcome.tmp").write_text(text, encoding="utf-8")
        os.replace(work / "outcome.tmp", work / outcome)  # seen whole, or not at all

    threading.Thread(target=build, name="full-site", daemon=True).start()


def wait_full_site(work: Path) -> Path:
    """The site built in `work` by `start_full_site` (started here if nobody did)."""
    start_full_site(work)
    while not (work / "complete").exists():
        if (work / "failed").exists():
            raise AssertionError((work / "failed").read_text(encoding="utf-8"))
        time.sleep(0.2)
    return work / "html"


def build_full_site(work: Path, env: dict | None = None) -> Path:
    """A clean, strict build of the whole site in `work`, its notebook cache in ``work / "cache"``
    (cells whose outputs are already there are not run again); `env` as for `sphinx_cli`."""
    result = sphinx_cli(ROOT / "docs", work / "html", DATA, work / "cache", env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "html"
