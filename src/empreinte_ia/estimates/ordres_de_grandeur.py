"""Orders of magnitude: carbon intensity of electricity, French nuclear output, per-person
electricity and emissions, the 1,000-people yardsticks of the lecture slides."""

from ..registry import estimate
from ..units import Q_


@estimate("us_vs_france_carbon_ratio", unit="dimensionless", sig=2,
          label="Intensité carbone de l'électricité américaine rapportée à celle de la France",
          formula="intensité carbone aux États-Unis ÷ intensité carbone en France")
def us_vs_france_carbon_ratio(carbon_intensity_us, carbon_intensity_france):
    return carbon_intensity_us / carbon_intensity_france


@estimate("us_dc_vs_france_carbon_ratio", unit="dimensionless", sig=2,
          label="Intensité carbone de l'électricité des centres de données américains rapportée "
                "à celle de la France",
          formula="intensité carbone des centres de données américains ÷ intensité carbone en France")
def us_dc_vs_france_carbon_ratio(us_dc_carbon_intensity, carbon_intensity_france):
    return us_dc_carbon_intensity / carbon_intensity_france


@estimate("french_nuclear_emissions_2019", unit="tCO2e/year", sig=4,
          label="Émissions (cycle de vie) de la production nucléaire française de 2019",
          formula="production nucléaire annuelle × intensité carbone du nucléaire")
def french_nuclear_emissions_2019(french_nuclear_output_2019, nuclear_carbon_intensity):
    return french_nuclear_output_2019 * nuclear_carbon_intensity


@estimate("french_electricity_per_person", unit="kWh/year/person", sig=2,
          label="Électricité domestique annuelle d'une personne en France",
          formula="électricité annuelle d'un foyer ÷ personnes par ménage")
def french_electricity_per_person(french_household_electricity, french_household_size):
    return french_household_electricity / french_household_size


@estimate("french_electricity_co2_per_person", unit="kgCO2e/year/person", sig=2,
          label="Émissions annuelles de l'électricité domestique d'une personne en France",
          formula="électricité domestique par personne × intensité carbone en France")
def french_electricity_co2_per_person(french_electricity_per_person, carbon_intensity_france):
    return french_electricity_per_person * carbon_intensity_france


@estimate("us_grid_electricity_co2_per_person", unit="kgCO2e/year/person", sig=2,
          label="Émissions annuelles de la même électricité domestique produite aux États-Unis",
          formula="électricité domestique par personne (France) × intensité carbone aux États-Unis")
def us_grid_electricity_co2_per_person(french_electricity_per_person, carbon_intensity_us):
    return french_electricity_per_person * carbon_intensity_us


@estimate("electricity_co2_1000_people", unit="tCO2e/year", sig=2,
          label="Émissions annuelles de l'électricité domestique du groupe de référence en France",
          formula="émissions de l'électricité domestique par personne × taille du groupe")
def electricity_co2_1000_people(french_electricity_co2_per_person, reference_group_size):
    return french_electricity_co2_per_person * reference_group_size


@estimate("co2_target_1000_people", unit="tCO2e/year", sig=2,
          label="Objectif d'émissions annuelles du groupe de référence",
          formula="objectif par personne × taille du groupe")
def co2_target_1000_people(co2_target_per_person, reference_group_size):
    return co2_target_per_person * reference_group_size


@estimate("electricity_share_of_target", unit="percent", sig=2,
          label="Part de l'objectif annuel par personne prise par son électricité domestique",
          formula="émissions de l'électricité domestique par personne ÷ objectif par personne")
def electricity_share_of_target(french_electricity_co2_per_person, co2_target_per_person):
    return french_electricity_co2_per_person / co2_target_per_person


@estimate("flight_share_of_target", unit="percent", sig=2,
          label="Part de l'objectif annuel d'une personne prise par un aller-retour San Francisco–New York en avion",
          formula="émissions d'un aller-retour par passager ÷ objectif annuel par personne "
                  "(un vol, une personne, une année)")
def flight_share_of_target(flight_sf_ny_passenger, co2_target_per_person):
    return flight_sf_ny_passenger * Q_(1, "flight") / (co2_target_per_person
                                                      * Q_(1, "person*year"))


@estimate("nuclear_vs_france_carbon_ratio", unit="dimensionless", sig=2,
          label="Intensité carbone du réseau français rapportée à celle du seul nucléaire",
          formula="intensité carbone en France ÷ intensité carbone du nucléaire")
def nuclear_vs_france_carbon_ratio(carbon_intensity_france, nuclear_carbon_intensity):
    return carbon_intensity_france / nuclear_carbon_intensity


@estimate("french_household_co2", unit="kgCO2e/year/household", sig=2,
          label="Émissions annuelles de l'électricité d'un foyer français",
          formula="électricité annuelle d'un foyer × intensité carbone en France")
def french_household_co2(french_household_electricity, carbon_intensity_france):
    return french_household_electricity * carbon_intensity_france


