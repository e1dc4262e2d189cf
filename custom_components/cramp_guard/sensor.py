"""Sensors of one person: the cramp risk and what it is made of."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import (
    PERCENTAGE,
    EntityCategory,
    UnitOfTemperature,
    UnitOfVolume,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .const import CONF_ROOM_HUMIDITY
from .entity import SnapshotEntity
from .explain import top_points
from .risk import LEVEL_NAMES
from .runtime import CrampGuardConfigEntry
from .settings import Settings
from .snapshot import Snapshot
from .util import rounded as _rounded, whole

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class CrampGuardSensorDescription(SensorEntityDescription):
    """A sensor described by the function that reads its value."""

    value_fn: Callable[[Snapshot], Any]
    attrs_fn: Callable[[Snapshot], dict[str, Any]] | None = None
    available_fn: Callable[[Snapshot], bool] = lambda _: True
    has_fn: Callable[[Settings], bool] = lambda _: True
    # The one object value, attributes and availability come from, when there is one
    part_fn: Callable[[Snapshot], object] | None = None


# Stretch and timing are known from the clock and the logs alone.
SENSOR_FACTORS = ("workload", "exertion", "heat", "hydration")


def risk_available(snapshot: Snapshot) -> bool:
    """The risk means something when a factor beyond time is available."""
    factors = snapshot.risk.factors
    return any(factors[key].available for key in SENSOR_FACTORS)


def _pct(value: float | None) -> int | None:
    """A fraction as a whole percent (what a person reads; finer is not written)."""
    return None if value is None else round(100 * value)


def _risk_attributes(snapshot: Snapshot) -> dict[str, Any]:
    """Small attributes of the assessment whose score is shown: the level, the
    confidence (and its level), and the top three factors, most points first, with
    their whole points (the card's and get_assessment's: with the history's share,
    they add up to the score). Keys, not words: the more-info dialog translates the
    level, the confidence level and each top factor (strings: state_attributes).
    """
    assessment = snapshot.risk
    top = top_points(assessment)
    return {
        "level": assessment.level,
        "confidence": round(assessment.confidence, 2),
        "confidence_level": assessment.confidence_level,
        "top_factors": list(top),
        "top_points": list(top.values()),
    }


SENSORS: tuple[CrampGuardSensorDescription, ...] = (
    CrampGuardSensorDescription(
        key="cramp_risk",
        translation_key="cramp_risk",
        # An index (0-100), not a percentage or a chance: no unit.
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda s: s.risk.score,
        attrs_fn=_risk_attributes,
        available_fn=risk_available,
        part_fn=lambda s: s.risk,
    ),
    CrampGuardSensorDescription(
        key="risk_level",
        translation_key="risk_level",
        device_class=SensorDeviceClass.ENUM,
        options=list(LEVEL_NAMES),
        value_fn=lambda s: s.risk.level,
        available_fn=risk_available,
        part_fn=lambda s: s.risk,
    ),
    CrampGuardSensorDescription(
        key="hydration_pace",
        translation_key="hydration_pace",
        native_unit_of_measurement=PERCENTAGE,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda s: _pct(s.assessment.hydration_pace),
    ),
    CrampGuardSensorDescription(
        key="water_today",
        translation_key="water_today",
        device_class=SensorDeviceClass.VOLUME,
        native_unit_of_measurement=UnitOfVolume.MILLILITERS,
        state_class=SensorStateClass.TOTAL_INCREASING,
        suggested_display_precision=0,
        value_fn=lambda s: whole(s.inputs.water_ml),
    ),
    CrampGuardSensorDescription(
        key="water_target",
        translation_key="water_target",
        device_class=SensorDeviceClass.VOLUME,
        native_unit_of_measurement=UnitOfVolume.MILLILITERS,
        suggested_display_precision=0,
        value_fn=lambda s: whole(s.assessment.water_target_ml),
    ),
    CrampGuardSensorDescription(
        key="workload_ratio",
        translation_key="workload_ratio",
        entity_category=EntityCategory.DIAGNOSTIC,
        # A figure of the model (the same is in get_assessment and diagnostics, and
        # the workload's points are in the card): disabled until someone wants it.
        entity_registry_enabled_default=False,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda s: _rounded(s.assessment.workload_ratio, 2),
    ),
    CrampGuardSensorDescription(
        key="heat_index",
        translation_key="heat_index",
        device_class=SensorDeviceClass.TEMPERATURE,
        native_unit_of_measurement=UnitOfTemperature.CELSIUS,
        state_class=SensorStateClass.MEASUREMENT,
        # In whole degrees, as weather services publish it (it is an estimate).
        suggested_display_precision=0,
        value_fn=lambda s: whole(s.assessment.apparent_temp_c),
        has_fn=lambda settings: CONF_ROOM_HUMIDITY in settings.sources,
    ),
    CrampGuardSensorDescription(
        key="last_stretch",
        translation_key="last_stretch",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda s: s.inputs.last_stretch,
    ),
    CrampGuardSensorDescription(
        key="cramps_30_days",
        translation_key="cramps_30_days",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda s: s.cramps_30_days,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: CrampGuardConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the sensors of one person."""
    engine = entry.runtime_data.engine
    async_add_entities(
        CrampGuardSensor(engine, entry.entry_id, description)
        for description in SENSORS
        if description.has_fn(engine.settings)
    )


class CrampGuardSensor(SnapshotEntity, SensorEntity):
    """A sensor that reads its value from the engine's snapshot."""

    entity_description: CrampGuardSensorDescription
    # They change with every assessment: kept out of the recorder's database.
    _unrecorded_attributes = frozenset(
        {"confidence", "confidence_level", "top_factors", "top_points"}
    )

    _attr_available = False

    @property
    def available(self) -> bool:
        """Unavailable before the first assessment, or when the value means nothing."""
        return self._attr_available

    def _shows(self) -> Any:
        """The description's part of the snapshot, if it names one."""
        snapshot, part_fn = self.snapshot, self.entity_description.part_fn
        return None if snapshot is None or part_fn is None else part_fn(snapshot)

    def _render(self) -> Any:
        """Take the value and attributes from the snapshot, once per assessment (the
        state write reads them back), and return them; None while unavailable."""
        snapshot, description = self.snapshot, self.entity_description
        if snapshot is None or not description.available_fn(snapshot):
            self._attr_available = False
            return None
        attrs_fn = description.attrs_fn
        shown = (
            description.value_fn(snapshot),
            None if attrs_fn is None else attrs_fn(snapshot),
        )
        if shown != self._shown:  # each `_attr_` set clears Home Assistant's cache
            self._attr_available = True
            self._attr_native_value = shown[0]
            self._attr_extra_state_attributes = shown[1]  # type: ignore[assignment]
        return shown
