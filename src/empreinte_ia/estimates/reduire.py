"""Reducing the impact: quantization, smaller models, low-carbon electricity, and the short
text 004 recomputed with its own inputs and with reference values."""

from ..registry import estimate
from ..units import Q_


# -- quantization: storage and memory ---------------------------------------------------------
# The sizes of the weights (llama3_8b_storage_bf16, llama3_70b_storage_4bit…) and their ratio to
# the memory of a graphics card are estimates of the chapter « fonctionnement »; reused here.
@estimate("quant_bf16_to_4bit_factor", unit="dimensionless", sig=1,
          label="Facteur de réduction de la taille des poids, de bf16 à int4",
          formula="octets par paramètre en bf16 ÷ octets par paramètre sur 4 bits")
def quant_bf16_to_4bit_factor(bytes_per_parameter_bf16, bytes_per_parameter_4bit):
    return bytes_per_parameter_bf16 / bytes_per_parameter_4bit


@estimate("quant_llama3_8b_4bit_rtx3080", unit="percent", sig=2,
          label="Part de la mémoire d'une RTX 3080 occupée par les poids de Llama 3 8B en int4",
          formula="taille des poids sur 4 bits ÷ mémoire d'une carte")
def quant_llama3_8b_4bit_rtx3080(llama3_8b_storage_4bit, rtx3080_memory):
    return llama3_8b_storage_4bit / (rtx3080_memory * Q_(1, "gpu"))


# -- other levers -----------------------------------------------------------------------------
@estimate("gpt4o_medium_vs_short", unit="dimensionless", sig=2,
          label="Requête moyenne à GPT-4o rapportée à une requête courte",
          formula="énergie d'une requête moyenne ÷ énergie d'une requête courte (valeurs centrales)")
def gpt4o_medium_vs_short(gpt4o_energy_medium, gpt4o_energy_short):
    return gpt4o_energy_medium.central() / gpt4o_energy_short.central()


@estimate("gpt4o_co2_if_france", unit="tCO2e/year", sig=2,
          label="Émissions annuelles de GPT-4o avec l'électricité française",
          formula="électricité annuelle de GPT-4o × intensité carbone de la France")
def gpt4o_co2_if_france(gpt4o_electricity_2025, carbon_intensity_france):
    return gpt4o_electricity_2025 * carbon_intensity_france


@estimate("azure_vs_france_intensity", unit="dimensionless", sig=2,
          label="Intensité carbone retenue pour Azure rapportée à celle de la France",
          formula="intensité carbone Azure ÷ intensité carbone de la France")
def azure_vs_france_intensity(azure_carbon_intensity, carbon_intensity_france):
    return azure_carbon_intensity / carbon_intensity_france


# -- the short text 004, with its own inputs --------------------------------------------------
@estimate("s004_query_co2_own", unit="kgCO2e/query", sig=2,
          label="Émissions d'une requête selon les chiffres du texte court",
          formula="énergie d'une requête (texte court) × intensité carbone implicite",
          scope={"frontiere": "inconnue", "statistique": "une_requete", "modele": "ChatGPT",
                 "carbone": "lieu", "version": "document 004", "methode": "non_publiee"})
def s004_query_co2_own(s004_query_energy, s004_carbon_intensity):
    return s004_query_energy * s004_carbon_intensity


@estimate("s004_daily_energy_own", unit="GWh/day", sig=2,
          label="Électricité quotidienne de ChatGPT avec les chiffres du texte court",
          formula="énergie d'une requête × requêtes par jour (texte court)")
def s004_daily_energy_own(s004_query_energy, s004_queries_per_day):
    return s004_query_energy * s004_queries_per_day


@estimate("s004_daily_co2_own", unit="tCO2e/day", sig=2,
          label="Émissions quotidiennes de ChatGPT avec les chiffres du texte court",
          formula="électricité quotidienne × intensité carbone implicite")
def s004_daily_co2_own(s004_daily_energy_own, s004_carbon_intensity):
    return s004_daily_energy_own * s004_carbon_intensity


@estimate("s004_flights_own", unit="flight/day", sig=2,
          label="Allers-retours San Francisco–New York (par passager) équivalents, chiffres du texte court",
          formula="émissions quotidiennes ÷ émissions d'un aller-retour San Francisco–New York par passager")
def s004_flights_own(s004_daily_co2_own, flight_sf_ny_passenger):
    return s004_daily_co2_own / flight_sf_ny_passenger


@estimate("s004_planes_own", unit="flight/day", sig=2,
          label="Avions entiers (aller-retour San Francisco–New York) équivalents, chiffres du texte court",
          formula="émissions quotidiennes ÷ émissions d'un avion entier pour un aller-retour")
def s004_planes_own(s004_daily_co2_own, flight_sf_ny_plane):
    return s004_daily_co2_own / flight_sf_ny_plane


