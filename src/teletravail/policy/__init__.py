"""Policies: a territory's whole scheme, and the assessment of agents and workforces over
a dated period.

A :class:`Policy` ties the parts of a scheme together (eligibility, quota, places,
calendar, allowance, selection, leave, impact, authorisation terms, populations);
``policy.assess(agent_or_workforce, on, period=...)`` composes the parts' own column
methods into an :class:`Assessment` of one agent or a :class:`BatchAssessment` of a
workforce. The package's modules:

* :mod:`~teletravail.policy.policy`: the :class:`Policy` value (its fields and their
  validation, the periods it assesses, the policy of one population, pickling);
* :mod:`~teletravail.policy.populations`: the groups of agents with rules of their own
  (:class:`~teletravail.policy.populations.Population`), and who belongs to which;
* :mod:`~teletravail.policy.terms`: the terms of the individual authorisations
  (:class:`~teletravail.policy.terms.AuthorisationTerms`);
* :mod:`~teletravail.policy.engine`: the composition of an assessment, step by step;
* :mod:`~teletravail.policy.asks`: each agent's ask, and what the places and the quota
  make of it;
* :mod:`~teletravail.policy.profiles`: agents assessed alike, found once and answered
  once (:class:`Profiles`);
* :mod:`~teletravail.policy.statuses`: the statuses (:data:`STATUSES`) and their codes,
  and the rules an ask can break;
* :mod:`~teletravail.policy.results`: one population's assessment
  (:class:`PopulationAssessment`), and :func:`totals_of`;
* :mod:`~teletravail.policy.batch`: a workforce's assessment (:class:`BatchAssessment`);
* :mod:`~teletravail.policy.assessment`: one agent's assessment (:class:`Assessment`);
* :mod:`~teletravail.policy.text`: an assessment as text in English or French
  (:func:`render_assessment`);
* :mod:`~teletravail.policy.compare`: two policies side by side
  (:func:`compare_policies`).
"""

from __future__ import annotations

from teletravail.policy.assessment import ASSESSMENT_SCHEMA_VERSION as ASSESSMENT_SCHEMA_VERSION
from teletravail.policy.assessment import Assessment
from teletravail.policy.batch import BatchAssessment
from teletravail.policy.compare import compare_policies
from teletravail.policy.policy import Policy
from teletravail.policy.profiles import Profiles
from teletravail.policy.results import PopulationAssessment, totals_of
from teletravail.policy.statuses import PLACES_CODE as PLACES_CODE
from teletravail.policy.statuses import STATUSES
from teletravail.policy.text import render_assessment as render_assessment

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
