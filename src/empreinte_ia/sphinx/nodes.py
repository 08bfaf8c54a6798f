"""Docutils nodes of the site (a closed <details> box) and helpers that build node trees."""

from __future__ import annotations

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.util.osutil import relative_uri
from sphinx.writers.html5 import HTML5Translator

from ..display import anchor, entry_doc
from ..registry import Registry


class details(nodes.General, nodes.Element):
    """A closed <details> box: the citation of a number, opened by who needs it."""


class summary(nodes.General, nodes.TextElement):
    """The always-visible title of a <details> box."""


def tag(name: str):
    """HTML visitor pair that wraps a node in <name>…</name>."""
    def visit(self, node: nodes.Element) -> None:
        self.body.append(self.starttag(node, name))

    def depart(self, node: nodes.Element) -> None:
        self.body.append(f"</{name}>\n")

    return visit, depart


def visit_citation(self, node: nodes.citation) -> None:
    """Bibliography entries as list items (docutils' 'doc-biblioentry' role is deprecated and
    leaves the list without items for screen readers)."""
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=["citation"], role="listitem"))


depart_citation = HTML5Translator.depart_citation


def para(*content) -> nodes.paragraph:
    """A paragraph of `content`: nodes as they are, plain values as text."""
    out = nodes.paragraph()
    for c in content:
        out += c if isinstance(c, nodes.Node) else nodes.Text(str(c))
    return out


def field(rows: nodes.field_list, name: str, *content) -> None:
    """A « name : content » row of a field list; plain values become text."""
    body = nodes.field_body()
    body += para(*content)
    rows += nodes.field("", nodes.field_name(text=name), body)


def myst(directive, text: str) -> list[nodes.Node]:
    """A text of data/ (note, reason, origin) read as MyST inside `directive`, so that its
    numbers come from roles: checks.py refuses a number typed in it."""
    inline, _ = directive.parse_inline(text.strip(), lineno=directive.lineno)
    return inline


def page_uri(env: BuildEnvironment, target: str) -> str:
    """Address of the page `target` relative to the page being read (as the HTML builder's
    get_relative_uri: document name and link suffix)."""
    suffix = env.config.html_link_suffix
    suffix = ".html" if suffix is None else suffix
    return relative_uri(env.docname + suffix, target + suffix)


def link(env: BuildEnvironment, registry: Registry, key: str) -> nodes.reference:
    """A link to the annex entry of `key`, with its label as text."""
    uri = page_uri(env, entry_doc(registry, key))
    return nodes.reference("", registry.label(key), refuri=f"{uri}#{anchor(key)}",
                           classes=["chiffre-lien"])


def joined(items: list[nodes.Node], separator: str = " ; ") -> list[nodes.Node]:
    """Nodes separated by « ; » (or `separator`)."""
    out: list[nodes.Node] = []
    for i, item in enumerate(items):
        if i:
            out.append(nodes.Text(separator))
        out.append(item)
    return out


def reference(registry: Registry, key: str) -> list[nodes.Node]:
    """A bibliographic reference as text, and its address as a link."""
    ref = registry.references[key]
    out: list[nodes.Node] = [nodes.Text(ref.text())]
    if ref.url:
        out += [nodes.Text(" — "), nodes.reference("", ref.url, refuri=ref.url)]
    return out
