"""Bad input in data/: each case stops with a French message naming file, line and fix."""

from pathlib import Path

import pytest

from empreinte_ia.datafile import DataError
from empreinte_ia.registry import load_registry

from .conftest import DATA, write

GOOD = """
- id: energie_test
  libelle: Une énergie de test
  valeur: 0.42
  bas: 0.29
  haut: 0.55
  unite: Wh/query
  source: jegham2025
  localisation: tableau 4
  annee: 2025
  statut: estime
  verification: P
  perimetre:
    frontiere: [A, B, D]
    statistique: une_requete
    modele: GPT-4o
    methode: publiee
"""


def broken(data: Path, text: str) -> Path:
    return write(data / "parameters" / "zz_test.yaml", text)


def load_error(data: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load_registry(data)
    return info.value


def test_good_file_loads(data_copy):
    broken(data_copy, GOOD)
    registry = load_registry(data_copy)
    assert registry.value("energie_test").magnitudes() == pytest.approx((0.42, 0.29, 0.55))


@pytest.mark.parametrize("old,new,line,words", [
    ("  unite: Wh/query\n", "", 1, "n'a pas de champ « unite »"),
    ("Wh/query", "Wh/requetes", 6, "unité inconnue « Wh/requetes »"),
    ("valeur: 0.42", "valeur: beaucoup", 3, "n'est pas un nombre"),
    ("bas: 0.29", "bas: 0.50", 4, "plus grand que la valeur"),
    ("haut: 0.55", "haut: 0.30", 5, "plus petit que la valeur"),
    ("source: jegham2025", "source: inconnu2099", 7, "la source « inconnu2099 » n'existe pas"),
    ("statut: estime", "statut: devine", 10, "statut « devine » inconnu"),
    ("  verification: P\n", "", 1, "n'a pas de champ « verification »"),
])
def test_bad_parameter(data_copy, old, new, line, words):
    broken(data_copy, GOOD.replace(old, new))
    err = load_error(data_copy)
    assert words in str(err)
    assert "zz_test.yaml" in err.path
    assert err.line == line
    assert "Correction" in str(err)


def test_duplicate_id_names_both_places(data_copy):
    broken(data_copy, GOOD + GOOD)
    err = load_error(data_copy)
    assert "déjà utilisé" in str(err) and err.line == 18


def test_duplicate_id_across_files(data_copy):
    broken(data_copy, GOOD.replace("energie_test", "gpt4o_energy_short"))
    err = load_error(data_copy)
    assert "gpt4o_energy_short" in str(err) and "inference_gpt4o.yaml" in str(err)


def test_malformed_yaml(data_copy):
    broken(data_copy, GOOD.replace("  unite: Wh/query", "  unite: [Wh/query"))
    err = load_error(data_copy)
    # The line of the bracket left open, not the line where the reader noticed it.
    assert "YAML mal formé (une liste entre crochets jamais fermée)" in str(err)
    assert err.line == 6 and "Correction : fermez le crochet" in str(err)


def test_unit_without_french_name(data_copy):
    broken(data_copy, GOOD.replace("Wh/query", "furlong"))
    assert "n'a pas de nom français" in str(load_error(data_copy))


def test_unknown_field(data_copy):
    broken(data_copy, GOOD + "  valuer: 3\n")
    assert "champ inconnu « valuer »" in str(load_error(data_copy))


def test_duplicate_bib_key(data_copy):
    bib = data_copy / "references.bib"
    text = bib.read_text(encoding="utf-8")
    bib.write_text(text + "\n@misc{jegham2025,\n  title = {Double}\n}\n", encoding="utf-8")
    err = load_error(data_copy)
    assert "définie deux fois" in str(err) and err.path.endswith("references.bib")


def test_a_content_found_valid_is_not_validated_again_but_a_changed_one_is():
    """The schema check remembers contents it found valid (the same file read again); a
    content that differs by a value or only by its type (2025, 2025.0, true) is checked."""
    import yaml

    from empreinte_ia.schema import _errors

    entry = yaml.safe_load((DATA / "parameters" / "inference_gpt4o.yaml")
                           .read_text(encoding="utf-8"))[0]
    assert _errors("parametre", entry) == [] and _errors("parametre", dict(entry)) == []
    for year in ("2025", 2025.5, True, None):
        changed = {**entry, "annee": year}
        assert _errors("parametre", changed), year
    assert _errors("parametre", {**entry, "annee": 2025}) == []
    # true equals 1 for Python (same hash): the remembered « chiffres: 1 » must not pass it.
    assert _errors("parametre", {**entry, "chiffres": 1}) == []
    assert _errors("parametre", {**entry, "chiffres": True})
