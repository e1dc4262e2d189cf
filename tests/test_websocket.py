"""The card's websocket commands (websocket_api.py; docs/card.md)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.util.unit_system import US_CUSTOMARY_SYSTEM
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    MockHAClientWebSocket,
    WebSocketGenerator,
)

from custom_components.cramp_guard.issues import async_frequent_cramps
from custom_components.cramp_guard.risk import FACTOR_KEYS

from .conftest import (
    ENTRY_ID,
    NOON,
    PERSON,
    USABLE,
    Sources,
    advance,
    engine_of,
    make_entry,
    setup_entry,
)

NOW = NOON
RISK = "sensor.alex_cramp_risk"
PAYLOAD_KEYS = {
    "loaded",
    "name",
    "available",
    "score",
    "level",
    "points",
    "history_points",
    "history",
    "multiplier",
    "confidence",
    "confidence_level",
    "confidence_hints",
    "history_days",
    "water",
    "see_professional",
    "checkin",
    "entities",
    "levers",
    "evaluation",
    "personal",
    "stale",
}
LEVER_KEYS = {"key", "amount", "unit", "score", "points"}
EVALUATION_KEYS = {
    "ready",
    "matched",
    "needed_events",
    "tracked_days",
    "needed_days",
    "high_events",
    "high_share_time",
    "lift",
}
PERSONAL_KEYS = {"learning", "active", "events", "tracked_days", "multipliers"}
# The evaluation before any sample or cramp: learning, nothing to show.
NOTHING_LEARNT = {
    "ready": False,
    "matched": 0,
    "needed_events": 5,
    "tracked_days": 0,
    "needed_days": 14,
    "high_events": 0,
    "high_share_time": None,
    "lift": None,
}
ENTITIES = {
    "cramp_risk": RISK,
    "water_today": "sensor.alex_water_today",
    "log_water": "button.alex_log_water",
    "log_stretch": "button.alex_log_stretch",
    "log_cramp": "button.alex_log_cramp",
}
# Every test runs in Berlin, from NOON.
pytestmark = pytest.mark.usefixtures("noon")


async def _subscribe(
    ws: MockHAClientWebSocket, entry_id: str = ENTRY_ID
) -> tuple[int, dict[str, Any]]:
    """Subscribe; the subscription's id and the first payload."""
    await ws.send_json_auto_id(
        {"type": "cramp_guard/card/subscribe", "config_entry_id": entry_id}
    )
    result = await ws.receive_json()
    assert result["success"], result
    assert result["result"] is None
    event = await ws.receive_json()
    assert event["type"] == "event"
    assert event["id"] == result["id"]
    return result["id"], event["event"]


def _check(hass: HomeAssistant, payload: dict[str, Any]) -> None:
    """Every key; the score is the sensor's state and the points add up to it."""
    assert set(payload) == PAYLOAD_KEYS
    state = hass.states.get(RISK)
    assert state is not None
    assert payload["score"] == int(state.state)
    assert payload["level"] == state.attributes["level"]
    assert payload["confidence"] == state.attributes["confidence"]
    points = [factor["points"] for factor in payload["points"]]
    assert sum(points) + payload["history_points"] == payload["score"]
    assert len(points) == 6
    assert points == sorted(points, reverse=True)
    for lever in payload["levers"]:
        assert set(lever) == LEVER_KEYS
        assert lever["key"] in {"water", "stretch", "cooler"}
        assert lever["score"] + lever["points"] >= payload["score"] - 1
    assert set(payload["evaluation"]) == EVALUATION_KEYS
    assert payload["evaluation"]["needed_events"] == 5
    assert payload["evaluation"]["needed_days"] == 14
    assert set(payload["personal"]) == PERSONAL_KEYS
    assert set(payload["personal"]["multipliers"]) == set(FACTOR_KEYS)


async def _press(hass: HomeAssistant, entity_id: str) -> None:
    await hass.services.async_call(
        "button", "press", {"entity_id": entity_id}, blocking=True
    )


