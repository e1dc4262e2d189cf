"""Sending a prompt to the targets (targets.py), with a persistent notification as
the always-available fallback; and routing the taps on phones back.

Phones (`notify.mobile_app_*`, chosen themselves or the phones of a chosen person)
get `data: {tag, actions}`, other legacy notify services `data: {tag}`, notify
entities their title and message through `notify.send_message` (it takes nothing
else: no buttons, no tag). The tag is per person and prompt kind, so a new prompt
replaces the old one. A target that is missing or raises, or a person with no phone
(or none that took the prompt), costs one warning, a fixable repair issue (pick
another target) and a persistent notification instead - never a crash. A person is
reached when one of their phones took the prompt; a phone of theirs that failed costs
a warning.

A prompt that no longer holds is cleared: phones get the companion apps'
`clear_notification` message with its tag, the persistent notification of that tag is
dismissed; notify entities and other notify services cannot take a notification back
and are skipped.

Action ids carry the config entry; one `mobile_app_notification_action` listener
routes each tap to its person, and ignores (with a debug line) taps of entries that
are not loaded.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
import logging
from typing import Any

from homeassistant.components import persistent_notification
from homeassistant.const import ATTR_ENTITY_ID, STATE_UNAVAILABLE
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN
from .issues import (
    async_broken_target,
    async_person_without_phone,
    async_target_works,
)
from .messages import Message
from .targets import (
    NOTIFY,
    PERSISTENT,
    SEND_MESSAGE,
    TargetKind,
    is_phone,
    kind_of,
    person_phones,
    shown,
)

_LOGGER = logging.getLogger(__package__)

EVENT_ACTION = "mobile_app_notification_action"
ACTION_PREFIX = "CRAMP_GUARD"
MAX_ACTIONS = 3  # Android shows at most three
CLEAR = "clear_notification"  # the companion apps remove the notification of the tag
SEND_TIMEOUT = 30  # seconds a notify service may take
FALLBACK = "; sent as a persistent notification instead"


@dataclass(frozen=True, slots=True)
class Action:
    """A button on a phone notification."""

    action: str  # the id, e.g. GLASS
    title: str


def action_id(entry_id: str, action: str) -> str:
    """An action id that carries the entry, so two people's prompts never cross."""
    return f"{ACTION_PREFIX}_{action}_{entry_id}"


def parse_action_id(value: str) -> tuple[str, str] | None:
    """(action, entry_id) from an action id of ours, else None.

    Entry ids (ULIDs) hold no underscore; actions may (SNOOZE_30M).
    """
    if not value.startswith(f"{ACTION_PREFIX}_"):
        return None
    action, _, entry_id = value.removeprefix(f"{ACTION_PREFIX}_").rpartition("_")
    return (action, entry_id) if action and entry_id else None


def tag(entry_id: str, kind: str) -> str:
    """The notification tag (and persistent notification id) of a prompt kind."""
    return f"{DOMAIN}_{entry_id}_{kind}"


class ActionRouter:
    """One listener for the notification taps of every loaded person."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Listen until the last person's handler leaves."""
        self.handlers: dict[str, Callable[[str], None]] = {}
        self.unsub = hass.bus.async_listen(EVENT_ACTION, self._on_action)

    @callback
    def _on_action(self, event: Event) -> None:
        raw = str(event.data.get("action", ""))
        if (parsed := parse_action_id(raw)) is None:
            return  # not a Cramp Guard notification
        action, entry_id = parsed
        if (handler := self.handlers.get(entry_id)) is None:
            _LOGGER.debug("Ignored notification action %s: entry not loaded", raw)
            return
        handler(action)


ROUTER: HassKey[ActionRouter] = HassKey(f"{DOMAIN}_action_router")


@callback
def async_route_actions(
    hass: HomeAssistant, entry_id: str, handler: Callable[[str], None]
) -> CALLBACK_TYPE:
    """Send this entry's taps to `handler`; returns the function that stops it."""
    if (router := hass.data.get(ROUTER)) is None:
        router = hass.data[ROUTER] = ActionRouter(hass)
    router.handlers[entry_id] = handler

    @callback
    def leave() -> None:
        del router.handlers[entry_id]
        if not router.handlers:
            router.unsub()
            del hass.data[ROUTER]

    return leave


