"""Policies: a territory's whole scheme, and the assessment of agents and workforces over
a dated period.

The package's modules:

* :mod:`~teletravail.policy.policy`: the :class:`Policy` value.
"""

from __future__ import annotations

from teletravail.policy.policy import (
    ASSESSMENT_SCHEMA_VERSION as ASSESSMENT_SCHEMA_VERSION,
)
from teletravail.policy.policy import (
    PLACES_CODE as PLACES_CODE,
)
from teletravail.policy.policy import (
    STATUSES,
    Assessment,
    BatchAssessment,
    Policy,
    PopulationAssessment,
    Profiles,
    compare_policies,
    totals_of,
)
from teletravail.policy.policy import (
    render_assessment as render_assessment,
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