@estimate("s004_households_own", unit="household", sig=2,
          label="Foyers français consommant autant chaque jour, chiffres du texte court",
          formula="électricité quotidienne ÷ électricité quotidienne d'un foyer français")
def s004_households_own(s004_daily_energy_own, french_household_electricity):
    return s004_daily_energy_own / french_household_electricity


# -- the same chain with reference values: ChatGPT in 2023 (de Vries) -------------------------
@estimate("devries_daily_co2", unit="tCO2e/day", sig=2,
          label="Émissions quotidiennes des serveurs de ChatGPT en 2023 (électricité américaine)",
          formula="électricité quotidienne selon de Vries × intensité carbone des États-Unis")
def devries_daily_co2(devries_daily_energy, carbon_intensity_us):
    return devries_daily_energy * carbon_intensity_us


@estimate("devries_daily_flights", unit="flight/day", sig=2,
          label="Allers-retours San Francisco–New York (par passager) équivalents à une journée de ChatGPT en 2023",
          formula="émissions quotidiennes ÷ émissions d'un aller-retour par passager")
def devries_daily_flights(devries_daily_co2, flight_sf_ny_passenger):
    return devries_daily_co2 / flight_sf_ny_passenger


@estimate("devries_daily_planes", unit="flight/day", sig=2,
          label="Avions entiers (aller-retour San Francisco–New York) équivalents à une journée de ChatGPT en 2023",
          formula="émissions quotidiennes ÷ émissions d'un avion entier pour un aller-retour")
def devries_daily_planes(devries_daily_co2, flight_sf_ny_plane):
    return devries_daily_co2 / flight_sf_ny_plane


@estimate("devries_french_households", unit="household", sig=2,
          label="Foyers français consommant chaque jour autant que ChatGPT en 2023",
          formula="électricité quotidienne selon de Vries ÷ électricité quotidienne d'un foyer français")
def devries_french_households(devries_daily_energy, french_household_electricity):
    return devries_daily_energy / french_household_electricity


@estimate("s004_requests_gap", unit="dimensionless", sig=2,
          label="Requêtes quotidiennes supposées par de Vries rapportées à celles du texte court",
          formula="requêtes par jour selon de Vries ÷ requêtes par jour selon le texte court "
                  "(haut et bas de sa fourchette)")
def s004_requests_gap(devries_requests_per_day, s004_queries_per_day):
    return devries_requests_per_day / s004_queries_per_day


@estimate("s004_energy_gap", unit="dimensionless", sig=2,
          label="Énergie d'une requête selon le texte court rapportée à l'estimation d'Epoch AI",
          formula="énergie d'une requête (texte court, bas de fourchette) ÷ énergie selon Epoch AI",
          perimetres="differents")
def s004_energy_gap(s004_query_energy, chatgpt_energy_epoch):
    return s004_query_energy.low / chatgpt_energy_epoch.mid


# -- and with GPT-4o in 2025 (Jegham et al.) --------------------------------------------------
@estimate("gpt4o_daily_electricity", unit="MWh/day", sig=2,
          label="Électricité quotidienne de GPT-4o en 2025",
          formula="électricité annuelle de GPT-4o ÷ jours d'une année")
def gpt4o_daily_electricity(gpt4o_electricity_2025):
    return gpt4o_electricity_2025


@estimate("gpt4o_daily_co2", unit="tCO2e/day", sig=2,
          label="Émissions quotidiennes de GPT-4o en 2025",
          formula="émissions annuelles de GPT-4o ÷ jours d'une année")
def gpt4o_daily_co2(gpt4o_co2_2025):
    return gpt4o_co2_2025


@estimate("gpt4o_daily_flights", unit="flight/day", sig=2,
          label="Allers-retours San Francisco–New York (par passager) équivalents à une journée de GPT-4o en 2025",
          formula="émissions quotidiennes de GPT-4o ÷ émissions d'un aller-retour par passager")
def gpt4o_daily_flights(gpt4o_daily_co2, flight_sf_ny_passenger):
    return gpt4o_daily_co2 / flight_sf_ny_passenger


@estimate("gpt4o_french_households", unit="household", sig=2,
          label="Foyers français consommant autant d'électricité que GPT-4o en 2025",
          formula="électricité annuelle de GPT-4o ÷ électricité annuelle d'un foyer français")
def gpt4o_french_households(gpt4o_electricity_2025, french_household_electricity):
    return gpt4o_electricity_2025 / french_household_electricity


@estimate("gpt4o_vs_devries_daily_energy", unit="dimensionless", sig=2,
          label="Électricité quotidienne de GPT-4o en 2025 rapportée à celle de ChatGPT en 2023 (de Vries)",
          formula="électricité quotidienne de GPT-4o en 2025 (fourchette) ÷ électricité quotidienne selon de Vries")
def gpt4o_vs_devries_daily_energy(gpt4o_daily_electricity, devries_daily_energy):
    return gpt4o_daily_electricity / devries_daily_energy
