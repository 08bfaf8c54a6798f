"""One link-preview image per chapter (og:image): sphinxext-opengraph's social cards, drawn by
matplotlib while the site is built, nothing asked of any outside service.

conf.py holds two settings: `ogp_social_cards` (the other pages: no card) and
`empreinte_social_cards` (the chapters' cards). While a chapter page is written, the second
stands in for the first, then the first comes back (so the saved environment never sees the
swap). The card's look is the project's: the palette of the charts (charts.style) and the
font that ships with matplotlib (DejaVu Sans, a local file that has « CO₂ »'s subscript, which
the extension's Roboto Flex lacks; no web font is fetched).
The matplotlib objects are made here once, without the Sphinx logo the extension would put in a
corner, and handed to the extension, which reuses them for every card.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from ..charts.style import PALETTE

CHAPTERS = "chapitres/"
# Text in the greys of the theme, the line at the foot in the colour of the book's charts.
LOOK = {"page_title_color": "#1f2328", "description_color": "#4d5359",
        "site_title_color": "#4d5359", "site_url_color": PALETTE["entrainement"],
        "line_color": PALETTE["entrainement"], "background_color": "#ffffff",
        "font": "DejaVu Sans"}


def is_chapter(pagename: str) -> bool:
    return pagename.startswith(CHAPTERS)


def before_opengraph(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if doctree is None or not is_chapter(pagename) or \
            not app.config.empreinte_social_cards.get("enable"):
        return
    if not hasattr(app.env, "ogp_social_card_plt_objects"):
        # Made while pages are written (after the environment is saved): never pickled.
        from sphinxext.opengraph._social_cards import create_social_card_objects

        # The extension's own attribute on the environment (Sphinx does not declare it).
        app.env.ogp_social_card_plt_objects = create_social_card_objects(**LOOK)  # type: ignore[attr-defined]
    app.builder.empreinte_pages_cards = app.config.ogp_social_cards  # type: ignore[attr-defined]
    # The look goes into the settings the extension hashes to name the image: a new look, a
    # new file (otherwise the card of the previous look would be kept).
    app.config.ogp_social_cards = {**app.config.empreinte_social_cards, "look": LOOK}


def after_opengraph(app: Sphinx, pagename, templatename, context, doctree) -> None:
    saved = app.builder.__dict__.pop("empreinte_pages_cards", None)
    if saved is not None:
        app.config.ogp_social_cards = saved


def setup(app: Sphinx) -> None:
    app.add_config_value("empreinte_social_cards", {"enable": False}, "html", types=(dict,))
    # sphinxext-opengraph writes its tags at the default priority (500).
    app.connect("html-page-context", before_opengraph, priority=450)
    app.connect("html-page-context", after_opengraph, priority=510)
