"""What keeps the pages quick on a phone: the theme's stylesheets cut down to what the site
uses (sphinx/stylesheets.py), charts loaded lazily with their size (sphinx/images.py). The
search scripts, only on search.html, are tested in the browser (test_browser.py)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pydata_sphinx_theme
import pytest
import sphinx_book_theme
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from empreinte_ia.sphinx.images import svg_size
from empreinte_ia.sphinx.stylesheets import may_match, split_selectors, trim

from .support.browser import browser_context, loaded

THEME_CSS = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
             / "static" / "styles" / "pydata-sphinx-theme.css")


def test_unused_rules_go_and_the_rest_stays_in_order():
    css = ('@charset "utf-8";:root{--x:1}.a,.nulle{color:red}.nulle{color:blue}'
           "img:not(.sombre,.clair){filter:x}@media (max-width:10px){.nulle{a:b}.b p{c:d}}"
           "@font-face{font-family:x}.bs-tooltip-auto .a{e:f}#absent .a{g:h}")
    assert trim(css, {"a", "b", "img", "p"}) == (
        '@charset "utf-8";:root{--x:1}.a{color:red}img:not(.sombre,.clair){filter:x}'
        "@media (max-width:10px){.b p{c:d}}@font-face{font-family:x}.bs-tooltip-auto .a{e:f}")


def test_an_import_is_replaced_by_the_rules_it_names():
    sheets = {"../basic.css": ".a{x:y}.nulle{z:w}"}
    css = '@import "../basic.css";.a{b:c}'
    assert trim(css, {"a"}, lambda url: trim(sheets[url], {"a"})) == ".a{x:y}.a{b:c}"
    assert trim(css, {"a"}) == css  # without a way to read it, the @import stays


@pytest.mark.parametrize("selector, kept", [
    (".a .b", True), (".a .nulle", False), ("#nulle", False), ("a:not(.nulle)", True),
    (":is(.a,.nulle) p", True), ('[class*="nulle"]', True), (".a:hover::before", True)])
def test_a_selector_goes_only_when_a_name_it_requires_is_nowhere(selector, kept):
    assert may_match(selector, {"a", "b", "p"}) is kept


@given(st.lists(st.from_regex(r"[.#]?[a-z]{1,6}(:not\([.#][a-z]{1,4}(,[.#][a-z]{1,4})?\))?",
                              fullmatch=True), min_size=1, max_size=5))
def test_selector_lists_split_at_their_own_commas(selectors):
    assert split_selectors(",".join(selectors)) == selectors


SBT_CSS = (Path(sphinx_book_theme.__file__).parent / "theme" / "sphinx_book_theme" / "static"
           / "styles" / "sphinx-book-theme.css")
# The properties that a rule of the page's stylesheets declares (as longhands: a shorthand
# counts for the properties it sets), read in the page served with the theme's whole files.
# Only these can differ from one version of the stylesheets to the other: the trimmed ones
# are the whole ones with rules taken out, and every other property of an element comes from
# the browser's own stylesheet, from inheritance, or from a property of this list that would
# differ first. A custom property (« --pst-… ») draws nothing by itself: what it changes shows
# in the declared properties that use it.
DECLARED = r"""() => {
  const found = new Set();
  const walk = (rules) => { for (const r of rules) {
    if (r.style) for (let i = 0; i < r.style.length; i++) found.add(r.style[i]);
    if (r.styleSheet) walk(r.styleSheet.cssRules);  // @import
    if (r.cssRules) walk(r.cssRules); } };  // @media, @supports, @layer
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  // A longhand the browser lists under its shorthand (« background-position-x ») is read
  // through it.
  const declared = [...found];
  return Array.from(getComputedStyle(document.documentElement))
    .filter((p) => !p.startsWith("--") && declared.some((d) => d === p || d.startsWith(p + "-")))
    .sort();
}"""
# A fingerprint of those properties for every element and for its drawn ::before and ::after,
# read once every finite transition has ended: in dark mode the theme's script switches the
# page after load, and buttons fade to their colours (Bootstrap's .btn transition), so a
# fingerprint read mid-fade would differ from one run to the next.
STYLES = r"""async (names) => {
  await Promise.all(document.getAnimations()
    .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map((a) => a.finished.catch(() => null)));
  // CSS escapes read as the characters they stand for: "\f062" is the character U+F062.
  const text = (v) => v.includes("\\") ? v.replace(/\\([0-9a-fA-F]{1,6})\s?/g,
                                (m, h) => String.fromCodePoint(parseInt(h, 16))) : v;
  const one = (s) => names.map((p) => text(s.getPropertyValue(p))).join(";");
  // A ::before or ::after without content is not drawn: its content alone is compared.
  const pseudo = (e, which) => { const s = getComputedStyle(e, which);
    return ["none", "normal"].includes(s.content) ? s.content : one(s); };
  const encoder = new TextEncoder();
  const hex = (buffer) => Array.from(new Uint8Array(buffer),
                                     (b) => b.toString(16).padStart(2, "0")).join("");
  return Promise.all(Array.from(document.querySelectorAll("*"), async (e) => [
    e.tagName + "." + e.classList.value,
    hex(await crypto.subtle.digest("SHA-1", encoder.encode(
      one(getComputedStyle(e)) + "|" + pseudo(e, "::before") + "|" + pseudo(e, "::after"))))]));
}"""


def _serving(text: str):
    def handler(route) -> None:
        route.fulfill(body=text, content_type="text/css")
    return handler


def _styles(browser, base: str, path: str, width: int, scheme: str,
            names: list[str] | None = None) -> tuple[list[str], list]:
    """The declared properties and the fingerprints of `path`: with the theme's whole
    stylesheets when `names` is not given (the properties are read there), with the
    stylesheets as built otherwise."""
    with browser_context(browser, width, 900, color_scheme=scheme) as context:
        if names is None:
            for css in (THEME_CSS, SBT_CSS):
                context.route(f"**/_static/styles/{css.name}*", _serving(css.read_text()))
        page = context.new_page()
        loaded(page, base + path)
        names = names or page.evaluate(DECLARED)
        return names, page.evaluate(STYLES, names)


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("path, width, scheme", [("chapitres/comparer.html", 390, "light"),
                                                  ("annexes/verification.html", 1366, "dark")])
def test_trimmed_stylesheets_style_every_element_as_the_whole_ones(browser, base, site, path,
                                                                   width, scheme):
    """Every element of the page, and its ::before and ::after, has the same computed style with
    the theme's stylesheets as built and with the theme's whole files (a chapter on a phone in
    light mode, the longest annex on a laptop in dark mode). The built stylesheet is less than
    half the original."""
    written = (site / "_static" / "styles" / "pydata-sphinx-theme.css").read_text()
    original = THEME_CSS.read_text()
    assert len(gzip.compress(written.encode())) < len(gzip.compress(original.encode())) / 2
    names, whole = _styles(browser, base, path, width, scheme)
    assert {"color", "display", "background-color", "padding-top"} <= set(names)
    _, trimmed = _styles(browser, base, path, width, scheme, names)
    assert len(trimmed) == len(whole) > 100
    differ = [a[0] for a, b in zip(trimmed, whole, strict=True) if a != b]
    assert not differ, f"{path} à {width} px ({scheme}) : style changé pour {differ[:5]}"


@pytest.mark.parametrize("root, size", [
    ('<svg xmlns="http://www.w3.org/2000/svg" width="336.2pt" height="749.4pt" viewBox="0 0 1 1">',
     (448, 999)),
    ('<svg width="120px" height="80" xmlns="http://www.w3.org/2000/svg">', (120, 80)),
    ('<svg viewBox="0 0 10 10">', None)])
def test_svg_size_in_css_pixels(tmp_path, root, size):
    (tmp_path / "c.svg").write_text('<?xml version="1.0"?>\n' + root + "</svg>")
    assert svg_size(tmp_path / "c.svg") == size


@pytest.mark.build
def test_every_chart_waits_for_the_reader_and_keeps_its_room(site):
    images = 0
    for page in sorted(site.glob("**/*.html")):
        if page.relative_to(site).parts[0] == "v":
            continue
        text = page.read_text()
        if "_images/" not in text:  # a chart is an image of _images/: nothing to parse
            continue
        for img in BeautifulSoup(text, "html.parser").select('img[src$=".svg"]'):
            if "_images/" not in img["src"]:
                continue
            images += 1
            where = f"{page.relative_to(site)} : {img['src']}"
            assert img.get("loading") == "lazy", where
            expected = svg_size((page.parent / img["src"]).resolve())
            assert (int(img["width"]), int(img["height"])) == expected, where
    assert images >= 20
