"""Notify targets besides a legacy notify service: a person and a notify entity.

A person is a real `person` (created as the frontend does, over the websocket API)
whose device trackers are registered on the devices of real `mobile_app` config
entries (their data as core's registration saves it); each phone's legacy
`notify.mobile_app_<device name>` is a fake service (`async_mock_service`) that notes
what it got. A notify entity is a small `NotifyEntity` set up through a config entry,
as core's own notify tests do.
"""

from __future__ import annotations

from datetime import datetime
from http import HTTPStatus
import logging
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import persistent_notification, person
from homeassistant.components.notify import NotifyEntity
from homeassistant.config_entries import ConfigEntry, ConfigFlow
from homeassistant.const import STATE_UNAVAILABLE, Platform
from homeassistant.core import HomeAssistant, ServiceCall, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
from homeassistant.helpers.translation import async_get_translations
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    async_mock_service,
    mock_config_flow,
    mock_integration,
    mock_platform,
    setup_test_component_platform,
)
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.cramp_guard.const import DOMAIN
from custom_components.cramp_guard.messages import Message
from custom_components.cramp_guard.notifier import Action, Notifier
from custom_components.cramp_guard.targets import (
    TargetKind,
    kind_of,
    label,
    person_phones,
    target_options,
)
from custom_components.cramp_guard.texts import load_texts

from .conftest import make_entry, setup_entry

ALEX = "01JALEX0000000000000000000"
LOGGER = "custom_components.cramp_guard"
TAG = f"cramp_guard_{ALEX}_evening"
BUTTONS = [Action("DONE", "Done"), Action("SNOOZE_30M", "Snooze 30 min")]
ACTIONS = [
    {"action": f"CRAMP_GUARD_DONE_{ALEX}", "title": "Done"},
    {"action": f"CRAMP_GUARD_SNOOZE_30M_{ALEX}", "title": "Snooze 30 min"},
]
MESSAGE = Message("Stretch time", "Calf: lunge forward")
WORDS = load_texts("en")["targets"]


class Phones:
    """Registers phones the way the Companion app does, and notes their pushes."""

    def __init__(self, hass: HomeAssistant, user_id: str) -> None:
        """Phones of the user `user_id` (whose person gets their trackers)."""
        self.hass = hass
        self.user_id = user_id
        self.calls: dict[str, list[ServiceCall]] = {}

    async def add(
        self, device_name: str, service: str, *, tracker: str, link: bool = True
    ) -> str:
        """A phone: its mobile_app entry, device and device tracker; its legacy notify
        service `service` (faked). `link`: the tracker added to the user's person (as
        mobile_app's registration does). Returns the tracker's entity id."""
        device_id = f"{device_name}-id"
        webhook_id = f"{device_name}-webhook".replace(" ", "")
        entry = MockConfigEntry(
            domain="mobile_app",
            title=device_name,
            data={  # what mobile_app's registration view saves
                "app_data": {"push_token": "token", "push_url": "https://push"},
                "app_id": "io.homeassistant.companion.android",
                "app_name": "Home Assistant",
                "app_version": "2025.4.0",
                "device_id": device_id,
                "device_name": device_name,
                "manufacturer": "Google",
                "model": device_name,
                "os_name": "Android",
                "os_version": "15",
                "supports_encryption": False,
                "webhook_id": webhook_id,
                "user_id": self.user_id,
            },
        )
        entry.add_to_hass(self.hass)
        device = dr.async_get(self.hass).async_get_or_create(
            config_entry_id=entry.entry_id,
            identifiers={("mobile_app", device_id)},
            manufacturer="Google",
            model=device_name,
            name=device_name,
        )
        er.async_get(self.hass).async_get_or_create(
            "device_tracker",
            "mobile_app",
            webhook_id,
            config_entry=entry,
            device_id=device.id,
            suggested_object_id=tracker.split(".", 1)[1],
        )
        self.calls[service] = async_mock_service(self.hass, "notify", service)
        if link:
            await person.async_add_user_device_tracker(self.hass, self.user_id, tracker)
            await self.hass.async_block_till_done()
        return tracker

    def pushed(self) -> dict[str, list[dict[str, Any]]]:
        """What each phone got so far."""
        return {
            service: [dict(call.data) for call in calls]
            for service, calls in self.calls.items()
        }


