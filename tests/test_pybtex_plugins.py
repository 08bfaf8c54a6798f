"""pybtex's plugin look-ups are scanned once per process, not once per footnote citation."""

from __future__ import annotations

import pybtex.plugin

from .support.site import build_small_site


def _scans(tmp_path, keys: tuple[str, ...]) -> int:
    """Entry-point scans, from an empty cache, for a page citing `keys` in footnotes."""
    if hasattr(pybtex.plugin.entry_points, "cache_clear"):  # installed by an earlier build
        pybtex.plugin.entry_points.cache_clear()
    cites = " ".join(f"{{footcite:p}}`{key}`" for key in keys)
    result = build_small_site(tmp_path, {"page.md": f"# Page\n\nSources {cites}.\n\n"
                                                    "```{footbibliography}\n```\n"})
    assert result.ok, result.messages
    assert hasattr(pybtex.plugin.entry_points, "cache_info"), "l'extension n'a pas mis le cache"
    info = pybtex.plugin.entry_points.cache_info()
    assert info.hits > 0, "les recherches de greffons ne passent plus par le cache"
    return info.misses


def test_entry_points_scanned_once_per_plugin(tmp_path):
    one = _scans(tmp_path / "une", ("jegham2025",))
    three = _scans(tmp_path / "trois", ("jegham2025", "you2025", "devries2023"))
    # One scan per plugin, whatever the citations: the docutils backend, the name styles
    # « plain » and « last », the label style « number », the sorting « none » (five); the style
    # « francais » is registered at run time and never scanned.
    assert three == one == 5
