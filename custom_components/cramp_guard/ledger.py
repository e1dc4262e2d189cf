"""The per-day ledger of one person: what happened on each of their days.

A day is the person's awake day: it begins at the wake time, so a moment between
midnight and the wake time belongs to the day that just ended. `Ledger.day_of` is that
one rule, and the write API (`add_water`, `add_activity`, `add_stretch`, `add_cramp`,
`record_heat`, `record_outdoor`, `set_workout`) applies it for every path: sensors,
buttons, actions, the webhook and notification taps.

Per day: the activity load, water (from the sensor and logged by hand), bouts,
stretches, cramps, the highest indoor heat index, the minute-by-minute activity that
bout detection reads, and the hourly samples of the index (`learning.py`). Persisted
with `Store` (debounced saves), bounded to 90 days, restored on start so nothing
logged is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
import logging
from typing import Any

from homeassistant.core import HomeAssistant, callback

from .bouts import minute_of, spread
from .const import CONF_ACTIVITY, CounterKind
from .counters import CounterState, Step, midnight, update_counter
from .freshness import Freshness
from .issues import async_ledger_recovered
from .learning import checked_row, row_minute, sample_row
from .ledger_store import (
    UNUSABLE,
    Unusable,
    async_corrupt_copy,
    async_keep_aside,
    backup_store,
    ledger_store,
)
from .risk import heat_index_c

_LOGGER = logging.getLogger(__package__)
SAVE_DELAY = 5  # seconds: a hand log reaches the disk within this
# seconds: what sources change is written at most this often (a restart reads the
# sources again and counts what changed since: nothing is counted twice or lost)
SOURCE_SAVE_DELAY = 1800
# seconds: an hour's sample is written with the next write, at the latest after this
# (a sample costs no write of its own while sources change)
SAMPLE_SAVE_DELAY = 6 * 3600
KEEP_DAYS = 90


@dataclass(slots=True)
class BoutRecord:
    """A workout reported by the workout entity (detected bouts are not stored)."""

    start: datetime
    end: datetime | None = None


@dataclass(frozen=True, slots=True)
class CrampRecord:
    """A logged cramp."""

    at: datetime
    muscle: str = "calf"
    context: str = "rest"  # exercise, rest, night
    severity: str | None = None  # mild, moderate, severe


@dataclass(frozen=True, slots=True)
class DaySummary:
    """A day as it stood at a moment, without its minutes: what the snapshot shows
    of today (`Day.summary`)."""

    day: date
    load: float | None
    water_sensor_ml: float | None
    water_logs: tuple[tuple[datetime | None, float], ...]
    max_heat_index_c: float | None
    bouts: tuple[tuple[datetime, datetime | None], ...]
    stretches: tuple[datetime, ...]
    cramps: tuple[CrampRecord, ...]

    @property
    def water_logged_ml(self) -> float:
        """Water logged by hand that day."""
        return sum((ml for _, ml in self.water_logs), 0.0)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (the stored day's keys, but its minutes and outdoor hours)."""
        return {
            "day": self.day.isoformat(),
            "load": self.load,
            "water_sensor_ml": self.water_sensor_ml,
            "water_logged_ml": self.water_logged_ml,  # what older versions read
            "water_logs": [
                [at.isoformat() if at else None, ml] for at, ml in self.water_logs
            ],
            "max_heat_index_c": self.max_heat_index_c,
            "bouts": [
                [start.isoformat(), end.isoformat() if end else None]
                for start, end in self.bouts
            ],
            "stretches": [s.isoformat() for s in self.stretches],
            "cramps": [
                [c.at.isoformat(), c.muscle, c.context, c.severity] for c in self.cramps
            ],
        }


@dataclass(frozen=True, slots=True)
class LedgerFacts:
    """What diagnostics say of the ledger as a whole, at a moment."""

    days: int
    first_day: date | None
    backfilled: bool
    counters: dict[str, dict[str, Any]]


