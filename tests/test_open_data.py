"""Open data described: the Frictionless data package validates, cells are clean, units parse."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pint
import pytest
from frictionless import validate

from empreinte_ia.claims import verdicts
from empreinte_ia.datapackage import FIELDS, UNITS_FILE
from empreinte_ia.export import write_all
from empreinte_ia.registry import load_registry
from empreinte_ia.units import Q_

from .conftest import DATA

META = {"version": "0.1.0", "licence": "CC BY 4.0", "site": "IA et environnement",
        "url": "https://exemple.org/"}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    registry = load_registry()
    folder = tmp_path_factory.mktemp("donnees")
    write_all(registry, verdicts(registry, DATA / "claims"), folder, META["url"], META)
    return registry, folder


def _rows(folder: Path, name: str) -> list[dict]:
    with (folder / f"{name}.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_data_package_is_valid_for_frictionless(published):
    _, folder = published
    report = validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_data_package_describes_every_column_licence_and_sources(published):
    registry, folder = published
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    for resource in package["resources"]:
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == list(_rows(folder, resource["name"])[0])
        assert all(f["description"] and f["type"] for f in fields)
        assert [f["name"] for f in fields] == [f[0] for f in FIELDS[resource["name"]]]
    titles = " ".join(s["title"] for s in package["sources"])
    assert "jegham2025 : Jegham et al. (2025), « How Hungry is AI?" in titles
    used = {p.source for p in registry.parameters.values()}
    assert len(package["sources"]) == len(used)


def test_no_float_noise_and_empty_cell_without_range(published):
    registry, folder = published
    for name in ("estimations", "parametres"):
        for row in _rows(folder, name):
            for column in ("valeur", "bas", "haut"):
                digits = row[column].lstrip("-").split("e")[0].replace(".", "").strip("0")
                assert len(digits) <= 12, (row["id"], row[column])
            value = registry.value(row["id"])
            if value.has_range:
                assert row["bas"] and row["haut"]
                assert float(row["bas"]) == pytest.approx(value.magnitudes()[1], rel=1e-11)
            else:
                assert row["bas"] == row["haut"] == "", row["id"]
            assert float(row["valeur"]) == pytest.approx(value.magnitudes()[0], rel=1e-11)


def test_units_parse_in_a_plain_pint_registry_with_the_published_definitions(published):
    registry, folder = published
    ureg = pint.UnitRegistry()
    ureg.load_definitions(str(folder / UNITS_FILE))
    seen = 0
    for name in ("estimations", "parametres", "verifications"):
        for row in _rows(folder, name):
            if row["unite"]:
                unit = ureg.Unit(row["unite"])
                seen += 1
                if name != "verifications":
                    expected = Q_(1, registry.unit(row["id"]))
                    assert ureg.Quantity(1, unit).to_base_units().magnitude == \
                        pytest.approx(expected.to_base_units().magnitude)
                    assert dict(ureg.Quantity(1, unit).dimensionality) == \
                        dict(expected.dimensionality)
            if name != "verifications":
                assert row["unite_libelle"] or not row["unite"], row["id"]
    assert seen > 100
    q = ureg.Quantity(1, "kgCO2e / query").to("gCO2e / query")
    assert q.magnitude == pytest.approx(1000)
