"""Citations where authors write: French in-line and full text, BibTeX run through a real
toolchain (pdfLaTeX + BibTeX), CSL-JSON validated against the official CSL data schema."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import jsonschema
import pytest
from pybtex.database import parse_string

from empreinte_ia.citation import AUTHOR, Cited, Site, bibtex, bibtex_key, csl, full_fr, short_fr, site_csl
from empreinte_ia.escape import latex
from empreinte_ia.releases import load_releases
from empreinte_ia.typography import typeset

from .conftest import ROOT

NN = "\u202f"
SITE = Site("IA et environnement : les chiffres calculés", "0.1.0", "2026-11-22",
            "https://exemple.org/chiffres/")
RANGED = {"libelle": "Énergie d'une requête courte à GPT-4o", "texte": f"0,42{NN}Wh par requête",
          "plage_texte": f"0,29 à 0,55{NN}Wh par requête",
          "sources": [{"court": "Jegham et al. (2025)"}]}
PLAIN = {"libelle": "Jetons d'une requête", "texte": "100 jetons", "plage_texte": None,
         "sources": [{"court": "Jegham et al. (2025)"}, {"court": "IEA (2024)"},
                     {"court": "Jegham et al. (2025)"}]}


def _cited(entry=RANGED, release="0.1.0", key="gpt4o_energy_short"):
    return Cited.of(key, entry, SITE, release, "2026-11-21", key.replace("_", "-"),
                    "annexes/parametres.html")


def test_short_citation_gives_the_range_and_the_producer():
    text = short_fr(_cited(), SITE)
    assert text == (f"0,29 à 0,55{NN}Wh par requête, d’après Jegham et al. (2025) ; calculé par "
                    "IA et environnement, version 0.1.0")


def test_full_citation_credits_producer_and_site_with_release_permalink_and_date():
    text = full_fr(_cited(), SITE)
    assert text.startswith(f"« Énergie d'une requête courte à GPT-4o » : 0,29 à 0,55{NN}Wh par "
                           f"requête (valeur centrale retenue : 0,42{NN}Wh par requête). "
                           f"D’après Jegham et al. (2025) ; calculé par {AUTHOR}")
    assert "version 0.1.0 du 21 novembre 2026" in text
    assert "https://exemple.org/chiffres/v/0.1.0/gpt4o-energy-short.html" in text
    assert text.endswith("(consulté le 22 novembre 2026).")


def test_citation_without_range_and_with_several_producers():
    text = full_fr(_cited(PLAIN, key="tokens"), SITE)
    assert "« Jetons d'une requête » : 100 jetons. D’après Jegham et al. (2025) et IEA (2024) ;" \
        in text and "valeur centrale" not in text


def test_unreleased_value_is_cited_as_such_with_its_current_address():
    c = _cited(release=None)
    assert "version de travail postérieure à la 0.1.0" in full_fr(c, SITE)
    assert c.url == "https://exemple.org/chiffres/annexes/parametres.html#gpt4o-energy-short"
    assert bibtex_key(c) == "iaenv-gpt4o_energy_short"


def test_bibtex_fields_are_ascii_and_read_back_by_pybtex():
    text = bibtex(_cited(), SITE)
    assert text.isascii()
    entry = parse_string(text, "bibtex").entries["iaenv-gpt4o_energy_short-v0.1.0"]
    f = entry.fields
    assert str(entry.persons["author"][0]) == "{Les contributeurs du projet IA et environnement}"
    assert f["title"] == "{{\\'E}nergie d'une requ{\\^e}te courte {\\`a} GPT-4o}"
    assert f["url"] == "https://exemple.org/chiffres/v/0.1.0/gpt4o-energy-short.html"
    assert f["urldate"] == "2026-11-22" and f["version"] == "0.1.0" and f["year"] == "2026"
    assert "0,29 {\\`a} 0,55\\,Wh" in f["note"] and "Jegham et al. (2025)" in f["note"]


HOSTILE = ["x}, note = {injecté", "a { b", "\\end{document}", "100 % # & _ ~ ^ $",
           "CO₂ ≈ 10¹² « € »"]


@pytest.mark.parametrize("label", HOSTILE)
def test_data_text_cannot_inject_a_bibtex_field(label):
    text = bibtex(_cited({**RANGED, "libelle": label}), SITE)
    assert text.isascii()
    entry = parse_string(text, "bibtex").entries["iaenv-gpt4o_energy_short-v0.1.0"]
    assert set(entry.fields) == {"title", "howpublished", "year", "month", "version", "url",
                                 "urldate", "note"}
    assert entry.fields["title"] == "{" + latex(typeset(label)) + "}"


@pytest.mark.parametrize("field", ["title", "note"])
def test_bibtex_texts_keep_french_no_break_spaces(field):
    """Before « : ; ! ? » and inside « » (English quotes in the ASCII file), the space is a
    no-break one (« ~ » or « \\, »): an ordinary space would let a line end before « ; »."""
    labelled = {**RANGED, "libelle": "Part « haute » de l'étude « Faire sa part ? » : essai"}
    texts = []
    for cited in ([_cited(labelled)], _released_citations()):  # the first has a released key
        entries = parse_string("\n\n".join(bibtex(c, SITE) for c in cited), "bibtex").entries
        texts += [entries[bibtex_key(c)].fields[field] for c in cited]
    breakable = [t for t in texts if re.search(r"\S [:;!?](\s|$|})|`` | ''", t)]
    assert breakable == [], breakable[:3]
    assert "Part ``~haute~'' de l'{\\'e}tude ``~Faire sa part\\,?~''~: essai" in texts[0] \
        or field == "note"
    assert "(2025)\\,; calcul" in texts[0] or field == "title"


def _released_citations():
    """Every figure of the first release, cited as the site cites it."""
    release = load_releases(ROOT / "publications")[0]
    out = []
    for section in ("parametres", "estimations"):
        for key, entry in release[section].items():
            out.append(Cited.of(key, entry, SITE, release["version"], release["date"],
                                key.replace("_", "-"), "annexes/x.html"))
    return out


def _tex(folder, style: str, packages: str) -> None:
    (folder / "doc.tex").write_text(
        "\\documentclass{article}\n" + packages +
        "\\begin{document}\nVoir \\cite{iaenv-gpt4o_energy_short-v0.1.0}.\n\\nocite{*}\n"
        f"\\bibliographystyle{{{style}}}\n\\bibliography{{chiffres}}\n\\end{{document}}\n",
        encoding="ascii")
    _compile(folder, "bibtex", passes=2)


def _compile(folder, bibliography: str, passes: int) -> None:
    """pdfLaTeX, then BibTeX or biber, then pdfLaTeX `passes` times, until no citation is left
    undefined. The runs before the last write no PDF (pdfTeX's draft mode): only the last
    one's PDF is read."""
    runs = [["pdflatex", "-draftmode"], [bibliography]] + [["pdflatex", "-draftmode"]] * (passes - 1) \
        + [["pdflatex"]]
    for cmd in runs:
        args = cmd + (["-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
                      if cmd[0] == "pdflatex" else ["doc"])
        result = subprocess.run(args, cwd=folder, capture_output=True, text=True,
                                errors="replace", timeout=300)
        assert result.returncode == 0, (cmd, result.stdout[-3000:])


# plainnat labels a same author and year a, b, … z: beyond 26 entries it stops, so a sample.
@pytest.mark.parametrize("style, packages, count", [
    ("plain", "", None),
    ("plainnat", "\\usepackage[T1]{fontenc}\n\\usepackage{natbib}\n\\usepackage{url}\n", 20),
])
def test_every_figure_compiles_with_bibtex_and_pdflatex(tmp_path, style, packages, count):
    """Every figure of a release, and hostile labels, through pdfLaTeX and BibTeX."""
    if not shutil.which("pdflatex") or not shutil.which("bibtex"):
        pytest.fail("pdfLaTeX ou BibTeX introuvable. Correction : lancez « make test », qui les "
                    "installe (apt-get install texlive-latex-base).")
    cited = [c for c in _released_citations() if c.id != "gpt4o_energy_short"][:count]
    cited += [_cited()] + [_cited({**RANGED, "libelle": label}, key=f"hostile_{i}")
                           for i, label in enumerate(HOSTILE)]
    (tmp_path / "chiffres.bib").write_text("\n\n".join(bibtex(c, SITE) for c in cited) + "\n",
                                           encoding="ascii")
    _tex(tmp_path, style, packages)
    blg = (tmp_path / "doc.blg").read_text(encoding="utf-8", errors="replace")
    assert "Warning--" not in blg and "error message" not in blg, blg[-2000:]
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log and "undefined" not in log.lower(), log[-2000:]
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8", errors="replace")
    assert bbl.count("\\bibitem") == len(cited)
    assert "Les contributeurs du projet IA et environnement" in bbl
    assert (tmp_path / "doc.pdf").stat().st_size > 1000


@pytest.mark.slow
def test_every_figure_compiles_with_biblatex_and_biber(tmp_path):
    """The same BibTeX read by biber for biblatex, which keeps what standard BibTeX styles drop:
    the release (`version`), the permalink (`url`) and the access date (`urldate`)."""
    if not shutil.which("pdflatex") or not shutil.which("biber"):
        pytest.fail("pdfLaTeX ou biber introuvable. Correction : lancez « make test », qui les "
                    "installe (apt-get install texlive-latex-base texlive-bibtex-extra biber).")
    cited = [c for c in _released_citations() if c.id != "gpt4o_energy_short"]
    cited += [_cited()] + [_cited({**RANGED, "libelle": label}, key=f"hostile_{i}")
                           for i, label in enumerate(HOSTILE)]
    (tmp_path / "chiffres.bib").write_text("\n\n".join(bibtex(c, SITE) for c in cited) + "\n",
                                           encoding="ascii")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n"
        "\\usepackage[backend=biber,style=numeric]{biblatex}\n\\addbibresource{chiffres.bib}\n"
        "\\begin{document}\nVoir \\cite{iaenv-gpt4o_energy_short-v0.1.0}.\n\\nocite{*}\n"
        "\\printbibliography\n\\end{document}\n", encoding="ascii")
    _compile(tmp_path, "biber", passes=2)
    blg = (tmp_path / "doc.blg").read_text(encoding="utf-8", errors="replace")
    assert "WARN" not in blg and "ERROR" not in blg, blg[-2000:]
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log and "undefined" not in log.lower(), log[-2000:]
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8", errors="replace")
    assert bbl.count("\\entry{") == len(cited)
    entry = bbl[bbl.index("\\entry{iaenv-gpt4o_energy_short-v0.1.0}"):].split("\\endentry")[0]
    assert "{{Les contributeurs du projet IA et environnement}}" in entry.replace("{{{", "{{")
    assert "\\field{version}{0.1.0}" in entry
    assert f"\\verb {SITE.url('v/0.1.0/gpt4o-energy-short.html')}\n" in entry
    assert "\\field{urlyear}{2026}" in entry and "\\field{urlday}{22}" in entry
    assert (tmp_path / "doc.pdf").stat().st_size > 1000


def test_csl_json_validates_against_the_csl_schema():
    schema = json.loads((ROOT / "tests" / "data" / "csl-data.json").read_text(encoding="utf-8"))
    items = [csl(c, SITE) for c in _released_citations()] + [site_csl(SITE, "0.1.0")]
    jsonschema.validate(items, schema)
    first = csl(_cited(), SITE)
    assert first["type"] == "dataset" and first["version"] == "0.1.0"
    assert first["accessed"] == {"date-parts": [[2026, 11, 22]]}
    assert first["note"].startswith(f"0,29 à 0,55{NN}Wh par requête (valeur centrale")
    bad = dict(first, accessed="hier")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([bad], schema)
