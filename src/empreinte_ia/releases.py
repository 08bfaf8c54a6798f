"""Releases: freeze a state of the site, compare two states, cut a release.

    python -m empreinte_ia.releases publier 0.2.0          # make release VERSION=0.2.0
    python -m empreinte_ia.releases diff [--base main]     # make diff-chiffres [BASE=main]
    python -m empreinte_ia.releases reconstruire 7ae0bcd 0.1.0

A state of the site (the working tree, a git commit) is frozen by `freeze.snapshot`, run in a
separate Python process on that tree's own package: a past commit is frozen with its own code.
The version is written once, in the file VERSION at the root (read by the package, pyproject.toml
and conf.py; CITATION.cff is rewritten by `publier`).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from .changelog import Change, changes, load_records, missing_records, template, version_key
from .freeze import annex_page

ROOT = Path(__file__).resolve().parents[2]
FREEZER = Path(__file__).resolve().with_name("freeze.py")
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")

# Run in a fresh interpreter whose package is the tree's own (argv: root, freezer, version,
# date, commit). Display code moved over time: the first place that has `render` wins.
_DRIVER = r"""
import importlib, importlib.util, json, sys
from pathlib import Path
root, freezer, version, date, commit = sys.argv[1:6]
sys.path.insert(0, str(Path(root) / "src"))
import empreinte_ia
assert Path(empreinte_ia.__file__).resolve().is_relative_to(Path(root).resolve()), empreinte_ia.__file__
from empreinte_ia.registry import load_registry
from empreinte_ia.claims import verdicts
render = None
for name in ("empreinte_ia.display", "empreinte_ia.sphinxext"):
    try:
        render = getattr(importlib.import_module(name), "render", None)
    except ImportError:
        continue
    if render is not None:
        break
spec = importlib.util.spec_from_file_location("_freeze", freezer)
freeze = importlib.util.module_from_spec(spec)
spec.loader.exec_module(freeze)
registry = load_registry(Path(root) / "data")
found = verdicts(registry, Path(root) / "data" / "claims")
snap = freeze.snapshot(registry, found, version, date, commit, render, Path(root) / "docs")
sys.stdout.write(json.dumps(snap, ensure_ascii=False, sort_keys=True))
"""


class ReleaseError(Exception):
    """A release that cannot be cut, with the reason in French."""


def read_version(root: Path = ROOT) -> str:
    return (root / "VERSION").read_text(encoding="utf-8").strip()


def dumps(snapshot: dict) -> str:
    return json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def freeze_tree(root: Path, version: str, date: str, commit: str = "") -> dict:
    """The snapshot of the tree at `root`, computed by its own package."""
    result = subprocess.run([sys.executable, "-c", _DRIVER, str(root), str(FREEZER), version,
                             date, commit], cwd=root, capture_output=True, text=True)
    if result.returncode:
        raise ReleaseError(f"le gel de {root} a échoué :\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


@contextlib.contextmanager
def checkout(ref: str, root: Path = ROOT):
    """A temporary git worktree of `ref`, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="empreinte-"))
    _git(root, "worktree", "add", "--detach", "--quiet", str(folder), ref)
    try:
        yield folder
    finally:
        _git(root, "worktree", "remove", "--force", str(folder))


def freeze_ref(ref: str, version: str, root: Path = ROOT) -> dict:
    with checkout(ref, root) as tree:
        commit = _git(tree, "rev-parse", "HEAD")
        date = _git(tree, "log", "-1", "--format=%cs")
        return freeze_tree(tree, version, date, commit)


# -- published releases --------------------------------------------------------------------
def release_files(folder: Path) -> list[Path]:
    return sorted((p for p in folder.glob("*.json") if _VERSION.match(p.stem)),
                  key=lambda p: version_key(p.stem))


def load_releases(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in release_files(folder)]


