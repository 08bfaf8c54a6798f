"""Data centres: US electricity and water (LBNL 2024), world shares (IEA 2025), France, Nvidia."""

from ..registry import estimate

# -- US electricity ------------------------------------------------------------------------

@estimate("us_dc_growth_2023_vs_2016", unit="dimensionless", sig=2,
          label="Électricité des centres de données américains en 2023, rapportée à 2016",
          formula="électricité 2023 ÷ électricité du plateau 2014–2016")
def us_dc_growth_2023_vs_2016(us_dc_electricity_2023, us_dc_electricity_2016):
    return us_dc_electricity_2023 / us_dc_electricity_2016


@estimate("us_dc_growth_2028_vs_2016", unit="dimensionless", sig=2,
          label="Électricité des centres de données américains projetée pour 2028, rapportée à 2016",
          formula="électricité projetée pour 2028 (fourchette) ÷ électricité du plateau 2014–2016")
def us_dc_growth_2028_vs_2016(us_dc_electricity_2028, us_dc_electricity_2016):
    return us_dc_electricity_2028 / us_dc_electricity_2016


@estimate("us_dc_growth_2028_vs_2023", unit="dimensionless", sig=2,
          label="Électricité des centres de données américains projetée pour 2028, rapportée à 2023",
          formula="électricité projetée pour 2028 (fourchette) ÷ électricité 2023")
def us_dc_growth_2028_vs_2023(us_dc_electricity_2028, us_dc_electricity_2023):
    return us_dc_electricity_2028 / us_dc_electricity_2023


@estimate("us_dc_share_2016", unit="percent", sig=2,
          label="Part des centres de données dans l'électricité vendue aux États-Unis en 2016",
          formula="électricité des centres de données (plateau 2014–2016) ÷ ventes d'électricité 2016")
def us_dc_share_2016(us_dc_electricity_2016, us_electricity_retail_sales_2016):
    return us_dc_electricity_2016 / us_electricity_retail_sales_2016


@estimate("us_electricity_total_2023", unit="TWh/year", sig=2,
          label="Électricité consommée aux États-Unis en 2023, déduite de la part des centres de données",
          formula="électricité des centres de données en 2023 ÷ leur part de l'électricité du pays")
def us_electricity_total_2023(us_dc_electricity_2023, us_dc_share_2023):
    return us_dc_electricity_2023 / us_dc_share_2023


@estimate("us_residential_electricity_share_2023", unit="percent", sig=2,
          label="Part du secteur résidentiel dans l'électricité vendue aux États-Unis en 2023",
          formula="ventes d'électricité au résidentiel ÷ ventes d'électricité totales")
def us_residential_electricity_share_2023(us_residential_electricity_sales_2023,
                                          us_electricity_retail_sales_2023):
    return us_residential_electricity_sales_2023 / us_electricity_retail_sales_2023


@estimate("us_dc_2028_vs_residential", unit="percent", sig=2,
          label="Électricité des centres de données en 2028 rapportée à celle du résidentiel en 2023",
          formula="électricité projetée pour 2028 (fourchette) ÷ ventes d'électricité au résidentiel en 2023")
def us_dc_2028_vs_residential(us_dc_electricity_2028, us_residential_electricity_sales_2023):
    return us_dc_electricity_2028 / us_residential_electricity_sales_2023


@estimate("us_ai_share_2024", unit="percent", sig=2,
          label="Part des serveurs dédiés à l'IA dans l'électricité des centres de données américains (2024)",
          formula="électricité des serveurs d'IA (fourchette) ÷ électricité des centres de données en 2024")
def us_ai_share_2024(us_ai_server_electricity_2024, us_dc_electricity_2024):
    return us_ai_server_electricity_2024 / us_dc_electricity_2024


@estimate("us_dc_carbon_intensity", unit="kgCO2e/kWh", sig=2,
          label="Intensité carbone de l'électricité des centres de données américains",
          formula="intensité carbone moyenne aux États-Unis × (1 + surcroît des centres de données)")
def us_dc_carbon_intensity(carbon_intensity_us, dc_carbon_intensity_premium):
    return carbon_intensity_us * (1 + dc_carbon_intensity_premium)


# -- World shares (IEA) --------------------------------------------------------------------

@estimate("world_dc_share_rest", unit="percent", sig=2,
          label="Part du reste du monde dans l'électricité des centres de données (2024)",
          formula="100 % − parts des États-Unis, de la Chine et de l'Europe")
def world_dc_share_rest(world_dc_share_us, world_dc_share_china, world_dc_share_europe):
    return 1 - world_dc_share_us - world_dc_share_china - world_dc_share_europe


