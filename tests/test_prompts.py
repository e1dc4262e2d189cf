"""Prompts end to end: a fake phone, a clock, and what arrives when.

A fake `notify.mobile_app_pixel` (from `async_mock_service`) stands in for a phone.
The clock moves in steps; after each step the test notes which notifications arrived.
Covered: a hard day in which every kind of prompt fires exactly when it should and
never otherwise, the "+1 glass" tap, restarts around the reminder time, DST days, two
people, the taps' routing, the silencers, the frequent-cramp advice, and a broken
notify target with its fix flow.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from http import HTTPStatus
import logging
import re
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import persistent_notification
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import CoreState, HomeAssistant, ServiceCall, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.translation import async_get_translations
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_mock_service,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion

from custom_components.cramp_guard import actions, notifier
from custom_components.cramp_guard.const import DOMAIN
from custom_components.cramp_guard.messages import Message
from custom_components.cramp_guard.notifier import (
    EVENT_ACTION,
    ROUTER,
    Action,
    Notifier,
)
from custom_components.cramp_guard.prompts import Prompter, async_remove_store
from custom_components.cramp_guard.texts import load_texts

from .conftest import (
    PERSON,
    Sources,
    advance,
    ledger_days,
    ledger_file,
    make_entry,
    saved_ledger,
    setup_entry,
    storage_file,
)

TZ = ZoneInfo("Europe/Berlin")
DAY = datetime(2026, 6, 16, tzinfo=TZ)
STEP = timedelta(minutes=10)
ALEX, SAM = "01JALEX0000000000000000000", "01JSAM00000000000000000000"
LOGGER = "custom_components.cramp_guard"
HARD_DAY: dict[str, Any] = PERSON | {
    "main_activity": "running",
    "notify_targets": ["mobile_app_pixel"],
}
SIMPLE: dict[str, Any] = {"room_temperature": "sensor.room_temperature"}


def at(hour: int, minute: int = 0, day: datetime = DAY) -> datetime:
    """A local moment of `day`."""
    return day.replace(hour=hour, minute=minute)


def _history(hass_storage: dict[str, Any], entry_id: str) -> None:
    """A saved ledger with 27 completed days of 7000 steps."""
    loads = dict.fromkeys(range(1, 28), 7000.0)
    hass_storage[f"cramp_guard.{entry_id}"] = ledger_file(
        entry_id, saved_ledger(ledger_days(DAY.date(), loads))
    )


def _prompts_file(hass_storage: dict[str, Any], entry_id: str, data: Any) -> None:
    """The prompts store of a person, saved with this data."""
    key = f"{DOMAIN}.{entry_id}.prompts"
    hass_storage[key] = storage_file(key, data)


def _added_at(hass_storage: dict[str, Any], entry_id: str, when: datetime) -> None:
    """A person first set up at `when` (the prompts store keeps the moment)."""
    _prompts_file(hass_storage, entry_id, {"state": {"set_up_at": when.isoformat()}})


@dataclass
class Sent:
    """One notification: when, where, what."""

    at: datetime
    target: str
    data: dict[str, Any]

    @property
    def kind(self) -> str:
        """The prompt kind, from the tag."""
        return str(self.data["data"]["tag"]).split("_", 3)[3]

    @property
    def clears(self) -> bool:
        """Whether this is the companion apps' request to clear the tag."""
        return bool(self.data["message"] == "clear_notification")


@dataclass
class Clock:
    """Moves time and notes what each fake notify service received: the prompts
    (`sent`, also what `note()` returns) and the requests to clear one (`cleared`),
    and the persistent notifications created and dismissed."""

    hass: HomeAssistant
    freezer: FrozenDateTimeFactory
    phones: dict[str, list[ServiceCall]] = field(default_factory=dict)
    persistent: list[tuple[datetime, str, str]] = field(default_factory=list)
    dismissed: list[tuple[datetime, str]] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    cleared: list[Sent] = field(default_factory=list)
    _seen: dict[str, int] = field(default_factory=dict)

    def phone(self, target: str, **kwargs: Any) -> None:
        """Register a fake notify.<target>."""
        self.phones[target] = async_mock_service(self.hass, "notify", target, **kwargs)
        self._seen.setdefault(target, 0)

    def listen_persistent(self) -> None:
        """Note every persistent notification created or replaced, and dismissed.

        A prompt replaces the previous one of its kind (same notification id):
        Home Assistant 2025.4 reports that as ADDED, 2026.x as UPDATED.
        """

        @callback
        def added(
            kind: persistent_notification.UpdateType, items: dict[str, Any]
        ) -> None:
            if kind in (
                persistent_notification.UpdateType.ADDED,
                persistent_notification.UpdateType.UPDATED,
            ):
                for notification_id, item in items.items():
                    self.persistent.append(
                        (self.now(), notification_id, item["message"])
                    )
            elif kind is persistent_notification.UpdateType.REMOVED:
                self.dismissed.extend((self.now(), i) for i in items)

        persistent_notification.async_register_callback(self.hass, added)

    def now(self) -> datetime:
        """The frozen time, local to Home Assistant's time zone."""
        return dt_util.now()

    def note(self) -> list[Sent]:
        """The prompts that arrived since the last look (clears go to `cleared`)."""
        new = []
        for target, calls in self.phones.items():
            for call in calls[self._seen[target] :]:
                new.append(Sent(self.now(), target, dict(call.data)))
            self._seen[target] = len(calls)
        self.cleared.extend(s for s in new if s.clears)
        prompts = [s for s in new if not s.clears]
        self.sent.extend(prompts)
        return prompts

    async def to(self, when: datetime | timedelta) -> list[Sent]:
        """Move the clock, run what is due, and return what arrived."""
        await advance(self.hass, self.freezer, when)
        return self.note()

    async def walk(self, until: datetime, step: timedelta) -> list[Sent]:
        """Move in steps until `until`; everything that arrived on the way."""
        arrived: list[Sent] = []
        while self.now() + step <= until:
            arrived += await self.to(step)
        return arrived


@pytest.fixture
async def clock(
    hass: HomeAssistant, berlin: None, freezer: FrozenDateTimeFactory
) -> Clock:
    """The clock, with a phone `mobile_app_pixel` registered."""
    result = Clock(hass, freezer)
    result.phone("mobile_app_pixel")
    result.listen_persistent()
    return result


async def _tap(hass: HomeAssistant, action: str) -> None:
    hass.bus.async_fire(EVENT_ACTION, {"action": action})
    await hass.async_block_till_done()


def _state(hass: HomeAssistant, entity_id: str) -> str:
    return hass.states.get(entity_id).state


async def _set_reminder(hass: HomeAssistant, name: str, value: str) -> None:
    await hass.services.async_call(
        "time",
        "set_value",
        {"entity_id": f"time.{name}_evening_reminder", "time": value},
        blocking=True,
    )


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Cramp Guard's warnings so far."""
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == LOGGER and r.levelno == logging.WARNING
    ]


