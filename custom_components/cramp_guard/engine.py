"""One person's runtime: sources -> ledger -> RiskInputs -> assess -> entities.

Event-driven: every source change is read into the model's units and written to the
ledger; one that matters (a problem, the workout flipping, a temperature or humidity
as far from the last assessed value as Home Assistant's own significant-change rules
ask: 0.5 degC, 1 %; a counter that added 50 mL, 100 steps, 1 minute or 10 kcal since)
is assessed after a short debounce that coalesces several sources changing at once.
While sources keep changing, assessments are paced to one a minute after a short
burst; a hand log assesses at once. Without such a change, a refresh 10 minutes after
the last assessment keeps time-dependent factors current, and a moment something is
due at (a reminder, the wake time, the bedtime) is assessed at that moment: one
timer, set for whichever comes first.
Entities are told after each assessment and write their state only when what they
show changed; the risk shown moves once the score is a whole point away.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
import logging
from typing import Any

from homeassistant.const import EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HassJob,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.helpers.event import (
    async_call_later,
    async_track_state_change_event,
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
    COUNTER_SOURCES,
    HUMIDITY_SOURCES,
    TEMPERATURE_SOURCES,
    ActivityMetric,
)
from .health import MISSING_GRACE_SECONDS, SourceHealth
from .inputs import build_inputs, recent_cramps
from .issues import async_counter_kind, async_delete_counter_kind
from .ledger import Day, Ledger
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

DEBOUNCE_SECONDS = 0.3  # sources changing together make one assessment
# While sources keep changing, assessments are paced to one a minute, after a burst
# of up to ASSESS_BURST at once (a token bucket: every assessment takes a token,
# one comes back every ASSESS_EVERY).
ASSESS_EVERY = timedelta(minutes=1)
ASSESS_BURST = 5.0
REFRESH_EVERY = timedelta(minutes=10)  # without changes that matter, assess this often
# Home Assistant's significant change of a sensor (sensor/significant_change.py):
# 0.5 degC (1 degF is 0.56 degC) and 1 % humidity. A smaller move is read and waits
# for the next assessment.
SIGNIFICANT = {
    **dict.fromkeys(TEMPERATURE_SOURCES, 0.5),
    **dict.fromkeys(HUMIDITY_SOURCES, 1.0),
}
# What a counter adds that matters at once (less waits for the refresh): a fifth of
# a glass, a short walk, a minute of exercise, a few kilocalories [J].
WATER_SIGNIFICANT_ML = 50.0
COUNT_SIGNIFICANT = {
    ActivityMetric.STEPS: 100.0,
    ActivityMetric.INTENSITY_MINUTES: 1.0,
    ActivityMetric.ACTIVE_KCAL: 10.0,
}
# The risk shown moves once the model's raw score is this far from it: a score
# wavering across a rounding boundary is not written back and forth.
SCORE_HYSTERESIS = 0.75
OUTDOOR_HUMIDITY_KEY = f"{CONF_OUTDOOR_WEATHER}_humidity"
ROOM_SOURCES = (CONF_ROOM_TEMPERATURE, CONF_ROOM_HUMIDITY)
OUTDOOR_SOURCES = (
    CONF_OUTDOOR_TEMPERATURE,
    CONF_OUTDOOR_HUMIDITY,
    CONF_OUTDOOR_WEATHER,
)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything entities, prompts, actions and diagnostics show, computed once per
    assessment: the inputs and assessment, the day, and the recent cramps.

    `shown` is the assessment the risk sensors show: the latest one, or an earlier
    one whose score the latest is within SCORE_HYSTERESIS of.
    """

    inputs: RiskInputs
    assessment: Assessment
    day: Day
    workout: bool
    cramps: tuple[tuple[datetime, str], ...] = ()  # (at, context), last 30 days
    shown: Assessment | None = None

    @property
    def cramps_30_days(self) -> int:
        """How many cramps were logged in the last 30 days."""
        return len(self.cramps)

    @property
    def risk(self) -> Assessment:
        """The assessment the risk sensors show."""
        return self.shown or self.assessment


