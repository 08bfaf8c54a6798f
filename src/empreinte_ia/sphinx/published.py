"""What a reader sees, checked on the doctree: no number typed by hand, no unsafe HTML.

Every text a reader sees that no role produced is checked with the rules of `make lint`
(prose.quantities): paragraphs, titles, captions, admonition and note titles, tables, lists,
alternative texts of images, raw blocks, formulas and what code cells print. Raw HTML is
refused unless every tag is on a short allow-list, without attributes. A heading may not hold a
role: its anchor would then change with the value. Each problem is a warning at the exact line
of the chapter file, so that the strict build stops.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from ..datafile import DataError, read_text, relative
from ..prose import _names_pattern, quantities, quote_found
from .lines import Lines
from .state import state, stop

logger = logging.getLogger(__name__)

# Classes of the nodes that roles and generated tables produce: their numbers are computed.
COMPUTED = {"chiffre", "chiffre-lien", "chiffre-inconnu", "verdict", "source", "contradiction",
            "entree-registre", "verification", "echelle-verdicts", "citer", "comparaison", "affirmations-circulantes"}
# Nodes whose text is not prose: code, targets, links the toolchain numbers itself.
NOT_PROSE = (nodes.literal, nodes.comment, nodes.target, nodes.footnote_reference,
             nodes.citation_reference, nodes.citation, nodes.raw, nodes.math, nodes.math_block,
             nodes.substitution_definition, nodes.system_message, nodes.label)
# Raw HTML a chapter may hold: inline tags with no attribute.
HTML_TAGS = {"abbr", "b", "br", "em", "i", "kbd", "mark", "s", "small", "strong", "sub", "sup",
             "u", "wbr"}


def _skipped(docname: str) -> bool:
    """Annexes are generated from data/: every number in them is computed."""
    return docname.startswith("annexes/") and docname != "annexes/index"


def _ancestors(node: nodes.Node):
    while node is not None:
        yield node
        node = node.parent


def _computed(node: nodes.Node) -> bool:
    for up in _ancestors(node):
        if isinstance(up, nodes.Element):
            if COMPUTED & set(up.get("classes", ())):
                return True
            if isinstance(up, NOT_PROSE) or up.tagname in ("pending_xref", "number_reference",
                                                            "toctree", "cell_input"):
                return True
            if isinstance(up, nodes.literal_block) and not _printed(up):
                return True
            if isinstance(up, nodes.footnote) and "footcite" in str(up.get("names", "")):
                return True
            if isinstance(up, nodes.reference) and up.get("refuri") == up.astext():
                return True   # a bare URL
    return False


def _printed(block: nodes.literal_block) -> bool:
    """What a code cell prints, as the reader sees it: its stream output, or its plain-text
    result when no richer form (image, HTML table made by the code) replaces it."""
    if not _in_output(block):
        return False
    classes = set(block.get("classes", ()))
    if "stream" in classes:
        return True
    bundle = block.parent.parent if block.parent is not None else None
    return ("text_plain" in classes and bundle is not None and \
        bundle.get("nb_element") == "mime_bundle" and len(bundle.children) == 1) or \
        ("text_plain" in classes and bundle is not None and bundle.get("nb_element") != "mime_bundle")


def _in_output(node: nodes.Node) -> bool:
    return any(isinstance(up, nodes.Element) and "cell_output" in up.get("classes", ())
               for up in _ancestors(node))


def _line(node: nodes.Node) -> int | None:
    for up in _ancestors(node):
        if getattr(up, "line", None):
            return up.line
    return None


def _warn(docname: str, line: int | None, message: str, subtype: str) -> None:
    logger.warning(message, location=(docname, line), type="empreinte", subtype=subtype)


def _hand_typed(found: list[str], where: str) -> str:
    return (f"nombre tapé à la main {where} ({quote_found(found)}). Correction : écrivez la "
            "valeur avec un rôle {chiffre}`identifiant` (ou {nombre}, {plage}) ; un compte s'écrit "
            "{nombre}`identifiant` suivi du nom (« {nombre}`identifiant` requêtes ») ; un texte "
            "qui ne peut pas "
            "porter de rôle (texte alternatif, titre) se reformule sans chiffre ni nombre en "
            "toutes lettres ; un nom de modèle va dans data/noms_propres.yaml.")


def _needle(found: str) -> str:
    return re.split(r"\s", found.strip(), maxsplit=1)[0]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refused: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in HTML_TAGS or attrs:
            self.refused.append(self.get_starttag_text() or tag)

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.refused.append("<!--")

    def handle_pi(self, data):
        self.refused.append("<?")

    def unknown_decl(self, data):
        self.refused.append("<!")


def check_html(html: str) -> tuple[list[str], str]:
    """Tags off the allow-list (or with attributes) in `html`, and its text."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.refused, "".join(parser.text)


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    if _skipped(docname):
        return
    names = _names_pattern(state(app).names)
    lines = Lines(app, docname)

    def report(node: nodes.Node, found: list[str], where: str, needle: str | None = None):
        needle = needle if needle is not None else _needle(found[0])
        start = _line(node)
        line = lines.back(start, needle) if _in_output(node) else lines.find(start, needle)
        _warn(docname, line, _hand_typed(found, where), "prose")

    for title in doctree.findall(nodes.title):
        role = next((n for n in title.findall(nodes.Element)
                     if COMPUTED & set(n.get("classes", ()))), None)
        if role is not None and isinstance(title.parent, nodes.section):
            _warn(docname, lines.find(_line(title), role.rawsource or ""),
                  "rôle dans un titre : l'ancre de la section changerait avec la valeur et "
                  "casserait les liens. Correction : donnez le chiffre dans le paragraphe qui "
                  "suit le titre.", "titre")
    for text in doctree.findall(nodes.Text):
        if _computed(text):
            continue
        found = quantities(text.astext(), names)
        if found:
            where = "dans la sortie d'une cellule de code" if _in_output(text) else \
                "dans un titre" if isinstance(text.parent, nodes.title) else \
                "dans une légende" if isinstance(text.parent, nodes.caption) else "dans le texte"
            report(text, found, where)
    for image in doctree.findall(nodes.image):
        found = quantities(image.get("alt", ""), names)
        if found:
            report(image, found, "dans un texte alternatif")
    for math in list(doctree.findall(nodes.math)) + list(doctree.findall(nodes.math_block)):
        found = quantities(math.astext(), math=True)
        if found:
            report(math, found, "dans une formule")
    for raw in doctree.findall(nodes.raw):
        if _in_output(raw) or (raw.parent is not None and _computed(raw.parent)):
            continue   # HTML made by a code cell (a table of the registry) or by a role
        formats = raw.get("format", "").split()
        if "html" in formats:
            refused, inner = check_html(raw.astext())
            if refused:
                _warn(docname, lines.find(_line(raw), refused[0][:20]),
                      f"HTML brut refusé (« {refused[0][:60]} »). Correction : écrivez le texte "
                      "en Markdown ; seules les balises " + ", ".join(sorted(HTML_TAGS)) +
                      " sont admises, sans attribut.", "html")
                continue
        else:
            inner = raw.astext()
            if formats and "latex" not in formats:
                _warn(docname, _line(raw), f"bloc brut au format « {' '.join(formats)} » "
                      "refusé. Correction : écrivez le texte en Markdown.", "html")
                continue
        found = quantities(inner, names)
        if found:
            report(raw, found, "dans un bloc HTML")
    for xref in doctree.findall(lambda n: n.tagname == "pending_xref"):
        target = str(xref.get("reftarget", "")).split("#")[-1]
        line = lines.find(_line(xref), target)
        if line:
            xref.line = line
            # Sphinx locates the warning by the first node that has a source or a line.
            xref.source = xref.source or doctree.get("source")


def on_env_before_read_docs(app: Sphinx, env, docnames: list[str]) -> None:
    """A chapter that is not UTF-8 stops the build with its file and line (Sphinx would crash
    with an English traceback)."""
    for docname in docnames:
        try:
            read_text(env.doc2path(docname), relative(env.doc2path(docname)))
        except DataError as exc:
            raise stop(exc) from None
