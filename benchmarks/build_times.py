"""Build times of the site, printed as ratios (not a test: nothing here can fail a build).

Measures, on a copy of docs/ and data/ in a temporary folder:
  clean build · no-change rebuild · one-sentence edit · one-parameter edit
and the same pages built clean with notebook execution off.
Usage: .venv/bin/python benchmarks/build_times.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(src: Path, data: Path, work: Path, name: str, *extra: str, strict: bool = True) -> float:
    env = dict(os.environ, EMPREINTE_CACHE_DIR=str(work / f"cache-{name}"), PYTHONHASHSEED="0")
    cmd = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-c", str(ROOT),
           "-d", str(work / f"doctrees-{name}"), *(("-n", "-W", "--keep-going") if strict else ()),
           "-D", f"empreinte_data_dir={data}", *extra, str(src), str(work / f"html-{name}")]
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"la construction « {name} » a échoué :\n{result.stderr[-3000:]}")
    return elapsed


def edit_sentence(src: Path) -> None:
    page = src / "chapitres" / "utilisation.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("a aussi un coût.", "a, elle aussi, un coût.", 1),
                    encoding="utf-8")


def edit_parameter(data: Path) -> None:
    path = data / "parameters" / "inference_gpt4o.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("valeur: 4.6\n", "valeur: 4.65\n", 1), encoding="utf-8")


def fr(x: float, digits: int) -> str:
    """A number with a decimal comma, as everything else the project prints."""
    return f"{x:.{digits}f}".replace(".", ",")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src, data = work / "docs", work / "data"
        shutil.copytree(ROOT / "docs", src)
        shutil.copytree(ROOT / "data", data)
        times = {
            "propre": build(src, data, work, "main"),
            "sans changement": build(src, data, work, "main"),
        }
        edit_sentence(src)
        times["une phrase modifiée"] = build(src, data, work, "main")
        edit_parameter(data)
        times["un paramètre modifié"] = build(src, data, work, "main")
        times["propre, sans exécution"] = build(src, data, work, "noexec",
                                                "-D", "nb_execution_mode=off",
                                                strict=False)  # no figures: numrefs dangle
    width = max(map(len, times))
    print("Temps de construction (secondes)")
    for name, seconds in times.items():
        print(f"  {name:<{width}}  {fr(seconds, 1):>6}")
    base, noexec = times["sans changement"], times["propre, sans exécution"]
    print("Rapports")
    print(f"  propre / propre sans exécution          : {fr(times['propre'] / noexec, 2):>5}  (cible ≤ 3)")
    print(f"  une phrase / sans changement            : "
          f"{fr(times['une phrase modifiée'] / base, 2):>5}  (cible ≤ 1,5)")
    print(f"  un paramètre / sans changement          : {fr(times['un paramètre modifié'] / base, 2):>5}")
    print(f"  un paramètre / propre                   : "
          f"{fr(times['un paramètre modifié'] / times['propre'], 2):>5}")


if __name__ == "__main__":
    main()
