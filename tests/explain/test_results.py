"""An eligibility decision as a notebook shows it."""

from __future__ import annotations

import teletravail as tt
from teletravail import presets


def test_decision_repr_and_display() -> None:
    agent = tt.Agent(id="LOT-042", hire_date="2012-11-01", working_time="80 %", role="instructeur")
    decision = presets.load("lot-2013").eligibility.evaluate(agent, on="2013-01-01")
    assert repr(decision) == (
        "<Decision for 'LOT-042' on 2013-01-01: not eligible: seniority.minimum,"
        " working_time.minimum>"
    )
    french = decision.to_html("fr")
    assert "Agent LOT-042\u00a0: non éligible" in french
    assert "ancienneté minimale, quotité de travail minimale" in french
    assert "1er janvier 2013" in french
    assert "minimum seniority" in decision._repr_html_()
