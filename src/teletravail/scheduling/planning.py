"""Planning: the dated telework days a pattern gives over a period, and floating days.

:func:`plan` lays a :class:`~teletravail.week.WeeklyPattern` over a period
and keeps the days that are worked (no weekend, no public holiday of the
:class:`~teletravail.scheduling.calendar.WorkCalendar`), that the agent works (a
part-time agent's days off), that fall inside the :class:`~teletravail.spans.Authorisation`
and outside the agent's :class:`~teletravail.spans.Absence` spans: a
:class:`~teletravail.scheduling.schedule.Schedule`. :func:`review_floating` accepts or
refuses floating days asked for on given dates, with a reason each.
:func:`telework_days` counts a whole workforce's days at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from teletravail.dated import check_order
from teletravail.dates import to_date
from teletravail.errors import PatternError, QuotaExceededError, ValidationError
from teletravail.messages import Phrase
from teletravail.spans import Absence, Authorisation, telework_window
from teletravail.spans import absences as absences_of
from teletravail.units import Q_
from teletravail.week import (
    FRENCH_WEEKDAYS,
    HOME,
    Place,
    PlaceKind,
    WeeklyPattern,
    weekday_mask,
    weekday_set,
)
from teletravail.workforce import Agent

from .calendar import WorkCalendar
from .centres import TelecentreNetwork
from .counting import CapPeriod, Modality
from .layout import Layout, lay_out
from .leave import LeaveAssumption
from .quota import Quota
from .schedule import FloatingReview, Schedule

if TYPE_CHECKING:
    from teletravail.units import Quantity


__all__ = [
    "FloatingReview",
    "QuotaExceededError",
    "plan",
    "review_floating",
    "telework_days",
]


_A_PATTERN: Final = Phrase("a WeeklyPattern", "un objet WeeklyPattern")
_AGENTS_BY_7: Final = Phrase(
    "an array of shape (agents, 7)", "un tableau de dimensions (agents, 7)"
)
_ISO_DATES: Final = Phrase("ISO dates (YYYY-MM-DD)", "des dates ISO (AAAA-MM-JJ)")


def _written(pattern: WeeklyPattern) -> Phrase:
    """A pattern as a value found, written in each language."""
    return Phrase(str(pattern), pattern.text("fr"))


def _shape(shape: tuple[int, ...]) -> Phrase:
    """The shape of an array, as a value found."""
    return Phrase("shape {shape}", "dimensions {shape}", shape=shape)


def plan(
    pattern: WeeklyPattern,
    start: dt.date | str,
    end: dt.date | str,
    *,
    calendar: WorkCalendar | None = None,
    agent: Agent | None = None,
    quota: Quota | None = None,
    authorisation: Authorisation | None = None,
    absences: Iterable[Absence] = (),
    days_off: Iterable[int | str] | int | str = (),
    network: TelecentreNetwork | None = None,
    leave: LeaveAssumption | None = None,
    counted_from: dt.date | str | None = None,
) -> Schedule:
    """Lay ``pattern`` over ``start..end`` (inclusive) and keep the days it applies to.

    A day is kept when it is a pattern weekday, a working day of ``calendar`` (France's
    public holidays by default), a day the agent works (not in ``days_off``, nor in the
    agent's own), inside the ``authorisation`` (after its adaptation period if it
    excludes telework) and outside every ``absences`` span. Where the absences are not
    known, a ``leave`` assumption thins the days instead (see
    :mod:`~teletravail.scheduling.leave`). With a ``quota`` (and an ``agent``), the
    pattern is checked on the first day and on every day the agent's allowance may
    change (a derogation starting, ending or running out): a pattern the quota does not
    allow on one of them raises :class:`QuotaExceededError`; the quota's caps on days
    per month and year then keep the days in date order while they fit. With a
    télécentre ``network``, every télécentre of the pattern must belong to it.

    The leave and the caps count a calendar year from ``counted_from``, 1 January of the
    start's year by default: a period that starts later is its part of the year, laid
    out from then (within the authorisation), and the days before ``start`` are the
    schedule's ``earlier`` days, which the allowance's yearly caps count too.

    It is the one-agent case of :func:`~teletravail.scheduling.layout.lay_out`.
    """
    first, last = to_date(start, "start"), to_date(end, "end")
    check_order(first, last)
    origin = (
        dt.date(first.year, 1, 1) if counted_from is None else to_date(counted_from, "counted_from")
    )
    if origin > first:
        raise ValidationError(
            "counted_from",
            origin,
            Phrase(
                "a date on or before the start {first}",
                "une date au plus tard le jour du début, {first}",
                first=first,
            ),
        )
    if not isinstance(pattern, WeeklyPattern):
        raise ValidationError("pattern", pattern, _A_PATTERN)
    calendar = _calendar(calendar)
    off = weekday_set(days_off, "days_off")
    for name, value, kind in (
        ("agent", agent, Agent),
        ("quota", quota, Quota),
        ("authorisation", authorisation, Authorisation),
        ("leave", leave, LeaveAssumption),
    ):
        if value is not None and not isinstance(value, kind):
            raise ValidationError(
                name,
                value,
                Phrase("a {kind} or None", "un objet {kind} ou None", kind=kind.__name__),
            )
    if agent is not None:
        off |= agent.days_off
    if network is not None and not isinstance(network, TelecentreNetwork):
        raise ValidationError(
            "network",
            network,
            Phrase("a TelecentreNetwork or None", "un objet TelecentreNetwork ou None"),
        )
    weekend = sorted(pattern.weekdays & calendar.weekend)
    if weekend:
        raise PatternError(
            "pattern",
            _written(pattern),
            Phrase(
                "no telework on weekday {day}, a weekend day",
                "aucun télétravail le {name}, un jour de week-end",
                day=weekend[0],
                name=FRENCH_WEEKDAYS[weekend[0]],
            ),
        )
    if network is not None:
        for place in pattern.places():
            if place.kind is PlaceKind.TELECENTRE and place.name is not None:
                network.get(place.name)  # an unknown centre is a ValidationError
    if quota is not None:
        if agent is None:
            raise ValidationError(
                "agent",
                None,
                Phrase(
                    "the agent, to check the pattern against the quota",
                    "l'agent, pour vérifier le rythme au regard du quota",
                ),
            )
        # the allowance can change only where a derogation starts, ends or runs out
        for change in quota.allowance_changes(agent, first, last):
            decision = quota.check(pattern, agent, change, days_off=off)
            if not decision.allowed:
                raise QuotaExceededError(decision)
    elif pattern.weekdays & off:
        raise PatternError(
            "pattern",
            _written(pattern),
            Phrase(
                "no telework on a day the agent does not work",
                "aucun télétravail un jour où l'agent ne travaille pas",
            ),
        )
    spans = absences_of(absences)
    if spans and leave is not None:
        raise ValidationError(
            "leave",
            Phrase(leave.describe("en"), leave.describe("fr")),
            Phrase(
                "either known absences or a leave assumption",
                "soit des absences connues, soit une hypothèse de congés",
            ),
        )
    window_first, window_last = telework_window(authorisation, origin, last, first)
    authorised = None if authorisation is None else authorisation.start
    one = np.ones(1)
    layout = Layout(
        patterns=(pattern,),
        days_off=np.array([weekday_mask(off)], dtype=np.uint8),
        first=np.array([window_first], dtype="datetime64[D]"),
        last=np.array([window_last], dtype="datetime64[D]"),
        absences=(None if leave is not None else spans,),
        allowed=one * 7,
        on_site=one * 0,
        authorised=np.array(
            [np.datetime64("NaT") if authorised is None else authorised], dtype="datetime64[D]"
        ),
    )
    without_floating = (
        quota
        if quota is None or quota.floating is None
        else attrs.evolve(quota, floating=None, modality=None)
    )
    days = lay_out(
        layout,
        start=first,
        end=last,
        calendar=calendar,
        leave=leave,
        quota=without_floating,
        counted_from=origin,
    )
    return days.schedule(0, None if agent is None else agent.id)


def _calendar(value: Any) -> WorkCalendar:
    if value is None:
        return WorkCalendar()
    if not isinstance(value, WorkCalendar):
        raise ValidationError(
            "calendar", value, Phrase("a WorkCalendar or None", "un objet WorkCalendar ou None")
        )
    return value


def _empty(places: tuple[Place, ...], agent: Agent | None) -> Schedule:
    return Schedule(
        dates=np.array([], dtype="datetime64[D]"),
        amounts=np.array([], dtype=float),
        parts=np.array([], dtype=np.int8),
        place_codes=np.array([], dtype=np.int8),
        places=places or (HOME,),
        agent_id=None if agent is None else agent.id,
    )


def _volume_key(day: dt.date, per: str) -> tuple[int, ...]:
    """The week, month or year whose floating volume ``day`` uses."""
    if per == "week":
        year, week, _ = day.isocalendar()
        return (year, week)
    if per == "month":
        return (day.year, day.month)
    return (day.year,)


def _week_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _cap_key(day: dt.date, assessed: CapPeriod) -> tuple[int, ...]:
    """The period a day's telework is capped over: its ISO week, or under monthly
    assessment the month of its week's Thursday (so that every week lies in one month)."""
    monday = _week_of(day)
    if assessed is CapPeriod.MONTH:
        thursday = monday + dt.timedelta(days=3)
        return (thursday.year, thursday.month)
    return (monday.year, monday.month, monday.day)


