"""Permanent pages of each release: the frozen value, then what became of it, and why."""

from __future__ import annotations

import copy
import html
import json

import pytest

from empreinte_ia.changelog import Record
from empreinte_ia.citation import Site
from empreinte_ia.display import anchor
from empreinte_ia.permalinks import write_pages
from empreinte_ia.releases import load_releases

from .conftest import ROOT

SITE = Site("IA et environnement : les chiffres calculés", "0.2.0", "2026-12-01",
            "https://exemple.org/chiffres/")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Release 0.1.0, a release 0.2.0 that corrects one parameter and drops one estimate, and
    a working build that corrects another parameter without a record yet."""
    first = load_releases(ROOT / "publications")[0]
    second = copy.deepcopy(first)
    second.update(version="0.2.0", date="2026-12-01")
    p = second["parametres"]["gpt4o_energy_short"]
    p.update(valeur=0.34, bas=0.3, haut=0.38, texte="0,34\u202fWh par requête",
             plage_texte="0,30 à 0,38\u202fWh par requête")
    del second["estimations"]["gpt4o_cars"]
    current = copy.deepcopy(second)
    current["version"] = ""
    current["parametres"]["car_emissions_per_year"].update(valeur=5, texte="5\u202ft")
    records = [Record("gpt4o_energy_short", "0.2.0", "correction", "Relu au tableau 4."),
               Record("gpt4o_cars", "0.2.0", "changement_methode", "Comparaison abandonnée.")]
    out = tmp_path_factory.mktemp("site")
    written = write_pages(out, SITE, [first, second], current, records, anchor)
    return out, written, first


def _read(out, version, key):
    return html.unescape((out / "v" / version / f"{anchor(key)}.html").read_text("utf-8"))


def test_one_page_per_figure_and_release(pages):
    out, written, first = pages
    count = len(first["parametres"]) + len(first["estimations"])
    assert len([p for p in written if p.parent.name == "0.1.0"]) == count + 1  # + index
    assert (out / "v" / "0.2.0" / f"{anchor('gpt4o_energy_short')}.html").exists()
    assert not (out / "v" / "0.2.0" / f"{anchor('gpt4o_cars')}.html").exists()
    listing = (out / "v" / "index.html").read_text("utf-8")
    assert listing.index("0.2.0/index.html") < listing.index("0.1.0/index.html")


def test_changed_figure_shows_then_and_now_with_reason(pages):
    out, _, _ = pages
    page = _read(out, "0.1.0", "gpt4o_energy_short")
    assert "Valeur publiée en version 0.1.0 du" in page
    assert ("Cité en v0.1.0 : 0,42\u202fWh par requête (fourchette : 0,29 à 0,55\u202fWh par "
            "requête) — aujourd’hui : 0,34\u202fWh par requête") in page
    assert "en version 0.2.0, correction : Relu au tableau 4." in page
    assert "https://exemple.org/chiffres/v/0.1.0/gpt4o-energy-short.html" in page
    assert "Inchangé aujourd’hui" in _read(out, "0.2.0", "gpt4o_energy_short")


def test_removed_figure_says_when_and_why(pages):
    out, _, _ = pages
    page = _read(out, "0.1.0", "gpt4o_cars")
    assert "Retiré en version 0.2.0 : changement de méthode : Comparaison abandonnée." in page
    assert "Voir l’entrée actuelle" not in page


def test_unreleased_change_is_named_as_such(pages):
    out, _, _ = pages
    page = _read(out, "0.2.0", "car_emissions_per_year")
    assert "dans la version de travail (non publiée), raison non enregistrée" in page


def test_release_files_for_reference_managers(pages):
    out, _, first = pages
    items = json.loads((out / "v" / "0.1.0" / "citations.json").read_text("utf-8"))
    assert items[0]["type"] == "webpage"
    assert len(items) == 1 + len(first["parametres"]) + len(first["estimations"])
    bib = (out / "v" / "0.1.0" / "citations.bib").read_text("ascii")
    assert bib.count("@misc{") == len(items) - 1
