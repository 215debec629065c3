"""The composition of an assessment: what :meth:`Policy.assess
<teletravail.policy.policy.Policy.assess>` runs once its arguments are checked.

``policy.assess(workforce, on=..., period=...)`` is the composition of the parts' own
column methods, each once for the whole workforce:

1. the rule's :meth:`~teletravail.eligibility.Rule.evaluate_columns` on ``on`` (and the
   selection campaign, if any);
2. each agent's ask (their weekly pattern, else their number of days a week placed by
   :func:`~teletravail.week.default_pattern`, else the quota's maximum) checked against
   the policy's places and every rule of the quota by
   :meth:`~teletravail.scheduling.Quota.check_columns` (and, for an agent holding a
   derogation, on every day their allowance changes); an ask that breaks a rule is
   refused, or reduced to what the quota allows when the policy says so
   (``asks="reduce"``): see :mod:`teletravail.policy.asks`;
3. the dated days of what is granted, over the period, by
   :func:`~teletravail.scheduling.layout.lay_out`: the policy's calendar, the agent's
   days off, window (authorisation, adaptation), absences or the leave assumption, the
   quota's caps on days and its floating days;
4. the allowance's :meth:`~teletravail.allowance.Allowance.columns` on those days;
5. the impact of the same days and places
   (:func:`~teletravail.impact.commute.dated_impact`).

Steps 2 to 4 run once per profile of agents (:mod:`teletravail.policy.profiles`). A
policy with populations assesses each population's agents by its own rules
(:meth:`~teletravail.policy.policy.Policy.for_population`), one part each. One agent is
assessed as a workforce of one, and the policy keeps the outcome of each profile of one
agent it meets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail._columns import frozen
from teletravail.allowance.columns import AllowanceColumns
from teletravail.eligibility.decisions import BatchDecision
from teletravail.errors import RowError, ValidationError, WorkforceError
from teletravail.impact.commute import dated_impact
from teletravail.messages import Phrase
from teletravail.policy.asks import asks_of, derogation_checks, grants, places_refused
from teletravail.policy.batch import BatchAssessment
from teletravail.policy.populations import NotConcerned, membership
from teletravail.policy.profiles import Profiles, profiles_of
from teletravail.policy.results import PopulationAssessment
from teletravail.scheduling.checks import Asks, QuotaChecks
from teletravail.scheduling.counting import Modality
from teletravail.scheduling.days import TeleworkDays
from teletravail.scheduling.layout import Layout, horizon, lay_out
from teletravail.scheduling.quota import Quota
from teletravail.spans import telework_window
from teletravail.week import WeeklyPattern
from teletravail.workforce import Agent, Coded, Errors, Workforce

if TYPE_CHECKING:
    from teletravail.policy.policy import Policy

__all__ = ["assess"]

# the quota of a policy that states none: any whole or half days of the week worked
_NO_QUOTA = Quota(maximum="7 workday/week", granularity="halfday", name="no quota")


def assess(
    policy: Policy,
    workforce: Workforce,
    day: dt.date,
    start: dt.date,
    end: dt.date,
    requested: Any,
    errors: Errors,
    agent: Agent | None = None,
) -> BatchAssessment:
    """The assessment of the workforce by ``policy``, eligibility decided on ``day``,
    over ``start`` to ``end``: in one part, or, with populations, one part per
    population met (and one for the agents in none), each by its own rules. ``agent``
    is the one agent a workforce of one stands for (their outcome is kept by profile,
    and their error raised as it is)."""

    def result(parts: Sequence[PopulationAssessment], rows: Any, unmatched: Any) -> Any:
        return BatchAssessment(
            policy=policy,
            on=day,
            start=start,
            end=end,
            workforce=workforce,
            parts=tuple(parts),
            rows=rows,
            unmatched=tuple(unmatched),
        )

    if not policy.populations:
        part = _assess_part(policy, workforce, day, start, end, requested, errors, agent)
        return result([part], None, ())  # type: ignore[no-any-return]
    member = membership(policy.populations, workforce)
    groups: list[tuple[str | None, bool, npt.NDArray[np.intp]]] = [
        (p.name, p.concerned, np.flatnonzero(member == i)) for i, p in enumerate(policy.populations)
    ]
    groups.append((None, False, np.flatnonzero(member < 0)))
    parts: list[PopulationAssessment] = []
    rows: list[npt.NDArray[np.int64]] = []
    failed: list[RowError] = []
    for name, concerned, where in groups:
        if not len(where):
            continue
        sub = workforce if len(where) == len(workforce) else workforce.take(where)
        own = policy.for_population(name)
        try:
            part = _assess_part(
                own, sub, day, start, end, requested, errors, agent, name, concerned
            )
        except WorkforceError as exc:
            if agent is not None:
                raise
            failed += exc.errors
            continue
        parts.append(part)
        rows.append(where.astype(np.int64))
    if failed:
        raise WorkforceError(sorted(failed, key=lambda e: e.row))
    empty = [p for i, p in enumerate(policy.populations) if not (member == i).any()]
    # a population that holds nobody: its selector matches no agent, or only agents
    # that earlier populations took (an overlap resolved by the order written)
    shadowed = tuple(p.name for p in empty if p.members.mask(workforce).any())
    unmatched = [p.name for p in empty if p.name not in shadowed]
    batch: BatchAssessment = result(parts, tuple(rows), unmatched)
    return attrs.evolve(batch, shadowed=shadowed) if shadowed else batch


def _assess_part(
    policy: Policy,
    workforce: Workforce,
    day: dt.date,
    start: dt.date,
    end: dt.date,
    requested: Any,
    errors: Errors,
    agent: Agent | None = None,
    population: str | None = None,
    concerned: bool = True,
) -> PopulationAssessment:
    """The assessment of a workforce by the policy's own rules (no populations):
    the part of ``population``, outside the scheme unless ``concerned`` (a policy
    whose rule is :class:`~teletravail.policy.populations.NotConcerned` concerns nobody)."""
    concerned = concerned and not isinstance(policy.eligibility, NotConcerned)
    if not concerned:
        # outside the scheme: none of its rules applies, nothing is asked of them
        # (no date, no ask, no absence is checked), and nothing is granted
        decisions = BatchDecision(
            rule=policy.eligibility,
            workforce=workforce,
            on=day,
            outcome=policy.eligibility.outcome(workforce, day),
            invalid=np.zeros(len(workforce), dtype=bool),
        )
        requested = WeeklyPattern.of([])
    else:
        decisions = policy.eligibility.evaluate_columns(workforce, day, errors)
    entitled = decisions.eligible
    selected = None
    if policy.selection is not None:
        selected = policy.selection.run(decisions).selected
        entitled = entitled & selected
    asked_patterns, per_week = asks_of(policy, workforce, requested)
    problems = []
    if concerned:
        problems = _row_problems(workforce, policy.counted_from(start), end)
    if problems:
        if agent is not None:
            raise problems[0][1]
        if errors == "raise":
            raise WorkforceError([_row_error(workforce, row, exc) for row, exc in problems])
    outcome: tuple[Profiles, TeleworkDays, AllowanceColumns | None] | None
    if agent is None:
        bad = np.zeros(len(workforce), dtype=bool)
        bad[[row for row, _ in problems]] = True
        try:
            outcome = _outcome(
                policy, workforce, entitled & ~bad, asked_patterns, per_week, day, start, end
            )
        except ValidationError:
            # one agent's figures cannot be computed: find whose, in their profiles
            found = _isolate(policy, workforce, entitled & ~bad, requested, day, start, end)
            if errors == "raise":
                raise WorkforceError(
                    [_row_error(workforce, row, exc) for row, exc in found]
                ) from None
            problems = sorted([*problems, *found], key=lambda item: item[0])
            bad[[row for row, _ in found]] = True
            outcome = _outcome(
                policy, workforce, entitled & ~bad, asked_patterns, per_week, day, start, end
            )
        if problems:
            entitled = entitled & ~bad
    else:  # one agent: the outcome of an agent of the same profile, if one was met
        key = (
            bool(entitled[0]),
            agent.pattern if requested is None else asked_patterns.value(0),
            float(per_week[0]),
            float(workforce.working_time_percent[0]),
            agent.days_off,
            agent.authorisation,
            agent.absences,
            agent.derogations,
            day,
            start,
            end,
        )
        memo = policy.memo()
        outcome = memo.get(key)
        if outcome is None:
            outcome = _outcome(
                policy, workforce, entitled, asked_patterns, per_week, day, start, end
            )
            if len(memo) > 4096:  # many profiles: start again rather than grow
                memo.clear()
            memo[key] = outcome
    profiles, telework, columns = outcome
    impact = dated_impact(workforce, telework, assumptions=policy.impact, label=policy.name)
    return PopulationAssessment(
        policy=policy,
        on=day,
        start=start,
        end=end,
        decisions=decisions,
        row_errors=tuple(_row_error(workforce, row, exc) for row, exc in problems),
        selected=selected,
        entitled=frozen(entitled),
        # outside the scheme: what they asked, if they said so (nothing is checked)
        asked=frozen(per_week if concerned else workforce.requested_telework_workday_per_week),
        profiles=profiles,
        impact=impact,
        telework=telework,
        allowances=columns,
        asked_patterns=asked_patterns,
        population=population,
        concerned=concerned,
    )


def _row_problems(
    workforce: Workforce, first: dt.date, last: dt.date
) -> list[tuple[int, ValidationError]]:
    """The rows whose own data cannot be assessed over a period ending on ``last``,
    counted from ``first``, each with its error: absences wholly outside the
    calendar years the period is part of (most likely a wrong year)."""
    last = dt.date(last.year, 12, 31)
    column = workforce.absences
    wrong: dict[int, ValidationError] = {}
    for code, spans in enumerate(column.values):
        outside = [a for a in spans or () if a.end < first or a.start > last]
        if outside:
            wrong[code] = ValidationError(
                "absences",
                str(outside[0]),
                Phrase(
                    "absences within the calendar years assessed ({first} to {last})",
                    "des absences comprises dans les années civiles évaluées (du {first}"
                    " au {last})",
                    first=first.isoformat(),
                    last=last.isoformat(),
                ),
            )
    if not wrong:
        return []
    rows = np.flatnonzero(np.isin(column.codes, list(wrong)))
    return [(int(row), wrong[int(column.codes[row])]) for row in rows]


def _isolate(
    policy: Policy,
    workforce: Workforce,
    entitled: npt.NDArray[np.bool_],
    requested: Any,
    day: dt.date,
    start: dt.date,
    end: dt.date,
) -> list[tuple[int, ValidationError]]:
    """The agents whose figures cannot be computed, with the error: each profile is
    assessed alone (its first agent standing for it), and a profile that fails
    fails for each of its agents. Only called when the whole workforce failed."""
    quota = policy.quota if policy.quota is not None else _NO_QUOTA
    asked_patterns, per_week = asks_of(policy, workforce, requested)
    codes, sample, _ = profiles_of(workforce, entitled, asked_patterns, per_week, quota)
    failed: list[tuple[int, ValidationError]] = []
    for number, row in enumerate(sample.tolist()):
        if not entitled[row]:
            continue
        one = Workforce.from_agents((workforce.agent(row),))
        patterns, weekly = asks_of(policy, one, requested)
        try:
            _outcome(policy, one, entitled[row : row + 1], patterns, weekly, day, start, end)
        except ValidationError as exc:
            failed += [(int(r), exc) for r in np.flatnonzero(codes == number)]
    return sorted(failed, key=lambda item: item[0])


def _outcome(
    policy: Policy,
    workforce: Workforce,
    entitled: npt.NDArray[np.bool_],
    asked_patterns: Coded,
    per_week: npt.NDArray[np.float64],
    day: dt.date,
    start: dt.date,
    end: dt.date,
) -> tuple[Profiles, TeleworkDays, AllowanceColumns | None]:
    """The profiles of the agents (agents of one profile, with the same ask, days
    worked, days off, authorisation and absences, get the same answer), each one's
    answer from the quota and its grant, their dated days and their allowance."""
    quota = policy.quota if policy.quota is not None else _NO_QUOTA
    profiles, sample, counts = profiles_of(workforce, entitled, asked_patterns, per_week, quota)
    on_entitled = entitled[sample]
    asks = Asks.of(asked_patterns.values, asked_patterns.codes[sample], per_week[sample])
    off = workforce.days_off_mask[sample]
    checks = quota.check_columns(asks, workforce.working_time_percent[sample], off, on=day)
    bad_place = places_refused(policy, asked_patterns.values)[asked_patterns.codes[sample]]
    overrides = derogation_checks(workforce, asks, sample, on_entitled, quota, start, end, day)
    failing = ~checks.passed | bad_place
    allowed = checks.allowed
    if overrides:
        allowed = allowed.copy()
        for where, found in overrides.items():
            failing[where] = not bool(found.passed[0]) or bool(bad_place[where])
            allowed[where] = float(found.allowed[0])
    table, codes, reduced = grants(
        policy,
        asked_patterns.values,
        asked_patterns.codes[sample],
        asks.per_week,
        off,
        failing & on_entitled,
        allowed,
        quota,
    )
    # an ask of no day (and no floating day to take) asks for no telework at all;
    # under floating days only, the ask is the most the agent takes in a week
    floating_only = quota.modality is Modality.FLOATING
    nothing = None
    if quota.floating is None or floating_only:
        nothing = on_entitled & (asks.per_week <= 0)
    granted = on_entitled & (~failing | reduced)
    if nothing is not None and nothing.any():
        granted &= ~nothing
    codes = np.where(granted, codes, 0)
    telework = _days(
        policy,
        workforce,
        day,
        start,
        end,
        table,
        codes,
        sample,
        checks,
        overrides,
        quota,
        profiles,
        asks.per_week if floating_only else None,
    )
    telework.counted(counts)
    columns = None if policy.allowance is None else policy.allowance.columns(telework)
    answers = Profiles(
        codes=profiles,
        sample=sample,
        entitled=on_entitled,
        granted=granted,
        reduced=reduced & granted,
        places_refused=bad_place & on_entitled,
        nothing_asked=np.zeros(len(granted), dtype=bool) if nothing is None else nothing,
        # under a scheme of floating days only, no weekday is granted: the days are
        # the volume's
        patterns=Coded(
            codes.astype(np.int32),
            tuple(table) if quota.modality is not Modality.FLOATING else (None,) * len(table),
        ),
        checks=checks,
        overrides=overrides,
    )
    return answers, telework, columns


def _days(
    policy: Policy,
    workforce: Workforce,
    day: dt.date,
    start: dt.date,
    end: dt.date,
    table: list[WeeklyPattern | None],
    codes: npt.NDArray[np.int64],
    sample: npt.NDArray[np.int64],
    checks: QuotaChecks,
    overrides: Mapping[int, QuotaChecks],
    quota: Quota,
    profiles: npt.NDArray[np.intp],
    weekly_ask: npt.NDArray[np.float64] | None = None,
) -> TeleworkDays:
    """The dated days of every profile (a profile not granted has none), laid out
    once each, from the first day the period's year counts from; each agent's are
    their profile's. Under floating days only, ``weekly_ask`` (per profile) bounds
    the floating days of each week as the weekly allowance does."""
    origin = policy.counted_from(start)
    reach = end  # windows run on after the period where floating days need it
    if quota.floating is not None:
        reach = horizon(end, quota)
        if policy.period.end is not None:
            reach = max(end, min(reach, policy.period.end))
    granted = codes > 0
    firsts: list[dt.date] = []
    lasts: list[dt.date] = []
    begun: list[dt.date | None] = []
    for row, ok in zip(sample.tolist(), granted.tolist(), strict=True):
        value = workforce.authorisation.value(row) if ok else None
        if not ok:  # no window, no authorisation known
            firsts.append(end + dt.timedelta(days=1))
            lasts.append(end)
            begun.append(None)
            continue
        first, last = telework_window(value, origin, reach, day)
        firsts.append(first)
        lasts.append(last)
        begun.append(day if value is None else value.start)
    floating = quota.floating is not None
    # a scheme of floating days only has no fixed weekday: the days granted come
    # from the volume (the ask says how much the agent asks, and whether)
    fixed = quota.modality is not Modality.FLOATING
    layout = Layout(
        patterns=tuple(table[int(c)] if fixed else None for c in codes.tolist()),
        days_off=np.where(granted, workforce.days_off_mask[sample], 0).astype(np.uint8),
        first=np.array(firsts, dtype="datetime64[D]"),
        last=np.array(lasts, dtype="datetime64[D]"),
        absences=tuple(
            workforce.absences.value(r) if g else ()
            for r, g in zip(sample.tolist(), granted.tolist(), strict=True)
        ),
        allowed=checks.allowed.copy(),
        on_site=checks.on_site,
        authorised=np.array(
            [np.datetime64("NaT") if b is None else b for b in begun], dtype="datetime64[D]"
        ),
        varying={
            where: workforce.agent(int(sample[where]))
            for where in overrides
            if floating and granted[where]
        },
    )
    for where, found in overrides.items():
        layout.allowed[where] = float(found.allowed[0])
    if weekly_ask is not None:
        np.minimum(layout.allowed, weekly_ask, out=layout.allowed)
    return lay_out(
        layout,
        start=start,
        end=end,
        calendar=policy.calendar,
        leave=policy.leave,
        quota=policy.quota,
        floating_place=policy.default_place(),
        codes=profiles,
        counted_from=origin,
    )


def _row_error(workforce: Workforce, row: int, exc: ValidationError) -> RowError:
    """A row's error as the batch reports it: its input row, field and message."""
    return RowError.from_error(int(workforce.source_rows[row]), exc)
