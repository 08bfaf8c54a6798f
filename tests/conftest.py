"""Fixtures; the helpers they use are in tests/support/ (site.py: small and full builds;
fixtures.py: the browser fixtures, a plugin registered below)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

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
    """The whole site, built once for every test that reads it; EMPREINTE_SITE names a site
    already built from this tree (`make html`) to test it without building it again."""
    if os.environ.get("EMPREINTE_SITE"):
        return Path(os.environ["EMPREINTE_SITE"])
    return build_full_site(tmp_path_factory.mktemp("site"))
