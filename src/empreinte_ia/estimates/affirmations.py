"""Comparisons that only the verification of the source documents needs."""

from ..registry import estimate


@estimate(unit="image/query", sig=2,
          label="Images standard de Stable Diffusion 3 Medium dont l'énergie égale celle d'une "
                "réponse de Llama 3.1 405B",
          formula="énergie d'une réponse de Llama 3.1 405B ÷ énergie d'une image standard")
def llama405b_vs_sd3_energy(llama31_405b_energy, sd3_medium_energy):
    return llama31_405b_energy / sd3_medium_energy
