"""One simulated day with the real recorder: what Cramp Guard adds to the database.

Under the test harness (pytest-homeassistant-custom-component's `hass` and
`recorder_mock`: the real recorder, here on a SQLite file in a temp dir), one person
(tests/conftest.py `PERSON`) set up through a config entry lives through 24 h of
Europe/Berlin time at realistic cadences:
- room temperature and humidity every 30-60 s (each on its own schedule), following a
  daily curve in 0.1 degC / 1 % steps;
- steps every 3-6 min between 07:00 and 22:00, plus an evening run (19:00-19:40, every
  minute); water (a daily mL counter) six times a day; a glass logged by hand twice
  (the person's "log water" button).

Printed: the rows in the `states` table and the bytes (state text plus the distinct
attribute JSON rows they reference) that Cramp Guard's entities add next to what its
four sources add; the largest attribute set any Cramp Guard entity wrote (bytes of its
JSON, unrecorded attributes included); the number of cramp risk states; and the
ledger's writes to disk (`Store` writes of `.storage/cramp_guard.<entry_id>`, counted
on the real `Store._write_data`), against the targets of issue 9 item 2.

Run from the repository root: .venv/bin/python -m bench.bench_day
"""

from __future__ import annotations

# isort: off
# First: the harness loads the test harness's plugins before Home Assistant.
from bench._harness import (
    RESULTS,
    SOURCE_ATTRS,
    TZ,
    StateWrites,
    bench_hass,
    curve,
    mark,
    run,
)
# isort: on

from datetime import datetime, time, timedelta
from itertools import pairwise
from pathlib import Path
import random
import sqlite3

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import Recorder
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from tests.conftest import PERSON

DAY = datetime(2026, 7, 15, tzinfo=TZ)
FRIENDLY_NAMES = {
    PERSON["room_temperature"]: {"friendly_name": "Living room temperature"},
    PERSON["room_humidity"]: {"friendly_name": "Living room humidity"},
    PERSON["activity"]: {"icon": "mdi:walk", "friendly_name": "Phone steps"},
    PERSON["water"]: {"friendly_name": "Bottle water today"},
}
SOURCES = {e: attrs | FRIENDLY_NAMES[e] for e, attrs in SOURCE_ATTRS.items()}
INITIAL = {  # at midnight: counters at 0, the room as the curve has it
    PERSON["room_temperature"]: "21.5",
    PERSON["room_humidity"]: "60",
    PERSON["activity"]: "0",
    PERSON["water"]: "0",
}
WATER_AT = (
    (7, 30, 300),
    (10, 0, 250),
    (12, 30, 400),
    (15, 0, 250),
    (18, 0, 300),
    (21, 0, 250),
)
HAND_LOGS = (time(11, 15), time(16, 40))
STEADY_GAP = timedelta(minutes=5)  # the target: a ledger write at most this often
HAND_LOG_SAVE = timedelta(seconds=10)  # a hand log is saved within this
ONE_SECOND = timedelta(seconds=1)
# Writes this soon after a hand log are its save, not steady use (1 s resolution).
HAND_LOG_WINDOW = HAND_LOG_SAVE + timedelta(seconds=5)


@pytest.fixture
def recorder_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file, not the harness's in-memory database."""
    return f"sqlite:///{tmp_path_factory.mktemp('recorder') / 'home-assistant.db'}"


@pytest.fixture
def mock_recorder_before_hass(recorder_db_url: str) -> None:
    """Prepare the recorder's database before `hass` (as tests/test_backfill.py)."""


def day_plan(rng: random.Random) -> list[tuple[datetime, str, float]]:
    """The day's source changes and hand logs: (local time, what, value)."""
    plan: list[tuple[datetime, str, float]] = []
    for entity_id, mean, swing, unit in (
        (PERSON["room_temperature"], 23.5, 2.0, 0.1),
        (PERSON["room_humidity"], 52.0, -8.0, 1.0),
    ):
        value = round(curve(DAY, mean, swing) / unit) * unit
        moment = DAY + timedelta(seconds=rng.randint(0, 59))
        while moment < DAY + timedelta(days=1):
            target = curve(moment, mean, swing)
            if abs(target - value) > unit / 2:
                value += unit if target > value else -unit
            elif rng.random() < 0.3:
                value += rng.choice((-unit, unit))
            plan.append((moment, entity_id, round(value, 1)))
            moment += timedelta(seconds=rng.randint(30, 60))
    steps = 0.0
    moment = DAY + timedelta(hours=7)
    while moment < DAY + timedelta(hours=22):
        run_ = time(19) <= moment.time() < time(19, 40)
        steps += 160 if run_ else rng.randint(0, 120)
        plan.append((moment, PERSON["activity"], steps))
        moment += timedelta(minutes=1 if run_ else rng.randint(3, 6))
    water = 0.0
    for hour, minute, ml in WATER_AT:
        water += ml
        plan.append((DAY.replace(hour=hour, minute=minute), PERSON["water"], water))
    for at in HAND_LOGS:
        plan.append((datetime.combine(DAY.date(), at, TZ), "hand_log", 250))
    return sorted(plan, key=lambda item: item[0])


