"""Tests for where the ledger is kept: the rolling backup and recovery from a bad file.

The harness keeps `.storage` in memory (`hass_storage`), so a file Home Assistant
found corrupt is represented as it leaves it: the ledger missing and its copy moved
aside as `<file>.corrupt.<time>` on disk (helpers/storage.py, `_async_load_data`).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.cramp_guard.const import DOMAIN
from custom_components.cramp_guard.ledger import Ledger
from custom_components.cramp_guard.ledger_store import (
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
    async_keep_aside,
    ledger_store,
)
from custom_components.cramp_guard.risk import FACTOR_KEYS

TZ = ZoneInfo("Europe/Berlin")
KEY = "cramp_guard.entry1"
GOOD_DAY = {"day": "2026-11-23", "load": 7000.0, "water_logged_ml": 500.0}


def _file(data: Any, version: int = STORAGE_VERSION, key: str = KEY) -> dict[str, Any]:
    return {"version": version, "minor_version": 1, "key": key, "data": data}


def _backup(days: list[dict[str, Any]], saved: str = "2026-11-23") -> dict[str, Any]:
    data = {"backfilled": True, "days": days, "counters": {}, "saved": saved}
    return _file(data, key=f"{KEY}.backup")


def _issue(hass: HomeAssistant, entry_id: str = "entry1") -> ir.IssueEntry | None:
    return ir.async_get(hass).async_get_issue(DOMAIN, f"ledger_recovered_{entry_id}")


WRONG_SHAPES = {
    "a day without its date": {"days": [{"load": 1}]},
    "a list for the data": ["days"],
    "a string for a day": {"days": ["2026-11-23"]},
    "a cramp of the wrong length": {
        "days": [{"day": "2026-11-23", "cramps": [["2026-11-23T21:00:00+01:00"]]}]
    },
    "a counter that is a number": {"days": [], "counters": {"water": 5}},
    "a sample that is a list": {"days": [{"day": "2026-11-23", "samples": [[1, 2]]}]},
    "a sample of the wrong length": {
        "days": [{"day": "2026-11-23", "samples": ["29925660,52,1"]}]
    },
    "a sample out of range": {
        "days": [{"day": "2026-11-23", "samples": ["29925660,52,1,2,3,4,5,1001"]}]
    },
    "a sample that is not numbers": {
        "days": [{"day": "2026-11-23", "samples": ["noon,52,1,2,3,4,5,6"]}]
    },
}


@pytest.mark.parametrize("data", list(WRONG_SHAPES.values()), ids=list(WRONG_SHAPES))
async def test_a_file_of_the_wrong_shape_restores_the_backup(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
    data: Any,
) -> None:
    """Valid JSON of the wrong shape: the backup is restored and a repair says so."""
    hass_storage[KEY] = _file(data)
    hass_storage[f"{KEY}.backup"] = _backup([GOOD_DAY])
    ledger = Ledger(hass, "entry1", name="Alex")
    await ledger.async_load()
    assert ledger.days[date(2026, 11, 23)].load == 7000
    assert ledger.backfilled
    issue = _issue(hass)
    assert issue is not None
    assert issue.translation_key == "ledger_restored"
    assert issue.translation_placeholders == {
        "name": "Alex",
        "kept_as": ledger_store(hass, "entry1").path,  # the harness has no real file
        "backup_day": "2026-11-23",
        "days": "1",
    }
    assert "could not be used" in caplog.text


async def test_a_newer_version_without_a_backup_starts_empty(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """A file from a newer Cramp Guard (major version 2) and no backup: an empty
    ledger and a repair saying nothing could be restored; the file is not read."""
    hass_storage[KEY] = _file({"days": [GOOD_DAY]}, version=STORAGE_VERSION + 1)
    ledger = Ledger(hass, "entry1", name="Alex")
    await ledger.async_load()
    assert ledger.days == {}
    issue = _issue(hass)
    assert issue is not None
    assert issue.translation_key == "ledger_lost"


async def test_a_newer_minor_version_is_read(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """Minor versions are compatible: a 1.3 file is read as it is."""
    newer = STORAGE_MINOR_VERSION + 1
    hass_storage[KEY] = {**_file({"days": [GOOD_DAY]}), "minor_version": newer}
    ledger = Ledger(hass, "entry1")
    await ledger.async_load()
    assert ledger.days[date(2026, 11, 23)].water_logged_ml == 500
    assert _issue(hass) is None


async def test_a_file_from_before_samples_is_read_and_written_as_1_2(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """A 1.1 file (no samples) is read as it is, its days without samples; the
    next write is a 1.2 file, with the samples kept since."""
    assert (STORAGE_VERSION, STORAGE_MINOR_VERSION) == (1, 2)
    hass_storage[KEY] = _file({"backfilled": True, "days": [GOOD_DAY], "counters": {}})
    ledger = Ledger(hass, "entry1")
    await ledger.async_load()
    assert ledger.days[date(2026, 11, 23)].samples == []
    assert ledger.sample_rows() == ()
    assert _issue(hass) is None
    at = datetime(2026, 11, 23, 21, tzinfo=TZ)
    assert ledger.add_sample(at, 40, dict.fromkeys(FACTOR_KEYS, 0.5))
    await ledger.async_save_now()
    saved = hass_storage[KEY]
    assert (saved["version"], saved["minor_version"]) == (1, 2)
    assert saved["data"]["days"][0]["samples"] == [
        "29924400,40,500,500,500,500,500,500"  # 20:00 UTC
    ]


async def test_a_corrupt_file_moved_aside_restores_the_backup(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """Truncated or garbage JSON: Home Assistant moves it aside as .corrupt.<time>
    and loads nothing; the backup is restored and the repair names the copy."""
    path = Path(ledger_store(hass, "entry1").path)
    path.parent.mkdir(parents=True, exist_ok=True)
    corrupt = path.with_name(f"{path.name}.corrupt.2026-11-24T10:00:00+00:00")
    corrupt.write_text('{"version": 1, "data": {"days": [{"day": "2026-')
    hass_storage[f"{KEY}.backup"] = _backup([GOOD_DAY])
    try:
        ledger = Ledger(hass, "entry1", name="Alex")
        await ledger.async_load()
    finally:
        corrupt.unlink()
    assert ledger.days[date(2026, 11, 23)].load == 7000
    issue = _issue(hass)
    assert issue is not None
    assert issue.translation_placeholders["kept_as"] == str(corrupt)


async def test_no_file_and_no_copy_is_a_new_person(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """Nothing saved and nothing moved aside: a new person, no repair, even when a
    backup exists (a ledger someone deleted is not brought back)."""
    hass_storage[f"{KEY}.backup"] = _backup([GOOD_DAY])
    ledger = Ledger(hass, "entry1")
    await ledger.async_load()
    assert ledger.days == {}
    assert _issue(hass) is None


async def test_an_unusable_backup_too_starts_empty(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """Both the file and the backup of the wrong shape: empty, and said so."""
    hass_storage[KEY] = _file({"days": [{}]})
    hass_storage[f"{KEY}.backup"] = _file({"days": [{}]}, key=f"{KEY}.backup")
    ledger = Ledger(hass, "entry1", name="Alex")
    await ledger.async_load()
    assert ledger.days == {}
    issue = _issue(hass)
    assert issue is not None
    assert issue.translation_key == "ledger_lost"


async def test_the_first_write_of_each_day_is_the_backup(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
) -> None:
    """The backup is written with the day's first save, not again that day, and
    again with the next day's first save."""
    freezer.move_to(datetime(2026, 11, 24, 12, tzinfo=TZ))
    ledger = Ledger(hass, "entry1")
    await ledger.async_load()
    ledger.add_water(250, datetime(2026, 11, 24, 12, tzinfo=TZ), logged=True)
    await ledger.async_save_now()  # an unload: no backup from it
    data = ledger._data_to_save()
    await hass.async_block_till_done()
    backup = hass_storage[f"{KEY}.backup"]["data"]
    assert backup["saved"] == "2026-11-24"
    assert backup["days"] == data["days"]
    ledger.add_water(250, datetime(2026, 11, 24, 13, tzinfo=TZ), logged=True)
    ledger._data_to_save()
    await hass.async_block_till_done()
    assert hass_storage[f"{KEY}.backup"]["data"]["days"] == data["days"]  # kept
    ledger.add_water(300, datetime(2026, 11, 25, 9, tzinfo=TZ), logged=True)
    ledger._data_to_save()
    await hass.async_block_till_done()
    assert hass_storage[f"{KEY}.backup"]["data"]["saved"] == "2026-11-25"


async def test_an_unusable_file_is_moved_aside(hass: HomeAssistant) -> None:
    """On disk, the unusable file is renamed to .bad.<time> so no save overwrites it;
    without a file (the harness), its path is named as it is."""
    store = ledger_store(hass, "entry_on_disk")
    path = Path(store.path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"version": 9}')
    kept = await async_keep_aside(hass, store, "newer")
    assert not path.exists()
    assert Path(kept.kept_as).read_text() == '{"version": 9}'
    assert ".bad." in kept.kept_as
    Path(kept.kept_as).unlink()
    assert (await async_keep_aside(hass, store, "gone")).kept_as == str(path)


@pytest.mark.entry(sources={}, profile={}, states={}, ledger={"days": "garbage"})
async def test_an_entry_with_a_bad_ledger_starts(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The entry is set up (not a setup error) and its repair is raised."""
    entry = init_integration
    assert entry.state is ConfigEntryState.LOADED
    assert _issue(hass, entry.entry_id) is not None
    assert hass.states.get("sensor.alex_water_today") is not None
