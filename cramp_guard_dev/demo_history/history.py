"""The replayed minutes as the recorder's statistics: 5-minute and hourly rows.

Rows are built as the recorder's sensor compiler builds them: mean, min and max for
`measurement` sensors; the last state and a growing sum for `total_increasing` ones
(a fall, the daily counter's midnight, starts a new cycle). Only periods that end
before this run of the recorder began are imported: the recorder's own rows take
over from there. Short-term rows go through the recorder's import job with its
5-minute table (the public helper imports hourly rows only).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from homeassistant.components.recorder import get_instance
from homeassistant.components.recorder.db_schema import StatisticsShortTerm
from homeassistant.components.recorder.models import (
    StatisticData,
    StatisticMeanType,
    StatisticMetaData,
)
from homeassistant.components.recorder.statistics import (
    STATISTIC_UNIT_TO_UNIT_CONVERTER,
    async_import_statistics,
)
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .replay import Sample, number

SHORT = timedelta(minutes=5)
HOUR = timedelta(hours=1)


def _floor(moment: datetime, period: timedelta) -> datetime:
    """The start of the period `moment` is in (periods counted in UTC)."""
    utc = dt_util.as_utc(moment)
    seconds = period.total_seconds()
    return datetime.fromtimestamp(utc.timestamp() // seconds * seconds, tz=utc.tzinfo)


def _metadata(entity_id: str, attributes: dict[str, Any]) -> StatisticMetaData:
    """What the sensor compiler would write about `entity_id`."""
    unit = attributes.get("unit_of_measurement")
    total = attributes.get("state_class") == "total_increasing"
    metadata: dict[str, Any] = {
        "has_sum": total,
        "mean_type": StatisticMeanType.NONE if total else StatisticMeanType.ARITHMETIC,
        "name": None,
        "source": "recorder",
        "statistic_id": entity_id,
        "unit_of_measurement": unit,
    }
    if "unit_class" in StatisticMetaData.__annotations__:  # Home Assistant 2025.10+
        converter = STATISTIC_UNIT_TO_UNIT_CONVERTER.get(unit)
        metadata["unit_class"] = converter.UNIT_CLASS if converter else None
    return metadata  # type: ignore[return-value]


def _rows(
    points: Sequence[tuple[datetime, float]],
    period: timedelta,
    total: bool,
    before: datetime,
) -> list[StatisticData]:
    """One row per period that has points and ends by `before`."""
    periods: dict[datetime, list[float]] = defaultdict(list)
    for at, value in points:
        periods[_floor(at, period)].append(value)
    rows: list[StatisticData] = []
    last, grown = None, 0.0
    for start in sorted(periods):
        values = periods[start]
        if start + period > before:
            break
        if total:
            for value in values:
                grown += value if last is None or value < last else value - last
                last = value
            rows.append({"start": start, "state": values[-1], "sum": grown})
        else:
            rows.append(
                {
                    "start": start,
                    "mean": sum(values) / len(values),
                    "min": min(values),
                    "max": max(values),
                }
            )
    return rows


async def async_import(hass: HomeAssistant, samples: Iterable[Sample]) -> int:
    """Import the samples' statistics; the number of rows (both tables)."""
    series: dict[str, list[tuple[datetime, float]]] = defaultdict(list)
    for sample in samples:
        for entity_id, text in sample.states.items():
            if (value := number(text)) is not None:
                series[entity_id].append((sample.at, value))
    recorder = get_instance(hass)
    # The recorder's own rows start with this run: the imported ones end before it.
    before = recorder.recorder_runs_manager.recording_start
    count = 0
    for entity_id, points in series.items():
        state = hass.states.get(entity_id)
        if state is None or "state_class" not in state.attributes:
            continue  # no statistics for it (the workout, say)
        total = state.attributes["state_class"] == "total_increasing"
        metadata = _metadata(entity_id, dict(state.attributes))
        short = _rows(points, SHORT, total, before)
        hourly = _rows(points, HOUR, total, before)
        recorder.async_import_statistics(metadata, short, StatisticsShortTerm)
        async_import_statistics(hass, dict(metadata), hourly)  # type: ignore[arg-type]
        count += len(short) + len(hourly)
    await recorder.async_block_till_done()
    return count
