"""JSON Schemas of the data files (`schemas/*.json`), checked with jsonschema.

Each error becomes a French `DataError` naming the file and the line of the faulty field. The
French text comes from the schema itself: `x-message` and `x-correction` (a string, or a mapping
from a jsonschema keyword to a string) on the property that failed; generic messages otherwise.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema import Draft202012Validator

from .datafile import DataError, Entry
from .memo import remember

SCHEMAS = Path(__file__).resolve().parent / "schemas"

_TYPES = {"string": "un texte", "number": "un nombre", "integer": "un nombre entier",
          "object": "un ensemble de champs « clé: valeur »", "array": "une liste",
          "boolean": "true ou false"}


@cache
def validator(kind: str) -> Draft202012Validator:
    """The validator of one kind of data: parametre, affirmation, contradiction, noms_propres."""
    schema = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    # The local "$ref"s inlined: the same schema, validated several times faster.
    return Draft202012Validator(_inline(schema, schema.get("$defs", {})))


def _inline(spec: Any, defs: dict) -> Any:
    if isinstance(spec, list):
        return [_inline(s, defs) for s in spec]
    if not isinstance(spec, dict):
        return spec
    out = {k: _inline(v, defs) for k, v in spec.items() if k not in ("$ref", "$defs")}
    ref = spec.get("$ref", "")
    if ref.startswith("#/$defs/"):
        out = {**_inline(defs[ref.rsplit("/", 1)[1]], defs), **out}
    return out


def properties(kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Required and optional fields of an entry kind, in the schema's order."""
    schema = validator(kind).schema
    required = tuple(schema.get("required", ()))
    return required, tuple(k for k in schema["properties"] if k not in required)


def _pick(spec: Any, keyword: str) -> str | None:
    if isinstance(spec, dict):
        return spec.get(keyword)
    return spec


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (dict, list)):
        return "…"
    return str(value)


def _resolve(root: dict, spec: dict) -> dict:
    """A property's schema with its `$ref` merged in (local keys win)."""
    ref = spec.get("$ref", "")
    if not ref.startswith("#/$defs/"):
        return spec
    return {**_resolve(root, root["$defs"][ref.rsplit("/", 1)[1]]), **spec}


def _spec_at(root: dict, path: list) -> dict:
    """The schema of the value at `path` (object keys and list indexes) in a document."""
    spec = root
    for step in path:
        spec = _resolve(root, spec)
        if isinstance(step, int):
            spec = spec.get("items", {})
        else:
            spec = spec.get("properties", {}).get(step, {})
    return _resolve(root, spec)


def _french(error: jsonschema.ValidationError, root: dict, what: str,
            entry_id: str) -> tuple[str, str]:
    """Message and fix of one jsonschema error."""
    path = list(error.absolute_path)
    key = next((str(p) for p in reversed(path) if isinstance(p, str)), "")
    own = error.schema if isinstance(error.schema, dict) else {}
    # The French text sits on the property (or its $ref); errors raised inside "if/then" or
    # "$ref" carry only the sub-schema that failed.
    spec = {**_spec_at(root, path), **{k: v for k, v in own.items() if k.startswith("x-")}}
    spec.setdefault("properties", own.get("properties", {}))
    value = error.instance
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return (f"{what} « {entry_id} » n'a pas de champ « {missing} »",
                f"ajoutez une ligne « {missing}: … » à cette entrée")
    if error.validator == "additionalProperties":
        allowed = list(spec.get("properties", {}))
        unknown = sorted(set(value) - set(allowed))[0]
        return (f"champ inconnu « {unknown} » dans {what} « {entry_id} »",
                "champs possibles : " + ", ".join(allowed))
    message = _pick(spec.get("x-message"), error.validator)
    fix = _pick(spec.get("x-correction"), error.validator) or ""
    if not message:
        if error.validator == "type":
            wanted = error.validator_value
            wanted = wanted if isinstance(wanted, list) else [wanted]
            message = (f"le champ « {key} » vaut « {_shown(value)} », qui n'est pas "
                       + " ni ".join(_TYPES.get(t, t) for t in wanted))
        elif error.validator == "enum":
            message = f"« {_shown(value)} » n'est pas une valeur possible de « {key} »"
            fix = fix or "valeurs possibles : " + ", ".join(map(str, error.validator_value))
        elif error.validator == "minLength":
            message = f"le champ « {key} » est vide"
            fix = fix or f"écrivez le texte de « {key} » ou retirez la ligne"
        else:
            message = f"le champ « {key} » vaut « {_shown(value)} », une valeur refusée"
    fill = {"{cle}": key, "{valeur}": _shown(value), "{id}": entry_id,
            "{limite}": _shown(error.validator_value)}
    for placeholder, text in fill.items():
        message, fix = message.replace(placeholder, text), fix.replace(placeholder, text)
    return message, fix


def _errors(kind: str, data: Any) -> list[jsonschema.ValidationError]:
    key = frozen(data)
    if key is not None and (kind, key) in _VALID:
        return []
    found = []
    for error in validator(kind).iter_errors(data):
        # "if/then/else" and "$ref" report through their sub-errors: keep the leaves.
        leaves = list(error.context or ()) if error.validator in ("anyOf", "oneOf") \
            else []
        found.extend(leaves or [error])
    if not found and key is not None:
        remember(_VALID, (kind, key), True, 20_000)
    return found


# The contents already found valid in this process, by kind and content: a file read again
# (the same data under another folder, the next build) is not validated again.
_VALID: dict[tuple[str, Any], bool] = {}


def frozen(value: Any) -> Any:
    """A hashable copy of YAML data, each scalar with its type (1, 1.0 and true differ), or
    None when something in it cannot be hashed."""
    if isinstance(value, dict):
        items = tuple((k, frozen(v)) for k, v in value.items())
        return None if any(v is None for _k, v in items) else ("{", items)
    if isinstance(value, list):
        inner = tuple(frozen(v) for v in value)
        return None if any(v is None for v in inner) else ("[", inner)
    try:
        hash(value)
    except TypeError:
        return None
    return (type(value).__name__, value)


def check_entry(entry: Entry, kind: str) -> None:
    """Raise the first schema error of `entry` (in line order) as a French DataError."""
    errors = _errors(kind, entry.fields)
    if not errors:
        return
    what = validator(kind).schema.get("title", "l'entrée")
    entry_id = str(entry.fields.get("id", "?"))

    def line(e: jsonschema.ValidationError) -> int:
        where = tuple(e.absolute_path)
        if e.validator == "additionalProperties" and isinstance(e.instance, dict):
            known = (e.schema or {}).get("properties", {})
            where += (sorted(set(e.instance) - set(known))[0],)
        return entry.line_of(where) if where else entry.line

    first = min(errors, key=lambda e: (line(e), e.validator != "required"))
    message, fix = _french(first, validator(kind).schema, what, entry_id)
    raise DataError(entry.path, line(first), message, fix)


def check_document(data: Any, paths: dict[tuple, int], shown: str, kind: str) -> None:
    """Raise the first schema error of a whole file (a list of names) as a French DataError."""
    errors = _errors(kind, data)
    if not errors:
        return

    def line(e: jsonschema.ValidationError) -> int | None:
        where = tuple(e.absolute_path)
        while where and where not in paths:
            where = where[:-1]
        return paths.get(where)

    first = min(errors, key=lambda e: line(e) or 0)
    what = validator(kind).schema.get("title", "le fichier")
    message, fix = _french(first, validator(kind).schema, what, "")
    raise DataError(shown, line(first), message, fix)
