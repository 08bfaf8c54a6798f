"""Long tables read as cards on a phone: each cell carries its column's name (data-label),
the column that concludes a row (a verdict, a figure brought to the common scope) is marked
so that CSS shows it first, and the table gets the class « cartes ». The HTML stays one
table: on a wide screen nothing changes."""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx

MIN_COLUMNS = 3
VERDICT_HEADERS = {"verdict"}
# Columns that conclude a row: first in the card (class « col-tete »).
LEAD_HEADERS = VERDICT_HEADERS | {"ramené au périmètre commun"}


def headers(table: nodes.table) -> list[str]:
    """The text of each column's header, or [] for a table without one."""
    for thead in table.findall(nodes.thead):
        rows = list(thead.findall(nodes.row))
        if rows:
            return [" ".join(entry.astext().split()) for entry in rows[-1].children]
    return []


class CardTableMixin:
    """Adds data-label and the verdict mark to the cells of long tables."""

    def visit_table(self, node):
        names = headers(node)
        self._card_headers = getattr(self, "_card_headers", [])
        self._card_headers.append(names if len(names) >= MIN_COLUMNS else [])
        if len(names) >= MIN_COLUMNS and "cartes" not in node["classes"]:
            node["classes"].append("cartes")
        super().visit_table(node)

    def depart_table(self, node):
        super().depart_table(node)
        self._card_headers.pop()

    def visit_entry(self, node):
        names = self._card_headers[-1] if getattr(self, "_card_headers", None) else []
        column = node.parent.column if hasattr(node.parent, "column") else 0
        in_body = isinstance(node.parent.parent, nodes.tbody)
        start = len(self.body)
        super().visit_entry(node)
        cell = next((i for i in range(start, len(self.body)) if self.body[i].startswith("<td")),
                    None)
        if not names or not in_body or column >= len(names) or cell is None:
            return
        label = names[column]
        tag = self.body[cell]
        extra = f' data-label="{escape(label, quote=True)}"'
        marks = " ".join(["col-tete"] * (label.lower() in LEAD_HEADERS) +
                         ["col-verdict"] * (label.lower() in VERDICT_HEADERS))
        if marks:
            tag = tag.replace('class="', f'class="{marks} ', 1) if 'class="' in tag \
                else tag.replace("<td", f'<td class="{marks}"', 1)
        self.body[cell] = tag.replace("<td", "<td" + extra, 1)


def on_builder_inited(app: Sphinx) -> None:
    """Wrap whatever translator the theme set (pydata's Bootstrap one) with the mixin."""
    if app.builder.format != "html":
        return
    base = app.builder.get_translator_class()
    if issubclass(base, CardTableMixin):
        return
    app.set_translator(app.builder.name, type("CardTableTranslator", (CardTableMixin, base), {}),
                       override=True)
