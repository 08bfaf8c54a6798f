"""Citing and reusing: permalinks, citations, open data, change log, sharing metadata."""

import csv
import html
import json
import re
from collections import Counter

import pytest

from empreinte_ia.registry import load_registry
from empreinte_ia.releases import dumps, freeze_tree, load_releases

from .test_releases import _bump

NN = "\u202f"  # narrow no-break space: thousands, units, before « ; ! ? »
NB = "\u00a0"  # no-break space: before « : », inside « »


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A small site with the parameter annex, the open data page and three releases, built
    once for this module: 0.1.0, a 0.2.0 that corrects one parameter with its record, and a
    working tree that changes another without one. The estimate annex, the same on every
    site, is read on the whole site (`site`): here a page only carries its label."""
    import shutil

    from empreinte_ia.sphinx.annex_pages import groups

    from .support.site import ROOT, build_small_site, copy_data

    chapters = {
        "index.md": "# Mini\n\nUne requête courte : {chiffre}`gpt4o_energy_short`.\n\n"
                    "```{toctree}\npage\nautre\nannexes/parametres\nannexes/estimations\n"
                    "annexes/donnees\n```\n",
        "page.md": "# Page\n\nLes foyers : {nombre}`gpt4o_households` foyers.\n",
        "autre.md": "# Autre\n\nEncore les foyers : {nombre}`gpt4o_households`.\n",
        "annexes/estimations.md": "(annexe-estimations)=\n# Annexe : les estimations\n\nLue sur "
                                  "le site entier.\n",
        "annexes/donnees.md": (ROOT / "docs" / "annexes" / "donnees.md").read_text(encoding="utf-8"),
    }
    tmp = tmp_path_factory.mktemp("citing")
    data = copy_data(tmp)
    # Release 0.2.0 corrects one parameter, with its record (frozen from a copy of the tree,
    # as `make release` does); the working tree then changes another one, without a record.
    _bump(data / "parameters" / "inference_gpt4o.yaml", "car_emissions_per_year", 1.1)
    records = data / "changements.yaml"
    previous = records.read_text(encoding="utf-8") if records.exists() else ""
    records.write_text(previous + '\n- id: car_emissions_per_year\n  version: "0.2.0"\n'
                       "  categorie: mise_a_jour_source\n  raison: Nouvelle édition du rapport.\n",
                       encoding="utf-8")
    tree = tmp / "arbre"
    shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(data, tree / "data")
    shutil.copytree(ROOT / "docs", tree / "docs")
    releases = tmp / "publications"
    shutil.copytree(ROOT / "publications", releases)
    (releases / "0.2.0.json").write_text(dumps(freeze_tree(tree, "0.2.0", "2026-12-01")),
                                         encoding="utf-8")
    _bump(data / "parameters" / "inference_gpt4o.yaml", "smartphone_battery", 1.2)
    # Of the parameters' annex, only the theme page the tests read (the others are alike).
    others = [f"annexes/parametres/{name}.md" for name in groups(data)["annexes/parametres"]
              if name != "inference_gpt4o"]
    result = build_small_site(tmp, chapters, data=data, annexes=("parametres",), overrides={
        "empreinte_releases_dir": str(releases),
        "exclude_patterns": ["_build", "README.md", "annexes/estimations/*", *others]})
    assert result.ok, result.messages[-3000:]
    return result.outdir


@pytest.mark.build
def test_anchors_exist_and_are_unique(site, registry):
    ids = []
    for page in [*site.glob("annexes/parametres/*.html"), *site.glob("annexes/estimations/*.html")]:
        ids += re.findall(r'<section[^>]*\bid="([^"]+)"', page.read_text(encoding="utf-8"))
    duplicates = [k for k, n in Counter(ids).items() if n > 1]
    assert not duplicates
    for key in registry.ids():
        assert key.replace("_", "-") in ids, key


def test_numbers_are_computed_and_link_to_their_entries(built):
    # Published by Jegham et al. (2025), table 4: 0.42 Wh for a short GPT-4o query.
    index = (built / "index.html").read_text(encoding="utf-8")
    assert f"0,42{NN}Wh par requête" in index
    assert 'href="annexes/parametres/inference_gpt4o.html#gpt4o-energy-short"' in index
    assert 'id="gpt4o-energy-short"' in _html(built / "annexes" / "parametres" /
                                              "inference_gpt4o.html")
    # The former single-page annex keeps every anchor, linking to the entry's new page.
    assert 'id="gpt4o-energy-short"' in _html(built / "annexes" / "parametres.html")


@pytest.mark.build
def test_estimates_have_their_entry_and_keep_the_anchors_of_the_single_page(site):
    assert 'id="gpt4o-households"' in _html(site / "annexes" / "estimations" / "gpt4o.html")
    assert 'id="gpt4o-households"' in _html(site / "annexes" / "estimations.html")


def _html(path) -> str:
    return path.read_text(encoding="utf-8")


def test_prose_number_links_to_its_entry(built):
    page = (built / "page.html").read_text(encoding="utf-8")
    assert 'href="annexes/estimations/gpt4o.html#gpt4o-households"' in page


def test_downloads_parse_and_match_registry(built):
    registry = load_registry(built.parent / "data")
    data = json.loads((built / "donnees" / "estimations.json").read_text(encoding="utf-8"))
    rows = {row["id"]: row for row in data["donnees"]}
    assert set(rows) == set(registry.estimates)
    for key, row in rows.items():
        mid, low, high = registry.value(key).magnitudes()
        assert row["valeur"] == pytest.approx(mid)
        if registry.value(key).has_range:
            assert row["bas"] == pytest.approx(low) and row["haut"] == pytest.approx(high)
        else:
            assert row["bas"] is None and row["haut"] is None
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
    shown = html.unescape(page)  # docutils writes « @ » as &#64;, the browser shows « @ »
    assert "@misc{iaenv-gpt4o_energy_short-v0.2.0," in shown
    bib = shown[shown.find("@misc{iaenv-gpt4o_energy_short"):].split("</code>")[0]
    assert bib.isascii() and "\n  title = {{{\\'E}nergie d'une requ{\\^e}te courte" in bib
    assert f"D’après Jegham et al. (2025){NN}; calculé par" in shown
    assert 'href="../../v/0.2.0/gpt4o-energy-short.html"' in page


def test_sharing_metadata_and_sitemap(built):
    page = (built / "page.html").read_text(encoding="utf-8")
    assert '<meta property="og:title"' in page and '<meta name="description"' in page
    assert 'og:url" content="https://' in page
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert "/page.html</loc>" in sitemap
    frozen = sorted(built.glob("v/**/*.html"))  # permanent pages: their own canonical address
    assert len(frozen) > 100 and "/v/0.1.0/gpt4o-energy-short.html</loc>" in sitemap
    for page in frozen:
        assert f"/{page.relative_to(built).as_posix()}</loc>" in sitemap, page


def test_version_and_date_shown(built):
    page = (built / "index.html").read_text(encoding="utf-8")
    # In French, on screen and on paper: « Version 0.2.0 du 22 novembre 2026 », never an ISO date.
    assert re.search(r"Version \d+\.\d+\.\d+ du (1er|\d{1,2}) [a-zéû]+ \d{4}\.", page)
    assert not re.search(r"du \d{4}-\d{2}-\d{2}", page)
    assert "Par les contributeurs du projet" in page and "Copyright" not in page


def test_citation_file_matches_the_site():
    """CITATION.cff holds the fields CFF 1.2.0 requires, and the version and addresses of conf.py."""
    import yaml

    from .conftest import ROOT

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"] and cff["title"] and cff["authors"][0]["name"]
    conf = (ROOT / "conf.py").read_text(encoding="utf-8")
    assert "release = version = __version__" in conf
    assert f'REPOSITORY_URL = "{cff["repository-code"]}"' in conf
    assert f'"EMPREINTE_BASE_URL", "{cff["url"]}"' in conf
    assert cff["license"] == "MIT"


def test_every_figure_of_every_release_has_its_permanent_page(built):

    for release in load_releases(built.parent / "publications"):  # the releases this site has
        folder = built / "v" / release["version"]
        assert (folder / "index.html").exists()
        for section in ("parametres", "estimations"):
            for key, entry in release[section].items():
                page = html.unescape((folder / f"{key.replace('_', '-')}.html")
                                     .read_text(encoding="utf-8"))
                shown = re.search(r"<strong>(.*?)</strong>", page.split("<main>")[1]).group(1)
                assert _number(shown) == _number(entry["texte"]), key  # the number as cited
                assert "<script" not in page and "http://" not in page.split("<body>")[1]
                item = json.loads((folder / f"{key.replace('_', '-')}.json")
                                  .read_text(encoding="utf-8"))
                assert item[0]["version"] == release["version"]
    assert 'href="0.1.0/index.html"' in (built / "v" / "index.html").read_text(encoding="utf-8")


def _number(text: str) -> str:
    """The number a text starts with, spaces aside: « 2 028 » and « 2028 » read alike."""
    return re.match(r"[−\d\s\u202f,]*(?:millions?|milliards?)?", text).group(0).replace(" ", "") \
        .replace("\u202f", "")


def _text(path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def _entry(path, anchor: str) -> str:
    """The text of one annex entry (its section, up to the next one)."""
    raw = path.read_text(encoding="utf-8")
    start = raw.index(f'id="{anchor}"')
    return html.unescape(re.sub(r"<[^>]+>", "", raw[start:raw.find("<section", start + 1)]))


def test_changed_figure_says_then_and_now_with_the_reason(built):
    # EPA: 4,6 t (range 4,6 to 4,7) in 0.1.0; the fixture's 0.2.0 raises it by 10 %: 5,06 to
    # 5,17 t, the value shown to the tenth as its range allows (5,1), the range a source
    # publishes quoted with the digits of the data (5,06 to 5,17). « par an par voiture », as
    # 0.1.0 wrote it, is set again by today's formatter: « par an et par voiture ».
    page = _text(built / "v" / "0.1.0" / "car-emissions-per-year.html")
    unit = f"{NN}t éq. CO₂ par an et par voiture"
    assert (f"Cité en v0.1.0{NB}: 4,6{unit} (fourchette{NB}: 4,6 à 4,7{unit}) — "
            f"aujourd’hui{NB}: 5,1{unit} (fourchette{NB}: 5,06 à 5,17{unit}).") in page, \
        page[page.find("Cité"):][:400]
    assert f"en version 0.2.0, mise à jour de la source{NB}: Nouvelle édition du rapport. " in page
    moved = _text(built / "v" / "0.1.0" / "gpt4o-cars.html")
    assert "Cité en v0.1.0" in moved and "Nouvelle édition du rapport." in moved
    assert "Inchangé aujourd’hui" in _text(built / "v" / "0.1.0" / "gpt4o-energy-short.html")
    assert "Inchangé aujourd’hui" in _text(built / "v" / "0.2.0" / "car-emissions-per-year.html")
    battery = _text(built / "v" / "0.2.0" / "smartphone-battery.html")
    assert "dans la version de travail (non publiée), raison non enregistrée" in battery
    car = _entry(built / "annexes" / "parametres" / "inference_gpt4o.html", "car-emissions-per-year")
    assert "Publié tel quel en version 0.2.0." in car and "version 0.2.0 du 1er décembre 2026" in car
    medium = _entry(built / "annexes" / "parametres" / "inference_gpt4o.html", "smartphone-battery")
    # A smartphone charge: 15 Wh (12 to 19), the range quoted as the data writes it.
    assert f"Cité en v0.2.0{NB}: 15{NN}Wh par recharge (fourchette{NB}: 12 à 19{NN}Wh" in medium
    assert f"raison non enregistrée. Valeur figée{NB}: version 0.2.0." in medium
    assert "version de travail postérieure à la 0.2.0" in medium


def test_change_log_lists_each_release_with_causes_and_reasons(built):
    log = _text(built / "annexes" / "donnees.html")
    assert f"Versions publiées{NB}: 0.2.0 du 1er décembre 2026{NN}; 0.1.0 du" in log
    assert f"Version de travail, non publiée, par rapport à la version 0.2.0{NB}:" in log
    assert re.search(r"Version 0\.2\.0 du 1er décembre 2026, par rapport à la version 0\.1\.0\xa0: "
                     r"\d+ changement\(s\)\.", log)
    line = log[log.find("(car_emissions_per_year)"):].split("\n")[0]
    unit = f"{NN}t éq. CO₂ par an et par voiture"
    assert line.startswith(f"(car_emissions_per_year){NB}: 4,6{unit} (4,6 à 4,7{unit}) → "
                           f"5,1{unit} (5,06 à 5,17{unit}) (+10,0{NN}%)"), line
    assert f"Mise à jour de la source{NB}: Nouvelle édition du rapport." in line
    line = log[log.find("(gpt4o_cars)"):].split("\n")[0]
    assert f"Cause{NB}: car_emissions_per_year. Mise à jour de la source" in line


def test_built_site_publishes_valid_data_package_and_csl(built):
    import jsonschema
    from frictionless import validate

    from .conftest import ROOT

    report = validate(built / "donnees" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    schema = json.loads((ROOT / "tests" / "data" / "csl-data.json").read_text(encoding="utf-8"))
    items = json.loads((built / "donnees" / "citations.json").read_text(encoding="utf-8"))
    jsonschema.validate(items, schema)
    assert len(items) == len(load_registry(built.parent / "data").ids()) + 1
    assert (built / "donnees" / "citations.bib").read_text(encoding="ascii").count("@misc{") == \
        len(items) - 1
    page = (built / "annexes" / "donnees.html").read_text(encoding="utf-8")
    assert 'href="../donnees/datapackage.json"' in page and 'href="../donnees/citations.json"' in page
