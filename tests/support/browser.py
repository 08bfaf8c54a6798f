"""The built site in a real browser: a local server, Debian's Chromium, and what a page costs.

Used by the browser tests and by the benchmark. The server compresses text with gzip, as a
static host does, so that the weights measured are the bytes a reader downloads.

`visit` measures a page (empty cache, every request seen by Python, outside hosts recorded,
waits until no request is in flight): for the weight and outside-request checks.
`first_visits` measures page after page in the same way, in one tab (FirstVisits). `look` only
opens a page (waits for its load event and its fonts): for every check of what the page shows.
`tab` keeps one tab at one size to read many pages in a row; `browser_context` is the new,
empty context each of them opens. In all of them, Chromium cannot reach any host but
127.0.0.1 (NO_OTHER_HOST).
"""

from __future__ import annotations

import functools
import gzip
import mimetypes
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# No call home: without these, Chromium tries Google's hosts at every start.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--metrics-recording-only"]
# Every host name but 127.0.0.1 fails to resolve inside Chromium itself, so that a page opened
# without `visit`'s routing cannot reach another host either.
NO_OTHER_HOST = ["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
                    "application/xml")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")


def find_chromium() -> str:
    path = shutil.which(CHROMIUM) or shutil.which("chromium")
    if not path:
        raise RuntimeError(
            f"Chromium introuvable ({CHROMIUM}). Correction : lancez « make test », qui "
            "installe Chromium sans fenêtre (apt-get install chromium-headless-shell), ou "
            "« make bench », qui installe Chromium, ou indiquez son chemin dans CHROMIUM.")
    return path


