"""Allowance lines as text: the amount, the days at the rate, the caps, the days not
paid, in French and English written by hand."""

from __future__ import annotations

import pytest

from teletravail.allowance.result import Line, PeriodAmount
from teletravail.allowance.text import line_text, period_words
from teletravail.units import Q_

NBSP, NNBSP = "\u00a0", "\u202f"


def plain(text: str) -> str:
    return text.replace(NBSP, " ").replace(NNBSP, " ")


def test_a_one_off_is_its_amount() -> None:
    line = Line(name="indemnité de démarrage", kind="one_off", cents=10000, paid_to_agent=True)
    assert plain(line_text(line, "fr")) == "indemnité de démarrage : 100,00 €"
    assert line_text(line, "en") == "indemnité de démarrage: €100.00"


def test_months_capped_and_days_not_paid() -> None:
    line = Line(
        name="forfait",
        kind="per_day",
        cents=6000,
        paid_to_agent=True,
        days=Q_(26, "workday"),
        excluded={"place": Q_(2, "workday"), "no_rate": Q_(0, "workday")},
        periods=(
            PeriodAmount(
                period="2022-03", days=Q_(24, "workday"), uncapped=6000, cap=5500, cents=5500
            ),
            PeriodAmount(
                period="2022-04", days=Q_(2, "workday"), uncapped=500, cap=5500, cents=500
            ),
        ),
    )
    assert plain(line_text(line, "fr")) == (
        "forfait : 60,00 € (mars 2022 : 24 jours à 2,50 € = 60,00 €, plafonné à 55,00 € ;"
        " avril 2022 : 2 jours à 2,50 € = 5,00 € ; 2 jours non payés dans un lieu où il n'est"
        " pas dû)"
    )
    assert line_text(line, "en") == (
        "forfait: €60.00 (March 2022: 24 days at €2.50 = €60.00, capped at €55.00;"
        " April 2022: 2 days at €2.50 = €5.00; 2 days not paid at a place where it is not due)"
    )


def test_a_rate_that_is_not_whole_cents_is_left_out() -> None:
    amount = PeriodAmount(period="2024", days=Q_(3, "workday"), uncapped=100, cap=None, cents=100)
    line = Line(name="x", kind="per_day", cents=100, paid_to_agent=True, periods=(amount,))
    assert line_text(line, "en") == "x: €1.00 (2024: 3 days = €1.00)"


@pytest.mark.parametrize(
    ("period", "french", "english"),
    [("2025", "2025", "2025"), ("2025-03", "mars 2025", "March 2025")],
)
def test_periods_in_words(period: str, french: str, english: str) -> None:
    assert period_words(period, "fr") == french
    assert period_words(period, "en") == english
