"""When to prompt: pure decisions over (now, preferences, state, the day's facts).

No Home Assistant imports and no sending: `due()` says which prompts are due now and
`mark_sent()` / `snooze()` record what happened, so tests can drive every rule with a
clock. Intervals are measured in real (UTC) time, so a DST change does not stretch or
shrink them. Numbers marked [J] are judgment calls (risk-model.md section 6).

The high-risk alert has hysteresis: after an alert it re-arms only once the level is
back to low (a score wobbling between moderate and high alerts once), and alerts are
at least 4 h apart even then.

A prompt stays shown until it no longer holds: `no_longer_holds()` says which shown
prompts to clear (water drunk back to pace, a stretch logged, the risk down again).
A new person gets no prompt in their first QUIET_AFTER_SETUP.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from .risk import Bout

LATE_WINDOW = timedelta(hours=2)  # the evening reminder may be sent this late, once
EVENING_STRETCH_WINDOW = timedelta(hours=3)  # a stretch this soon before it counts
HYDRATION_SPACING = timedelta(minutes=90)  # [J]
HYDRATION_DAILY_CAP = 4  # [J]
HYDRATION_PACE_BELOW = 0.75
SETTLING = timedelta(hours=2)  # no hydration prompt in the first 2 h after wake
HIGH_RISK_SPACING = timedelta(hours=4)
HIGH_LEVELS = ("high", "very_high")
REARM_LEVELS = ("low",)  # hysteresis: the alert re-arms once the level is low again
DEFAULT_EVENING = time(20, 30)
FREQUENT_WINDOW, FREQUENT_COUNT = timedelta(days=14), 3  # [J]
NIGHT_WINDOW, NIGHT_COUNT = timedelta(days=7), 2  # [J]
SEVERE_WINDOW = timedelta(days=14)  # [J] a cramp logged as severe this recent: advice
NIGHT_PRONE_WINDOW = timedelta(days=28)  # a night cramp this recent: bedtime advice
LONG_BOUT = timedelta(minutes=60)  # [J] long: salty food or an electrolyte drink
SWEATY_BOUT = timedelta(minutes=30)  # [J] this long in the heat counts as sweaty
SWEATY_FROM_C = 25.0  # [J] outdoor temperature of a sweaty bout
QUIET_AFTER_SETUP = timedelta(minutes=30)  # [J] no prompt this soon after adding
CHECKIN_AFTER_WAKE = timedelta(minutes=30)  # the morning check-in (personal.md s. 6)
CHECKIN_UNTIL = time(12)  # withdrawn at noon unanswered
CHECKIN_AT_LEAST = timedelta(hours=4)  # [J] open this long after a late wake time


class Kind(StrEnum):
    """The kinds of prompt (also the notification tag suffix)."""

    EVENING = "evening"
    HYDRATION = "hydration"
    HIGH_RISK = "high_risk"
    CHECKIN = "checkin"


@dataclass(slots=True)
class Prefs:
    """What the person set on the dashboard: the switch, the time, the glass (the one
    place the glass size is kept: the Glass size number edits it)."""

    reminders_on: bool = True
    evening_time: time = DEFAULT_EVENING
    glass_ml: float = 250.0

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "reminders_on": self.reminders_on,
            "evening_time": self.evening_time.isoformat(),
            "glass_ml": self.glass_ml,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Prefs:
        """Restore saved preferences."""
        return cls(
            reminders_on=bool(data["reminders_on"]),
            evening_time=time.fromisoformat(data["evening_time"]),
            glass_ml=float(data["glass_ml"]),
        )


@dataclass(slots=True)
class PromptState:
    """What was sent, per awake day, and what is snoozed (persisted)."""

    day: date | None = None  # None: never assessed (a new entry)
    evening_done: bool = False  # sent (or skipped) today
    evening_again_at: datetime | None = None  # "Snooze 30 min" on the reminder
    hydration_sent_today: int = 0
    last_sent: dict[str, datetime] = field(default_factory=dict)
    high_risk_armed: bool = True
    snoozed_until: datetime | None = None  # everything, from the snooze action
    hydration_snoozed_until: datetime | None = None  # "Snooze 1 h"
    set_up_at: datetime | None = None  # first set up (None: set up before it was kept)
    shown: dict[str, datetime] = field(default_factory=dict)  # kind -> sent at
    checkin_day: date | None = None  # the awake day the check-in was last asked on

    def copy(self) -> PromptState:
        """A copy to compare with after a decision (the dicts copied too)."""
        return replace(self, last_sent=dict(self.last_sent), shown=dict(self.shown))

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (built field by field: `asdict` deep-copies, and this runs
        after every assessment to see whether anything changed).
        """
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, value in data.items():
            if isinstance(value, date):  # dates and datetimes
                data[key] = value.isoformat()
        for key in ("last_sent", "shown"):
            data[key] = {k: v.isoformat() for k, v in getattr(self, key).items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PromptState:
        """Restore a saved state."""

        def moment(value: str | None) -> datetime | None:
            return datetime.fromisoformat(value) if value else None

        def moments(key: str) -> dict[str, datetime]:
            return {k: datetime.fromisoformat(v) for k, v in data.get(key, {}).items()}

        return cls(
            day=date.fromisoformat(data["day"]) if data.get("day") else None,
            evening_done=bool(data.get("evening_done")),
            evening_again_at=moment(data.get("evening_again_at")),
            hydration_sent_today=int(data.get("hydration_sent_today", 0)),
            last_sent=moments("last_sent"),
            high_risk_armed=bool(data.get("high_risk_armed", True)),
            snoozed_until=moment(data.get("snoozed_until")),
            hydration_snoozed_until=moment(data.get("hydration_snoozed_until")),
            set_up_at=moment(data.get("set_up_at")),
            shown=moments("shown"),
            checkin_day=date.fromisoformat(data["checkin_day"])
            if data.get("checkin_day")
            else None,
        )


@dataclass(frozen=True, slots=True)
class Facts:
    """What the decisions need to know about now."""

    now: datetime
    day: date  # the awake day
    awake: bool  # False in the sleep window (the quiet hours)
    wake_at: datetime  # this awake day's wake time
    level: str
    hydration_pace: float | None
    last_stretch: datetime | None
    checkin_open: bool = False  # the check-in is on and last night is not known


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _since(now: datetime, then: datetime) -> timedelta:
    """Real time elapsed (aware datetimes of one zone subtract as wall clocks)."""
    return _utc(now) - _utc(then)


def _before(until: datetime | None, now: datetime) -> bool:
    return until is not None and _utc(now) < _utc(until)


def roll_over(state: PromptState, day: date) -> None:
    """A new awake day: its prompts start afresh."""
    if state.day != day:
        state.day = day
        state.evening_done = False
        state.evening_again_at = None
        state.hydration_sent_today = 0


def quiet_until(state: PromptState) -> datetime | None:
    """The end of a new person's quiet period (None: set up before it was kept)."""
    return None if state.set_up_at is None else state.set_up_at + QUIET_AFTER_SETUP


def silenced(prefs: Prefs, state: PromptState, facts: Facts) -> bool:
    """The switch is off, everything is snoozed, it is the sleep window, or the
    person was added less than QUIET_AFTER_SETUP ago."""
    snoozed = _before(state.snoozed_until, facts.now)
    new = _before(quiet_until(state), facts.now)
    return not prefs.reminders_on or snoozed or new or not facts.awake


def evening_at(facts: Facts, prefs: Prefs) -> datetime:
    """Today's reminder moment: on the awake day, after its wake time."""
    at = datetime.combine(facts.day, prefs.evening_time, tzinfo=facts.now.tzinfo)
    if prefs.evening_time < facts.wake_at.time():  # after midnight
        at = datetime.combine(
            facts.day + timedelta(days=1), prefs.evening_time, tzinfo=at.tzinfo
        )
    return at


def evening_due(prefs: Prefs, state: PromptState, facts: Facts) -> bool:
    """At the reminder time, once a day; up to 2 h late; again after its snooze."""
    if state.evening_again_at is not None:
        return not _before(state.evening_again_at, facts.now)
    since = _since(facts.now, evening_at(facts, prefs))
    return not state.evening_done and timedelta(0) <= since <= LATE_WINDOW


def checkin_window(facts: Facts) -> tuple[datetime, datetime]:
    """When the morning check-in is asked (30 min after the wake time) and until when
    it can be answered (noon; at least 4 h after a late wake time)."""
    opens = facts.wake_at + CHECKIN_AFTER_WAKE
    noon = datetime.combine(facts.day, CHECKIN_UNTIL, tzinfo=facts.now.tzinfo)
    return opens, max(noon, opens + CHECKIN_AT_LEAST, key=_utc)


def checkin_answerable(facts: Facts) -> bool:
    """The card offers the answers: the check-in is open, from the wake time until
    the window closes."""
    closes = checkin_window(facts)[1]
    return facts.checkin_open and _before(closes, facts.now) and facts.awake


def checkin_due(state: PromptState, facts: Facts) -> bool:
    """Asked once a morning, in its window, while last night is not known."""
    opens, closes = checkin_window(facts)
    return (
        facts.checkin_open
        and state.checkin_day != facts.day
        and not _before(opens, facts.now)
        and _before(closes, facts.now)
    )


def next_moment(prefs: Prefs, state: PromptState, facts: Facts) -> datetime | None:
    """The next moment a prompt may fall due by the clock alone (the reminder time,
    the end of a snooze, the check-in's window), for the engine to assess at.
    """
    opens, closes = checkin_window(facts)
    candidates = (
        state.evening_again_at,
        state.snoozed_until,
        state.hydration_snoozed_until,
        quiet_until(state),
        None if state.evening_done else evening_at(facts, prefs),
        opens if facts.checkin_open and state.checkin_day != facts.day else None,
        closes if Kind.CHECKIN in state.shown else None,
    )
    moments = [m for m in candidates if m is not None and _before(m, facts.now)]
    return min(moments, key=_utc) if moments else None


def stretched_this_evening(prefs: Prefs, facts: Facts) -> bool:
    """A stretch was logged in the 3 h before the reminder, or since."""
    if facts.last_stretch is None:
        return False
    start = evening_at(facts, prefs) - EVENING_STRETCH_WINDOW
    return _utc(facts.last_stretch) >= _utc(start)


def hydration_due(state: PromptState, facts: Facts) -> bool:
    """Behind pace, awake for 2 h, at most every 90 min and 4 a day, not snoozed."""
    if facts.hydration_pace is None or facts.hydration_pace >= HYDRATION_PACE_BELOW:
        return False
    if _since(facts.now, facts.wake_at) < SETTLING:
        return False
    if state.hydration_sent_today >= HYDRATION_DAILY_CAP:
        return False
    if _before(state.hydration_snoozed_until, facts.now):
        return False
    last = state.last_sent.get(Kind.HYDRATION)
    return last is None or _since(facts.now, last) >= HYDRATION_SPACING


def high_risk_due(state: PromptState, facts: Facts) -> bool:
    """The level rose to high or very high, armed, at most every 4 h."""
    if facts.level not in HIGH_LEVELS or not state.high_risk_armed:
        return False
    last = state.last_sent.get(Kind.HIGH_RISK)
    return last is None or _since(facts.now, last) >= HIGH_RISK_SPACING


def due(prefs: Prefs, state: PromptState, facts: Facts) -> list[Kind]:
    """The prompts to send now, after updating the day and the hysteresis.

    An evening reminder that is due while a stretch was already logged this evening
    is marked done without sending. On a new entry's first assessment, a reminder
    time already passed today is not caught up: nothing was missed.
    """
    first = state.day is None
    roll_over(state, facts.day)
    if first and _since(facts.now, evening_at(facts, prefs)) > timedelta(0):
        state.evening_done = True
    if facts.level in REARM_LEVELS:
        state.high_risk_armed = True
    # The check-in is asked for by the person (an option of its own): the reminders
    # switch and the snoozes are about the other prompts.
    kinds = [Kind.CHECKIN] if checkin_due(state, facts) else []
    if silenced(prefs, state, facts):
        return kinds
    if evening_due(prefs, state, facts):
        if stretched_this_evening(prefs, facts):
            state.evening_done, state.evening_again_at = True, None
        else:
            kinds.append(Kind.EVENING)
    if high_risk_due(state, facts):
        kinds.append(Kind.HIGH_RISK)
    if hydration_due(state, facts):
        kinds.append(Kind.HYDRATION)
    return kinds


def mark_sent(state: PromptState, kind: Kind, now: datetime) -> None:
    """Record a prompt as sent (and shown until it is cleared)."""
    state.last_sent[kind] = now
    state.shown[kind] = now
    if kind is Kind.EVENING:
        state.evening_done, state.evening_again_at = True, None
    elif kind is Kind.HYDRATION:
        state.hydration_sent_today += 1
    elif kind is Kind.CHECKIN:
        state.checkin_day = state.day  # rolled over to the awake day by `due`
    else:
        state.high_risk_armed = False


def _holds(kind: Kind, shown_at: datetime, facts: Facts) -> bool:
    """Whether a prompt of `kind` shown at `shown_at` still tells the truth."""
    if kind is Kind.HIGH_RISK:
        return facts.level in HIGH_LEVELS
    if _utc(shown_at) < _utc(facts.wake_at):
        return False  # shown on an earlier awake day
    if kind is Kind.CHECKIN:  # answered, or noon
        return facts.checkin_open and _before(checkin_window(facts)[1], facts.now)
    if kind is Kind.EVENING:
        stretch = facts.last_stretch
        return stretch is None or _utc(stretch) < _utc(shown_at)
    pace = facts.hydration_pace  # a pace not known (None) does not clear it
    behind = pace is None or pace < HYDRATION_PACE_BELOW
    return behind and facts.awake  # at bedtime the day's drinking is over


def no_longer_holds(state: PromptState, facts: Facts) -> list[Kind]:
    """The shown prompts to clear: hydration back at pace (or the day over), the
    evening reminder once a stretch is logged after it (or the next day), high risk
    once the level is below high.
    """
    return [
        Kind(kind)
        for kind, shown_at in state.shown.items()
        if not _holds(Kind(kind), shown_at, facts)
    ]


def mark_cleared(state: PromptState, kind: Kind) -> None:
    """Record a shown prompt as cleared: it is cleared once."""
    state.shown.pop(kind, None)


def snooze(state: PromptState, kind: Kind | None, until: datetime, day: date) -> None:
    """Snooze one kind (a notification's action) or everything (the action).

    The evening reminder comes back once; only a reminder already sent on this awake
    day can be snoozed (a tap on yesterday's notification changes nothing).
    """
    roll_over(state, day)
    if kind is Kind.EVENING:
        if state.evening_done:
            state.evening_again_at = until
    elif kind is Kind.HYDRATION:
        state.hydration_snoozed_until = until
    else:
        state.snoozed_until = until


def cramp_counts(
    now: datetime, cramps: Iterable[tuple[datetime, str]]
) -> tuple[int, int]:
    """Cramps in the last 14 days and night cramps in the last 7, of (at, context)."""
    recent = nights = 0
    for at, context in cramps:
        ago = _since(now, at)
        recent += ago <= FREQUENT_WINDOW
        nights += context == "night" and ago <= NIGHT_WINDOW
    return recent, nights


def frequent_cramps(counts: tuple[int, int]) -> bool:
    """>= 3 cramps in 14 days or >= 2 night cramps in 7 days: see a professional."""
    recent, nights = counts
    return recent >= FREQUENT_COUNT or nights >= NIGHT_COUNT


def severe_cramp(now: datetime, severe: Iterable[datetime]) -> bool:
    """A cramp logged as severe in the last 14 days: see a professional."""
    return any(_since(now, at) <= SEVERE_WINDOW for at in severe)


def night_prone(now: datetime, cramps: Iterable[tuple[datetime, str]]) -> bool:
    """A night cramp in the last 4 weeks: the reminder adds the bedtime stretches."""
    return any(
        context == "night" and _since(now, at) <= NIGHT_PRONE_WINDOW
        for at, context in cramps
    )


def long_or_sweaty(bouts: Sequence[Bout], now: datetime) -> bool:
    """A bout today of an hour or more, or of 30 min or more in the heat."""
    for bout in bouts:
        length = _since(bout.end or now, bout.start)
        hot = bout.outdoor_temp_c is not None and bout.outdoor_temp_c >= SWEATY_FROM_C
        if length >= LONG_BOUT or (hot and length >= SWEATY_BOUT):
            return True
    return False
