"""Where a ledger is kept: its file, a rolling backup, and recovering from a bad file.

The ledger file is `.storage/cramp_guard.<entry id>`; the first write of each day also
goes to `.storage/cramp_guard.<entry id>.backup`, so the backup is at most a day old.
A file that cannot be used - garbage or truncated (Home Assistant moves it aside as
`.corrupt.<time>`), valid JSON of the wrong shape, or written by a newer Cramp Guard
(a higher major version) - is kept aside, the backup is restored, and a repair issue
says what happened and what was restored. Minor versions are compatible by
convention; a future major version that changes the shape migrates here.

Minor versions: 1.2 keeps the hourly samples of the index with the days (a day's
`samples`; a 1.1 file has none, and an older Cramp Guard reading a 1.2 file leaves
them out).
"""

from __future__ import annotations

from dataclasses import dataclass
import glob
import os
from typing import Any

from homeassistant import exceptions
from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import DOMAIN

STORAGE_VERSION = 1
STORAGE_MINOR_VERSION = 2
# What a file that cannot be used raises while it is loaded and read into days and
# counters: a newer version (`Store` raises UnsupportedStorageVersionError itself
# from Home Assistant 2026.x on; before, our migration raises NotImplementedError),
# or the wrong shape.
UNUSABLE: tuple[type[Exception], ...] = (
    NotImplementedError,
    getattr(exceptions, "UnsupportedStorageVersionError", NotImplementedError),
    KeyError,
    TypeError,
    ValueError,
    AttributeError,
    IndexError,
)


class LoopStore(Store[dict[str, Any]]):
    """A `Store` whose delayed-save data function always runs in the event loop.

    Home Assistant 2025.4 calls it in a worker thread, where reading state the loop
    changes is a race and scheduling work raises; 2026.x calls it in the loop by
    default. Here it is called before the write goes to the executor, in every
    release; the JSON encoding of its (fresh) result still runs in the executor.
    """

    async def _async_write_data(self, *args: Any) -> None:
        data = args[-1]  # (path, data) in 2025.4, (data) in 2026.x
        if "data_func" in data:
            data["data"] = data.pop("data_func")()
        await super()._async_write_data(*args)


class LedgerStore(LoopStore):
    """The ledger's `Store`: migrates older versions, refuses newer major ones."""

    async def _async_migrate_func(
        self,
        old_major_version: int,
        old_minor_version: int,
        old_data: dict[str, Any],
    ) -> dict[str, Any]:
        """1.x needs no change (1.1 has no samples, read as none); a newer major
        version cannot be read."""
        if old_major_version > STORAGE_VERSION:
            raise NotImplementedError(
                f"ledger version {old_major_version}.{old_minor_version} is newer "
                f"than {STORAGE_VERSION}"
            )
        return old_data


def ledger_store(hass: HomeAssistant, entry_id: str) -> LedgerStore:
    """The ledger file of one person."""
    return LedgerStore(
        hass,
        STORAGE_VERSION,
        f"{DOMAIN}.{entry_id}",
        private=True,
        minor_version=STORAGE_MINOR_VERSION,
    )


def backup_store(hass: HomeAssistant, entry_id: str) -> Store[dict[str, Any]]:
    """The rolling backup of one person's ledger."""
    return LedgerStore(
        hass,
        STORAGE_VERSION,
        f"{DOMAIN}.{entry_id}.backup",
        private=True,
        minor_version=STORAGE_MINOR_VERSION,
    )


@dataclass(frozen=True, slots=True)
class Unusable:
    """A ledger file that could not be used, and where it was kept."""

    reason: str  # for the log
    kept_as: str


async def async_keep_aside(
    hass: HomeAssistant, store: Store[Any], reason: str
) -> Unusable:
    """Move an unusable ledger file aside (`.bad.<time>`) so it is not overwritten."""
    path = store.path
    kept = f"{path}.bad.{dt_util.utcnow().strftime('%Y%m%dT%H%M%S')}"

    def move() -> bool:
        if not os.path.exists(path):
            return False
        os.replace(path, kept)
        return True

    moved = await hass.async_add_executor_job(move)
    return Unusable(reason, kept if moved else path)


async def async_corrupt_copy(hass: HomeAssistant, store: Store[Any]) -> str | None:
    """The newest copy Home Assistant moved aside as corrupt, if there is one."""

    def newest() -> str | None:
        found = sorted(glob.glob(f"{glob.escape(store.path)}.corrupt.*"))
        return found[-1] if found else None

    return await hass.async_add_executor_job(newest)
