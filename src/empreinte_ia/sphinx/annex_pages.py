"""The annexes split by theme, and the old single-page anchors kept alive.

Each data file of parameters and each estimates module gets its own page
(``annexes/parametres/<file>.md``, ``annexes/estimations/<module>.md``), written into the
sources before Sphinx reads them, and removed when the file goes. The two former pages list
every entry under its theme with the entry's former anchor: a link published before the split
(``annexes/parametres.html#gpt4o-energy-short``) lands on that line, which links to the entry,
and a short script takes the reader straight there.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..display import ESTIMATES_DOC, PARAMETERS_DOC, anchor, group_of, render, sort_key, theme_key, theme_title
from .nodes import link, page_uri
from .state import PACKAGE_DIR, state

MARK = "<!-- Page générée par empreinte_ia.sphinx.annex_pages : ne pas modifier. -->"
KINDS = {
    PARAMETERS_DOC: ("liste-parametres", "Paramètres"),
    ESTIMATES_DOC: ("liste-estimations", "Estimations"),
}
REDIRECT = ("(function(){var h=decodeURIComponent(location.hash.slice(1));if(!h)return;"
            "var e=document.getElementById(h);var a=e&&e.querySelector('a.chiffre-lien');"
            "if(a)location.replace(a.href);})();")


def groups(data_dir: Path) -> dict[str, list[str]]:
    """Theme names of each annex: data files of parameters, modules of estimates."""
    return {
        PARAMETERS_DOC: sorted(p.stem for p in (data_dir / "parameters").glob("*.yaml")),
        ESTIMATES_DOC: sorted(p.stem for p in (PACKAGE_DIR / "estimates").glob("*.py")
                              if p.stem != "__init__"),
    }


def page_text(doc: str, group: str) -> str:
    directive, kind = KINDS[doc]
    return (f"{MARK}\n\n# {kind} : {theme_title(group)}\n\n"
            f"```{{{directive}}}\n:groupe: {group}\n```\n")


def write_pages(srcdir: Path, data_dir: Path) -> None:
    """Write the theme pages that changed, remove those whose file is gone."""
    for doc, names in groups(data_dir).items():
        folder = srcdir / doc
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            target = folder / f"{name}.md"
            text = page_text(doc, name)
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
        for old in folder.glob("*.md"):
            if old.stem not in names and old.read_text(encoding="utf-8").startswith(MARK):
                old.unlink()


def on_config_inited(app: Sphinx, config) -> None:
    write_pages(Path(app.srcdir), Path(config.empreinte_data_dir))


class AnnexIndex(SphinxDirective):
    """{index-annexe} parametres|estimations: the entries by theme, each line carrying the
    entry's former anchor and a link to where it lives now."""

    required_arguments = 1

    def run(self):
        doc = PARAMETERS_DOC if self.arguments[0] == "parametres" else ESTIMATES_DOC
        registry = state(self.env).registry
        keys = registry.parameters if doc == PARAMETERS_DOC else registry.estimates
        by_group: dict[str, list[str]] = {}
        for key in keys:
            by_group.setdefault(group_of(registry, key), []).append(key)
        out: list[nodes.Node] = []
        for group in sorted(by_group, key=theme_key):
            page = page_uri(self.env, f"{doc}/{group}")
            title = nodes.paragraph(classes=["theme-annexe"])
            title += nodes.reference("", theme_title(group), refuri=page)
            items = nodes.bullet_list(classes=["index-annexe"])
            for key in sorted(by_group[group], key=lambda k: (sort_key(registry.label(k)), k)):
                para = nodes.paragraph()
                para += link(self.env, registry, key)
                para += nodes.Text(" : " + render(registry, key, "chiffre"))
                items += nodes.list_item("", para, ids=[anchor(key)])
            out += [title, items]
        out.append(nodes.raw("", f"<script>{REDIRECT}</script>", format="html"))
        return out
