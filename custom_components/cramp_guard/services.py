"""The actions (services): log water, stretches and cramps, snooze, remind, explain.

Every action targets one person, by the config entry id or by the person's device id
(exactly one of them). Everything is checked before anything is written: bad input
raises a translated `ServiceValidationError` and leaves the ledger as it was.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Final

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import ATTR_DEVICE_ID
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv, device_registry as dr
import voluptuous as vol

from . import actions
from .const import DOMAIN
from .flow_schemas import WATER_UNITS
from .risk.types import Assessment
from .runtime import CrampGuardData
from .util import rounded

SERVICE_LOG_WATER: Final = "log_water"
SERVICE_LOG_STRETCH: Final = "log_stretch"
SERVICE_LOG_CRAMP: Final = "log_cramp"
SERVICE_SNOOZE: Final = "snooze"
SERVICE_SEND_STRETCH_REMINDER: Final = "send_stretch_reminder"
SERVICE_GET_ASSESSMENT: Final = "get_assessment"

ATTR_CONFIG_ENTRY_ID: Final = "config_entry_id"
ATTR_AMOUNT: Final = "amount"
ATTR_UNIT: Final = "unit"
ATTR_MUSCLE: Final = "muscle"
ATTR_CONTEXT: Final = "context"
ATTR_SEVERITY: Final = "severity"
ATTR_DURATION: Final = "duration"

MAX_SNOOZE: Final = timedelta(hours=24)
DISCLAIMER: Final = (
    "A relative index that compares today with situations linked to cramps in "
    "research; general information, not medical advice."
)
# The units an amount may come in, matched without regard to case ("cups" too).

_TARGET: Final[dict[vol.Marker, Any]] = {
    vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string,
    vol.Optional(ATTR_DEVICE_ID): cv.string,
}
TARGET_SCHEMA: Final = vol.Schema(_TARGET)
LOG_WATER_SCHEMA: Final = vol.Schema(
    {
        **_TARGET,
        vol.Required(ATTR_AMOUNT): vol.Coerce(float),
        vol.Optional(ATTR_UNIT, default="mL"): cv.string,
    }
)
LOG_CRAMP_SCHEMA: Final = vol.Schema(
    {
        **_TARGET,
        vol.Optional(ATTR_MUSCLE, default="calf"): vol.In(actions.MUSCLES),
        vol.Optional(ATTR_CONTEXT): vol.In(actions.CONTEXTS),
        vol.Optional(ATTR_SEVERITY): vol.In(actions.SEVERITIES),
    }
)
SNOOZE_SCHEMA: Final = vol.Schema(
    {**_TARGET, vol.Required(ATTR_DURATION): cv.time_period}
)


def _invalid(key: str, **placeholders: str) -> ServiceValidationError:
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=placeholders,
    )


@callback
def async_get_target(hass: HomeAssistant, call: ServiceCall) -> CrampGuardData:
    """The loaded person the call is for, by config entry id or device id."""
    entry_id: str | None = call.data.get(ATTR_CONFIG_ENTRY_ID)
    device_id: str | None = call.data.get(ATTR_DEVICE_ID)
    if entry_id is not None and device_id is not None:
        raise _invalid("target_ambiguous")
    if device_id is not None:
        device = dr.async_get(hass).async_get(device_id)
        identifiers = device.identifiers if device is not None else set()
        entry_id = next((i for d, i in identifiers if d == DOMAIN), None)
        if entry_id is None:
            raise _invalid("device_not_found", device_id=device_id)
    if entry_id is None:
        raise _invalid("target_missing")
    entry = hass.config_entries.async_get_entry(entry_id)
    if entry is None:
        raise _invalid("entry_not_found", config_entry_id=entry_id)
    if entry.domain != DOMAIN:
        raise _invalid(
            "entry_not_cramp_guard",
            config_entry_id=entry_id,
            title=entry.title,
            domain=entry.domain,
        )
    if entry.state is not ConfigEntryState.LOADED:
        raise _invalid("entry_not_loaded", name=entry.title, state=entry.state.value)
    data: CrampGuardData = entry.runtime_data
    return data


def water_ml(amount: float, unit: str) -> float:
    """The amount in whole millilitres, or the translated reason it is refused."""
    try:
        return actions.water_ml(amount, unit)
    except actions.WaterError as err:
        if err.reason == "invalid_unit":
            units = ", ".join(map(str, WATER_UNITS))
            raise _invalid(err.reason, unit=unit, units=units) from err
        placeholders = {"amount": f"{amount:g}", "unit": err.unit}
        if err.ml is not None:
            placeholders |= {
                "ml": f"{err.ml:.0f}",
                "max_ml": f"{actions.MAX_WATER_ML:.0f}",
            }
        raise _invalid(err.reason, **placeholders) from err


def assessment_response(assessment: Assessment) -> dict[str, Any]:
    """The full explanation of an assessment, JSON-ready (the get_assessment answer)."""
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
            }
            for key, factor in assessment.factors.items()
        },
        "top_factors": list(assessment.top_factors),
        "water_target_ml": rounded(assessment.water_target_ml, 0),
        "water_expected_ml": rounded(assessment.water_expected_ml, 0),
        "hydration_pace": rounded(assessment.hydration_pace, 3),
        "workload_ratio": rounded(assessment.workload_ratio, 3),
        "apparent_temp_c": rounded(assessment.apparent_temp_c, 1),
        "disclaimer": DISCLAIMER,
    }


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the actions (once, from `async_setup`)."""

    async def log_water(call: ServiceCall) -> ServiceResponse:
        data = async_get_target(hass, call)
        ml = water_ml(call.data[ATTR_AMOUNT], call.data[ATTR_UNIT])
        return {**actions.async_log_water(data.engine, ml).as_dict()}

    async def log_stretch(call: ServiceCall) -> ServiceResponse:
        data = async_get_target(hass, call)
        return {**actions.async_log_stretch(data.engine).as_dict()}

    async def log_cramp(call: ServiceCall) -> ServiceResponse:
        data = async_get_target(hass, call)
        totals = actions.async_log_cramp(
            data.engine,
            call.data[ATTR_MUSCLE],
            call.data.get(ATTR_CONTEXT),
            call.data.get(ATTR_SEVERITY),
        )
        return {**totals.as_dict()}

    async def snooze(call: ServiceCall) -> None:
        data = async_get_target(hass, call)
        duration: timedelta = call.data[ATTR_DURATION]
        if not timedelta(0) < duration <= MAX_SNOOZE:
            raise _invalid("invalid_duration", duration=str(duration))
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
        return assessment_response(snapshot.assessment)

    register = hass.services.async_register
    register(
        DOMAIN,
        SERVICE_LOG_WATER,
        log_water,
        schema=LOG_WATER_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
    register(
        DOMAIN,
        SERVICE_LOG_STRETCH,
        log_stretch,
        schema=TARGET_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
    register(
        DOMAIN,
        SERVICE_LOG_CRAMP,
        log_cramp,
        schema=LOG_CRAMP_SCHEMA,
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
