"""Daily load statistics: acute:chronic ratio and the usual hard day (spec section 3).

`history` is the completed days, oldest first (last = yesterday), None = no data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .curves import mean, percentile
from .types import LoadMetric

WINDOW_DAYS = 27  # completed days used for the workload ratio
ACUTE_DAYS = 6  # ... of which the last 6 (plus today) are "acute"
MIN_DAYS = 3  # non-missing days needed for a workload ratio
CHRONIC_MIN_DAYS = 7  # non-missing days in -27..-7 before the chronic mean stands alone
COLD_START_DAYS = 14
USUAL_DAYS = 7  # days before the usual hard day stands alone
USUAL_PERCENTILE = 90

CHRONIC_PRIOR: dict[LoadMetric, float] = {
    "steps": 7500.0,
    "intensity_minutes": 20.0,
    "active_kcal": 400.0,
}
CHRONIC_FLOOR: dict[LoadMetric, float] = {
    "steps": 3000.0,
    "intensity_minutes": 10.0,
    "active_kcal": 150.0,
}
ACTIVE_PRIOR: dict[LoadMetric, float] = {
    "steps": 10000.0,
    "intensity_minutes": 30.0,
    "active_kcal": 550.0,
}


@dataclass(frozen=True, slots=True)
class Workload:
    """Acute (A) and chronic (C) load, their ratio and the days behind them."""

    acute: float
    chronic: float
    days: int

    @property
    def ratio(self) -> float:
        """r = A / C (C is floored, so never zero)."""
        return self.acute / self.chronic


def present(values: Sequence[float | None]) -> list[float]:
    """The non-missing values."""
    return [value for value in values if value is not None]


def workload(
    history: Sequence[float | None], today: float | None, metric: LoadMetric
) -> Workload | None:
    """A over the last 6 days plus today, C over -27..-7 (or a cold-start blend)."""
    window = history[-WINDOW_DAYS:]
    days = present(window)
    acute_values = present(window[-ACUTE_DAYS:])
    if today is not None:
        acute_values.append(today)
    if len(days) < MIN_DAYS or not acute_values:
        return None
    chronic_values = present(window[:-ACUTE_DAYS])
    if len(chronic_values) >= CHRONIC_MIN_DAYS:
        chronic = mean(chronic_values)
    else:
        known = min(len(days), COLD_START_DAYS)
        prior = CHRONIC_PRIOR[metric]
        chronic = (
            known * mean(days) + (COLD_START_DAYS - known) * prior
        ) / COLD_START_DAYS
    chronic = max(chronic, CHRONIC_FLOOR[metric])
    return Workload(acute=mean(acute_values), chronic=chronic, days=len(days))


def usual_hard_day(days: Sequence[float], metric: LoadMetric) -> float:
    """U: the P90 of the known days, blended with a prior below 7 days."""
    prior = ACTIVE_PRIOR[metric]
    if not days:
        return prior
    p90 = percentile(days, USUAL_PERCENTILE)
    if len(days) >= USUAL_DAYS:
        return p90
    return (len(days) * p90 + (USUAL_DAYS - len(days)) * prior) / USUAL_DAYS
