"""Websocket commands of the Lovelace card (docs/card.md).

- `cramp_guard/people`: the loaded people, sorted by name.
- `cramp_guard/card/subscribe`: one person's card data at once, then again after
  each assessment or glass size change that changed it; when the entry unloads, a
  last `{"loaded": false}` and the subscription ends.
"""

from __future__ import annotations

from typing import Any, Final

from homeassistant.components import websocket_api
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.const import ERR_NOT_FOUND
from homeassistant.components.websocket_api.decorators import websocket_command
from homeassistant.components.websocket_api.messages import event_message
from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.util.hass_dict import HassKey
import voluptuous as vol

from .const import CONF_ACTIVITY, DOMAIN
from .explain import explain
from .issues import frequent_cramps_issue_id
from .learning import CALIBRATING, evaluation_json, levers_json, personal_json
from .risk import evaluate
from .risk.load import MIN_DAYS, present
from .runtime import CrampGuardData
from .sensor import risk_available
from .snapshot import Snapshot
from .util import rounded, whole

ERR_NOT_LOADED: Final = "not_loaded"
# The entities the card opens or presses: key -> platform (unique id: entry_key).
CARD_ENTITIES: Final = {
    "cramp_risk": "sensor",
    "water_today": "sensor",
    "log_water": "button",
    "log_stretch": "button",
    "log_cramp": "button",
}
# Per loaded entry, what ends each of its subscriptions when it unloads.
DATA_SUBSCRIPTIONS: HassKey[dict[str, set[CALLBACK_TYPE]]] = HassKey(
    f"{DOMAIN}_card_subscriptions"
)


@callback
def async_setup_websocket(hass: HomeAssistant) -> None:
    """Register the commands (once, from `async_setup`)."""
    websocket_api.async_register_command(hass, ws_people)
    websocket_api.async_register_command(hass, ws_card_subscribe)


def _data(entry: ConfigEntry) -> CrampGuardData:
    data: CrampGuardData = entry.runtime_data
    return data


