"""Thirty simulated days: does Cramp Guard's memory stay flat, how big is the ledger?

Under the test harness (pytest-homeassistant-custom-component's `hass`), one person
(tests/conftest.py `PERSON`) set up through a config entry lives through 30 days of
Europe/Berlin time at a coarser cadence than bench_day.py, to run in minutes: room
temperature and humidity every 10 min (daily curves, small steps), steps every 15 min
between 07:00 and 22:00 with an evening run every 5 min (19:00-19:40), water (a daily
mL counter) six times a day, a glass logged by hand and a stretch logged once a day.
The daily counters start again from 0 at midnight.

tracemalloc runs from before the entry is set up (5 frames per allocation). After
day 1 and after day 30 (after `gc.collect()`), a snapshot: printed are the growth of
everything traced, the growth of what Cramp Guard's code allocated (each allocation
charged to the innermost frame in custom_components/cramp_guard), its top allocation
sites, and Cramp Guard's traced memory at days 1, 10, 20 and 30. Then the entry is
unloaded (the ledger is written on unload) and the ledger's size on disk is printed:
during the run `Store` writes are counted in the harness's in-memory mock (to keep the
run short), the one on unload goes through the real `Store._write_data` to a temp dir.

The ledger starts with KEEP_DAYS (90) days of history (a sample of every hour
included), as it is for everyone after three months, so days added push old ones
out; --history 0 starts from a new install, where the ledger grows by about a day's
summary a day until it holds KEEP_DAYS.

Run from the repository root:
    .venv/bin/python -m bench.bench_month [--days N] [--history DAYS]
"""

from __future__ import annotations

# isort: off
# First: the harness loads the test harness's plugins before Home Assistant.
from bench._harness import (
    RESULTS,
    SOURCE_ATTRS,
    TZ,
    bench_hass,
    cpu,
    curve,
    mark,
    run,
)
# isort: on

import argparse
from collections import Counter
from datetime import date, datetime, time, timedelta
import gc
from pathlib import Path
import random
import tracemalloc
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant

from custom_components.cramp_guard.learning import sample_row
from custom_components.cramp_guard.ledger import KEEP_DAYS
from custom_components.cramp_guard.ledger_store import (
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
)
from tests.conftest import PERSON, make_entry

START = datetime(2026, 6, 1, tzinfo=TZ)
OURS = "custom_components/cramp_guard/"
CHECKPOINTS = (1, 2, 10, 20, 30)
FLAT_PER_DAY = 1024  # bytes a day Cramp Guard may keep (about one day's summary)
WATER_AT = ((7, 30, 300), (10, 0, 250), (12, 30, 400), (15, 0, 250), (18, 0, 300))
BUTTONS_AT = {time(11, 15): "log_water", time(17, 5): "log_stretch"}


def day_plan(day: datetime, rng: random.Random) -> list[tuple[datetime, str, float]]:
    """One day's source changes and button presses: (local time, what, value)."""
    plan: list[tuple[datetime, str, float]] = [(day, PERSON["activity"], 0)]
    plan.append((day, PERSON["water"], 0))
    for minute in range(0, 24 * 60, 10):
        moment = day + timedelta(minutes=minute, seconds=30)
        noise = rng.choice((-0.1, 0.0, 0.1))
        temp = round(curve(moment, 23.5, 2.0) + noise, 1)
        plan.append((moment, PERSON["room_temperature"], temp))
        humidity = round(curve(moment, 52.0, -8.0) + rng.choice((-1, 0, 1)))
        plan.append((moment, PERSON["room_humidity"], humidity))
    steps = 0
    for minute in range(7 * 60, 22 * 60, 5):
        moment = day + timedelta(minutes=minute, seconds=45)
        if 19 * 60 <= minute < 19 * 60 + 40:
            steps += 800
        elif minute % 15 == 0:
            steps += rng.randint(0, 400)
        else:
            continue
        plan.append((moment, PERSON["activity"], steps))
    water = 0
    for hour, minute, ml in WATER_AT:
        water += ml
        plan.append((day.replace(hour=hour, minute=minute), PERSON["water"], water))
    for at, button in BUTTONS_AT.items():
        plan.append((datetime.combine(day.date(), at, TZ), button, 0))
    return sorted(plan, key=lambda item: item[0])


