"""CPU and state writes per source update: Cramp Guard next to core helpers.

In one process, under the test harness (pytest-homeassistant-custom-component's `hass`
fixture, Home Assistant as installed in .venv), each contender gets a fresh `hass` and
the same drive: 4,000 room temperature updates of +-0.1 degC (a seeded random walk
between 21 and 26 degC), one every 30 s of simulated time, humidity 50 % and outdoor
15 degC steady, and the steps and water counters moving every 10th update. Two
scenarios differ in how the counters move (both are daily totals, 0 again at local
midnight):
- plain: +60 steps and +25 mL at every 10th update;
- active: an active person's wearable syncing every 5 minutes (every 10th update), the
  day's totals as Health Connect's or a Garmin's daily steps and a bottle's water today
  report them (docs: shared/design/real-sources.md): steps rising through the day by
  20-120 a sync from 07:00 to 23:00, 800-900 a sync during an evening run
  (18:00-18:45), a few at night; water by sips of 5-30 mL a sync from 07:00 to 23:00,
  1-5 mL at night. Both counters move at every sync, night included: a source that
  never rests.

Contenders: (a) the floor - the sources alone, nobody listens; (b) core
`mold_indicator` (YAML) on the same temperature; (c) a core `template` sensor with the
NWS heat index formula over temperature and humidity; (d) Cramp Guard, one person
(tests/conftest.py `PERSON`: room temperature, humidity, steps, water) through a config
entry.

Measured after 100 warm-up updates: CPU per update (time.process_time, all threads of
this process - never wall-clock, the machine is shared) and state writes
(`state_changed` events of the contender's own entities) per update and per source
update, against the targets of issue 9 item 2.

Store writes stay in the harness's in-memory `.storage` mock (JSON round trip in the
loop) as in the tests; --disk writes Cramp Guard's files to a temp dir instead, but then
the frozen-clock loop polls while it waits for the executor thread, which inflates and
blurs the figure (a harness artifact).

Each contender runs --rounds times in each scenario (interleaved, each time a fresh
`hass`); the CPU figure is the median, the spread of the rounds is printed below the
table, and the verdict is the median of the rounds' ratios to mold_indicator.

Run from the repository root:
    .venv/bin/python -m bench.bench_updates [--scenario plain|active|both]
    [--updates N] [--rounds N] [--profile] [--disk]
(--profile runs Cramp Guard once more in each scenario under cProfile and prints where
its time goes; the table's figures come from the runs without the profiler.)
"""

from __future__ import annotations

# isort: off
# First: the harness loads the test harness's plugins before Home Assistant.
from bench._harness import (
    RESULTS,
    SOURCE_ATTRS,
    TZ,
    Bench,
    StateWrites,
    bench_hass,
    cpu,
    mark,
    run,
)
# isort: on

import argparse
from collections import Counter
import cProfile
from datetime import datetime, time, timedelta
import gc
import io
from pathlib import Path
import pstats
import random
import statistics
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import __version__ as HA_VERSION
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest

from tests.conftest import PERSON

START = datetime(2026, 7, 15, 9, 0, tzinfo=TZ)
STEP = timedelta(seconds=30)
WARM_UP = 100
CONTENDERS = ("floor", "mold_indicator", "template", "cramp_guard")
SCENARIOS = ("plain", "active")
# The sources each contender follows (a source update is a change of one of them).
FOLLOWS = {
    "floor": ("sensor.room_temperature",),
    "mold_indicator": (
        "sensor.room_temperature",
        "sensor.outdoor_temperature",
        "sensor.room_humidity",
    ),
    "template": ("sensor.room_temperature", "sensor.room_humidity"),
    "cramp_guard": tuple(
        PERSON[key]
        for key in ("room_temperature", "room_humidity", "activity", "water")
    ),
}

SOURCES: dict[str, dict[str, Any]] = SOURCE_ATTRS | {
    "sensor.outdoor_temperature": SOURCE_ATTRS[PERSON["room_temperature"]]
}
# The active person's day: (from, steps a sync, mL a sync), by local time.
ACTIVE_DAY = (
    (time(0), (1, 10), (1, 5)),
    (time(7), (20, 120), (5, 30)),
    (time(18), (800, 900), (5, 30)),  # the evening run
    (time(18, 45), (20, 120), (5, 30)),
    (time(23), (1, 10), (1, 5)),
)

