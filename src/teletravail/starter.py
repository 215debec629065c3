"""Starter documents: a commented policy document a territory edits, in French or English.

:func:`starter_document` writes a TOML policy document in which every key is explained by
a comment above it, in the chosen language: from a shipped preset (its values as the
preset writes them, its sources' ids kept), or from nothing (a minimal valid document
with every main section, the values to replace marked ``← to replace`` or ``← à
remplacer``, the optional sections commented out). :func:`commented` does the same for
any document's data, so that a document written by a program can be read by a person.

The English comments are the descriptions of the document format itself (the
:class:`~teletravail.config.Key` and :class:`~teletravail.config.Table` objects of
:mod:`teletravail.config`); their French is kept here, in one place, next to the key it
translates (:data:`KEYS_FR`, :data:`TABLES_FR`), and a test checks that every key of the
format has its French. Every written document reads back as the data it was written
from.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal

from teletravail import __version__, config
from teletravail.errors import ValidationError
from teletravail.messages import Phrase, choices

__all__ = [
    "KEYS_FR",
    "LANGS",
    "RULE_FORMS",
    "TABLES_FR",
    "blank_document",
    "commented",
    "missing_french",
    "starter_document",
]

Lang = Literal["en", "fr"]
#: The languages a starter is written in.
LANGS: Final = ("en", "fr")

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
    ("source", "title"): "le texte cité\u00a0: une loi, une délibération, un article",
    ("source", "publication"): "pour un article, le journal, le magazine ou le site qui l'a publié",
    ("source", "date"): "pour un article, le jour de sa publication",
    ("source", "reference"): "l'article, l'identifiant ou la partie du texte",
    ("source", "url"): "où le lire",
    ("source", "note"): "une précision\u00a0; «\u00a0unconfirmed\u00a0» signale une valeur "
    "tirée d'une seule source secondaire",
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

#: The forms of a rule, which are no key of a table: what each means, in both languages.
RULE_FORMS: Final[Mapping[str, Mapping[Lang, str]]] = {
    "all_of": {
        "en": "every rule of the list must pass",
        "fr": "toutes les règles de la liste doivent être remplies",
    },
    "any_of": {
        "en": "at least one rule of the list must pass",
        "fr": "au moins une règle de la liste doit être remplie",
    },
    "not": {"en": "the rule must not pass", "fr": "la règle ne doit pas être remplie"},
    "rule": {
        "en": "the rule, except where its exception (unless) passes",
        "fr": "la règle, sauf là où son exception (unless) est remplie",
    },
    "unless": {"en": "the exception to the rule", "fr": "l'exception à la règle"},
}

#: The commute modes of the emission factors, in words.
_MODES: Final[Mapping[str, Mapping[Lang, str]]] = {
    "car_thermal": {"en": "a car with a combustion engine", "fr": "d'une voiture thermique"},
    "car_electric": {"en": "an electric car", "fr": "d'une voiture électrique"},
    "motorbike": {"en": "a motorbike", "fr": "d'un deux-roues motorisé"},
    "bus": {"en": "a bus", "fr": "d'un bus"},
    "train_regional": {"en": "a regional train", "fr": "d'un train régional (TER)"},
    "tram": {"en": "a tram", "fr": "d'un tramway"},
    "bike": {"en": "a bike", "fr": "d'un vélo"},
    "walking": {"en": "walking", "fr": "de la marche"},
}

_TEXT: Final[Mapping[str, Mapping[Lang, str]]] = {
    "factor": {"en": "the emission factor of {mode}", "fr": "le facteur d'émission {mode}"},
    "replace": {"en": "← to replace", "fr": "← à remplacer"},
    "from": {
        "en": "A telework policy document, written from the preset {preset!r} of "
        "teletravail {version}, to adapt.",
        "fr": "Un dispositif de télétravail, écrit à partir du préréglage «\u00a0{preset}"
        "\u00a0» de teletravail {version}, à adapter.",
    },
    "blank": {
        "en": "A telework policy document to fill in, written by teletravail {version}. "
        'Values marked "← to replace" are examples: replace them with yours.',
        "fr": "Un dispositif de télétravail à compléter, écrit par teletravail {version}. "
        "Les valeurs marquées «\u00a0← à remplacer\u00a0» sont des exemples\u00a0: "
        "remplacez-les par les vôtres.",
    },
    "keys": {
        "en": "A comment above each key says what it means.",
        "fr": "Un commentaire au-dessus de chaque clé dit ce qu'elle signifie.",
    },
    "uncomment": {
        "en": "The optional sections are commented out: remove the first '#' of each of "
        "their lines to use them.",
        "fr": "Les sections facultatives sont en commentaire\u00a0: retirez le premier "
        "«\u00a0#\u00a0» de chacune de leurs lignes pour les utiliser.",
    },
    "units": {
        "en": 'Quantities are written with their unit, in English or French: "2 '
        'workday/week", "2.88 EUR/workday", "2 jours/semaine", "2,88 €/jour".',
        "fr": "Les quantités s'écrivent avec leur unité, en français ou en anglais\u00a0: "
        '"2 jours/semaine", "2,88 €/jour", "253,44 €", "2 workday/week".',
    },
    "check": {
        "en": "Check it with: teletravail check FILE.toml (and --on DATE for its "
        "conformity); every key: teletravail schema --reference.",
        "fr": "Vérifiez-le avec\u00a0: teletravail check FICHIER.toml (et --on DATE pour sa "
        "conformité)\u00a0; toutes les clés\u00a0: teletravail schema --reference.",
    },
    "optional": {
        "en": "Optional: uncomment to use.",
        "fr": "Facultatif\u00a0: retirez le commentaire pour l'utiliser.",
    },
}


def _check_lang(lang: object) -> Lang:
    if lang not in LANGS:
        raise ValidationError("lang", lang, choices(LANGS))
    return lang


# -- the blank document ---------------------------------------------------------------------


def blank_document(lang: str = "en") -> tuple[dict[str, Any], dict[str, Any]]:
    """The data of the starter written from nothing, in ``lang``'s words: the document
    (minimal, valid, every main section) and the optional sections written commented out
    (calendar, authorisation terms, populations, impact; a selection campaign, which
    populations rule out, is left to the presets that have one)."""
    fr = _check_lang(lang) == "fr"
    source = "deliberation"
    document: dict[str, Any] = {
        "format": config.FORMAT,
        "version": config.FORMAT_VERSION,
        "name": "Notre dispositif de télétravail" if fr else "Our telework scheme",
        "territory": "Notre collectivité" if fr else "Our council",
        "description": (
            "Une ligne qui résume le dispositif.\nCe qu'est le dispositif, pour qui, "
            "depuis quand\u00a0; là où une règle est supposée, le dire."
            if fr
            else "One line that sums the scheme up.\nWhat the scheme is, for whom, since "
            "when; where a rule is assumed, say so."
        ),
        "period": {"start": "2026-01-01"},
        "places": ["domicile", "télécentre"] if fr else ["home", "telecentre"],
        "sources": [
            {
                "id": source,
                "title": "Délibération du conseil du 15 décembre 2025",
                "reference": "art. 1 à 8" if fr else "art. 1 to 8",
            }
        ],
        "leave": {"days": "25 jours" if fr else "25 workday"},
        "asks": "refuse",
        "eligibility": {
            "all_of": [
                {
                    "criterion": "seniority.minimum",
                    "minimum": "6 mois" if fr else "6 months",
                    "source": source,
                },
                {"criterion": "volunteer", "source": source},
                {"criterion": "post.teleworkable", "source": source},
            ]
        },
        "quota": {
            "maximum": "2 jours/semaine" if fr else "2 workday/week",
            "on_site_minimum": "3 jours/semaine" if fr else "3 workday/week",
            "granularity": "jour" if fr else "day",
            "source": source,
        },
        "allowance": [
            {
                # the national forfait named, not copied: its dated rates and caps are
                # the library's (a territorial body's cap differs from the State's)
                "kind": "per_day",
                "name": "forfait télétravail",
                "national": "forfait-teletravail",
                "branch": "territoriale" if fr else "territorial",
                "places": ["domicile"] if fr else ["home"],
                "source": source,
            }
        ],
    }
    optional: dict[str, Any] = {
        "calendar": {"subdivision": "57", "worked_holidays": ["2026-05-25"]},
        "authorisation": {
            "duration": "1 an" if fr else "1 year",
            "renewal": "tacite" if fr else "tacit",
            "max_renewals": 2,
            "adaptation": "3 mois" if fr else "3 months",
            "notice_agent": "2 mois" if fr else "2 months",
            "notice_employer": "2 mois" if fr else "2 months",
            "notice_adaptation": "1 mois" if fr else "1 month",
            "source": source,
        },
        "populations": [
            {
                "name": "temps partiel" if fr else "part time",
                "members": {"part_time": True},
                "quota": {
                    "maximum": "1 jour/semaine" if fr else "1 workday/week",
                    "on_site_minimum": "2 jours/semaine" if fr else "2 workday/week",
                    "source": source,
                },
            },
        ],
        "impact": {"speed": "50 km/h", "rebound": {"kind": "ademe_trips"}},
    }
    return document, optional


#: The values of the blank document a territory replaces, by key path.
_TO_REPLACE: Final = frozenset(
    {
        "name",
        "territory",
        "description",
        "period.start",
        "places",
        "sources.0.title",
        "sources.0.reference",
        "eligibility.all_of.0.minimum",
        "quota.maximum",
        "quota.on_site_minimum",
    }
)


# -- writing --------------------------------------------------------------------------------


def starter_document(preset: str | None = None, *, lang: str = "en") -> str:
    """A commented starter policy document, as TOML text, in ``lang`` (``"en"`` or
    ``"fr"``): from the shipped ``preset`` (see :func:`teletravail.presets.names`), or,
    without one, a minimal document with every main section to fill in.

    The document reads back as the preset's policy, or as a valid policy of its own.
    """
    language = _check_lang(lang)
    writer = _Writer(language)
    if preset is not None:
        import tomllib

        from teletravail import presets

        data = tomllib.loads(presets.text(preset))
        writer.header("from", "keys", "units", "check", preset=preset)
        writer.document(data)
        return writer.text()
    document, optional = blank_document(language)
    writer.header("blank", "keys", "uncomment", "units", "check")
    writer.marked = _TO_REPLACE
    writer.document(document, optional=optional)
    return writer.text()


def commented(document: Mapping[str, Any], lang: str = "en") -> str:
    """``document`` (the data of a policy document, as :func:`teletravail.config
    .to_document` or a TOML parser gives it) as TOML text with a comment above each key,
    in ``lang``. The text parses back to the same data."""
    writer = _Writer(_check_lang(lang))
    writer.document(document)
    return writer.text()


def missing_french() -> list[str]:
    """The tables and keys of the document format without a French description here,
    as ``table`` or ``table.key`` (empty when every one is translated)."""
    missing: list[str] = []
    for table in _tables(config.document_table()):
        if table.name not in TABLES_FR:
            missing.append(table.name)
        missing.extend(
            f"{table.name}.{key.name}"
            for key in table.keys
            if (table.name, key.name) not in KEYS_FR
        )
    return missing


def _tables(root: config.Kind) -> list[config.Table]:
    """Every table reachable from ``root``, once each, in the order first met."""
    found: dict[int, config.Table] = {}
    seen: set[int] = set()

    def visit(kind: config.Kind) -> None:
        if id(kind) in seen:
            return
        seen.add(id(kind))
        for child in _children(kind):
            visit(child)
        if isinstance(kind, config.Table):
            found.setdefault(id(kind), kind)

    visit(root)
    return sorted(found.values(), key=lambda t: t.name)


def _children(kind: config.Kind) -> list[config.Kind]:
    """The kinds directly inside ``kind``."""
    if isinstance(kind, config.Table):
        return [key.kind for key in kind.keys]
    if isinstance(kind, config.ListOf):
        return [kind.item]
    if isinstance(kind, config.Tagged):
        return [table for _, table in kind.variants.values()]
    if isinstance(kind, config.Ref):
        return [kind.target()]
    if isinstance(kind, config.RuleKind):
        return [kind.criteria]
    if isinstance(kind, config.SourceList):
        return [kind.item]
    if isinstance(kind, config.SourceKind):
        return [kind.table]
    if isinstance(kind, config.DatedKind):
        return [kind.entry, kind.whole]
    if isinstance(kind, config.FactorsKind):
        return list(kind.kinds.values())
    return []


Doc = Mapping[Lang, str] | None  # a description in each language, or none
Path = tuple[str | int, ...]  # keys, and the places of entries in arrays


class _Writer:
    """Writes a document's data as commented TOML: each table's keys, then its tables
    and arrays of tables (as TOML asks), a comment above each key said once."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.lines: list[str] = []
        self.said: set[str] = set()
        self.marked: frozenset[str] = frozenset()

    def text(self) -> str:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"

    def comment(self, doc: Doc, *, again: bool = False) -> None:
        """The description in the writer's language, as comment lines, said once (unless
        ``again``)."""
        if not doc:
            return
        text = doc[self.lang]
        if text in self.said and not again:
            return
        self.said.add(text)
        self.lines.extend("# " + line for line in _wrap(text))

    def header(self, *names: str, **values: str) -> None:
        """The document's opening comment: the sentences ``names`` of :data:`_TEXT`."""
        for name in names:
            words = _TEXT[name][self.lang].format(version=__version__, **values)
            self.comment({self.lang: words}, again=True)
        self.lines.append("")

    def document(self, data: Mapping[str, Any], optional: Mapping[str, Any] | None = None) -> None:
        """The document's keys, then its ``optional`` sections written commented out."""
        root = config.document_table()
        self.table_body(root, data, ())
        for name, value in (optional or {}).items():
            key = root.by_name[name]
            part = _Writer(self.lang)
            part.said = self.said
            part.block(key.kind, name, value, (), self.key_doc(root, key))
            self.lines.append("")
            self.comment(_TEXT["optional"], again=True)
            self.lines.extend(f"# {line}" for line in part.lines if line)

    # -- tables ----------------------------------------------------------------------------

    def key_doc(self, table: config.Table, key: config.Key) -> dict[Lang, str]:
        return {"en": key.doc, "fr": KEYS_FR.get((table.name, key.name), key.doc)}

    def table_doc(self, table: config.Table) -> dict[Lang, str]:
        return {"en": table.doc, "fr": TABLES_FR.get(table.name, table.doc)}

    def fields(
        self, table: config.Table, data: Mapping[str, Any], tag: str | None = None
    ) -> list[tuple[str, config.Kind | None, Doc]]:
        """The keys of ``data`` in the table's order, each with its kind and meaning;
        a key the table does not know comes last, without either."""
        found: list[tuple[str, config.Kind | None, Doc]] = []
        if tag is not None and tag in data:
            found.append((tag, None, self.table_doc(table)))
        for key in table.keys:
            if key.name in data:
                found.append((key.name, key.kind, self.key_doc(table, key)))
        known = {name for name, _, _ in found}
        found.extend((name, None, None) for name in data if name not in known)
        return found

    def table_body(
        self, table: config.Table, data: Mapping[str, Any], path: Path, tag: str | None = None
    ) -> None:
        self.body(self.fields(table, data, tag), data, path)

    def body(
        self, fields: Sequence[tuple[str, config.Kind | None, Doc]], data: Any, path: Path
    ) -> None:
        """Plain keys first, then tables and arrays of tables (TOML's order)."""
        blocks = []
        for name, kind, doc in fields:
            value = data[name]
            if _is_block(value):
                blocks.append((name, kind, doc))
                continue
            self.comment(doc)
            line = f"{_key(name)} = {_value(value)}"
            if ".".join(str(part) for part in (*path, name)) in self.marked:
                line += f"  # {_TEXT['replace'][self.lang]}"
            self.lines.append(line)
        for name, kind, doc in blocks:
            self.block(kind, name, data[name], path, doc)

    def block(self, kind: config.Kind | None, name: str, value: Any, path: Path, doc: Doc) -> None:
        """A table (``[path.name]``) or an array of tables (``[[path.name]]``)."""
        here = (*path, name)
        if isinstance(value, Mapping):
            self.lines.append("")
            self.comment(doc)
            self.lines.append(f"[{_dotted(here)}]")
            self.inside(kind, value, here)
            return
        item = _item(kind)
        for index, entry in enumerate(value):
            self.lines.append("")
            self.comment(doc)
            self.lines.append(f"[[{_dotted(here)}]]")
            self.inside(item, entry, (*here, index))

    def inside(self, kind: config.Kind | None, data: Mapping[str, Any], path: Path) -> None:
        """The keys of one table of ``kind``."""
        kind = _resolve(kind)
        if isinstance(kind, config.Table):
            self.table_body(kind, data, path)
        elif isinstance(kind, config.Tagged):
            variant = kind.variants.get(str(data.get(kind.tag)))
            if variant is None:
                self.body([(name, None, None) for name in data], data, path)
            else:
                self.table_body(variant[1], data, path, tag=kind.tag)
        elif isinstance(kind, config.RuleKind):
            self.rule(kind, data, path)
        elif isinstance(kind, config.FactorsKind):
            fields = [(mode, kind.kinds.get(mode), self.mode_doc(mode)) for mode in data]
            self.body(fields, data, path)
        else:
            self.body([(name, None, None) for name in data], data, path)

    def rule(self, kind: config.RuleKind, data: Mapping[str, Any], path: Path) -> None:
        if "criterion" in data:
            self.inside(kind.criteria, data, path)
            return
        fields = [(name, config.RULE, RULE_FORMS.get(name)) for name in data]
        self.body(fields, data, path)

    def mode_doc(self, mode: str) -> dict[Lang, str]:
        words = _MODES.get(mode, {"en": mode, "fr": f"de {mode}"})
        return {
            "en": _TEXT["factor"]["en"].format(mode=words["en"]),
            "fr": _TEXT["factor"]["fr"].format(mode=words["fr"]),
        }


