"""Apples and pears: figures of different scopes side by side without a visible conversion
stop the build, in prose, in tables, in charts and in the contradiction tables."""

import pytest

from empreinte_ia.charts import ChartError, bars
from empreinte_ia.contradictions import load_groups
from empreinte_ia.datafile import DataError
from empreinte_ia.registry import load_registry
from empreinte_ia.side_by_side import check_text

from .support.site import write


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_sentence_with_two_scopes_is_refused(registry):
    text = ("# Titre\n\nGoogle : {chiffre}`gemini_energy_narrow` pour les puces, "
            "{chiffre}`gemini_energy_comprehensive` en tout.\n")
    [clash] = check_text(text, registry)
    assert clash.line == 3
    assert "gemini_energy_narrow" in clash.message and "{converti}" in clash.message


def test_sentence_with_the_conversion_shown_passes(registry):
    text = ("Les puces seules : {chiffre}`gemini_energy_narrow`, soit "
            "{converti}`gemini_energy_narrow` une fois ramenées, pour "
            "{chiffre}`gemini_energy_comprehensive` mesurés.\n")
    assert check_text(text, registry) == []


def test_same_scope_and_other_kinds_pass(registry):
    # Energy, carbon and water of one measurement are not compared with each other.
    text = ("{chiffre}`gemini_energy_comprehensive`, {chiffre}`gemini_co2_per_query` et "
            "{chiffre}`gemini_water_per_query`.\n"
            "{chiffre}`gpt4o_energy_short` et {chiffre}`gpt4o_energy_medium`.\n")
    assert check_text(text, registry) == []


def test_table_rows_are_judged_together(registry):
    table = ("| Source | Valeur |\n|---|---|\n| A | {chiffre}`devries_chatgpt_energy` |\n"
             "| B | {chiffre}`chatgpt_energy_epoch` |\n")
    [clash] = check_text("Avant.\n\n" + table, registry)
    assert clash.line == 3 and clash.message.startswith("ce tableau")
    converted = table.replace("|\n| B", "{converti}`devries_chatgpt_energy` |\n| B")
    converted = converted.replace("epoch` |", "epoch` {converti}`chatgpt_energy_epoch` |")
    assert check_text(converted, registry) == []


def test_code_blocks_are_not_prose(registry):
    text = "```\n{chiffre}`gemini_energy_narrow` {chiffre}`gemini_energy_comprehensive`\n```\n"
    assert check_text(text, registry) == []


def test_chart_of_mixed_scopes_is_refused(registry):
    with pytest.raises(ChartError, match="périmètre"):
        bars(registry, ["gemini_energy_narrow", "gemini_energy_comprehensive"], ["a", "b"],
             unit="Wh/query", title="Mélange")


def test_contradiction_group_needs_a_conversion(tmp_path, registry):
    path = write(tmp_path / "contradictions.yaml", """
        - id: energie
          titre: Énergie
          unite: Wh/query
          entrees:
            - id: gemini_energy_narrow
              perimetre: puces
            - id: gemini_energy_comprehensive
              perimetre: tout
        """)
    with pytest.raises(DataError) as info:
        load_groups(path, registry)
    assert info.value.line == 4 and "ramener: oui" in info.value.fix
    path.write_text(path.read_text().replace("unite: Wh/query", "unite: Wh/query\n  ramener: oui"))
    assert load_groups(path, registry)[0].convert


def _site(tmp_path, page: str):
    from .support.site import build_small_site

    index = "# Mini\n\nAccueil.\n\n```{toctree}\npage\n```\n"
    return build_small_site(tmp_path, {"index.md": index, "page.md": page})


def test_small_site_refuses_apples_and_pears(tmp_path):
    result = _site(tmp_path, "# Page\n\nDeux chiffres : {chiffre}`devries_chatgpt_energy` et "
                             "{chiffre}`chatgpt_energy_epoch`.\n")
    assert not result.ok
    assert result.has("page.md:3", "périmètres différents", "{converti}"), result.messages


def test_small_site_accepts_the_conversion(tmp_path):
    result = _site(tmp_path, "# Page\n\nDeux chiffres ramenés au même périmètre : "
                             "{converti}`devries_chatgpt_energy` et "
                             "{converti}`chatgpt_energy_epoch`.\n")
    assert result.ok, result.messages
    html = result.page("page")
    assert "chiffre-converti" in html and "3,5" in html   # 2,9 Wh × 1,12 × 1,09
