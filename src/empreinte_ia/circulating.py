"""Claims circulating in French media (data/affirmations_circulantes.yaml).

Each claim is judged by the engine of the seed claims (claims.verdict): same scale, same
tolerance, same named errors. What differs is the provenance (an outlet, a date, a URL instead
of a seed document) and a likely origin written by the editors.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from . import claims
from .datafile import read_entries
from .formatting import french_date
from .registry import Registry

REQUIRED = ("id", "media", "date", "url", "citation", "valeur", "unite", "origine", "sujet",
            "chapitre")
OPTIONAL = ("estimation", "raison", "bas", "haut", "source_citee", "tolerance", "glissement",
            "note")
SUBJECTS = {"energie": "énergie", "eau": "eau", "carbone": "carbone"}
SLIPS = {
    "perimetre": "périmètre différent",
    "statistique": "médiane, moyenne ou cas extrême confondus",
    "unite": "unité confondue",
    "conversation": "une conversation lue comme une requête",
    "attribution": "source mal attribuée",
    "date": "chiffre ancien présenté comme actuel",
    "aucun": "aucun",
}
MEDIA_DOCUMENT = "medias"


@dataclass(frozen=True)
class Circulating:
    claim: claims.Claim
    outlet: str
    date: str
    url: str
    origin: str
    slip: str
    subject: str
    chapter: str


def load(path: Path, registry: Registry) -> list[Circulating]:
    out: list[Circulating] = []
    seen: set[str] = set()
    for entry in read_entries(path):
        f = entry.fields
        entry.check_fields(REQUIRED, OPTIONAL, "l'affirmation")
        if f["id"] in seen:
            raise entry.error(f"l'identifiant « {f['id']} » est déjà utilisé",
                              "donnez un identifiant unique à chaque affirmation", "id")
        seen.add(f["id"])
        if f["sujet"] not in SUBJECTS:
            raise entry.error(f"sujet « {f['sujet']} » inconnu",
                              "sujets possibles : " + ", ".join(SUBJECTS), "sujet")
        slip = str(f.get("glissement", "aucun"))
        if slip not in SLIPS:
            raise entry.error(f"glissement « {slip} » inconnu",
                              "glissements possibles : " + ", ".join(SLIPS), "glissement")
        if not str(f["url"]).startswith("https://"):
            raise entry.error("l'adresse doit commencer par « https:// »",
                              "copiez l'adresse complète de la page lue", "url")
        # The seed-claim parser checks units, estimate, numbers and cited source; the document
        # field names the media set instead of a seed file.
        seed_fields = {k: v for k, v in f.items() if k in claims.REQUIRED + claims.OPTIONAL}
        seed_fields["document"] = next(iter(claims.DOCUMENTS))   # checked, then replaced
        shim = type(entry)(entry.path, entry.line, seed_fields, entry.lines)
        claim = replace(claims.parse_claim(shim, registry), document=MEDIA_DOCUMENT)
        out.append(Circulating(claim, str(f["media"]), french_date(str(f["date"])), str(f["url"]),
                               str(f["origine"]), slip, str(f["sujet"]), str(f["chapitre"])))
    return out


def verdicts(path: Path, registry: Registry) -> list[tuple[Circulating, claims.Verdict]]:
    return [(c, claims.verdict(c.claim, registry)) for c in load(path, registry)]
