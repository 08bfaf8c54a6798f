"""Training a model: GPT-3 (Patterson et al. 2021), Llama 3 (Meta model card), data, compute."""

from __future__ import annotations

import math

from ..registry import estimate
from ..units import Q_
from ..value import Value

# --- GPT-3: energy and emissions --------------------------------------------------------


@estimate(unit="tCO2e", sig=3,
          label="Émissions de l'entraînement de GPT-3 recalculées depuis l'électricité",
          formula="électricité de l'entraînement × intensité carbone retenue")
def gpt3_co2_recomputed(gpt3_energy, gpt3_carbon_intensity):
    return gpt3_energy * gpt3_carbon_intensity


@estimate(unit="tCO2e", sig=3,
          label="Émissions de l'entraînement de GPT-3 sans le PUE (serveurs seuls)",
          formula="émissions PUE compris ÷ PUE")
def gpt3_co2_without_pue(gpt3_co2, gpt3_pue):
    return gpt3_co2 / gpt3_pue


@estimate(unit="gpu*h", sig=2,
          label="Heures-GPU de l'entraînement de GPT-3",
          formula="nombre de GPU × durée de l'entraînement")
def gpt3_gpu_hours(gpt3_gpus, gpt3_training_days):
    return gpt3_gpus * gpt3_training_days


@estimate(unit="MWh", sig=3,
          label="Électricité de l'entraînement de GPT-3 recalculée GPU par GPU",
          formula="heures-GPU × puissance moyenne d'un GPU × PUE")
def gpt3_energy_bottom_up(gpt3_gpu_hours, gpt3_gpu_power, gpt3_pue):
    return gpt3_gpu_hours * gpt3_gpu_power * gpt3_pue


@estimate(unit="tCO2e", sig=3,
          label="Émissions du Transformer avec recherche d'architecture (Strubell), en tonnes",
          formula="livres éq. CO₂ converties en tonnes (1 livre = 0,453 592 37 kg)")
def strubell_nas_co2_t(strubell_nas_co2):
    return strubell_nas_co2


@estimate(unit="dimensionless", sig=2,
          label="Émissions de GPT-3 rapportées à celles du Transformer de Strubell",
          formula="émissions de GPT-3 ÷ émissions du Transformer avec recherche d'architecture")
def gpt3_vs_strubell(gpt3_co2, strubell_nas_co2):
    return gpt3_co2 / strubell_nas_co2


# --- GPT-3: everyday comparisons --------------------------------------------------------


@estimate(unit="household", sig=2,
          label="Foyers français consommant en un an l'électricité de l'entraînement de GPT-3",
          formula="électricité de l'entraînement ÷ électricité annuelle d'un foyer français × un an")
def gpt3_french_households(gpt3_energy, french_household_electricity):
    return gpt3_energy / (french_household_electricity * Q_(1, "year"))


@estimate(unit="household", sig=2,
          label="Foyers américains consommant en un an l'électricité de l'entraînement de GPT-3",
          formula="électricité de l'entraînement ÷ électricité annuelle d'un foyer américain × un an")
def gpt3_us_households(gpt3_energy, us_household_electricity):
    return gpt3_energy / (us_household_electricity * Q_(1, "year"))


@estimate(unit="flight", sig=2,
          label="Allers-retours San Francisco–New York en avion (par passager) émettant autant que GPT-3",
          formula="émissions de l'entraînement ÷ émissions d'un aller-retour par passager")
def gpt3_flights(gpt3_co2, flight_sf_ny_passenger):
    return gpt3_co2 / flight_sf_ny_passenger


@estimate(unit="flight", sig=2,
          label="Avions entiers (aller-retour San Francisco–New York) émettant autant que GPT-3",
          formula="émissions de l'entraînement ÷ émissions d'un avion entier")
def gpt3_planes(gpt3_co2, flight_sf_ny_plane):
    return gpt3_co2 / flight_sf_ny_plane


