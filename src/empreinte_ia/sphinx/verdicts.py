"""Verdicts on the page: the scale ({echelle-verdicts}) and the claims of each document
({liste-verifications}), drawn from empreinte_ia.claims, the same way everywhere."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..claims import DEGREES, DOCUMENTS, MEDIA, Verdict, scale
from ..display import sig_of
from ..formatting import auto_sig, format_quantity
from .nodes import myst
from .state import state
from .typography import quote_nodes


class ScaleList(SphinxDirective):
    """The scale of verdicts as a definition list; `:court:` leaves the kinds of error as a
    single sentence (home page)."""

    option_spec = {"court": lambda arg: True}

    def run(self):
        short = "court" in self.options
        dl = nodes.definition_list(classes=["echelle-verdicts"])
        for (label, definition, kinds), degree in zip(scale(), DEGREES, strict=True):
            item = nodes.definition_list_item()
            term = nodes.term()
            term += nodes.inline(text=label, classes=["verdict", f"verdict-{degree.key}"])
            item += term
            body = nodes.definition()
            body += nodes.paragraph(text=definition[:1].upper() + definition[1:] + ".")
            if kinds and short:
                body += nodes.paragraph(
                    text="Genres d'erreur : " + ", ".join(k for k, _ in kinds) + ".")
            elif kinds:
                inner = nodes.bullet_list()
                for kind, text in kinds:
                    li = nodes.list_item()
                    p = nodes.paragraph()
                    p += nodes.strong(text=kind)
                    p += nodes.Text(f" : {text}.")
                    li += p
                    inner += li
                body += inner
            item += body
            dl += item
        return [dl]


def summary(items: list[Verdict]) -> str:
    """« 12 affirmations vérifiées : 3 exact, 2 erreur » in the order of the scale."""
    counts = Counter(v.kind for v in items)
    parts = [f"{counts[d.key]} {d.label}" for d in DEGREES if counts[d.key]]
    noun = "affirmation vérifiée" if len(items) < 2 else "affirmations vérifiées"
    return f"{len(items)} {noun} : " + ", ".join(parts) + "."


def verdict_cell(directive: SphinxDirective, v: Verdict,
                 link: Callable[[str], nodes.Node]) -> nodes.paragraph:
    """The verdict of one claim: badge, ratio, corrected reading, what it was checked against,
    then the note (MyST, so that its numbers come from the registry)."""
    p = nodes.paragraph()
    p += nodes.inline(text=v.label, classes=["verdict", f"verdict-{v.kind}"])
    if v.ratio_text:
        p += nodes.Text(f" ({v.ratio_text})")
    if v.corrected:
        p += nodes.Text(f". À lire : {v.corrected}")
    if v.unverified:
        p += nodes.Text(". Comparé à des paramètres non lus dans leur source primaire ou tirés du document lui-même : ")
        for i, key in enumerate(v.unverified):
            if i:
                p += nodes.Text(", ")
            p += link(key)
    if v.claim.matches:
        p += nodes.Text(". La valeur reproduit : ")
        p += link(v.claim.matches.estimate)
    explanation = " ".join(t for t in (v.claim.reason if v.kind == "inverifiable" else "",
                                       v.claim.note) if t)
    if explanation:
        p += nodes.Text(". ")
        p.extend(myst(directive, explanation))
    return p


def checks_sections(directive: SphinxDirective, verdicts: list[Verdict],
                    link: Callable[[str], nodes.Node], anchor: Callable[[str], str],
                    table: Callable) -> list[nodes.Node]:
    """Per document (then per media outlet), a table of its claims and their verdicts."""
    groups: list[tuple[str, str, list[Verdict]]] = []
    for code, doc in DOCUMENTS.items():
        groups.append((f"document-{code}", f"Document {code} : {doc.title}",
                       [v for v in verdicts if v.claim.doc_code == code]))
    press = [v for v in verdicts if v.claim.doc_code == MEDIA]
    if press:
        groups.append(("presse", "Articles de presse", press))
    out = []
    for ident, title, items in groups:
        section = nodes.section(ids=[ident], names=[ident])
        section += nodes.title(text=title)
        section += nodes.paragraph(text=summary(items))
        tab, body = table((8, 30, 14, 14, 18), ("Id", "Ce que dit la source", "Valeur annoncée",
                                                 "Valeur calculée", "Verdict"), ["verification"])
        for v in items:
            c = v.claim
            sig = max(3, auto_sig(c.value))
            row = nodes.row(ids=[anchor(c.id)])
            row += nodes.entry("", nodes.paragraph("", "", nodes.literal(text=c.id)))
            # Quoted source text rendered (superscripts, math), never shown as markup.
            quote = nodes.paragraph("", "", nodes.Text("« "), *quote_nodes(c.quote),
                                    nodes.Text(" »"))
            if c.doc_code == MEDIA:
                quote += nodes.Text(f" ({c.media}, {c.date}, ")
                quote += nodes.reference("", "article", refuri=c.url)
                quote += nodes.Text(")")
            row += nodes.entry("", quote)
            row += nodes.entry("", nodes.paragraph(text=format_quantity(c.value, c.unit, sig)))
            cell = nodes.paragraph()
            if c.estimate and v.computed is not None:
                # The computed value with the digits its own inputs justify (« 2,3 millions »,
                # not « 2,277 millions » from a one-digit factor).
                shown = sig_of(state(directive.env).registry, c.estimate)
                cell += nodes.Text(format_quantity(v.computed, c.unit, shown) + " — ")
                cell += link(c.estimate)
            else:
                cell += nodes.Text("—")
            row += nodes.entry("", cell)
            row += nodes.entry("", verdict_cell(directive, v, link))
            body += row
        section += tab
        out.append(section)
    return out
