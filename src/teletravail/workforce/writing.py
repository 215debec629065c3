"""A workforce written out: as records (:meth:`Workforce.to_records
<teletravail.workforce.Workforce.to_records>`, JSON-ready dicts with quantities as text
with their units), as a pandas DataFrame (:meth:`~teletravail.workforce.Workforce.to_pandas`),
and the text forms of the values, which read back to the same values.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

import numpy as np

from teletravail.frames import Units, quantity_frame
from teletravail.spans import Absence
from teletravail.week import weekdays_of_mask

from .agent import (
    COMMUTE_MODES,
    COMMUTE_TIME_UNIT,
    DISTANCE_UNIT,
    REQUESTED_TELEWORK_UNIT,
    WORKING_TIME_UNIT,
)
from .columns import Categories, Coded
from .fields import Activity, activities_from_shares

if TYPE_CHECKING:
    import pandas as pd

    from .table import Workforce

__all__ = ["PANDAS_QUANTITIES", "to_pandas", "to_records"]


#: The quantity columns of :meth:`Workforce.to_pandas`: plain name -> (pint name, unit).
PANDAS_QUANTITIES = {
    "working_time_pct": ("working_time", WORKING_TIME_UNIT),
    "commute_distance_km": ("commute_distance", DISTANCE_UNIT),
    "commute_time_min": ("commute_time", COMMUTE_TIME_UNIT),
    "requested_telework_workday_per_week": ("requested_telework", REQUESTED_TELEWORK_UNIT),
    "telecentre_distance_km": ("telecentre_distance", DISTANCE_UNIT),
}


def to_records(workforce: Workforce) -> list[dict[str, Any]]:
    """One JSON-ready dict per agent, with quantities as strings with units (see
    :meth:`Workforce.to_records <teletravail.workforce.Workforce.to_records>`)."""
    records = []
    for agent in workforce:
        records.append(
            {
                "id": agent.id,
                "hire_date": agent.hire_date.isoformat(),
                "working_time": f"{_number(agent.working_time.magnitude)} %",
                "role": agent.role,
                "tags": ";".join(sorted(agent.tags)),
                "commute_distance": (
                    f"{_number(agent.commute_distance.magnitude)} km"
                    if agent.commute_distance is not None
                    else ""
                ),
                "commute_time": (
                    f"{_number(agent.commute_time.magnitude)} min"
                    if agent.commute_time is not None
                    else ""
                ),
                "commute_mode": agent.commute_mode.value,
                "volunteer": agent.volunteer,
                "teleworkable_post": agent.teleworkable_post,
                "derogations": ";".join(str(d) for d in agent.derogations),
                "requested_telework": (
                    f"{_number(agent.requested_telework.magnitude)} workday/week"
                    if agent.requested_telework is not None
                    else ""
                ),
                "pattern": "" if agent.pattern is None else str(agent.pattern),
                "days_off": _days_off_text(agent.days_off),
                "absences": _absences_text(agent.absences),
                "telecentre_distance": (
                    f"{_number(agent.telecentre_distance.magnitude)} km"
                    if agent.telecentre_distance is not None
                    else ""
                ),
                "authorisation": ("" if agent.authorisation is None else str(agent.authorisation)),
                "contract_type": "" if agent.contract_type is None else agent.contract_type.value,
                "category": "" if agent.category is None else agent.category.value,
                "establishment": agent.establishment,
                "activities": _activities_text(agent.activities),
            }
        )
    return records


def to_pandas(workforce: Workforce, units: Units = "plain") -> pd.DataFrame:
    """The columns of a workforce as a DataFrame (see :meth:`Workforce.to_pandas
    <teletravail.workforce.Workforce.to_pandas>`)."""
    # pandas is an optional dependency (the pandas extra): imported when a frame is made
    import pandas as pd

    names = workforce.activity_names
    return quantity_frame(
        {
            "id": workforce.ids,
            "hire_date": workforce.hire_date,
            "working_time_pct": workforce.working_time_percent,
            "role": pd.Categorical.from_codes(
                workforce.role.codes, categories=pd.Index(list(workforce.role.categories))
            )
            if workforce.role.categories
            else pd.Categorical([]),
            "tags": [
                ";".join(t for t, on in zip(workforce.tag_names, r, strict=True) if on)
                for r in workforce.tags
            ],
            "commute_distance_km": workforce.commute_distance_km,
            "commute_time_min": workforce.commute_time_min,
            "commute_mode": [COMMUTE_MODES[int(c)].value for c in workforce.commute_mode],
            "volunteer": workforce.volunteer,
            "teleworkable_post": workforce.teleworkable_post,
            "derogations": [
                ";".join(str(d) for d in workforce.agent(row).derogations) if has else ""
                for row, has in enumerate(
                    np.isin(np.arange(len(workforce)), workforce.derogation_row)
                )
            ],
            "requested_telework_workday_per_week": workforce.requested_telework_workday_per_week,
            "pattern": _texts(workforce.pattern, str),
            "days_off": [
                _days_off_text(weekdays_of_mask(int(m))) for m in workforce.days_off_mask.tolist()
            ],
            "absences": _texts(workforce.absences, _absences_text),
            "telecentre_distance_km": workforce.telecentre_distance_km,
            "authorisation": _texts(workforce.authorisation, str),
            "contract_type": _categorical(workforce.contract_type),
            "category": _categorical(workforce.category),
            "establishment": _categorical(workforce.establishment),
            "activities": [
                _activities_text(activities_from_shares(names, shares))
                for shares in workforce.activity_shares.tolist()
            ],
        },
        PANDAS_QUANTITIES,
        units,
    )


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _days_off_text(days: Collection[int]) -> str:
    """Weekdays not worked as text that reads back (``"wednesday;friday"``)."""
    return ";".join(_WEEKDAY_NAMES[day] for day in sorted(days))


def _absences_text(spans: tuple[Absence, ...] | None) -> str:
    """Absences as text that reads back: empty when unknown, ``none`` when known to be
    none, else ``start/end`` spans separated by ``;``."""
    if spans is None:
        return ""
    if not spans:
        return "none"
    return ";".join(str(a) for a in spans)


def _activities_text(activities: tuple[Activity, ...]) -> str:
    """Activities as text that reads back (``"accueil 40 %; instruction 60 %"``); empty
    when not stated."""
    return "; ".join(str(activity) for activity in activities)


def _categorical(column: Categories) -> Any:
    """A categorical column as a pandas Categorical."""
    import pandas as pd

    if not column.categories:
        return pd.Categorical([])
    return pd.Categorical.from_codes(
        np.asarray(column.codes), categories=pd.Index(list(column.categories))
    )


def _texts(column: Coded, write: Callable[[Any], str]) -> list[str]:
    """A coded column as text, each distinct value written once (empty for None)."""
    table = ["" if value is None else write(value) for value in column.values]
    return [table[code] for code in column.codes.tolist()]


def _number(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` (``100``, ``89.9999999``)."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
