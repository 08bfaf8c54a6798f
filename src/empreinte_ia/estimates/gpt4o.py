"""The GPT-4o case study (Jegham et al. 2025): per query, per day, per year."""

from ..registry import estimate
from ..value import Value


@estimate("gpt4o_vs_google_ratio", unit="dimensionless", sig=2,
          label="Requête courte à GPT-4o rapportée à une recherche Google",
          formula="énergie d'une requête courte ÷ énergie d'une recherche Google",
          perimetres="differents")
def gpt4o_vs_google_ratio(gpt4o_energy_short, google_search_energy):
    return gpt4o_energy_short / google_search_energy


@estimate("gpt4o_vs_google_extra", unit="percent", sig=2,
          label="Surcroît d'énergie d'une requête courte à GPT-4o sur une recherche Google",
          formula="(rapport GPT-4o / Google − 1), en pourcentage")
def gpt4o_vs_google_extra(gpt4o_vs_google_ratio):
    return gpt4o_vs_google_ratio - 1


@estimate("gpt4o_daily_short", unit="Wh/day/user", sig=3,
          label="Énergie quotidienne d'un utilisateur de GPT-4o, requêtes courtes",
          formula="énergie d'une requête courte × requêtes par jour d'un utilisateur")
def gpt4o_daily_short(gpt4o_energy_short, chatgpt_queries_per_user_day):
    return gpt4o_energy_short * chatgpt_queries_per_user_day


@estimate("gpt4o_daily_medium", unit="Wh/day/user", sig=3,
          label="Énergie quotidienne d'un utilisateur de GPT-4o, requêtes moyennes",
          formula="énergie d'une requête moyenne × requêtes par jour d'un utilisateur")
def gpt4o_daily_medium(gpt4o_energy_medium, chatgpt_queries_per_user_day):
    return gpt4o_energy_medium * chatgpt_queries_per_user_day


@estimate("gpt4o_daily_medium_phones", unit="charge/day/user", sig=2,
          label="Recharges de smartphone équivalentes à une journée de requêtes moyennes",
          formula="énergie quotidienne (requêtes moyennes) ÷ énergie d'une recharge de smartphone")
def gpt4o_daily_medium_phones(gpt4o_daily_medium, smartphone_battery):
    return gpt4o_daily_medium / smartphone_battery


@estimate("gpt4o_mean_query_energy", unit="Wh/query", sig=3,
          label="Énergie moyenne d'une requête à GPT-4o dans le scénario annuel",
          formula="part courte × énergie courte + part moyenne × énergie moyenne",
          scope={"frontiere": ["A", "B", "D"], "utilisation": "supposee",
                 "statistique": "moyenne", "modele": "GPT-4o",
                 "version": "arXiv:2505.09598v6", "methode": "publiee"})
def gpt4o_mean_query_energy(gpt4o_short_share, gpt4o_energy_short, gpt4o_medium_share,
                            gpt4o_energy_medium):
    return gpt4o_short_share * gpt4o_energy_short + gpt4o_medium_share * gpt4o_energy_medium


@estimate("gpt4o_electricity_bottom_up", unit="MWh/year", sig=3,
          label="Électricité annuelle de GPT-4o recalculée requête par requête",
          formula="requêtes annuelles × énergie moyenne d'une requête")
def gpt4o_electricity_bottom_up(gpt4o_queries_2025, gpt4o_mean_query_energy):
    return gpt4o_queries_2025 * gpt4o_mean_query_energy.central()


@estimate("gpt4o_queries_per_day", unit="query/day", sig=2,
          label="Requêtes quotidiennes à GPT-4o en moyenne sur 2025",
          formula="requêtes annuelles ÷ jours d'une année")
def gpt4o_queries_per_day(gpt4o_queries_2025):
    return gpt4o_queries_2025


@estimate("google_searches_2024", unit="query/year", sig=2,
          label="Recherches Google en 2024, déduites de la part qu'y représentent les requêtes à GPT-4o",
          formula="requêtes annuelles à GPT-4o ÷ leur part des recherches Google")
def google_searches_2024(gpt4o_queries_2025, gpt4o_share_of_google_2024):
    return gpt4o_queries_2025 / gpt4o_share_of_google_2024


@estimate("gpt4o_households", unit="household", sig=2,
          label="Foyers américains consommant autant d'électricité que GPT-4o en un an",
          formula="électricité annuelle de GPT-4o ÷ électricité annuelle d'un foyer américain")
def gpt4o_households(gpt4o_electricity_2025, us_household_electricity):
    return gpt4o_electricity_2025 / us_household_electricity


@estimate("gpt4o_co2_recomputed", unit="tCO2e/year", sig=3,
          label="Émissions annuelles de GPT-4o recalculées depuis l'électricité",
          formula="électricité annuelle × intensité carbone de l'électricité Azure")
