"""Ready-made eligibility rules of the schemes known from the press, with their sources.

The full policies (quotas, places, allowances) come as presets of their own; these are
the eligibility parts, usable on their own.
"""

from __future__ import annotations

import attrs

from teletravail.bibliography import LOT_2013_GENERALISATION, LOZERE_2015
from teletravail.dated import Duration
from teletravail.units import Q_, per_registry

from .criteria import (
    ExcludedRoles,
    MinimumSeniority,
    MinimumWorkingTime,
    TeleworkablePost,
    Volunteer,
)
from .rules import AllOf
from .selection import SelectionCampaign

__all__ = ["LOT_2013_EXCLUDED", "lot_2013", "lozere_2015", "lozere_2015_selection"]

#: Role codes (and tags) excluded by the Lot from 2013: production jobs, managers and
#: social workers (daily contact with the public), agents working 100 % on business
#: applications.
LOT_2013_EXCLUDED = frozenset({"production", "cadre", "travail_social", "applications_metier"})

LOT_2013_SOURCE = attrs.evolve(
    LOT_2013_GENERALISATION,
    reference="appel à candidatures de novembre 2012\u00a0; comité technique paritaire du 29 juin"
    " 2012",
)
LOZERE_2015_SOURCE = attrs.evolve(
    LOZERE_2015, reference="8 agents volontaires retenus sur la distance domicile-travail"
)


@per_registry
def lot_2013() -> AllOf:
    """The Lot's eligibility rule from 2013-01-01 ("Le conseil général du Lot généralise
    le télétravail après un an d'expérimentation", La Gazette des communes, 6 July 2012).

    At least one year in the collectivity, a working time of at least 90 %, not in an
    excluded role (production, cadre, travail_social, applications_metier, as a role or
    a tag), a volunteer (the scheme opened by a call for applications) on a post judged
    teleworkable (600 of the 1,200 posts).
    """
    return AllOf(
        rules=(
            MinimumSeniority(minimum=Duration(years=1), source=LOT_2013_SOURCE),
            MinimumWorkingTime(minimum=Q_(90, "percent"), source=LOT_2013_SOURCE),
            ExcludedRoles(roles=LOT_2013_EXCLUDED, tags=LOT_2013_EXCLUDED, source=LOT_2013_SOURCE),
            Volunteer(source=LOT_2013_SOURCE),
            TeleworkablePost(source=LOT_2013_SOURCE),
        )
    )


def lozere_2015() -> Volunteer:
    """The Lozère's eligibility (2015): volunteers; seats then go by commute distance."""
    return Volunteer(source=LOZERE_2015_SOURCE)


def lozere_2015_selection() -> SelectionCampaign:
    """The Lozère's 2015 campaign: 8 seats, the longest one-way commute first."""
    return SelectionCampaign(
        seats=8, rank_by="commute_distance", descending=True, name="Lozère 2015"
    )
