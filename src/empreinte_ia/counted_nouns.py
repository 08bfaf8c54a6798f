"""Nouns of things that are counted: a number word before one states a quantity by hand.

« huit requêtes », « dix images », « cent foyers », « une dizaine de serveurs », « la moitié des
requêtes » give a value that would not follow the data when it changes: the prose rules
(prose.quantities, used for the chapters' doctree, `make lint` and the texts of data/) refuse
them; the count is written with a role, « {nombre}`identifiant` requêtes ».

One list, here, in the plural (a number word from « deux » on takes the plural; « million »,
« dizaine », « moitié »… are followed by « de » and a plural). « un »/« une » are left out: an
article is not a quantity. Left out on purpose: nouns that name parts of the text rather than
amounts (« les deux modèles », « les deux pays », « les trois machines de l'infographie »,
« les trois entraînements du graphique »), and
number formats (« sur quatre bits » names a format, like « bf16 »).
"""

from __future__ import annotations

COUNTED_NOUNS: tuple[str, ...] = (
    # uses of a model
    "requêtes", "réponses", "questions", "recherches", "messages", "conversations", "consignes",
    "images", "vidéos", "photos", "mots", "tokens", "jetons", "pages", "livres", "textes",
    # people and homes
    "personnes", "habitants", "utilisateurs", "foyers", "ménages", "logements", "salariés",
    "emplois",
    # time
    "secondes", "minutes", "heures", "jours", "semaines", "mois", "ans", "années", "décennies",
    "siècles",
    # machines and buildings
    "GPU", "TPU", "processeurs", "puces", "cartes", "serveurs", "baies", "centres",
    "ordinateurs", "portables", "smartphones", "téléphones", "centrales", "réacteurs",
    "éoliennes",
    # models
    "paramètres", "étapes",
    # distances, volumes, trips, comparisons
    "kilomètres", "km", "litres", "bouteilles", "piscines", "douches", "recharges", "voitures",
    "véhicules", "vols", "trajets", "allers-retours", "arbres", "fois",
)
