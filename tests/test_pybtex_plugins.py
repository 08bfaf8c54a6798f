"""pybtex's plugin look-ups are scanned once per process, not once per footnote citation."""

from __future__ import annotations

import pybtex.plugin

from .support.site import build_small_site


def test_entry_points_scanned_once_per_plugin(tmp_path):
    """Five plugins are looked up (the docutils backend; the name styles « plain » and « last »,
    the label style « number », the sorting « none » of the citations' style), each scanned once
    whatever the number of citations; « francais » itself is registered at run time and never
    scanned. Each citation after the first asks the cache again for its names, labels and
    sorting (3 hits), and the backend is asked once more (1 hit)."""
    if hasattr(pybtex.plugin.entry_points, "cache_clear"):
        pybtex.plugin.entry_points.cache_clear()  # another build of this process filled it
    keys = ("jegham2025", "you2025", "devries2023")
    cites = " ".join(f"{{footcite:p}}`{key}`" for key in keys)
    result = build_small_site(tmp_path, {"page.md": f"# Page\n\nTrois sources {cites}.\n\n"
                                                    "```{footbibliography}\n```\n"})
    assert result.ok, result.messages
    info = pybtex.plugin.entry_points.cache_info()
    assert info.misses == info.currsize == 5, info
    assert info.hits == 3 * (len(keys) - 1) + 1, info
