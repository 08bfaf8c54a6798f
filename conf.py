"""Sphinx configuration. Sources are in docs/; build with `make html`."""

import hashlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "src"))
# Project-local IPython settings: quiet kernels, nothing written to ~/.ipython.
os.environ["IPYTHONDIR"] = str(ROOT / ".ipython")
os.environ.setdefault("PYTHONHASHSEED", "0")

from empreinte_ia import __version__  # noqa: E402


def _tree_hash(*folders: Path) -> str:
    """Hash of every file in data/ and src/: the key of the notebook execution cache."""
    h = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(str(path.relative_to(ROOT)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


# -- Project ---------------------------------------------------------------------------
# A no-break space before the colon (French typography, as the build does for the pages).
project = "IA et environnement\u00a0: les chiffres calculés"
author = "Les contributeurs du projet"
copyright = "2026, les contributeurs (textes CC BY 4.0, code MIT)"
language = "fr"
release = version = __version__  # written once, in VERSION (make release)
html_title = project
# The published address, set in this one place (permalinks, citations, sitemap, OpenGraph).
html_baseurl = os.environ.get("EMPREINTE_BASE_URL", "https://ia-environnement.github.io/chiffres/")
root_doc = "index"
exclude_patterns = ["_build", "**.ipynb_checkpoints", "README.md"]

extensions = [
    "myst_nb",
    "sphinxcontrib.bibtex",
    "empreinte_ia.sphinx",
    "notfound.extension",
]
# Formulas become MathML at build time: no MathJax, no CDN.
html_math_renderer = "mathml"

# -- Data and registry -----------------------------------------------------------------
empreinte_data_dir = str(ROOT / "data")
empreinte_releases_dir = str(ROOT / "publications")


def _build_date() -> str:
    """Date shown on the site: SOURCE_DATE_EPOCH, else the last commit, for reproducibility."""
    import datetime
    import subprocess

    if "SOURCE_DATE_EPOCH" in os.environ:
        stamp = int(os.environ["SOURCE_DATE_EPOCH"])
        return datetime.datetime.fromtimestamp(stamp, datetime.UTC).date().isoformat()
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.strip()
        if out:
            return out
    except (OSError, subprocess.CalledProcessError):
        pass
    return datetime.date.today().isoformat()


empreinte_build_date = _build_date()

# -- MyST and notebooks ----------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3
nb_execution_mode = "cache"
_cache_root = Path(os.environ.get("EMPREINTE_CACHE_DIR", ROOT / "_build" / "jupyter_cache"))
nb_execution_cache_path = str(_cache_root / _tree_hash(ROOT / "src", ROOT / "data"))
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 180
nb_merge_streams = True
nb_code_prompt_show = "Afficher la cellule de code ({type})"
nb_code_prompt_hide = "Masquer la cellule de code ({type})"
nb_mime_priority_overrides = [("html", "image/svg+xml", 5)]

# -- References ------------------------------------------------------------------------
bibtex_bibfiles = [str(ROOT / "data" / "references.bib")]
# French style (« et », « et al. », titles as written): src/empreinte_ia/bibliography.py.
bibtex_default_style = "francais"
bibtex_reference_style = "author_year"
bibtex_footbibliography_header = ""

# -- Figures ---------------------------------------------------------------------------
numfig = True
numfig_format = {"figure": "Figure %s", "table": "Tableau %s", "code-block": "Code %s"}

# -- HTML ------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_static_path = ["docs/_static"]
html_css_files = ["empreinte.css"]
html_favicon = "docs/_static/favicon.svg"
html_last_updated_fmt = ""
html_copy_source = False
html_show_sourcelink = False
# The repository, set in this one place ("Modifier cette page", "Signaler un problème").
REPOSITORY_URL = "https://github.com/ia-environnement/chiffres"
html_theme_options = {
    "repository_url": REPOSITORY_URL,
    "repository_branch": "main",
    "path_to_docs": "docs",
    "use_edit_page_button": True,
    "use_issues_button": True,
    "use_repository_button": True,
    "use_download_button": True,
    "navbar_persistent": [],
    "show_toc_level": 2,
    # The two long annexes (two hundred entries each) go without the "on this page" column:
    # its scroll tracking slows phones, and readers reach their entries through the links.
    "secondary_sidebar_items": {"**": ["page-toc.html"], "annexes/parametres": [],
                                "annexes/estimations": []},
    "home_page_in_toc": True,
    "search_bar_text": "Rechercher dans le livre…",
    # Printed pages end with their address, release and licence (hidden on screen).
    "article_footer_items": ["empreinte-impression.html"],
}
# Light or dark as the reader's system says.
html_context = {"default_mode": "auto"}

# -- OpenGraph (sphinxext-opengraph, loaded by the extension): link previews -----------
ogp_site_url = html_baseurl
ogp_description_length = 200
# Chapters get a preview image drawn at build time (matplotlib, a local font), in the project's
# colours (empreinte_ia.sphinx.social_cards); the other pages none.
ogp_social_cards = {"enable": False}
empreinte_social_cards = {"enable": True}
ogp_custom_meta_tags = ['<meta property="og:locale" content="fr_FR" />']
# The footer: who, under which licences, which release (the theme's « By … » and « © Copyright »
# items are English words or a capital in mid-sentence once translated).
html_theme_options["footer_content_items"] = ["empreinte-pied.html"]

# -- Page not found (404.html, served by the host for any unknown address) ---------------
notfound_urls_prefix = "/" + html_baseurl.split("://", 1)[-1].split("/", 1)[-1]
notfound_context = {
    "title": "Page introuvable",
    "body": (
        "<h1>Page introuvable</h1>"
        "<p>Cette adresse ne correspond à aucune page du livre. Elle a peut-être changé\u00a0: "
        "les chiffres ont des adresses stables dans les annexes.</p>"
        "<ul><li><a href=\"" + notfound_urls_prefix + "index.html\">Revenir à l’accueil</a></li>"
        "<li><a href=\"" + notfound_urls_prefix + "search.html\">Rechercher dans le livre</a></li>"
        "<li><a href=\"" + notfound_urls_prefix + "annexes/parametres.html\">Annexe des "
        "paramètres</a></li></ul>"),
}
