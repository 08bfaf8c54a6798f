"""Manufacturing against use: a smartphone and a laptop over their life in France (ADEME's
Impact CO2 data), and the embodied emissions of the GPU servers that trained BLOOM
(Luccioni et al. 2022, section 4.1)."""

from __future__ import annotations

from ..registry import estimate
from ..units import Q_

# --- Everyday devices: manufacturing, use over their life, end of life ------------------------


@estimate(unit="kgCO2e", sig=2,
          label="Émissions de fabrication d'un smartphone moyen, assemblage et distribution compris",
          formula="construction + assemblage et distribution")
def smartphone_manufacturing_co2(smartphone_construction_co2, smartphone_distribution_co2):
    return smartphone_construction_co2 + smartphone_distribution_co2


@estimate(unit="kgCO2e", sig=2,
          label="Émissions de l'usage d'un smartphone moyen en France sur sa durée d'usage",
          formula="émissions annuelles de l'usage × durée d'usage")
def smartphone_use_co2_life(smartphone_use_co2_per_year, smartphone_use_years):
    return smartphone_use_co2_per_year * smartphone_use_years


@estimate(unit="kgCO2e", sig=2,
          label="Émissions d'un smartphone moyen sur tout son cycle de vie, usage en France",
          formula="fabrication + usage sur la durée d'usage + fin de vie")
def smartphone_lifecycle_co2(smartphone_manufacturing_co2, smartphone_use_co2_life,
                             smartphone_end_of_life_co2):
    return smartphone_manufacturing_co2 + smartphone_use_co2_life + smartphone_end_of_life_co2


@estimate(unit="percent", sig=2,
          label="Part de la fabrication dans les émissions d'un smartphone sur son cycle de vie",
          formula="fabrication ÷ cycle de vie complet")
def smartphone_manufacturing_share(smartphone_manufacturing_co2, smartphone_lifecycle_co2):
    return smartphone_manufacturing_co2 / smartphone_lifecycle_co2


@estimate(unit="year", sig=2,
          label="Années d'usage en France dont l'électricité émettrait autant que la fabrication "
                "d'un smartphone",
          formula="émissions de fabrication ÷ émissions annuelles de l'usage")
def smartphone_use_years_for_manufacturing(smartphone_manufacturing_co2,
                                           smartphone_use_co2_per_year):
    return smartphone_manufacturing_co2 / smartphone_use_co2_per_year


@estimate(unit="kgCO2e", sig=2,
          label="Émissions de fabrication d'un ordinateur portable moyen, assemblage et "
                "distribution compris",
          formula="construction + assemblage et distribution")
def laptop_manufacturing_co2(laptop_construction_co2, laptop_distribution_co2):
    return laptop_construction_co2 + laptop_distribution_co2


@estimate(unit="kgCO2e", sig=2,
          label="Émissions de l'usage d'un ordinateur portable moyen en France sur sa durée d'usage",
          formula="émissions annuelles de l'usage × durée d'usage")
def laptop_use_co2_life(laptop_use_co2_per_year, laptop_use_years):
    return laptop_use_co2_per_year * laptop_use_years


@estimate(unit="kgCO2e", sig=2,
          label="Émissions d'un ordinateur portable moyen sur tout son cycle de vie, usage en France",
          formula="fabrication + usage sur la durée d'usage + fin de vie")
def laptop_lifecycle_co2(laptop_manufacturing_co2, laptop_use_co2_life, laptop_end_of_life_co2):
    return laptop_manufacturing_co2 + laptop_use_co2_life + laptop_end_of_life_co2


@estimate(unit="percent", sig=2,
          label="Part de la fabrication dans les émissions d'un ordinateur portable sur son cycle "
                "de vie",
          formula="fabrication ÷ cycle de vie complet")
def laptop_manufacturing_share(laptop_manufacturing_co2, laptop_lifecycle_co2):
    return laptop_manufacturing_co2 / laptop_lifecycle_co2


@estimate(unit="year", sig=2,
          label="Années d'usage en France dont l'électricité émettrait autant que la fabrication "
                "d'un ordinateur portable",
          formula="émissions de fabrication ÷ émissions annuelles de l'usage")
