"""What changed between two releases, and why.

Two snapshots (publications/<version>.json, see `freeze.py`) are compared entry by entry:
parameters, estimates and verdicts whose value, range, unit or verdict moved, plus added and
removed entries. Each change carries its cause (the parameters that moved it, or its formula)
and the record written with the data change in data/changements.yaml:

    - id: gpt4o_energy_short
      version: 0.2.0
      categorie: correction        # correction | mise_a_jour_source | changement_methode
      raison: Valeur relue au tableau 4 de la version 6 de l'article.

An estimate moved only by parameters inherits their records; a record is required for every
changed or removed parameter, every estimate whose formula changed, every removed estimate and
every verdict that changed without its estimate moving (the claim itself was edited).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .datafile import DataError, read_entries

CATEGORIES = {
    "correction": "correction",
    "mise_a_jour_source": "mise à jour de la source",
    "changement_methode": "changement de méthode",
}
KINDS = {"parametres": "paramètre", "estimations": "estimation", "verdicts": "verdict"}
RECORD_FIELDS = ("id", "version", "categorie", "raison")
TODO = "À compléter"


@dataclass(frozen=True)
class Record:
    id: str
    version: str
    category: str
    reason: str
    path: str = ""
    line: int = 0

    @property
    def category_fr(self) -> str:
        return CATEGORIES[self.category]


@dataclass
class Change:
    section: str            # "parametres", "estimations" or "verdicts"
    id: str
    label: str
    before: dict | None     # the frozen entry in the older release (None: added)
    after: dict | None      # the frozen entry in the newer one (None: removed)
    fields: list[str]       # what moved: valeur, fourchette, unite, verdict
    causes: list[str] = field(default_factory=list)  # parameters (or estimate) that moved it
    formula: bool = False   # moved without any of its parameters moving
    records: list[Record] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return KINDS[self.section]

    @property
    def status(self) -> str:
        if self.before is None:
            return "ajout"
        if self.after is None:
            return "retrait"
        return "modification"

    @property
    def needs_record(self) -> bool:
        """True when no other change explains this one (see the module docstring)."""
        if self.status == "ajout":
            return False
        return not self.causes

    def percent(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        old, new = self.before.get(_main(self.section)), self.after.get(_main(self.section))
        if not isinstance(old, (int, float)) or not isinstance(new, (int, float)) or old == 0:
            return None
        return (new - old) / abs(old) * 100


def _main(section: str) -> str:
    return "valeur_calculee" if section == "verdicts" else "valeur"


def _moved(a, b) -> bool:
    if a is None or b is None:
        return (a is None) != (b is None)
    return abs(a - b) > 1e-9 * max(abs(a), abs(b), 1e-300)


def moved_fields(section: str, old: dict, new: dict) -> list[str]:
    if section == "verdicts":
        out = []
        if old["verdict"] != new["verdict"] or old["verdict_libelle"] != new["verdict_libelle"]:
            out.append("verdict")
        if _moved(old["valeur_calculee"], new["valeur_calculee"]):
            out.append("valeur_calculee")
        if (_moved(old["valeur_annoncee"], new["valeur_annoncee"]) or old["unite"] != new["unite"]
                or any(_moved(old.get(k), new.get(k)) for k in ("bas_annonce", "haut_annonce"))):
            out.append("affirmation")
        return out
    out = []
    if old["unite"] != new["unite"]:
        out.append("unite")
    if _moved(old["valeur"], new["valeur"]):
        out.append("valeur")
    if _moved(old["bas"], new["bas"]) or _moved(old["haut"], new["haut"]):
        out.append("fourchette")
    return out


def changes(old: dict, new: dict, records: list[Record] | None = None,
            version: str | None = None) -> list[Change]:
    """Every entry that differs between the snapshots `old` and `new`.

    `version` is the release the records are looked up under (default: new["version"]).
    """
    version = version or new.get("version", "")
    by_id: dict[str, list[Record]] = {}
    for r in records or []:
        if r.version == version:
            by_id.setdefault(r.id, []).append(r)
    out: list[Change] = []
    moved_params: set[str] = set()
    moved_estimates: set[str] = set()
    for section in ("parametres", "estimations", "verdicts"):
        before, after = old.get(section, {}), new.get(section, {})
        for key in sorted(set(before) | set(after)):
            a, b = before.get(key), after.get(key)
            if a is not None and b is not None:
                moved = moved_fields(section, a, b)
                if not moved:
                    continue
            else:
                moved = []
            label = (b or a).get("libelle") or (b or a).get("citation", key)
            change = Change(section, key, label, a, b, moved)
            if section == "parametres":
                moved_params.add(key)
            elif section == "estimations":
                moved_estimates.add(key)
                if a is not None and b is not None:
                    change.causes = [p for p in b["parametres"] if p in moved_params]
                    change.formula = not change.causes or a.get("formule") != b.get("formule")
                    if change.formula and change.causes:
                        change.causes = []  # the formula changed: its own record says why
            else:
                if a is not None and b is not None and "affirmation" not in moved:
                    est = b.get("estimation")
                    if est in moved_estimates or est in moved_params:
                        change.causes = [est]
            change.records = by_id.get(key, [])
            out.append(change)
    _inherit(out)
    return out


def _inherit(found: list[Change]) -> None:
    """An entry moved by others carries their records (an estimate: its parameters')."""
    index = {c.id: c for c in found}
    for c in found:
        if c.records or not c.causes:
            continue
        seen: list[Record] = []
        for cause in c.causes:
            for r in index[cause].records if cause in index else []:
                if r not in seen:
                    seen.append(r)
        c.records = seen


def missing_records(found: list[Change]) -> list[Change]:
    return [c for c in found if c.needs_record and not any(r.id == c.id for r in c.records)]


def load_records(path: Path) -> list[Record]:
    """data/changements.yaml, checked: known category, a reason, a version x.y.z."""
    if not path.exists():
        return []
    out = []
    seen: dict[tuple[str, str], int] = {}
    for entry in read_entries(path):
        entry.check_fields(RECORD_FIELDS, (), "la modification")
        f = entry.fields
        category = str(f["categorie"])
        if category not in CATEGORIES:
            raise entry.error(f"catégorie inconnue « {category} »",
                              "écrivez l'une de : " + ", ".join(CATEGORIES), "categorie")
        version = str(f["version"])
        if not _is_version(version):
            raise entry.error(f"« {version} » n'est pas un numéro de version x.y.z",
                              "écrivez la version entre guillemets, par exemple « \"0.2.0\" »",
                              "version")
        key = (str(f["id"]), version)
        if key in seen:
            raise DataError(entry.path, entry.line,
                            f"« {key[0]} » a déjà une modification en version {version} "
                            f"(ligne {seen[key]})", "réunissez les deux raisons en une entrée")
        seen[key] = entry.line
        reason = str(f["raison"]).strip()
        if reason.startswith(TODO):
            raise entry.error(f"la raison de « {key[0]} » n'est pas encore écrite",
                              "dites ce qui a changé et où dans la source", "raison")
        out.append(Record(key[0], version, category, reason,
                          str(entry.path), entry.line))
    return out


def _is_version(text: str) -> bool:
    parts = text.split(".")
    return len(parts) == 3 and all(p.isdigit() for p in parts)


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def _summary(c: Change) -> str:
    def shown(entry: dict | None) -> str:
        assert entry is not None  # a change has an entry on the side it is read from
        if c.section == "verdicts":
            return entry["verdict_libelle"]
        text = entry.get("texte") or f"{entry['valeur']} {entry['unite']}"
        return text + (f" ({entry['plage_texte']})" if entry.get("plage_texte") else "")

    if c.status == "retrait":
        return f"retiré (valait {shown(c.before)})"
    text = f"{shown(c.before)} → {shown(c.after)}"
    where = [f"{s.get('cle', '')}, {s.get('localisation', '')}".strip(", ")
             + (f" ({s['version_source']})" if s.get("version_source") else "")
             for s in (c.after or {}).get("sources", [])[:1]]
    return text + (f" ; source : {where[0]}" if where else "")


def template(missing: list[Change], version: str) -> str:
    """YAML entries to paste into data/changements.yaml, one per change lacking a record."""
    lines = []
    for c in missing:
        what = {"retrait": "retiré", "modification": ", ".join(c.fields) or "modifié"}[c.status]
        lines += [f"- id: {c.id}  # {c.kind} : {what}",
                  f"  # {_summary(c)}".replace("\u202f", " "),
                  f"  version: \"{version}\"",
                  "  categorie: correction  # ou mise_a_jour_source, changement_methode",
                  f"  raison: {TODO} (ce qui a changé, et où dans la source).", ""]
    return "\n".join(lines)