def _ours(snapshot: tracemalloc.Snapshot) -> Counter[str]:
    """Bytes by Cramp Guard site: each allocation charged to its innermost frame
    in Cramp Guard's code (allocations with no such frame are left out)."""
    sites: Counter[str] = Counter()
    for trace in snapshot.traces:
        for frame in reversed(trace.traceback):  # the most recent frame first
            if OURS in frame.filename:
                name = frame.filename.split(OURS, 1)[1]
                sites[f"{name}:{frame.lineno}"] += trace.size
                break
    return sites


def _take() -> tuple[int, Counter[str]]:
    """Everything traced, and Cramp Guard's sites, after a collection."""
    gc.collect()
    snapshot = tracemalloc.take_snapshot()
    return sum(t.size for t in snapshot.traces), _ours(snapshot)


def _samples(day: date, rng: random.Random) -> list[str]:
    """A day's hourly samples from the wake time (07:00) on, as the ledger keeps
    them: the index and sub-scores in the model's usual shape (timing and stretch
    at night, some heat and hydration by day, no workload on a new install)."""
    rows = []
    first = datetime.combine(day, time(7), TZ)
    for hour in range(24):
        start = first + timedelta(hours=hour)
        night = start.hour >= 22 or start.hour < 7
        subs: dict[str, float | None] = {
            "workload": round(rng.uniform(0, 0.3), 3),
            "exertion": round(rng.uniform(0, 0.5), 3),
            "heat": round(rng.uniform(0, 0.4), 3),
            "hydration": 0.0 if night else round(rng.uniform(0, 0.6), 3),
            "stretch": 1.0 if night else 0.5,
            "timing": 1.0 if night else 0.0,
        }
        rows.append(sample_row(start, rng.randint(5, 60), subs))
    return rows


def history(entry_id: str, days: int, rng: random.Random) -> dict[str, Any]:
    """A ledger file with `days` days before START, as a person who has used Cramp
    Guard that long has: each day's load, water, heat peak, a stretch most days, a
    cramp every two weeks and a sample of every hour (the shape `Ledger` saves).
    """
    kept = []
    for n in range(days, 0, -1):
        day = (START - timedelta(days=n)).date()
        at = datetime.combine(day, time(21), TZ).isoformat()
        kept.append(
            {
                "day": day.isoformat(),
                "load": float(rng.randint(4000, 14000)),
                "water_sensor_ml": 1500.0,
                "water_logged_ml": 250.0,
                "max_heat_index_c": round(rng.uniform(22, 27), 1),
                "stretches": [at] if n % 3 else [],
                "cramps": [[at, "calf", "rest", None]] if n % 14 == 0 else [],
                "samples": _samples(day, rng),
            }
        )
    return {
        "version": STORAGE_VERSION,
        "minor_version": STORAGE_MINOR_VERSION,
        "key": f"cramp_guard.{entry_id}",
        "data": {"backfilled": True, "days": kept, "counters": {}},
    }


async def test_month(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    enable_custom_integrations: None,
    tmp_path: Path,
    hass_storage: dict[str, Any],
) -> None:
    """Live through the days and keep the figures in RESULTS."""
    start = START - timedelta(minutes=1)
    rng = random.Random(9)
    days: int = RESULTS["days"]
    tracemalloc.start(5)
    started = cpu()
    taken: dict[int, tuple[int, Counter[str]]] = {}
    initial = dict.fromkeys(SOURCE_ATTRS, 0)
    async with bench_hass(
        hass, freezer, tmp_path, start, initial, to_disk=False
    ) as bench:
        entry = make_entry(**PERSON)
        if RESULTS["history"]:
            hass_storage[f"cramp_guard.{entry.entry_id}"] = history(
                entry.entry_id, RESULTS["history"], rng
            )
        entry = await bench.add_person(entry)
        ours, clock, stores = bench.entities, bench.clock, bench.stores
        for n in range(days):
            for moment, what, value in day_plan(START + timedelta(days=n), rng):
                await clock.to(moment)
                if what in BUTTONS_AT.values():
                    await hass.services.async_call(
                        "button", "press", {"entity_id": ours[what]}, blocking=True
                    )
                else:
                    bench.set(what, value)
            if n + 1 in CHECKPOINTS or n + 1 == days:
                taken[n + 1] = _take()
        await clock.to(START + timedelta(days=days))
        RESULTS["kept_days"] = len(entry.runtime_data.engine.ledger.days)
        stores.to_disk = True  # the last write, on unload, goes to a real file
        assert await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
        RESULTS["ledger_size"] = stores.size(bench.ledger)
        RESULTS["prompts_size"] = stores.size(f"{bench.ledger}.prompts")
        RESULTS["ledger_writes"] = stores.counts[bench.ledger]
    tracemalloc.stop()
    RESULTS["cpu"] = cpu() - started
    RESULTS["taken"] = taken


