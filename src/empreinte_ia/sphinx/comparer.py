"""Comparing like with like, on the site: the {converti} role, the comparison and factor
tables, the circulating claims, and the check that refuses figures of different scopes side
by side (a warning, so the strict build fails). Scope tags and range drivers in the annexes:
scope_fields.py.

Roles and directives:
  {converti}`id`                  the per-query figure brought to the common scope
  {comparaison-requetes}          every per-query energy figure, published and converted
  {facteurs-perimetre}            the factors of the conversion, with their sources
  {affirmations-circulantes}      claims read in French media (:sujet: energie|eau|carbone)
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from .. import comparison
from ..circulating import SLIPS
from ..circulating import verdicts as circulating_verdicts
from ..datafile import DataError
from ..display import anchor, entry_doc, render, sig_of
from ..formatting import format_number, format_value
from ..registry import Registry
from ..side_by_side import check_text
from .nodes import link, myst, page_uri, para
from .scope_fields import scope_field
from .state import state
from .verification import _table as empty_table

logger = logging.getLogger(__name__)

COMPARE_DOC = "chapitres/comparer"
CLAIMS_FILE = "affirmations_circulantes.yaml"


def row_anchor(key: str) -> str:
    return "cmp-" + nodes.make_id(key)


def _uri(env, doc: str, anchor: str = "") -> str:
    uri = page_uri(env, doc)
    return f"{uri}#{anchor}" if anchor else uri


def _table(widths: list[int], header: list[str], rows: list[list], ids=None) -> nodes.table:
    """A filled table: the header and columns of verification's tables, then `rows`."""
    table, body = empty_table(tuple(widths), tuple(header), ["comparaison"])
    for i, cells in enumerate(rows):
        row = nodes.row(ids=[ids[i]] if ids else [])
        for cell in cells:
            row += nodes.entry("", cell if isinstance(cell, nodes.Node) else para(cell))
        body += row
    return table


class ConvertedRole(SphinxRole):
    """{converti}`id`: the figure on the common scope, linked to its row of the comparison."""

    def run(self):
        registry: Registry = state(self.env).registry
        key = self.text.strip()
        if key not in registry or registry.scope(key) is None:
            logger.warning(f"« {key} » n'est pas un chiffre par requête du registre, le rôle "
                           "{converti} ne peut pas le ramener au périmètre commun. Correction : "
                           "indiquez l'identifiant d'un chiffre qui a un « perimetre ».",
                           location=self.get_location(), type="empreinte", subtype="perimetre")
            return [nodes.inline(self.rawtext, self.rawtext)], []
        conv = comparison.convert(registry, key, str(registry.unit(key)))
        text = comparison.converted_text(registry, conv, with_range=False)
        ref = nodes.reference(self.rawtext, text, refuri=_uri(self.env, COMPARE_DOC,
                                                             row_anchor(key)),
                              reftitle="ramené au périmètre commun : "
                                       + comparison.COMMON_LABEL,
                              classes=["chiffre", "chiffre-converti"])
        return [ref], []


class FactorsTable(SphinxDirective):
    """{facteurs-perimetre}: one row per step of the ladder."""

    def run(self):
        registry: Registry = state(self.env).registry
        rows = []
        for step in comparison.STEPS:
            value = registry.value(step.factor)
            mid, low, high = value.magnitudes()
            sources = " ; ".join(registry.references[s].short()
                                 for s in registry.sources_of(step.factor))
            rows.append([
                para(step.label[0].upper() + step.label[1:]),
                para(link(self.env, registry, step.factor), " : × ",
                      format_number(mid, 3)),
                f"{format_number(low, 3)} à {format_number(high, 3)}" if high > low else "—",
                sources,
                registry.estimates[step.factor].formula,
            ])
        return [_table([18, 22, 14, 20, 26],
                       ["Étape", "Facteur", "Fourchette", "D'après", "Calcul"], rows)]


