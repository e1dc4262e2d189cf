"""The notify targets a person's prompts may go to (notify service names)."""

from __future__ import annotations

from homeassistant.core import HomeAssistant

NOTIFY = "notify"
PERSISTENT = "persistent_notification"  # the target that is never missing
# Notify services that are not a target: `send_message` needs notify entities.
NOT_A_TARGET = ("send_message", PERSISTENT)


def available_targets(hass: HomeAssistant) -> list[str]:
    """The persistent notification, then the legacy notify services that exist."""
    services = hass.services.async_services_for_domain(NOTIFY)
    return [PERSISTENT, *sorted(s for s in services if s not in NOT_A_TARGET)]
