"""Strict Sphinx builds: computed values in the HTML, and bad input that stops the build."""

import os
import re
import time

import pytest

from .conftest import build_site, write

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


def html(out, name):
    return (out / f"{name}.html").read_text(encoding="utf-8")


def test_mini_site_renders_computed_values_with_links(mini_site):
    src, data, out, build = mini_site
    result = build()
    assert result.returncode == 0, result.stderr
    index = html(out, "index")
    assert f"0,42{NN}Wh par requête" in index
    assert 'href="annexes/parametres/inference_gpt4o.html#gpt4o-energy-short"' in index
    assert 'id="gpt4o-energy-short"' in html(out, "annexes/parametres/inference_gpt4o")
    assert 'id="gpt4o-households"' in html(out, "annexes/estimations/gpt4o")
    # The former single-page annex keeps every anchor, linking to the entry's new page.
    assert 'id="gpt4o-energy-short"' in html(out, "annexes/parametres")


@pytest.mark.parametrize("page,text,expected", [
    ("page.md", "# Page\n\nLes foyers : {nombre}`gpt4o_houshold`.\n",
     [r"page\.md:3", "chiffre inconnu « gpt4o_houshold »", "gpt4o_households"]),
    ("page.md", "# Page\n\nIl y a 35 000 foyers.\n",
     [r"page\.md:3", "chiffre tapé à la main", "Correction"]),
    ("page.md", "# Page\n\nVoir {ref}`section-qui-nexiste-pas`.\n",
     [r"page\.md:3", "renvoi cassé : l'étiquette « section-qui-nexiste-pas » n'existe pas",
      "Correction"]),
    ("page.md", "# Page\n\nVoir [la suite](autre.md#nulle-part).\n",
     [r"page\.md:3", "la page « autre » n'a pas d'ancre « nulle-part »", "Correction"]),
    ("page.md", "# Page\n\nVoir {doc}`chapitre-absent`.\n",
     [r"page\.md:3", "document inconnu « chapitre-absent »", "Correction"]),
    ("page.md", "# Page\n\nLe source dit {source}`a001_inconnue`.\n",
     [r"page\.md:3", "affirmation inconnue"]),
    ("page.md", "# Page\n\nUne faute de rôle : {chifre}`gpt4o_households`.\n",
     [r"page\.md:3", "rôle inconnu « {chifre} »", "Vouliez-vous dire : chiffre", "Correction"]),
    ("page.md", "# Page\n\n```{admonitio} Titre\nTexte.\n```\n",
     [r"page\.md:3", "directive inconnue « {admonitio} »", "admonition", "Correction"]),
    ("page.md", "# Page\n\nUne référence {footcite:p}`jegham2052`.\n\n"
     "```{footbibliography}\n```\n",
     [r"page\.md:3", "clé de citation inconnue « jegham2052 »", "jegham2025",
      "data/references.bib"]),
    ("page.md", "# Page\n\n```{code-cell} ipython3\n:mystnb:\n:  figure:\n"
     ":    name: fig-x\n:    caption: Légende.\nprint(1)\n```\n",
     [r"page\.md:3", "sans texte alternatif", "Correction"]),
])
def test_bad_chapter_stops_the_build(mini_site, page, text, expected):
    src, data, out, build = mini_site
    write(src / page, text)
    result = build()
    assert result.returncode != 0
    for pattern in expected:
        assert re.search(re.escape(pattern) if "«" in pattern else pattern, result.stderr), \
            result.stderr[-2000:]
    assert "la construction échoue sur" in result.stderr


def test_failing_code_cell_names_file_and_line(mini_site):
    src, data, out, build = mini_site
    write(src / "page.md", NOTEBOOK_HEADER + "\n# Page\n\n```{code-cell} ipython3\n"
          "from empreinte_ia import load_registry\n"
          "load_registry().value('pas_un_identifiant')\n```\n")
    result = build()
    assert result.returncode != 0
    assert "une cellule de code a échoué" in result.stderr
    assert re.search(r"page\.md, ligne 16", result.stderr), result.stderr[-2000:]


def test_malformed_data_stops_the_build(mini_site):
    src, data, out, build = mini_site
    path = data / "parameters" / "inference_gpt4o.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  unite: Wh/query\n",
                                                             "  unite: [Wh/query\n", 1),
                    encoding="utf-8")
    result = build()
    assert result.returncode != 0
    assert "inference_gpt4o.yaml, ligne" in result.stderr and "YAML mal formé" in result.stderr


def test_incremental_build_follows_a_parameter_on_every_page(mini_site):
    src, data, out, build = mini_site
    assert build().returncode == 0
    before = html(out, "autre")
    assert f"36{NN}000" in before
    path = data / "parameters" / "inference_gpt4o.yaml"
    text = path.read_text(encoding="utf-8").replace("valeur: 10791\n", "valeur: 21582\n")
    path.write_text(text.replace("haut: 10791\n", "haut: 21582\n"), encoding="utf-8")
    future = time.time() + 5
    os.utime(path, (future, future))
    result = build()
    assert result.returncode == 0, result.stderr
    for page in ("page", "autre"):
        assert f"18{NN}000" in html(out, page), page
    assert "reading sources" in result.stdout


@pytest.mark.build
def test_full_site(site):
    out = site
    page = html(out, "chapitres/utilisation")
    assert f"0,42{NN}Wh par requête" in page
    assert f"391{NN}509 à 463{NN}269{NN}MWh par an" in page
    assert f"772{NN}milliards de requêtes par an" in page
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
    formulas = html(site, "chapitres/fonctionnement")
    assert formulas.count("<math") >= 8 and "<msub>" in formulas
    assert not (site / "_static" / "scripts" / "fontawesome.js").exists()


def test_external_load_pattern_catches_a_cdn():
    assert EXTERNAL_LOAD.search('<script defer src="https://cdn.jsdelivr.net/npm/mathjax@4/x.js">')
    assert EXTERNAL_LOAD.search('<link rel="stylesheet" href="//fonts.example.org/a.css">')
    assert not EXTERNAL_LOAD.search('<a href="https://arxiv.org/abs/2005.14165">article</a>')


def published_files(root):
    """The files a reader downloads: pages, charts, open data, search index and sitemap."""
    keep = (".html", ".svg", ".csv", ".json", ".js", ".xml", ".txt", ".bib")
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.suffix in keep and ".buildinfo" not in p.name}


@pytest.mark.build
def test_two_clean_builds_are_byte_identical(site, tmp_path):
    again = build_site(tmp_path)
    first, second = published_files(site), published_files(again)
    assert sorted(first) == sorted(second)
    assert any(name.startswith("donnees/") for name in first)
    assert any(name.endswith(".svg") for name in first)
    different = [name for name in first if first[name] != second[name]]
    assert not different, f"fichiers différents d'une construction à l'autre : {different}"