def history(folder: Path, records_path: Path) -> list[tuple[dict, dict, list[Change]]]:
    """(older, newer, changes) for each pair of consecutive releases, newest first."""
    releases, records = load_releases(folder), load_records(records_path)
    pairs = [(a, b, changes(a, b, records)) for a, b in itertools.pairwise(releases)]
    return pairs[::-1]


def frozen_in(releases: list[dict], section: str, key: str, entry: dict) -> dict | None:
    """The latest release whose frozen value of `key` is `entry`'s (value, range, unit)."""
    from .changelog import moved_fields

    for release in reversed(releases):
        old = release.get(section, {}).get(key)
        if old is not None and not moved_fields(section, old, entry):
            return release
    return None


def last_seen(releases: list[dict], section: str, key: str) -> dict | None:
    """The latest release that still had `key`."""
    return next((r for r in reversed(releases) if key in r.get(section, {})), None)


# -- cutting a release ---------------------------------------------------------------------
def publish(version: str, root: Path = ROOT, date: str | None = None) -> Path:
    """Freeze the committed tree as `version`, write VERSION and CITATION.cff, commit, tag."""
    if not _VERSION.match(version):
        raise ReleaseError(f"« {version} » n'est pas un numéro de version x.y.z "
                           "(par exemple VERSION=0.2.0)")
    folder = root / "publications"
    previous = release_files(folder)
    if previous and version_key(version) <= version_key(previous[-1].stem):
        raise ReleaseError(f"la version {version} n'est pas postérieure à la dernière publiée "
                           f"({previous[-1].stem})")
    if _git(root, "tag", "--list", f"v{version}"):
        raise ReleaseError(f"l'étiquette git v{version} existe déjà")
    if _git(root, "status", "--porcelain", "--untracked-files=no"):
        raise ReleaseError("l'arbre de travail a des modifications non enregistrées : "
                           "enregistrez-les (git commit) avant de publier")
    date = date or dt.datetime.now(dt.UTC).date().isoformat()
    snap = freeze_tree(root, version, date, _git(root, "rev-parse", "HEAD"))
    if previous:
        last = json.loads(previous[-1].read_text(encoding="utf-8"))
        lacking = missing_records(changes(last, snap, load_records(root / "data" /
                                                                   "changements.yaml"), version))
        if lacking:
            raise ReleaseError(
                f"{len(lacking)} changement(s) depuis la version {last['version']} sans raison "
                "enregistrée dans data/changements.yaml : "
                + ", ".join(c.id for c in lacking)
                + "\n  → Correction : ajoutez ces entrées (modèle ci-dessous), puis relancez.\n\n"
                + template(lacking, version))
    folder.mkdir(exist_ok=True)
    path = folder / f"{version}.json"
    path.write_text(dumps(snap), encoding="utf-8")
    (root / "VERSION").write_text(version + "\n", encoding="utf-8")
    cff = root / "CITATION.cff"
    text = cff.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^version: .*$", f"version: {version}", text)
    text = re.sub(r"(?m)^date-released: .*$", f'date-released: "{date}"', text)
    cff.write_text(text, encoding="utf-8")
    _git(root, "add", str(path), "VERSION", "CITATION.cff")
    _git(root, "commit", "--quiet", "-m", f"Version {version} : chiffres figés dans "
                                           f"publications/{version}.json")
    _git(root, "tag", "-a", f"v{version}", "-m", f"Version {version}")
    return path


# -- what a change does to the figures -------------------------------------------------------
def _pct(c: Change) -> str:
    pct = c.percent()
    if pct is None:
        return ""
    return f"{pct:+.1f} %".replace(".", ",").replace("-", "−")


def _shown(entry: dict | None, section: str) -> str:
    if entry is None:
        return "—"
    if section == "verdicts":
        return entry["verdict_libelle"]
    text = entry.get("texte") or f"{entry['valeur']} {entry['unite']}"
    if entry.get("plage_texte"):
        text += f" ({entry['plage_texte']})"
    return text


def _origin(c: Change) -> str:
    if c.status != "modification":
        return c.status
    return "affirmation modifiée" if c.section == "verdicts" else "valeur modifiée dans data/"


