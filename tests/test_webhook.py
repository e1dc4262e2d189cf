"""Tests for the webhook: good bodies log and answer the totals; bad ones change
nothing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import fields
from datetime import datetime
import json
from typing import Any
from unittest.mock import patch

from aiohttp import ClientResponse
from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import webhook

# Imported before time is frozen: diagnostics import it on first use, and its
# mashumaro models cannot be built while freezegun patches `datetime`.
import homeassistant.components.hassio  # noqa: F401
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.network import NoURLAvailableError
from homeassistant.util.aiohttp import MockRequest
from hypothesis import HealthCheck, given, settings, strategies as st
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.cramp_guard.const import (
    CONF_WEBHOOK_ID,
    CONF_WEBHOOK_LOCAL_ONLY,
    DOMAIN,
)
from custom_components.cramp_guard.flow_schemas import sectioned
from custom_components.cramp_guard.webhook import MAX_BODY_BYTES, webhook_url

from .conftest import ABSURD_WATER, NOON, make_entry, setup_entry

ALEX_ID = "a1" * 32
SAM_ID = "5a" * 32
ROOM: dict[str, Any] = {"room_temperature": "sensor.room_temperature"}
NO_TOTALS = {"water_today_ml": 0, "stretches_today": 0, "cramps_30_days": 0}

type Post = Callable[..., Awaitable[ClientResponse]]


def _entry(name: str, webhook_id: str, **options: Any) -> MockConfigEntry:
    return make_entry(name, **ROOM, **{CONF_WEBHOOK_ID: webhook_id}, **options)


def _registered(hass: HomeAssistant, webhook_id: str) -> dict[str, Any]:
    """A registered webhook as a dict (a frozen dataclass from Home Assistant 2026)."""
    info = hass.data[webhook.DOMAIN][webhook_id]
    if isinstance(info, dict):
        return info
    return {field.name: getattr(info, field.name) for field in fields(info)}


def _ledger(entry: MockConfigEntry) -> dict[str, Any]:
    ledger: dict[str, Any] = entry.runtime_data.engine.ledger._as_dict()
    return ledger


# Alex: a room at 22 °C and the webhook on.
pytestmark = pytest.mark.entry(
    sources=ROOM,
    profile={},
    options={CONF_WEBHOOK_ID: ALEX_ID},
    states={"room_temperature": 22},
)


@pytest.fixture
def alex(
    noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> MockConfigEntry:
    """Alex, with the webhook on, set up at noon in Berlin."""
    return init_integration


@pytest.fixture
async def post(
    hass: HomeAssistant, hass_client_no_auth: ClientSessionGenerator, alex: Any
) -> Post:
    """POST to a webhook (default: Alex's): a JSON-ready body, bytes, or chunks."""
    client = await hass_client_no_auth()

    async def _post(body: Any, webhook_id: str = ALEX_ID) -> ClientResponse:
        raw = isinstance(body, bytes | AsyncIterator)  # else JSON-ready
        data = body if raw else json.dumps(body).encode()
        response = await client.post(f"/api/webhook/{webhook_id}", data=data)
        await hass.async_block_till_done()
        return response

    return _post


async def test_water_in_fluid_ounces(
    hass: HomeAssistant, alex: MockConfigEntry, post: Post
) -> None:
    """The issue's check: 8 fl. oz. add 237 mL, in the answer and on the sensor."""
    response = await post({"type": "water", "amount": 8, "unit": "fl. oz."})
    assert response.status == 200
    assert await response.json() == {
        "ok": True,
        "type": "water",
        "totals": NO_TOTALS
        | {"water_today_ml": 237, "log_id": f"water@{NOON.isoformat()}"},
    }
    assert hass.states.get("sensor.alex_water_today").state == "237"


@pytest.mark.parametrize(
    ("body", "ml"),
    [
        ({"type": "water", "amount": 250}, 250),  # mL by default
        ({"type": "water", "amount": 330, "unit": "mL"}, 330),
        ({"type": "water", "amount": 0.5, "unit": "L"}, 500),
        ({"type": "water", "amount": 1, "unit": "cup"}, 237),
        ({"type": "water", "amount": 2, "unit": "cups"}, 473),
        ({"type": "water", "amount": 0.5, "unit": "gal"}, 1893),
        ({"type": "water", "amount": 3000}, 3000),  # the most one log takes
        ({"type": "water", "amount": "250"}, 250),  # a number in a string, as actions
    ],
)
async def test_water_units(
    hass: HomeAssistant, post: Post, body: dict[str, Any], ml: int
) -> None:
    """Any unit Home Assistant converts, and cups; mL without a unit."""
    response = await post(body)
    assert response.status == 200
    assert (await response.json())["totals"]["water_today_ml"] == ml
    assert hass.states.get("sensor.alex_water_today").state == str(ml)


async def test_stretch_and_cramps(
    hass: HomeAssistant, alex: MockConfigEntry, post: Post
) -> None:
    """A stretch counts; a cramp takes muscle, context and severity, or defaults."""
    response = await post({"type": "stretch"})
    assert await response.json() == {
        "ok": True,
        "type": "stretch",
        "totals": NO_TOTALS
        | {"stretches_today": 1, "log_id": f"stretch@{NOON.isoformat()}"},
    }
    last = hass.states.get("sensor.alex_last_stretch").state
    assert datetime.fromisoformat(last) == NOON

    body = {
        "type": "cramp",
        "muscle": "hamstring",
        "context": "night",
        "severity": "mild",
    }
    response = await post(body)
    assert await response.json() == {
        "ok": True,
        "type": "cramp",
        "totals": NO_TOTALS
        | {
            "stretches_today": 1,
            "cramps_30_days": 1,
            "log_id": f"cramp@{NOON.isoformat()}",
        },
    }
    response = await post({"type": "cramp"})
    assert (await response.json())["totals"]["cramps_30_days"] == 2
    assert hass.states.get("sensor.alex_cramps_30_days").state == "2"

    cramps = list(alex.runtime_data.engine.ledger.iter_cramps())
    assert [(c.muscle, c.context, c.severity) for c in cramps] == [
        ("hamstring", "night", "mild"),
        ("calf", "rest", None),  # the context worked out: awake, no workout
    ]


async def test_a_body_of_exactly_4_kib_is_taken(post: Post) -> None:
    """The limit is 4096 bytes; trailing whitespace is still JSON."""
    body = json.dumps({"type": "stretch"}).encode()
    response = await post(body.ljust(MAX_BODY_BYTES))
    assert response.status == 200


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    """A body sent chunked, without a Content-Length."""
    for start in range(0, len(data), 1000):
        yield data[start : start + 1000]


AMOUNT = "amount: must be more than 0 and at most 3000 mL"
UNIT = "unit: unknown unit (use mL, L, fl. oz., cup or gal)"
ONE_OF_MUSCLES = "expected one of calf, hamstring, quadriceps, foot, hand, other"
PADDED = json.dumps({"type": "stretch", "note": "x" * MAX_BODY_BYTES}).encode()


# Bodies of the wrong shape (key invalid_body), then amounts and units refused with
# the key of the log_water action's error.
SHAPE_ERRORS: list[tuple[Any, str]] = [
    (b"water please", "body is not valid JSON"),
    (b"", "body is not valid JSON"),
    (b"\xff\xfe", "body is not valid JSON"),
    (b'[{"type": "water", "amount": 250}]', "body must be a JSON object"),
    (b'"water"', "body must be a JSON object"),
    ({}, "type: expected one of water, stretch, cramp"),
    ({"type": "coffee"}, "type: expected one of water, stretch, cramp"),
    ({"type": ["water"]}, "type: expected one of water, stretch, cramp"),
    ({"type": "water"}, "amount: required key not provided"),
    ({"type": "water", "amount": "lots"}, "amount: expected a number"),
    ({"type": "water", "amount": True}, "amount: expected a number"),
    ({"type": "water", "amount": None}, "amount: expected a number"),
    ({"type": "water", "amount": 250, "unit": 5}, "unit: expected str"),
    ({"type": "water", "amount": 250, "unit": None}, "unit: expected str"),
    ({"type": "cramp", "muscle": "neck"}, "muscle: " + ONE_OF_MUSCLES),
    (
        {"type": "cramp", "context": "dream"},
        "context: expected one of exercise, rest, night",
    ),
    (
        {"type": "cramp", "severity": "extreme"},
        "severity: expected one of mild, moderate, severe",
    ),
    ({"type": "cramp", "muscle": ["calf"]}, "muscle: " + ONE_OF_MUSCLES),
    ({"type": "stretch", "note": "x"}, "note: unknown key (known: type)"),
    (
        {"type": "water", "amount": 250, "when": "now", "at": 1},
        "at: unknown key (known: type, amount, unit)",
    ),
    (
        {"type": "cramp", "side": "left"},
        "side: unknown key (known: type, muscle, context, severity)",
    ),
    (PADDED, "body larger than 4096 bytes"),
]
WATER_ERRORS: list[tuple[Any, str, str]] = [
    ({"type": "water", "amount": -250}, AMOUNT, "invalid_amount"),
    ({"type": "water", "amount": 0}, AMOUNT, "invalid_amount"),
    ({"type": "water", "amount": 3001}, AMOUNT, "amount_too_large"),
    ({"type": "water", "amount": 1e6}, AMOUNT, "amount_too_large"),
    ({"type": "water", "amount": 120, "unit": "fl. oz."}, AMOUNT, "amount_too_large"),
    ({"type": "water", "amount": 250, "unit": "bucket"}, UNIT, "invalid_unit"),
    ({"type": "water", "amount": 250, "unit": "kg"}, UNIT, "invalid_unit"),
    # Not finite, or more than a float holds once converted (issue 10): never a 500
    # or an empty 200.
    *(
        ({"type": "water", "amount": amount, "unit": unit}, AMOUNT, key)
        for amount, unit, key in ABSURD_WATER
    ),
]


@pytest.mark.parametrize(
    ("body", "error", "key"),
    [(body, error, "invalid_body") for body, error in SHAPE_ERRORS] + WATER_ERRORS,
)
async def test_a_bad_body_gets_400_and_writes_nothing(
    hass: HomeAssistant,
    alex: MockConfigEntry,
    post: Post,
    body: Any,
    error: str,
    key: str,
) -> None:
    """Malformed, wrong-typed, unknown, oversized or absurd: 400, a reason and the
    key of the action's error, no change."""
    before = _ledger(alex)
    response = await post(body)
    assert response.status == 400
    answer = await response.json()
    assert answer == {"ok": False, "error": error, "key": key}
    assert _ledger(alex) == before
    assert hass.states.get("sensor.alex_water_today").state == "unknown"


# The same bad body on every way in: one validation (`bodies`), one key.
SAME_ON_EVERY_PATH: list[tuple[str, dict[str, Any], str]] = [
    ("cramp", {"muscle": "neck"}, "invalid_body"),
    ("cramp", {"muscle": "calf", "side": "left"}, "invalid_body"),
    ("water", {}, "invalid_body"),
    ("water", {"amount": "lots"}, "invalid_body"),
    ("water", {"amount": 0}, "invalid_amount"),
    ("water", {"amount": 5000}, "amount_too_large"),
    ("water", {"amount": 250, "unit": "bucket"}, "invalid_unit"),
    ("stretch", {"note": "x"}, "invalid_body"),
]


@pytest.mark.parametrize(("kind", "body", "key"), SAME_ON_EVERY_PATH)
async def test_a_bad_body_is_refused_alike_by_the_action_and_the_webhook(
    hass: HomeAssistant,
    alex: MockConfigEntry,
    post: Post,
    kind: str,
    body: dict[str, Any],
    key: str,
) -> None:
    """The webhook's 400 and the action's translated error carry the same key."""
    before = _ledger(alex)
    response = await post({"type": kind, **body})
    assert response.status == 400
    assert (await response.json())["key"] == key
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            f"log_{kind}",
            {"config_entry_id": alex.entry_id, **body},
            blocking=True,
        )
    assert (err.value.translation_domain, err.value.translation_key) == (DOMAIN, key)
    message = str(err.value)
    assert message != key  # translated
    assert "{" not in message  # every placeholder filled
    assert _ledger(alex) == before


