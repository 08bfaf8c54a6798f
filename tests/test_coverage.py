"""Coverage of the source documents, line by line, and of the site.

Every line of a document in ../shared/seeds/ that holds a figure has at least one claim (with
its verdict), or a recorded reason why it holds none (data/claims/sans_affirmation.yaml).
Every claim is rendered: a chapter shows the estimate that recomputes it or quotes the claim,
and the verification annex lists them all.
"""

import re
from collections import defaultdict
from pathlib import Path

import pytest

from empreinte_ia.claims import DOCUMENTS, load_claims, load_no_claim_lines
from empreinte_ia.registry import load_registry

from .conftest import DATA, ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
CHAPTERS = [*sorted((ROOT / "docs" / "chapitres").glob("*.md")), ROOT / "docs" / "index.md"]
# A figure: a digit, or a number written in words that states a quantity.
FIGURE = re.compile(r"\d|\b(trillions?|milliards?|millions?|moitié|doublée?|triplée?)\b", re.I)


def _norm(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.fixture(scope="module")
def claims():
    return load_claims(DATA / "claims", load_registry())


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[str]]:
    if not SEEDS.exists():
        pytest.skip("../shared/seeds absent")
    return {p.name: p.read_text(encoding="utf-8").splitlines() for p in sorted(SEEDS.iterdir())}


def seed_lines_of(quote: str, lines: list[str]) -> list[int]:
    """Lines (1-based) of a document where a quote is, also across line breaks."""
    q = _norm(quote)
    hits = [i + 1 for i, line in enumerate(lines) if q in _norm(line)]
    if hits:
        return hits
    for i in range(len(lines)):
        for j in range(i + 1, min(i + 6, len(lines))):
            if q in _norm(" ".join(lines[i:j + 1])):
                return list(range(i + 1, j + 2))
    return []


def test_each_document_has_claims(claims):
    per_doc = defaultdict(int)
    for c in claims:
        per_doc[c.doc_code] += 1
    assert set(DOCUMENTS) <= set(per_doc), dict(per_doc)


@pytest.mark.parametrize("code", sorted(DOCUMENTS))
def test_every_figure_line_has_a_claim_or_a_reason(claims, seeds, code):
    name = next(n for n in seeds if n.startswith(code))
    lines = seeds[name]
    covered: dict[int, list[str]] = defaultdict(list)
    for c in claims:
        if c.document == name:
            found = seed_lines_of(c.quote, lines)
            assert found, f"{c.path}, ligne {c.line} : citation introuvable dans {name}"
            for n in found:
                covered[n].append(c.id)
    reasons = {}
    for item in load_no_claim_lines(DATA / "claims"):
        if item.document != name:
            continue
        assert 1 <= item.line <= len(lines) and _norm(item.excerpt) in _norm(lines[item.line - 1]), \
            f"sans_affirmation.yaml : « {item.excerpt} » n'est pas à la ligne {item.line} de {name}"
        assert not covered.get(item.line), \
            f"sans_affirmation.yaml : la ligne {item.line} de {name} a déjà une affirmation"
        reasons[item.line] = item.reason
    missing = [f"ligne {i} : {line.strip()[:90]}" for i, line in enumerate(lines, 1)
               if FIGURE.search(line) and i not in covered and i not in reasons]
    assert not missing, (f"{name} : lignes chiffrées sans affirmation ni raison (ajoutez une "
                         "affirmation dans data/claims/ ou une raison dans "
                         "data/claims/sans_affirmation.yaml) :\n" + "\n".join(missing))


def test_no_claim_reasons_are_given(seeds):
    for item in load_no_claim_lines(DATA / "claims"):
        assert len(item.reason.split()) >= 3, item


@pytest.fixture(scope="module")
def shown():
    """Every identifier a chapter names: in roles and as quoted strings in code cells."""
    ids = set()
    for path in CHAPTERS:
        text = path.read_text(encoding="utf-8")
        ids |= set(re.findall(r"\{(?:chiffre|nombre|plage|source|verdict)\}`([\w]+)`", text))
        ids |= set(re.findall(r"[\"']([a-z][a-z0-9_]+)[\"']", text))
    return ids


@pytest.mark.parametrize("code", sorted(DOCUMENTS))
def test_claims_of_document_are_rendered(claims, shown, code):
    """A claim recomputed by an estimate is shown in a chapter (the estimate or the claim);
    the others are in the verification annex only, with their reason."""
    missing = [f"{c.path}, ligne {c.line} : {c.id} ({c.estimate})" for c in claims
               if c.doc_code == code and c.estimate and c.estimate not in shown
               and c.id not in shown and not c.id.startswith("t")
               and not _annex_only(c)]
    assert not missing, ("affirmations absentes des chapitres — citez l'estimation avec "
                         "{chiffre} ou l'affirmation avec {source} :\n" + "\n".join(missing))


def _annex_only(claim) -> bool:
    """Claims added for line-by-line coverage live in the annex (file couverture_*.yaml)."""
    return Path(claim.path).name.startswith("couverture")
