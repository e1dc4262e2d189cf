"""The morning check-in (personal.md section 6): "Any cramps last night?" half an
hour after the wake time, answered on a phone, by the action or on the card, and
withdrawn at noon unanswered."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
import pytest
import voluptuous as vol

from custom_components.cramp_guard.const import DOMAIN
from custom_components.cramp_guard.learning import epoch_minute, row_minute
from custom_components.cramp_guard.ledger import night_before
from custom_components.cramp_guard.prompt_policy import (
    Facts,
    Kind,
    Prefs,
    PromptState,
    checkin_answerable,
    due,
    mark_sent,
    next_moment,
    no_longer_holds,
)
from custom_components.cramp_guard.websocket_api import card_payload

from .conftest import Sources, engine_of, make_entry, setup_entry
from .test_prompts import ALEX, DAY, SIMPLE, TZ, Clock, _state, _tap, at, clock

__all__ = ["clock"]  # the fixture, shared with test_prompts

CHECKIN: dict[str, Any] = {**SIMPLE, "morning_checkin": True}
PHONE: dict[str, Any] = {**CHECKIN, "notify_targets": ["mobile_app_pixel"]}
CRAMPS = "sensor.alex_cramps_30_days"


def _facts(hour: int, minute: int = 0, *, open_: bool = True) -> Facts:
    """Facts of the morning of DAY (wake 07:00), the check-in open or not."""
    return Facts(
        now=at(hour, minute),
        day=DAY.date(),
        awake=True,
        wake_at=at(7),
        level="low",
        hydration_pace=None,
        last_stretch=None,
        checkin_open=open_,
    )


def test_the_checkin_is_asked_once_a_morning_in_its_window() -> None:
    """From 30 minutes after the wake time until noon, once; not while off or
    answered; the reminders switch does not silence it; withdrawn at noon."""
    prefs, state = Prefs(reminders_on=False), PromptState()
    assert due(prefs, state, _facts(7, 29)) == []
    assert next_moment(prefs, state, _facts(7, 29)) == at(7, 30)
    assert due(prefs, state, _facts(7, 30, open_=False)) == []
    assert due(prefs, state, _facts(7, 30)) == [Kind.CHECKIN]
    mark_sent(state, Kind.CHECKIN, at(7, 30))
    assert due(prefs, state, _facts(8)) == []  # once a morning
    assert next_moment(prefs, state, _facts(8)) == at(12)  # to withdraw it
    assert no_longer_holds(state, _facts(11, 59)) == []
    assert no_longer_holds(state, _facts(11, 59, open_=False)) == [Kind.CHECKIN]
    assert no_longer_holds(state, _facts(12)) == [Kind.CHECKIN]
    assert checkin_answerable(_facts(7))
    assert not checkin_answerable(_facts(12))
    assert not checkin_answerable(_facts(9, open_=False))


def test_a_late_wake_time_keeps_the_checkin_open_for_four_hours() -> None:
    """Wake at 11:00: asked at 11:30, open until 15:30."""
    late = replace(_facts(15, 29), wake_at=at(11))
    assert due(Prefs(), PromptState(), late) == [Kind.CHECKIN]
    assert due(Prefs(), PromptState(), replace(late, now=at(15, 30))) == []


async def test_asked_on_the_phone_answered_yes_then_no(
    hass: HomeAssistant, clock: Clock, hass_storage: dict[str, Any]
) -> None:
    """At 07:30 the phone asks with two buttons; "Yes" logs a night cramp in the
    middle of the night (02:30), clears the question and is saved; "No" by the
    action takes it back. The next morning it is asked again."""
    clock.freezer.move_to(at(6))
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(hass, make_entry("Alex", entry_id=ALEX, **PHONE))
    assert await clock.walk(at(7, 20), timedelta(minutes=10)) == []
    arrived = await clock.to(at(7, 31))
    assert [(s.at, s.kind) for s in arrived] == [(at(7, 31), "checkin")]
    data = arrived[0].data
    assert data["title"] == "Alex: any cramps last night?"
    assert data["data"]["actions"] == [
        {"action": f"CRAMP_GUARD_NIGHT_NO_{ALEX}", "title": "No"},
        {"action": f"CRAMP_GUARD_NIGHT_YES_{ALEX}", "title": "Yes"},
    ]
    assert card_payload(hass, entry)["checkin"] == {"open": True}

    await _tap(hass, f"CRAMP_GUARD_NIGHT_YES_{ALEX}")
    await clock.to(timedelta(seconds=6))
    assert _state(hass, CRAMPS) == "1"
    snapshot = engine_of(entry).snapshot
    assert snapshot is not None
    assert snapshot.cramps == ((at(2, 30), "night"),)
    assert [s.kind for s in clock.cleared] == ["checkin"]
    assert card_payload(hass, entry)["checkin"] == {"open": False}
    saved = hass_storage[f"{DOMAIN}.{ALEX}"]["data"]
    assert saved["nights"] == {"2026-06-16": True}

    response = await hass.services.async_call(
        DOMAIN,
        "answer_checkin",
        {"config_entry_id": ALEX, "answer": "no"},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    assert response["cramps_30_days"] == 0
    assert _state(hass, CRAMPS) == "0"
    assert await clock.walk(at(7, 20, DAY + timedelta(days=1)), timedelta(hours=1))
    arrived = await clock.to(at(7, 31, DAY + timedelta(days=1)))
    assert [s.kind for s in arrived] == ["checkin"]


async def test_unanswered_it_is_withdrawn_at_noon(
    hass: HomeAssistant, clock: Clock
) -> None:
    """Without a phone: a persistent notification at 07:30, dismissed at noon."""
    clock.freezer.move_to(at(6))
    Sources(hass).set(room_temperature=21)
    await setup_entry(hass, make_entry("Alex", entry_id=ALEX, **CHECKIN))
    await clock.walk(at(12, 10), timedelta(minutes=10))
    created = [(when, text) for when, _, text in clock.persistent]
    assert [when for when, _ in created] == [at(7, 30)]
    assert "Answer with the buttons, or on the Cramp Guard card" in created[0][1]
    assert [when for when, _ in clock.dismissed] == [at(12)]


async def test_a_night_cramp_logged_is_an_answer(
    hass: HomeAssistant, clock: Clock
) -> None:
    """A cramp logged in the night already says how the night was: not asked."""
    clock.freezer.move_to(at(2))
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(hass, make_entry("Alex", entry_id=ALEX, **PHONE))
    await hass.services.async_call(
        DOMAIN, "log_cramp", {"config_entry_id": ALEX}, blocking=True
    )
    assert await clock.walk(at(12, 10), timedelta(minutes=10)) == []
    assert card_payload(hass, entry)["checkin"] == {"open": False}


async def test_off_by_default(hass: HomeAssistant, clock: Clock) -> None:
    """Without the option: never asked, nothing on the card."""
    clock.freezer.move_to(at(6))
    Sources(hass).set(room_temperature=21)
    options = {**SIMPLE, "notify_targets": ["mobile_app_pixel"]}
    entry = await setup_entry(hass, make_entry("Alex", entry_id=ALEX, **options))
    arrived = await clock.walk(at(12, 10), timedelta(minutes=10))
    assert "checkin" not in [s.kind for s in arrived]
    assert card_payload(hass, entry)["checkin"] is None


async def test_a_bad_answer_is_refused(hass: HomeAssistant, clock: Clock) -> None:
    """Only yes or no; nothing written."""
    clock.freezer.move_to(at(8))
    Sources(hass).set(room_temperature=21)
    await setup_entry(hass, make_entry("Alex", entry_id=ALEX, **CHECKIN))
    with pytest.raises((vol.Invalid, HomeAssistantError)):
        await hass.services.async_call(
            DOMAIN,
            "answer_checkin",
            {"config_entry_id": ALEX, "answer": "maybe"},
            blocking=True,
        )
    assert _state(hass, CRAMPS) == "0"


async def test_an_answer_survives_a_restart_and_old_nights_are_dropped(
    hass: HomeAssistant, clock: Clock
) -> None:
    """Answered "no" before the question came: after a reload it is not asked. A
    night's answer is kept 90 days, like the days."""
    clock.freezer.move_to(at(7, 10))
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(hass, make_entry("Alex", entry_id=ALEX, **PHONE))
    await hass.services.async_call(
        DOMAIN,
        "answer_checkin",
        {"config_entry_id": ALEX, "answer": "no"},
        blocking=True,
    )
    assert await hass.config_entries.async_reload(entry.entry_id)
    assert await clock.walk(at(12, 10), timedelta(minutes=10)) == []
    ledger = engine_of(entry).ledger
    assert ledger.nights == {DAY.date(): False}
    ledger.nights[DAY.date() - timedelta(days=91)] = True
    ledger.today(at(8, day=DAY + timedelta(days=1)))  # a new day is started
    assert ledger.nights == {DAY.date(): False}


