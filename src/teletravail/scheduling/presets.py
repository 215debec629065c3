"""Quotas of the schemes known from the press and of the national framework, with their
sources."""

from __future__ import annotations

import attrs

from teletravail.bibliography import CANTAL_AGENTS, LOT_2013_GENERALISATION
from teletravail.dated import Source
from teletravail.units import per_registry

from .quota import FloatingDays, PartTimeCap, Quota, national_derogations

__all__ = [
    "cantal_2012",
    "floating_public_service",
    "lot_2013",
    "part_time_caps",
    "public_service",
]

DECRET_2016_151 = Source(
    title="Décret n° 2016-151 du 11 février 2016, art. 3",
    reference="at most 3 days a week, at least 2 on site, assessable over a month",
)
DECRET_2020_524 = Source(
    title="Décret n° 2020-524 du 5 mai 2020",
    reference="art. 2-1: fixed days and floating days per week, month or year",
)
LOT_2013 = attrs.evolve(
    LOT_2013_GENERALISATION, reference="1 à 1,5 jour de télétravail par semaine"
)
CANTAL_2012 = attrs.evolve(CANTAL_AGENTS, reference="2 ou 3 jours de télétravail par semaine")


@per_registry
def public_service() -> Quota:
    """The national framework: at most 3 days a week, at least 2 on site (counted on the
    days worked), assessable over a month, half days counted, the four derogations."""
    return Quota(
        name="public service (décret 2016-151)",
        maximum="3 workday/week",
        on_site_minimum="2 workday/week",
        granularity="halfday",
        assessed="week",
        derogations=national_derogations(),
        source=DECRET_2016_151,
    )


@per_registry
def lot_2013() -> Quota:
    """The Lot from 2013: 1 to 1.5 days a week, so half days count ("Le conseil général
    du Lot généralise le télétravail après un an d'expérimentation", La Gazette des
    communes, 6 July 2012).

    No derogations: those of the national framework date from 2016 to 2021; a model of
    the Lot today would add them with ``attrs.evolve(quota, derogations=...)``.
    """
    return Quota(
        name="Lot 2013",
        minimum="1 workday/week",
        maximum="1.5 workday/week",
        on_site_minimum="2 workday/week",
        granularity="halfday",
        source=LOT_2013,
    )


@per_registry
def cantal_2012() -> Quota:
    """The Cantal's 2012 pilot for its agents: 2 or 3 whole days a week ("La politique
    d'accueil des télétravailleurs dans le Cantal", Zevillage)."""
    return Quota(
        name="Cantal 2012",
        minimum="2 workday/week",
        maximum="3 workday/week",
        on_site_minimum="2 workday/week",
        granularity="day",
        source=CANTAL_2012,
    )


PART_TIME_ARRETE = Source(
    title="Ministerial arrêté on telework (which ministry is not identified)",
    reference="LEGIARTI000043057505: 2.5 days for part-time 60-90 %, 1.5 for half-time",
    note="unconfirmed: a single secondary source quoting the arrêté",
)


def part_time_caps() -> tuple[PartTimeCap, ...]:
    """The part-time caps of one ministerial arrêté: 2.5 days a week between 60 % and
    90 %, 1.5 days at half time (unconfirmed; a policy-level rule, not the décret's)."""
    return (
        PartTimeCap(low="60 %", high="90 %", maximum="2.5 workday/week", source=PART_TIME_ARRETE),
        PartTimeCap(low="50 %", high="50 %", maximum="1.5 workday/week", source=PART_TIME_ARRETE),
    )


def floating_public_service(days_per_year: float) -> Quota:
    """The national framework with a volume of floating days a year (décret 2020-524)."""
    return attrs.evolve(
        public_service(),
        floating=FloatingDays(
            volume=f"{days_per_year} workday", per="year", source=DECRET_2020_524
        ),
    )
