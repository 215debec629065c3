"""The words of an assessment's outcome: what became of each agent, and the rules an
ask can break.

:data:`STATUSES` names the statuses in the order of their codes: an assessment's
``status`` column holds the codes (:data:`GRANTED` to :data:`NOT_CONCERNED`), and
``statuses()`` the words. The words, and what each means, are those of the package's
one vocabulary of row statuses (:mod:`teletravail.statuses`).
:data:`PLACES_CODE` is the policy's own rule on an ask, reported with the quota's rules
in the order of :data:`RULE_ORDER`.
"""

from __future__ import annotations

from teletravail.scheduling.checks import RULE_CODES
from teletravail.statuses import ASSESSMENT_STATUSES

__all__ = [
    "GRANTED",
    "INVALID",
    "NOT_ASKED",
    "NOT_CONCERNED",
    "NOT_ELIGIBLE",
    "NOT_SELECTED",
    "PLACES_CODE",
    "REFUSED",
    "RULE_ORDER",
    "STATUSES",
]

#: What became of each agent assessed, in the order of the status codes.
STATUSES: tuple[str, ...] = ASSESSMENT_STATUSES
#: The code of each status in an assessment's ``status`` column.
(
    GRANTED,
    REFUSED,
    NOT_ELIGIBLE,
    NOT_SELECTED,
    INVALID,
    NOT_ASKED,
    NOT_CONCERNED,
) = range(len(STATUSES))

#: The policy's own rule on an ask: telework only at the policy's places.
PLACES_CODE = "policy.places"

#: The rules of an ask, in the order they are reported.
RULE_ORDER = (PLACES_CODE, *RULE_CODES)
