"""The bad-input corpus (tests/corpus/): each mistake stops the check with a French message
naming the right file and line, a fix, and nothing else (no traceback, no English report).

Data and estimate cases run the contributor's own command, `python -m empreinte_ia.lint`, in
process (the build calls the same `checks.load_data`); chapter cases are built together as one
small site (see test_bad_chapters.py).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from empreinte_ia import lint

from .support.make import commands
from .support.site import DATA, ROOT, build_small_site, write
from .support.site import sphinx_cli as sphinx
from .test_build import NOTEBOOK_HEADER

CORPUS = Path(__file__).parent / "corpus"
ESTIMATES = ROOT / "src" / "empreinte_ia" / "estimates"

BASES = {
    "parametre": (
        "- id: energie_test\n"
        "  libelle: Une énergie de test\n"
        "  valeur: 0.42\n"
        "  bas: 0.29\n"
        "  haut: 0.55\n"
        "  unite: Wh\n"
        "  source: jegham2025\n"
        "  localisation: tableau 4\n"
        "  annee: 2025\n"
        "  statut: estime\n"
        "  verification: P\n"
    ),
    "affirmation": (
        "- id: a001_corpus\n"
        "  document: 001_66d0f49b45512c60.txt\n"
        "  citation: une requête courte consomme peu\n"
        "  valeur: 0.42\n"
        "  unite: Wh/query\n"
        "  estimation: gpt4o_energy_short\n"
    ),
    "estimation": (
        '"""Module d\'estimations du corpus."""\n'
        "\n"
        "from ..registry import estimate\n"
        "\n"
        "\n"
        '@estimate(unit="Wh/day/user", label="Énergie du corpus", formula="a × b")\n'
        "def corpus_energy(gpt4o_energy_short, chatgpt_queries_per_user_day):\n"
        "    return gpt4o_energy_short * chatgpt_queries_per_user_day\n"
    ),
}
# English words that would betray a message not written for a contributor.
ENGLISH = re.compile(r"Traceback|Error\b|Exception|line \d|File \"|not found|\binvalid\b", re.I)


def cases(name: str) -> list[dict]:
    return yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))


def apply(case: dict, root: Path, default: str) -> tuple[Path, int]:
    """Write the case into the copy `root`; return the file written and the expected line."""
    target = root / case.get("fichier", default)
    text = target.read_text(encoding="utf-8") if target.exists() and "base" not in case \
        and "contenu" not in case and "octets" not in case else ""
    if "base" in case:
        text = BASES[case["base"]]
        for old, new in case.get("remplacer", {}).items():
            assert old in text, (case["cas"], old)
            text = text.replace(old, new)
        if case.get("double"):
            text += text
    if "contenu" in case:
        text = case["contenu"]
    before = text.count("\n")
    text += case.get("ajouter", "")
    for old, new in ({} if "base" in case else case.get("remplacer", {})).items():
        assert old in text, (case["cas"], old)
        text = text.replace(old, new)
    target.parent.mkdir(parents=True, exist_ok=True)
    if "octets" in case:
        target.write_bytes(case["octets"].encode("latin-1"))
    else:
        target.write_text(text, encoding="utf-8")
    line = case["ligne"]
    line = before + int(line[1:]) if isinstance(line, str) else line
    return target, line


