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

from .conftest import DATA, ROOT

CORPUS = Path(__file__).parent / "corpus"
ESTIMATES = ROOT / "src" / "empreinte_ia" / "estimates"

BASES = {
    "parametre": (
        "- id: energie_test\n"
        "  libelle: Une énergie de test\n"
        "  valeur: 0.42\n"
        "  bas: 0.29\n"
        "  haut: 0.55\n"
        "  unite: Wh/query\n"
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
