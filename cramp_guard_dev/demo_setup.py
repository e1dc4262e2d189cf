"""Set up the running demo: the Cramp Guard entry, its past day and the dashboard.

The onboarding itself (the user `demo`) is LiveHass's on the first start; here, once
Home Assistant runs and the demo sources have states, the entry "Demo" is added
through the config flow API (and its past day imported, past_day.py) and the default
dashboard saved, where they are missing. `prepare` starts the demo and does it all.
The dashboard is config/dashboard.yaml: it leads with the Cramp Guard card (CARD, for
the demo person: DEMO_PERSON is replaced with the entry's id when it is saved); the
built-in gauge of the README's "Built-in cards" section is on its second view
(tests/e2e/test_develop.py checks that they match).
"""

from __future__ import annotations

import asyncio
from datetime import datetime
import json
from pathlib import Path
import time
from typing import Any, Final

import yaml

from custom_components.cramp_guard.flow_schemas import sectioned

from .demo_config import CONFIG_FILES, COUNTERS, PERSON, PROFILE, RISK, SOURCES
from .hass import LiveHass, free_port
from .past_day import import_day
from .process import DevelopHass

DASHBOARD: Final[dict[str, Any]] = yaml.safe_load(
    (CONFIG_FILES / "dashboard.yaml").read_text(encoding="utf-8")
)
CARD_TYPE: Final = "custom:cramp-guard-card"
DEMO_PERSON: Final = "DEMO_PERSON"
# The demo's phone in a drawer (config/configuration.yaml): its steps fall silent.
DRAWER: Final = "input_boolean.demo_phone_in_drawer"
DRAWER_SINCE: Final = "input_datetime.demo_phone_in_drawer_since"
STEPS: Final = "sensor.demo_steps"


def _first(kind: str) -> dict[str, Any]:
    """The dashboard's first card of a type."""
    return next(
        card
        for view in DASHBOARD["views"]
        for card in view["cards"]
        if card["type"] == kind
    )


GAUGE: Final[dict[str, Any]] = _first("gauge")
CARD: Final[dict[str, Any]] = _first(CARD_TYPE)


def dashboard_for(entry_id: str) -> dict[str, Any]:
    """The dashboard with the Cramp Guard card of the person `entry_id`."""
    text = json.dumps(DASHBOARD).replace(json.dumps(DEMO_PERSON), json.dumps(entry_id))
    dashboard: dict[str, Any] = json.loads(text)
    return dashboard


async def dashboard_config(hass: LiveHass) -> Any:
    """The default dashboard's configuration, or None when it has none yet.

    Home Assistant 2026.2 and later turn a saved default dashboard into a dashboard
    entry (url path "lovelace") when they start, keeping the old one as lovelace_old;
    then the default (no url path) may answer config_not_found.
    """
    for message in (
        {"type": "lovelace/config"},
        {"type": "lovelace/config", "url_path": "lovelace"},
    ):
        try:
            return await hass.ws(message)
        except RuntimeError as err:
            if "config_not_found" not in str(err) and "Unknown" not in str(err):
                raise
    return None


async def demo_entry_id(hass: LiveHass) -> str:
    """The config entry id of the demo person."""
    entries = await hass.rest(
        "GET", "/api/config/config_entries/entry?domain=cramp_guard"
    )
    return str(next(e["entry_id"] for e in entries if e["title"] == PERSON))


async def wait_until_running(hass: LiveHass, within: float = 60.0) -> None:
    """Wait until Home Assistant has started: before that, the websocket answers
    before every integration (lovelace among them) is set up.
    """
    deadline = time.monotonic() + within
    while (await hass.rest("GET", "/api/config")).get("state") != "RUNNING":
        if time.monotonic() > deadline:
            raise TimeoutError(f"Home Assistant did not start within {within:.0f} s")
        await asyncio.sleep(0.5)


async def _call(hass: LiveHass, domain: str, service: str, **data: Any) -> None:
    """Call an action and wait until it is done."""
    await hass.ws(
        {"type": "call_service", "domain": domain, "service": service, **data}
    )


