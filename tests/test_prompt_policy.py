"""The prompt policy and texts, pure: a clock drives `due()`, nothing is sent.

Each rule of product.md section 6 and risk-model.md section 6 is checked at its edges:
the evening reminder (once a day, late within 2 h, its snooze, skipped after an
evening stretch, DST days), hydration prompts (pace, settling, spacing, cap, snooze),
the high-risk alert (hysteresis, 4 h), the silencers (switch, snooze, sleep window),
a new person's quiet period, which shown prompts no longer hold (and are cleared),
the frequent-cramp thresholds, and what the messages say.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
import json
from zoneinfo import ZoneInfo

import pytest

from custom_components.cramp_guard import messages
from custom_components.cramp_guard.const import MainActivity
from custom_components.cramp_guard.prompt_policy import (
    QUIET_AFTER_SETUP,
    Facts,
    Kind,
    Prefs,
    PromptState,
    cramp_counts,
    due,
    frequent_cramps,
    long_or_sweaty,
    mark_cleared,
    mark_sent,
    next_moment,
    night_prone,
    no_longer_holds,
    severe_cramp,
    snooze,
)
from custom_components.cramp_guard.risk import Assessment, Bout, Lever
from custom_components.cramp_guard.texts import load_texts

TZ = ZoneInfo("Europe/Berlin")
DAY = datetime(2026, 6, 16, tzinfo=TZ)
WAKE, BED = time(7), time(22)

EN = load_texts("en")  # the prompts' English words


def at(hour: int, minute: int = 0, day: datetime = DAY) -> datetime:
    """A local wall-clock moment of `day` (resolved like Home Assistant does)."""
    return day.replace(hour=hour, minute=minute)


def facts(
    now: datetime,
    *,
    level: str = "low",
    pace: float | None = None,
    last_stretch: datetime | None = None,
    wake: time = WAKE,
    bed: time = BED,
) -> Facts:
    """What the engine would tell the policy at `now` (awake day as in engine.py)."""
    anchor = datetime.combine(now.date(), wake, tzinfo=now.tzinfo)
    day = now.date() if anchor <= now else now.date() - timedelta(days=1)
    wake_at = datetime.combine(day, wake, tzinfo=now.tzinfo)
    bed_day = day if bed > wake else day + timedelta(days=1)
    bed_at = datetime.combine(bed_day, bed, tzinfo=now.tzinfo)
    return Facts(
        now=now,
        day=day,
        awake=now.timestamp() < bed_at.timestamp(),
        wake_at=wake_at,
        level=level,
        hydration_pace=pace,
        last_stretch=last_stretch,
    )


def started(day: date | None = None) -> PromptState:
    """The state of an entry that has been running (not a brand-new one)."""
    return PromptState(day=day or DAY.date())


def run(
    prefs: Prefs,
    state: PromptState,
    start: datetime,
    end: datetime,
    step: timedelta = timedelta(minutes=1),
    **kwargs: object,
) -> list[tuple[datetime, Kind]]:
    """Drive the policy with a clock (real time steps); what would have been sent."""
    sent: list[tuple[datetime, Kind]] = []
    now = start
    while now <= end:
        values = {
            k: v(now) if callable(v) else v for k, v in kwargs.items()
        }  # a value may depend on the moment
        for kind in due(prefs, state, facts(now, **values)):  # type: ignore[arg-type]
            mark_sent(state, kind, now)
            sent.append((now, kind))
        now = (now.astimezone(ZoneInfo("UTC")) + step).astimezone(TZ)
    return sent


# -- the evening stretch reminder ------------------------------------------------------


def test_evening_reminder_is_sent_once_at_its_time() -> None:
    """Nothing before 20:30; at 20:30 once; not again that day."""
    state = started()
    sent = run(Prefs(), state, at(7), at(23, 59))
    assert sent == [(at(20, 30), Kind.EVENING)]
    assert state.evening_done


def test_evening_reminder_at_a_chosen_time_and_each_day() -> None:
    """The time entity's time is used, and the next awake day has its own."""
    prefs = Prefs(evening_time=time(19, 15))
    sent = run(prefs, started(), at(7), at(7) + timedelta(days=2))
    assert sent == [
        (at(19, 15), Kind.EVENING),
        (at(19, 15) + timedelta(days=1), Kind.EVENING),
    ]


