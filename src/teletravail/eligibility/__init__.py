"""Eligibility: criteria, their composition, decisions that explain themselves, selection.

>>> from teletravail.eligibility import MinimumSeniority, MinimumWorkingTime
>>> rule = MinimumSeniority(minimum="1 year") & MinimumWorkingTime(minimum="90 %")
"""

from .criteria import (
    Criterion,
    ExcludedActivities,
    ExcludedContracts,
    ExcludedRoles,
    HasDerogation,
    MinimumCommuteDistance,
    MinimumCommuteTime,
    MinimumSeniority,
    MinimumWorkingTime,
    Predicate,
    TeleworkableActivities,
    TeleworkablePost,
    Volunteer,
)
from .decision import (
    SCHEMA_VERSION,
    BatchDecision,
    CompositeResult,
    CriterionResult,
    Decision,
)
from .rules import AllOf, AnyOf, Not, Rule, Unless, all_of, any_of
from .selection import Selection, SelectionCampaign

__all__ = [
    "SCHEMA_VERSION",
    "AllOf",
    "AnyOf",
    "BatchDecision",
    "CompositeResult",
    "Criterion",
    "CriterionResult",
    "Decision",
    "ExcludedActivities",
    "ExcludedContracts",
    "ExcludedRoles",
    "HasDerogation",
    "MinimumCommuteDistance",
    "MinimumCommuteTime",
    "MinimumSeniority",
    "MinimumWorkingTime",
    "Not",
    "Predicate",
    "Rule",
    "Selection",
    "SelectionCampaign",
    "TeleworkableActivities",
    "TeleworkablePost",
    "Unless",
    "Volunteer",
    "all_of",
    "any_of",
]