class ComparisonTable(SphinxDirective):
    """{comparaison-requetes}: every per-query energy figure, as published and converted."""

    def run(self):
        registry: Registry = state(self.env).registry
        rows, ids = [], []
        for conv in comparison.comparison(registry):
            key = conv.key
            source = " ; ".join(registry.references[s].short() for s in registry.sources_of(key))
            tags = scope_field(registry, key)
            # In the source's own unit, its own bounds quoted (a parameter's), as {plage} does.
            value, sig = registry.value(key), sig_of(registry, key)
            published = para(nodes.reference(
                "", format_value(value, sig, with_range=value.has_range,
                                 quoted=key in registry.parameters),
                refuri=_uri(self.env, entry_doc(registry, key), anchor(key)),
                classes=["chiffre"]))
            if not conv.placed:
                steps = para("aucune : ce chiffre n'est pas placé")
            elif not conv.steps:
                steps = para("aucune : déjà au périmètre commun")
            else:
                steps = nodes.bullet_list()
                for text in comparison.step_texts(registry, conv):
                    steps += nodes.list_item("", para(text))
            converted = nodes.container()
            converted += para(nodes.strong(text=comparison.converted_text(registry, conv)))
            independent = comparison.independent_text(conv)
            if independent:
                converted += para(independent[0].upper() + independent[1:] + ".")
            rows.append([nodes.container("", para(source), para(link(self.env, registry, key))),
                         published, tags, steps, converted])
            ids.append(row_anchor(key))
        return [_table([20, 14, 26, 24, 16],
                       ["Source", "Tel que publié", "Étiquettes", "Conversion",
                        "Ramené au périmètre commun"], rows, ids)]


class CirculatingClaims(SphinxDirective):
    """{affirmations-circulantes}: claims of French media with their verdicts and origins."""

    option_spec = {"sujet": directives.unchanged}

    def run(self):
        registry: Registry = state(self.env).registry
        path = Path(self.config.empreinte_data_dir) / CLAIMS_FILE
        self.env.note_dependency(str(path.resolve()))
        try:
            found = circulating_verdicts(path, registry)
        except DataError as exc:
            logger.warning(f"affirmations circulantes invalides — {exc}",
                           location=self.get_location(), type="empreinte", subtype="circulants")
            return []
        wanted = self.options.get("sujet")
        rows, ids = [], []
        for c, v in found:
            if wanted and c.subject != wanted:
                continue
            claim = c.claim
            quote = para(nodes.emphasis(text=f"« {claim.quote} »"), " — ",
                          nodes.reference("", c.outlet, refuri=c.url), f", {c.date}.")
            verdict = para(nodes.inline(text=v.label, classes=["verdict", f"verdict-{v.kind}"]))
            if claim.estimate:
                verdict += nodes.Text(" ; recalculé : ")
                verdict += nodes.reference(
                    "", render(registry, claim.estimate, "chiffre"),
                    refuri=_uri(self.env, entry_doc(registry, claim.estimate),
                                anchor(claim.estimate)), classes=["chiffre"])
                if str(registry.value(claim.estimate).mid.units) == "dimensionless":
                    verdict += nodes.Text(" fois")
                if v.ratio and abs(v.ratio - 1) > claim.tolerance:
                    verdict += nodes.Text(f" ; l'affirmation vaut {format_number(v.ratio, 2)} "
                                          "fois ce calcul")
                verdict += nodes.Text(".")
            else:
                verdict += nodes.Text(". ")
                verdict.extend(myst(self, claim.reason))
            origin = nodes.container("", para(*myst(self, c.origin)))
            if c.slip != "aucun":
                origin += para(nodes.strong(text="Glissement : "), SLIPS[c.slip])
            if claim.note:
                origin += para(*myst(self, claim.note))
            rows.append([quote, origin, verdict])
            ids.append("circ-" + nodes.make_id(claim.id))
        # A table like the verification annex's: on a phone, one card per claim, verdict first
        # (cards.py).
        table = _table([34, 42, 24], ["Affirmation", "Origine probable", "Verdict"], rows, ids)
        table["classes"].append("affirmations-circulantes")
        return [table]


# -- the check -------------------------------------------------------------------------------
def check_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """Warn (strict build: fail) on sentences and tables that mix scopes unconverted."""
    if docname.startswith("annexes/"):
        return
    registry = state(app).registry
    for clash in check_text(source[0], registry):
        logger.warning(clash.message, location=(docname, clash.line), type="empreinte",
                       subtype="perimetre")


def install(app: Sphinx) -> None:
    app.add_role("converti", ConvertedRole())
    app.add_directive("comparaison-requetes", ComparisonTable)
    app.add_directive("facteurs-perimetre", FactorsTable)
    app.add_directive("affirmations-circulantes", CirculatingClaims)
    app.connect("source-read", check_source)