async def _person(
    hass: HomeAssistant,
    ws: WebSocketGenerator,
    name: str,
    user_id: str | None = None,
    trackers: list[str] | None = None,
) -> str:
    """Create a person as the frontend does; their entity id."""
    client = await ws()
    await client.send_json_auto_id(
        {
            "type": "person/create",
            "name": name,
            "user_id": user_id,
            "device_trackers": trackers or [],
        }
    )
    response = await client.receive_json()
    assert response["success"], response
    await hass.async_block_till_done()
    return f"person.{name.lower()}"


@pytest.fixture
async def people(hass: HomeAssistant) -> None:
    """The person integration (and what it needs) set up, and Cramp Guard's
    own views registered before any client freezes the web server's routes."""
    assert await async_setup_component(hass, "person", {})
    assert await async_setup_component(hass, DOMAIN, {})
    await hass.async_block_till_done()


@pytest.fixture
def shown(hass: HomeAssistant) -> list[str]:
    """The ids of the persistent notifications shown (created or replaced)."""
    ids: list[str] = []

    @callback
    def noted(kind: persistent_notification.UpdateType, items: dict[str, Any]) -> None:
        if kind is not persistent_notification.UpdateType.REMOVED:
            ids.extend(items)

    persistent_notification.async_register_callback(hass, noted)
    return ids


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == LOGGER and r.levelno == logging.WARNING
    ]


class Screen(NotifyEntity):
    """A notify entity that notes what it was sent."""

    _attr_has_entity_name = True

    def __init__(self, name: str, unique_id: str) -> None:
        """A screen called `name`."""
        self._attr_name = name
        self._attr_unique_id = unique_id
        self.sent: list[tuple[str, str | None]] = []
        self.fail = False

    async def async_send_message(self, message: str, title: str | None = None) -> None:
        """Note the message, or fail."""
        if self.fail:
            raise HomeAssistantError("screen is off")
        self.sent.append((message, title))


class ScreenFlow(ConfigFlow):
    """The config flow of the screens' integration (never run: its entry is made)."""


async def set_up_screen(hass: HomeAssistant) -> Screen:
    """A notify entity `notify.kitchen_screen`, set up as core's tests set one up."""
    screen = Screen("Kitchen screen", "kitchen")

    async def setup_entry_init(hass: HomeAssistant, entry: ConfigEntry) -> bool:
        await hass.config_entries.async_forward_entry_setups(entry, [Platform.NOTIFY])
        return True

    mock_integration(hass, MockModule("test", async_setup_entry=setup_entry_init))
    mock_platform(hass, "test.config_flow")
    setup_test_component_platform(hass, "notify", [screen], from_config_entry=True)
    entry = MockConfigEntry(domain="test")
    entry.add_to_hass(hass)
    with mock_config_flow("test", ScreenFlow):
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
    assert hass.states.get("notify.kitchen_screen") is not None
    return screen


# -- a person -------------------------------------------------------------------------


