"""`--check`: what is wrong with the running demo, printed as OK or FAILED.

The risk is a number, the dashboard has the Cramp Guard card of the demo person and
the gauge and shows only entities that exist, the recorder holds the past day, and
(on the first run) the live index continues the replayed day.
"""

from __future__ import annotations

from typing import Any, Final

from .demo_config import PERSON, RISK
from .demo_setup import CARD, dashboard_config, demo_entry_id
from .hass import LiveHass, is_number
from .past_day import history_rows

# At least this many rows of the risk cover the past day (hourly statistics, 5-minute
# ones, states): `--check` fails with fewer.
HISTORY_ROWS: Final = 20
# The live index continues the replayed day: at the import, the two are at most this
# far apart (the hysteresis of the shown score, the sources' last minute).
CONTINUES_WITHIN: Final = 2


def _cards(config: Any) -> list[dict[str, Any]]:
    """Every card of a dashboard configuration, nested ones included."""
    found: list[dict[str, Any]] = []
    if isinstance(config, dict):
        if "type" in config and (
            {"entity", "entities", "config_entry_id"} & set(config)
        ):
            found.append(config)
        for value in config.values():
            found += _cards(value)
    elif isinstance(config, list):
        for item in config:
            found += _cards(item)
    return found


async def check(hass: LiveHass, imported: dict[str, Any] | None = None) -> list[str]:
    """What is wrong with the running demo (nothing: an empty list); `imported`:
    what the import of the past day answered, on the first run."""
    problems: list[str] = []
    if imported is not None:
        replayed, live = imported["replayed_risk_now"], imported["live_risk_now"]
        if not (
            is_number(replayed)
            and is_number(live)
            and abs(float(replayed) - float(live)) <= CONTINUES_WITHIN
        ):
            problems.append(
                f"the live index ({live}) does not continue the replayed day "
                f"({replayed})"
            )
    risk = await hass.wait_for(RISK, is_number, within=30)
    config = await dashboard_config(hass)
    cards = _cards(config)
    entry_id = await demo_entry_id(hass)
    if not any(c == CARD | {"config_entry_id": entry_id} for c in cards):
        problems.append(f"the dashboard has no Cramp Guard card of {PERSON}")
    if not any(c["type"] == "gauge" and c.get("entity") == RISK for c in cards):
        problems.append(f"the dashboard has no gauge of {RISK}")
    states = {s["entity_id"] for s in await hass.rest("GET", "/api/states")}
    for card in cards:
        if "config_entry_id" in card:
            continue
        entities = [card["entity"]] if "entity" in card else card["entities"]
        for entity in entities:
            entity_id = entity if isinstance(entity, str) else entity.get("entity")
            if entity_id not in states:
                problems.append(
                    f"the dashboard shows {entity_id}, which does not exist"
                )
    day = await history_rows(hass)
    if min(day.values()) < HISTORY_ROWS:
        problems.append(f"the past day is missing from the recorder: {day}")
    attributes = risk["attributes"]
    print(
        f"OK: {RISK} = {risk['state']} of 100 ({attributes.get('level')}, confidence "
        f"{attributes.get('confidence')}); the dashboard has the card and the gauge; "
        f"the past "
        f"day: {day['hour']} hourly and {day['5minute']} 5-minute statistics, "
        f"{day['states']} states of the risk"
        if not problems
        else "FAILED: " + "; ".join(problems),
        flush=True,
    )
    return problems