@functools.lru_cache(maxsize=4096)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:
    """A file compressed once for every test that asks for it (as long as it is unchanged)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class _Handler(BaseHTTPRequestHandler):
    root: Path

    def _file(self, path: str) -> Path | None:
        target = (self.root / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        return target if self.root in target.parents and target.is_file() else None

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        # The host serves the book under its own folder (/chiffres/…): the 404 page, served at
        # any address, links its assets there (sphinx-notfound-page's absolute prefix).
        _folder, slash, rest = path.lstrip("/").partition("/")
        target = self._file(path) or (self._file("/" + rest) if slash and rest else None)
        if target is None:
            self.send_error(404)
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/")
                                                 else ""))
        if kind.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            stat = target.stat()
            body = _gzipped(str(target), stat.st_mtime_ns, stat.st_size)
            self.send_header("Content-Encoding", "gzip")
        else:
            body = target.read_bytes()
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=3600")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve `root` on a free port of 127.0.0.1; yields the base URL."""
    handler = type("Handler", (_Handler,), {"root": Path(root).resolve()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator:
    """A headless Chromium driven by Playwright (no browser download: Debian's own)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(),
                                     args=FLAGS + NO_OTHER_HOST)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Visit:
    """One page load: what it asked for, what it weighed, what went wrong."""

    url: str
    page: object = None
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    weights: dict[str, int] = field(default_factory=dict)

    @property
    def weight(self) -> int:
        return sum(self.weights.values())


@contextmanager
def browser_context(browser, width: int, height: int, **options) -> Iterator:
    """A new browser context (empty cache) at one size, in French, closed after use; `options`
    are more of Playwright's (color_scheme…)."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR",
                                  **options)
    try:
        yield context
    finally:
        context.close()


def _keep_errors(page, visit: Callable[[], Visit]) -> None:
    """The console's errors and the exceptions of `page`, kept in the visit `visit()` names
    when they happen (a tab that opens page after page has a new one for each)."""
    page.on("console", lambda m: m.type == "error" and visit().errors.append(m.text))
    page.on("pageerror", lambda e: visit().errors.append(str(e)))


def _watched(page, url: str) -> Visit:
    """The Visit of `page`, which keeps the console's errors and the page's exceptions."""
    result = Visit(url, page)
    _keep_errors(page, lambda: result)
    return result


# What each file of the open page weighed: the bytes of its response as the browser counts
# them for the Resource Timing standard (the compressed body, plus 300 for the headers), the
# page itself and every file it fetched.
WEIGHTS = """() => Object.fromEntries(
  [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .map((e) => [e.name, e.transferSize]))"""


class FirstVisits:
    """One tab in which every page is opened as on a first visit: Chromium's HTTP cache is off
    (as DevTools' « Disable cache »: every file is downloaded, and weighed, again), the local
    and session storage of the site are emptied before each page, and each page's console
    errors, outside requests and weights are its own (`open`). A request for another host than
    `base` is kept; Chromium cannot send it (NO_OTHER_HOST). A new context for every page
    costs about a fifth more of the processor (41 pages with axe: 61 s against 50 s);
    intercepting every request to block the outside ones, and asking Playwright the size of
    each, cost a third more (44 pages without axe: 22 s against 16 s)."""

    def __init__(self, context, base: str) -> None:
        self.base = base
        self.page = context.new_page()
        self.current = Visit(base)
        self._pending: set = set()
        cdp = context.new_cdp_session(self.page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        _keep_errors(self.page, lambda: self.current)
        self.page.on("request", self._sent)
        self.page.on("requestfinished", lambda r: self._pending.discard(r))
        self.page.on("requestfailed", lambda r: self._pending.discard(r))

    def _sent(self, request) -> None:
        if not request.url.startswith((self.base, "data:")):
            self.current.outside.append(request.url)
        self._pending.add(request)

    @contextmanager
    def open(self, path: str, width: int = 1280, height: int = 900) -> Iterator[Visit]:
        """Open `path` at this size and wait until no request is in flight (`_settled`)."""
        if self.page.url.startswith(self.base):
            self.page.evaluate("localStorage.clear(); sessionStorage.clear()")
        if self.page.viewport_size != {"width": width, "height": height}:
            self.page.set_viewport_size({"width": width, "height": height})
        self.current = Visit(self.base + path, self.page)
        self._pending.clear()
        self.page.goto(self.current.url, wait_until="load")
        _settled(self.page, self._pending)
        self.current.weights = {url: size for url, size in self.page.evaluate(WEIGHTS).items()
                                if url.startswith(self.base)}
        yield self.current


@contextmanager
def first_visits(browser, base: str, scripts: tuple[str, ...] = ()) -> Iterator[FirstVisits]:
    """A FirstVisits tab in a new context, in French, closed after use; `scripts` run in
    every page it opens, before the page's own (sent to Chromium once, not at every page)."""
    with browser_context(browser, 1280, 900) as context:
        for script in scripts:
            context.add_init_script(script)
        yield FirstVisits(context, base)


@contextmanager
def visit(browser, base: str, path: str, width: int = 1280, height: int = 900) -> Iterator[Visit]:
    """Open `path` once, in a new context (FirstVisits: empty cache, outside requests blocked
    and kept)."""
    with first_visits(browser, base) as tab, tab.open(path, width, height) as result:
        yield result


def _settled(page, pending: set, quiet_ms: int = 100, limit_ms: int = 30_000) -> None:
    """Wait until no request is in flight and none starts for `quiet_ms`: what Playwright's
    « networkidle » does, without its fixed half second of waiting on every page. A request
    still running after `limit_ms` fails the test with its address."""
    quiet = waited = 0
    while quiet < quiet_ms:
        page.wait_for_timeout(25)
        waited += 25
        quiet = 0 if pending else quiet + 25
        if waited > limit_ms:
            raise AssertionError("requêtes jamais terminées : "
                                 + ", ".join(sorted(r.url for r in pending)))


def loaded(page, url: str) -> None:
    """Go to `url` and wait for its load event (style sheets, pictures) and its web fonts."""
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")


@contextmanager
def look(browser, base: str, path: str, width: int = 1280, height: int = 900) -> Iterator[Visit]:
    """Open `path` in a new context and wait for its load event and fonts; console errors are
    kept. No weight nor outside request recorded (use `visit` for those)."""
    with browser_context(browser, width, height) as context:
        page = context.new_page()
        result = _watched(page, base + path)
        loaded(page, result.url)
        yield result


class Tab:
    """One tab at one size that opens page after page (`open`), its cache kept between them."""

    def __init__(self, page, base: str) -> None:
        self.page, self.base = page, base

    def open(self, path: str):
        loaded(self.page, self.base + path)
        return self.page


@contextmanager
def tab(browser, base: str, width: int = 1280, height: int = 900) -> Iterator[Tab]:
    with browser_context(browser, width, height) as context:
        yield Tab(context.new_page(), base)


# A reader's screens: two phones and a laptop.
WIDTHS = (320, 390, 1366)


def sideways(page, widths: tuple[int, ...] = WIDTHS) -> list[str]:
    """The widths, among `widths`, at which the open page is wider than the screen (a table, a
    formula, a long identifier or a link would push it), with its width there: « à 320 px :
    412 px ». The page is laid out again at each width, in the order given."""
    wide = []
    for width in widths:
        if width != page.viewport_size["width"]:
            page.set_viewport_size({"width": width, "height": page.viewport_size["height"]})
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide.append(f"à {width} px : {scroll} px")
    return wide


def pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to its root (not the theme's
    template macros, in _static/)."""
    site = Path(site)
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).parts[0].startswith("_"))


def page_files(site: Path) -> list[Path]:
    """The files of `pages`: every HTML page of the built site."""
    return [Path(site) / page for page in pages(site)]
