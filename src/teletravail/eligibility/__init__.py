"""Eligibility: criteria, their composition, decisions that explain themselves, selection.

- :mod:`~teletravail.eligibility.criteria`: the criteria, one per condition of a scheme.
- :mod:`~teletravail.eligibility.rules`: their composition (all of, any of, not, unless).
- :mod:`~teletravail.eligibility.decisions`: a rule's answers over a workforce, as
  columns (each agent's :class:`Decision` tree is in :mod:`teletravail.explain`).
- :mod:`~teletravail.eligibility.selection`: choosing among the eligible agents.

>>> from teletravail.eligibility import MinimumSeniority, MinimumWorkingTime
>>> rule = MinimumSeniority(minimum="1 year") & MinimumWorkingTime(minimum="90 %")
"""

# The decision trees live in teletravail.explain (quotas answer with them too); they
# stay importable from here, where an eligibility answer is first looked for.
from teletravail.explain import SCHEMA_VERSION, CompositeResult, CriterionResult, Decision

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
from .decisions import BatchDecision
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