def _iso_week(day: dt.date) -> tuple[int, ...]:
    year, week, _ = day.isocalendar()
    return (year, week)


def _month(day: dt.date) -> tuple[int, ...]:
    return (day.year, day.month)


def _year(day: dt.date) -> tuple[int, ...]:
    return (day.year,)


# the periods of the quota's caps on days: a day's ISO week, calendar month, year
_DAY_CAP_PERIODS: tuple[tuple[str, Callable[[dt.date], tuple[int, ...]]], ...] = (
    ("week", _iso_week),
    ("month", _month),
    ("year", _year),
)


def review_floating(
    requested: Iterable[dt.date | str],
    *,
    quota: Quota,
    agent: Agent,
    schedule: Schedule | None = None,
    calendar: WorkCalendar | None = None,
    authorisation: Authorisation | None = None,
    absences: Iterable[Absence] = (),
    days_off: Iterable[int | str] | int | str = (),
) -> FloatingReview:
    """Accept or refuse floating telework days asked for on ``requested`` dates.

    Requests are taken in the order given (first come, first served) and answered in
    that order. Each accepted date uses one day of the quota's floating volume and
    counts, with the fixed days of ``schedule``, towards the cap of its week: the weekly
    allowance, and never so much that fewer than the on-site minimum of the days the
    agent is actually at work that week (after holidays, absences and days off) are left
    on site. Under monthly assessment the caps of the weeks of a month (each week
    belongs to the month of its Thursday) are pooled, so telework may move between them.
    The quota's caps on days (per ISO week, calendar month and year) count the fixed and
    the floating days together. Under a scheme of floating days only (the quota's
    ``modality``), the agent's ask (their pattern's days, else their stated days a week)
    is the most they take in a week, as the weekly allowance is.
    """
    if not isinstance(quota, Quota):
        raise ValidationError("quota", quota, Phrase("a Quota", "un objet Quota"))
    if quota.floating is None:
        raise ValidationError(
            "quota.floating",
            None,
            Phrase(
                "a quota with a volume of floating days",
                "un quota qui a un volume de jours flottants",
            ),
        )
    if not isinstance(agent, Agent):
        raise ValidationError("agent", agent, Phrase("an Agent", "un objet Agent"))
    if schedule is not None and not isinstance(schedule, Schedule):
        raise ValidationError(
            "schedule", schedule, Phrase("a Schedule or None", "un objet Schedule ou None")
        )
    if authorisation is not None and not isinstance(authorisation, Authorisation):
        raise ValidationError(
            "authorisation",
            authorisation,
            Phrase("an Authorisation or None", "un objet Authorisation ou None"),
        )
    calendar = _calendar(calendar)
    off = weekday_set(days_off, "days_off") | agent.days_off
    spans = absences_of(absences)
    if isinstance(requested, str | dt.date) or not isinstance(requested, Iterable):
        raise ValidationError(
            "requested", requested, Phrase("a list of dates", "une liste de dates")
        )
    dates = [to_date(day, "requested") for day in requested]
    ask = _floating_ask(quota, agent)
    volume = float(quota.floating.volume.m_as("workday"))
    per = quota.floating.per
    fixed: dict[dt.date, float] = {}
    if schedule is not None:
        fixed = {
            day.astype(object): float(amount)
            for day, amount in zip(schedule.dates, schedule.amounts, strict=True)
        }
    load: dict[tuple[int, ...], float] = {}
    for day, amount in fixed.items():
        key = _cap_key(day, quota.assessed)
        load[key] = load.get(key, 0.0) + amount
    used: dict[tuple[int, ...], float] = {}
    caps: dict[tuple[int, ...], float] = {}
    # the caps on days: (reason, cap in workdays, the period of a day, days so far)
    day_caps: list[
        tuple[str, float, Callable[[dt.date], tuple[int, ...]], dict[tuple[int, ...], float]]
    ] = []
    for name, period in _DAY_CAP_PERIODS:
        halves = None if quota.caps is None else quota.caps.halves(name)
        if halves is not None:
            counts: dict[tuple[int, ...], float] = {}
            for day, amount in fixed.items():
                counts[period(day)] = counts.get(period(day), 0.0) + amount
            day_caps.append((f"{name}_days_cap", halves / 2, period, counts))
    granted: set[dt.date] = set()
    decisions: list[tuple[dt.date, str | None]] = []
    for day in dates:
        reason = _floating_reason(
            day, calendar, off, spans, authorisation, fixed, granted, used, volume, per
        )
        cap_key = _cap_key(day, quota.assessed)
        if reason is None:
            if cap_key not in caps:
                caps[cap_key] = _cap(quota, agent, day, calendar, off, spans, ask)
            if load.get(cap_key, 0.0) + 1.0 > caps[cap_key] + 1e-9:
                reason = "monthly_cap" if quota.assessed is CapPeriod.MONTH else "weekly_cap"
        if reason is None:
            for name, cap, period, counts in day_caps:
                if counts.get(period(day), 0.0) + 1.0 > cap + 1e-9:
                    reason = name
                    break
        decisions.append((day, reason))
        if reason is None:
            granted.add(day)
            volume_key = _volume_key(day, per)
            used[volume_key] = used.get(volume_key, 0.0) + 1.0
            load[cap_key] = load.get(cap_key, 0.0) + 1.0
            for _, _, period, counts in day_caps:
                counts[period(day)] = counts.get(period(day), 0.0) + 1.0
    return FloatingReview(decisions=tuple(decisions))