def _db_figures(path: str, start: float, entity_ids: set[str]) -> dict[str, int]:
    """Rows and bytes (state text + distinct attribute JSON) of these entities."""
    with sqlite3.connect(path) as db:
        marks = ",".join("?" * len(entity_ids))
        rows, state_bytes = db.execute(
            "SELECT COUNT(*), COALESCE(SUM(LENGTH(s.state)), 0) FROM states s "
            "JOIN states_meta m ON s.metadata_id = m.metadata_id "
            f"WHERE m.entity_id IN ({marks}) AND s.last_updated_ts >= ?",
            [*entity_ids, start],
        ).fetchone()
        (attr_bytes,) = db.execute(
            "SELECT COALESCE(SUM(LENGTH(a.shared_attrs)), 0) FROM state_attributes a "
            "WHERE a.attributes_id IN (SELECT s.attributes_id FROM states s "
            "JOIN states_meta m ON s.metadata_id = m.metadata_id "
            f"WHERE m.entity_id IN ({marks}) AND s.last_updated_ts >= ?)",
            [*entity_ids, start],
        ).fetchone()
        (largest,) = db.execute(
            "SELECT COALESCE(MAX(LENGTH(a.shared_attrs)), 0) FROM state_attributes a "
            "WHERE a.attributes_id IN (SELECT s.attributes_id FROM states s "
            "JOIN states_meta m ON s.metadata_id = m.metadata_id "
            f"WHERE m.entity_id IN ({marks}))",
            [*entity_ids],
        ).fetchone()
    return {
        "rows": rows,
        "state_bytes": state_bytes,
        "attr_bytes": attr_bytes,
        "largest_recorded_attrs": largest,
    }


def _bytes_per_row(path: str) -> float:
    """Bytes a `states` row takes in the file, its indexes included (SQLite's
    dbstat: used bytes of the table's and its indexes' pages / rows)."""
    with sqlite3.connect(path) as db:
        names = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE tbl_name = 'states'"
            )
        ]
        marks = ",".join("?" * len(names))
        (used,) = db.execute(
            f"SELECT SUM(pgsize - unused) FROM dbstat WHERE name IN ({marks})", names
        ).fetchone()
        (rows,) = db.execute("SELECT COUNT(*) FROM states").fetchone()
    return used / rows


async def test_day(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    enable_custom_integrations: None,
    recorder_db_url: str,
    tmp_path: Path,
) -> None:
    """Live through the day and keep the figures in RESULTS."""
    start = DAY - timedelta(minutes=1)
    async with bench_hass(hass, freezer, tmp_path, start, INITIAL, SOURCES) as bench:
        await bench.add_person()
        ours, clock, stores = bench.entities, bench.clock, bench.stores
        await clock.to(DAY)
        writes = StateWrites(measure_attrs=True)
        stop = writes.listen(hass)
        writes_before = len(stores.times.get(bench.ledger, []))
        hand_logs: list[datetime] = []
        for moment, what, value in day_plan(random.Random(9)):
            # Just after a hand log, the clock moves second by second: the save
            # is timed to the second.
            fine = hand_logs and dt_util.utcnow() - hand_logs[-1] < 2 * HAND_LOG_SAVE
            await clock.to(moment, ONE_SECOND if fine else None)
            if what == "hand_log":
                await hass.services.async_call(
                    "button", "press", {"entity_id": ours["log_water"]}, blocking=True
                )
                hand_logs.append(dt_util.utcnow())
            else:
                bench.set(what, value)
        await clock.to(DAY + timedelta(days=1))
        stop()
        await async_wait_recording_done(hass)
        ledger_times = stores.times.get(bench.ledger, [])[writes_before:]
        ledger_size = stores.size(bench.ledger)
    db_path = recorder_db_url.removeprefix("sqlite:///")
    start = DAY.timestamp()
    RESULTS["ours"] = _db_figures(db_path, start, set(ours.values()))
    RESULTS["sources"] = _db_figures(db_path, start, set(SOURCES))
    RESULTS["risk_rows"] = _db_figures(db_path, start, {ours["cramp_risk"]})["rows"]
    RESULTS["risk_states"] = writes.counts[ours["cramp_risk"]]
    RESULTS["source_changes"] = writes.total(set(SOURCES))
    RESULTS["by_entity"] = {
        key: writes.counts[e] for key, e in ours.items() if writes.counts[e]
    }
    largest = max(ours.values(), key=lambda e: writes.max_attrs.get(e, 0))
    RESULTS["largest"] = (largest, writes.max_attrs.get(largest, 0))
    RESULTS["ledger_times"] = ledger_times
    RESULTS["hand_logs"] = hand_logs
    RESULTS["ledger_size"] = ledger_size
    RESULTS["db_size"] = Path(db_path).stat().st_size
    RESULTS["per_row"] = _bytes_per_row(db_path)


