"""Impact: distance, time, emissions and money saved by not commuting (to come)."""

__all__: list[str] = []
