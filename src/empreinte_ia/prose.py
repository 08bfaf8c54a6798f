"""Prose lint: no digit typed in the prose of a chapter.

Allowed: roles ({chiffre}`…`), inline code, math, code cells and other fenced blocks,
labels and targets, footnote markers, links' URLs, dates (years, "20 mai 2025"), chapter
numbers, and the proper names listed in data/noms_propres.yaml (GPT-4o, Llama 3.1…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

_MONTHS = ("janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
           "décembre")
_STRIP = [
    re.compile(r"\{[\w:-]+\}`[^`]*`"),             # roles
    re.compile(r"`[^`]*`"),                         # inline code
    re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$"),         # math
    re.compile(r"\[\^[\w-]+\]:?"),                  # footnote markers and definitions
    re.compile(r"\]\([^)]*\)"),                     # link targets
    re.compile(r"<[^>]+>"),                         # autolinks and HTML tags
    re.compile(r"https?://\S+"),                    # bare URLs
    re.compile(r"^\s*\([\w:-]+\)=\s*$"),            # MyST targets "(label)="
    re.compile(r"\b[0-9]{1,2}(er)? (" + _MONTHS + r") (1[89]|20)[0-9]{2}\b", re.IGNORECASE),  # dates
    re.compile(r"\b(" + _MONTHS + r") (1[89]|20)[0-9]{2}\b", re.IGNORECASE),
    re.compile(r"\b(1[89]|20)[0-9]{2}(–|-|—| à | et )(1[89]|20)?[0-9]{2}\b"),  # year spans
    re.compile(r"(?<![\d,.\u202f])\b(1[89]|20)[0-9]{2}\b(?![\d,.\u202f]*\s?(%|€|\$))"),  # years
    re.compile(r"\b[Cc]hapitre [0-9]+\b"),
    re.compile(r"[\w-]*[A-Za-zÀ-ÿ][\w-]*[0-9][\w.-]*|[0-9]+[A-Za-zÀ-ÿ][\w-]*"),  # H100, GPT-4o, 8B
]
_DIGIT = re.compile(r"[0-9]")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,}|:{3,})\s*(\{([\w-]+)\})?")
# Directives whose content is prose, linted like the rest of the text.
_PROSE_DIRECTIVES = {"note", "warning", "admonition", "seealso", "tip", "important", "caution",
                     "attention", "hint", "danger", "error", "epigraph", "figure", "margin",
                     "sidebar", "topic", "dropdown"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str
    kind: str = "chiffre"

    def message(self) -> str:
        if self.kind == "alt":
            return (f"{self.path}, ligne {self.line} : graphique sans texte alternatif.\n"
                    "  → Correction : ajoutez « :  image: » puis « :    alt: description » "
                    "dans les options de la cellule (voir CONTRIBUTING.md).")
        return (f"{self.path}, ligne {self.line} : chiffre tapé à la main dans le texte "
                f"(« {self.text.strip()[:80]} »).\n  → Correction : remplacez-le par un rôle "
                "{chiffre}`identifiant` (voir l'annexe des estimations), ou ajoutez le nom "
                "propre à data/noms_propres.yaml s'il s'agit d'un nom de modèle.")


def load_names(path: Path) -> list[str]:
    if not path.exists():
        return []
    names = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return sorted((str(n) for n in names), key=len, reverse=True)


def lint_text(text: str, path: str, names: list[str]) -> list[Finding]:
    findings = []
    stack: list[tuple[str, bool]] = []  # open fences: (marker, content is prose)
    cell: dict | None = None  # the open code cell: its line, whether it has a figure, alt text
    in_front = text.startswith("---")
    for number, line in enumerate(text.splitlines(), start=1):
        if in_front:
            if number > 1 and line.strip() == "---":
                in_front = False
            continue
        m = _FENCE.match(line)
        if m:
            mark = m.group(2)
            closing = (stack and mark[0] == stack[-1][0][0] and len(mark) >= len(stack[-1][0])
                       and not line.strip()[len(mark):])
            if closing:
                stack.pop()
                if cell is not None and not stack:
                    if cell["figure"] and not cell["alt"]:
                        findings.append(Finding(path, cell["line"], cell["text"], "alt"))
                    cell = None
            else:
                if m.group(4) == "code-cell":
                    cell = {"line": number, "text": line, "figure": False, "alt": False}
                prose = (not stack or stack[-1][1]) and (
                    mark[0] == ":" or (m.group(4) or "") in _PROSE_DIRECTIVES)
                stack.append((mark, prose))
            continue
        if cell is not None:
            cell["figure"] |= bool(re.match(r"^:\s+figure:", line))
            cell["alt"] |= bool(re.match(r"^:\s+alt:\s*\S", line))
        if stack and not stack[-1][1]:
            continue
        if re.match(r"^\s*:[\w-]+:", line):    # directive options
            continue
        if line.lstrip().startswith("%"):        # MyST comment
            continue
        stripped = line
        for name in names:
            stripped = stripped.replace(name, " ")
        for pattern in _STRIP:
            stripped = pattern.sub(" ", stripped)
        if _DIGIT.search(stripped):
            findings.append(Finding(path, number, line))
    return findings


def lint_file(path: Path, names: list[str], shown: str | None = None) -> list[Finding]:
    return lint_text(path.read_text(encoding="utf-8"), shown or str(path), names)