def report() -> None:
    """Print the figures and the targets."""
    ours, sources = RESULTS["ours"], RESULTS["sources"]
    print()
    print(
        "One simulated day (Europe/Berlin, 00:00-24:00), real recorder on SQLite, "
        f"{RESULTS['source_changes']} source state changes."
    )
    print()
    per_row = RESULTS["per_row"]
    header = (
        f"{'':<24} {'rows':>6} {'state B':>8} {'attrs B':>8} {'payload B':>10}"
        f" {'on disk B (est.)':>17}"
    )
    print(header)
    print("-" * len(header))
    for name, fig in (("Cramp Guard's entities", ours), ("its 4 sources", sources)):
        total = fig["state_bytes"] + fig["attr_bytes"]
        disk = fig["rows"] * per_row + fig["attr_bytes"]
        print(
            f"{name:<24} {fig['rows']:>6} {fig['state_bytes']:>8}"
            f" {fig['attr_bytes']:>8} {total:>10} {disk:>17.0f}"
        )
    ratio = ours["rows"] / sources["rows"]
    print(f"Cramp Guard rows per source row: {ratio:.2f}")
    print(
        "  written per entity: "
        + ", ".join(f"{k} {n}" for k, n in sorted(RESULTS["by_entity"].items()))
    )
    print(
        "  payload: the rows' state text plus the distinct attribute JSON rows they "
        "reference;"
    )
    print(
        f"  on disk: rows x {per_row:.0f} B (a `states` row with its indexes, from "
        "SQLite's dbstat) plus the attribute JSON"
    )
    print(f"  database file: {RESULTS['db_size']} bytes")
    entity, size = RESULTS["largest"]
    print()
    print(
        f"Largest attribute set of a Cramp Guard entity: {size} B ({entity}); "
        f"largest recorded: {ours['largest_recorded_attrs']} B"
    )
    times, hand_logs = RESULTS["ledger_times"], RESULTS["hand_logs"]
    steady = [
        t
        for t in times
        if not any(timedelta(0) <= t - h <= HAND_LOG_WINDOW for h in hand_logs)
    ]
    gaps = [b - a for a, b in pairwise(steady)]
    shortest = min(gaps) if gaps else None
    too_close = sum(1 for g in gaps if g < STEADY_GAP)
    print(
        f"Ledger written to disk: {len(times)} times in the day "
        f"({len(times) - len(steady)} within 15 s after the {len(hand_logs)} hand "
        "logs); "
        f"file size {RESULTS['ledger_size']} B"
    )
    print(
        f"  steady-use writes: {len(steady)}, shortest gap {shortest}, "
        f"{too_close} gaps under 5 min"
    )
    for at in hand_logs:
        after = [t - at for t in times if t >= at]
        print(
            f"  hand log at {at.astimezone(TZ):%H:%M:%S}: "
            f"saved after {min(after) if after else 'never'}"
        )
    print()
    print("Targets (issue 9 item 2):")
    risk = RESULTS["risk_states"]
    print(
        f"  <= 300 cramp risk states a day: {risk} "
        f"({RESULTS['risk_rows']} rows)  {mark(risk <= 300)}"
    )
    print(f"  no attribute set over 1 KiB: {size} B  {mark(size <= 1024)}")
    print(
        "  ledger written at most once every 5 min in steady use: "
        f"{too_close} closer writes  {mark(too_close == 0)}"
    )


def main() -> None:
    """Run the day and print."""
    run(__file__)
    report()


if __name__ == "__main__":
    main()
