"""The leave assumption: how many telework days an agent's leave takes, when their
absences are not known.

A register rarely lists each agent's leave. A policy then states its assumption: a
number of days of leave a year for a full-time agent (``25 workday``, the five weeks of
the public service's and the Code du travail's annual leave), or a number of weeks
worked a year. It is applied in one way, to the dated telework days:

* the **share** of working days on leave in a calendar year is the days of leave divided
  by that year's working days on the policy's calendar (weekdays less public holidays,
  for a full-time agent), or one less the weeks worked times the days of a full week over
  those working days; a part-time agent's leave is the same share of the days they work;
* in each calendar year, in date order, the running total of telework kept is the
  running total planned times one less the share, rounded to the nearest half day (half
  up). A day is kept for what that running total grows by: whole, half or not at all.

Only the fixed days are thinned: floating days are asked for on days the agent is at
work, so leave moves them rather than cancels them.

So the leave falls evenly over the year, the days kept are dated (a schedule, an
allowance and an impact read them as any other), and a year's total is its planned days
times one less the share, rounded to a half day: 103 planned days in 2024, with 25 days
of leave out of 252 working days, keep 93.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from teletravail import formats, sources
from teletravail._checks import optional_source
from teletravail.documents import quantity_data
from teletravail.errors import ValidationError
from teletravail.messages import Lang, Phrase, check_lang
from teletravail.sources import Source
from teletravail.units import Q_, as_quantity

if TYPE_CHECKING:
    from teletravail.units import Quantity

__all__ = ["ANNUAL_LEAVE", "LeaveAssumption", "thin"]

#: The five weeks of annual leave of the French law, for the default assumption: art. 1,
#: annual leave of five times the weekly working obligations (the same five weeks for the
#: State, décret n° 84-972 du 26 octobre 1984, and the private sector, Code du travail,
#: art. L3141-3).
ANNUAL_LEAVE = attrs.evolve(sources.DECRET_85_1250, article="1")


def _days(value: Any) -> Quantity | None:
    if value is None:
        return None
    quantity = as_quantity(value, field="leave.days", dimension="[workday]")
    days = float(quantity.m_as("workday"))
    if not math.isfinite(days) or not 0 <= days < 366:
        raise ValidationError(
            "leave.days",
            value,
            Phrase("days of leave a year, from 0 to 365", "des jours de congés par an, de 0 à 365"),
        )
    return Q_(days, "workday")


def _weeks(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 53:
        raise ValidationError(
            "leave.weeks_worked",
            value,
            Phrase(
                "weeks worked a year, above 0 and at most 53",
                "des semaines travaillées par an, plus de 0 et au plus 53",
            ),
        )
    return float(value)


@attrs.frozen(kw_only=True)
class LeaveAssumption:
    """Leave assumed for agents whose absences are not known: ``days`` of leave a year
    for a full-time agent, or ``weeks_worked`` a year (exactly one of them). See the
    module's doc for how it is applied."""

    days: Quantity | None = attrs.field(default=None, converter=_days)
    weeks_worked: float | None = attrs.field(default=None, converter=_weeks)
    source: Source | None = attrs.field(default=None, validator=optional_source)
    # the share of each (working days, full week) met, read once
    _memo: dict[tuple[int, int], Fraction] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        if (self.days is None) == (self.weeks_worked is None):
            raise ValidationError(
                "leave",
                self,
                Phrase(
                    "either days of leave a year or weeks worked a year",
                    "soit des jours de congés par an, soit des semaines travaillées par an",
                ),
            )

    @classmethod
    def annual_leave(cls) -> LeaveAssumption:
        """Five weeks of leave a year: 25 days of a full-time agent's five-day week."""
        return cls(days="25 workday", source=ANNUAL_LEAVE)

    def share(self, working_days: int, *, year: int | None = None, full_week: int = 5) -> Fraction:
        """The share of the working days on leave, for a year of ``working_days`` working
        days (exact). A share that leaves no working day is an error naming ``leave``."""
        if working_days <= 0:
            return Fraction(0)
        found = self._memo.get((working_days, full_week))
        if found is not None:
            return found
        if self.days is not None:
            share = Fraction(str(float(self.days.m_as("workday")))) / working_days
        else:
            assert self.weeks_worked is not None
            worked = Fraction(str(self.weeks_worked)) * full_week
            share = max(Fraction(0), 1 - worked / working_days)
        if share >= 1:
            raise ValidationError(
                "leave",
                Phrase(self.describe("en"), self.describe("fr")),
                Phrase(
                    "a leave that leaves working days"
                    + ("" if year is None else " in {year}")
                    + " (the year has {days})",
                    "des congés qui laissent des jours travaillés"
                    + ("" if year is None else " en {year}")
                    + " (l'année en compte {days})",
                    year=year,
                    days=working_days,
                ),
            )
        self._memo[(working_days, full_week)] = share
        return share

    def describe(self, lang: Lang = "en") -> str:
        """The assumption in a few words, in English or French (``25 days of leave a
        year``, ``25 jours de congés par an``; ``45.5 weeks worked a year``, ``45,5
        semaines travaillées par an``)."""
        lang = check_lang(lang)
        if self.days is not None:
            days = float(self.days.m_as("workday"))
            if lang == "fr":
                noun = "jours" if days >= 2 else "jour"
                return f"{formats.number(days, lang)} {noun} de congés par an"
            noun = "day" if days == 1 else "days"
            return f"{formats.number(days, lang)} {noun} of leave a year"
        weeks = float(self.weeks_worked or 0)
        if lang == "fr":
            noun = "semaines travaillées" if weeks >= 2 else "semaine travaillée"
            return f"{formats.number(weeks, lang)} {noun} par an"
        noun = "week" if weeks == 1 else "weeks"
        return f"{formats.number(weeks, lang)} {noun} worked a year"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: the days of leave (``{"value": 25.0, "unit": "workday"}``)
        or the weeks worked, and the source."""
        return {
            "days": None if self.days is None else quantity_data(self.days, "workday"),
            "weeks_worked": self.weeks_worked,
            "source": None if self.source is None else self.source.to_dict(),
        }


def thin(
    halves: npt.NDArray[np.int8], shares: list[Fraction], bounds: list[int]
) -> npt.NDArray[np.int8]:
    """The half days kept of ``halves`` (schedules × days), each calendar year
    ``bounds[i]:bounds[i+1]`` of the day axis with its share of leave ``shares[i]``: the
    running total kept is the running total planned times one less the share, rounded
    half up to a half day."""
    kept = np.zeros_like(halves)
    for share, first, last in zip(shares, bounds[:-1], bounds[1:], strict=True):
        if last <= first:
            continue
        block = halves[:, first:last].astype(np.int64)
        if share == 0:
            kept[:, first:last] = block
            continue
        planned = np.cumsum(block, axis=1)
        # round(planned * (q - p) / q), half up: floor((2 planned (q - p) + q) / 2q)
        p, q = share.numerator, share.denominator
        running = (2 * planned * (q - p) + q) // (2 * q)
        step = np.diff(running, axis=1, prepend=0)
        kept[:, first:last] = step.astype(np.int8)
    return kept