class Notifier:
    """Sends one person's prompts to their targets."""

    def __init__(
        self, hass: HomeAssistant, entry_id: str, name: str, targets: Sequence[str]
    ) -> None:
        """Targets as the options keep them (targets.py); none means a persistent
        notification."""
        self.hass = hass
        self.entry_id = entry_id
        self.name = name
        self.set_targets(targets)
        self._broken: set[str] = set()  # warned about in this run

    def set_targets(self, targets: Sequence[str]) -> None:
        """Send to these targets from now on (none: a persistent notification)."""
        self.targets = list(dict.fromkeys(targets)) or [PERSISTENT]

    async def async_send(
        self, kind: str, message: Message, actions: Sequence[Action] = ()
    ) -> None:
        """Send to every target; a failing one falls back to a persistent one."""
        fallback = False
        for target in self.targets:
            if target == PERSISTENT:
                self._persistent(kind, message)
            elif not await self._send(target, kind, message, actions):
                fallback = True
        if fallback and PERSISTENT not in self.targets:
            self._persistent(kind, message)

    def _persistent(self, kind: str, message: Message) -> None:
        persistent_notification.async_create(
            self.hass,
            message.message,
            title=message.title,
            notification_id=tag(self.entry_id, kind),
        )

    async def async_clear(self, kind: str) -> None:
        """Take a prompt back: cleared on phones (a person's too), the persistent
        one dismissed. Notify entities and other notify services cannot take a
        notification back.

        Never raises: a phone that fails or hangs costs what a failed send does.
        """
        payload: dict[str, Any] = {
            "message": CLEAR,
            "data": {"tag": tag(self.entry_id, kind)},
        }
        for target in self.targets:
            if kind_of(target) is TargetKind.PERSON:
                for phone in person_phones(self.hass, target):
                    if error := await self._call(phone, payload):
                        what = f"could not clear a prompt of {target} on"
                        self._warn(phone, error, what)
            elif kind_of(target) is TargetKind.SERVICE and is_phone(target):
                error = await self._call(target, payload)
                self._outcome(target, error, "could not clear a prompt on")
        persistent_notification.async_dismiss(self.hass, tag(self.entry_id, kind))

    def _payload(
        self, service: str, kind: str, message: Message, actions: Sequence[Action]
    ) -> dict[str, Any]:
        """What notify.<service> gets: phones the buttons too."""
        data: dict[str, object] = {"tag": tag(self.entry_id, kind)}
        if actions and is_phone(service):
            data["actions"] = [
                {"action": action_id(self.entry_id, a.action), "title": a.title}
                for a in actions[:MAX_ACTIONS]
            ]
        return {"title": message.title, "message": message.message, "data": data}

    async def _send(
        self, target: str, kind: str, message: Message, actions: Sequence[Action]
    ) -> bool:
        """Send to one target; False (after a warning and an issue) when it fails."""
        if kind_of(target) is TargetKind.PERSON:
            return await self._send_person(target, kind, message, actions)
        if kind_of(target) is TargetKind.ENTITY:
            error = await self._call_entity(target, message)
        else:
            payload = self._payload(target, kind, message, actions)
            error = await self._call(target, payload)
        return self._outcome(target, error, "could not send to", FALLBACK)

    async def _send_person(
        self, person: str, kind: str, message: Message, actions: Sequence[Action]
    ) -> bool:
        """Send to each of a person's phones. The person is reached when one of
        them took it; none there, or none took it: the issue of the person."""
        phones = person_phones(self.hass, person)
        if not phones:
            async_person_without_phone(self.hass, self.entry_id, self.name, person)
            why = "no phone with the Companion app among its device trackers"
            self._warn(person, why, "could not send to", FALLBACK)
            return False
        reached = False
        for phone in phones:
            payload = self._payload(phone, kind, message, actions)
            if error := await self._call(phone, payload):
                what = f"could not send a prompt for {person} to"
                self._warn(phone, error, what)
            else:
                self._broken.discard(phone)
                reached = True
        if reached:
            return self._outcome(person, None, "")
        why = "none of its phones took the prompt"
        return self._outcome(person, why, "could not send to", FALLBACK)

    def _outcome(
        self, target: str, error: str | None, what: str, then: str = ""
    ) -> bool:
        """Note how a target did: the issue (and one warning) when it failed, else
        the issue gone. True when it worked."""
        if error is None:
            self._broken.discard(target)
            async_target_works(self.hass, self.entry_id, target)
            return True
        async_broken_target(self.hass, self.entry_id, self.name, target)
        self._warn(target, error, what, then)
        return False

    async def _call(self, service: str, payload: dict[str, Any]) -> str | None:
        """Call notify.<service> within SEND_TIMEOUT: None, or what went wrong."""
        try:
            if not self.hass.services.has_service(NOTIFY, service):
                raise HomeAssistantError(f"notify.{service} does not exist")
            async with asyncio.timeout(SEND_TIMEOUT):
                await self.hass.services.async_call(
                    NOTIFY, service, payload, blocking=True
                )
        except Exception as err:  # whatever a target raises
            return str(err) or type(err).__name__
        return None

    async def _call_entity(self, entity_id: str, message: Message) -> str | None:
        """Send the title and message to a notify entity (`notify.send_message`
        takes nothing else): None, or what went wrong."""
        state = self.hass.states.get(entity_id)
        if state is None:
            return f"{entity_id} does not exist"
        if state.state == STATE_UNAVAILABLE:
            return f"{entity_id} is unavailable"
        payload = {
            ATTR_ENTITY_ID: entity_id,
            "title": message.title,
            "message": message.message,
        }
        return await self._call(SEND_MESSAGE, payload)

    def _warn(self, target: str, error: str, what: str, then: str = "") -> None:
        """Warn once per target and run."""
        if target not in self._broken:
            self._broken.add(target)
            _LOGGER.warning(
                "%s: %s %s (%s)%s", self.name, what, shown(target), error, then
            )