@pytest.mark.parametrize(
    ("back", "expected"),
    [
        (at(19, 0), [at(19, 0)]),  # on time
        (at(20, 30), [at(20, 30)]),  # late, within 2 h
        (at(21, 0), [at(21, 0)]),  # exactly 2 h late
        (at(21, 1), []),  # too late
    ],
)
def test_evening_reminder_late_within_two_hours(
    back: datetime, expected: list[datetime]
) -> None:
    """Home Assistant down at 19:00 and back later: sent late once within 2 h."""
    prefs = Prefs(evening_time=time(19))
    state = started()
    assert run(prefs, state, at(7), at(18, 50)) == []
    sent = run(prefs, state, back, at(21, 59))
    assert sent == [(moment, Kind.EVENING) for moment in expected]


def test_a_new_entry_does_not_catch_up_a_passed_reminder() -> None:
    """Set up for the first time at 21:00: nothing was missed, nothing is sent."""
    state = PromptState()
    assert run(Prefs(), state, at(21), at(21, 59)) == []
    tomorrow = DAY + timedelta(days=1)
    sent = run(Prefs(), state, at(7, 0, tomorrow), at(21, 0, tomorrow))
    assert sent == [(at(20, 30, tomorrow), Kind.EVENING)]


def test_a_new_entry_gets_a_reminder_still_to_come() -> None:
    """Set up for the first time at 12:00: the reminder comes at 20:30."""
    sent = run(Prefs(), PromptState(), at(12), at(21))
    assert sent == [(at(20, 30), Kind.EVENING)]


@pytest.mark.parametrize(
    ("stretch", "expected"),
    [
        (at(17, 30), []),  # 3 h before the reminder: counts
        (at(20, 0), []),
        (at(17, 29), [at(20, 30)]),  # earlier: the reminder comes
        (at(9, 0), [at(20, 30)]),
    ],
)
def test_evening_reminder_skipped_after_an_evening_stretch(
    stretch: datetime, expected: list[datetime]
) -> None:
    """A stretch already logged this evening: nothing to remind of."""
    state = started()
    sent = run(Prefs(), state, at(7), at(23), last_stretch=stretch)
    assert sent == [(moment, Kind.EVENING) for moment in expected]
    assert state.evening_done


def test_stretch_during_the_late_window_skips_the_late_reminder() -> None:
    """Down at 20:30, stretched at 21:00, back at 21:10: not sent."""
    state = started()
    run(Prefs(), state, at(7), at(20))
    assert run(Prefs(), state, at(21, 10), at(23), last_stretch=at(21)) == []


def test_evening_snooze_sends_it_again_once() -> None:
    """ "Snooze 30 min": the reminder comes back 30 min later, once."""
    prefs, state = Prefs(), started()
    assert run(prefs, state, at(7), at(20, 35)) == [(at(20, 30), Kind.EVENING)]
    snooze(state, Kind.EVENING, at(20, 35) + timedelta(minutes=30), DAY.date())
    sent = run(prefs, state, at(20, 36), at(21, 59))
    assert sent == [(at(21, 5), Kind.EVENING)]


def test_evening_snooze_then_a_stretch_skips_it() -> None:
    """Snoozed, then stretched: it does not come back."""
    prefs, state = Prefs(), started()
    run(prefs, state, at(7), at(20, 30))
    snooze(state, Kind.EVENING, at(21), DAY.date())
    assert run(prefs, state, at(20, 31), at(21, 59), last_stretch=at(20, 45)) == []
    assert state.evening_again_at is None


def test_snooze_of_yesterdays_reminder_changes_nothing() -> None:
    """A tap on yesterday's notification the next morning sends nothing."""
    prefs, state = Prefs(), started()
    run(prefs, state, at(7), at(21))
    tomorrow = DAY + timedelta(days=1)
    snooze(state, Kind.EVENING, at(8, 30, tomorrow), tomorrow.date())
    assert state.evening_again_at is None
    sent = run(prefs, state, at(8, 0, tomorrow), at(21, 0, tomorrow))
    assert sent == [(at(20, 30, tomorrow), Kind.EVENING)]