@pytest.mark.parametrize(
    ("glass", "key"), [(0.0, "invalid_amount"), (5000.0, "amount_too_large")]
)
async def test_a_glass_that_is_no_drink_is_refused_alike_on_every_path(
    hass: HomeAssistant,
    alex: MockConfigEntry,
    post: Post,
    caplog: pytest.LogCaptureFixture,
    glass: float,
    key: str,
) -> None:
    """A stored glass size that is no drink (from an older version): the button,
    the action and the webhook refuse it with the same key, a tap on a notification
    logs it once with that key; nothing is written."""
    before = _ledger(alex)
    alex.runtime_data.prompter.prefs.glass_ml = glass
    with pytest.raises(ServiceValidationError) as pressed:
        await hass.services.async_call(
            "button", "press", {"entity_id": "button.alex_log_water"}, blocking=True
        )
    with pytest.raises(ServiceValidationError) as logged:
        await hass.services.async_call(
            DOMAIN,
            "log_water",
            {"config_entry_id": alex.entry_id, "amount": glass},
            blocking=True,
        )
    response = await post({"type": "water", "amount": glass})
    alex.runtime_data.prompter.async_handle_action("GLASS")
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]

    assert pressed.value.translation_key == logged.value.translation_key == key
    assert (await response.json())["key"] == key
    assert [w for w in warnings if "tap" in w] == [
        f"Alex: a tap on a notification was not logged ({key}: amount: must be "
        "more than 0 and at most 3000 mL)"
    ]
    assert _ledger(alex) == before