@estimate(unit="km", sig=2,
          label="Distance en voiture thermique émettant autant que l'entraînement de GPT-3",
          formula="émissions de l'entraînement ÷ émissions d'une voiture par mile, en kilomètres")
def gpt3_car_km(gpt3_co2, car_emissions_per_mile):
    return gpt3_co2 / car_emissions_per_mile


@estimate(unit="gCO2e/km", sig=2,
          label="CO₂ émis à l'échappement par une voiture thermique américaine typique, par kilomètre",
          formula="émissions par mile, rapportées au kilomètre (1 mile = 1,609 344 km)")
def car_emissions_per_km(car_emissions_per_mile):
    return car_emissions_per_mile


@estimate(unit="mile", sig=2,
          label="Distance en voiture émettant autant que le Transformer de Strubell, en miles",
          formula="émissions du Transformer avec recherche d'architecture ÷ émissions par mile")
def strubell_car_miles(strubell_nas_co2, car_emissions_per_mile):
    return strubell_nas_co2 / car_emissions_per_mile


@estimate(unit="vehicle", sig=2,
          label="Voitures thermiques émettant en un an autant que l'entraînement de GPT-3",
          formula="émissions de l'entraînement ÷ (émissions annuelles d'une voiture × un an)")
def gpt3_car_years(gpt3_co2, car_emissions_per_year):
    return gpt3_co2 / (car_emissions_per_year * Q_(1, "year"))


@estimate(unit="tCO2e", sig=2,
          label="Émissions d'une voiture thermique américaine typique pendant un an",
          formula="émissions annuelles d'une voiture × un an × une voiture")
def car_one_year_co2(car_emissions_per_year):
    return car_emissions_per_year * Q_(1, "year") * Q_(1, "vehicle")


# --- Llama 3: GPU-hours → energy → emissions --------------------------------------------


@estimate(unit="MWh", sig=2,
          label="Électricité du préentraînement de Llama 3 8B (GPU à pleine puissance)",
          formula="heures-GPU × puissance d'un GPU H100 (TDP)")
def llama3_8b_energy(llama3_8b_gpu_hours, llama3_gpu_power):
    return llama3_8b_gpu_hours * llama3_gpu_power


@estimate(unit="MWh", sig=2,
          label="Électricité du préentraînement de Llama 3 70B (GPU à pleine puissance)",
          formula="heures-GPU × puissance d'un GPU H100 (TDP)")
def llama3_70b_energy(llama3_70b_gpu_hours, llama3_gpu_power):
    return llama3_70b_gpu_hours * llama3_gpu_power


@estimate(unit="gpu*h", sig=2,
          label="Heures-GPU de préentraînement des deux modèles Llama 3",
          formula="heures-GPU de Llama 3 8B + heures-GPU de Llama 3 70B")
def llama3_total_gpu_hours(llama3_8b_gpu_hours, llama3_70b_gpu_hours):
    return llama3_8b_gpu_hours + llama3_70b_gpu_hours


@estimate(unit="MWh", sig=2,
          label="Électricité du préentraînement des deux modèles Llama 3",
          formula="électricité de Llama 3 8B + électricité de Llama 3 70B")
def llama3_total_energy(llama3_8b_energy, llama3_70b_energy):
    return llama3_8b_energy + llama3_70b_energy


@estimate(unit="tCO2e", sig=3,
          label="Somme des émissions publiées de Llama 3 8B et de Llama 3 70B",
          formula="émissions de Llama 3 8B + émissions de Llama 3 70B")
def llama3_co2_sum(llama3_8b_co2, llama3_70b_co2):
    return llama3_8b_co2 + llama3_70b_co2


@estimate(unit="kgCO2e/kWh", sig=2,
          label="Intensité carbone implicite du préentraînement de Llama 3",
          formula="émissions publiées ÷ électricité recalculée (heures-GPU × puissance d'un GPU H100)")
def llama3_carbon_intensity(llama3_total_co2, llama3_total_energy):
    return llama3_total_co2 / llama3_total_energy