async def test_a_person_gets_prompts_on_each_phone_with_buttons(
    hass: HomeAssistant,
    shown: list[str],
    people: None,
    hass_ws_client: WebSocketGenerator,
    hass_admin_user: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The person's phones are found at each send: a phone registered later gets the
    next prompt without any change to the options; each gets the buttons and the tag,
    and a prompt taken back is cleared on each. Trackers that are not a phone's (a
    YAML one without a device, a router's on its own device) are passed over."""
    phones = Phones(hass, hass_admin_user.id)
    router = MockConfigEntry(domain="unifi", title="Router")
    router.add_to_hass(hass)
    watch = dr.async_get(hass).async_get_or_create(
        config_entry_id=router.entry_id, connections={("mac", "aa:bb:cc:dd:ee:ff")}
    )
    er.async_get(hass).async_get_or_create(
        "device_tracker",
        "unifi",
        "aa:bb:cc:dd:ee:ff",
        config_entry=router,
        device_id=watch.id,
        suggested_object_id="watch",
    )
    trackers = ["device_tracker.router", "device_tracker.watch"]
    alex = await _person(hass, hass_ws_client, "Alex", hass_admin_user.id, trackers)
    await phones.add("Pixel 7", "mobile_app_pixel_7", tracker="device_tracker.pixel_7")
    assert hass.states.get(alex).attributes["device_trackers"] == [
        *trackers,
        "device_tracker.pixel_7",
    ]
    assert person_phones(hass, alex) == ["mobile_app_pixel_7"]

    notifier = Notifier(hass, ALEX, "Alex", [alex])
    await notifier.async_send("evening", MESSAGE, BUTTONS)
    payload = {
        "title": MESSAGE.title,
        "message": MESSAGE.message,
        "data": {"tag": TAG, "actions": ACTIONS},
    }
    assert phones.pushed() == {"mobile_app_pixel_7": [payload]}

    # A new phone: registered by the app, its tracker added to the person.
    await phones.add(
        "Galaxy Tab S9", "mobile_app_galaxy_tab_s9", tracker="device_tracker.tab"
    )
    assert person_phones(hass, alex) == [
        "mobile_app_pixel_7",
        "mobile_app_galaxy_tab_s9",
    ]
    await notifier.async_send("evening", MESSAGE, BUTTONS)
    await notifier.async_clear("evening")
    clear = {"message": "clear_notification", "data": {"tag": TAG}}
    assert phones.pushed() == {
        "mobile_app_pixel_7": [payload, payload, clear],
        "mobile_app_galaxy_tab_s9": [payload, clear],
    }
    assert shown == []  # reached: no stand-in
    assert _warnings(caplog) == []


async def test_a_person_without_a_phone(
    hass: HomeAssistant,
    shown: list[str],
    people: None,
    hass_ws_client: WebSocketGenerator,
    hass_admin_user: Any,
    hass_client: ClientSessionGenerator,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """No phone among the person's trackers: one warning for two prompts, a fixable
    issue that says so, and the prompts as persistent notifications; the issue goes
    once a phone is added. Its fix flow picks another target, as for a broken one."""
    assert await async_setup_component(hass, "repairs", {})
    phones = Phones(hass, hass_admin_user.id)
    await phones.add("Pixel 7", "mobile_app_pixel_7", tracker="device_tracker.p7")
    sam = await _person(hass, hass_ws_client, "Sam", None, ["device_tracker.router"])
    issue_id = f"broken_notify_target_{ALEX}_{sam}"

    notifier = Notifier(hass, ALEX, "Alex", [sam])
    for _ in range(2):
        await notifier.async_send("evening", MESSAGE, BUTTONS)
    await notifier.async_clear("evening")  # nothing to clear on, nothing raised
    assert shown == [TAG, TAG]
    assert _warnings(caplog) == [
        "Alex: could not send to person.sam (no phone with the Companion app among "
        "its device trackers); sent as a persistent notification instead"
    ]
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue.is_fixable
    assert issue.translation_key == "person_without_phone"
    assert issue.translation_placeholders == {"name": "Alex", "target": sam}
    assert issue.data == {"entry_id": ALEX, "target": sam}
    translations = await async_get_translations(hass, "en", "issues", [DOMAIN])
    key = f"component.{DOMAIN}.issues.person_without_phone"
    assert "{target}" in translations[f"{key}.title"]
    assert f"{key}.fix_flow.step.replace.data.replacement" in translations
    await notifier.async_send("evening", MESSAGE)
    assert phones.pushed() == {"mobile_app_pixel_7": []}

    # The fix flow offers every other target, in words.
    entry = await setup_entry(
        hass,
        make_entry(
            "Alex",
            entry_id=ALEX,
            room_temperature="sensor.room_temperature",
            notify_targets=[sam],
        ),
    )
    client = await hass_client()
    resp = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    assert resp.status == HTTPStatus.OK
    result = await resp.json()
    assert result["description_placeholders"] == {"name": "Alex", "target": sam}
    options = result["data_schema"][0]["selector"]["select"]["options"]
    assert options == [
        {"value": "persistent_notification", "label": "Persistent notification"},
        {
            "value": "mobile_app_pixel_7",
            "label": "notify.mobile_app_pixel_7: phone, with buttons",
        },
    ]
    resp = await client.post(
        f"/api/repairs/issues/fix/{result['flow_id']}",
        json={"replacement": "mobile_app_pixel_7"},
    )
    assert (await resp.json())["type"] == "create_entry"
    await hass.async_block_till_done()
    assert entry.options["notify_targets"] == ["mobile_app_pixel_7"]

    # A phone for Sam later: the issue goes with the first prompt that reaches it.
    notifier.set_targets([sam])
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=True,
        severity=ir.IssueSeverity.WARNING,
        translation_key="person_without_phone",
        data={"entry_id": ALEX, "target": sam},
    )
    await phones.add(
        "Moto", "mobile_app_moto", tracker="device_tracker.moto", link=False
    )
    client_ws = await hass_ws_client()
    await client_ws.send_json_auto_id(
        {
            "type": "person/update",
            "person_id": hass.states.get(sam).attributes["id"],
            "name": "Sam",
            "user_id": None,
            "device_trackers": ["device_tracker.moto"],
        }
    )
    assert (await client_ws.receive_json())["success"]
    await hass.async_block_till_done()
    await notifier.async_send("evening", MESSAGE, BUTTONS)
    assert len(phones.pushed()["mobile_app_moto"]) == 1
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


async def test_a_persons_phone_that_fails(
    hass: HomeAssistant,
    shown: list[str],
    people: None,
    hass_ws_client: WebSocketGenerator,
    hass_admin_user: Any,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """One phone of two fails: a warning, the other still gets it, no issue and no
    stand-in. Both fail: the person's issue and a persistent notification."""
    phones = Phones(hass, hass_admin_user.id)
    alex = await _person(hass, hass_ws_client, "Alex", hass_admin_user.id)
    await phones.add("Old phone", "mobile_app_old_phone", tracker="device_tracker.old")
    await phones.add("Pixel 7", "mobile_app_pixel_7", tracker="device_tracker.p7")
    async_mock_service(
        hass,
        "notify",
        "mobile_app_old_phone",
        raise_exception=HomeAssistantError("not registered"),
    )
    issue_id = f"broken_notify_target_{ALEX}_{alex}"
    notifier = Notifier(hass, ALEX, "Alex", [alex])
    await notifier.async_send("evening", MESSAGE, BUTTONS)
    await notifier.async_clear("evening")
    assert [len(calls) for calls in phones.pushed().values()] == [0, 2]
    assert _warnings(caplog) == [
        "Alex: could not send a prompt for person.alex to notify.mobile_app_old_phone"
        " (not registered)",
    ]
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert shown == []

    async_mock_service(
        hass,
        "notify",
        "mobile_app_pixel_7",
        raise_exception=HomeAssistantError("no push"),
    )
    await notifier.async_send("evening", MESSAGE, BUTTONS)
    assert issue_registry.async_get_issue(DOMAIN, issue_id).translation_key == (
        "broken_notify_target"
    )
    assert _warnings(caplog)[1:] == [
        "Alex: could not send a prompt for person.alex to notify.mobile_app_pixel_7"
        " (no push)",
        "Alex: could not send to person.alex (none of its phones took the prompt);"
        " sent as a persistent notification instead",
    ]
    assert shown == [TAG]


async def test_a_person_that_is_gone(hass: HomeAssistant) -> None:
    """A person removed since: no phones, a label that names the id."""
    assert person_phones(hass, "person.gone") == []
    assert label(hass, WORDS, "person.gone") == (
        "person.gone (person): no phone with the Companion app yet"
    )


# -- a notify entity ------------------------------------------------------------------


async def test_a_notify_entity_gets_plain_text(
    hass: HomeAssistant,
    shown: list[str],
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Title and message through notify.send_message, no buttons, nothing to take
    back; one that fails or is unavailable or gone is a broken target."""
    screen = await set_up_screen(hass)
    target = "notify.kitchen_screen"
    notifier = Notifier(hass, ALEX, "Alex", [target])
    await notifier.async_send("evening", MESSAGE, BUTTONS)
    await notifier.async_clear("evening")  # a notify entity cannot take it back
    assert screen.sent == [(MESSAGE.message, MESSAGE.title)]
    assert shown == []

    screen.fail = True
    await notifier.async_send("evening", MESSAGE, BUTTONS)
    issue_id = f"broken_notify_target_{ALEX}_{target}"
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue.translation_placeholders == {"name": "Alex", "target": target}
    assert _warnings(caplog) == [
        "Alex: could not send to notify.kitchen_screen (screen is off); sent as a "
        "persistent notification instead"
    ]
    assert shown == [TAG]
    screen.fail = False
    await notifier.async_send("evening", MESSAGE)
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None

    hass.states.async_set(target, STATE_UNAVAILABLE)
    await notifier.async_send("evening", MESSAGE)
    notifier.set_targets(["notify.gone"])
    await notifier.async_send("evening", MESSAGE)
    assert _warnings(caplog)[1:] == [
        "Alex: could not send to notify.kitchen_screen (notify.kitchen_screen is "
        "unavailable); sent as a persistent notification instead",
        "Alex: could not send to notify.gone (notify.gone does not exist); sent as a "
        "persistent notification instead",
    ]
    assert len(screen.sent) == 2


# -- what is offered ------------------------------------------------------------------


async def test_targets_offered_in_words(
    hass: HomeAssistant,
    people: None,
    hass_ws_client: WebSocketGenerator,
    hass_admin_user: Any,
) -> None:
    """The persistent notification, the people, the legacy services (phones, with
    buttons, and others), the notify entities; in Home Assistant's language; a
    chosen target that is gone is kept in its place."""
    await set_up_screen(hass)
    phones = Phones(hass, hass_admin_user.id)
    await _person(hass, hass_ws_client, "Alex", hass_admin_user.id)
    await _person(hass, hass_ws_client, "Sam")
    await phones.add("Pixel 7", "mobile_app_pixel_7", tracker="device_tracker.p7")
    async_mock_service(hass, "notify", "family")
    chosen = ["person.bea", "mobile_app_old"]
    assert target_options(hass, WORDS, chosen) == {
        "persistent_notification": "Persistent notification",
        "person.alex": "Alex (person): their phones, with buttons",
        "person.bea": "person.bea (person): no phone with the Companion app yet",
        "person.sam": "Sam (person): no phone with the Companion app yet",
        "family": "notify.family: notify service, without buttons",
        "mobile_app_old": "notify.mobile_app_old: phone, with buttons",
        "mobile_app_pixel_7": "notify.mobile_app_pixel_7: phone, with buttons",
        "notify.kitchen_screen": (
            "Kitchen screen (notify.kitchen_screen): plain text, without buttons"
        ),
    }
    german = load_texts("de")["targets"]
    assert label(hass, german, "person.alex") == (
        "Alex (Person): ihre Smartphones, mit Schaltflächen"
    )
    assert label(hass, german, "notify.kitchen_screen") == (
        "Kitchen screen (notify.kitchen_screen): nur Text, ohne Schaltflächen"
    )
    assert [kind_of(t) for t in ("persistent_notification", "family")] == [
        TargetKind.PERSISTENT,
        TargetKind.SERVICE,
    ]
    assert {kind_of("notify.x"), kind_of("person.x")} == {
        TargetKind.ENTITY,
        TargetKind.PERSON,
    }


async def test_a_person_target_through_the_entry(
    hass: HomeAssistant,
    people: None,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    hass_ws_client: WebSocketGenerator,
    hass_admin_user: Any,
) -> None:
    """An entry whose target is a person: the stretch reminder reaches the phone with
    its buttons, and a tap on one logs the stretch."""
    phones = Phones(hass, hass_admin_user.id)
    alex = await _person(hass, hass_ws_client, "Alex", hass_admin_user.id)
    await phones.add("Pixel 7", "mobile_app_pixel_7", tracker="device_tracker.p7")
    freezer.move_to(datetime(2026, 6, 16, 19, tzinfo=ZoneInfo("Europe/Berlin")))
    hass.states.async_set(
        "sensor.room_temperature", "21", {"unit_of_measurement": "°C"}
    )
    entry = await setup_entry(
        hass,
        make_entry(
            "Alex",
            entry_id=ALEX,
            room_temperature="sensor.room_temperature",
            notify_targets=[alex],
        ),
    )
    await entry.runtime_data.prompter.async_send_stretch_reminder()
    await hass.async_block_till_done()
    (sent,) = phones.pushed()["mobile_app_pixel_7"]
    assert sent["data"] == {"tag": TAG, "actions": ACTIONS}
    hass.bus.async_fire(
        "mobile_app_notification_action", {"action": ACTIONS[0]["action"]}
    )
    await hass.async_block_till_done()
    assert entry.runtime_data.engine.snapshot.inputs.last_stretch is not None
