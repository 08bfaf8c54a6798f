"""Prose lint: no digit typed by hand in the chapters."""

from pathlib import Path

from empreinte_ia.prose import lint_file, lint_text, load_names

from .conftest import DATA, ROOT

NAMES = load_names(DATA / "noms_propres.yaml")


def test_every_chapter_passes_the_lint():
    findings = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        findings += lint_file(path, NAMES, str(path.relative_to(ROOT)))
    assert not findings, "\n".join(f.message() for f in findings)


def test_digit_in_prose_is_found_with_line():
    text = "# Titre\n\nUne phrase juste.\nUne requête consomme 0,42 Wh.\n"
    [finding] = lint_text(text, "docs/x.md", NAMES)
    assert finding.line == 4
    msg = finding.message()
    assert "docs/x.md, ligne 4" in msg and "{chiffre}" in msg


def test_allowed_digits():
    text = "\n".join([
        "Un rôle {chiffre}`gpt4o_energy_short` et du code `x = 3`.",
        "En 2017, puis le 20 mai 2025, et entre 2010 et 2016.",
        "Le modèle GPT-4o sur des H100, et Llama 3.1 en local.",
        "Une note[^12] et $x_0 = W_E t$.",
        "Voir le chapitre 3 et [le lien](https://example.org/a1).",
        "(fig-1)=",
    ])
    assert lint_text(text, "x.md", NAMES) == []


def test_code_cells_are_skipped_but_admonitions_are_not():
    text = "```{code-cell} ipython3\nx = 42\n```\n:::{note}\nIl y a 3 chats.\n:::\n"
    [finding] = lint_text(text, "x.md", NAMES)
    assert finding.line == 5


def test_percent_and_years_with_units_are_not_dates():
    assert lint_text("Une part de 2020 %.", "x.md", NAMES)
    assert lint_text("Soit 1500 kWh.", "x.md", NAMES)


def test_names_file_is_a_list_of_names():
    names = load_names(Path(DATA / "noms_propres.yaml"))
    assert all(isinstance(n, str) and n for n in names)


def test_chart_without_alt_text_is_found():
    cell = ("```{code-cell} ipython3\n:mystnb:\n:  figure:\n:    name: fig-x\n"
            ":    caption: Légende.\ncharts.bars()\n```\n")
    [finding] = lint_text("# T\n\n" + cell, "docs/x.md", NAMES)
    assert finding.kind == "alt" and finding.line == 3
    assert "texte alternatif" in finding.message()
    with_alt = cell.replace(":    caption: Légende.\n",
                            ":    caption: Légende.\n:  image:\n:    alt: Un graphique.\n")
    assert lint_text(with_alt, "docs/x.md", NAMES) == []


# -- The rules of prose.quantities, shared by `make lint` and the check of published pages --
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from empreinte_ia.counted_nouns import COUNTED_NOUNS  # noqa: E402
from empreinte_ia.prose import quantities  # noqa: E402


def test_numbers_in_words_that_state_a_quantity():
    for text in ("Une requête consomme quinze wattheures.", "Elle a coûté deux cents tonnes.",
                 "Une quinzaine de wattheures par jour.", "C'est huit fois plus.",
                 "Près de deux mille tonnes.", "Environ cinquante-deux litres."):
        assert quantities(text, NAMES), text


def test_number_words_that_name_parts_of_the_text_are_prose():
    for text in ("Les deux versions du modèle.", "Les deux modèles réunis.", "Pour les deux pays.",
                 "Des dizaines de millions de dollars.", "Les quatre bits de la version compressée.",
                 "Une requête, une image et une vidéo.", "Ces trois machines de l'infographie."):
        assert quantities(text, NAMES) == [], text


