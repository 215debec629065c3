"""The command line of ``teletravail``: the parser of every command and its options, in
the language the command speaks (the options several commands share are
:mod:`.options`'s, those of ``act`` :mod:`.act_options`'s).

Every help text is written in English and French beside each other (a
:class:`~teletravail.messages.Phrase`); argparse's own words come from
:mod:`.localized`. Each command's parser names the function that runs it (``run`` of
the command's module), read when the parser is built.
"""

from __future__ import annotations

import argparse

from teletravail import __version__
from teletravail.formats import number
from teletravail.messages import NBSP, Lang, Phrase

from . import assess, bilan, check, new, presets, progress, schedule, schema
from .act_options import ACT_DESCRIPTION, ACT_HELP, act_parser
from .localized import LocalizedParser
from .options import (
    DATE,
    OUT,
    POLICY,
    POLICY_HELP,
    WORKFORCE,
    WORKFORCE_HELP,
    date_type,
    day_options,
    lang_option,
    output_options,
    register_options,
)
from .report import REPORT_DESCRIPTION, REPORT_HELP, report_parser
from .reproduce import REPRODUCE_DESCRIPTION, REPRODUCE_HELP, reproduce_parser
from .serve import SERVE_DESCRIPTION, SERVE_HELP, serve_parser

__all__ = ["build_parser"]


