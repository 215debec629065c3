"""The checks of a policy against the framework in force on a date: :func:`check_conformity`
and what it reads, part by part.

* the quota: at most 3 telework days a week and 2 on site, for full-timers and at the
  lowest working time of each part-time band; floating days before décret 2020-524;
* the derogations above 3 days, against the grounds, lengths and renewals of art. 4 in
  force;
* the eligibility criteria, the policy's and each population's: a rule by post where
  the framework asks for an assessment by activity, a seniority minimum the framework
  does not set, contract staff excluded where the décret applies to them;
* the places of telework, against art. 2 in force;
* the allowance, component by component, against the forfait télétravail's rate and
  yearly cap (or a note where the forfait does not reach it);
* the authorisation's terms: its length, renewal, adaptation period and notices;
* the calendar: worked holidays that are no holiday, days off not worked anyway;
* each population's own quota, places and allowance, at the population's key path.

The limits and their texts come from :mod:`teletravail.conformity.framework`; each
check returns :class:`~teletravail.conformity.findings.Finding` values.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from teletravail.dated import Duration
from teletravail.dates import to_date
from teletravail.eligibility import (
    AllOf,
    AnyOf,
    ExcludedContracts,
    ExcludedRoles,
    MinimumSeniority,
    Not,
    Rule,
    TeleworkablePost,
    Unless,
)
from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.policy import Policy
from teletravail.policy.terms import AuthorisationTerms
from teletravail.scheduling.quota import Quota
from teletravail.sources import CODE_DU_TRAVAIL
from teletravail.units import Q_
from teletravail.week import PlaceKind
from teletravail.workforce import ContractType, DerogationKind

from .allowance import allowance_findings
from .findings import ConformityReport, Finding, Severity
from .framework import (
    ACCORD_2021,
    ACCORD_2021_START,
    ART_1,
    ART_2_2016,
    ART_3,
    CALENDAR_SOURCE,
    DECRET_2016_151_IN_FORCE,
    FLOATING_DAYS_START,
    FRAMEWORK_START,
    NOTICE,
    NOTICE_PERIODS,
    answer_in_force,
    authorisation_in_force,
    derogation_renewals_in_force,
    derogations_in_force,
    places_in_force,
)
from .text import Word

if TYPE_CHECKING:
    from teletravail.scheduling.working_time import PartTimeCap
    from teletravail.units import Quantity

__all__ = ["check_conformity"]

_EPS = 1e-9
#: The text a private employer's telework stands on (the public-service framework does
#: not apply to it).
PRIVATE_SECTOR = attrs.evolve(CODE_DU_TRAVAIL, article="L. 1222-9")


def check_conformity(policy: Policy, on: dt.date | str) -> ConformityReport:
    """Check ``policy`` against the public-service framework as in force on ``on``.

    Before the framework existed (:data:`FRAMEWORK_START`) the report holds a single
    note. ``on`` need not fall within the policy's own period: asking whether an old
    scheme would conform today is a fair question.
    """
    if not isinstance(policy, Policy):
        raise ValidationError("policy", policy, Phrase("a Policy", "un objet Policy"))
    day = to_date(on, "on")
    if policy.sector == "private":
        findings = [
            Finding(
                code="framework_not_applicable",
                severity="note",
                path="sector",
                observed=Word.PRIVATE,
                limit=Word.PUBLIC,
                source=PRIVATE_SECTOR,
            )
        ]
    elif day < FRAMEWORK_START:
        findings = [
            Finding(
                code="no_framework_in_force",
                severity="note",
                path="policy",
                observed=day,
                limit=FRAMEWORK_START,
                source=DECRET_2016_151_IN_FORCE,
            )
        ]
    else:
        findings = [
            *([] if _replaced_everywhere(policy, "quota") else _quota_findings(policy.quota, day)),
            *([] if _replaced_everywhere(policy, "places") else _place_findings(policy, day)),
            *([] if _replaced_everywhere(policy, "allowance") else allowance_findings(policy, day)),
            *_authorisation_findings(policy.authorisation, day),
            *(
                []
                if _replaced_everywhere(policy, "eligibility")
                else _eligibility_findings(policy.eligibility, "eligibility", day)
            ),
            *_population_findings(policy, day),
        ]
    findings += _calendar_findings(policy)
    return ConformityReport(policy=policy.name, on=day, findings=findings)


def _replaced_everywhere(policy: Policy, part: str) -> bool:
    """Whether every population the scheme concerns states its own ``part``, so that
    the policy's own applies to no agent (agents in no population are not concerned)."""
    concerned = [p for p in policy.populations if p.concerned]
    return bool(policy.populations) and all(getattr(p, part) is not None for p in concerned)


