"""Citing and reusing: permalinks, citations, open data, change log, sharing metadata."""

import csv
import html
import json
import re
from collections import Counter

import pytest

from empreinte_ia.changelog import changes, snapshot
from empreinte_ia.citation import Site, bibtex, citation_fr
from empreinte_ia.registry import load_registry

NN = "\u202f"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A small site with the annexes (open data page included), built once for this module."""
    from .support.site import ROOT, build_small_site

    chapters = {
        "index.md": "# Mini\n\nUne requête courte : {chiffre}`gpt4o_energy_short`.\n\n"
                    "```{toctree}\npage\nautre\nannexes/parametres\nannexes/estimations\n"
                    "annexes/verification\nannexes/donnees\n```\n",
        "page.md": "# Page\n\nLes foyers : {nombre}`gpt4o_households` foyers.\n",
        "autre.md": "# Autre\n\nEncore les foyers : {nombre}`gpt4o_households`.\n",
        "annexes/donnees.md": (ROOT / "docs" / "annexes" / "donnees.md").read_text(encoding="utf-8"),
    }
    result = build_small_site(tmp_path_factory.mktemp("citing"), chapters, annexes=True)
    assert result.ok, result.messages[-3000:]
    return result.outdir


def test_anchors_exist_and_are_unique(built):
    registry = load_registry()
    ids = []
    for page in [*built.glob("annexes/parametres/*.html"), *built.glob("annexes/estimations/*.html")]:
        ids += re.findall(r'<section[^>]*\bid="([^"]+)"', page.read_text(encoding="utf-8"))
    duplicates = [k for k, n in Counter(ids).items() if n > 1]
    assert not duplicates
    for key in registry.ids():
        assert key.replace("_", "-") in ids, key


def test_prose_number_links_to_its_entry(built):
    page = (built / "page.html").read_text(encoding="utf-8")
    assert 'href="annexes/estimations/gpt4o.html#gpt4o-households"' in page


def test_downloads_parse_and_match_registry(built):
    registry = load_registry()
    data = json.loads((built / "donnees" / "estimations.json").read_text(encoding="utf-8"))
    rows = {row["id"]: row for row in data["donnees"]}
    assert set(rows) == set(registry.estimates)
    for key, row in rows.items():
        mid, low, _high = registry.value(key).magnitudes()
        assert row["valeur"] == pytest.approx(mid) and row["bas"] == pytest.approx(low)
        assert re.search(r"annexes/estimations/\w+\.html#" + key.replace("_", "-") + "$",
                         row["url"]), row["url"]
    with (built / "donnees" / "parametres.csv").open(encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert {r["id"] for r in table} == set(registry.parameters)
    energy = next(r for r in table if r["id"] == "gpt4o_energy_short")
    assert float(energy["valeur"]) == 0.42 and energy["source"] == "jegham2025"
    verdicts = json.loads((built / "donnees" / "verifications.json").read_text(encoding="utf-8"))
    assert all(row["verdict"] for row in verdicts["donnees"])
    page = (built / "annexes" / "donnees.html").read_text(encoding="utf-8")
    assert 'href="../donnees/estimations.csv"' in page


def test_citation_holds_value_and_url(built):
    page = (built / "annexes" / "parametres" / "inference_gpt4o.html").read_text(encoding="utf-8")
    assert "Citer ce chiffre" in page
    assert f"0,42{NN}Wh par requête" in page
    assert "annexes/parametres/inference_gpt4o.html#gpt4o-energy-short" in page
    shown = html.unescape(page)  # docutils writes « @ » as &#64;, the browser shows « @ »
    assert "@misc{iaenv_gpt4oenergyshort," in shown


def test_citation_text():
    site = Site("Titre", "1.2.0", "2026-11-21", "https://exemple.org/site/")
    text = citation_fr(site, "Énergie", "0,42 Wh", "annexes/parametres.html", "x-y")
    assert text == ("« Énergie : 0,42 Wh ». Titre, version 1.2.0, 2026-11-21. "
                    "https://exemple.org/site/annexes/parametres.html#x-y")
    bib = bibtex(site, "x_y", "Énergie", "0,42 Wh", "annexes/parametres.html", "x-y")
    assert "url = {https://exemple.org/site/annexes/parametres.html#x-y}" in bib


def test_sharing_metadata_and_sitemap(built):
    page = (built / "page.html").read_text(encoding="utf-8")
    assert '<meta property="og:title"' in page and '<meta name="description"' in page
    assert 'og:url" content="https://' in page
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert "/page.html</loc>" in sitemap


def test_version_and_date_shown(built):
    page = (built / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Version \d+\.\d+\.\d+ du \d{4}-\d{2}-\d{2}", page)


def test_changelog_detects_a_changed_parameter(data_copy):
    registry = load_registry(data_copy)
    previous = snapshot(registry, "0.0.1")
    path = data_copy / "parameters" / "inference_gpt4o.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("valeur: 4.6\n", "valeur: 4.65\n", 1), encoding="utf-8")
    found = changes(load_registry(data_copy), previous)
    by_id = {c.id: c for c in found}
    assert "gpt4o_cars" in by_id
    assert by_id["gpt4o_cars"].causes == ["car_emissions_per_year"]
    assert "gpt4o_households" not in by_id


def test_citation_file_matches_the_site():
    """CITATION.cff holds the fields CFF 1.2.0 requires, and the version and addresses of conf.py."""
    import yaml

    from .conftest import ROOT

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"] and cff["title"] and cff["authors"][0]["name"]
    conf = (ROOT / "conf.py").read_text(encoding="utf-8")
    assert f'release = version = "{cff["version"]}"' in conf
    assert f'REPOSITORY_URL = "{cff["repository-code"]}"' in conf
    assert f'"EMPREINTE_BASE_URL", "{cff["url"]}"' in conf
    assert cff["license"] == "MIT"
