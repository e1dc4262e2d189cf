"""The actions: every good input does what it says, every bad one writes nothing.

Each action targets one person by config entry id or device id; the answers of the
log actions (the new totals) and of get_assessment (the full explanation) are checked
against the ledger and the engine's assessment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers.service import async_get_all_descriptions
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_get_persistent_notifications,
)
import voluptuous as vol
import yaml

from custom_components.cramp_guard.bodies import (
    MAX_WATER_ML,
)
from custom_components.cramp_guard.const import DOMAIN
from custom_components.cramp_guard.explain import explain
from custom_components.cramp_guard.risk import FACTOR_KEYS
from custom_components.cramp_guard.runtime import CrampGuardData
from custom_components.cramp_guard.snapshot import Snapshot
from custom_components.cramp_guard.texts import load_texts

from .conftest import ABSURD_WATER, SOURCES, USABLE, make_entry, setup_entry

COMPONENT = Path(__file__).resolve().parent.parent / "custom_components" / DOMAIN
TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 16, 12, 0, tzinfo=TZ)
PROFILE: dict[str, Any] = {"body_mass": 75.0, "sex": "female"}
OPTIONS: dict[str, Any] = SOURCES | PROFILE
SENSOR_WATER_ML = 800.0
SERVICES = (
    "log_water",
    "log_stretch",
    "log_cramp",
    "undo_log",
    "answer_checkin",
    "snooze",
    "send_stretch_reminder",
    "get_assessment",
)
# Valid data for each action, besides the target.
GOOD: dict[str, dict[str, Any]] = {
    "log_water": {"amount": 250},
    "log_stretch": {},
    "log_cramp": {},
    "undo_log": {},
    "answer_checkin": {"answer": "no"},
    "snooze": {"duration": {"hours": 1}},
    "send_stretch_reminder": {},
    "get_assessment": {},
}
RESPONSE = {
    "log_water",
    "log_stretch",
    "log_cramp",
    "undo_log",
    "answer_checkin",
    "get_assessment",
}


@dataclass
class People:
    """Two loaded people, Alex and Bea, plus what bad calls point at."""

    alex: MockConfigEntry
    bea: MockConfigEntry
    unloaded: MockConfigEntry
    other: MockConfigEntry

    def data(self, entry: MockConfigEntry) -> CrampGuardData:
        data: CrampGuardData = entry.runtime_data
        return data

    def snapshot(self, entry: MockConfigEntry) -> Snapshot:
        snapshot = self.data(entry).engine.snapshot
        assert snapshot is not None
        return snapshot


def _state(hass: HomeAssistant, entity_id: str) -> str:
    state = hass.states.get(entity_id)
    assert state is not None, entity_id
    return state.state


# Alex (`init_integration`): every source, a woman of 75 kg.
pytestmark = pytest.mark.entry(
    profile=PROFILE, states=USABLE | {"water": SENSOR_WATER_ML}
)


@pytest.fixture
async def people(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> People:
    """Alex and Bea set up at noon; Cleo added but not loaded; a foreign entry."""
    alex = init_integration
    bea = await setup_entry(hass, make_entry("Bea", **OPTIONS))
    unloaded = make_entry("Cleo", **OPTIONS)
    unloaded.add_to_hass(hass)
    other = MockConfigEntry(domain="other_thing", title="Other")
    other.add_to_hass(hass)
    return People(alex, bea, unloaded, other)


async def _call(
    hass: HomeAssistant,
    service: str,
    data: dict[str, Any],
    *,
    response: bool = False,
) -> Any:
    return await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=response
    )


def _ledgers(people: People) -> list[dict[str, Any]]:
    return [people.data(e).engine.ledger._as_dict() for e in (people.alex, people.bea)]


def _prompt_states(people: People) -> list[dict[str, Any]]:
    return [people.data(e).prompter.state.as_dict() for e in (people.alex, people.bea)]


# -- registration and texts ----------------------------------------------------------


async def test_actions_are_registered_with_descriptions(
    hass: HomeAssistant, people: People
) -> None:
    """Every action exists, with the fields of services.yaml and translated texts."""
    descriptions = (await async_get_all_descriptions(hass))[DOMAIN]
    assert set(descriptions) == set(SERVICES)
    strings = json.loads((COMPONENT / "strings.json").read_text(encoding="utf-8"))
    yaml_fields = yaml.safe_load((COMPONENT / "services.yaml").read_text())
    for service in SERVICES:
        assert hass.services.has_service(DOMAIN, service)
        fields = set(yaml_fields[service]["fields"])
        # One required person field with a config-entry selector, as core does.
        person = yaml_fields[service]["fields"]["config_entry_id"]
        assert person["required"] is True
        assert person["selector"] == {"config_entry": {"integration": DOMAIN}}
        assert set(descriptions[service]["fields"]) == fields
        texts = strings["services"][service]
        assert texts["name"]
        assert texts["description"]
        assert set(texts["fields"]) == fields
        assert all(f["name"] and f["description"] for f in texts["fields"].values())
    assert hass.services.supports_response(DOMAIN, "get_assessment") == "only"
    assert hass.services.supports_response(DOMAIN, "log_water") == "optional"
    assert hass.services.supports_response(DOMAIN, "snooze") == "none"


# -- good input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "unit", "ml"),
    [
        (250, None, 250.0),  # mL by default
        (250, "mL", 250.0),
        ("330", "ml", 330.0),  # a string amount, the unit in any case
        (8, "fl. oz.", 237.0),  # 236.6 mL, rounded
        (1, "cup", 237.0),
        (2, "cups", 473.0),
        (0.5, "L", 500.0),
        (0.25, "gal", 946.0),
        (MAX_WATER_ML, "mL", MAX_WATER_ML),
    ],
)
async def test_log_water(
    hass: HomeAssistant,
    people: People,
    amount: float | str,
    unit: str | None,
    ml: float,
) -> None:
    """The amount is converted to whole mL and added to the person's water today."""
    data: dict[str, Any] = {"config_entry_id": people.alex.entry_id, "amount": amount}
    if unit is not None:
        data["unit"] = unit
    before = people.snapshot(people.alex)
    assert before.today.water_logged_ml == 0.0

    response = await _call(hass, "log_water", data, response=True)
    await hass.async_block_till_done()

    assert people.snapshot(people.alex).today.water_logged_ml == ml
    assert before.today.water_logged_ml == 0.0  # a snapshot is a value
    assert response == {
        "water_today_ml": round(SENSOR_WATER_ML + ml),
        "stretches_today": 0,
        "cramps_30_days": 0,
        "log_id": f"water@{NOW.isoformat()}",
    }
    state = hass.states.get("sensor.alex_water_today")
    assert state is not None
    assert float(state.state) == SENSOR_WATER_ML + ml