def test_evening_snooze_into_the_night_is_dropped() -> None:
    """Snoozed into the sleep window: not sent at night nor the next morning."""
    prefs, state = Prefs(evening_time=time(21, 50)), started()
    run(prefs, state, at(7), at(21, 50))
    snooze(state, Kind.EVENING, at(22, 20), DAY.date())
    tomorrow = DAY + timedelta(days=1)
    assert run(prefs, state, at(21, 51), at(12, 0, tomorrow)) == []


def test_evening_time_after_midnight_is_on_the_awake_day() -> None:
    """A night owl (bed 02:00) with a reminder at 00:30 gets it once, at 00:30."""
    prefs = Prefs(evening_time=time(0, 30))
    state = started()
    sent = run(prefs, state, at(7), at(7) + timedelta(days=1), bed=time(2))
    assert sent == [(at(0, 30) + timedelta(days=1), Kind.EVENING)]


@pytest.mark.parametrize("day", [date(2026, 3, 29), date(2026, 10, 25)])
def test_dst_day_sends_the_reminder_exactly_once(day: date) -> None:
    """On both DST change days in Europe/Berlin: once, at 20:30 local time."""
    start = datetime(day.year, day.month, day.day, tzinfo=TZ) - timedelta(hours=1)
    state = started(start.date())
    state.evening_done = True  # the day before's reminder was sent
    sent = run(Prefs(), state, start, start + timedelta(hours=32))
    assert [(m.date(), m.time(), k) for m, k in sent] == [
        (day, time(20, 30), Kind.EVENING)
    ]


@pytest.mark.parametrize("day", [date(2026, 3, 29), date(2026, 10, 25)])
def test_dst_day_reminder_in_the_changed_hour(day: date) -> None:
    """A reminder at 02:30 (skipped or repeated that night) is still sent once."""
    prefs = Prefs(evening_time=time(2, 30))
    start = datetime(day.year, day.month, day.day, 1, tzinfo=TZ)
    state = started(day - timedelta(days=1))
    sent = run(prefs, state, start, start + timedelta(hours=4), bed=time(4))
    assert [k for _, k in sent] == [Kind.EVENING]


# -- silencers -----------------------------------------------------------------------


def test_reminders_switch_off_silences_everything() -> None:
    """Switch off: no reminder, no hydration, no alert."""
    prefs = Prefs(reminders_on=False)
    sent = run(prefs, started(), at(7), at(23), level="very_high", pace=0.1)
    assert sent == []


def test_switch_back_on_within_the_late_window() -> None:
    """Off at 20:30, on at 21:00: the reminder comes then (still within 2 h)."""
    prefs, state = Prefs(reminders_on=False), started()
    assert run(prefs, state, at(7), at(20, 59)) == []
    prefs.reminders_on = True
    assert run(prefs, state, at(21), at(23)) == [(at(21), Kind.EVENING)]


def test_snooze_everything() -> None:
    """The snooze action silences every kind until it ends."""
    state = started()
    snooze(state, None, at(21), DAY.date())
    sent = run(Prefs(), state, at(20), at(21, 30), level="high", pace=0.5)
    assert sent == [
        (at(21), Kind.EVENING),
        (at(21), Kind.HIGH_RISK),
        (at(21), Kind.HYDRATION),
    ]


def test_quiet_hours_are_the_sleep_window() -> None:
    """A reminder set after bed is never sent; nor anything else at night."""
    prefs = Prefs(evening_time=time(23))
    night = run(prefs, started(), at(22), at(6, 59) + timedelta(days=1), level="high")
    assert night == []


# -- hydration -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pace", "sent"), [(None, False), (0.75, False), (0.749, True), (0.0, True)]
)
def test_hydration_only_below_three_quarters_of_pace(
    pace: float | None, sent: bool
) -> None:
    """P < 0.75, nothing without a pace."""
    result = run(Prefs(), started(), at(12), at(12), pace=pace)
    assert bool(result) is sent


def test_hydration_waits_two_hours_after_wake() -> None:
    """Not in the first 2 h after waking, even when far behind."""
    sent = run(Prefs(), started(), at(7), at(9, 30), pace=0.1)
    assert [m for m, _ in sent] == [at(9)]


