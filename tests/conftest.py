"""Fixtures; the helpers they use are in tests/support/ (site.py: small and full builds;
fixtures.py: the browser fixtures, a plugin registered below).

`make test` runs the suite on every core (pytest-xdist, ``-n auto --dist loadgroup``): the
whole site is built once for all the workers, in the background from the end of the
collection (`site`), and the tests that share a fixture of their module run on one worker,
so that it is made once (`pytest_collection_modifyitems`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from .support.site import DATA, ROOT, start_full_site, wait_full_site, write

# In continuous integration (CI set, as GitHub Actions sets it), Hypothesis draws the same
# examples at every run: a submission that passed on a fresh clone passes again. Elsewhere,
# each run explores new examples, and a failure found is kept as an `@example` of its test.
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

__all__ = ["DATA", "ROOT", "write"]
# The browser fixtures (`browser`, `base`) shared by test_browser.py and test_phone.py.
pytest_plugins = ["tests.support.fixtures"]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may break without touching the real one."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _site_folder(factory: pytest.TempPathFactory) -> Path:
    """Where the session builds the whole site: the same folder for every xdist worker."""
    base = factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "site"


def pytest_collection_finish(session: pytest.Session) -> None:
    """If a test to run reads the whole site, its build starts now, in the background."""
    if session.config.option.collectonly or os.environ.get("EMPREINTE_SITE"):
        return
    if any("site" in getattr(item, "fixturenames", ()) for item in session.items):
        start_full_site(_site_folder(session.config._tmp_path_factory))


@pytest.fixture(scope="session")
def registry():
    """The registry of the project's data/ and estimates, loaded once per process and shared:
    a test that changes values loads its own (`load_registry(data_copy)`)."""
    from empreinte_ia.registry import load_registry

    return load_registry(DATA)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once for every test that reads it, and once for all the xdist
    workers (started when the tests are collected); EMPREINTE_SITE names a site already built
    from this tree (`make html`) to test it without building it again."""
    if os.environ.get("EMPREINTE_SITE"):
        return Path(os.environ["EMPREINTE_SITE"])
    return wait_full_site(_site_folder(tmp_path_factory))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under `--dist loadgroup`, the tests that use a fixture made once per module (a browser,
    a corpus site) go to the same worker; the other tests are spread one by one. First among
    the hooks: xdist reads the marks in its own hook (it adds « @group » to the test's id).

    The tests run in this order (the Makefile keeps it, ``--no-loadscope-reorder``): first those
    that do not read the whole site, while it is built in the background, then those that
    read it; in each part, a module's group and a test marked « slow » before the tests spread
    one by one (the longest first: they do not end alone on one core). Otherwise the workers
    reach the tests that wait for the site while it is still being built, and one core stays
    idle."""
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        defs = fixtures.name2fixturedefs.values() if fixtures else []
        if any(d[-1].scope in ("module", "class", "package") for d in defs):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))

    def rank(item: pytest.Item) -> tuple[bool, bool]:
        first = any(item.get_closest_marker(mark) for mark in ("xdist_group", "slow"))
        return "site" in getattr(item, "fixturenames", ()), not first

    items.sort(key=rank)  # stable: the order of collection within each rank
