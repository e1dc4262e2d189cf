"""Turn a counter source's readings into increments at moments, whatever kind it is.

Two kinds (the person confirms one in the config flow):

- **daily** - the value is the source's total of its calendar day. Within a day only
  a rise above the day's highest value counts: a fall is a glitch or a correction (a
  cloud API answering 0 for a moment, an account on another time zone resetting an
  hour early), and what was counted is kept; a reset within the day counts only when
  the source says so by moving its `last_reset`. After local midnight the value may
  still be yesterday's: Garmin repeats it until its first sync, Oura's day grows until
  about 04:00, Home Assistant may have been down at midnight. The rule, bounded:
  an unchanged value is yesterday's; a source-published `last_reset` of today starts
  today, one before today with its `next_reset` still ahead keeps the old day; within
  LATE_WINDOW after midnight a growing value (or a small fall) is yesterday's, a fall
  below half is today's first total; after LATE_WINDOW any changed value is today's.
  A value of yesterday is credited to yesterday's last moment.
- **cumulative** - the value keeps counting (steps since the phone booted, a lifetime
  bottle counter, a utility meter with no daily cycle): each positive change is an
  increment at the moment it is seen; a fall is a restart, counted from zero.

A daily counter far above any plausible day, or one that never falls at midnight, and
a cumulative one that falls to about zero every midnight, say they are of the other
kind: `Step.suggest` carries that evidence. The state is plain data persisted with the
ledger, so a restart counts nothing twice. Pure: no Home Assistant imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from .const import CounterKind

# Yesterday's total may still change until about 04:00 (Oura's day) [J].
LATE_WINDOW = timedelta(hours=4, minutes=30)
RESET_FRACTION = 0.5  # after midnight, a fall below half of the peak is the reset [J]
NEAR_ZERO = 0.1  # a cumulative counter at or below 10 % of its value has restarted
MISMATCH_DAYS = 3  # days in a row of behaviour unlike the chosen kind [J]
_TICK = timedelta(microseconds=1)


@dataclass(slots=True)
class CounterState:
    """What a counter has shown, for the day its value belongs to."""

    kind: CounterKind | None = None  # the kind it was read as (a change restarts it)
    day: date | None = None  # the source's day of `last` (calendar day)
    last: float | None = None  # the last usable raw reading
    last_at: datetime | None = None
    peak: float = 0.0  # daily: the highest value since the day's last reset
    carried: float = 0.0  # daily: what the day had before its resets
    last_reset: datetime | None = None  # daily: the source's own last_reset, if any
    odd_days: int = 0  # days in a row that looked like the other kind
    odd_on: date | None = None  # cumulative: the last day that began with a fall

    @property
    def total(self) -> float:
        """Daily: the source's day total so far (diagnostics)."""
        return self.carried + self.peak

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (field by field: `asdict` deep-copies, at every save and
        every assessment's snapshot)."""
        return {
            "kind": self.kind.value if self.kind is not None else None,
            "day": _iso(self.day),
            "last": self.last,
            "last_at": _iso(self.last_at),
            "peak": self.peak,
            "carried": self.carried,
            "last_reset": _iso(self.last_reset),
            "odd_days": self.odd_days,
            "odd_on": _iso(self.odd_on),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CounterState:
        """Restore a saved state (states saved before `kind` existed start over)."""
        if not data.get("kind"):
            return cls()
        return cls(
            kind=CounterKind(data["kind"]),
            day=date.fromisoformat(data["day"]) if data.get("day") else None,
            last=data.get("last"),
            last_at=_moment(data.get("last_at")),
            peak=float(data.get("peak", 0.0)),
            carried=float(data.get("carried", 0.0)),
            last_reset=_moment(data.get("last_reset")),
            odd_days=int(data.get("odd_days", 0)),
            odd_on=date.fromisoformat(data["odd_on"]) if data.get("odd_on") else None,
        )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True, slots=True)
class Step:
    """What one reading adds, when, over which interval, and what it suggests.

    `amount` (>= 0) is credited at `at` (for a late reading of yesterday, the last
    moment of yesterday); `since` is where spreading over minutes starts (None: do not
    spread). `suggest` is the kind the counter behaves like when that is not the
    chosen one.
    """

    amount: float = 0.0
    at: datetime | None = None
    since: datetime | None = None
    suggest: CounterKind | None = None


def midnight(day: date, tzinfo: Any) -> datetime:
    """Local midnight at the start of `day`."""
    return datetime.combine(day, time(), tzinfo=tzinfo)


def update_counter(
    state: CounterState,
    kind: CounterKind,
    value: float,
    at: datetime,
    *,
    plausible_day: float,
    last_reset: datetime | None = None,
    next_reset: datetime | None = None,
) -> Step:
    """Feed one usable reading (taken at `at`, tz-aware local time)."""
    if state.kind is not kind or state.last is None:
        return _first(state, kind, value, at, plausible_day, last_reset)
    if kind is CounterKind.CUMULATIVE:
        return _cumulative(state, value, at)
    if value > plausible_day:
        return Step(suggest=CounterKind.CUMULATIVE)
    return _daily(state, value, at, last_reset, next_reset)


def _first(
    state: CounterState,
    kind: CounterKind,
    value: float,
    at: datetime,
    plausible_day: float,
    last_reset: datetime | None,
) -> Step:
    """The first reading: a daily total counts in full, a cumulative one is a base."""
    state.kind, state.day, state.last, state.last_at = kind, at.date(), value, at
    state.carried, state.peak, state.odd_days = 0.0, value, 0
    state.last_reset = last_reset
    if kind is CounterKind.CUMULATIVE:
        return Step()
    if value > plausible_day:
        state.last = None  # read again once the kind is fixed
        return Step(suggest=CounterKind.CUMULATIVE)
    return Step(value, at, midnight(at.date(), at.tzinfo))


def _cumulative(state: CounterState, value: float, at: datetime) -> Step:
    """A positive change is an increment; a fall is a restart from zero."""
    last, last_at, today = state.last or 0.0, state.last_at, at.date()
    fell = value < last
    amount = value if fell else value - last
    new_day = state.day != today
    early = at < midnight(today, at.tzinfo) + LATE_WINDOW
    if fell and value <= NEAR_ZERO * last and (new_day or early):
        if state.odd_on != today:  # one count per day
            state.odd_days, state.odd_on = state.odd_days + 1, today
    elif not early and state.odd_on != today:
        state.odd_days = 0  # past the window without a fall to zero
    state.day, state.last, state.last_at = today, value, at
    suggest = CounterKind.DAILY if state.odd_days >= MISMATCH_DAYS else None
    return Step(amount, at, last_at, suggest)


def _daily(
    state: CounterState,
    value: float,
    at: datetime,
    last_reset: datetime | None,
    next_reset: datetime | None,
) -> Step:
    today = at.date()
    assert state.day is not None
    if state.day >= today:
        return _same_day(state, value, at, last_reset)
    if _still_old_day(state, value, at, last_reset, next_reset):
        # Yesterday's value, repeated or still growing: it stays on yesterday.
        end = midnight(state.day + timedelta(days=1), at.tzinfo) - _TICK
        step = _same_day(state, value, at, last_reset)
        return Step(step.amount, min(at, end), step.since)
    # The source's new day: its value is today's total so far.
    fell = value < (state.last or 0.0) or (
        last_reset is not None and last_reset >= midnight(today, at.tzinfo)
    )
    state.odd_days = 0 if fell else state.odd_days + 1
    since = max(midnight(today, at.tzinfo), state.last_at or at)
    state.day, state.carried, state.peak = today, 0.0, value
    state.last, state.last_at, state.last_reset = value, at, last_reset
    suggest = CounterKind.CUMULATIVE if state.odd_days >= MISMATCH_DAYS else None
    return Step(value, at, since if since < at else None, suggest)


def _still_old_day(
    state: CounterState,
    value: float,
    at: datetime,
    last_reset: datetime | None,
    next_reset: datetime | None,
) -> bool:
    """Whether a reading after midnight is still the source's earlier day."""
    start = midnight(at.date(), at.tzinfo)
    last = state.last or 0.0
    if value == last:
        return True  # unchanged: nothing new for today
    if last_reset is not None:
        if last_reset >= start:
            return False  # the source says it reset today
        if next_reset is not None and next_reset > at:
            return True  # its period (a cycle with an offset) still runs
    if last <= 0 or state.day != at.date() - timedelta(days=1):
        return False  # nothing to fall from, or a reading from days ago
    if at >= start + LATE_WINDOW:
        return False  # bounded: past the window a changed value is today's
    return value >= RESET_FRACTION * state.peak


def _same_day(
    state: CounterState, value: float, at: datetime, last_reset: datetime | None
) -> Step:
    """Within the source's day: a rise above the peak counts; a moved `last_reset`
    is a reset (what the day had is kept, the value counts from zero).
    """
    since = state.last_at
    reset = (
        last_reset is not None
        and state.last_reset is not None
        and last_reset > state.last_reset
    )
    if reset:
        state.carried += state.peak
        amount, state.peak = value, value
    else:
        amount, state.peak = max(0.0, value - state.peak), max(state.peak, value)
    state.last, state.last_at = value, at
    if last_reset is not None:
        state.last_reset = last_reset
    return Step(amount, at, since if amount > 0 else None)