def report() -> None:
    """Print the growth, the sites and the ledger's size."""
    taken: dict[int, tuple[int, Counter[str]]] = RESULTS["taken"]
    days = RESULTS["days"]
    first, last = taken[1], taken[days]
    ours_first, ours_last = sum(first[1].values()), sum(last[1].values())
    print()
    start = (
        f"after {RESULTS['history']} days of history in the ledger (a person who "
        "has used it that long)"
        if RESULTS["history"]
        else "from a new install (an empty ledger)"
    )
    print(
        f"{days} simulated days (Europe/Berlin) {start}, tracemalloc on; CPU "
        f"{RESULTS['cpu']:.0f} s (time.process_time, not wall-clock)."
    )
    print()
    print(f"{'after day':>10} {'all traced':>12} {'Cramp Guard':>12}")
    for day, (total, sites) in sorted(taken.items()):
        print(
            f"{day:>10} {total / 1024:>9.0f} KiB {sum(sites.values()) / 1024:>8.1f} KiB"
        )
    growth = ours_last - ours_first
    if 10 in taken and days > 10:
        later = sum(last[1].values()) - sum(taken[10][1].values())
        print(
            f"Cramp Guard day 10 -> day {days}: {later / 1024:+.1f} KiB "
            f"({later / (days - 10):+.0f} B a day)"
        )
    print()
    print(
        f"Growth day 1 -> day {days}: all traced {(last[0] - first[0]) / 1024:+.0f} "
        f"KiB, Cramp Guard {growth / 1024:+.1f} KiB "
        f"({growth / max(days - 1, 1):+.0f} B a day)"
    )
    print("Top Cramp Guard allocation sites by growth (bytes held, day 1 -> last):")
    diff = Counter(last[1])
    diff.subtract(first[1])
    for site, size in diff.most_common(10):
        print(f"  {size:>+9} B  {site}  (now {last[1][site]} B)")
    print()
    print(
        f"Ledger on disk after {days} days (written on unload): "
        f"{RESULTS['ledger_size']} B, {RESULTS['kept_days']} days kept; "
        f"{RESULTS['ledger_writes']} writes in the run; prompt state "
        f"{RESULTS['prompts_size']} B"
    )
    print()
    print(
        "Target (issue 9 item 2): memory flat over the days - Cramp Guard's growth "
        f"<= {FLAT_PER_DAY} B a day (about one kept day's summary):"
    )
    for since, why in ((2, "today's and yesterday's minute detail in place"), (10, "")):
        if since in taken and days > since:
            per_day = (ours_last - sum(taken[since][1].values())) / (days - since)
            print(
                f"  day {since} -> day {days}{f' ({why})' if why else ''}: "
                f"{per_day:+.0f} B a day  {mark(per_day <= FLAT_PER_DAY)}"
            )
    print(
        f"  (day 1 -> day {days}: {growth / max(days - 1, 1):+.0f} B a day, as the "
        "minute-by-minute detail of a second day fills on day 2)"
    )


def main() -> None:
    """Run the month and print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument(
        "--history",
        type=int,
        default=KEEP_DAYS,
        help="days of history in the ledger before the run (0: a new install)",
    )
    args = parser.parse_args()
    run(__file__, days=args.days, history=args.history)
    report()


if __name__ == "__main__":
    main()