def _floating_reason(
    day: dt.date,
    calendar: WorkCalendar,
    off: frozenset[int],
    spans: tuple[Absence, ...],
    authorisation: Authorisation | None,
    fixed: Mapping[dt.date, float],
    granted: set[dt.date],
    used: Mapping[tuple[int, ...], float],
    volume: float,
    per: str,
) -> str | None:
    """Why a floating day cannot be granted, before the cap of its week or month."""
    if not calendar.is_working_day(day) or day.weekday() in off:
        return "not_working_day"
    if any(span.start <= day <= span.end for span in spans):
        return "absent"
    if authorisation is not None and (
        day < authorisation.first_telework_day
        or (authorisation.end is not None and day > authorisation.end)
    ):
        return "outside_authorisation"
    if day in fixed or day in granted:
        return "already_teleworking"
    if used.get(_volume_key(day, per), 0.0) + 1.0 > volume + 1e-9:
        return "volume"
    return None


def _floating_ask(quota: Quota, agent: Agent) -> float | None:
    """Under floating days only, the days a week the agent asks for (their pattern's,
    else their stated number; None: not stated, the quota's allowance alone bounds)."""
    if quota.modality is not Modality.FLOATING:
        return None
    if agent.pattern is not None:
        return float(agent.pattern.workdays)
    if agent.requested_telework is not None:
        return float(agent.requested_telework.m_as("workday/week"))
    return None


