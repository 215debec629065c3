"""Conformity of a policy with the public-service telework framework, as in force on a date.

``check_conformity(policy, on)`` reads a :class:`~teletravail.policy.Policy` against
décret n° 2016-151 as amended and the forfait télétravail (décret n° 2021-1123 and its
arrêtés), in the versions in force on ``on``, and returns a
:class:`ConformityReport`: a tuple of :class:`Finding` values, each with a stable code,
a severity, the part of the policy concerned (its path), what was observed, the limit,
and the legal text it comes from. Text in English and French is rendered from those
data. A policy *conforms* when no finding is an error.

The framework's history is written below as dated branches, each naming its text:

* before 2016-02-13 there is no framework (décret 2016-151 of 11 February 2016,
  published on the 12th, applies from the next day): one note, nothing else checked;
* art. 2, places: home or professional premises distinct from the employer's (2016);
  home, another private place or any place for professional use (décret 2020-524, in
  force 2020-05-07), so from then on also another site of the employer;
* art. 2-1, floating days: only since décret 2020-524 (telework had to be regular);
* art. 3: at most 3 telework days a week, at least 2 on site (all versions);
* art. 4, derogations above 3 days: health (2016); health, disability or pregnancy,
  6 months (décret 2019-637, 2019-06-27); the same, plus an exceptional situation
  (décret 2020-524, 2020-05-07); health or disability 6 months, pregnancy, carers 3
  months, exceptional situations (décret 2021-1725, 2021-12-23);
* forfait télétravail: a per-day rate and a yearly cap from 2021-09-01 (décret
  2021-1123 and its arrêtés), read from :mod:`teletravail.allowance.forfait`;
* art. 5, the authorisation's terms: one year at most, renewed by express decision, an
  adaptation period of 3 months at most (2016); no longest length and no form of
  renewal imposed, the same adaptation period (décret 2020-524, 2020-05-07); in every
  version, 2 months' notice on either side, 1 month during adaptation, the
  employer's shorter for a stated need of the service (unconfirmed).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from teletravail.allowance.components import Component, MonthlyFlat, OneOff, PerDay
from teletravail.allowance.forfait import (
    DECRET_2021_1123,
    forfait_annual_cap,
    forfait_daily_rate,
)
from teletravail.dated import DatedParameter, Duration, Source, to_date
from teletravail.eligibility.decision import SCHEMA_VERSION, Value, encode_value
from teletravail.eligibility.text import format_value
from teletravail.errors import NoValueInForceError, ValidationError
from teletravail.messages import Phrase, choices
from teletravail.policy import Policy
from teletravail.policy.terms import AuthorisationTerms, Renewal
from teletravail.scheduling.presets import DECRET_2016_151
from teletravail.scheduling.quota import DECRET_2021_1725, Quota
from teletravail.units import Q_
from teletravail.week import PlaceKind
from teletravail.workforce import DerogationKind

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = [
    "FRAMEWORK_START",
    "ConformityReport",
    "Finding",
    "Severity",
    "check_conformity",
]

Lang = Literal["en", "fr"]
Severity = Literal["error", "warning", "note"]
_SEVERITIES: tuple[Severity, ...] = ("error", "warning", "note")

#: The first day décret n° 2016-151 applies (published in the JORF of 12 February 2016,
#: in force the day after, as a text that sets no date of its own).
FRAMEWORK_START = dt.date(2016, 2, 13)
_DECRET_2019_637 = dt.date(2019, 6, 27)  # art. 4 replaced (health, disability, pregnancy)
_DECRET_2020_524 = dt.date(2020, 5, 7)  # art. 2, 2-1 and 4 amended
_DECRET_2021_1725 = dt.date(2021, 12, 23)  # art. 4: four grounds of derogation

_EPS = 1e-9

DECRET_2016_151_IN_FORCE = Source(
    title="Décret n° 2016-151 du 11 février 2016",
    reference="JORF 12 February 2016, in force 2016-02-13; taken for loi n° 2012-347, art. 133",
)
ART_2_2016 = Source(
    title="Décret n° 2016-151 du 11 février 2016, art. 2 (original wording)",
    reference=(
        "telework done regularly, at the agent's home or in professional premises distinct"
        " from the employer's and from the place of assignment"
    ),
    note="wording from secondary sources quoting the original text",
)
ART_2_2020 = Source(
    title="Décret n° 2016-151, art. 2 and 2-1, as amended by décret n° 2020-524 du 5 mai 2020",
    reference=(
        "in force 2020-05-07: at home, in another private place or in any place for"
        " professional use; regular or occasional telework, fixed and floating days"
    ),
)
ART_4_2016 = Source(
    title="Décret n° 2016-151 du 11 février 2016, art. 4 (original wording)",
    reference="derogation for the agent's health, after the occupational doctor's opinion",
    note="unconfirmed: the 6-month length is read in the 2019 wording that replaced it",
)
ART_4_2019 = Source(
    title="Décret n° 2016-151, art. 4, as replaced by décret n° 2019-637 du 25 juin 2019",
    reference=(
        "in force 2019-06-27: health, disability or pregnancy, 6 months at most,"
        " renewable once per authorisation period, after the occupational doctor's opinion"
    ),
)
ART_4_2020 = Source(
    title="Décret n° 2016-151, art. 4, as amended by décret n° 2020-524 du 5 mai 2020",
    reference=(
        "in force 2020-05-07: health, disability or pregnancy, 6 months at most, renewable;"
        " a temporary authorisation in an exceptional situation"
    ),
)
ART_5_2016 = Source(
    title="Décret n° 2016-151 du 11 février 2016, art. 5 (original wording)",
    reference=(
        "an authorisation of one year at most, renewable by express decision after an"
        " interview with the direct superior and on their opinion; an adaptation period of"
        " 3 months at most"
    ),
    note=(
        "read in secondary sources of 2016 (law-firm and union summaries, which say one year"
        " at most); service-public.fr's page F13974 of before 2020 reads one year, or the"
        " length the employer's own rules set"
    ),
)
ART_5_2020 = Source(
    title="Décret n° 2016-151, art. 5, as amended by décret n° 2020-524 du 5 mai 2020",
    reference=(
        "in force 2020-05-07: the authorisation states its length where it has one (no"
        " longest length, no express renewal required); an adaptation period of 3 months"
        " at most"
    ),
    note="exact wording unconfirmed: read in union and management-centre summaries",
)
NOTICE = Source(
    title="Décret n° 2016-151, art. 5: ending telework (2016 wording and as amended in 2020)",
    reference=(
        "at any time, in writing, at the agent's or the administration's initiative, with 2"
        " months' notice, 1 month during the adaptation period; the administration's notice"
        " may be shortened for a duly reasoned need of the service"
    ),
    note=(
        "unconfirmed: read in a Conseil d'État staff arrêté of 31 December 2020 (art. 12)"
        " that restates the décret, and for 2016 in a law firm's summary of the 2-month"
        " notice; the décret's own wording was not consulted"
    ),
)


class _Word(enum.StrEnum):
    """Values a finding observes that are words, rendered in each language."""

    UNLIMITED = "unlimited"
    OPEN_ENDED = "open-ended"
    AGENT = "agent"
    EMPLOYER = "employer"
    ADAPTATION = "adaptation"


# -- the framework in force on a date (dated branches, each naming its text) -------------


def _places_in_force(day: dt.date) -> tuple[tuple[PlaceKind, ...], Source]:
    """The places of telework the framework allows on ``day``, and the text."""
    if day >= _DECRET_2020_524:
        # décret 2020-524, art. 2: home, another private place, any professional place
        return (PlaceKind.HOME, PlaceKind.TELECENTRE, PlaceKind.SITE, PlaceKind.OTHER), ART_2_2020
    # décret 2016-151, art. 2 (2016): home, or premises distinct from the employer's
    return (PlaceKind.HOME, PlaceKind.TELECENTRE), ART_2_2016


def _authorisation_in_force(
    day: dt.date,
) -> tuple[Duration | None, tuple[Renewal, ...], Duration, Source]:
    """The longest term of an authorisation on ``day`` (``None``: no limit), the forms
    of renewal allowed, the longest adaptation period, and the text."""
    if day >= _DECRET_2020_524:
        # décret 2020-524, art. 5: a length only where there is one, any renewal
        return None, (Renewal.EXPRESS, Renewal.TACIT), Duration(months=3), ART_5_2020
    # décret 2016-151, art. 5 (2016): one year at most, renewed by express decision
    return Duration(years=1), (Renewal.EXPRESS,), Duration(months=3), ART_5_2016


#: The framework's notice to end telework on either side, and during adaptation (all
#: versions; unconfirmed against the décret's wording, see :data:`NOTICE`).
NOTICE_PERIODS: dict[str, Duration] = {
    "notice_agent": Duration(months=2),
    "notice_employer": Duration(months=2),
    "notice_adaptation": Duration(months=1),
}


def _derogations_in_force(day: dt.date) -> tuple[dict[DerogationKind, Duration | None], Source]:
    """The derogations above the 3-day cap on ``day``, each with its longest single
    length (``None``: the text sets none), and the text."""
    six, three = Duration(months=6), Duration(months=3)
    if day >= _DECRET_2021_1725:
        # décret 2021-1725, art. 4: 1° health or disability, 2° pregnancy, 3° carers, 4° exceptional
        return {
            DerogationKind.HEALTH: six,
            DerogationKind.PREGNANCY: None,
            DerogationKind.CARER: three,
            DerogationKind.EXCEPTIONAL: None,
        }, DECRET_2021_1725
    if day >= _DECRET_2020_524:
        # décret 2020-524: health, disability or pregnancy (6 months); exceptional situation
        return {
            DerogationKind.HEALTH: six,
            DerogationKind.PREGNANCY: six,
            DerogationKind.EXCEPTIONAL: None,
        }, ART_4_2020
    if day >= _DECRET_2019_637:
        # décret 2019-637: health, disability or pregnancy, 6 months
        return {DerogationKind.HEALTH: six, DerogationKind.PREGNANCY: six}, ART_4_2019
    # décret 2016-151, art. 4 (2016): the agent's health
    return {DerogationKind.HEALTH: six}, ART_4_2016


# -- findings ----------------------------------------------------------------------------


def _severity(instance: Any, attribute: Any, value: Any) -> None:
    if value not in _SEVERITIES:
        raise ValidationError("severity", value, choices(_SEVERITIES))


def _text(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            attribute.name, value, Phrase("a non-empty string", "un texte non vide")
        )


def _code(instance: Any, attribute: Any, value: Any) -> None:
    if value not in _TEMPLATES:
        raise ValidationError("code", value, choices(list(_TEMPLATES)))


def _optional_text(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _source(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, Source):
        raise ValidationError(
            "source",
            value,
            Phrase(
                "a Source naming the legal text", "un objet Source qui nomme le texte juridique"
            ),
        )


def _value(instance: Any, attribute: Any, value: Any) -> None:
    import pint

    if value is None or isinstance(value, str | dt.date | Duration | pint.Quantity):
        return
    if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        return
    raise ValidationError(
        attribute.name,
        value,
        Phrase(
            "a quantity, a word, a date, a duration or None",
            "une quantité, un mot, une date, une durée ou None",
        ),
    )


@attrs.frozen(kw_only=True)
class Finding:
    """One point where a policy departs from the framework, or is worth a remark.

    ``code`` is stable, one of the codes in ``docs/conformity.md``
    (``quota_above_3_days``); ``severity`` is ``"error"`` (the policy does not
    conform), ``"warning"`` (it cannot be checked, or rests on grounds outside the
    framework) or ``"note"``; ``path`` names the part of the policy
    (``quota.maximum``, ``allowance[1].rate``, ``places``); ``subject`` names what the
    finding is about when the path alone does not (a derogation kind, a place, a
    component's name); ``observed`` and ``limit`` are quantities, durations, dates or
    words; ``source`` is the legal text.
    """

    code: str = attrs.field(validator=_code)
    severity: Severity = attrs.field(validator=_severity)
    path: str = attrs.field(validator=_text)
    observed: Value = attrs.field(validator=_value)
    limit: Value = attrs.field(validator=_value)
    source: Source = attrs.field(validator=_source)
    subject: str | None = attrs.field(default=None, validator=_optional_text)

    def message(self, lang: Lang = "en") -> str:
        """The finding as a sentence in English or French, from its data."""
        _check_lang(lang)
        return _TEMPLATES[self.code][lang].format(
            subject=_show(self.subject, lang),
            observed=_show(self.observed, lang),
            limit=_show(self.limit, lang),
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, with the message in both languages."""
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "subject": None if self.subject is None else str(self.subject),
            "observed": _encode(self.observed),
            "limit": _encode(self.limit),
            "source": self.source.to_dict(),
            "message": {"en": self.message("en"), "fr": self.message("fr")},
        }


