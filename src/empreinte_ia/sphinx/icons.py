"""The theme's icons as inline SVG, instead of the 1.5 MB Font Awesome script.

pydata-sphinx-theme writes icons as ``<i class="fa-solid fa-sun">`` and ships Font Awesome's
whole script, which swaps each tag for an ``<svg>`` in the browser. We do the same swap once,
at build time, from a checked-in table of the icons the site uses (``icons.json``, as
sphinx-design ships its octicons), and drop the script from the pages.

To add an icon: copy its width, height and path (``viewBox`` and ``d`` of the SVG file of
Font Awesome Free, same version as the table's ``source``) into ``icons.json``, under its pack
(``fas`` solid, ``far`` regular, ``fab`` brands).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

TABLE = Path(__file__).with_name("icons.json")
PACK_OF_CLASS = {"fab": "fab", "fa-brands": "fab", "far": "far", "fa-regular": "far",
                 "fas": "fas", "fa-solid": "fas"}
# Classes that change size or spacing, not the icon.
MODIFIERS = {"fa-lg", "fa-fw", "fa-xs", "fa-sm", "fa-xl", "fa-2x", "fa-spin", "fa-width-fixed"}
ICON_TAG = re.compile(r'<(i|span)\s([^>]*\bclass="[^"]*\bfa-[^"]*"[^>]*)>\s*</\1>')
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
SCRIPT_TAG = re.compile(r'\s*<(?:script|link)\b[^>]*scripts/fontawesome\.js[^>]*>(?:\s*</script>)?')

Icon = tuple[int, int, str]


@functools.cache
def load_icons(table: Path = TABLE) -> dict[str, dict[str, Icon]]:
    """Pack prefix → icon name → (width, height, SVG path)."""
    packs = json.loads(table.read_text(encoding="utf-8"))["icones"]
    return {pack: {name: (w, h, d) for name, (w, h, d) in icons.items()}
            for pack, icons in packs.items()}


def _svg(attributes: str, page: str) -> str:
    attrs = dict(ATTRIBUTE.findall(attributes))
    classes = attrs.pop("class").split()
    pack = next((PACK_OF_CLASS[c] for c in classes if c in PACK_OF_CLASS), "fas")
    names = [c[3:] for c in classes if c.startswith("fa-") and c not in MODIFIERS
             and c not in PACK_OF_CLASS]
    icons = load_icons().get(pack, {})
    name = next((n for n in names if n in icons), None)
    if name is None:
        raise ValueError(f"{page} : icône inconnue « {' '.join(classes)} ». Correction : "
                         f"ajoutez-la au tableau {TABLE.name} (largeur, hauteur et tracé de son "
                         "fichier SVG dans Font Awesome Free), sous son jeu (fas, far ou fab).")
    width, height, path = icons[name]
    kept = [c for c in classes if c not in PACK_OF_CLASS]
    title = attrs.pop("title", None)
    extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
    label = (f' role="img" aria-label="{title}"><title>{title}</title>' if title
             else ' aria-hidden="true">')
    return (f'<svg class="svg-inline--fa {" ".join(kept)}"{extra} focusable="false" '
            f'viewBox="0 0 {width} {height}"{label}<path fill="currentColor" d="{path}"/></svg>')


def inline_icons(page_html: str, page: str = "") -> str:
    """The page with every Font Awesome tag replaced by its SVG, and no icon script."""
    page_html = SCRIPT_TAG.sub("", page_html)
    return ICON_TAG.sub(lambda m: _svg(m.group(2), page), page_html)