def _cap(
    quota: Quota,
    agent: Agent,
    day: dt.date,
    calendar: WorkCalendar,
    off: frozenset[int],
    spans: tuple[Absence, ...],
    ask: float | None = None,
) -> float:
    """The most telework in the week (or pooled month) of ``day``, in workdays (each
    week's allowance no more than ``ask``, when given)."""
    monday = _week_of(day)
    if quota.assessed is CapPeriod.MONTH:
        # the weeks whose Thursday is in the month of this week's Thursday
        thursday = monday + dt.timedelta(days=3)
        first_monday = _week_of(thursday.replace(day=1))
        if (first_monday + dt.timedelta(days=3)).month != thursday.month:
            first_monday += dt.timedelta(days=7)
        mondays = []
        current = first_monday
        while (current + dt.timedelta(days=3)).month == (monday + dt.timedelta(days=3)).month:
            mondays.append(current)
            current += dt.timedelta(days=7)
    else:
        mondays = [monday]
    total = 0.0
    for start in mondays:
        allowed = float(quota.allowed(agent, start, days_off=off).m_as("workday/week"))
        if ask is not None:
            allowed = min(allowed, ask)
        on_site = float(quota.on_site_required(agent, start).m_as("workday/week"))
        week = calendar.working_days(start, start + dt.timedelta(days=6))
        at_work = sum(
            1
            for value in week.astype(object)
            if value.weekday() not in off and not any(a.start <= value <= a.end for a in spans)
        )
        total += quota.week_limit(allowed, float(at_work), on_site)
    return total


