"""Every source of `shared/design/real-sources.md`, its exact state shape and two days.

For each row: the entity as its integration publishes it (state, unit, device and state
class, attributes; the integration's code is cited on the row), added through the
config flow by a person who accepts what the counters step preselects, then two days
of updates the way that integration sends them - polled, pushed, silent for hours,
yesterday's value repeated after midnight, yesterday's total still growing until 04:00,
`unknown` after midnight, a reboot, a lifetime total, Home Assistant down across
midnight. The person walks and drinks the same on every row (model units: steps, kcal,
minutes, mL); the ledger's day totals and what the entities show must be exactly that.

The person wakes at 07:00: before that, "today" is the day that ended, so at 06:55 on
the second day the entities still show the first day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.util.unit_conversion import VolumeConverter
import pytest

from custom_components.cramp_guard.const import DOMAIN
from custom_components.cramp_guard.flow_schemas import sectioned

from .conftest import advance, engine_named

TZ = ZoneInfo("Europe/Berlin")
D1 = date(2026, 6, 16)
D2 = D1 + timedelta(days=1)
FL_OZ_ML = VolumeConverter.convert(1, "fl. oz.", "mL")

# What the person does, by the hour it happens (steps; mL of water).
STEPS = {D1: {8: 1500, 12: 3500, 17: 4000, 21: 1200}, D2: {8: 800, 13: 5200, 19: 5000}}
WATER = {D1: {8: 300, 12: 700, 18: 800, 21: 300}, D2: {9: 250, 14: 1000, 20: 750}}
# The same day in the other metrics the sources count.
SCALE = {"steps": 1.0, "active_kcal": 1 / 20, "intensity_minutes": 1 / 100}


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), TZ)


# Polls: every hour at :05 from 07:05 on the first day to 23:05 on the second, and
# three in the night.
POLLS = sorted(
    [_at(D1, h, 5) for h in range(7, 24)]
    + [_at(D2, 0, 20), _at(D2, 2, 5), _at(D2, 4, 5)]
    + [_at(D2, h, 5) for h in range(5, 24)]
)
MIDNIGHT_RESTART = (_at(D1, 23, 50), _at(D2, 0, 40))  # down across midnight
EARLY_RESTART = (_at(D2, 4, 45), _at(D2, 5, 15))  # an update, past the late window
BEFORE_WAKE = _at(D2, 6, 55)
END = _at(D2, 23, 40)


@dataclass
class Row:
    """One real source: its shape, what the flow should preselect, how it moves."""

    entity_id: str
    attrs: dict[str, Any]
    source: str  # "activity" or "water"
    metric: str | None  # the preselected activity metric
    kind: str  # the preselected counter kind
    moves: str  # how it moves over a day (see `_shows`)
    per_unit: float = 1.0  # model units in one unit of the state
    offset: float = 0.0  # cumulative: the value before the first day
    down: tuple[datetime, datetime] | None = None  # Home Assistant is down then
    options: dict[str, Any] = field(default_factory=dict)  # answers besides defaults

    @property
    def truth(self) -> dict[date, dict[int, float]]:
        """The person's day in this row's model unit."""
        if self.source == "water":
            return {d: dict(hours) for d, hours in WATER.items()}
        scale = SCALE[self.metric or "steps"]
        return {
            d: {h: v * scale for h, v in hours.items()} for d, hours in STEPS.items()
        }


def _day_total(row: Row, day: date, until: datetime) -> float:
    return sum(v for h, v in row.truth.get(day, {}).items() if _at(day, h) <= until)


def _all_since_start(row: Row, until: datetime) -> float:
    return sum(_day_total(row, day, until) for day in (D1, D2))


def _midnight(day: date) -> str:
    return datetime.combine(day, time(), TZ).isoformat()


def _shows(row: Row, at: datetime) -> tuple[float | str, dict[str, Any]] | None:
    """What the source shows at `at` (value in model units, extra attributes), or
    None when it sends nothing then."""
    day, final_d1 = at.date(), _day_total(row, D1, _at(D2, 0))
    today = _day_total(row, day, at)
    match row.moves:
        case "resets_at_midnight":  # Fitbit, HealthKit, Google Fit, Zepp, pedometer
            return today, {}
        case "garmin":  # yesterday's value until the first sync of the new day
            return (final_d1 if day == D2 and at < _at(D2, 7, 30) else today), {}
        case "withings":  # `unknown` after midnight until the day's first activity
            if day == D2 and today == 0:
                return "unknown", {}
            return today, {"last_reset": _midnight(day)}
        case "oura":  # the 21:00 steps arrive at 02:05; yesterday's until 04:00
            if day == D1 and at.hour >= 21:
                return _day_total(row, D1, _at(D1, 20)), {}
            if day == D2 and at < _at(D2, 4):
                late = at >= _at(D2, 2)
                return (final_d1 if late else _day_total(row, D1, _at(D1, 20))), {}
            return today, {}
        case "health_connect":  # silent overnight, a batch write after noon
            silent = _at(D1, 22) < at < _at(D2, 9) or _at(D2, 12) < at < _at(D2, 15)
            return None if silent else (today, {})
        case "since_boot":  # the Android app: steps since boot, a reboot at 13:20
            reboot = _at(D2, 13, 20)
            if at < reboot:
                return row.offset + _all_since_start(row, at), {}
            return _all_since_start(row, at) - _all_since_start(row, reboot), {}
        case "lifetime" | "monthly_meter":  # never resets (in these two days)
            return row.offset + _all_since_start(row, at), {}
        case "daily_meter":  # utility_meter with a daily cycle
            return today, {
                "last_reset": _midnight(day),
                "next_reset": _midnight(day + timedelta(days=1)),
            }
    raise AssertionError(row.moves)


UM = {"status": "collecting", "last_period": "0", "last_valid_state": "1"}
MONTH = {
    "last_reset": _midnight(D1.replace(day=1)),
    "next_reset": _midnight(date(2026, 7, 1)),
}
STEPS_TI = {"unit_of_measurement": "steps", "state_class": "total_increasing"}
KCAL_TI = {"unit_of_measurement": "kcal", "state_class": "total_increasing"}
MIN_DUR = {"unit_of_measurement": "min", "device_class": "duration"}
ML_VOL = {"unit_of_measurement": "mL", "device_class": "volume"}
FL_OZ_VOL = {"unit_of_measurement": "fl. oz.", "device_class": "volume"}

ROWS: dict[str, Row] = {
    # core fitbit/sensor.py, api.py: polled, the day's value, 0 after midnight.
    "fitbit_steps": Row(
        "sensor.alex_steps",
        STEPS_TI,
        "activity",
        "steps",
        "daily",
        "resets_at_midnight",
    ),
    "fitbit_activity_calories": Row(
        "sensor.alex_activity_calories",
        {"unit_of_measurement": "cal", "state_class": "total_increasing"},
        "activity",
        "active_kcal",
        "daily",
        "resets_at_midnight",
    ),
    "fitbit_minutes_very_active": Row(
        "sensor.alex_minutes_very_active",
        MIN_DUR | {"state_class": "measurement"},
        "activity",
        "intensity_minutes",
        "daily",
        "resets_at_midnight",
    ),
    "fitbit_water_fl_oz": Row(
        "sensor.alex_water",
        {"unit_of_measurement": "fl. oz.", "state_class": "total_increasing"},
        "water",
        None,
        "daily",
        "resets_at_midnight",
        per_unit=FL_OZ_ML,
    ),
    "fitbit_steps_ha_down_at_midnight": Row(
        "sensor.alex_steps",
        STEPS_TI,
        "activity",
        "steps",
        "daily",
        "resets_at_midnight",
        down=MIDNIGHT_RESTART,
    ),
    # core withings/sensor.py: total, last_reset the start of the local day.
    "withings_steps_today": Row(
        "sensor.withings_steps_today",
        {"unit_of_measurement": "steps", "state_class": "total"},
        "activity",
        "steps",
        "daily",
        "withings",
    ),
    "withings_active_calories": Row(
        "sensor.withings_active_calories_burnt_today",
        {"unit_of_measurement": "calories", "state_class": "total"},
        "activity",
        "active_kcal",
        "daily",
        "withings",
    ),
    "withings_intense_activity": Row(
        "sensor.withings_intense_activity_today",
        MIN_DUR | {"state_class": "total"},
        "activity",
        "intensity_minutes",
        "daily",
        "withings",
    ),
    # cyberjunky/home-assistant-garmin_connect sensor.py (3.x).
    "garmin_steps": Row(
        "sensor.garmin_connect_steps", STEPS_TI, "activity", "steps", "daily", "garmin"
    ),
    "garmin_steps_ha_restarts_at_5": Row(
        "sensor.garmin_connect_steps",
        STEPS_TI,
        "activity",
        "steps",
        "daily",
        "garmin",
        down=EARLY_RESTART,
    ),
    "garmin_active_calories": Row(
        "sensor.garmin_connect_active_calories",
        KCAL_TI,
        "activity",
        "active_kcal",
        "daily",
        "garmin",
    ),
    "garmin_intensity_minutes": Row(
        "sensor.garmin_connect_intensity_minutes",
        MIN_DUR | {"state_class": "total_increasing"},
        "activity",
        "intensity_minutes",
        "daily",
        "garmin",
    ),
    "garmin_hydration": Row(
        "sensor.garmin_connect_hydration",
        {"unit_of_measurement": "mL", "state_class": "measurement"},
        "water",
        None,
        "daily",
        "garmin",
    ),
    # Same repo, <= 1.0: sensor_descriptions.py / const.py: total without last_reset.
    "garmin_1_total_steps": Row(
        "sensor.garmin_connect_total_steps",
        {"unit_of_measurement": "steps", "state_class": "total"},
        "activity",
        "steps",
        "daily",
        "resets_at_midnight",
    ),
    "garmin_1_active_calories": Row(
        "sensor.garmin_connect_active_calories_1",
        {"unit_of_measurement": "kcal", "state_class": "total"},
        "activity",
        "active_kcal",
        "daily",
        "resets_at_midnight",
    ),
    # home-assistant/android StepsSensorManager.kt: steps since the phone booted.
    "android_steps_sensor": Row(
        "sensor.pixel_8_steps_sensor",
        STEPS_TI | {"friendly_name": "Pixel 8 Steps sensor"},
        "activity",
        "steps",
        "cumulative",
        "since_boot",
        offset=48_201,
    ),
    # HealthConnectSensorManager.kt: local midnight to now, every 15 min, silent hours.
    "health_connect_daily_steps": Row(
        "sensor.pixel_8_daily_steps",
        STEPS_TI | {"endTime": "2026-06-16T07:05:00Z", "sources": ["com.fitbit"]},
        "activity",
        "steps",
        "daily",
        "health_connect",
    ),
    "health_connect_daily_hydration": Row(
        "sensor.pixel_8_daily_hydration",
        ML_VOL | {"state_class": "total_increasing"},
        "water",
        None,
        "daily",
        "health_connect",
    ),
    # home-assistant/iOS PedometerSensor.swift (no state class), HealthKitMetric+*.
    "ios_pedometer_steps": Row(
        "sensor.iphone_steps",
        {"unit_of_measurement": "steps"},
        "activity",
        "steps",
        "daily",
        "resets_at_midnight",
    ),
    "ios_healthkit_active_energy": Row(
        "sensor.iphone_active_energy",
        KCAL_TI,
        "activity",
        "active_kcal",
        "daily",
        "resets_at_midnight",
    ),
    "ios_healthkit_exercise_time": Row(
        "sensor.iphone_exercise_time",
        MIN_DUR | {"state_class": "total_increasing"},
        "activity",
        "intensity_minutes",
        "daily",
        "resets_at_midnight",
    ),
    "ios_healthkit_water": Row(
        "sensor.iphone_water",
        ML_VOL | {"state_class": "total_increasing"},
        "water",
        None,
        "daily",
        "resets_at_midnight",
    ),
    # louispires/oura-v2-custom-component const.py: Oura's day ends about 04:00.
    "oura_steps": Row(
        "sensor.oura_steps", STEPS_TI, "activity", "steps", "daily", "oura"
    ),
    "oura_active_calories": Row(
        "sensor.oura_active_calories",
        {"unit_of_measurement": "kcal", "state_class": "total"},
        "activity",
        "active_kcal",
        "daily",
        "oura",
    ),
    "oura_high_activity_time": Row(
        "sensor.oura_high_activity_time",
        MIN_DUR | {"state_class": "total"},
        "activity",
        "intensity_minutes",
        "daily",
        "oura",
    ),
    # YorkshireIoT/ha-google-fit const.py: steps without a unit; hydration in L.
    "google_fit_steps": Row(
        "sensor.google_fit_steps_daily",
        {"state_class": "total_increasing"},
        "activity",
        "steps",
        "daily",
        "resets_at_midnight",
    ),
    "google_fit_hydration": Row(
        "sensor.google_fit_hydration",
        {"unit_of_measurement": "L", "device_class": "volume"}
        | {"state_class": "total_increasing"},
        "water",
        None,
        "daily",
        "resets_at_midnight",
        per_unit=1000.0,
    ),
    # davidepalleschi/zepp2hass sensors/definitions.py: pushed, no state class.
    "zepp_steps": Row(
        "sensor.zepp_steps",
        {"unit_of_measurement": "steps", "target": 8000},
        "activity",
        "steps",
        "daily",
        "resets_at_midnight",
    ),
    "zepp_fat_burning": Row(
        "sensor.zepp_fat_burning",
        MIN_DUR,
        "activity",
        "intensity_minutes",
        "daily",
        "resets_at_midnight",
    ),
    # bditter/HA-Hidratespark sensor.py: water today, and the lifetime total.
    "hidratespark_water_today": Row(
        "sensor.bottle_water_today",
        FL_OZ_VOL | {"state_class": "total_increasing"},
        "water",
        None,
        "daily",
        "resets_at_midnight",
        per_unit=FL_OZ_ML,
    ),
    "hidratespark_water_lifetime": Row(
        "sensor.bottle_water_lifetime",
        FL_OZ_VOL | {"state_class": "total_increasing"},
        "water",
        None,
        "cumulative",
        "lifetime",
        per_unit=FL_OZ_ML,
        offset=1251.1 * FL_OZ_ML,
    ),
    # core utility_meter/sensor.py: last_reset always, next_reset with a cycle.
    "utility_meter_daily": Row(
        "sensor.water_daily",
        UM | {"unit_of_measurement": "mL", "state_class": "total_increasing"},
        "water",
        None,
        "daily",
        "daily_meter",
    ),
    "utility_meter_monthly": Row(
        "sensor.water_monthly",
        UM | MONTH | {"unit_of_measurement": "L", "state_class": "total_increasing"},
        "water",
        None,
        "cumulative",
        "monthly_meter",
        per_unit=1000.0,
        offset=31_500.0,
    ),
    # core input_number, reset by an automation at midnight.
    "input_number_water": Row(
        "input_number.water_today",
        {"unit_of_measurement": "mL", "min": 0, "max": 5000, "step": 50},
        "water",
        None,
        "daily",
        "resets_at_midnight",
    ),
}


def _publish(hass: HomeAssistant, row: Row, at: datetime) -> None:
    shown = _shows(row, at)
    if shown is None:
        return
    value, attrs = shown
    if isinstance(value, float | int):
        value = f"{value / row.per_unit:.4f}".rstrip("0").rstrip(".")
    hass.states.async_set(row.entity_id, str(value), row.attrs | attrs)


async def _add_person(hass: HomeAssistant, row: Row) -> tuple[str, dict[str, Any]]:
    """The config flow as a person who accepts the preselection."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], sectioned({"person_name": "Alex", row.source: row.entity_id})
    )
    assert result["step_id"] == "counters"
    preselected = {str(key): key.default() for key in result["data_schema"].schema}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {k: v for k, v in row.options.items() if k in preselected}
    )
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    return result["result"].entry_id, preselected


