"""The blueprints in blueprints/automation/cramp_guard, run by Home Assistant.

Each blueprint is copied into a test configuration folder, where Home Assistant's
blueprint machinery loads it as an imported blueprint would be (`use_blueprint`
with the path `cramp_guard/<file>`); the automation made from it then runs against
the real integration: the risk of a hot day, the evening reminder time, the ledger.
Speakers and lights are fake services (`async_mock_service`). The voice test needs
Assist's sentence matcher (hassil), which Home Assistant installs with `conversation`:
the 2025.4 lane's lock has it, the 2026 lanes pin it (requirements/ha-2026.*.txt).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
import shutil
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import automation
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_mock_service,
)

from .conftest import USABLE, Sources, advance

ROOT = Path(__file__).resolve().parent.parent
BLUEPRINTS = ROOT / "blueprints" / "automation" / "cramp_guard"
SOURCE_URL = (
    "https://github.com/crampguard/cramp_guard/blob/main/"
    "blueprints/automation/cramp_guard/{}"
)
TZ = ZoneInfo("Europe/Berlin")
DAY = datetime(2026, 6, 16, tzinfo=TZ)
SPEAKER = {"tts_entity": "tts.piper", "media_player": "media_player.kitchen"}


def at(hour: int, minute: int = 0, day: datetime = DAY) -> datetime:
    """A local moment of `day`."""
    return day.replace(hour=hour, minute=minute)


@pytest.fixture
def config_dir(hass: HomeAssistant, tmp_path: Path) -> Path:
    """A configuration folder holding our blueprints where an import puts them."""
    hass.config.config_dir = str(tmp_path)
    shutil.copytree(
        BLUEPRINTS, Path(hass.config.path("blueprints/automation/cramp_guard"))
    )
    return tmp_path


async def _automation(
    hass: HomeAssistant, blueprint: str, inputs: dict[str, Any]
) -> None:
    """Set up one automation from a blueprint; it must load and be on."""
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": {
                "id": "from_blueprint",
                "alias": "From the blueprint",
                "use_blueprint": {"path": f"cramp_guard/{blueprint}", "input": inputs},
            }
        },
    )
    await hass.async_block_till_done()
    assert hass.states.get("automation.from_the_blueprint").state == "on"


@pytest.fixture(autouse=True)
def _evening_of_a_hot_day(berlin: None, freezer: FrozenDateTimeFactory) -> None:
    """Alex is set up at 17:00 of a summer day, in Berlin."""
    freezer.move_to(at(17))


# -- every blueprint -------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", sorted(BLUEPRINTS.glob("*.yaml")), ids=lambda p: p.name
)
async def test_blueprint_metadata(
    hass: HomeAssistant, config_dir: Path, path: Path
) -> None:
    """Home Assistant loads it; its source URL is where the README's link points."""
    blueprints = automation.async_get_blueprints(hass)
    blueprint = await blueprints.async_get_blueprint(f"cramp_guard/{path.name}")
    assert blueprint.domain == "automation"
    assert blueprint.metadata["source_url"] == SOURCE_URL.format(path.name)
    assert "not medical advice" in blueprint.metadata["description"]
    link = (
        "https://my.home-assistant.io/create-link/?redirect=blueprint_import"
        f"&blueprint_url={quote(SOURCE_URL.format(path.name), safe='')}"
    )
    assert link in (ROOT / "README.md").read_text(encoding="utf-8")


# -- the high-risk announcement --------------------------------------------------------


async def _hot_day(
    hass: HomeAssistant, sources: Sources, freezer: FrozenDateTimeFactory
) -> None:
    """A hot room and 20,000 steps without a drink: the real risk goes high."""
    sources.set(room_temperature=34, room_humidity=70, water=0, steps=20000)
    await advance(hass, freezer, timedelta(minutes=1))