async def test_log_without_asking_for_the_totals(
    hass: HomeAssistant, people: People
) -> None:
    """The log actions answer only when asked; the log happens either way."""
    target = {"config_entry_id": people.alex.entry_id}
    assert await _call(hass, "log_water", target | {"amount": 100}) is None
    assert await _call(hass, "log_stretch", target) is None
    assert await _call(hass, "log_cramp", target) is None
    assert await _call(hass, "log_water", target | {"amount": 100}, response=True) == {
        "water_today_ml": round(SENSOR_WATER_ML + 200),
        "stretches_today": 1,
        "cramps_30_days": 1,
        "log_id": f"water@{NOW.isoformat()}",
    }


async def test_log_stretch(hass: HomeAssistant, people: People) -> None:
    """A stretch is recorded now and shows as the Last stretch."""
    assert _state(hass, "sensor.alex_last_stretch") == "unknown"
    target = {"config_entry_id": people.alex.entry_id}

    response = await _call(hass, "log_stretch", target, response=True)
    await hass.async_block_till_done()

    assert response["stretches_today"] == 1
    assert people.snapshot(people.alex).today.stretches == (NOW,)
    state = hass.states.get("sensor.alex_last_stretch")
    assert state is not None
    assert dt_util.parse_datetime(state.state) == NOW


