"""Conformity checks of policies against the public-service framework, date by date."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from teletravail import Q_, presets
from teletravail.allowance import (
    Allowance,
    EmployerCost,
    OneOff,
    PerDay,
    forfait_daily_rate,
    forfait_teletravail,
)
from teletravail.allowance import presets as allowance_presets
from teletravail.allowance.forfait import ARRETE_2021_08_26, ARRETE_2022_11_23, ARRETE_2024_04_03
from teletravail.conformity import (
    ART_5_2016,
    ART_5_2020,
    FRAMEWORK_START,
    NOTICE,
    ConformityReport,
    Finding,
    check_conformity,
)
from teletravail.dated import DatedParameter, DatedValue, Duration, Period
from teletravail.dates import FIRST_DATE, LAST_DATE
from teletravail.eligibility import Volunteer
from teletravail.errors import ValidationError
from teletravail.policy import Policy
from teletravail.policy.terms import AuthorisationTerms
from teletravail.scheduling import DerogationRule, PartTimeCap, Quota
from teletravail.scheduling import presets as quota_presets
from teletravail.sources import Source

from ..strategies import (
    authorisation_terms,
    floating_public_service,
    lot_policy,
    public_service_quota,
)

FORFAIT_START = dt.date(2021, 9, 1)
ALL_PLACES = {"home", "telecentre", "site", "other"}


def public_service_policy() -> Policy:
    """The national quota, the forfait télétravail, every place the 2020 text allows."""
    return Policy(
        name="Public service",
        territory="France",
        period=Period(start="2021-09-01"),
        eligibility=Volunteer(),
        quota=public_service_quota(),
        allowance=Allowance(components=[forfait_teletravail()]),
        places=ALL_PLACES,
    )


def cantal_policy() -> Policy:
    """The Cantal's 2012 pilot: 2 or 3 days at home, in télécentres or its offices."""
    return Policy(
        name="Cantal 2012",
        territory="Cantal",
        period=Period(start="2012-01-01"),
        eligibility=Volunteer(),
        quota=presets.load("cantal-2012").quota,
        places={"home", "telecentre", "site"},
    )


def with_quota(policy: Policy, **changes: object) -> Policy:
    """``policy`` with its quota evolved by ``changes``."""
    assert policy.quota is not None
    return attrs.evolve(policy, quota=attrs.evolve(policy.quota, **changes))


def per_day(rate: str, cap: str | None = None, *, start: str = "2021-09-01") -> PerDay:
    """A per-day allowance with one rate (and one yearly cap) from ``start``."""
    source = Source(title="Délibération du conseil départemental")
    return PerDay(
        name="indemnité locale",
        rate=DatedParameter(
            name="local.rate", values=[DatedValue(start=start, value=rate, source=source)]
        ),
        cap=None
        if cap is None
        else DatedParameter(
            name="local.cap", values=[DatedValue(start=start, value=cap, source=source)]
        ),
    )


def with_allowance(policy: Policy, *components: object) -> Policy:
    """``policy`` paying ``components``."""
    return attrs.evolve(policy, allowance=Allowance(components=components))


def finding(report: ConformityReport, code: str) -> Finding:
    """The one finding of ``report`` with ``code``."""
    found = [f for f in report.findings if f.code == code]
    assert len(found) == 1, report.render()
    return found[0]


framework_dates = st.dates(min_value=FRAMEWORK_START, max_value=dt.date(2200, 12, 31))
forfait_dates = st.dates(min_value=FORFAIT_START, max_value=dt.date(2200, 12, 31))


@st.composite
def policy_variants(draw: st.DrawFn) -> Policy:
    """A policy from the presets with a drawn quota, places and allowance."""
    base = draw(st.sampled_from([public_service_policy(), lot_policy(), cantal_policy()]))
    maximum = draw(st.sampled_from([1.5, 2.0, 3.0, 3.5, 5.0]))
    on_site = draw(st.sampled_from([0.0, 1.0, 2.0, 3.0]))
    quota = draw(
        st.sampled_from(
            [
                None,
                Quota(
                    maximum=f"{maximum} workday/week",
                    on_site_minimum=f"{on_site} workday/week",
                    part_time=quota_presets.part_time_caps(),
                    derogations=draw(st.sampled_from([(), public_service_quota().derogations])),
                ),
                floating_public_service(20),
            ]
        )
    )
    places = draw(st.sets(st.sampled_from(sorted(ALL_PLACES)), min_size=1))
    components = draw(
        st.lists(
            st.sampled_from(
                [
                    forfait_teletravail(),
                    allowance_presets.urssaf_per_day(),
                    allowance_presets.urssaf_monthly_flat(),
                    OneOff(amount="100 EUR"),
                    EmployerCost(name="laptop", amount="750 EUR"),
                    per_day("3.10 EUR/workday"),
                ]
            ),
            max_size=3,
        )
    )
    allowance = Allowance(components=components) if components else None
    terms = draw(st.none() | authorisation_terms())
    return attrs.evolve(base, quota=quota, places=places, allowance=allowance, authorisation=terms)


