"""Last touches to each written HTML page: icons as inline SVG, scripts that do not block."""

from __future__ import annotations

import re

from .icons import inline_icons

HEAD_SCRIPT = re.compile(r'<script (?![^>]*\b(?:defer|async)\b)([^>]*\bsrc="(?![^"]*'
                         r'documentation_options\.js)[^"]*"[^>]*)>')


def defer_scripts(page_html: str) -> str:
    """Every script of the <head> deferred (kept in order), except the small options file that
    the inline snippets of the theme read at once: the text shows before the scripts run."""
    end = page_html.find("</head>")
    head = HEAD_SCRIPT.sub(r"<script defer \1>", page_html[:end])
    return head + page_html[end:]


def finish(page_html: str, page: str) -> str:
    return defer_scripts(inline_icons(page_html, page))
