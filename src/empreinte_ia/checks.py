"""Every data check, in one place: `make lint`, the pre-commit hooks and the build call these.

`load_data` reads and checks data/ (parameters, bibliography, claims, contradictions, proper
names) and the estimate modules; the first error is a `DataError` naming file, line and fix.
`lint_chapters` checks the prose of chapters with the same rules the build applies to the
published text (prose.quantities). `check_texts` applies the same rules to the texts of data/
that a reader sees (labels, notes, reasons, origins): a value they state by hand would go stale
when the parameter changes. `check_labels` applies them to the labels of the estimates
(`@estimate(label=…)`), published as they are in the annexes, the exports and the charts.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from .claims import NO_CLAIM_FILE, NOTE_ROLE, Verdict, verdicts
from .contradictions import Group, load_groups
from .datafile import DataError, Entry, read_entries
from .prose import Finding, _names_pattern, lint_text, load_names, quote_found, text_quantities
from .registry import Estimate, Registry, load_registry

# The texts of data/ a reader sees, per file: (field, rendered as MyST). MyST texts take the
# roles {chiffre}, {nombre}, {plage}; the others are shown as they are (titles, links, CSV).
TEXT_FIELDS: dict[str, tuple[tuple[str, bool], ...]] = {
    "parameters/*.yaml": (("libelle", False), ("note", True), ("motif_verification", True)),
    "claims/*.yaml": (("note", True), ("raison", True)),
    "affirmations_circulantes.yaml": (("origine", True), ("note", True), ("raison", True)),
    "contradictions.yaml": (("titre", False), ("explication", False)),
}


@dataclass(frozen=True)
class Data:
    registry: Registry
    verdicts: dict[str, Verdict]
    groups: list[Group]
    names: list[str]


def load_data(data: Path, estimates: Path | None = None) -> Data:
    """Everything in data/ and the estimates, checked (raises DataError)."""
    registry = load_registry(data, estimates)
    found = {v.claim.id: v for v in verdicts(registry, data / "claims")}
    path = data / "contradictions.yaml"
    groups = load_groups(path, registry) if path.exists() else []
    names = load_names(data / "noms_propres.yaml")
    errors = check_texts(data, registry, names) + check_labels(registry, names)
    if errors:
        raise DataErrors(errors)
    return Data(registry, found, groups, names)


class DataErrors(DataError):
    """Several mistakes found at once: each keeps its own file, line and fix."""

    def __init__(self, errors: list[DataError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.line, first.message, first.fix)

    def text(self) -> str:
        return "\n".join(e.text() for e in getattr(self, "errors", [])) or super().text()


def _text_line(lines: list[str], start: int, needle: str) -> int:
    """The line of `needle` in the text of a field that starts at line `start` (a folded
    text spans several lines)."""
    needle = re.split(r"\s", needle.strip(), maxsplit=1)[0]
    for i in range(start - 1, min(len(lines), start + 40)):
        if i > start - 1 and re.match(r"^\s*(- )?[\w]+:(\s|$)", lines[i]):
            break   # the next field
        if needle and needle in lines[i]:
            return i + 1
    return start


def _text_errors(entry: Entry, lines: list[str], key: str, myst: bool, registry: Registry,
                 names: re.Pattern | None) -> list[DataError]:
    text = str(entry.fields.get(key) or "")
    if not text:
        return []
    start = entry.line_of(key)
    where = f"« {key} » de « {entry.fields.get('id', '?')} »"
    errors = []
    for m in NOTE_ROLE.finditer(text):
        role_line = _text_line(lines, start, m.group())
        if not myst:
            errors.append(DataError(entry.path, role_line, f"rôle {m.group()} dans {where}, "
                                    "un texte affiché tel quel (titre, lien, CSV)",
                                    "reformulez sans chiffre : ce texte ne peut pas porter de "
                                    "rôle ; donnez la valeur dans la note"))
        elif m.group(2).strip() not in registry:
            errors.append(DataError(entry.path, role_line, f"le rôle {{{m.group(1)}}} de "
                                    f"{where} renvoie à « {m.group(2)} », qui n'est ni un "
                                    "paramètre ni une estimation",
                                    "corrigez l'identifiant (voir l'annexe des estimations)"))
    found = text_quantities(text, names)
    if found:
        fix = ("écrivez la valeur avec un rôle {chiffre}`identifiant` (ou {nombre}, {plage} ; "
               "un compte s'écrit « {nombre}`identifiant` requêtes ») : "
               "ce texte est lu en MyST, le chiffre suivra le paramètre ; une valeur qui n'est "
               "pas dans le registre se reformule sans chiffre" if myst else
               "reformulez sans chiffre ni nombre en toutes lettres : ce texte s'affiche tel "
               "quel (titre, lien, CSV) ; la valeur va dans la note, avec un rôle")
        errors.append(DataError(entry.path, _text_line(lines, start, found[0]),
                                f"nombre tapé à la main dans {where} ({quote_found(found)}) : "
                                "il ne suivrait pas les changements de la valeur", fix))
    return errors


def check_texts(data: Path, registry: Registry, names: list[str]) -> list[DataError]:
    """Reader-facing texts of data/ (TEXT_FIELDS) that state a value by hand, or whose role
    names no entry of the registry; the rules of the prose check (prose.text_quantities)."""
    pattern = _names_pattern(names)
    errors: list[DataError] = []
    for glob, fields in TEXT_FIELDS.items():
        for path in sorted(data.glob(glob)):
            if path.name == NO_CLAIM_FILE:
                continue   # lines of the seed documents without a claim: never published
            lines = path.read_text(encoding="utf-8").splitlines()
            for entry in read_entries(path):
                for key, myst in fields:
                    errors += _text_errors(entry, lines, key, myst, registry, pattern)
    return errors


def _label_line(estimate: Estimate, needle: str) -> int:
    """The line of the estimate's module where its label (the `label=` argument of
    @estimate) holds `needle`; the decorator's line when the source cannot be read."""
    try:
        lines, start = inspect.getsourcelines(estimate.func)
        tree = ast.parse(textwrap.dedent("".join(lines)))
    except (OSError, TypeError, SyntaxError):
        return estimate.line
    word = re.split(r"\s", needle.strip(), maxsplit=1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "label":
            first, last = node.value.lineno, node.value.end_lineno or node.value.lineno
            for number in range(first, last + 1):
                if word and word in lines[number - 1]:
                    return start + number - 1
            return start + first - 1
    return estimate.line


def check_labels(registry: Registry, names: list[str]) -> list[DataError]:
    """Labels of estimates that state a value by hand: the rules of the data texts
    (prose.text_quantities), at the label's line in its module. A label is shown as it is
    (annexes, CSV and JSON exports, charts), next to the value it describes."""
    pattern = _names_pattern(names)
    errors: list[DataError] = []
    for key in sorted(registry.estimates):
        estimate = registry.estimates[key]
        found = text_quantities(estimate.label, pattern)
        if not found:
            continue
        errors.append(DataError(
            estimate.path, _label_line(estimate, found[0]),
            f"nombre tapé à la main dans le libellé de l'estimation « {key} » "
            f"({quote_found(found)}) : "
            "il ne suivrait pas les changements de la valeur",
            "décrivez la grandeur sans sa valeur (« texte court » plutôt que « texte de "
            "250 mots » : le libellé s'affiche tel quel dans les annexes, les exports et les "
            "graphiques, à côté de la valeur) ; si ce nombre est une entrée du calcul, faites-en "
            "un paramètre de data/parameters/ et passez-le à la fonction"))
    return errors


def lint_chapter(path: Path, names: list[str], shown: str | None = None) -> list[Finding]:
    """Prose findings of one chapter; a file that is not UTF-8, or whose YAML header cannot
    be read, is a DataError."""
    from .datafile import front_matter_error, read_text

    text = read_text(path, shown)
    error = front_matter_error(text, shown or str(path))
    if error is not None:
        raise error
    return lint_text(text, shown or str(path), names)


def format_error(exc: DataError) -> str:
    return "\n".join(f"ERREUR : {e.text()}" for e in getattr(exc, "errors", [exc]))


__all__ = ["Data", "DataError", "DataErrors", "check_labels", "check_texts", "format_error", "lint_chapter",
           "load_data"]
