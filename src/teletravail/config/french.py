"""The French of the document format: a description of each table and of each key.

The format is described once, in English, by its :class:`~teletravail.documents.Table`
and :class:`~teletravail.documents.Key` objects (:mod:`teletravail.config.format`);
their French is kept here, in one place: :data:`TABLES_FR` by the table's name,
:data:`KEYS_FR` by the table's and the key's names. The commented starter documents
(:mod:`teletravail.presets.starter`) write it, and a test checks that every table and key
of the format has its French (:func:`~teletravail.presets.starter.missing_french`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["KEYS_FR", "TABLES_FR"]

#: French for each table of the format, by the table's name.
TABLES_FR: Final[Mapping[str, str]] = {
    "policy": "Le dispositif de télétravail d'une collectivité ou d'un employeur.",
    "period": "Les jours où le dispositif s'applique (bornes comprises).",
    "source": "Un texte dont vient une règle ou une valeur.",
    "calendar": "Les jours travaillés\u00a0: les jours fériés de la France ou d'une de ses "
    "subdivisions, avec des ajustements.",
    "leave": "Les congés supposés pour les agents dont on ne connaît pas les absences (en "
    "jours, ou en semaines travaillées).",
    "seniority.minimum": "Une ancienneté minimale chez l'employeur à la date de référence.",
    "working_time.minimum": "Une quotité de travail d'au moins cette part du temps plein.",
    "role.excluded": "Les agents de ces fonctions, ou portant ces étiquettes, sont exclus.",
    "commute_distance.minimum": "Un trajet domicile-travail (aller simple) d'au moins "
    "cette distance.",
    "commute_time.minimum": "Un temps de trajet domicile-travail (aller simple) d'au moins "
    "cette durée.",
    "volunteer": "L'agent s'est porté candidat (le télétravail est volontaire).",
    "post.teleworkable": "Le poste de l'agent est jugé télétravaillable.",
    "derogation.active": "L'agent bénéficie d'une dérogation en cours de l'un de ces types.",
    "quota": "Le volume de télétravail autorisé par semaine.",
    "floating": "Un volume de jours flottants de télétravail (décret n° 2020-524).",
    "caps": "Des plafonds sur les jours de télétravail eux-mêmes, à part du quota "
    "hebdomadaire et des montants.",
    "derogation": "Ce qu'autorise une dérogation d'un type donné tant qu'elle est en cours.",
    "part_time": "Un plafond hebdomadaire plus bas pour les quotités comprises entre low et "
    "high\u00a0; sans low ni high, pour tout agent à temps partiel (toute quotité sous "
    "100\u00a0%).",
    "one_off": "Un montant versé une seule fois (les 100\u00a0€ du Lot au démarrage).",
    "per_day": "Un montant par jour de télétravail, avec un plafond facultatif (le forfait "
    "télétravail).",
    "dated values": "Une valeur en vigueur à partir d'une date (jusqu'à une date de fin, "
    "bornes comprises).",
    "dated parameter": "Un paramètre nommé, avec ses valeurs datées.",
    "monthly_flat": "Un montant par mois pour chaque jour hebdomadaire de télétravail (le "
    "forfait mensuel de l'URSSAF).",
    "employer_cost": "Ce que l'employeur dépense par télétravailleur, sans le verser à "
    "l'agent (l'équipement).",
    "selection": "Des places attribuées parmi les agents éligibles, classés selon une colonne.",
    "impact": "Les hypothèses déclarées de l'estimation d'impact.",
    "rebound": "L'effet rebond retranché des émissions évitées.",
    "authorisation": "Les conditions des autorisations individuelles\u00a0: leur durée, leur "
    "renouvellement, la période d'adaptation et le délai de prévenance pour y mettre fin. Un "
    "délai que ces conditions ne fixent pas est celui du cadre national.",
    "population": "Un groupe d'agents qui suit ses propres règles\u00a0: eligibility, quota, "
    "places et allowance remplacent celles du dispositif pour ses agents (une clé non écrite "
    "garde celle du dispositif). concerned = false met le groupe hors du dispositif\u00a0: "
    "ses agents ne sont pas concernés, ce qui n'est pas un refus.",
    "members": "Qui appartient à une population\u00a0: toutes les conditions écrites sont "
    "remplies, et une liste l'est par l'un de ses noms. Une table vide désigne tous les agents.",
    "working time band": "Les quotités de low à high, bornes comprises.",
    "contract_type.excluded": "Les agents de ces types de contrat sont exclus (un agent dont "
    "le type de contrat n'est pas renseigné ne l'est pas).",
    "activities.excluded": "Les agents qui exercent l'une de ces activités sont exclus (un "
    "agent dont les activités ne sont pas renseignées ne l'est pas).",
    "activities.teleworkable_share": "Une part minimale du temps de travail consacrée à des "
    "activités télétravaillables (l'accord-cadre de 2021 fonde le télétravail sur les "
    "activités, non sur les postes)\u00a0; des activités non renseignées ne la remplissent "
    "pas.",
}

_SOURCE_FR = "le texte qui le fixe"
_CRITERION_SOURCE_FR = "le texte qui fixe le critère"

#: French for each key of the format, by (table name, key name).
KEYS_FR: Final[Mapping[tuple[str, str], str]] = {
    ("policy", "format"): "toujours 'teletravail.policy'",
    ("policy", "version"): "la version du format",
    ("policy", "name"): "le nom du dispositif",
    ("policy", "territory"): "l'employeur ou la collectivité",
    ("policy", "description"): "ce qu'est le dispositif\u00a0; sa première ligne le résume",
    ("policy", "period"): "quand le dispositif s'applique",
    ("policy", "places"): "où\u00a0: domicile, télécentre (ou tiers-lieu), site de "
    "l'employeur, autre lieu privé",
    ("policy", "sources"): "les textes dont vient le dispositif",
    ("policy", "calendar"): "les jours travaillés (par défaut\u00a0: ceux de la France)",
    ("policy", "leave"): "les congés supposés là où les absences ne sont pas connues (25 jours "
    "par défaut)",
    ("policy", "sector"): "le secteur de l'employeur\u00a0: public (la fonction publique, par "
    "défaut) ou private (privé)\u00a0; le cadre de la fonction publique ne s'applique pas à "
    "un employeur privé",
    ("policy", "asks"): "une demande que le quota n'autorise pas est refusée (refuse, par "
    "défaut) ou réduite à ce qu'il autorise (reduce)",
    ("policy", "eligibility"): "qui peut télétravailler",
    ("policy", "quota"): "combien de télétravail",
    ("policy", "allowance"): "ce qui est versé, ligne par ligne",
    ("policy", "selection"): "comment les places sont attribuées parmi les agents éligibles",
    ("policy", "impact"): "les hypothèses de l'estimation d'impact",
    ("period", "start"): "son premier jour",
    ("period", "end"): "son dernier jour (par défaut\u00a0: sans fin)",
    ("source", "id"): "un nom par lequel le reste du document le cite",
    ("source", "cites"): "un texte du catalogue de la bibliothèque, que cette source précise (son "
    "titre, sa publication et sa date sont ceux du catalogue)",
    ("source", "title"): "le texte cité\u00a0: une loi, une délibération, un article "
    "(obligatoire sans cites)",
    ("source", "publication"): "pour un article, le journal, le magazine ou le site qui l'a publié",
    ("source", "date"): "pour un article, le jour de sa publication",
    ("source", "article"): "d'un texte juridique, l'article ou les articles cités\u00a0: 3, "
    "ou 2, 2-1",
    ("source", "amended_by"): "le titre du texte qui a donné à l'article la rédaction citée",
    ("source", "version"): "le jour de la rédaction citée, quand c'en est une antérieure",
    ("source", "implements"): "le titre du texte pour l'application duquel il est pris",
    ("source", "journal"): "le jour de sa publication au Journal officiel",
    ("source", "in_force"): "le jour de son entrée en vigueur",
    ("source", "reference"): "un autre identifiant ou une partie du texte, écrit tel quel",
    ("source", "url"): "où le lire",
    ("source", "note"): "une précision, écrite telle quelle",
    ("source", "unconfirmed"): "true pour une valeur tirée d'une seule source secondaire",
    ("calendar", "country"): "le pays\u00a0: la France (ses subdivisions donnent "
    "l'Alsace-Moselle et les départements d'outre-mer)",
    ("calendar", "subdivision"): "une subdivision de la France, par code ou par "
    "nom\u00a0: 57 (Moselle), 6AE (Alsace, ou 67 et 68), Alsace-Moselle, 971 (Guadeloupe)…",
    ("calendar", "extra_days_off"): "d'autres jours non travaillés",
    ("calendar", "worked_holidays"): "des jours fériés travaillés (une journée de solidarité)",
    ("leave", "days"): "jours de congé par an, à temps plein",
    ("leave", "weeks_worked"): "semaines travaillées par an",
    ("leave", "source"): "le texte dont elle vient",
    ("seniority.minimum", "minimum"): "l'ancienneté requise",
    ("seniority.minimum", "source"): _CRITERION_SOURCE_FR,
    ("working_time.minimum", "minimum"): "la quotité de travail requise",
    ("working_time.minimum", "source"): _CRITERION_SOURCE_FR,
    ("role.excluded", "roles"): "les codes de fonction exclus",
    ("role.excluded", "tags"): "les étiquettes exclues",
    ("role.excluded", "source"): _CRITERION_SOURCE_FR,
    ("commute_distance.minimum", "minimum"): "la distance requise",
    ("commute_distance.minimum", "source"): _CRITERION_SOURCE_FR,
    ("commute_time.minimum", "minimum"): "la durée requise",
    ("commute_time.minimum", "source"): _CRITERION_SOURCE_FR,
    ("volunteer", "source"): _CRITERION_SOURCE_FR,
    ("post.teleworkable", "source"): _CRITERION_SOURCE_FR,
    ("derogation.active", "kinds"): "les types de dérogation pris en compte",
    ("derogation.active", "source"): _CRITERION_SOURCE_FR,
    ("quota", "name"): "un nom pour le quota",
    ("quota", "maximum"): "le plafond hebdomadaire",
    ("quota", "minimum"): "le minimum qu'un agent peut demander",
    ("quota", "on_site_minimum"): "la présence minimale sur site, comptée sur les jours travaillés",
    ("quota", "granularity"): "des journées entières (day, jour) ou aussi des demi-journées "
    "(halfday, demi-journée)",
    ("quota", "assessed"): "sur quelle durée les plafonds s'apprécient\u00a0: la semaine "
    "(week, semaine) ou le mois (month, mois)",
    ("quota", "floating"): "des jours flottants sous la même autorisation",
    ("quota", "modality"): "des jours fixes, des jours flottants seulement, ou les deux (les "
    "jours flottants en plus, dans la limite du maximum hebdomadaire)\u00a0; par "
    "défaut\u00a0: fixes, ou mixte avec un volume de jours flottants",
    ("quota", "caps"): "des plafonds de jours par semaine, par mois et par an",
    ("quota", "derogations"): "les dérogations au-delà du plafond",
    ("quota", "part_time"): "des plafonds plus bas pour des tranches de quotité",
    ("quota", "full_week"): "les jours d'une semaine à temps plein (5 par défaut)",
    ("quota", "source"): "le texte qui fixe le quota",
    ("floating", "volume"): "les jours de chaque période",
    ("floating", "per"): "la période",
    ("floating", "source"): _SOURCE_FR,
    ("caps", "week"): "le nombre maximal de jours par semaine (ISO)",
    ("caps", "month"): "le nombre maximal de jours par mois civil",
    ("caps", "year"): "le nombre maximal de jours par année civile",
    ("caps", "source"): "le texte qui les fixe",
    ("derogation", "kind"): "le type",
    ("derogation", "duration"): "sa durée la plus longue avant un renouvellement (par "
    "défaut\u00a0: sans limite)",
    ("derogation", "renewable"): "si elle peut être renouvelée (par défaut\u00a0: oui)",
    ("derogation", "renewals"): "le nombre maximal de renouvellements après le premier octroi"
    " (par défaut\u00a0: sans limite)",
    ("derogation", "maximum"): "le plafond (par défaut\u00a0: tous les jours)",
    ("derogation", "source"): "le texte qui la fixe",
    ("part_time", "low"): "la quotité la plus basse de la tranche (0\u00a0% par défaut)",
    ("part_time", "high"): "la quotité la plus haute de la tranche, sous 100\u00a0% (par "
    "défaut\u00a0: toute quotité sous 100\u00a0%)",
    ("part_time", "maximum"): "le plafond dans la tranche",
    ("part_time", "source"): _SOURCE_FR,
    ("one_off", "name"): "le nom de la ligne",
    ("one_off", "amount"): "le montant",
    ("one_off", "places"): "versé seulement pour le télétravail dans ces lieux",
    ("one_off", "source"): _SOURCE_FR,
    ("per_day", "name"): "le nom de la ligne",
    ("per_day", "rate"): "le montant par jour",
    ("per_day", "cap"): "le plafond",
    ("per_day", "cap_per"): "la période du plafond (l'année par défaut)",
    ("per_day", "places"): "les lieux où un jour est payé",
    ("per_day", "source"): _SOURCE_FR,
    ("dated values", "start"): "le premier jour où la valeur s'applique",
    ("dated values", "end"): "le dernier jour où elle s'applique (par défaut\u00a0: jusqu'à "
    "la suivante)",
    ("dated values", "value"): "la valeur",
    ("dated values", "source"): "le texte qui la fixe (par défaut\u00a0: le document)",
    ("dated values", "note"): "une précision, par exemple «\u00a0unconfirmed\u00a0» (non "
    "confirmée)",
    ("dated parameter", "name"): "le nom du paramètre",
    ("dated parameter", "description"): "ce qu'il est",
    ("dated parameter", "dimension"): "sa dimension, par exemple '[currency] / [workday]'",
    ("dated parameter", "values"): "ses valeurs, par date de début",
    ("monthly_flat", "name"): "le nom de la ligne",
    ("monthly_flat", "rate"): "le montant par mois pour chaque jour hebdomadaire de télétravail",
    ("monthly_flat", "source"): _SOURCE_FR,
    ("employer_cost", "name"): "ce que c'est",
    ("employer_cost", "amount"): "le montant par télétravailleur",
    ("employer_cost", "source"): _SOURCE_FR,
    ("selection", "seats"): "le nombre de places",
    ("selection", "rank_by"): "la colonne qui classe les agents",
    ("selection", "descending"): "les plus grandes valeurs d'abord (par défaut\u00a0: true)",
    ("selection", "name"): "le nom de la campagne",
    ("impact", "speed"): "convertit la distance en temps",
    ("impact", "cost_per_km"): "donne un prix à la distance évitée",
    ("impact", "rebound"): "l'effet rebond (aucun par défaut)",
    ("impact", "factors"): "des facteurs d'émission remplaçant ceux de l'ADEME, par mode",
    ("rebound", "kind"): "quel effet rebond",
    ("rebound", "per_day"): "les émissions par jour de télétravail (type per_day)",
    ("rebound", "source"): "l'étude dont il vient",
    ("policy", "authorisation"): "les conditions des autorisations individuelles",
    ("policy", "populations"): "des groupes d'agents qui suivent leurs propres règles\u00a0; "
    "un agent appartient au premier qui le désigne, et un agent d'aucun groupe n'est pas "
    "concerné",
    ("authorisation", "duration"): "la durée d'une autorisation, par exemple «\u00a01 an\u00a0» "
    "(par défaut\u00a0: sans limite)",
    ("authorisation", "renewal"): "son renouvellement à échéance\u00a0: par décision expresse, "
    "ou tacite sauf avis contraire de l'une des parties (par défaut\u00a0: pas de "
    "renouvellement)\u00a0; suppose une durée",
    ("authorisation", "max_renewals"): "le nombre maximal de renouvellements (par défaut\u00a0: "
    "sans limite)\u00a0: un an renouvelé au plus 2 fois dure 3 ans en tout\u00a0; suppose un "
    "renouvellement",
    ("authorisation", "decision_before"): "la décision de renouvellement est prise au plus tard "
    "ce délai avant l'échéance, par exemple «\u00a01 mois\u00a0»\u00a0; suppose un "
    "renouvellement",
    ("authorisation", "answer_within"): "le délai de réponse écrite à une demande, à compter de "
    "sa réception ou de la clôture d'une campagne de demandes, par exemple «\u00a01 mois\u00a0» "
    "(par défaut\u00a0: celui du cadre)",
    ("authorisation", "adaptation"): "la période d'adaptation au début, par exemple «\u00a03 "
    "mois\u00a0» (par défaut\u00a0: aucune)",
    ("authorisation", "notice_agent"): "le délai de prévenance quand l'agent met fin au "
    "télétravail",
    ("authorisation", "notice_employer"): "le délai de prévenance quand l'employeur met fin au "
    "télétravail",
    ("authorisation", "notice_adaptation"): "le délai de prévenance, de part et d'autre, pendant "
    "la période d'adaptation, par exemple «\u00a01 mois\u00a0»",
    ("authorisation", "employer_may_shorten"): "l'employeur peut réduire son délai pour une "
    "nécessité de service motivée (par défaut\u00a0: non)",
    ("authorisation", "source"): "le texte qui fixe ces conditions",
    ("per_day", "national"): "le paramètre national versé, dont les valeurs datées suivent "
    "celles de la bibliothèque",
    ("per_day", "branch"): "le versant de la fonction publique, pour un paramètre qui en "
    "dépend (le forfait\u00a0: son plafond de 2024)",
    ("monthly_flat", "national"): "le paramètre national versé, dont les valeurs datées "
    "suivent celles de la bibliothèque",
    ("monthly_flat", "branch"): "le versant de la fonction publique, pour un paramètre qui en "
    "dépend (le forfait\u00a0: son plafond de 2024)",
    ("population", "name"): "le nom de la population, unique dans le document",
    ("population", "description"): "qui en fait partie",
    ("population", "members"): "qui lui appartient (par défaut\u00a0: tous les agents)",
    ("population", "concerned"): "false\u00a0: hors du dispositif (par défaut\u00a0: true)",
    ("population", "eligibility"): "qui d'entre eux peut télétravailler (par défaut\u00a0: la "
    "règle du dispositif)",
    ("population", "quota"): "combien de télétravail (par défaut\u00a0: le quota du dispositif)",
    ("population", "places"): "où (par défaut\u00a0: les lieux du dispositif)",
    ("population", "allowance"): "ce qui est versé (par défaut\u00a0: ce que verse le dispositif)",
    ("population", "source"): "le texte qui fixe les règles de la population",
    ("members", "roles"): "la fonction de l'agent est l'une de celles-ci",
    ("members", "tags"): "l'agent porte l'une de ces étiquettes",
    ("members", "categories"): "la catégorie de l'agent est l'une de celles-ci (A, B, C)",
    ("members", "contract_types"): "le contrat de l'agent est l'un de ceux-ci (fonctionnaire, "
    "contractuel, apprenti…)",
    ("members", "establishments"): "l'établissement ou le site de l'agent est l'un de ceux-ci",
    ("members", "part_time"): "true\u00a0: tout agent à temps partiel (sous 100\u00a0%)\u00a0; "
    "false\u00a0: les seuls agents à temps plein",
    ("members", "working_time"): "la quotité de l'agent est dans cette plage",
    ("working time band", "low"): "la quotité la plus basse (par défaut 0\u00a0%)",
    ("working time band", "high"): "la quotité la plus haute (par défaut 100\u00a0%)",
    ("contract_type.excluded", "contract_types"): "les types de contrat exclus, en français ou "
    "en anglais («\u00a0apprenti\u00a0», «\u00a0stagiaire école\u00a0», «\u00a0doctorant "
    "contractuel\u00a0»\u00a0; «\u00a0stagiaire\u00a0» seul est ambigu)",
    ("contract_type.excluded", "source"): _CRITERION_SOURCE_FR,
    ("activities.excluded", "activities"): "les activités exclues",
    ("activities.excluded", "source"): _CRITERION_SOURCE_FR,
    ("activities.teleworkable_share", "minimum"): "la part minimale, par exemple "
    "«\u00a050\u00a0%\u00a0» (par défaut 50\u00a0%)",
    ("activities.teleworkable_share", "not_teleworkable"): "les activités qui ne se "
    "télétravaillent pas",
    ("activities.teleworkable_share", "source"): _CRITERION_SOURCE_FR,
}
