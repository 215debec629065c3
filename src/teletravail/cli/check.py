"""``teletravail check FILE... [--on DATE]``: validate policy documents, and with ``--on``
check them against the public-service framework in force on that date.

The library's modules are imported when the command runs, so that ``teletravail --help``
stays fast (it loads neither numpy nor pint).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from teletravail.messages import Lang

from .exits import EXIT_NOT_CONFORMING, EXIT_OK, EXIT_PROBLEMS
from .language import COLON

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    """Print each document's problems under its name, or ``ok``; with ``args.on``, the
    conformity of each good document. Exit code 1 for problems, 3 for a good document
    that does not conform."""
    from teletravail import config
    from teletravail.errors import ConfigError, Problem, ValidationError, problems_counted

    lang: Lang = args.lang
    colon = COLON[lang]
    code = EXIT_OK
    for name in args.files:
        try:
            policy = config.load(name)
        except ConfigError as error:
            problems: Sequence[Problem] = error.problems
        except ValidationError as error:  # not a .toml or .json file
            problems = [Problem(error.field, error.value, error.expected)]
        else:
            ok = "ok" if lang == "en" else "aucun problème"
            print(f"{name}{colon} {ok} ({policy.name}, {policy.territory})")
            if args.on is not None:
                from teletravail.conformity import check_conformity

                report = check_conformity(policy, args.on)
                for line in report.render(lang).splitlines():
                    print(f"  {line}")
                if not report.conforms and code == EXIT_OK:
                    code = EXIT_NOT_CONFORMING
            continue
        code = EXIT_PROBLEMS
        print(f"{name}{colon} {problems_counted(len(problems)).text(lang)}")
        for problem in problems:
            print(f"  {problem.text(lang)}")
    return code
