"""The unit registry (pint) and the French names of units.

Counted things (queries, households, people…) are units of their own dimension, so a
formula that divides watt-hours by households cannot silently yield watt-hours.
"""

from __future__ import annotations

import pint

# cache_folder: pint keeps its parsed definitions in the user's cache folder (keyed by their
# content), which saves half a second in every process that imports the package: the Sphinx
# build and each notebook kernel.
ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=":auto:")
Q_ = ureg.Quantity

# Counted things: each its own dimension.
_COUNTS = {
    # unit: (singular, plural)
    "query": ("requête", "requêtes"),
    "household": ("foyer", "foyers"),
    "person": ("personne", "personnes"),
    "vehicle": ("voiture", "voitures"),
    "token": ("jeton", "jetons"),
    "word": ("mot", "mots"),
    "image": ("image", "images"),
    "video": ("vidéo", "vidéos"),
    "gpu": ("GPU", "GPU"),
    "server": ("serveur", "serveurs"),
    "datacenter": ("centre de données", "centres de données"),
    "model": ("modèle", "modèles"),
    "parameter": ("paramètre", "paramètres"),
    "document": ("document", "documents"),
    "book": ("livre", "livres"),
    "user": ("utilisateur", "utilisateurs"),
    "flight": ("vol", "vols"),
    "trip": ("trajet", "trajets"),
    "charge": ("recharge", "recharges"),
    "pixel": ("pixel", "pixels"),
    "step": ("étape", "étapes"),
    "byte_": ("octet", "octets"),
}
for _name in _COUNTS:
    ureg.define(f"{_name} = [{_name.rstrip('_')}]")

# Greenhouse-gas mass in CO2 equivalent: its own dimension, distinct from any mass.
ureg.define("gCO2e = [co2e]")
ureg.define("kgCO2e = 1000 * gCO2e")
ureg.define("tCO2e = 1e6 * gCO2e")
ureg.define("lbCO2e = 453.59237 * gCO2e")
ureg.define("MtCO2e = 1e12 * gCO2e")

# French symbols of physical units, by pint unit name.
_SYMBOLS = {
    "watt_hour": "Wh",
    "kilowatt_hour": "kWh",
    "megawatt_hour": "MWh",
    "gigawatt_hour": "GWh",
    "terawatt_hour": "TWh",
    "joule": "J",
    "kilojoule": "kJ",
    "megajoule": "MJ",
    "watt": "W",
    "kilowatt": "kW",
    "megawatt": "MW",
    "gigawatt": "GW",
    "liter": "L",
    "milliliter": "mL",
    "kiloliter": "kL",
    "gallon": "gallons US",
    "gCO2e": "g éq. CO₂",
    "kgCO2e": "kg éq. CO₂",
    "tCO2e": "t éq. CO₂",
    "MtCO2e": "Mt éq. CO₂",
    "lbCO2e": "livres éq. CO₂",
    "kilometer": "km",
    "mile": "miles",
    "second": "s",
    "minute": "min",
    "hour": "h",
    "day": "jour",
    "year": "an",
    "month": "mois",
    "percent": "%",
    "byte": "octets",
    "gigabyte": "Go",
    "terabyte": "To",
    "kilogram": "kg",
    "gram": "g",
    "hertz": "Hz",
    "dimensionless": "",
}
# Long French names, used after a number written in words ("1,3 milliard de litres").
_LONG = {
    "watt_hour": "wattheures",
    "kilowatt_hour": "kilowattheures",
    "megawatt_hour": "mégawattheures",
    "gigawatt_hour": "gigawattheures",
    "terawatt_hour": "térawattheures",
    "joule": "joules",
    "liter": "litres",
    "kiloliter": "kilolitres",
    "tCO2e": "tonnes éq. CO₂",
    "kgCO2e": "kilogrammes éq. CO₂",
    "gCO2e": "grammes éq. CO₂",
    "byte": "octets",
    "kilometer": "kilomètres",
}
# Time units after "par": "par jour", "par an".
_TIME_PER = {"second": "seconde", "minute": "minute", "hour": "heure", "day": "jour",
             "year": "an", "month": "mois"}


class UnitError(ValueError):
    """A unit string that pint cannot read, or a unit without a French name."""


def parse_unit(text: str) -> pint.Unit:
    """Read a unit string, raising UnitError with a French message."""
    try:
        unit = ureg.Unit(text)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError,
            AttributeError, TypeError, ValueError, AssertionError) as exc:
        raise UnitError(f"unité inconnue « {text} » ({exc})") from exc
    _check_names(unit, text)
    return unit