@websocket_command({vol.Required("type"): "cramp_guard/people"})
@callback
def ws_people(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """The loaded people: [{config_entry_id, name}], sorted by name."""
    people = sorted(
        (
            {
                "config_entry_id": entry.entry_id,
                "name": _data(entry).engine.settings.name,
            }
            for entry in hass.config_entries.async_loaded_entries(DOMAIN)
        ),
        key=lambda person: (person["name"].casefold(), person["config_entry_id"]),
    )
    connection.send_result(msg["id"], {"people": people})


@websocket_command(
    {
        vol.Required("type"): "cramp_guard/card/subscribe",
        vol.Required("config_entry_id"): str,
    }
)
@callback
def ws_card_subscribe(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Send the person's card data now and whenever it changes, until unloaded."""
    msg_id: int = msg["id"]
    entry = hass.config_entries.async_get_entry(msg["config_entry_id"])
    if entry is None or entry.domain != DOMAIN:
        connection.send_error(
            msg_id, ERR_NOT_FOUND, "No Cramp Guard person with this id"
        )
        return
    if entry.state is not ConfigEntryState.LOADED:
        connection.send_error(msg_id, ERR_NOT_LOADED, f"{entry.title} is not loaded")
        return
    sent: list[dict[str, Any]] = []  # the last payload sent

    @callback
    def push() -> None:
        """Send the payload when it differs from the last one sent."""
        payload = card_payload(hass, entry)
        if not sent or payload != sent[0]:
            sent[:] = [payload]
            connection.send_message(event_message(msg_id, payload))

    # Each assessment; and the glass size, which the +1 glass button shows.
    stop_listening = _data(entry).engine.async_add_listener(push)
    glass = er.async_get(hass).async_get_entity_id(
        "number", DOMAIN, f"{entry.entry_id}_glass_size"
    )

    @callback
    def glass_changed(_event: Event[EventStateChangedData]) -> None:
        push()

    stop_glass = async_track_state_change_event(
        hass, [glass] if glass else [], glass_changed
    )
    ends = _entry_subscriptions(hass, entry)

    @callback
    def unsubscribe() -> None:
        """The client unsubscribed or went away (or the entry unloads)."""
        stop_listening()
        stop_glass()
        ends.discard(end)

    @callback
    def end() -> None:
        """The entry unloads: a last event, and the subscription is over."""
        connection.send_message(event_message(msg_id, {"loaded": False}))
        connection.subscriptions.pop(msg_id)()

    ends.add(end)
    connection.subscriptions[msg_id] = unsubscribe
    connection.send_result(msg_id)
    push()


def _entry_subscriptions(hass: HomeAssistant, entry: ConfigEntry) -> set[CALLBACK_TYPE]:
    """The ends of the entry's subscriptions; the first one of a loaded entry has the
    entry's unload run them all."""
    by_entry = hass.data.setdefault(DATA_SUBSCRIPTIONS, {})
    if (ends := by_entry.get(entry.entry_id)) is None:
        ends = by_entry[entry.entry_id] = set()

        @callback
        def end_all() -> None:
            for end in list(by_entry.pop(entry.entry_id)):
                end()

        entry.async_on_unload(end_all)
    return ends


def card_payload(hass: HomeAssistant, entry: ConfigEntry) -> dict[str, Any]:
    """The card's data of a loaded person: the assessment the risk sensor shows, in
    whole points that add up to its score, with water, what would lower it, how it
    has matched the person's cramps, the personal weights, and entity ids."""
    data = _data(entry)
    engine = data.engine
    snapshot = engine.snapshot
    entity_ids = er.async_get(hass).async_get_entity_id
    issue = ir.async_get(hass).async_get_issue(
        DOMAIN, frequent_cramps_issue_id(entry.entry_id)
    )
    payload: dict[str, Any] = {
        "loaded": True,
        "name": engine.settings.name,
        "see_professional": issue is not None and issue.active,
        # The morning check-in: None while it is off; open while it can be answered.
        "checkin": {"open": data.prompter.checkin_answerable()}
        if engine.settings.morning_checkin
        else None,
        "entities": {
            key: entity_ids(platform, DOMAIN, f"{entry.entry_id}_{key}")
            for key, platform in CARD_ENTITIES.items()
        },
    }
    if snapshot is None:  # not assessed yet (it cannot happen once loaded)
        return {**_EMPTY, **payload}
    shown, latest = snapshot.risk, snapshot.assessment
    explained = explain(shown, snapshot.inputs).as_dict()
    available = risk_available(snapshot)
    return {
        **payload,
        "available": available,
        "score": shown.score,
        "level": shown.level,
        **explained,
        "multiplier": round(shown.multiplier, 2),
        "confidence": round(shown.confidence, 2),
        "confidence_level": shown.confidence_level,
        # The known days of activity the workload needs (the "no_workload_history"
        # hint's numbers); None without an activity source.
        "history_days": None
        if snapshot.inputs.load_metric is None
        else {
            "known": min(len(present(snapshot.inputs.load_history)), MIN_DAYS),
            "needed": MIN_DAYS,
        },
        "water": {
            "today_ml": whole(snapshot.inputs.water_ml),
            "target_ml": whole(latest.water_target_ml),
            "expected_ml": whole(latest.water_expected_ml),
            "pace": rounded(latest.hydration_pace, 2),
            "glass_ml": whole(data.prompter.prefs.glass_ml),
        },
        "levers": levers_json(snapshot.levers, hass.config.units.temperature_unit)
        if available
        else [],
        "evaluation": evaluation_json(snapshot.evaluation),
        "personal": personal_json(snapshot.personal, snapshot.learning),
        "stale": _stale(snapshot, engine.settings.activity_metric.value),
    }


def _stale(snapshot: Snapshot, metric: str) -> list[dict[str, Any]]:
    """The stale counter sources: what they count (the activity's metric, or
    water), when they last synced and how many whole hours ago that was."""
    now = snapshot.inputs.now
    return [
        {
            "source": metric if key == CONF_ACTIVITY else "water",
            "last_synced": synced.isoformat(),
            "hours": int((now - synced).total_seconds() // 3600),
        }
        for key, synced in sorted(snapshot.stale.items())
    ]


_EMPTY: Final[dict[str, Any]] = {
    "available": False,
    "score": None,
    "level": None,
    "points": [],
    "history_points": 0,
    "history": None,
    "multiplier": None,
    "confidence": None,
    "confidence_level": None,
    "confidence_hints": [],
    "history_days": None,
    "water": dict.fromkeys(
        ("today_ml", "target_ml", "expected_ml", "pace", "glass_ml")
    ),
    "levers": [],
    "evaluation": evaluation_json(evaluate((), ())),  # nothing to match yet
    "personal": personal_json(CALIBRATING, learning=False),
    "stale": [],
}
