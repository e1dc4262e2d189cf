"""Piecewise-linear curves, percentiles and rounding (spec section 2)."""

from __future__ import annotations

from collections.abc import Sequence
import math

Point = tuple[float, float]
Curve = tuple[Point, ...]


def clamp(value: float, low: float, high: float) -> float:
    """`value` limited to [low, high]."""
    return low if value < low else high if value > high else value


def pl(x: float, curve: Curve) -> float:
    """PL(x; points): linear between the points, the first/last y outside them."""
    x0, y0 = curve[0]
    if x <= x0:
        return y0
    for x1, y1 in curve[1:]:
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        x0, y0 = x1, y1
    return y0


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator for non-negative values; x/0 is inf (0/0 is 0)."""
    if denominator > 0:
        return numerator / denominator
    return math.inf if numerator > 0 else 0.0


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean of a non-empty sequence."""
    return math.fsum(values) / len(values)


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile with numpy's default ("linear") method, in pure Python."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * (p / 100)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return _lerp(ordered[below], ordered[above], position - below)


def _lerp(a: float, b: float, t: float) -> float:
    """numpy's `_lerp`: symmetric about t = 0.5 so that t = 1 gives exactly b."""
    diff = b - a
    return b - diff * (1 - t) if t >= 0.5 else a + diff * t


def round_half_up(value: float) -> int:
    """Round half up, ignoring float noise below 1e-9 (2.4999999999 -> 3)."""
    return math.floor(round(value, 9) + 0.5)