async def test_undo_a_log_by_its_id_or_the_last_one(
    hass: HomeAssistant, people: People, freezer: FrozenDateTimeFactory
) -> None:
    """Each log action answers with its log_id; undo_log removes that log, or the
    last one of the last 24 h (of a kind): the ledger, the sensors and the index are
    as before at once, and the other person is untouched."""
    target = {"config_entry_id": people.alex.entry_id}
    risk = _state(hass, "sensor.alex_cramp_risk")
    before = _ledgers(people)
    water = await _call(hass, "log_water", target | {"amount": 300}, response=True)
    freezer.tick(timedelta(minutes=1))
    stretch = await _call(hass, "log_stretch", target, response=True)
    freezer.tick(timedelta(minutes=1))
    cramp = await _call(hass, "log_cramp", target, response=True)
    await hass.async_block_till_done()
    assert cramp["log_id"].startswith("cramp@")
    assert _state(hass, "sensor.alex_cramp_risk") != risk

    undone = await _call(hass, "undo_log", target, response=True)  # the last one
    assert undone["log_id"] == cramp["log_id"]
    assert undone["cramps_30_days"] == 0
    undone = await _call(hass, "undo_log", target | {"kind": "water"}, response=True)
    assert undone["log_id"] == water["log_id"]
    assert undone["water_today_ml"] == round(SENSOR_WATER_ML)
    await _call(hass, "undo_log", target | {"log_id": stretch["log_id"]})
    await hass.async_block_till_done()
    assert _ledgers(people) == before
    assert _state(hass, "sensor.alex_cramp_risk") == risk
    assert _state(hass, "sensor.alex_water_today") == str(round(SENSOR_WATER_ML))
    assert _state(hass, "sensor.alex_cramps_30_days") == "0"

    # Only the last 24 hours are "the last one"; an id reaches further back.
    await _call(hass, "log_stretch", target)
    freezer.tick(timedelta(hours=25))
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "undo_log", target)
    assert err.value.translation_key == "nothing_to_undo"


@pytest.mark.parametrize(
    ("moment", "data", "expected"),
    [
        (NOW, {}, ("calf", "rest", None)),  # the defaults, the context worked out
        (
            NOW,
            {"muscle": "hamstring", "context": "exercise", "severity": "severe"},
            ("hamstring", "exercise", "severe"),
        ),
        (NOW, {"muscle": "foot", "severity": "mild"}, ("foot", "rest", "mild")),
        # Asleep at 03:00 the next night (before the wake time): the context is night.
        (NOW + timedelta(hours=15), {"muscle": "calf"}, ("calf", "night", None)),
    ],
)
async def test_log_cramp(
    hass: HomeAssistant,
    people: People,
    freezer: FrozenDateTimeFactory,
    moment: datetime,
    data: dict[str, Any],
    expected: tuple[str, str, str | None],
) -> None:
    """A cramp is recorded with its muscle, context (given or inferred) and severity."""
    if moment != NOW:
        freezer.move_to(moment)
        people.data(people.alex).engine.async_update()
    engine = people.data(people.alex).engine
    target = {"config_entry_id": people.alex.entry_id}

    response = await _call(hass, "log_cramp", target | data, response=True)
    await hass.async_block_till_done()

    assert response["cramps_30_days"] == 1
    [cramp] = engine.ledger.iter_cramps()
    assert (cramp.at, cramp.muscle, cramp.context, cramp.severity) == (
        moment,
        *expected,
    )
    assert _state(hass, "sensor.alex_cramps_30_days") == "1"