def _today(hass: HomeAssistant, row: Row) -> float | None:
    """What the person's entities say of today: Water today, or the day's load."""
    if row.source == "water":
        state = hass.states.get("sensor.alex_water_today").state
        return None if state in ("unknown", "unavailable") else float(state)
    snapshot = engine_named(hass).snapshot
    assert snapshot is not None
    return snapshot.inputs.load_today


def _ledger(hass: HomeAssistant, row: Row, day: date) -> float | None:
    record = engine_named(hass).ledger.days[day]
    return record.water_ml if row.source == "water" else record.load


def _rounded(row: Row, value: float) -> float:
    return float(round(value)) if row.source == "water" else value


@pytest.mark.parametrize("name", list(ROWS))
async def test_two_days_of_a_real_source(
    hass: HomeAssistant, berlin: None, freezer: FrozenDateTimeFactory, name: str
) -> None:
    """Preselection, then two days: the day totals are what the person did."""
    row = ROWS[name]
    truth = {
        day: _day_total(row, day, _at(day + timedelta(days=1), 0)) for day in (D1, D2)
    }
    freezer.move_to(POLLS[0] - timedelta(minutes=1))
    _publish(hass, row, POLLS[0] - timedelta(minutes=1))
    entry_id, preselected = await _add_person(hass, row)
    expected = {f"{row.source}_counter": row.kind}
    if row.metric is not None:
        expected["activity_metric"] = row.metric
    assert {k: v for k, v in preselected.items() if k in expected} == expected

    checks = {BEFORE_WAKE: D1, END: D2}
    down = row.down or ()
    for moment in sorted([*POLLS, *checks, *down]):
        await advance(hass, freezer, moment)
        if down and moment == down[0]:
            assert await hass.config_entries.async_unload(entry_id)
        elif down and moment == down[1]:
            assert await hass.config_entries.async_setup(entry_id)
            await hass.async_block_till_done()
        elif moment in checks:
            shown = _today(hass, row)
            if row.moves == "withings" and moment == BEFORE_WAKE:
                # `unknown` since midnight: held for 3 h, then left out.
                assert shown is None
            else:
                assert shown == pytest.approx(_rounded(row, truth[checks[moment]]))
        else:
            _publish(hass, row, moment)
        await advance(hass, freezer, timedelta(seconds=1))

    totals = {day: _ledger(hass, row, day) for day in (D1, D2)}
    print(f"{name}: {row.entity_id} day 1 {totals[D1]:g}, day 2 {totals[D2]:g}")
    for day in (D1, D2):
        assert totals[day] == pytest.approx(truth[day], abs=0.01), day


def test_every_row_of_real_sources_is_here() -> None:
    """The table covers each integration named in real-sources.md."""
    named = {name.split("_")[0] for name in ROWS}
    assert named >= {
        "fitbit",
        "withings",
        "garmin",
        "android",
        "health",
        "ios",
        "oura",
        "google",
        "zepp",
        "hidratespark",
        "utility",
        "input",
    }
