"""Strict Sphinx builds: computed values in the HTML, and bad input that stops the build.

Bad input is built as a small site without the annexes, in this process
(tests/support/site.py); the whole site is built once per session (`site` fixture)."""

import os
import re
import shutil
import time

import pytest

from .support.site import build_full_site, build_small_site, copy_data

NN = "\u202f"
NOTEBOOK_HEADER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""
INDEX = "# Mini\n\nUne requête courte : {chiffre}`gpt4o_energy_short`.\n\n```{toctree}\npage\nautre\n```\n"
PAGE = "# Page\n\nLes foyers : {nombre}`gpt4o_households` foyers.\n"
OTHER = "# Autre\n\nEncore les foyers : {nombre}`gpt4o_households`.\n\n(une-cible)=\n## Une section\n"


def chapters(page: str = PAGE) -> dict[str, str]:
    return {"index.md": INDEX, "page.md": page, "autre.md": OTHER}


def test_good_small_site_builds_without_messages(tmp_path):
    result = build_small_site(tmp_path, chapters())
    assert result.ok and "AVERTISSEMENT" not in result.messages, result.messages
    assert f"36{NN}000" in result.page("page")


def test_failing_code_cell_names_file_and_line(tmp_path):
    result = build_small_site(tmp_path, chapters(
        NOTEBOOK_HEADER + "\n# Page\n\n```{code-cell} ipython3\n"
        "from empreinte_ia import load_registry\n"
        "load_registry().value('pas_un_identifiant')\n```\n"))
    assert not result.ok
    assert result.has("une cellule de code a échoué", "page.md, ligne 16"), result.messages
    # The French message and nothing else: no traceback, no Sphinx crash report.
    assert "Traceback" not in result.messages and "report this error" not in result.messages
    assert "Sphinx version" not in result.messages, result.messages


def test_value_typed_in_a_chart_label_stops_the_build_at_its_line(tmp_path):
    result = build_small_site(tmp_path, chapters(
        NOTEBOOK_HEADER + "\n# Page\n\n```{code-cell} ipython3\n"
        "from empreinte_ia import charts, load_registry\n"
        "charts.bars(load_registry(), ['gpt4o_daily_short'],\n"
        "            ['8 requêtes courtes'], unit='Wh', title='Une journée')\n```\n"))
    assert not result.ok
    assert result.has("page.md:17", "cellule de code", "« 8 requêtes courtes »"), \
        result.messages
    assert not (result.outdir / "page.html").exists()  # nothing published


def test_malformed_data_stops_the_build(tmp_path):
    data = copy_data(tmp_path)
    path = data / "parameters" / "inference_gpt4o.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  unite: Wh/query\n",
                                                             "  unite: [Wh/query\n", 1),
                    encoding="utf-8")
    result = build_small_site(tmp_path, chapters(), data=data)
    assert not result.ok
    assert result.has("inference_gpt4o.yaml, ligne", "YAML mal formé"), result.messages
    assert "ERREUR : la construction s'arrête" in result.messages


def test_incremental_build_follows_a_parameter_on_every_page(tmp_path):
    data = copy_data(tmp_path)
    first = build_small_site(tmp_path, chapters(), data=data)
    assert first.ok, first.messages
    assert f"36{NN}000" in first.page("autre")
    path = data / "parameters" / "inference_gpt4o.yaml"
    text = path.read_text(encoding="utf-8").replace("valeur: 10791\n", "valeur: 21582\n")
    path.write_text(text.replace("haut: 10791\n", "haut: 21582\n"), encoding="utf-8")
    future = time.time() + 5
    os.utime(path, (future, future))
    again = build_small_site(tmp_path, chapters(), data=data, fresh=False)
    assert again.ok, again.messages
    for page in ("page", "autre"):
        assert f"18{NN}000" in again.page(page), page
    assert re.search(r"0 added, 3 changed", again.status), again.status[-1000:]


@pytest.mark.build
def test_full_site(site):
    out = site
    page = (out / "chapitres/utilisation.html").read_text(encoding="utf-8")
    assert f"0,42{NN}Wh par requête" in page
    # The range Jegham et al. publish, quoted with its digits (the value: two digits, ±8 %).
    assert f"391{NN}509 à 463{NN}269{NN}MWh par an" in page
    assert f"772{NN}milliards de requêtes</a> auraient" in page  # {mesure}: the sentence says « en 2025 »
    assert "<svg" in page or ".svg" in page
    assert not list(out.rglob("*.map")), "pas de source maps publiées"


EXTERNAL_LOAD = re.compile(r'<(?:script|img|iframe)\b[^>]*\bsrc="(?:https?:)?//|'
                           r'<link\b[^>]*\brel="(?:stylesheet|preload|icon|modulepreload)"'
                           r'[^>]*\bhref="(?:https?:)?//|@import\s+(?:url\()?["\']?(?:https?:)?//')


@pytest.mark.build
def test_site_is_self_contained(site):
    """Nothing a page loads comes from another host; math and icons are in the HTML itself."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages + sorted(site.rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        found = EXTERNAL_LOAD.search(text)
        assert not found, f"{path.relative_to(site)} charge une ressource externe : {found.group()}"
        assert not re.search(r"<script[^>]*mathjax|MathJax\s*=", text, re.I), path
        assert "fontawesome.js" not in text, path
        assert not re.search(r'<i class="[^"]*\bfa-', text), f"icône non convertie : {path}"
    formulas = (site / "chapitres/fonctionnement.html").read_text(encoding="utf-8")
    assert formulas.count("<math") >= 8 and "<msub>" in formulas
    assert not (site / "_static" / "scripts" / "fontawesome.js").exists()


def test_external_load_pattern_catches_a_cdn():
    assert EXTERNAL_LOAD.search('<script defer src="https://cdn.jsdelivr.net/npm/mathjax@4/x.js">')
    assert EXTERNAL_LOAD.search('<link rel="stylesheet" href="//fonts.example.org/a.css">')
    assert not EXTERNAL_LOAD.search('<a href="https://arxiv.org/abs/2005.14165">article</a>')


def published_files(root):
    """Every file of the site: pages, charts, social cards, style sheets, notebooks, open
    data, search index, sitemap; but Sphinx's .buildinfo, its own record of the build."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != ".buildinfo"}


@pytest.mark.build
@pytest.mark.slow
def test_two_clean_builds_are_byte_identical(site, tmp_path):
    """The session's site, built clean in this run, and one more clean build (with
    EMPREINTE_SITE, a site that may have been built incrementally: two more), under two hash
    seeds: an order that follows Python's hashing (a set written as it iterates) would differ.
    The second build reads the chapters' cell outputs from the first one's Jupyter cache, as
    `make html` does on a second run: they are the kernel's, stored as it printed them; the
    pages, charts, notebooks and exports are all written again."""
    if os.environ.get("EMPREINTE_SITE"):
        site = build_full_site(tmp_path / "first")
    shutil.copytree(site.parent / "cache", tmp_path / "second" / "cache")
    again = build_full_site(tmp_path / "second", {"PYTHONHASHSEED": "1"})
    first, second = published_files(site), published_files(again)
    assert sorted(first) == sorted(second)
    assert any(name.startswith("donnees/") for name in first)
    assert any(name.endswith(".svg") for name in first)
    assert any(name.endswith(".ipynb") for name in first)
    assert any(name.endswith(".png") for name in first) and any(name.endswith(".css")
                                                                   for name in first)
    different = [name for name in first if first[name] != second[name]]
    assert not different, f"fichiers différents d'une construction à l'autre : {different}"
