"""Directives of the verification annex: claims of the source documents with their computed
verdicts ({liste-verifications}), and the quantities the sources disagree on
({contradictions})."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..claims import DOCUMENTS, Verdict
from ..datafile import DataError
from ..display import anchor, claim_anchor, sig_of
from ..formatting import auto_sig, format_number, format_quantity
from .nodes import link
from .state import state
from .typography import quote_nodes

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


def _ratio_text(v: Verdict) -> str:
    if v.ratio is None or not v.ratio or v.kind in ("accord",):
        return ""
    return f"×{format_number(v.ratio, 2)}"


class ChecksList(SphinxDirective):
    """Per document, a table of its claims with computed value and verdict."""

    has_content = False

    def run(self):
        st = state(self.env)
        out = []
        for code, title in DOCUMENTS.items():
            items = [v for v in st.verdicts.values() if v.claim.doc_code == code]
            section = nodes.section(ids=[f"document-{code}"], names=[f"document-{code}"])
            section += nodes.title(text=f"Document {code} : {title}")
            counts: dict[str, int] = {}
            for v in items:
                counts[v.label.split(" :")[0]] = counts.get(v.label.split(" :")[0], 0) + 1
            summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
            section += nodes.paragraph(text=f"{len(items)} affirmations vérifiées : {summary}.")
            table, body = _table((8, 30, 14, 14, 14), ("Id", "Ce que dit la source",
                                                       "Valeur annoncée", "Valeur calculée",
                                                       "Verdict"), ["verification"])
            for v in items:
                body += self.row(v)
            section += table
            out.append(section)
        return out

    def row(self, v: Verdict) -> nodes.row:
        c = v.claim
        sig = max(3, auto_sig(c.value))
        row = nodes.row(ids=[claim_anchor(c.id)])
        row += nodes.entry("", nodes.paragraph("", "", nodes.literal(text=c.id)))
        row += nodes.entry("", nodes.paragraph("", "", nodes.Text("« "), *quote_nodes(c.quote),
                                               nodes.Text(" »")))
        row += nodes.entry("", nodes.paragraph(text=format_quantity(c.value, c.unit, sig)))
        cell = nodes.paragraph()
        if c.estimate and v.computed is not None:
            # The computed value with the digits its own inputs justify (« 2,3 millions »,
            # not « 2,277 millions » from a one-digit factor).
            shown = sig_of(state(self.env).registry, c.estimate)
            cell += nodes.Text(format_quantity(v.computed, c.unit, shown) + " — ")
            cell += link(self.env, state(self.env).registry, c.estimate)
        else:
            cell += nodes.Text("—")
        row += nodes.entry("", cell)
        verdict_p = nodes.paragraph()
        verdict_p += nodes.strong(text=v.label)
        ratio = _ratio_text(v)
        if ratio:
            verdict_p += nodes.Text(f" ({ratio})")
        explanation = c.reason if v.kind == "inverifiable" else c.note
        if explanation:
            verdict_p += nodes.Text(f". {explanation}")
        row += nodes.entry("", verdict_p)
        return row