@dataclass(slots=True)
class Day:
    """What one local calendar day holds."""

    day: date
    load: float | None = None
    water_sensor_ml: float | None = None
    # Water logged by hand, each log (its moment, mL); the moment is None for what a
    # ledger from before logs were kept had as the day's sum (it cannot be undone).
    water_logs: list[tuple[datetime | None, float]] = field(default_factory=list)
    max_heat_index_c: float | None = None
    # minutes since the day's midnight -> amount (past 1440: after midnight)
    minutes: dict[int, float] = field(default_factory=dict)
    # hours since the day's midnight -> the outdoor (temperature, humidity) with the
    # highest heat index in that hour
    outdoor: dict[int, tuple[float, float | None]] = field(default_factory=dict)
    bouts: list[BoutRecord] = field(default_factory=list)
    stretches: list[datetime] = field(default_factory=list)
    cramps: list[CrampRecord] = field(default_factory=list)
    # The hourly samples of the index (rows of `learning.py`), oldest first.
    samples: list[str] = field(default_factory=list)

    @property
    def water_logged_ml(self) -> float:
        """Water logged by hand today."""
        return sum((ml for _, ml in self.water_logs), 0.0)

    @property
    def water_ml(self) -> float | None:
        """Water from the sensor plus water logged by hand; None without either."""
        if self.water_sensor_ml is None and not self.water_logged_ml:
            return None
        return (self.water_sensor_ml or 0.0) + self.water_logged_ml

    def summary(self) -> DaySummary:
        """The day as it stands now, without its minutes (an immutable copy)."""
        return DaySummary(
            self.day,
            self.load,
            self.water_sensor_ml,
            tuple(self.water_logs),
            self.max_heat_index_c,
            tuple((b.start, b.end) for b in self.bouts),
            tuple(self.stretches),
            tuple(self.cramps),
        )

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (the samples only when there are any)."""
        data = {
            **self.summary().as_dict(),
            "minutes": {str(k): v for k, v in self.minutes.items()},
            "outdoor": {str(k): list(v) for k, v in self.outdoor.items()},
        }
        if self.samples:
            data["samples"] = list(self.samples)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Day:
        """Restore a saved day."""
        return cls(
            day=date.fromisoformat(data["day"]),
            load=data.get("load"),
            water_sensor_ml=data.get("water_sensor_ml"),
            water_logs=_water_logs(data),
            max_heat_index_c=data.get("max_heat_index_c"),
            minutes={int(k): float(v) for k, v in data.get("minutes", {}).items()},
            outdoor={
                int(k): (float(v[0]), v[1]) for k, v in data.get("outdoor", {}).items()
            },
            bouts=[
                BoutRecord(
                    datetime.fromisoformat(s), datetime.fromisoformat(e) if e else None
                )
                for s, e in data.get("bouts", [])
            ],
            stretches=[datetime.fromisoformat(s) for s in data.get("stretches", [])],
            cramps=[
                CrampRecord(datetime.fromisoformat(at), muscle, context, severity)
                for at, muscle, context, severity in data.get("cramps", [])
            ],
            samples=[checked_row(row) for row in data.get("samples", [])],
        )


def _water_logs(data: dict[str, Any]) -> list[tuple[datetime | None, float]]:
    """A saved day's hand-logged water; a file from before logs were kept has only
    their sum."""
    if "water_logs" in data:
        return [
            (datetime.fromisoformat(at) if at else None, float(ml))
            for at, ml in data["water_logs"]
        ]
    total = float(data.get("water_logged_ml", 0.0))
    return [(None, total)] if total else []


def day_of(moment: datetime, wake: time) -> date:
    """The awake day a moment belongs to: before the wake time, the day that ended."""
    anchor = datetime.combine(moment.date(), wake, tzinfo=moment.tzinfo)
    return moment.date() if anchor <= moment else moment.date() - timedelta(days=1)


def night_before(day: date, wake: time, bed: time, tz: tzinfo | None) -> Night:
    """The sleep window that ends at `day`'s wake time: from the bedtime before it."""
    end = datetime.combine(day, wake, tzinfo=tz)
    start = datetime.combine(day, bed, tzinfo=tz)
    if start >= end:  # a bedtime before midnight: the evening before
        start = datetime.combine(day - timedelta(days=1), bed, tzinfo=tz)
    return Night(day, start, end)


@dataclass(frozen=True, slots=True)
class Night:
    """The sleep window before the awake day `day` (its morning)."""

    day: date
    start: datetime
    end: datetime

    @property
    def middle(self) -> datetime:
        """Halfway through, in real time (across a DST change too)."""
        start, end = self.start.timestamp(), self.end.timestamp()
        return datetime.fromtimestamp((start + end) / 2, tz=self.start.tzinfo)

    def holds(self, moment: datetime) -> bool:
        """Whether `moment` is in the night."""
        return self.start <= moment < self.end


