"""A person adds someone to Cramp Guard in chromium, in English and in German.

The demo Home Assistant (`cramp_guard_dev.demo_setup`'s `prepare`) has its simulated
sources; the flow is walked as a person would (`cramp_guard_dev.flow_walk`): the
pickers offer the demo's room temperature (never Demo's own heat index), the
sections, the questions in the chosen language, no raw key on any page, and the new
person's risk sensor at the end.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from cramp_guard_dev.demo_config import PERSON, SOURCES
from cramp_guard_dev.demo_setup import prepare
from cramp_guard_dev.flow_walk import (
    FRONTEND_WORDS,
    walk_config_flow,
    walk_configure,
    walk_taken_then_abandoned,
)
from cramp_guard_dev.hass import COMPONENT, zone_at
from cramp_guard_dev.screenshots import AFTERNOON
from custom_components.cramp_guard.settings import Settings

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

BUTTONS = FRONTEND_WORDS


def _ours(language: str) -> dict[str, Any]:
    path = COMPONENT / "translations" / f"{language}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("language", ["en", "de"])
async def test_a_person_is_added_in_the_browser(
    tmp_path: Path, socket_enabled: None, language: str
) -> None:
    """Pickers, sections, questions and finish, with every text translated."""
    strings = _ours(language)["config"]["step"]
    user = strings["user"]
    sections = user["sections"]
    hass = await prepare(tmp_path / "develop", 0, zone_at(AFTERNOON))
    try:
        result = await walk_config_flow(
            hass,
            language,
            BUTTONS[language] | {"person": user["data"]["person_name"], "name": "Bea"},
            [
                (
                    sections["room"]["data"]["room_temperature"],
                    "room",
                    "Demo room temperature",
                ),
                (
                    sections["activity"]["data"]["activity"],
                    "steps",
                    "Demo steps",
                ),
            ],
            tmp_path / "shots",
        )
        for _ in range(100):
            if await hass.state("sensor.bea_cramp_risk"):
                break
            await asyncio.sleep(0.1)
        risk = await hass.state("sensor.bea_cramp_risk")
        entries = await hass.rest(
            "GET", "/api/config/config_entries/entry?domain=cramp_guard"
        )
    finally:
        await hass.stop()

    sources, counters, profile, done = result["pages"]
    assert result["raw"] == [[], [], [], []], result["raw"]
    assert user["title"] in sources
    for name in ("room", "activity", "water", "bedroom", "outdoor"):
        assert sections[name]["name"] in sources, name
    assert strings["counters"]["title"].format(name="Bea") in counters
    assert strings["counters"]["data"]["activity_metric"] in counters
    assert strings["profile"]["title"].format(name="Bea") in profile
    assert strings["profile"]["data"]["wake_time"] in profile
    assert done  # the last page: the person's device (2026.x offers to name it)
    assert sorted(entry["title"] for entry in entries) == ["Bea", "Demo"]
    assert risk is not None


def _demo(config_dir: Path) -> dict[str, Any]:
    """The demo person's config entry as Home Assistant saved it."""
    path = config_dir / ".storage" / "core.config_entries"
    entries = json.loads(path.read_text(encoding="utf-8"))["data"]["entries"]
    entry: dict[str, Any] = next(e for e in entries if e["title"] == PERSON)
    return entry


async def test_configure_keeps_what_is_set_and_a_name_is_checked_kindly(
    tmp_path: Path, socket_enabled: None
) -> None:
    """Configure opens with the demo's sources and, saved page by page as it opens,
    changes nothing; adding a person under a name that is taken says so on the name
    and keeps the picks; a flow left open does not stand in the way of a new one
    with the same name (issue 20, items 1 and 3)."""
    strings = _ours("en")["config"]["step"]
    user = strings["user"]
    words = BUTTONS["en"] | {"person": user["data"]["person_name"], "name": "Bea"}
    steps = (user["sections"]["activity"]["data"]["activity"], "steps", "Demo steps")
    config_dir = tmp_path / "develop"
    hass = await prepare(config_dir, 0, zone_at(AFTERNOON))
    try:
        await asyncio.sleep(2)  # the entry is on disk
        before = _demo(config_dir)
        configure = await walk_configure(hass, words, tmp_path / "shots")
        taken = await walk_taken_then_abandoned(
            hass, words, "demo", [steps], tmp_path / "shots"
        )
        await walk_config_flow(hass, "en", words, [steps], tmp_path / "shots")
        entries = await hass.rest(
            "GET", "/api/config/config_entries/entry?domain=cramp_guard"
        )
    finally:
        await hass.stop()

    after = _demo(config_dir)
    assert sorted(configure["picked"]) == sorted(SOURCES.values())
    assert Settings.from_entry(after["data"], after["options"]) == Settings.from_entry(
        before["data"], before["options"]
    )
    assert len(configure["pages"]) >= 4, configure["pages"]
    assert _ours("en")["config"]["error"]["name_taken"] in taken["text"]
    assert taken["picked"] == ["sensor.demo_steps"]
    assert strings["counters"]["title"].format(name="Bea") in taken["after"]
    assert sorted(entry["title"] for entry in entries) == ["Bea", "Demo"]
