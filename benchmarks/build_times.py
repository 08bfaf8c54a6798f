"""Build times of the site, printed as ratios (not a test: nothing here can fail a build).

Measures, on a copy of docs/ and data/ in a temporary folder:
  clean build · no-change rebuild · one-sentence edit · one-parameter edit ·
  clean build with notebook execution off ·
  the floor: the same pages built by plain Sphinx (MyST, bibtex, the same theme, none of our
  extension), with every number typed in, the annexes written out in Markdown and the code
  cells left out (they show nothing when not executed).
The two ratios that have targets: clean / without execution (≤ 2), without execution / floor
(≤ 1,5). Each build is timed twice: wall-clock seconds, and the processor seconds (user +
system) of the build and of every process it started (the Jupyter kernels): on a machine
shared with other work, wall-clock time depends on the others' load, processor time much less.
Usage: .venv/bin/python benchmarks/build_times.py
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from empreinte_ia import load_registry  # noqa: E402
from empreinte_ia.claims import DOCUMENTS, verdicts  # noqa: E402
from empreinte_ia.display import anchor, group_of, render  # noqa: E402

FLOOR_CONF = '''
project = "IA et environnement : les chiffres calculés"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex"]
myst_enable_extensions = ["dollarmath", "colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3
bibtex_bibfiles = [{bib!r}]
bibtex_default_style = "unsrt"
bibtex_reference_style = "author_year"
numfig = True
html_theme = "sphinx_book_theme"
suppress_warnings = ["myst.xref_missing", "ref.ref", "ref.numref", "myst.header"]
'''


def _cpu() -> float:
    """Processor seconds of the finished child processes (and theirs), user and system."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def build(src: Path, data: Path, work: Path, name: str, *extra: str, strict: bool = True,
          conf: Path = ROOT) -> tuple[float, float]:
    """(wall-clock seconds, processor seconds) of one build."""
    env = dict(os.environ, EMPREINTE_CACHE_DIR=str(work / f"cache-{name}"), PYTHONHASHSEED="0")
    cmd = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-c", str(conf),
           "-d", str(work / f"doctrees-{name}"), *(("-n", "-W", "--keep-going") if strict else ()),
           *(("-D", f"empreinte_data_dir={data}") if conf == ROOT else ()), *extra, str(src),
           str(work / f"html-{name}")]
    start, cpu = time.perf_counter(), _cpu()
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    elapsed, cpu = time.perf_counter() - start, _cpu() - cpu
    if result.returncode:
        sys.exit(f"la construction « {name} » a échoué :\n{result.stderr[-3000:]}")
    return elapsed, cpu


def edit_sentence(src: Path) -> None:
    page = src / "chapitres" / "utilisation.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("a aussi un coût.", "a, elle aussi, un coût.", 1),
                    encoding="utf-8")


def edit_parameter(data: Path) -> None:
    path = data / "parameters" / "inference_gpt4o.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("valeur: 4.6\n", "valeur: 4.65\n", 1), encoding="utf-8")


# -- the floor: the same pages, typed in ------------------------------------------------
ROLE = re.compile(r"\{(chiffre|nombre|plage|source|verdict)\}`([^`]+)`")
DIRECTIVE = re.compile(r"^```\{(liste-parametres|liste-estimations|liste-verifications|"
                       r"contradictions|telechargements|changements)\}\n(?:.*\n)*?```\n", re.M)
CODE_CELL = re.compile(r"^```\{code-cell\}.*\n(?:.*\n)*?```\n", re.M)
FRONT_MATTER = re.compile(r"\A---\n(?:.*\n)*?---\n")


def _entries(registry, keys, page: str) -> str:
    out = []
    for key in keys:
        value = render(registry, key, "chiffre")
        out.append(f"({anchor(key)})=\n### {registry.label(key)}\n\nIdentifiant\n: `{key}`\n\nValeur\n: {value}\n")
        if registry.value(key).has_range:
            out.append(f"Fourchette\n: {render(registry, key, 'plage')}\n")
        sources = " ; ".join(registry.references[s].short() for s in registry.sources_of(key))
        out.append(f"Sources\n: {sources}\n\n<details class=\"citer\"><summary>Citer ce chiffre"
                   f"</summary><p>{registry.label(key)} : {value}. {page}#{anchor(key)}</p>"
                   "</details>\n")
    return "\n".join(out)


