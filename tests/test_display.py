"""The core's display of a figure: anchors identical to docutils', and a core without Sphinx."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from docutils.nodes import make_id

from empreinte_ia.claims import verdicts
from empreinte_ia.display import anchor, claim_anchor, entry_url, render, url

from .conftest import DATA, ROOT


def test_anchor_is_docutils_make_id_for_every_id(registry):
    claims = [v.claim.id for v in verdicts(registry, DATA / "claims")]
    ids = list(registry.ids()) + claims
    assert len(ids) > 100
    assert [anchor(i) for i in ids] == [make_id(i) for i in ids]
    assert [claim_anchor(c) for c in claims] == ["verif-" + make_id(c) for c in claims]


@pytest.mark.parametrize("text", [
    "gpt4o_energy_short", "A-12", "Ça coûte 3,5 Wh", "  2x__Énergie  ", "Straße æøœ", "ƀƃ ȷ ɏ",
    "--42--", "δ-énergie", "", "日本語 id", "ÆØÅ/ǅ\tx",
])
def test_anchor_is_docutils_make_id_on_unusual_text(text):
    assert anchor(text) == make_id(text)


def test_entry_url_points_to_the_annex_page_of_its_kind_and_theme(registry):
    # gpt4o_energy_short is read in data/parameters/inference_gpt4o.yaml; gpt4o_vs_google_ratio
    # is defined in src/empreinte_ia/estimates/gpt4o.py.
    assert entry_url(registry, "gpt4o_energy_short") == \
        "annexes/parametres/inference_gpt4o.html#gpt4o-energy-short"
    assert entry_url(registry, "gpt4o_vs_google_ratio", "https://exemple.fr/site/") == \
        "https://exemple.fr/site/annexes/estimations/gpt4o.html#gpt4o-vs-google-ratio"
    assert url("", "index", "x") == "index.html#x"


def test_every_theme_of_the_annexes_has_a_french_title(registry):
    from empreinte_ia.display import THEMES, group_of

    groups = {group_of(registry, k) for k in [*registry.parameters, *registry.estimates]}
    assert sorted(groups - set(THEMES)) == [], "thème sans titre français dans display.THEMES"


def test_french_alphabetical_order_ignores_accents_and_case():
    from empreinte_ia.display import sort_key

    labels = ["Émissions", "eau", "Énergie", "Électricité", "Zone", "achat"]
    assert sorted(labels, key=sort_key) == ["achat", "eau", "Électricité", "Émissions",
                                            "Énergie", "Zone"]


def test_render_kinds(registry):
    key = next(k for k in sorted(registry.estimates) if registry.value(k).has_range)
    chiffre, nombre, plage = (render(registry, key, kind) for kind in ("chiffre", "nombre", "plage"))
    assert chiffre.startswith(nombre)
    assert " à " in plage and plage != chiffre


def test_core_package_imports_no_sphinx_docutils_or_theme():
    """Every core module, the export included, loads without Sphinx, docutils or the theme."""
    code = ("import pkgutil, importlib, sys, empreinte_ia, empreinte_ia.estimates\n"
            "for m in pkgutil.iter_modules(empreinte_ia.__path__, 'empreinte_ia.'):\n"
            "    if m.name != 'empreinte_ia.sphinx':\n"
            "        importlib.import_module(m.name)\n"
            "bad = sorted(n for n in sys.modules if n.split('.')[0] in "
            "('sphinx', 'docutils', 'pydata_sphinx_theme', 'sphinx_book_theme', 'myst_nb'))\n"
            "print(' '.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT / "src"), MPLBACKEND="Agg"))
    assert out.stdout.strip() == ""


def test_parameter_ranges_are_quoted_with_the_source_digits(registry):
    """{plage} of a parameter shows the bounds its source published, every digit of the data
    file (« 325 à 580 TWh », not « 320 à 580 »); an estimate's range follows its uncertainty."""
    from empreinte_ia.display import sig_of
    from empreinte_ia.formatting import format_range
    from empreinte_ia.units import is_calendar_year

    from .test_formatting import parse_numbers

    assert render(registry, "us_dc_electricity_2028", "plage") == "325 à 580\u202fTWh par an"
    ranged = [k for k in registry.parameters if registry.value(k).has_range]
    assert len(ranged) > 20
    for key in ranged:
        value = registry.value(key)
        _mid, low, high = value.magnitudes()
        text = render(registry, key, "plage-nombre")
        if is_calendar_year(value.units):
            assert text == f"{low:.0f} à {high:.0f}", key
            continue
        assert parse_numbers(text) == pytest.approx([low, high], rel=1e-12, abs=0), (key, text)
    estimates = [k for k in registry.estimates if registry.value(k).has_range]
    for key in estimates[:40]:
        value = registry.value(key)
        mid, low, high = value.magnitudes()
        assert render(registry, key, "plage") == format_range(low, high, value.units,
                                                              sig_of(registry, key), mid)
