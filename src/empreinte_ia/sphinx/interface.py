"""The theme's interface in French: our templates and message catalogue, the header buttons.

sphinx-book-theme leaves a few strings in English (buttons, aria-labels, the issue it opens).
They are translated where the theme asks for them: a message catalogue read before the
theme's own (``locale/fr/LC_MESSAGES/booktheme.po``), templates of the same name for the
components whose English is written in the template, and the header buttons' context
adjusted before the page is rendered (never by rewriting HTML afterwards).
"""

from __future__ import annotations

import gettext
import io
import re
from pathlib import Path
from urllib.parse import quote

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from markupsafe import Markup
from sphinx import locale
from sphinx.application import Sphinx

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
CATALOGUES = HERE / "locale"
ISSUE_TEMPLATE = "signalement.md"
# The basic layout writes the viewport once; docutils' copy in the metadata goes.
VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>\s*')


def catalogue(name: str, language: str = "fr") -> gettext.GNUTranslations:
    """A .po catalogue of ours, compiled in memory with babel."""
    path = CATALOGUES / language / "LC_MESSAGES" / f"{name}.po"
    with path.open("rb") as handle:
        po = read_po(handle, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, po)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def on_config_inited(app: Sphinx, config) -> None:
    config.templates_path = [str(TEMPLATES), *config.templates_path]


def on_builder_inited(app: Sphinx) -> None:
    """Our French strings first, the theme's catalogue behind them."""
    ours = catalogue("booktheme")
    theirs = locale.translators.get(("general", "booktheme"))
    if theirs is not None and theirs is not ours:
        ours.add_fallback(theirs)
    locale.translators["general", "booktheme"] = ours
    templates = getattr(app.builder, "templates", None)
    if templates is not None:  # HTML builders
        templates.environment.filters["striptags"] = striptags_keeping_french_spaces


# The no-break spaces that French typography puts before « : ; ! ? » and inside « ».
_FRENCH_SPACES = {"\u00a0": "&#160;", "\u202f": "&#8239;"}


def striptags_keeping_french_spaces(value) -> str:
    """Jinja's ``striptags``, which the themes apply to page titles (``<title>``, the tooltips
    of the previous and next links), joins words with ordinary spaces: Python counts a
    no-break space as a space. Written as entities first, they come back after the join."""
    text = str(value)
    for char, entity in _FRENCH_SPACES.items():
        text = text.replace(char, entity)
    return Markup(text).striptags()  # plain text, escaped by the template's « |e »


def issue_url(repository: str, pagename: str) -> str:
    """« Signaler un problème »: the French issue template, the page named in the title."""
    title = f"Problème sur la page {pagename}"
    return (f"{repository.rstrip('/')}/issues/new?template={ISSUE_TEMPLATE}"
            f"&title={quote(title)}")


TOGGLE_LABEL = "Afficher ou masquer les sous-pages"


def _name_toctree_toggles(context: dict) -> None:
    """The sidebar's « open the sub-pages » toggles are a <summary> holding only an icon: they
    get a French name, for screen readers (axe: summary-name)."""
    original = context.get("generate_toctree_html")
    if original is None or getattr(original, "empreinte_named", False):
        return

    def named(*args, **kwargs):
        html = str(original(*args, **kwargs))
        return Markup(html.replace("<summary>", f'<summary aria-label="{TOGGLE_LABEL}">'))

    named.empreinte_named = True  # type: ignore[attr-defined]
    context["generate_toctree_html"] = named


def on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict,
                         doctree) -> None:
    """Header buttons: French issue link, no link to a source file that is not published,
    the notebook of a chapter with code cells."""
    _name_toctree_toggles(context)
    metatags = context.get("metatags", "")
    context["metatags"] = VIEWPORT.sub("", metatags)
    buttons = context.get("header_buttons")
    if not buttons:
        return
    repository = app.config.html_theme_options.get("repository_url", "")
    notebook = context.get("empreinte_notebook")
    for button in buttons:
        for item in [button, *button.get("buttons", [])]:
            if item.get("label") == "download-buttons":
                kept = [b for b in item["buttons"] if b.get("label") != "download-source-button"]
                if notebook:
                    kept.insert(0, {"type": "link", "url": context["pathto"](notebook, 1),
                                    "text": ".ipynb", "icon": "fas fa-code",
                                    "tooltip": "Télécharger le carnet (.ipynb)",
                                    "label": "download-notebook-button"})
                item["buttons"] = kept
            url = item.get("url", "")
            if "/issues/new" in url and repository:
                item["url"] = issue_url(repository, pagename)

