"""The theme's icons as inline SVG, instead of the 1.5 MB Font Awesome script.

pydata-sphinx-theme writes icons as ``<i class="fa-solid fa-sun">`` and ships Font Awesome's
whole script, which swaps each tag for an ``<svg>`` in the browser. We do the same swap once,
at build time, with the path data read from that script, and drop the script from the pages.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pydata_sphinx_theme

SCRIPT = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
          / "scripts" / "fontawesome.js")
# Font Awesome's packs, in the order its script defines them.
PACKS = ("fab", "far", "fas")
PACK_OF_CLASS = {"fab": "fab", "fa-brands": "fab", "far": "far", "fa-regular": "far",
                 "fas": "fas", "fa-solid": "fas"}
# Classes that change size or spacing, not the icon.
MODIFIERS = {"fa-lg", "fa-fw", "fa-xs", "fa-sm", "fa-xl", "fa-2x", "fa-spin", "fa-width-fixed"}
# One entry of a pack: name: [width, height, [aliases], "unicode", "path"].
ENTRY = re.compile(r'(?:"([^"]+)"|([\w-]+)):\[(\d+),(\d+),\[([^\]]*)\],"[^"]*","([^"]+)"\]')
ICON_TAG = re.compile(r'<(i|span)\s([^>]*\bclass="[^"]*\bfa-[^"]*"[^>]*)>\s*</\1>')
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
SCRIPT_TAG = re.compile(r'\s*<(?:script|link)\b[^>]*scripts/fontawesome\.js[^>]*>(?:\s*</script>)?')

Icon = tuple[int, int, str]


@functools.cache
def load_icons(script: Path = SCRIPT) -> dict[str, dict[str, Icon]]:
    """Pack prefix → icon name or alias → (width, height, SVG path)."""
    text = script.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(r"var \w+=\{\"?[\w-]+\"?:\[\d+,\d+,", text)]
    if len(starts) != len(PACKS):
        raise RuntimeError(f"{script} : {len(starts)} jeux d'icônes trouvés au lieu de "
                           f"{len(PACKS)} ; la version de Font Awesome a changé.")
    packs: dict[str, dict[str, Icon]] = {}
    for prefix, start, end in zip(PACKS, starts, starts[1:] + [len(text)]):
        icons: dict[str, Icon] = {}
        for m in ENTRY.finditer(text, start, end):
            icon = (int(m.group(3)), int(m.group(4)), m.group(6))
            icons[m.group(1) or m.group(2)] = icon
            for alias in re.findall(r'"([\w-]+)"', m.group(5)):
                icons.setdefault(alias, icon)
        packs[prefix] = icons
    return packs


def _svg(attributes: str, page: str) -> str:
    attrs = dict(ATTRIBUTE.findall(attributes))
    classes = attrs.pop("class").split()
    pack = next((PACK_OF_CLASS[c] for c in classes if c in PACK_OF_CLASS), "fas")
    names = [c[3:] for c in classes if c.startswith("fa-") and c not in MODIFIERS
             and c not in PACK_OF_CLASS]
    icons = load_icons()[pack]
    name = next((n for n in names if n in icons), None)
    if name is None:
        raise ValueError(f"{page} : icône inconnue « {' '.join(classes)} ». Correction : "
                         "choisissez une icône de Font Awesome (jeux solid, regular, brands).")
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