@estimate(unit="dimensionless", sig=2,
          label="Émissions de Llama 3 70B rapportées à celles de GPT-3",
          formula="émissions de Llama 3 70B ÷ émissions de GPT-3")
def llama3_70b_vs_gpt3(llama3_70b_co2, gpt3_co2):
    return llama3_70b_co2 / gpt3_co2


@estimate(unit="dimensionless", sig=2,
          label="Heures-GPU de Llama 3 70B rapportées à celles de GPT-3",
          formula="heures-GPU de Llama 3 70B ÷ heures-GPU de GPT-3")
def llama3_70b_vs_gpt3_gpu_hours(llama3_70b_gpu_hours, gpt3_gpu_hours):
    return llama3_70b_gpu_hours / gpt3_gpu_hours


# --- Data --------------------------------------------------------------------------------


@estimate(unit="dimensionless", sig=2,
          label="Données de Llama 3 (même le petit Llama 3 8B) en œuvres complètes de Shakespeare",
          formula="jetons de préentraînement ÷ jetons de l'œuvre de Shakespeare")
def llama3_shakespeares(llama3_tokens, shakespeare_tokens):
    return llama3_tokens / shakespeare_tokens


@estimate(unit="dimensionless", sig=2,
          label="Données de GPT-3 en œuvres complètes de Shakespeare",
          formula="jetons vus par GPT-3 ÷ jetons de l'œuvre de Shakespeare")
def gpt3_shakespeares(gpt3_training_tokens, shakespeare_tokens):
    return gpt3_training_tokens / shakespeare_tokens


@estimate(unit="token/word", sig=2,
          label="Jetons par mot dans l'œuvre de Shakespeare",
          formula="jetons ÷ mots de l'œuvre complète")
def shakespeare_tokens_per_word(shakespeare_tokens, shakespeare_words):
    return shakespeare_tokens / shakespeare_words


@estimate(unit="dimensionless", sig=2,
          label="Données de Llama 3 rapportées à celles de GPT-3",
          formula="jetons de Llama 3 ÷ jetons de GPT-3")
def llama3_vs_gpt3_tokens(llama3_tokens, gpt3_training_tokens):
    return llama3_tokens / gpt3_training_tokens


@estimate(unit="percent", sig=1,
          label="Données de Llama 3 rapportées au stock de textes publics",
          formula="jetons de Llama 3 ÷ stock estimé de textes publics")
def llama3_share_of_public_text(llama3_tokens, public_text_stock):
    return llama3_tokens / public_text_stock


# --- Compute and models ----------------------------------------------------------------


@estimate(unit="dimensionless", sig=2,
          label="Paramètres de GPT-3 rapportés à ceux de GPT-2",
          formula="paramètres de GPT-3 ÷ paramètres de GPT-2")
def gpt3_vs_gpt2_parameters(gpt3_parameters, gpt2_parameters):
    return gpt3_parameters / gpt2_parameters


@estimate(unit="dimensionless", sig=2,
          label="Données de GPT-3 rapportées à sa part tirée de Wikipédia",
          formula="jetons vus par GPT-3 ÷ jetons de Wikipédia dans ses données")
def gpt3_tokens_vs_wikipedia(gpt3_training_tokens, gpt3_wikipedia_tokens):
    return gpt3_training_tokens / gpt3_wikipedia_tokens


@estimate(unit="month", sig=2,
          label="Temps de doublement du calcul d'entraînement des modèles notables",
          formula="12 mois × ln 2 ÷ ln(croissance annuelle)")
def compute_doubling_time(compute_growth_per_year):
    def months(growth):
        return 12 * math.log(2) / math.log(float(growth.to("dimensionless").magnitude))
    g = compute_growth_per_year
    # A faster growth gives a shorter doubling time: the bounds swap.
    return Value.of(months(g.mid), months(g.high), months(g.low), unit="month")


# --- Training versus inference ---------------------------------------------------------


@estimate(unit="percent", sig=2,
          label="Part de l'entraînement dans le calcul d'apprentissage automatique, selon NVIDIA",
          formula="100 % − part de l'inférence")