async def test_get_assessment(hass: HomeAssistant, people: People) -> None:
    """The answer is the engine's current assessment, in full, JSON-ready."""
    target = {"config_entry_id": people.alex.entry_id}
    response = await _call(hass, "get_assessment", target, response=True)
    assessment = people.snapshot(people.alex).assessment

    assert json.loads(json.dumps(response)) == response
    assert response["score"] == assessment.score
    assert response["level"] == assessment.level
    assert response["confidence"] == pytest.approx(assessment.confidence, abs=1e-3)
    assert response["confidence_level"] == assessment.confidence_level
    assert response["top_factors"] == list(assessment.top_factors)
    assert set(response["factors"]) == set(assessment.factors)
    assert {"workload", "heat", "hydration"} <= set(response["factors"])
    for key, factor in assessment.factors.items():
        answer = response["factors"][key]
        assert answer["available"] is factor.available
        assert answer["weight"] == pytest.approx(factor.weight, abs=1e-3)
        assert answer["contribution"] == pytest.approx(factor.contribution, abs=1e-3)
        if factor.sub_score is None:
            assert answer["sub_score"] is None
        else:
            assert answer["sub_score"] == pytest.approx(factor.sub_score, abs=1e-3)
    for key, digits in (
        ("water_target_ml", 0.5),
        ("water_expected_ml", 0.5),
        ("hydration_pace", 1e-3),
        ("workload_ratio", 1e-3),
        ("apparent_temp_c", 0.05),
    ):
        value = getattr(assessment, key)
        if value is None:
            assert response[key] is None, key
        else:
            assert response[key] == pytest.approx(value, abs=digits), key
    assert assessment.water_target_ml is not None
    assert assessment.apparent_temp_c is not None
    english = load_texts("en")
    assert response["disclaimer"] == english["disclaimer"]
    assert "not medical advice" in response["disclaimer"]
    assert "causes are debated" in response["disclaimer"]
    assert response["advice"] == english["see_professional"]
    assert response["see_professional"] is False  # no cramp logged
    # Whole points a person can check (explain.py): they add up to the score.
    explained = explain(assessment, people.snapshot(people.alex).inputs)
    points = [answer["points"] for answer in response["factors"].values()]
    assert all(isinstance(n, int) for n in points)
    assert sum(points) + response["history_points"] == response["score"]
    assert {p.key: p.points for p in explained.points} == {
        key: answer["points"] for key, answer in response["factors"].items()
    }
    assert response["history_points"] == explained.history_points == 0
    assert response["history"] is None
    assert response["multiplier"] == 1.0
    assert response["confidence_hints"] == list(explained.confidence_hints)
    # What would lower it now, how it has matched the cramps (by level too) and the
    # personal weights: the card's shapes.
    snapshot = people.snapshot(people.alex)
    assert response["levers"] == [
        {
            "key": lever.key,
            "amount": None if lever.amount is None else round(lever.amount),
            "unit": "mL" if lever.key == "water" else None,
            "score": lever.score,
            "points": lever.points,
        }
        for lever in snapshot.levers
    ]
    assert response["levers"], "a lever at noon"
    evaluation = response["evaluation"]
    assert evaluation["ready"] is False
    assert (evaluation["needed_events"], evaluation["needed_days"]) == (5, 14)
    assert evaluation["by_level"] == {
        level: {"hours": 0, "events": 0, "per_100_hours": None}
        for level in ("low", "moderate", "high", "very_high")
    }
    assert response["personal"] == {
        "learning": False,
        "active": False,
        "events": 0,
        "tracked_days": 0,
        "multipliers": dict.fromkeys(FACTOR_KEYS, 1.0),
    }
    assert "no_workload_history" in response["confidence_hints"]  # a new person


