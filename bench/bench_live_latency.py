"""How fast Cramp Guard follows its sources in a real Home Assistant process.

Starts `hass` on 127.0.0.1 (cramp_guard_dev/hass.py), adds a person through the config
flow API, then changes each source N times and times, over the websocket API, how long
it takes until the person's entities show it (the first state_changed of a
`sensor.alex_*` entity: all of them are written in the same update). Each change moves
something the person's entities show: the temperature and humidity the heat index, the
steps the cramp risk, the water the water today. Prints p50 and max per source.

Run from the repository root: .venv/bin/python -m bench.bench_live_latency [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
import statistics
import tempfile

from cramp_guard_dev.hass import (
    MIDDAY,
    SOURCES,
    LiveHass,
    add_person,
    change_and_wait,
    zone_at,
)


def value(entity_id: str, n: int) -> float:
    """The n-th new value of a source (counters only grow)."""
    return {
        "sensor.room_temperature": 33 if n % 2 == 0 else 22,
        "sensor.room_humidity": 75 if n % 2 == 0 else 45,
        "sensor.steps": 10500 + 500 * n,  # exertion between 1 and 1.5 usual days
        "sensor.water": 22 + 2 * n,
    }[entity_id]


async def main(rounds: int) -> None:
    """Measure and print."""
    times: dict[str, list[float]] = {entity_id: [] for entity_id in SOURCES}
    with tempfile.TemporaryDirectory() as tmp:
        live = LiveHass(Path(tmp) / "config", zone_at(MIDDAY))
        await live.start()
        try:
            await add_person(live)
            async with live.state_changes() as queue:
                for n in range(rounds):
                    for entity_id in SOURCES:
                        seconds = await change_and_wait(
                            live, queue, entity_id, value(entity_id, n), "sensor.alex_*"
                        )
                        times[entity_id].append(seconds)
                        await asyncio.sleep(0.5)  # let the update finish
        finally:
            await live.stop()
    print(f"{rounds} changes per source: seconds until the person's entities show it")
    for entity_id, values in times.items():
        p50, worst = statistics.median(values), max(values)
        print(f"  {entity_id:26} p50 {p50:.3f} s  max {worst:.3f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    asyncio.run(main(parser.parse_args().rounds))
