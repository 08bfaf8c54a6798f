"""Scope tags (« perimetre »): validated like any other field, with French messages naming the
file and the line of the tag."""

from pathlib import Path

import pytest

from empreinte_ia.datafile import DataError
from empreinte_ia.registry import load_registry
from empreinte_ia.scope import ScopeError, parse_scope

from .conftest import write

ENTRY = """
- id: energie_test
  libelle: Une énergie de test
  valeur: 0.42
  unite: Wh/query
  source: jegham2025
  localisation: tableau 4
  annee: 2025
  statut: estime
  verification: P
{scope}
"""
GOOD_SCOPE = """\
  perimetre:
    frontiere: [A, B, D]
    utilisation: supposee
    statistique: une_requete
    jetons_entree: 100
    jetons_sortie: 300
    modele: GPT-4o
    version: arXiv:2505.09598v6
    methode: publiee"""


def load_error(data: Path, scope: str) -> DataError:
    write(data / "parameters" / "zz_test.yaml", ENTRY.format(scope=scope))
    with pytest.raises(DataError) as info:
        load_registry(data)
    return info.value


def test_good_scope_is_read(data_copy):
    write(data_copy / "parameters" / "zz_test.yaml", ENTRY.format(scope=GOOD_SCOPE))
    scope = load_registry(data_copy).scope("energie_test")
    assert scope.boundary == ("A", "B", "D")
    assert scope.tokens_in == 100 and scope.tokens_out == 300
    assert scope.short() == "A+B+D, taux d'utilisation supposé, une requête définie"
    assert ("Jetons", "100 en entrée, 300 en sortie") in scope.describe()


def test_per_query_figure_without_scope_is_refused(data_copy):
    err = load_error(data_copy, "")
    assert err.path.endswith("zz_test.yaml") and err.line == 1
    assert "sans « perimetre »" in err.message


@pytest.mark.parametrize("old, new, words", [
    ("frontiere: [A, B, D]", "frontiere: [A, B, X]", "étiquette « frontiere » invalide"),
    ("frontiere: [A, B, D]", "frontiere: [B, D]", "sans les accélérateurs"),
    ("statistique: une_requete", "statistique: mode", "étiquette « statistique » invalide"),
    ("jetons_entree: 100", "jetons_entree: beaucoup", "étiquette « jetons_entree » invalide"),
    ("    modele: GPT-4o\n", "", "pas d'étiquette « modele »"),
    ("methode: publiee", "methode: non_publiee", "« frontiere: inconnue » va avec"),
    ("version: arXiv", "editeur: arXiv", "étiquette de périmètre inconnue « editeur »"),
])
def test_bad_tag_names_file_line_and_fix(data_copy, old, new, words):
    err = load_error(data_copy, GOOD_SCOPE.replace(old, new))
    assert words in err.message
    assert err.path.endswith("zz_test.yaml")
    assert err.line == 10          # the line of « perimetre: »
    assert err.fix


def test_carbon_figure_must_say_its_accounting():
    with pytest.raises(ScopeError, match="comptabilité"):
        from empreinte_ia.scope import check_kind
        check_kind(parse_scope({"frontiere": ["A"], "statistique": "mediane", "modele": "x",
                                "methode": "publiee"}), "carbon")


def test_unknown_boundary_only_without_method():
    scope = parse_scope({"frontiere": "inconnue", "statistique": "moyenne", "modele": "ChatGPT",
                         "methode": "non_publiee"})
    assert scope.boundary is None and not scope.method_published
    assert scope.short() == "périmètre inconnu, moyenne, aucune méthode publiée"


def test_every_per_query_figure_of_the_site_has_a_scope():
    registry = load_registry()
    from empreinte_ia.scope import kind_of
    missing = [k for k in registry.ids() if kind_of(registry.unit(k)) and registry.scope(k) is None]
    assert missing == []
