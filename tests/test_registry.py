"""The registry: provenance derived from formulas, errors in estimates named in French."""

from pathlib import Path

import pytest

from empreinte_ia import registry as reg
from empreinte_ia.datafile import DataError
from empreinte_ia.registry import Estimate, Registry
from empreinte_ia.units import ureg


@pytest.fixture
def real(registry):
    return registry


def test_provenance_is_transitive(real):
    params = real.parameters_of("gpt4o_vs_google_extra")
    assert set(params) == {"gpt4o_energy_short", "google_search_energy"}
    assert set(real.sources_of("gpt4o_vs_google_extra")) == {"jegham2025", "holzle2009"}


def test_dependents_follow_the_graph(real):
    users = real.dependents("google_search_energy")
    assert "gpt4o_vs_google_ratio" in users and "gpt4o_vs_google_extra" in users


def test_every_estimate_has_label_formula_and_known_unit(real):
    for e in real.estimates.values():
        assert e.label and e.formula, e.id
        assert e.inputs, f"{e.id} n'a pas d'entrée"


def test_every_parameter_source_is_in_bibliography(real):
    for p in real.parameters.values():
        assert p.source in real.references


def _fake(id, func, unit="Wh"):
    return Estimate(id, "x", ureg.Unit(unit), "x", 2, func,
                    tuple(__import__("inspect").signature(func).parameters), "fake.py", 7)


def test_unknown_input_is_named(real):
    est = _fake("test_x", lambda gpt4o_energy_shrt: gpt4o_energy_shrt)
    r = Registry(real.parameters, {"test_x": est}, real.references)
    with pytest.raises(DataError) as info:
        r.check()
    assert "gpt4o_energy_shrt" in str(info.value) and "fake.py, ligne 7" in str(info.value)


def test_wrong_dimension_is_named(real):
    est = _fake("test_y", lambda gpt4o_energy_short: gpt4o_energy_short, unit="L")
    r = Registry(real.parameters, {"test_y": est}, real.references)
    with pytest.raises(DataError) as info:
        r.check()
    assert "incompatibles avec l'unité déclarée" in str(info.value)


def test_cycle_is_detected(real):
    a = _fake("cyc_a", lambda cyc_b: cyc_b)
    b = _fake("cyc_b", lambda cyc_a: cyc_a)
    r = Registry(real.parameters, {"cyc_a": a, "cyc_b": b}, real.references)
    with pytest.raises(DataError, match="dépendance circulaire"):
        r.check()


def test_bad_unit_in_decorator():
    with pytest.raises(DataError, match="unité inconnue"):
        def test_bad_unit():
            return 1
        reg.estimate(unit="Wh/patate", label="x", formula="x")(test_bad_unit)


def test_same_bytes_give_the_loaded_registry_again_and_one_byte_changes_it(data_copy):
    """Loaded twice from unchanged files, the registry is the one already checked; a value
    changed in place (same size, same instant: what a notebook or a test does between two
    loads) is read again."""
    first = reg.load_registry(data_copy)
    assert reg.load_registry(data_copy) is first
    path = data_copy / "parameters" / "inference_gpt4o.yaml"
    text = path.read_text(encoding="utf-8")
    assert "valeur: 0.42\n" in text
    path.write_text(text.replace("valeur: 0.42\n", "valeur: 0.43\n", 1), encoding="utf-8")
    again = reg.load_registry(data_copy)
    assert again is not first
    assert again.value("gpt4o_energy_short").mid.magnitude == pytest.approx(0.43)
    assert first.value("gpt4o_energy_short").mid.magnitude == pytest.approx(0.42)


def test_the_check_is_taken_over_only_when_what_it_reads_is_unchanged(data_copy):
    """The check of the estimates is taken over from an earlier load when the values, units
    and scopes of the parameters they use are the same; a value or a scope changed is checked
    again: here a value that doubles a figure, a negative energy, then a scope that makes a
    declared ratio of different scopes compare two figures of one scope."""
    path = data_copy / "parameters" / "inference_gpt4o.yaml"
    text = path.read_text(encoding="utf-8")
    base = reg.load_registry(data_copy).value("gpt4o_daily_short").mid.magnitude
    path.write_text(text.replace("# ", "# relu. ", 1), encoding="utf-8")  # a comment only
    assert reg.load_registry(data_copy).value("gpt4o_daily_short").mid.magnitude == base
    energy = "  valeur: 0.42\n  bas: 0.29\n  haut: 0.55\n"
    assert energy in text
    path.write_text(text.replace(energy, "  valeur: 0.84\n  bas: 0.58\n  haut: 1.1\n", 1),
                    encoding="utf-8")
    assert reg.load_registry(data_copy).value("gpt4o_daily_short").mid.magnitude == \
        pytest.approx(2 * base)
    path.write_text(text.replace(energy, "  valeur: -0.42\n  bas: -0.55\n  haut: -0.29\n", 1),
                    encoding="utf-8")
    with pytest.raises(DataError, match="négative"):
        reg.load_registry(data_copy)
    google = ("    frontiere: inconnue\n    statistique: moyenne\n"
              "    modele: recherche Google (2009)\n")
    assert google in text
    path.write_text(text.replace(google, "    frontiere: [A, B, D]\n    utilisation: supposee\n"
                                 "    statistique: moyenne\n    modele: recherche Google (2009)\n"
                                 ).replace("    methode: non_publiee\n", "    methode: publiee\n", 1),
                    encoding="utf-8")
    with pytest.raises(DataError, match="même périmètre"):
        reg.load_registry(data_copy)


def test_a_copy_read_again_names_its_own_file_and_lines(data_copy, registry):
    """Texts and parameters already read are not parsed again (the builds and the tests read
    copies of data/), but each parameter keeps the file and line it was read from: here the
    copy, with two lines added at the top; and an identifier written twice is reported at the
    second one, though both were read before."""
    path = data_copy / "parameters" / "inference_gpt4o.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("# Relu.\n# Deux lignes de plus.\n" + text, encoding="utf-8")
    copy = reg.load_registry(data_copy)
    before, after = registry.parameters["gpt4o_energy_short"], copy.parameters["gpt4o_energy_short"]
    assert before.value == after.value and before.path != after.path
    assert Path(after.path).resolve() == path.resolve()
    assert after.line == before.line + 2
    entry = text[text.index("- id: gpt4o_energy_short"):]
    entry = entry[:entry.index("\n- id:") + 1]
    (data_copy / "parameters" / "zz_double.yaml").write_text("# Copie.\n" + entry,
                                                            encoding="utf-8")
    with pytest.raises(DataError) as error:
        reg.load_registry(data_copy)
    assert "zz_double.yaml" in str(error.value.path) and error.value.line == 2
    assert "déjà utilisé" in error.value.message
    assert f"inference_gpt4o.yaml, ligne {after.line}" in error.value.message


def test_a_memo_keeps_the_newest_entries():
    from empreinte_ia.memo import remember

    memo: dict = {}
    for key in "abc":
        assert remember(memo, key, key.upper(), 2) == key.upper()
    assert memo == {"b": "B", "c": "C"}
    remember(memo, "c", "C2", 2)  # a key already there replaces its value, evicts nothing
    assert memo == {"b": "B", "c": "C2"}
