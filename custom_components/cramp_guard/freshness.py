"""How fresh a source is: when it last reported a value, when it last changed, and
whether a counter has been silent for longer than it usually is.

Counted on the awake day's clock only: the time between two changes is the awake
time between them (from the wake time to the bedtime), so a night's silence is no
gap and a phone that is silent while its person sleeps is never late. A counter's
usual gap is learnt from its recent gaps: the length that 95 % of its recent awake
time was spent in gaps no longer than (the 95th percentile, each gap weighted by
its length: an hour at a desk counts as an hour, not as one gap among dozens of
15-minute ones), half as long again (MARGIN: the 5 % beyond are ordinary too), at
least MIN_USUAL_GAP. A counter that has neither changed nor
reported for longer than that, in awake time, is stale: the model trusts its
factor less, the card and diagnostics say when it last synced. Until enough awake
time is learnt nothing is stale.

Moments come from the source's `State` (`last_changed`, `last_reported`), read at
the assessments the engine runs anyway, never at each update. Pure: no Home
Assistant imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
import math
from typing import Any

from .risk.day import make_day

MIN_USUAL_GAP = timedelta(hours=1)
PERCENTILE = 0.95
# The 95th percentile is what 5 % of ordinary time goes beyond: a source counts as
# stale once it is silent for half as long again [J].
MARGIN = 1.5
# The awake time learnt before a usual gap is trusted (about a day) [J].
LEARN_FIRST = timedelta(hours=12)
# The most recent awake time whose gaps are kept (about a week), and at most so many.
KEEP = timedelta(hours=112)
KEEP_GAPS = 400
# Awake time is counted over at most so many days back (a longer silence is long).
MAX_DAYS = 30
_MIN_USUAL_S = MIN_USUAL_GAP.total_seconds()
_LEARN_FIRST_S = LEARN_FIRST.total_seconds()
_KEEP_S = KEEP.total_seconds()


def awake_seconds(start: datetime, end: datetime, wake: time, bed: time) -> float:
    """The awake time (wake to bed, on the local clock of `end`) between two moments;
    0 when `end` is not after `start`."""
    if end <= start:
        return 0.0
    start_s = start.timestamp()
    total = 0.0
    moment = end
    for _ in range(MAX_DAYS + 1):
        day = make_day(moment, wake, bed)
        total += max(0.0, min(day.now, day.bed) - max(start_s, day.wake))
        if day.wake <= start_s:
            break
        moment = datetime.fromtimestamp(day.wake - 1, UTC).astimezone(end.tzinfo)
    return total


def usual_gap(gaps: list[float]) -> float | None:
    """The usual gap (seconds of awake time) of the gaps given: the 95th percentile
    weighted by length, with MARGIN, at least MIN_USUAL_GAP; None before LEARN_FIRST
    is learnt (or KEEP_GAPS gaps: a counter that changes every minute keeps fewer
    than LEARN_FIRST of them, and has shown its pace)."""
    total = math.fsum(gaps)
    if total < _LEARN_FIRST_S and len(gaps) < KEEP_GAPS:
        return None
    ordered = sorted(gaps)
    covered = 0.0
    for gap in ordered[:-1]:
        covered += gap
        if covered >= PERCENTILE * total:
            return max(_MIN_USUAL_S, MARGIN * gap)
    return max(_MIN_USUAL_S, MARGIN * ordered[-1])


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _moment(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


@dataclass(slots=True)
class Freshness:
    """One source's last value, when it changed and reported, and its recent gaps
    between changes (seconds of awake time, oldest first)."""

    value: float | None = None
    changed: datetime | None = None
    reported: datetime | None = None
    gaps: list[float] = field(default_factory=list)
    # The state's moments at the last look since the start (not persisted): only a
    # later one is news (a state written again at a restart is no sync).
    _seen: tuple[datetime, datetime] | None = field(
        default=None, repr=False, compare=False
    )
    # The usual gap of `gaps` once worked out (False: not yet, or gaps changed since).
    _usual: float | None | bool = field(default=False, repr=False, compare=False)

    def observe(
        self,
        value: float,
        changed: datetime,
        reported: datetime,
        wake: time,
        bed: time,
    ) -> bool:
        """The source's usable state as it is now (its value and its `last_changed`
        and `last_reported`); whether a gap was learnt.

        The first look since the start takes the state's moments only when the
        value is not the one kept (a restart writes the same value again, and that
        is neither a change nor a sync), and learns no gap from them (the change
        happened while Cramp Guard was not running); later looks take any later
        moment.
        """
        seen, self._seen = self._seen, (changed, reported)
        if seen is None:
            if self.changed is not None and value == self.value:
                return False
            self._take(value, changed, reported)
            return False
        if reported > seen[1]:
            self.reported = max(reported, self.reported or reported)
        if changed <= seen[0]:
            return False
        learnt = False
        if self.changed is not None and changed > self.changed:
            self._learn(awake_seconds(self.changed, changed, wake, bed))
            learnt = True
        self._take(value, changed, reported)
        return learnt

    def _take(self, value: float, changed: datetime, reported: datetime) -> None:
        self.value = value
        self.changed = max(changed, self.changed or changed)
        self.reported = max(reported, self.changed, self.reported or reported)

    def _learn(self, gap: float) -> None:
        """Keep a gap of awake time (0: changes within the sleep window)."""
        if gap <= 0:
            return
        gaps = self.gaps
        gaps.append(round(gap, 1))
        self._usual = False
        total = math.fsum(gaps)
        drop = 0
        while len(gaps) - drop > KEEP_GAPS or (
            len(gaps) - drop > 1 and total - gaps[drop] >= _KEEP_S
        ):
            total -= gaps[drop]
            drop += 1
        del gaps[:drop]

    @property
    def usual(self) -> float | None:
        """The usual gap in seconds of awake time; None while still learning (worked
        out again only when a gap was learnt)."""
        if self._usual is False:
            self._usual = usual_gap(self.gaps)
        return None if isinstance(self._usual, bool) else self._usual

    def silent(self, now: datetime, wake: time, bed: time) -> float | None:
        """The awake time since the source last changed or reported (seconds)."""
        last = self.reported or self.changed
        return None if last is None else awake_seconds(last, now, wake, bed)

    def stale(self, now: datetime, wake: time, bed: time) -> bool:
        """Silent, in awake time, for longer than its usual gap."""
        usual = self.usual
        last = self.reported or self.changed
        if usual is None or last is None:
            return False
        if (now - last).total_seconds() <= usual:
            return False  # awake time is never more than the time: no need to count
        return awake_seconds(last, now, wake, bed) > usual

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (the ledger keeps it)."""
        return {
            "value": self.value,
            "changed": _iso(self.changed),
            "reported": _iso(self.reported),
            "gaps": list(self.gaps),
        }

    @classmethod
    def from_dict(cls, data: Any) -> Freshness:
        """Restore a kept one (anything unusable: start over)."""
        if not isinstance(data, dict):
            return cls()
        value = data.get("value")
        gaps = data.get("gaps")
        return cls(
            value=float(value) if isinstance(value, int | float) else None,
            changed=_moment(data.get("changed")),
            reported=_moment(data.get("reported")),
            gaps=[
                float(gap)
                for gap in (gaps if isinstance(gaps, list) else [])
                if isinstance(gap, int | float) and math.isfinite(gap) and gap > 0
            ][-KEEP_GAPS:],
        )
