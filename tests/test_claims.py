"""Claims of the source documents and their computed verdicts: the scale, each kind of error
on a small claims file, and the rules that keep verdicts consistent."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from empreinte_ia.claims import (
    AGREEMENT,
    DEGREES,
    DOCUMENTS,
    ERROR_KINDS,
    VERDICT_WORDS,
    WRONG_NOTATIONS,
    load_claims,
    ratio_text,
    unverified_parameters,
    verdict,
    verdicts,
)
from empreinte_ia.datafile import DataError
from empreinte_ia.registry import load_registry

from .conftest import DATA, write

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def real():
    return verdicts(load_registry(), DATA / "claims")


def check(data: Path, body: str, registry=None):
    """Verdict of the claim `t` written in a temporary claims file."""
    write(data / "claims" / "zz_test.yaml", "- id: t\n" + body)
    registry = registry or load_registry(data)
    claim = next(c for c in load_claims(data / "claims", registry) if c.id == "t")
    return verdict(claim, registry)


DOC1 = "  document: 001_66d0f49b45512c60.txt\n  citation: test\n"


# -- the scale --------------------------------------------------------------------------------
def test_scale_is_small_fixed_and_names_every_kind():
    keys = [d.key for d in DEGREES]
    assert keys == ["exact", "arrondi", "fourchette", "depasse", "perimetre", "repris",
                    "inverifiable", "inexact", "erreur"]
    assert {k.key for k in ERROR_KINDS} == {"sens", "attribution", "utilisateurs", "annee",
                                            "unite", "duree", "separateur", "anglicisme",
                                            "notation"}
    for item in (*DEGREES, *ERROR_KINDS):
        assert item.label and item.definition and not item.definition.endswith(".")


def test_every_claim_has_one_verdict_of_the_scale(real):
    keys = {d.key for d in DEGREES}
    assert len(real) >= 150
    for v in real:
        assert v.kind in keys
        assert (v.kind == "erreur") == bool(v.errors), v.claim.id
        if v.claim.estimate:
            assert v.computed is not None


def test_every_document_is_covered(real):
    counts = {code: sum(v.claim.doc_code == code for v in real) for code in DOCUMENTS}
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


# -- agreement ------------------------------------------------------------------------------
def test_exact_rounding_range_and_inexact(data_copy):
    base = DOC1 + "  unite: Wh/query\n  estimation: gpt4o_energy_short\n"
    assert check(data_copy, base + "  valeur: 0.42\n").kind == "exact"
    assert check(data_copy, base + "  valeur: 0.43\n").kind == "arrondi"
    assert check(data_copy, base + "  valeur: 0.5\n").kind == "fourchette"
    far = check(data_copy, base + "  valeur: 0.9\n")
    assert far.kind == "inexact" and far.ratio == pytest.approx(0.9 / 0.42)
    assert far.ratio_text == "×2,1"


def test_units_are_converted(data_copy):
    v = check(data_copy, DOC1 + "  valeur: 0.00042\n  unite: kWh/query\n"
                                "  estimation: gpt4o_energy_short\n")
    assert v.kind == "exact"


def test_verdict_follows_a_parameter_change(data_copy):
    body = DOC1 + "  valeur: 3.37\n  unite: Wh/day/user\n  estimation: gpt4o_daily_short\n"
    before = check(data_copy, body)
    path = data_copy / "parameters" / "inference_gpt4o.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("valeur: 0.42\n", "valeur: 0.55\n", 1), encoding="utf-8")
    after = check(data_copy, body)
    assert before.kind == "arrondi"
    assert after.kind in ("inexact", "fourchette") and after.ratio != before.ratio


# -- each kind of error, on a small claims file -------------------------------------------------
def test_unit_error_needs_the_unit_as_written(data_copy):
    body = DOC1 + "  valeur: 0.42\n  unite: kWh/query\n  estimation: gpt4o_energy_short\n"
    assert check(data_copy, body).kind == "inexact"  # never from the ratio alone
    v = check(data_copy, body + "  unite_ecrite: kWh\n")
    assert v.kind == "erreur" and v.errors == ("unite",)
    assert v.label == "erreur : mauvaise unité"


def test_english_thousands_separator_is_not_a_unit_slip(data_copy):
    v = check(data_copy, DOC1 + "  valeur: 4.402\n  valeur_ecrite: '4,402'\n"
                                "  unite_ecrite: joules\n  unite: J/image\n"
                                "  estimation: sd3_medium_50steps_energy\n")
    assert v.errors == ("separateur",)
    assert v.label == "erreur : séparateur des milliers anglais"
    assert v.corrected == "4\u202f402\u202fJ par image"


def test_written_value_must_be_read_the_french_way(data_copy):
    with pytest.raises(DataError, match="ne se lit pas, en français"):
        check(data_copy, DOC1 + "  valeur: 4402\n  valeur_ecrite: '4,402'\n  unite: J/image\n"
                                "  estimation: sd3_medium_50steps_energy\n")


def test_minutes_for_seconds(data_copy):
    v = check(data_copy, DOC1 + "  valeur: 2.5\n  unite: minute\n  unite_ecrite: minutes\n"
                                "  estimation: sd3_medium_microwave\n")
    assert v.errors == ("duree",)


def test_wrong_attribution_from_the_cited_source(data_copy):
    body = DOC1 + "  valeur: 284\n  unite: tCO2e\n  estimation: gpt3_co2\n"
    assert check(data_copy, body).kind == "inexact"
    v = check(data_copy, body + "  source_citee: patterson2021\n"
                                "  correspond_a:\n    estimation: strubell_nas_co2_t\n")
    assert v.errors == ("attribution",)
    # The figure credited to a source the estimate does not rest on.
    v = check(data_copy, DOC1 + "  valeur: 0.42\n  unite: Wh/query\n"
                                "  estimation: gpt4o_energy_short\n  source_citee: holzle2009\n")
    assert v.errors == ("attribution",)


def test_projection_told_as_present(data_copy):
    v = check(data_copy, DOC1 + "  valeur: 50\n  unite: percent\n  estimation: us_ai_share_2024\n"
                                "  annee_citee: 2024\n"
                                "  correspond_a:\n    estimation: us_ai_share_2028\n"
                                "    annee: 2028\n")
    assert v.errors == ("annee",)
    assert v.label == "erreur : mauvaise année ou projection présentée comme actuelle"


def test_users_counted_as_requests(data_copy):
    v = check(data_copy, DOC1 + "  valeur: 15e6\n  bas: 10e6\n  haut: 20e6\n"
                                "  unite: query/day\n  estimation: devries_requests_per_day\n"
                                "  correspond_a:\n"
                                "    estimation: chatgpt_daily_visitors_jan2023\n")
    assert v.errors == ("utilisateurs",)


def test_anglicism_wherever_it_occurs(data_copy):
    v = check(data_copy, "  document: 001_66d0f49b45512c60.txt\n"
                         "  citation: 4 trillions de dollars\n  valeur: 4e18\n"
                         "  valeur_ecrite: 4 trillions\n  unite: dollar\n"
                         "  estimation: nvidia_market_cap_2025\n")
    assert v.errors == ("anglicisme",) and v.corrected
    v = check(data_copy, "  document: 002_a7567a938f03ec4e.txt\n  citation: 1 trillion\n"
                         "  valeur: 1e18\n  unite: parameter\n  raison: non publié\n")
    assert v.errors == ("anglicisme",)


def test_notation_is_never_in_agreement(data_copy):
    body = DOC1 + "  valeur: 0.42\n  unite: Wh/query\n  estimation: gpt4o_energy_short\n"
    v = check(data_copy, body + "  unite_ecrite: watts/heure\n")
    assert v.kind == "erreur" and v.errors == ("notation",)


def test_opposite_of_every_source(data_copy):
    v = check(data_copy, DOC1 + "  valeur: 90\n  unite: percent\n"
                                "  estimation: training_share_nvidia\n")
    assert v.errors == ("sens",)


def test_several_kinds_the_worst_first(data_copy):
    v = check(data_copy, "  document: 001_66d0f49b45512c60.txt\n  citation: un trillion\n"
                         "  valeur: 0.42\n  unite: Wh/query\n  unite_ecrite: watts/heure\n"
                         "  estimation: gpt4o_energy_short\n  source_citee: holzle2009\n")
    assert v.errors == ("attribution", "anglicisme", "notation")
    assert v.label.startswith("erreur : attribution erronée ; anglicisme")


def test_outdated_and_other_scope(data_copy):
    v = check(data_copy, DOC1 + "  valeur: 2.9\n  unite: Wh/query\n"
                                "  estimation: chatgpt_energy_epoch\n"
                                "  correspond_a:\n    estimation: devries_chatgpt_energy\n")
    assert v.kind == "depasse"
    # « Dix fois une recherche Google »: a ratio of figures of different scopes (the registry
    # knows it from the estimate, side_by_side.RatioScope) is « autre périmètre ».
    v = check(data_copy, DOC1 + "  valeur: 10\n  unite: dimensionless\n"
                                "  estimation: chatgpt_vs_google_epoch\n"
                                "  correspond_a:\n    estimation: chatgpt_vs_google_devries\n")
    assert v.kind == "perimetre" and v.ratio == pytest.approx(10 / v.computed)
    v = check(data_copy, DOC1 + "  valeur: 15\n  unite: percent\n"
                                "  estimation: us_residential_electricity_share_2023\n"
                                "  perimetre: électricité\n  correspond_a:\n"
                                "    estimation: us_residential_energy_share_2023\n"
                                "    perimetre: toute l'énergie\n")
    assert v.kind == "perimetre"


def test_a_declared_correspondence_must_hold(data_copy):
    v = check(data_copy, DOC1 + "  valeur: 0.9\n  unite: Wh/query\n"
                                "  estimation: gpt4o_energy_short\n  annee_citee: 2020\n"
                                "  correspond_a:\n    estimation: gpt4o_energy_medium\n"
                                "    annee: 2025\n")
    assert v.kind == "inexact"


# -- consistency rules --------------------------------------------------------------------------
def test_same_error_same_verdict_everywhere(real):
    """The anglicism, a wrong notation: the same verdict in every claim that carries them."""
    trillion = [v for v in real if re.search(r"\btrillions?\b", v.claim.quote, re.I)]
    assert len(trillion) >= 3
    assert {(v.kind, "anglicisme" in v.errors) for v in trillion} == {("erreur", True)}
    notation = [v for v in real
                if any(p.search(v.claim.written_unit) for p, _ in WRONG_NOTATIONS)]
    assert notation and all("notation" in v.errors for v in notation)


def test_agreement_only_with_parameters_read_at_their_source(real, registry):
    """A claim whose estimate rests on a parameter of its own document, or on one not read in
    its primary source, can never be « exact », « arrondi acceptable » or « dans la fourchette »."""
    for v in real:
        if unverified_parameters(v.claim, registry):
            assert v.kind not in AGREEMENT, v.claim.id
    assert any(v.kind == "repris" for v in real)


def test_unverified_parameter_turns_agreement_into_taken_from_source(data_copy):
    body = DOC1 + "  valeur: 0.42\n  unite: Wh/query\n  estimation: gpt4o_energy_short\n"
    assert check(data_copy, body).kind == "exact"
    path = data_copy / "parameters" / "inference_gpt4o.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("verification: P", "verification: S", 1), encoding="utf-8")
    assert check(data_copy, body).kind == "repris"


def test_own_document_is_not_a_verification(data_copy):
    path = data_copy / "parameters" / "inference_gpt4o.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("source: jegham2025", "source: emonet2025", 1),
                    encoding="utf-8")
    body = ("  document: 002_a7567a938f03ec4e.txt\n  citation: test\n  valeur: 0.42\n"
            "  unite: Wh/query\n  estimation: gpt4o_energy_short\n")
    assert check(data_copy, body).kind == "repris"


@pytest.mark.parametrize("note", ["L'ordre de grandeur est le bon.", "Valeur exacte.",
                                  "Une erreur de traduction.", "C'est correct.",
                                  "L'écart est modeste."])
def test_a_note_cannot_state_a_verdict(data_copy, note):
    with pytest.raises(DataError) as info:
        check(data_copy, DOC1 + "  valeur: 0.9\n  unite: Wh/query\n"
                                f"  estimation: gpt4o_energy_short\n  note: {note}\n")
    assert info.value.line == 7 and "le verdict est calculé" in str(info.value)


def test_no_real_note_states_a_verdict(real):
    for v in real:
        assert not VERDICT_WORDS.search(v.claim.note), (v.claim.id, v.claim.note)


@given(st.floats(min_value=1e-3, max_value=1e4, allow_nan=False))
def test_a_shown_ratio_is_never_one(ratio):
    text = ratio_text(ratio)
    if text:
        shown = float(text[1:].replace("\u202f", "").replace(",", "."))
        assert shown != 1 and (shown > 1) == (ratio > 1)


def test_ratio_digits_grow_near_one():
    assert ratio_text(1.04) == "×1,04"
    assert ratio_text(1.004) == "×1,004"
    assert ratio_text(1.00001) == ""
    assert ratio_text(2.14) == "×2,1"


# -- origin ---------------------------------------------------------------------------------
def test_a_media_claim(data_copy):
    v = check(data_copy, "  media: Le Monde\n  date: 2025-06-01\n  url: https://example.fr/a\n"
                         "  citation: test\n  valeur: 0.42\n  unite: Wh/query\n"
                         "  estimation: gpt4o_energy_short\n")
    assert v.kind == "exact" and v.claim.doc_code == "media"
    assert v.claim.origin == "Le Monde, 2025-06-01"


def test_a_media_claim_needs_date_and_url(data_copy):
    with pytest.raises(DataError, match="« date »"):
        check(data_copy, "  media: Le Monde\n  citation: test\n  valeur: 1\n  unite: Wh\n"
                         "  raison: r\n")


# -- bad input ------------------------------------------------------------------------------
def test_unknown_estimate_names_file_and_line(data_copy):
    with pytest.raises(DataError) as info:
        check(data_copy, DOC1 + "  valeur: 1\n  unite: Wh\n  estimation: pas_une_estimation\n")
    err = info.value
    assert err.path.endswith("zz_test.yaml") and err.line == 6
    assert "estimation inconnue « pas_une_estimation »" in str(err)


def test_incompatible_unit(data_copy):
    with pytest.raises(DataError, match="n'est pas compatible"):
        check(data_copy, DOC1 + "  valeur: 1\n  unite: L\n  estimation: gpt4o_energy_short\n")


def test_claim_without_estimate_needs_a_reason(data_copy):
    with pytest.raises(DataError, match="ni « estimation » ni « raison »"):
        check(data_copy, "  document: 004_x.txt\n  citation: c\n  valeur: 1\n  unite: Wh\n")


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


def test_notes_and_reasons_type_no_number(registry):
    """A note explains with words and registry roles: no number typed by hand."""
    from empreinte_ia.prose import lint_text, load_names

    names = load_names(DATA / "noms_propres.yaml")
    found = []
    for c in load_claims(DATA / "claims", registry):
        for key, text in (("note", c.note), ("raison", c.reason)):
            if not re.search(r"\d", re.sub(r"\{[a-z]+\}`[^`]*`", "", text)):
                continue  # numbers written in words are left to the prose lint of chapters
            for f in lint_text(text, str(c.path), names):
                found.append(f"{c.path}, ligne {c.line} ({c.id}, {key}) : {f.message()}")
    assert not found, "\n".join(found)


def test_a_role_in_a_note_must_name_a_known_figure(data_copy):
    with pytest.raises(DataError, match="« pas_un_id », qui n'est ni un paramètre"):
        check(data_copy, DOC1 + "  valeur: 0.42\n  unite: Wh/query\n"
                                "  estimation: gpt4o_energy_short\n"
                                "  note: Voir {chiffre}`pas_un_id`.\n")


# -- on the page ------------------------------------------------------------------------------
def test_annex_shows_the_scale_and_each_verdict_the_same_way(tmp_path):
    """The scale is generated from claims.py; a verdict shows its badge, the corrected
    reading of an error, and its note with the registry's numbers."""
    from .support.site import build_small_site, copy_data

    data = copy_data(tmp_path)
    write(data / "claims" / "zz_test.yaml",
          "- id: t_sep\n" + DOC1 + "  valeur: 4.402\n  valeur_ecrite: '4,402'\n"
          "  unite: J/image\n  estimation: sd3_medium_50steps_energy\n"
          "  note: Avec un four de {chiffre}`microwave_power`.\n")
    result = build_small_site(
        tmp_path, {"page.md": "# Page\n\nLa source : {source}`t_sep` ({verdict}`t_sep`).\n"},
        data=data, annexes=("verification",))
    assert result.ok, result.messages
    out = result.outdir
    annex = (out / "annexes" / "verification.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(annex, "html.parser")
    terms = [t.get_text() for t in soup.select("dl.echelle-verdicts > dt .verdict")]
    assert terms == [d.label for d in DEGREES]
    def plain(text: str) -> str:  # the typography pass puts no-break spaces inside « »
        return text.replace("’", "'").replace("\xa0", " ").replace("\u202f", " ")

    kinds = [plain(s.get_text()) for s in soup.select("dl.echelle-verdicts li strong")]
    assert kinds == [plain(k.label) for k in ERROR_KINDS]
    row = annex[annex.index('id="verif-t-sep"'):]
    row = row[:row.index("</tr>")]
    assert "erreur : séparateur des milliers anglais" in plain(row)
    assert "À lire : 4 402 J par image" in plain(row)
    assert re.search(r'href="parametres/\w+\.html#microwave-power"', row) and "(×" not in row
    page = (out / "page.html").read_text(encoding="utf-8")
    assert 'class="reference external verdict verdict-erreur"' in page or \
        "verdict verdict-erreur" in page


def test_a_chapter_sentence_does_not_judge_the_verdict_it_shows():
    """A sentence that shows a computed verdict ({verdict}) says nothing that could contradict it."""
    found = []
    for path in sorted((DATA.parent / "docs").rglob("*.md")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "{verdict}" in line:
                bare = re.sub(r"\{[a-z:]+\}`[^`]*`", "", line)
                m = VERDICT_WORDS.search(bare)
                if m:
                    found.append(f"{path.name}, ligne {n} : « {m.group(0)} »")
    assert not found, "phrases qui jugent un verdict calculé :\n" + "\n".join(found)
