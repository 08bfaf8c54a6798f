"""Weight and Lighthouse mobile scores of every page of the built site (not a test).

Serves _build/html on 127.0.0.1 with gzip, as a static host does, then for each page:
  bytes transferred (page and every asset, compressed), measured in Chromium;
  Lighthouse scores, mobile profile (performance, accessibility, best practices, SEO).
Usage: make bench (builds the site and installs Lighthouse from npm first), or
  python benchmarks/pages.py [page.html …]   only these pages (Lighthouse is slow: about
                                             twenty seconds a page on two cores).
Without pages: every page of the book; of the frozen release pages (v/<version>/, one per
figure and all alike), each release's index and one figure page.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.browser import FLAGS, chromium, find_chromium, pages, serve, visit  # noqa: E402

SITE = ROOT / "_build" / "html"
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = {"performance": ("performance", 98), "accessibility": ("accessibilité", 100),
              "best-practices": ("bonnes pratiques", 100), "seo": ("SEO", 100)}
MAX_KB = 250


def lighthouse(url: str) -> dict[str, int]:
    """Lighthouse's default profile is a mid-range phone on a slow 4G link (simulated)."""
    cmd = [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
           f"--chrome-path={find_chromium()}", "--chrome-flags=" + " ".join(FLAGS),
           "--only-categories=" + ",".join(CATEGORIES)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if result.returncode:
        sys.exit(f"Lighthouse a échoué sur {url} :\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    return {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}


def book_pages(site: Path) -> list[str]:
    """Every page, but one figure page per frozen release (they are all alike)."""
    found, frozen = [], set()
    for path in pages(site):
        parts = Path(path).parts
        if parts[0] == "v" and len(parts) == 3 and parts[2] != "index.html":
            if parts[1] in frozen:
                continue
            frozen.add(parts[1])
        found.append(path)
    return found


def main() -> None:
    if not (SITE / "index.html").exists():
        sys.exit("Site non construit : lancez d'abord « make html » (ou « make bench »).")
    wanted = sys.argv[1:] or book_pages(SITE)
    missing = [p for p in wanted if not (SITE / p).is_file()]
    if missing:
        sys.exit(f"Pages absentes de {SITE} : {', '.join(missing)}")
    rows = []
    with serve(SITE) as base, chromium() as browser:
        for path in wanted:
            with visit(browser, base, path) as page:
                weight = page.weight
            rows.append((path, weight / 1024, lighthouse(base + path)))
            print(f"  mesuré : {path}", file=sys.stderr)
    width = max(len(path) for path, _w, _s in rows)
    heads = [name for name, _target in CATEGORIES.values()]
    print("Poids transféré (Ko, gzip) et scores Lighthouse mobiles, par page")
    print(f"  {'page':<{width}}  {'poids':>6}  " + "  ".join(f"{h:>11}" for h in heads))
    for path, kb, scores in rows:
        print(f"  {path:<{width}}  {kb:6.0f}  "
              + "  ".join(f"{scores[key]:>11}" for key in CATEGORIES))
    heaviest = max(rows, key=lambda r: r[1])
    print("Bilan")
    print(f"  page la plus lourde : {heaviest[0]}, {heaviest[1]:.0f} Ko (cible ≤ {MAX_KB} Ko)")
    for key, (name, target) in CATEGORIES.items():
        low = min(rows, key=lambda r: r[2][key])
        print(f"  {name + ' minimale':<28}: {low[2][key]:3d} ({low[0]} ; cible ≥ {target})")


if __name__ == "__main__":
    main()
