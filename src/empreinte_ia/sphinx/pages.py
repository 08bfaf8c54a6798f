"""HTML adjustments of each page: version and date for the templates while the page is written
(OpenGraph tags are sphinxext-opengraph's, loaded by setup()), then icons as inline SVG and
scripts that do not block, once it is written."""

from __future__ import annotations

import re

from sphinx.application import Sphinx

from ..formatting import french_date
from .icons import inline_icons
from .state import state

HEAD_SCRIPT = re.compile(r'<script (?![^>]*\b(?:defer|async)\b)([^>]*\bsrc="(?![^"]*'
                         r'documentation_options\.js)[^"]*"[^>]*)>')


def on_html_page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Version and build date, shown in the footer."""
    site = state(app).site
    context["empreinte_version"] = site.version
    context["empreinte_date"] = french_date(site.date)


def defer_scripts(page_html: str) -> str:
    """Every script of the <head> deferred (kept in order), except the small options file that
    the inline snippets of the theme read at once: the text shows before the scripts run."""
    end = page_html.find("</head>")
    head = HEAD_SCRIPT.sub(r"<script defer \1>", page_html[:end])
    return head + page_html[end:]


def finish(page_html: str, page: str) -> str:
    """A written page, finished: icons inline, scripts deferred."""
    return defer_scripts(inline_icons(page_html, page))
