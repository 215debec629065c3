"""Policies: a territory's whole scheme, and the assessment of agents and workforces over
a dated period.

The package's modules:

* :mod:`~teletravail.policy.policy`: the :class:`Policy` value.
"""

from __future__ import annotations

from teletravail.policy.policy import (
    ASSESSMENT_SCHEMA_VERSION,
    PLACES_CODE,
    STATUSES,
    Assessment,
    BatchAssessment,
    Policy,
    PopulationAssessment,
    Profiles,
    compare_policies,
    render_assessment,
    totals_of,
)

__all__ = [
    "STATUSES",
    "Assessment",
    "BatchAssessment",
    "Policy",
    "PopulationAssessment",
    "Profiles",
    "compare_policies",
    "totals_of",
]
