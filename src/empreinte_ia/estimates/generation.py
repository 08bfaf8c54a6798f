"""Text, images, videos: the MIT Technology Review measurements and the marathon scenario."""

from ..registry import estimate
from ..units import Q_
from ..value import Value


# -- microwave equivalents --------------------------------------------------------------------
@estimate(unit="s", sig=2,
          label="Durée de micro-ondes équivalente à une réponse de Llama 3.1 8B",
          formula="énergie d'une réponse ÷ puissance d'un four à micro-ondes")
def llama31_8b_microwave(llama31_8b_energy, microwave_power):
    return llama31_8b_energy * Q_(1, "query") / microwave_power


@estimate(unit="s", sig=2,
          label="Durée de micro-ondes équivalente à une réponse de Llama 3.1 405B",
          formula="énergie d'une réponse ÷ puissance d'un four à micro-ondes")
def llama31_405b_microwave(llama31_405b_energy, microwave_power):
    return llama31_405b_energy * Q_(1, "query") / microwave_power


@estimate(unit="s", sig=2,
          label="Durée de micro-ondes équivalente à une image standard de Stable Diffusion 3 Medium",
          formula="énergie d'une image ÷ puissance d'un four à micro-ondes")
def sd3_medium_microwave(sd3_medium_energy, microwave_power):
    return sd3_medium_energy * Q_(1, "image") / microwave_power


@estimate(unit="s", sig=2,
          label="Durée de micro-ondes équivalente à une image de qualité améliorée (plus d'étapes de diffusion)",
          formula="énergie d'une image en 50 étapes ÷ puissance d'un four à micro-ondes")
def sd3_medium_50steps_microwave(sd3_medium_50steps_energy, microwave_power):
    return sd3_medium_50steps_energy * Q_(1, "image") / microwave_power


@estimate(unit="minute", sig=2,
          label="Durée de micro-ondes équivalente à une vidéo de CogVideoX",
          formula="énergie d'une vidéo ÷ puissance d'un four à micro-ondes")
def cogvideox_microwave(cogvideox_energy, microwave_power):
    return cogvideox_energy * Q_(1, "video") / microwave_power


# -- comparisons between tasks ----------------------------------------------------------------
@estimate(unit="Wh/video", sig=2,
          label="Énergie d'une vidéo de CogVideoX, en wattheures",
          formula="énergie d'une vidéo, convertie en wattheures",
          scope={"frontiere": ["A", "B", "D"], "utilisation": "banc", "statistique": "une_requete",
                 "modele": "CogVideoX (vidéo de cinq secondes)",
                 "version": "article du 20 mai 2025", "methode": "publiee"})
def cogvideox_energy_wh(cogvideox_energy):
    return cogvideox_energy


@estimate(unit="J/query", sig=2,
          label="Énergie du seul GPU pour une réponse de Llama 3.1 8B",
          formula="énergie publiée ÷ facteur appliqué pour le reste du serveur",
          scope={"frontiere": ["A"], "utilisation": "banc", "statistique": "moyenne",
                 "modele": "Llama 3.1 8B", "version": "article du 20 mai 2025",
                 "methode": "publiee"})
def llama31_8b_gpu_only(llama31_8b_energy, nongpu_factor):
    return llama31_8b_energy / nongpu_factor


@estimate(unit="dimensionless", sig=1,
          label="Paramètres de Llama 3.1 405B rapportés à ceux de Llama 3.1 8B (tailles nominales, arrondies)",
          formula="paramètres du grand modèle ÷ paramètres du petit")
def llama31_size_ratio(llama31_405b_parameters, llama31_8b_parameters):
    return llama31_405b_parameters / llama31_8b_parameters


@estimate(unit="dimensionless", sig=2,
          label="Énergie d'une réponse de Llama 3.1 405B rapportée à celle de Llama 3.1 8B",
          formula="énergie d'une réponse du grand modèle ÷ celle du petit")
def llama31_energy_ratio(llama31_405b_energy, llama31_8b_energy):
    return llama31_405b_energy / llama31_8b_energy


@estimate(unit="dimensionless", sig=2,
          label="Énergie d'une image de qualité améliorée (plus d'étapes de diffusion) rapportée à celle d'une image "
                "standard",
          formula="énergie en 50 étapes ÷ énergie standard")
def sd3_steps_energy_ratio(sd3_medium_50steps_energy, sd3_medium_energy):
    return sd3_medium_50steps_energy / sd3_medium_energy


@estimate(unit="dimensionless", sig=2,
          label="Réponse de Llama 3.1 405B rapportée à une image standard",
          formula="énergie d'une réponse du grand modèle × 1 requête ÷ (énergie d'une image × 1 image)")
def llama405b_vs_image(llama31_405b_energy, sd3_medium_energy):
    return (llama31_405b_energy * Q_(1, "query")) / (sd3_medium_energy * Q_(1, "image"))


@estimate(unit="dimensionless", sig=2,
          label="Vidéo de CogVideoX rapportée à une image de qualité améliorée",
          formula="énergie d'une vidéo × 1 vidéo ÷ (énergie d'une image en 50 étapes × 1 image)")
