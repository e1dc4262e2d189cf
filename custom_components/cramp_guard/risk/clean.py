"""Input sanitising (spec section 1: `assess` is total).

Numbers that are NaN, infinite, beyond +-1e9 or impossible (negative amounts,
humidity outside 0-100 %, a body mass under 1 kg) count as missing. Bouts are put
on the day's clock: naive/aware mismatches, bouts ending before they start and bouts
starting in the future are dropped; a bout without an end (or ending in the future)
is still going.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .day import Day
from .heat import heat_index_c
from .types import Bout

LIMIT = 1e9


def _finite(value: object) -> float | None:
    """`value` as a float when it is a real number within +-LIMIT."""
    if not isinstance(value, int | float) or not -LIMIT <= value <= LIMIT:
        return None  # also NaN and inf, which fail the comparison
    return float(value)


def amount(value: object) -> float | None:
    """A non-negative quantity (load, water, kcal), else None."""
    number = _finite(value)
    return number if number is not None and number >= 0 else None


def at_least(value: object, minimum: float) -> float | None:
    """A quantity of at least `minimum` (body mass >= 1 kg, target >= 1 mL), else None.

    The floor keeps the drinking pace finite for absurd profiles.
    """
    number = _finite(value)
    return number if number is not None and number >= minimum else None


def temperature(value: object) -> float | None:
    """A finite temperature in degC (may be negative), else None."""
    return _finite(value)


def humidity(value: object) -> float | None:
    """Relative humidity in 0-100 %, else None."""
    number = _finite(value)
    return number if number is not None and 0 <= number <= 100 else None


def apparent(temp_c: object, rh: object) -> float | None:
    """Apparent temperature of a (temperature, humidity) pair; None without a T."""
    t = temperature(temp_c)
    return None if t is None else heat_index_c(t, humidity(rh))


def history(values: Iterable[object] | None) -> list[float | None]:
    """Completed-day loads with every unusable value as None."""
    days = tuple(values or ())
    try:
        return list(_history(days))  # the same days as the last assessment's
    except TypeError:  # an unhashable value
        return [amount(value) for value in days]


@lru_cache(maxsize=4)
def _history(days: tuple[object, ...]) -> tuple[float | None, ...]:
    return tuple(amount(value) for value in days)


@dataclass(frozen=True, slots=True)
class Session:
    """A usable bout in seconds on the day's clock (`end` = now while ongoing)."""

    start: float
    end: float
    ongoing: bool
    kcal: float | None
    vigorous: bool
    outdoor_at: float | None

    @property
    def minutes(self) -> float:
        """Duration so far, in minutes."""
        return (self.end - self.start) / 60


def sessions(bouts: Sequence[Bout] | None, day: Day) -> tuple[Session, ...]:
    """The usable bouts, in the order given."""
    cleaned = (_session(bout, day) for bout in bouts or ())
    return tuple(session for session in cleaned if session is not None)


def _session(bout: object, day: Day) -> Session | None:
    """One bout on the day's clock, or None when it has to be ignored."""
    if not isinstance(bout, Bout):
        return None
    start = day.seconds(bout.start)
    if start is None or start > day.now:
        return None
    end = day.now if bout.end is None else day.seconds(bout.end)
    if end is None or end < start:
        return None
    return Session(
        start=start,
        end=min(end, day.now),
        ongoing=bout.end is None or end > day.now,
        kcal=amount(bout.active_kcal),
        vigorous=bout.vigorous is True,
        outdoor_at=apparent(bout.outdoor_temp_c, bout.outdoor_humidity),
    )
