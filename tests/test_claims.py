"""Claims of the source documents and their computed verdicts."""

from pathlib import Path

import pytest

from empreinte_ia.claims import DOCUMENTS, load_claims, verdict, verdicts
from empreinte_ia.datafile import DataError
from empreinte_ia.registry import load_registry

from .conftest import DATA, write

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def claim_file(data: Path, body: str) -> Path:
    return write(data / "claims" / "zz_test.yaml", body)


CLAIM = """
- id: t_claim
  document: 001_66d0f49b45512c60.txt
  citation: test
  valeur: {value}
  unite: {unit}
  estimation: {est}
"""


def one(data, registry, value, unit="Wh/query", est="gpt4o_energy_short"):
    claim_file(data, CLAIM.format(value=value, unit=unit, est=est))
    claims = [c for c in load_claims(data / "claims", registry) if c.id == "t_claim"]
    return verdict(claims[0], registry)


def test_every_claim_has_a_verdict(registry):
    results = verdicts(registry, DATA / "claims")
    assert results
    for v in results:
        assert v.kind in ("accord", "arrondi", "fourchette", "ecart", "erreur", "inverifiable")
        if v.kind != "inverifiable":
            assert v.computed is not None


def test_every_document_is_covered(registry):
    results = verdicts(registry, DATA / "claims")
    counts = {code: sum(v.claim.doc_code == code for v in results) for code in DOCUMENTS}
    assert all(n > 0 for n in counts.values()), counts


def test_claim_documents_exist():
    if not SEEDS.exists():
        pytest.skip("../shared/seeds absent")
    names = {p.name for p in SEEDS.iterdir()}
    for c in load_claims(DATA / "claims", load_registry()):
        assert c.document in names, f"{c.path}:{c.line} {c.document}"


def test_quotes_are_in_their_document(registry):
    if not SEEDS.exists():
        pytest.skip("../shared/seeds absent")
    missing = []
    for c in load_claims(DATA / "claims", registry):
        text = " ".join((SEEDS / c.document).read_text(encoding="utf-8").split())
        if " ".join(c.quote.split()) not in text:
            missing.append(f"{c.path}, ligne {c.line} : « {c.quote} »")
    assert not missing, "citations introuvables dans le document :\n" + "\n".join(missing)


def test_agreement_rounding_and_discrepancy(data_copy, registry):
    assert one(data_copy, registry, 0.42).kind == "accord"
    assert one(data_copy, registry, 0.43).kind == "arrondi"
    assert one(data_copy, registry, 0.5).kind == "fourchette"
    far = one(data_copy, registry, 0.9)
    assert far.kind == "ecart" and far.ratio == pytest.approx(0.9 / 0.42)


def test_power_of_ten_is_named(data_copy, registry):
    v = one(data_copy, registry, 420, unit="Wh/query")
    assert v.kind == "erreur" and "1\u202f000" in v.error


def test_minutes_for_seconds_is_named(data_copy, registry):
    v = one(data_copy, registry, 0.42 * 60 * 1.0)
    assert v.kind == "erreur" and "minutes" in v.error


def test_units_are_converted(data_copy, registry):
    assert one(data_copy, registry, 0.00042, unit="kWh/query").kind == "accord"


def test_wrong_attribution(data_copy, registry):
    claim_file(data_copy, CLAIM.format(value=0.42, unit="Wh/query", est="gpt4o_energy_short")
               + "  source_citee: holzle2009\n")
    c = next(c for c in load_claims(data_copy / "claims", registry) if c.id == "t_claim")
    v = verdict(c, registry)
    assert v.kind == "erreur" and v.error == "attribution erronée"


def test_verdict_follows_a_parameter_change(data_copy):
    claim_file(data_copy, CLAIM.format(value=3.37, unit="Wh/day/user", est="gpt4o_daily_short"))
    before = one(data_copy, load_registry(data_copy), 3.37, "Wh/day/user", "gpt4o_daily_short")
    path = data_copy / "parameters" / "inference_gpt4o.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("valeur: 0.42\n", "valeur: 0.55\n", 1), encoding="utf-8")
    after = one(data_copy, load_registry(data_copy), 3.37, "Wh/day/user", "gpt4o_daily_short")
    assert before.kind in ("accord", "arrondi")
    assert after.kind in ("ecart", "fourchette") and after.ratio != before.ratio


def test_unknown_estimate_names_file_and_line(data_copy, registry):
    claim_file(data_copy, CLAIM.format(value=1, unit="Wh", est="pas_une_estimation"))
    with pytest.raises(DataError) as info:
        load_claims(data_copy / "claims", registry)
    err = info.value
    assert err.path.endswith("zz_test.yaml") and err.line == 6
    assert "estimation inconnue « pas_une_estimation »" in str(err)


def test_incompatible_unit(data_copy, registry):
    claim_file(data_copy, CLAIM.format(value=1, unit="L", est="gpt4o_energy_short"))
    with pytest.raises(DataError, match="n'est pas compatible"):
        load_claims(data_copy / "claims", registry)


def test_claim_without_estimate_needs_a_reason(data_copy, registry):
    claim_file(data_copy, "- id: t2\n  document: 004_x.txt\n  citation: c\n  valeur: 1\n"
                          "  unite: Wh\n")
    with pytest.raises(DataError, match="ni « estimation » ni « raison »"):
        load_claims(data_copy / "claims", registry)


def test_contradictions_groups_load_and_share_a_unit(registry):
    from empreinte_ia.contradictions import load_groups

    groups = load_groups(DATA / "contradictions.yaml", registry)
    assert len(groups) >= 3
    for group in groups:
        assert len(group.items) >= 2 and all(item.scope for item in group.items)


def test_contradiction_with_unknown_id_names_file_and_line(data_copy, registry):
    from empreinte_ia.contradictions import load_groups

    path = write(data_copy / "contradictions.yaml",
                 "- id: g\n  titre: t\n  unite: Wh/query\n  entrees:\n"
                 "    - id: pas_un_id\n      perimetre: p\n")
    with pytest.raises(DataError) as info:
        load_groups(path, registry)
    assert info.value.line == 5 and "pas_un_id" in str(info.value)  # the line of the id itself
