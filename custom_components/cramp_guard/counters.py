"""Turn a counter source's readings into the day's total, whatever kind it is.

A counter that resets daily gives the day's total directly (also on the first reading
after setup); one that keeps counting contributes the sum of its positive increments
since local midnight. In both, a drop is a reset: what was counted before it is kept.
The state is plain data, persisted with the ledger, so nothing is counted twice across
a restart.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from .const import CounterKind


@dataclass(slots=True)
class CounterState:
    """What a counter has given so far today."""

    day: date | None = None
    last: float | None = None  # the last raw reading
    last_at: datetime | None = None
    carried: float = 0.0  # DAILY: what today's total had before its last reset
    total: float = 0.0  # what today counts
    waiting_for_reset: bool = False  # DAILY: still showing yesterday's total

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        data = asdict(self)
        data["day"] = self.day.isoformat() if self.day else None
        data["last_at"] = self.last_at.isoformat() if self.last_at else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CounterState:
        """Restore a saved state."""
        return cls(
            day=date.fromisoformat(data["day"]) if data.get("day") else None,
            last=data.get("last"),
            last_at=datetime.fromisoformat(data["last_at"])
            if data.get("last_at")
            else None,
            carried=float(data.get("carried", 0.0)),
            total=float(data.get("total", 0.0)),
            waiting_for_reset=bool(data.get("waiting_for_reset", False)),
        )


@dataclass(frozen=True, slots=True)
class CounterStep:
    """The result of one reading: what it added to today, and over which interval."""

    added: float
    since: datetime | None  # the previous reading's time, when it was today
    late_for_yesterday: float | None = None  # a DAILY counter's late final total


def update_counter(
    state: CounterState, kind: CounterKind, value: float, at: datetime
) -> CounterStep:
    """Feed one valid reading (taken at `at`, local time) into the counter state."""
    today = at.date()
    previous, previous_at = state.last, state.last_at
    if state.day != today:
        first_ever = state.day is None
        state.day, state.carried, state.total = today, 0.0, 0.0
        # A daily counter still showing yesterday's total has not reset yet.
        state.waiting_for_reset = (
            kind is CounterKind.DAILY and previous is not None and not first_ever
        )
        if previous_at is not None and previous_at.date() != today:
            previous_at = None
    state.last, state.last_at = value, at
    before = state.total
    dropped = previous is not None and value < previous

    if kind is CounterKind.CUMULATIVE:
        if previous is not None:
            state.total += value if dropped else value - previous
        return CounterStep(state.total - before, previous_at)

    if state.waiting_for_reset:
        if not dropped:
            return CounterStep(0.0, None, late_for_yesterday=value)
        state.waiting_for_reset = False
    elif dropped:
        state.carried += previous or 0.0
    state.total = state.carried + value
    return CounterStep(state.total - before, previous_at if not dropped else None)
