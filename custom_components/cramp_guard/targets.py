"""The notify targets a person's prompts may go to, as the options keep them.

A target is one of:

- `persistent_notification`: a persistent notification in Home Assistant (never
  missing);
- a legacy notify service's name, e.g. `mobile_app_pixel` for
  `notify.mobile_app_pixel`: a phone's service carries the action buttons, other
  services (groups) get the prompt without them;
- a notify entity's id, e.g. `notify.kitchen_display`: plain text (title and message)
  through `notify.send_message`, no buttons;
- a person's entity id, e.g. `person.alex`: the legacy services of that person's
  phones, found when a prompt is sent (the mobile_app devices of the person's device
  trackers), with buttons - a new phone needs no reconfiguration.

Service names never hold a dot and entity ids always do, so the options of entries
from before notify entities and people (service names only) read as they did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.util import slugify

NOTIFY = "notify"
PERSON = "person"
MOBILE_APP = "mobile_app"
MOBILE_PREFIX = f"{MOBILE_APP}_"  # the legacy services of phones
PERSISTENT = "persistent_notification"  # the target that is never missing
SEND_MESSAGE = "send_message"  # the notify entities' action
# Notify services that are not a target: `send_message` needs notify entities.
NOT_A_TARGET = (SEND_MESSAGE, PERSISTENT)
# What person entities and mobile_app config entries hold (core's keys).
ATTR_DEVICE_TRACKERS = "device_trackers"
ATTR_DEVICE_NAME = "device_name"


class TargetKind(StrEnum):
    """What a target stands for."""

    PERSISTENT = "persistent"
    PERSON = "person"
    SERVICE = "service"  # a legacy notify service
    ENTITY = "entity"  # a notify entity


def kind_of(target: str) -> TargetKind:
    """The kind of a target as the options keep it."""
    if target == PERSISTENT:
        return TargetKind.PERSISTENT
    if "." not in target:
        return TargetKind.SERVICE
    return TargetKind.PERSON if target.startswith(f"{PERSON}.") else TargetKind.ENTITY


def is_phone(service: str) -> bool:
    """Whether a legacy notify service is a phone's (it takes action buttons)."""
    return service.startswith(MOBILE_PREFIX)


def shown(target: str) -> str:
    """A target as the log and the repairs name it: `notify.<service>` or its id."""
    return f"{NOTIFY}.{target}" if kind_of(target) is TargetKind.SERVICE else target


def available_targets(hass: HomeAssistant) -> list[str]:
    """The persistent notification, then the legacy notify services that exist."""
    services = hass.services.async_services_for_domain(NOTIFY)
    return [PERSISTENT, *sorted(s for s in services if s not in NOT_A_TARGET)]


def every_target(hass: HomeAssistant) -> list[str]:
    """Every target there is now: the persistent notification, the people, the
    legacy notify services and the notify entities."""
    persistent, *services = available_targets(hass)
    people = sorted(hass.states.async_entity_ids(PERSON))
    entities = sorted(hass.states.async_entity_ids(NOTIFY))
    return [persistent, *people, *services, *entities]


def person_phones(hass: HomeAssistant, person_id: str) -> list[str]:
    """The legacy notify services of a person's phones, as they are now.

    The person's device trackers -> their devices -> the mobile_app config entries
    of those devices -> `notify.mobile_app_<device name>` (the name the app
    registered, slugified, as mobile_app's notify platform names its services).
    """
    if (state := hass.states.get(person_id)) is None:
        return []
    entities, devices = er.async_get(hass), dr.async_get(hass)
    phones: list[str] = []
    for tracker in state.attributes.get(ATTR_DEVICE_TRACKERS) or ():
        entity = entities.async_get(tracker)
        # A tracker without a device (a router's, a YAML one) is no phone.
        device = (
            devices.async_get(entity.device_id) if entity and entity.device_id else None
        )
        for entry_id in device.config_entries if device else ():
            entry = hass.config_entries.async_get_entry(entry_id)
            name = entry.data.get(ATTR_DEVICE_NAME) if entry else None
            if entry and entry.domain == MOBILE_APP and name:
                phones.append(slugify(f"{MOBILE_PREFIX}{name}"))
    return list(dict.fromkeys(phones))


def _name(hass: HomeAssistant, entity_id: str) -> str:
    state = hass.states.get(entity_id)
    return state.name if state is not None else entity_id


def label(hass: HomeAssistant, words: Mapping[str, Any], target: str) -> str:
    """A target in words (the picker's label): what it is and whether prompts
    arrive there with buttons. `words` are the texts' `targets`."""
    kind = kind_of(target)
    if kind is TargetKind.PERSISTENT:
        return str(words["persistent"])
    if kind is TargetKind.SERVICE:
        key = "phone" if is_phone(target) else "service"
        return str(words[key]).format(target=shown(target))
    name = _name(hass, target)
    if kind is TargetKind.PERSON:
        key = "person" if person_phones(hass, target) else "person_no_phone"
        return str(words[key]).format(name=name, target=target)
    return str(words["entity"]).format(name=name, target=target)


def target_options(
    hass: HomeAssistant,
    words: Mapping[str, Any],
    chosen: Iterable[str] = (),
    leave_out: Iterable[str] = (),
) -> dict[str, str]:
    """The targets to offer (value -> label) as `every_target` orders them (by
    kind, then name), with the chosen ones even when gone (so they can be taken
    out)."""
    order = list(TargetKind)
    values = sorted(
        {*every_target(hass), *chosen} - set(leave_out),
        key=lambda target: (order.index(kind_of(target)), target),
    )
    return {target: label(hass, words, target) for target in values}