#: Stands for a space inside quotes while a comment is wrapped: a quoted example such as
#: "2 jours/semaine" is never cut in two.
_KEPT = "\x00"


def _wrap(text: str) -> list[str]:
    """``text`` in lines of at most 86 characters, never breaking inside quotes."""
    held = re.sub(r'"[^"]*"', lambda found: found.group(0).replace(" ", _KEPT), text)
    lines = textwrap.wrap(held, 86, break_on_hyphens=False, break_long_words=False)
    return [line.replace(_KEPT, " ") for line in lines]


def _resolve(kind: config.Kind | None) -> config.Kind | None:
    """The kind that describes a table's keys: through references, sources and dated
    values written as a table."""
    if isinstance(kind, config.Ref):
        return _resolve(kind.target())
    if isinstance(kind, config.SourceKind):
        return kind.table
    if isinstance(kind, config.DatedKind):
        return kind.whole
    return kind


def _item(kind: config.Kind | None) -> config.Kind | None:
    """The kind of each table of an array of tables of ``kind``."""
    if isinstance(kind, config.ListOf):
        return kind.item
    if isinstance(kind, config.SourceList):
        return kind.item.table
    if isinstance(kind, config.DatedKind):
        return kind.entry
    if isinstance(kind, config.Ref):  # all_of, any_of: a list of rules
        return kind
    return None