# -- the national presets ---------------------------------------------------------------


@given(day=st.dates(min_value=dt.date(2021, 12, 23), max_value=dt.date(2200, 12, 31)))
def test_public_service_and_forfait_conform_from_decret_2021_1725(day: dt.date) -> None:
    """The public-service preset's quota with the forfait has no finding at all from 2021-12-23."""
    report = check_conformity(public_service_policy(), day)
    assert report.conforms and report.findings == ()


@given(day=st.dates(min_value=FORFAIT_START, max_value=dt.date(2021, 12, 22)))
def test_public_service_before_decret_2021_1725(day: dt.date) -> None:
    """From 2021-09-01 to 2021-12-22 the preset's carer and open pregnancy derogations
    are the only findings: the text then knew no carers and capped pregnancy at 6 months."""
    report = check_conformity(public_service_policy(), day)
    assert report.codes == ("derogation_longer_than_allowed", "derogation_not_provided")
    pregnancy, carer = report.findings
    assert pregnancy.path == "quota.derogations[1].duration"
    assert pregnancy.limit == Duration(months=6) and pregnancy.observed == "unlimited"
    assert carer.path == "quota.derogations[2].kind" and carer.observed == "carer"
    assert carer.limit == ("health", "pregnancy", "exceptional")


@given(
    day=st.dates(min_value=FIRST_DATE, max_value=FRAMEWORK_START - dt.timedelta(days=1)),
    policy=policy_variants(),
)
def test_before_the_framework_a_single_note(day: dt.date, policy: Policy) -> None:
    """Before 2016-02-13 any policy gets one note, no_framework_in_force, and conforms."""
    report = check_conformity(policy, day)
    assert report.codes == ("no_framework_in_force",) and report.conforms
    note = report.findings[0]
    assert note.severity == "note" and note.observed == day and note.limit == FRAMEWORK_START
    assert "2016-151" in note.source.title


def test_framework_starts_the_day_after_publication() -> None:
    """The Cantal's pilot is not checked on 2016-02-12 and is checked from 2016-02-13."""
    before = check_conformity(cantal_policy(), "2016-02-12")
    after = check_conformity(cantal_policy(), "2016-02-13")
    assert before.codes == ("no_framework_in_force",)
    assert after.codes == ("place_not_allowed",)


# -- quota -------------------------------------------------------------------------------


@given(
    day=framework_dates,
    maximum=st.floats(min_value=3.01, max_value=6.5),
    more=st.floats(min_value=0, max_value=0.5),
)
def test_raising_the_maximum_above_3_never_removes_the_quota_finding(
    day: dt.date, maximum: float, more: float
) -> None:
    """A maximum above 3 days is an error, and raising it further keeps the error."""
    base = public_service_policy()
    for value in (maximum, maximum + more):
        report = check_conformity(with_quota(base, maximum=f"{value} workday/week"), day)
        found = finding(report, "quota_above_3_days")
        assert found.severity == "error" and found.path == "quota.maximum"
        assert found.observed == Q_(value, "workday/week") and not report.conforms


@given(day=framework_dates, maximum=st.sampled_from([0.5, 1.0, 1.5, 2.0, 2.5, 3.0]))
def test_a_maximum_of_3_or_less_is_no_quota_finding(day: dt.date, maximum: float) -> None:
    """Exactly 3 days a week, or less, raises no quota_above_3_days."""
    policy = with_quota(public_service_policy(), maximum=f"{maximum} workday/week")
    assert "quota_above_3_days" not in check_conformity(policy, day).codes


def test_no_quota_is_an_error() -> None:
    """A policy without a quota limits nothing: quota_missing, against 3 days a week."""
    report = check_conformity(attrs.evolve(public_service_policy(), quota=None), "2023-01-01")
    found = finding(report, "quota_missing")
    assert found.path == "quota" and found.limit == Q_(3, "workday/week")
    assert not report.conforms


def test_fewer_than_2_days_on_site() -> None:
    """An on-site minimum of 1.5 days is an error on quota.on_site_minimum."""
    policy = with_quota(public_service_policy(), on_site_minimum="1.5 workday/week")
    found = finding(check_conformity(policy, "2023-01-01"), "on_site_below_2_days")
    assert found.path == "quota.on_site_minimum"
    assert found.observed == Q_(1.5, "workday/week") and found.limit == Q_(2, "workday/week")


