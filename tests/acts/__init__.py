"""Tests of the individual act and the information document; :func:`lot_act` and
:func:`lot_document` build the example both use."""

from __future__ import annotations

from typing import Any

from teletravail.acts import Employer, IndividualAct, InformationDocument, Modality, Teleworker
from teletravail.messages import Phrase
from teletravail.week import WeeklyPattern


def lot_act(**changes: Any) -> IndividualAct:
    """An arrêté of a département for one juriste: two fixed days, one year renewed
    tacitly twice, three months of adaptation."""
    fields: dict[str, Any] = {
        "kind": "arrêté",
        "employer": Employer(
            name="Conseil départemental du Lot", territory="Lot", signatory="Le Président"
        ),
        "teleworker": Teleworker(
            id="A-17",
            name="Claire Martin",
            post="juriste",
            duties=Phrase(
                "drafting and follow-up of public contracts",
                "rédaction et suivi des marchés publics",
            ),
        ),
        "places": ["home", "telecentre:Figeac"],
        "modality": Modality(pattern=WeeklyPattern.parse("Tue @ home, Thu @ telecentre:Figeac")),
        "duration": "1 an",
        "renewal": "tacite",
        "max_renewals": 2,
        "hours": "9:30-12:00, 14:00-17:00",
        "start": "2025-09-01",
        "adaptation": "3 mois",
        "notice_agent": "2 mois",
        "notice_employer": "2 mois",
        "notice_adaptation": "1 mois",
        "employer_may_shorten": True,
        "appeal": "cap",
        "rules": "Télétravail au conseil départemental du Lot",
        "signed_at": "Cahors",
        "signed_on": "2025-08-15",
    }
    fields.update(changes)
    return IndividualAct(**fields)


def lot_document(**changes: Any) -> InformationDocument:
    """The information document given with :func:`lot_act`."""
    fields: dict[str, Any] = {
        "act": lot_act(),
        "working_time": Phrase(
            "Your working hours stay those of your service; you record them in the time system.",
            "Vos horaires restent ceux de votre service\u202f; vous les saisissez dans l'outil de"
            " gestion du temps.",
        ),
        "equipment": Phrase(
            "A laptop and a headset, installed and maintained by the IT service, returned at"
            " the end of telework.",
            "Un ordinateur portable et un casque, installés et entretenus par le service"
            " informatique, restitués à la fin du télétravail.",
        ),
        "health_safety": Phrase(
            "The rules on health and safety at work apply at home as on site.",
            "Les règles de santé et de sécurité au travail s'appliquent au domicile comme sur"
            " site.",
        ),
        "data_protection": Phrase(
            "Use only the equipment provided and the secure connection.",
            "N'utilisez que le matériel fourni et la connexion sécurisée.",
        ),
    }
    fields.update(changes)
    return InformationDocument(**fields)
