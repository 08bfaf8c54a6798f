"""Weight and Lighthouse mobile scores of every page of the built site (not a test).

Serves _build/html on 127.0.0.1 with gzip, as a static host does, then for each page:
  bytes transferred (page and every asset, compressed), measured in Chromium;
  Lighthouse scores, mobile profile (performance, accessibility, best practices, SEO).
Usage: make bench (builds the site and installs Lighthouse from npm first), or
  python benchmarks/pages.py [--passages N] [page.html …]
    only these pages (Lighthouse is slow: about twenty seconds a page on two cores);
    --passages N: Lighthouse N times on each page, the median score kept (default 1).
Without pages: every page of the book (chapters, annex pages, index, glossary, search, index of
terms, 404); of the frozen release pages (v/<version>/, one per figure, all alike), the list of
releases and one figure page of the latest release.
Prints a Markdown table (the README's), then the summary; exits with status 1 when a page misses
a target (weight, or one of the four scores), naming the page.
Lighthouse computes its performance score from the processor time it observes: on a machine
busy with other work the score drops by several points (70 to 96 under a load of 15 on two
cores, 97 to 99 idle): measure on an idle machine, with `uptime` before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.browser import FLAGS, chromium, find_chromium, pages, serve, visit  # noqa: E402

from empreinte_ia.changelog import version_key  # noqa: E402

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
    """Every page, but of the frozen release pages (all alike) only the list of releases and one
    figure page of the latest release."""
    found, frozen = [], []
    for path in pages(site):
        parts = Path(path).parts
        if parts[0] == "v" and len(parts) > 2:
            if len(parts) == 3 and parts[2] != "index.html":
                frozen.append(path)
            continue
        found.append(path)
    if frozen:
        latest = max({Path(p).parts[1] for p in frozen}, key=version_key)
        found.append(min(p for p in frozen if Path(p).parts[1] == latest))
    return found


def missed(rows) -> list[str]:
    """Every target a page misses, in French."""
    found = [f"{path} : {kb:.0f} Ko (cible ≤ {MAX_KB} Ko)" for path, kb, _s in rows if kb > MAX_KB]
    for path, _kb, scores in rows:
        found += [f"{path} : {name} {scores[key]} (cible ≥ {target})"
                  for key, (name, target) in CATEGORIES.items() if scores[key] < target]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages à mesurer (par défaut : toutes)")
    parser.add_argument("--passages", type=int, default=1,
                        help="passages de Lighthouse par page, score médian (défaut : 1)")
    args = parser.parse_args()
    if not (SITE / "index.html").exists():
        sys.exit("Site non construit : lancez d'abord « make html » (ou « make bench »).")
    wanted = args.pages or book_pages(SITE)
    missing = [p for p in wanted if not (SITE / p).is_file()]
    if missing:
        sys.exit(f"Pages absentes de {SITE} : {', '.join(missing)}")
    print(f"Charge de la machine avant : {os.getloadavg()[0]:.1f} (2 cœurs ; au-delà de 1, "
          "les scores de performance baissent)", file=sys.stderr)
    rows = []
    with serve(SITE) as base, chromium() as browser:
        for path in wanted:
            with visit(browser, base, path) as page:
                weight = page.weight
            runs = [lighthouse(base + path) for _ in range(args.passages)]
            scores = {key: round(statistics.median(r[key] for r in runs)) for key in CATEGORIES}
            rows.append((path, weight / 1024, scores))
            print(f"  mesuré : {path}", file=sys.stderr)
    print(f"Charge de la machine après : {os.getloadavg()[0]:.1f}", file=sys.stderr)
    heads = [name for name, _target in CATEGORIES.values()]
    print("| page | poids (Ko, gzip) | " + " | ".join(heads) + " |")
    print("|---|---|" + "---|" * len(heads))
    for path, kb, scores in rows:
        print(f"| {path.removesuffix('.html')} | {kb:.0f} | "
              + " | ".join(str(scores[key]) for key in CATEGORIES) + " |")
    heaviest = max(rows, key=lambda r: r[1])
    print("\nBilan")
    print(f"  page la plus lourde : {heaviest[0]}, {heaviest[1]:.0f} Ko (cible ≤ {MAX_KB} Ko)")
    for key, (name, target) in CATEGORIES.items():
        low = min(rows, key=lambda r: r[2][key])
        print(f"  {name + ' minimale':<28}: {low[2][key]:3d} ({low[0]} ; cible ≥ {target})")
    failures = missed(rows)
    if failures:
        sys.exit("Cibles manquées :\n  " + "\n  ".join(failures))
    print("Toutes les cibles sont atteintes.")


if __name__ == "__main__":
    main()