async def test_an_oversized_chunked_body_is_refused(
    alex: MockConfigEntry, post: Post
) -> None:
    """Without a Content-Length, reading stops after 4097 bytes."""
    before = _ledger(alex)
    response = await post(_chunks(PADDED * 50))
    assert response.status == 400
    assert await response.json() == {
        "ok": False,
        "error": "body larger than 4096 bytes",
        "key": "invalid_body",
    }
    assert _ledger(alex) == before


async def test_a_chunked_body_is_read(alex: MockConfigEntry, post: Post) -> None:
    """A small body sent chunked is read to its end."""
    response = await post(_chunks(b'{"type":' + b" " * 1500 + b'"stretch"}'))
    assert response.status == 200
    assert (await response.json())["totals"]["stretches_today"] == 1


async def test_only_post(
    hass: HomeAssistant,
    alex: MockConfigEntry,
    hass_client_no_auth: ClientSessionGenerator,
) -> None:
    """GET and PUT are refused by the webhook component (HEAD just answers)."""
    client = await hass_client_no_auth()
    before = _ledger(alex)
    assert (await client.get(f"/api/webhook/{ALEX_ID}")).status == 405
    response = await client.put(f"/api/webhook/{ALEX_ID}", json={"type": "stretch"})
    assert response.status == 405
    assert (await client.head(f"/api/webhook/{ALEX_ID}")).status == 200
    assert _ledger(alex) == before
    assert _registered(hass, ALEX_ID)["allowed_methods"] == {"POST"}