@estimate("us_household_co2", unit="kgCO2e/year/household", sig=2,
          label="Émissions annuelles de l'électricité d'un foyer américain",
          formula="électricité annuelle d'un foyer américain × intensité carbone aux États-Unis")
def us_household_co2(us_household_electricity, carbon_intensity_us):
    return us_household_electricity * carbon_intensity_us


@estimate("carbon_intensity_france_grams", unit="gCO2e/kWh", sig=2,
          label="Intensité carbone de l'électricité en France, en grammes par kWh",
          formula="intensité carbone en France, convertie en g éq. CO₂/kWh")
def carbon_intensity_france_grams(carbon_intensity_france):
    return carbon_intensity_france


@estimate("carbon_intensity_us_grams", unit="gCO2e/kWh", sig=3,
          label="Intensité carbone de l'électricité aux États-Unis, en grammes par kWh",
          formula="intensité carbone aux États-Unis, convertie en g éq. CO₂/kWh")
def carbon_intensity_us_grams(carbon_intensity_us):
    return carbon_intensity_us


@estimate("azure_carbon_intensity_grams", unit="gCO2e/kWh", sig=2,
          label="Intensité carbone retenue pour Azure par Jegham et al., en grammes par kWh",
          formula="intensité carbone Azure, convertie en g éq. CO₂/kWh")
def azure_carbon_intensity_grams(azure_carbon_intensity):
    return azure_carbon_intensity


# -- a person in France: energy, carbon footprint, digital share ---------------------------
@estimate("fr_final_energy_per_person", unit="kWh/year/person", sig=2,
          label="Énergie finale consommée en un an par personne en France (2023)",
          formula="consommation finale d'énergie de la France ÷ population")
def fr_final_energy_per_person(fr_final_energy_2023, fr_population_2024):
    return fr_final_energy_2023 / fr_population_2024


@estimate("fr_primary_energy_per_person", unit="kWh/year/person", sig=2,
          label="Énergie primaire consommée en un an par personne en France (2023)",
          formula="consommation d'énergie primaire de la France ÷ population")
def fr_primary_energy_per_person(fr_primary_energy_2023, fr_population_2024):
    return fr_primary_energy_2023 / fr_population_2024


@estimate("fr_footprint_vs_target", unit="dimensionless", sig=2,
          label="Empreinte carbone moyenne d'une personne en France rapportée à l'objectif annuel",
          formula="empreinte carbone par personne ÷ objectif par personne")
def fr_footprint_vs_target(fr_carbon_footprint_per_person_2023, co2_target_per_person):
    return fr_carbon_footprint_per_person_2023 / co2_target_per_person


@estimate("fr_imported_share_2023", unit="percent", sig=2,
          label="Part des émissions importées dans l'empreinte carbone de la France (2023)",
          formula="émissions importées ÷ empreinte carbone")
def fr_imported_share_2023(fr_carbon_footprint_imported_2023, fr_carbon_footprint_2023):
    return fr_carbon_footprint_imported_2023 / fr_carbon_footprint_2023


@estimate("fr_digital_footprint_per_person", unit="kgCO2e/year/person", sig=2,
          label="Empreinte carbone du numérique par personne en France (part de 2022 appliquée à "
                "l'empreinte de 2023)",
          formula="empreinte carbone par personne × part du numérique dans l'empreinte")
def fr_digital_footprint_per_person(fr_carbon_footprint_per_person_2023, fr_digital_share_2022):
    return fr_carbon_footprint_per_person_2023 * fr_digital_share_2022


@estimate("fr_electricity_share_of_footprint", unit="percent", sig=2,
          label="Part de l'électricité domestique dans l'empreinte carbone moyenne d'une personne "
                "en France",
          formula="émissions de l'électricité domestique par personne ÷ empreinte carbone par "
                  "personne")
def fr_electricity_share_of_footprint(french_electricity_co2_per_person,
                                      fr_carbon_footprint_per_person_2023):
    return french_electricity_co2_per_person / fr_carbon_footprint_per_person_2023


@estimate("fr_footprint_after_heroic", unit="tCO2e/year/person", sig=2,
          label="Empreinte carbone moyenne d'une personne en France après tous les gestes "
                "individuels sans investissement",
          formula="empreinte carbone par personne × (1 − baisse due aux gestes individuels)")
def fr_footprint_after_heroic(fr_carbon_footprint_per_person_2023, individual_heroic_reduction):
    return fr_carbon_footprint_per_person_2023 * (1 - individual_heroic_reduction)


@estimate("fr_footprint_after_investment", unit="tCO2e/year/person", sig=2,
          label="Empreinte carbone moyenne d'une personne en France après gestes et "
                "investissements individuels",
          formula="empreinte carbone par personne × (1 − baisse due aux gestes et "
                  "investissements)")
def fr_footprint_after_investment(fr_carbon_footprint_per_person_2023,
                                  individual_with_investment_reduction):
    return fr_carbon_footprint_per_person_2023 * (1 - individual_with_investment_reduction)
