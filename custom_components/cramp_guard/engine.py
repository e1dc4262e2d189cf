"""One person's runtime: sources -> ledger -> RiskInputs -> assess -> entities.

Event-driven: source changes are read into the model's units and written to the
ledger, then a short debounce coalesces several sources changing at once into one
assessment. A once-a-minute tick keeps time-dependent factors current and rolls the
day over at midnight. Entities are told after each assessment and write their state
only when what they show changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
import logging

from homeassistant.core import (
    CALLBACK_TYPE,
    CoreState,
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.event import (
    async_call_later,
    async_track_state_change_event,
    async_track_time_interval,
)
from homeassistant.helpers.start import async_at_started
from homeassistant.util import dt as dt_util

from .const import (
    CONF_ACTIVITY,
    CONF_OUTDOOR_HUMIDITY,
    CONF_OUTDOOR_TEMPERATURE,
    CONF_OUTDOOR_WEATHER,
    CONF_ROOM_HUMIDITY,
    CONF_ROOM_TEMPERATURE,
    CONF_WORKOUT,
    HUMIDITY_SOURCES,
    PLAUSIBLE_DAY,
    PLAUSIBLE_WATER_DAY_ML,
    TEMPERATURE_SOURCES,
)
from .counters import update_counter
from .inputs import COUNTER_SOURCES, build_inputs, recent_cramps
from .ledger import Day, Ledger
from .repairs import (
    async_counter_kind,
    async_delete_counter_kind,
    async_missing_source,
    async_source_back,
)
from .risk import Assessment, RiskInputs, assess, heat_index_c
from .settings import Settings
from .sources import (
    Problem,
    Reading,
    is_single_record,
    read_activity,
    read_humidity,
    read_switch,
    read_temperature,
    read_water,
    read_weather,
    reset_times,
)

_LOGGER = logging.getLogger(__package__)

DEBOUNCE_SECONDS = 0.3
TICK = timedelta(minutes=1)
MISSING_GRACE_SECONDS = 60  # a source still missing this long after start is reported
# A counter source that is out keeps what it counted today for this long [J].
HOLD_COUNTS_FOR = timedelta(hours=3)
OUTDOOR_HUMIDITY_KEY = f"{CONF_OUTDOOR_WEATHER}_humidity"


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything entities, prompts, actions and diagnostics show, computed once per
    assessment: the inputs and assessment, the day, and the recent cramps.
    """

    inputs: RiskInputs
    assessment: Assessment
    day: Day
    workout: bool
    cramps: tuple[tuple[datetime, str], ...] = ()  # (at, context), last 30 days

    @property
    def cramps_30_days(self) -> int:
        """How many cramps were logged in the last 30 days."""
        return len(self.cramps)


