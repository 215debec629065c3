"""The allowance in a policy document: what is paid, component by component.

:func:`allowance_list` describes the ``allowance`` list, whose components are tagged by
their ``kind`` (``one_off``, ``per_day``, ``monthly_flat``, ``employer_cost``). A
``per_day`` or ``monthly_flat`` component gives its own values, or names a national
parameter (:class:`NationalName`, with its branch of the civil service,
:class:`BranchKind`) whose dated values follow the library's
(:mod:`teletravail.allowance.national`); its table asks for one of the two
(:class:`ReferableTable`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from teletravail.allowance import national as national_module
from teletravail.allowance.allowance import COMPONENT_KINDS
from teletravail.allowance.branch import BRANCH_WORDS, branch_choices, plain_words
from teletravail.allowance.one_off import EmployerCost, OneOff
from teletravail.allowance.rates import MonthlyFlat, PerDay
from teletravail.config.format.dated import DatedKind
from teletravail.config.format.places import place_list
from teletravail.config.format.sources import SOURCE
from teletravail.documents import (
    Amount,
    CapAmount,
    Choice,
    Context,
    Key,
    Kind,
    ListOf,
    Table,
    Tagged,
    Text,
    encodable,
    non_defaults,
    suggest,
)
from teletravail.errors import ValidationError
from teletravail.messages import Phrase, choices

__all__ = ["BranchKind", "NationalName", "ReferableTable", "allowance_list"]


class NationalName(Kind):
    """The name of a national parameter paid as one kind of component
    (``"forfait-teletravail"``), in English or French, case, accents and separators
    aside (:mod:`teletravail.allowance.national`); written back as its name."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.label = Phrase(
            "the name of a national parameter paid as {kind}",
            "le nom d'un paramètre national versé sous la forme {kind}",
            kind=kind,
        )

    def names(self) -> list[str]:
        return [
            p.name for p in national_module.national_parameters().values() if p.kind == self.kind
        ]

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        names = ", ".join(self.names())
        if not isinstance(value, str) or not encodable(value):
            return ctx.fail(
                path,
                value,
                Phrase("{label}: {names}", "{label}\u00a0: {names}", label=self.label, names=names),
            )
        word = plain_words(value)
        mine: list[str] = []
        for parameter in national_module.national_parameters().values():
            if parameter.kind == self.kind:
                mine.extend(parameter.spellings)
            if word not in parameter.spellings:
                continue
            if parameter.kind != self.kind:
                other = Phrase(
                    '{label}: {names} ({name!r} is paid as {kind}: kind = "{kind}")',
                    "{label}\u00a0: {names} ({name!r} est versé sous la forme {kind}\u00a0:"
                    ' kind = "{kind}")',
                    label=self.label,
                    names=names,
                    name=parameter.name,
                    kind=parameter.kind,
                )
                return ctx.fail(path, value, other)
            return parameter.name
        return ctx.fail(path, value, choices(self.names()) + suggest(word, mine, ctx))

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"\S", "examples": self.names()}

    def describe(self) -> str:
        mine = [p for p in national_module.national_parameters().values() if p.kind == self.kind]
        names = ", ".join(f"`{p.name}`" for p in mine)
        aliases = ", ".join(f"`{alias}`" for p in mine for alias in p.aliases)
        return (
            f"one of {names} (in French: {aliases}; case, accents and separators aside;"
            " see [national parameters](#national-parameters))"
        )


class BranchKind(Kind):
    """A branch of the civil service (:class:`~teletravail.allowance.branch.Branch`),
    in English or French, case and accents aside; written back as its code."""

    label = Phrase("a branch of the civil service", "un versant de la fonction publique")

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if isinstance(value, str) and encodable(value):
            if plain_words(value) in BRANCH_WORDS:
                return value  # as written, for the model to read and to name in errors
            return ctx.fail(
                path,
                value,
                branch_choices() + suggest(plain_words(value), list(BRANCH_WORDS), ctx),
            )
        return ctx.fail(path, value, branch_choices())

    def write(self, ctx: Context, value: Any) -> Any:
        return str(getattr(value, "value", value))

    def schema(self) -> dict[str, Any]:
        examples = ["state", "territorial", "hospital", "État", "territoriale", "hospitalière"]
        return {"type": "string", "pattern": r"\S", "examples": examples}

    def describe(self) -> str:
        return (
            "one of `state`, `territorial`, `hospital` (in French: `État`, `territoriale`,"
            " `hospitalière`; or `FPE`, `FPT`, `FPH`), case and accents aside"
        )


class ReferableTable(Table):
    """A component's table, whose values are its own (``rate``) or a national
    parameter's (``national``): the schema asks for one of the two."""

    def schema(self) -> dict[str, Any]:
        schema = super().schema()
        schema["anyOf"] = [{"required": ["rate"]}, {"required": ["national"]}]
        if "branch" in self.by_name:  # a branch is a national parameter's
            schema["dependentRequired"] = {"branch": ["national"]}
        return schema