def _encode(value: Value) -> Any:
    if isinstance(value, str):
        return str(value)  # a member of a string enum as its plain value
    if isinstance(value, tuple):
        return [str(item) for item in value]
    return encode_value(value)


def _findings(value: Any) -> tuple[Finding, ...]:
    if isinstance(value, str | Finding) or not isinstance(value, Iterable):
        raise ValidationError(
            "findings", value, Phrase("a sequence of Finding", "une suite d'objets Finding")
        )
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, Finding):
            raise ValidationError(
                f"findings[{index}]", item, Phrase("a Finding", "un objet Finding")
            )
    return items


def _date(value: Any) -> dt.date:
    return to_date(value, "on")


@attrs.frozen(kw_only=True)
class ConformityReport:
    """What :func:`check_conformity` found for one policy on one date."""

    policy: str = attrs.field(validator=_text)
    on: dt.date = attrs.field(converter=_date)
    findings: tuple[Finding, ...] = attrs.field(converter=_findings)

    @property
    def conforms(self) -> bool:
        """True when no finding is an error (warnings and notes do not count)."""
        return not any(finding.severity == "error" for finding in self.findings)

    @property
    def codes(self) -> tuple[str, ...]:
        """The findings' codes, in order."""
        return tuple(finding.code for finding in self.findings)

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        if severity not in _SEVERITIES:
            raise ValidationError("severity", severity, choices(_SEVERITIES))
        return sum(1 for finding in self.findings if finding.severity == severity)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document with a schema version."""
        return {
            "schema": "teletravail.conformity_report",
            "schema_version": SCHEMA_VERSION,
            "policy": self.policy,
            "on": self.on.isoformat(),
            "conforms": self.conforms,
            "counts": {severity: self.count(severity) for severity in _SEVERITIES},
            "findings": [finding.to_dict() for finding in self.findings],
        }

    def render(self, lang: Lang = "en") -> str:
        """The report as lines of text in English or French: the verdict with the counts,
        then each finding with its path, code and source."""
        _check_lang(lang)
        colon = _COLON[lang]
        verdict = _WORDS["conforms" if self.conforms else "does_not_conform"][lang]
        counts = ", ".join(_counted(self.count(s), s, lang) for s in _SEVERITIES)
        head = f"{_WORDS['policy'][lang]} {self.policy} {_WORDS['on'][lang]} {self.on.isoformat()}"
        out = [f"{head}{colon} {verdict} ({counts})"]
        for finding in self.findings:
            word = _WORDS[finding.severity][lang]
            out.append(f"[{word}] {finding.message(lang)} ({finding.path}, {finding.code})")
            out.append(f"  {_WORDS['source'][lang]}{colon} {finding.source.cite(lang)}")
        return "\n".join(out)

    def __str__(self) -> str:
        return self.render("en")


# -- the checks --------------------------------------------------------------------------


def check_conformity(policy: Policy, on: dt.date | str) -> ConformityReport:
    """Check ``policy`` against the public-service framework as in force on ``on``.

    Before the framework existed (:data:`FRAMEWORK_START`) the report holds a single
    note. ``on`` need not fall within the policy's own period: asking whether an old
    scheme would conform today is a fair question.
    """
    if not isinstance(policy, Policy):
        raise ValidationError("policy", policy, Phrase("a Policy", "un objet Policy"))
    day = to_date(on, "on")
    if day < FRAMEWORK_START:
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
            *(
                []
                if _replaced_everywhere(policy, "allowance")
                else _allowance_findings(policy, day)
            ),
            *_authorisation_findings(policy.authorisation, day),
            *_population_findings(policy, day),
        ]
    findings += _calendar_findings(policy)
    return ConformityReport(policy=policy.name, on=day, findings=findings)


def _replaced_everywhere(policy: Policy, part: str) -> bool:
    """Whether every population the scheme concerns states its own ``part``, so that
    the policy's own applies to no agent (agents in no population are not concerned)."""
    concerned = [p for p in policy.populations if p.concerned]
    return bool(policy.populations) and all(getattr(p, part) is not None for p in concerned)


