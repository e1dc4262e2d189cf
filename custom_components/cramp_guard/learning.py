"""Learning from the person's cramps (shared/design/personal.md): the hourly samples
as the ledger keeps them, what was learnt from them, and how it is shown.

A sample is taken at the start of every clock hour the entry runs (the engine asks
the pacer for an assessment then): the index shown, and each factor's sub-score of
that shown assessment. The ledger keeps a sample as one short row of text, on disk
and in memory alike (Home Assistant writes its files indented: numbers in nested
lists would take a line each):

    "<minute since 1970 (UTC)>,<score>,<six sub-scores in thousandths>"

the sub-scores in `FACTOR_KEYS` order, an empty field for an unavailable one, e.g.
`"29663040,52,412,1000,0,,233,500"`. A row becomes a `Sample` (in Home Assistant's
time zone) only when something is worked out from it.

`Learnt` is what the samples and the logged cramps say at one moment: immutable,
built anew only when a sample is added, days are pruned or the cramps change; its
evaluation is worked out once, the first time it is read (the card, the action,
diagnostics), never per assessment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
import math
from typing import Any, Final

from homeassistant.const import UnitOfTemperature
from homeassistant.util.unit_conversion import TemperatureConverter

from .risk import (
    FACTOR_KEYS,
    LEVEL_NAMES,
    Evaluation,
    Lever,
    PersonalWeights,
    Sample,
    evaluate,
    personal_weights,
)
from .risk.evaluate import HIGH_LEVELS
from .risk.personal import MIN_EVENTS, MIN_TRACKED_DAYS, rescaled
from .util import rounded

HOUR: Final = timedelta(hours=1)
# The pacer's timer may fire up to a second before the moment it was set for.
SAMPLE_SLACK: Final = timedelta(seconds=1)
# A sample is the index shown at the start of its hour: an assessment later than
# this in the hour (Home Assistant was busy or asleep) takes none for that hour.
SAMPLE_LATE: Final = timedelta(minutes=10)
LEARN_DAYS: Final = timedelta(days=90)  # personal weights from the last 90 days
_FIELDS: Final = 2 + len(FACTOR_KEYS)
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)

# Every multiplier 1: nothing learnt (yet), the base weights.
CALIBRATING: Final = PersonalWeights(
    multipliers=dict.fromkeys(FACTOR_KEYS, 1.0),
    weights=rescaled(dict.fromkeys(FACTOR_KEYS, 1.0)),
    events=0,
    tracked_days=0,
    active=False,
)


# -- the clock hours ---------------------------------------------------------------


# Moments on one clock compare and subtract by their wall-clock time (Python's rule
# for one tzinfo), which the hour repeated when summer time ends gets wrong: here
# they go by real time.


def later(moment: datetime, step: timedelta) -> datetime:
    """`step` of real time after `moment`, on its clock."""
    return (moment.astimezone(UTC) + step).astimezone(moment.tzinfo)


def elapsed(since: datetime, until: datetime) -> timedelta:
    """The real time from `since` to `until`."""
    return until.astimezone(UTC) - since.astimezone(UTC)


def hour_start(moment: datetime) -> datetime:
    """The start of `moment`'s clock hour on its own (local) clock."""
    return moment.replace(minute=0, second=0, microsecond=0)


def next_hour(moment: datetime) -> datetime:
    """The first start of a clock hour after `moment`, on its clock (an hour of
    real time later across a change to or from summer time)."""
    step = moment
    while True:
        step = later(step, HOUR)
        if elapsed(moment, start := hour_start(step)) > timedelta(0):
            return start


# -- rows --------------------------------------------------------------------------


def sample_row(start: datetime, score: int, subs: Mapping[str, float | None]) -> str:
    """A sample as the ledger keeps it (the sub-scores to thousandths)."""
    minute = epoch_minute(start)
    parts = [str(minute), str(score)]
    for key in FACTOR_KEYS:
        sub = subs.get(key)
        parts.append("" if sub is None else str(math.floor(sub * 1000 + 0.5)))
    return ",".join(parts)


def row_minute(row: str) -> int:
    """A row's start, in minutes since 1970 (UTC)."""
    return int(row.partition(",")[0])


def epoch_minute(moment: datetime) -> int:
    """A moment in whole minutes since 1970 (UTC), as rows keep their starts."""
    return (moment - _EPOCH) // timedelta(minutes=1)


def outside(
    rows: tuple[str, ...], windows: Sequence[tuple[int, int]]
) -> tuple[str, ...]:
    """The rows whose start is in none of the windows ([first, end) minutes)."""
    if not windows:
        return rows
    return tuple(
        row
        for row in rows
        if not any(first <= row_minute(row) < end for first, end in windows)
    )


def checked_row(row: object) -> str:
    """A saved row, checked: raises ValueError (or TypeError) when it is not one, as
    any other saved value of the wrong shape does."""
    if not isinstance(row, str):
        raise TypeError(f"a sample row is text, not {type(row).__name__}")
    fields = row.split(",")
    if len(fields) != _FIELDS:
        raise ValueError(f"a sample row has {_FIELDS} fields: {row!r}")
    score = int(fields[1])
    subs = [int(field) for field in fields[2:] if field]
    if not 0 <= score <= 100 or not all(0 <= sub <= 1000 for sub in subs):
        raise ValueError(f"a sample row out of range: {row!r}")
    int(fields[0])
    return row