@pytest.mark.parametrize("language", ["de", "fr", "es", "nl", "he", "de-CH", "pt"])
async def test_get_assessment_speaks_home_assistants_language(
    hass: HomeAssistant, people: People, language: str
) -> None:
    """The disclaimer and the see-a-professional advice in Home Assistant's language
    (a regional variant in its language, one without words in English); a cramp
    logged as severe raises the advice, its undo withdraws it again."""
    hass.config.language = language
    words = await hass.async_add_executor_job(load_texts, language)
    own = language.split("-")[0]
    if own != "pt":
        assert words["disclaimer"] != load_texts("en")["disclaimer"]
    target = {"config_entry_id": people.alex.entry_id}
    response = await _call(hass, "get_assessment", target, response=True)
    assert (
        response["disclaimer"],
        response["advice"],
        response["see_professional"],
    ) == (
        words["disclaimer"],
        words["see_professional"],
        False,
    )

    await _call(hass, "log_cramp", target | {"severity": "severe"})
    await hass.async_block_till_done()
    response = await _call(hass, "get_assessment", target, response=True)
    assert response["see_professional"] is True
    assert response["advice"] == words["see_professional"]

    await _call(hass, "undo_log", target | {"kind": "cramp"})
    await hass.async_block_till_done()
    response = await _call(hass, "get_assessment", target, response=True)
    assert response["see_professional"] is False


async def test_get_assessment_answers_the_index_the_sensor_shows(
    hass: HomeAssistant, people: People
) -> None:
    """While the shown index is held (the hysteresis), get_assessment answers it -
    what the risk sensor and the card show - not the latest raw assessment."""
    engine = people.data(people.alex).engine
    snapshot = people.snapshot(people.alex)
    latest = snapshot.assessment
    held = replace(latest, score=latest.score + 1)
    engine.data = replace(snapshot, shown=held)
    response = await _call(
        hass, "get_assessment", {"config_entry_id": people.alex.entry_id}, response=True
    )
    assert response["score"] == engine.snapshot.risk.score == held.score
    assert response["score"] != latest.score
    points = sum(answer["points"] for answer in response["factors"].values())
    assert points + response["history_points"] == response["score"]


async def test_get_assessment_after_a_cramp(
    hass: HomeAssistant, people: People
) -> None:
    """A cramp raises M: its share is the history's points, named a recent cramp."""
    target = {"config_entry_id": people.alex.entry_id}
    await _call(hass, "log_cramp", target)
    response = await _call(hass, "get_assessment", target, response=True)
    assert response["history"] == "recent_cramp"
    assert response["multiplier"] == 1.4
    assert response["history_points"] > 0
    points = sum(answer["points"] for answer in response["factors"].values())
    assert points + response["history_points"] == response["score"]


async def test_get_assessment_only_with_a_response(
    hass: HomeAssistant, people: People
) -> None:
    """get_assessment has nothing to do but answer."""
    with pytest.raises(ServiceValidationError):
        await _call(hass, "get_assessment", {"config_entry_id": people.alex.entry_id})


async def test_get_assessment_before_the_first_assessment(
    hass: HomeAssistant, people: People
) -> None:
    """No snapshot yet (it cannot happen once loaded): a translated error."""
    people.data(people.alex).engine.data = None  # type: ignore[assignment]
    with pytest.raises(HomeAssistantError) as err:
        await _call(
            hass,
            "get_assessment",
            {"config_entry_id": people.alex.entry_id},
            response=True,
        )
    assert err.value.translation_key == "not_assessed"
    assert "Alex" in str(err.value)


@pytest.mark.parametrize(
    ("duration", "expected"),
    [
        ({"hours": 2}, timedelta(hours=2)),
        ({"minutes": 30}, timedelta(minutes=30)),
        ("01:15:00", timedelta(hours=1, minutes=15)),
        (600, timedelta(minutes=10)),
        ({"hours": 24}, timedelta(hours=24)),
    ],
)
async def test_snooze(
    hass: HomeAssistant, people: People, duration: Any, expected: timedelta
) -> None:
    """Snooze silences every prompt of the person until now + duration."""
    prompter = people.data(people.alex).prompter
    assert prompter.state.snoozed_until is None
    await _call(
        hass,
        "snooze",
        {"config_entry_id": people.alex.entry_id, "duration": duration},
    )
    assert prompter.state.snoozed_until == NOW + expected
    assert people.data(people.bea).prompter.state.snoozed_until is None