async def test_local_only_by_default(
    hass: HomeAssistant, alex: MockConfigEntry, post: Post
) -> None:
    """A request from outside the local network is dropped (with a bare 200)."""
    assert _registered(hass, ALEX_ID)["local_only"] is True
    before = _ledger(alex)
    with patch("homeassistant.util.network.is_local", return_value=False):
        response = await post({"type": "stretch"})
    assert response.status == 200
    assert await response.read() == b""
    assert _ledger(alex) == before

    response = await post({"type": "stretch"})  # from the local network
    assert (await response.json())["ok"] is True


async def test_remote_requests_when_local_only_is_off(
    hass: HomeAssistant,
    berlin: None,
    hass_client_no_auth: ClientSessionGenerator,
) -> None:
    """With local-only turned off, a remote request logs."""
    entry = await setup_entry(
        hass, _entry("Sam", SAM_ID, **{CONF_WEBHOOK_LOCAL_ONLY: False})
    )
    assert _registered(hass, SAM_ID)["local_only"] is False
    client = await hass_client_no_auth()
    with patch("homeassistant.util.network.is_local", return_value=False):
        response = await client.post(
            f"/api/webhook/{SAM_ID}", json={"type": "water", "amount": 250}
        )
    assert response.status == 200
    assert (await response.json())["totals"]["water_today_ml"] == 250
    assert entry.runtime_data.engine.ledger.days


