"""The bibliography (data/references.bib), read with pybtex: keys, their lines, a short French
reference for each."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from pybtex.database import BibliographyData, BibliographyDataError, Person
from pybtex.database.input.bibtex import LowLevelParser, Parser
from pybtex.scanner import PybtexSyntaxError

from .datafile import DataError, relative


@dataclass(frozen=True)
class Reference:
    key: str
    kind: str
    line: int
    fields: dict[str, str]         # lower-case field names, whitespace normalized, braces kept
    authors: tuple[str, ...] = ()  # family names (von part included); "others" kept as is

    @property
    def year(self) -> str:
        return self.fields.get("year", "s. d.")

    @property
    def url(self) -> str:
        if "url" in self.fields:
            return self.fields["url"]
        if "doi" in self.fields:
            return "https://doi.org/" + self.fields["doi"]
        return ""

    def short(self) -> str:
        """'Jegham et al. (2025)'."""
        names = [a for a in self.authors if a != "others"] or ["Anonyme"]
        many = len(self.authors) > 2 or "others" in self.authors
        who = f"{names[0]} et al." if many else " et ".join(names)
        return f"{who} ({self.year})"

    def text(self) -> str:
        """Short reference with title and where it was published."""
        title = _clean(self.fields.get("title", ""))
        where = _clean(self.fields.get("journal") or self.fields.get("howpublished")
                       or self.fields.get("institution") or self.fields.get("booktitle") or "")
        number = self.fields.get("number")
        out = f"{self.short()}, « {title} »"
        if where:
            out += f", {where}"
            if number and self.fields.get("journal") == "arXiv":
                out += f":{number}"
        return out


def _clean(text: str) -> str:
    return text.replace("{", "").replace("}", "").replace("\\_", "_")


def _family(person: Person) -> str:
    return _clean(" ".join(person.prelast_names + person.last_names))


class _LineParser(Parser):
    """pybtex's parser, noting the line where each entry starts; errors are raised."""

    def __init__(self) -> None:
        super().__init__(encoding="utf-8")
        self.lines: dict[str, int] = {}

    def handle_error(self, error):
        raise error

    def parse_string(self, text: str) -> BibliographyData:
        self.unnamed_entry_counter = 1
        entries = LowLevelParser(text, handle_error=self.handle_error, macros=self.macros,
                                 want_entry=self.data.want_entry, filename=self.filename)
        for kind, body in entries:
            if kind.lower() in ("string", "preamble", "comment"):
                continue
            key = body[0]
            line = text.count("\n", 0, entries.command_start) + 1
            if key in self.data.entries:
                raise _Repeated(key, line)
            self.lines[key] = line
            self.process_entry(kind, *body)
        return self.data


class _Repeated(Exception):
    def __init__(self, key: str, line: int):
        super().__init__(key)
        self.key, self.line = key, line


def load_references(path: Path) -> dict[str, Reference]:
    """Every entry of a .bib file; a French DataError with the line for what pybtex rejects."""
    shown = relative(path)
    try:
        return dict(_references(path.read_text(encoding="utf-8")))
    except _Repeated as exc:
        raise DataError(shown, exc.line, f"la référence « {exc.key} » est définie deux fois",
                        "supprimez ou renommez l'une des deux entrées") from None
    except PybtexSyntaxError as exc:
        reason = exc.args[0] if exc.args else exc
        raise DataError(shown, exc.lineno, f"entrée BibTeX illisible ({reason})",
                        "vérifiez les accolades, les virgules entre les champs et la forme "
                        "« champ = {valeur} »") from None
    except BibliographyDataError as exc:
        raise DataError(shown, None, f"bibliographie invalide ({exc})",
                        "corrigez l'entrée citée (un champ répété, une clé manquante)") from None


@functools.lru_cache(maxsize=4)
def _references(text: str) -> dict[str, Reference]:
    """The entries of a .bib text, parsed once per process (a copy of data/ is not parsed
    again); pybtex's errors are raised, and not kept."""
    parser = _LineParser()
    data = parser.parse_string(text)
    refs: dict[str, Reference] = {}
    for key, entry in data.entries.items():
        fields = {name.lower(): value for name, value in entry.fields.items()}
        authors = tuple(_family(p) for p in entry.persons.get("author", []))
        refs[key] = Reference(key, entry.type.lower(), parser.lines[key], fields, authors)
    return refs