async def test_send_stretch_reminder(hass: HomeAssistant, people: People) -> None:
    """Without notify targets the reminder is a persistent notification, now."""
    entry_id = people.alex.entry_id
    key = f"{DOMAIN}_{entry_id}_evening"
    assert key not in async_get_persistent_notifications(hass)

    await _call(hass, "send_stretch_reminder", {"config_entry_id": entry_id})
    await hass.async_block_till_done()

    notifications = async_get_persistent_notifications(hass)
    assert key in notifications
    assert "Alex" in notifications[key]["title"] + notifications[key]["message"]
    assert f"{DOMAIN}_{people.bea.entry_id}_evening" not in notifications


# -- targets -------------------------------------------------------------------------


@pytest.mark.parametrize("service", SERVICES)
async def test_the_person_is_required(
    hass: HomeAssistant, people: People, service: str
) -> None:
    """Without the person the call is refused by the schema, and nothing changes."""
    before = _ledgers(people)
    with pytest.raises(vol.Invalid, match="config_entry_id"):
        await _call(hass, service, dict(GOOD[service]), response=service in RESPONSE)
    assert _ledgers(people) == before


async def test_two_people_never_cross(hass: HomeAssistant, people: People) -> None:
    """An action for one person changes only that person's ledger."""
    alex_before, bea_before = _ledgers(people)

    await _call(
        hass,
        "log_water",
        {"config_entry_id": people.bea.entry_id, "amount": 400},
    )
    await _call(hass, "log_stretch", {"config_entry_id": people.bea.entry_id})
    await _call(hass, "log_cramp", {"config_entry_id": people.bea.entry_id})
    await hass.async_block_till_done()

    alex_after, bea_after = _ledgers(people)
    assert alex_after == alex_before
    assert bea_after != bea_before
    bea_day = people.snapshot(people.bea).today
    assert bea_day.water_logged_ml == 400.0
    assert len(bea_day.stretches) == 1
    assert len(bea_day.cramps) == 1
    assert _state(hass, "sensor.alex_water_today") == "800"
    assert _state(hass, "sensor.bea_water_today") == "1200"


# -- bad input -----------------------------------------------------------------------

Target = Callable[[HomeAssistant, People], dict[str, Any]]
TARGET_ERRORS: list[tuple[str, Target, str]] = [
    (
        "unknown_entry",
        lambda h, p: {"config_entry_id": "01NOTANENTRY"},
        "entry_not_found",
    ),
    (
        "entry_of_another_domain",
        lambda h, p: {"config_entry_id": p.other.entry_id},
        "entry_not_cramp_guard",
    ),
    (
        "entry_not_loaded",
        lambda h, p: {"config_entry_id": p.unloaded.entry_id},
        "entry_not_loaded",
    ),
]


def _alex(hass: HomeAssistant, people: People) -> dict[str, Any]:
    return {"config_entry_id": people.alex.entry_id}