#: The calendar a document writes is checked against the holidays package's.
CALENDAR_SOURCE: Final = Source(
    title="Code du travail, art. L. 3133-1 (public holidays) and L. 3134-13 (Alsace-Moselle)",
    reference="the public holidays of France and of its subdivisions, as the calendar reads them",
)


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
            found += _allowance_findings(own, day)
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
                observed=_Word.UNLIMITED,
                limit=three,
                source=DECRET_2016_151,
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
                source=DECRET_2016_151,
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
                source=DECRET_2016_151,
            )
        )
    out.extend(_part_time_findings(quota))
    if quota.floating is not None and day < _DECRET_2020_524:
        out.append(
            Finding(
                code="floating_days_not_provided",
                severity="error",
                path="quota.floating",
                observed=Q_(
                    float(quota.floating.volume.m_as("workday")), f"workday/{quota.floating.per}"
                ),
                limit=_DECRET_2020_524,
                source=ART_2_2016,
            )
        )
    out.extend(_derogation_findings(quota, day))
    return out


def _part_time_findings(quota: Quota) -> list[Finding]:
    """A band may not cap above 3 days; and at the lowest working time of the band, the
    days left on site (with the quota's own arithmetic) must be at least 2, or every day
    worked when the agent works fewer."""
    out: list[Finding] = []
    for index, band in enumerate(quota.part_time):
        label = band.describe()
        if _per_week(band.maximum) > 3 + _EPS:
            out.append(
                Finding(
                    code="part_time_above_3_days",
                    severity="error",
                    path=f"quota.part_time[{index}].maximum",
                    subject=label,
                    observed=band.maximum,
                    limit=Q_(3.0, "workday/week"),
                    source=DECRET_2016_151,
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
                    source=DECRET_2016_151,
                )
            )
    return out


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
    provided, source = _derogations_in_force(day)
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
                    observed=_Word.UNLIMITED if rule.duration is None else rule.duration,
                    limit=longest,
                    source=source,
                )
            )
    return out