async def test_people(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The loaded people, sorted by name; one not loaded is left out."""
    await setup_entry(hass, make_entry("bea", **PERSON))
    make_entry("Cleo", **PERSON).add_to_hass(hass)  # not loaded
    await setup_entry(hass, make_entry("Aaron", **PERSON))
    ws = await hass_ws_client(hass)
    await ws.send_json_auto_id({"type": "cramp_guard/people"})
    result = await ws.receive_json()
    assert result["success"]
    people = result["result"]["people"]
    assert [person["name"] for person in people] == ["Aaron", "Alex", "bea"]
    assert people[1] == {"config_entry_id": ENTRY_ID, "name": "Alex"}


async def test_subscribe_sends_the_card_data(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The first payload: the sensor's assessment, water, entities, no advice."""
    ws = await hass_ws_client(hass)
    _, payload = await _subscribe(ws)
    _check(hass, payload)
    snapshot = engine_of(init_integration).snapshot
    assert snapshot is not None
    assert payload["loaded"] is True
    assert payload["name"] == "Alex"
    assert payload["available"] is True
    assert payload["entities"] == ENTITIES
    assert payload["see_professional"] is False
    assert payload["history"] is None
    assert payload["history_points"] == 0
    assert payload["multiplier"] == 1.0
    assert payload["confidence_level"] == snapshot.risk.confidence_level
    assert "no_workload_history" in payload["confidence_hints"]
    assert payload["history_days"] == {"known": 0, "needed": 3}  # a new person
    water = payload["water"]
    assert water["today_ml"] == 800
    assert water["glass_ml"] == 250
    assert water["target_ml"] == round(snapshot.assessment.water_target_ml or 0)
    assert water["expected_ml"] == round(snapshot.assessment.water_expected_ml or 0)
    assert water["pace"] == round(snapshot.assessment.hydration_pace or 0, 2)
    for factor in payload["points"]:
        assert set(factor) == {"key", "points", "available"}


async def test_changes_are_pushed_and_unchanged_ones_not(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    sources: Sources,
    freezer: FrozenDateTimeFactory,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """A source change and a logged cramp push new data; an assessment that changes
    nothing the card shows sends nothing."""
    ws = await hass_ws_client(hass)
    sub, first = await _subscribe(ws)
    engine_of(init_integration).async_update()  # the same moment, the same data
    sources.water(1500)
    await advance(hass, freezer, timedelta(seconds=1))
    event = await ws.receive_json()  # the next message is the change
    assert event["id"] == sub
    payload = event["event"]
    assert payload["water"]["today_ml"] == 1500
    _check(hass, payload)

    await _press(hass, "button.alex_log_cramp")
    payload = (await ws.receive_json())["event"]
    _check(hass, payload)
    assert payload["history"] == "recent_cramp"
    assert payload["multiplier"] == 1.4
    assert payload["history_points"] > 0
    assert payload["score"] > first["score"]


async def test_a_new_glass_size_is_pushed(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The +1 glass button shows the glass size: a new one is sent at once."""
    ws = await hass_ws_client(hass)
    sub, first = await _subscribe(ws)
    assert first["water"]["glass_ml"] == 250
    await hass.services.async_call(
        "number",
        "set_value",
        {"entity_id": "number.alex_glass_size", "value": 330},
        blocking=True,
    )
    event = await ws.receive_json()
    assert event["id"] == sub
    assert event["event"]["water"]["glass_ml"] == 330
    _check(hass, event["event"])


async def test_see_professional(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The frequent-cramps advice of the person: shown on the next assessment."""
    ws = await hass_ws_client(hass)
    await _subscribe(ws)
    async_frequent_cramps(hass, ENTRY_ID, "Alex", (4, 3))
    engine_of(init_integration).async_update()
    payload = (await ws.receive_json())["event"]
    assert payload["see_professional"] is True


@pytest.mark.parametrize(
    ("entry_id", "code"),
    [("nope", "not_found"), ("other", "not_found"), ("cleo", "not_loaded")],
)
async def test_subscribe_errors(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    entry_id: str,
    code: str,
) -> None:
    """An unknown id or another integration's entry: not_found; not loaded:
    not_loaded."""
    MockConfigEntry(domain="other_domain", entry_id="other").add_to_hass(hass)
    make_entry("Cleo", entry_id="cleo", **PERSON).add_to_hass(hass)
    ws = await hass_ws_client(hass)
    await ws.send_json_auto_id(
        {"type": "cramp_guard/card/subscribe", "config_entry_id": entry_id}
    )
    result = await ws.receive_json()
    assert not result["success"]
    assert result["error"]["code"] == code


async def test_unload_ends_the_subscription(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Unloading sends loaded: false and ends it (no engine listener left); after a
    reload the person can be subscribed to again."""
    engine = engine_of(init_integration)
    ws = await hass_ws_client(hass)
    sub, _ = await _subscribe(ws)
    listeners = len(engine._listeners)
    assert await hass.config_entries.async_unload(ENTRY_ID)
    event = await ws.receive_json()
    assert event == {"id": sub, "type": "event", "event": {"loaded": False}}
    assert not engine._listeners
    assert listeners > 0
    await ws.send_json_auto_id({"type": "unsubscribe_events", "subscription": sub})
    result = await ws.receive_json()
    assert result["error"]["code"] == "not_found"  # over already

    await ws.send_json_auto_id(
        {"type": "cramp_guard/card/subscribe", "config_entry_id": ENTRY_ID}
    )
    assert (await ws.receive_json())["error"]["code"] == "not_loaded"

    assert await hass.config_entries.async_setup(ENTRY_ID)
    await hass.async_block_till_done()
    _, payload = await _subscribe(ws)
    _check(hass, payload)


async def test_reload_with_two_subscriptions(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """A reload ends every subscription of the person, once; the new entry's
    subscriptions end on its own unload."""
    ws = await hass_ws_client(hass)
    first, _ = await _subscribe(ws)
    second, _ = await _subscribe(ws)
    assert await hass.config_entries.async_reload(ENTRY_ID)
    await hass.async_block_till_done()
    assert init_integration.state is ConfigEntryState.LOADED
    ended = {(await ws.receive_json())["id"] for _ in range(2)}
    assert ended == {first, second}
    third, payload = await _subscribe(ws)
    _check(hass, payload)
    assert await hass.config_entries.async_unload(ENTRY_ID)
    event = await ws.receive_json()
    assert event == {"id": third, "type": "event", "event": {"loaded": False}}


async def test_unsubscribe_stops_listening(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The client unsubscribing (or closing) removes the engine listener; the
    entry's unload has nothing left to end."""
    engine = engine_of(init_integration)
    before = len(engine._listeners)
    ws = await hass_ws_client(hass)
    sub, _ = await _subscribe(ws)
    assert len(engine._listeners) == before + 1
    await ws.send_json_auto_id({"type": "unsubscribe_events", "subscription": sub})
    assert (await ws.receive_json())["success"]
    assert len(engine._listeners) == before
    await _subscribe(ws)
    await ws.close()
    await hass.async_block_till_done()
    assert len(engine._listeners) == before
    assert await hass.config_entries.async_unload(ENTRY_ID)
    assert not engine._listeners


async def test_card_data_before_the_first_assessment(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """No snapshot (it cannot happen once loaded): every key, nothing to show."""
    engine_of(init_integration).data = None  # type: ignore[assignment]
    ws = await hass_ws_client(hass)
    _, payload = await _subscribe(ws)
    assert set(payload) == PAYLOAD_KEYS
    assert payload["available"] is False
    assert payload["score"] is None
    assert payload["history_days"] is None
    assert payload["points"] == []
    assert payload["entities"] == ENTITIES
    assert payload["levers"] == []
    assert payload["evaluation"] == NOTHING_LEARNT
    assert payload["personal"] == {
        "learning": False,
        "active": False,
        "events": 0,
        "tracked_days": 0,
        "multipliers": dict.fromkeys(FACTOR_KEYS, 1.0),
    }


@pytest.mark.entry(states=USABLE | {"water": 300})
async def test_levers_evaluation_and_personal(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """What would lower the index now (water to what is expected by now, in whole
    mL), how it has matched the cramps so far, and the personal weights (learning
    off, nothing learnt yet)."""
    snapshot = engine_of(init_integration).snapshot
    assert snapshot is not None
    ws = await hass_ws_client(hass)
    _, payload = await _subscribe(ws)
    water = next(lever for lever in snapshot.levers if lever.key == "water")
    assert water.amount == 500  # 799 mL expected by noon: at most 500 at once
    assert payload["levers"][0] == {
        "key": "water",
        "amount": round(water.amount),
        "unit": "mL",
        "score": water.score,
        "points": water.points,
    }
    assert [lever["key"] for lever in payload["levers"]] == [
        lever.key for lever in snapshot.levers
    ]
    stretch = [lever for lever in payload["levers"] if lever["key"] == "stretch"]
    assert all(lever["amount"] is lever["unit"] is None for lever in stretch)
    assert payload["evaluation"] == NOTHING_LEARNT
    assert payload["personal"]["learning"] is False
    assert payload["personal"]["active"] is False


@pytest.mark.entry(states={"room_temperature": 31, "room_humidity": 60})
async def test_a_cooler_room_in_fahrenheit(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """On US customary units the cooler room is 3.6 degF (2 degC), its unit said."""
    hass.config.units = US_CUSTOMARY_SYSTEM
    engine_of(init_integration).async_update()
    ws = await hass_ws_client(hass)
    _, payload = await _subscribe(ws)
    _check(hass, payload)
    cooler = [lever for lever in payload["levers"] if lever["key"] == "cooler"]
    assert len(cooler) == 1
    assert cooler[0]["amount"] == 3.6
    assert cooler[0]["unit"] == "°F"
    assert cooler[0]["points"] >= 1


@pytest.mark.entry(
    sources={"room_temperature": "sensor.room_temperature"},
    states={"room_temperature": "unavailable"},
)
async def test_no_levers_while_the_risk_is_unavailable(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Without a factor beyond the clock the index means nothing: no levers (a
    stretch would still lower the arithmetic)."""
    snapshot = engine_of(init_integration).snapshot
    assert snapshot is not None
    ws = await hass_ws_client(hass)
    _, payload = await _subscribe(ws)
    assert payload["available"] is False
    assert payload["levers"] == []
