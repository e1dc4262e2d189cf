"""Replay the demo person's last 40 days through Cramp Guard's own code.

The demo's sources are template entities of the local time (demo_sources.yaml). Here
each template is rendered at every past moment (its `now()` given that moment: every
10 minutes, every minute in the last 24 h), and what it says is fed, as the engine
feeds a live reading, into a scratch ledger (never saved); the model's inputs are
built with `inputs.build_inputs` and assessed with `risk.assess`, and the score shown
follows the engine's hysteresis (`settled`). At the start of every hour the ledger
keeps its sample of the index, as the engine does live, and in the night after each
hot day (every HOT_EVERY-th, with a long run) a cramp is logged at 02:30: so the
card's "How it has matched your cramps" has 40 days of days that differ to show.
Every 10 minutes the counter sources' freshness is looked at as the engine looks at
it, so their usual gaps are learnt (a phone put in a drawer hours ago - the demo's
input_boolean.demo_phone_in_drawer - is stale at the first look).
The result is one sample a minute of the states the entities would have shown in
the last 24 h, and the replayed ledger: the live person continues it
(`Engine.async_continue`), so the live index goes on from the replay's last minute
whatever the hour.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.template import Template
import yaml

from custom_components.cramp_guard.const import (
    CONF_ROOM_HUMIDITY,
    CONF_ROOM_TEMPERATURE,
    CONF_WORKOUT,
    COUNTER_SOURCES,
)
from custom_components.cramp_guard.freshness import Freshness
from custom_components.cramp_guard.inputs import build_inputs
from custom_components.cramp_guard.ledger import CrampRecord, Ledger
from custom_components.cramp_guard.pacing import REFRESH_EVERY
from custom_components.cramp_guard.risk import assess, heat_index_c
from custom_components.cramp_guard.risk.types import Assessment, RiskInputs
from custom_components.cramp_guard.sensor import SENSOR_FACTORS
from custom_components.cramp_guard.snapshot import settled

WINDOW = timedelta(hours=24)  # what the recorder gets: the "Today" graph
STEP = timedelta(minutes=1)
HISTORY = timedelta(days=40)  # what the ledger gets
HISTORY_STEP = timedelta(minutes=10)
HOT_EVERY = 8  # demo_sources.yaml: a hot day with a long run when d % 8 == 0
NIGHT_CRAMP = time(2, 30)  # in the night after a hot day


@dataclass(frozen=True, slots=True)
class Sample:
    """What the sources said and the entities would have shown at one minute: each
    entity's state as Home Assistant writes it ("unavailable" when it has none)."""

    at: datetime
    states: dict[str, str]


async def _templates(hass: HomeAssistant) -> dict[str, Template]:
    """The demo's source templates by entity id (found by their unique ids)."""
    path = Path(hass.config.path("demo_sources.yaml"))
    text = await hass.async_add_executor_job(path.read_text, "utf-8")
    registry = er.async_get(hass)
    found: dict[str, Template] = {}
    for block in yaml.safe_load(text):
        for domain, entities in block.items():
            for entity in entities:
                entity_id = registry.async_get_entity_id(
                    domain, "template", entity["unique_id"]
                )
                if entity_id is not None:
                    found[entity_id] = Template(entity["state"], hass)
    return found


def number(text: str) -> float | None:
    """A state as a number: on/off as 1/0, None when it is not a number."""
    if text in ("on", "off"):
        return float(text == "on")
    try:
        return float(text)
    except ValueError:
        return None


def _render(templates: dict[str, Template], at: datetime) -> dict[str, str]:
    """Every template's state at `at` (its `now()` is `at`); a binary sensor's as
    on/off."""
    variables = {"now": lambda: at}
    states = {}
    for entity_id, template in templates.items():
        text = str(template.async_render(variables, parse_result=False)).strip()
        if entity_id.startswith("binary_sensor."):
            text = "on" if text.lower() in ("true", "on", "1") else "off"
        states[entity_id] = text
    return states