def telework_days(
    amounts: npt.ArrayLike | Sequence[WeeklyPattern],
    start: dt.date | str | Sequence[Any] | npt.NDArray[Any],
    end: dt.date | str | Sequence[Any] | npt.NDArray[Any],
    *,
    calendar: WorkCalendar | None = None,
    absences: tuple[npt.ArrayLike, npt.ArrayLike, npt.ArrayLike] | None = None,
) -> Quantity:
    """Telework days of a whole workforce over a period, without a loop over agents or days.

    ``amounts`` is an array of shape (agents, 7): the workdays of telework each agent's
    pattern has on each weekday (``WeeklyPattern.amounts()`` gives one row), or a
    sequence of :class:`WeeklyPattern`, one per agent. ``start``
    and ``end`` are one date each, or one per agent (for authorisations that begin or end
    within the period). ``absences`` is an optional table ``(rows, starts, ends)`` of
    non-overlapping absence spans. Each weekday's working days are counted once per span
    with numpy's business-day functions and multiplied by the patterns.

    Returns a quantity array in workdays, one value per agent.
    """
    if isinstance(amounts, Sequence) and amounts and isinstance(amounts[0], WeeklyPattern):
        amounts = _pattern_rows(amounts)
    try:
        matrix = np.asarray(amounts, dtype=float)
    except (TypeError, ValueError):
        raise ValidationError("amounts", amounts, _AGENTS_BY_7) from None
    if matrix.ndim != 2 or matrix.shape[1] != 7:
        raise ValidationError("amounts", _shape(matrix.shape), _AGENTS_BY_7)
    if not np.all(np.isfinite(matrix)) or matrix.min(initial=0) < 0 or matrix.max(initial=0) > 1:
        raise ValidationError(
            "amounts",
            Phrase("values out of 0..1", "des valeurs hors de 0..1"),
            Phrase(
                "workdays between 0 and 1 per weekday",
                "des jours de travail entre 0 et 1 par jour de la semaine",
            ),
        )
    n = matrix.shape[0]
    calendar = _calendar(calendar)
    starts = _date_column(start, n, "start")
    ends = _date_column(end, n, "end")
    if np.any(ends < starts):
        row = int(np.flatnonzero(ends < starts)[0])
        raise ValidationError(
            f"end[{row}]",
            str(ends[row]),
            Phrase("a date on or after {start}", "une date à partir du {start}", start=starts[row]),
        )
    per_weekday = calendar.count_by_weekday(starts, ends)
    totals = np.einsum("ij,ij->i", matrix, per_weekday)
    if absences is not None:
        rows, a_start, a_end = _absence_table(absences, n)
        # clip each absence to its agent's period; spans left empty count nothing
        low = np.maximum(a_start, starts[rows])
        high = np.minimum(a_end, ends[rows])
        lost = np.einsum("ij,ij->i", matrix[rows], calendar.count_by_weekday(low, high))
        np.subtract.at(totals, rows, lost)
    return Q_(totals, "workday")


