"""What several commands' parsers share: the types of dates and periods (a bad one is a
usage error, exit code 2), the options every command has (``--lang``) or every command
that writes has (``--force``, ``--follow-symlinks``), and the help texts they repeat,
each in English and French."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable

from teletravail.messages import NBSP, Lang, Phrase

from .language import LANGS
from .localized import LocalizedParser


def quoted(text: str, lang: Lang) -> str:
    return f"«{NBSP}{text}{NBSP}»" if lang == "fr" else repr(text)


def date_type(lang: Lang) -> Callable[[str], dt.date]:
    def date(text: str) -> dt.date:
        """An ISO date for argparse (a bad one is a usage error)."""
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            said = Phrase(
                "expected a date YYYY-MM-DD, got {text}",
                "attendu une date AAAA-MM-JJ, trouvé {text}",
                text=quoted(text, lang),
            )
            raise argparse.ArgumentTypeError(said.text(lang)) from None

    return date


def period_type(lang: Lang) -> Callable[[str], str]:
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
            text=quoted(text, lang),
        )
        raise argparse.ArgumentTypeError(said.text(lang))

    return period


# Help texts: argparse formats them with %, so a percent sign is written %%.
PERIOD_HELP = Phrase(
    "a year (2024) or START..END; default: the calendar year of --on",
    "une année (2024) ou DÉBUT..FIN" + NBSP + "; par défaut" + NBSP + ": l'année civile de --on",
)
LANG_HELP = Phrase(
    "language of every text: en or fr (default: from LC_ALL, LC_MESSAGES or LANG)",
    "langue de tous les textes" + NBSP + ": en ou fr (par défaut" + NBSP + ": selon LC_ALL,"
    " LC_MESSAGES ou LANG)",
)
POLICY = Phrase("NAME|FILE", "NOM|FICHIER")
POLICY_HELP = Phrase("a preset's name or a policy document", "un préréglage ou un document")
WORKFORCE = Phrase("WORKFORCE.csv", "EFFECTIF.csv")
WORKFORCE_HELP = Phrase("one agent per row", "un agent par ligne")
ON_HELP = Phrase("default: the policy's start", "par défaut" + NBSP + ": le début de la politique")
DATE = Phrase("DATE", "DATE")
OUT = Phrase("OUT", "SORTIE")


def lang_option(command: LocalizedParser, lang: Lang) -> None:
    """``--lang``: every command has it, its default the language the command already
    speaks (the one asked on the command line, or the environment's)."""
    command.options.add_argument(
        "--lang", choices=LANGS, default=lang, metavar="{en,fr}", help=LANG_HELP.text(lang)
    )


def output_options(command: LocalizedParser, lang: Lang) -> None:
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


def register_options(command: LocalizedParser, lang: Lang) -> None:
    """``--columns`` and ``--encoding``: how a command reads a register's own columns
    and characters (``assess``, ``bilan``, ``report``)."""
    from .reading import COLUMNS_HELP, ENCODING_HELP

    command.options.add_argument(
        "--columns",
        metavar=Phrase("MAPPING", "CORRESPONDANCE").text(lang),
        help=COLUMNS_HELP.text(lang),
    )
    command.options.add_argument(
        "--encoding",
        metavar=Phrase("ENCODING", "ENCODAGE").text(lang),
        help=ENCODING_HELP.text(lang),
    )


def day_options(command: LocalizedParser, lang: Lang) -> None:
    """``--on`` (the day of the eligibility decisions) and ``--period`` (the days
    assessed)."""
    command.options.add_argument(
        "--on", type=date_type(lang), metavar=DATE.text(lang), help=ON_HELP.text(lang)
    )
    command.options.add_argument(
        "--period",
        type=period_type(lang),
        metavar=Phrase("PERIOD", "PÉRIODE").text(lang),
        help=PERIOD_HELP.text(lang),
    )
