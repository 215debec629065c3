"""``teletravail reproduce [SCENARIO...]``: the sources' published figures beside the
model's (:mod:`teletravail.reproductions`), each with its source, the difference and
the assumptions it rests on, as text in English or French, CSV or a JSON document;
``--ranges`` adds the interval the plausible values of the uncertain assumptions give.

The library is imported when the command runs, so that ``teletravail --help`` stays
fast.
"""

from __future__ import annotations

import argparse
import json
from typing import Final

from teletravail.messages import NBSP, Lang, Phrase

from .exits import EXIT_OK
from .localized import LocalizedParser
from .options import lang_option

__all__ = ["REPRODUCE_DESCRIPTION", "REPRODUCE_HELP", "reproduce_parser", "run"]

REPRODUCE_HELP: Final = Phrase(
    "the sources' published figures beside the model's",
    "les chiffres publiés par les sources à côté de ceux du modèle",
)
REPRODUCE_DESCRIPTION: Final = Phrase(
    "One table: each published figure with its source, the model's figure, the"
    " difference and every assumption it rests on, with its source or the word"
    " 'assumed'. Each scenario is shipped as data (a register, a policy, the"
    " assumptions) to copy for another territory.",
    "Un tableau" + NBSP + ": chaque chiffre publié avec sa source, le chiffre du modèle,"
    " l'écart et chaque hypothèse sur laquelle il repose, avec sa source ou le mot"
    " «" + NBSP + "supposé" + NBSP + "». Chaque scénario est fourni comme données (un"
    " effectif, une politique, les hypothèses) à copier pour un autre territoire.",
)


def reproduce_parser(command: LocalizedParser, lang: Lang) -> None:
    """The arguments and options of ``reproduce``."""

    def say(phrase: Phrase) -> str:
        return phrase.text(lang)

    command.arguments.add_argument(
        "scenarios",
        nargs="*",
        metavar=say(Phrase("SCENARIO", "SCÉNARIO")),
        help=say(
            Phrase(
                "a shipped scenario's name or a scenario document (.toml); default: every"
                " shipped scenario",
                "le nom d'un scénario fourni ou un document de scénario (.toml)" + NBSP + ";"
                " par défaut" + NBSP + ": chaque scénario fourni",
            )
        ),
    )
    command.options.add_argument(
        "--format",
        choices=("text", "csv", "json"),
        default="text",
        help=say(Phrase("default: text", "par défaut" + NBSP + ": text")),
    )
    command.options.add_argument(
        "--ranges",
        action="store_true",
        help=say(
            Phrase(
                "add the interval the plausible values of the uncertain assumptions give",
                "ajouter l'intervalle que donnent les valeurs plausibles des hypothèses"
                " incertaines",
            )
        ),
    )
    lang_option(command, lang)
    command.set_defaults(command="reproduce", run=run)


def run(args: argparse.Namespace) -> int:
    """Print the rows of ``args.scenarios`` (default: every shipped one)."""
    from teletravail.reproductions import reproduce

    reproduction = reproduce(args.scenarios or None, ranges=args.ranges)
    if args.format == "json":
        print(json.dumps(reproduction.to_dict(), indent=2, ensure_ascii=False))
    elif args.format == "csv":
        print(reproduction.to_csv(), end="")
    else:
        print(reproduction.text(args.lang))
    return EXIT_OK
