"""Permanent pages of each release: the frozen value, then what became of it, and why."""

from __future__ import annotations

import copy
import html
import json
import re

import pytest

from empreinte_ia.changelog import Record
from empreinte_ia.citation import Site
from empreinte_ia.display import anchor
from empreinte_ia.permalinks import write_pages
from empreinte_ia.releases import load_releases

from .conftest import ROOT
from .support.browser import visit

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
    assert ("Cité en v0.1.0\u00a0: 0,42\u202fWh par requête (fourchette\u00a0: 0,29 à 0,55\u202fWh "
            "par requête) — aujourd’hui\u00a0: 0,34\u202fWh par requête") in page  # French spaces
    assert "en version 0.2.0, correction\u00a0: Relu au tableau 4." in page
    assert "https://exemple.org/chiffres/v/0.1.0/gpt4o-energy-short.html" in page
    assert "Inchangé aujourd’hui" in _read(out, "0.2.0", "gpt4o_energy_short")


def test_removed_figure_says_when_and_why(pages):
    out, _, _ = pages
    page = _read(out, "0.1.0", "gpt4o_cars")
    assert ("Retiré en version 0.2.0\u00a0: changement de méthode\u00a0: Comparaison "
            "abandonnée.") in page
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


def test_frozen_texts_are_set_again_with_the_same_digits():
    """0.1.0 wrote « 2 028 », « 120 à 120 foyers », « par an par voiture »: the pages show the
    same numbers as today's site writes them; a release frozen by today's code is unchanged."""
    from empreinte_ia.permalinks import release_shown_today

    first, second = load_releases(ROOT / "publications")[:2]
    shown = release_shown_today(first, second)["parametres"]
    year = shown["data_exhaustion_year"]  # Villalobos et al.: 2028 (2026 to 2032)
    assert (year["texte"], year["plage_texte"]) == ("2028", "2026 à 2032")
    car = shown["car_emissions_per_year"]  # EPA: 4,6 t (4,7 t on the newer page)
    assert car["texte"] == "4,6\u202ft éq. CO₂ par an et par voiture"
    assert car["plage_texte"] == "4,6 à 4,7\u202ft éq. CO₂ par an et par voiture"
    gpu = shown["rtx3080_memory"]  # 10 Go (10 to 12 Go), published as « 10 à 10 Go »
    assert (gpu["texte"], gpu["plage_texte"]) == ("10\u202fGo par GPU", "10 à 12\u202fGo par GPU")
    households = release_shown_today(first, second)["estimations"]["gpt3_us_households"]
    assert households["texte"] == "120\u202ffoyers"  # the digits cited then
    assert households["plage_texte"] == "119 à 123\u202ffoyers"  # 119,3 to 122,6
    for release in (first, second):  # every figure keeps the numbers it was published with
        again = release_shown_today(release, second)
        for section in ("parametres", "estimations"):
            for key, entry in release[section].items():
                now = again[section][key]
                assert _numbers(now["texte"]) == _numbers(entry["texte"]), key
                if entry["plage_texte"] and now["plage_texte"] and \
                        len(set(_numbers(entry["plage_texte"]))) == 2:  # not « 120 à 120 »
                    assert _numbers(now["plage_texte"]) == _numbers(entry["plage_texte"]), key


def _numbers(text: str) -> list[str]:
    """The numbers of a text, spaces aside: « 2 028 » and « 2028 » read alike."""
    return [n.replace("\u202f", "").replace(" ", "")
            for n in re.findall(r"−?\d[\d\u202f ]*(?:,\d+)?(?![\d,])", text.split(" éq.")[0])]


@pytest.mark.browser
@pytest.mark.build
def test_figure_page_titles_fit_a_phone(browser, base, site):
    """At 320 px, the title of a release's figure page stays a few lines: the longest label
    of the release takes at most nine, an ordinary one at most four (at the browser's default
    heading size they took thirteen and six, a word cut in two)."""
    release = load_releases(ROOT / "publications")[-1]
    labels = sorted((len(e["libelle"]), key) for section in ("parametres", "estimations")
                    for key, e in release[section].items())
    for (_length, key), most in ((labels[-1], 9), (labels[len(labels) // 2], 4)):
        path = f"v/{release['version']}/{anchor(key)}.html"
        assert (site / path).is_file(), path
        with visit(browser, base, path, width=320, height=800) as page:
            lines = page.page.evaluate(
                "(() => { const h = document.querySelector('h1');"
                " return h.getBoundingClientRect().height /"
                " parseFloat(getComputedStyle(h).lineHeight); })()")
            scroll = page.page.evaluate("document.documentElement.scrollWidth")
        assert round(lines) <= most, f"{path} : titre sur {lines:.0f} lignes à 320 px"
        assert scroll <= 320, f"{path} : {scroll} px de large"