# A hand log's id: its kind and moment ("cramp@2026-12-07T21:04:05.123456+01:00").
LOG_KINDS = ("water", "stretch", "cramp")


def log_id(kind: str, at: datetime) -> str:
    """The id of the hand log of `kind` at `at`."""
    return f"{kind}@{at.isoformat()}"


class Ledger:
    """One person's days and counter states, persisted in `.storage`."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry_id: str,
        wake: time = time(7),
        name: str = "",
    ) -> None:
        """Prepare the store; call `async_load` before use."""
        self.hass = hass
        self.entry_id = entry_id
        self.name = name  # the person, for a repair issue
        self._store = ledger_store(hass, entry_id)
        self._backup = backup_store(hass, entry_id)
        self._backup_day: date | None = None  # the day the backup was last written
        self.wake = wake
        self.days: dict[date, Day] = {}
        self.counters: dict[str, CounterState] = {}
        # How fresh each counter source is, and its recent gaps (freshness.py).
        self.freshness: dict[str, Freshness] = {}
        # The morning check-in's answers: the awake day whose night it asked about ->
        # whether there were cramps.
        self.nights: dict[date, bool] = {}
        self.backfilled = False
        self.loaded_from_storage = False
        self._save_due: float | None = None  # loop time of the pending write
        self._save_delay = 0.0  # the delay it was asked with
        # The awake day last asked for: from its wake time to the next (local clock)
        self._today: tuple[datetime, datetime, Day] | None = None
        # What assessments read of the past, kept until the ledger changes.
        self._history: dict[tuple[date, int], tuple[float | None, ...]] = {}
        self._cramps: tuple[CrampRecord, ...] | None = None
        self._stretches: tuple[datetime, ...] | None = None
        self._samples: tuple[str, ...] | None = None
        # The days as last saved, and the days changed since.
        self._saved_days: dict[date, dict[str, Any]] = {}
        self._dirty: set[date] = set()
        self._loop_time = hass.loop.time

    async def async_load(self) -> None:
        """Restore what was saved (nothing on first setup); from the backup when the
        file cannot be used.
        """
        try:
            data = await self._store.async_load()
            if data is not None:
                self._restore(data)
                return
        except UNUSABLE as err:
            unusable = await async_keep_aside(self.hass, self._store, repr(err))
        else:
            # No file: a new person, or one Home Assistant found corrupt and moved.
            if (corrupt := await async_corrupt_copy(self.hass, self._store)) is None:
                return
            unusable = Unusable("not valid JSON", corrupt)
        await self._async_recover(unusable)

    def _restore(self, data: dict[str, Any]) -> None:
        """Take saved data in; raises on the wrong shape, changing nothing then."""
        days = {d.day: d for d in (Day.from_dict(raw) for raw in data.get("days", []))}
        counters = {
            name: CounterState.from_dict(raw)
            for name, raw in data.get("counters", {}).items()
        }
        nights = {
            date.fromisoformat(day): bool(cramps)
            for day, cramps in data.get("nights", {}).items()
        }
        freshness = data.get("freshness")
        self.freshness = {
            name: Freshness.from_dict(raw)
            for name, raw in (freshness if isinstance(freshness, dict) else {}).items()
        }
        self.days, self.counters, self.nights = days, counters, nights
        self.backfilled = bool(data.get("backfilled"))
        self.loaded_from_storage = True
        self._stale()

    def adopt(self, other: Ledger) -> None:
        """Take another ledger's days and counters in place of this one's (the demo
        continues the day it replayed); written within SAVE_DELAY."""
        self._restore({**other._as_dict(), "backfilled": self.backfilled})
        self._today = None
        self.async_schedule_save(logged=True)

    async def _async_recover(self, unusable: Unusable) -> None:
        """Restore the backup (if it can be used), say so, and write it back soon."""
        backup_day: str | None = None
        try:
            if (backup := await self._backup.async_load()) is not None:
                self._restore(backup)
                backup_day = str(backup.get("saved") or "?")
        except UNUSABLE as err:
            _LOGGER.warning(
                "%s: the ledger's backup cannot be used either (%r)", self.name, err
            )
        _LOGGER.warning(
            "%s: the ledger file could not be used (%s); it was kept as %s; %s",
            self.name,
            unusable.reason,
            unusable.kept_as,
            f"restored the backup of {backup_day}" if backup_day else "started empty",
        )
        async_ledger_recovered(
            self.hass,
            self.entry_id,
            self.name,
            unusable.kept_as,
            backup_day,
            len(self.days),
        )
        self.async_schedule_save(logged=True)

    def _as_dict(self) -> dict[str, Any]:
        """JSON-ready; a day unchanged since the last save is not built again."""
        saved = self._saved_days
        for day in self._dirty:
            saved.pop(day, None)
        self._dirty.clear()
        days = []
        for day in sorted(self.days):
            if (data := saved.get(day)) is None:
                data = saved[day] = self.days[day].as_dict()
            days.append(data)
        return {
            "backfilled": self.backfilled,
            "days": days,
            "counters": {n: c.as_dict() for n, c in self.counters.items()},
            "freshness": {n: f.as_dict() for n, f in self.freshness.items()},
            "nights": {day.isoformat(): cramps for day, cramps in self.nights.items()},
        }

    @callback
    def async_schedule_save(
        self, *, logged: bool = False, within: float = SOURCE_SAVE_DELAY
    ) -> None:
        """Save within SAVE_DELAY (5 s) after a hand log, within SOURCE_SAVE_DELAY
        (30 minutes) after source changes, `within` seconds when told (a sample:
        SAMPLE_SAVE_DELAY).

        A later request never postpones a pending write (sources that change every
        few seconds do not keep a hand log off the disk), and brings a later one
        forward; changes in between are written together.
        """
        delay = SAVE_DELAY if logged else within
        if self._save_due is not None and self._save_delay <= delay:
            return  # asked for before with no longer a delay: due sooner
        due = self._loop_time() + delay
        if self._save_due is not None and self._save_due <= due:
            return
        self._save_due, self._save_delay = due, delay
        self._store.async_delay_save(self._data_to_save, delay)

    def _data_to_save(self) -> dict[str, Any]:
        """What is written; the first write of each day also goes to the backup."""
        self._save_due = None  # being written: the next change schedules again
        data = self._as_dict()
        day = self._today[2].day if self._today is not None else None
        if day is not None and day != self._backup_day:
            self._backup_day = day
            self.hass.async_create_task(
                self._backup.async_save({**data, "saved": day.isoformat()}),
                f"{self._backup.key} write",
            )
        return data

    async def async_save_now(self) -> None:
        """Write immediately (on unload)."""
        self._save_due = None
        await self._store.async_save(self._as_dict())

    async def async_remove(self) -> None:
        """Delete the stored file and its backup (the entry is being removed)."""
        await self._store.async_remove()
        await self._backup.async_remove()

    def set_wake(self, wake: time) -> None:
        """A new wake time: from now on the days begin there."""
        if wake != self.wake:
            self.wake = wake
            self._today = None

    def day(self, day: date) -> Day:
        """The record of a day, created when missing.

        Days older than KEEP_DAYS are dropped, and the minute-by-minute detail of days
        before yesterday, which only bout detection of the current day reads.
        """
        if (record := self.days.get(day)) is None:
            self._stale()
            record = self.days[day] = Day(day)
            for old in [d for d in self.days if d <= day - timedelta(days=KEEP_DAYS)]:
                del self.days[old]
            for old in [d for d in self.nights if d <= day - timedelta(days=KEEP_DAYS)]:
                del self.nights[old]
            for old_day in self.days.values():
                if old_day.day < day - timedelta(days=1):
                    old_day.minutes.clear()
                    old_day.outdoor.clear()
        return record

    def day_of(self, moment: datetime) -> date:
        """The day a moment belongs to: before the wake time, the day that ended."""
        return day_of(moment, self.wake)

    def today(self, now: datetime) -> Day:
        """The record of the day `now` belongs to (created, which rolls days over)."""
        if self._today is not None:
            start, end, record = self._today
            same_zone = start.tzinfo is now.tzinfo
            if same_zone and start <= now < end and self.days.get(record.day) is record:
                return record
        day = self.day_of(now)
        start = datetime.combine(day, self.wake, tzinfo=now.tzinfo)
        record = self.day(day)
        self._today = (start, start + timedelta(days=1), record)
        return record

    # -- the write API ---------------------------------------------------------------

    def _stale(self) -> None:
        """Forget what was read of the past and built for saving: days change."""
        self._history.clear()
        self._saved_days.clear()
        self._cramps = self._stretches = self._samples = None

    def _changing(self, at: datetime) -> Day:
        """The day of `at`, about to change: histories read for a later day are stale
        (a day's own changes are not in its history)."""
        day = self.today(at)
        if any(later > day.day for later, _ in self._history):
            self._history.clear()
        self._dirty.add(day.day)
        return day

    def fill_load(self, day: date, load: float) -> None:
        """A completed day's load from elsewhere (the recorder's statistics)."""
        self._stale()
        self.day(day).load = load

    def add_water(self, ml: float, at: datetime, *, logged: bool) -> Day:
        """Add water drunk at `at`: logged by hand, or counted by the water sensor."""
        day = self._changing(at)
        if logged:
            day.water_logs.append((at, ml))
        else:
            day.water_sensor_ml = (day.water_sensor_ml or 0.0) + ml
        return day

    def add_activity(
        self, amount: float, at: datetime, since: datetime | None = None
    ) -> Day:
        """Add activity counted at `at` (spread over [since, at) for bouts)."""
        day = self._changing(at)
        day.load = (day.load or 0.0) + amount
        if since is not None and amount > 0:
            spread(day.minutes, amount, since, at, midnight(day.day, at.tzinfo))
        return day

    def add_stretch(self, at: datetime) -> Day:
        """Record a stretch."""
        day = self._changing(at)
        day.stretches.append(at)
        self._stretches = None
        return day

    def add_cramp(self, cramp: CrampRecord) -> Day:
        """Record a cramp."""
        day = self._changing(cramp.at)
        day.cramps.append(cramp)
        self._cramps = None
        return day

    def answer_night(self, night: Night, cramps: bool) -> str | None:
        """The morning check-in's answer about `night`; a later answer replaces an
        earlier one. "Yes" logs a cramp in the middle of the night (at rest, in the
        calf: night cramps are mostly calf cramps), once; "no" after "yes" removes
        it. Returns the id of the cramp logged for the night, if any."""
        cramp = log_id("cramp", night.middle)
        if self.nights.get(night.day) is True and not cramps:
            self.remove_log(cramp)
        elif cramps and self.nights.get(night.day) is not True:
            self.add_cramp(CrampRecord(night.middle, context="night"))
        self.nights[night.day] = cramps
        return cramp if cramps else None

    def unknown_nights(self, wake: time, bed: time, zone: tzinfo) -> tuple[Night, ...]:
        """The nights before the days kept, from the first one the morning check-in
        was answered about, that got neither an answer nor a logged cramp."""
        if not self.nights:
            return ()
        first = min(self.nights)
        nights = (
            night_before(day, wake, bed, zone)
            for day in sorted(self.days)
            if day >= first
        )
        return tuple(night for night in nights if not self.night_known(night))

    def night_known(self, night: Night) -> bool:
        """Whether the night was answered, or a cramp was logged in it."""
        return night.day in self.nights or any(
            night.holds(cramp.at) for cramp in self.iter_cramps()
        )

    def add_sample(
        self, start: datetime, score: int, subs: Mapping[str, float | None]
    ) -> bool:
        """Keep the sample of the hour starting at `start` (the index shown then and
        each factor's sub-score, None when unavailable) with that hour's day; not
        when that hour, or a later one, has a sample already."""
        day = self.day(self.day_of(start))
        row = sample_row(start, score, subs)
        kept = self.sample_rows()
        if kept and row_minute(kept[-1]) >= row_minute(row):
            return False
        day.samples.append(row)
        self._dirty.add(day.day)
        self._samples = (*kept, row)
        return True

    def sample_rows(self) -> tuple[str, ...]:
        """Every kept sample (rows of `learning.py`), oldest first."""
        if self._samples is None:
            self._samples = tuple(
                row for d in sorted(self.days) for row in self.days[d].samples
            )
        return self._samples

    def hand_logs(self, since: datetime) -> list[str]:
        """The ids of the hand logs (water, stretches, cramps) since `since`, oldest
        first."""
        found: list[tuple[datetime, str]] = []
        for day in sorted(d for d in self.days if d >= self.day_of(since)):
            record = self.days[day]
            moments = (
                *(("water", at) for at, _ in record.water_logs if at is not None),
                *(("stretch", at) for at in record.stretches),
                *(("cramp", cramp.at) for cramp in record.cramps),
            )
            found += [(at, log_id(kind, at)) for kind, at in moments if at >= since]
        return [log for _, log in sorted(found)]

    def remove_log(self, log: str) -> bool:
        """Remove the hand log with the id `log`; whether there was one."""
        kind, _, moment = log.partition("@")
        try:
            at = datetime.fromisoformat(moment)
        except ValueError:
            return False
        if kind not in LOG_KINDS or (day := self.days.get(self.day_of(at))) is None:
            return False
        if kind == "water":
            kept = [entry for entry in day.water_logs if entry[0] != at]
            removed = len(kept) < len(day.water_logs)
            day.water_logs = kept
        elif kind == "stretch":
            removed = at in day.stretches
            day.stretches = [when for when in day.stretches if when != at]
        else:
            removed = any(cramp.at == at for cramp in day.cramps)
            day.cramps = [cramp for cramp in day.cramps if cramp.at != at]
        if removed:
            self._dirty.add(day.day)
            self._cramps = self._stretches = None
        return removed

    def record_heat(self, index_c: float, at: datetime) -> None:
        """Keep the day's highest indoor heat index."""
        day = self.today(at)
        if day.max_heat_index_c is None or index_c > day.max_heat_index_c:
            day.max_heat_index_c = index_c
            self._dirty.add(day.day)

    def record_outdoor(
        self, temp_c: float, humidity: float | None, at: datetime
    ) -> None:
        """Keep each hour's outdoor conditions with the highest heat index."""
        day = self.today(at)
        hour = int(minute_of(at, midnight(day.day, at.tzinfo)) // 60)
        old = day.outdoor.get(hour)
        if old is None or heat_index_c(temp_c, humidity) > heat_index_c(*old):
            day.outdoor[hour] = (temp_c, humidity)
            self._dirty.add(day.day)

    def set_workout(self, on: bool | None, at: datetime) -> None:
        """The workout entity turned on (a bout starts) or off (open bouts end).

        A workout that began on the day before ends there too.
        """
        day = self.today(at)
        yesterday = self.days.get(day.day - timedelta(days=1))
        records = [*(yesterday.bouts if yesterday else ()), *day.bouts]
        open_bouts = [b for b in records if b.end is None]
        self._dirty.update((day.day, day.day - timedelta(days=1)))
        if on and not open_bouts:
            day.bouts.append(BoutRecord(at))
        elif on is False:
            for bout in open_bouts:
                bout.end = at

    def count(
        self,
        key: str,
        kind: CounterKind,
        plausible_day: float,
        value: float,
        at: datetime,
        last_reset: datetime | None = None,
        next_reset: datetime | None = None,
    ) -> Step:
        """Feed a counter source's reading (taken at `at`) through its kind and add
        what it gave: activity, or water from the sensor."""
        step = update_counter(
            self.counter(key),
            kind,
            value,
            at,
            plausible_day=plausible_day,
            last_reset=last_reset,
            next_reset=next_reset,
        )
        if step.at is not None:
            if key == CONF_ACTIVITY:
                self.add_activity(step.amount, step.at, step.since)
            else:
                self.add_water(step.amount, step.at, logged=False)
        return step

    def counter(self, name: str) -> CounterState:
        """The persisted state of a counter source."""
        return self.counters.setdefault(name, CounterState())

    def load_history(self, today: date, days: int = 27) -> list[float | None]:
        """Completed days' loads before `today`, oldest first (None = no data)."""
        if (history := self._history.get((today, days))) is None:
            history = self._history[today, days] = tuple(
                record.load
                if (record := self.days.get(today - timedelta(days=n)))
                else None
                for n in range(days, 0, -1)
            )
        return list(history)

    def facts(self) -> LedgerFacts:
        """The days kept, the first of them, the backfill, the counters' states."""
        return LedgerFacts(
            len(self.days),
            min(self.days) if self.days else None,
            self.backfilled,
            {name: c.as_dict() for name, c in self.counters.items()},
        )

    def iter_cramps(self) -> tuple[CrampRecord, ...]:
        """Every logged cramp, oldest first."""
        if self._cramps is None:
            self._cramps = tuple(
                cramp for d in sorted(self.days) for cramp in self.days[d].cramps
            )
        return self._cramps

    def iter_stretches(self) -> tuple[datetime, ...]:
        """Every logged stretch, oldest first."""
        if self._stretches is None:
            self._stretches = tuple(
                at for d in sorted(self.days) for at in self.days[d].stretches
            )
        return self._stretches