def test_part_time_bands_on_site() -> None:
    """With 1 day on site, the arrêté's bands leave 1 day on site at 60 % and at 50 %."""
    policy = with_quota(
        public_service_policy(),
        on_site_minimum="1 workday/week",
        part_time=quota_presets.part_time_caps(),
    )
    report = check_conformity(policy, "2023-01-01")
    bands = [f for f in report.findings if f.code == "part_time_on_site_below_2_days"]
    assert [(f.path, f.subject, f.observed) for f in bands] == [
        ("quota.part_time[0]", "60–90 %", Q_(1, "workday/week")),
        ("quota.part_time[1]", "50 %", Q_(1, "workday/week")),
    ]


def test_part_time_bands_with_2_days_on_site_conform() -> None:
    """The arrêté's part-time caps under the national quota raise no finding."""
    policy = with_quota(public_service_policy(), part_time=quota_presets.part_time_caps())
    assert check_conformity(policy, "2023-01-01").findings == ()


def test_part_time_band_above_3_days() -> None:
    """A band capping part-time agents at 3.5 days is an error on its maximum."""
    band = PartTimeCap(low="60 %", high="90 %", maximum="3.5 workday/week")
    policy = with_quota(public_service_policy(), part_time=[band])
    found = finding(check_conformity(policy, "2023-01-01"), "part_time_above_3_days")
    assert found.path == "quota.part_time[0].maximum" and found.observed == Q_(3.5, "workday/week")


def test_floating_days_only_since_decret_2020_524() -> None:
    """A volume of floating days is an error before 2020-05-07 and fine from then on."""
    policy = attrs.evolve(
        public_service_policy(), quota=floating_public_service(20), places={"home"}
    )
    before = check_conformity(policy, "2020-05-06")
    found = finding(before, "floating_days_not_provided")
    assert found.path == "quota.floating" and found.observed == Q_(20, "workday/year")
    assert found.limit == dt.date(2020, 5, 7)
    assert "floating_days_not_provided" not in check_conformity(policy, "2020-05-07").codes
    assert check_conformity(policy, "2022-01-01").findings == ()


# -- derogations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "kind", "duration", "code"),
    [
        ("2016-06-01", "health", "6 months", None),
        ("2019-06-26", "pregnancy", "6 months", "derogation_not_provided"),
        ("2019-06-27", "pregnancy", "6 months", None),
        ("2020-05-06", "exceptional", None, "derogation_not_provided"),
        ("2020-05-07", "exceptional", None, None),
        ("2021-12-22", "carer", "3 months", "derogation_not_provided"),
        ("2021-12-23", "carer", "3 months", None),
        ("2021-12-23", "carer", "4 months", "derogation_longer_than_allowed"),
        ("2021-12-22", "pregnancy", None, "derogation_longer_than_allowed"),
        ("2021-12-23", "pregnancy", None, None),
        ("2023-01-01", "health", "6 months 1 day", "derogation_longer_than_allowed"),
        ("2023-01-01", "health", None, "derogation_longer_than_allowed"),
    ],
)
def test_derogations_as_the_text_stood(
    day: str, kind: str, duration: str | None, code: str | None
) -> None:
    """Each derogation kind is checked against art. 4 in the version in force that day
    (renewed once at most before décret 2020-524, as the text then stood)."""
    rule = DerogationRule(kind=kind, duration=duration, renewals=1 if day < "2020-05-07" else None)
    policy = attrs.evolve(
        with_quota(public_service_policy(), derogations=[rule]), places={"home"}, allowance=None
    )
    report = check_conformity(policy, day)
    assert report.codes == (() if code is None else (code,))
    if code is not None:
        source = report.findings[0].source
        assert report.findings[0].subject == kind and source is not None
        assert source.title == "Décret n° 2016-151 du 11 février 2016"
        assert source.article == "4" and source.reference is None


def test_unlimited_health_derogation_says_so() -> None:
    """A health derogation with no length is observed as unlimited, against 6 months."""
    rule = DerogationRule(kind="health")
    policy = with_quota(public_service_policy(), derogations=[rule])
    found = finding(check_conformity(policy, "2023-01-01"), "derogation_longer_than_allowed")
    assert found.observed == "unlimited" and found.limit == Duration(months=6)
    assert "length unlimited, at most 6 months at a time" in found.message()
    assert "durée illimitée, au plus 6 mois à la fois" in found.message("fr")


# -- places ------------------------------------------------------------------------------


def test_places_before_and_after_decret_2020_524() -> None:
    """Another site of the employer and another private place are allowed from 2020-05-07."""
    policy = public_service_policy()
    quota = presets.load("cantal-2012").quota  # no derogations: only places can be in the way
    policy = attrs.evolve(policy, quota=quota, allowance=None)
    before = check_conformity(policy, "2020-05-06")
    assert before.codes == ("place_not_allowed", "place_not_allowed")
    assert [f.observed for f in before.findings] == ["site", "other"]
    assert before.findings[0].limit == ("home", "telecentre")
    assert check_conformity(policy, "2020-05-07").findings == ()