class _Replay:
    """A scratch ledger (never saved) fed minute by minute, as the engine feeds its
    ledger live; the person's ledger takes it over afterwards (`Engine.async_continue`).
    """

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        self.settings = entry.runtime_data.engine.settings
        self.ledger = Ledger(
            hass, f"{entry.entry_id}_replay", self.settings.profile.wake
        )
        self.readings: dict[str, float | None] = {}
        self.workout: bool | None = None
        self.shown: Assessment | None = None
        self.cramped: set[date] = set()  # the hot days whose night cramp is logged
        # Each counter source's value and when it last changed (a template entity
        # writes its state only when it changes: when it last reported too), and
        # when the counters' freshness was last looked at.
        self.changed: dict[str, tuple[float, datetime]] = {}
        self.looked: datetime | None = None

    def read(self, sources: dict[str, str], at: datetime) -> None:
        """Take one minute's source states."""
        entity_of = self.settings.sources
        self.ledger.today(at)
        for key, entity_id in entity_of.items():
            self.readings[key] = number(sources.get(entity_id, "unavailable"))
        for key in COUNTER_SOURCES:
            if key in entity_of and (value := self.readings.get(key)) is not None:
                self.ledger.count(key, *self.settings.counter(key), value, at)
                if (key not in self.changed) or self.changed[key][0] != value:
                    self.changed[key] = (value, at)
        temp = self.readings.get(CONF_ROOM_TEMPERATURE)
        if temp is not None:
            self.ledger.record_heat(
                heat_index_c(temp, self.readings.get(CONF_ROOM_HUMIDITY)), at
            )
        on = self.readings.get(CONF_WORKOUT)
        if CONF_WORKOUT in entity_of and on is not None and bool(on) != self.workout:
            self.workout = bool(on)
            self.ledger.set_workout(self.workout, at)

    def look(self, at: datetime) -> None:
        """Every REFRESH_EVERY, the counter sources' moments as the engine's
        assessments look at them (`SourceReader.check_freshness`): their usual gaps
        are learnt from the replayed days, and a source silent at the end (the
        phone in a drawer) is stale at once."""
        if self.looked is not None and at - self.looked < REFRESH_EVERY:
            return
        self.looked = at
        profile = self.settings.profile
        for key, (value, changed) in self.changed.items():
            fresh = self.ledger.freshness.setdefault(key, Freshness())
            fresh.observe(value, changed, changed, profile.wake, profile.bed)

    def night_cramp(self, at: datetime) -> None:
        """Log the cramp of the night after a hot day once its moment has come."""
        hot_day = at.date() - timedelta(days=1)
        cramp = datetime.combine(at.date(), NIGHT_CRAMP, tzinfo=at.tzinfo)
        if hot_day.toordinal() % HOT_EVERY or at < cramp or hot_day in self.cramped:
            return
        self.cramped.add(hot_day)
        self.ledger.add_cramp(CrampRecord(cramp, "calf", "night"))

    def sample(self, at: datetime) -> None:
        """At the start of an hour: the ledger keeps the index shown and each factor's
        sub-score, as the engine does live."""
        if self.shown is None or at.minute or at.second:
            return
        subs = {
            key: factor.sub_score if factor.available else None
            for key, factor in self.shown.factors.items()
        }
        self.ledger.add_sample(at, self.shown.score, subs)

    def assess(self, at: datetime) -> tuple[Assessment, Assessment, RiskInputs]:
        """The assessment at `at`, the one the risk sensors would show, and the
        inputs."""
        counters = {
            key: True for key in COUNTER_SOURCES if key in self.settings.sources
        }
        inputs, _day = build_inputs(
            at, self.settings, self.ledger, self.readings.get, counters
        )
        assessment = assess(inputs)
        self.shown = settled(self.shown, assessment)
        return assessment, self.shown, inputs


def _ours(hass: HomeAssistant, entry: ConfigEntry) -> Callable[[str, str], str | None]:
    """The entity id of one of the person's entities, by its platform and key."""
    registry = er.async_get(hass)
    return lambda platform, key: registry.async_get_entity_id(
        platform, "cramp_guard", f"{entry.entry_id}_{key}"
    )


def _text(value: float | str | None) -> str:
    """A state as the entities write it: whole numbers, "unavailable" for None."""
    if value is None:
        return "unavailable"
    return value if isinstance(value, str) else str(round(value))


def _shown(
    assessment: Assessment, shown: Assessment, water_ml: float | None, workout: bool
) -> dict[tuple[str, str], str]:
    """The states of the person's entities (platform, key) after one assessment."""
    risk_on = any(shown.factors[k].available for k in SENSOR_FACTORS)
    pace = assessment.hydration_pace
    return {
        ("sensor", "cramp_risk"): _text(shown.score if risk_on else None),
        ("sensor", "risk_level"): _text(shown.level if risk_on else None),
        ("sensor", "hydration_pace"): _text(None if pace is None else 100 * pace),
        ("sensor", "water_today"): _text(water_ml),
        ("sensor", "water_target"): _text(assessment.water_target_ml),
        ("sensor", "heat_index"): _text(assessment.apparent_temp_c),
        ("binary_sensor", "workout_in_progress"): "on" if workout else "off",
    }


def _moments(first: datetime, fine: datetime, now: datetime) -> Iterator[datetime]:
    """Every HISTORY_STEP from `first` on, every minute from `fine` on, then `now`
    itself (the last one the live engine has seen too). Counted in UTC, read on the
    local clock: a DST night has 23 or 25 h."""
    step = first.astimezone(UTC)
    while (at := step.astimezone(now.tzinfo)) < now:
        yield at
        step += STEP if at >= fine else HISTORY_STEP
    yield now


async def async_replay(
    hass: HomeAssistant, entry: ConfigEntry, now: datetime
) -> tuple[list[Sample], Ledger]:
    """One sample a minute over the 24 h before `now`, and one at `now`; and the
    ledger of the replayed 40 days. Replayed from a wake time, so that every day in
    the ledger is whole."""
    templates = await _templates(hass)
    replay = _Replay(hass, entry)
    entity = _ours(hass, entry)
    start = (now - WINDOW).replace(second=0, microsecond=0)
    samples: list[Sample] = []
    wake = replay.settings.profile.wake
    first = datetime.combine(replay.ledger.day_of(now - HISTORY), wake, start.tzinfo)
    fine = datetime.combine(replay.ledger.day_of(start), wake, start.tzinfo)
    for at in _moments(first, fine, now):
        sources = _render(templates, at)
        replay.read(sources, at)
        replay.look(at)
        replay.night_cramp(at)
        assessment, shown, inputs = replay.assess(at)
        replay.sample(at)
        if at < start:
            continue
        workout = bool(replay.workout) or any(b.end is None for b in inputs.bouts)
        states = dict(sources)
        for (platform, key), text in _shown(
            assessment, shown, inputs.water_ml, workout
        ).items():
            if (entity_id := entity(platform, key)) is not None:
                states[entity_id] = text
        samples.append(Sample(at, states))
    return samples, replay.ledger
