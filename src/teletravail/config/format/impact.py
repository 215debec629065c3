"""The assumptions of the impact estimate in a policy document.

:func:`impact_table` describes the ``impact`` table: the speed that turns distance into
time, the cost per kilometre, the rebound effect and emission factors replacing ADEME's,
per commute mode (:class:`FactorsKind`), each a dated value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from teletravail.config.format.dated import DatedKind
from teletravail.config.format.sources import SOURCE
from teletravail.documents import (
    BAD,
    Amount,
    Choice,
    Context,
    Key,
    Kind,
    Table,
    join_path,
    non_defaults,
    suggest,
)
from teletravail.impact.commute import Assumptions
from teletravail.impact.rebound import Rebound, ReboundKind
from teletravail.messages import Phrase
from teletravail.workforce import CommuteMode

__all__ = ["FactorsKind", "impact_table"]


class FactorsKind(Kind):
    """Emission factors per commute mode, each a dated value."""

    label = Phrase(
        "a table of commute mode = emission factor",
        "une table des facteurs d'émission par mode de déplacement (mode = facteur)",
    )

    def __init__(self) -> None:
        amount = Amount(
            "[mass] * [co2e] / [length]", "0.116 kg CO2e/km"
        )  # "0,116" would be ambiguous
        self.kinds = {
            mode.value: DatedKind(amount, f"emission_factor.{mode.value}") for mode in CommuteMode
        }

    def read(self, ctx: Context, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            return ctx.fail(path, value, self.label)
        found: dict[str, Any] = {}
        for mode, factor in value.items():
            if mode not in self.kinds:
                hint = suggest(str(mode), tuple(self.kinds), ctx)
                mode_wanted = Phrase("a commute mode", "un mode de déplacement") + hint
                ctx.fail(join_path(path, str(mode)), factor, mode_wanted)
                continue
            found[mode] = self.kinds[mode].read(ctx, factor, join_path(path, mode))
        return BAD if BAD in found.values() else found

    def write(self, ctx: Context, value: Any) -> Any:
        return {mode.value: self.kinds[mode.value].write(ctx, p) for mode, p in value.items()}

    def schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {mode: kind.schema() for mode, kind in self.kinds.items()},
            "additionalProperties": False,
        }

    def describe(self) -> str:
        return 'table of commute mode = dated value, e.g. `car_thermal = "0.116 kg CO2e/km"`'


def impact_table() -> Table:
    """The ``impact`` table: the stated assumptions of the impact estimate."""
    rebound = Table(
        "rebound",
        "The rebound effect subtracted from the emissions avoided.",
        [
            Key("kind", Choice([k.value for k in ReboundKind]), "which rebound", True),
            Key(
                "per_day",
                Amount(
                    "[mass] * [co2e] / [workday]", "1.2 kg CO2e/workday", french="1,2 kg CO2e/jour"
                ),
                "the emissions per telework day (kind per_day)",
            ),
            Key("source", SOURCE, "the study it comes from"),
        ],
        lambda data: Rebound(**data),
        lambda obj: non_defaults(obj, "per_day", "source") | {"kind": obj.kind},
    )
    return Table(
        "impact",
        "The stated assumptions of the impact estimate.",
        [
            Key("speed", Amount("[length] / [time]", "50 km/h"), "turns distance into time"),
            Key(
                "cost_per_km",
                Amount("[currency] / [length]", "0.49 EUR/km", french="0,49 €/km"),
                "prices the distance avoided",
            ),
            Key("rebound", rebound, "the rebound effect (default none)"),
            Key("factors", FactorsKind(), "emission factors replacing ADEME's, per mode"),
        ],
        lambda data: Assumptions(**data),
        lambda obj: (
            non_defaults(obj, "speed", "cost_per_km", "rebound")
            | ({"factors": obj.factors} if obj.factors else {})
        ),
    )
