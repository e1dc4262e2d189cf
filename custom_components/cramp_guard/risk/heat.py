"""NWS (Rothfusz) heat index in degrees Celsius (spec section 3, heat)."""

from __future__ import annotations

import math

_FULL_REGRESSION_FROM_F = 80.0


def heat_index_c(temp_c: float, humidity: float | None) -> float:
    """Apparent temperature; just `temp_c` when the humidity is unknown or invalid."""
    if humidity is None or not 0 <= humidity <= 100:
        return temp_c
    t = temp_c * 9 / 5 + 32
    simple = 0.5 * (t + 61 + 1.2 * (t - 68) + 0.094 * humidity)
    hi = simple
    if (simple + t) / 2 >= _FULL_REGRESSION_FROM_F:
        hi = _rothfusz(t, humidity) + _adjustment(t, humidity)
    result = (hi - 32) * 5 / 9
    return result if math.isfinite(result) else temp_c


def _rothfusz(t: float, rh: float) -> float:
    """The full Rothfusz regression, degF and % relative humidity."""
    return (
        -42.379
        + 2.04901523 * t
        + 10.14333127 * rh
        - 0.22475541 * t * rh
        - 0.00683783 * t * t
        - 0.05481717 * rh * rh
        + 0.00122874 * t * t * rh
        + 0.00085282 * t * rh * rh
        - 0.00000199 * t * t * rh * rh
    )


def _adjustment(t: float, rh: float) -> float:
    """The two NWS corrections: very dry and hot, or very humid and warm."""
    if rh < 13 and 80 <= t <= 112:
        return -((13 - rh) / 4) * math.sqrt((17 - abs(t - 95)) / 17)
    if rh > 85 and 80 <= t <= 87:
        return ((rh - 85) / 10) * ((87 - t) / 5)
    return 0.0