def test_lot_2013_across_the_texts() -> None:
    """The Lot's scheme: nothing to check in 2013, its sites refused in 2018, fine in 2023."""
    lot = lot_policy()
    assert check_conformity(lot, "2013-01-01").codes == ("no_framework_in_force",)
    in_2018 = check_conformity(lot, "2018-06-01")
    assert in_2018.codes == (
        "place_not_allowed",
        "allowance_before_forfait",
        "seniority_not_in_framework",
    )
    assert not in_2018.conforms
    in_2023 = check_conformity(lot, "2023-01-01")
    assert in_2023.conforms and in_2023.codes == (
        "one_off_not_covered",
        "seniority_not_in_framework",
        "eligibility_by_post",
        "eligibility_by_post",
    )
    note = in_2023.findings[0]
    assert note.severity == "note" and note.path == "allowance[0].amount"
    assert note.observed == Q_(100, "EUR")


# -- allowance ---------------------------------------------------------------------------


@given(day=forfait_dates, extra=st.integers(min_value=1, max_value=500))
def test_a_rate_above_the_forfait_is_an_error(day: dt.date, extra: int) -> None:
    """Any rate a cent or more above the forfait's rate in force is rate_above_forfait."""
    national = forfait_daily_rate().entry_as_of(day)
    rate = float(national.value.m_as("EUR/workday")) + extra / 100
    policy = with_allowance(public_service_policy(), per_day(f"{rate:.2f} EUR/workday", "100 EUR"))
    found = finding(check_conformity(policy, day), "rate_above_forfait")
    assert found.path == "allowance[0].rate" and found.source == national.source
    assert found.limit == national.value and found.observed > found.limit


def test_rate_sources_follow_the_arretes() -> None:
    """The forfait's rate is 2.50 EUR (arrêté of 2021) in 2022, 2.88 EUR (arrêté of 2022) after."""
    policy = with_allowance(public_service_policy(), per_day("3.00 EUR/workday", "100 EUR"))
    in_2022 = finding(check_conformity(policy, "2022-12-31"), "rate_above_forfait")
    in_2023 = finding(check_conformity(policy, "2023-01-01"), "rate_above_forfait")
    assert (in_2022.limit, in_2022.source) == (Q_(2.5, "EUR/workday"), ARRETE_2021_08_26)
    assert (in_2023.limit, in_2023.source) == (Q_(2.88, "EUR/workday"), ARRETE_2022_11_23)


def test_the_2024_cap_holds_for_2024_only() -> None:
    """A 282.24 EUR cap is above the forfait's in 2023 and 2025, and equal to it in 2024."""
    policy = with_allowance(public_service_policy(), per_day("2.88 EUR/workday", "282.24 EUR"))
    for day in ("2023-06-01", "2025-06-01"):
        found = finding(check_conformity(policy, day), "cap_above_forfait")
        assert found.observed == Q_(282.24, "EUR/year") and found.limit == Q_(253.44, "EUR/year")
        assert found.source == ARRETE_2022_11_23
    assert check_conformity(policy, "2024-06-01").findings == ()


def test_a_per_day_allowance_without_cap() -> None:
    """A per-day component with no cap is cap_missing, against the cap of the year."""
    policy = with_allowance(public_service_policy(), per_day("2.50 EUR/workday"))
    found = finding(check_conformity(policy, "2024-02-01"), "cap_missing")
    assert found.path == "allowance[0].cap" and found.limit == Q_(282.24, "EUR/year")
    assert found.source == ARRETE_2024_04_03


def test_a_monthly_cap_is_compared_over_a_year() -> None:
    """The URSSAF limit (2.50 EUR a day, 55 EUR a month) passes the rate, not the cap, in 2022."""
    policy = with_allowance(public_service_policy(), allowance_presets.urssaf_per_day())
    report = check_conformity(policy, "2022-03-01")
    assert report.codes == ("cap_above_forfait",)
    found = report.findings[0]
    assert found.observed == Q_(55, "EUR/month") and found.limit == Q_(220, "EUR/year")
    assert "cap €55.00 a month, at most the forfait's €220.00 a year" in found.message()
    assert "plafond 55,00\u00a0€ par mois" in found.message("fr")


def test_a_monthly_flat_is_a_warning() -> None:
    """A monthly flat amount is not the forfait's form: a warning, the policy still conforms."""
    policy = with_allowance(public_service_policy(), allowance_presets.urssaf_monthly_flat())
    report = check_conformity(policy, "2023-01-01")
    assert report.codes == ("monthly_flat_not_forfait",) and report.conforms
    assert report.findings[0].severity == "warning"
    assert "€10.40 a month per weekly telework day" in report.findings[0].message()


def test_employer_costs_raise_nothing() -> None:
    """Equipment borne by the employer is not paid to the agent: no finding."""
    policy = with_allowance(public_service_policy(), EmployerCost(name="laptop", amount="750 EUR"))
    assert check_conformity(policy, "2023-01-01").findings == ()