def _prompter(entry: MockConfigEntry) -> Prompter:
    prompter: Prompter = entry.runtime_data.prompter
    return prompter


# -- a hard day, as a new user would try it -------------------------------------------


async def test_a_hard_day(
    hass: HomeAssistant,
    clock: Clock,
    hass_storage: dict[str, Any],
    snapshot: SnapshotAssertion,
) -> None:
    """Every kind of prompt fires exactly when it should, and never otherwise.

    A morning of steady drinking, a hot afternoon and a 75-minute run at 16:00:
    the level turns high (one alert), the pace drops below 0.75 (one hydration
    prompt with "+1 glass" / "Snooze 1 h"); a tap on "+1 glass" raises Water today
    by the glass size; drinking more keeps the pace up. At 20:30 the evening reminder
    with the running stretches. Nothing at night. Each prompt that stops holding is
    cleared on the phone at once, and once: hydration back at pace (the tap), high
    risk once the level is below high.
    """
    clock.freezer.move_to(at(6, 55))
    entry = make_entry("Alex", entry_id=ALEX, **HARD_DAY)
    _history(hass_storage, ALEX)
    Sources(hass).set(steps=0, room_temperature=22, room_humidity=50, water=0)
    await setup_entry(hass, entry)
    await hass.services.async_call(
        "number",
        "set_value",
        {"entity_id": "number.alex_glass_size", "value": 300},
        blocking=True,
    )
    engine = entry.runtime_data.engine
    morning = {at(8): 250, at(9): 500, at(10, 30): 750, at(12): 1000, at(13, 30): 1250}
    morning[at(15)] = 1500
    after_tap = {at(17, 40): 2000, at(18): 2300, at(18, 30): 2500, at(19): 2600}
    after_tap |= {at(19, 30): 2700, at(20): 2800, at(21): 2900}
    steps, water = 0.0, 0.0
    should: list[tuple[datetime, str]] = []  # what the day's facts call for
    should_clear: list[tuple[datetime, str]] = []  # the prompts that stopped holding
    shown: set[str] = set()
    high_seen = tapped = False

    def stopped_holding(now: datetime) -> None:
        assessment = engine.snapshot.assessment
        gone = {
            "high_risk": assessment.level not in ("high", "very_high"),
            "hydration": (assessment.hydration_pace or 0) >= 0.75,
            "evening": False,  # no stretch today
        }
        for kind in sorted(k for k in shown if gone[k]):
            shown.discard(kind)
            should_clear.append((now, kind))

    while clock.now() < at(23):
        now = clock.now() + timedelta(minutes=5)
        steps += 800 if at(16) < now <= at(17, 15) else 25 if now <= at(16) else 0
        water = (morning | (after_tap if tapped else {})).get(now, water)
        if now == at(14):
            Sources(hass).set(room_temperature=29, room_humidity=55)
        Sources(hass).set(steps=steps, water=water)
        arrived = await clock.to(now)
        assessment = engine.snapshot.assessment
        if assessment.level in ("high", "very_high") and not high_seen:
            high_seen = True
            should.append((now, "high_risk"))
        pace = assessment.hydration_pace
        behind = pace is not None and pace < 0.75
        if behind and not any(k == "hydration" for _, k in should):
            should.append((now, "hydration"))
        if now == at(20, 30):
            should.append((now, "evening"))
        stopped_holding(now)
        shown.update(s.kind for s in arrived)
        for prompt in (s for s in arrived if s.kind == "hydration"):
            before = float(_state(hass, "sensor.alex_water_today"))
            await _tap(hass, prompt.data["data"]["actions"][0]["action"])
            assert float(_state(hass, "sensor.alex_water_today")) == before + 300
            tapped = True
            assert clock.note() == []  # its clear, if any, is in clock.cleared
            stopped_holding(now)

    assert tapped
    assert [(s.at, s.kind) for s in clock.sent] == sorted(should)
    assert [k for _, k in sorted(should)] == ["high_risk", "hydration", "evening"]
    assert all(s.target == "mobile_app_pixel" for s in clock.sent)
    assert not clock.persistent
    evening = clock.sent[-1].data["message"]
    assert "Calf" in evening
    assert "Hamstring" in evening
    assert "Quadriceps" in evening
    assert [s.data for s in clock.sent] == snapshot
    assert [(s.at, s.kind) for s in clock.cleared] == should_clear
    assert [k for _, k in should_clear] == ["hydration", "high_risk"]
    assert {s.data["data"]["tag"] for s in clock.cleared} == {
        f"cramp_guard_{ALEX}_hydration",
        f"cramp_guard_{ALEX}_high_risk",
    }


# -- restarts and DST ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("down", "back", "expected"),
    [
        (at(18, 55), at(18, 58), [at(19)]),  # just before: on time
        (at(19, 2), at(19, 3), [at(19)]),  # just after: not again
        (at(18, 55), at(20, 30), [at(20, 30)]),  # down at 19:00, back within 2 h
        (at(18, 55), at(21, 15), []),  # back too late
    ],
)
async def test_restart_around_the_reminder(
    hass: HomeAssistant,
    clock: Clock,
    down: datetime,
    back: datetime,
    expected: list[datetime],
) -> None:
    """The reminder at 19:00 comes once, late within 2 h, never twice."""
    clock.freezer.move_to(at(12))
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(
        hass,
        make_entry(
            "Alex", entry_id=ALEX, **SIMPLE, notify_targets=["mobile_app_pixel"]
        ),
    )
    await _set_reminder(hass, "alex", "19:00:00")
    await clock.to(at(18, 50))
    await clock.walk(down, timedelta(minutes=1))
    assert await hass.config_entries.async_unload(entry.entry_id)
    await clock.to(back)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    clock.note()
    assert _state(hass, "time.alex_evening_reminder") == "19:00:00"
    await clock.walk(at(21, 55), timedelta(minutes=1))
    assert [(s.at, s.kind) for s in clock.sent] == [(m, "evening") for m in expected]


async def _log_water(hass: HomeAssistant, amount: float) -> None:
    await hass.services.async_call(
        DOMAIN,
        "log_water",
        {"config_entry_id": ALEX, "amount": amount},
        blocking=True,
    )


