"""Allowances paid to teleworkers. For now: the public-service forfait's dated values."""

from .forfait import forfait_annual_cap, forfait_daily_rate

__all__ = ["forfait_annual_cap", "forfait_daily_rate"]
