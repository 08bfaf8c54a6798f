"""How a figure of the registry is shown in French, and where it lives on the site.

Used alike by the Sphinx roles and annexes, the chapters' tables and the open-data export.
Imports neither Sphinx nor docutils: anchors are computed here, with the same algorithm as
``docutils.nodes.make_id`` (the tests compare the two over every id).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .formatting import FULL, auto_sig, format_range, format_value, uncertainty_sig
from .registry import Registry

# Annex pages (Sphinx document names) where every entry has its anchor.
PARAMETERS_DOC = "annexes/parametres"
ESTIMATES_DOC = "annexes/estimations"
CHECKS_DOC = "annexes/verification"

KINDS = ("chiffre", "mesure", "nombre", "plage", "plage-mesure", "plage-nombre")

# docutils.nodes.make_id: letters docutils maps by hand before dropping what is not ASCII.
_DIGRAPHS = {0x00DF: "sz", 0x00E6: "ae", 0x0153: "oe", 0x0238: "db", 0x0239: "qp"}
_LETTERS = str.maketrans("\u00f8\u0111\u0127\u0131\u0142\u0167\u0180\u0183\u0188\u018c\u0192"
                         "\u0199\u019a\u019e\u01a5\u01ab\u01ad\u01b4\u01b6\u01e5\u0225\u0234"
                         "\u0235\u0236\u0237\u023c\u023f\u0240\u0247\u0249\u024b\u024d\u024f",
                         "odhiltbbcdfklnpttyzgzlntjcszejqry")
_NOT_ID = re.compile("[^a-z0-9]+")
_ID_ENDS = re.compile("^[-0-9]+|-+$")


def anchor(key: str) -> str:
    """Stable anchor of an entry, derived from its id only (docutils' make_id)."""
    text = key.lower().translate(_DIGRAPHS).translate(_LETTERS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _NOT_ID.sub("-", " ".join(text.split()))
    return _ID_ENDS.sub("", text)


def claim_anchor(claim_id: str) -> str:
    """Anchor of a claim's row in the verification annex."""
    return "verif-" + anchor(claim_id)


# The annexes are split by theme: one page per data file (parameters) or per estimates
# module, named after it. The reader sees these French titles; a file without one is named
# after its file (« requetes_2023_2026 » → « Requetes 2023 2026 »).
THEMES = {
    "fonctionnement": "Comment fonctionne un modèle",
    "ordres_de_grandeur": "Ordres de grandeur",
    "empreinte_personne": "Empreinte d'une personne, numérique en France, cuivre",
    "fabrication": "Fabrication du matériel : appareils et serveurs",
    "comparaisons": "Repères de la vie courante",
    "centres_de_donnees": "Centres de données",
    "entrainement": "Entraîner un modèle",
    "inference_gpt4o": "Utiliser un modèle : GPT-4o",
    "gpt4o": "Utiliser un modèle : GPT-4o",
    "usages": "Utiliser un modèle",
    "requetes_2023_2026": "Comparer les chiffres par requête",
    "requetes": "Comparer les chiffres par requête",
    "generation": "Générer du texte, des images et des vidéos",
    "reduire": "Réduire l'empreinte",
    "affirmations": "Vérifier les documents d'origine",
}
# Order of the themes in the annexes: the order of the chapters, then the others by name.
THEME_ORDER = list(THEMES)


def theme_title(group: str) -> str:
    return THEMES.get(group) or group.replace("_", " ").capitalize()


def theme_key(group: str) -> tuple:
    return (THEME_ORDER.index(group) if group in THEME_ORDER else len(THEME_ORDER), group)


def group_of(registry: Registry, key: str) -> str:
    """The theme of an entry: the stem of the data file or module that defines it."""
    if key in registry.parameters:
        return Path(registry.parameters[key].path).stem
    return Path(registry.estimates[key].path).stem


def entry_doc(registry: Registry, key: str) -> str:
    """The annex page that lists `key`: its kind, then its theme."""
    kind = PARAMETERS_DOC if key in registry.parameters else ESTIMATES_DOC
    return f"{kind}/{group_of(registry, key)}"


def sort_key(label: str) -> str:
    """French alphabetical order: accents and case do not count."""
    return unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().casefold()


def url(base: str, doc: str, fragment: str) -> str:
    """Address of an anchor on the site: absolute if `base` is given, else relative."""
    page = f"{doc}.html"
    return f"{base.rstrip('/')}/{page}#{fragment}" if base else f"{page}#{fragment}"


def entry_url(registry: Registry, key: str, base: str = "") -> str:
    return url(base, entry_doc(registry, key), anchor(key))


def _declared_sig(registry: Registry, key: str) -> int:
    sig = registry.sig(key)
    return sig if sig else auto_sig(registry.value(key).magnitudes()[0])


def sig_of(registry: Registry, key: str) -> int:
    """Significant digits shown: those declared (else deduced from the value), no more than
    its range justifies (±15 % → two), and for an estimate no more than its least precise
    measured input allows; two at least unless fewer are declared."""
    mid, low, high = registry.value(key).magnitudes()
    sig = uncertainty_sig(mid, low, high, _declared_sig(registry, key))
    if key in registry.estimates:
        inputs = [_declared_sig(registry, p) for p in registry.parameters_of(key)
                  if registry.parameters[p].status != "definition"]
        if inputs:
            sig = min(sig, max(2, min(inputs)))
    return sig


def render(registry: Registry, key: str, kind: str = "chiffre") -> str:
    """The text of a figure, in the form its sentence needs (see KINDS):
    chiffre « 4 500 kWh par an et par foyer », mesure « 4 500 kWh » (the sentence says the
    « par … »), nombre « 4 500 »; plage, plage-mesure, plage-nombre: the range likewise.
    The range of a parameter is the one its source published, shown with the source's digits
    (« 325 à 580 TWh »); the range of an estimate has the digits its uncertainty allows."""
    value, sig = registry.value(key), sig_of(registry, key)
    if kind.startswith("plage"):
        form = FULL if kind == "plage" else kind.removeprefix("plage-")
        mid, low, high = value.magnitudes()
        # A parameter's own bounds are the source's: quoted with their digits.
        return format_range(low, high, value.units, sig, mid, form,
                            quoted=key in registry.parameters)
    return format_value(value, sig, form=kind)