@pytest.mark.parametrize(
    ("zone", "day"),
    [
        ("Europe/Berlin", datetime(2026, 3, 29)),  # 02:00 -> 03:00, a 23-hour day
        ("Europe/Berlin", datetime(2026, 10, 25)),  # 03:00 -> 02:00, 25 hours
        ("America/New_York", datetime(2026, 3, 8)),  # 02:00 -> 03:00
        ("America/New_York", datetime(2026, 11, 1)),  # 02:00 -> 01:00
    ],
)
async def test_dst_day_sends_the_reminder_once(
    hass: HomeAssistant, clock: Clock, zone: str, day: datetime
) -> None:
    """Clocks change at night: one reminder that day, at 20:30, and the day's water
    is what was logged from its midnight to the next."""
    await hass.config.async_set_time_zone(zone)
    start = day.replace(tzinfo=ZoneInfo(zone)) - timedelta(hours=3)  # 21:00 before
    clock.freezer.move_to(start)
    Sources(hass).set(room_temperature=21)
    await setup_entry(
        hass,
        make_entry(
            "Alex", entry_id=ALEX, **SIMPLE, notify_targets=["mobile_app_pixel"]
        ),
    )
    local = day.replace(tzinfo=ZoneInfo(zone))
    await _log_water(hass, 400)
    # The awake day runs from the wake time (07:00) to the next: the night of the
    # change (23 or 25 hours long) is the day before's. 01:30 happens twice on the day
    # clocks go back (logged once, at the first), 02:30 never on the day they go on.
    for hour, minute in ((0, 30), (1, 30), (4, 0)):
        await clock.walk(at(hour, minute, local), STEP)
        await _log_water(hass, 100)
    await clock.walk(at(6, 50, local), STEP)
    assert _state(hass, "sensor.alex_water_today") == "700"
    await clock.walk(at(7, 10, local), STEP)
    assert _state(hass, "sensor.alex_water_today") == "unknown"
    for hour, minute in ((12, 0), (23, 50)):
        await clock.walk(at(hour, minute, local), STEP)
        await _log_water(hass, 100)
    assert _state(hass, "sensor.alex_water_today") == "200"
    await clock.walk(at(7, 10, local + timedelta(days=1)), STEP)
    assert _state(hass, "sensor.alex_water_today") == "unknown"
    assert [(s.at.date(), s.at.time()) for s in clock.sent if s.kind == "evening"] == [
        (day.date(), time(20, 30))
    ]


@pytest.mark.parametrize(
    ("change_at", "zone", "water", "expected"),
    [
        # West before the reminder: 20:30 comes by the new zone's clock, once.
        (at(14), "America/New_York", "300", [datetime(2026, 6, 16, 20, 30)]),
        # West after it was sent: 20:30 of the same date comes again; not resent.
        (at(21), "America/New_York", "300", [datetime(2026, 6, 16, 20, 30)]),
        # East past midnight (04:00 there, still the awake day that began in
        # Berlin): its water stays, the next day brings its own reminder.
        (
            at(21),
            "Asia/Tokyo",
            "300",
            [datetime(2026, 6, 16, 20, 30), datetime(2026, 6, 17, 20, 30)],
        ),
        # East into the next awake day (06:50 -> 13:50): a new day at once.
        (
            at(6, 50, DAY + timedelta(days=1)),
            "Asia/Tokyo",
            "unknown",
            [datetime(2026, 6, 16, 20, 30), datetime(2026, 6, 17, 20, 30)],
        ),
    ],
)
async def test_a_time_zone_change_keeps_one_reminder_a_day(
    hass: HomeAssistant,
    clock: Clock,
    change_at: datetime,
    zone: str,
    water: str,
    expected: list[datetime],
) -> None:
    """Home Assistant's time zone changes mid-day (a move, a corrected setting): the
    reminder follows the new local clock, at most once per local date, and the
    water logged that day stays that day's."""
    clock.freezer.move_to(at(9))
    Sources(hass).set(room_temperature=21)
    await setup_entry(
        hass,
        make_entry(
            "Alex", entry_id=ALEX, **SIMPLE, notify_targets=["mobile_app_pixel"]
        ),
    )
    await clock.walk(at(10), STEP)
    await _log_water(hass, 300)
    await clock.walk(change_at, STEP)
    await hass.config.async_update(time_zone=zone)  # as the settings page does
    await clock.to(timedelta(0))
    assert _state(hass, "sensor.alex_water_today") == water
    await clock.walk(change_at.astimezone(ZoneInfo(zone)).replace(hour=23), STEP)
    # Each reminder at the wall-clock time of the zone in force when it was sent.
    assert [
        s.at.replace(tzinfo=None) for s in clock.sent if s.kind == "evening"
    ] == expected


# -- taps, two people ------------------------------------------------------------------


async def test_two_people_with_separate_targets(
    hass: HomeAssistant, clock: Clock
) -> None:
    """Each person's prompts go to their phone, and each tap to its person."""
    clock.phone("mobile_app_iphone")
    clock.freezer.move_to(at(12))
    Sources(hass).set(room_temperature=21)
    alex = await setup_entry(
        hass,
        make_entry(
            "Alex", entry_id=ALEX, **SIMPLE, notify_targets=["mobile_app_pixel"]
        ),
    )
    sam = await setup_entry(
        hass,
        make_entry("Sam", entry_id=SAM, **SIMPLE, notify_targets=["mobile_app_iphone"]),
    )

    arrived = await clock.walk(at(20, 30), timedelta(minutes=10))
    assert {(s.target, s.data["data"]["tag"]) for s in arrived} == {
        ("mobile_app_pixel", f"cramp_guard_{ALEX}_evening"),
        ("mobile_app_iphone", f"cramp_guard_{SAM}_evening"),
    }
    by_target = {s.target: s.data["data"]["actions"] for s in arrived}
    assert [a["action"] for a in by_target["mobile_app_iphone"]] == [
        f"CRAMP_GUARD_DONE_{SAM}",
        f"CRAMP_GUARD_SNOOZE_30M_{SAM}",
    ]

    # Sam taps "Done": Sam's stretch is logged, not Alex's.
    await _tap(hass, f"CRAMP_GUARD_DONE_{SAM}")
    stretched = datetime.fromisoformat(_state(hass, "sensor.sam_last_stretch"))
    assert stretched == at(20, 30)
    assert _state(hass, "sensor.alex_last_stretch") == "unknown"
    # Alex snoozes: Alex's reminder comes back 30 min later, once; Sam's does not.
    await _tap(hass, f"CRAMP_GUARD_SNOOZE_30M_{ALEX}")
    arrived = await clock.walk(at(21, 50), timedelta(minutes=5))
    assert [(s.at, s.target, s.kind) for s in arrived] == [
        (at(21), "mobile_app_pixel", "evening")
    ]
    assert alex.runtime_data.engine is not sam.runtime_data.engine


