"""Two policies side by side: :func:`compare_policies` says who changes status between
them on one workforce over one period, and how the totals move."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np

from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.policy.statuses import GRANTED
from teletravail.workforce import Errors, Workforce

if TYPE_CHECKING:
    from teletravail.policy.policy import Policy

__all__ = ["compare_policies"]


def compare_policies(
    first: Policy,
    second: Policy,
    workforce: Workforce,
    on: dt.date | str,
    *,
    period: Any = None,
    errors: Errors = "raise",
) -> dict[str, Any]:
    """Who changes status between two policies on one workforce over one period, and
    how the totals move. With ``errors="report"`` a row that either policy cannot
    assess is left out of both (and listed under ``"errors"``), so that the totals
    compare the same agents."""
    if not isinstance(workforce, Workforce):
        raise ValidationError("workforce", workforce, Phrase("a Workforce", "un objet Workforce"))
    a, b = (
        p.assess_workforce(workforce, on, period=period, errors=errors) for p in (first, second)
    )
    first_errors, second_errors = a.errors, b.errors
    bad = a.invalid | b.invalid
    if bad.any():
        kept = workforce.take(np.flatnonzero(~bad))
        a, b = (p.assess_workforce(kept, on, period=period) for p in (first, second))
        workforce = kept
    ids = workforce.ids
    granted_a = a.status == GRANTED
    granted_b = b.status == GRANTED
    gained = ids[~granted_a & granted_b]
    lost = ids[granted_a & ~granted_b]
    totals_a, totals_b = a.totals(), b.totals()
    return {
        "gained": [str(i) for i in gained],
        "lost": [str(i) for i in lost],
        "errors": sorted(
            {e.row: e for e in (*first_errors, *second_errors)}.values(), key=lambda e: e.row
        ),
        "totals": {
            key: {
                first.name: totals_a[key],
                second.name: totals_b[key],
                "difference": totals_b[key] - totals_a[key],
            }
            for key in totals_a
            if key in totals_b and not isinstance(totals_a[key], dict)
        },
    }