def diff_markdown(old: dict, new: dict, records, version: str) -> str:
    """The figures that differ, as a Markdown table (for a terminal or a job summary)."""
    found = changes(old, new, records, version)
    title = f"## Chiffres modifiés : {old.get('version') or old.get('commit', '')[:8]} → " \
            f"{new.get('version') or 'arbre de travail'}"
    if not found:
        return f"{title}\n\nAucun chiffre, paramètre ni verdict n'a changé.\n"
    lines = [title, "", f"{len(found)} entrée(s) modifiée(s).", "",
             "| Entrée | Avant | Après | Écart | Cause | Pages |", "|---|---|---|---|---|---|"]
    for c in found:
        pages = new.get("pages", {}).get(c.id) or old.get("pages", {}).get(c.id) or []
        pages = [f"{p}.html" for p in pages] + [annex_page(c.section, c.after or c.before)]
        cause = ", ".join(c.causes) if c.causes else ("formule" if c.formula else _origin(c))
        if c.records:
            cause += " — " + "; ".join(f"{r.category_fr} : {r.reason}" for r in c.records)
        cells = [f"`{c.id}` ({c.kind})", _shown(c.before, c.section), _shown(c.after, c.section),
                 _pct(c), cause, ", ".join(pages)]
        lines.append("| " + " | ".join(x.replace("|", "\\|") for x in cells) + " |")
    lacking = missing_records(found)
    if lacking:
        lines += ["", f"### Raisons à enregistrer dans data/changements.yaml ({len(lacking)})", "",
                  "Sans elles, `make release` refuse de publier. Modèle à compléter :", "",
                  "```yaml", template(lacking, version).rstrip(), "```"]
    return "\n".join(lines) + "\n"


def next_version(version: str) -> str:
    major, minor, _patch = version_key(version)
    return f"{major}.{minor + 1}.0"


def diff_command(base: str | None, root: Path = ROOT) -> str:
    folder = root / "publications"
    files = release_files(folder)
    if base is None or base in ("derniere", "dernière"):
        if not files:
            raise ReleaseError("aucune version publiée : indiquez --base main")
        old = json.loads(files[-1].read_text(encoding="utf-8"))
    elif _VERSION.match(base) and (folder / f"{base}.json").exists():
        old = json.loads((folder / f"{base}.json").read_text(encoding="utf-8"))
    else:
        old = freeze_ref(base, "", root)
    upcoming = next_version(files[-1].stem) if files else "0.1.0"
    new = freeze_tree(root, "", dt.datetime.now(dt.UTC).date().isoformat())
    return diff_markdown(old, new, load_records(root / "data" / "changements.yaml"), upcoming)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m empreinte_ia.releases")
    parser.add_argument("--racine", type=Path, default=ROOT,
                        help="dépôt à publier ou comparer (défaut : celui du paquet)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("publier", help="fige les chiffres, écrit la version, enregistre, étiquette")
    p.add_argument("version")
    p.add_argument("--date")
    d = sub.add_parser("diff", help="chiffres modifiés par rapport à une version ou une branche")
    d.add_argument("--base", help="« dernière » (défaut), une version x.y.z ou une référence git")
    r = sub.add_parser("reconstruire", help="fige un commit passé comme une version")
    r.add_argument("commit")
    r.add_argument("version")
    args = parser.parse_args(argv)
    root = args.racine.resolve()
    try:
        if args.command == "publier":
            path = publish(args.version, root, args.date)
            print(f"Version {args.version} publiée : {path.relative_to(root)}, étiquette "
                  f"v{args.version}.")
        elif args.command == "diff":
            print(diff_command(args.base, root), end="")
        else:
            snap = freeze_ref(args.commit, args.version, root)
            path = root / "publications" / f"{args.version}.json"
            path.parent.mkdir(exist_ok=True)
            path.write_text(dumps(snap), encoding="utf-8")
            print(f"écrit : {path.relative_to(root)}")
    except ReleaseError as exc:
        print(f"ERREUR : {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
