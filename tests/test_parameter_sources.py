"""Every published parameter says where in its source it was read, and how far.

Three rules, each message in French with file and line:
- a parameter taken from a document (any source but `redaction`) names a precise place in it:
  page, table, figure, section, paragraph, sentence, line… — « résumé » or « abstract » alone is
  not a place;
- no reader-facing field (label, location, note) carries internal to-do wording;
- a value not read in the primary text (`verification` S or U) says why, in `motif_verification`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from empreinte_ia.datafile import read_entries

from .conftest import DATA, write

PARAMETERS = DATA / "parameters"

# Words that point to a place inside a document.
PLACE = re.compile(
    r"\bp\.\s*\d|\bpp\.\s*\d|\bpages?\b|\btableaux?\b|\btables?\b|\bfigures?\b|\bfig\.\s*\d"
    r"|\bsections?\b|§|\bchapitres?\b|\bannexes?\b|\bencadrés?\b|\bdiapositives?\b"
    r"|\bnotes?\s+\d|\bparagraphes?\b|\bphrases?\b|\blignes?\b|\bcolonnes?\b|\bdiagrammes?\b"
    r"|\bgraphiques?\b|\bfiches?\b|\bcourbes?\b|\béquations?\b",
    re.IGNORECASE,
)
SUMMARY = re.compile(r"\brésumé\b|\babstract\b|\bsynthèse\b", re.IGNORECASE)

# Wording of unfinished work, which belongs in `verification` + `motif_verification`, not in
# what a reader sees.
TODO = re.compile(
    r"de mémoire|non relu|pas été relu|pas encore relu|à retrouver|à vérifier|à revoir"
    r"|à compléter|à confirmer|\btodo\b|\bfixme\b|\bxxx\b|aucune source primaire lue"
    r"|source primaire non lue|n'ont pas pu être fixés|n'a pas pu être fixé",
    re.IGNORECASE,
)
READER_FIELDS = ("libelle", "localisation", "note")


def problems(path: Path) -> list[str]:
    """Every breach of the three rules in one parameter file, as « fichier:ligne : message »."""
    found = []
    for entry in read_entries(path):
        f = entry.fields
        pid = f.get("id", "?")

        def report(key: str, message: str, entry=entry, pid=pid) -> None:
            found.append(f"{entry.path}:{entry.line_of(key)} : « {pid} » : {message}")

        place = str(f.get("localisation", ""))
        if f.get("source") != "redaction" and not PLACE.search(place):
            if SUMMARY.search(place):
                report("localisation", f"« {place} » ne nomme que le résumé ; indiquez la page, "
                                       "la section, le tableau ou la phrase citée")
            else:
                report("localisation", f"« {place} » ne dit pas où lire la valeur ; indiquez la "
                                       "page, le tableau, la figure, la section ou le paragraphe")
        for key in READER_FIELDS:
            match = TODO.search(str(f.get(key, "")))
            if match:
                report(key, f"le champ « {key} » contient une mention de travail interne "
                            f"(« {match.group(0)} ») ; mettez verification: S ou U et expliquez "
                            "pourquoi dans motif_verification")
        if f.get("verification") in ("S", "U") and not str(f.get("motif_verification", "")).strip():
            report("verification", f"vérification {f.get('verification')} sans "
                                   "motif_verification ; dites pourquoi la source primaire n'a pas "
                                   "été lue")
    return found


FILES = sorted(PARAMETERS.glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_published_parameters_name_their_source(path: Path) -> None:
    found = problems(path)
    assert not found, "Paramètres à préciser :\n" + "\n".join(found)


ENTRY = """
- id: {pid}
  libelle: {label}
  valeur: 1
  unite: W
  source: {source}
  localisation: {place}
  annee: 2024
  statut: estime
  verification: {level}
{extra}"""


def one(tmp_path: Path, pid: str = "x", label: str = "Puissance", source: str = "doc",
        place: str = "tableau 2", level: str = "P", extra: str = "") -> Path:
    return write(tmp_path / "p.yaml", ENTRY.format(pid=pid, label=label, source=source,
                                                   place=place, level=level, extra=extra))


def test_precise_primary_parameter_passes(tmp_path: Path) -> None:
    assert problems(one(tmp_path)) == []


@pytest.mark.parametrize("place", ["résumé", "abstract", "résumé exécutif", "rapport 2024",
                                   "article du 13 décembre 2024"])
def test_vague_location_is_listed_with_its_line(tmp_path: Path, place: str) -> None:
    [message] = problems(one(tmp_path, place=place))
    assert message.startswith(f"{tmp_path / 'p.yaml'}:6 : « x » :")
    assert "indiquez" in message


@pytest.mark.parametrize("place", ["résumé exécutif, p. 5", "section 5 (eau), p. 55–56",
                                   "résumé (abstract), phrase « 48% higher »", "figure ES-1",
                                   "§ 6.1, tableau 4", "ligne 30 du document"])
def test_named_place_passes(tmp_path: Path, place: str) -> None:
    assert problems(one(tmp_path, place=place)) == []


def test_editorial_hypothesis_needs_no_place(tmp_path: Path) -> None:
    path = one(tmp_path, source="redaction", place="ordre de grandeur courant", level="U",
               extra="  motif_verification: Hypothèse de la rédaction.\n")
    assert problems(path) == []


@pytest.mark.parametrize("note", ["Valeur relevée de mémoire.", "Rapport non relu.",
                                  "Le rapport lui-même n'a pas été relu.",
                                  "Source primaire à retrouver."])
def test_todo_note_is_listed(tmp_path: Path, note: str) -> None:
    path = one(tmp_path, extra=f"  note: {note}\n")
    [message] = problems(path)
    assert f"{tmp_path / 'p.yaml'}:10 :" in message
    assert "travail interne" in message


@pytest.mark.parametrize("level", ["S", "U"])
def test_unread_primary_needs_a_reason(tmp_path: Path, level: str) -> None:
    [message] = problems(one(tmp_path, level=level))
    assert f"{tmp_path / 'p.yaml'}:9 :" in message and "motif_verification" in message
    with_reason = one(tmp_path, level=level,
                      extra="  motif_verification: Rapport non consultable ici.\n")
    assert problems(with_reason) == []


def test_every_offender_is_listed(tmp_path: Path) -> None:
    path = write(tmp_path / "p.yaml", ENTRY.format(pid="a", label="A", source="doc",
                                                   place="résumé", level="U", extra="")
                 + ENTRY.format(pid="b", label="B", source="doc", place="tableau 1", level="S",
                                extra="  note: à vérifier\n").lstrip("\n"))
    found = problems(path)
    assert [m.split(" : ")[1] for m in found] == ["« a »", "« a »", "« b »", "« b »"]