def test_an_allowance_before_the_forfait_is_a_note() -> None:
    """Before 2021-09-01 an allowance has no national amount to compare with: a note."""
    policy = attrs.evolve(
        with_allowance(
            public_service_policy(), per_day("2.00 EUR/workday", "100 EUR", start="2020-01-01")
        ),
        quota=presets.load("cantal-2012").quota,
    )
    report = check_conformity(policy, "2021-03-01")
    assert report.codes == ("allowance_before_forfait",) and report.conforms
    found = report.findings[0]
    assert found.observed == dt.date(2021, 3, 1) and found.limit == FORFAIT_START


def test_a_component_with_no_rate_in_force_is_skipped() -> None:
    """A per-day rate that starts later pays nothing yet, so it is not checked yet."""
    policy = with_allowance(public_service_policy(), per_day("9 EUR/workday", start="2030-01-01"))
    assert check_conformity(policy, "2025-01-01").findings == ()
    assert "rate_above_forfait" in check_conformity(policy, "2030-01-01").codes


# -- results: JSON, text, errors ----------------------------------------------------------


def test_report_as_json() -> None:
    """to_dict is JSON-ready, with its schema, counts, findings and both messages."""
    report = check_conformity(lot_policy(), "2018-06-01")
    document = json.loads(json.dumps(report.to_dict()))
    assert document["schema"] == "teletravail.conformity_report"
    assert document["schema_version"] == 2 and document["conforms"] is False
    assert document["counts"] == {"error": 1, "warning": 0, "note": 2}
    place = document["findings"][0]
    assert place["code"] == "place_not_allowed" and place["observed"] == "site"
    assert place["limit"] == ["home", "telecentre"] and place["source"]["title"].startswith("Déc")
    assert place["message"]["fr"].startswith("télétravail sur un autre site de l'employeur")


def test_render_in_english_and_french() -> None:
    """The text gives the verdict, counts, each finding and its source; French puts a
    no-break space before its colons."""
    report = check_conformity(lot_policy(), "2018-06-01")
    english = report.render()
    assert english.splitlines()[0] == (
        "Policy Lot 2013 on 1 June 2018: does not conform (1 error, 0 warnings, 2 notes)"
    )
    assert "place_not_allowed" not in english and str(report) == english
    french = report.render("fr")
    assert french.splitlines()[0] == (
        "Politique Lot 2013 au 1er juin 2018\u00a0: non conforme (1 erreur, 0 avertissement,"
        " 2 remarques)"
    )
    assert "  source\u00a0: décret n° 2016-151" in french and " :" not in french


