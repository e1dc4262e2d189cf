"""The demo's past day, seen from outside Home Assistant: import it, count it.

`import_day` calls the action of the demo's helper integration (`demo_history`, linked
into the configuration as `cramp_guard_demo`), which replays the last 24 h and imports
them into the recorder; `history_rows` counts what the recorder holds of the risk.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from .demo_config import DEMO_DOMAIN, RISK
from .hass import LiveHass


async def import_day(hass: LiveHass) -> dict[str, Any]:
    """Give the new demo the past 24 h of its day (the recorder's statistics and
    states; the person continues the replayed ledger); what the import answered."""
    answer = await hass.ws(
        {
            "type": "call_service",
            "domain": DEMO_DOMAIN,
            "service": "import_day",
            "return_response": True,
        }
    )
    imported = answer["response"]
    print(
        f"[develop] imported the last 24 h of {imported['person']}'s day: "
        f"{imported['minutes']} minutes replayed, {imported['rows']} statistics rows, "
        f"{imported['states']} states (the replayed risk now "
        f"{imported['replayed_risk_now']}, the live one "
        f"{imported['live_risk_now']})",
        flush=True,
    )
    return dict(imported)


async def history_rows(hass: LiveHass) -> dict[str, int]:
    """How much of the last 24 h the recorder holds of the risk: its statistics
    rows by period and its states."""
    start = (datetime.now(UTC) - timedelta(hours=24)).isoformat()
    rows = {}
    for period in ("hour", "5minute"):
        found = await hass.ws(
            {
                "type": "recorder/statistics_during_period",
                "start_time": start,
                "statistic_ids": [RISK],
                "period": period,
                "types": ["mean"],
            }
        )
        rows[period] = len(found.get(RISK, []))
    states = await hass.rest(
        "GET", f"/api/history/period/{start}?filter_entity_id={RISK}&minimal_response"
    )
    rows["states"] = len(states[0]) if states else 0
    return rows
