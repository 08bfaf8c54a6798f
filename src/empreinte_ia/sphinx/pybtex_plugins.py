"""pybtex's plugin look-ups, cached for the build.

sphinxcontrib-bibtex creates a pybtex style for every footnote citation, and each style looks
its plugins (names, labels, sorting) up among the entry points of every installed package: a
clean build did 428 such scans, about 4 s (cProfile). Entry points do not change during a build,
so the scan pybtex calls (``pybtex.plugin.entry_points``) is memoised; plugins registered at
run time (``register_plugin``) are still looked up first by pybtex, as before.
"""

from __future__ import annotations

import functools

import pybtex.plugin


def cache_entry_points() -> None:
    """Memoises pybtex's entry-point scan (once per process)."""
    scan = pybtex.plugin.entry_points
    if not hasattr(scan, "cache_info"):
        pybtex.plugin.entry_points = functools.cache(scan)
