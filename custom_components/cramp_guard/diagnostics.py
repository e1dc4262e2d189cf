"""Diagnostics: settings (redacted), and from the last snapshot the sources as the
model read them, the ledger, the inputs, the assessment and what was learnt from the
person's cramps (counts and multipliers; no moments of cramps)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant, State
from homeassistant.util import dt as dt_util

from .const import CONF_PERSON_NAME
from .freshness import Freshness
from .learning import evaluation_json, personal_json
from .risk import RiskInputs
from .runtime import CrampGuardConfigEntry
from .snapshot import Snapshot

# Names of people, notify targets and the webhook id (a secret) are private.
TO_REDACT = {CONF_PERSON_NAME, "title", "notify_targets", "webhook_id"}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: CrampGuardConfigEntry
) -> dict[str, Any]:
    """Return what helps to understand one person's cramp risk."""
    engine = entry.runtime_data.engine
    snapshot = engine.snapshot
    readings = snapshot.readings if snapshot else {}
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
                "value": readings[key].value if key in readings else None,
                "problem": readings[key].problem if key in readings else None,
                **_freshness(key, state, engine.ledger.freshness.get(key), snapshot),
            }
            for key, entity_id in engine.settings.sources.items()
        },
        "ledger": _ledger(snapshot) if snapshot else None,
        "assessment": asdict(snapshot.assessment) if snapshot else None,
        "inputs": _inputs(snapshot.inputs) if snapshot else None,
        "learning": _learning(snapshot) if snapshot else None,
    }


def _freshness(
    key: str, state: State | None, fresh: Freshness | None, snapshot: Snapshot | None
) -> dict[str, Any]:
    """When the source last reported and last changed; a counter's as Cramp Guard
    kept them (across restarts), its usual gap between changes (minutes of awake
    time) and whether it is stale."""
    if fresh is None:
        return {
            "last_reported": _local(state.last_reported) if state else None,
            "last_changed": _local(state.last_changed) if state else None,
        }
    usual = fresh.usual
    return {
        "last_reported": fresh.reported.isoformat() if fresh.reported else None,
        "last_changed": fresh.changed.isoformat() if fresh.changed else None,
        "usual_gap_minutes": None if usual is None else round(usual / 60),
        "gaps_learnt": len(fresh.gaps),
        "stale": snapshot is not None and key in snapshot.stale,
    }


def _local(moment: datetime) -> str:
    return dt_util.as_local(moment).isoformat()


def _learning(snapshot: Snapshot) -> dict[str, Any]:
    """The samples kept, how the index has matched the cramps, the multipliers
    learnt and whether the index uses them."""
    return {
        "samples": snapshot.samples,
        "evaluation": evaluation_json(snapshot.evaluation, by_level=True),
        "personal": personal_json(snapshot.personal, snapshot.learning),
        "weights_used": None
        if snapshot.weights is None
        else {key: round(weight, 4) for key, weight in snapshot.weights.items()},
    }


def _ledger(snapshot: Snapshot) -> dict[str, Any]:
    """The ledger as the last assessment saw it."""
    facts = snapshot.ledger
    return {
        "days": facts.days,
        "first_day": facts.first_day.isoformat() if facts.first_day else None,
        "backfilled": facts.backfilled,
        "load_history": list(snapshot.inputs.load_history),
        "today": snapshot.today.as_dict(),
        "counters": facts.counters,
    }


def _inputs(inputs: RiskInputs) -> dict[str, Any]:
    """The model's inputs, with the profile's times as text."""
    data = asdict(inputs)
    data["held"] = sorted(inputs.held)
    data["stale"] = sorted(inputs.stale)
    profile = data["profile"]
    profile["wake"], profile["bed"] = (
        inputs.profile.wake.isoformat(),
        inputs.profile.bed.isoformat(),
    )
    return data
