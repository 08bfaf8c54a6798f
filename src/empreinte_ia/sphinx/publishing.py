"""What the build writes next to the pages: open data, sitemap, robots.txt, the permanent pages
of every release (history.py); and what it takes
out of the published folder (source maps, the Font Awesome script)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx

from .. import __version__
from ..export import write_all
from . import history
from .pages import finish
from .state import DataStop, state


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        publish(app)


def publish(app: Sphinx) -> None:
    """Open data next to the pages; no source maps nor icon script in the published folder."""
    st = state(app)
    out = Path(app.outdir)
    meta = {"version": __version__, "licence": "CC BY 4.0", "site": app.config.project,
            "url": app.config.html_baseurl}
    write_all(st.registry, list(st.verdicts.values()), out / "donnees", app.config.html_baseurl,
              meta)
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        try:
            finished = finish(text, str(page.relative_to(out)))
        except ValueError as exc:  # an icon missing from the table: said in French, no crash
            sys.stderr.write(f"\nERREUR : {exc}\n")
            raise DataStop(1) from None
        if finished != text:
            page.write_text(finished, encoding="utf-8")
    frozen = history.publish(app, out)  # plain pages, after the theme's pages are finished
    write_sitemap(app, out, frozen)
    for path in list(out.rglob("*.map")) + list(out.glob("_static/scripts/fontawesome.js")):
        path.unlink()
    for path in list(out.rglob("*.js")) + list(out.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        cleaned = re.sub(r"\n?/[/*][#@] sourceMappingURL=[^\n]*", "", text)
        if cleaned != text:
            path.write_text(cleaned, encoding="utf-8", errors="surrogateescape")


def write_sitemap(app: Sphinx, out: Path, frozen: Iterable[Path] = ()) -> None:
    """Every page of the site, the permanent pages of the releases (v/…) included: each is
    its own canonical address, the one a citation gives."""
    base = app.config.html_baseurl.rstrip("/")
    pages = sorted(f"{d}.html" for d in app.env.found_docs)
    pages += sorted(p.relative_to(out).as_posix() for p in frozen)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{base}/{page}</loc><lastmod>{app.config.empreinte_build_date}"
              "</lastmod></url>" for page in pages]
    lines.append("</urlset>")
    (out / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n",
                                    encoding="utf-8")
