"""Uses of a model: energy per query across sources, a local model, a user's day, human work."""

from ..registry import estimate
from ..units import Q_


# -- one query, several sources ---------------------------------------------------------------
@estimate(unit="MWh/day", sig=3,
          label="Électricité quotidienne des serveurs de ChatGPT selon de Vries (2023)",
          formula="serveurs × puissance d'un serveur, pendant une journée")
def devries_daily_energy(devries_servers, devries_server_power):
    return devries_servers * devries_server_power


@estimate(unit="Wh/query", sig=2,
          label="Énergie d'une requête à ChatGPT recalculée depuis les hypothèses de de Vries",
          formula="électricité quotidienne des serveurs ÷ requêtes par jour",
          scope={"frontiere": ["A", "B"], "utilisation": "supposee", "statistique": "moyenne",
                 "modele": "ChatGPT (GPT-3.5, début 2023)",
                 "version": "Joule 7(10), octobre 2023", "methode": "publiee"})
def devries_energy_recomputed(devries_daily_energy, devries_requests_per_day):
    return devries_daily_energy / devries_requests_per_day


@estimate(unit="dimensionless", sig=2,
          label="Requête à ChatGPT (de Vries 2023) rapportée à une recherche Google (2009)",
          formula="énergie d'une requête selon de Vries ÷ énergie d'une recherche Google",
          perimetres="differents")
def chatgpt_vs_google_devries(devries_chatgpt_energy, google_search_energy):
    return devries_chatgpt_energy / google_search_energy


@estimate(unit="dimensionless", sig=2,
          label="Requête à ChatGPT (Epoch AI 2025) rapportée à une recherche Google (2009)",
          formula="énergie d'une requête selon Epoch AI ÷ énergie d'une recherche Google",
          perimetres="differents")
def chatgpt_vs_google_epoch(chatgpt_energy_epoch, google_search_energy):
    return chatgpt_energy_epoch / google_search_energy


@estimate(unit="dimensionless", sig=2,
          label="Estimation de 2023 rapportée à celle de 2025 pour une requête à ChatGPT, au même "
                "périmètre",
          formula="énergie selon de Vries × facteur du surcoût du centre de données (que de Vries "
                  "ne compte pas) ÷ énergie selon Epoch AI",
          perimetres="convertis", conversion=("scope_factor_overhead",))
def devries_vs_epoch(devries_chatgpt_energy, scope_factor_overhead, chatgpt_energy_epoch):
    return devries_chatgpt_energy * scope_factor_overhead / chatgpt_energy_epoch


@estimate(unit="dimensionless", sig=2,
          label="Requête à Gemini : périmètre complet rapporté aux accélérateurs seuls",
          formula="énergie au périmètre complet ÷ énergie des accélérateurs actifs",
          perimetres="ecart")
def gemini_scope_ratio(gemini_energy_comprehensive, gemini_energy_narrow):
    return gemini_energy_comprehensive / gemini_energy_narrow


@estimate(unit="gCO2e/kWh", sig=2,
          label="Émissions par kWh implicites dans la mesure de Google",
          formula="émissions d'une requête ÷ énergie d'une requête (périmètre complet)")
def gemini_carbon_per_kwh(gemini_co2_per_query, gemini_energy_comprehensive):
    return gemini_co2_per_query / gemini_energy_comprehensive


@estimate(unit="gCO2e/kWh", sig=2,
          label="Émissions par kWh implicites dans le chiffre de Google de 2009",
          formula="émissions d'une recherche ÷ énergie d'une recherche")
def google_search_carbon_per_kwh(google_search_co2, google_search_energy):
    return google_search_co2 / google_search_energy


@estimate(unit="gCO2e/query", sig=2,
          label="Émissions d'une requête à ChatGPT (Epoch AI) avec l'électricité américaine moyenne",
          formula="énergie d'une requête selon Epoch AI × intensité carbone des États-Unis",
          scope={"frontiere": ["A", "B", "D"], "utilisation": "supposee",
                 "statistique": "typique", "jetons_sortie": 500, "modele": "GPT-4o",
                 "carbone": "lieu", "version": "article du 7 février 2025",
                 "methode": "publiee"})
def chatgpt_co2_epoch_us(chatgpt_energy_epoch, carbon_intensity_us):
    return chatgpt_energy_epoch * carbon_intensity_us


@estimate(unit="word/query", sig=3,
          label="Mots produits par une requête courte de l'étude GPT-4o",
          formula="jetons en sortie d'une requête courte × mots par jeton (OpenAI)")
def gpt4o_short_output_words(gpt4o_short_output_tokens, openai_words_per_token):
    return gpt4o_short_output_tokens * openai_words_per_token


# -- one user's day ---------------------------------------------------------------------------
@estimate(unit="Wh/day/user", sig=2,
          label="Énergie quotidienne d'un utilisateur de ChatGPT selon de Vries (2023)",
          formula="énergie d'une requête selon de Vries × requêtes par jour d'un utilisateur")
def user_daily_devries(devries_chatgpt_energy, chatgpt_queries_per_user_day):
    return devries_chatgpt_energy * chatgpt_queries_per_user_day


@estimate(unit="Wh/day/user", sig=2,
          label="Énergie quotidienne d'un utilisateur de ChatGPT selon Epoch AI (2025)",
          formula="énergie d'une requête selon Epoch AI × requêtes par jour d'un utilisateur")
def user_daily_epoch(chatgpt_energy_epoch, chatgpt_queries_per_user_day):
    return chatgpt_energy_epoch * chatgpt_queries_per_user_day