def test_hydration_at_most_every_90_minutes_and_four_a_day() -> None:
    """Behind all day: 09:00, 10:30, 12:00, 13:30, then the cap."""
    state = started()
    sent = run(Prefs(), state, at(7), at(21, 59), pace=0.5)
    assert [m for m, k in sent if k is Kind.HYDRATION] == [
        at(9),
        at(10, 30),
        at(12),
        at(13, 30),
    ]
    # The next awake day starts afresh.
    tomorrow = DAY + timedelta(days=1)
    sent = run(Prefs(), state, at(9, 0, tomorrow), at(9, 0, tomorrow), pace=0.5)
    assert sent == [(at(9, 0, tomorrow), Kind.HYDRATION)]


def test_hydration_stops_when_back_on_pace() -> None:
    """One prompt, a drink, back on pace: no more."""
    sent = run(
        Prefs(),
        started(),
        at(13),
        at(21),
        pace=lambda now: 0.6 if now < at(13, 20) else 0.9,
    )
    assert [(m, k) for m, k in sent if k is Kind.HYDRATION] == [
        (at(13), Kind.HYDRATION)
    ]


def test_hydration_snooze_one_hour() -> None:
    """ "Snooze 1 h": none before an hour from the tap, nor before the 90 min."""
    state = started()
    run(Prefs(), state, at(12), at(12), pace=0.5)
    snooze(state, Kind.HYDRATION, at(13, 10), DAY.date())  # tapped at 12:10
    sent = run(Prefs(), state, at(12, 1), at(14, 59), pace=0.5)
    assert sent == [(at(13, 30), Kind.HYDRATION)]  # the 90 min spacing
    snooze(state, Kind.HYDRATION, at(15, 40), DAY.date())  # tapped at 14:40
    sent = run(Prefs(), state, at(15), at(16), pace=0.5)
    assert sent == [(at(15, 40), Kind.HYDRATION)]  # the snooze, after 90 min


# -- the high-risk alert -------------------------------------------------------------


def _levels(plan: dict[datetime, str]) -> Callable[[datetime], str]:
    """The level at each moment: the last planned one at or before it."""

    def level(now: datetime) -> str:
        return plan[max(m for m in plan if m <= now)]

    return level


def test_high_risk_alert_with_hysteresis() -> None:
    """High at 10:00: alert. Very high, moderate, high again: not re-armed.

    Low at 12:30 re-arms it; high at 13:00 is within 4 h of the last alert, so it
    waits until 14:00. High for the rest of the day: nothing more.
    """
    plan = {
        at(7): "low",
        at(10): "high",
        at(11): "very_high",
        at(11, 30): "moderate",
        at(12): "high",
        at(12, 30): "low",
        at(13): "high",
    }
    sent = run(Prefs(), started(), at(7), at(21, 59), level=_levels(plan))
    alerts = [m for m, k in sent if k is Kind.HIGH_RISK]
    assert alerts == [at(10), at(14)]


def test_high_risk_alert_on_each_rise_after_low() -> None:
    """Rises 5 h apart, each after a low level: each one is alerted."""
    plan = {
        at(7): "low",
        at(8): "very_high",
        at(9): "low",
        at(13): "high",
        at(14): "low",
        at(18): "high",
    }
    sent = run(Prefs(), started(), at(7), at(21, 59), level=_levels(plan))
    assert [m for m, k in sent if k is Kind.HIGH_RISK] == [at(8), at(13), at(18)]


def test_high_risk_while_asleep_waits_for_the_morning() -> None:
    """Quiet at night; if still high after waking (and armed), it comes then."""
    state = started()
    tomorrow = DAY + timedelta(days=1)
    sent = run(Prefs(), state, at(22), at(7, 5, tomorrow), level="high")
    assert [(m, k) for m, k in sent] == [(at(7, 0, tomorrow), Kind.HIGH_RISK)]


# -- a new person's quiet period -----------------------------------------------------


def added(moment: datetime) -> PromptState:
    """The state of a person first set up at `moment` (never assessed yet)."""
    return PromptState(set_up_at=moment)


def test_a_new_person_gets_nothing_in_the_first_30_minutes() -> None:
    """Far behind and at high risk from the start: both wait until 12:30."""
    assert timedelta(minutes=30) == QUIET_AFTER_SETUP
    sent = run(Prefs(), added(at(12)), at(12), at(13), level="high", pace=0.1)
    assert sent == [(at(12, 30), Kind.HIGH_RISK), (at(12, 30), Kind.HYDRATION)]