def _place_findings(policy: Policy, day: dt.date) -> list[Finding]:
    allowed, source = _places_in_force(day)
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
    of a term, the form of renewal, the adaptation period, and each notice against the
    framework's (shorter: an error; longer: a warning)."""
    if terms is None:
        return []
    longest, renewals, adaptation, source = _authorisation_in_force(day)
    out: list[Finding] = []
    if longest is not None and (terms.duration is None or _longer(terms.duration, longest, day)):
        out.append(
            Finding(
                code="authorisation_longer_than_allowed",
                severity="error",
                path="authorisation.duration",
                observed=_Word.OPEN_ENDED if terms.duration is None else terms.duration,
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
        "notice_agent": _Word.AGENT,
        "notice_employer": _Word.EMPLOYER,
        "notice_adaptation": _Word.ADAPTATION,
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


def _in_force(parameter: DatedParameter, day: dt.date) -> Quantity | None:
    try:
        return parameter.as_of(day)
    except NoValueInForceError:
        return None


def _month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _allowance_findings(policy: Policy, day: dt.date) -> list[Finding]:
    if policy.allowance is None:
        return []
    out: list[Finding] = []
    for index, component in enumerate(policy.allowance.components):
        out.extend(_COMPONENT_FINDINGS[component.kind](component, f"allowance[{index}]", day))
    return out


def _before_forfait(component: Component, path: str, day: dt.date) -> list[Finding]:
    """A note for an amount in force before the forfait existed (nothing to compare)."""
    start = forfait_daily_rate().values[0].start
    if day >= start:
        return []
    return [
        Finding(
            code="allowance_before_forfait",
            severity="note",
            path=path,
            subject=component.name,
            observed=day,
            limit=start,
            source=DECRET_2021_1123,
        )
    ]


def _one_off_findings(component: Component, path: str, day: dt.date) -> list[Finding]:
    assert isinstance(component, OneOff)
    early = _before_forfait(component, path, day)
    if early:
        return early
    return [
        Finding(
            code="one_off_not_covered",
            severity="note",
            path=f"{path}.amount",
            subject=component.name,
            observed=component.amount,
            limit=None,
            source=DECRET_2021_1123,
        )
    ]


def _monthly_flat_findings(component: Component, path: str, day: dt.date) -> list[Finding]:
    assert isinstance(component, MonthlyFlat)
    observed = _in_force(component.rate, day)
    if observed is None:
        return []  # no amount in force on the day: nothing is paid then
    early = _before_forfait(component, path, day)
    if early:
        return early
    return [
        Finding(
            code="monthly_flat_not_forfait",
            severity="warning",
            path=f"{path}.rate",
            subject=component.name,
            observed=observed,
            limit=forfait_daily_rate().as_of(day),
            source=DECRET_2021_1123,
        )
    ]


def _per_day_or_early(component: Component, path: str, day: dt.date) -> list[Finding]:
    assert isinstance(component, PerDay)
    if _in_force(component.rate, day) is None:
        return []  # no amount in force on the day: nothing is paid then
    return _before_forfait(component, path, day) or _per_day_findings(component, path, day)


def _no_findings(component: Component, path: str, day: dt.date) -> list[Finding]:
    return []  # the employer's own costs: nothing is paid to the agent


#: What each kind of allowance component is checked for (one entry per kind of
#: :data:`~teletravail.allowance.components.COMPONENT_KINDS`; a test keeps them equal).
_COMPONENT_FINDINGS: dict[str, Callable[[Component, str, dt.date], list[Finding]]] = {
    "one_off": _one_off_findings,
    "per_day": _per_day_or_early,
    "monthly_flat": _monthly_flat_findings,
    "employer_cost": _no_findings,
}


def _euros(quantity: Quantity, unit: str) -> float:
    return round(float(quantity.m_as(unit)), 6)


def _per_day_findings(component: PerDay, path: str, day: dt.date) -> list[Finding]:
    """The rate in force on ``day`` against the forfait's; the cap of the calendar
    year (or month) of ``day`` against the forfait's cap of that year."""
    out: list[Finding] = []
    rate = Q_(float(component.rate.as_of(day).m_as("EUR/workday")), "EUR/workday")
    national = forfait_daily_rate().entry_as_of(day)
    if _euros(rate, "EUR/workday") > _euros(national.value, "EUR/workday"):
        out.append(
            Finding(
                code="rate_above_forfait",
                severity="error",
                path=f"{path}.rate",
                subject=component.name,
                observed=rate,
                limit=Q_(float(national.value.m_as("EUR/workday")), "EUR/workday"),
                source=national.source,
            )
        )
    year_end = dt.date(day.year, 12, 31)
    cap_entry = forfait_annual_cap().entry_as_of(year_end)
    limit = Q_(float(cap_entry.value.m_as("EUR")), "EUR/year")
    cap = None
    if component.cap is not None:
        per = component.cap_per
        found = _in_force(component.cap, year_end if per == "year" else _month_end(day))
        cap = None if found is None else Q_(float(found.m_as("EUR")), f"EUR/{per}")
    if cap is None:
        out.append(
            Finding(
                code="cap_missing",
                severity="error",
                path=f"{path}.cap",
                subject=component.name,
                observed=_Word.UNLIMITED,
                limit=limit,
                source=cap_entry.source,
            )
        )
    elif _euros(cap, "EUR/year") > _euros(limit, "EUR/year"):
        out.append(
            Finding(
                code="cap_above_forfait",
                severity="error",
                path=f"{path}.cap",
                subject=component.name,
                observed=cap,
                limit=limit,
                source=cap_entry.source,
            )
        )
    return out


# -- text --------------------------------------------------------------------------------

#: One sentence per finding code; ``{subject}``, ``{observed}`` and ``{limit}`` are filled in.
_TEMPLATES: dict[str, dict[Lang, str]] = {
    "no_framework_in_force": {
        "en": "no public-service telework framework in force on {observed}:"
        " décret 2016-151 applies from {limit}, nothing to check",
        "fr": "aucun cadre du télétravail dans la fonction publique au {observed}\u00a0:"
        " le décret 2016-151 s'applique à partir du {limit}, rien à vérifier",
    },
    "worked_holiday_not_a_holiday": {
        "en": "{observed} is written as a holiday that is worked, but it is no public"
        " holiday of the calendar: a wrong date?",
        "fr": "le {observed} est écrit comme un jour férié travaillé, mais ce n'est pas un"
        " jour férié du calendrier : une date erronée ?",
    },
    "day_off_not_a_working_day": {
        "en": "{observed} is written as a day off, but it is not worked anyway (a public"
        " holiday or a weekend)",
        "fr": "le {observed} est écrit comme un jour non travaillé, mais il ne l'est pas de"
        " toute façon (jour férié ou fin de semaine)",
    },
    "quota_missing": {
        "en": "no quota: telework is not limited, at most {limit} without a derogation",
        "fr": "aucun quota\u00a0: le télétravail n'est pas limité, au plus {limit} hors dérogation",
    },
    "quota_above_3_days": {
        "en": "quota maximum {observed}, at most {limit} without a derogation",
        "fr": "quota maximal {observed}, au plus {limit} hors dérogation",
    },
    "on_site_below_2_days": {
        "en": "presence on site {observed}, at least {limit} required",
        "fr": "présence sur site {observed}, au moins {limit} requise",
    },
    "part_time_above_3_days": {
        "en": "part time {subject}: cap {observed}, at most {limit} without a derogation",
        "fr": "temps partiel {subject}\u00a0: plafond {observed}, au plus {limit} hors dérogation",
    },
    "part_time_on_site_below_2_days": {
        "en": "part time {subject}: presence on site {observed}, at least {limit} required",
        "fr": "temps partiel {subject}\u00a0: présence sur site {observed},"
        " au moins {limit} requise",
    },
    "floating_days_not_provided": {
        "en": "floating days {observed}: not provided before décret 2020-524 (in force"
        " {limit}), telework had to be regular",
        "fr": "jours flottants {observed}\u00a0: non prévus avant le décret 2020-524 (en"
        " vigueur le {limit}), le télétravail devait être régulier",
    },
    "derogation_not_provided": {
        "en": "derogation for {subject} not provided by the framework in force,"
        " which provides: {limit}",
        "fr": "dérogation pour {subject} non prévue par le cadre en vigueur,"
        " qui prévoit\u00a0: {limit}",
    },
    "derogation_longer_than_allowed": {
        "en": "derogation for {subject}: length {observed}, at most {limit} at a time",
        "fr": "dérogation pour {subject}\u00a0: durée {observed}, au plus {limit} à la fois",
    },
    "place_not_allowed": {
        "en": "telework {subject} not allowed by the framework in force, which allows: {limit}",
        "fr": "télétravail {subject} non autorisé par le cadre en vigueur,"
        " qui autorise\u00a0: {limit}",
    },
    "rate_above_forfait": {
        "en": "{subject}: rate {observed}, at most the forfait's {limit}",
        "fr": "{subject}\u00a0: taux {observed}, au plus le taux du forfait, {limit}",
    },
    "cap_above_forfait": {
        "en": "{subject}: cap {observed}, at most the forfait's {limit}",
        "fr": "{subject}\u00a0: plafond {observed}, au plus le plafond du forfait, {limit}",
    },
    "cap_missing": {
        "en": "{subject}: no cap, at most the forfait's {limit}",
        "fr": "{subject}\u00a0: aucun plafond, au plus le plafond du forfait, {limit}",
    },
    "monthly_flat_not_forfait": {
        "en": "{subject}: {observed} is not the forfait's form (a rate per day, {limit},"
        " with a yearly cap), it needs the body's own deliberation",
        "fr": "{subject}\u00a0: {observed} n'a pas la forme du forfait (un taux par jour,"
        " {limit}, plafonné par an), il relève d'une délibération propre de l'employeur",
    },
    "one_off_not_covered": {
        "en": "{subject}: {observed} once, not covered by the forfait,"
        " it needs the body's own deliberation",
        "fr": "{subject}\u00a0: {observed} une fois, hors forfait,"
        " il relève d'une délibération propre de l'employeur",
    },
    "allowance_before_forfait": {
        "en": "{subject}: no national telework allowance on {observed} (the forfait starts"
        " on {limit}), it needs the body's own deliberation",
        "fr": "{subject}\u00a0: pas d'allocation nationale de télétravail au {observed} (le"
        " forfait commence le {limit}), il relève d'une délibération propre de l'employeur",
    },
    "authorisation_longer_than_allowed": {
        "en": "authorisation for {observed}, at most {limit} at a time",
        "fr": "autorisation pour {observed}, au plus {limit} à la fois",
    },
    "renewal_not_provided": {
        "en": "{observed} renewal not provided by the framework in force, which provides: {limit}",
        "fr": "renouvellement {observed} non prévu par le cadre en vigueur,"
        " qui prévoit\u00a0: {limit}",
    },
    "adaptation_longer_than_3_months": {
        "en": "adaptation period of {observed}, at most {limit}",
        "fr": "période d'adaptation de {observed}, au plus {limit}",
    },
    "notice_shorter_than_framework": {
        "en": "notice {subject}: {observed}, at least {limit}",
        "fr": "préavis {subject}\u00a0: {observed}, au moins {limit}",
    },
    "notice_longer_than_framework": {
        "en": "notice {subject}: {observed}, the framework sets {limit}",
        "fr": "préavis {subject}\u00a0: {observed}, le cadre fixe {limit}",
    },
}

#: Names of the words, places and derogation kinds a finding may hold.
_NAMES: dict[str, dict[Lang, str]] = {
    _Word.UNLIMITED: {"en": "unlimited", "fr": "illimitée"},
    _Word.OPEN_ENDED: {"en": "an open-ended term", "fr": "une durée illimitée"},
    _Word.AGENT: {"en": "at the agent's initiative", "fr": "à l'initiative de l'agent"},
    _Word.EMPLOYER: {"en": "at the employer's initiative", "fr": "à l'initiative de l'employeur"},
    _Word.ADAPTATION: {"en": "during adaptation", "fr": "pendant la période d'adaptation"},
    Renewal.EXPRESS: {"en": "by express decision", "fr": "par décision expresse"},
    Renewal.TACIT: {"en": "tacit", "fr": "tacite"},
    PlaceKind.HOME: {"en": "at home", "fr": "au domicile"},
    PlaceKind.TELECENTRE: {
        "en": "in a télécentre or tiers-lieu",
        "fr": "en télécentre ou tiers-lieu",
    },
    PlaceKind.SITE: {
        "en": "at another site of the employer",
        "fr": "sur un autre site de l'employeur",
    },
    PlaceKind.OTHER: {"en": "in another private place", "fr": "dans un autre lieu privé"},
    DerogationKind.HEALTH: {"en": "health or disability", "fr": "santé ou handicap"},
    DerogationKind.PREGNANCY: {"en": "pregnancy", "fr": "grossesse"},
    DerogationKind.CARER: {"en": "carers", "fr": "proches aidants"},
    DerogationKind.EXCEPTIONAL: {
        "en": "an exceptional situation",
        "fr": "situation exceptionnelle",
    },
}

_WORDS: dict[str, dict[Lang, str]] = {
    "policy": {"en": "Policy", "fr": "Politique"},
    "on": {"en": "on", "fr": "au"},
    "conforms": {"en": "conforms", "fr": "conforme"},
    "does_not_conform": {"en": "does not conform", "fr": "non conforme"},
    "error": {"en": "error", "fr": "erreur"},
    "warning": {"en": "warning", "fr": "avertissement"},
    "note": {"en": "note", "fr": "remarque"},
    "source": {"en": "source", "fr": "source"},
    "none": {"en": "none", "fr": "aucun"},
}
#: French puts a (no-break) space before a colon; English does not.
_COLON: dict[Lang, str] = {"en": ":", "fr": "\u00a0:"}
#: How a quantity per year or per month reads, after the figure and its unit.
_PER: tuple[tuple[str, dict[Lang, str]], ...] = (
    (" / a", {"en": " a year", "fr": " par an"}),
    (" / month", {"en": " a month", "fr": " par mois"}),
)


def _check_lang(lang: str) -> None:
    if lang not in ("en", "fr"):
        raise ValidationError("lang", lang, Phrase("'en' or 'fr'", "'en' ou 'fr'"))


def _counted(count: int, severity: Severity, lang: Lang) -> str:
    word = _WORDS[severity][lang]
    plural = count > 1 if lang == "fr" else count != 1
    return f"{count} {word}{'s' if plural else ''}"


def _show(value: Value, lang: Lang) -> str:
    """A value as a person reads it: names for places, derogations and words; money per
    year or month in words; everything else as the rest of the package writes it."""
    import pint

    if isinstance(value, _Word | PlaceKind | DerogationKind | Renewal):
        return _NAMES[value][lang]
    if isinstance(value, tuple):
        if not value:
            return _WORDS["none"][lang]
        return ", ".join(_show(item, lang) for item in value)
    if isinstance(value, pint.Quantity) and value.check("[currency] * [time] / [workday]"):
        amount = f"{float(value.m_as('EUR/(workday/week)')):.2f} EUR"
        if lang == "fr":
            return amount.replace(".", ",") + " par mois et par jour de télétravail hebdomadaire"
        return amount + " a month per weekly telework day"
    text = format_value(value, lang)
    if isinstance(value, pint.Quantity):
        for suffix, words in _PER:
            if text.endswith(suffix):
                return text[: -len(suffix)] + words[lang]
    return text