def _own_or_national(cls: Any, rate_label: str) -> Callable[[dict[str, Any]], Any]:
    """Build a component from its own values, or from the national parameter named in
    ``national`` (with its ``branch``, and local values in ``rate`` and ``cap``)."""

    def build(data: dict[str, Any]) -> Any:
        national = data.pop("national", None)
        branch = data.pop("branch", None)
        if national is None:
            if branch is not None:
                raise ValidationError(
                    "branch",
                    branch,
                    Phrase("a branch only with `national`", "un versant seulement avec `national`"),
                )
            if "rate" not in data:
                raise ValidationError(
                    "rate",
                    None,
                    Phrase(
                        "{label} (missing key), or `national`, the name of a national parameter",
                        "{label} (clé manquante), ou `national`, le nom d'un paramètre national",
                        label=rate_label,
                    ),
                )
            return cls(**data)
        parameter = national_module.national_parameter(national)
        cap_per = data.pop("cap_per", parameter.cap_per)
        if cap_per != parameter.cap_per:
            raise ValidationError(
                "cap_per",
                cap_per,
                Phrase(
                    "{per!r}, the period of the cap of {national!r}",
                    "{per!r}, la période du plafond de {national!r}",
                    per=parameter.cap_per,
                    national=national,
                ),
            )
        return parameter.component(branch, **data)

    return build


def _own_or_national_fields(obj: Any, own: Sequence[str]) -> dict[str, Any]:
    """What a component writes: its own values (``own`` and its rate), or the reference
    to its national parameter, with what departs from the parameter's."""
    reference = obj.national
    if reference is None:
        return non_defaults(obj, *own) | {"rate": obj.rate}
    parameter = reference.definition
    data = {"national": reference.parameter, "branch": reference.branch, "rate": reference.rate}
    data["cap"] = reference.cap
    if obj.name != parameter.label:
        data["name"] = obj.name
    if getattr(obj, "places", parameter.places) != parameter.places:
        data["places"] = obj.places
    if obj.source != parameter.source:
        data["source"] = obj.source
    return data


def allowance_list() -> ListOf:
    """The ``allowance`` list: its components, each a table tagged by its ``kind``."""
    places = place_list()
    money = Amount("[currency]", "100 EUR", french="100 €")
    name = Key("name", Text(), "the line's name")
    source = Key("source", SOURCE, "the text that sets it")
    branch = Key(
        "branch",
        BranchKind(),
        "the branch of the civil service, for a parameter that differs by branch (the"
        " forfait: its 2024 cap)",
    )
    local = "; with `national`, local values over the national ones, each citing its source"
    day_rate = DatedKind(
        Amount("[currency] / [workday]", "2.88 EUR/workday", french="2,88 €/jour"), "rate"
    )
    month_rate = DatedKind(
        Amount(
            "[currency] * [time] / [workday]",
            "10.40 EUR/(workday/week)",
            french="10,40 €/(jour/semaine)",
        ),
        "rate",
    )
    variants = {
        "one_off": (
            OneOff,
            Table(
                "one_off",
                "An amount paid once (the Lot's 100 EUR at the start).",
                [
                    name,
                    Key("amount", money, "the amount", True),
                    Key("places", places, "paid only for telework at these places"),
                    source,
                ],
                lambda data: OneOff(**data),
                lambda obj: non_defaults(obj, "name", "places", "source") | {"amount": obj.amount},
            ),
        ),
        "per_day": (
            PerDay,
            ReferableTable(
                "per_day",
                "An amount per telework day, with an optional cap (the forfait télétravail):"
                " its own values, or a national parameter's (`national`).",
                [
                    name,
                    Key(
                        "national",
                        NationalName("per_day"),
                        "the national parameter paid, whose dated values follow the library's",
                    ),
                    branch,
                    Key(
                        "rate", day_rate, "the amount per day (required without `national`)" + local
                    ),
                    Key(
                        "cap",
                        DatedKind(CapAmount("[currency]", "253.44 EUR", french="253,44 €"), "cap"),
                        "the cap" + local,
                    ),
                    Key(
                        "cap_per",
                        Choice(["year", "month"], {"an": "year", "année": "year", "mois": "month"}),
                        "the cap's period (default year; with `national`, the parameter's)",
                    ),
                    Key("places", places, "places where a day is paid"),
                    source,
                ],
                _own_or_national(PerDay, day_rate.label),
                lambda obj: _own_or_national_fields(
                    obj, ("name", "cap", "cap_per", "places", "source")
                ),
            ),
        ),
        "monthly_flat": (
            MonthlyFlat,
            ReferableTable(
                "monthly_flat",
                "An amount per month for each weekly telework day (URSSAF's flat rate): its"
                " own values, or a national parameter's (`national`).",
                [
                    name,
                    Key(
                        "national",
                        NationalName("monthly_flat"),
                        "the national parameter paid, whose dated values follow the library's",
                    ),
                    branch,
                    Key(
                        "rate",
                        month_rate,
                        "the amount a month per weekly telework day (required without"
                        " `national`)" + local,
                    ),
                    source,
                ],
                _own_or_national(MonthlyFlat, month_rate.label),
                lambda obj: _own_or_national_fields(obj, ("name", "source")),
            ),
        ),
        "employer_cost": (
            EmployerCost,
            Table(
                "employer_cost",
                "What the employer spends per teleworker, not paid to the agent (equipment).",
                [
                    Key("name", Text(), "what it is", True),
                    Key("amount", money, "the amount per teleworker", True),
                    source,
                ],
                lambda data: EmployerCost(**data),
                lambda obj: non_defaults(obj, "source") | {"name": obj.name, "amount": obj.amount},
            ),
        ),
    }
    if set(variants) != set(COMPONENT_KINDS):  # pragma: no cover - a test pins it
        raise AssertionError("every kind of component has a table")
    return ListOf(
        Tagged("kind", variants, "an allowance component", french="un élément de l'indemnité")
    )
