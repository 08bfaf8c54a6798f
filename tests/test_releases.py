"""Releases: frozen snapshots, the change log with causes and records, `make release`, the diff."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess

import pytest
import yaml

from empreinte_ia import __version__
from empreinte_ia.changelog import Record, changes, load_records, missing_records, template, version_key
from empreinte_ia.datafile import DataError
from empreinte_ia.freeze import number
from empreinte_ia.releases import (
    ReleaseError,
    diff_command,
    diff_markdown,
    dumps,
    freeze_tree,
    load_releases,
    publish,
    read_version,
    release_files,
)

from .conftest import ROOT, write

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}


# -- synthetic snapshots ------------------------------------------------------------------
def _entry(value, low=None, high=None, unit="Wh / query", **extra):
    return {"libelle": "x", "valeur": value, "bas": low, "haut": high, "unite": unit,
            "texte": f"{value}", "plage_texte": None, **extra}


def _snap(version="0.1.0", p=1.0, p_low=None, p_high=None, q=2.0, formula="p × q",
          verdict="accord", extra_param=True):
    params = {"p": _entry(p, p_low, p_high), "q": _entry(q)}
    if extra_param:
        params["r"] = _entry(3.0)
    return {
        "version": version,
        "parametres": params,
        "estimations": {"e": _entry(p * q, unit="Wh", formule=formula, parametres=["p", "q"])},
        "verdicts": {"c": {"verdict": verdict, "verdict_libelle": verdict, "valeur_calculee": p * q,
                           "valeur_annoncee": 2.0, "unite": "Wh", "estimation": "e",
                           "citation": "« deux »"}},
        "pages": {"e": ["chapitres/a"]},
    }


def test_number_has_no_float_noise():
    assert number(0.1 + 0.2) == 0.3
    assert number(39.99999999999999) == 40 and isinstance(number(40.0), int)
    assert number(None) is None
    assert json.dumps(number(1 / 3)) == "0.333333333333"


def test_unchanged_snapshots_have_no_change():
    assert changes(_snap(), _snap("0.2.0")) == []


def test_parameter_change_moves_estimate_and_verdict_with_causes():
    found = {c.id: c for c in changes(_snap(), _snap("0.2.0", p=1.5))}
    assert set(found) == {"p", "e", "c"}
    assert found["p"].fields == ["valeur"] and found["p"].needs_record
    assert found["e"].causes == ["p"] and not found["e"].formula and not found["e"].needs_record
    assert found["c"].fields == ["valeur_calculee"] and found["c"].causes == ["e"]
    assert found["e"].percent() == pytest.approx(50.0)


def test_range_only_change_is_found():
    found = {c.id: c for c in changes(_snap(p_low=0.8, p_high=1.2),
                                      _snap("0.2.0", p_low=0.7, p_high=1.2))}
    assert found["p"].fields == ["fourchette"]


def test_formula_change_without_parameter_needs_its_own_record():
    old, new = _snap(), _snap("0.2.0", formula="p × q × 2")
    new["estimations"]["e"]["valeur"] = 4.0
    found = {c.id: c for c in changes(old, new)}
    assert found["e"].formula and found["e"].causes == [] and found["e"].needs_record


def test_verdict_change_is_found():
    found = {c.id: c for c in changes(_snap(), _snap("0.2.0", verdict="ecart"))}
    assert found["c"].fields == ["verdict"] and found["c"].needs_record


def test_removed_and_added_entries():
    found = {c.id: c for c in changes(_snap(), _snap("0.2.0", extra_param=False))}
    assert found["r"].status == "retrait" and found["r"].needs_record
    found = {c.id: c for c in changes(_snap(extra_param=False), _snap("0.2.0"))}
    assert found["r"].status == "ajout" and not found["r"].needs_record


def test_records_are_looked_up_by_release_and_inherited():
    record = Record("p", "0.2.0", "correction", "Relu au tableau 4.")
    found = changes(_snap(), _snap("0.2.0", p=1.5), [record])
    assert missing_records(found) == []
    by_id = {c.id: c for c in found}
    assert by_id["e"].records == [record]  # inherited from its parameter
    other_release = Record("p", "0.3.0", "correction", "Relu.")
    assert [c.id for c in missing_records(changes(_snap(), _snap("0.2.0", p=1.5),
                                                  [other_release]))] == ["p"]


def test_template_is_valid_records_once_completed(tmp_path):
    found = missing_records(changes(_snap(), _snap("0.2.0", p=1.5, extra_param=False)))
    text = template(found, "0.2.0")
    path = write(tmp_path / "changements.yaml", text)
    with pytest.raises(DataError, match="pas encore écrite"):
        load_records(path)
    path.write_text(text.replace("À compléter (ce qui a changé, et où dans la source).",
                                 "Relu dans la source."), encoding="utf-8")
    records = load_records(path)
    assert {r.id for r in records} == {"p", "r"} and records[0].version == "0.2.0"


@pytest.mark.parametrize("line, message", [
    ("  categorie: erreur", "catégorie inconnue"),
    ("  version: 2", "n'est pas un numéro de version"),
])
def test_bad_record_is_refused_with_its_line(tmp_path, line, message):
    text = ("- id: p\n  version: \"0.2.0\"\n  categorie: correction\n  raison: Relu.\n")
    key = line.split(":")[0]
    text = re.sub(rf"(?m)^{key}:.*$", line, text)
    path = write(tmp_path / "changements.yaml", text)
    with pytest.raises(DataError, match=message) as err:
        load_records(path)
    assert err.value.line == (2 if "version" in line else 3)


def test_diff_markdown_gives_old_new_percent_pages_and_template():
    text = diff_markdown(_snap(), _snap("", p=1.5), [], "0.2.0")
    assert "| `e` (estimation) | 2.0 | 3.0 | +50,0 % | p | chapitres/a.html, annexes/estimations.html |" \
        in text
    assert "| `p` (paramètre) | 1.0 | 1.5 | +50,0 % | valeur modifiée dans data/ |" in text
    assert "- id: p  # paramètre : valeur" in text and 'version: "0.2.0"' in text


# -- the repository ------------------------------------------------------------------------
def test_version_is_written_once_and_agrees():
    """VERSION is the source; the package, the built site and CITATION.cff agree with it."""
    version = read_version()
    assert __version__ == version
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(cff["version"]) == version
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert not re.search(r'^version = "', pyproject, re.M)  # (mypy's python_version is not it)
    assert "__version__" in (ROOT / "conf.py").read_text(encoding="utf-8")
    assert (ROOT / "publications" / f"{version}.json").exists()


def test_committed_releases_are_deterministic_and_consecutive_ones_have_records():
    releases = load_releases(ROOT / "publications")
    assert releases and releases[0]["version"] == "0.1.0"
    assert releases[0]["commit"].startswith("7ae0bcd")
    records = load_records(ROOT / "data" / "changements.yaml")
    for path, snap in zip(release_files(ROOT / "publications"), releases, strict=True):
        assert path.read_text(encoding="utf-8") == dumps(snap)
        assert path.stem == snap["version"]
    for old, new in itertools.pairwise(releases):
        lacking = missing_records(changes(old, new, records))
        assert not lacking, [c.id for c in lacking]
    for r in records:
        assert version_key(r.version) > (0, 1, 0), r


def test_first_release_reproduces_what_was_published():
    """0.1.0 is frozen from 7ae0bcd's own code: its verdict and texts are that site's."""
    snap = load_releases(ROOT / "publications")[0]
    p = snap["parametres"]["gpt4o_energy_short"]
    assert (p["valeur"], p["bas"], p["haut"]) == (0.42, 0.29, 0.55)
    assert p["texte"] == "0,42\u202fWh par requête"
    assert p["sources"][0]["cle"] == "jegham2025"
    no_range = [e for e in snap["estimations"].values() if e["bas"] is None]
    assert no_range and all(e["haut"] is None and e["plage_texte"] is None for e in no_range)
    assert all(v["verdict"] for v in snap["verdicts"].values())


@pytest.mark.skipif(not os.environ.get("CI") and not os.environ.get("EMPREINTE_CHANGEMENTS"),
                    reason="vérifié en intégration continue et par make release")
def test_working_tree_changes_since_last_release_have_records():
    """A released value that differs from the working tree needs a record (data/changements.yaml)."""
    files = release_files(ROOT / "publications")
    last = json.loads(files[-1].read_text(encoding="utf-8"))
    now = freeze_tree(ROOT, "", "2026-01-01")
    major, minor, _ = version_key(last["version"])
    lacking = missing_records(changes(last, now, load_records(ROOT / "data" / "changements.yaml"),
                                      f"{major}.{minor + 1}.0"))
    assert not lacking, ("changements sans raison enregistrée (make diff-chiffres donne le "
                         "modèle) : " + ", ".join(c.id for c in lacking))


# -- cutting a release in a throwaway clone -------------------------------------------------
@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    repo = tmp_path_factory.mktemp("release") / "repo"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(repo)], check=True)
    return repo


def _git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env={**os.environ, **GIT_ENV}).stdout


def _bump(path, key, factor):
    """Multiply the value and bounds of parameter `key` in a YAML file, keeping the rest."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {key}\n")
    end = text.find("\n- id:", start + 1)
    end = len(text) if end < 0 else end
    block = re.sub(r"(?m)^(  (?:valeur|bas|haut): )(.+)$",
                   lambda m: m.group(1) + repr(round(float(m.group(2)) * factor, 10)),
                   text[start:end])
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")


