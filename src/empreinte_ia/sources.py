"""The bibliography (data/references.bib): known keys, their lines, a short French reference."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .datafile import DataError, relative

_ENTRY = re.compile(r"^@(\w+)\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)
_FIELD = re.compile(r"^\s*(\w+)\s*=\s*\{(.*)\}\s*,?\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Reference:
    key: str
    kind: str
    line: int
    fields: dict[str, str]

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
        authors = [a.strip() for a in self.fields.get("author", "").split(" and ") if a.strip()]
        names = [_family(a) for a in authors] or ["Anonyme"]
        if len(names) > 2 or "others" in authors:
            who = f"{names[0]} et al."
        else:
            who = " et ".join(names)
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


def _family(author: str) -> str:
    author = _clean(author)
    if author == "others":
        return "al."
    return author.split(",")[0].strip() if "," in author else author


def load_references(path: Path) -> dict[str, Reference]:
    text = path.read_text(encoding="utf-8")
    refs: dict[str, Reference] = {}
    matches = list(_ENTRY.finditer(text))
    for i, m in enumerate(matches):
        line = text.count("\n", 0, m.start()) + 1
        key = m.group(2)
        if key in refs:
            raise DataError(relative(path), line, f"la référence « {key} » est définie deux fois",
                            "supprimez ou renommez l'une des deux entrées")
        body = text[m.end(): matches[i + 1].start() if i + 1 < len(matches) else len(text)]
        fields = {f.group(1).lower(): f.group(2) for f in _FIELD.finditer(body)}
        refs[key] = Reference(key, m.group(1).lower(), line, fields)
    return refs
