"""``teletravail serve``: the JSON web service (:mod:`teletravail.server`) on uvicorn,
its options and the command that runs it.

The service needs the ``server`` extra (FastAPI, uvicorn, Swagger UI's files); without
it the command says which extra to install. The web stack is imported only when the
command runs, so that ``teletravail --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib.util
from typing import Final

from teletravail.formats import number
from teletravail.messages import NBSP, Lang, Phrase

from .exits import EXIT_OK, EXIT_PROBLEMS
from .localized import LocalizedParser
from .options import lang_option
from .stderr import print_error

__all__ = [
    "DEFAULT_MAX_BATCH",
    "DEFAULT_MAX_BODY",
    "SERVE_DESCRIPTION",
    "SERVE_HELP",
    "run",
    "serve_parser",
]

SERVE_HELP: Final = Phrase(
    "serve the library as a JSON web service (the 'server' extra)",
    "servir la bibliothèque comme service web JSON (l'extra «" + NBSP + "server" + NBSP + "»)",
)
SERVE_DESCRIPTION: Final = Phrase(
    "Serve, read-only, the shipped presets and the policy documents of --policies: policies,"
    " assessments of one agent or a batch, explanations, quota checks, payments, conformity,"
    " deadlines and the dated national parameters, with an OpenAPI document and its"
    " interactive docs at /v1/docs. Every error is an RFC 9457 problem document. Stop with"
    " Ctrl-C.",
    "Servir, en lecture seule, les préréglages fournis et les documents de politique de"
    " --policies" + NBSP + ": politiques, évaluations d'un agent ou d'un lot, explications,"
    " vérifications de quota, versements, conformité, échéances et paramètres nationaux"
    " datés, avec un document OpenAPI et sa documentation interactive sous /v1/docs. Chaque"
    " erreur est un document de problème RFC 9457. Arrêter avec Ctrl-C.",
)

#: The defaults of the limits: those of :class:`teletravail.server.Settings`, written here
#: so that building the parser imports nothing of the service (a test holds them equal).
DEFAULT_MAX_BODY: Final = 16 * 1024 * 1024
DEFAULT_MAX_BATCH: Final = 10_000
#: The modules the service needs, all in the ``server`` extra.
_NEEDED: Final = ("fastapi", "uvicorn", "swagger_ui")


def serve_parser(command: LocalizedParser, lang: Lang) -> None:
    """The options of ``serve``: where it listens, the policies and the limits."""
    add = command.options.add_argument

    def text(en: str, fr: str, **parts: object) -> str:
        return Phrase(en, fr, **parts).text(lang)

    add(
        "--host",
        default="127.0.0.1",
        metavar=text("ADDRESS", "ADRESSE"),
        help=text(
            "the address to listen on (default: 127.0.0.1, this machine only)",
            "l'adresse d'écoute (par défaut" + NBSP + ": 127.0.0.1, cette machine seulement)",
        ),
    )
    add(
        "--port",
        type=int,
        default=8000,
        metavar="PORT",
        help=text("the port (default: 8000)", "le port (par défaut" + NBSP + ": 8000)"),
    )
    add(
        "--policies",
        metavar=text("FOLDER", "DOSSIER"),
        help=text(
            "a folder of policy documents (.toml, .json) served beside the presets, each named"
            " after its file; read once at start",
            "un dossier de documents de politique (.toml, .json) servis à côté des"
            " préréglages, chacun sous le nom de son fichier" + NBSP + "; lus une fois au"
            " démarrage",
        ),
    )
    add(
        "--max-body",
        type=int,
        default=DEFAULT_MAX_BODY,
        metavar=text("BYTES", "OCTETS"),
        help=text(
            "the largest request body (default: {size})",
            "le plus grand corps de requête (par défaut" + NBSP + ": {size})",
            size=number(DEFAULT_MAX_BODY, lang),
        ),
    )
    add(
        "--max-batch",
        type=int,
        default=DEFAULT_MAX_BATCH,
        metavar=text("AGENTS", "AGENTS"),
        help=text(
            "the most agents in one batch (default: {count})",
            "le plus grand nombre d'agents d'un lot (par défaut" + NBSP + ": {count})",
            count=number(DEFAULT_MAX_BATCH, lang),
        ),
    )
    add(
        "--cors-origin",
        action="append",
        default=[],
        dest="cors_origins",
        metavar=text("ORIGIN", "ORIGINE"),
        help=text(
            "an origin whose browser scripts may call the service (repeatable; default: none,"
            " CORS off)",
            "une origine dont les scripts de navigateur peuvent appeler le service"
            " (répétable" + NBSP + "; par défaut" + NBSP + ": aucune, CORS désactivé)",
        ),
    )
    lang_option(command, lang)
    command.set_defaults(command="serve", run=run)


_MISSING: Final = Phrase(
    "the web service needs the 'server' extra ({missing} missing): python -m pip install"
    " 'teletravail[server]'",
    "le service web a besoin de l'extra «" + NBSP + "server" + NBSP + "» ({missing}"
    " manquant)" + NBSP + ": python -m pip install 'teletravail[server]'",
)


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; exit code 1 when the ``server`` extra is missing."""
    missing = [name for name in _NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        print_error(Phrase(_MISSING, _MISSING.text("fr"), missing=", ".join(missing)), args.lang)
        return EXIT_PROBLEMS
    from teletravail.server import Settings, serve

    settings = Settings(
        host=args.host,
        port=args.port,
        policies=args.policies,
        max_body=args.max_body,
        max_batch=args.max_batch,
        cors_origins=tuple(args.cors_origins),
    )
    serve(settings)
    return EXIT_OK
