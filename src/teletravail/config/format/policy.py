"""The whole policy document: the table every other table and key is reached from.

:func:`document_table` describes the document (made once): its format and version, the
policy's name, territory and period, its places and sources, the working days
(``calendar``), the leave assumed (``leave``), what happens to an ask the quota does not
allow (``asks``), and the tables of each area: ``authorisation``, ``eligibility``,
``quota``, ``allowance``, ``selection``, ``impact`` and ``populations``.
"""

from __future__ import annotations

from typing import Any

from teletravail.allowance.allowance import Allowance
from teletravail.config.document import FORMAT, FORMAT_VERSION
from teletravail.config.format.allowance import allowance_list
from teletravail.config.format.authorisation import authorisation_table
from teletravail.config.format.eligibility import RULE
from teletravail.config.format.impact import impact_table
from teletravail.config.format.places import place_list
from teletravail.config.format.populations import population_list
from teletravail.config.format.quota import quota_table
from teletravail.config.format.selection import selection_table
from teletravail.config.format.sources import SOURCE, SourceList
from teletravail.dated import Period
from teletravail.documents import (
    Amount,
    Choice,
    Day,
    Key,
    ListOf,
    Number,
    Table,
    Text,
    non_defaults,
)
from teletravail.policy import Policy
from teletravail.scheduling.calendar import WorkCalendar
from teletravail.scheduling.leave import LeaveAssumption

__all__ = ["document_table"]


def _policy_table() -> Table:
    """The ``policy`` table: the whole document, with the calendar, leave and period
    tables it holds and the tables of each area."""
    calendar = Table(
        "calendar",
        "The working days: France's public holidays, or a subdivision's, with changes.",
        [
            Key(
                "country",
                Choice(["FR"], {"France": "FR"}),
                "the country: France (its subdivisions give Alsace-Moselle and the overseas"
                " départements)",
            ),
            Key(
                "subdivision",
                Text(),
                "a subdivision of France, by code or name: 57 (Moselle), "
                "6AE (Alsace, or 67 and 68), Alsace-Moselle, 971 (Guadeloupe) ...",
            ),
            Key("extra_days_off", ListOf(Day(), unique=True), "more days not worked"),
            Key(
                "worked_holidays",
                ListOf(Day(), unique=True),
                "public holidays that are worked (a solidarity day)",
            ),
        ],
        lambda data: WorkCalendar(**data),
        lambda obj: non_defaults(obj, "subdivision", "extra_days_off", "worked_holidays"),
    )
    leave = Table(
        "leave",
        "The leave assumed for agents whose absences are not known (days, or weeks worked).",
        [
            Key(
                "days",
                Amount("[workday]", "25 workday", french="25 jours"),
                "days of leave a year, full time",
            ),
            Key("weeks_worked", Number(0, 53, above=True), "weeks worked a year"),
            Key("source", SOURCE, "the text it comes from"),
        ],
        lambda data: LeaveAssumption(**data),
        lambda obj: non_defaults(obj, "days", "weeks_worked", "source"),
    )
    period = Table(
        "period",
        "The days the policy is in force (both ends included).",
        [
            Key("start", Day(), "its first day", True),
            Key("end", Day(), "its last day (default: open-ended)"),
        ],
        lambda data: Period(**data),
        lambda obj: {"start": obj.start, "end": obj.end},
    )

    quota = quota_table()
    allowance = allowance_list()
    places = place_list()
    populations = population_list(quota, allowance, places)

    def build(data: dict[str, Any]) -> Policy:
        data.pop("format", None)
        data.pop("version", None)
        if "allowance" in data:
            data["allowance"] = Allowance(components=data["allowance"])
        return Policy(**data)

    def dump(policy: Policy) -> dict[str, Any]:
        data = non_defaults(
            policy,
            "description",
            "places",
            "calendar",
            "leave",
            "asks",
            "sector",
            "authorisation",
            "sources",
            "quota",
            "selection",
            "impact",
            "populations",
        )
        data |= {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "name": policy.name,
            "territory": policy.territory,
            "period": policy.period,
            "eligibility": policy.eligibility,
        }
        if policy.allowance is not None:
            data["allowance"] = policy.allowance.components
        return data

    return Table(
        "policy",
        "A territory's telework scheme.",
        [
            Key("format", Choice([FORMAT]), f"always {FORMAT!r}"),
            Key("version", Number(1, FORMAT_VERSION, whole=True), "the format's version"),
            Key("name", Text(), "the policy's name", True),
            Key("territory", Text(), "the employer or territory", True),
            Key(
                "sector",
                Choice(["public", "private"], {"public": "public", "privé": "private"}),
                "the employer's sector: public (the public service, the default) or private;"
                " the public-service framework does not apply to a private employer",
            ),
            Key("description", Text(empty=True), "what the scheme is; its first line sums it up"),
            Key("period", period, "when the policy is in force", True),
            Key("places", places, "where"),
            Key("sources", SourceList(), "the texts the policy comes from"),
            Key("calendar", calendar, "the working days (default: France's)"),
            Key("leave", leave, "the leave assumed where absences are unknown (default 25 days)"),
            Key(
                "asks",
                Choice(["refuse", "reduce"]),
                "an ask the quota does not allow is refused (default) or reduced to fit",
            ),
            Key(
                "authorisation", authorisation_table(), "the terms of the individual authorisations"
            ),
            Key("eligibility", RULE, "who may telework", True),
            Key("quota", quota, "how much telework"),
            Key("allowance", allowance, "what is paid, component by component"),
            Key("selection", selection_table(), "how seats are allotted among eligible agents"),
            Key("impact", impact_table(), "the assumptions of the impact estimate"),
            Key(
                "populations",
                populations,
                "groups of agents with rules of their own; an agent belongs to the first"
                " that selects them, and an agent in none is not concerned",
            ),
        ],
        build,
        dump,
        french="politique",
    )


_POLICY: Table | None = None


def document_table() -> Table:
    """The description of a whole policy document: the table every other table and key
    is reached from (:class:`~teletravail.documents.Key` objects with their kind and
    meaning), made once. The reference, the JSON Schema, reading and writing all follow
    it; a tool that writes documents of its own (the commented starter of
    :mod:`teletravail.presets.starter`) reads it too."""
    global _POLICY
    if _POLICY is None:
        _POLICY = _policy_table()
    return _POLICY
