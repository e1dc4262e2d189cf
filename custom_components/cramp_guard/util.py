"""Small helpers shared by the sensors and the actions."""

from __future__ import annotations


def rounded(value: float | None, digits: int) -> float | None:
    """`value` rounded to `digits`, or None."""
    return None if value is None else round(value, digits)


def whole(value: float | None) -> int | None:
    """`value` as a whole number, or None."""
    return None if value is None else round(value)