def _checks(registry, found) -> str:
    out = []
    for code, title in DOCUMENTS.items():
        out.append(f"### Document {code} : {title}\n\n| Id | Ce que dit la source | Verdict |\n"
                   "|---|---|---|")
        for v in found.values():
            if v.claim.doc_code == code:
                quote = v.claim.quote.replace("|", "\\|")
                out.append(f"| {v.claim.id} | « {quote} » | **{v.label}** |")
        out.append("")
    return "\n".join(out)


def typed_in(text: str, registry, found) -> str:
    """A chapter with its numbers, verdicts and generated lists written out."""
    def role(m: re.Match) -> str:
        kind, key = m.group(1), m.group(2).strip()
        if kind == "source":
            return f"« {found[key].claim.quote} »"
        if kind == "verdict":
            return found[key].label
        return render(registry, key, kind)

    def directive(m: re.Match) -> str:
        name = m.group(1)
        # One annex page per theme (annex_pages.py): « :groupe: » keeps that theme's entries.
        group = re.search(r"^:groupe:\s*(\S+)", m.group(0), re.M)

        def shown(keys) -> list[str]:
            return sorted(k for k in keys if not group or group_of(registry, k) == group[1])

        if name == "liste-parametres":
            return _entries(registry, shown(registry.parameters), "parametres.html")
        if name == "liste-estimations":
            return _entries(registry, shown(registry.estimates), "estimations.html")
        if name == "liste-verifications":
            return _checks(registry, found)
        return "Tableau écrit à la main.\n"

    text = FRONT_MATTER.sub("", text)
    text = CODE_CELL.sub("", text)
    text = DIRECTIVE.sub(directive, text)
    return ROLE.sub(role, text)


def write_floor(src: Path, data: Path, floor: Path) -> None:
    registry = load_registry(data)
    found = {v.claim.id: v for v in verdicts(registry, data / "claims")}
    shutil.copytree(src, floor)
    for page in floor.rglob("*.md"):
        page.write_text(typed_in(page.read_text(encoding="utf-8"), registry, found),
                        encoding="utf-8")
    (floor / "conf.py").write_text(FLOOR_CONF.format(bib=str(data / "references.bib")),
                                   encoding="utf-8")


def fr(x: float, digits: int) -> str:
    """A number with a decimal comma, as everything else the project prints."""
    return f"{x:.{digits}f}".replace(".", ",")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src, data = work / "docs", work / "data"
        shutil.copytree(ROOT / "docs", src)
        shutil.copytree(ROOT / "data", data)
        write_floor(src, data, work / "floor")
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
        times["plancher : Sphinx seul, chiffres tapés"] = build(
            work / "floor", data, work, "floor", strict=False, conf=work / "floor")
    width = max(map(len, times))
    print(f"Temps de construction (secondes)\n  {'':<{width}}  {'horloge':>8}  {'processeur':>10}")
    for name, (wall, cpu) in times.items():
        print(f"  {name:<{width}}  {fr(wall, 1):>8}  {fr(cpu, 1):>10}")
    ratios = [("propre / sans exécution", "propre", "propre, sans exécution", "(cible ≤ 2)"),
              ("sans exécution / plancher Sphinx", "propre, sans exécution",
               "plancher : Sphinx seul, chiffres tapés", "(cible ≤ 1,5)"),
              ("une phrase / sans changement", "une phrase modifiée", "sans changement",
               "(cible ≤ 1,5)"),
              ("un paramètre / sans changement", "un paramètre modifié", "sans changement", "")]
    print(f"Rapports\n  {'':<34}  {'horloge':>8}  {'processeur':>10}")
    for label, top, bottom, target in ratios:
        wall, cpu = (times[top][i] / times[bottom][i] for i in (0, 1))
        print(f"  {label:<34}  {fr(wall, 2):>8}  {fr(cpu, 2):>10}  {target}")

if __name__ == "__main__":
    main()