def row_sample(row: str, zone: tzinfo) -> Sample:
    """A (checked) row as a Sample, its start on `zone`'s clock."""
    minute, score, *subs = row.split(",")
    return Sample(
        start=datetime.fromtimestamp(int(minute) * 60, zone),
        score=int(score),
        subs=dict(zip(FACTOR_KEYS, map(_sub, subs), strict=True)),
    )


def _sub(field: str) -> float | None:
    """A row's sub-score: thousandths, empty when unavailable."""
    return int(field) / 1000 if field else None


def samples(
    rows: Sequence[str], zone: tzinfo, since: datetime | None = None
) -> list[Sample]:
    """The rows as Samples (from `since` on, when given)."""
    first = None if since is None else epoch_minute(since)
    return [
        row_sample(row, zone)
        for row in rows
        if first is None or row_minute(row) >= first
    ]


# -- what was learnt ---------------------------------------------------------------


class Learnt:
    """The samples and the cramps at one moment, and how well the index has matched
    those cramps (`evaluation`, worked out the first time it is read)."""

    __slots__ = ("_evaluation", "events", "rows", "zone")  # set once, never changed

    def __init__(
        self, rows: tuple[str, ...], events: tuple[datetime, ...], zone: tzinfo
    ) -> None:
        """The rows kept (oldest first) and the logged cramps' moments."""
        self.rows = rows
        self.events = events
        self.zone = zone
        self._evaluation: Evaluation | None = None

    def same(self, rows: tuple[str, ...], events: tuple[datetime, ...]) -> bool:
        """Whether these are the samples and cramps this was learnt from."""
        return rows == self.rows and events == self.events

    @property
    def evaluation(self) -> Evaluation:
        """How well the index has matched the cramps (personal.md section 3)."""
        if self._evaluation is None:
            self._evaluation = evaluate(samples(self.rows, self.zone), self.events)
        return self._evaluation

    def personal(self, now: datetime) -> PersonalWeights:
        """The personal weights from the last 90 days (personal.md section 4)."""
        recent = samples(self.rows, self.zone, now - LEARN_DAYS)
        return personal_weights(recent, self.events)


# -- as the card, the action and diagnostics show it -------------------------------


def levers_json(levers: Sequence[Lever], temperature_unit: str) -> list[dict[str, Any]]:
    """The levers: water in whole mL, a cooler room in Home Assistant's temperature
    unit (1 decimal), a stretch without an amount."""
    shown = []
    for lever in levers:
        amount: float | None = None
        unit: str | None = None
        if lever.key == "water" and lever.amount is not None:
            amount, unit = round(lever.amount), "mL"
        elif lever.key == "cooler" and lever.amount is not None:
            unit = (
                UnitOfTemperature.FAHRENHEIT
                if temperature_unit == UnitOfTemperature.FAHRENHEIT
                else UnitOfTemperature.CELSIUS
            )
            amount = round(
                TemperatureConverter.convert_interval(
                    lever.amount, UnitOfTemperature.CELSIUS, unit
                ),
                1,
            )
        shown.append(
            {
                "key": lever.key,
                "amount": amount,
                "unit": unit,
                "score": lever.score,
                "points": lever.points,
            }
        )
    return shown


def evaluation_json(
    evaluation: Evaluation, *, by_level: bool = False
) -> dict[str, Any]:
    """The evaluation's counts ("Learning: 3 of 5 cramps, 9 of 14 days" until it is
    ready), and with `by_level` the hours, events and events per 100 hours of each
    level."""
    shown: dict[str, Any] = {
        "ready": evaluation.ready,
        "matched": evaluation.matched,
        "needed_events": MIN_EVENTS,
        "tracked_days": evaluation.tracked_days,
        "needed_days": MIN_TRACKED_DAYS,
        "high_events": sum(evaluation.by_level[level].events for level in HIGH_LEVELS),
        "high_share_time": rounded(evaluation.high_share_time, 2),
        "lift": rounded(evaluation.lift, 2),
    }
    if by_level:
        shown["by_level"] = {
            level: {
                "hours": evaluation.by_level[level].hours,
                "events": evaluation.by_level[level].events,
                "per_100_hours": rounded(evaluation.by_level[level].per_100_hours, 2),
            }
            for level in LEVEL_NAMES
        }
    return shown


def personal_json(personal: PersonalWeights, learning: bool) -> dict[str, Any]:
    """Whether learning is on, whether the personal weights are in use, and each
    factor's multiplier."""
    return {
        "learning": learning,
        "active": personal.active,
        "events": personal.events,
        "tracked_days": personal.tracked_days,
        "multipliers": {
            key: float(personal.multipliers.get(key, 1.0)) for key in FACTOR_KEYS
        },
    }
