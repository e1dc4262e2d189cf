"""Shared pieces of the benchmarks in this folder.

Each benchmark is a pytest module run in-process by its own `main()` (`run`), so it
gets the test harness's `hass` fixture machinery exactly as the tests do
(pytest-homeassistant-custom-component: a `hass` on a frozen clock, mocked `.storage`,
the real recorder on request). Results are handed back to `main()` through `RESULTS`.

Helpers:
- `Clock`: the simulated clock, moved the same way for every contender (freezegun;
  with the freezer active the event loop's clock follows it, so debounces, time
  trackers and Store's delayed saves run on simulated time);
- `StateWrites`: counts `state_changed` events per entity;
- `StoreWrites`: counts `Store` writes per key (with their simulated times) and
  writes Cramp Guard's files (the ledger and the prompt state) to a real `.storage`
  folder in a temp dir as Home Assistant would, or only JSON-encodes them;
- `cpu`: CPU seconds of this process (all threads), never wall-clock: the machine is
  shared with other test suites;
- `bench_hass`: the setup every cost benchmark shares - a quiet loop, Europe/Berlin,
  the clock at the start, Store writes counted, the sources' first states - handing
  over a `Bench` that adds the person (tests/conftest.py `PERSON`) through a config
  entry and knows its entities and its ledger's Store key.
"""

from __future__ import annotations

# isort: off
# The harness patches Home Assistant's clock and recorder functions before anything
# else imports Home Assistant, so it comes first (a benchmark imports this module
# before any Home Assistant module).
import pytest_homeassistant_custom_component.plugins  # noqa: F401

# isort: on
import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
import logging
import math
import os
from pathlib import Path
import sys
import time
from typing import Any
from unittest.mock import patch
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er, storage
from homeassistant.helpers.json import json_bytes  # Home Assistant's JSON encoding
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

ROOT = Path(__file__).resolve().parents[1]

# Import our package before the harness's `hass` fixture runs, or the harness's own
# `custom_components` package shadows ours (as tests/conftest.py does).
import custom_components.cramp_guard  # noqa: E402, F401
from tests.conftest import PERSON, make_entry, setup_entry  # noqa: E402

TIME_ZONE = "Europe/Berlin"
TZ = ZoneInfo(TIME_ZONE)
# How the person's four sources report (units, device and state classes).
SOURCE_ATTRS: dict[str, dict[str, Any]] = {
    PERSON["room_temperature"]: {
        "unit_of_measurement": "°C",
        "device_class": "temperature",
        "state_class": "measurement",
    },
    PERSON["room_humidity"]: {
        "unit_of_measurement": "%",
        "device_class": "humidity",
        "state_class": "measurement",
    },
    PERSON["activity"]: {
        "unit_of_measurement": "steps",
        "state_class": "total_increasing",
    },
    PERSON["water"]: {
        "unit_of_measurement": "mL",
        "device_class": "volume",
        "state_class": "total_increasing",
    },
}

# What the benchmark modules hand back to their main().
RESULTS: dict[str, Any] = {}


def run(module_file: str, **options: Any) -> None:
    """Run the benchmark module's test functions in this process; exit on failure.

    `options` are put in RESULTS for the test functions to read.
    """
    RESULTS.clear()
    RESULTS.update(options)
    logging.getLogger().setLevel(logging.WARNING)
    # Said on every setup, the same each time: "custom integration not tested by
    # Home Assistant", "zlib_ng not available".
    for name in ("homeassistant.loader", "aiohttp_fast_zlib"):
        logging.getLogger(name).setLevel(logging.ERROR)
    code = pytest.main(
        [
            module_file,
            "-q",
            "-s",
            "--no-header",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:warnings",
            "-p",
            "no:logging",
            f"--rootdir={ROOT}",
        ]
    )
    if code != 0:
        sys.exit(int(code))


def cpu() -> float:
    """CPU seconds used by this process so far (user + system, all threads)."""
    return time.process_time()


def quiet_loop(hass: HomeAssistant) -> None:
    """Turn off asyncio's debug mode the harness enables.

    It records a traceback for every scheduled callback and warns about each 30 s
    jump of the simulated clock; neither is what an installation pays.
    """
    hass.loop.set_debug(False)


