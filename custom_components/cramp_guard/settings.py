"""The entry's settings, parsed once into typed values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import time
from typing import Any

from homeassistant.const import UnitOfVolume

from .const import (
    CONF_ACTIVITY,
    CONF_ACTIVITY_COUNTER,
    CONF_ACTIVITY_METRIC,
    CONF_BED_TIME,
    CONF_BODY_MASS,
    CONF_CRAMP_PRONE,
    CONF_LEARN_FROM_CRAMPS,
    CONF_MAIN_ACTIVITY,
    CONF_MORNING_CHECKIN,
    CONF_NOTIFY_TARGETS,
    CONF_PERSON_NAME,
    CONF_SEX,
    CONF_WAKE_TIME,
    CONF_WATER_COUNTER,
    CONF_WATER_TARGET,
    CONF_WATER_UNIT,
    CONF_WEBHOOK_ID,
    CONF_WEBHOOK_LOCAL_ONLY,
    DEFAULT_BED_TIME,
    DEFAULT_MAIN_ACTIVITY,
    DEFAULT_WAKE_TIME,
    PLAUSIBLE_DAY,
    PLAUSIBLE_WATER_DAY_ML,
    SOURCE_KEYS,
    ActivityMetric,
    CounterKind,
    MainActivity,
    Sex,
)
from .risk import Profile


@dataclass(frozen=True, slots=True)
class Settings:
    """What one entry is configured with."""

    name: str
    sources: Mapping[str, str]  # source key -> entity id, only the chosen ones
    activity_metric: ActivityMetric
    activity_counter: CounterKind
    water_counter: CounterKind
    water_unit: str
    profile: Profile
    main_activity: MainActivity
    notify_targets: tuple[str, ...] = ()
    webhook_id: str | None = None
    webhook_local_only: bool = True
    morning_checkin: bool = False
    learn_from_cramps: bool = False  # personal weights, once they are active

    @classmethod
    def from_entry(
        cls, data: Mapping[str, Any], options: Mapping[str, Any]
    ) -> Settings:
        """Parse entry.data and entry.options, with defaults for what is missing."""
        sex = Sex(options.get(CONF_SEX, Sex.UNSPECIFIED))
        body_mass = options.get(CONF_BODY_MASS)
        water_target = options.get(CONF_WATER_TARGET)
        return cls(
            name=data[CONF_PERSON_NAME],
            sources={k: options[k] for k in SOURCE_KEYS if options.get(k)},
            activity_metric=ActivityMetric(
                options.get(CONF_ACTIVITY_METRIC, ActivityMetric.STEPS)
            ),
            activity_counter=CounterKind(
                options.get(CONF_ACTIVITY_COUNTER, CounterKind.DAILY)
            ),
            water_counter=CounterKind(
                options.get(CONF_WATER_COUNTER, CounterKind.DAILY)
            ),
            water_unit=options.get(CONF_WATER_UNIT, UnitOfVolume.MILLILITERS),
            profile=Profile(
                body_mass_kg=float(body_mass) if body_mass else None,
                sex=None if sex is Sex.UNSPECIFIED else sex.value,  # type: ignore[arg-type]
                wake=time.fromisoformat(options.get(CONF_WAKE_TIME, DEFAULT_WAKE_TIME)),
                bed=time.fromisoformat(options.get(CONF_BED_TIME, DEFAULT_BED_TIME)),
                cramp_prone=bool(options.get(CONF_CRAMP_PRONE, False)),
                water_target_ml=float(water_target) if water_target else None,
            ),
            main_activity=MainActivity(
                options.get(CONF_MAIN_ACTIVITY, DEFAULT_MAIN_ACTIVITY)
            ),
            notify_targets=tuple(options.get(CONF_NOTIFY_TARGETS, ())),
            webhook_id=options.get(CONF_WEBHOOK_ID) or None,
            webhook_local_only=bool(options.get(CONF_WEBHOOK_LOCAL_ONLY, True)),
            morning_checkin=bool(options.get(CONF_MORNING_CHECKIN, False)),
            learn_from_cramps=bool(options.get(CONF_LEARN_FROM_CRAMPS, False)),
        )

    @property
    def has_activity(self) -> bool:
        """An activity counter is configured."""
        return CONF_ACTIVITY in self.sources

    def renamed(self, old: str, new: str) -> Settings:
        """These settings with a source entity's new entity id."""
        sources = {k: new if v == old else v for k, v in self.sources.items()}
        return replace(self, sources=sources)

    def counter(self, key: str) -> tuple[CounterKind, float]:
        """A counter source's kind and the most a plausible day of it holds."""
        if key == CONF_ACTIVITY:
            return self.activity_counter, PLAUSIBLE_DAY[self.activity_metric]
        return self.water_counter, PLAUSIBLE_WATER_DAY_ML
