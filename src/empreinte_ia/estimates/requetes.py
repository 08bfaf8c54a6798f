"""Per-query figures 2023–2026 brought to one scope: the factors of each stage of the ladder,
and figures recomputed from the assumptions their authors published."""

from ..registry import estimate
from ..units import Q_
from ..value import Value

# -- factors from one boundary to the next (Google's breakdown, other sources for the range) ----


@estimate(unit="dimensionless", sig=2,
          label="Facteur entre l'énergie des accélérateurs mesurée sur banc d'essai et en service réel",
          formula="part des accélérateurs × énergie complète ÷ énergie des accélérateurs seuls "
                  "(Google) ; au plus bas, aucune correction",
          perimetres="ecart")
def scope_factor_production(gemini_share_accelerators, gemini_energy_comprehensive,
                            gemini_energy_narrow):
    mid = (gemini_share_accelerators * gemini_energy_comprehensive / gemini_energy_narrow).to("")
    return Value.of(mid.mid, Q_(1, ""), mid.mid)


@estimate(unit="dimensionless", sig=2,
          label="Facteur qui ajoute le serveur hôte (processeur, mémoire) aux accélérateurs",
          formula="(accélérateurs + hôte) ÷ accélérateurs (Google) ; au plus bas, puissance du "
                  "serveur hors GPU d'EcoLogits rapportée à huit GPU H100")
def scope_factor_host(gemini_share_accelerators, gemini_share_host, ecologits_server_power,
                      ecologits_gpus_per_server, llama3_gpu_power):
    mid = ((gemini_share_accelerators + gemini_share_host) / gemini_share_accelerators).to("")
    low = (1 + ecologits_server_power / (ecologits_gpus_per_server * llama3_gpu_power)).to("")
    return Value.of(mid.mid, low.mid, mid.mid)


@estimate(unit="dimensionless", sig=2,
          label="Facteur qui ajoute la capacité en réserve au serveur",
          formula="(accélérateurs + hôte + réserve) ÷ (accélérateurs + hôte) (Google) ; au plus "
                  "bas, aucune réserve")
def scope_factor_idle(gemini_share_accelerators, gemini_share_host, gemini_share_idle):
    served = gemini_share_accelerators + gemini_share_host
    mid = ((served + gemini_share_idle) / served).to("")
    return Value.of(mid.mid, Q_(1, ""), mid.mid)


@estimate(unit="dimensionless", sig=3,
          label="Facteur qui ajoute le surcoût du centre de données (PUE)",
          formula="total ÷ (accélérateurs + hôte + réserve) (Google) ; au plus haut, PUE retenu "
                  "par EcoLogits pour OpenAI")
def scope_factor_overhead(gemini_share_accelerators, gemini_share_host, gemini_share_idle,
                          gemini_share_overhead, ecologits_pue_openai):
    it = gemini_share_accelerators + gemini_share_host + gemini_share_idle
    mid = ((it + gemini_share_overhead) / it).to("")
    return Value.of(mid.mid, mid.mid, ecologits_pue_openai.mid)


# -- figures recomputed from their authors' assumptions ------------------------------------------
FLOP_PER_PARAMETER_TOKEN = Q_(2, "1/parameter/token")  # a forward pass: two operations
ONE_GPU = Q_(1, "gpu")


@estimate(unit="Wh/query", sig=2,
          label="Énergie d'une requête typique à GPT-4o recalculée avec les hypothèses d'Epoch AI",
          formula="2 × paramètres actifs × jetons ÷ (puissance de calcul × utilisation) × "
                  "puissance par GPU × fraction appelée × PUE",
          scope={"frontiere": ["A", "B", "D"], "utilisation": "supposee",
                 "statistique": "typique", "jetons_sortie": 500, "modele": "GPT-4o",
                 "version": "article du 7 février 2025 et son tableur", "methode": "publiee"})
def epoch_energy_recomputed(epoch_active_parameters, epoch_output_tokens, epoch_gpu_peak,
                            epoch_utilization, epoch_power_per_gpu, epoch_power_adjustment,
                            epoch_pue):
    seconds = (epoch_active_parameters * epoch_output_tokens * FLOP_PER_PARAMETER_TOKEN
               / (epoch_gpu_peak * epoch_utilization))
    return seconds * epoch_power_per_gpu * ONE_GPU * epoch_power_adjustment * epoch_pue


@estimate(unit="J/query", sig=2,
          label="Énergie GPU d'une réponse de conversation de Llama 3.1 8B (ML.ENERGY v3.0)",
          formula="énergie par jeton (H100, lot de 64) × longueur moyenne d'une réponse",
          scope={"frontiere": ["A"], "utilisation": "banc", "statistique": "moyenne",
                 "jetons_sortie": 717, "modele": "Llama 3.1 8B",
                 "version": "ML.ENERGY Leaderboard v3.0 (décembre 2025)", "methode": "publiee"})
def mlenergy_llama8b_per_response(mlenergy_llama8b_energy_per_token, mlenergy_chat_output_tokens):
    return mlenergy_llama8b_energy_per_token * mlenergy_chat_output_tokens


@estimate(unit="MWh/day", sig=2,
          label="Électricité quotidienne de ChatGPT avec le chiffre d'OpenAI par requête",
          formula="énergie moyenne d'une requête (Altman) × requêtes quotidiennes (juillet 2025)")
def chatgpt_daily_energy_altman(altman_chatgpt_energy, chatgpt_queries_per_day_2025):
    return altman_chatgpt_energy * chatgpt_queries_per_day_2025


@estimate(unit="GWh/year", sig=2,
          label="Électricité annuelle de ChatGPT avec le chiffre d'OpenAI par requête",
          formula="électricité quotidienne × jours d'une année")
def chatgpt_yearly_energy_altman(chatgpt_daily_energy_altman):
    return chatgpt_daily_energy_altman