def run_lint(capsys, *args: str) -> tuple[int, str]:
    code = lint.main(["--donnees", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def assert_french_error(output: str, target: Path, line: int, words: str) -> None:
    name = re.escape(target.name)
    assert re.search(rf"ERREUR : \S*{name}, ligne {line} : ", output), output
    assert words in output, output
    assert "→ Correction : " in output, output
    assert not ENGLISH.search(output), output
    assert "données valides" not in output


DATA_CASES = cases("donnees.yaml")
ESTIMATE_CASES = cases("estimations.yaml")


@pytest.mark.parametrize("case", DATA_CASES, ids=[c["cas"] for c in DATA_CASES])
def test_bad_data(case, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    target, line = apply(case, tmp_path, "data/parameters/zz_corpus.yaml")
    code, output = run_lint(capsys, "--dossier-donnees", str(data))
    assert code == 1, output
    assert_french_error(output, target, line, case["message"])


@pytest.mark.parametrize("case", ESTIMATE_CASES, ids=[c["cas"] for c in ESTIMATE_CASES])
def test_bad_estimate(case, tmp_path, capsys):
    estimates = tmp_path / "estimates"
    shutil.copytree(ESTIMATES, estimates, ignore=shutil.ignore_patterns("__pycache__"))
    target, line = apply(case, tmp_path, "estimates/zz_corpus.py")
    code, output = run_lint(capsys, "--dossier-estimations", str(estimates))
    assert code == 1, output
    assert_french_error(output, target, line, case["message"])


def test_corpus_bases_are_valid(tmp_path, capsys):
    """Without the mistake, each base passes: the corpus tests the mistake, not the base."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "parameters" / "zz_corpus.yaml").write_text(BASES["parametre"], encoding="utf-8")
    (data / "claims" / "zz_corpus.yaml").write_text(BASES["affirmation"], encoding="utf-8")
    estimates = tmp_path / "estimates"
    shutil.copytree(ESTIMATES, estimates, ignore=shutil.ignore_patterns("__pycache__"))
    (estimates / "zz_corpus.py").write_text(BASES["estimation"], encoding="utf-8")
    code, output = run_lint(capsys, "--dossier-donnees", str(data), "--dossier-estimations",
                            str(estimates))
    assert code == 0, output
    assert "données valides" in output


def test_corpus_has_one_case_per_mistake():
    names = [c["cas"] for c in DATA_CASES + ESTIMATE_CASES]
    assert len(names) == len(set(names))


# -- Chapters: one small site holds every case, built once ----------------------------------
CHAPTER_CASES = cases("chapitres.yaml")
# The annex pages are written into every source folder: a small site leaves them out.
NO_ANNEXES = ("-D", "exclude_patterns=_build,annexes/**")
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'
WARNING = re.compile(r"^(?P<path>\S*cas_(?P<cas>\w+)\.md):(?P<line>\d+): (?P<msg>.*)$", re.M)


@pytest.fixture(scope="module")
def chapter_build(tmp_path_factory):
    """The corpus site: one page per case, no annexes, built once with the strict options."""
    root = tmp_path_factory.mktemp("corpus")
    src = root / "docs"
    pages = [f"cas_{c['cas']}" for c in CHAPTER_CASES]
    write(src / "index.md", "# Corpus\n\n```{toctree}\n" + "\n".join([*pages, "cible", "noyau"]) +
          "\n```\n")
    write(src / "cible.md", "# Cible\n\n## Une section\n\nTexte.\n")
    write(src / "noyau.md", NOTEBOOK_HEADER + f"\n# Noyau\n\n```{{code-cell}} ipython3\n{KERNEL_LOG}```\n")
    write(src / "_static" / "vide.svg", SVG)
    for case in CHAPTER_CASES:
        path = src / f"cas_{case['cas']}.md"
        if "octets" in case:
            path.write_bytes(case["octets"].encode("latin-1"))
        else:
            path.write_text(case["contenu"], encoding="utf-8")
    result = sphinx(src, root / "html", DATA, root / "cache", NO_ANNEXES, releases=False)
    found: dict[str, list[tuple[int, str]]] = {}
    for m in WARNING.finditer(result.stderr):
        found.setdefault(m["cas"], []).append((int(m["line"]), m["msg"]))
    return result, found, root / "html"


# A good page of the corpus whose cell imitates what ipykernel may log on its standard error
# when it shuts down (the traceback of its message loop), and prints a line of its own.
KERNEL_LOG = ("import logging\nlogging.getLogger('tornado.general').error("
              "'Uncaught exception in ZMQStream callback (imitation)')\n"
              "print('Sortie de la cellule')\n")


def test_the_kernels_own_log_stays_out_of_the_console(chapter_build):
    """What the notebooks' kernel logs on its standard error goes to the build's noyau.log,
    not to the console; what a cell prints stays its output, on its page."""
    result, _found, out = chapter_build
    assert "ZMQStream" not in result.stderr and "tornado" not in result.stderr, \
        result.stderr[:2000]
    log = out.parent / "doctrees" / "noyau.log"
    assert "ZMQStream callback (imitation)" in log.read_text(encoding="utf-8")
    assert "Sortie de la cellule" in (out / "noyau.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CHAPTER_CASES, ids=[c["cas"] for c in CHAPTER_CASES])
def test_bad_chapter(case, chapter_build):
    result, found, out = chapter_build
    assert result.returncode != 0
    reported = found.get(case["cas"], [])
    fragments = case["message"] if isinstance(case["message"], list) else [case["message"]]
    assert any(line == case["ligne"] and all(f in msg for f in fragments)
               for line, msg in reported), \
        f"attendu ligne {case['ligne']} « {case['message']} », reçu : {reported}"
    for _line, msg in reported:
        assert "Correction" in msg, msg
    assert not (out / f"cas_{case['cas']}.html").exists(), "page fautive publiée"


HEADER_CASES = [c for c in CHAPTER_CASES if c["cas"].startswith("entete_")]


@pytest.mark.parametrize("case", HEADER_CASES, ids=[c["cas"] for c in HEADER_CASES])
def test_bad_front_matter_in_lint(case, tmp_path, capsys):
    """`make lint` and pre-commit say what the build says, from the same function."""
    target = tmp_path / f"cas_{case['cas']}.md"
    target.write_text(case["contenu"], encoding="utf-8")
    code = lint.main([str(target)])
    out = capsys.readouterr()
    assert code == 1
    assert_french_error(out.out + out.err, target, case["ligne"], case["message"])


def test_corpus_build_ends_in_french_without_crash_report(chapter_build):
    result, _found, out = chapter_build
    assert "la construction échoue sur" in result.stderr
    assert "Traceback" not in result.stderr and "sphinx-doc/sphinx/issues" not in result.stderr
    problems = result.stderr.count(": AVERTISSEMENT : ")
    assert problems >= len(CHAPTER_CASES)
    assert f"la construction échoue sur {problems} problème(s)" in result.stderr, \
        result.stderr[-2000:]
    # Sphinx's English « WARNING: » prefix is said in French (french_warnings.FrenchPrefix).
    assert re.search(r"cas_\w+\.md:\d+: AVERTISSEMENT : ", result.stderr), result.stderr[-2000:]
    assert "WARNING:" not in result.stderr and "ERROR:" not in result.stderr
    assert (out / "cible.html").exists(), "les pages justes restent publiées"


# -- The build stops on bad data at its boundary, in French, before any page ----------------
# Bad data and bad estimates stop the build the same way (checks.load_data raises, state.stop
# prints the French message and ends with DataStop, a SystemExit): one case runs Sphinx's
# command line, which must end with status 1 and without its crash report; the others are
# built in this process (build_small_site), with the same extension.
BUILD_CASES = [
    ("donnees.yaml", "valeur_negative", "data", True),
    ("donnees.yaml", "annee_en_texte", "data", False),
    ("donnees.yaml", "note_de_parametre_chiffree", "data", False),
    ("estimations.yaml", "division_par_zero", "estimates", False),
    ("estimations.yaml", "meme_estimation_deux_fois_dans_un_module", "estimates", False),
    ("estimations.yaml", "libelle_d_estimation_chiffre", "estimates", False),
]


@pytest.mark.parametrize("corpus,name,kind,command_line", BUILD_CASES,
                         ids=[c[1] for c in BUILD_CASES])
def test_bad_data_stops_the_build(corpus, name, kind, command_line, tmp_path):
    [case] = [c for c in cases(corpus) if c["cas"] == name]
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    estimates = tmp_path / "estimates"
    if kind == "estimates":
        shutil.copytree(ESTIMATES, estimates, ignore=shutil.ignore_patterns("__pycache__"))
        target, line = apply(case, tmp_path, "estimates/zz_corpus.py")
    else:
        target, line = apply(case, tmp_path, "data/parameters/zz_corpus.yaml")
    index = "# Mini\n\nUne requête : {chiffre}`gpt4o_energy_short`.\n"
    if command_line:
        src = tmp_path / "docs"
        write(src / "index.md", index)
        extra = ("-D", f"empreinte_estimates_dir={estimates}") if kind == "estimates" else ()
        result = sphinx(src, tmp_path / "html", data, tmp_path / "cache", extra, releases=False)
        assert result.returncode == 1
        output = result.stderr
    else:
        overrides = {"empreinte_estimates_dir": str(estimates)} if kind == "estimates" else {}
        built = build_small_site(tmp_path, {"index.md": index}, data=data, overrides=overrides)
        assert not built.ok
        output = built.messages
    assert_french_error(output, target, line, case["message"])
    assert "Extension error" not in output and "sphinx-doc/sphinx/issues" not in output
    assert not list((tmp_path / "html").rglob("*.html")), "rien n'est publié"


# -- Incremental builds: nothing stale, nothing faulty left in the published folder ---------
# Built in this process (build_small_site), each build a new Sphinx application reading the
# environment the previous one saved, as a new `make html` does; the command line itself is
# tested above and in the corpus.
def test_faulty_page_is_withdrawn_and_read_again_until_fixed(tmp_path):
    page = "# Page\n\nUne requête : {chiffre}`gpt4o_energy_short`.\n"
    built = build_small_site(tmp_path, {"page.md": page}, data=DATA)
    assert built.ok, built.messages
    assert (built.outdir / "page.html").exists()
    write(built.srcdir / "page.md", "# Page\n\nUne requête : 15 Wh.\n")
    first = build_small_site(tmp_path, {}, data=DATA, fresh=False)
    assert not first.ok and first.has("page.md:3", "nombre tapé à la main"), first.messages
    assert not (first.outdir / "page.html").exists(), "l'ancienne page ne reste pas publiée"
    again = build_small_site(tmp_path, {}, data=DATA, fresh=False)  # the file did not change
    assert not again.ok and again.has("page.md:3", "nombre tapé à la main"), again.messages
    assert not (again.outdir / "page.html").exists()


def test_removed_chapter_leaves_the_site_and_links_are_checked_again(tmp_path):
    built = build_small_site(tmp_path, {"page.md": "# Page\n\nVoir {doc}`autre`.\n",
                                        "autre.md": "# Autre\n\nTexte.\n"}, data=DATA)
    assert built.ok, built.messages
    assert (built.outdir / "autre.html").exists()
    (built.srcdir / "autre.md").unlink()
    write(built.srcdir / "index.md", "# Mini\n\n```{toctree}\npage\n```\n")
    result = build_small_site(tmp_path, {}, data=DATA, fresh=False)
    assert not (result.outdir / "autre.html").exists(), "la page supprimée a quitté le site"
    assert not result.ok and result.has("page.md:3", "document inconnu « autre »"), \
        result.messages


def test_pages_and_files_of_an_earlier_build_leave_the_site(tmp_path):
    """A page removed while the environment that knew it is gone (`_build/doctrees` deleted,
    another branch checked out, Sphinx updated) and files no page links to any more leave
    `_build/html` at the next ordinary build; the pages and files still published stay."""
    built = build_small_site(tmp_path, {
        "page.md": "# Page\n\nUne requête : {chiffre}`gpt4o_energy_short`.\n",
        "annexe-ancienne.md": "# Ancienne\n\nTexte.\n"}, data=DATA)
    assert built.ok, built.messages
    out, src = built.outdir, built.srcdir
    assert (out / "annexe-ancienne.html").is_file()
    kept = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file()
                  and p.name != "annexe-ancienne.html" and "/v/" not in f"/{p.parent}/")
    shutil.rmtree(tmp_path / "doctrees")
    (src / "annexe-ancienne.md").unlink()
    write(src / "index.md", "# Mini\n\n```{toctree}\npage\n```\n")
    write(out / "_images" / "graphique-ancien.svg", "<svg/>")
    write(out / "_downloads" / "carnets" / "ancien.ipynb", "{}")
    result = build_small_site(tmp_path, {}, data=DATA, fresh=False)
    assert result.ok, result.messages
    assert not (out / "annexe-ancienne.html").exists(), "la page supprimée a quitté le site"
    assert not (out / "_images" / "graphique-ancien.svg").exists()
    assert not (out / "_downloads" / "carnets").exists()
    assert (out / "page.html").is_file() and (out / "search.html").is_file()
    assert (out / "genindex.html").is_file() and (out / "donnees" / "parametres.csv").is_file()
    now = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file()
                 and "/v/" not in f"/{p.parent}/")
    assert set(kept) - set(now) == set(), "un fichier encore publié a été supprimé"


def test_serve_is_as_strict_as_html():
    """`make html` and `make serve` would both run Sphinx with -n -W --keep-going."""
    [html] = [line.split() for line in commands("html") if "-m sphinx" in line]
    [serve] = [line.split() for line in commands("serve") if "-m sphinx_autobuild" in line]
    for flags in (html, serve):
        assert {"-n", "-W", "--keep-going"} <= set(flags)


def test_chapter_not_in_utf8_stops_the_build(tmp_path):
    """Stopped before any page is read (as bad data is, by the same DataStop: the command line
    of a stop is tested above)."""
    built = build_small_site(tmp_path, {
        "index.md": "# Mini\n\n```{toctree}\npage\n```\n",
        "page.md": "# Page\n\nUne requ\xeate.\n".encode("latin-1")}, data=DATA)
    assert not built.ok
    assert_french_error(built.messages, built.srcdir / "page.md", 3, "n'est pas en UTF-8")
    assert "sphinx-doc/sphinx/issues" not in built.messages
    assert not list(built.outdir.rglob("*.html"))


# -- Texts of data/ that state a value: roles, rendered on the site and in the open data ---
def test_note_roles_are_values_in_the_open_data():
    from empreinte_ia.display import render
    from empreinte_ia.export import parameter_rows
    from empreinte_ia.registry import load_registry

    registry = load_registry(DATA)
    rows = {r["id"]: r for r in parameter_rows(registry)}
    assert not [k for k, r in rows.items() if "}`" in r["note"] + r["motif_verification"]]
    note = rows["gpt4o_energy_short"]["note"]
    assert f"({render(registry, 'gpt4o_energy_short', 'plage')})" in note, note


def test_note_roles_are_links_in_the_annex(site):
    from bs4 import BeautifulSoup

    page = site / "annexes" / "parametres" / "inference_gpt4o.html"
    entry = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(
        id="gpt4o-energy-short")
    notes = [dt.find_next_sibling("dd") for dt in entry.select("dl.field-list > dt")
             if dt.get_text(strip=True).startswith("Note")]
    assert notes and notes[0].select("a.chiffre"), notes
    assert "{plage}" not in notes[0].get_text()
