"""Scheduling: quotas, weekly patterns, calendars and télécentre desks (to come)."""

__all__: list[str] = []