@pytest.mark.parametrize(
    ("set_up", "expected"),
    [
        (at(20, 20), [at(20, 50)]),  # the reminder waits, within its late window
        (at(20), [at(20, 30)]),  # quiet ends as it falls due
        (at(20, 35), []),  # added after the reminder time: nothing missed
        (at(12), [at(20, 30)]),
    ],
)
def test_the_evening_reminder_waits_for_the_quiet_period(
    set_up: datetime, expected: list[datetime]
) -> None:
    """The evening reminder is held back too, and sent late if still in time."""
    sent = run(Prefs(), added(set_up), set_up, at(23, 59))
    assert [m for m, _ in sent] == expected


def test_the_end_of_the_quiet_period_is_planned() -> None:
    """The engine is asked to assess as the quiet period ends."""
    state = added(at(12))
    now = facts(at(12, 10), pace=0.1)
    assert due(Prefs(), state, now) == []
    assert next_moment(Prefs(), state, now) == at(12, 30)
    assert next_moment(Prefs(), started(), now) == at(20, 30)  # an existing entry


# -- prompts that no longer hold -----------------------------------------------------


def play(
    state: PromptState,
    start: datetime,
    end: datetime,
    step: timedelta = timedelta(minutes=1),
    **kwargs: object,
) -> tuple[list[tuple[datetime, Kind]], list[tuple[datetime, Kind]]]:
    """Drive the policy as the prompter does: what is sent, and what is cleared (a
    stale prompt that is due again is replaced, not cleared)."""
    sent: list[tuple[datetime, Kind]] = []
    cleared: list[tuple[datetime, Kind]] = []
    now = start
    while now <= end:
        values = {k: v(now) if callable(v) else v for k, v in kwargs.items()}
        now_facts = facts(now, **values)  # type: ignore[arg-type]
        stale = no_longer_holds(state, now_facts)
        kinds = due(Prefs(), state, now_facts)
        for kind in stale:
            mark_cleared(state, kind)
            if kind not in kinds:
                cleared.append((now, kind))
        for kind in kinds:
            mark_sent(state, kind, now)
            sent.append((now, kind))
        now = (now.astimezone(ZoneInfo("UTC")) + step).astimezone(TZ)
    return sent, cleared


@pytest.mark.parametrize(
    ("after", "cleared"), [(0.75, True), (1.2, True), (0.749, False), (None, False)]
)
def test_hydration_prompt_cleared_once_back_at_pace(
    after: float | None, cleared: bool
) -> None:
    """Back at 75 % of the pace (water logged): cleared, once. Still behind, or
    the pace not known: it stays."""
    state = started()

    def pace(now: datetime) -> float | None:
        return 0.6 if now < at(13, 20) else after

    sent, gone = play(state, at(13), at(14), pace=pace)
    assert sent == [(at(13), Kind.HYDRATION)]
    assert gone == ([(at(13, 20), Kind.HYDRATION)] if cleared else [])
    assert (Kind.HYDRATION in state.shown) is not cleared


def test_hydration_prompt_cleared_at_bedtime() -> None:
    """Behind all day: the day's last prompt is cleared as the sleep window starts."""
    sent, gone = play(started(), at(7), at(23), pace=0.5)
    assert [m for m, k in sent if k is Kind.HYDRATION][-1] == at(13, 30)
    assert gone == [(at(22), Kind.HYDRATION)]  # the evening reminder stays


def test_prompts_of_an_earlier_day_are_cleared_on_the_next() -> None:
    """Down all night (no assessment at bedtime): yesterday's hydration prompt and
    evening reminder are cleared at the first look of the new awake day, the high
    risk alert only if the level is below high; one due again is replaced."""
    state = started()
    for kind, moment in ((Kind.HYDRATION, at(13)), (Kind.EVENING, at(20, 30))):
        mark_sent(state, kind, moment)
    mark_sent(state, Kind.HIGH_RISK, at(16))
    tomorrow = DAY + timedelta(days=1)
    _, gone = play(state, at(8, 0, tomorrow), at(8, 0, tomorrow), level="high")
    assert gone == [
        (at(8, 0, tomorrow), Kind.HYDRATION),
        (at(8, 0, tomorrow), Kind.EVENING),
    ]
    assert list(state.shown) == [Kind.HIGH_RISK]

    mark_sent(state, Kind.HYDRATION, at(13))
    sent, gone = play(state, at(9, 0, tomorrow), at(9, 0, tomorrow), pace=0.5)
    assert sent == [(at(9, 0, tomorrow), Kind.HYDRATION)]  # replaces yesterday's
    assert gone == [(at(9, 0, tomorrow), Kind.HIGH_RISK)]  # low now