@estimate("world_dc_electricity_us", unit="TWh/year", sig=2,
          label="Électricité des centres de données des États-Unis selon l'AIE (2024)",
          formula="électricité mondiale des centres de données × part des États-Unis")
def world_dc_electricity_us(world_dc_electricity_2024, world_dc_share_us):
    return world_dc_electricity_2024 * world_dc_share_us


@estimate("world_dc_electricity_china", unit="TWh/year", sig=2,
          label="Électricité des centres de données de Chine selon l'AIE (2024)",
          formula="électricité mondiale des centres de données × part de la Chine")
def world_dc_electricity_china(world_dc_electricity_2024, world_dc_share_china):
    return world_dc_electricity_2024 * world_dc_share_china


@estimate("world_dc_electricity_europe", unit="TWh/year", sig=2,
          label="Électricité des centres de données d'Europe selon l'AIE (2024)",
          formula="électricité mondiale des centres de données × part de l'Europe")
def world_dc_electricity_europe(world_dc_electricity_2024, world_dc_share_europe):
    return world_dc_electricity_2024 * world_dc_share_europe


@estimate("world_dc_electricity_rest", unit="TWh/year", sig=2,
          label="Électricité des centres de données du reste du monde selon l'AIE (2024)",
          formula="électricité mondiale des centres de données × part du reste du monde")
def world_dc_electricity_rest(world_dc_electricity_2024, world_dc_share_rest):
    return world_dc_electricity_2024 * world_dc_share_rest


@estimate("world_dc_growth_2030_vs_2024", unit="dimensionless", sig=2,
          label="Électricité mondiale des centres de données en 2030, rapportée à 2024",
          formula="électricité projetée pour 2030 ÷ électricité 2024")
def world_dc_growth_2030_vs_2024(world_dc_electricity_2030, world_dc_electricity_2024):
    return world_dc_electricity_2030 / world_dc_electricity_2024


@estimate("largest_ai_datacenter_households", unit="household", sig=2,
          label="Foyers consommant autant qu'un des plus grands centres de données en construction",
          formula="foyers équivalents à un centre IA typique × facteur des plus grands centres")
def largest_ai_datacenter_households(ai_datacenter_households, largest_ai_datacenter_factor):
    return ai_datacenter_households * largest_ai_datacenter_factor


# -- Three Mile Island ---------------------------------------------------------------------

@estimate("tmi_max_annual_energy", unit="TWh/year", sig=2,
          label="Électricité produite en un an par le réacteur TMI-1 de Three Mile Island à pleine puissance",
          formula="puissance de la tranche × durée d'une année (plafond : sans arrêt ni maintenance)")
def tmi_max_annual_energy(tmi_unit1_power):
    return tmi_unit1_power


@estimate("tmi_max_households", unit="household", sig=2,
          label="Foyers américains alimentés par le réacteur TMI-1 de Three Mile Island à pleine puissance",
          formula="électricité annuelle maximale de la tranche ÷ électricité annuelle d'un foyer américain")
def tmi_max_households(tmi_max_annual_energy, us_household_electricity):
    return tmi_max_annual_energy / us_household_electricity


# -- Copper --------------------------------------------------------------------------------

@estimate("dc_copper_share_growth", unit="dimensionless", sig=2,
          label="Part des centres de données dans la demande de cuivre en 2050, rapportée à aujourd'hui",
          formula="part projetée pour 2050 (fourchette) ÷ part actuelle")
def dc_copper_share_growth(dc_copper_share_2050, dc_copper_share_2024):
    return dc_copper_share_2050 / dc_copper_share_2024


# -- France --------------------------------------------------------------------------------

@estimate("fr_dc_footprint_share_2020", unit="percent", sig=2,
          label="Part des centres de données dans l'empreinte carbone de la France en 2020",
          formula="part du numérique dans l'empreinte × part des centres de données dans le numérique")
def fr_dc_footprint_share_2020(fr_digital_share_2020, fr_digital_dc_part_2020):
    return fr_digital_share_2020 * fr_digital_dc_part_2020


@estimate("fr_dc_footprint_share_2022", unit="percent", sig=2,
          label="Part des centres de données dans l'empreinte carbone de la France en 2022",
          formula="part du numérique dans l'empreinte × part des centres de données dans le numérique")
def fr_dc_footprint_share_2022(fr_digital_share_2022, fr_digital_dc_part_2022):
    return fr_digital_share_2022 * fr_digital_dc_part_2022


@estimate("fr_digital_share_growth", unit="dimensionless", sig=2,
          label="Part du numérique dans l'empreinte carbone française : estimation 2022 ÷ estimation 2020",
          formula="part en 2022 ÷ part en 2020")
