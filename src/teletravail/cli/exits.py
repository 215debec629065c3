"""The exit codes of the ``teletravail`` command, as ``main`` returns them."""

from __future__ import annotations

from typing import Final

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_NOT_CONFORMING",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
]

#: Everything went well.
EXIT_OK: Final = 0
#: A document has problems, some workforce rows are invalid, or the library refused.
EXIT_PROBLEMS: Final = 1
#: The command line itself is wrong (argparse's own code).
EXIT_USAGE: Final = 2
#: ``check --on``: every document reads well, but one does not conform to the framework.
EXIT_NOT_CONFORMING: Final = 3
#: Interrupted (Ctrl-C, SIGINT): 128 + 2, as shells report it.
EXIT_INTERRUPTED: Final = 130
#: Stopped by SIGTERM: 128 + 15.
EXIT_TERMINATED: Final = 143