def _absence_table(
    absences: Any, n: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.datetime64], npt.NDArray[np.datetime64]]:
    """Check the (rows, starts, ends) table: equal columns, known rows, spans that end
    on or after they start and do not overlap another span of the same agent."""
    if not isinstance(absences, tuple | list) or len(absences) != 3:
        raise ValidationError(
            "absences",
            absences,
            Phrase("a table (rows, starts, ends)", "une table (lignes, débuts, fins)"),
        )
    try:
        rows = np.asarray(absences[0], dtype=np.int64)
    except (TypeError, ValueError):
        raise ValidationError(
            "absences.rows", absences[0], Phrase("row numbers", "des numéros de ligne")
        ) from None
    starts = _date_array(absences[1], "absences.starts")
    ends = _date_array(absences[2], "absences.ends")
    if not (rows.shape == starts.shape == ends.shape) or rows.ndim != 1:
        raise ValidationError(
            "absences",
            Phrase("columns of unequal length", "des colonnes de longueurs différentes"),
            Phrase("three equal columns", "trois colonnes de même longueur"),
        )
    if len(rows) and (rows.min() < 0 or rows.max() >= n):
        raise ValidationError(
            "absences.rows",
            int(rows.max()),
            Phrase("rows from 0 to {last}", "des lignes de 0 à {last}", last=n - 1),
        )
    backwards = np.flatnonzero(ends < starts)
    if len(backwards):
        i = int(backwards[0])
        raise ValidationError(
            f"absences[{i}]",
            f"{starts[i]}..{ends[i]}",
            Phrase("an end on or after the start", "une fin le jour du début ou après"),
        )
    order = np.lexsort((starts, rows))
    same = rows[order][1:] == rows[order][:-1]
    overlap = same & (starts[order][1:] <= ends[order][:-1])
    if overlap.any():
        i = int(order[1:][overlap][0])
        raise ValidationError(
            f"absences[{i}]",
            Phrase(
                "row {row}: {start}..{end}",
                "ligne {row}\u00a0: {start}..{end}",
                row=rows[i],
                start=starts[i],
                end=ends[i],
            ),
            Phrase("spans that do not overlap", "des périodes qui ne se chevauchent pas"),
        )
    return rows, starts, ends


def _date_array(value: Any, field: str) -> npt.NDArray[np.datetime64]:
    try:
        array = np.asarray(value, dtype="datetime64[D]")
    except (TypeError, ValueError):
        raise ValidationError(field, value, _ISO_DATES) from None
    if np.isnat(array).any():
        raise ValidationError(
            field, "NaT", Phrase("a date in every row", "une date à chaque ligne")
        )
    return array


def _pattern_rows(patterns: Sequence[Any]) -> npt.NDArray[np.float64]:
    """The (agents, 7) amounts of a list of patterns; each distinct pattern is read once
    (a workforce shares a few dozen patterns, not one per agent)."""
    codes: dict[WeeklyPattern, int] = {}
    index = np.empty(len(patterns), dtype=np.int64)
    for row, pattern in enumerate(patterns):
        if not isinstance(pattern, WeeklyPattern):
            raise ValidationError(f"amounts[{row}]", pattern, _A_PATTERN)
        index[row] = codes.setdefault(pattern, len(codes))
    table = np.array([pattern.amounts() for pattern in codes], dtype=float)
    rows: npt.NDArray[np.float64] = table[index]
    return rows


def _date_column(value: Any, n: int, field: str) -> npt.NDArray[np.datetime64]:
    if isinstance(value, np.datetime64):
        value = value.astype("datetime64[D]").astype(object)
    if isinstance(value, dt.date | str):
        return np.full(n, np.datetime64(to_date(value, field), "D"))
    try:
        array = np.asarray(value, dtype="datetime64[D]")
    except (TypeError, ValueError):
        raise ValidationError(field, value, _ISO_DATES) from None
    if array.shape != (n,):
        raise ValidationError(
            field,
            _shape(array.shape),
            Phrase("one date, or one per agent ({n})", "une date, ou une par agent ({n})", n=n),
        )
    if np.isnat(array).any():
        raise ValidationError(
            field, "NaT", Phrase("a date for every agent", "une date pour chaque agent")
        )
    return array
