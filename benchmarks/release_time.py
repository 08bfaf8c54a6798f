"""Time of the release step, printed as ratios (not a test: nothing here can fail a build).

Measures, in the same run and on the same tree:
  baseline: a fresh Python process that loads the registry and computes the verdicts;
  gel : `freeze_tree`, what `make release` runs (the same, plus the texts and the snapshot);
  pages : the static pages of every release (v/<version>/…), as the build writes them;
  diff : the comparison of the working tree with the last release (make diff-chiffres).
Usage: .venv/bin/python benchmarks/release_time.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from empreinte_ia.changelog import load_records
from empreinte_ia.citation import Site
from empreinte_ia.permalinks import write_pages
from empreinte_ia.releases import diff_command, freeze_tree, load_releases

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ("from pathlib import Path\nfrom empreinte_ia.registry import load_registry\n"
            "from empreinte_ia.claims import verdicts\n"
            f"verdicts(load_registry(), Path({str(ROOT / 'data' / 'claims')!r}))\n")


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def fr(x: float, digits: int) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def main() -> None:
    from docutils.nodes import make_id

    base = timed(lambda: subprocess.run([sys.executable, "-c", BASELINE], check=True, cwd=ROOT))
    current: dict = {}
    gel = timed(lambda: current.update(freeze_tree(ROOT, "", "2026-01-01")))
    releases = load_releases(ROOT / "publications")
    records = load_records(ROOT / "data" / "changements.yaml")
    site = Site("IA et environnement", releases[-1]["version"], "2026-01-01", "https://exemple.org/")
    with tempfile.TemporaryDirectory() as tmp:
        pages = timed(lambda: write_pages(Path(tmp), site, releases, current, records, make_id))
    diff = timed(lambda: diff_command(None, ROOT))
    print(f"Référence (registre et verdicts, nouveau processus) : {fr(base, 2)} s")
    for name, t in (("gel des chiffres (make release)", gel),
                    (f"pages permanentes ({len(releases)} version(s))", pages),
                    ("comparaison (make diff-chiffres)", diff)):
        print(f"  {name} : {fr(t, 2)} s, soit {fr(t / base, 2)} × la référence")


if __name__ == "__main__":
    main()
