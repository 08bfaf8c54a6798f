"""Link previews: OpenGraph tags by sphinxext-opengraph, escaped once."""

from __future__ import annotations

from bs4 import BeautifulSoup

from .support.site import build_small_site


def test_opengraph_tags_escaped_once(tmp_path):
    result = build_small_site(tmp_path, {
        "eau.md": "# Eau & énergie « vives »\n\nL'eau et l'énergie des centres : "
                  "{chiffre}`gpt4o_energy_short` par requête, <b>rien</b> d'autre.\n"})
    assert result.ok, result.messages
    raw = result.page("eau")
    head = BeautifulSoup(raw, "html.parser").head
    og = {m["property"]: m["content"] for m in head.find_all("meta", property=True)}
    assert og["og:title"] == "Eau & énergie «\u00a0vives\u00a0»"  # French spaces, no-break
    assert "&amp;amp;" not in raw
    assert og["og:url"] == "https://ia-environnement.github.io/chiffres/eau.html"
    assert og["og:locale"] == "fr_FR" and og["og:type"] == "website"
    assert og["og:site_name"] == "IA et environnement\u00a0: les chiffres calculés"
    # 0,42 Wh: Jegham et al. (2025), GPT-4o, short query; typographic apostrophes, no-break space
    assert og["og:description"].startswith("L’eau et l’énergie des centres\u00a0: 0,42\u202fWh"), og
    assert head.find("meta", attrs={"name": "description"})["content"] == og["og:description"]
    assert len(head.find_all("link", rel="canonical")) == 1