@pytest.mark.parametrize(
    ("stretch", "cleared"),
    [
        (at(20, 45), True),  # after the reminder: cleared at once
        (at(20, 30), True),  # the minute it arrived
        (at(20, 29), False),  # before it: the reminder was sent anyway (the action)
    ],
)
def test_evening_reminder_cleared_by_a_stretch_after_it(
    stretch: datetime, cleared: bool
) -> None:
    """A stretch logged once the reminder is shown clears it, once."""
    state = started()
    mark_sent(state, Kind.EVENING, at(20, 30))  # sent on request (the action)

    def last(now: datetime) -> datetime | None:
        return stretch if now >= stretch else None

    _, gone = play(state, at(20, 29), at(21, 30), last_stretch=last)
    assert gone == ([(max(stretch, at(20, 29)), Kind.EVENING)] if cleared else [])


def test_high_risk_alert_cleared_below_high_once() -> None:
    """High, very high (it holds), moderate (cleared), high again (not re-armed:
    nothing sent, nothing to clear)."""
    level = _levels(
        {at(12): "high", at(13): "very_high", at(14): "moderate", at(15): "high"}
    )
    sent, gone = play(started(), at(12), at(16), level=level)
    assert sent == [(at(12), Kind.HIGH_RISK)]
    assert gone == [(at(14), Kind.HIGH_RISK)]


def test_nothing_shown_nothing_cleared() -> None:
    """Cleared once: a cleared kind is no longer shown."""
    state = started()
    mark_sent(state, Kind.HIGH_RISK, at(12))
    now = facts(at(13), level="low")
    assert no_longer_holds(state, now) == [Kind.HIGH_RISK]
    mark_cleared(state, Kind.HIGH_RISK)
    mark_cleared(state, Kind.HIGH_RISK)  # twice: nothing happens
    assert no_longer_holds(state, now) == []


# -- persistence -----------------------------------------------------------------------


def test_state_round_trips_through_json() -> None:
    """What is saved is what is restored (dates, moments, counts, snoozes, the
    first-setup moment and the prompts shown)."""
    state = started()
    state.set_up_at = at(6)
    run(Prefs(), state, at(7), at(20, 30), level="high", pace=0.5)
    assert set(state.shown) == {Kind.EVENING, Kind.HIGH_RISK, Kind.HYDRATION}
    snooze(state, None, at(23), DAY.date())
    snooze(state, Kind.HYDRATION, at(21), DAY.date())
    snooze(state, Kind.EVENING, at(21), DAY.date())
    restored = PromptState.from_dict(json.loads(json.dumps(state.as_dict())))
    assert restored == state
    assert PromptState.from_dict({}) == PromptState()


# -- frequent cramps, bedtime advice, salt ---------------------------------------------


def test_frequent_cramp_thresholds() -> None:
    """>= 3 in 14 days, or >= 2 at night in 7 days."""
    now = at(12)
    two = [(now - timedelta(days=13), "rest"), (now - timedelta(days=1), "exercise")]
    assert cramp_counts(now, two) == (2, 0)
    assert not frequent_cramps(cramp_counts(now, two))
    three = [*two, (now - timedelta(hours=1), "rest")]
    assert frequent_cramps(cramp_counts(now, three))
    old = [(now - timedelta(days=15), "rest"), *two]
    assert not frequent_cramps(cramp_counts(now, old))
    nights = [(now - timedelta(days=6), "night"), (now - timedelta(days=1), "night")]
    assert cramp_counts(now, nights) == (2, 2)
    assert frequent_cramps(cramp_counts(now, nights))
    late = [(now - timedelta(days=8), "night"), (now - timedelta(days=1), "night")]
    assert cramp_counts(now, late) == (2, 1)
    assert not frequent_cramps(cramp_counts(now, late))