def _calendar_findings(policy: Policy) -> list[Finding]:
    """Days of the calendar that do not say what they seem to: a worked holiday that is
    no public holiday (most likely a wrong date: Whit Monday moves every year), a day
    off that is a public holiday already or falls on a weekend."""
    calendar = policy.calendar
    plain = attrs.evolve(calendar, extra_days_off=frozenset(), worked_holidays=frozenset())
    findings: list[Finding] = []
    for day in sorted(calendar.worked_holidays):
        if plain.is_working_day(day) or day.weekday() in calendar.weekend:
            findings.append(
                Finding(
                    code="worked_holiday_not_a_holiday",
                    severity="warning",
                    path="calendar.worked_holidays",
                    observed=day,
                    limit=None,
                    source=CALENDAR_SOURCE,
                )
            )
    for day in sorted(calendar.extra_days_off):
        if not plain.is_working_day(day):
            findings.append(
                Finding(
                    code="day_off_not_a_working_day",
                    severity="note",
                    path="calendar.extra_days_off",
                    observed=day,
                    limit=None,
                    source=CALENDAR_SOURCE,
                )
            )
    return findings


def _population_findings(policy: Policy, day: dt.date) -> list[Finding]:
    """The findings of the rules a population states in place of the policy's (its
    quota, places or allowance), at the population's key path."""
    findings: list[Finding] = []
    for index, population in enumerate(policy.populations):
        if not population.concerned:
            continue
        own = policy.for_population(population.name)
        found: list[Finding] = []
        if population.quota is not None:
            found += _quota_findings(own.quota, day)
        if population.places is not None:
            found += _place_findings(own, day)
        if population.allowance is not None:
            found += allowance_findings(own, day)
        if population.eligibility is not None:
            found += _eligibility_findings(population.eligibility, "eligibility", day)
        prefix = f"populations[{index}]."
        findings += [attrs.evolve(f, path=prefix + f.path) for f in found]
    return findings


def _per_week(quantity: Quantity) -> float:
    return float(quantity.m_as("workday/week"))


def _quota_findings(quota: Quota | None, day: dt.date) -> list[Finding]:
    three = Q_(3.0, "workday/week")
    if quota is None:  # nothing limits the days: every agent may telework every day
        return [
            Finding(
                code="quota_missing",
                severity="error",
                path="quota",
                observed=Word.UNLIMITED,
                limit=three,
                source=ART_3,
            )
        ]
    out: list[Finding] = []
    if _per_week(quota.maximum) > 3 + _EPS:
        out.append(
            Finding(
                code="quota_above_3_days",
                severity="error",
                path="quota.maximum",
                observed=quota.maximum,
                limit=three,
                source=ART_3,
            )
        )
    # the presence a full-timer keeps: the week worked less the telework the quota allows
    # (a 1.5-day quota leaves 3.5 days on site even when no on-site minimum is stated)
    # a stated minimum under 2 days binds part-timers, so it is an error in itself
    full_week = quota.days_worked(Q_(100, "percent"))
    allowed = float(quota.allowed_columns([100.0]).m_as("workday/week")[0])
    stated = _per_week(quota.on_site_minimum)
    if full_week - allowed < 2 - _EPS or 0 < stated < 2 - _EPS:
        presence = stated if 0 < stated < 2 - _EPS else full_week - allowed
        out.append(
            Finding(
                code="on_site_below_2_days",
                severity="error",
                path="quota.on_site_minimum",
                observed=Q_(presence, "workday/week"),
                limit=Q_(2.0, "workday/week"),
                source=ART_3,
            )
        )
    out.extend(_part_time_findings(quota))
    if quota.floating is not None and day < FLOATING_DAYS_START:
        out.append(
            Finding(
                code="floating_days_not_provided",
                severity="error",
                path="quota.floating",
                observed=Q_(
                    float(quota.floating.volume.m_as("workday")), f"workday/{quota.floating.per}"
                ),
                limit=FLOATING_DAYS_START,
                source=ART_2_2016,
            )
        )
    out.extend(_derogation_findings(quota, day))
    out.extend(_renewal_findings(quota, day))
    return out


def _part_time_findings(quota: Quota) -> list[Finding]:
    """A band may not cap above 3 days; and at the lowest working time of the band, the
    days left on site (with the quota's own arithmetic) must be at least 2, or every day
    worked when the agent works fewer."""
    out: list[Finding] = []
    for index, band in enumerate(quota.part_time):
        label = _band_words(band)
        if _per_week(band.maximum) > 3 + _EPS:
            out.append(
                Finding(
                    code="part_time_above_3_days",
                    severity="error",
                    path=f"quota.part_time[{index}].maximum",
                    subject=label,
                    observed=band.maximum,
                    limit=Q_(3.0, "workday/week"),
                    source=ART_3,
                )
            )
        worked = quota.days_worked(band.low)
        allowed = float(quota.allowed_columns([band.low_percent]).m_as("workday/week")[0])
        needed = min(2.0, worked)
        if worked - allowed < needed - _EPS:
            out.append(
                Finding(
                    code="part_time_on_site_below_2_days",
                    severity="error",
                    path=f"quota.part_time[{index}]",
                    subject=label,
                    observed=Q_(worked - allowed, "workday/week"),
                    limit=Q_(needed, "workday/week"),
                    source=ART_3,
                )
            )
    return out


