"""The options of ``teletravail act``: the policy and date, the act's parties and terms,
the information document's texts, and the output (the command itself is :mod:`.act`)."""

from __future__ import annotations

from teletravail.messages import NBSP, Lang, Phrase

from . import act
from .localized import LocalizedParser
from .options import (
    DATE,
    ON_HELP,
    OUT,
    POLICY,
    POLICY_HELP,
    date_type,
    lang_option,
    output_options,
)

ACT_HELP = Phrase(
    "the individual act granting one agent telework, or its information document",
    "l'acte individuel qui accorde le télétravail à un agent, ou son document d'information",
)
ACT_DESCRIPTION = Phrase(
    "Write the act (arrêté, décision, avenant or agreement) that grants the agent what the"
    " policy grants them on --on, with every mandatory mention, or with --document the"
    " information document given with it, as Markdown or HTML, from the shipped templates"
    " or those of --templates.",
    "Écrire l'acte (arrêté, décision, avenant ou accord) qui accorde à l'agent ce que la"
    " politique lui accorde le --on, avec chaque mention obligatoire, ou avec --document le"
    " document d'information remis avec lui, en Markdown ou en HTML, d'après les modèles"
    " fournis ou ceux de --templates.",
)


def act_parser(command: LocalizedParser, lang: Lang) -> None:
    """The options of ``act``: the policy and date, the act's parties and terms, the
    information document's texts, and the output."""
    date = date_type(lang)
    add = command.options.add_argument

    def text(en: str, fr: str) -> str:
        return Phrase(en, fr).text(lang)

    add("--policy", required=True, metavar=POLICY.text(lang), help=POLICY_HELP.text(lang))
    add("--on", type=date, metavar=DATE.text(lang), help=ON_HELP.text(lang))
    add(
        "--kind",
        required=True,
        metavar=text("KIND", "TYPE"),
        help=text(
            "arrete, decision (public service), avenant or agreement (private sector)",
            "arrêté, décision (fonction publique), avenant ou accord (secteur privé)",
        ),
    )
    add(
        "--employer", required=True, metavar=text("NAME", "NOM"), help=text("employer", "employeur")
    )
    add(
        "--territory",
        required=True,
        metavar=text("NAME", "NOM"),
        help=text("territory", "territoire"),
    )
    add("--signatory", metavar=text("TITLE", "QUALITÉ"), help=text("who signs", "signataire"))
    add(
        "--agent",
        required=True,
        metavar=text("ID", "IDENTIFIANT"),
        help=text("agent's id", "identifiant de l'agent"),
    )
    add(
        "--name",
        required=True,
        metavar=text("NAME", "NOM"),
        help=text("agent's name", "nom de l'agent"),
    )
    add(
        "--hire-date",
        required=True,
        type=date,
        metavar=DATE.text(lang),
        help=text("agent's hire date", "date d'entrée de l'agent"),
    )
    add(
        "--contract",
        metavar=text("TYPE", "TYPE"),
        help=text(
            "civil_servant, contract_staff... (gives the appeal body)",
            "titulaire, contractuel… (donne l'instance de recours)",
        ),
    )
    add("--post", metavar=text("POST", "POSTE"), help=text("agent's post", "poste de l'agent"))
    add(
        "--duties",
        required=True,
        metavar=text("TEXT", "TEXTE"),
        help=text("duties performed in telework", "fonctions exercées en télétravail"),
    )
    add(
        "--days",
        required=True,
        metavar=text("PATTERN", "RYTHME"),
        help=text(
            "weekly pattern asked, e.g. 'Tue @ home, Thu @ telecentre:Figeac'",
            "rythme demandé, par exemple 'mardi @ domicile, jeudi @ télécentre:Figeac'",
        ),
    )
    add("--floating", type=int, metavar="N", help=text("floating days", "jours flottants"))
    add("--per", choices=("week", "month", "year"), default="week", help=text("per", "par"))
    add(
        "--hours",
        required=True,
        metavar=text("RANGES", "PLAGES"),
        help=text(
            "hours reachable, e.g. '9:30-12:00, 14:00-17:00'",
            "plages, par exemple '9h30-12h, 14h-17h'",
        ),
    )
    add(
        "--signed-at",
        required=True,
        metavar=text("PLACE", "LIEU"),
        help=text("place of signature", "lieu de signature"),
    )
    add(
        "--signed-on",
        type=date,
        metavar=DATE.text(lang),
        help=text("default: --on", "par défaut" + NBSP + ": --on"),
    )
    add("--appeal", choices=("cap", "ccp", "none"), help=text("appeal body", "instance de recours"))
    add(
        "--document",
        action="store_true",
        help=text("write the information document", "écrire le document d'information"),
    )
    for option, field, en, fr in (
        ("--time-rules", "working_time", "working time, how it is counted", "temps de travail"),
        ("--equipment", "equipment", "equipment provided", "équipements mis à disposition"),
        ("--health-safety", "health_safety", "health and safety", "santé et sécurité"),
        ("--data-protection", "data_protection", "data protection", "protection des données"),
    ):
        add(option, dest=field, metavar=text("TEXT", "TEXTE"), help=text(en, fr) + " (--document)")
    add(
        "--format",
        choices=("markdown", "html"),
        default="markdown",
        help=text("output format", "format"),
    )
    add(
        "--templates",
        metavar=text("FOLDER", "DOSSIER"),
        help=text(
            "a folder whose templates replace the shipped ones of the same name",
            "un dossier dont les modèles remplacent ceux fournis de même nom",
        ),
    )
    add(
        "-o",
        "--output",
        metavar=OUT.text(lang),
        help=text(
            "write here (default: stdout, as with '-')",
            "écrire ici (par défaut" + NBSP + ": la sortie standard, comme avec '-')",
        ),
    )
    output_options(command, lang)
    lang_option(command, lang)
    command.set_defaults(command="act", run=act.run)
