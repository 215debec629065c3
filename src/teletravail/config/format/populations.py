"""The populations of a policy document: groups of agents with rules of their own.

:func:`population_list` describes the ``populations`` list: each population's name, who
belongs to it (``members``: roles, tags, categories, contract types, establishments,
part time, a band of working time), whether it is concerned by the scheme, and the
eligibility, quota, places and allowance that replace the policy's for its agents.
:class:`PopulationList` refuses a name written twice, and a population written after one
that selects every agent.
"""

from __future__ import annotations

from typing import Any

from teletravail.allowance.allowance import Allowance
from teletravail.config.format.eligibility import RULE, ContractChoice
from teletravail.config.format.sources import SOURCE
from teletravail.documents import (
    BAD,
    Amount,
    Choice,
    Context,
    Flag,
    Key,
    ListOf,
    Table,
    Text,
    non_defaults,
)
from teletravail.messages import Phrase
from teletravail.policy.populations import Members, Population
from teletravail.scheduling.working_time import WorkingTimeBand

__all__ = ["PopulationList", "population_list"]


def population_list(quota: Table, allowance: ListOf, places: ListOf) -> ListOf:
    """The ``populations`` list, whose populations hold the policy's own ``quota``,
    ``allowance`` and ``places`` kinds (the schema writes them once for both)."""
    band = Table(
        "working time band",
        "Working times from `low` to `high`, both included.",
        [
            Key("low", Amount("[]", "50 %"), "the lowest working time (default 0 %)"),
            Key("high", Amount("[]", "80 %"), "the highest working time (default 100 %)"),
        ],
        lambda data: WorkingTimeBand(**data),
        lambda obj: {
            "low": None if obj.low_percent == 0 else obj.low,
            "high": None if obj.high_percent == 100 else obj.high,
        },
        french="plage de temps de travail",
    )
    names = ListOf(Text(), unique=True, at_least=1)
    members = Table(
        "members",
        "Who belongs to a population: every condition written holds, and a list is met by"
        " any of its names. A table with no key selects everyone.",
        [
            Key("roles", names, "the agent's role is one of these"),
            Key("tags", names, "the agent carries one of these tags"),
            Key(
                "categories",
                ListOf(Choice(["A", "B", "C"]), unique=True, at_least=1),
                "the agent's category is one of these (A, B, C)",
            ),
            Key(
                "contract_types",
                ListOf(ContractChoice(), unique=True, at_least=1),
                "the agent's contract is one of these, in English or French (fonctionnaire,"
                " contractuel, apprenti, stagiaire école, doctorant contractuel...)",
            ),
            Key("establishments", names, "the agent's establishment or site is one of these"),
            Key(
                "part_time",
                Flag(),
                "true: any part-time agent (under 100 %); false: full-time agents only",
            ),
            Key("working_time", band, "the agent's working time lies in this band"),
        ],
        lambda data: Members(**data),
        lambda obj: non_defaults(
            obj,
            "roles",
            "tags",
            "categories",
            "contract_types",
            "establishments",
            "part_time",
            "working_time",
        ),
    )

    def build(data: dict[str, Any]) -> Population:
        if "allowance" in data:
            data["allowance"] = Allowance(components=data["allowance"])
        return Population(**data)

    def dump(obj: Population) -> dict[str, Any]:
        data = non_defaults(obj, "description", "eligibility", "quota", "places", "source")
        data["name"] = obj.name
        if not obj.members.everyone:
            data["members"] = obj.members
        if not obj.concerned:
            data["concerned"] = False
        if obj.allowance is not None:
            data["allowance"] = obj.allowance.components
        return data

    population = Table(
        "population",
        "A group of agents with rules of its own: `eligibility`, `quota`, `places` and"
        " `allowance` replace the policy's for its agents (a key not written keeps the"
        " policy's). `concerned = false` puts the group outside the scheme: its agents are"
        " not concerned, which is not a refusal.",
        [
            Key("name", Text(), "the population's name, unique in the document", True),
            Key("description", Text(empty=True), "who they are"),
            Key("members", members, "who belongs to it (default: every agent)"),
            Key("concerned", Flag(), "false: outside the scheme (default true)"),
            Key("eligibility", RULE, "who of them may telework (default: the policy's)"),
            Key("quota", quota, "how much telework (default: the policy's)"),
            Key("places", places, "where (default: the policy's)"),
            Key("allowance", allowance, "what is paid (default: the policy's)"),
            Key("source", SOURCE, "the text that sets the population's rules"),
        ],
        build,
        dump,
        constraints={  # outside the scheme, a population states no rule
            "if": {"properties": {"concerned": {"const": False}}, "required": ["concerned"]},
            "then": {
                "not": {
                    "anyOf": [
                        {"required": [name]}
                        for name in ("eligibility", "quota", "places", "allowance")
                    ]
                }
            },
        },
    )
    return PopulationList(population)


class PopulationList(ListOf):
    """The document's populations: each name once, and none written after one that
    selects every agent (it would never select anyone: an agent belongs to the first
    population that selects them)."""

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        items = super().read(ctx, value, path)
        if items is BAD:
            return BAD
        seen: dict[str, int] = {}
        catch_all: str | None = None
        failed = False
        for index, population in enumerate(items):
            where = f"{path}[{index}]"
            if population.name in seen:
                failed = True
                ctx.fail(
                    f"{where}.name",
                    population.name,
                    Phrase(
                        "a name no other population has (populations[{first}] has it)",
                        "un nom qu'aucune autre population ne porte (populations[{first}] le"
                        " porte)",
                        first=seen[population.name],
                    ),
                )
            seen.setdefault(population.name, index)
            if catch_all is not None:
                failed = True
                ctx.fail(
                    where,
                    population.name,
                    Phrase(
                        "a population written before any that selects every agent ({first!r}"
                        " does: this one would never select anyone)",
                        "une population écrite avant toute population qui désigne tous les"
                        " agents ({first!r} le fait\u00a0: celle-ci ne désignerait personne)",
                        first=catch_all,
                    ),
                )
            elif population.members.everyone:
                catch_all = population.name
        return BAD if failed else items