def gpt4o_co2_recomputed(gpt4o_electricity_2025, azure_carbon_intensity):
    return gpt4o_electricity_2025 * azure_carbon_intensity


@estimate("gpt4o_cars", unit="vehicle", sig=2,
          label="Voitures thermiques émettant autant que GPT-4o en un an",
          formula="émissions annuelles de GPT-4o ÷ émissions annuelles d'une voiture")
def gpt4o_cars(gpt4o_co2_2025, car_emissions_per_year):
    return gpt4o_co2_2025 / car_emissions_per_year


@estimate("gpt4o_water_litres", unit="L/year", sig=3,
          label="Eau consommée par GPT-4o en 2025, en litres",
          formula="eau annuelle publiée, convertie en litres")
def gpt4o_water_litres(gpt4o_water_2025):
    return gpt4o_water_2025


@estimate("gpt4o_water_per_kwh", unit="L/kWh", sig=3,
          label="Eau consommée par kWh dans le scénario GPT-4o",
          formula="eau annuelle ÷ électricité annuelle (bornes basses ensemble, hautes ensemble)")
def gpt4o_water_per_kwh(gpt4o_water_2025, gpt4o_electricity_2025):
    return gpt4o_water_2025.together(gpt4o_electricity_2025, lambda a, b: a / b)


@estimate("gpt4o_carbon_per_kwh", unit="kgCO2e/kWh", sig=3,
          label="Émissions par kWh dans le scénario GPT-4o",
          formula="émissions annuelles ÷ électricité annuelle (bornes ensemble)")
def gpt4o_carbon_per_kwh(gpt4o_co2_2025, gpt4o_electricity_2025):
    return gpt4o_co2_2025.together(gpt4o_electricity_2025, lambda a, b: a / b)


@estimate("gpt4o_drinking_people", unit="person", sig=2,
          label="Personnes dont l'eau bue en un an égale l'eau consommée par GPT-4o",
          formula="eau annuelle ÷ eau bue par une personne en un an")
def gpt4o_drinking_people(gpt4o_water_2025, drinking_water_per_person):
    return gpt4o_water_2025 / drinking_water_per_person


# --- Comparisons the chapter draws, computed so they cannot contradict their numbers ----


@estimate("gpt4o_co2_recomputed_gap", unit="percent", sig=1,
          label="Écart entre les émissions annuelles de GPT-4o recalculées et la valeur publiée "
                "(bas de la fourchette)",
          formula="|émissions recalculées − émissions publiées| ÷ émissions publiées, "
                  "valeurs centrales")
def gpt4o_co2_recomputed_gap(gpt4o_co2_recomputed, gpt4o_co2_2025):
    published = gpt4o_co2_2025.mid
    gap = abs((gpt4o_co2_recomputed.mid - published) / published).to("percent")
    return Value.of(gap.magnitude, unit="percent")


@estimate("jegham_implied_smartphone_battery", unit="Wh/charge", sig=2,
          label="Énergie d'une recharge de smartphone implicite dans la comparaison de Jegham et al.",
          formula="énergie des recharges citées par l'étude ÷ nombre de recharges")
def jegham_implied_smartphone_battery(jegham_smartphones_energy, jegham_smartphones_compared):
    return jegham_smartphones_energy / jegham_smartphones_compared


@estimate("smartphone_vs_jegham_battery", unit="dimensionless", sig=1,
          label="Recharge de smartphone retenue par le site rapportée à celle que suppose l'étude",
          formula="énergie d'une recharge retenue ÷ énergie d'une recharge implicite dans l'étude")
def smartphone_vs_jegham_battery(smartphone_battery, jegham_implied_smartphone_battery):
    return smartphone_battery / jegham_implied_smartphone_battery


@estimate("user_daily_devries_phones", unit="charge/day/user", sig=2,
          label="Recharges de smartphone équivalentes à une journée de requêtes, estimation de 2023",
          formula="énergie quotidienne d'un utilisateur (de Vries) ÷ énergie d'une recharge de smartphone")
def user_daily_devries_phones(user_daily_devries, smartphone_battery):
    return user_daily_devries / smartphone_battery


@estimate("per_query_estimates_spread", unit="dimensionless", sig=2,
          label="Rapport entre la plus forte et la plus faible des estimations publiées de l'énergie "
                "d'une requête",
          formula="estimation de de Vries (2023) ÷ mesure de Google limitée aux accélérateurs (2025)",
          perimetres="differents")
def per_query_estimates_spread(devries_chatgpt_energy, gemini_energy_narrow):
    return devries_chatgpt_energy / gemini_energy_narrow
