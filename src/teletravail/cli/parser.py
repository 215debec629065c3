"""The command line of ``teletravail``: the parser of every command and its options, in
the language the command speaks, and the types of dates and periods (a bad one is a
usage error, exit code 2).

Every help text is written in English and French beside each other (a
:class:`~teletravail.messages.Phrase`); argparse's own words come from
:mod:`.localized`. Each command's parser names the function that runs it (``run`` of
the command's module), read when the parser is built.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable

from teletravail import __version__
from teletravail.formats import number
from teletravail.messages import NBSP, Lang, Phrase

from . import act, assess, bilan, check, new, presets, progress, schedule, schema
from .language import LANGS
from .localized import LocalizedParser
from .reading import COLUMNS_HELP

__all__ = ["build_parser"]


def _quoted(text: str, lang: Lang) -> str:
    return f"«{NBSP}{text}{NBSP}»" if lang == "fr" else repr(text)


def _date_type(lang: Lang) -> Callable[[str], dt.date]:
    def date(text: str) -> dt.date:
        """An ISO date for argparse (a bad one is a usage error)."""
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            said = Phrase(
                "expected a date YYYY-MM-DD, got {text}",
                "attendu une date AAAA-MM-JJ, trouvé {text}",
                text=_quoted(text, lang),
            )
            raise argparse.ArgumentTypeError(said.text(lang)) from None

    return date


def _period_type(lang: Lang) -> Callable[[str], str]:
    def period(text: str) -> str:
        """A period for argparse: a calendar year (``2024``) or ``START..END``."""
        if text.strip().isdigit() and len(text.strip()) == 4:
            return text.strip()
        first, sep, last = text.partition("..")
        try:
            if sep:
                dt.date.fromisoformat(first.strip())
                dt.date.fromisoformat(last.strip())
                return text
        except ValueError:
            pass
        said = Phrase(
            "expected a year such as 2024 or START..END (YYYY-MM-DD..YYYY-MM-DD), got {text}",
            "attendu une année comme 2024 ou DÉBUT..FIN (AAAA-MM-JJ..AAAA-MM-JJ), trouvé {text}",
            text=_quoted(text, lang),
        )
        raise argparse.ArgumentTypeError(said.text(lang))

    return period


# Help texts: argparse formats them with %, so a percent sign is written %%.
_PERIOD_HELP = Phrase(
    "a year (2024) or START..END; default: the calendar year of --on",
    "une année (2024) ou DÉBUT..FIN" + NBSP + "; par défaut" + NBSP + ": l'année civile de --on",
)
_LANG_HELP = Phrase(
    "language of every text: en or fr (default: from LC_ALL, LC_MESSAGES or LANG)",
    "langue de tous les textes" + NBSP + ": en ou fr (par défaut" + NBSP + ": selon LC_ALL,"
    " LC_MESSAGES ou LANG)",
)
_POLICY = Phrase("NAME|FILE", "NOM|FICHIER")
_POLICY_HELP = Phrase("a preset's name or a policy document", "un préréglage ou un document")
_WORKFORCE = Phrase("WORKFORCE.csv", "EFFECTIF.csv")
_WORKFORCE_HELP = Phrase("one agent per row", "un agent par ligne")
_ON_HELP = Phrase("default: the policy's start", "par défaut" + NBSP + ": le début de la politique")
_DATE = Phrase("DATE", "DATE")
_OUT = Phrase("OUT", "SORTIE")


def build_parser(lang: Lang = "en") -> argparse.ArgumentParser:
    """The parser of the command line, every command under it, in ``lang``."""

    def say(phrase: Phrase) -> str:
        return phrase.text(lang)

    date, period = _date_type(lang), _period_type(lang)
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
    _lang_option(top, lang)
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
    _lang_option(command, lang)
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
    _lang_option(command, lang)
    command.options.add_argument(
        "-o",
        "--output",
        metavar=say(_OUT),
        help=say(
            Phrase(
                "write here (default: stdout, as with '-')",
                "écrire ici (par défaut" + NBSP + ": la sortie standard, comme avec '-')",
            )
        ),
    )
    _output_options(command, lang)
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
        metavar=say(_DATE),
        help=say(Phrase("check conformity on DATE", "vérifier la conformité à la date DATE")),
    )
    _lang_option(command, lang)
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
        "--policy", required=True, metavar=say(_POLICY), help=say(_POLICY_HELP)
    )
    command.arguments.add_argument("workforce", metavar=say(_WORKFORCE), help=say(_WORKFORCE_HELP))
    command.options.add_argument(
        "--columns", metavar=say(Phrase("MAPPING", "CORRESPONDANCE")), help=say(COLUMNS_HELP)
    )
    command.options.add_argument(
        "-o",
        "--output",
        metavar=say(_OUT),
        help=say(
            Phrase(
                "write here (default: stdout)",
                "écrire ici (par défaut" + NBSP + ": la sortie standard)",
            )
        ),
    )
    _output_options(command, lang)
    command.options.add_argument("--on", type=date, metavar=say(_DATE), help=say(_ON_HELP))
    command.options.add_argument(
        "--period", type=period, metavar=say(Phrase("PERIOD", "PÉRIODE")), help=say(_PERIOD_HELP)
    )
    command.options.add_argument(
        "--format",
        choices=("csv", "json"),
        default="csv",
        help=say(Phrase("default: csv", "par défaut" + NBSP + ": csv")),
    )
    _lang_option(command, lang)
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
    command.arguments.add_argument("policy", metavar=say(_POLICY), help=say(_POLICY_HELP))
    command.arguments.add_argument(
        "workforce", nargs="?", metavar=say(_WORKFORCE), help=say(_WORKFORCE_HELP)
    )
    command.options.add_argument(
        "--columns", metavar=say(Phrase("MAPPING", "CORRESPONDANCE")), help=say(COLUMNS_HELP)
    )
    command.options.add_argument("--on", type=date, metavar=say(_DATE), help=say(_ON_HELP))
    command.options.add_argument(
        "--period", type=period, metavar=say(Phrase("PERIOD", "PÉRIODE")), help=say(_PERIOD_HELP)
    )
    _lang_option(command, lang)
    command.options.add_argument(
        "--json",
        action="store_true",
        help=say(Phrase("print a JSON document instead", "afficher plutôt un document JSON")),
    )
    command.set_defaults(command="bilan", run=bilan.run)

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
        "--policy", required=True, metavar=say(_POLICY), help=say(_POLICY_HELP)
    )
    command.options.add_argument(
        "--start",
        required=True,
        type=date,
        metavar=say(_DATE),
        help=say(Phrase("first day", "premier jour")),
    )
    command.options.add_argument(
        "--end",
        required=True,
        type=date,
        metavar=say(_DATE),
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
    _output_options(command, lang)
    _lang_option(command, lang)
    command.set_defaults(command="schedule", run=schedule.run)

    _act_parser(command_parser("act", help=_ACT_HELP, description=_ACT_DESCRIPTION), lang)

    command = command_parser(
        "schema",
        help=Phrase(
            "the JSON Schema of policy documents",
            "le schéma JSON des documents de politique",
        ),
        description=Phrase(
            "Print the JSON Schema of policy documents, or their Markdown reference.",
            "Afficher le schéma JSON des documents de politique, ou leur référence en Markdown.",
        ),
    )
    command.options.add_argument(
        "--reference",
        action="store_true",
        help=say(Phrase("print the Markdown reference", "afficher la référence en Markdown")),
    )
    _lang_option(command, lang)
    command.set_defaults(command="schema", run=schema.run)
    return top


_EXITS = Phrase(
    "Exit codes: 0 ok; 1 problems or errors; 2 usage; 3 check --on: not conforming.",
    "Codes de sortie" + NBSP + ": 0 succès" + NBSP + "; 1 problèmes ou erreurs" + NBSP + "; 2"
    " ligne de commande erronée" + NBSP + "; 3 check --on" + NBSP + ": non conforme.",
)


def _lang_option(command: LocalizedParser, lang: Lang) -> None:
    """``--lang``: every command has it, its default the language the command already
    speaks (the one asked on the command line, or the environment's)."""
    command.options.add_argument(
        "--lang", choices=LANGS, default=lang, metavar="{en,fr}", help=_LANG_HELP.text(lang)
    )


def _output_options(command: LocalizedParser, lang: Lang) -> None:
    command.options.add_argument(
        "--force",
        action="store_true",
        help=Phrase(
            "replace the output file if it exists",
            "remplacer le fichier de sortie s'il existe",
        ).text(lang),
    )
    command.options.add_argument(
        "--follow-symlinks",
        action="store_true",
        help=Phrase(
            "write where an output that is a symbolic link points",
            "écrire là où pointe une sortie qui est un lien symbolique",
        ).text(lang),
    )


_ACT_HELP = Phrase(
    "the individual act granting one agent telework, or its information document",
    "l'acte individuel qui accorde le télétravail à un agent, ou son document d'information",
)
_ACT_DESCRIPTION = Phrase(
    "Write the act (arrêté, décision, avenant or agreement) that grants the agent what the"
    " policy grants them on --on, with every mandatory mention, or with --document the"
    " information document given with it, as Markdown or HTML, from the shipped templates"
    " or those of --templates.",
    "Écrire l'acte (arrêté, décision, avenant ou accord) qui accorde à l'agent ce que la"
    " politique lui accorde le --on, avec chaque mention obligatoire, ou avec --document le"
    " document d'information remis avec lui, en Markdown ou en HTML, d'après les modèles"
    " fournis ou ceux de --templates.",
)


def _act_parser(command: LocalizedParser, lang: Lang) -> None:
    """The options of ``act``: the policy and date, the act's parties and terms, the
    information document's texts, and the output."""
    date = _date_type(lang)
    add = command.options.add_argument

    def text(en: str, fr: str) -> str:
        return Phrase(en, fr).text(lang)

    add("--policy", required=True, metavar=_POLICY.text(lang), help=_POLICY_HELP.text(lang))
    add("--on", type=date, metavar=_DATE.text(lang), help=_ON_HELP.text(lang))
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
        metavar=_DATE.text(lang),
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
        metavar=_DATE.text(lang),
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
        metavar=_OUT.text(lang),
        help=text(
            "write here (default: stdout, as with '-')",
            "écrire ici (par défaut" + NBSP + ": la sortie standard, comme avec '-')",
        ),
    )
    _output_options(command, lang)
    _lang_option(command, lang)
    command.set_defaults(command="act", run=act.run)