@given(day=st.dates(min_value=dt.date(2012, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_every_finding_renders_with_a_source(day: dt.date) -> None:
    """Whatever the date, every finding of a messy policy has a source and both texts."""
    messy = attrs.evolve(
        with_quota(
            lot_policy(),
            maximum="4 workday/week",
            on_site_minimum="1 workday/week",
            part_time=quota_presets.part_time_caps(),
            derogations=public_service_quota().derogations,
        ),
        places=ALL_PLACES,
        allowance=Allowance(
            components=[
                OneOff(amount="100 EUR"),
                per_day("3.10 EUR/workday"),
                allowance_presets.urssaf_monthly_flat(),
            ]
        ),
        authorisation=AuthorisationTerms(
            duration="2 ans",
            renewal="tacite",
            adaptation="4 mois",
            notice_agent="1 mois",
            notice_employer="3 mois",
            notice_adaptation="15 jours",
        ),
    )
    report = check_conformity(messy, day)
    assert report.findings
    for item in report.findings:
        assert isinstance(item.source, Source)
        assert item.message("en") and item.message("fr")
    json.dumps(report.to_dict())
    assert len(report.render("fr").splitlines()) == 1 + 2 * len(report.findings)


@given(policy=policy_variants(), day=framework_dates)
def test_conforms_means_no_error(policy: Policy, day: dt.date) -> None:
    """A report conforms exactly when none of its findings is an error."""
    report = check_conformity(policy, day)
    assert report.conforms == (report.count("error") == 0)
    assert sum(report.count(s) for s in ("error", "warning", "note")) == len(report.findings)


def test_far_dates_are_checked() -> None:
    """The last supported day is checked like any other."""
    policy = with_quota(
        public_service_policy(), derogations=[DerogationRule(kind="health", duration="P900Y")]
    )
    report = check_conformity(policy, LAST_DATE)
    assert report.codes == ("derogation_longer_than_allowed",)


def test_dates_outside_the_policy_period_are_allowed() -> None:
    """Asking whether the Lot's 2013 scheme would conform before it started is allowed."""
    report = check_conformity(lot_policy(), "2012-06-01")
    assert report.on == dt.date(2012, 6, 1) and report.policy == "Lot 2013"


@pytest.mark.parametrize(
    ("policy", "on", "field"),
    [
        ("Lot 2013", "2023-01-01", "policy"),
        (None, "2023-01-01", "policy"),
        (lot_policy(), "2023-02-30", "on"),
        (lot_policy(), "1 January 2023", "on"),
        (lot_policy(), dt.datetime(2023, 1, 1, 12, 0), "on"),
        (lot_policy(), 20230101, "on"),
    ],
)
def test_bad_input(policy: object, on: object, field: str) -> None:
    """Anything but a Policy and a date is a ValidationError naming the argument."""
    with pytest.raises(ValidationError) as raised:
        check_conformity(policy, on)  # type: ignore[arg-type]
    assert raised.value.field == field


def test_bad_language_and_findings() -> None:
    """An unknown language, code or severity, a bare number, a missing source: ValidationErrors."""
    report = check_conformity(lot_policy(), "2023-01-01")
    with pytest.raises(ValidationError) as raised:
        report.render("de")  # type: ignore[arg-type]
    assert raised.value.field == "lang"
    good = report.findings[0]
    with pytest.raises(ValidationError) as raised:
        attrs.evolve(good, severity="fatal")
    assert raised.value.field == "severity"
    with pytest.raises(ValidationError) as raised:
        attrs.evolve(good, source=None)
    assert raised.value.field == "source"
    with pytest.raises(ValidationError) as raised:
        attrs.evolve(good, code="quota_too_generous")
    assert raised.value.field == "code"
    with pytest.raises(ValidationError) as raised:
        attrs.evolve(good, observed=3.0)
    assert raised.value.field == "observed"
    with pytest.raises(ValidationError) as raised:
        report.count("fatal")  # type: ignore[arg-type]
    assert raised.value.field == "severity"


def test_reports_are_values() -> None:
    """Two checks of the same policy on the same date give equal, hashable reports."""
    first = check_conformity(lot_policy(), "2023-01-01")
    second = check_conformity(lot_policy(), dt.date(2023, 1, 1))
    assert first == second and hash(first) == hash(second)


def test_small_quotas_leave_enough_presence_without_a_stated_minimum() -> None:
    """A 1- or 1.5-day quota with no stated on-site minimum leaves 3.5+ days on site."""
    from teletravail import presets

    for name in ("lozere-2015", "lot-2011", "lot-2013"):
        report = check_conformity(presets.load(name), "2025-01-01")
        assert "on_site_below_2_days" not in report.codes


# -- authorisation terms -------------------------------------------------------------------

BEFORE_2020 = dt.date(2020, 5, 6)
FROM_2020 = dt.date(2020, 5, 7)


def with_terms(**terms: object) -> Policy:
    """The national policy with these authorisation terms."""
    return attrs.evolve(public_service_policy(), authorisation=AuthorisationTerms(**terms))


def terms_codes(policy: Policy, day: dt.date | str) -> tuple[str, ...]:
    """The codes of the findings about the authorisation terms."""
    report = check_conformity(policy, day)
    return tuple(f.code for f in report.findings if f.path.startswith("authorisation"))


def test_one_year_renewed_tacitly_conforms_from_decret_2020_524_only() -> None:
    """The same terms, a year renewed tacitly up to three years: an error on 6 May 2020
    (the 2016 text asked for an express decision), none from 7 May 2020."""
    policy = with_terms(duration="1 an", renewal="tacite", max_renewals=2, adaptation="3 mois")
    found = finding(check_conformity(policy, BEFORE_2020), "renewal_not_provided")
    assert (found.severity, found.path, found.observed, found.limit) == (
        "error",
        "authorisation.renewal",
        "tacit",
        ("express",),
    )
    assert found.source == ART_5_2016
    assert found.message() == (
        "tacit renewal not provided by the framework in force, which provides: by express decision"
    )
    assert found.message("fr") == (
        "renouvellement tacite non prévu par le cadre en vigueur, qui prévoit\u00a0:"
        " par décision expresse"
    )
    assert terms_codes(policy, BEFORE_2020) == ("renewal_not_provided",)
    assert terms_codes(policy, FROM_2020) == ()
    assert terms_codes(with_terms(duration="1 an", renewal="expresse"), BEFORE_2020) == ()


@pytest.mark.parametrize(
    ("duration", "observed"),
    [(None, "open-ended"), ("2 ans", Duration(years=2)), ("1 an 1 jour", Duration(1, 0, 1))],
)
def test_a_term_over_one_year_only_before_decret_2020_524(
    duration: str | None, observed: object
) -> None:
    """Longer than one year, or open-ended: an error under the 2016 text, not since."""
    policy = with_terms(duration=duration)
    found = finding(check_conformity(policy, "2018-06-01"), "authorisation_longer_than_allowed")
    assert (found.severity, found.path, found.observed, found.limit) == (
        "error",
        "authorisation.duration",
        observed,
        Duration(years=1),
    )
    assert found.source == ART_5_2016
    assert terms_codes(policy, FROM_2020) == ()
    assert terms_codes(with_terms(duration="1 an"), "2018-06-01") == ()
    assert terms_codes(with_terms(duration="12 mois"), BEFORE_2020) == ()


def test_open_ended_terms_read_in_both_languages() -> None:
    """An open-ended authorisation before 2020 says so in English and French."""
    found = finding(
        check_conformity(with_terms(), BEFORE_2020), "authorisation_longer_than_allowed"
    )
    assert found.message() == "authorisation for an open-ended term, at most 1 year at a time"
    assert found.message("fr") == "autorisation pour une durée illimitée, au plus 1 an à la fois"


@pytest.mark.parametrize("day", ["2016-02-13", "2018-06-01", "2020-05-07", "2026-01-01"])
def test_an_adaptation_period_over_3_months_is_an_error(day: str) -> None:
    """4 months of adaptation is an error in every version; 3 months is not."""
    found = finding(
        check_conformity(with_terms(duration="1 an", adaptation="4 mois"), day),
        "adaptation_longer_than_3_months",
    )
    assert (found.severity, found.path, found.observed, found.limit) == (
        "error",
        "authorisation.adaptation",
        Duration(months=4),
        Duration(months=3),
    )
    assert found.source == (ART_5_2016 if day < "2020-05-07" else ART_5_2020)
    assert found.message("fr") == "période d'adaptation de 4 mois, au plus 3 mois"
    assert terms_codes(with_terms(duration="1 an", adaptation="3 mois"), day) == ()


def test_adaptation_in_days_is_compared_from_the_date() -> None:
    """91 days reach past 3 months from 1 January 2023 (90 days then), not from 1 June
    (92 days then): compared as if both started on the date, as derogations are."""
    policy = with_terms(adaptation="91 jours")
    assert terms_codes(policy, "2023-01-01") == ("adaptation_longer_than_3_months",)
    assert terms_codes(policy, "2023-06-01") == ()


@pytest.mark.parametrize(
    ("field", "shorter", "longer", "subject"),
    [
        ("notice_agent", "1 mois", "3 mois", "agent"),
        ("notice_employer", "1 mois", "3 mois", "employer"),
        ("notice_adaptation", "15 jours", "2 mois", "adaptation"),
    ],
)
def test_notice_against_the_framework(field: str, shorter: str, longer: str, subject: str) -> None:
    """A notice shorter than the framework's (2 months, 1 during adaptation) is an
    error, on either side; a longer one a warning; the same one nothing. The source
    says the periods are unconfirmed."""
    extra = {"adaptation": "3 mois"} if field == "notice_adaptation" else {}
    framework = Duration(months=1 if field == "notice_adaptation" else 2)
    for value, code, severity in (
        (shorter, "notice_shorter_than_framework", "error"),
        (longer, "notice_longer_than_framework", "warning"),
    ):
        policy = with_terms(**{field: value}, **extra)
        for day in ("2017-01-01", "2025-01-01"):
            found = finding(check_conformity(policy, day), code)
            assert (found.severity, found.path, found.subject) == (
                severity,
                f"authorisation.{field}",
                subject,
            )
            assert found.observed == Duration.parse(value) and found.limit == framework
            assert found.source == NOTICE and found.source.unconfirmed
    assert terms_codes(with_terms(**{field: framework}, **extra), "2025-01-01") == ()


def test_notice_messages_in_both_languages() -> None:
    """The notice findings say whose notice, in English and French."""
    policy = with_terms(notice_employer="1 mois", notice_agent="3 mois")
    report = check_conformity(policy, "2025-01-01")
    shorter = finding(report, "notice_shorter_than_framework")
    longer = finding(report, "notice_longer_than_framework")
    assert shorter.message() == "notice at the employer's initiative: 1 month, at least 2 months"
    assert shorter.message("fr") == (
        "préavis à l'initiative de l'employeur\u00a0: 1 mois, au moins 2 mois"
    )
    assert longer.message() == (
        "notice at the agent's initiative: 3 months, the framework sets 2 months"
    )
    assert longer.message("fr") == (
        "préavis à l'initiative de l'agent\u00a0: 3 mois, le cadre fixe 2 mois"
    )
    assert report.to_dict()["findings"][-1]["observed"] == {"duration": "P1M"}


def test_a_shortened_employer_notice_is_the_frameworks_own() -> None:
    """The employer's right to shorten its notice for a stated need of the service is
    the framework's: it raises nothing."""
    policy = with_terms(notice_employer="2 mois", employer_may_shorten=True)
    assert terms_codes(policy, "2025-01-01") == ()


def test_before_the_framework_the_terms_are_not_checked() -> None:
    """On 2016-02-12 even terms outside every limit give the single note."""
    policy = with_terms(duration="5 ans", renewal="tacit", adaptation="1 an", notice_agent="1 jour")
    assert check_conformity(policy, "2016-02-12").codes == ("no_framework_in_force",)
    assert set(terms_codes(policy, "2016-02-13")) == {
        "authorisation_longer_than_allowed",
        "renewal_not_provided",
        "adaptation_longer_than_3_months",
        "notice_shorter_than_framework",
    }


@given(day=st.dates(min_value=FROM_2020, max_value=dt.date(2200, 12, 31)))
def test_the_public_service_preset_terms_conform_since_2020(day: dt.date) -> None:
    """The shipped public-service preset states the framework's terms: no finding about
    them from 7 May 2020; before, its open-ended authorisation is the only one."""
    from teletravail import presets

    policy = presets.load("public-service")
    assert policy.authorisation is not None
    assert terms_codes(policy, day) == ()
    assert terms_codes(policy, BEFORE_2020) == ("authorisation_longer_than_allowed",)


def test_eligibility_criteria_against_the_framework() -> None:
    """A rule by post is a warning from the 2021 framework agreement on; a seniority
    minimum a note; contract staff excluded an error (art. 1); apprentices excluded and
    a derogation exception, nothing."""
    from teletravail.eligibility import ExcludedContracts, MinimumSeniority, TeleworkablePost

    base = attrs.evolve(public_service_policy(), places={"home"}, allowance=None)
    by_post = attrs.evolve(base, eligibility=Volunteer() & TeleworkablePost())
    assert "eligibility_by_post" not in check_conformity(by_post, "2021-07-12").codes
    found = finding(check_conformity(by_post, "2021-07-13"), "eligibility_by_post")
    assert found.severity == "warning" and found.path == "eligibility.rules[1]"
    assert found.source.title.startswith("Accord du 13 juillet 2021")
    senior = attrs.evolve(base, eligibility=Volunteer() & MinimumSeniority(minimum="1 year"))
    note = finding(check_conformity(senior, "2023-01-01"), "seniority_not_in_framework")
    assert note.severity == "note" and note.path == "eligibility.rules[1].minimum"
    assert check_conformity(senior, "2023-01-01").conforms
    contracts = ExcludedContracts(contract_types={"contract_staff", "apprentice"})
    excluded = attrs.evolve(base, eligibility=Volunteer() & contracts)
    report = check_conformity(excluded, "2023-01-01")
    error = finding(report, "contract_staff_excluded")
    assert not report.conforms and error.source.article == "1"
    assert error.message("fr").startswith("agents contractuels exclus, alors que le décret")
    apprentices = attrs.evolve(
        base, eligibility=Volunteer() & ExcludedContracts(contract_types={"apprentice"})
    )
    assert check_conformity(apprentices, "2023-01-01").codes == ()


def test_derogation_renewals_against_the_text() -> None:
    """Before décret 2020-524 a derogation is renewed once at most; after it, no limit."""
    endless = DerogationRule(kind="health", duration="6 months")
    policy = attrs.evolve(
        with_quota(public_service_policy(), derogations=[endless]), places={"home"}, allowance=None
    )
    found = finding(check_conformity(policy, "2019-07-01"), "derogation_renewed_beyond_framework")
    assert found.path == "quota.derogations[0].renewals"
    assert found.message("en") == (
        "derogation for health or disability: renewals without limit, at most one renewal"
    )
    assert check_conformity(policy, "2021-12-23").codes == ()


def test_an_answer_time_longer_than_a_month_is_an_error_from_2020() -> None:
    """Two months to answer a request: an error once décret 2020-524 sets one month
    (citing its article 5), nothing before it (the 2016 wording set no time); one month
    or less conforms."""
    slow = with_terms(answer_within="2 mois")
    found = finding(check_conformity(slow, "2024-01-01"), "answer_later_than_framework")
    assert (found.severity, found.path, found.source) == (
        "error",
        "authorisation.answer_within",
        ART_5_2020,
    )
    assert "réponse à une demande dans un délai de 2 mois, au plus 1 mois" in found.message("fr")
    # in 2019 an open-ended authorisation breaks the one-year term of the time, no more
    assert terms_codes(slow, "2019-06-01") == ("authorisation_longer_than_allowed",)
    assert terms_codes(with_terms(answer_within="1 mois"), "2024-01-01") == ()
    assert terms_codes(with_terms(answer_within="15 jours"), "2024-01-01") == ()


def test_a_private_employer_s_policy_is_not_read_against_the_public_service() -> None:
    """The private-sector preset states its sector: conformity gives one note (the
    public-service framework does not apply), citing the Code du travail, and no finding
    of the décret or the forfait."""
    report = check_conformity(presets.load("private-sector"), "2024-01-01")
    assert [(f.code, f.severity, f.path) for f in report.findings] == [
        ("framework_not_applicable", "note", "sector")
    ]
    assert report.findings[0].source.article == "L. 1222-9"
    assert "employeur privé" in report.render("fr") and report.conforms