def _band_words(band: PartTimeCap) -> Phrase:
    """A part-time band in words, in English and French (``60–90 %``, ``de 60 % à moins
    de 100 %``)."""
    english = band.describe()
    low = f"{band.low_percent:g}\u00a0%".replace(".", ",")
    if band.high is None and band.low_percent == 0:
        french = "toute quotité à temps partiel"
    elif band.high is None:
        french = f"de {low} à moins de 100\u00a0%"
    elif band.low_percent == band.high_percent:
        french = low
    else:
        french = f"{band.low_percent:g}–{band.high_percent:g}\u00a0%".replace(".", ",")
    return Phrase(english, french)


def _longer(duration: Duration, limit: Duration, day: dt.date) -> bool:
    """Whether ``duration`` reaches further than ``limit`` when both start on ``day``
    (kept before year 9999; a duration that runs past it is the longer)."""
    start = min(day, dt.date(9000, 1, 1))
    try:
        reached = duration.after(start)
    except ValidationError:
        return True
    return reached > limit.after(start)


def _derogation_findings(quota: Quota, day: dt.date) -> list[Finding]:
    provided, source = derogations_in_force(day)
    kinds = tuple(kind for kind in DerogationKind if kind in provided)
    out: list[Finding] = []
    for index, rule in enumerate(quota.derogations):
        if rule.kind not in provided:
            out.append(
                Finding(
                    code="derogation_not_provided",
                    severity="error",
                    path=f"quota.derogations[{index}].kind",
                    subject=rule.kind,
                    observed=rule.kind,
                    limit=kinds,
                    source=source,
                )
            )
            continue
        longest = provided[rule.kind]
        if longest is not None and (rule.duration is None or _longer(rule.duration, longest, day)):
            out.append(
                Finding(
                    code="derogation_longer_than_allowed",
                    severity="error",
                    path=f"quota.derogations[{index}].duration",
                    subject=rule.kind,
                    observed=Word.UNLIMITED if rule.duration is None else rule.duration,
                    limit=longest,
                    source=source,
                )
            )
    return out


def _renewal_findings(quota: Quota, day: dt.date) -> list[Finding]:
    """A derogation the policy renews more often than art. 4 in force allows."""
    allowed, source = derogation_renewals_in_force(day)
    out: list[Finding] = []
    for index, rule in enumerate(quota.derogations):
        if rule.kind not in allowed:
            continue  # not provided at all: derogation_not_provided says so
        most, ours = allowed[rule.kind], rule.most_renewals
        if most is not None and (ours is None or ours > most):
            out.append(
                Finding(
                    code="derogation_renewed_beyond_framework",
                    severity="error",
                    path=f"quota.derogations[{index}].renewals",
                    subject=rule.kind,
                    observed=(
                        Phrase("renewals without limit", "des renouvellements sans limite")
                        if ours is None
                        else _renewal_words(ours)
                    ),
                    limit=_renewal_words(most),
                    source=source,
                )
            )
    return out


def _renewal_words(count: int) -> Phrase:
    if count == 0:
        return Phrase("no renewal", "aucun renouvellement")
    if count == 1:
        return Phrase("one renewal", "un renouvellement")
    return Phrase("{n} renewals", "{n} renouvellements", n=count)


#: Contract types the décret applies to (art. 1: civil servants, probationers among
#: them, and public agents who are not civil servants): excluding them by type
#: contradicts it. Apprentices, trainees and doctoral contracts are left unsettled
#: (docs/conformity.md says why): no finding.
_PUBLIC_AGENTS: tuple[ContractType, ...] = (ContractType.PROBATIONER, ContractType.CONTRACT_STAFF)


def _criteria(rule: Rule, path: str) -> list[tuple[Rule, str]]:
    """The criteria that restrict eligibility in ``rule``, each with its key path: every
    member of an all-of and any-of group and the rule of an exception; a negated
    criterion and an exception's own condition open eligibility rather than restrict it,
    so they are left out."""
    if isinstance(rule, Not):
        return []
    if isinstance(rule, Unless):
        return _criteria(rule.rule, f"{path}.rule")
    if isinstance(rule, AllOf | AnyOf):
        members = rule.rules
        out: list[tuple[Rule, str]] = []
        for index, member in enumerate(members):
            out += _criteria(member, f"{path}.rules[{index}]")
        return out
    return [(rule, path)]


