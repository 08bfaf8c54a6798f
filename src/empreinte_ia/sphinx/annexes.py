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
from ..display import ESTIMATES_DOC, PARAMETERS_DOC, anchor, entry_doc, group_of, render, sig_of, sort_key
from ..formatting import format_quantity
from ..registry import Registry
from .nodes import details, field, joined, link, page_uri, reference, summary
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

    def fields(self, rows: nodes.field_list, registry: Registry, key: str) -> None:
        raise NotImplementedError

    def contributor_fields(self, rows: nodes.field_list, registry: Registry, key: str) -> None:
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
            rows = nodes.field_list()
            self.fields(rows, registry, key)
            section += rows
            folded = details(classes=["pour-contribuer"])
            folded += summary(text="Pour contribuer")
            more = nodes.field_list()
            field(more, "Identifiant", nodes.literal(text=key))
            self.contributor_fields(more, registry, key)
            folded += more
            section += folded
            section += self.cite(registry, key, entry_doc(registry, key) + ".html")
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

    def all_keys(self, registry: Registry) -> list[str]:
        return list(registry.parameters)

    def fields(self, rows: nodes.field_list, registry: Registry, key: str) -> None:
        p = registry.parameters[key]
        field(rows, "Statut", p.status_fr)
        checked = f"{p.verification} — {p.verification_fr}"
        if p.verification_reason:
            checked += f" ({p.verification_reason})"
        field(rows, "Vérification", checked)
        field(rows, "Source", *reference(registry, p.source))
        field(rows, "Où dans la source", p.locator)
        if p.source_version:
            field(rows, "Version lue", p.source_version)
        field(rows, "Année", str(p.year))
        if p.accessed:
            field(rows, "Consulté le", p.accessed)
        if p.licence:
            field(rows, "Licence", p.licence)
        if p.note:
            field(rows, "Note", p.note)
        comparer_fields(self.env, rows, registry, key)
        users = registry.dependents(key)
        if users:
            field(rows, "Utilisé par", *joined([link(self.env, registry, e) for e in users]))

    def contributor_fields(self, rows: nodes.field_list, registry: Registry, key: str) -> None:
        p = registry.parameters[key]
        field(rows, "Unité (pint)", nodes.literal(text=f"{p.unit:~}" or "sans dimension"))
        field(rows, "Fichier", nodes.literal(text=f"{p.path}, ligne {p.line}"))


class EstimatesList(_EntryList):
    page = ESTIMATES_DOC

    def all_keys(self, registry: Registry) -> list[str]:
        return list(registry.estimates)

    def fields(self, rows: nodes.field_list, registry: Registry, key: str) -> None:
        e = registry.estimates[key]
        field(rows, "Formule", e.formula)
        field(rows, "Entrées", *joined([link(self.env, registry, i) for i in e.inputs]))
        field(rows, "Paramètres (toutes étapes)",
              *joined([link(self.env, registry, p) for p in registry.parameters_of(key)]))
        refs = [registry.references[s].short() for s in registry.sources_of(key)]
        field(rows, "Sources", " ; ".join(refs))
        comparer_fields(self.env, rows, registry, key)

    def contributor_fields(self, rows: nodes.field_list, registry: Registry, key: str) -> None:
        e = registry.estimates[key]
        field(rows, "Définie dans", nodes.literal(text=f"{e.path}, ligne {e.line}"))


def comparer_fields(env, rows: nodes.field_list, registry: Registry, key: str) -> None:
    """Scope tags of a per-query figure and what drives its range (comparer.py)."""
    from .comparer import drivers_field, scope_field

    for name, node in (("Étiquettes de périmètre", scope_field(registry, key)),
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
