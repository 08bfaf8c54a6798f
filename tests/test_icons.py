"""Theme icons as inline SVG, from the checked-in table (no script read at build time)."""

from __future__ import annotations

import pytest

from empreinte_ia.sphinx.icons import TABLE, inline_icons, load_icons


def test_table_names_its_source_and_holds_the_theme_icons():
    assert "Font Awesome Free" in TABLE.read_text(encoding="utf-8")
    packs = load_icons()
    for name in ("sun", "moon", "circle-half-stroke", "magnifying-glass", "bars", "list",
                 "download", "file-pdf", "expand", "pencil-alt", "lightbulb", "arrow-up"):
        assert name in packs["fas"], name
    assert "github" in packs["fab"]


def test_icon_becomes_svg_with_its_classes_and_label():
    html = ('<head><script defer src="_static/scripts/fontawesome.js"></script></head>'
            '<button><i class="fa-solid fa-sun fa-lg" title="Clair"></i></button>'
            '<span class="fa-brands fa-github"></span>')
    out = inline_icons(html, "index.html")
    assert "fontawesome.js" not in out and "<i " not in out
    w, h, path = load_icons()["fas"]["sun"]
    assert (f'<svg class="svg-inline--fa fa-sun fa-lg" focusable="false" viewBox="0 0 {w} {h}" '
            f'role="img" aria-label="Clair"><title>Clair</title><path fill="currentColor" '
            f'd="{path}"/></svg>') in out
    assert out.count("<svg") == 2 and 'aria-hidden="true"' in out


def test_unknown_icon_is_a_french_error():
    with pytest.raises(ValueError, match=r"page\.html : icône inconnue « fa-solid fa-licorne ».*"
                                         r"icons\.json"):
        inline_icons('<i class="fa-solid fa-licorne"></i>', "page.html")
