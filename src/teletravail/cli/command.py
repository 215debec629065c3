"""``main``: the ``teletravail`` command line read, the command asked for run, and every
way it can stop turned into an exit code and one line on stderr, never a traceback.

Every text is said in the command's language: its ``--lang``, or else the
environment's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``; :mod:`.language`), decided before
the parser is built, since the parser speaks it too (``--help``, usage errors); a
``--lang`` the library does not have is a usage error (exit code 2) that lists those it
has. A library error (:class:`~teletravail.errors.TeletravailError`) is said in that
language; an error of the system (a file that cannot be read or written)
with its file and reason; a closed pipe (``| head``) ends quietly; Ctrl-C and SIGTERM
stop with exit codes 130 and 143, no output file left half-written.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

from teletravail.messages import LANGS, NBSP, Lang, Phrase, system_reason

from .exits import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_TERMINATED,
    EXIT_USAGE,
)
from .language import asked_lang, environment_lang, lang_of
from .parser import build_parser
from .signals import INTERRUPTED, TERMINATED, Terminated, terminated_on_sigterm
from .stderr import print_error

__all__ = ["command_lang", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: the process's arguments); returns the
    exit code. An interruption (Ctrl-C, SIGTERM) stops it with a one-line message, no
    traceback and no partial output file: exit code 130, or 143 for SIGTERM."""
    with terminated_on_sigterm():
        try:
            return _run(argv)
        except KeyboardInterrupt:  # while the command line was read
            print_error(INTERRUPTED)
            return EXIT_INTERRUPTED
        except Terminated:
            print_error(TERMINATED)
            return EXIT_TERMINATED


def command_lang(argv: Sequence[str]) -> tuple[Lang, str | None]:
    """The language a command line speaks, decided before its parser is built (the
    parser speaks it): its ``--lang`` when it asks for one the library has, otherwise
    the environment's (:func:`~.language.environment_lang`); and the ``--lang`` it asks
    for when the library does not have it (the parser refuses it), else ``None``."""
    asked = asked_lang(argv)
    for lang in LANGS:
        if asked == lang:
            return lang, None
    return environment_lang(), asked


def _run(argv: Sequence[str] | None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    lang, unknown = command_lang(words)
    parser = build_parser(lang)
    try:
        if unknown is not None:
            from teletravail.errors import TeletravailError
            from teletravail.messages import check_lang

            try:
                check_lang(unknown)
            except TeletravailError as error:
                parser.error(error.text(lang))
        args = parser.parse_args(words)
    except SystemExit as exit_:  # --help, --version, or a usage error
        if exit_.code is None:
            return EXIT_OK
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE

    from teletravail.errors import TeletravailError

    lang = lang_of(args)  # a command with --lang says its errors in it
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        print_error(INTERRUPTED, lang)
        return EXIT_INTERRUPTED
    except Terminated:
        print_error(TERMINATED, lang)
        return EXIT_TERMINATED
    except TeletravailError as error:
        print_error(error.text(lang), lang)
        return EXIT_PROBLEMS
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEMS
    except OSError as error:
        where = f"{error.filename}" if error.filename else ""
        failed = Phrase(
            "{where}: {why}" if where else "{why}",
            "{where}" + NBSP + ": {why}" if where else "{why}",
            where=where,
            why=system_reason(error),
        )
        print_error(failed, lang)
        return EXIT_PROBLEMS
    return code