def test_release_freezes_tags_and_refuses_unexplained_changes(clone, monkeypatch):
    for k, v in GIT_ENV.items():
        monkeypatch.setenv(k, v)
    with pytest.raises(ReleaseError, match="pas un numéro"):
        publish("1.0", clone)
    with pytest.raises(ReleaseError, match="postérieure"):
        publish("0.0.9", clone)
    path = clone / "data" / "parameters" / "inference_gpt4o.yaml"
    _bump(path, "gpt4o_energy_short", 1.25)
    with pytest.raises(ReleaseError, match="non enregistrées"):
        publish("9.1.0", clone)
    _git(clone, "commit", "-qam", "paramètre modifié")
    for base in (None, "HEAD~1"):  # the last release, then a git reference (as in CI)
        text = diff_command(base, clone)
        line = next(x for x in text.splitlines() if x.startswith("| `gpt4o_energy_short`"))
        # Jegham et al. (2025): 0,42 Wh (0,29 to 0,55); × 1,25 = 0,525 (0,3625 to 0,6875): the
        # value with the two digits its range of about ±30 % allows, the range as written.
        assert ("| 0,42\u202fWh par requête (0,29 à 0,55\u202fWh par requête) | "
                "0,53\u202fWh par requête (0,3625 à 0,6875\u202fWh par requête) |") in line, line
        assert "+25,0 %" in line and "chapitres/utilisation.html" in line, line
        assert "annexes/parametres/inference_gpt4o.html" in line
        assert "- id: gpt4o_energy_short  # paramètre : valeur, fourchette" in text
    with pytest.raises(ReleaseError, match="gpt4o_energy_short") as err:
        publish("9.1.0", clone)
    assert "- id: gpt4o_energy_short" in str(err.value)  # the template to paste
    records = clone / "data" / "changements.yaml"
    previous = records.read_text(encoding="utf-8") if records.exists() else ""
    # The template of every missing record (this change, and any other since the last
    # release), pasted from the message as a contributor does, each reason filled in.
    pasted = str(err.value).split("puis relancez.\n\n", 1)[1]
    filled = pasted.replace("À compléter (ce qui a changé, et où dans la source).",
                            "Relu au tableau 4.")
    assert filled != pasted and "À compléter" not in filled
    records.write_text(previous + "\n" + filled, encoding="utf-8")
    _git(clone, "add", "data/changements.yaml")
    _git(clone, "commit", "-qm", "raison")
    out = publish("9.1.0", clone, date="2030-01-02")
    assert out == clone / "publications" / "9.1.0.json"
    assert read_version(clone) == "9.1.0"
    cff = yaml.safe_load((clone / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(cff["version"]) == "9.1.0" and str(cff["date-released"]) == "2030-01-02"
    assert "v9.1.0" in _git(clone, "tag", "--list")
    assert _git(clone, "status", "--porcelain", "--untracked-files=no") == ""
    snap = json.loads(out.read_text(encoding="utf-8"))
    assert snap["parametres"]["gpt4o_energy_short"]["valeur"] == pytest.approx(0.525)
    assert snap["version"] == "9.1.0" and snap["date"] == "2030-01-02"
    previous_release = json.loads(release_files(clone / "publications")[-2].read_text("utf-8"))
    found = {c.id: c for c in changes(previous_release, snap, load_records(records))}
    assert found["gpt4o_energy_short"].records[0].reason == "Relu au tableau 4."
    moved = [c for c in found.values() if c.causes == ["gpt4o_energy_short"]]
    assert moved and all(c.records for c in moved)
    with pytest.raises(ReleaseError, match=r"existe déjà|postérieure"):
        publish("9.1.0", clone)
