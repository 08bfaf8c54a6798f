"""Reading YAML data files strictly, keeping the line of every entry and field.

The loader follows the YAML 1.2 core schema, narrowed: `true`/`false`, `null`, decimal
integers and decimal or scientific floats are the only implicit types. Everything else is
text: `1:30` is not read as 90 (YAML 1.1 sexagesimal), `yes`/`no`/`on`/`off` are not
booleans, `2025-05-20` is not a date object, `.inf` and `.nan` are not numbers, `0755` is
not octal. The JSON Schemas of `schemas/` then say which field holds which type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .memo import remember


class DataError(Exception):
    """Bad input in a data or chapter file: a French message naming file, line and fix."""

    def __init__(self, path: Path | str, line: int | None, message: str, fix: str = ""):
        self.path = str(path)
        self.line = line
        self.message = message
        self.fix = fix
        super().__init__(self.text())

    def text(self) -> str:
        where = f"{self.path}, ligne {self.line}" if self.line else self.path
        out = f"{where} : {self.message}"
        if self.fix:
            out += f"\n  → Correction : {self.fix}"
        return out


class StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (libyaml's parser when present) with the implicit types of
    YAML 1.2 core, narrowed."""

    yaml_implicit_resolvers: dict = {}


_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"),
                                   list("tf"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"),
                                   ["~", "n", ""])
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+.0123456789"))


def _construct_int(loader: StrictLoader, node: yaml.ScalarNode) -> int | str:
    text = loader.construct_scalar(node)
    return int(text) if _INT.match(text) else text   # "0o17", "0x1F" written with a tag


def _construct_float(loader: StrictLoader, node: yaml.ScalarNode) -> float | str:
    text = loader.construct_scalar(node)
    return float(text) if _FLOAT.match(text) else text


def _construct_bool(loader: StrictLoader, node: yaml.ScalarNode) -> bool | str:
    text = loader.construct_scalar(node)
    return {"true": True, "false": False}.get(text, text)


StrictLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
StrictLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
StrictLoader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
# Explicit tags that would bring YAML 1.1 types back: read as text.
for _tag in ("timestamp", "binary", "set", "omap", "pairs"):
    StrictLoader.add_constructor(f"tag:yaml.org,2002:{_tag}",
                                 lambda loader, node: loader.construct_scalar(node)
                                 if isinstance(node, yaml.ScalarNode) else None)


@dataclass(frozen=True)
class Entry:
    """One mapping of a data file, with the line of each of its keys.

    `lines` maps a top-level key to its line; `paths` maps every nested path (a tuple of keys
    and list indexes) to the line where it starts."""

    path: Path
    line: int
    fields: dict[str, Any]
    lines: dict[str, int]
    paths: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, key: str | tuple) -> int:
        if isinstance(key, tuple):
            for n in range(len(key), 0, -1):
                if key[:n] in self.paths:
                    return self.paths[key[:n]]
            return self.line
        return self.lines.get(key, self.line)

    def error(self, message: str, fix: str = "", key: str | tuple | None = None) -> DataError:
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


