"""Time `assess()` over a realistic mix of inputs.

Run from the repository root:
.venv/bin/python -m bench.bench_risk [--calls N] [--inputs N] [--seed N]
"""

from __future__ import annotations

import argparse
from datetime import datetime, time, timedelta
import platform
import random
import statistics
import time as clock
from zoneinfo import ZoneInfo

from custom_components.cramp_guard.risk import (
    Bout,
    LoadMetric,
    Profile,
    RiskInputs,
    assess,
)

TZ = ZoneInfo("Europe/Berlin")
METRICS: dict[LoadMetric, tuple[float, float]] = {
    "steps": (8000.0, 3000.0),
    "intensity_minutes": (30.0, 15.0),
    "active_kcal": (450.0, 150.0),
}


def maybe(rng: random.Random, p: float, value: float) -> float | None:
    """`value` with probability p, else None."""
    return value if rng.random() < p else None


def make_profile(rng: random.Random) -> Profile:
    wake = time(rng.choice([5, 6, 7, 8, 9]), rng.choice([0, 30]))
    bed = time(rng.choice([21, 22, 23, 0, 1]), rng.choice([0, 30]))
    return Profile(
        body_mass_kg=maybe(rng, 0.7, rng.uniform(45, 110)),
        sex=rng.choice(["female", "male", None]),
        wake=wake,
        bed=bed,
        cramp_prone=rng.random() < 0.2,
        water_target_ml=maybe(rng, 0.1, rng.uniform(1500, 3500)),
    )


def make_bouts(rng: random.Random, now: datetime) -> list[Bout]:
    bouts = []
    for _ in range(rng.randint(0, 3)):
        start = now - timedelta(minutes=rng.randint(10, 12 * 60))
        minutes = rng.randint(10, 180)
        end = start + timedelta(minutes=minutes)
        bouts.append(
            Bout(
                start=start,
                end=None if end > now else end,
                active_kcal=maybe(rng, 0.6, minutes * rng.uniform(5, 12)),
                vigorous=rng.random() < 0.4,
                outdoor_temp_c=maybe(rng, 0.5, rng.uniform(5, 36)),
                outdoor_humidity=maybe(rng, 0.5, rng.uniform(20, 95)),
            )
        )
    return bouts


def make_inputs(rng: random.Random) -> RiskInputs:
    now = datetime(2025, 7, 15, tzinfo=TZ) + timedelta(minutes=rng.randint(0, 1439))
    metric: LoadMetric | None = rng.choice([*METRICS, None])
    typical, spread = METRICS[metric] if metric else (0.0, 0.0)
    history = [
        None if rng.random() < 0.15 else max(0.0, rng.gauss(typical, spread))
        for _ in range(rng.randint(0, 27))
    ]
    return RiskInputs(
        now=now,
        profile=make_profile(rng),
        load_metric=metric,
        load_history=history if metric else [],
        load_today=maybe(rng, 0.8, rng.uniform(0, 2.5 * typical)) if metric else None,
        bouts=make_bouts(rng, now),
        room_temp_c=maybe(rng, 0.8, rng.uniform(17, 33)),
        room_humidity=maybe(rng, 0.6, rng.uniform(25, 80)),
        bedroom_temp_c=maybe(rng, 0.4, rng.uniform(16, 30)),
        bedroom_humidity=maybe(rng, 0.3, rng.uniform(30, 70)),
        max_room_heat_index_c=maybe(rng, 0.5, rng.uniform(18, 34)),
        water_ml=maybe(rng, 0.7, rng.uniform(0, 3000)),
        last_stretch=now - timedelta(hours=rng.uniform(0, 30))
        if rng.random() < 0.5
        else None,
        stretched_recently=rng.random() < 0.5,
        last_cramp=now - timedelta(days=rng.uniform(0, 120))
        if rng.random() < 0.3
        else None,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=50_000)
    parser.add_argument("--inputs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    cases = [make_inputs(rng) for _ in range(args.inputs)]
    for case in cases * 2:  # warm-up
        assess(case)

    timings = []
    started = clock.perf_counter_ns()
    for i in range(args.calls):
        case = cases[i % len(cases)]
        t0 = clock.perf_counter_ns()
        assess(case)
        timings.append(clock.perf_counter_ns() - t0)
    elapsed = clock.perf_counter_ns() - started

    timings.sort()
    p50 = timings[len(timings) // 2] / 1000
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))] / 1000
    print(f"Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"{args.calls} assess() calls over {len(cases)} inputs")
    print(f"calls/s: {args.calls / (elapsed / 1e9):,.0f} (incl. timer overhead)")
    mean = statistics.fmean(timings) / 1000
    print(f"p50: {p50:.1f} us  p99: {p99:.1f} us  mean: {mean:.1f} us")


if __name__ == "__main__":
    main()
