"""The replayed minutes as the recorder's states: the History panel's timelines.

One row per change of state (as Home Assistant records them), for every replayed
entity, written with the recorder's own table classes in its database executor.
Rows reuse the attributes the entity has now (its name, unit and classes), and stop
at the entity's first live row: what the recorder wrote itself stays as it is, but
for the person's own rows from before the person continued the replayed day (the
seconds since the entry was added), which take the replay's state at their moment.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from homeassistant.components.recorder import get_instance
from homeassistant.components.recorder.core import Recorder
from homeassistant.components.recorder.db_schema import States
from homeassistant.components.recorder.util import session_scope
from homeassistant.core import HomeAssistant

from .replay import Sample


def _changes(samples: Iterable[Sample]) -> dict[str, list[tuple[float, str]]]:
    """Each entity's (timestamp, state) at every change."""
    changes: dict[str, list[tuple[float, str]]] = {}
    for sample in samples:
        for entity_id, text in sample.states.items():
            seen = changes.setdefault(entity_id, [])
            if not seen or seen[-1][1] != text:
                seen.append((sample.at.timestamp(), text))
    return changes


def _state_at(rows: list[tuple[float, str]], at: float) -> str:
    """The replayed state at the timestamp `at` (the last change by then)."""
    return next((state for when, state in reversed(rows) if when <= at), rows[0][1])


def _write(
    recorder: Recorder,
    changes: dict[str, list[tuple[float, str]]],
    ours: set[str],
    continued: float,
) -> int:
    """Insert the rows before each entity's first live one, and give the person's
    live rows before `continued` the replay's state (in the DB executor)."""
    written = 0
    with session_scope(session=recorder.get_session()) as session:
        for entity_id, rows in changes.items():
            metadata_id = recorder.states_meta_manager.get(entity_id, session, False)
            if metadata_id is None:
                continue  # not recorded (excluded, or not there yet)
            if entity_id in ours:
                for row in session.query(States).filter(
                    States.metadata_id == metadata_id,
                    States.last_updated_ts < continued,
                    States.state.is_not(None),
                ):
                    row.state = _state_at(rows, row.last_updated_ts or continued)
            first = (
                session.query(States.attributes_id, States.last_updated_ts)
                .filter(States.metadata_id == metadata_id)
                .order_by(States.last_updated_ts)
                .first()
            )
            if first is None:
                continue
            attributes_id, live_since = first
            for at, state in rows:
                if at >= live_since:
                    break
                session.add(
                    States(
                        metadata_id=metadata_id,
                        state=state,
                        attributes_id=attributes_id,
                        last_updated_ts=at,
                        last_changed_ts=None,  # None: the same as last_updated_ts
                        origin_idx=0,
                    )
                )
                written += 1
        session.flush()
        # History reads a state from before its window only when the recorder
        # knows of one that old (the oldest one it knows of is cached).
        recorder.states_manager.load_from_db(session)
    return written


async def async_write_states(
    hass: HomeAssistant, samples: Iterable[Sample], ours: set[str], continued: datetime
) -> int:
    """Write the samples' changes as states; the number of rows. `ours`: the
    person's entities, whose rows from before `continued` take the replay's states.
    """
    recorder = get_instance(hass)
    await recorder.async_block_till_done()  # the live rows are in the database
    changes = _changes(samples)
    written: int = await recorder.async_add_executor_job(
        _write, recorder, changes, ours, continued.timestamp()
    )
    return written