async def phone_in_drawer(hass: LiveHass, since: datetime | None) -> None:
    """Put the demo's phone in a drawer at `since` (its steps stay what they were
    then), or take it out (None: the steps count again)."""
    if since is not None:
        await _call(
            hass,
            "input_datetime",
            "set_datetime",
            target={"entity_id": DRAWER_SINCE},
            service_data={"timestamp": since.timestamp()},
        )
    await _call(
        hass,
        "input_boolean",
        "turn_off" if since is None else "turn_on",
        target={"entity_id": DRAWER},
    )
    # The steps' template renders again at once; make sure of it.
    await _call(hass, "homeassistant", "update_entity", target={"entity_id": STEPS})


async def card_stale(
    hass: LiveHass, entry_id: str, wanted: bool, within: float = 30.0
) -> list[dict[str, Any]]:
    """The stale sources of the person's card payload, as the card gets it, once
    there are some (`wanted`) or none, or after `within` seconds: a restart (Home
    Assistant 2026.2+ in `set_up_demo`) looks at the sources once it runs, and a
    sync is seen at the next assessment."""
    deadline = time.monotonic() + within
    while True:
        payload = await hass.first_event(
            {"type": "cramp_guard/card/subscribe", "config_entry_id": entry_id}
        )
        stale: list[dict[str, Any]] = payload["stale"]
        if bool(stale) == wanted or time.monotonic() > deadline:
            return stale
        await asyncio.sleep(0.5)


async def set_up_demo(
    hass: DevelopHass, *, drawer_since: datetime | None = None
) -> dict[str, Any] | None:
    """Add the demo person and the dashboard where they are missing; what the import
    of the past day answered when the person was added now (else None).

    `drawer_since`: the phone went into a drawer then, before the person is added
    (the replayed past day has its steps silent from then on: stale at once).
    """
    await wait_until_running(hass)
    if drawer_since is not None:
        await phone_in_drawer(hass, drawer_since)
    for entity_id in SOURCES.values():
        await hass.wait_for(entity_id, lambda s: s not in ("unknown", "unavailable"))
    entries = await hass.rest(
        "GET", "/api/config/config_entries/entry?domain=cramp_guard"
    )
    imported = None
    if not entries:
        print(f"[develop] adding the Cramp Guard entry {PERSON!r}", flush=True)
        result = await hass.config_flow(
            "cramp_guard",
            sectioned({"person_name": PERSON, **SOURCES}),
            COUNTERS,
            PROFILE,
        )
        if result.get("type") != "create_entry":
            raise RuntimeError(f"the config flow did not create the entry: {result}")
        imported = await import_day(hass)
    await hass.wait_for(RISK, lambda s: s != "unavailable")
    if await dashboard_config(hass) is None:
        print("[develop] saving the default dashboard", flush=True)
        entry_id = await demo_entry_id(hass)
        await hass.ws(
            {"type": "lovelace/config/save", "config": dashboard_for(entry_id)}
        )
    panels = await hass.ws({"type": "get_panels"})
    if not ((panels.get("lovelace") or {}).get("config") or {}).get("mode"):
        # Home Assistant 2026.2+ shows its new home panel unless the default
        # dashboard is a dashboard entry; it makes it one when it starts (a
        # migration), so only a restart puts the saved dashboard in the browser.
        print("[develop] restarting Home Assistant to show the dashboard", flush=True)
        await hass.stop()
        await hass.start()
        # Let the migration finish (and be saved on stop) before anything else.
        await wait_until_running(hass)
    return imported


async def prepare(
    config_dir: Path,
    port: int,
    time_zone: str,
    *,
    show_log: bool = False,
    drawer_since: datetime | None = None,
) -> DevelopHass:
    """Start the demo Home Assistant and set it up (the first run's user, entry and
    dashboard; `drawer_since`: set_up_demo's); the caller stops it. Port 0: any free
    one."""
    hass = DevelopHass(config_dir, port or free_port(), time_zone, show_log=show_log)
    try:
        await hass.start()
        await set_up_demo(hass, drawer_since=drawer_since)
    except BaseException:
        await hass.stop()
        raise
    return hass
