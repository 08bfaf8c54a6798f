"""One link-preview image per chapter (og:image): sphinxext-opengraph's social cards, drawn by
matplotlib while the site is built, nothing asked of any outside service.

`ogp_social_cards` (conf.py) leaves the extension's own cards off; `empreinte_social_cards`
turns on the chapters' cards, drawn here with the extension's card maker and given to the
extension through the page's metadata (`og:image`, its alt text and size), which it writes as
they are. The card shows the page's title and its description (descriptions.py), each cut at a
word with « … » to fit the card. The card's look is the project's: the palette of the charts
(charts.style) and the font that ships with matplotlib (DejaVu Sans, a local file that has
« CO₂ »'s subscript, which the extension's Roboto Flex lacks; no web font is fetched).
The matplotlib objects are made here once, without the Sphinx logo the extension would put in a
corner, and handed to the extension, which reuses them for every card.
"""

from __future__ import annotations

import html

from sphinx.application import Sphinx

from ..charts.style import PALETTE
from .descriptions import description_of, shorten

CHAPTERS = "chapitres/"
# Text in the greys of the theme, the line at the foot in the colour of the book's charts.
LOOK = {"page_title_color": "#1f2328", "description_color": "#4d5359",
        "site_title_color": "#4d5359", "site_url_color": PALETTE["entrainement"],
        "line_color": PALETTE["entrainement"], "background_color": "#ffffff",
        "font": "DejaVu Sans"}
# What fits on a card (the extension's own lengths), and its size in pixels.
TITLE_LENGTH = 80
DESCRIPTION_LENGTH = 158
SIZE = {"og:image:width": "1146", "og:image:height": "600"}


def is_chapter(pagename: str) -> bool:
    return pagename.startswith(CHAPTERS)


def add_card(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Before sphinxext-opengraph (priority 500): the chapter's card, named in its metadata."""
    if doctree is None or not is_chapter(pagename) or \
            not app.config.empreinte_social_cards.get("enable"):
        return
    from sphinxext.opengraph._social_cards import (
        create_social_card,
        create_social_card_objects,
    )

    if not hasattr(app.env, "ogp_social_card_plt_objects"):
        # Made while pages are written (after the environment is saved): never pickled.
        # The extension's own attribute on the environment (Sphinx does not declare it).
        app.env.ogp_social_card_plt_objects = create_social_card_objects(**LOOK)  # type: ignore[attr-defined]
    config = app.config
    site_name = config.ogp_site_name if isinstance(config.ogp_site_name, str) else config.project
    description = description_of(context)
    title = app.env.titles[pagename].astext() if pagename in app.env.titles else ""
    # The look goes into the settings the extension hashes to name the image: a new look, a
    # new file (otherwise the card of the previous look would be kept).
    image = create_social_card(
        {**config.empreinte_social_cards, "look": LOOK}, site_name,
        shorten(title, TITLE_LENGTH), shorten(description, DESCRIPTION_LENGTH),
        (config.ogp_canonical_url or config.ogp_site_url).split("://")[-1], pagename,
        srcdir=app.srcdir, outdir=app.outdir, env=app.env)
    # A copy: what is added here is for this page's tags, not for the saved environment.
    context["meta"] = {**(context.get("meta") or {}), "og:image": image.as_posix(),
                       "og:image:alt": html.escape(description, quote=False), **SIZE}
    context["metatags"] = context.get("metatags", "") + \
        '<meta name="twitter:card" content="summary_large_image" />\n'


def install(app: Sphinx) -> None:
    app.add_config_value("empreinte_social_cards", {"enable": False}, "html", types=(dict,))
    app.connect("html-page-context", add_card, priority=450)