def test_a_severe_cramp_in_the_last_14_days() -> None:
    """One cramp logged as severe in the last 14 days brings the advice too."""
    now = at(12)
    assert not severe_cramp(now, [])
    assert severe_cramp(now, [now - timedelta(days=14)])
    assert severe_cramp(now, [now + timedelta(minutes=5)])  # a future one: now
    assert not severe_cramp(now, [now - timedelta(days=14, seconds=1)])


def test_night_prone() -> None:
    """A night cramp in the last 4 weeks."""
    now = at(20)
    assert night_prone(now, [(now - timedelta(days=27), "night")])
    assert not night_prone(now, [(now - timedelta(days=29), "night")])
    assert not night_prone(now, [(now - timedelta(days=1), "rest")])


@pytest.mark.parametrize(
    ("minutes", "temp", "expected"),
    [
        (59, None, False),
        (60, None, True),
        (29, 30.0, False),
        (30, 25.0, True),
        (45, 24.0, False),
    ],
)
def test_long_or_sweaty(minutes: int, temp: float | None, expected: bool) -> None:
    """An hour, or half an hour in the heat."""
    bout = Bout(at(16), at(16) + timedelta(minutes=minutes), outdoor_temp_c=temp)
    assert long_or_sweaty([bout], at(20)) is expected
    ongoing = Bout(at(16), None, outdoor_temp_c=temp)
    assert long_or_sweaty([ongoing], at(16) + timedelta(minutes=minutes)) is expected


# -- the texts -----------------------------------------------------------------------


def _assessment(**changes: object) -> Assessment:
    base: dict[str, object] = {
        "score": 62,
        "raw": 0.62,
        "level": "high",
        "multiplier": 1.0,
        "confidence": 0.8,
        "confidence_level": "high",
        "factors": {},
        "top_factors": ("exertion", "heat"),
        "water_target_ml": 2000.0,
        "water_expected_ml": 2000.0,
        "hydration_pace": 0.55,
    }
    return Assessment(**(base | changes))  # type: ignore[arg-type]


@pytest.mark.parametrize("activity", list(MainActivity))
def test_evening_text_names_the_activitys_stretches(activity: MainActivity) -> None:
    """2-3 stretches of the activity, hold times, risk and the top factor."""
    text = messages.evening(EN, "Alex", activity, _assessment(), night_prone=False)
    assert text.title == "Alex: time to stretch"
    lines = text.message.splitlines()
    assert lines[0] == (
        "Today's cramp risk index: 62 of 100 (high), mostly a harder day than usual."
    )
    stretches = [line for line in lines if line.startswith("- ")]
    assert 2 <= len(stretches) <= 3
    assert stretches == [f"- {EN['stretch'][s]}" for s in messages.STRETCHES[activity]]
    assert "15-30 s" in text.message
    assert "3 x 10 s" not in text.message
    # A blank line ends the list: in Markdown (persistent notifications) the hold
    # times would otherwise run into the last stretch.
    assert lines[1 + len(stretches)] == ""


def test_evening_text_by_activity() -> None:
    """Running: calf, hamstring, quad; cycling starts with the quads."""
    run_text = messages.evening(EN, "A", MainActivity.RUNNING, _assessment(), False)
    assert "Calf" in run_text.message
    assert "Hamstring" in run_text.message
    assert "Quadriceps" in run_text.message
    cycling = messages.evening(EN, "A", MainActivity.CYCLING, _assessment(), False)
    assert "Hip flexor" in cycling.message


def test_evening_text_for_night_cramps_adds_the_bedtime_routine() -> None:
    """After recent night cramps: calf and hamstring, 3 x 10 s per leg, as a
    shorter bedtime routine after the hold times; the not-medical-advice line last."""
    text = messages.evening(EN, "Alex", MainActivity.SWIMMING, _assessment(), True)
    lines = text.message.splitlines()
    assert lines[-3:] == [EN["dose"], EN["bedtime"], EN["not_medical_advice"]]
    assert "shorter bedtime routine" in EN["bedtime"]
    assert "Feet" in text.message


def test_risk_line_without_a_top_factor() -> None:
    """No factor stands out: the level alone."""
    text = messages.high_risk(
        EN, "Alex", _assessment(top_factors=(), level="very_high")
    )
    assert text.title == "Alex: cramp risk very high"
    assert text.message.startswith("Today's cramp risk index: 62 of 100 (very high).\n")
    assert "not medical advice" in text.message


