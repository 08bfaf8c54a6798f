"""Shared helpers: paths, a small data set, and Sphinx builds run as a contributor would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may break without touching the real one."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def sphinx(srcdir: Path, outdir: Path, data_dir: Path, cache: Path,
           extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Run the strict build of the Makefile on `srcdir` with the data of `data_dir`."""
    env = dict(os.environ, EMPREINTE_CACHE_DIR=str(cache), PYTHONHASHSEED="0")
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(ROOT),
           "-d", str(outdir.parent / "doctrees"), "-n", "-W", "--keep-going",
           "-D", f"empreinte_data_dir={data_dir}", *extra, str(srcdir), str(outdir)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)


MINI_INDEX = """
# Mini

Une requête courte : {chiffre}`gpt4o_energy_short`.

```{toctree}
page
autre
annexes/parametres
annexes/estimations
annexes/verification
```
"""
MINI_PAGE = """
# Page

Les foyers : {nombre}`gpt4o_households` foyers.
"""
MINI_OTHER = """
# Autre

Encore les foyers : {nombre}`gpt4o_households`.
"""


@pytest.fixture
def mini_site(tmp_path: Path, data_copy: Path):
    """A three-page site with the real annexes and a copy of the data."""
    src = tmp_path / "docs"
    write(src / "index.md", MINI_INDEX)
    write(src / "page.md", MINI_PAGE)
    write(src / "autre.md", MINI_OTHER)
    (src / "annexes").mkdir()
    for name in ("parametres", "estimations", "verification"):
        shutil.copy(ROOT / "docs" / "annexes" / f"{name}.md", src / "annexes" / f"{name}.md")

    def build(extra: tuple[str, ...] = ()):
        return sphinx(src, tmp_path / "html", data_copy, tmp_path / "cache", extra)

    return src, data_copy, tmp_path / "html", build


def build_site(work: Path) -> Path:
    """A clean, strict build of the whole site in `work` (its own notebook cache)."""
    result = sphinx(ROOT / "docs", work / "html", ROOT / "data", work / "cache")
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "html"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built once for every test that reads it; EMPREINTE_SITE names a site
    already built from this tree (`make html`) to test it without building it again."""
    if os.environ.get("EMPREINTE_SITE"):
        return Path(os.environ["EMPREINTE_SITE"])
    return build_site(tmp_path_factory.mktemp("site"))
