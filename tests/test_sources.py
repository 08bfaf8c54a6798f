"""references.bib read with pybtex: the entries a regex reader got wrong, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from empreinte_ia.datafile import DataError
from empreinte_ia.sources import load_references

from .conftest import DATA


def bib(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "references.bib"
    path.write_text(text, encoding="utf-8")
    return path


def test_title_on_two_lines(tmp_path):
    refs = load_references(bib(tmp_path, """
@misc{long2024,
  author = {Martin, Claire and Dupont, Paul},
  title = {A title that goes on
           over a second line},
  howpublished = {Rapport},
  year = {2024}
}
"""))
    assert refs["long2024"].text() == ("Martin et Dupont (2024), « A title that goes on over a "
                                       "second line », Rapport")
    assert refs["long2024"].line == 2


def test_one_line_entry_keeps_every_field(tmp_path):
    refs = load_references(bib(tmp_path, "% un commentaire\n\n"
                               "@article{court2023, author = {Durand, Léa and others}, "
                               "title = {Short}, journal = {arXiv}, number = {2301.00001}, "
                               "year = {2023}, url = {https://arxiv.org/abs/2301.00001}}\n"))
    ref = refs["court2023"]
    assert ref.line == 3
    assert ref.authors == ("Durand", "others")
    assert ref.year == "2023"
    assert ref.url == "https://arxiv.org/abs/2301.00001"
    assert ref.text() == "Durand et al. (2023), « Short », arXiv:2301.00001"


@pytest.mark.parametrize("author, short", [
    ("de Vries, Alex", "de Vries (2020)"),
    ("Alex de Vries", "de Vries (2020)"),
    ("A, B and C, D", "A et C (2020)"),
    ("A, B and C, D and E, F", "A et al. (2020)"),
    ("{Agence internationale de l'énergie}", "Agence internationale de l'énergie (2020)"),
])
def test_author_names(tmp_path, author, short):
    refs = load_references(bib(tmp_path, f"@misc{{k, author = {{{author}}}, year = {{2020}}}}\n"))
    assert refs["k"].short() == short


def test_no_author_no_year(tmp_path):
    assert load_references(bib(tmp_path, "@misc{k, title = {T}}\n"))["k"].short() == "Anonyme (s. d.)"


def test_duplicate_key_gives_its_line(tmp_path):
    with pytest.raises(DataError) as err:
        load_references(bib(tmp_path, "@misc{a, title={A}}\n\n@misc{a, title={B}}\n"))
    assert err.value.line == 3 and "« a » est définie deux fois" in err.value.message


def test_syntax_error_gives_its_line(tmp_path):
    with pytest.raises(DataError) as err:
        load_references(bib(tmp_path, "@misc{a, title={A}}\n@misc{b,\n  title = {B\n"))
    assert err.value.line is not None and err.value.line >= 2
    assert "illisible" in err.value.message and "accolades" in err.value.fix


def test_the_real_bibliography():
    refs = load_references(DATA / "references.bib")
    assert len(refs) > 50
    assert all(r.line >= 1 and r.short().endswith(")") for r in refs.values())
    lines = [r.line for r in refs.values()]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
