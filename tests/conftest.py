"""Fixtures; the helpers they use are in tests/support/ (site.py: small and full builds;
fixtures.py: the browser fixtures, a plugin registered below).

`make test` runs the suite on every core (pytest-xdist, ``-n auto --dist loadgroup``): the
whole site is built once for all the workers (`site`), and the tests that share a fixture
of their module run on one worker, so that it is made once (`pytest_collection_modifyitems`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from filelock import FileLock

from .support.site import DATA, ROOT, build_full_site, write

__all__ = ["DATA", "ROOT", "write"]
# The browser fixtures (`browser`, `base`) shared by test_browser.py and test_phone.py.
pytest_plugins = ["tests.support.fixtures"]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may break without touching the real one."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built once for every test that reads it (once for all the workers:
    the first one builds it, the others wait for it); EMPREINTE_SITE names a site already
    built from this tree (`make html`) to test it without building it again."""
    if os.environ.get("EMPREINTE_SITE"):
        return Path(os.environ["EMPREINTE_SITE"])
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build_full_site(tmp_path_factory.mktemp("site"))
    shared = tmp_path_factory.getbasetemp().parent / "site"  # the same for every worker
    with FileLock(f"{shared}.lock"):
        if not (shared / "complete").exists():
            shutil.rmtree(shared, ignore_errors=True)
            build_full_site(shared)
            (shared / "complete").touch()
    return shared / "html"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under `--dist loadgroup`, the tests that use a fixture made once per module (a browser,
    a corpus site) go to the same worker; the other tests are spread one by one."""
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        defs = fixtures.name2fixturedefs.values() if fixtures else []
        if any(d[-1].scope in ("module", "class", "package") for d in defs):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
