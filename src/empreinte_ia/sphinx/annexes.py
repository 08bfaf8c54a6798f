"""Directives of the annexes: one entry per parameter or estimate, downloads, changes.

  {liste-parametres}, {liste-estimations}  an anchored section per entry, with « Citer »
  {telechargements}                        links to the open data files
  ({changements} is in history.py, with the citations and the releases)
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..display import ESTIMATES_DOC, PARAMETERS_DOC, anchor, group_of, render, sort_key
from ..formatting import french_date
from ..registry import Registry
from .history import cite_box, history_field
from .nodes import details, field, joined, link, myst, page_uri, reference, summary
from .scope_fields import drivers_field, ratio_field, scope_field
from .state import state


class _EntryList(SphinxDirective):
    """The entries of one theme (option « groupe »: a data file or an estimates module), in
    French alphabetical order; without the option, every entry."""

    has_content = False
    option_spec = {"groupe": directives.unchanged, "chapitre": directives.unchanged}
    page = ""

    def all_keys(self, registry: Registry) -> list[str]:
        raise NotImplementedError

    def keys(self, registry: Registry) -> list[str]:
        group = self.options.get("groupe")
        keys = [k for k in self.all_keys(registry) if not group or group_of(registry, k) == group]
        return sorted(keys, key=lambda k: (sort_key(registry.label(k)), k))

    def fields(self, shown: nodes.field_list, folded: nodes.field_list, registry: Registry,
               key: str) -> None:
        """The rows a reader reads (`shown`) and the contributor's, folded (`folded`)."""
        raise NotImplementedError

    def run(self):
        """One section per entry: value and range first (where a permalink lands), then what
        the reader needs, then the contributor's details folded, then the citation."""
        registry = state(self.env).registry
        out = []
        for key in self.keys(registry):
            section = nodes.section(ids=[anchor(key)], names=[key], classes=["entree-registre"])
            section += nodes.title(text=registry.label(key))
            headline = nodes.paragraph(classes=["valeur-principale"])
            headline += nodes.strong(text=render(registry, key, "chiffre"))
            if registry.value(key).has_range:
                headline += nodes.Text(" (fourchette : " + render(registry, key, "plage") + ")")
            section += headline
            rows, more = nodes.field_list(), nodes.field_list()
            field(more, "Identifiant", nodes.literal(text=key))
            self.fields(rows, more, registry, key)
            history_field(self.env, rows, key)
            section += rows
            folded = details(classes=["pour-contribuer"])
            folded += summary(text="Pour contribuer")
            folded += more
            section += folded
            section += cite_box(self.env, key)
            out.append(section)
        return out


class ParametersList(_EntryList):
    page = PARAMETERS_DOC

    def all_keys(self, registry: Registry) -> list[str]:
        return list(registry.parameters)

    def fields(self, rows: nodes.field_list, more: nodes.field_list, registry: Registry,
               key: str) -> None:
        p = registry.parameters[key]
        field(rows, "Statut", p.status_fr)
        checked: list = [f"{p.verification} — {p.verification_fr}"]
        if p.verification_reason:
            checked += [" (", *myst(self, p.verification_reason), ")"]
        field(rows, "Vérification", *checked)
        field(rows, "Source", *reference(registry, p.source))
        field(rows, "Où dans la source", p.locator)
        if p.source_version:
            field(rows, "Version lue", p.source_version)
        field(rows, "Année", str(p.year))
        if p.accessed:
            field(rows, "Consulté le", french_date(p.accessed))
        if p.licence:
            field(rows, "Licence", p.licence)
        if p.note:
            field(rows, "Note", *myst(self, p.note))
        comparer_fields(self.env, rows, registry, key)
        users = registry.dependents(key)
        if users:
            field(rows, "Utilisé par", *joined([link(self.env, registry, e) for e in users]))
        field(more, "Unité (pint)", nodes.literal(text=f"{p.unit:~}" or "sans dimension"))
        field(more, "Fichier", nodes.literal(text=f"{p.path}, ligne {p.line}"))


class EstimatesList(_EntryList):
    page = ESTIMATES_DOC

    def all_keys(self, registry: Registry) -> list[str]:
        return list(registry.estimates)

    def fields(self, rows: nodes.field_list, more: nodes.field_list, registry: Registry,
               key: str) -> None:
        e = registry.estimates[key]
        field(rows, "Formule", e.formula)
        field(rows, "Entrées", *joined([link(self.env, registry, i) for i in e.inputs]))
        field(rows, "Paramètres (toutes étapes)",
              *joined([link(self.env, registry, p) for p in registry.parameters_of(key)]))
        refs = [registry.references[s].short() for s in registry.sources_of(key)]
        field(rows, "Sources", " ; ".join(refs))
        comparer_fields(self.env, rows, registry, key)
        field(more, "Définie dans", nodes.literal(text=f"{e.path}, ligne {e.line}"))


def comparer_fields(env, rows: nodes.field_list, registry: Registry, key: str) -> None:
    """Scope tags of a per-query figure and what drives its range (scope_fields.py)."""

    for name, node in (("Étiquettes de périmètre", scope_field(registry, key)),
                       ("Périmètres du rapport", ratio_field(env, registry, key)),
                       ("Ce qui fait varier ce chiffre", drivers_field(env, registry, key))):
        if node is not None:
            body = nodes.field_body()
            body += node
            rows += nodes.field("", nodes.field_name(text=name), body)


DOWNLOADS = [
    ("estimations", "Estimations : identifiant, libellé, valeur, bas, haut, unité, formule, "
                    "entrées, paramètres, sources, adresse"),
    ("parametres", "Paramètres : valeur, fourchette, unité, source, localisation, année, "
                   "statut, vérification"),
    ("verifications", "Affirmations des documents d'origine, valeur calculée et verdict"),
]
# Files that describe or cite the tables above, written next to them.
DESCRIPTIONS = [
    ("datapackage.json", "Description des tables (paquet de données Frictionless : colonnes, "
                         "types, unités, licence, sources)"),
    ("unites.txt", "Définitions des unités de comptage pour pint"),
    ("citations.json", "Citation de chaque chiffre au format CSL-JSON (Zotero, Pandoc)"),
    ("citations.bib", "Citation de chaque chiffre au format BibTeX"),
]


class DownloadsList(SphinxDirective):
    """Links to the open data files written next to the pages."""

    def run(self):
        root = page_uri(self.env, "index")
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
        for name, what in DESCRIPTIONS:
            para = nodes.paragraph()
            para += nodes.strong(text=f"{what} : ")
            para += nodes.reference("", name, refuri=f"{prefix}donnees/{name}")
            items += nodes.list_item("", para)
        return [items]
