"""How generative AI works: model sizes, storage by number format, machines, data."""

from ..registry import estimate
from ..units import Q_

_STORAGE_FORMULA = "nombre de paramètres × octets par paramètre ({})"


def _storage(params, bytes_per_param):
    return params * bytes_per_param


# -- Llama 3 8B ---------------------------------------------------------------------------

@estimate("llama3_8b_storage_fp32", unit="Go", sig=2,
          label="Taille des poids de Llama 3 8B en fp32",
          formula=_STORAGE_FORMULA.format("fp32"))
def llama3_8b_storage_fp32(llama3_8b_parameter_count, bytes_per_parameter_fp32):
    return _storage(llama3_8b_parameter_count, bytes_per_parameter_fp32)


@estimate("llama3_8b_storage_bf16", unit="Go", sig=2,
          label="Taille des poids de Llama 3 8B en bf16",
          formula=_STORAGE_FORMULA.format("bf16"))
def llama3_8b_storage_bf16(llama3_8b_parameter_count, bytes_per_parameter_bf16):
    return _storage(llama3_8b_parameter_count, bytes_per_parameter_bf16)


@estimate("llama3_8b_storage_4bit", unit="Go", sig=2,
          label="Taille des poids de Llama 3 8B quantifiés en int4",
          formula=_STORAGE_FORMULA.format("4 bits"))
def llama3_8b_storage_4bit(llama3_8b_parameter_count, bytes_per_parameter_4bit):
    return _storage(llama3_8b_parameter_count, bytes_per_parameter_4bit)


@estimate("llama3_8b_storage_2bit", unit="Go", sig=2,
          label="Taille des poids de Llama 3 8B quantifiés en int2",
          formula=_STORAGE_FORMULA.format("2 bits"))
def llama3_8b_storage_2bit(llama3_8b_parameter_count, bytes_per_parameter_2bit):
    return _storage(llama3_8b_parameter_count, bytes_per_parameter_2bit)


# -- Llama 3 70B --------------------------------------------------------------------------

@estimate("llama3_70b_storage_fp32", unit="Go", sig=2,
          label="Taille des poids de Llama 3 70B en fp32",
          formula=_STORAGE_FORMULA.format("fp32"))
def llama3_70b_storage_fp32(llama3_70b_parameter_count, bytes_per_parameter_fp32):
    return _storage(llama3_70b_parameter_count, bytes_per_parameter_fp32)


@estimate("llama3_70b_storage_bf16", unit="Go", sig=2,
          label="Taille des poids de Llama 3 70B en bf16",
          formula=_STORAGE_FORMULA.format("bf16"))
def llama3_70b_storage_bf16(llama3_70b_parameter_count, bytes_per_parameter_bf16):
    return _storage(llama3_70b_parameter_count, bytes_per_parameter_bf16)


@estimate("llama3_70b_storage_4bit", unit="Go", sig=2,
          label="Taille des poids de Llama 3 70B quantifiés en int4",
          formula=_STORAGE_FORMULA.format("4 bits"))
def llama3_70b_storage_4bit(llama3_70b_parameter_count, bytes_per_parameter_4bit):
    return _storage(llama3_70b_parameter_count, bytes_per_parameter_4bit)


@estimate("llama3_70b_storage_2bit", unit="Go", sig=2,
          label="Taille des poids de Llama 3 70B quantifiés en int2",
          formula=_STORAGE_FORMULA.format("2 bits"))
def llama3_70b_storage_2bit(llama3_70b_parameter_count, bytes_per_parameter_2bit):
    return _storage(llama3_70b_parameter_count, bytes_per_parameter_2bit)


# -- Other models ---------------------------------------------------------------------------

@estimate("gpt2_storage_fp32", unit="Go", sig=2,
          label="Taille des poids de GPT-2 (plus grande version) en fp32",
          formula=_STORAGE_FORMULA.format("fp32"))
def gpt2_storage_fp32(gpt2_parameters, bytes_per_parameter_fp32):
    return _storage(gpt2_parameters, bytes_per_parameter_fp32)


@estimate("gpt3_storage_bf16", unit="Go", sig=2,
          label="Taille des poids de GPT-3 en bf16",
          formula=_STORAGE_FORMULA.format("16 bits"))
def gpt3_storage_bf16(gpt3_parameters, bytes_per_parameter_bf16):
    return _storage(gpt3_parameters, bytes_per_parameter_bf16)