def settled(shown: Assessment | None, new: Assessment) -> Assessment:
    """What the risk sensors show after `new`: `new` once its raw score (0-100) is
    SCORE_HYSTERESIS from the score shown, or when the factors available or the
    confidence changed; else what is shown (its score, level and factors together).
    """
    if (
        shown is None
        or abs(min(max(new.raw, 0.0), 100.0) - shown.score) >= SCORE_HYSTERESIS
        or round(new.confidence, 2) != round(shown.confidence, 2)
        or any(
            new.factors[key].available != factor.available
            for key, factor in shown.factors.items()
        )
    ):
        return new
    return shown


def next_at(now: datetime, moment: time) -> datetime:
    """The next time the local clock shows `moment`, after `now`."""
    at = datetime.combine(now.date(), moment, tzinfo=now.tzinfo)
    return at if at > now else at + timedelta(days=1)


@callback
def _time_zone_changed(event_data: dict[str, Any]) -> bool:
    """Whether a core configuration update changed the time zone."""
    return "time_zone" in event_data


class Engine:
    """Follows one person's sources and keeps the assessment current."""

    def __init__(self, hass: HomeAssistant, entry_id: str, settings: Settings) -> None:
        """Set up state; `async_start` subscribes."""
        self.hass = hass
        self.entry_id = entry_id
        self.settings = settings
        self.ledger = Ledger(hass, entry_id, settings.profile.wake, settings.name)
        self.health = SourceHealth(hass, entry_id, settings)
        self.readings: dict[str, Reading] = {}
        self._keys: dict[str, list[str]] = {}  # entity id -> the sources it is
        for key, entity_id in settings.sources.items():
            self._keys.setdefault(entity_id, []).append(key)
        self._assessed: dict[str, Reading] = {}  # the readings of the last assessment
        self._counted: dict[str, float] = {}  # what counters added since then
        self.workout_on: bool | None = None
        self.snapshot: Snapshot | None = None
        self._suggested: set[str] = set()  # counters whose kind repair is raised
        self._listeners: list[CALLBACK_TYPE] = []
        self._unsubs: list[CALLBACK_TYPE] = []
        self._assessed_at: datetime | None = None
        self._tokens = ASSESS_BURST  # assessments sources may have at once
        self._pending: CALLBACK_TYPE | None = None  # the scheduled assessment
        self._due: float | None = None  # when to assess without a change (timestamp)
        self._timer: CALLBACK_TYPE | None = None  # set for `_due`
        self._turn: datetime | None = None  # the next wake time or bedtime
        self._wanted: dict[str, datetime] = {}  # moments others need an assessment at
        self._due_job = HassJob(
            self._on_due, "cramp_guard due", cancel_on_shutdown=True
        )
        self._pending_job = HassJob(
            self._run_pending, "cramp_guard pending", cancel_on_shutdown=True
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
        self._read_all()
        self._unsubs.append(
            async_track_state_change_event(
                self.hass, sorted(self._keys), self._on_change
            )
        )
        self._unsubs.append(
            self.hass.bus.async_listen(
                EVENT_CORE_CONFIG_UPDATE,
                self._on_time_zone,
                event_filter=_time_zone_changed,
            )
        )
        if not self.health.report_missing:  # booting: wait until Home Assistant runs
            self._unsubs.append(async_at_started(self.hass, self._async_started))
        self.ledger.async_schedule_save()
        self.async_update()

    async def async_stop(self) -> None:
        """Unsubscribe everything and write the ledger."""
        self._cancel_pending()
        self._disarm()
        while self._unsubs:
            self._unsubs.pop()()
        await self.ledger.async_save_now()

    @callback
    def async_continue(self, ledger: Ledger) -> None:
        """Continue another ledger's days (the demo's replayed day): take its days
        and counters, read every source into them again, and assess."""
        self.ledger.adopt(ledger)
        self._read_all()
        self.async_update()

    def in_place(self, settings: Settings) -> bool:
        """Whether new settings change only what applies without a reload: the
        profile, the main activity and the notify targets (not the name, the sources
        and how they count, or the webhook)."""
        old = self.settings
        kept = replace(
            settings,
            profile=old.profile,
            main_activity=old.main_activity,
            notify_targets=old.notify_targets,
        )
        return kept == old

    @callback
    def async_apply(self, settings: Settings) -> None:
        """Take settings that apply in place (`in_place`) and assess at once."""
        self.settings = self.health.settings = settings
        self.ledger.set_wake(settings.profile.wake)
        self._turn = None  # the next wake time or bedtime, on the new clock
        self.async_update()

    @callback
    def async_add_listener(self, update: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call `update` after each assessment; returns the function that stops it."""
        self._listeners.append(update)
        return lambda: self._listeners.remove(update)

    # -- events ----------------------------------------------------------------------

    @callback
    def _on_change(self, event: Event[EventStateChangedData]) -> None:
        now = dt_util.as_local(event.time_fired)  # the moment of the change
        state = event.data["new_state"]
        changed = False
        for key in self._keys[event.data["entity_id"]]:
            changed |= self._read(key, state, now)
        if changed:
            self.ledger.async_schedule_save()
            self._schedule(now)

    @callback
    def _on_time_zone(self, _event: Event[Any]) -> None:
        """Home Assistant's time zone changed: the day, the turns and every planned
        moment are read again on the new local clock."""
        self._schedule(dt_util.now())

    @callback
    def assess_at(self, key: str, moment: datetime | None) -> None:
        """Assess at `moment` (something of `key`'s falls due by the clock then);
        None: nothing of `key`'s. Kept until it passes.
        """
        if moment is None:
            self._wanted.pop(key, None)
        else:
            self._wanted[key] = moment
            self._arm(dt_util.now())

    def _arm(self, now: datetime) -> None:
        """One timer, for the first of the refresh, the turn and the wanted moments."""
        moments = [*self._wanted.values()]
        if self._assessed_at is not None:
            moments.append(self._assessed_at + REFRESH_EVERY)
        if self._turn is not None:
            moments.append(self._turn)
        if not moments:
            return
        due = min(moment.timestamp() for moment in moments)  # real time, across DST
        if due == self._due:
            return
        self._disarm()
        self._due = due
        delay = max(0.0, due - now.timestamp())
        self._timer = async_call_later(self.hass, delay, self._due_job)

    @callback
    def _on_due(self, _now: datetime) -> None:
        self._timer = self._due = None
        self.async_update()

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer()
            self._timer = self._due = None

    @callback
    def _schedule(self, now: datetime) -> None:
        """Assess soon: after the debounce while a token is left, else when the next
        token comes back.
        """
        if self._pending is not None:
            return
        delay = DEBOUNCE_SECONDS
        if (tokens := self._refill(now)) < 1:
            delay = max(delay, (1 - tokens) * ASSESS_EVERY.total_seconds())
        self._pending = async_call_later(self.hass, delay, self._pending_job)

    def _refill(self, now: datetime) -> float:
        """The tokens left: one back every ASSESS_EVERY since the last assessment."""
        if self._assessed_at is None:
            return self._tokens
        elapsed = (now - self._assessed_at) / ASSESS_EVERY
        return min(ASSESS_BURST, self._tokens + max(0.0, elapsed))

    @callback
    def _run_pending(self, _now: datetime) -> None:
        self._pending = None
        self.async_update()

    def _cancel_pending(self) -> None:
        if self._pending is not None:
            self._pending()
            self._pending = None

    @callback
    def _async_started(self, _hass: HomeAssistant) -> None:
        """At boot, read again what was not usable: its integration may be later.

        Missing sources are reported after a grace period.
        """
        now = dt_util.now()
        for key, entity_id in self.settings.sources.items():
            if self.readings[key].problem is not None:
                self._read(key, self.hass.states.get(entity_id), now)
        self._schedule(now)
        self._unsubs.append(
            async_call_later(self.hass, MISSING_GRACE_SECONDS, self._end_grace)
        )

    @callback
    def _end_grace(self, _now: datetime) -> None:
        """From now on a missing source is warned about and raises its repair issue."""
        self.health.report_missing = True
        now = dt_util.now()
        for key, entity_id in self.settings.sources.items():
            if self.readings[key].problem is Problem.MISSING:
                self._read(key, self.hass.states.get(entity_id), now)

    # -- reading sources -------------------------------------------------------------

    def _read_all(self) -> None:
        """Read every source's state as it is now."""
        now = dt_util.now()
        for key, entity_id in self.settings.sources.items():
            self._read(key, self.hass.states.get(entity_id), now)

    def _read(self, key: str, state: State | None, now: datetime) -> bool:
        """Read one source's new state into the readings and the ledger; whether
        anything the model sees changed.
        """
        unit = self.hass.config.units.temperature_unit
        counted = False
        if key in TEMPERATURE_SOURCES:
            reading = read_temperature(state, unit)
        elif key in HUMIDITY_SOURCES:
            reading = read_humidity(state)
        elif key in COUNTER_SOURCES:
            reading = self._read_counter(key, state)
            if reading.value is not None:
                counted = self._count(key, reading.value, state, now)
        elif key == CONF_WORKOUT:
            on = read_switch(state)
            counted = on != self.workout_on
            self.workout_on = on
            self.ledger.set_workout(on, now)
            reading = (
                Reading(1.0)
                if on is not None
                else Reading.bad(
                    Problem.MISSING if state is None else Problem.UNAVAILABLE
                )
            )
        else:  # the weather entity
            reading, humidity = read_weather(state, unit)
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
        return abs(reading.value - old.value) >= threshold

    def _read_counter(self, key: str, state: State | None) -> Reading:
        if is_single_record(state):
            return Reading.bad(Problem.SINGLE_RECORD)
        if key == CONF_ACTIVITY:
            return read_activity(state, self.settings.activity_metric)
        return read_water(state, self.settings.water_unit)

    def _count(
        self, key: str, value: float, state: State | None, now: datetime
    ) -> bool:
        """Feed a counter's reading through its kind and add what it gave; whether
        anything was added.
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
        if step.at is not None:
            self._counted[key] = self._counted.get(key, 0.0) + step.amount
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
        return self._counted.get(key, 0.0) >= threshold

    def counter_status(self, key: str, now: datetime) -> bool | None:
        """A counter source: True while usable, False while its last count is held
        through a short outage, None when it is not configured or out for too long.
        """
        return self.health.counter_status(key, now)

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

    def _record_heat(self, key: str, now: datetime) -> None:
        """Keep the day's highest indoor heat index and the hourly outdoor peak."""
        if key in ROOM_SOURCES:
            if (temp := self._value(CONF_ROOM_TEMPERATURE)) is not None:
                self.ledger.record_heat(
                    heat_index_c(temp, self._value(CONF_ROOM_HUMIDITY)), now
                )
        elif key in OUTDOOR_SOURCES:
            temp, humidity = self._outdoor()
            if temp is not None:
                self.ledger.record_outdoor(temp, humidity, now)

    # -- assessing -------------------------------------------------------------------

    def build_inputs(self, now: datetime) -> tuple[RiskInputs, Day]:
        """The model's inputs for `now` from the readings and the ledger."""
        counters = {key: self.counter_status(key, now) for key in COUNTER_SOURCES}
        return build_inputs(now, self.settings, self.ledger, self._value, counters)

    @callback
    def async_update(self) -> None:
        """Assess now and tell the entities."""
        self._cancel_pending()
        now = dt_util.now()
        self._tokens = max(0.0, self._refill(now) - 1)  # a hand log never waits
        self._assessed_at = now
        self._assessed = dict(self.readings)
        self._counted.clear()
        if self._turn is None or now >= self._turn:  # the day or the sleep window
            profile = self.settings.profile
            self._turn = min(next_at(now, profile.wake), next_at(now, profile.bed))
        if self._wanted:
            self._wanted = {k: m for k, m in self._wanted.items() if m > now}
        self._arm(now)
        self.ledger.today(now)  # rolls the ledger over at the wake time
        inputs, day = self.build_inputs(now)
        workout = bool(self.workout_on) or any(b.end is None for b in inputs.bouts)
        assessment = assess(inputs)
        shown = settled(self.snapshot.risk if self.snapshot else None, assessment)
        self.snapshot = Snapshot(
            inputs,
            assessment,
            day,
            workout,
            recent_cramps(self.ledger, now),
            None if shown is assessment else shown,
        )
        for update in list(self._listeners):
            update()