def test_the_night_asked_about() -> None:
    """Bed at 22:00: from the evening before; at 00:30: from that morning; the middle
    in real time, across the change to summer time too."""
    night = night_before(DAY.date(), time(7), time(22), TZ)
    assert (night.start, night.end, night.middle) == (
        at(22, day=DAY - timedelta(days=1)),
        at(7),
        at(2, 30),
    )
    late = night_before(DAY.date(), time(7), time(0, 30), TZ)
    assert (late.start, late.middle) == (at(0, 30), at(3, 45))
    spring = night_before(date(2026, 3, 29), time(7), time(22), TZ)  # 8 real hours
    assert spring.middle == datetime(2026, 3, 29, 3, tzinfo=TZ)
    assert spring.holds(spring.middle)
    assert not spring.holds(spring.end)


async def test_unanswered_nights_are_left_out_of_what_is_learnt(
    hass: HomeAssistant, clock: Clock
) -> None:
    """With the check-in on, from its first answer: the samples of a night that got
    no answer and no cramp are unknown, left out of the evaluation and the personal
    weights; answered, they count again."""
    clock.freezer.move_to(at(6))
    Sources(hass).set(room_temperature=21)
    entry = await setup_entry(hass, make_entry("Alex", entry_id=ALEX, **CHECKIN))
    engine = engine_of(entry)
    await clock.to(at(7, 10))
    await _answer(hass, "no")
    tomorrow = DAY + timedelta(days=1)
    await clock.walk(at(9, 0, tomorrow), timedelta(minutes=30))

    def night(rows: tuple[str, ...]) -> list[str]:
        first, end = epoch_minute(at(22)), epoch_minute(at(7, day=tomorrow))
        return [row for row in rows if first <= row_minute(row) < end]

    kept = engine.ledger.sample_rows()
    assert len(night(kept)) == 9  # 22:00 ... 06:00
    snapshot = engine.snapshot
    assert snapshot is not None
    assert night(snapshot.learnt.rows) == []
    assert len(snapshot.learnt.rows) == len(kept) - 9

    await _answer(hass, "no")
    snapshot = engine.snapshot
    assert snapshot is not None
    assert len(night(snapshot.learnt.rows)) == 9


async def _answer(hass: HomeAssistant, answer: str) -> None:
    await hass.services.async_call(
        DOMAIN,
        "answer_checkin",
        {"config_entry_id": ALEX, "answer": answer},
        blocking=True,
    )