@estimate(unit="Wh/day/user", sig=2,
          label="Énergie quotidienne d'un utilisateur au rythme de ChatGPT, avec la mesure de Gemini",
          formula="énergie d'une requête à Gemini × requêtes par jour d'un utilisateur")
def user_daily_gemini(gemini_energy_comprehensive, chatgpt_queries_per_user_day):
    return gemini_energy_comprehensive * chatgpt_queries_per_user_day


@estimate(unit="gCO2e/day/user", sig=2,
          label="Émissions quotidiennes d'un utilisateur au rythme de ChatGPT, avec la mesure de Gemini",
          formula="émissions d'une requête à Gemini × requêtes par jour d'un utilisateur")
def user_daily_co2_gemini(gemini_co2_per_query, chatgpt_queries_per_user_day):
    return gemini_co2_per_query * chatgpt_queries_per_user_day


@estimate(unit="gCO2e/day/user", sig=2,
          label="Émissions quotidiennes d'un utilisateur de GPT-4o, requêtes courtes",
          formula="énergie quotidienne (requêtes courtes) × intensité carbone de l'électricité Azure")
def user_daily_co2_gpt4o(gpt4o_daily_short, azure_carbon_intensity):
    return gpt4o_daily_short * azure_carbon_intensity


@estimate(unit="mL/day/user", sig=2,
          label="Eau consommée chaque jour par un utilisateur au rythme de ChatGPT, avec la mesure de Gemini",
          formula="eau d'une requête à Gemini × requêtes par jour d'un utilisateur")
def user_daily_water_gemini(gemini_water_per_query, chatgpt_queries_per_user_day):
    return gemini_water_per_query * chatgpt_queries_per_user_day


# -- a local model on a home graphics card ----------------------------------------------------
@estimate(unit="Wh/day", sig=2,
          label="Énergie quotidienne d'une RTX 3080 au rythme du billet de blog",
          formula="puissance de la carte × durée d'utilisation quotidienne")
def local_gpu_daily(rtx3080_power, local_gpu_hours_per_day):
    return rtx3080_power * local_gpu_hours_per_day


@estimate(unit="kWh/year", sig=3,
          label="Énergie annuelle d'un modèle local, avec la puissance du billet de blog",
          formula="puissance selon le billet × durée d'usage quotidienne du billet × jours d'une année")
def local_gpu_year_blog(local_gpu_power_blog, local_gpu_hours_per_day):
    return local_gpu_power_blog * local_gpu_hours_per_day


@estimate(unit="kWh/year", sig=3,
          label="Énergie annuelle d'une RTX 3080 au rythme du billet de blog",
          formula="puissance de la carte × durée d'usage quotidienne du billet × jours d'une année")
def local_gpu_year(local_gpu_daily):
    return local_gpu_daily


@estimate(unit="kgCO2e/year", sig=2,
          label="Émissions annuelles d'un modèle local avec l'électricité américaine",
          formula="énergie annuelle (puissance du billet) × intensité carbone des États-Unis")
def local_gpu_co2_us(local_gpu_year_blog, carbon_intensity_us):
    return local_gpu_year_blog * carbon_intensity_us


@estimate(unit="kgCO2e/year", sig=2,
          label="Émissions annuelles d'un modèle local avec l'électricité française",
          formula="énergie annuelle (puissance du billet) × intensité carbone de la France")
def local_gpu_co2_france(local_gpu_year_blog, carbon_intensity_france):
    return local_gpu_year_blog * carbon_intensity_france


@estimate(unit="kgCO2e/kWh", sig=2,
          label="Intensité carbone implicite dans les chiffres du billet de blog",
          formula="émissions annoncées ÷ énergie annoncée, bornes ensemble (basse ÷ basse, haute ÷ haute)")
def local_gpu_implied_intensity(local_gpu_claimed_co2, local_gpu_claimed_energy):
    return local_gpu_claimed_co2.together(local_gpu_claimed_energy, lambda a, b: a / b)


# -- human work, for scale --------------------------------------------------------------------
@estimate(unit="minute", sig=2,
          label="Durée de frappe du texte de la comparaison avec le travail humain",
          formula="mots du texte ÷ vitesse de frappe")
def human_text_minutes(human_text_words, human_typing_speed):
    return human_text_words / human_typing_speed


@estimate(unit="Wh", sig=2,
          label="Énergie de l'ordinateur portable pendant la frappe du texte de la comparaison avec le travail humain",
          formula="durée de frappe × puissance d'un ordinateur portable")
def human_text_laptop_energy(human_text_minutes, laptop_power):
    return human_text_minutes * laptop_power


@estimate(unit="Wh", sig=2,
          label="Énergie du métabolisme d'un adulte pendant la frappe du texte de la comparaison "
                "avec le travail humain",
          formula="durée de frappe × puissance du métabolisme")
def human_text_metabolic_energy(human_text_minutes, human_metabolic_power):
    return human_text_minutes * human_metabolic_power


@estimate(unit="dimensionless", sig=2,
          label="Énergie de l'ordinateur d'un rédacteur rapportée à une requête courte à GPT-4o",
          formula="énergie de l'ordinateur portable pendant la frappe ÷ énergie d'une requête courte "
                  "(valeurs centrales)")
def human_vs_gpt4o(human_text_laptop_energy, gpt4o_energy_short):
    return human_text_laptop_energy.central() / (gpt4o_energy_short.central() * Q_(1, "query"))