def _check_names(unit: pint.Unit, text: str) -> None:
    for name in unit._units:
        if name not in _SYMBOLS and name.rstrip("_") not in _COUNTS and name not in _COUNTS:
            raise UnitError(
                f"l'unité « {name} » (dans « {text} ») n'a pas de nom français : "
                "ajoutez-la dans src/empreinte_ia/units.py ou utilisez une unité connue "
                "(Wh, kWh, MWh, L, tCO2e, query, household…)"
            )


def _name(name: str, plural: bool, long: bool) -> str:
    if name in _COUNTS:
        return _COUNTS[name][1 if plural else 0]
    if long and name in _LONG:
        return _LONG[name]
    if name in _WORDS:
        return _WORDS[name][1 if plural else 0]
    return _SYMBOLS[name]


def french_unit(unit: pint.Unit, plural: bool = True, long: bool = False) -> str:
    """French label of a unit: 'Wh par requête', 'kg éq. CO₂/kWh', 'requêtes par jour'."""
    num = [(n, p) for n, p in unit._units.items() if p > 0]
    den = [(n, -p) for n, p in unit._units.items() if p < 0]
    parts = []
    for n, p in num:
        label = _name(n, plural, long)
        parts.append(label if p == 1 else f"{label}{_superscript(p)}")
    text = " ".join(parts)
    pers = 0
    for n, _p in den:
        if n in _COUNTS or n in _TIME_PER:
            singular = _COUNTS[n][0] if n in _COUNTS else _TIME_PER[n]
            link = " et par" if pers else " par"
            pers += 1
            text = f"{text}{link} {singular}" if text else f"par {singular}"
        else:
            label = _SYMBOLS[n]
            text = f"{text}/{label}" if text else f"1/{label}"
    return text.strip()


def without_per(unit: pint.Unit) -> pint.Unit:
    """The unit without its « par … » parts (counted things and time below the line):
    kWh/an/foyer → kWh, requêtes/jour/utilisateur → requêtes; kg éq. CO₂/kWh is kept."""
    for name, power in list(unit._units.items()):
        if power < 0 and (name in _COUNTS or name in _TIME_PER):
            unit = unit * ureg.Unit(name) ** -power
    return unit


def time_first(unit: pint.Unit) -> pint.Unit:
    """The same unit with its « par » in the site's order, time first (« par an et par foyer »):
    a unit read back from its string (sorted by name) may have lost that order."""
    items = sorted(unit._units.items(),
                   key=lambda np: (np[1] < 0, np[1] < 0 and np[0] not in _TIME_PER))
    return ureg.Unit(pint.util.UnitsContainer(dict(items)))


def is_calendar_year(unit: pint.Unit) -> bool:
    """A date (« 2030 »), shown without grouping nor unit."""
    return dict(unit._units) == {"calendar_year": 1}


def _superscript(power: float) -> str:
    table = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
    return str(int(power)).translate(table)


def strip_counts(quantity: pint.Quantity) -> pint.Quantity:
    """The quantity without its counted things: Wh/day/user → Wh/day (for charts)."""
    for name, power in list(quantity.units._units.items()):
        if name in _COUNTS:
            quantity = quantity * ureg.Unit(name) ** -power
    return quantity


# Money, counted like things (added for the chapter on data centres): "60 milliards de dollars".
_COUNTS["dollar"] = ("dollar", "dollars")
ureg.define("dollar = [dollar]")

# Characters of text (OpenAI: about four characters per token in English).
_COUNTS["character"] = ("caractère", "caractères")
ureg.define("character = [character]")

# Storage sizes in counted octets: pint's byte is dimensionless, so "16 GB" would lose its unit.
ureg.define("gigaoctet = 1e9 * byte_ = Go")
ureg.define("teraoctet = 1e12 * byte_ = To")
_SYMBOLS["gigaoctet"] = "Go"
_SYMBOLS["teraoctet"] = "To"

# Words that are written out, singular below 2 and plural from 2 (« 1,5 an », « 14,8 jours »).
_WORDS = {
    "day": ("jour", "jours"),
    "year": ("an", "ans"),
    "gallon": ("gallon US", "gallons US"),
    "mile": ("mile", "miles"),
    "lbCO2e": ("livre éq. CO₂", "livres éq. CO₂"),
    "byte": ("octet", "octets"),
}

# A calendar year (« d'ici 2030 »): its own dimension, never grouped, shown without a unit.
ureg.define("calendar_year = [calendar_year]")
_SYMBOLS["calendar_year"] = ""

# Masses of materials in tonnes (copper of data centres): « 2 177 t », « 3 millions de tonnes ».
_SYMBOLS["metric_ton"] = "t"
_LONG["metric_ton"] = "tonnes"