def build_parser(lang: Lang = "en") -> argparse.ArgumentParser:
    """The parser of the command line, every command under it, in ``lang``."""

    def say(phrase: Phrase) -> str:
        return phrase.text(lang)

    date = date_type(lang)
    top = LocalizedParser(
        prog="teletravail",
        lang=lang,
        description=say(
            Phrase(
                "Telework (télétravail) schemes: policies, workforces, schedules.",
                "Dispositifs de télétravail" + NBSP + ": politiques, effectifs, plannings.",
            )
        ),
        epilog=say(_EXITS),
    )
    top.options.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=say(
            Phrase(
                "show the program's version and exit",
                "afficher la version du programme et quitter",
            )
        ),
    )
    lang_option(top, lang)
    top.set_defaults(command=None)
    commands = top.add_subparsers(
        title=top.title(say(Phrase("commands", "commandes"))),
        metavar=say(Phrase("COMMAND", "COMMANDE")),
    )

    def command_parser(
        name: str, *, help: Phrase, description: Phrase, epilog: Phrase | None = None
    ) -> LocalizedParser:
        parser: LocalizedParser = commands.add_parser(
            name,
            lang=lang,
            help=say(help),
            description=say(description),
            epilog=None if epilog is None else say(epilog),
        )
        return parser

    command = command_parser(
        "presets",
        help=Phrase(
            "list the shipped policies, or print one's TOML document",
            "lister les politiques fournies, ou afficher le document TOML de l'une d'elles",
        ),
        description=Phrase(
            "Without NAME, every preset on one line; with NAME, its TOML document, to start"
            " a variant from.",
            "Sans NOM, chaque préréglage sur une ligne" + NBSP + "; avec NOM, son document"
            " TOML, pour en écrire une variante.",
        ),
    )
    command.arguments.add_argument(
        "name",
        nargs="?",
        metavar=say(Phrase("NAME", "NOM")),
        help=say(Phrase("a preset's name", "le nom d'un préréglage")),
    )
    lang_option(command, lang)
    command.set_defaults(command="presets", run=presets.run)

    command = command_parser(
        "new",
        help=Phrase(
            "write a commented starter policy document, from a preset or from nothing",
            "écrire un document de politique commenté pour commencer, d'après un préréglage"
            " ou de zéro",
        ),
        description=Phrase(
            "Write a TOML policy document to edit, a comment above each key in the chosen"
            " language: from a shipped preset (--from), or a minimal document with every"
            " main section, the values to replace marked. It passes 'teletravail check'.",
            "Écrire un document TOML de politique à modifier, un commentaire au-dessus de"
            " chaque clé dans la langue choisie" + NBSP + ": d'après un préréglage fourni"
            " (--from), ou un document minimal avec chaque section principale, les valeurs à"
            " remplacer signalées. Il passe «" + NBSP + "teletravail check" + NBSP + "».",
        ),
        epilog=Phrase(
            "Exit codes: 0 written; 1 an unknown preset, or an output refused (it exists:"
            " --force replaces it).",
            "Codes de sortie" + NBSP + ": 0 écrit" + NBSP + "; 1 un préréglage inconnu, ou"
            " une sortie refusée (elle existe" + NBSP + ": --force la remplace).",
        ),
    )
    command.options.add_argument(
        "--from",
        dest="preset",
        metavar=say(Phrase("PRESET", "PRÉRÉGLAGE")),
        help=say(Phrase("start from this preset", "partir de ce préréglage")),
    )
    lang_option(command, lang)
    command.options.add_argument(
        "-o",
        "--output",
        metavar=say(OUT),
        help=say(
            Phrase(
                "write here (default: stdout, as with '-')",
                "écrire ici (par défaut" + NBSP + ": la sortie standard, comme avec '-')",
            )
        ),
    )
    output_options(command, lang)
    command.set_defaults(command="new", run=new.run)

    command = command_parser(
        "check",
        help=Phrase(
            "validate policy documents (TOML or JSON)",
            "valider des documents de politique (TOML ou JSON)",
        ),
        description=Phrase(
            "Print every problem of each document under its name. With --on, also check"
            " each good document against the public-service framework in force on that"
            " date.",
            "Afficher chaque problème de chaque document sous son nom. Avec --on, vérifier"
            " aussi chaque document correct au regard du cadre de la fonction publique en"
            " vigueur à cette date.",
        ),
        epilog=Phrase(
            "Exit codes: 0 every document reads well (and conforms); 1 a document has"
            " problems; 3 every document reads well but one does not conform.",
            "Codes de sortie"
            + NBSP
            + ": 0 chaque document se lit bien (et est conforme)"
            + NBSP
            + "; 1 un document a des problèmes"
            + NBSP
            + "; 3 chaque document se lit bien mais l'un n'est pas conforme.",
        ),
    )
    command.arguments.add_argument(
        "files",
        nargs="+",
        metavar=say(Phrase("FILE", "FICHIER")),
        help=say(Phrase("a .toml or .json document", "un document .toml ou .json")),
    )
    command.options.add_argument(
        "--on",
        type=date,
        metavar=say(DATE),
        help=say(Phrase("check conformity on DATE", "vérifier la conformité à la date DATE")),
    )
    lang_option(command, lang)
    command.set_defaults(command="check", run=check.run)

    command = command_parser(
        "assess",
        help=Phrase(
            "assess every row of a workforce CSV",
            "évaluer chaque ligne d'un effectif en CSV",
        ),
        description=Phrase(
            "Every input row comes out, in input order: its id, status, the criteria in"
            " the way, the telework granted and its figures, or its error. CSV cells a"
            " spreadsheet would run as formulas are prefixed with a quote.",
            "Chaque ligne lue ressort, dans l'ordre" + NBSP + ": son identifiant, son"
            " statut, les critères en cause, le télétravail accordé et ses chiffres, ou son"
            " erreur. Les cellules qu'un tableur exécuterait comme des formules sont"
            " précédées d'une apostrophe.",
        ),
        epilog=Phrase(
            "Exit codes: 0 every row assessed; 1 some rows invalid (all rows are still"
            " written) or an error.",
            "Codes de sortie" + NBSP + ": 0 chaque ligne évaluée" + NBSP + "; 1 des lignes"
            " non valides (toutes les lignes sont quand même écrites) ou une erreur.",
        ),
    )
    command.options.add_argument(
        "--policy", required=True, metavar=say(POLICY), help=say(POLICY_HELP)
    )
    command.arguments.add_argument("workforce", metavar=say(WORKFORCE), help=say(WORKFORCE_HELP))
    register_options(command, lang)
    command.options.add_argument(
        "-o",
        "--output",
        metavar=say(OUT),
        help=say(
            Phrase(
                "write here (default: stdout)",
                "écrire ici (par défaut" + NBSP + ": la sortie standard)",
            )
        ),
    )
    output_options(command, lang)
    day_options(command, lang)
    command.options.add_argument(
        "--format",
        choices=("csv", "json"),
        default="csv",
        help=say(Phrase("default: csv", "par défaut" + NBSP + ": csv")),
    )
    lang_option(command, lang)
    shown = command.options.add_mutually_exclusive_group()
    rows = number(progress.PROGRESS_ROWS, lang)
    shown.add_argument(
        "--progress",
        action="store_true",
        help=say(
            Phrase(
                "show progress on stderr for inputs over {rows} rows (default: only on a terminal)",
                "afficher l'avancement sur la sortie d'erreur pour plus de {rows} lignes (par"
                " défaut" + NBSP + ": seulement dans un terminal)",
                rows=rows,
            )
        ),
    )
    shown.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help=say(
            Phrase(
                "no progress and no summary on stderr",
                "ni avancement ni résumé sur la sortie d'erreur",
            )
        ),
    )
    command.set_defaults(command="assess", run=assess.run)

    command = command_parser(
        "bilan",
        help=Phrase(
            "report a policy on a workforce (default: the synthetic Lot sample)",
            "faire le bilan d'une politique sur un effectif (par défaut" + NBSP + ":"
            " l'échantillon synthétique du Lot)",
        ),
        description=Phrase(
            "Counts, refusals by criterion, telework days, money and impact of a policy on"
            " a workforce CSV, or on the synthetic sample of the Lot's posts.",
            "Effectifs, refus par critère, jours de télétravail, montants et impact d'une"
            " politique sur un effectif en CSV, ou sur l'échantillon synthétique des postes"
            " du Lot.",
        ),
    )
    command.arguments.add_argument("policy", metavar=say(POLICY), help=say(POLICY_HELP))
    command.arguments.add_argument(
        "workforce", nargs="?", metavar=say(WORKFORCE), help=say(WORKFORCE_HELP)
    )
    register_options(command, lang)
    day_options(command, lang)
    lang_option(command, lang)
    command.options.add_argument(
        "--json",
        action="store_true",
        help=say(Phrase("print a JSON document instead", "afficher plutôt un document JSON")),
    )
    command.set_defaults(command="bilan", run=bilan.run)

    report_parser(command_parser("report", help=REPORT_HELP, description=REPORT_DESCRIPTION), lang)
    reproduce_parser(
        command_parser("reproduce", help=REPRODUCE_HELP, description=REPRODUCE_DESCRIPTION), lang
    )

    command = command_parser(
        "schedule",
        help=Phrase(
            "the dated telework days of one weekly pattern",
            "les jours datés de télétravail d'un rythme hebdomadaire",
        ),
        description=Phrase(
            "Lay a weekly pattern over START..END, checked against the policy's quota, and"
            " print the days per month, or write them as iCalendar.",
            "Poser un rythme hebdomadaire sur DÉBUT..FIN, vérifié au regard du quota de la"
            " politique, et afficher les jours par mois, ou les écrire au format iCalendar.",
        ),
    )
    command.options.add_argument(
        "--policy", required=True, metavar=say(POLICY), help=say(POLICY_HELP)
    )
    command.options.add_argument(
        "--start",
        required=True,
        type=date,
        metavar=say(DATE),
        help=say(Phrase("first day", "premier jour")),
    )
    command.options.add_argument(
        "--end",
        required=True,
        type=date,
        metavar=say(DATE),
        help=say(Phrase("last day", "dernier jour")),
    )
    command.options.add_argument(
        "--days",
        required=True,
        metavar=say(Phrase("DAYS", "JOURS")),
        help=say(Phrase("weekdays, e.g. tue,thu", "jours de la semaine, par exemple mardi,jeudi")),
    )
    command.options.add_argument(
        "--place",
        default="home",
        metavar=say(Phrase("PLACE", "LIEU")),
        help=say(
            Phrase(
                "home (default), telecentre:NAME, site:NAME or other",
                "domicile (par défaut), télécentre:NOM, site:NOM ou autre",
            )
        ),
    )
    command.options.add_argument(
        "--half",
        choices=("am", "pm"),
        help=say(
            Phrase(
                "half days (morning or afternoon)",
                "demi-journées (am" + NBSP + ": matin, pm" + NBSP + ": après-midi)",
            )
        ),
    )
    command.options.add_argument(
        "--working-time",
        default="100 %",
        metavar=say(Phrase("WORKING_TIME", "QUOTITÉ")),
        help=say(
            Phrase(
                'e.g. "80 %%" (default 100 %%)',
                "par exemple «" + NBSP + "80 %%" + NBSP + "» (par défaut 100 %%)",
            )
        ),
    )
    command.options.add_argument(
        "--agent",
        default="agent",
        metavar=say(Phrase("ID", "IDENTIFIANT")),
        help=say(Phrase("the agent's id", "l'identifiant de l'agent")),
    )
    command.options.add_argument(
        "--population",
        metavar=say(Phrase("NAME", "NOM")),
        help=say(
            Phrase(
                "the policy's population whose rules apply",
                "la population de la politique dont les règles s'appliquent",
            )
        ),
    )
    command.options.add_argument(
        "--ics",
        metavar=say(Phrase("OUT.ics", "SORTIE.ics")),
        help=say(
            Phrase(
                "write iCalendar here ('-': stdout)",
                "écrire l'iCalendar ici ('-'" + NBSP + ": la sortie standard)",
            )
        ),
    )
    output_options(command, lang)
    lang_option(command, lang)
    command.set_defaults(command="schedule", run=schedule.run)

    act_parser(command_parser("act", help=ACT_HELP, description=ACT_DESCRIPTION), lang)

    command = command_parser(
        "schema",
        help=Phrase(
            "the JSON Schema of a document format (by default, policy documents)",
            "le schéma JSON d'un format de document (par défaut, les documents de politique)",
        ),
        description=Phrase(
            "Print the JSON Schema of a document format the library reads or writes (by"
            " default, policy documents), the list of the formats, or the Markdown reference"
            " of policy documents.",
            "Afficher le schéma JSON d'un format de document que la bibliothèque lit ou"
            " écrit (par défaut, les documents de politique), la liste des formats, ou la"
            " référence en Markdown des documents de politique.",
        ),
    )
    command.arguments.add_argument(
        "name",
        nargs="?",
        default="teletravail.policy",
        metavar=say(Phrase("FORMAT", "FORMAT")),
        help=say(
            Phrase(
                "the format's name, such as teletravail.assessment (see --list)",
                "le nom du format, par exemple teletravail.assessment (voir --list)",
            )
        ),
    )
    command.options.add_argument(
        "--list",
        action="store_true",
        help=say(
            Phrase(
                "list the formats, their versions and titles",
                "lister les formats, leurs versions et leurs titres",
            )
        ),
    )
    command.options.add_argument(
        "--reference",
        action="store_true",
        help=say(Phrase("print the Markdown reference", "afficher la référence en Markdown")),
    )
    lang_option(command, lang)
    command.set_defaults(command="schema", run=schema.run)

    serve_parser(command_parser("serve", help=SERVE_HELP, description=SERVE_DESCRIPTION), lang)
    return top


_EXITS = Phrase(
    "Exit codes: 0 ok; 1 problems or errors; 2 usage; 3 check --on: not conforming.",
    "Codes de sortie" + NBSP + ": 0 succès" + NBSP + "; 1 problèmes ou erreurs" + NBSP + "; 2"
    " ligne de commande erronée" + NBSP + "; 3 check --on" + NBSP + ": non conforme.",
)