def _relayed(body: bytes, remote: str | None = None) -> MockRequest:
    """A relayed request: a cloud webhook (no remote address) or, with an address,
    one run over the websocket API."""
    request = MockRequest(content=body, mock_source="cloud", method="POST")
    request.remote = remote  # type: ignore[misc]  # read-only on Home Assistant 2026
    return request


WATER_200 = b'{"type": "water", "amount": 200}'


async def test_a_cloud_request_is_dropped_when_local_only(
    hass: HomeAssistant, alex: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """A cloud webhook comes from outside the local network: with local-only on (the
    default) it is dropped with a bare 200 and a warning, in every release."""
    before = _ledger(alex)
    for request in (
        _relayed(WATER_200),
        _relayed(WATER_200, remote="203.0.113.9"),
        _relayed(WATER_200, remote="not an address"),
    ):
        response = await webhook.async_handle_webhook(hass, ALEX_ID, request)
        assert response.status == 200
        assert not response.body
    assert _ledger(alex) == before
    assert "remote request for local webhook" in caplog.text or (
        "relayed from outside the local network" in caplog.text
    )


async def test_a_relayed_request_from_the_local_network_is_handled(
    hass: HomeAssistant, alex: MockConfigEntry
) -> None:
    """A webhook run over the websocket API from a local address works."""
    response = await webhook.async_handle_webhook(
        hass, ALEX_ID, _relayed(WATER_200, remote="192.168.1.20")
    )
    assert response.status == 200
    assert response.body is not None
    assert json.loads(bytes(response.body))["totals"]["water_today_ml"] == 200


async def test_a_cloud_request_is_handled_when_local_only_is_off(
    hass: HomeAssistant, berlin: None
) -> None:
    """A cloud relay (a MockRequest, no Content-Length) works with local-only off."""
    await setup_entry(hass, _entry("Sam", SAM_ID, **{CONF_WEBHOOK_LOCAL_ONLY: False}))
    response = await webhook.async_handle_webhook(hass, SAM_ID, _relayed(WATER_200))
    assert response.status == 200
    assert response.body is not None
    assert json.loads(bytes(response.body))["totals"]["water_today_ml"] == 200


async def test_unregistered_on_unload(
    hass: HomeAssistant, alex: MockConfigEntry, post: Post
) -> None:
    """After an unload the id is unknown: a bare 200 (as for any id), no change."""
    engine = alex.runtime_data.engine
    assert await hass.config_entries.async_unload(alex.entry_id)
    await hass.async_block_till_done()
    assert ALEX_ID not in hass.data[webhook.DOMAIN]
    before = engine.ledger._as_dict()

    response = await post({"type": "water", "amount": 250})
    assert response.status == 200
    assert await response.read() == b""
    assert engine.ledger._as_dict() == before

    assert await hass.config_entries.async_setup(alex.entry_id)
    await hass.async_block_till_done()
    response = await post({"type": "water", "amount": 250})
    assert (await response.json())["totals"]["water_today_ml"] == 250


async def test_turning_the_webhook_off_unregisters_the_old_id(
    hass: HomeAssistant, alex: MockConfigEntry, post: Post
) -> None:
    """The options change before the reload; the registered id is still removed."""
    options = {k: v for k, v in alex.options.items() if k != CONF_WEBHOOK_ID}
    hass.config_entries.async_update_entry(alex, options=options)
    await hass.async_block_till_done()
    assert alex.state is ConfigEntryState.LOADED
    assert ALEX_ID not in hass.data[webhook.DOMAIN]
    assert not any(
        _registered(hass, hook_id)["domain"] == DOMAIN
        for hook_id in hass.data[webhook.DOMAIN]
    )

    before = _ledger(alex)
    response = await post({"type": "stretch"})
    assert await response.read() == b""
    assert _ledger(alex) == before

    # A new id works at once after the reload.
    hass.config_entries.async_update_entry(
        alex, options=options | {CONF_WEBHOOK_ID: SAM_ID}
    )
    await hass.async_block_till_done()
    response = await post({"type": "stretch"}, SAM_ID)
    assert (await response.json())["totals"]["stretches_today"] == 1


async def test_an_entry_that_is_not_loaded_answers_404(
    hass: HomeAssistant, alex: MockConfigEntry, post: Post
) -> None:
    """A request that comes while the entry is not loaded (between its unload and
    the webhook's removal) gets a JSON 404 and writes nothing."""
    before = _ledger(alex)
    alex.mock_state(hass, ConfigEntryState.NOT_LOADED)
    response = await post({"type": "stretch"})
    assert response.status == 404
    assert await response.json() == {"ok": False, "error": "not loaded"}
    assert _ledger(alex) == before
    alex.mock_state(hass, ConfigEntryState.LOADED)


async def test_no_webhook_without_an_id(hass: HomeAssistant, berlin: None) -> None:
    """An entry whose options have no webhook id registers none."""
    await setup_entry(hass, make_entry("Alex", **ROOM))
    assert not any(
        h["domain"] == DOMAIN for h in hass.data.get(webhook.DOMAIN, {}).values()
    )


async def test_an_id_already_in_use_is_not_taken_over(
    hass: HomeAssistant,
    alex: MockConfigEntry,
    post: Post,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A second entry with the same id loads without a webhook; the first keeps it."""
    sam = await setup_entry(hass, _entry("Sam", ALEX_ID))
    assert sam.state is ConfigEntryState.LOADED
    assert "Sam: the webhook id is already in use" in caplog.text
    sam_ledger = sam.runtime_data.engine.ledger
    sam_before = sam_ledger._as_dict()

    response = await post({"type": "stretch"})
    assert (await response.json())["totals"]["stretches_today"] == 1
    # Unloading Sam leaves Alex's webhook in place.
    assert await hass.config_entries.async_unload(sam.entry_id)
    await hass.async_block_till_done()
    response = await post({"type": "stretch"})
    assert (await response.json())["totals"]["stretches_today"] == 2
    assert sam_ledger._as_dict() == sam_before


async def test_two_people_never_cross(
    hass: HomeAssistant, alex: MockConfigEntry, post: Post
) -> None:
    """Each webhook logs for its own person only."""
    sam = await setup_entry(hass, _entry("Sam", SAM_ID))
    sam_before = _ledger(sam)

    response = await post({"type": "water", "amount": 400})
    assert (await response.json())["totals"]["water_today_ml"] == 400
    assert _ledger(sam) == sam_before
    assert hass.states.get("sensor.sam_water_today").state == "unknown"

    alex_before = _ledger(alex)
    response = await post({"type": "water", "amount": 150}, SAM_ID)
    assert (await response.json())["totals"]["water_today_ml"] == 150
    assert _ledger(alex) == alex_before
    assert hass.states.get("sensor.alex_water_today").state == "400"
    assert hass.states.get("sensor.sam_water_today").state == "150"


async def test_the_webhook_id_is_redacted_in_diagnostics(
    hass: HomeAssistant,
    alex: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    """The id is a secret: diagnostics never show it."""
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, alex)
    assert diagnostics["entry"]["options"][CONF_WEBHOOK_ID] == "**REDACTED**"
    assert ALEX_ID not in json.dumps(diagnostics)


async def test_webhook_url(hass: HomeAssistant) -> None:
    """Local-only prefers the internal URL; without any URL, the path."""
    hass.config.internal_url = "http://192.168.1.2:8123"
    hass.config.external_url = "https://home.example.com"
    assert webhook_url(hass, ALEX_ID, True) == (
        f"http://192.168.1.2:8123/api/webhook/{ALEX_ID}"
    )
    assert webhook_url(hass, ALEX_ID, False) == (
        f"https://home.example.com/api/webhook/{ALEX_ID}"
    )
    with patch.object(webhook, "async_generate_url", side_effect=NoURLAvailableError):
        assert webhook_url(hass, ALEX_ID, True) == f"/api/webhook/{ALEX_ID}"


async def test_enabled_in_the_options_flow_then_used(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    hass_client_no_auth: ClientSessionGenerator,
) -> None:
    """As a new user would: turn it on, copy the URL, POST to it."""
    freezer.move_to(NOON)
    entry = await setup_entry(hass, make_entry("Alex", **ROOM))
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], sectioned(ROOM)
    )
    result = await hass.config_entries.options.async_configure(result["flow_id"], {})
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"webhook": True}
    )
    url = result["description_placeholders"]["url"]
    result = await hass.config_entries.options.async_configure(result["flow_id"], {})
    await hass.async_block_till_done()

    client = await hass_client_no_auth()
    path = url[url.index("/api/webhook/") :]
    response = await client.post(
        path, json={"type": "water", "amount": 8, "unit": "fl. oz."}
    )
    assert (await response.json())["totals"]["water_today_ml"] == 237
    response = await client.post(path, data=b"{not json")
    assert response.status == 400
    assert hass.states.get("sensor.alex_water_today").state == "237"


# -- under load: generated bodies, parallel requests ----------------------------------

json_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["1e308", "nan", "inf", "-1", "250", "water", "calf", "L"]),
)
json_values = st.recursive(
    json_leaves,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
# Bodies near the real ones: the known keys with any values, often the right ones.
near_bodies = st.fixed_dictionaries(
    {"type": st.sampled_from(["water", "stretch", "cramp", "glass", "", 5])},
    optional={
        "amount": st.one_of(json_leaves, st.floats(min_value=0, max_value=6000)),
        "unit": st.sampled_from(["mL", "L", "fl. oz.", "cup", "gal", "kg", "", None]),
        "muscle": st.sampled_from(["calf", "foot", "hand", "ear", None]),
        "context": st.sampled_from(["rest", "exercise", "night", "dance"]),
        "severity": st.sampled_from(["mild", "moderate", "severe", "extreme", None]),
        "at": st.sampled_from(["2026-06-16T11:00:00+02:00", "yesterday", None]),
        "extra": json_leaves,
    },
)
bodies = st.one_of(
    near_bodies,
    json_values,
    st.binary(max_size=64),
    st.text(max_size=64).map(str.encode),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(batch=st.lists(bodies, min_size=40, max_size=40))
async def test_generated_bodies_get_a_200_or_a_400(
    alex: MockConfigEntry, post: Post, batch: list[Any]
) -> None:
    """1,000 generated bodies (25 x 40): every answer is a 200 with ok true or a 400
    with ok false and a key; only the 200s change the ledger."""
    for body in batch:
        before = _ledger(alex)
        response = await post(body)
        answer = await response.json()
        assert response.status in (200, 400), (body, response.status)
        if response.status == 400:
            assert answer["ok"] is False
            assert answer["key"]
            assert _ledger(alex) == before, body
        else:
            assert answer["ok"] is True


async def test_200_parallel_logs_are_counted_once_each(
    hass: HomeAssistant, alex: MockConfigEntry, post: Post
) -> None:
    """200 requests at once, 10 mL each: all answered 200, 2,000 mL logged."""
    answers = await asyncio.gather(
        *(post({"type": "water", "amount": 10}) for _ in range(200))
    )
    assert [a.status for a in answers] == [200] * 200
    await hass.async_block_till_done()
    assert hass.states.get("sensor.alex_water_today").state == "2000"
    assert _ledger(alex)["days"][-1]["water_logged_ml"] == 2000
