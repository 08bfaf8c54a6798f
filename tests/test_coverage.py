"""Coverage of the source documents: every claim is on the site, per document.

A claim is rendered when a chapter shows the estimate that recomputes it (role, table or chart
of a code cell), or quotes the claim itself ({source}/{verdict}). Claims that cannot be
recomputed are rendered in the verification annex only, with their reason.
"""

import re
from collections import defaultdict

import pytest

from empreinte_ia.claims import DOCUMENTS, load_claims
from empreinte_ia.registry import load_registry

from .conftest import DATA, ROOT

CHAPTERS = [*sorted((ROOT / "docs" / "chapitres").glob("*.md")), ROOT / "docs" / "index.md"]


@pytest.fixture(scope="module")
def claims():
    return load_claims(DATA / "claims", load_registry())


@pytest.fixture(scope="module")
def shown():
    """Every identifier a chapter names: in roles and as quoted strings in code cells."""
    ids = set()
    for path in CHAPTERS:
        text = path.read_text(encoding="utf-8")
        ids |= set(re.findall(r"\{(?:chiffre|nombre|plage|source|verdict)\}`([\w]+)`", text))
        ids |= set(re.findall(r"[\"']([a-z][a-z0-9_]+)[\"']", text))
    return ids


def test_each_document_has_claims(claims):
    per_doc = defaultdict(int)
    for c in claims:
        per_doc[c.doc_code] += 1
    assert set(per_doc) == set(DOCUMENTS), dict(per_doc)
    assert sum(per_doc.values()) >= 100, dict(per_doc)


@pytest.mark.parametrize("code", sorted(DOCUMENTS))
def test_claims_of_document_are_rendered(claims, shown, code):
    missing = [f"{c.path}, ligne {c.line} : {c.id} ({c.estimate})" for c in claims
               if c.doc_code == code and c.estimate
               and c.estimate not in shown and c.id not in shown]
    assert not missing, ("affirmations absentes des chapitres — citez l'estimation avec "
                         "{chiffre} ou l'affirmation avec {source} :\n" + "\n".join(missing))