# The NWS heat index (what Cramp Guard's heat index uses, without its adjustments).
HEAT_TEMPLATE = """
{% set t = states('sensor.room_temperature') | float(0) * 9 / 5 + 32 %}
{% set rh = states('sensor.room_humidity') | float(0) %}
{% set hi = 0.5 * (t + 61 + 1.2 * (t - 68) + 0.094 * rh) %}
{% if (hi + t) / 2 >= 80 %}
{% set hi = -42.379 + 2.04901523 * t + 10.14333127 * rh - 0.22475541 * t * rh
  - 0.00683783 * t * t - 0.05481717 * rh * rh + 0.00122874 * t * t * rh
  + 0.00085282 * t * rh * rh - 0.00000199 * t * t * rh * rh %}
{% endif %}
{{ ((hi - 32) * 5 / 9) | round(1) }}
"""


class Drive:
    """The source updates every contender gets."""

    def __init__(self, bench: Bench, scenario: str) -> None:
        """Start from steady sources."""
        self.bench = bench
        self.scenario = scenario
        self.rng = random.Random(9)
        self.counters = random.Random(10)  # the active person's counters
        self.temp = 23.0
        self.day = START.date()
        self.steps = 0
        self.water = 0
        self.updates: Counter[str] = Counter()  # state changes per source
        bench.set("sensor.room_temperature", self.temp)
        bench.set("sensor.room_humidity", 50)
        bench.set("sensor.outdoor_temperature", 15.0)
        bench.set("sensor.steps", self.steps)
        bench.set("sensor.water", self.water)

    def update(self, n: int, now: datetime) -> None:
        """The n-th update: the temperature moves; every 10th, steps and water too.

        The counters are daily: they start again from 0 at local midnight.
        """
        step = self.rng.choice((-0.1, 0.1))
        if not 21.0 <= self.temp + step <= 26.0:
            step = -step
        self.temp = round(self.temp + step, 1)
        self.bench.set("sensor.room_temperature", self.temp)
        self.updates["sensor.room_temperature"] += 1
        if n % 10 == 0:
            local = now.astimezone(TZ)
            if local.date() != self.day:
                self.day, self.steps, self.water = local.date(), 0, 0
            steps, water = self._sync(local.time())
            self.steps += steps
            self.water += water
            self.bench.set("sensor.steps", self.steps)
            self.bench.set("sensor.water", self.water)
            self.updates["sensor.steps"] += 1
            self.updates["sensor.water"] += 1

    def _sync(self, moment: time) -> tuple[int, int]:
        """What the counters add at a sync: steps, mL."""
        if self.scenario == "plain":
            return 60, 25
        steps, water = next(
            (steps, water)
            for start, steps, water in reversed(ACTIVE_DAY)
            if moment >= start
        )
        return self.counters.randint(*steps), self.counters.randint(*water)


async def _set_up(bench: Bench, contender: str) -> dict[str, str]:
    """Set up a contender; its entities by role."""
    hass = bench.hass
    if contender == "mold_indicator":
        assert await async_setup_component(
            hass,
            "sensor",
            {
                "sensor": [
                    {
                        "platform": "mold_indicator",
                        "name": "Mold indicator",
                        "indoor_temp_sensor": "sensor.room_temperature",
                        "outdoor_temp_sensor": "sensor.outdoor_temperature",
                        "indoor_humidity_sensor": "sensor.room_humidity",
                        "calibration_factor": 2.0,
                    }
                ]
            },
        )
        await hass.async_block_till_done()
        return {"mold_indicator": "sensor.mold_indicator"}
    if contender == "template":
        assert await async_setup_component(
            hass,
            "template",
            {
                "template": [
                    {
                        "sensor": [
                            {
                                "name": "Heat index",
                                "unit_of_measurement": "°C",
                                "device_class": "temperature",
                                "state_class": "measurement",
                                "state": HEAT_TEMPLATE,
                            }
                        ]
                    }
                ]
            },
        )
        await hass.async_block_till_done()
        return {"heat_index": "sensor.heat_index"}
    if contender == "cramp_guard":
        await bench.add_person()
        return bench.entities
    return {}