def test_number_words_before_counted_nouns_are_quantities():
    cases = {"Un utilisateur envoie huit requêtes par jour.": "huit requêtes",
             "Dix images et cent foyers.": "Dix images",
             "Trois étapes forment un bloc.": "Trois étapes",
             "Mille milliards de paramètres.": "Mille milliards de paramètres",
             "Répété des dizaines de fois.": "dizaines de fois",
             "Une dizaine de serveurs.": "dizaine de serveurs",
             "La moitié des requêtes.": "moitié des requêtes",
             "Le tiers des utilisateurs.": "tiers des utilisateurs",
             "Sur trois GPU.": "trois GPU",
             "Il y a vingt-quatre heures.": "vingt-quatre heures",
             "Trois millions de foyers américains.": "Trois millions de foyers"}
    for text, found in cases.items():
        assert found in quantities(text, NAMES), (text, quantities(text, NAMES))


_NUMBER_WORDS = ["deux", "trois", "huit", "dix", "douze", "vingt", "vingt-quatre", "cent",
                 "deux cents", "mille", "trois mille", "cinquante-deux"]


@given(st.sampled_from(_NUMBER_WORDS), st.sampled_from(COUNTED_NOUNS), st.booleans())
def test_any_number_word_before_any_counted_noun_is_found(number, noun, capital):
    text = f"{number} {noun}"
    text = text[0].upper() + text[1:] if capital else text
    assert text in quantities(f"Il y a {text} ici.", NAMES)
    assert any(noun in f for f in quantities(f"Des millions de {noun}.", NAMES))
    assert any(noun in f for f in quantities(f"Une centaine de {noun}.", NAMES))


def test_digits_glued_to_units_or_x():
    for text in ("Une requête consomme 15Wh.", "C'est 10x plus.", "Soit 3kWh", "un gain ×10"):
        assert quantities(text, NAMES), text


def test_proper_names_are_whole_names_not_a_way_around():
    assert quantities("Le modèle Llama 3 tourne en local.", NAMES) == []
    assert quantities("Le modèle Llama 3.1 8B tourne en local.", NAMES) == []
    assert quantities("Le modèle Llama 30 tourne en local.", NAMES)
    assert quantities("Llama 3 8B, 12 Wh.", NAMES)
    assert quantities("Web 2.0 et Web 2.05", NAMES)


def test_dates_years_and_chapters_are_allowed():
    assert quantities("Le 20 mai 2025, entre 2010 et 2016, voir le chapitre 3.", NAMES) == []
    assert quantities("En 2023 vont paraître les chiffres.", NAMES) == []
    assert quantities("Soit 2000 kWh.", NAMES)


def test_math_digits_only_in_indices():
    assert quantities(r"x_{i+1} = x_i + m(x_{i+1})", math=True) == []
    assert quantities(r"E = 0{,}42 \, \mathrm{Wh}", math=True)
    assert quantities(r"772 \times 10^9", math=True)


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["Wh", "kWh", "g", "L", "%"]))
def test_any_number_with_a_unit_is_found(n, unit):
    assert quantities(f"Une valeur de {n} {unit} ici.", NAMES)
    assert quantities(f"Une valeur de {n}{unit} ici.", NAMES)


def test_texts_written_in_code_cells_are_checked_at_their_line():
    """A chart's labels and title are written in a code cell and drawn in the SVG, where the
    doctree check cannot read them: a value typed there goes stale like one in a paragraph."""
    chapter = ("# Titre\n\n```{code-cell} ipython3\n:tags: [remove-input]\n"
               "groupe = format_number(registre.value('reference_group_size').magnitudes()[0], 2)\n"
               "charts.bars(registre, ['gpt4o_daily_short', 'smartphone_battery'],\n"
               "            ['8 requêtes courtes', f'Objectif, {groupe} personnes'],\n"
               "            unit='Wh', title='Une journée avec Llama 3.1 8B')\n```\n")
    findings = lint_text(chapter, "page.md", ["Llama 3.1 8B"])
    assert [(f.line, f.kind, f.text) for f in findings] == [(7, "code", "8 requêtes courtes")]
    assert "cellule de code" in findings[0].message() and "page.md, ligne 7" in findings[0].message()
