"""Text from data written into BibTeX, CSV, JSON and HTML cannot break out of its place."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string

from empreinte_ia.citation import Cited, Site, bibtex
from empreinte_ia.escaping import escape_bibtex, escape_csv, escape_html
from empreinte_ia.export import _csv_cell, write_table

SITE = Site("IA & environnement : 100 % calculé", "0.1.0", "2026-01-02",
            "https://exemple.org/chiffres/")


def fields(entry_text: str) -> dict[str, str]:
    [entry] = parse_string(entry_text, "bibtex").entries.values()
    return {k.lower(): v for k, v in entry.fields.items()}


FIELDS = {"title", "howpublished", "year", "month", "version", "url", "urldate", "note"}


def cite(label: str) -> str:
    """The BibTeX of a figure of release 0.1.0 whose label is `label`."""
    entry = {"libelle": label, "texte": "0,42 Wh", "plage_texte": None, "sources": []}
    return bibtex(Cited.of("gpt4o_energy_short", entry, SITE, "0.1.0", "2026-01-02", "a-b",
                           "annexes/x.html"), SITE)


def test_a_closing_brace_in_a_label_cannot_inject_a_field():
    found = fields(cite("Énergie}, note = {injecté"))
    assert set(found) == FIELDS
    assert "inject" in found["title"] and "inject" not in found["note"]
    assert found["url"] == "https://exemple.org/chiffres/v/0.1.0/a-b.html"


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_label_stays_inside_its_bibtex_field(label):
    found = fields(cite(label))
    assert set(found) == FIELDS
    assert found["year"] == "2026"


def test_bibtex_specials_are_escaped():
    assert escape_bibtex("50 % & #1 $ _x") == r"50 \% \& \#1 \$ \_x"
    assert escape_bibtex("{a}") == r"\textbraceleft{}a\textbraceright{}"
    assert escape_bibtex("a\\b") == r"a\textbackslash{}b"


def test_csv_formula_injection_is_neutralised():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert escape_csv(start + "HYPERLINK(\"http://x\")").startswith("'" + start)
    assert escape_csv("Énergie d'une requête") == "Énergie d'une requête"
    assert _csv_cell(-3.5) == "-3.5", "un nombre négatif reste un nombre"
    assert _csv_cell(["=a", "b"]).startswith("'=")


def test_csv_and_json_files_round_trip_hostile_text(tmp_path):
    label = '=cmd|" /C calc"!A0, "guillemets" ; et\nretour'
    write_table([{"id": "x", "libelle": label, "valeur": -1.5}], tmp_path, "t", {"v": 1})
    [row] = list(csv.DictReader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8"))))
    assert row["libelle"] == "'" + label and row["valeur"] == "-1.5"
    data = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert data["donnees"][0]["libelle"] == label


def test_html_escape_covers_quotes():
    assert escape_html('<img src=x onerror="a">') == \
        "&lt;img src=x onerror=&quot;a&quot;&gt;"
