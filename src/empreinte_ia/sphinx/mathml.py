"""Math rendered to MathML at build time: no script, no CDN, read natively by browsers."""

from __future__ import annotations

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.errors import ExtensionError


def _mathml(node: nodes.Element, display: str) -> str:
    latex = node.astext()
    try:
        return convert(latex, display=display)
    except Exception as exc:  # noqa: BLE001 - latex2mathml raises several exception types
        source, line = node.source or "?", node.line or "?"
        raise ExtensionError(
            f"{source}, ligne {line} : formule illisible « {latex} » ({exc}). Correction : "
            "vérifiez les accolades et les commandes LaTeX de la formule.") from None


def visit_math(self, node: nodes.Element) -> None:
    self.body.append(f'<span class="math">{_mathml(node, "inline")}</span>')
    raise nodes.SkipNode


def visit_displaymath(self, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div", CLASS="math"))
    if node.get("number"):
        number = f"({node['number']})"
        self.body.append(f'<span class="eqno">{number}</span>')
    self.body.append(_mathml(node, "block"))
    self.body.append("</div>\n")
    raise nodes.SkipNode
