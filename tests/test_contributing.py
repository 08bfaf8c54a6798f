"""What a contributor relies on: CONTRIBUTING.md tells the truth, CI and `make check` agree,
the workflow is linted, the pre-commit hooks are valid."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from empreinte_ia.claims import load_claims, verdict
from empreinte_ia.display import render
from empreinte_ia.registry import check_estimate_sources, load_registry
from empreinte_ia.units import parse_unit

from .conftest import ROOT, write
from .support.make import commands, dry_run

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", GUIDE, re.S | re.M)


def test_guide_covers_every_task():
    for heading in ("Modifier une phrase", "Ajouter un paramètre", "Ajouter une estimation",
                    "Ajouter un graphique", "Ajouter une affirmation à vérifier",
                    "Vérifier son travail", "Liste de contrôle d'une demande de fusion",
                    "Proposer sa modification", "Les messages d'erreur"):
        assert re.search(rf"^## {heading}", GUIDE, re.M), heading
    assert "une phrase par ligne" in GUIDE.lower()


def test_guide_role_table_shows_what_the_site_renders():
    registry = load_registry()
    rows = re.findall(r"^\| `` \{(chiffre|nombre|plage)\}`(\w+)` `` \| ([^|(]+)", GUIDE, re.M)
    assert len(rows) == 3
    for kind, key, shown in rows:
        assert render(registry, key, kind).replace("\u202f", " ") == shown.strip(), key


def test_guide_units_are_all_readable():
    listed = re.search(r"^Unités : (.*?)\. Combinez", GUIDE, re.S | re.M).group(1)
    units = re.findall(r"`([^`]+)`", listed)
    assert len(units) > 30
    combined = re.findall(r"`([^`]+)`", re.search(r"Combinez-les : (.*?)\.\n", GUIDE).group(1))
    assert len(combined) == 3
    for unit in units + combined:
        parse_unit(unit)


def test_guide_parameter_and_claim_examples_load(data_copy):
    parameter = yaml.safe_load(blocks("yaml")[0])[0] | {"id": "exemple_du_guide"}
    write(data_copy / "parameters" / "zz_guide.yaml", yaml.safe_dump([parameter],
                                                                      allow_unicode=True))
    registry = load_registry(data_copy)
    assert registry.value("exemple_du_guide").magnitudes() == (0.42, 0.29, 0.55)
    claim = yaml.safe_load(blocks("yaml")[1])[0] | {"id": "a001_exemple_du_guide"}
    write(data_copy / "claims" / "zz_guide.yaml", yaml.safe_dump([claim], allow_unicode=True))
    found = {c.id: c for c in load_claims(data_copy / "claims", registry)}
    assert verdict(found["a001_exemple_du_guide"], registry).kind == "exact"


def test_guide_estimate_example_is_the_real_one(tmp_path):
    example = blocks("python")[0]
    key = re.search(r"^def (\w+)\(", example, re.M).group(1)
    # The example is in the form the loader accepts: no id typed in the decorator.
    module = tmp_path / "guide.py"
    module.write_text(example, encoding="utf-8")
    check_estimate_sources([module])
    registry = load_registry()
    assert key in registry.estimates
    assert f'label="{registry.label(key)}"' in example


def test_ci_workflow_and_make_check_run_the_same_targets():
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(), re.M)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make html\s", readme, re.M) and re.search(r"^make test\s", readme, re.M)
    steps = [s.get("run", "") for s in
             yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text())["jobs"]["check"]
             ["steps"]]
    assert {"bash .ci/run", "make lint", "make html"} <= set(steps)
    # `make check` runs what CI runs: the linters, the tests, then the strict build.
    would_run = commands("check")
    steps_run = [next((i for i, line in enumerate(would_run) if part in line), None)
                 for part in ("-m ruff check", "-m mypy", "-m empreinte_ia.lint", "actionlint",
                              "-m pytest", "-m sphinx -b html")]
    assert None not in steps_run, would_run
    assert steps_run == sorted(steps_run), would_run
    assert "-W" in next(line for line in would_run if "-m sphinx -b html" in line).split()


def test_workflow_passes_actionlint():
    result = subprocess.run([str(BIN / "actionlint"), ".github/workflows/site.yml"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path):
    workflow = (ROOT / ".github/workflows/site.yml").read_text()
    broken = workflow.replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    step: []", 1)
    broken = broken.replace("${{ steps.deployment.outputs.page_url }}",
                            "${{ step.deployment.outputs.page_url }}")
    write(tmp_path / ".github" / "workflows" / "site.yml", broken)
    result = subprocess.run([str(BIN / "actionlint"), ".github/workflows/site.yml"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0
    assert '"step"' in result.stdout and "undefined variable" in result.stdout


def test_pre_commit_hooks_are_valid_and_local():
    config = ROOT / ".pre-commit-config.yaml"
    result = subprocess.run([str(BIN / "pre-commit"), "validate-config", str(config)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = [h for repo in yaml.safe_load(config.read_text())["repos"] for h in repo["hooks"]]
    assert {h["id"] for h in hooks} >= {"ruff", "empreinte-ia"}
    [ours] = [h for h in hooks if h["id"] == "empreinte-ia"]
    assert ours["entry"].endswith("-m empreinte_ia.lint")
    for changed in ("docs/chapitres/utilisation.md", "data/parameters/usages.yaml",
                    "data/references.bib", "src/empreinte_ia/estimates/gpt4o.py"):
        assert re.search(ours["files"], changed), changed
    assert all(h["language"] == "system" for h in hooks), "rien à télécharger"


def test_guide_and_readme_commands_exist():
    used = set(re.findall(r"\bmake ([\w-]+)", GUIDE + (ROOT / "README.md").read_text(encoding="utf-8")))
    assert used >= {"html", "test", "check", "serve"}
    missing = {t for t in sorted(used) if dry_run(t).returncode != 0}
    assert missing == set(), f"cibles citées mais absentes du Makefile : {missing}"
    assert dry_run("cible-inexistante").returncode != 0  # the check itself can fail