async def test_taps_for_unknown_or_unloaded_entries_are_ignored(
    hass: HomeAssistant, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    """One debug line for a tap nobody owns, none for other integrations' taps."""
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    clock.freezer.move_to(at(12))
    Sources(hass).set(room_temperature=21)
    alex = await setup_entry(hass, make_entry("Alex", entry_id=ALEX, **SIMPLE))
    sam = await setup_entry(hass, make_entry("Sam", entry_id=SAM, **SIMPLE))

    def lines(text: str) -> list[str]:
        return [r.getMessage() for r in caplog.records if text in r.getMessage()]

    await _tap(hass, "CRAMP_GUARD_GLASS_01JNOBODY00000000000000000")
    assert len(lines("CRAMP_GUARD_GLASS_01JNOBODY00000000000000000")) == 1
    await _tap(hass, "ALARM_SNOOZE")
    assert not lines("ALARM_SNOOZE")
    await _tap(hass, "CRAMP_GUARD_DANCE_" + ALEX)
    assert len(lines("DANCE")) == 1

    assert await hass.config_entries.async_unload(sam.entry_id)
    await _tap(hass, f"CRAMP_GUARD_GLASS_{SAM}")
    assert len(lines(f"CRAMP_GUARD_GLASS_{SAM}")) == 1
    assert _state(hass, "sensor.alex_water_today") == "unknown"

    await _tap(hass, f"CRAMP_GUARD_GLASS_{ALEX}")
    assert _state(hass, "sensor.alex_water_today") == "250"
    assert await hass.config_entries.async_unload(alex.entry_id)
    assert ROUTER not in hass.data
    assert not hass.bus.async_listeners().get(EVENT_ACTION)


async def test_hydration_actions(
    hass: HomeAssistant, clock: Clock, hass_storage: dict[str, Any]
) -> None:
    """ "Snooze 1 h" holds the next prompt back; "+1 glass" logs the glass size."""
    clock.freezer.move_to(at(11, 30))  # added at 11:30: quiet until 12:00
    Sources(hass).set(room_temperature=21, water=0)
    options = {**SIMPLE, "water": "sensor.water", "water_unit": "mL"}
    await setup_entry(
        hass,
        make_entry(
            "Alex", entry_id=ALEX, **options, notify_targets=["mobile_app_pixel"]
        ),
    )
    arrived = await clock.to(at(12, 1))
    assert [(s.at, s.kind) for s in arrived] == [(at(12, 1), "hydration")]
    lever = re.search(
        r"^Drinking (\d+) mL now would bring the cramp risk index to (\d+)\.$",
        arrived[0].data["message"],
        re.M,
    )
    assert lever, arrived[0].data["message"]
    amount, score = (int(n) for n in lever.groups())
    assert amount % 50 == 0
    assert 0 < amount <= 500
    assert score < int(_state(hass, "sensor.alex_cramp_risk"))
    assert arrived[0].data["data"]["actions"][1] == {
        "action": f"CRAMP_GUARD_SNOOZE_1H_{ALEX}",
        "title": "Snooze 1 h",
    }
    await clock.to(at(13, 20))
    await _tap(hass, f"CRAMP_GUARD_SNOOZE_1H_{ALEX}")
    arrived = await clock.walk(at(15), timedelta(minutes=5))
    assert [(s.at, s.kind) for s in arrived] == [(at(14, 20), "hydration")]
    saved = hass_storage[f"cramp_guard.{ALEX}.prompts"]["data"]
    assert saved["state"]["hydration_sent_today"] == 2
    await async_remove_store(hass, ALEX)
    assert f"cramp_guard.{ALEX}.prompts" not in hass_storage


# -- prompts that stop holding, a new person's quiet period ---------------------------

WATER: dict[str, Any] = {**SIMPLE, "water": "sensor.water", "water_unit": "mL"}
CLEAR = "clear_notification"


def _clear(kind: str) -> dict[str, Any]:
    """What a phone gets to take back a prompt of `kind`."""
    return {"message": CLEAR, "data": {"tag": f"cramp_guard_{ALEX}_{kind}"}}


async def test_water_logged_clears_the_hydration_prompt(
    hass: HomeAssistant,
    clock: Clock,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """ "Log water" brings the pace back: the phone clears the prompt, the persistent
    notification that stood in for a missing phone is dismissed, a notify service
    that cannot take a notification back is left alone; once, and no new warning."""
    clock.phone("family")
    clock.freezer.move_to(at(11))
    _added_at(hass_storage, ALEX, at(7))
    Sources(hass).set(room_temperature=21, water=0)
    targets = ["mobile_app_pixel", "family", "mobile_app_gone"]
    await setup_entry(
        hass, make_entry("Alex", entry_id=ALEX, **WATER, notify_targets=targets)
    )
    arrived = await clock.to(timedelta(minutes=1))
    assert [(s.target, s.kind) for s in arrived] == [
        ("mobile_app_pixel", "hydration"),
        ("family", "hydration"),
    ]
    tag = f"cramp_guard_{ALEX}_hydration"
    assert [i for _, i, _ in clock.persistent] == [tag]  # for mobile_app_gone

    await clock.to(at(11, 20))
    await _log_water(hass, 1500)
    await clock.to(timedelta(0))
    assert [(s.at, s.target, s.data) for s in clock.cleared] == [
        (at(11, 20), "mobile_app_pixel", _clear("hydration"))
    ]
    assert clock.dismissed == [(at(11, 20), tag)]
    assert await clock.walk(at(13), STEP) == []
    assert len(clock.cleared) == 1
    assert len(clock.dismissed) == 1
    warnings = _warnings(caplog)
    assert len(warnings) == 1  # the failed send; the failed clear adds none
    assert "could not send to notify.mobile_app_gone" in warnings[0]


@pytest.mark.parametrize("how", ["button", "action", "tap"])
async def test_a_stretch_clears_the_evening_reminder(
    hass: HomeAssistant, clock: Clock, hass_storage: dict[str, Any], how: str
) -> None:
    """A stretch logged after the reminder (the button, the action, a tap on
    "Done") clears it on the phone, once."""
    clock.freezer.move_to(at(19))
    _added_at(hass_storage, ALEX, at(7))
    Sources(hass).set(room_temperature=21)
    await setup_entry(
        hass,
        make_entry(
            "Alex", entry_id=ALEX, **SIMPLE, notify_targets=["mobile_app_pixel"]
        ),
    )
    arrived = await clock.walk(at(20, 30), STEP)
    assert [(s.at, s.kind) for s in arrived] == [(at(20, 30), "evening")]
    await clock.to(at(20, 40))
    if how == "button":
        await hass.services.async_call(
            "button", "press", {"entity_id": "button.alex_log_stretch"}, blocking=True
        )
    elif how == "action":
        await hass.services.async_call(
            DOMAIN, "log_stretch", {"config_entry_id": ALEX}, blocking=True
        )
    else:
        await _tap(hass, f"CRAMP_GUARD_DONE_{ALEX}")
    await clock.to(timedelta(0))
    assert [(s.at, s.data) for s in clock.cleared] == [(at(20, 40), _clear("evening"))]
    assert clock.dismissed == []  # there was no persistent notification
    assert await clock.walk(at(21, 50), STEP) == []
    assert len(clock.cleared) == 1


async def test_risk_back_below_high_clears_the_alert(
    hass: HomeAssistant, clock: Clock, hass_storage: dict[str, Any]
) -> None:
    """A cramp in a hot room: the level is high, the alert goes out. The room cools,
    the level falls to moderate: cleared on the phone, the persistent one dismissed.
    Hot again (not re-armed, so no new alert): nothing to clear twice."""
    clock.freezer.move_to(at(15))
    _added_at(hass_storage, ALEX, at(7))
    Sources(hass).set(room_temperature=34, room_humidity=70, water=0)
    options = {**WATER, "room_humidity": "sensor.room_humidity"}
    targets = ["mobile_app_pixel", "persistent_notification"]
    await setup_entry(
        hass, make_entry("Alex", entry_id=ALEX, **options, notify_targets=targets)
    )
    assert [s.kind for s in clock.note()] == ["hydration"]  # no water: behind, stays
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.alex_log_cramp"}, blocking=True
    )
    arrived = await clock.to(timedelta(minutes=1))
    assert [s.kind for s in arrived] == ["high_risk"]
    tag = f"cramp_guard_{ALEX}_high_risk"
    assert [i for _, i, _ in clock.persistent][-1] == tag

    await clock.to(at(15, 20))
    Sources(hass).set(room_temperature=21, room_humidity=50)
    await clock.to(timedelta(minutes=1))
    assert _state(hass, "sensor.alex_risk_level") == "moderate"
    assert [(s.at, s.data) for s in clock.cleared] == [
        (at(15, 21), _clear("high_risk"))
    ]
    assert clock.dismissed == [(at(15, 21), tag)]
    Sources(hass).set(room_temperature=34, room_humidity=70)
    assert await clock.walk(at(16), STEP) == []
    assert len(clock.cleared) == 1


async def test_a_new_person_gets_no_prompt_in_the_first_30_minutes(
    hass: HomeAssistant, clock: Clock, hass_storage: dict[str, Any]
) -> None:
    """Added at noon with no water logged: far behind, but nothing until 12:30 - a
    reload at 12:15 does not start the quiet period again - then the prompt."""
    clock.freezer.move_to(at(12))
    Sources(hass).set(room_temperature=21, water=0)
    entry = await setup_entry(
        hass,
        make_entry("Alex", entry_id=ALEX, **WATER, notify_targets=["mobile_app_pixel"]),
    )
    saved = hass_storage[f"cramp_guard.{ALEX}.prompts"]["data"]["state"]
    assert saved["set_up_at"] == at(12).isoformat()
    assert await clock.walk(at(12, 15), timedelta(minutes=1)) == []
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert await clock.walk(at(12, 29), timedelta(minutes=1)) == []
    assert clock.persistent == []
    arrived = await clock.to(at(12, 30))
    assert [(s.at, s.kind) for s in arrived] == [(at(12, 30), "hydration")]


async def test_the_evening_reminder_waits_for_the_quiet_period(
    hass: HomeAssistant, clock: Clock
) -> None:
    """Added at 20:20: the 20:30 reminder comes at 20:50, within its late window."""
    clock.freezer.move_to(at(20, 20))
    Sources(hass).set(room_temperature=21)
    await setup_entry(
        hass,
        make_entry(
            "Alex", entry_id=ALEX, **SIMPLE, notify_targets=["mobile_app_pixel"]
        ),
    )
    arrived = await clock.walk(at(21, 30), timedelta(minutes=1))
    assert [(s.at, s.kind) for s in arrived] == [(at(20, 50), "evening")]


async def test_a_restart_keeps_the_shown_prompts(
    hass: HomeAssistant, clock: Clock, hass_storage: dict[str, Any]
) -> None:
    """A hydration prompt shown, Home Assistant down, water drunk meanwhile: the
    prompt is cleared as the entry is back (the shown prompts are stored), once."""
    clock.freezer.move_to(at(12))
    _added_at(hass_storage, ALEX, at(7))
    Sources(hass).set(room_temperature=21, water=0)
    entry = await setup_entry(
        hass,
        make_entry("Alex", entry_id=ALEX, **WATER, notify_targets=["mobile_app_pixel"]),
    )
    assert [s.kind for s in clock.note()] == ["hydration"]
    await clock.to(at(12, 10))
    assert await hass.config_entries.async_unload(entry.entry_id)
    saved = hass_storage[f"cramp_guard.{ALEX}.prompts"]["data"]["state"]
    assert saved["shown"] == {"hydration": at(12).isoformat()}

    await clock.to(at(12, 30))
    Sources(hass).set(water=1500)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert clock.note() == []
    assert [(s.at, s.data) for s in clock.cleared] == [
        (at(12, 30), _clear("hydration"))
    ]
    assert await hass.config_entries.async_reload(entry.entry_id)
    assert await clock.walk(at(13), STEP) == []
    assert len(clock.cleared) == 1
    saved = hass_storage[f"cramp_guard.{ALEX}.prompts"]["data"]["state"]
    assert saved["shown"] == {}


async def test_a_prompt_due_again_replaces_yesterdays(
    hass: HomeAssistant, clock: Clock, hass_storage: dict[str, Any]
) -> None:
    """Down from 21:00 to 09:30 the next day: yesterday's hydration prompt no longer
    holds, but a new one is due - it replaces the old one (same tag), with no clear
    that could race it; yesterday's evening reminder is cleared."""
    clock.freezer.move_to(at(12))
    _added_at(hass_storage, ALEX, at(7))
    Sources(hass).set(room_temperature=21, water=0)
    entry = await setup_entry(
        hass,
        make_entry("Alex", entry_id=ALEX, **WATER, notify_targets=["mobile_app_pixel"]),
    )
    assert [s.kind for s in clock.note()] == ["hydration"]
    assert "evening" in {s.kind for s in await clock.to(at(21))}
    assert await hass.config_entries.async_unload(entry.entry_id)
    tomorrow = DAY + timedelta(days=1)
    await clock.to(at(9, 30, tomorrow))
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert [(s.at, s.kind) for s in clock.note()] == [
        (at(9, 30, tomorrow), "hydration")
    ]
    assert [(s.at, s.kind) for s in clock.cleared] == [(at(9, 30, tomorrow), "evening")]


async def test_clearing_never_raises(
    hass: HomeAssistant,
    clock: Clock,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Clearing on a phone that raises or never answers (cut at SEND_TIMEOUT) costs
    a warning and the fixable issue, like a send, and the rest is still cleared."""
    clock.phone("family")
    clock.phone("mobile_app_broken", raise_exception=HomeAssistantError("no push"))

    async def hang(_call: ServiceCall) -> None:
        await asyncio.Event().wait()

    hass.services.async_register("notify", "mobile_app_stuck", hang)
    clock.freezer.move_to(at(12))
    targets = ["mobile_app_broken", "mobile_app_stuck", "family", "mobile_app_pixel"]
    sender = Notifier(hass, ALEX, "Alex", targets)
    tag = f"cramp_guard_{ALEX}_hydration"
    persistent_notification.async_create(hass, "Drink", notification_id=tag)
    clearing = hass.async_create_background_task(
        sender.async_clear("hydration"), "test clear"
    )
    await clock.to(timedelta(seconds=notifier.SEND_TIMEOUT - 2))
    assert not clearing.done()  # still waiting for the stuck phone
    await clock.to(timedelta(seconds=3))
    await clearing
    assert [(s.target, s.data) for s in clock.cleared] == [
        ("mobile_app_broken", _clear("hydration")),  # asked, and it raised
        ("mobile_app_pixel", _clear("hydration")),
    ]
    assert [i for _, i in clock.dismissed] == [tag]
    warnings = _warnings(caplog)
    assert warnings == [
        "Alex: could not clear a prompt on notify.mobile_app_broken (no push)",
        "Alex: could not clear a prompt on notify.mobile_app_stuck (TimeoutError)",
    ]
    for target in ("mobile_app_broken", "mobile_app_stuck"):
        assert issue_registry.async_get_issue(
            DOMAIN, f"broken_notify_target_{ALEX}_{target}"
        )


# -- silencers, persistence ------------------------------------------------------------


async def test_switch_and_snooze_silence_prompts(
    hass: HomeAssistant, clock: Clock, hass_storage: dict[str, Any]
) -> None:
    """Switch off: nothing (kept across a reload). On again within 2 h: sent late.

    The next day, a snooze over the reminder time drops it.
    """
    clock.freezer.move_to(at(12))
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(
        hass,
        make_entry(
            "Alex", entry_id=ALEX, **SIMPLE, notify_targets=["mobile_app_pixel"]
        ),
    )
    await hass.services.async_call(
        "switch", "turn_off", {"entity_id": "switch.alex_reminders"}, blocking=True
    )
    await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert _state(hass, "switch.alex_reminders") == "off"
    saved = hass_storage[f"cramp_guard.{ALEX}.prompts"]["data"]
    assert saved["prefs"]["reminders_on"] is False
    assert await clock.walk(at(20, 50), timedelta(minutes=10)) == []
    await hass.services.async_call(
        "switch", "turn_on", {"entity_id": "switch.alex_reminders"}, blocking=True
    )
    arrived = await clock.to(timedelta(minutes=1))
    assert [(s.at, s.kind) for s in arrived] == [(at(20, 51), "evening")]

    tomorrow = DAY + timedelta(days=1)
    await clock.to(at(20, 0, tomorrow))
    _prompter(entry).async_snooze(timedelta(hours=3))
    assert await clock.walk(at(23, 0, tomorrow), timedelta(minutes=5)) == []


async def test_send_stretch_reminder_counts_as_todays(
    hass: HomeAssistant, clock: Clock
) -> None:
    """Sent on request at 19:00 (as a persistent notification by default)."""
    clock.freezer.move_to(at(12))
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(hass, make_entry("Alex", entry_id=ALEX, **SIMPLE))
    await clock.to(at(19))
    await _prompter(entry).async_send_stretch_reminder()
    await clock.walk(at(21, 50), timedelta(minutes=10))
    assert [(m, i) for m, i, _ in clock.persistent] == [
        (at(19), f"cramp_guard_{ALEX}_evening")
    ]
    assert clock.persistent[0][2].startswith("Today's cramp risk index:")


async def test_prompts_wait_until_home_assistant_has_started(
    hass: HomeAssistant,
    clock: Clock,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Booting at 20:45 after being down at 20:30: the phone's notify service is
    not there yet. The late reminder goes to the phone once Home Assistant runs."""
    clock.freezer.move_to(at(20, 45))
    _prompts_file(hass_storage, ALEX, {"state": {"day": DAY.date().isoformat()}})
    hass.set_state(CoreState.not_running)
    Sources(hass).set(room_temperature=21)
    await setup_entry(
        hass,
        make_entry(
            "Alex", entry_id=ALEX, **SIMPLE, notify_targets=["mobile_app_phone"]
        ),
    )
    assert clock.note() == []
    clock.phone("mobile_app_phone")
    hass.set_state(CoreState.running)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await hass.async_block_till_done()
    assert [(s.target, s.kind) for s in clock.note()] == [
        ("mobile_app_phone", "evening")
    ]
    assert not [
        r for r in caplog.records if r.levelno >= logging.WARNING and r.name == LOGGER
    ]


# -- frequent cramps -------------------------------------------------------------------


async def test_frequent_cramps_raise_advice_that_goes_away(
    hass: HomeAssistant, clock: Clock, issue_registry: ir.IssueRegistry
) -> None:
    """Three cramps in 14 days: the advice; 14 days later it is gone again.

    Two night cramps in 7 days raise it too.
    """
    clock.freezer.move_to(at(12))
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(hass, make_entry("Alex", entry_id=ALEX, **SIMPLE))
    issue_id = f"frequent_cramps_{ALEX}"
    for _ in range(2):
        await hass.services.async_call(
            "button", "press", {"entity_id": "button.alex_log_cramp"}, blocking=True
        )
        await clock.to(timedelta(minutes=1))
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    await hass.services.async_call(
        "button", "press", {"entity_id": "button.alex_log_cramp"}, blocking=True
    )
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert not issue.is_fixable
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.translation_key == "frequent_cramps"
    assert issue.translation_placeholders == {
        "name": "Alex",
        "count": "3",
        "nights": "0",
    }
    translations = await async_get_translations(hass, "en", "issues", [DOMAIN])
    text = translations[f"component.{DOMAIN}.issues.frequent_cramps.description"]
    for words in ("{name}", "{count}", "{nights}", "health professional", "pregnancy"):
        assert words in text

    await clock.to(at(12, 1) + timedelta(days=14))
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None  # 2 in 14 days
    await clock.to(timedelta(days=1))

    engine = entry.runtime_data.engine
    actions.async_log(engine, "cramp", {"context": "night"})
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    actions.async_log(engine, "cramp", {"context": "night"})
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue.translation_placeholders == {
        "name": "Alex",
        "count": "2",
        "nights": "2",
    }

    ir.async_create_issue(
        hass,
        "other",
        "keep",
        is_fixable=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key="keep",
    )
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert issue_registry.async_get_issue("other", "keep")


async def test_a_severe_cramp_raises_the_advice_until_undone_or_old(
    hass: HomeAssistant, clock: Clock, issue_registry: ir.IssueRegistry
) -> None:
    """One cramp logged as severe brings the same advice (its own text); undoing
    it withdraws the advice, and 14 days after the cramp it goes by itself. When
    cramps are frequent as well, the frequent-cramps text (with its counts) shows."""
    clock.freezer.move_to(at(12))
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(hass, make_entry("Alex", entry_id=ALEX, **SIMPLE))
    engine = entry.runtime_data.engine
    issue_id = f"frequent_cramps_{ALEX}"
    actions.async_log(engine, "cramp", {"severity": "moderate"})
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None

    await clock.to(timedelta(minutes=1))
    actions.async_log(engine, "cramp", {"severity": "severe"})
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert not issue.is_fixable
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.translation_key == "severe_cramp"
    assert issue.translation_placeholders == {"name": "Alex"}
    translations = await async_get_translations(hass, "en", "issues", [DOMAIN])
    text = translations[f"component.{DOMAIN}.issues.severe_cramp.description"]
    assert load_texts("en")["see_professional"] in text
    for words in ("{name}", "severe", "undone", "14 days"):
        assert words in text

    actions.async_undo(engine, kind="cramp")  # the severe one, the last
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None

    await clock.to(timedelta(minutes=1))
    actions.async_log(engine, "cramp", {"severity": "severe"})
    assert issue_registry.async_get_issue(DOMAIN, issue_id).translation_key == (
        "severe_cramp"
    )
    await clock.to(timedelta(minutes=1))
    actions.async_log(engine, "cramp", {})  # the third in 14 days: frequent
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue.translation_key == "frequent_cramps"
    assert issue.translation_placeholders["count"] == "3"

    # 14 days on: the first cramp is older than 14 days, the severe one is not.
    await clock.to(at(12) + timedelta(days=14, seconds=30))
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue.translation_key == "severe_cramp"
    await clock.to(at(12) + timedelta(days=14, hours=1))
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


# -- targets ---------------------------------------------------------------------------


async def test_payloads_per_kind_of_target(hass: HomeAssistant, clock: Clock) -> None:
    """Phones get tag and actions; other notify services the tag only; the
    persistent notification replaces the previous one of its kind."""
    clock.phone("family")
    clock.freezer.move_to(at(12))
    Sources(hass).set(room_temperature=21)
    targets = ["mobile_app_pixel", "family", "persistent_notification"]
    await setup_entry(
        hass, make_entry("Alex", entry_id=ALEX, **SIMPLE, notify_targets=targets)
    )
    arrived = await clock.walk(at(20, 30), timedelta(minutes=30))
    assert {s.target: s.data["data"] for s in arrived} == {
        "mobile_app_pixel": {
            "tag": f"cramp_guard_{ALEX}_evening",
            "actions": [
                {"action": f"CRAMP_GUARD_DONE_{ALEX}", "title": "Done"},
                {"action": f"CRAMP_GUARD_SNOOZE_30M_{ALEX}", "title": "Snooze 30 min"},
            ],
        },
        "family": {"tag": f"cramp_guard_{ALEX}_evening"},
    }
    assert [i for _, i, _ in clock.persistent] == [f"cramp_guard_{ALEX}_evening"]


async def _start_fix(client: Any, issue_id: str) -> dict[str, Any]:
    resp = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    assert resp.status == HTTPStatus.OK
    return await resp.json()


@pytest.mark.freeze_time(at(20, 20))
async def test_broken_target(
    hass: HomeAssistant,
    clock: Clock,
    hass_storage: dict[str, Any],
    hass_client: ClientSessionGenerator,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A missing target: one warning, a fixable issue, a persistent notification
    instead. The fix flow offers the notify services and replaces the target."""
    assert await async_setup_component(hass, "repairs", {})
    assert await async_setup_component(hass, "notify", {})
    _added_at(hass_storage, ALEX, at(19))  # not in its quiet period at 20:30
    Sources(hass).set(room_temperature=21)
    targets = ["mobile_app_gone", "mobile_app_pixel"]
    entry = await setup_entry(
        hass, make_entry("Alex", entry_id=ALEX, **SIMPLE, notify_targets=targets)
    )
    prompter = _prompter(entry)
    issue_id = f"broken_notify_target_{ALEX}_mobile_app_gone"

    arrived = await clock.to(at(20, 30))
    assert [s.target for s in arrived] == ["mobile_app_pixel"]
    await prompter.async_send_stretch_reminder()  # a second prompt
    await hass.async_block_till_done()
    warnings = _warnings(caplog)
    assert len(warnings) == 1
    assert "notify.mobile_app_gone" in warnings[0]
    assert [i for _, i, _ in clock.persistent] == [f"cramp_guard_{ALEX}_evening"] * 2
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue.is_fixable
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.translation_placeholders == {
        "name": "Alex",
        "target": "notify.mobile_app_gone",
    }
    assert issue.data == {"entry_id": ALEX, "target": "mobile_app_gone"}

    clock.phone("mobile_app_tablet")
    client = await hass_client()
    result = await _start_fix(client, issue_id)
    assert result["type"] == "form"
    assert result["step_id"] == "replace"
    translations = await async_get_translations(hass, "en", "issues", [DOMAIN])
    step = f"component.{DOMAIN}.issues.broken_notify_target.fix_flow.step.replace"
    assert f"{step}.data.replacement" in translations
    assert f"{step}.data_description.replacement" in translations
    assert f"component.{DOMAIN}.issues.broken_notify_target.title" in translations
    assert result["description_placeholders"] == {
        "name": "Alex",
        "target": "notify.mobile_app_gone",
    }
    options = result["data_schema"][0]["selector"]["select"]["options"]
    assert [o["value"] for o in options] == [
        "persistent_notification",
        "mobile_app_pixel",
        "mobile_app_tablet",
    ]
    resp = await client.post(
        f"/api/repairs/issues/fix/{result['flow_id']}",
        json={"replacement": "mobile_app_tablet"},
    )
    assert (await resp.json())["type"] == "create_entry"
    await hass.async_block_till_done()
    assert entry.options["notify_targets"] == ["mobile_app_tablet", "mobile_app_pixel"]
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    await _prompter(entry).async_send_stretch_reminder()
    await hass.async_block_till_done()
    assert [s.target for s in clock.note()] == ["mobile_app_pixel"] * 2 + [
        "mobile_app_tablet"
    ]


async def test_target_that_raises_and_recovers(
    hass: HomeAssistant,
    clock: Clock,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A target that raises: fallback and issue; once it works, the issue goes."""
    clock.phone("mobile_app_pixel", raise_exception=HomeAssistantError("push failed"))
    clock.freezer.move_to(at(19))
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(
        hass,
        make_entry(
            "Alex", entry_id=ALEX, **SIMPLE, notify_targets=["mobile_app_pixel"]
        ),
    )
    issue_id = f"broken_notify_target_{ALEX}_mobile_app_pixel"
    await _prompter(entry).async_send_stretch_reminder()
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id)
    assert len(clock.persistent) == 1
    assert "push failed" in caplog.text

    clock.phone("mobile_app_pixel")
    await _prompter(entry).async_send_stretch_reminder()
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert len(clock.persistent) == 1

    # Removing the entry takes a broken target's issue along.
    clock.phone("mobile_app_pixel", raise_exception=HomeAssistantError("again"))
    await _prompter(entry).async_send_stretch_reminder()
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id)
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


async def test_target_that_hangs_is_cut_off(
    hass: HomeAssistant,
    clock: Clock,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A notify service that never answers is cut off after SEND_TIMEOUT: the other
    target still gets the prompt, a persistent notification stands in, one warning
    for two prompts, the fixable issue, and no call left hanging."""
    calls: list[str] = []

    async def hang(_call: ServiceCall) -> None:
        calls.append("called")
        try:
            await asyncio.Event().wait()  # a push service that never answers
        except asyncio.CancelledError:
            calls.append("cancelled")
            raise

    hass.services.async_register("notify", "mobile_app_stuck", hang)
    clock.freezer.move_to(at(19))
    Sources(hass).set(room_temperature=21)
    targets = ["mobile_app_stuck", "mobile_app_pixel"]
    entry = await setup_entry(
        hass, make_entry("Alex", entry_id=ALEX, **SIMPLE, notify_targets=targets)
    )
    for _ in range(2):
        sending = hass.async_create_background_task(
            _prompter(entry).async_send_stretch_reminder(), "test send"
        )
        await clock.to(timedelta(seconds=notifier.SEND_TIMEOUT - 2))
        assert not sending.done()  # still waiting for the stuck phone
        await clock.to(timedelta(seconds=3))
        await sending
    assert calls == ["called", "cancelled"] * 2
    assert [s.target for s in clock.sent] == ["mobile_app_pixel"] * 2
    assert len(clock.persistent) == 2
    warnings = _warnings(caplog)
    assert len(warnings) == 1
    assert "notify.mobile_app_stuck (TimeoutError)" in warnings[0]
    assert issue_registry.async_get_issue(
        DOMAIN, f"broken_notify_target_{ALEX}_mobile_app_stuck"
    )


@pytest.mark.freeze_time(at(20))
async def test_fix_flow_edge_cases(
    hass: HomeAssistant,
    clock: Clock,
    hass_client: ClientSessionGenerator,
    issue_registry: ir.IssueRegistry,
) -> None:
    """The target already taken out: the choice is added. Entry gone: abort."""
    assert await async_setup_component(hass, "repairs", {})
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(
        hass,
        make_entry(
            "Alex", entry_id=ALEX, **SIMPLE, notify_targets=["mobile_app_pixel"]
        ),
    )
    data = {"entry_id": ALEX, "target": "mobile_app_gone"}
    issue_id = f"broken_notify_target_{ALEX}_mobile_app_gone"
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=True,
        severity=ir.IssueSeverity.WARNING,
        translation_key="broken_notify_target",
        translation_placeholders={"name": "Alex", "target": "notify.mobile_app_gone"},
        data=data,
    )
    client = await hass_client()
    result = await _start_fix(client, issue_id)
    resp = await client.post(
        f"/api/repairs/issues/fix/{result['flow_id']}",
        json={"replacement": "persistent_notification"},
    )
    assert (await resp.json())["type"] == "create_entry"
    await hass.async_block_till_done()
    assert entry.options["notify_targets"] == [
        "mobile_app_pixel",
        "persistent_notification",
    ]

    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=True,
        severity=ir.IssueSeverity.WARNING,
        translation_key="broken_notify_target",
        data=data,
    )
    result = await _start_fix(client, issue_id)
    assert result["type"] == "abort"
    assert result["reason"] == "entry_removed"


async def test_at_most_three_actions(hass: HomeAssistant, clock: Clock) -> None:
    """Android shows three actions: a fourth is never sent."""
    clock.freezer.move_to(at(12))
    notifier = Notifier(hass, ALEX, "Alex", ["mobile_app_pixel"])
    four = [Action(f"A{n}", f"Button {n}") for n in range(4)]
    await notifier.async_send("test", Message("Title", "Text"), four)
    (sent,) = clock.note()
    assert [a["action"] for a in sent.data["data"]["actions"]] == [
        f"CRAMP_GUARD_A{n}_{ALEX}" for n in range(3)
    ]


async def test_the_glass_size_is_the_numbers(hass: HomeAssistant, clock: Clock) -> None:
    """The Glass size number is the one place the glass size is set: kept across
    reloads and a change of the options, and what a "+1 glass" tap logs."""
    clock.freezer.move_to(at(12))
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(hass, make_entry("Alex", entry_id=ALEX, **SIMPLE))
    assert entry.minor_version == 3
    await hass.services.async_call(
        "number",
        "set_value",
        {"entity_id": "number.alex_glass_size", "value": 330},
        blocking=True,
    )
    await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert _state(hass, "number.alex_glass_size") == "330"

    hass.config_entries.async_update_entry(
        entry, options={**entry.options, "cramp_prone": True}
    )
    await hass.async_block_till_done()
    assert _state(hass, "number.alex_glass_size") == "330"
    await _tap(hass, f"CRAMP_GUARD_GLASS_{ALEX}")
    assert _state(hass, "sensor.alex_water_today") == "330"


def _old_prefs(glass_ml: float, options_glass_ml: float) -> dict[str, Any]:
    """Preferences saved before 1.2, with the options' size they were set against."""
    return {
        "reminders_on": False,
        "evening_time": "21:00:00",
        "glass_ml": glass_ml,
        "options_glass_ml": options_glass_ml,
    }


@pytest.mark.parametrize(
    ("stored", "glass"),
    [
        (None, "400"),  # never saved: the options' size
        (_old_prefs(330, 400), "330"),  # the number changed it last
        (_old_prefs(330, 250), "400"),  # the options changed it last (they won)
    ],
    ids=["no_store", "number_last", "options_last"],
)
async def test_an_entry_before_1_2_keeps_its_glass_size(
    hass: HomeAssistant,
    clock: Clock,
    hass_storage: dict[str, Any],
    stored: dict[str, Any] | None,
    glass: str,
) -> None:
    """Migration: the glass size leaves the options for the preferences, with the
    size the person last set, wherever they set it; the rest is kept."""
    clock.freezer.move_to(at(12))
    Sources(hass).set(room_temperature=21)
    if stored is not None:
        _prompts_file(
            hass_storage,
            ALEX,
            {
                "prefs": stored,
                "state": {"day": DAY.date().isoformat(), "hydration_sent_today": 2},
            },
        )
    entry = await setup_entry(
        hass, make_entry("Alex", entry_id=ALEX, **SIMPLE, glass_size=400)
    )

    assert (entry.version, entry.minor_version) == (1, 3)
    assert entry.options == SIMPLE
    assert _state(hass, "number.alex_glass_size") == glass
    prompter = entry.runtime_data.prompter
    assert prompter.prefs.reminders_on is (stored is None)
    assert prompter.state.hydration_sent_today == (0 if stored is None else 2)
    await hass.config_entries.async_unload(entry.entry_id)
    saved = hass_storage[f"{DOMAIN}.{ALEX}.prompts"]["data"]["prefs"]
    assert "options_glass_ml" not in saved


async def test_prompts_speak_home_assistants_language(
    hass: HomeAssistant, clock: Clock
) -> None:
    """With Home Assistant in German, the reminder and its buttons are German."""
    hass.config.language = "de"
    clock.freezer.move_to(at(19))
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(
        hass,
        make_entry(
            "Alex", entry_id=ALEX, **SIMPLE, notify_targets=["mobile_app_pixel"]
        ),
    )
    await _prompter(entry).async_send_stretch_reminder()
    await hass.async_block_till_done()
    [sent] = clock.note()
    german = load_texts("de")
    assert sent.data["title"] == german["evening_title"].format(name="Alex")
    assert german["dose"] in sent.data["message"]
    assert [a["title"] for a in sent.data["data"]["actions"]] == [
        german["action"]["done"],
        german["action"]["snooze_30m"],
    ]