@estimate("switch_c_vs_gpt3_parameters", unit="dimensionless", sig=1,
          label="Paramètres de Switch-C rapportés à ceux de GPT-3 (tailles arrondies)",
          formula="paramètres de Switch-C ÷ paramètres de GPT-3")
def switch_c_vs_gpt3_parameters(switch_c_parameter_count, gpt3_parameters):
    return switch_c_parameter_count / gpt3_parameters


# -- Which machine ---------------------------------------------------------------------------

@estimate("llama3_8b_4bit_laptop_share", unit="percent", sig=2,
          label="Part de la mémoire d'un portable occupée par Llama 3 8B en int4",
          formula="taille de Llama 3 8B sur 4 bits ÷ mémoire vive d'un portable")
def llama3_8b_4bit_laptop_share(llama3_8b_storage_4bit, laptop_memory):
    return llama3_8b_storage_4bit / laptop_memory


@estimate("llama3_8b_bf16_laptop_share", unit="percent", sig=2,
          label="Part de la mémoire d'un portable occupée par Llama 3 8B en bf16",
          formula="taille de Llama 3 8B en bf16 ÷ mémoire vive d'un portable")
def llama3_8b_bf16_laptop_share(llama3_8b_storage_bf16, laptop_memory):
    return llama3_8b_storage_bf16 / laptop_memory


@estimate("llama3_8b_bf16_rtx3080_ratio", unit="gpu", sig=2,
          label="Cartes RTX 3080 dont la mémoire suffit à contenir Llama 3 8B en bf16",
          formula="taille de Llama 3 8B en bf16 ÷ mémoire d'une RTX 3080")
def llama3_8b_bf16_rtx3080_ratio(llama3_8b_storage_bf16, rtx3080_memory):
    return llama3_8b_storage_bf16 / rtx3080_memory


@estimate("llama3_70b_bf16_h100_ratio", unit="gpu", sig=2,
          label="Cartes H100 dont la mémoire suffit à contenir Llama 3 70B en bf16",
          formula="taille de Llama 3 70B en bf16 ÷ mémoire d'un H100")
def llama3_70b_bf16_h100_ratio(llama3_70b_storage_bf16, h100_memory):
    return llama3_70b_storage_bf16 / h100_memory


@estimate("llama3_70b_4bit_h100_ratio", unit="gpu", sig=2,
          label="Cartes H100 dont la mémoire suffit à contenir Llama 3 70B en int4",
          formula="taille de Llama 3 70B sur 4 bits ÷ mémoire d'un H100")
def llama3_70b_4bit_h100_ratio(llama3_70b_storage_4bit, h100_memory):
    return llama3_70b_storage_4bit / h100_memory


# -- Learning from examples -------------------------------------------------------------------

@estimate("instructgpt_labelled_prompts", unit="query", sig=2,
          label="Consignes annotées à la main pour InstructGPT (réponses rédigées et classements)",
          formula="consignes avec réponse rédigée + consignes avec réponses classées")
def instructgpt_labelled_prompts(instructgpt_sft_prompts, instructgpt_rm_prompts):
    return instructgpt_sft_prompts + instructgpt_rm_prompts


@estimate("instructgpt_pairwise_comparisons", unit="dimensionless", sig=2,
          label="Comparaisons par paires tirées des classements humains d'InstructGPT",
          formula="consignes classées × K(K − 1)/2, K réponses classées par consigne")
def instructgpt_pairwise_comparisons(instructgpt_rm_prompts, instructgpt_responses_per_prompt):
    k = instructgpt_responses_per_prompt
    pairs = k.together(k - 1, lambda a, b: a * b / 2)
    return instructgpt_rm_prompts * pairs / Q_(1, "query")


@estimate("instructgpt_human_judgements", unit="dimensionless", sig=2,
          label="Jugements humains recueillis pour InstructGPT (réponses rédigées et comparaisons)",
          formula="consignes avec réponse rédigée + comparaisons par paires")
def instructgpt_human_judgements(instructgpt_sft_prompts, instructgpt_pairwise_comparisons):
    return instructgpt_sft_prompts / Q_(1, "query") + instructgpt_pairwise_comparisons


@estimate("tokens_per_word_english", unit="token/word", sig=2,
          label="Jetons par mot anglais selon OpenAI",
          formula="1 ÷ mots par jeton")
def tokens_per_word_english(openai_words_per_token):
    return 1 / openai_words_per_token