def _runs() -> list[str]:
    """Every contender of every scenario once a round (rounds interleaved), then the
    profiled runs: `<scenario>/<contender>[/profiled]`."""
    scenarios = RESULTS.get("scenarios", SCENARIOS)
    runs = [
        f"{scenario}/{contender}"
        for _ in range(RESULTS.get("rounds", 1))
        for scenario in scenarios
        for contender in CONTENDERS
    ]
    if RESULTS.get("profile"):
        runs += [f"{scenario}/cramp_guard/profiled" for scenario in scenarios]
    return runs


@pytest.mark.parametrize("run_", _runs())
async def test_updates(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    enable_custom_integrations: None,
    tmp_path: Path,
    run_: str,
) -> None:
    """Drive one contender in one scenario and keep its figures in RESULTS."""
    scenario, contender, *profiled = run_.split("/")
    updates: int = RESULTS["updates"]
    async with bench_hass(
        hass, freezer, tmp_path, START, sources=SOURCES, to_disk=RESULTS["disk"]
    ) as bench:
        clock, stores = bench.clock, bench.stores
        drive = Drive(bench, scenario)
        entities = await _set_up(bench, contender)
        for n in range(1, WARM_UP + 1):
            drive.update(n, dt_util.utcnow())
            await clock.step(STEP)
        writes = StateWrites()
        stop = writes.listen(hass)
        sources_before = sum(drive.updates[e] for e in FOLLOWS[contender])
        stores_before = stores.counts.copy()
        profile = cProfile.Profile() if profiled else None
        # What earlier rounds left behind is collected and frozen, so a full garbage
        # collection during the run scans this contender's objects, not theirs.
        gc.collect()
        gc.freeze()
        started = cpu()
        if profile:
            profile.enable()
        for n in range(WARM_UP + 1, WARM_UP + updates + 1):
            drive.update(n, dt_util.utcnow())
            await clock.step(STEP)
        if profile:
            profile.disable()
            RESULTS[f"{scenario}/profile"] = profile
        seconds = cpu() - started
        gc.unfreeze()
        stop()
    if profile:
        return
    cpus = RESULTS.setdefault(f"{scenario}/{contender}/cpus", [])
    cpus.append(seconds / updates)
    RESULTS[f"{scenario}/{contender}"] = {
        "cpu": statistics.median(cpus),
        "cpus": cpus,
        "updates": updates,
        "source_updates": sum(drive.updates[e] for e in FOLLOWS[contender])
        - sources_before,
        "writes": writes.total(set(entities.values())),
        "by_role": {role: writes.counts[e] for role, e in entities.items()},
        "entities": len(entities),
        "store_writes": stores.counts - stores_before,
        "counters": (drive.steps, drive.water),
    }


