"""Prose lint: no digit typed in the prose of a chapter.

Allowed: roles ({chiffre}`…`), inline code, math, code cells and other fenced blocks,
labels and targets, footnote markers, links' URLs, dates (years, "20 mai 2025"), chapter
numbers, and the proper names listed in data/noms_propres.yaml (GPT-4o, Llama 3.1…).
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .counted_nouns import COUNTED_NOUNS
from .datafile import DataError, read_document
from .schema import check_document

_MONTHS = ("janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
           "décembre")
# Markdown syntax around the text (the Markdown lint only; the doctree has none of it).
_MARKUP = [
    re.compile(r"\{[\w:-]+\}`[^`]*`"),             # roles
    re.compile(r"`[^`]*`"),                         # inline code
    re.compile(r"\[\^[\w-]+\]:?"),                  # footnote markers and definitions
    re.compile(r"\]\([^)]*\)"),                     # link targets
    re.compile(r"<[^>]+>"),                         # autolinks and HTML tags
    re.compile(r"^\s*\([\w:-]+\)=\s*$"),            # MyST targets "(label)="
]
_MATH = re.compile(r"\$\$(.*?)\$\$|\$([^$\n]+)\$")
# Digits a reader may see: dates, chapter numbers, names made of letters and digits.
_ALLOWED = [
    re.compile(r"https?://\S+"),                    # bare URLs
    re.compile(r"\b[0-9]{1,2}(er)? (" + _MONTHS + r") (1[89]|20)[0-9]{2}\b", re.IGNORECASE),
    re.compile(r"\b(" + _MONTHS + r") (1[89]|20)[0-9]{2}\b", re.IGNORECASE),
    re.compile(r"\b(1[89]|20)[0-9]{2}(–|-|—| à | et )(1[89]|20)?[0-9]{2}\b"),  # year spans
    re.compile(r"(?<![\d,.\u202f\u00a0])\b(1[89]|20)[0-9]{2}\b"
               r"(?![\d,.\u202f\u00a0]*(?:[\s\u202f\u00a0]?(?:%|€|\$|(?:[kMGT]?Wh?|[kmµ]?g|t|L|J)"
               r"(?!\w))|[A-Za-zµ]))"),                                        # years
    # Places in a document: « chapitre 3 », « tableau 4 », « section 5.3 », « p. 12 ».
    re.compile(r"(?:\b(?i:chapitres?|tableaux?|tables?|figures?|fig\.|sections?|annexes?|"
               r"pages?|p\.|pp\.|notes?|équations?|éq\.|encadrés?|parties?|étapes?|versions?)|§)"
               r"(?:\s|\u00a0)+(?:[A-Z]\.?)?[0-9]+(?:[.–-][0-9]+)*[a-z]?"
               r"(?: (?:à|et) [0-9]+(?:\.[0-9]+)*)?\b"
               r"(?![\s\u00a0\u202f]*(?:[,.][0-9]|%|[kMGT]?Wh?\b|[kmµ]?g\b|t\b|L\b|J\b))"),
    re.compile(r"\barXiv:[0-9]{4}\.[0-9]{4,5}(?:v[0-9]+)?"),                # preprint ids
    re.compile(r"\b10\.[0-9]{4,}/\S+"),                                     # DOIs
    re.compile(r"(?<![\w.,])[A-Za-zÀ-ÖØ-öø-ÿ][\w-]*[0-9][\w.-]*"),           # H100, GPT-4o
]
# Number words that state a quantity: before a unit, before « fois », or compound.
_UNITS_WORDS = (r"(?:(?:kilo|méga|mega|giga|téra|tera)?watts?(?:[- ]?heures?)?|"
                r"(?:kilo|méga|giga|téra)?wattheures?|joules?|(?:kilo|méga)?tonnes?|kilos?|"
                r"(?:kilo|milli)?grammes?|(?:milli|hecto)?litres?|mètres?(?: cubes?)?|euros?|"
                r"dollars?|pour ?cents?|%|heures[- ]GPU|(?-i:[kMGT]?Wh|kg|g|t|L)|€|\$)")
_NUMBER_WORDS = (r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
                 r"quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf|vingt|trente|quarante|"
                 r"cinquante|soixante|soixante-dix|quatre-vingts?|quatre-vingt-dix|cents?|"
                 r"mille|millions?|milliards?)")
_APPROX_WORDS = r"(?:dizaines?|douzaines?|quinzaines?|vingtaines?|trentaines?|centaines?|milliers?)"
_FRACTION_WORDS = r"(?:moitiés?|tiers|quarts?|double|triple|quadruple|décuple|centuple)"
# Nouns of counted things (counted_nouns.py): « huit requêtes », « une dizaine de serveurs ».
# Acronyms (GPU) keep their case: « trois gpu » is not how the site writes them.
_NOUNS = sorted(COUNTED_NOUNS, key=len, reverse=True)
_COUNTED = ("(?:(?-i:" + "|".join(re.escape(n) for n in _NOUNS if n.isupper()) + ")|" +
            "|".join(re.escape(n) for n in _NOUNS if not n.isupper()) + ")")
_WORDS = [
    re.compile(r"\b(?!millions?\b|milliards?\b)" + _NUMBER_WORDS +
               r"(?:[- ](?:et[- ])?" + _NUMBER_WORDS + r")*"
               r"(?: (?:et demie?|virgule \w+))? (?:de |d'|d’)?" + _UNITS_WORDS + r"(?!\w)",
               re.IGNORECASE),
    re.compile(r"\b" + _APPROX_WORDS + r" (?:de |d'|d’)" + _UNITS_WORDS + r"(?!\w)",
               re.IGNORECASE),
    re.compile(r"\b(?!cents?\b|mille\b|millions?\b|milliards?\b)" + _NUMBER_WORDS +
               r"[- ](?:cents?|mille|millions?|milliards?)\b", re.IGNORECASE),
    re.compile(r"\b" + _NUMBER_WORDS + r" fois\b", re.IGNORECASE),
    # A number word, an approximation or a fraction before a counted noun.
    re.compile(r"\b" + _NUMBER_WORDS + r"(?:[- ](?:et[- ])?" + _NUMBER_WORDS + r")*"
               r" (?:de |d'|d’)?" + _COUNTED + r"(?![\w-])", re.IGNORECASE),
    re.compile(r"\b" + _APPROX_WORDS + r" (?:de |d'|d’)" + _COUNTED + r"(?![\w-])",
               re.IGNORECASE),
    re.compile(r"\b" + _FRACTION_WORDS + r" (?:de |des |du |d'|d’)" + _COUNTED + r"(?![\w-])",
               re.IGNORECASE),
]
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,}|:{3,})\s*(\{([\w-]+)\})?")
# Directives whose content is prose, linted like the rest of the text.
_PROSE_DIRECTIVES = {"note", "warning", "admonition", "seealso", "tip", "important", "caution",
                     "attention", "hint", "danger", "error", "epigraph", "figure", "margin",
                     "sidebar", "topic", "dropdown"}


def _names_pattern(names: list[str]) -> re.Pattern | None:
    """Allowed names as whole names: « Llama 3 » does not excuse « Llama 30 Wh »."""
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w.,])(?:" + alternatives + r")(?![\w]|[.,][0-9])")


def quantities(text: str, names: list[str] | re.Pattern | None = None,
               math: bool = False) -> list[str]:
    """What in `text` states a quantity by hand: digits, number words before a unit or
    « fois », compound number words. Names, dates and chapter numbers are allowed. With
    `math`, `text` is LaTeX: digits in sub- and superscripts (x_{i+1}) are allowed."""
    pattern = _names_pattern(names) if isinstance(names, list) else names
    return list(_quantities(text, pattern, math))


@functools.lru_cache(maxsize=65536)
def _quantities(text: str, pattern: re.Pattern | None, math: bool) -> tuple[str, ...]:
    """`quantities`, once per text (the same texts are checked by the lint and every build)."""
    found: list[str] = []
    if math:
        text = re.sub(r"[_^](\{[^{}]*\}|\w)", " ", text)
        return tuple(m.group() for m in re.finditer(r"[0-9][0-9.,{}]*", text))
    if pattern is not None:
        text = pattern.sub(" ", text)
    for rule in _ALLOWED:
        text = rule.sub(" ", text)
    for rule in _WORDS:
        found += [m.group() for m in rule.finditer(text)]
    found += [m.group().strip() for m in
              re.finditer(r"\S*[0-9][^\s]*(?:\s(?:[^\s]+))?", text)]
    return tuple(found)


def _quantity_in(name: str) -> bool:
    """A « name » of the allow-list that is a value: a number word or a digit and a unit."""
    if any(rule.search(name) for rule in _WORDS):
        return True
    return bool(re.search(r"[0-9](?:[.,\u202f\u00a0 ][0-9]+)*\s?(?:x|×|" + _UNITS_WORDS +
                          r"|mots?|jetons?|requêtes?|fois)(?!\w)", name, re.IGNORECASE))


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str
    kind: str = "chiffre"
    found: str = ""

    def message(self) -> str:
        return f"{self.path}, ligne {self.line} : {self.problem()}"

    def problem(self) -> str:
        """What is wrong and the fix, without the file and line (a build warning gives them
        as its location)."""
        if self.kind == "code":
            return ("valeur écrite à la main dans un texte de "
                    f"cellule de code (« {self.text.strip()[:80]} »), affiché par un graphique "
                    "ou une sortie.\n  → Correction : décrivez la grandeur sans sa valeur (la "
                    "barre la montre), ou composez le texte avec la valeur du registre "
                    "(f\"… {format_number(registre.value('identifiant')…)} …\").")
        if self.kind == "alt":
            return ("graphique sans texte alternatif.\n"
                    "  → Correction : ajoutez « :  image: » puis « :    alt: description » "
                    "dans les options de la cellule (voir CONTRIBUTING.md).")
        return ("nombre tapé à la main dans le texte "
                f"(« {(self.found or self.text).strip()[:80]} »).\n  → Correction : remplacez-le "
                "par un rôle {chiffre}`identifiant` (voir l'annexe des estimations) ; un compte "
                "s'écrit {nombre}`identifiant` suivi du nom (« {nombre}`identifiant` "
                "requêtes ») ; ajoutez le nom propre à data/noms_propres.yaml s'il s'agit d'un "
                "nom de modèle.")


def load_names(path: Path) -> list[str]:
    """The allow-list of proper names holding a digit (data/noms_propres.yaml), checked: each
    is a name, never a value with its unit."""
    if not path.exists():
        return []
    data, lines, shown = read_document(path)
    data = data or []
    check_document(data, lines, shown, "noms_propres")
    for i, name in enumerate(data):
        if _quantity_in(name):
            raise DataError(shown, lines.get((i,)), f"« {name} » contient une quantité, pas "
                            "seulement un nom propre",
                            "retirez cette ligne et écrivez la valeur avec un rôle "
                            "{chiffre}`identifiant` dans le chapitre")
    return sorted(data, key=len, reverse=True)


def strip_markup(text: str) -> tuple[str, list[str]]:
    """`text` without its MyST markup (roles, inline code, links' targets, footnote markers,
    HTML tags), and its formulas apart."""
    for rule in _MARKUP:
        text = rule.sub(" ", text)
    maths = [m.group(1) or m.group(2) for m in _MATH.finditer(text)]
    return _MATH.sub(" ", text), maths


def quote_found(found: list[str]) -> str:
    """The first three hand-typed quantities found, quoted, for a message:
    « « 15 Wh » ; « huit requêtes » »."""
    return " ; ".join(f"« {f} »" for f in found[:3])


def text_quantities(text: str, names: re.Pattern | None) -> list[str]:
    """What states a quantity by hand in a MyST text (a line of a chapter, a note of data/):
    the roles' numbers are computed, the rest is checked by `quantities`."""
    stripped, maths = strip_markup(text)
    found = quantities(stripped, names)
    for m in maths:
        found += quantities(m, math=True)
    return found


