"""The actions (services): log water, stretches and cramps, undo a log, snooze,
remind, explain.

Every action targets one person, by the config entry id (a required field with a
config-entry selector, as core integrations do). Everything is checked before
anything is written: bad input raises a translated `ServiceValidationError` and
leaves the ledger as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any, Final

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import config_validation as cv, issue_registry as ir
import voluptuous as vol

from . import actions
from .bodies import KEYS, refused_as_error, service_error
from .const import DOMAIN
from .explain import explain
from .issues import frequent_cramps_issue_id
from .learning import evaluation_json, levers_json, personal_json
from .ledger import LOG_KINDS
from .runtime import CrampGuardData
from .sensor import risk_available
from .snapshot import Snapshot
from .texts import async_get_texts
from .util import rounded

SERVICE_LOG_WATER: Final = "log_water"
SERVICE_LOG_STRETCH: Final = "log_stretch"
SERVICE_LOG_CRAMP: Final = "log_cramp"
SERVICE_SNOOZE: Final = "snooze"
SERVICE_SEND_STRETCH_REMINDER: Final = "send_stretch_reminder"
SERVICE_GET_ASSESSMENT: Final = "get_assessment"
SERVICE_UNDO_LOG: Final = "undo_log"
SERVICE_ANSWER_CHECKIN: Final = "answer_checkin"

ATTR_CONFIG_ENTRY_ID: Final = "config_entry_id"
ATTR_DURATION: Final = "duration"
ATTR_LOG_ID: Final = "log_id"
ATTR_KIND: Final = "kind"
ATTR_ANSWER: Final = "answer"
ANSWERS: Final = {"no": False, "yes": True}  # cramps last night?

MAX_SNOOZE: Final = timedelta(hours=24)
# The log actions and the body each logs (its fields are the body's schema).
LOG_ACTIONS: Final = {
    SERVICE_LOG_WATER: "water",
    SERVICE_LOG_STRETCH: "stretch",
    SERVICE_LOG_CRAMP: "cramp",
}

_TARGET: Final[dict[vol.Marker, Any]] = {vol.Required(ATTR_CONFIG_ENTRY_ID): cv.string}
TARGET_SCHEMA: Final = vol.Schema(_TARGET)
# The body of a log action is validated once, by `bodies` (as the webhook's and a
# tap's are): the same translated error for the same bad body on every path. The
# schema names the body's fields and lets anything through to that check.
_ANY: Final[Callable[[Any], Any]] = cv.match_all
LOG_SCHEMAS: Final = {
    service: vol.Schema(
        _TARGET | {vol.Optional(key): _ANY for key in KEYS[kind]},
        extra=vol.ALLOW_EXTRA,
    )
    for service, kind in LOG_ACTIONS.items()
}


def _duration(value: Any) -> timedelta:
    """cv.time_period; one too long for a timedelta is refused like any over 24 h."""
    try:
        duration: timedelta = cv.time_period(value)
    except OverflowError as err:
        shown = (
            ", ".join(f"{unit} {n}" for unit, n in value.items())
            if isinstance(value, dict)
            else str(value)
        )
        raise service_error("invalid_duration", duration=shown) from err
    return duration


SNOOZE_SCHEMA: Final = vol.Schema({**_TARGET, vol.Required(ATTR_DURATION): _duration})
UNDO_SCHEMA: Final = vol.Schema(
    {
        **_TARGET,
        vol.Optional(ATTR_LOG_ID): cv.string,
        vol.Optional(ATTR_KIND): vol.In(LOG_KINDS),
    }
)


@callback
def async_get_target(hass: HomeAssistant, call: ServiceCall) -> CrampGuardData:
    """The loaded person the call is for, by config entry id."""
    entry_id: str = call.data[ATTR_CONFIG_ENTRY_ID]
    entry = hass.config_entries.async_get_entry(entry_id)
    if entry is None:
        raise service_error("entry_not_found", config_entry_id=entry_id)
    if entry.domain != DOMAIN:
        raise service_error(
            "entry_not_cramp_guard",
            config_entry_id=entry_id,
            title=entry.title,
            domain=entry.domain,
        )
    if entry.state is not ConfigEntryState.LOADED:
        raise service_error(
            "entry_not_loaded", name=entry.title, state=entry.state.value
        )
    data: CrampGuardData = entry.runtime_data
    return data


def assessment_response(
    snapshot: Snapshot,
    temperature_unit: str,
    texts: Mapping[str, Any],
    see_professional: bool = False,
) -> dict[str, Any]:
    """The full explanation of the index the risk sensor and the card show (the
    held one, `snapshot.risk`), JSON-ready (the get_assessment answer): each factor's
    whole `points` and `history_points` add up to that score, as the card shows
    them; the water figures are the latest assessment's, as the sensors' are. With
    them what would lower it now (a cooler room in `temperature_unit`), how it has
    matched the person's cramps (by level too) and the personal weights. Last the
    disclaimer and the see-a-professional advice in the words of `texts`, and
    whether that advice is raised now (`see_professional`: frequent cramps or one
    logged as severe, the repair issue the card shows too).
    """
    assessment, latest = snapshot.risk, snapshot.assessment
    explained = explain(assessment, snapshot.inputs)
    factor_points = {p.key: p.points for p in explained.points}
    return {
        "score": assessment.score,
        "level": assessment.level,
        "confidence": round(assessment.confidence, 3),
        "confidence_level": assessment.confidence_level,
        "factors": {
            key: {
                "sub_score": rounded(factor.sub_score, 3),
                "weight": round(factor.weight, 3),
                "contribution": round(factor.contribution, 3),
                "available": factor.available,
                "points": factor_points.get(key, 0),
            }
            for key, factor in assessment.factors.items()
        },
        "history_points": explained.history_points,
        "history": explained.history,
        "multiplier": round(assessment.multiplier, 2),
        "confidence_hints": list(explained.confidence_hints),
        "top_factors": list(assessment.top_factors),
        "water_target_ml": rounded(latest.water_target_ml, 0),
        "water_expected_ml": rounded(latest.water_expected_ml, 0),
        "hydration_pace": rounded(latest.hydration_pace, 3),
        "workload_ratio": rounded(latest.workload_ratio, 3),
        "apparent_temp_c": rounded(latest.apparent_temp_c, 1),
        "levers": levers_json(snapshot.levers, temperature_unit)
        if risk_available(snapshot)
        else [],
        "evaluation": evaluation_json(snapshot.evaluation, by_level=True),
        "personal": personal_json(snapshot.personal, snapshot.learning),
        "see_professional": see_professional,
        "advice": texts["see_professional"],
        "disclaimer": texts["disclaimer"],
    }


CHECKIN_SCHEMA: Final = vol.Schema(
    {**_TARGET, vol.Required(ATTR_ANSWER): vol.In(ANSWERS)}
)


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the actions (once, from `async_setup`)."""

    @refused_as_error
    async def log(call: ServiceCall) -> ServiceResponse:
        data = async_get_target(hass, call)
        body = {k: v for k, v in call.data.items() if k != ATTR_CONFIG_ENTRY_ID}
        totals = actions.async_log(data.engine, LOG_ACTIONS[call.service], body)
        return {**totals.as_dict()}

    @refused_as_error
    async def undo_log(call: ServiceCall) -> ServiceResponse:
        data = async_get_target(hass, call)
        totals = actions.async_undo(
            data.engine, call.data.get(ATTR_LOG_ID), call.data.get(ATTR_KIND)
        )
        return {**totals.as_dict()}

    async def answer_checkin(call: ServiceCall) -> ServiceResponse:
        data = async_get_target(hass, call)
        cramps = ANSWERS[call.data[ATTR_ANSWER]]
        return {**actions.async_answer_night(data.engine, cramps).as_dict()}

    async def snooze(call: ServiceCall) -> None:
        data = async_get_target(hass, call)
        duration: timedelta = call.data[ATTR_DURATION]
        if not timedelta(0) < duration <= MAX_SNOOZE:
            raise service_error("invalid_duration", duration=str(duration))
        data.prompter.async_snooze(duration)

    async def send_stretch_reminder(call: ServiceCall) -> None:
        data = async_get_target(hass, call)
        await data.prompter.async_send_stretch_reminder()

    async def get_assessment(call: ServiceCall) -> ServiceResponse:
        data = async_get_target(hass, call)
        snapshot = data.engine.snapshot
        if snapshot is None:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="not_assessed",
                translation_placeholders={"name": data.engine.settings.name},
            )
        issue = ir.async_get(hass).async_get_issue(
            DOMAIN, frequent_cramps_issue_id(call.data[ATTR_CONFIG_ENTRY_ID])
        )
        return assessment_response(
            snapshot,
            hass.config.units.temperature_unit,
            await async_get_texts(hass),
            see_professional=issue is not None and issue.active,
        )

    register = hass.services.async_register
    for service, schema in LOG_SCHEMAS.items():
        register(
            DOMAIN,
            service,
            log,
            schema=schema,
            supports_response=SupportsResponse.OPTIONAL,
        )
    register(
        DOMAIN,
        SERVICE_UNDO_LOG,
        undo_log,
        schema=UNDO_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
    register(
        DOMAIN,
        SERVICE_ANSWER_CHECKIN,
        answer_checkin,
        schema=CHECKIN_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
    register(DOMAIN, SERVICE_SNOOZE, snooze, schema=SNOOZE_SCHEMA)
    register(
        DOMAIN,
        SERVICE_SEND_STRETCH_REMINDER,
        send_stretch_reminder,
        schema=TARGET_SCHEMA,
    )
    register(
        DOMAIN,
        SERVICE_GET_ASSESSMENT,
        get_assessment,
        schema=TARGET_SCHEMA,
        supports_response=SupportsResponse.ONLY,
    )