def report(scenario: str) -> None:
    """Print one scenario's table and the targets."""
    results = {c: RESULTS[f"{scenario}/{c}"] for c in CONTENDERS}
    floor, mold, cg = (results[c] for c in ("floor", "mold_indicator", "cramp_guard"))
    updates = floor["updates"]
    print()
    print(f"Scenario {scenario!r}, Home Assistant {HA_VERSION}:")
    counters = (
        "+60 steps and +25 mL at every 10th update"
        if scenario == "plain"
        else "an active person's wearable syncing every 5 min: the day's steps and "
        "water rising by the time of day (an evening run), at every 10th update"
    )
    steps, water = cg["counters"]
    print(
        f"{updates} room temperature updates of +-0.1 degC, one every 30 s of "
        f"simulated time; {counters}; daily counters (at the end: {steps} steps, "
        f"{water} mL today)."
    )
    rounds = len(floor["cpus"])
    print(
        "CPU = time.process_time() of this process (all threads) over the run / "
        f"updates, median of {rounds} rounds; not wall-clock."
    )
    print()
    header = (
        f"{'contender':<30} {'CPU/update':>11} {'x floor':>8} {'x mold':>7} "
        f"{'writes/update':>14} {'writes/source update':>21}"
    )
    print(header)
    print("-" * len(header))
    names = {
        "floor": "floor (sources, no listener)",
        "mold_indicator": "core mold_indicator",
        "template": "core template (heat index)",
        "cramp_guard": f"Cramp Guard ({cg['entities']} entities)",
    }
    for contender in CONTENDERS:
        r = results[contender]
        cpu_us = r["cpu"] * 1e6
        per_source = r["writes"] / r["source_updates"] if r["source_updates"] else 0
        print(
            f"{names[contender]:<30} {cpu_us:>8.0f} us"
            f" {r['cpu'] / floor['cpu']:>7.2f}x {r['cpu'] / mold['cpu']:>6.2f}x"
            f" {r['writes'] / updates:>14.3f} {per_source:>21.3f}"
        )
    roles = cg["by_role"]
    for role in ("heat_index", "cramp_risk"):
        per_source = roles[role] / cg["source_updates"]
        print(
            f"{'  of which ' + role:<30} {'':>11} {'':>8} {'':>7}"
            f" {roles[role] / updates:>14.3f} {per_source:>21.3f}"
        )
    others = {
        r: n for r, n in roles.items() if n and r not in ("heat_index", "cramp_risk")
    }
    print(
        "  other entities written: "
        + (", ".join(f"{r} {n}" for r, n in sorted(others.items())) or "none")
    )
    stores = ", ".join(f"{k} {n}" for k, n in sorted(cg["store_writes"].items()))
    print(
        f"  source updates Cramp Guard follows: {cg['source_updates']} "
        f"({cg['source_updates'] / updates:.1f} per update)"
    )
    print(f"  Store writes during the run: {stores or 'none'}")
    print(
        "  CPU of each round (us): "
        + "; ".join(
            f"{c} " + ", ".join(f"{x * 1e6:.0f}" for x in results[c]["cpus"])
            for c in CONTENDERS
        )
    )
    print()
    print("Targets (issue 9 item 2), per source update:")
    # Each round runs every contender back to back, so the machine's speed (a shared
    # VM: it drifts by +-20 % over a minute) is about the same within a round; the
    # verdict is the median of the per-round ratios.
    ratios = [c / m for c, m in zip(cg["cpus"], mold["cpus"], strict=True)]
    ratio = statistics.median(ratios)
    total = cg["writes"] / cg["source_updates"]
    risk = roles["cramp_risk"] / cg["source_updates"]
    print(
        f"  CPU per update <= mold_indicator's: {ratio:.2f}x (median of the rounds' "
        f"ratios: {', '.join(f'{r:.2f}' for r in ratios)}; medians "
        f"{cg['cpu'] * 1e6:.0f} us vs {mold['cpu'] * 1e6:.0f} us)  {mark(ratio <= 1.0)}"
    )
    print(f"  all state writes <= 0.70: {total:.3f}  {mark(total <= 0.70)}")
    print(f"  cramp risk writes <= 0.10: {risk:.3f}  {mark(risk <= 0.10)}")
    if f"{scenario}/profile" in RESULTS:
        out = io.StringIO()
        stats = pstats.Stats(RESULTS[f"{scenario}/profile"], stream=out)
        stats.sort_stats("tottime").print_stats(15)
        stats.sort_stats("cumulative").print_stats("cramp_guard", 15)
        print()
        print(
            f"cProfile of a further Cramp Guard run ({scenario}; whole process): top "
            "15 by own time, then Cramp Guard's functions by cumulative time"
        )
        print(out.getvalue())


def main() -> None:
    """Parse the options, run the contenders, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=4000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--disk", action="store_true")
    parser.add_argument("--scenario", choices=[*SCENARIOS, "both"], default="both")
    args = parser.parse_args()
    scenarios = SCENARIOS if args.scenario == "both" else (args.scenario,)
    run(
        __file__,
        updates=args.updates,
        rounds=args.rounds,
        profile=args.profile,
        disk=args.disk,
        scenarios=scenarios,
    )
    for scenario in scenarios:
        report(scenario)


if __name__ == "__main__":
    main()
