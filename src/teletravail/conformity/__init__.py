"""Conformity of a policy with the public-service telework framework, as in force on a date.

``check_conformity(policy, on)`` reads a :class:`~teletravail.policy.Policy` against
décret n° 2016-151 as amended and the forfait télétravail (décret n° 2021-1123 and its
arrêtés), in the versions in force on ``on``, and returns a
:class:`ConformityReport`: a tuple of :class:`Finding` values, each with a stable code,
a severity, the part of the policy concerned (its path), what was observed, the limit,
and the legal text it comes from. Text in English and French is rendered from those
data. A policy *conforms* when no finding is an error.

The modules:

* :mod:`~teletravail.conformity.framework`: the framework's texts with their sources,
  and the limits in force on a date (places, derogations, authorisation terms, notices),
  as dated branches each naming its text;
* :mod:`~teletravail.conformity.checks`: :func:`check_conformity` and the check of
  each part of a policy (quota, part time, derogations, eligibility, places,
  authorisation terms, calendar, populations);
* :mod:`~teletravail.conformity.allowance`: the allowance against the forfait
  télétravail in force;
* :mod:`~teletravail.conformity.findings`: :class:`Finding` and
  :class:`ConformityReport`, their text and their JSON form;
* :mod:`~teletravail.conformity.text`: the sentence of each finding code and the words
  of a report, in English and French.
"""

from __future__ import annotations

from teletravail.messages import Lang as Lang

from .checks import check_conformity
from .findings import ConformityReport, Finding, Severity
from .framework import ART_2_2016 as ART_2_2016
from .framework import ART_2_2020 as ART_2_2020
from .framework import ART_3 as ART_3
from .framework import ART_4_2016 as ART_4_2016
from .framework import ART_4_2019 as ART_4_2019
from .framework import ART_4_2020 as ART_4_2020
from .framework import ART_5_2016 as ART_5_2016
from .framework import ART_5_2020 as ART_5_2020
from .framework import CALENDAR_SOURCE as CALENDAR_SOURCE
from .framework import DECRET_2016_151_IN_FORCE as DECRET_2016_151_IN_FORCE
from .framework import FRAMEWORK_START
from .framework import NOTICE as NOTICE
from .framework import NOTICE_PERIODS as NOTICE_PERIODS
from .framework import derogation_renewals_in_force as derogation_renewals_in_force

# The texts of the framework and ``Lang`` (re-exported ``as`` themselves) stay importable
# from here, as from the module this package was, outside ``__all__`` as they were.
__all__ = [
    "FRAMEWORK_START",
    "ConformityReport",
    "Finding",
    "Severity",
    "check_conformity",
]