def fr_digital_share_growth(fr_digital_share_2022, fr_digital_share_2020):
    return fr_digital_share_2022 / fr_digital_share_2020


@estimate("fr_dc_footprint_growth", unit="dimensionless", sig=2,
          label="Part des centres de données dans l'empreinte française : estimation 2022 ÷ estimation 2020",
          formula="part des centres de données en 2022 ÷ part en 2020")
def fr_dc_footprint_growth(fr_dc_footprint_share_2022, fr_dc_footprint_share_2020):
    return fr_dc_footprint_share_2022 / fr_dc_footprint_share_2020


# -- US water ------------------------------------------------------------------------------

@estimate("us_dc_water_total_2023", unit="L/year", sig=3,
          label="Eau consommée par les centres de données américains en 2023, directe et indirecte",
          formula="eau consommée directement + eau consommée pour produire leur électricité")
def us_dc_water_total_2023(us_dc_water_direct_2023, us_dc_water_indirect_2023):
    return us_dc_water_direct_2023 + us_dc_water_indirect_2023


@estimate("us_dc_water_indirect_share", unit="percent", sig=2,
          label="Part de l'eau consommée pour produire l'électricité, dans l'eau totale des centres américains",
          formula="eau indirecte ÷ eau totale (directe + indirecte)")
def us_dc_water_indirect_share(us_dc_water_indirect_2023, us_dc_water_total_2023):
    return us_dc_water_indirect_2023 / us_dc_water_total_2023


@estimate("us_dc_water_hyperscale_2023", unit="L/year", sig=2,
          label="Eau consommée directement par les centres à hyper-échelle et en colocation (2023)",
          formula="eau consommée directement × part des centres à hyper-échelle et en colocation")
def us_dc_water_hyperscale_2023(us_dc_water_direct_2023, us_dc_water_hyperscale_share):
    return us_dc_water_direct_2023 * us_dc_water_hyperscale_share


@estimate("us_dc_water_growth_2023_vs_2014", unit="dimensionless", sig=2,
          label="Eau consommée directement par les centres américains en 2023, rapportée à 2014",
          formula="eau directe 2023 ÷ eau directe 2014")
def us_dc_water_growth_2023_vs_2014(us_dc_water_direct_2023, us_dc_water_direct_2014):
    return us_dc_water_direct_2023 / us_dc_water_direct_2014


@estimate("us_dc_water_direct_people", unit="person", sig=2,
          label="Américains dont l'eau domestique annuelle égale l'eau consommée directement par les centres",
          formula="eau consommée directement en un an ÷ eau domestique d'un Américain en un an")
def us_dc_water_direct_people(us_dc_water_direct_2023, us_water_per_person):
    return us_dc_water_direct_2023 / us_water_per_person


@estimate("us_dc_water_total_people", unit="person", sig=2,
          label="Américains dont l'eau domestique annuelle égale l'eau totale des centres de données",
          formula="eau totale (directe + indirecte) en un an ÷ eau domestique d'un Américain en un an")
def us_dc_water_total_people(us_dc_water_total_2023, us_water_per_person):
    return us_dc_water_total_2023 / us_water_per_person


@estimate("us_dc_water_population_share", unit="percent", sig=2,
          label="Ces Américains rapportés à la population des États-Unis",
          formula="personnes équivalentes (eau totale) ÷ population des États-Unis en 2023")
def us_dc_water_population_share(us_dc_water_total_people, us_population_2023):
    return us_dc_water_total_people / us_population_2023


@estimate("us_water_per_person_litres", unit="L/day/person", sig=3,
          label="Eau domestique consommée par un Américain et par jour, en litres",
          formula="consommation domestique par personne, convertie de gallons US en litres")
def us_water_per_person_litres(us_water_per_person):
    return us_water_per_person


# -- Nvidia --------------------------------------------------------------------------------

@estimate("nvidia_market_cap_growth", unit="dimensionless", sig=2,
          label="Capitalisation boursière de Nvidia en 2025, rapportée à celle du début de 2017",
          formula="capitalisation 2025 ÷ capitalisation début 2017")
def nvidia_market_cap_growth(nvidia_market_cap_2025, nvidia_market_cap_2017):
    return nvidia_market_cap_2025 / nvidia_market_cap_2017


@estimate("dc_copper_growth_2050", unit="dimensionless", sig=1,
          label="Croissance du cuivre utilisé chaque année par les centres de données d'ici 2050 "
                "(BHP)",
          formula="cuivre utilisé en 2050 ÷ cuivre utilisé aujourd'hui")
def dc_copper_growth_2050(dc_copper_use_2050, dc_copper_use_today):
    return dc_copper_use_2050 / dc_copper_use_today
