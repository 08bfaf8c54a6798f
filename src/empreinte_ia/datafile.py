"""Reading YAML data files while keeping the line of every entry and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class DataError(Exception):
    """Bad input in a data or chapter file: a French message naming file, line and fix."""

    def __init__(self, path: Path | str, line: int | None, message: str, fix: str = ""):
        self.path = str(path)
        self.line = line
        self.message = message
        self.fix = fix
        where = f"{self.path}, ligne {line}" if line else self.path
        text = f"{where} : {message}"
        if fix:
            text += f"\n  → Correction : {fix}"
        super().__init__(text)


@dataclass(frozen=True)
class Entry:
    """One mapping of a data file, with the line of each of its keys."""

    path: Path
    line: int
    fields: dict[str, Any]
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)

    def error(self, message: str, fix: str = "", key: str | None = None) -> DataError:
        return DataError(self.path, self.line_of(key) if key else self.line, message, fix)

    def check_fields(self, required: tuple[str, ...], optional: tuple[str, ...],
                     what: str) -> None:
        """Every required field present and not empty, no unknown field.
        `what` names the entry in French: "le paramètre", "l'affirmation"."""
        where = self.fields.get("id", "?")
        for key in required:
            if self.fields.get(key) in (None, ""):
                raise self.error(f"{what} « {where} » n'a pas de champ « {key} »",
                                 f"ajoutez une ligne « {key}: … » à cette entrée")
        unknown = set(self.fields) - set(required) - set(optional)
        if unknown:
            key = sorted(unknown)[0]
            raise self.error(f"champ inconnu « {key} » dans {what} « {where} »",
                             "champs possibles : " + ", ".join(required + optional), key)


def relative(path: Path) -> str:
    """Path as a contributor sees it: relative to the repository when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_entries(path: Path) -> list[Entry]:
    """Read a YAML file holding a list of mappings; every error names file and line."""
    shown = relative(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(shown, None, "le fichier n'est pas en UTF-8",
                        "enregistrez-le en UTF-8") from exc
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(
            shown, line, f"YAML mal formé ({exc.problem or exc.context})",
            "vérifiez l'indentation, les deux-points et les guillemets de cette ligne",
        ) from exc
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise DataError(shown, root.start_mark.line + 1,
                        "le fichier doit contenir une liste d'entrées",
                        "commencez chaque entrée par « - id: … »")
    entries = []
    loader = yaml.SafeLoader("")
    for item in root.value:
        if not isinstance(item, yaml.MappingNode):
            raise DataError(shown, item.start_mark.line + 1,
                            "chaque entrée doit être un ensemble de champs « clé: valeur »",
                            "écrivez « - id: … » puis les champs indentés en dessous")
        fields: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in item.value:
            key = key_node.value
            if key in fields:
                raise DataError(shown, key_node.start_mark.line + 1,
                                f"le champ « {key} » est écrit deux fois",
                                "gardez une seule ligne pour ce champ")
            fields[key] = loader.construct_object(value_node, deep=True)
            lines[key] = key_node.start_mark.line + 1
        entries.append(Entry(Path(shown), item.start_mark.line + 1, fields, lines))
    return entries
