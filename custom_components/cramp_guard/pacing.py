"""When to assess: a short debounce, a pace while sources keep changing, and one
timer for everything due by the clock.

A change that matters is assessed after a short debounce that coalesces several
sources changing at once. While sources keep changing, assessments are paced to one
a minute after a short burst (a token bucket: every assessment takes a token, one
comes back every ASSESS_EVERY); a hand log assesses at once. Without such a change,
a refresh 10 minutes after the last assessment keeps time-dependent factors current
(30 minutes in the sleep window, when only the hours since a workout move), and a
moment something is due at (a reminder, the wake time, the bedtime, the start of an
hour for its sample) is assessed at that moment: one timer, set for whichever comes
first. A refresh due shortly before such a moment (within half its interval) waits
for it: one assessment instead of two, the refresh at most half an interval late.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from homeassistant.core import CALLBACK_TYPE, HassJob, HomeAssistant, callback
from homeassistant.helpers.event import async_call_later

DEBOUNCE_SECONDS = 0.3  # sources changing together make one assessment
ASSESS_EVERY = timedelta(minutes=1)
ASSESS_BURST = 5.0
REFRESH_EVERY = timedelta(minutes=10)  # without changes that matter, assess this often
# In the sleep window the hydration pace and the bedtime ramp stand still and no prompt
# is sent: only the hours since a workout move.
REFRESH_ASLEEP = timedelta(minutes=30)
_REFRESH_EVERY_S = REFRESH_EVERY.total_seconds()
_REFRESH_ASLEEP_S = REFRESH_ASLEEP.total_seconds()
# The timer is not set again at every assessment: while it fires no later than what
# is due it stays, and when it fires more than this before the moment due, it is set
# for the rest.
TIMER_SLACK_SECONDS = 1.0


def next_at(now: datetime, moment: time) -> datetime:
    """The next time the local clock shows `moment`, after `now`."""
    at = datetime.combine(now.date(), moment, tzinfo=now.tzinfo)
    return at if at > now else at + timedelta(days=1)


class Pacer:
    """Calls `assess` when an assessment is due; told of every assessment."""

    def __init__(self, hass: HomeAssistant, assess: Callable[[], None]) -> None:
        """Nothing planned yet."""
        self.hass = hass
        self._assess = assess
        self._assessed_at: datetime | None = None
        self._assessed_ts = 0.0  # the same, as a timestamp
        self._tokens = ASSESS_BURST  # assessments sources may have at once
        self._pending: CALLBACK_TYPE | None = None  # the scheduled assessment
        self._due: float | None = None  # when to assess without a change (timestamp)
        self._timer: CALLBACK_TYPE | None = None  # set for `_fires`, at most `_due`
        self._fires = 0.0  # when the timer fires (timestamp)
        self.turn: datetime | None = None  # the next wake time or bedtime
        self._turn_ts = 0.0  # the turn as a timestamp
        self._asleep = False  # the next turn is the wake time
        # Moments others need an assessment at (and as timestamps: real time, across
        # DST, worked out once).
        self._wanted: dict[str, tuple[datetime, float]] = {}
        self._due_job = HassJob(
            self._on_due, "cramp_guard due", cancel_on_shutdown=True
        )
        self._pending_job = HassJob(
            self._run_pending, "cramp_guard pending", cancel_on_shutdown=True
        )

    @callback
    def soon(self, now: datetime) -> None:
        """Assess soon: after the debounce while a token is left, else when the next
        token comes back.
        """
        if self._pending is not None:
            return
        delay = DEBOUNCE_SECONDS
        if (tokens := self._refill(now)) < 1:
            delay = max(delay, (1 - tokens) * ASSESS_EVERY.total_seconds())
        self._pending = async_call_later(self.hass, delay, self._pending_job)

    @callback
    def at(self, key: str, moment: datetime | None, now: datetime) -> None:
        """Assess at `moment` (something of `key`'s falls due by the clock then);
        None: nothing of `key`'s. Kept until it passes.
        """
        if moment is None:
            self._wanted.pop(key, None)
        else:
            self._wanted[key] = (moment, moment.timestamp())
            self._arm(now)

    def assessing(self, now: datetime, wake: time, bed: time) -> None:
        """An assessment runs now: a token taken (a hand log never waits), the
        planned one dropped, the next turn and the timer set again."""
        self._cancel_pending()
        self._tokens = max(0.0, self._refill(now) - 1)
        self._assessed_at = now
        self._assessed_ts = now.timestamp()
        if self.turn is None or now >= self.turn:  # the day or the sleep window
            waking = next_at(now, wake)
            self.turn = min(waking, next_at(now, bed))
            self._turn_ts = self.turn.timestamp()
            self._asleep = self.turn == waking
        if self._wanted:
            self._wanted = {k: m for k, m in self._wanted.items() if m[0] > now}
        self._arm(now)

    def stop(self) -> None:
        """Cancel what is planned."""
        self._cancel_pending()
        self._disarm()

    def _refill(self, now: datetime) -> float:
        """The tokens left: one back every ASSESS_EVERY since the last assessment."""
        if self._assessed_at is None:
            return self._tokens
        elapsed = (now - self._assessed_at) / ASSESS_EVERY
        return min(ASSESS_BURST, self._tokens + max(0.0, elapsed))

    def _arm(self, now: datetime) -> None:
        """One timer, for the first of the refresh, the turn and the wanted moments
        (real time, across DST); a refresh shortly before a wanted moment waits for
        it."""
        moments = [at for _, at in self._wanted.values()]
        if self._assessed_at is not None:
            every = _REFRESH_ASLEEP_S if self._asleep else _REFRESH_EVERY_S
            refresh = self._assessed_ts + every
            if not any(refresh <= at <= refresh + every / 2 for at in moments):
                moments.append(refresh)
        if self.turn is not None:
            moments.append(self._turn_ts)
        due = min(moments)
        if self._timer is not None and self._fires <= due:
            self._due = due  # the timer fires first and is set again for the rest
            return
        self._disarm()
        self._set_timer(due, now.timestamp())

    def _set_timer(self, due: float, now: float) -> None:
        self._due = self._fires = due
        self._timer = async_call_later(self.hass, max(0.0, due - now), self._due_job)

    @callback
    def _on_due(self, now: datetime) -> None:
        """The timer fired: assess when something is due, else wait for the rest
        (the refresh moved later with each assessment since the timer was set)."""
        assert self._due is not None
        self._timer = None
        if self._due - now.timestamp() > TIMER_SLACK_SECONDS:
            self._set_timer(self._due, now.timestamp())
            return
        self._due = None
        self._assess()

    @callback
    def _run_pending(self, _now: datetime) -> None:
        self._pending = None
        self._assess()

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer()
            self._timer = self._due = None

    def _cancel_pending(self) -> None:
        if self._pending is not None:
            self._pending()
            self._pending = None
