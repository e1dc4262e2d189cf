"""Diagnostics: settings (redacted), sources as the engine sees them, ledger, result."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from .const import CONF_PERSON_NAME
from .risk import RiskInputs
from .runtime import CrampGuardConfigEntry

# Names of people and notify targets (and, later, the webhook id) are private.
TO_REDACT = {CONF_PERSON_NAME, "title", "notify_targets", "webhook_id"}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: CrampGuardConfigEntry
) -> dict[str, Any]:
    """Return what helps to understand one person's cramp risk."""
    engine = entry.runtime_data.engine
    snapshot = engine.snapshot
    ledger = engine.ledger
    return {
        "entry": async_redact_data(
            {
                "title": entry.title,
                "data": dict(entry.data),
                "options": dict(entry.options),
            },
            TO_REDACT,
        ),
        "sources": {
            key: {
                "entity_id": entity_id,
                "state": state.state if (state := hass.states.get(entity_id)) else None,
                "value": engine.readings[key].value if key in engine.readings else None,
                "problem": engine.readings[key].problem
                if key in engine.readings
                else None,
            }
            for key, entity_id in engine.settings.sources.items()
        },
        "ledger": {
            "days": len(ledger.days),
            "first_day": min(ledger.days).isoformat() if ledger.days else None,
            "backfilled": ledger.backfilled,
            "load_history": ledger.load_history(snapshot.day.day) if snapshot else None,
            "today": {
                k: v
                for k, v in snapshot.day.as_dict().items()
                if k not in ("minutes", "outdoor")
            }
            if snapshot
            else None,
            "counters": {name: c.as_dict() for name, c in ledger.counters.items()},
        },
        "assessment": asdict(snapshot.assessment) if snapshot else None,
        "inputs": _inputs(snapshot.inputs) if snapshot else None,
    }


def _inputs(inputs: RiskInputs) -> dict[str, Any]:
    """The model's inputs, with the profile's times as text."""
    data = asdict(inputs)
    data["held"] = sorted(inputs.held)
    profile = data["profile"]
    profile["wake"], profile["bed"] = (
        inputs.profile.wake.isoformat(),
        inputs.profile.bed.isoformat(),
    )
    return data
