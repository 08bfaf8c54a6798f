"""Chart images that neither hold up the text nor move it: loaded when the reader comes near
them (loading="lazy"), with their width and height written in the <img> tag so that the browser
keeps their room before they arrive. docutils writes both attributes from the image node."""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

# The size of an SVG, from its root element: matplotlib writes it in points.
SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)(pt|px)?"[^>]*?\bheight="([\d.]+)(pt|px)?"')
PX_PER = {"pt": 4 / 3, "px": 1.0, None: 1.0, "": 1.0}


def svg_size(path: Path) -> tuple[int, int] | None:
    """Width and height in CSS pixels, or None when the file does not give them."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return None
    found = SIZE.search(head)
    if not found:
        return None
    width, wunit, height, hunit = found.groups()
    return round(float(width) * PX_PER[wunit]), round(float(height) * PX_PER[hunit])


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for image in doctree.findall(nodes.image):
        uri = image.get("uri", "")
        if not uri.lower().endswith(".svg") or "://" in uri:
            continue
        image.setdefault("loading", "lazy")
        size = svg_size(Path(app.srcdir) / uri)
        if size and not ({"width", "height", "scale"} & set(image.attributes)):
            image["width"], image["height"] = (str(n) for n in size)
