"""The quota in a policy document: how much telework the scheme allows.

:func:`quota_table` describes the ``quota`` table: the weekly maximum and minimum, the
least presence on site, whole or half days, floating days (with :data:`PERIOD_WORDS`,
the French words of their periods), caps on days per week, month and year, derogations
above the cap and lower caps for part-time bands.
"""

from __future__ import annotations

from typing import Any, Final

from teletravail.config.format.sources import SOURCE
from teletravail.dated import Span
from teletravail.documents import (
    Amount,
    Choice,
    Flag,
    Key,
    ListOf,
    Number,
    Table,
    Text,
    non_defaults,
)
from teletravail.scheduling.derogations import DerogationRule
from teletravail.scheduling.quota import Quota
from teletravail.scheduling.volumes import DayCaps, FloatingDays
from teletravail.scheduling.working_time import PartTimeCap
from teletravail.workforce import DerogationKind

__all__ = ["PERIOD_WORDS", "PER_WEEK", "quota_table"]

#: The French words of the periods a document counts over.
PERIOD_WORDS: Final = {"semaine": "week", "mois": "month", "an": "year", "année": "year"}

#: The dimension of a weekly quota: days a week.
PER_WEEK: Final = "[workday] / [time]"


def quota_table() -> Table:
    """The ``quota`` table, with the tables it holds (floating days, caps on days,
    derogations, part-time bands)."""
    floating = Table(
        "floating",
        "A volume of floating telework days (décret 2020-524).",
        [
            Key(
                "volume",
                Amount("[workday]", "10 workday", french="10 jours"),
                "the days in each period",
                True,
            ),
            Key("per", Choice(["week", "month", "year"], PERIOD_WORDS), "the period", True),
            Key("source", SOURCE, "the text that sets it"),
        ],
        lambda data: FloatingDays(**data),
        lambda obj: non_defaults(obj, "volume", "per", "source") | {"per": obj.per},
    )
    derogation = Table(
        "derogation",
        "What a derogation of one kind allows while it is in force.",
        [
            Key("kind", Choice([k.value for k in DerogationKind]), "the kind", True),
            Key("duration", Span(), "the longest it lasts before renewal (default: no limit)"),
            Key("renewable", Flag(), "whether it can be renewed (default: true)"),
            Key(
                "renewals",
                Number(0, 1000, whole=True),
                "the most renewals after the first grant (default: no limit)",
            ),
            Key(
                "maximum",
                Amount(PER_WEEK, "5 workday/week", french="5 jours/semaine"),
                "the cap (default: every day)",
            ),
            Key("source", SOURCE, "the text that sets it"),
        ],
        lambda data: DerogationRule(**data),
        lambda obj: (
            non_defaults(obj, "duration", "renewable", "renewals", "maximum", "source")
            | {"kind": obj.kind}
        ),
    )
    part_time = Table(
        "part_time",
        "A lower weekly cap for working times within [low, high]; without low and high,"
        " for any part-time agent (every working time under 100 %).",
        [
            Key("low", Amount("[]", "60 %"), "the lowest working time of the band (default 0 %)"),
            Key(
                "high",
                Amount("[]", "90 %"),
                "the highest working time of the band, under 100 % (default: any under 100 %)",
            ),
            Key(
                "maximum",
                Amount(PER_WEEK, "2.5 workday/week", french="2,5 jours/semaine"),
                "the cap in the band",
                True,
            ),
            Key("source", SOURCE, "the text that sets it"),
        ],
        lambda data: PartTimeCap(**data),
        lambda obj: {
            "low": obj.low,
            "high": obj.high,
            "maximum": obj.maximum,
            "source": obj.source,
        },
    )
    day_caps = Table(
        "caps",
        "Caps on the telework days themselves, apart from the weekly quota and from money.",
        [
            Key(
                "week",
                Amount("[workday]", "2 workday", french="2 jours"),
                "the most days in any ISO week",
            ),
            Key(
                "month",
                Amount("[workday]", "10 workday", french="10 jours"),
                "the most days in a calendar month",
            ),
            Key(
                "year",
                Amount("[workday]", "88 workday", french="88 jours"),
                "the most days in a calendar year",
            ),
            Key("source", SOURCE, "the text that sets them"),
        ],
        lambda data: DayCaps(**data),
        lambda obj: non_defaults(obj, "week", "month", "year", "source"),
    )
    return Table(
        "quota",
        "How much telework the scheme allows per week.",
        [
            Key("name", Text(empty=True), "a name for the quota"),
            Key(
                "maximum",
                Amount(PER_WEEK, "3 workday/week", french="3 jours/semaine"),
                "the weekly cap",
                True,
            ),
            Key(
                "minimum",
                Amount(PER_WEEK, "1 workday/week", french="1 jour/semaine"),
                "the least an agent may ask",
            ),
            Key(
                "on_site_minimum",
                Amount(PER_WEEK, "2 workday/week", french="2 jours/semaine"),
                "the least presence on site, counted on the days worked",
            ),
            Key(
                "granularity",
                Choice(["day", "halfday"], {"jour": "day", "demi-journée": "halfday"}),
                "whole days or half days too",
            ),
            Key(
                "assessed",
                Choice(["week", "month"], {"semaine": "week", "mois": "month"}),
                "over what the caps are assessed",
            ),
            Key("floating", floating, "floating days under the same authorisation"),
            Key(
                "modality",
                Choice(
                    ["fixed", "floating", "mixed"],
                    {"fixes": "fixed", "flottants": "floating", "mixte": "mixed"},
                ),
                "fixed weekdays, floating days only, or both (floating days besides, within"
                " the weekly maximum); default: fixed, or mixed with a volume of floating days",
            ),
            Key("caps", day_caps, "caps on days per week, month and year"),
            Key("derogations", ListOf(derogation), "derogations above the cap"),
            Key("part_time", ListOf(part_time), "lower caps for working-time bands"),
            Key("full_week", Number(1, 7, whole=True), "days of a full-time week (default 5)"),
            Key("source", SOURCE, "the text that sets the quota"),
        ],
        lambda data: Quota(**data),
        lambda obj: (
            _modality_written(obj)
            | non_defaults(
                obj,
                "name",
                "minimum",
                "on_site_minimum",
                "granularity",
                "assessed",
                "floating",
                "caps",
                "derogations",
                "part_time",
                "full_week",
                "source",
            )
            | {"maximum": obj.maximum}
        ),
        constraints={  # floating days, alone or besides fixed days, need their volume
            "if": {
                "properties": {"modality": {"enum": ["floating", "mixed", "flottants", "mixte"]}},
                "required": ["modality"],
            },
            "then": {"required": ["floating"]},
        },
    )


def _modality_written(quota: Any) -> dict[str, Any]:
    """The modality, written only where the volume does not already say it."""
    implied = "fixed" if quota.floating is None else "mixed"
    return {} if quota.modality == implied else {"modality": str(quota.modality)}
