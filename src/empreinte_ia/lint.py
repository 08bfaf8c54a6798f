"""Checks for contributors: `python -m empreinte_ia.lint [fichiers…]`.

The same checks as the build, from the same functions (checks.py):
- data/ (parameters, bibliography, claims, contradictions, proper names) and the estimate
  modules of src/empreinte_ia/estimates/, loaded and computed;
- the prose of the chapters (docs/**/*.md): no number typed by hand.
Options: --donnees (data only), --dossier-donnees PATH, --dossier-estimations PATH (another
copy of data/ or of the estimate modules). With file names (pre-commit), the chapters among
them are checked, and the data and estimates as a whole if any of them is a data file or an
estimate module. Exit code 1 on error; every
message names file, line and fix.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .checks import format_error, lint_chapter, load_data
from .datafile import DataError, relative
from .prose import load_names
from .registry import data_dir_default

DATA_SUFFIXES = (".yaml", ".yml", ".bib", ".py", ".json")


def _option(argv: list[str], name: str) -> Path | None:
    """The value of `--name PATH`, removed from argv."""
    if name not in argv:
        return None
    i = argv.index(name)
    value = Path(argv[i + 1])
    del argv[i:i + 2]
    return value


def main(argv: list[str]) -> int:
    argv = list(argv)
    data = _option(argv, "--dossier-donnees") or data_dir_default()
    estimates = _option(argv, "--dossier-estimations")
    only_data = "--donnees" in argv
    files = [Path(a) for a in argv if not a.startswith("--")]
    chapters = [f for f in files if f.suffix == ".md"] if files else \
        ([] if only_data else sorted(Path("docs").rglob("*.md")))
    check_data = only_data or not files or any(f.suffix in DATA_SUFFIXES for f in files)
    errors = 0
    if check_data:
        try:
            load_data(data, estimates)
        except DataError as exc:
            print(format_error(exc), file=sys.stderr)
            errors += len(getattr(exc, "errors", [exc]))
    try:
        names = load_names(data / "noms_propres.yaml")
    except DataError:
        names = []   # already reported above
    for path in chapters:
        try:
            findings = lint_chapter(path, names, relative(path))
        except DataError as exc:
            print(format_error(exc), file=sys.stderr)
            errors += 1
            continue
        for finding in findings:
            print("ERREUR : " + finding.message(), file=sys.stderr)
            errors += 1
    if errors:
        print(f"\n{errors} erreur(s) : corrigez-les (fichier, ligne et correction ci-dessus).",
              file=sys.stderr)
        return 1
    print("données et chapitres valides" if check_data and chapters else
          "données valides" if check_data else "chapitres valides")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