class Engine:
    """Follows one person's sources and keeps the assessment current."""

    def __init__(self, hass: HomeAssistant, entry_id: str, settings: Settings) -> None:
        """Set up state; `async_start` subscribes."""
        self.hass = hass
        self.entry_id = entry_id
        self.settings = settings
        self.ledger = Ledger(hass, entry_id, settings.profile.wake)
        self.readings: dict[str, Reading] = {}
        self.workout_on: bool | None = None
        self.snapshot: Snapshot | None = None
        self._problems: dict[str, Problem] = {}
        self._outage_since: dict[str, datetime] = {}  # counter sources out since
        self._suggested: set[str] = set()  # counters whose kind repair is raised
        # Set up while Home Assistant runs: a missing source is reported at once.
        self._report_missing = hass.state is CoreState.running
        self._listeners: list[CALLBACK_TYPE] = []
        self._unsubs: list[CALLBACK_TYPE] = []
        self._debouncer = Debouncer(
            hass,
            _LOGGER,
            cooldown=DEBOUNCE_SECONDS,
            immediate=False,
            function=self.async_update,
        )

    # -- lifecycle -------------------------------------------------------------------

    async def async_start(self) -> None:
        """Restore the ledger, read every source, subscribe, and assess."""
        await self.ledger.async_load()
        async_delete_counter_kind(self.hass, self.entry_id)  # checked again as it reads
        if not self.ledger.backfilled and self.settings.has_activity:
            from .backfill import async_backfill  # recorder is optional

            await async_backfill(self.hass, self.ledger, self.settings, dt_util.now())
        self.ledger.backfilled = True
        now = dt_util.now()
        for key, entity_id in self.settings.sources.items():
            self._read(key, self.hass.states.get(entity_id), now)
        self._unsubs.append(
            async_track_state_change_event(
                self.hass, sorted(set(self.settings.sources.values())), self._on_change
            )
        )
        self._unsubs.append(async_track_time_interval(self.hass, self._on_tick, TICK))
        if not self._report_missing:  # booting: wait until Home Assistant runs
            self._unsubs.append(async_at_started(self.hass, self._async_started))
        self.ledger.async_schedule_save()
        self.async_update()

    async def async_stop(self) -> None:
        """Unsubscribe everything and write the ledger."""
        self._debouncer.async_shutdown()
        while self._unsubs:
            self._unsubs.pop()()
        await self.ledger.async_save_now()

    @callback
    def async_add_listener(self, update: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call `update` after each assessment; returns the function that stops it."""
        self._listeners.append(update)
        return lambda: self._listeners.remove(update)

    # -- events ----------------------------------------------------------------------

    @callback
    def _on_change(self, event: Event[EventStateChangedData]) -> None:
        entity_id = event.data["entity_id"]
        now = dt_util.now()
        for key, source in self.settings.sources.items():
            if source == entity_id:
                self._read(key, event.data["new_state"], now)
        self.ledger.async_schedule_save()
        self._debouncer.async_schedule_call()

    @callback
    def _on_tick(self, _now: datetime) -> None:
        self.async_update()

    @callback
    def _async_started(self, _hass: HomeAssistant) -> None:
        """At boot, read again what was not usable: its integration may be later.

        Missing sources are reported after a grace period.
        """
        now = dt_util.now()
        for key, entity_id in self.settings.sources.items():
            if self.readings[key].problem is not None:
                self._read(key, self.hass.states.get(entity_id), now)
        self._debouncer.async_schedule_call()
        self._unsubs.append(
            async_call_later(self.hass, MISSING_GRACE_SECONDS, self._end_grace)
        )

    @callback
    def _end_grace(self, _now: datetime) -> None:
        """From now on a missing source is warned about and raises its repair issue."""
        self._report_missing = True
        now = dt_util.now()
        for key, entity_id in self.settings.sources.items():
            if self.readings[key].problem is Problem.MISSING:
                self._read(key, self.hass.states.get(entity_id), now)

    # -- reading sources -------------------------------------------------------------

    def _read(self, key: str, state: State | None, now: datetime) -> None:
        """Read one source's new state into the readings and the ledger."""
        unit = self.hass.config.units.temperature_unit
        if key in TEMPERATURE_SOURCES:
            reading = read_temperature(state, unit)
        elif key in HUMIDITY_SOURCES:
            reading = read_humidity(state)
        elif key in COUNTER_SOURCES:
            reading = self._read_counter(key, state)
            if reading.value is not None:
                self._count(key, reading.value, state, now)
        elif key == CONF_WORKOUT:
            self.workout_on = read_switch(state)
            self.ledger.set_workout(self.workout_on, now)
            reading = (
                Reading(1.0)
                if self.workout_on is not None
                else Reading.bad(
                    Problem.MISSING if state is None else Problem.UNAVAILABLE
                )
            )
        else:  # the weather entity
            reading, humidity = read_weather(state, unit)
            self.readings[OUTDOOR_HUMIDITY_KEY] = humidity
        self.readings[key] = reading
        self._track_problem(key, state, reading, now)
        if reading.problem is not Problem.MISSING:
            async_source_back(self.hass, self.entry_id, key)
        elif self._report_missing:
            async_missing_source(
                self.hass,
                self.entry_id,
                self.settings.name,
                key,
                self.settings.sources[key],
            )
        self._record_heat(now)

    def _read_counter(self, key: str, state: State | None) -> Reading:
        if is_single_record(state):
            return Reading.bad(Problem.SINGLE_RECORD)
        if key == CONF_ACTIVITY:
            return read_activity(state, self.settings.activity_metric)
        return read_water(state, self.settings.water_unit)

    def _count(
        self, key: str, value: float, state: State | None, now: datetime
    ) -> None:
        """Feed a counter's reading through its kind and add what it gave."""
        settings = self.settings
        activity = key == CONF_ACTIVITY
        last_reset, next_reset = reset_times(state)
        step = update_counter(
            self.ledger.counter(key),
            settings.activity_counter if activity else settings.water_counter,
            value,
            now,
            plausible_day=PLAUSIBLE_DAY[settings.activity_metric]
            if activity
            else PLAUSIBLE_WATER_DAY_ML,
            last_reset=last_reset,
            next_reset=next_reset,
        )
        if step.at is not None:
            if activity:
                self.ledger.add_activity(step.amount, step.at, step.since)
            else:
                self.ledger.add_water(step.amount, step.at, logged=False)
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

    def counter_status(self, key: str, now: datetime) -> bool | None:
        """A counter source: True while usable, False while its last count is held
        through a short outage, None when it is not configured or out for too long.
        """
        if key not in self.settings.sources:
            return None
        since = self._outage_since.get(key)
        if since is None:
            return True
        return False if now - since < HOLD_COUNTS_FOR else None

    def _value(self, key: str) -> float | None:
        reading = self.readings.get(key)
        return reading.value if reading else None

    def _outdoor(self) -> tuple[float | None, float | None]:
        """Outdoor temperature and humidity: the sensors first, else the weather."""
        temp = self._value(CONF_OUTDOOR_TEMPERATURE)
        humidity = self._value(CONF_OUTDOOR_HUMIDITY)
        if temp is None:
            temp = self._value(CONF_OUTDOOR_WEATHER)
            humidity = (
                humidity if humidity is not None else self._value(OUTDOOR_HUMIDITY_KEY)
            )
        return temp, humidity

    def _record_heat(self, now: datetime) -> None:
        """Keep the day's highest indoor heat index and the hourly outdoor peak."""
        if (temp := self._value(CONF_ROOM_TEMPERATURE)) is not None:
            self.ledger.record_heat(
                heat_index_c(temp, self._value(CONF_ROOM_HUMIDITY)), now
            )
        temp, humidity = self._outdoor()
        if temp is not None:
            self.ledger.record_outdoor(temp, humidity, now)

    def _track_problem(
        self, key: str, state: State | None, reading: Reading, now: datetime
    ) -> None:
        """Log once when a source stops being usable, and once when it recovers.

        A counter source's outage is timed: what it counted is held for a while.
        """
        entity_id = self.settings.sources[key]
        if reading.problem is None:
            self._outage_since.pop(key, None)
        elif key in COUNTER_SOURCES:
            self._outage_since.setdefault(key, now)
        old = self._problems.get(key)
        if reading.problem is None:
            if old is not None:
                del self._problems[key]
                _LOGGER.info("%s: %s is usable again", self.settings.name, entity_id)
            return
        if old is not None:
            return
        if (reading.problem is Problem.MISSING and not self._report_missing) or (
            reading.problem is Problem.UNAVAILABLE
            and self.hass.state is not CoreState.running
        ):
            return  # starting up: checked again once Home Assistant has started
        self._problems[key] = reading.problem
        _LOGGER.warning(
            "%s: %s is left out of the cramp risk (%s: %s)",
            self.settings.name,
            entity_id,
            reading.problem.value.replace("_", " "),
            state.state if state is not None else "no such entity",
        )

    # -- assessing -------------------------------------------------------------------

    def build_inputs(self, now: datetime) -> tuple[RiskInputs, Day]:
        """The model's inputs for `now` from the readings and the ledger."""
        counters = {key: self.counter_status(key, now) for key in COUNTER_SOURCES}
        return build_inputs(now, self.settings, self.ledger, self._value, counters)

    @callback
    def async_update(self) -> None:
        """Assess now and tell the entities."""
        now = dt_util.now()
        self.ledger.today(now)  # rolls the ledger over at the wake time
        inputs, day = self.build_inputs(now)
        workout = bool(self.workout_on) or any(b.end is None for b in inputs.bouts)
        self.snapshot = Snapshot(
            inputs, assess(inputs), day, workout, recent_cramps(self.ledger, now)
        )
        for update in list(self._listeners):
            update()