INPUT_ERRORS: list[tuple[str, str, dict[str, Any], str]] = [
    ("log_water", "zero", {"amount": 0}, "invalid_amount"),
    ("log_water", "negative", {"amount": -250}, "invalid_amount"),
    ("log_water", "nan", {"amount": "nan"}, "invalid_amount"),
    ("log_water", "infinite", {"amount": float("inf")}, "invalid_amount"),
    ("log_water", "below_1_ml", {"amount": 0.4}, "invalid_amount"),
    ("log_water", "below_1_ml_in_l", {"amount": 0.0004, "unit": "L"}, "invalid_amount"),
    ("log_water", "too_much_ml", {"amount": 3001}, "amount_too_large"),
    ("log_water", "too_much_l", {"amount": 4, "unit": "L"}, "amount_too_large"),
    ("log_water", "a_gallon", {"amount": 1, "unit": "gal"}, "amount_too_large"),
    (
        "log_water",
        "too_much_oz",
        {"amount": 200, "unit": "fl. oz."},
        "amount_too_large",
    ),
    ("log_water", "unknown_unit", {"amount": 8, "unit": "oz"}, "invalid_unit"),
    ("log_water", "not_a_drink_unit", {"amount": 1, "unit": "m³"}, "invalid_unit"),
    ("log_water", "empty_unit", {"amount": 1, "unit": ""}, "invalid_unit"),
    *(
        ("log_water", f"{amount}_{unit}", {"amount": amount, "unit": unit}, key)
        for amount, unit, key in ABSURD_WATER
    ),
    ("undo_log", "nothing_logged", {}, "nothing_to_undo"),
    ("undo_log", "no_such_stretch", {"kind": "stretch"}, "nothing_to_undo"),
    (
        "undo_log",
        "unknown_id",
        {"log_id": "cramp@2026-06-16T11:00:00+02:00"},
        "log_not_found",
    ),
    ("undo_log", "garbage_id", {"log_id": "sock@yesterday"}, "log_not_found"),
    ("snooze", "zero", {"duration": {"hours": 0}}, "invalid_duration"),
    ("snooze", "negative", {"duration": {"hours": -1}}, "invalid_duration"),
    (
        "snooze",
        "over_a_day",
        {"duration": {"hours": 24, "seconds": 1}},
        "invalid_duration",
    ),
    ("snooze", "a_week", {"duration": "168:00:00"}, "invalid_duration"),
    ("snooze", "overflowing_seconds", {"duration": 1e308}, "invalid_duration"),
    ("snooze", "overflowing_hours", {"duration": {"hours": 1e308}}, "invalid_duration"),
    ("snooze", "overflowing_text", {"duration": "9" * 30 + ":00"}, "invalid_duration"),
]
# A log action's body of the wrong shape: validated once, by `bodies`, as at the
# webhook: the translated invalid_body.
INPUT_ERRORS += [
    (service, name, data, "invalid_body")
    for service, name, data in [
        ("log_water", "no_amount", {}),
        ("log_water", "amount_not_a_number", {"amount": "lots"}),
        ("log_water", "unit_not_a_string", {"amount": 1, "unit": ["mL"]}),
        ("log_water", "amount_a_boolean", {"amount": True}),
        ("log_cramp", "unknown_muscle", {"muscle": "neck"}),
        ("log_cramp", "unknown_context", {"context": "morning"}),
        ("log_cramp", "unknown_severity", {"severity": "extreme"}),
        ("log_stretch", "unknown_field", {"amount": 1}),
    ]
]
# Caught by the schema of actions that log nothing (the selectors offer only valid
# values): vol.Invalid.
SCHEMA_ERRORS: list[tuple[str, str, dict[str, Any]]] = [
    ("undo_log", "unknown_kind", {"kind": "sock"}),
    ("undo_log", "id_not_a_string", {"log_id": ["x"]}),
    ("snooze", "no_duration", {}),
    ("snooze", "duration_not_a_time", {"duration": "soon"}),
    ("get_assessment", "entry_id_not_a_string", {"config_entry_id": ["x"]}),
]


def _assert_nothing_written(
    hass: HomeAssistant,
    people: People,
    ledgers: list[dict[str, Any]],
    prompt_states: list[dict[str, Any]],
    notifications: set[str],
) -> None:
    assert _ledgers(people) == ledgers
    assert _prompt_states(people) == prompt_states
    assert set(async_get_persistent_notifications(hass)) == notifications
    assert people.unloaded.state is ConfigEntryState.NOT_LOADED


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize(
    ("target", "key"),
    [(t, k) for _, t, k in TARGET_ERRORS],
    ids=[name for name, _, _ in TARGET_ERRORS],
)
async def test_bad_target(
    hass: HomeAssistant, people: People, service: str, target: Target, key: str
) -> None:
    """Every action refuses a bad target with a translated error and writes nothing."""
    before = (
        _ledgers(people),
        _prompt_states(people),
        set(async_get_persistent_notifications(hass)),
    )
    with pytest.raises(ServiceValidationError) as err:
        await _call(
            hass,
            service,
            target(hass, people) | GOOD[service],
            response=service in RESPONSE,
        )
    await hass.async_block_till_done()

    assert err.value.translation_domain == DOMAIN
    assert err.value.translation_key == key
    message = str(err.value)
    assert message != key  # translated (an unknown key comes back as the key)
    assert "{" not in message  # every placeholder filled
    _assert_nothing_written(hass, people, *before)