def test_hydration_text_shows_todays_numbers() -> None:
    """ "1.1 of 2.0 L so far, 55 % of today's pace", and the catch-up."""
    text = messages.hydration(EN, "Alex", _assessment(), 1100.0, salt=False)
    assert text.title == "Alex: time for a glass of water"
    lines = text.message.splitlines()
    assert lines[0] == "1.1 of 2.0 L so far, 55 % of today's pace."
    assert lines[1].startswith("About 0.9 L over the next hour")
    assert EN["salt"] not in text.message


@pytest.mark.parametrize(
    ("water", "expected", "suggested"),
    [(500.0, 3000.0, "1.0"), (1950.0, 2000.0, "0.1"), (0.0, None, "0.1")],
)
def test_hydration_never_suggests_more_than_a_litre_an_hour(
    water: float, expected: float | None, suggested: str
) -> None:
    """Far behind: about 1 L for the hour, not the whole gap; at least a glass-ish."""
    assessment = _assessment(water_expected_ml=expected)
    text = messages.hydration(EN, "Alex", assessment, water, salt=True)
    assert f"About {suggested} L over the next hour" in text.message
    assert "no more than about 1 L an hour" in text.message
    assert text.message.splitlines()[-2:] == [EN["salt"], EN["not_medical_advice"]]


def test_german_words_and_decimal_comma() -> None:
    """In German the numbers have a decimal comma; the person's name stays."""
    de = load_texts("de")
    text = messages.hydration(de, "Alex", _assessment(), 1100.0, salt=False)
    assert text.title.startswith("Alex")
    assert "1,1 von 2,0 L" in text.message
    assert text != messages.hydration(EN, "Alex", _assessment(), 1100.0, False)


def test_a_language_without_words_falls_back_to_english() -> None:
    """No file for the language (or its base language): English."""
    assert load_texts("xx") == EN
    assert load_texts("de-CH") == load_texts("de")


def test_hydration_text_without_a_target() -> None:
    """Odd inputs do not break the text."""
    assessment = _assessment(water_target_ml=None, hydration_pace=None)
    text = messages.hydration(EN, "Alex", assessment, 0.0, salt=False)
    assert text.message.startswith("0.0 of 0.0 L so far, 0 % of today's pace.")


LEVERS = (
    Lever("water", 400.0, 48, 14),
    Lever("stretch", None, 56, 6),
    Lever("cooler", 2.0, 59, 3),
)


def test_the_levers_say_what_they_would_bring_the_index_to() -> None:
    """Hydration: the water lever; the evening: stretching and a cooler room, after
    the risk line; the model's arithmetic, never a promise."""
    text = messages.hydration(EN, "Alex", _assessment(), 1100.0, False, LEVERS)
    assert text.message.splitlines()[2] == (
        "Drinking 400 mL now would bring the cramp risk index to 48."
    )
    evening = messages.evening(
        EN, "Alex", MainActivity.RUNNING, _assessment(), False, LEVERS, "°C"
    )
    assert evening.message.splitlines()[1:3] == [
        "Stretching now would bring the cramp risk index to 56.",
        "A room 2 °C cooler would bring the cramp risk index to 59.",
    ]
    assert "Drinking" not in evening.message
    for message in (text.message, evening.message):
        assert "prevent" not in message


def test_a_cooler_room_in_fahrenheit_and_other_languages() -> None:
    """2 degC cooler is 3.6 degF cooler (a difference); decimal commas in German."""
    evening = messages.evening(
        EN, "A", MainActivity.RUNNING, _assessment(), False, LEVERS[2:], "°F"
    )
    assert "A room 3.6 °F cooler would bring" in evening.message
    de = load_texts("de")
    evening = messages.evening(
        de, "A", MainActivity.RUNNING, _assessment(), False, LEVERS[2:], "°F"
    )
    assert "Ein um 3,6 °F kühlerer Raum" in evening.message
    for language in ("de", "es", "fr", "he", "nl"):
        words = load_texts(language)["lever"]
        assert set(words) == {"water", "stretch", "cooler"}
        assert all("{score}" in text for text in words.values())
