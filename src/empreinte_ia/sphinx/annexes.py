"""Directives of the annexes: one entry per parameter or estimate, downloads, changes.

  {liste-parametres}, {liste-estimations}  an anchored section per entry, with « Citer »
  {telechargements}                        links to the open data files
  {changements}                            estimates whose value changed since last release
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..citation import bibtex, citation_fr
from ..display import ESTIMATES_DOC, PARAMETERS_DOC, anchor, render, sig_of
from ..formatting import format_quantity
from ..registry import Registry
from .nodes import details, field, joined, link, reference, summary
from .state import state


class _EntryList(SphinxDirective):
    has_content = False
    option_spec = {"chapitre": directives.unchanged}
    page = ""

    def keys(self, registry: Registry) -> list[str]:
        raise NotImplementedError

    def fields(self, rows: nodes.field_list, registry: Registry, key: str) -> None:
        raise NotImplementedError

    def run(self):
        """One section per entry: value and range, the fields of its kind, a citation."""
        registry = state(self.env).registry
        out = []
        for key in self.keys(registry):
            section = nodes.section(ids=[anchor(key)], names=[key], classes=["entree-registre"])
            section += nodes.title(text=registry.label(key))
            rows = nodes.field_list()
            field(rows, "Identifiant", nodes.literal(text=key))
            field(rows, "Valeur", render(registry, key, "chiffre"))
            if registry.value(key).has_range:
                field(rows, "Fourchette", render(registry, key, "plage"))
            self.fields(rows, registry, key)
            section += rows
            section += self.cite(registry, key, self.page + ".html")
            out.append(section)
        return out

    def cite(self, registry: Registry, key: str, page: str) -> details:
        site = state(self.env).site
        value_text = render(registry, key, "chiffre")
        box = details(classes=["citer"])
        box += summary(text="Citer ce chiffre")
        box += nodes.paragraph(text=citation_fr(site, registry.label(key), value_text, page,
                                                anchor(key)))
        # A paragraph kept as typed (CSS), not a code block: the theme's scripts go over every
        # code block of a page, and two hundred of them slow phones down (Lighthouse).
        box += nodes.paragraph(text=bibtex(site, key, registry.label(key), value_text, page,
                                           anchor(key)), classes=["bibtex"])
        return box


class ParametersList(_EntryList):
    page = PARAMETERS_DOC

    def keys(self, registry: Registry) -> list[str]:
        return sorted(registry.parameters)

    def fields(self, rows: nodes.field_list, registry: Registry, key: str) -> None:
        p = registry.parameters[key]
        field(rows, "Unité (pint)", nodes.literal(text=f"{p.unit:~}" or "sans dimension"))
        field(rows, "Statut", p.status_fr)
        field(rows, "Vérification", f"{p.verification} — {p.verification_fr}")
        field(rows, "Source", *reference(registry, p.source))
        field(rows, "Où dans la source", p.locator)
        field(rows, "Année", str(p.year))
        if p.note:
            field(rows, "Note", p.note)
        users = registry.dependents(key)
        if users:
            field(rows, "Utilisé par", *joined([link(self.env, registry, e) for e in users]))
        field(rows, "Fichier", nodes.literal(text=f"{p.path}, ligne {p.line}"))


class EstimatesList(_EntryList):
    page = ESTIMATES_DOC

    def keys(self, registry: Registry) -> list[str]:
        return sorted(registry.estimates)

    def fields(self, rows: nodes.field_list, registry: Registry, key: str) -> None:
        e = registry.estimates[key]
        field(rows, "Formule", e.formula)
        field(rows, "Entrées", *joined([link(self.env, registry, i) for i in e.inputs]))
        field(rows, "Paramètres (toutes étapes)",
              *joined([link(self.env, registry, p) for p in registry.parameters_of(key)]))
        refs = [registry.references[s].short() for s in registry.sources_of(key)]
        field(rows, "Sources", " ; ".join(refs))
        field(rows, "Définie dans", nodes.literal(text=f"{e.path}, ligne {e.line}"))


DOWNLOADS = [
    ("estimations", "Estimations : identifiant, libellé, valeur, bas, haut, unité, formule, "
                    "entrées, paramètres, sources, adresse"),
    ("parametres", "Paramètres : valeur, fourchette, unité, source, localisation, année, "
                   "statut, vérification"),
    ("verifications", "Affirmations des documents d'origine, valeur calculée et verdict"),
]


class DownloadsList(SphinxDirective):
    """Links to the open data files written next to the pages."""

    def run(self):
        root = self.env.app.builder.get_relative_uri(self.env.docname, "index")
        prefix = root.rsplit("/", 1)[0] + "/" if "/" in root else ""
        items = nodes.bullet_list()
        for name, what in DOWNLOADS:
            para = nodes.paragraph()
            para += nodes.strong(text=f"{what} : ")
            for i, ext in enumerate(("csv", "json")):
                if i:
                    para += nodes.Text(" · ")
                para += nodes.reference("", f"{name}.{ext}", refuri=f"{prefix}donnees/{name}.{ext}")
            items += nodes.list_item("", para)
        return [items]


class ChangesList(SphinxDirective):
    """Estimates whose value changed since the previous release, and the parameters why."""

    def run(self):
        from ..changelog import changes, latest
        from ..units import ureg

        registry = state(self.env).registry
        folder = Path(self.config.empreinte_releases_dir)
        for path in folder.glob("*.json"):
            self.env.note_dependency(str(path))
        previous = latest(folder)
        if previous is None:
            return [nodes.paragraph(text="Aucune version précédente enregistrée.")]
        found = changes(registry, previous)
        intro = nodes.paragraph(text=f"Par rapport à la version {previous['version']} : ")
        if not found:
            intro += nodes.Text("aucune estimation n'a changé de valeur.")
            return [intro]
        intro += nodes.Text(f"{len(found)} estimation(s) ont changé de valeur.")
        items = nodes.bullet_list()
        for c in found:
            para = nodes.paragraph()
            para += link(self.env, registry, c.id)
            unit = ureg.Unit(c.unit) if c.unit else ureg.Unit("")
            sig = sig_of(registry, c.id)
            para += nodes.Text(f" : {format_quantity(c.before, unit, sig)} → "
                               f"{format_quantity(c.after, unit, sig)}")
            if c.causes:
                para += nodes.Text(", à cause de : ")
                for node in joined([link(self.env, registry, p) for p in c.causes]):
                    para += node
            items += nodes.list_item("", para)
        return [intro, items]
