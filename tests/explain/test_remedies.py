"""What would make a refusal acceptable: the day from which seniority is reached, and
the most a quota would grant."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from teletravail.dated import Duration
from teletravail.explain import CriterionResult
from teletravail.explain.remedies import eligibility_remedy, eligible_from, quota_remedy
from teletravail.units import Q_


def test_eligible_from_by_hand() -> None:
    on = dt.date(2013, 3, 1)
    assert eligible_from(Duration(months=6), Duration(years=1), on) == dt.date(2013, 9, 1)
    assert eligible_from(Duration(days=10), Duration(months=6), on) == dt.date(2013, 8, 19)
    assert eligible_from(Duration(), Duration(years=1), on) is None  # not hired yet


@given(
    hired=st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
    later=st.integers(1, 2000),
    minimum=st.builds(Duration, years=st.integers(0, 3), months=st.integers(0, 11)),
)
def test_eligible_from_is_the_day_the_minimum_is_reached(
    hired: dt.date, later: int, minimum: Duration
) -> None:
    """Whenever it says a day, it is the day the minimum is reached from the true hire
    date (month ends may leave it unsaid, never wrong)."""
    on = hired + dt.timedelta(days=later)
    found = eligible_from(Duration.between(hired, on), minimum, on)
    assert found is None or found == minimum.after(hired)
    if hired.day <= 28:
        assert found == minimum.after(hired)


def test_the_remedy_of_an_excluded_role_is_not_told() -> None:
    role = CriterionResult(
        code="role.excluded", passed=False, observed=("cadre",), threshold=("cadre",)
    )
    assert eligibility_remedy([role], dt.date(2013, 3, 1), "fr") is None


def test_volunteering_is_what_a_non_volunteer_needs() -> None:
    leaf = CriterionResult(code="volunteer", passed=False, observed=False, threshold=True)
    assert eligibility_remedy([leaf], dt.date(2013, 3, 1), "fr") == (
        "pour être éligible\u00a0: le volontariat de l'agent"
    )


def test_a_quota_remedy_with_a_minimum_and_half_days() -> None:
    minimum = CriterionResult(
        code="quota.minimum",
        passed=False,
        observed=Q_(0.5, "workday/week"),
        threshold=Q_(1, "workday/week"),
    )
    step = CriterionResult(
        code="quota.granularity",
        passed=False,
        observed=Q_(0.5, "workday/week"),
        threshold=Q_(1, "workday"),
    )
    text = quota_remedy([minimum, step], [minimum, step], Q_(2, "workday/week"), None, "fr")
    assert text == (
        "ce qui serait accordé\u00a0: au moins 1 jour par semaine et au plus 2 jours par"
        " semaine, en journées entières"
    )
    exactly = quota_remedy([minimum], [minimum], Q_(1, "workday/week"), Q_(80, "percent"), "en")
    assert exactly == "what would be granted: 1 day a week at 80%"
    nothing = quota_remedy([], [], Q_(0, "workday/week"), None, "en")
    assert nothing == "what would be granted: no day of telework"
