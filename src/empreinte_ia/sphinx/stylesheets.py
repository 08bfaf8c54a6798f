"""The theme's stylesheets cut down to the rules this site can use, once every page is written.

pydata-sphinx-theme's stylesheet (370 KB, 64 KB gzip) holds all of Bootstrap and the Font Awesome
classes, though the icons are inline SVG here; about nine rules in ten match nothing in this book,
and the browser must download and apply the whole file before it shows any text. A selector is
kept when every class and id it names occurs in a page of the site or in one of its scripts (the
scripts add classes such as « show » or « collapsing » while a reader uses the page); the
conservative test of PurgeCSS, on tinycss2's parse. Attribute selectors, pseudo-classes, at-rules
(fonts, keyframes) and the order of the rules are kept. An @import of a local
stylesheet is replaced by its rules: one request, not a chain of two.

The stylesheets are read from the theme's own folders, never from the output (an incremental
build reads the full originals again), and written under their own names: the pages' links
do not change. Our own stylesheet (empreinte.css) is left as written.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

import tinycss2
from sphinx.application import Sphinx

# Stylesheets of the theme and of the extensions (paths under _static); empreinte.css is ours.
# myst-nb's stylesheet is left whole: myst-nb copies it again at the end of every build and
# would refuse (with a warning) to replace a file that differs.
TRIMMED = ("styles/theme.css", "styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css",
           "basic.css", "pygments.css")
WORD = re.compile(r"[\w-]+")
NAME = re.compile(r"[.#](-?[_a-zA-Z][\w-]*)")
ATTRIBUTE = re.compile(r"\[[^\]]*\]")
GROUPING = ("media", "supports", "layer", "container")
# Names a script composes instead of writing them whole: Bootstrap's tooltips get
# `bs-${NAME}-auto` (« bs-tooltip-auto »), on the 400 buttons with a tooltip.
COMPOSED = ("bs-",)


def words_of(texts: Iterable[str]) -> set[str]:
    """Every word that may be a class or an id: of the pages, and of the scripts that add some."""
    found: set[str] = set()
    for text in texts:
        found.update(WORD.findall(text))
    return found


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :not(…) or :is(…))."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in prelude:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    return [*parts, "".join(current).strip()]


def without_arguments(selector: str) -> str:
    """The selector without what is inside parentheses: « a:not(.x) » → « a:not() »."""
    out, depth = [], 0
    for char in selector:
        depth -= char == ")"
        if depth == 0:
            out.append(char)
        depth += char == "("
    return "".join(out)


def may_match(selector: str, words: set[str]) -> bool:
    """False only when the selector requires a class or an id that nothing on the site holds.
    Names inside :not(…), :is(…), :where(…)… do not count: `img:not(.x)` matches without x."""
    required = NAME.findall(without_arguments(ATTRIBUTE.sub("", selector)))
    return all(name in words or name.startswith(COMPOSED) for name in required)


def trim(css: str, words: set[str], imported=None) -> str:
    """The stylesheet without the selectors that cannot match; `imported(url)` gives the text of a
    stylesheet named by an @import (already trimmed), or None to keep the @import."""
    return "".join(_rules(_parsed(css), words, imported))


@functools.lru_cache(maxsize=8)
def _parsed(css: str) -> tuple:
    """The rules of a stylesheet, parsed once per process (the theme's files do not change
    between the sites a process builds)."""
    return tuple(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))


def _rules(rules, words: set[str], imported) -> list[str]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in split_selectors(tinycss2.serialize(rule.prelude))
                    if may_match(s, words)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING and rule.content:
            inner = _rules(tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True,
                                                          skip_comments=True), words, imported)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}"
                           "{" + "".join(inner) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword == "import" and imported:
            urls = [t.value for t in rule.prelude if t.type in ("string", "url")]
            text = imported(urls[0]) if len(urls) == 1 else None
            out.append(rule.serialize() if text is None else text)
        elif rule.type == "at-rule":
            out.append(rule.serialize())
    return out


def originals(app: Sphinx) -> dict[str, Path]:
    """Each trimmed stylesheet of the output, by its path under _static, and its original file
    in the theme's or an extension's folder (the first found, as Sphinx copies them)."""
    static = Path(app.outdir) / "_static"
    found: dict[str, Path] = {}
    for pattern in TRIMMED:
        for written in sorted(static.glob(pattern)):
            name = written.relative_to(static).as_posix()
            found[name] = _source_of(app, name) or written
    return found


def _source_of(app: Sphinx, name: str) -> Path | None:
    folders = [Path(d) / "static" for d in app.builder.theme.get_theme_dirs()]  # type: ignore[attr-defined]
    folders += [Path(app.srcdir) / p for p in app.config.html_static_path]
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    return None


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """After the theme's and the extensions' files are copied (priority 900)."""
    if exception or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    words = words_of(p.read_text(encoding="utf-8", errors="replace")
                     for pattern in ("**/*.html", "_static/**/*.js")
                     for p in sorted(outdir.glob(pattern)))
    sources = originals(app)
    done: dict[str, str] = {}

    def trimmed(name: str) -> str:
        def imported(url: str) -> str | None:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), url))
            return trimmed(target) if target in sources else None

        if name not in done:
            done[name] = trim(sources[name].read_text(encoding="utf-8"), words, imported)
        return done[name]

    for name in sources:
        (outdir / "_static" / name).write_text(trimmed(name), encoding="utf-8")