def training_share_nvidia(inference_share_nvidia):
    return Value.of(100, unit="percent") - inference_share_nvidia


@estimate(unit="percent", sig=2,
          label="Part de l'entraînement dans l'énergie de l'apprentissage automatique chez Google",
          formula="100 % − part de l'inférence")
def training_share_google(inference_share_google):
    return Value.of(100, unit="percent") - inference_share_google


@estimate(unit="dimensionless", sig=2,
          label="Études sur l'entraînement rapportées aux études sur l'inférence",
          formula="études sur l'entraînement ÷ études sur l'inférence")
def verdecchia_training_vs_inference(verdecchia_training_studies, verdecchia_inference_studies):
    return verdecchia_training_studies / verdecchia_inference_studies


# --- Adoption ----------------------------------------------------------------------------


@estimate(unit="dimensionless", sig=2,
          label="Durée mise par TikTok pour atteindre le même nombre d'utilisateurs que ChatGPT, rapportée à "
                "celle de ChatGPT",
          formula="mois de TikTok ÷ mois de ChatGPT")
def tiktok_vs_chatgpt_adoption(tiktok_months_to_100m, chatgpt_months_to_100m):
    return tiktok_months_to_100m / chatgpt_months_to_100m


@estimate(unit="dimensionless", sig=2,
          label="Durée mise par Instagram pour atteindre le même nombre d'utilisateurs que ChatGPT, rapportée à "
                "celle de ChatGPT",
          formula="mois d'Instagram ÷ mois de ChatGPT")
def instagram_vs_chatgpt_adoption(instagram_months_to_100m, chatgpt_months_to_100m):
    return instagram_months_to_100m / chatgpt_months_to_100m


# --- The course's comparisons with a group of people (ids of the « ordres de grandeur »
# chapter: electricity_co2_1000_people, co2_target_1000_people) ---------------------------


@estimate(unit="year", sig=2,
          label="Années d'électricité domestique du groupe de référence en France "
                "émettant autant que l'entraînement de GPT-3",
          formula="émissions de GPT-3 sans PUE ÷ émissions annuelles de l'électricité de mille personnes")
def gpt3_years_electricity_1000_people(gpt3_co2_without_pue, electricity_co2_1000_people):
    return gpt3_co2_without_pue / electricity_co2_1000_people


@estimate(unit="percent", sig=2,
          label="Part de l'objectif annuel d'émissions du groupe de référence prise par GPT-3",
          formula="émissions de GPT-3 sans PUE ÷ (objectif annuel de mille personnes × un an)")
def gpt3_share_of_target_1000_people(gpt3_co2_without_pue, co2_target_1000_people):
    return gpt3_co2_without_pue / (co2_target_1000_people * Q_(1, "year"))


@estimate(unit="percent", sig=2,
          label="Part de l'objectif annuel d'émissions du groupe de référence prise par Llama 3",
          formula="émissions des deux modèles Llama 3 ÷ (objectif annuel de mille personnes × un an)")
def llama3_total_share_of_target_1000_people(llama3_total_co2, co2_target_1000_people):
    return llama3_total_co2 / (co2_target_1000_people * Q_(1, "year"))


@estimate(unit="tCO2e", sig=3,
          label="Émissions de l'entraînement final de BLOOM, fabrication du matériel comprise",
          formula="fabrication + électricité des calculs + électricité au repos")
def bloom_total_co2(bloom_embodied_co2, bloom_dynamic_co2, bloom_idle_co2):
    return bloom_embodied_co2 + bloom_dynamic_co2 + bloom_idle_co2


@estimate(unit="percent", sig=2,
          label="Part de la fabrication du matériel dans les émissions de l'entraînement de BLOOM",
          formula="émissions de fabrication ÷ émissions totales")
def bloom_embodied_share(bloom_embodied_co2, bloom_total_co2):
    return bloom_embodied_co2 / bloom_total_co2
