"""Criteria: the single conditions that rules are composed of, one module per family.

Each criterion has a stable ``code`` (kept across versions, used in JSON documents and
for translations), a threshold, an optional :class:`~teletravail.sources.Source`, and
computes its answer for a whole workforce with array operations. For the explanation of
one row it also reports the value it observed.

=========================== ============================================================
code                        criterion
=========================== ============================================================
``seniority.minimum``       :class:`MinimumSeniority` (calendar anniversaries)
``working_time.minimum``    :class:`MinimumWorkingTime`
``role.excluded``           :class:`ExcludedRoles` (roles and/or tags)
``commute_distance.minimum`` :class:`MinimumCommuteDistance` (the Lozère criterion)
``commute_time.minimum``    :class:`MinimumCommuteTime`
``volunteer``               :class:`Volunteer`
``post.teleworkable``       :class:`TeleworkablePost`
``derogation.active``       :class:`HasDerogation`
``contract_type.excluded``  :class:`ExcludedContracts`
``activities.excluded``     :class:`ExcludedActivities`
``activities.teleworkable_share`` :class:`TeleworkableActivities` (activities, not posts)
(yours)                     :class:`Predicate`, a function of your own over the columns
=========================== ============================================================

The modules of the package:

* ``criterion``: what every criterion is (:class:`Criterion`), and the minimum of a
  quantity column that several families share;
* ``seniority``: seniority and working time;
* ``roles``: roles, tags of the post and contract types excluded;
* ``commute``: the minimum commute distance and time;
* ``activities``: activities excluded, and the share of teleworkable activities;
* ``volunteering``: the agent volunteered, the post is teleworkable, a derogation is in
  force;
* ``predicates``: a condition of your own.
"""

from .activities import ExcludedActivities, TeleworkableActivities
from .commute import MinimumCommuteDistance, MinimumCommuteTime
from .criterion import Criterion
from .predicates import Predicate
from .roles import ExcludedContracts, ExcludedRoles
from .seniority import MinimumSeniority, MinimumWorkingTime
from .volunteering import HasDerogation, TeleworkablePost, Volunteer

__all__ = [
    "Criterion",
    "ExcludedActivities",
    "ExcludedContracts",
    "ExcludedRoles",
    "HasDerogation",
    "MinimumCommuteDistance",
    "MinimumCommuteTime",
    "MinimumSeniority",
    "MinimumWorkingTime",
    "Predicate",
    "TeleworkableActivities",
    "TeleworkablePost",
    "Volunteer",
]
