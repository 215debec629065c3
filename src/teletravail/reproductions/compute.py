"""The model's figures of a scenario, through the public API every user runs: the
policy's assessment of the register (:meth:`~teletravail.policy.Policy.assess`, its
totals and its impact report) and the télécentres' economics
(:func:`~teletravail.impact.telecentre_economics`), never a formula of its own.

:func:`measure_all` computes every figure of a scenario for one set of assumption
values; the ranges run it again with each plausible value of an uncertain assumption.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from teletravail.errors import ValidationError
from teletravail.messages import Phrase
from teletravail.presets import load_policy
from teletravail.workforce import Workforce

from .scenario import MEASURES, PACKAGE_DATA, Scenario

if TYPE_CHECKING:
    from teletravail.policy import BatchAssessment
    from teletravail.scheduling import TelecentreNetwork

__all__ = ["measure_all", "read_register"]

#: The télécentre networks a scenario may name.
_NETWORKS = ("aurillac-figeac-decazeville-2012",)


def _file(scenario: Scenario, name: str) -> str:
    """The text of a file a scenario names: beside it, or the package's own data."""
    if name.startswith(PACKAGE_DATA):
        data = resources.files("teletravail") / "data" / name.removeprefix(PACKAGE_DATA)
        return data.read_text("utf-8")
    folder = scenario.folder if scenario.folder is not None else Path()
    return (folder / name).read_text("utf-8")


def read_register(scenario: Scenario) -> Workforce:
    """The scenario's register, read as every register is (its bad rows refused)."""
    assert scenario.register is not None
    text = _file(scenario, scenario.register)
    return Workforce.from_csv(io.StringIO(text), delimiter=",")


def _policy(scenario: Scenario, values: Mapping[str, str]) -> Any:
    assert scenario.policy is not None
    name = scenario.policy
    if name.lower().endswith((".toml", ".json")) and scenario.folder is not None:
        name = str(scenario.folder / name)
    policy = load_policy(name)
    changes: dict[str, Any] = {}
    if "speed" in values:
        changes["speed"] = values["speed"]
    if "factor" in values:
        changes["factors"] = {"car_thermal": values["factor"]}
    if "cost_per_km" in values:
        changes["cost_per_km"] = values["cost_per_km"]
    return attrs.evolve(policy, impact=attrs.evolve(policy.impact, **changes))


def _assessment(
    scenario: Scenario, workforce: Workforce, values: Mapping[str, str]
) -> BatchAssessment:
    policy = _policy(scenario, values)
    batch: BatchAssessment = policy.assess(
        workforce, scenario.on, period=values.get("period"), errors="report"
    )
    return batch


def _network(scenario: Scenario) -> TelecentreNetwork:
    from teletravail.scheduling import TelecentreNetwork, aurillac_figeac_decazeville_2012

    name = scenario.network
    assert name is not None
    if name.lower().endswith(".json"):
        return TelecentreNetwork.from_dict(json.loads(_file(scenario, name)))
    if name not in _NETWORKS:
        from teletravail.messages import choices

        raise ValidationError(
            "network", name, choices(_NETWORKS) + Phrase(" or a .json file", " ou un fichier .json")
        )
    return aurillac_figeac_decazeville_2012()


def _from_assessment(measure: str, batch: BatchAssessment, rows: int) -> float:
    impact: dict[str, Any] = batch.impact.totals()
    if measure == "distance":
        return float(impact["distance"].m_as("km"))
    if measure == "time":
        return float(impact["time_days"].m_as("day"))
    if measure == "emissions":
        return float(impact["net"].m_as("t CO2e"))
    if measure in ("money", "money_per_agent"):
        money = impact.get("money")
        if money is None:
            raise ValidationError(
                "assumptions.cost_per_km",
                None,
                Phrase(
                    "a cost per km to price the distance", "un coût au km pour chiffrer la distance"
                ),
            )
        total = round(float(money.m_as("EUR")) * 100)
        granted = batch.count("granted")
        return float(total if measure == "money" else round(total / max(granted, 1)))
    decisions = batch.decisions
    if measure == "posts":
        return float(rows)
    if measure == "teleworkable":
        return float(len(batch) - decisions.failure_counts().get("post.teleworkable", 0))
    if measure == "eligible":
        return float(np.count_nonzero(decisions.eligible & ~batch.invalid))
    selected = batch.selected
    return float(0 if selected is None else np.count_nonzero(selected))


def _economics(scenario: Scenario, network: TelecentreNetwork, values: Mapping[str, str]) -> Any:
    from teletravail.impact import CentreCosts, telecentre_economics

    costs = CentreCosts(
        set_up=values["set_up"], running=values["running"], depreciation=values["depreciation"]
    )
    occupancy = values["occupancy"]
    return telecentre_economics(network, costs, occupancy=occupancy)


def measure_all(scenario: Scenario, values: Mapping[str, str]) -> dict[str, float]:
    """The model's figure of each figure of ``scenario`` (by id), its assumptions taking
    ``values`` (by name): counts as numbers, money in cents, other figures in their
    measure's unit."""
    bases = {MEASURES[figure.measure].basis for figure in scenario.figures}
    batch = rows = network = economics = None
    if "assessment" in bases:
        workforce = read_register(scenario)
        rows = len(workforce) + len(workforce.rejected)
        batch = _assessment(scenario, workforce, values)
    if bases & {"network", "economics"}:
        network = _network(scenario)
    if "economics" in bases:
        assert network is not None
        economics = _economics(scenario, network, values)
    found: dict[str, float] = {}
    for figure in scenario.figures:
        basis = MEASURES[figure.measure].basis
        if basis == "assessment":
            assert batch is not None
            assert rows is not None
            found[figure.id] = _from_assessment(figure.measure, batch, rows)
        elif basis == "network":
            assert network is not None
            found[figure.id] = float(len(network) if figure.measure == "centres" else network.desks)
        else:
            assert economics is not None
            total, centres = economics.total, len(economics.centres)
            if figure.measure == "set_up":
                found[figure.id] = float(round(total.set_up_cents / centres))
            elif figure.measure == "running":
                found[figure.id] = float(round(total.running_cents / centres))
            else:
                cents = total.cost_per_desk_day_cents
                found[figure.id] = float("nan") if cents is None else float(cents)
    return found
