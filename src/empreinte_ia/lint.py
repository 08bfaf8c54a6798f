"""Command-line checks for contributors: `python -m empreinte_ia.lint [fichiers…]`.

Without arguments: the prose of every chapter in docs/. With --donnees: load data/ (parameters,
bibliography, claims) and report the first error with file and line. Exit code 1 on error.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .claims import load_claims
from .datafile import DataError
from .prose import lint_file, load_names
from .registry import data_dir_default, load_registry


def main(argv: list[str]) -> int:
    data = data_dir_default()
    if argv[:1] == ["--donnees"]:
        try:
            load_claims(data / "claims", load_registry(data))
        except DataError as exc:
            print(f"ERREUR : {exc}", file=sys.stderr)
            return 1
        print("données valides")
        return 0
    names = load_names(data / "noms_propres.yaml")
    files = [Path(a) for a in argv] or sorted(Path("docs").rglob("*.md"))
    findings = [f for path in files if path.suffix == ".md" for f in lint_file(path, names)]
    for finding in findings:
        print(finding.message(), file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
