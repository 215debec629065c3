"""``teletravail schedule --policy NAME|FILE --start DATE --end DATE --days tue,thu``: the
dated telework days of one agent's weekly pattern, laid over a span and checked against
the policy's quota, as days per month or as an iCalendar file.

The library's modules are imported when the command runs, so that ``teletravail --help``
stays fast (it loads neither numpy nor pint).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Final

from teletravail.messages import NBSP, Lang, Phrase

from .exits import EXIT_OK, EXIT_PROBLEMS
from .language import COLON
from .reading import load_policy, policy_inputs
from .stderr import print_error

if TYPE_CHECKING:
    from teletravail.policy import Policy
    from teletravail.scheduling import Schedule, WeeklyPattern

__all__ = ["run"]


def _schedule_policy(policy: Policy, population: str | None, working_time: str) -> Policy:
    """The rules that lay out one agent's pattern: those of ``population``, or, in a
    policy with populations, those of the population an agent of that working time
    belongs to; refused for agents outside the scheme, and for a scheme of floating
    days only (no weekday is fixed)."""
    from teletravail.errors import ValidationError
    from teletravail.messages import Phrase
    from teletravail.policy.populations import membership
    from teletravail.scheduling import Modality
    from teletravail.workforce import Agent, Workforce

    if population is None and policy.populations:
        agent = Agent(id="agent", hire_date=policy.period.start, working_time=working_time)
        found = int(membership(policy.populations, Workforce.from_agents([agent]))[0])
        population = None if found < 0 else policy.populations[found].name
        if found < 0 or not policy.populations[found].concerned:
            names = ", ".join(p.name for p in policy.populations if p.concerned)
            raise ValidationError(
                "population",
                population,
                Phrase(
                    "the population of the agent (--population), one of: {names}",
                    "la population de l'agent (--population), parmi : {names}",
                    names=names,
                ),
            )
    if population is not None:
        chosen = next((p for p in policy.populations if p.name == population), None)
        if chosen is not None and not chosen.concerned:
            raise ValidationError(
                "population",
                population,
                Phrase(
                    "a population the scheme concerns (this one is outside it)",
                    "une population concernée par le dispositif (celle-ci en est exclue)",
                ),
            )
        policy = policy.for_population(population)
    if policy.quota is not None and policy.quota.modality is Modality.FLOATING:
        raise ValidationError(
            "days",
            policy.name,
            Phrase(
                "a scheme with fixed weekdays: under floating days only, the days come from"
                " the volume, not from a weekly pattern",
                "un dispositif à jours fixes : avec des jours flottants seulement, les"
                " jours viennent du volume, non d'un motif hebdomadaire",
            ),
        )
    return policy


_HEAD: Final = Phrase(
    "Telework of agent {agent} under {policy}, {period}",
    "Télétravail de l'agent {agent} sous {policy}, {period}",
)
_PATTERN: Final = Phrase("pattern", "rythme")
_TOTAL: Final = Phrase("total", "total")
_DATES: Final = Phrase("{days} over {dates}", "{days} sur {dates}")


def _summary(
    args: argparse.Namespace, policy: str, pattern: WeeklyPattern, schedule: Schedule
) -> list[str]:
    """The days per month of a schedule, in the command's language: the agent, the
    policy and the dates in words, each month by its name, the days as quantities."""
    from teletravail.formats import MONTHS, number, period, quantity

    lang: Lang = args.lang
    colon = COLON[lang]
    span = period(args.start, args.end, lang)
    weekly = quantity(pattern.total, lang)
    lines = [
        _HEAD.text(lang).format(agent=args.agent, policy=policy, period=span),
        f"{_PATTERN.text(lang)}{colon} {pattern.text(lang)} ({weekly})",
    ]
    for month, amount in schedule.counts("month").items():
        year, number_of_month = str(month).split("-")[:2]
        name = f"{MONTHS[lang][int(number_of_month) - 1]} {year}"
        lines.append(f"{name}{colon} {quantity(amount, lang)}")
    dates = len(schedule)
    counted = f"{number(dates, lang)} {_date_noun(dates, lang)}"
    total = _DATES.text(lang).format(days=quantity(schedule.total, lang), dates=counted)
    lines.append(f"{_TOTAL.text(lang)}{colon} {total}")
    return lines


def _date_noun(count: int, lang: Lang) -> str:
    singular = count == 1 if lang == "en" else count < 2
    return "date" if singular else "dates"


def run(args: argparse.Namespace) -> int:
    """Lay the weekly pattern over ``args.start``..``args.end`` under the policy's
    quota and calendar; print the days per month, or write them as iCalendar."""
    from teletravail.errors import ValidationError
    from teletravail.scheduling import PatternDay, Place, QuotaExceededError, WeeklyPattern, plan
    from teletravail.workforce import Agent

    lang: Lang = args.lang
    policy = load_policy(args.policy)
    policy = _schedule_policy(policy, args.population, args.working_time)
    for name, day in (("start", args.start), ("end", args.end)):
        if day not in policy.period:
            raise ValidationError(
                name,
                day.isoformat(),
                Phrase(
                    "a date while the policy is in force ({period})",
                    "une date à laquelle la politique est en vigueur ({period})",
                    period=str(policy.period),
                ),
            )
    place = Place.parse(args.place)
    if place.kind not in policy.places:
        allowed = ", ".join(sorted(kind.value for kind in policy.places))
        raise ValidationError(
            "place",
            args.place,
            Phrase(
                "a place of the policy: {allowed}",
                "un lieu de la politique" + NBSP + ": {allowed}",
                allowed=allowed,
            ),
        )
    days = [day.strip() for day in args.days.replace(";", ",").split(",") if day.strip()]
    pattern = WeeklyPattern(
        days=[PatternDay(weekday=day, part=args.half or "full", place=place) for day in days]
    )
    if args.ics is not None:
        try:
            import icalendar  # noqa: F401 (only its presence is checked)
        except ImportError:
            print_error(
                Phrase(
                    "--ics needs the {extra!r} extra: {command}",
                    "--ics demande les dépendances facultatives {extra!r}" + NBSP + ": {command}",
                    extra="ics",
                    command="pip install 'teletravail[ics]'",
                ),
                lang,
            )
            return EXIT_PROBLEMS
    agent = Agent(id=args.agent, hire_date=args.start, working_time=args.working_time)
    try:
        schedule = plan(
            pattern,
            args.start,
            args.end,
            agent=agent,
            quota=policy.quota,
            calendar=policy.calendar,
        )
    except QuotaExceededError as error:
        print_error(
            Phrase(
                "the quota of {name} does not allow this pattern ({pattern})",
                "le quota de {name} n'admet pas ce rythme ({pattern})",
                name=policy.name,
                pattern=Phrase(str(pattern), pattern.text("fr")),
            ),
            lang,
        )
        print(error.decision.text(lang), file=sys.stderr)
        return EXIT_PROBLEMS
    if args.ics is not None:
        data = schedule.to_ics(lang=lang)
        if args.ics == "-":
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is None:
                sys.stdout.write(data.decode("utf-8"))
            else:
                sys.stdout.flush()
                buffer.write(data)
                buffer.flush()
        else:
            from teletravail.outputs import output_bytes

            with output_bytes(
                args.ics,
                inputs=policy_inputs(args.policy),
                force=args.force,
                follow_symlinks=args.follow_symlinks,
                field="ics",
            ) as handle:
                handle.write(data)
        return EXIT_OK
    for line in _summary(args, policy.name, pattern, schedule):
        print(line)
    return EXIT_OK