def _eligibility_findings(rule: Rule, path: str, day: dt.date) -> list[Finding]:
    """The eligibility criteria the framework in force on ``day`` contradicts (a rule
    by post after the 2021 framework agreement, contract staff excluded) or does not set
    (a seniority minimum: a note)."""
    out: list[Finding] = []
    by_activity = Phrase(
        "an assessment of the activities carried out", "une appréciation des activités exercées"
    )
    for criterion, where in _criteria(rule, path):
        if isinstance(criterion, TeleworkablePost | ExcludedRoles) and day >= ACCORD_2021_START:
            if isinstance(criterion, TeleworkablePost):
                observed = Phrase(
                    "a post declared teleworkable", "un poste déclaré télétravaillable"
                )
            else:
                names = ", ".join(
                    n.replace("_", " ") for n in sorted(criterion.roles | criterion.tags)
                )
                observed = Phrase(
                    "posts excluded ({names})", "postes exclus ({names})", names=names
                )
            out.append(
                Finding(
                    code="eligibility_by_post",
                    severity="warning",
                    path=where,
                    observed=observed,
                    limit=by_activity,
                    source=ACCORD_2021,
                )
            )
        elif isinstance(criterion, MinimumSeniority):
            out.append(
                Finding(
                    code="seniority_not_in_framework",
                    severity="note",
                    path=f"{where}.minimum",
                    observed=criterion.minimum,
                    limit=Word.NONE_SET,
                    source=DECRET_2016_151_IN_FORCE,
                )
            )
        elif isinstance(criterion, ExcludedContracts):
            excluded = tuple(t for t in _PUBLIC_AGENTS if t in criterion.contract_types)
            if excluded:
                out.append(
                    Finding(
                        code="contract_staff_excluded",
                        severity="error",
                        path=f"{where}.contract_types",
                        observed=excluded,
                        limit=_PUBLIC_AGENTS,
                        source=ART_1,
                    )
                )
    return out


def _place_findings(policy: Policy, day: dt.date) -> list[Finding]:
    allowed, source = places_in_force(day)
    return [
        Finding(
            code="place_not_allowed",
            severity="error",
            path="places",
            subject=place,
            observed=place,
            limit=allowed,
            source=source,
        )
        for place in PlaceKind
        if place in policy.places and place not in allowed
    ]


def _authorisation_findings(terms: AuthorisationTerms | None, day: dt.date) -> list[Finding]:
    """The terms of the authorisations against art. 5 in force on ``day``: the length
    of a term, the form of renewal, the time to answer a request, the adaptation
    period, and each notice against the framework's (shorter: an error; longer: a
    warning)."""
    if terms is None:
        return []
    longest, renewals, adaptation, source = authorisation_in_force(day)
    out: list[Finding] = []
    if longest is not None and (terms.duration is None or _longer(terms.duration, longest, day)):
        out.append(
            Finding(
                code="authorisation_longer_than_allowed",
                severity="error",
                path="authorisation.duration",
                observed=Word.OPEN_ENDED if terms.duration is None else terms.duration,
                limit=longest,
                source=source,
            )
        )
    if terms.renewal is not None and terms.renewal not in renewals:
        out.append(
            Finding(
                code="renewal_not_provided",
                severity="error",
                path="authorisation.renewal",
                subject=terms.renewal,
                observed=terms.renewal,
                limit=renewals,
                source=source,
            )
        )
    answer, answer_source = answer_in_force(day)
    if (
        terms.answer_within is not None
        and answer is not None
        and answer_source is not None
        and _longer(terms.answer_within, answer, day)
    ):
        out.append(
            Finding(
                code="answer_later_than_framework",
                severity="error",
                path="authorisation.answer_within",
                observed=terms.answer_within,
                limit=answer,
                source=answer_source,
            )
        )
    if terms.adaptation is not None and _longer(terms.adaptation, adaptation, day):
        out.append(
            Finding(
                code="adaptation_longer_than_3_months",
                severity="error",
                path="authorisation.adaptation",
                observed=terms.adaptation,
                limit=adaptation,
                source=source,
            )
        )
    sides = {
        "notice_agent": Word.AGENT,
        "notice_employer": Word.EMPLOYER,
        "notice_adaptation": Word.ADAPTATION,
    }
    for field, side in sides.items():
        notice, framework = getattr(terms, field), NOTICE_PERIODS[field]
        if notice is None:
            continue  # the framework's notice applies
        severity: Severity
        if _longer(framework, notice, day):
            code, severity = "notice_shorter_than_framework", "error"
        elif _longer(notice, framework, day):
            code, severity = "notice_longer_than_framework", "warning"
        else:
            continue
        out.append(
            Finding(
                code=code,
                severity=severity,
                path=f"authorisation.{field}",
                subject=side,
                observed=notice,
                limit=framework,
                source=NOTICE,
            )
        )
    return out
