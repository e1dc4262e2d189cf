"""Reading one person's sources into the readings and the ledger.

Every source change is read into the model's units (`sources.read_source`, the table
the config flow reads through too), told to source health, and written to the
ledger: a counter's reading through its kind (`Ledger.count`), the workout entity's
bouts, the day's highest heat index and the hourly outdoor peak. The reader also
says whether a change matters at once (a problem, the workout flipping, a
temperature or humidity as far from the last assessed value as Home Assistant's own
significant-change rules ask: 0.5 degC, 1 % - indoors only while the heat there
counts; a counter that added 100 mL of water, activity at a workout's pace, or 1,000
steps, 10 minutes or 100 kcal since).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
import logging

from homeassistant.core import CoreState, HomeAssistant, State
from homeassistant.util import dt as dt_util

from .bouts import BOUT_RATE
from .const import (
    CONF_ACTIVITY,
    CONF_BEDROOM_HUMIDITY,
    CONF_BEDROOM_TEMPERATURE,
    CONF_OUTDOOR_HUMIDITY,
    CONF_OUTDOOR_TEMPERATURE,
    CONF_OUTDOOR_WEATHER,
    CONF_ROOM_HUMIDITY,
    CONF_ROOM_TEMPERATURE,
    CONF_WORKOUT,
    COUNTER_SOURCES,
    HUMIDITY_SOURCES,
    TEMPERATURE_SOURCES,
    ActivityMetric,
)
from .freshness import Freshness
from .health import SourceHealth
from .issues import async_counter_kind
from .ledger import Ledger
from .risk import heat_index_c
from .risk.factors import HEAT_CURVE
from .settings import Settings
from .sources import Problem, Reading, read_source, reset_times

_LOGGER = logging.getLogger(__package__)

# Home Assistant's significant change of a sensor (sensor/significant_change.py):
# 0.5 degC (1 degF is 0.56 degC) and 1 % humidity. A smaller move is read and waits
# for the next assessment.
SIGNIFICANT = {
    **dict.fromkeys(TEMPERATURE_SOURCES, 0.5),
    **dict.fromkeys(HUMIDITY_SOURCES, 1.0),
}
# What a counter adds that matters at once (less waits for the refresh, at most 10
# minutes): a drink of 100 mL; for the activity, a pace that could start a workout
# (a bout's rate, `bouts.BOUT_RATE`), or in all ten minutes' walk, ten minutes of
# exercise, 100 kcal [J]. A wearable syncing every few minutes through an ordinary
# day does not assess at every sync.
WATER_SIGNIFICANT_ML = 100.0
COUNT_SIGNIFICANT = {
    ActivityMetric.STEPS: 1000.0,
    ActivityMetric.INTENSITY_MINUTES: 10.0,
    ActivityMetric.ACTIVE_KCAL: 100.0,
}
# Indoors, a move matters at once only while the heat there counts: below the heat
# curve's start (24 degC heat index) before and after, it moves no factor, and the
# heat index shown follows at the next refresh.
HEAT_COUNTS_FROM_C = HEAT_CURVE[0][0]
ROOM = (CONF_ROOM_TEMPERATURE, CONF_ROOM_HUMIDITY)
BEDROOM = (CONF_BEDROOM_TEMPERATURE, CONF_BEDROOM_HUMIDITY)
INDOORS = {
    CONF_ROOM_TEMPERATURE: (ROOM,),
    CONF_ROOM_HUMIDITY: (ROOM, BEDROOM),  # the bedroom's without a humidity of its own
    CONF_BEDROOM_TEMPERATURE: (BEDROOM,),
    CONF_BEDROOM_HUMIDITY: (BEDROOM,),
}
OUTDOOR_HUMIDITY_KEY = f"{CONF_OUTDOOR_WEATHER}_humidity"
ROOM_SOURCES = (CONF_ROOM_TEMPERATURE, CONF_ROOM_HUMIDITY)
OUTDOOR_SOURCES = (
    CONF_OUTDOOR_TEMPERATURE,
    CONF_OUTDOOR_HUMIDITY,
    CONF_OUTDOOR_WEATHER,
)


def _keys(settings: Settings) -> dict[str, list[str]]:
    """Each source entity and the sources it is (one entity can be two)."""
    keys: dict[str, list[str]] = {}
    for key, entity_id in settings.sources.items():
        keys.setdefault(entity_id, []).append(key)
    return keys


class SourceReader:
    """One person's sources as the model reads them, and what they wrote."""

    def __init__(
        self, hass: HomeAssistant, entry_id: str, settings: Settings, ledger: Ledger
    ) -> None:
        """Nothing read yet."""
        self.hass = hass
        self.entry_id = entry_id
        self.settings = settings
        self.ledger = ledger
        self.health = SourceHealth(hass, entry_id, settings)
        self.readings: dict[str, Reading] = {}
        self.keys = _keys(settings)  # entity id -> the sources it is
        self.workout_on: bool | None = None
        self._assessed: Mapping[str, Reading] = {}  # the readings last assessed
        self._counted: dict[str, float] = {}  # what counters added since then
        self._suggested: set[str] = set()  # counters whose kind repair is raised
        # Counter sources found stale at the last assessment -> when they last
        # synced (`check_freshness`); a change of one assesses soon, once.
        self.stale: dict[str, datetime] = {}
        # Each counter source's `last_changed`, `last_reported` at the last look.
        self._looked: dict[str, tuple[datetime, datetime]] = {}

    def apply(self, settings: Settings) -> None:
        """Take settings that change nothing the reader reads (`Engine.in_place`),
        or a source entity's new entity id (what it read goes on)."""
        self.settings = self.health.settings = settings
        self.keys = _keys(settings)

    def read_all(self, now: datetime) -> None:
        """Read every source's state as it is now."""
        for key, entity_id in self.settings.sources.items():
            self.read(key, self.hass.states.get(entity_id), now)

    def read_again(self, now: datetime, only: Problem | None = None) -> None:
        """Read again the sources that were not usable (`only`: with that problem)."""
        for key, entity_id in self.settings.sources.items():
            problem = self.readings[key].problem
            if problem is not None and only in (None, problem):
                self.read(key, self.hass.states.get(entity_id), now)

    def assessed(self) -> Mapping[str, Reading]:
        """An assessment takes the readings as they are: what matters is judged
        against them from now on. Returns them (a copy nothing writes to)."""
        self._assessed = dict(self.readings)
        self._counted.clear()
        return self._assessed

    def read(self, key: str, state: State | None, now: datetime) -> bool:
        """Read one source's new state into the readings and the ledger; whether
        anything the model sees changed by what matters.
        """
        settings = self.settings
        reading, humidity = read_source(
            key,
            state,
            self.hass.config.units.temperature_unit,
            settings.activity_metric,
            settings.water_unit,
        )
        counted = False
        if key in COUNTER_SOURCES:
            if reading.value is not None:
                counted = self._count(key, reading.value, state, now)
            if self.stale and self.stale.pop(key, None) is not None:
                counted = True  # it synced: the next assessment says so
        elif key == CONF_WORKOUT:
            on = None if reading.value is None else reading.value == 1.0
            counted = on != self.workout_on
            self.workout_on = on
            self.ledger.set_workout(on, now)
        elif humidity is not None:  # the weather entity
            counted = humidity != self.readings.get(OUTDOOR_HUMIDITY_KEY)
            self.readings[OUTDOOR_HUMIDITY_KEY] = humidity
        if reading != self.readings.get(key):
            self.readings[key] = reading
            self._record_heat(key, now)
        self.health.observe(key, state, reading, now)
        return counted or self._matters(key, reading)

    def _matters(self, key: str, reading: Reading) -> bool:
        """Whether a reading differs from the last assessed one by what matters (a
        counter's value is judged by what it counted)."""
        old = self._assessed.get(key)
        if old is None or old.value is None or reading.value is None:
            return reading != old
        if key in COUNTER_SOURCES:
            return False
        if (threshold := SIGNIFICANT.get(key)) is None:
            return reading != old
        if abs(reading.value - old.value) < threshold:
            return False
        areas = INDOORS.get(key, ())
        return not areas or any(
            self._heat(area, readings) >= HEAT_COUNTS_FROM_C
            for area in areas
            for readings in (self.readings, self._assessed)
        )

    def _heat(self, area: tuple[str, str], readings: Mapping[str, Reading]) -> float:
        """The heat index in an area (room or bedroom) by `readings`; unknown: as
        hot as can be (the change matters)."""
        temp_key, humidity_key = area
        temp = readings.get(temp_key)
        humidity = readings.get(humidity_key) or readings.get(CONF_ROOM_HUMIDITY)
        if temp is None or temp.value is None:
            return float("inf")
        return heat_index_c(temp.value, humidity.value if humidity else None)

    def _count(
        self, key: str, value: float, state: State | None, now: datetime
    ) -> bool:
        """Feed a counter's reading through its kind and add what it gave; whether
        what it added since the last assessment matters.
        """
        settings = self.settings
        counter = self.ledger.counter(key)
        # The moment the source's value changed: the event's, live; at a restart,
        # what changed while Cramp Guard was not running is credited when it did,
        # and a value already counted, read again, is fed at the moment it was
        # (nothing moves). A first reading counts now: the backfill has the past.
        at = now
        if state is not None and counter.last_at is not None:
            at = max(dt_util.as_local(state.last_changed), counter.last_at)
        last_reset, next_reset = reset_times(state)
        step = self.ledger.count(
            key, *settings.counter(key), value, at, last_reset, next_reset
        )
        brisk = False
        if step.at is not None:
            self._counted[key] = self._counted.get(key, 0.0) + step.amount
            if key == CONF_ACTIVITY and step.since is not None:
                minutes = max(1.0, (step.at - step.since).total_seconds() / 60)
                brisk = step.amount / minutes >= BOUT_RATE[settings.activity_metric]
        if step.suggest is not None and key not in self._suggested:
            self._suggested.add(key)
            _LOGGER.warning(
                "%s: %s does not behave like its chosen kind; it looks like %s",
                settings.name,
                settings.sources[key],
                step.suggest.value,
            )
            async_counter_kind(
                self.hass,
                self.entry_id,
                settings.name,
                key,
                settings.sources[key],
                step.suggest,
            )
        threshold = (
            COUNT_SIGNIFICANT[settings.activity_metric]
            if key == CONF_ACTIVITY
            else WATER_SIGNIFICANT_ML
        )
        return brisk or self._counted.get(key, 0.0) >= threshold

    def check_freshness(self, now: datetime) -> Mapping[str, datetime]:
        """Look at each usable counter source's state (at an assessment, not at its
        updates): when it last changed and reported, the gap learnt; returns the
        stale ones and when they last synced (`freshness.py`). What it learns is
        written with the ledger's next save (no save of its own).

        Not while Home Assistant boots: a source may be written twice then, its
        state restored when it is added and the same value again when Home
        Assistant starts (a template entity, in 2026.x); the first look, once it
        runs, takes neither as a sync (the engine assesses then, `_async_started`).
        """
        if self.hass.state is not CoreState.running:
            return self.stale
        profile = self.settings.profile
        wake, bed = profile.wake, profile.bed
        stale: dict[str, datetime] = {}
        for key in COUNTER_SOURCES:
            reading = self.readings.get(key)
            if reading is None or reading.value is None:
                continue
            state = self.hass.states.get(self.settings.sources[key])
            if state is None:  # pragma: no cover - a usable reading has a state
                continue
            if (fresh := self.ledger.freshness.get(key)) is None:
                fresh = self.ledger.freshness[key] = Freshness()
            moments = (state.last_changed, state.last_reported)
            if self._looked.get(key) != moments:  # else nothing new to observe
                self._looked[key] = moments
                fresh.observe(
                    reading.value,
                    dt_util.as_local(state.last_changed),
                    dt_util.as_local(state.last_reported),
                    wake,
                    bed,
                )
            if fresh.stale(now, wake, bed) and fresh.reported is not None:
                stale[key] = fresh.reported
        self.stale = stale
        return stale

    def value(self, key: str) -> float | None:
        """A source's value in the model's unit; None when it has none."""
        reading = self.readings.get(key)
        return reading.value if reading else None

    def _outdoor(self) -> tuple[float | None, float | None]:
        """Outdoor temperature and humidity: the sensors first, else the weather."""
        temp = self.value(CONF_OUTDOOR_TEMPERATURE)
        humidity = self.value(CONF_OUTDOOR_HUMIDITY)
        if temp is None:
            temp = self.value(CONF_OUTDOOR_WEATHER)
            if humidity is None:
                humidity = self.value(OUTDOOR_HUMIDITY_KEY)
        return temp, humidity

    def _record_heat(self, key: str, now: datetime) -> None:
        """Keep the day's highest indoor heat index and the hourly outdoor peak."""
        if key in ROOM_SOURCES:
            if (temp := self.value(CONF_ROOM_TEMPERATURE)) is not None:
                self.ledger.record_heat(
                    heat_index_c(temp, self.value(CONF_ROOM_HUMIDITY)), now
                )
        elif key in OUTDOOR_SOURCES:
            temp, humidity = self._outdoor()
            if temp is not None:
                self.ledger.record_outdoor(temp, humidity, now)