def laptop_use_years_for_manufacturing(laptop_manufacturing_co2, laptop_use_co2_per_year):
    return laptop_manufacturing_co2 / laptop_use_co2_per_year


# --- The GPU servers that trained BLOOM ------------------------------------------------------


@estimate(unit="gpu/server", sig=1,
          label="GPU par serveur (nœud de calcul) pendant l'entraînement de BLOOM",
          formula="nombre de GPU ÷ nombre de serveurs")
def bloom_gpus_per_server(bloom_gpu_count, bloom_server_count):
    return bloom_gpu_count / bloom_server_count


@estimate(unit="kgCO2e/server", sig=2,
          label="Émissions de fabrication d'un serveur de Jean Zay avec ses GPU A100, selon les "
                "hypothèses de Luccioni et al.",
          formula="fabrication du serveur + GPU par serveur × fabrication d'un GPU")
def gpu_server_embodied_co2(bloom_server_embodied_co2, bloom_gpus_per_server,
                            bloom_gpu_embodied_co2):
    return bloom_server_embodied_co2 + bloom_gpus_per_server * bloom_gpu_embodied_co2


@estimate(unit="dimensionless", sig=2,
          label="Smartphones dont la fabrication émet autant que celle d'un serveur à GPU",
          formula="fabrication d'un serveur avec ses GPU ÷ fabrication d'un smartphone "
                  "(un serveur)")
def gpu_server_vs_smartphones(gpu_server_embodied_co2, smartphone_manufacturing_co2):
    return gpu_server_embodied_co2 * Q_(1, "server") / smartphone_manufacturing_co2


@estimate(unit="dimensionless", sig=2,
          label="Ordinateurs portables dont la fabrication émet autant que celle d'un serveur à GPU",
          formula="fabrication d'un serveur avec ses GPU ÷ fabrication d'un ordinateur portable "
                  "(un serveur)")
def gpu_server_vs_laptops(gpu_server_embodied_co2, laptop_manufacturing_co2):
    return gpu_server_embodied_co2 * Q_(1, "server") / laptop_manufacturing_co2


@estimate(unit="gCO2e/(gpu*h)", sig=2,
          label="Émissions de fabrication imputées à chaque heure-GPU de l'entraînement de BLOOM "
                "(part du serveur comprise)",
          formula="(fabrication du serveur ÷ GPU par serveur + fabrication d'un GPU) "
                  "÷ (durée de renouvellement × taux d'utilisation)")
def bloom_embodied_per_gpu_hour(bloom_server_embodied_co2, bloom_gpus_per_server,
                                bloom_gpu_embodied_co2, bloom_hardware_lifetime,
                                bloom_hardware_usage_rate):
    per_gpu = bloom_server_embodied_co2 / bloom_gpus_per_server + bloom_gpu_embodied_co2
    return per_gpu / (bloom_hardware_lifetime * bloom_hardware_usage_rate)


@estimate(unit="tCO2e", sig=3,
          label="Émissions de fabrication imputées à l'entraînement de BLOOM, recalculées depuis "
                "les hypothèses de la section 4.1",
          formula="émissions de fabrication par heure-GPU × heures-GPU de l'entraînement")
def bloom_embodied_recomputed(bloom_embodied_per_gpu_hour, bloom_gpu_hours):
    return bloom_embodied_per_gpu_hour * bloom_gpu_hours


@estimate(unit="percent", sig=2,
          label="Part de la vie utile des serveurs de Jean Zay consommée par l'entraînement de BLOOM",
          formula="heures-GPU de l'entraînement ÷ (nombre de GPU × durée de renouvellement "
                  "× taux d'utilisation)")
def bloom_training_share_of_server_life(bloom_gpu_hours, bloom_gpu_count, bloom_hardware_lifetime,
                                        bloom_hardware_usage_rate):
    return bloom_gpu_hours / (bloom_gpu_count * bloom_hardware_lifetime * bloom_hardware_usage_rate)
