"""Scenario sweeps: a grid of policy variants assessed on one workforce, as one table.

:func:`sweep` takes a policy, a workforce, a reference date and a grid: key paths of the
policy's document (as :func:`teletravail.config.to_document` writes it, the paths its
errors name) with the values to try. Every combination is a variant, built from the
document by :func:`teletravail.config.from_document`, so that each is checked as a
document a territory would write (a bad value is a
:class:`~teletravail.errors.ConfigError` naming its key path and the variant). The
result has one row per variant: the varied values, then the totals of
:meth:`BatchAssessment.totals() <teletravail.policy.BatchAssessment.totals>`.

What does not change between variants is not computed again: the workforce's columns
are used as they are by every variant, equal variants are assessed once, and each
eligibility criterion is evaluated once per distinct criterion (rules are frozen
values: the seniority criterion of two variants that differ only by their quota is the
same criterion).
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np

from teletravail import formats
from teletravail.dates import to_date
from teletravail.display import amount, card, count, grid, resolve
from teletravail.eligibility.rules import AllOf, AnyOf, Not, Rule, Unless
from teletravail.errors import ValidationError
from teletravail.frames import Units, quantity_frame
from teletravail.messages import Lang, Phrase
from teletravail.workforce import Errors, Workforce

if TYPE_CHECKING:
    import numpy.typing as npt
    import pandas as pd

    from teletravail.eligibility.decisions import Outcome
    from teletravail.eligibility.rules import Blame
    from teletravail.explain import Result
    from teletravail.policy import Policy

__all__ = ["Sweep", "sweep"]

#: The headings of a sweep's display.
_HEADS: Final = {
    "granted": Phrase("agents granted", "agents en télétravail"),
    "days": Phrase("telework days", "jours de télétravail"),
    "allowance": Phrase("allowance", "indemnités"),
}

_PATH = re.compile(r"^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*$")
_TOKEN = re.compile(r"\.?([A-Za-z_][\w-]*)|\[(\d+)\]")

Token = str | int


def _tokens(key: Any) -> tuple[Token, ...]:
    """``"eligibility.all_of[0].minimum"`` -> ``("eligibility", "all_of", 0, "minimum")``."""
    if not isinstance(key, str) or not _PATH.match(key):
        raise ValidationError(
            "grid",
            key,
            Phrase(
                "key paths of the policy's document, such as 'quota.maximum' or "
                "'eligibility.all_of[0].minimum'",
                "des chemins de clés du document de la politique, comme 'quota.maximum' ou "
                "'eligibility.all_of[0].minimum'",
            ),
        )
    return tuple(name if name else int(index) for name, index in _TOKEN.findall(key))


def _written(tokens: Sequence[Token]) -> str:
    text = ""
    for token in tokens:
        text += f"[{token}]" if isinstance(token, int) else (f".{token}" if text else token)
    return text


def _replaced(node: Any, tokens: Sequence[Token], value: Any, key: str, done: int = 0) -> Any:
    """A copy of the document ``node`` with ``value`` at ``tokens`` (the parts of the
    document off that path are shared, not copied)."""
    head = tokens[done]
    last = done == len(tokens) - 1
    written = _written(tokens[:done])
    where = Phrase(written, written) if written else Phrase("the document", "le document")
    if isinstance(head, int):
        if not isinstance(node, list) or head >= len(node):
            size = (
                Phrase("{n} items", "{n} éléments", n=len(node))
                if isinstance(node, list)
                else Phrase("not a list", "pas une liste")
            )
            raise ValidationError(
                f"grid.{key}",
                key,
                Phrase(
                    "a key path of the policy's document ({where}: {size})",
                    "un chemin de clés du document de la politique ({where}\u00a0: {size})",
                    where=where,
                    size=size,
                ),
            )
        items = list(node)
        items[head] = value if last else _replaced(node[head], tokens, value, key, done + 1)
        return items
    if not isinstance(node, Mapping):
        raise ValidationError(
            f"grid.{key}",
            key,
            Phrase(
                "a key path of the policy's document ({where} is not a table)",
                "un chemin de clés du document de la politique ({where} n'est pas une table)",
                where=where,
            ),
        )
    if not last and head not in node:
        guess = difflib.get_close_matches(head, [str(k) for k in node], n=1)
        hint = (
            Phrase(
                "; did you mean {guess!r}?",
                "\u202f; vouliez-vous dire {guess!r}\u202f?",
                guess=guess[0],
            )
            if guess
            else Phrase("", "")
        )
        raise ValidationError(
            f"grid.{key}",
            key,
            Phrase(
                "a key path of the policy's document ({where} has no {head!r}{hint})",
                "un chemin de clés du document de la politique ({where} n'a pas de clé"
                " {head!r}{hint})",
                where=where,
                head=head,
                hint=hint,
            ),
        )
    table = dict(node)
    table[head] = value if last else _replaced(node[head], tokens, value, key, done + 1)
    return table


def _grid(grid: Any) -> dict[str, tuple[Any, ...]]:
    if not isinstance(grid, Mapping) or not grid:
        raise ValidationError(
            "grid",
            grid,
            Phrase(
                "a mapping of key paths to lists of values",
                "une table qui associe des chemins de clés à des listes de valeurs",
            ),
        )
    checked: dict[str, tuple[Any, ...]] = {}
    for key, values in grid.items():
        _tokens(key)
        if isinstance(values, str | bytes | Mapping) or not isinstance(values, Sequence):
            raise ValidationError(
                f"grid.{key}",
                values,
                Phrase("a list of values to try", "une liste de valeurs à essayer"),
            )
        if not values:
            raise ValidationError(
                f"grid.{key}", values, Phrase("at least one value", "au moins une valeur")
            )
        checked[key] = tuple(values)
    keys = list(checked)
    for first, second in itertools.permutations(keys, 2):
        if second.startswith(first) and second[len(first)] in ".[":
            raise ValidationError(
                "grid",
                second,
                Phrase(
                    "key paths apart from one another ({first})",
                    "des chemins de clés indépendants l'un de l'autre ({first})",
                    first=first,
                ),
            )
    return checked


@attrs.frozen(eq=False)
class _Remembered(Rule):
    """A criterion whose column is computed once per sweep and workforce: the date is
    the sweep's, so an equal criterion on the same workforce gives an equal column. (A
    policy with populations evaluates its rules on each population's own agents: those
    are other workforces, remembered apart.)"""

    rule: Rule
    memory: dict[tuple[Rule, Workforce], Outcome] = attrs.field(repr=False)

    def outcome(self, workforce: Workforce, on: dt.date) -> Outcome:
        key = (self.rule, workforce)  # a workforce is hashed by identity, and kept alive
        found = self.memory.get(key)
        if found is None:
            found = self.rule.outcome(workforce, on)
            found.passed.flags.writeable = False  # shared by the variants from now on
            self.memory[key] = found
        return found

    def result(self, outcome: Outcome, workforce: Workforce, on: dt.date, row: int) -> Result:
        return self.rule.result(outcome, workforce, on, row)

    def blame(self, outcome: Outcome, relevant: npt.NDArray[np.bool_], found: Blame) -> None:
        self.rule.blame(outcome, relevant, found)

    def codes(self) -> tuple[str, ...]:
        return self.rule.codes()


def _remembered(rule: Rule, memory: dict[tuple[Rule, Workforce], Outcome]) -> Rule:
    """The same rule, each of its criteria remembering its column in ``memory``."""
    if isinstance(rule, AllOf | AnyOf):
        return attrs.evolve(rule, rules=tuple(_remembered(r, memory) for r in rule.rules))
    if isinstance(rule, Not):
        return attrs.evolve(rule, rule=_remembered(rule.rule, memory))
    if isinstance(rule, Unless):
        return attrs.evolve(
            rule,
            rule=_remembered(rule.rule, memory),
            exception=_remembered(rule.exception, memory),
        )
    return _Remembered(rule, memory)


def _suffix(quantity: Any) -> str:
    """A unit as the end of a column name: ``km``, ``workday``, ``eur``, ``t_co2e``."""
    text = f"{quantity.units:~}"
    text = {"CO2e * t": "t CO2e", "CO2e * kg": "kg CO2e", "d": "day"}.get(text, text)
    text = text.replace(" / ", "_per_").replace(" * ", "_").replace(" ", "_")
    return text.replace("%", "pct").lower()


@attrs.frozen(kw_only=True, eq=False)
class Sweep:
    """The table of a sweep: one row per variant, in the order of the grid (the first
    key varies slowest). Each row holds the varied values under their key paths, then
    the variant's totals (counts, and quantities in their units). ``policies`` are the
    variants, row by row."""

    keys: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]
    policies: tuple[Policy, ...]
    #: the first and last days assessed (every variant is assessed over the same days)
    start: dt.date | None = None
    end: dt.date | None = None

    def __repr__(self) -> str:
        keys = ", ".join(self.keys)
        return f"<Sweep of {len(self)} variants over {keys}>"

    def to_html(self, lang: Lang | None = None) -> str:
        """The sweep as a small HTML table, one row per variant: the values tried, the
        agents granted telework, the days and the allowance, in words and numbers for
        people, English or French (``None``: the language of :mod:`teletravail.display`):
        what a notebook shows."""
        lang = resolve(lang)
        heads = _HEADS
        table = grid(
            [*self.keys, *(heads[k].text(lang) for k in ("granted", "days", "allowance"))],
            [
                (
                    *(str(row[k]) for k in self.keys),
                    count(row["granted"], lang),
                    amount(row["days"], lang),
                    amount(row["allowance"], lang),
                )
                for row in self.rows
            ],
            numeric=(*(False for _ in self.keys), True, True, True),
        )
        name = self.policies[0].name if self.policies else ""
        subtitle = None
        if self.start is not None and self.end is not None:
            subtitle = formats.period(self.start, self.end, lang)
        title = Phrase("Sweep of {name}", "Balayage de {name}", name=name).text(lang)
        return card(title, [], subtitle=subtitle, parts=[table])

    def _repr_html_(self) -> str:
        return self.to_html()

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def to_pandas(self, units: Units = "plain") -> pd.DataFrame:
        """The table as a DataFrame (the ``pandas`` extra): the varied values, then the
        totals; quantities as floats named with their unit (``days_workday``,
        ``allowance_eur``), or pint-pandas columns with ``units="pint"``."""
        columns: dict[str, Any] = {key: [row[key] for row in self.rows] for key in self.keys}
        quantities: dict[str, tuple[str, str]] = {}
        first = self.rows[0]
        for name, value in first.items():
            if name in self.keys:
                continue
            if hasattr(value, "units"):
                unit = f"{value.units}"
                plain = f"{name}_{_suffix(value)}"
                columns[plain] = [float(row[name].m_as(unit)) for row in self.rows]
                quantities[plain] = (name, unit)
            else:
                columns[name] = [row[name] for row in self.rows]
        return quantity_frame(columns, quantities, units)


def sweep(
    policy: Policy,
    workforce: Workforce,
    on: dt.date | str,
    grid: Mapping[str, Sequence[Any]],
    *,
    period: Any = None,
    requested: Any = None,
    errors: Errors = "raise",
) -> Sweep:
    """Assess every variant of ``policy`` that ``grid`` describes on ``workforce``.

    ``grid`` maps key paths of the policy's document to the values to try, written as
    in a document: ``{"quota.maximum": ["1 workday/week", "2 workday/week"],
    "eligibility.all_of[0].minimum": ["6 months", "1 year"]}``. ``period``,
    ``requested`` and ``errors`` are passed to :meth:`Policy.assess
    <teletravail.policy.Policy.assess>`: every variant is assessed over the same days.
    A policy that cannot be written as a document (a ``Predicate`` criterion) cannot be
    swept.
    """
    from teletravail.config import from_document, to_document
    from teletravail.policy import Policy

    if not isinstance(policy, Policy):
        raise ValidationError("policy", policy, Phrase("a Policy", "un objet Policy"))
    if not isinstance(workforce, Workforce):
        raise ValidationError("workforce", workforce, Phrase("a Workforce", "un objet Workforce"))
    day = to_date(on, "on")
    values = _grid(grid)
    base = to_document(policy)
    paths = {key: _tokens(key) for key in values}
    for key, tokens in paths.items():  # every path is checked before any work
        _replaced(base, tokens, values[key][0], key)

    memory: dict[tuple[Rule, Workforce], Outcome] = {}
    done: dict[Policy, dict[str, Any]] = {}
    days: tuple[dt.date, dt.date] | None = None
    rows: list[dict[str, Any]] = []
    variants: list[Policy] = []
    for combination in itertools.product(*values.values()):
        document = base
        for (key, tokens), value in zip(paths.items(), combination, strict=True):
            document = _replaced(document, tokens, value, key)
        label = ", ".join(f"{k}={v!r}" for k, v in zip(values, combination, strict=True))
        variant = from_document(document, origin=f"sweep variant {label}")
        totals = done.get(variant)
        if totals is None:
            fast = attrs.evolve(variant, eligibility=_remembered(variant.eligibility, memory))
            batch = fast.assess_workforce(
                workforce, day, period=period, requested=requested, errors=errors
            )
            totals = done[variant] = batch.totals()
            days = days or (batch.start, batch.end)
        rows.append({**dict(zip(values, combination, strict=True)), **totals})
        variants.append(variant)
    start, end = days if days is not None else (None, None)
    return Sweep(
        keys=tuple(values), rows=tuple(rows), policies=tuple(variants), start=start, end=end
    )
