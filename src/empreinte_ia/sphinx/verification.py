"""Directives of the verification annex: claims of the source documents with their computed
verdicts ({liste-verifications}), and the quantities the sources disagree on
({contradictions})."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..datafile import DataError
from ..display import anchor, claim_anchor, sig_of
from ..formatting import format_quantity
from .nodes import link
from .state import state
from .verdicts import checks_sections

logger = logging.getLogger(__name__)


def _table(widths: tuple[int, ...], headers: tuple[str, ...], classes: list[str] | None = None):
    """An empty table with its header row; returns (table, body)."""
    table = nodes.table(classes=classes or [])
    group = nodes.tgroup(cols=len(widths))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    row = nodes.row()
    for name in headers:
        row += nodes.entry("", nodes.paragraph(text=name))
    head += row
    group += head
    body = nodes.tbody()
    group += body
    return table, body


class ContradictionsList(SphinxDirective):
    """The groups of data/contradictions.yaml: one table per disputed quantity."""

    option_spec = {"groupe": directives.unchanged}

    def run(self):
        from ..contradictions import load_groups
        from ..units import ureg

        registry = state(self.env).registry
        path = Path(self.config.empreinte_data_dir) / "contradictions.yaml"
        try:
            groups = load_groups(path, registry)
        except DataError as exc:
            logger.warning(f"contradictions invalides — {exc}", location=self.get_location(),
                           type="empreinte", subtype="contradictions")
            return []
        wanted = self.options.get("groupe")
        out = []
        for group in groups:
            if wanted and group.id != wanted:
                continue
            unit = ureg.Unit(group.unit)
            container = nodes.container(ids=[f"contradiction-{anchor(group.id)}"],
                                        classes=["contradiction"])
            container += nodes.rubric(text=group.title)
            if group.explanation:
                container += nodes.paragraph(text=group.explanation)
            if group.convert:
                table, body = _table((30, 16, 34, 20), ("Estimation", "Valeur", "Périmètre",
                                                        "Ramenée au périmètre commun"))
            else:
                table, body = _table((40, 20, 40), ("Estimation", "Valeur", "Périmètre"))
            for item in group.items:
                row = nodes.row()
                row += nodes.entry("", nodes.paragraph("", "", link(self.env, registry, item.id)))
                mid = registry.value(item.id).to(unit).magnitudes()[0]
                text = format_quantity(mid, unit, sig_of(registry, item.id))
                row += nodes.entry("", nodes.paragraph(text=text))
                row += nodes.entry("", nodes.paragraph(text=item.scope))
                if group.convert:
                    from ..comparison import convert, converted_text
                    row += nodes.entry("", nodes.paragraph(text=converted_text(
                        registry, convert(registry, item.id, group.unit), with_range=False)))
                body += row
            container += table
            out.append(container)
        return out


class ChecksList(SphinxDirective):
    """Per document (then per media outlet), a table of its claims with computed value and
    verdict; how a verdict reads is in verdicts.py, shared with the roles."""

    has_content = False

    def run(self):
        st = state(self.env)
        return checks_sections(self, list(st.verdicts.values()),
                               lambda key: link(self.env, st.registry, key), claim_anchor,
                               _table)