def video_vs_image(cogvideox_energy, sd3_medium_50steps_energy):
    return (cogvideox_energy * Q_(1, "video")) / (sd3_medium_50steps_energy * Q_(1, "image"))


@estimate(unit="dimensionless", sig=2,
          label="Vidéo de CogVideoX rapportée à une réponse de Llama 3.1 8B",
          formula="énergie d'une vidéo × 1 vidéo ÷ (énergie d'une réponse × 1 requête)")
def video_vs_small_text(cogvideox_energy, llama31_8b_energy):
    return (cogvideox_energy * Q_(1, "video")) / (llama31_8b_energy * Q_(1, "query"))


@estimate(unit="pixel/image", sig=3,
          label="Pixels d'une image générée au format standard",
          formula="largeur × hauteur, en pixels")
def image_pixels(image_width_pixels, image_height_pixels):
    return image_width_pixels * image_height_pixels * Q_(1, "image/pixel")


@estimate(unit="kJ/s", sig=2,
          label="Énergie par seconde de vidéo générée par CogVideoX",
          formula="énergie d'une vidéo ÷ durée de la vidéo")
def video_energy_per_second(cogvideox_energy, cogvideox_duration):
    return cogvideox_energy / cogvideox_duration


# -- the marathon scenario --------------------------------------------------------------------
@estimate(unit="Wh", sig=2,
          label="Énergie des questions du scénario du marathon",
          formula="questions × énergie d'une réponse (Llama 3.1 405B ; bas : Llama 3.1 8B)")
def marathon_text_energy(marathon_text_queries, llama31_8b_energy, llama31_405b_energy):
    small = marathon_text_queries * llama31_8b_energy
    large = marathon_text_queries * llama31_405b_energy
    return Value(large.mid, small.mid, large.mid)


@estimate(unit="Wh", sig=2,
          label="Énergie des questions du scénario du marathon avec le petit modèle",
          formula="questions × énergie d'une réponse de Llama 3.1 8B")
def marathon_text_energy_small(marathon_text_queries, llama31_8b_energy):
    return marathon_text_queries * llama31_8b_energy


@estimate(unit="Wh", sig=2,
          label="Énergie des images du scénario du marathon en qualité améliorée",
          formula="images × énergie d'une image en 50 étapes")
def marathon_image_energy_fine(marathon_images, sd3_medium_50steps_energy):
    return marathon_images * sd3_medium_50steps_energy


@estimate(unit="Wh", sig=2,
          label="Énergie des images du scénario du marathon",
          formula="images × énergie d'une image standard (haut : en 50 étapes)")
def marathon_image_energy(marathon_images, sd3_medium_energy, sd3_medium_50steps_energy):
    standard = marathon_images * sd3_medium_energy
    fine = marathon_images * sd3_medium_50steps_energy
    return Value(standard.mid, standard.mid, fine.mid)


@estimate(unit="kWh", sig=2,
          label="Énergie des vidéos du scénario du marathon",
          formula="vidéos × énergie d'une vidéo de CogVideoX")
def marathon_video_energy(marathon_videos, cogvideox_energy):
    return marathon_videos * cogvideox_energy


@estimate(unit="kWh", sig=2,
          label="Énergie totale du scénario du marathon",
          formula="énergie des questions + des images + des vidéos")
def marathon_total_energy(marathon_text_energy, marathon_image_energy, marathon_video_energy):
    return marathon_text_energy + marathon_image_energy + marathon_video_energy


@estimate(unit="percent", sig=2,
          label="Part des vidéos dans l'énergie du scénario du marathon",
          formula="énergie des vidéos ÷ énergie totale (valeurs centrales)")
def marathon_video_share(marathon_video_energy, marathon_total_energy):
    return marathon_video_energy.central() / marathon_total_energy.central()


@estimate(unit="km", sig=2,
          label="Distance en voiture électrique équivalente au scénario du marathon",
          formula="énergie totale ÷ consommation d'une voiture électrique")
def marathon_ev_km(marathon_total_energy, ev_consumption):
    return marathon_total_energy / ev_consumption


@estimate(unit="km", sig=2,
          label="Distance publiée par le MIT Technology Review, convertie en kilomètres",
          formula="distance publiée en miles, convertie en kilomètres (1 mile = 1,609 344 km)")
def marathon_ev_distance_published_km(marathon_ev_distance_published):
    return marathon_ev_distance_published


@estimate(unit="Wh/km", sig=2,
          label="Consommation de voiture électrique implicite dans l'équivalence de l'article",
          formula="énergie totale du scénario ÷ distance publiée (valeurs centrales)")
def odonnell_implied_ev_consumption(marathon_total_energy, marathon_ev_distance_published):
    return marathon_total_energy.central() / marathon_ev_distance_published


@estimate(unit="h", sig=2,
          label="Durée de micro-ondes équivalente au scénario du marathon",
          formula="énergie totale ÷ puissance d'un four à micro-ondes")
def marathon_microwave(marathon_total_energy, microwave_power):
    return marathon_total_energy / microwave_power