class Clock:
    """The simulated clock: every contender's time moves through `step`."""

    def __init__(self, hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
        """Drive `hass` with `freezer`."""
        self.hass = hass
        self.freezer = freezer

    async def step(self, delta: timedelta) -> None:
        """Move the clock by `delta` and run what is due.

        With the freezer active the event loop's clock follows it, so the loop runs
        the timers that came due (debounces, time trackers, Store's delayed saves)
        by itself, as in an install. `async_fire_time_changed` (what `advance` in
        tests/conftest.py uses) would run them too, but enters two `mock.patch`es
        per timer: that costs more than a core helper's whole update and would be
        charged to whichever contender has timers.
        """
        await self.hass.async_block_till_done()
        self.freezer.tick(delta)
        await asyncio.sleep(0)  # one pass of the loop: the due timers run
        await self.hass.async_block_till_done()

    async def to(self, moment: datetime, most: timedelta | None = None) -> None:
        """Move the clock forward to `moment`, by steps of at `most` when given."""
        if most is not None:
            while moment - dt_util.utcnow() > most:
                await self.step(most)
        await self.step(moment - dt_util.utcnow())


@dataclass
class StateWrites:
    """`state_changed` events per entity id (each one is a row in the recorder)."""

    counts: Counter[str] = field(default_factory=Counter)
    max_attrs: dict[str, int] = field(default_factory=dict)
    measure_attrs: bool = False

    def listen(self, hass: HomeAssistant) -> Callable[[], None]:
        """Start counting; returns the function that stops it."""
        return hass.bus.async_listen(EVENT_STATE_CHANGED, self._on_event)

    @callback
    def _on_event(self, event: Event[EventStateChangedData]) -> None:
        entity_id = event.data["entity_id"]
        self.counts[entity_id] += 1
        if self.measure_attrs and (new := event.data["new_state"]) is not None:
            size = len(json_bytes(dict(new.attributes)))
            if size > self.max_attrs.get(entity_id, -1):
                self.max_attrs[entity_id] = size

    def total(self, entity_ids: set[str]) -> int:
        """Writes of these entities."""
        return sum(self.counts[e] for e in entity_ids)


class StoreWrites:
    """Counts `Store` writes; Cramp Guard's files go to `<folder>/.storage`.

    The harness mocks `.storage` (a JSON round trip in memory, and its mock keeps
    every call's arguments: every ledger ever written). Cramp Guard's own files skip
    that mock: with `to_disk` the real `Store._write_data` writes them (JSON encoding
    and a file write in the executor, as in an install); without it they are JSON
    encoded in the loop as a write would, and dropped.
    """

    def __init__(
        self, folder: Path, prefix: str = "cramp_guard.", *, to_disk: bool = True
    ) -> None:
        """Count writes; files whose key starts with `prefix` are Cramp Guard's.

        `to_disk` can be switched while counting.
        """
        self.folder = folder / ".storage"
        self.prefix = prefix
        self.to_disk = to_disk
        self.counts: Counter[str] = Counter()
        self.times: dict[str, list[datetime]] = {}
        self.encoded: dict[str, int] = {}  # bytes of the last in-memory write
        self._patch: Any = None

    def path(self, key: str) -> Path:
        """Where the file of `key` is written."""
        return self.folder / key

    def size(self, key: str) -> int:
        """Bytes of the file of `key` on disk (0 when never written)."""
        path = self.path(key)
        return path.stat().st_size if path.exists() else 0

    def __enter__(self) -> StoreWrites:
        """Start counting (inside the test: the harness's mock is in place)."""
        mocked = storage.Store._async_write_data
        writes = self

        async def write(store: storage.Store, path: str, data: dict[str, Any]) -> None:
            writes.counts[store.key] += 1
            writes.times.setdefault(store.key, []).append(dt_util.utcnow())
            if not store.key.startswith(writes.prefix):
                await mocked(store, path, data)
            elif writes.to_disk:
                await store.hass.async_add_executor_job(
                    store._write_data, str(writes.path(store.key)), data
                )
            else:  # encoded as a write would, then dropped
                if "data_func" in data:
                    data["data"] = data.pop("data_func")()
                writes.encoded[store.key] = len(json_bytes(data))

        os.makedirs(self.folder, exist_ok=True)
        self._patch = patch.object(storage.Store, "_async_write_data", write)
        self._patch.start()
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop counting."""
        self._patch.stop()


def entity_ids_of(hass: HomeAssistant, entry_id: str) -> dict[str, str]:
    """A config entry's entities: unique-id suffix (the description key) -> id."""
    registry = er.async_get(hass)
    return {
        e.unique_id.removeprefix(f"{entry_id}_"): e.entity_id
        for e in er.async_entries_for_config_entry(registry, entry_id)
    }


def curve(moment: datetime, mean: float, swing: float) -> float:
    """A daily curve: lowest at 04:00, highest at 16:00."""
    hours = moment.hour + moment.minute / 60
    return mean - swing * math.cos(2 * math.pi * (hours - 4) / 24)


@dataclass
class Bench:
    """What `bench_hass` hands over: the clock, the Store counts, the sources."""

    hass: HomeAssistant
    clock: Clock
    stores: StoreWrites
    sources: dict[str, dict[str, Any]]  # entity id -> its attributes
    entry: MockConfigEntry | None = None
    entities: dict[str, str] = field(default_factory=dict)  # the person's, by key

    def set(self, entity_id: str, value: float | str) -> None:
        """A source's new state, with its attributes."""
        self.hass.states.async_set(entity_id, str(value), self.sources[entity_id])

    async def add_person(self, entry: MockConfigEntry | None = None) -> MockConfigEntry:
        """Add and set up the person (`PERSON` unless `entry` is given)."""
        self.entry = await setup_entry(self.hass, entry or make_entry(**PERSON))
        self.entities = entity_ids_of(self.hass, self.entry.entry_id)
        return self.entry

    @property
    def ledger(self) -> str:
        """The Store key of the person's ledger."""
        assert self.entry is not None
        return f"cramp_guard.{self.entry.entry_id}"


@asynccontextmanager
async def bench_hass(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    tmp_path: Path,
    start: datetime,
    initial: dict[str, float | str] | None = None,
    sources: dict[str, dict[str, Any]] = SOURCE_ATTRS,
    *,
    to_disk: bool = True,
) -> AsyncIterator[Bench]:
    """The test's `hass` made ready for a benchmark: the loop quiet, the time zone
    Europe/Berlin, the clock at `start`, Store writes counted (`StoreWrites`, to
    `tmp_path`), and the `initial` states of `sources` set.
    """
    quiet_loop(hass)
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(start)
    with StoreWrites(tmp_path, to_disk=to_disk) as stores:
        bench = Bench(hass, Clock(hass, freezer), stores, sources)
        for entity_id, value in (initial or {}).items():
            bench.set(entity_id, value)
        yield bench


def mark(ok: bool) -> str:
    """The verdict printed next to a target."""
    return "met" if ok else "NOT MET"
