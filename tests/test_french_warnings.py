"""Sphinx's, MyST's and bibtex's warnings said in French with the fix, whatever the console's
language: the command line is run under LANG=fr_FR.UTF-8 (Sphinx then translates its own
messages) and under LANG=C."""

from __future__ import annotations

import locale

import pytest

from .support.site import copy_data, sphinx_cli, write, write_sources

PAGE = """# Page

Voir {ref}`section-absente`.

Voir {doc}`chapitre-absent`.

(sans-numero)=
## Une section

Voir {numref}`sans-numero`.

Voir [la suite](autre.md#nulle-part) et [ailleurs](#rien).

Un rôle {chifre}`gpt4o_households` et {footcite:p}`jegham2052`.

```{admonitio} Titre
Texte.
```

```{footbibliography}
```
"""
EXPECTED = [
    ("page.md:3", "renvoi cassé : l'étiquette « section-absente » n'existe pas. Correction"),
    ("page.md:5", "renvoi vers un document inconnu « chapitre-absent ». Correction"),
    ("page.md:10", "la figure « sans-numero » n'a pas de numéro. Correction"),
    ("page.md:12", "la page « autre » n'a pas d'ancre « nulle-part ». Correction"),
    ("page.md:12", "la cible « rien » n'existe pas. Correction"),
    ("page.md:14", "rôle inconnu « {chifre} ». Vouliez-vous dire : chiffre ? Correction"),
    ("page.md:14", "clé de citation inconnue « jegham2052 ». Vouliez-vous dire : jegham2025"),
    ("page.md:16", "directive inconnue « {admonitio} ». Vouliez-vous dire : admonition ? Correction"),
]


def has_locale(name: str) -> bool:
    try:
        old = locale.setlocale(locale.LC_ALL)
        locale.setlocale(locale.LC_ALL, name)
        locale.setlocale(locale.LC_ALL, old)
        return True
    except locale.Error:
        return False


@pytest.mark.parametrize("lang", ["fr_FR.UTF-8", "C"])
def test_warnings_are_french_in_every_console_language(tmp_path, lang):
    assert has_locale(lang), (f"la locale {lang} manque : « make test » l'installe "
                              "(paquet locales, localedef)")
    src = tmp_path / "docs"
    write_sources(src, {"page.md": PAGE, "autre.md": "# Autre\n"})
    write(src / "index.md", "# Accueil\n\n```{toctree}\npage\nautre\n```\n")
    result = sphinx_cli(src, tmp_path / "html", copy_data(tmp_path), tmp_path / "cache",
                        extra=("-D", "exclude_patterns=annexes/parametres/*,"
                                     "annexes/estimations/*"),  # no annexes in this site
                        env={"LANG": lang, "LC_ALL": lang, "LANGUAGE": ""}, releases=False)
    assert result.returncode != 0
    lines = [ln for ln in result.stderr.splitlines() if "WARNING" in ln or "AVERTISSEMENT" in ln]
    for where, text in EXPECTED:
        assert any(where in ln and text in ln for ln in lines), (where, text, result.stderr)
    assert len(lines) == len(EXPECTED), "\n".join(lines)
    assert f"la construction échoue sur {len(EXPECTED)} problème(s)" in result.stderr
