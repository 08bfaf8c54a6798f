"""Where the sources disagree on one quantity: estimates side by side, each with its scope."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .datafile import read_entries
from .registry import Registry
from .schema import check_entry
from .side_by_side import clash
from .units import Q_


@dataclass(frozen=True)
class Item:
    id: str
    scope: str


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    unit: str
    explanation: str
    items: list[Item]
    # Show every entry also brought to the common scope (a column of converted values).
    convert: bool = False


def load_groups(path: Path, registry: Registry) -> list[Group]:
    groups = []
    for entry in read_entries(path):
        f = entry.fields
        check_entry(entry, "contradiction")
        items = []
        for i, raw in enumerate(f["entrees"]):
            if raw["id"] not in registry:
                raise entry.error(f"« {raw['id']} » n'est ni un paramètre ni une estimation",
                                  "corrigez l'identifiant (voir les annexes)",
                                  ("entrees", i, "id"))
            try:
                Q_(1, registry.unit(raw["id"])).to(f["unite"])
            except Exception:  # noqa: BLE001 - pint raises several kinds for a bad unit
                raise entry.error(f"« {raw['id']} » ne s'exprime pas en « {f['unite']} »",
                                  "choisissez une unité commune au groupe",
                                  ("entrees", i, "id")) from None
            items.append(Item(str(raw["id"]), str(raw["perimetre"])))
        convert = {"oui": True, "non": False, True: True, False: False}.get(
            f.get("ramener", "non"))
        if convert is None:
            raise entry.error("« ramener » vaut « oui » ou « non »",
                              "écrivez « ramener: oui » pour montrer chaque valeur ramenée au "
                              "périmètre commun", "ramener")
        keys = [i.id for i in items]
        problem = clash(registry, keys, set(keys) if convert else set())
        if problem:
            raise entry.error(f"le groupe « {f['id']} » met côte à côte des chiffres de "
                              f"périmètres différents : {problem}",
                              "ajoutez « ramener: oui » au groupe pour afficher chaque valeur "
                              "ramenée au périmètre commun, ou retirez l'une des entrées",
                              "entrees")
        groups.append(Group(str(f["id"]), str(f["titre"]), str(f["unite"]),
                            str(f.get("explication", "")), items, convert))
    return groups