def relative(path: Path | str) -> str:
    """Path as a contributor sees it: relative to the repository when possible."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path, shown: str | None = None) -> str:
    """A text file that must be UTF-8; otherwise a French error with the first bad line."""
    shown = shown or relative(path)
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataError(shown, line, "le fichier n'est pas en UTF-8 (octet "
                        f"0x{data[exc.start]:02x} illisible)",
                        "enregistrez le fichier en UTF-8 dans votre éditeur") from None


# What the YAML reader says (PyYAML or libyaml, in English), said in French: (words of its
# message, what went wrong, the fix, whether the line is where the faulty construct began).
_YAML_PROBLEMS = (
    ("tab character", "une tabulation dans l'indentation",
     "indentez avec des espaces, jamais des tabulations", False),
    ("cannot start any token", "une tabulation ou un caractère réservé en début de valeur",
     "indentez avec des espaces, jamais des tabulations ; une valeur qui commence par @ ou ` "
     "se met entre guillemets", False),
    ("end of stream", "un guillemet ouvert et jamais fermé",
     "fermez le guillemet sur la même ligne, ou retirez-le", True),
    ("mapping values are not allowed", "un deux-points inattendu, ou une ligne mal indentée",
     "mettez entre guillemets une valeur qui contient deux-points suivis d'une espace, et "
     "alignez les champs d'un même niveau", False),
    ("could not find expected ':'", "une ligne sans deux-points après le nom du champ",
     "écrivez nom_du_champ: valeur", False),
    ("expected ',' or ']'", "une liste entre crochets jamais fermée",
     "fermez le crochet de la liste, sur la même ligne", True),
    ("expected ',' or '}'", "un dictionnaire entre accolades jamais fermé",
     "fermez l'accolade, sur la même ligne", True),
    ("undefined alias", "un astérisque en début de valeur (un alias YAML inconnu)",
     "mettez la valeur entre guillemets", False),
    ("unknown escape character", "une barre oblique inverse inconnue entre guillemets doubles",
     "doublez la barre oblique inverse, ou prenez des guillemets simples", False),
    ("expected <block end>", "une indentation incohérente",
     "alignez les champs d'un même niveau sur le même nombre d'espaces", False),
    ("expected key", "une indentation incohérente",
     "alignez les champs d'un même niveau sur le même nombre d'espaces", False),
    ("<document start>", "une indentation incohérente (un champ décalé en début de bloc)",
     "commencez les champs de premier niveau en début de ligne", False),
)


def yaml_problem(exc: yaml.YAMLError) -> tuple[int | None, str, str]:
    """What went wrong in a YAML text, in French: (line from 1 in the text, what, fix)."""
    said, problem, context = str(exc), None, None
    if isinstance(exc, yaml.MarkedYAMLError):
        said = f"{exc.problem or ''} {exc.context or ''}"
        problem, context = exc.problem_mark, exc.context_mark
    for words, what, fix, at_start in _YAML_PROBLEMS:
        if words in said:
            mark = (context or problem) if at_start else (problem or context)
            return (mark.line + 1 if mark else None), what, fix
    mark = problem or context
    return (mark.line + 1 if mark else None), "une syntaxe que le lecteur YAML ne comprend pas", \
        "vérifiez l'indentation (des espaces), les deux-points et les guillemets de cette ligne"


def _compose(text: str, shown: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=StrictLoader)
    except yaml.YAMLError as exc:
        line, what, fix = yaml_problem(exc)
        raise DataError(shown, line, f"YAML mal formé ({what})", fix) from None


FRONT_MATTER_FIX = ("l'en-tête est le bloc entre les deux lignes de trois tirets en haut du "
                    "fichier ; pour un chapitre avec des cellules de code, recopiez celui d'un "
                    "autre chapitre")


def front_matter_error(text: str, shown: str) -> DataError | None:
    """The YAML header of a chapter (the block between two « --- » lines at the top, which
    MyST reads with PyYAML), checked: a mistake is a DataError at its own line."""
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        return DataError(shown, 1, "en-tête YAML jamais fermé",
                         "fermez-le par une ligne de trois tirets ; " + FRONT_MATTER_FIX)
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        line, what, fix = yaml_problem(exc)
        return DataError(shown, line + 1 if line else 1, f"en-tête YAML illisible ({what})",
                         f"{fix} ; {FRONT_MATTER_FIX}")
    if data is not None and not isinstance(data, dict):
        return DataError(shown, 2, "l'en-tête YAML n'est pas une suite de champs",
                         "écrivez un champ par ligne, nom_du_champ: valeur ; " + FRONT_MATTER_FIX)
    return None


def _build(node: yaml.Node, shown: str, loader: StrictLoader, where: tuple,
           paths: dict[tuple, int]) -> Any:
    """Python value of a node, recording the line of every nested path."""
    paths[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                raise DataError(shown, line, "clé de champ illisible",
                                "écrivez « nom_du_champ: valeur »")
            key = key_node.value
            if key in out:
                raise DataError(shown, line, f"le champ « {key} » est écrit deux fois",
                                "gardez une seule ligne pour ce champ")
            out[key] = _build(value_node, shown, loader, (*where, key), paths)
            paths[(*where, key)] = line
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, shown, loader, (*where, i), paths)
                for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


# A text is read once per process, whatever file holds it: its data, the line of every path in
# it, and those lines grouped by entry (for `read_entries`). They are shared between the reads.
_READ: dict[str, tuple[Any, dict[tuple, int], dict[int, dict[tuple, int]]]] = {}


def _read(path: Path) -> tuple[Any, dict[tuple, int], dict[int, dict[tuple, int]], str]:
    shown = relative(path)
    text = read_text(path, shown)
    if text not in _READ:
        root = _compose(text, shown)
        paths: dict[tuple, int] = {}
        data = None if root is None else _build(root, shown, StrictLoader(""), (), paths)
        within: dict[int, dict[tuple, int]] = {}  # the lines of each entry's fields, by entry
        for k, line in paths.items():
            if len(k) > 1:
                within.setdefault(k[0], {})[k[1:]] = line
        remember(_READ, text, (data, paths, within), 1024)
    return (*_READ[text], shown)


def read_document(path: Path) -> tuple[Any, dict[tuple, int], str]:
    """The whole YAML document of `path`, the line of every path in it, the shown path. The
    data is that of every read of the same text: read it, never change it."""
    data, paths, _within, shown = _read(path)
    return data, paths, shown


def read_entries(path: Path) -> list[Entry]:
    """Read a YAML file holding a list of mappings; every error names file and line."""
    data, paths, within, shown = _read(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataError(shown, paths[()], "le fichier doit contenir une liste d'entrées",
                        "commencez chaque entrée par « - id: … »")
    entries = []
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise DataError(shown, paths[(i,)],
                            "chaque entrée doit être un ensemble de champs « clé: valeur »",
                            "écrivez « - id: … » puis les champs indentés en dessous")
        sub = within.get(i, {})
        lines = {k[0]: line for k, line in sub.items() if len(k) == 1}
        entries.append(Entry(Path(shown), paths[(i,)], item, lines, sub))
    return entries