@pytest.mark.parametrize(
    ("service", "data", "key"),
    [(s, d, k) for s, _, d, k in INPUT_ERRORS],
    ids=[f"{s}-{name}" for s, name, _, _ in INPUT_ERRORS],
)
async def test_bad_input(
    hass: HomeAssistant, people: People, service: str, data: dict[str, Any], key: str
) -> None:
    """Absurd amounts, unknown units and bad durations: translated, nothing written."""
    before = (
        _ledgers(people),
        _prompt_states(people),
        set(async_get_persistent_notifications(hass)),
    )
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, service, _alex(hass, people) | data)
    await hass.async_block_till_done()

    assert err.value.translation_domain == DOMAIN
    assert err.value.translation_key == key
    message = str(err.value)
    assert message != key  # translated (an unknown key comes back as the key)
    assert "{" not in message  # every placeholder filled
    _assert_nothing_written(hass, people, *before)


@pytest.mark.parametrize(
    ("service", "data"),
    [(s, d) for s, _, d in SCHEMA_ERRORS],
    ids=[f"{s}-{name}" for s, name, _ in SCHEMA_ERRORS],
)
async def test_bad_input_caught_by_the_schema(
    hass: HomeAssistant, people: People, service: str, data: dict[str, Any]
) -> None:
    """Wrong types and values outside the offered options: vol.Invalid, no write."""
    before = (
        _ledgers(people),
        _prompt_states(people),
        set(async_get_persistent_notifications(hass)),
    )
    with pytest.raises(vol.Invalid):
        await _call(
            hass,
            service,
            _alex(hass, people) | data,
            response=service in RESPONSE,
        )
    await hass.async_block_till_done()
    _assert_nothing_written(hass, people, *before)


async def test_error_messages_read_well(hass: HomeAssistant, people: People) -> None:
    """The translated messages name what was wrong."""
    with pytest.raises(ServiceValidationError) as err:
        await _call(
            hass,
            "log_water",
            {
                "config_entry_id": people.alex.entry_id,
                "amount": 200,
                "unit": "fl. oz.",
            },
        )
    assert str(err.value) == (
        "200 fl. oz. is 5915 mL; one log adds at most 3000 mL. "
        "Log large amounts as several drinks"  # Home Assistant drops the last "."
    )
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "log_stretch", {"config_entry_id": people.unloaded.entry_id})
    assert str(err.value) == (
        "Cramp Guard for Cleo is not loaded (state: not_loaded), so nothing was changed"
    )
    with pytest.raises(ServiceValidationError) as err:
        await _call(
            hass, "log_water", {"amount": 1, "unit": "oz"} | _alex(hass, people)
        )
    assert str(err.value) == 'Unknown unit "oz"; use one of mL, L, fl. oz., cup, gal'


async def test_actions_stay_after_the_entries_unload(
    hass: HomeAssistant, people: People
) -> None:
    """The actions belong to the integration: an unloaded person gets an error."""
    assert await hass.config_entries.async_unload(people.alex.entry_id)
    await hass.async_block_till_done()
    assert hass.services.has_service(DOMAIN, "log_water")
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "log_stretch", {"config_entry_id": people.alex.entry_id})
    assert err.value.translation_key == "entry_not_loaded"