async def test_high_risk_speaks_and_colours_a_light(
    hass: HomeAssistant,
    config_dir: Path,
    init_integration: MockConfigEntry,
    sources: Sources,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Rising from low to high: one message on the speaker, one light call.

    It names the person, the level and the risk; a further rise within high and
    very high, or a reload that finds the level high again, says nothing more.
    """
    speak = async_mock_service(hass, "tts", "speak")
    light = async_mock_service(hass, "light", "turn_on")
    await _automation(
        hass,
        "high_risk_announcement.yaml",
        {
            "risk_sensor": "sensor.alex_cramp_risk",
            "light_target": {"entity_id": "light.hall"},
        }
        | SPEAKER,
    )
    assert hass.states.get("sensor.alex_cramp_risk").attributes["level"] == "low"
    await advance(hass, freezer, timedelta(minutes=1))
    assert not speak
    assert not light

    await _hot_day(hass, sources, freezer)

    risk = hass.states.get("sensor.alex_cramp_risk")
    level = risk.attributes["level"]
    assert level in ("high", "very_high")
    assert len(speak) == 1
    assert speak[0].data == {
        "entity_id": ["tts.piper"],
        "media_player_entity_id": "media_player.kitchen",
        "message": f"Alex, your cramp risk is {level.replace('_', ' ')}, "
        f"{risk.state} percent. "
        "A glass of water and a few stretches may help.",
    }
    assert len(light) == 1
    assert light[0].data == {
        "entity_id": ["light.hall"],
        "rgb_color": [255, 80, 0],
        "flash": "long",
    }

    for _ in range(3):  # the risk rises further, the level stays high or very high
        await hass.services.async_call(
            "cramp_guard",
            "log_cramp",
            {"config_entry_id": init_integration.entry_id},
            blocking=True,
        )
    await advance(hass, freezer, timedelta(minutes=1))
    assert hass.states.get("sensor.alex_cramp_risk").state != risk.state
    assert (len(speak), len(light)) == (1, 1)

    # A reload (as on a restart): unavailable, then high again; not a rise.
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await advance(hass, freezer, timedelta(minutes=1))
    assert hass.states.get("sensor.alex_cramp_risk").attributes["level"] == level
    assert (len(speak), len(light)) == (1, 1)


async def test_high_risk_with_a_light_only(
    hass: HomeAssistant,
    config_dir: Path,
    init_integration: MockConfigEntry,
    sources: Sources,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Without speaker inputs nothing is spoken; the light is coloured, not flashed."""
    speak = async_mock_service(hass, "tts", "speak")
    light = async_mock_service(hass, "light", "turn_on")
    await _automation(
        hass,
        "high_risk_announcement.yaml",
        {
            "risk_sensor": "sensor.alex_cramp_risk",
            "light_target": {"area_id": "bedroom"},
            "light_color": [0, 0, 255],
            "light_flash": False,
        },
    )
    await _hot_day(hass, sources, freezer)
    assert hass.states.get("sensor.alex_cramp_risk").attributes["level"] in (
        "high",
        "very_high",
    )
    assert not speak
    assert [call.data for call in light] == [
        {"area_id": ["bedroom"], "rgb_color": [0, 0, 255]}
    ]


# -- the evening reminder on a speaker -------------------------------------------------


async def test_evening_reminder_is_spoken_once_at_the_reminder_time(
    hass: HomeAssistant,
    config_dir: Path,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """At 20:30 (the default time) once; the next day at the time it was moved to."""
    speak = async_mock_service(hass, "tts", "speak")
    await _automation(
        hass,
        "evening_reminder_speaker.yaml",
        {"reminder_time": "time.alex_evening_reminder"} | SPEAKER,
    )
    assert hass.states.get("time.alex_evening_reminder").state == "20:30:00"

    for moment in (at(18), at(20, 29)):
        await advance(hass, freezer, moment)
    assert not speak

    await advance(hass, freezer, at(20, 30))
    assert len(speak) == 1
    assert speak[0].data == {
        "entity_id": ["tts.piper"],
        "media_player_entity_id": "media_player.kitchen",
        "message": "Alex, time for your evening stretches: calves, hamstrings and "
        "the front of the thighs, about 30 seconds each.",
    }
    for moment in (at(20, 31), at(21), at(23, 59)):
        await advance(hass, freezer, moment)
    assert len(speak) == 1

    await hass.services.async_call(
        "time",
        "set_value",
        {"entity_id": "time.alex_evening_reminder", "time": "21:15:00"},
        blocking=True,
    )
    tomorrow = DAY + timedelta(days=1)
    for moment in (at(20, 30, tomorrow), at(21, 14, tomorrow)):
        await advance(hass, freezer, moment)
    assert len(speak) == 1
    await advance(hass, freezer, at(21, 15, tomorrow))
    assert len(speak) == 2


async def test_evening_reminder_respects_the_reminders_switch(
    hass: HomeAssistant,
    config_dir: Path,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """With the Reminders switch given and off, nothing is said."""
    speak = async_mock_service(hass, "tts", "speak")
    await _automation(
        hass,
        "evening_reminder_speaker.yaml",
        {
            "reminder_time": "time.alex_evening_reminder",
            "reminders_switch": "switch.alex_reminders",
        }
        | SPEAKER,
    )
    await hass.services.async_call(
        "switch", "turn_off", {"entity_id": "switch.alex_reminders"}, blocking=True
    )
    await advance(hass, freezer, at(20, 30))
    await advance(hass, freezer, at(20, 31))
    assert not speak

    await hass.services.async_call(
        "switch", "turn_on", {"entity_id": "switch.alex_reminders"}, blocking=True
    )
    await advance(hass, freezer, at(20, 30, DAY + timedelta(days=1)))
    assert len(speak) == 1


# -- logging by voice ------------------------------------------------------------------


async def _say(hass: HomeAssistant, text: str) -> str:
    """Say this to Assist; its spoken answer."""
    from homeassistant.components import conversation

    result = await conversation.async_converse(
        hass, text, None, Context(), language="en"
    )
    await hass.async_block_till_done()
    return str(result.response.speech["plain"]["speech"])


def _state(hass: HomeAssistant, entity_id: str) -> str:
    return hass.states.get(entity_id).state


@pytest.mark.parametrize(
    "glass_input", [{}, {"glass_size_entity": "number.alex_glass_size"}]
)
async def test_log_by_voice(
    hass: HomeAssistant,
    config_dir: Path,
    init_integration: MockConfigEntry,
    glass_input: dict[str, Any],
) -> None:
    """Each sentence logs to the ledger and Assist answers with the new total."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    await hass.services.async_call(
        "number",
        "set_value",
        {"entity_id": "number.alex_glass_size", "value": 330},
        blocking=True,
    )
    await _automation(
        hass,
        "log_by_voice.yaml",
        {"person": init_integration.entry_id, "glass_ml": 200} | glass_input,
    )
    glass = 330 if glass_input else 200
    water = int(USABLE["water"])  # what the water sensor counted so far
    assert _state(hass, "sensor.alex_water_today") == str(water)

    answer = await _say(hass, "I drank a glass of water")
    assert answer == f"Logged {glass} millilitres, {water + glass} today."
    assert _state(hass, "sensor.alex_water_today") == str(water + glass)

    answer = await _say(hass, "I drank 300 millilitres")
    assert answer == f"Logged 300 millilitres, {water + glass + 300} today."
    answer = await _say(hass, "I drank 150 milliliters")
    assert answer == f"Logged 150 millilitres, {water + glass + 450} today."
    answer = await _say(hass, "I drank 1,000 ml")
    assert answer == f"Logged 1000 millilitres, {water + glass + 1450} today."
    assert _state(hass, "sensor.alex_water_today") == str(water + glass + 1450)

    answer = await _say(hass, "I drank lots of millilitres")
    assert answer == "Sorry, how much? Say for example: I drank 300 millilitres."
    answer = await _say(hass, "I drank 5000 millilitres")
    assert (
        answer
        == "Sorry, Cramp Guard could not log 5000 millilitres: 1 to 3000 at a time."
    )
    assert _state(hass, "sensor.alex_water_today") == str(water + glass + 1450)

    assert _state(hass, "sensor.alex_last_stretch") == "unknown"
    assert await _say(hass, "I stretched") == "Logged a stretch, 1 today."
    assert _state(hass, "sensor.alex_last_stretch") != "unknown"

    assert _state(hass, "sensor.alex_cramps_30_days") == "0"
    assert await _say(hass, "I had a cramp") == "Logged a cramp, 1 in the last 30 days."
    assert _state(hass, "sensor.alex_cramps_30_days") == "1"
