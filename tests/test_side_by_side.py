"""Apples and pears: figures of different scopes side by side without a visible conversion
stop the build, in prose, in tables, in charts and in the contradiction tables."""

import pytest

from empreinte_ia.charts import ChartError, bars
from empreinte_ia.contradictions import load_groups
from empreinte_ia.datafile import DataError
from empreinte_ia.registry import load_registry
from empreinte_ia.side_by_side import check_text

from .support.site import write


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


# -- ratios across scopes ------------------------------------------------------------------------
RATIO = '''
from ..registry import estimate


@estimate(unit="dimensionless", label="Rapport de test", formula="a ÷ b"{declared})
def rapport_test({inputs}):
    return {body}
'''
CROSS = {"inputs": "gpt4o_energy_short, google_search_energy",
             "body": "gpt4o_energy_short / google_search_energy"}
CONVERTED = {"inputs": "devries_chatgpt_energy, scope_factor_overhead, chatgpt_energy_epoch",
                 "body": "devries_chatgpt_energy * scope_factor_overhead / chatgpt_energy_epoch"}


def estimates_with(tmp_path, declared="", **parts):
    """A small folder of estimates: the factors of the comparison page and one ratio."""
    import shutil
    from pathlib import Path

    import empreinte_ia.estimates as package

    folder = tmp_path / "estimations"
    folder.mkdir()
    shutil.copy(Path(package.__file__).parent / "requetes.py", folder / "requetes.py")
    write(folder / "rapport.py", RATIO.format(declared=declared, **parts))
    return folder


def ratio_error(tmp_path, declared="", **parts) -> DataError:
    with pytest.raises(DataError) as info:
        load_registry(estimates_dir=estimates_with(tmp_path, declared, **parts))
    return info.value


def test_undeclared_ratio_across_scopes_is_refused(tmp_path):
    err = ratio_error(tmp_path, **CROSS)
    assert err.path.endswith("rapport.py") and err.line == 4
    assert "« gpt4o_energy_short »" in err.message and "« google_search_energy »" in err.message
    assert "périmètres différents" in err.message and "sans le déclarer" in err.message
    assert 'perimetres="convertis"' in err.fix and 'perimetres="differents"' in err.fix


def test_ratio_declared_across_scopes_loads_and_must_say_so(tmp_path):
    registry = load_registry(estimates_dir=estimates_with(
        tmp_path, ', perimetres="differents"', **CROSS))
    r = registry.ratio_scope("rapport_test")
    assert r.across and r.numerator == ("gpt4o_energy_short",)
    assert r.denominator == ("google_search_energy",) and "périmètre" in r.differences
    [clash] = check_text("Une requête vaut {nombre}`rapport_test` recherches.\n", registry)
    assert clash.line == 1 and "périmètre" in clash.message and "Correction" in clash.message
    assert check_text("Une requête vaut {nombre}`rapport_test` recherches, deux chiffres de "
                      "périmètres différents.\n", registry) == []


def test_ratio_with_its_conversion_is_accepted(tmp_path):
    declared = ', perimetres="convertis", conversion=("scope_factor_overhead",)'
    registry = load_registry(estimates_dir=estimates_with(tmp_path, declared, **CONVERTED))
    r = registry.ratio_scope("rapport_test")
    assert r.declared == "convertis" and not r.across
    assert check_text("Elle vaut {nombre}`rapport_test` fois l'autre.\n", registry) == []
    # The figure is the published ratio times the factor that adds the missing stage (D).
    expected = (registry.value("devries_chatgpt_energy").mid
                * registry.value("scope_factor_overhead").mid
                / registry.value("chatgpt_energy_epoch").mid).to("")
    assert registry.value("rapport_test").mid.magnitude == pytest.approx(expected.magnitude)


@pytest.mark.parametrize("declared, parts, words", [
    # A factor that adds a stage both figures already count does not bring them together.
    (', perimetres="convertis", conversion=("scope_factor_idle",)',
     {"inputs": "devries_chatgpt_energy, scope_factor_idle, chatgpt_energy_epoch",
          "body": "devries_chatgpt_energy * scope_factor_idle / chatgpt_energy_epoch"},
     "il manque scope_factor_overhead"),
    # A conversion declared but not applied in the formula.
    (', perimetres="convertis", conversion=("scope_factor_overhead",)',
     {"inputs": "devries_chatgpt_energy, chatgpt_energy_epoch",
          "body": "devries_chatgpt_energy / chatgpt_energy_epoch"},
     "n'entre pas dans le calcul"),
    # No published method: nothing can place the Google search figure.
    (', perimetres="convertis", conversion=("scope_factor_overhead",)',
     {"inputs": "gpt4o_energy_short, scope_factor_overhead, google_search_energy",
          "body": "gpt4o_energy_short * scope_factor_overhead / google_search_energy"},
     "aucune conversion ne le place"),
    # Two figures of one scope are not « différents ».
    (', perimetres="differents"',
     {"inputs": "gpt4o_energy_medium, gpt4o_energy_short",
          "body": "gpt4o_energy_medium / gpt4o_energy_short"},
     "ont le même périmètre"),
    # An « écart » is between two scopes of one measurement.
    (', perimetres="ecart"', CROSS, "n'ont pas le même modèle"),
])
def test_wrong_declarations_are_refused(tmp_path, declared, parts, words):
    err = ratio_error(tmp_path, declared, **parts)
    assert err.path.endswith("rapport.py") and err.line == 4
    assert words in err.message and err.fix


def test_repository_ratios_across_scopes(registry):
    """Every ratio of per-query figures of different scopes in the repository is declared
    (load_registry refuses otherwise), and the chapters say so wherever they show one."""
    from pathlib import Path

    across = {k for k in registry.estimates
              if (r := registry.ratio_scope(k)) is not None and r.across}
    assert {"chatgpt_vs_google_devries", "chatgpt_vs_google_epoch", "gpt4o_vs_google_ratio",
            "gpt4o_vs_google_extra", "per_query_estimates_spread", "s004_energy_gap"} <= across
    assert registry.ratio_scope("devries_vs_epoch").declared == "convertis"
    assert registry.ratio_scope("gemini_scope_ratio").declared == "ecart"
    # Same scope on both sides: an ordinary ratio.
    assert registry.ratio_scope("llama31_energy_ratio").differences == ()
    docs = Path(__file__).resolve().parents[1] / "docs"
    for path in sorted(docs.rglob("*.md")):
        assert check_text(path.read_text(encoding="utf-8"), registry) == [], path.name


def test_annex_entry_says_what_a_ratio_compares(site):
    """The registry's knowledge of a ratio is shown in its annex entry, computed."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / "annexes/estimations/gpt4o.html").read_text(encoding="utf-8"),
                         "html.parser")
    texts = [s.get_text(" ", strip=True) for s in soup.find_all("section")
             if "Identifiant : gpt4o_vs_google_ratio" in s.get_text(" ", strip=True)]
    entry = min(texts, key=len)
    assert "Périmètres du rapport" in entry
    assert "Rapport de chiffres de périmètres différents, montré comme tel" in entry
    # The site's typography puts a no-break space before the colon.
    assert "périmètre inconnu" in entry and "ils diffèrent par\xa0: périmètre" in entry