def _is_block(value: Any) -> bool:
    """Whether ``value`` is written as a table or an array of tables."""
    if isinstance(value, Mapping):
        return True
    return (
        isinstance(value, list | tuple)
        and bool(value)
        and all(isinstance(item, Mapping) for item in value)
    )


_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(name: str) -> str:
    return name if _BARE.match(name) else _string(name)


def _dotted(path: Path) -> str:
    """A table's header: its keys (an array's entry is its last one, in TOML)."""
    return ".".join(_key(part) for part in path if isinstance(part, str))


def _string(text: str) -> str:
    """A TOML basic string on one line."""
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif (char < " " and char != "\t") or char == "\x7f":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _multiline(text: str) -> str:
    """A TOML multi-line basic string: its lines as lines."""
    out = ['"""\n']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\n")
        elif (char < " " and char != "\t") or char == "\x7f":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"""')
    return "".join(out)


def _value(value: Any) -> str:
    """A value written inline."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return _multiline(value) if "\n" in value else _string(value)
    if isinstance(value, dt.date):  # a datetime too: TOML writes both the same way
        return value.isoformat()
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_key(str(k))} = {_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    raise ValidationError(
        "document",
        value,
        Phrase(
            "text, numbers, true or false, lists and tables",
            "du texte, des nombres, true ou false, des listes et des tables",
        ),
    )