def code_texts(code: str, first_line: int, path: str, names: re.Pattern | None) -> list[Finding]:
    """Texts written in a code cell that a reader reads (chart labels and titles, printed
    text): each string literal with a space, and the literal parts of an f-string; a value
    composed from the registry ({…}) is computed, not typed. Identifiers and units have no
    space. A cell that does not parse is left to the kernel, which reports it."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value \
                and quantities(node.value, names):
            found.append(Finding(path, first_line + node.lineno - 1, node.value, "code"))
    return found


def lint_text(text: str, path: str, names: list[str]) -> list[Finding]:
    findings = []
    pattern = _names_pattern(names)
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
                    findings += code_texts("\n".join(cell["code"]), cell["first"], path, pattern)
                    cell = None
            else:
                if m.group(4) == "code-cell":
                    cell = {"line": number, "text": line, "figure": False, "alt": False,
                            "code": [], "first": number + 1}
                prose = (not stack or stack[-1][1]) and (
                    mark[0] == ":" or (m.group(4) or "") in _PROSE_DIRECTIVES)
                stack.append((mark, prose))
            continue
        if cell is not None:
            cell["figure"] |= bool(re.match(r"^:\s+figure:", line))
            cell["alt"] |= bool(re.match(r"^:\s+alt:\s*\S", line))
            if line.startswith(":") and not cell["code"]:
                cell["first"] = number + 1   # the cell's options come before its code
            else:
                cell["code"].append(line)
        if stack and not stack[-1][1]:
            continue
        if re.match(r"^\s*:[\w-]+:", line):    # directive options
            continue
        if line.lstrip().startswith("%"):        # MyST comment
            continue
        found = text_quantities(line, pattern)
        if found:
            findings.append(Finding(path, number, line, found=found[0]))
    return findings


def lint_file(path: Path, names: list[str], shown: str | None = None) -> list[Finding]:
    return lint_text(path.read_text(encoding="utf-8"), shown or str(path), names)
