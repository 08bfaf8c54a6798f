"""Fixtures shared by the browser tests (a pytest plugin, registered in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .browser import FirstVisits, chromium, first_visits, serve


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Debian's headless Chromium, started once per session (once per xdist worker)."""
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def base(site) -> Iterator[str]:
    """The built site served on 127.0.0.1 (gzip, as a static host); yields its base URL."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core, the accessibility checker, as axe-playwright-python ships it."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


@pytest.fixture(scope="session")
def fresh_tab(browser, base, axe_script) -> Iterator[FirstVisits]:
    """One tab per worker that opens each page as on a first visit (empty cache, storage
    emptied, its own errors and weights), axe-core loaded in each: the page test of every
    page."""
    with first_visits(browser, base, scripts=(axe_script,)) as tab:
        yield tab
