"""Tests for spreading activity over minutes and detecting bouts."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from custom_components.cramp_guard.bouts import (
    amount_between,
    at_minute,
    detect_bouts,
    minute_of,
    spread,
)
from custom_components.cramp_guard.const import ActivityMetric

TZ = ZoneInfo("Europe/Berlin")
MIDNIGHT = datetime(2026, 11, 24, tzinfo=TZ)


def _at(hour: int, minute: int = 0) -> datetime:
    return MIDNIGHT + timedelta(hours=hour, minutes=minute)


def test_spread_is_even_over_the_interval() -> None:
    """1500 steps over 10:00-10:15 give 100 a minute; partial minutes get a share."""
    minutes: dict[int, float] = {}
    spread(minutes, 1500, _at(10), _at(10, 15), MIDNIGHT)
    assert minutes == {600 + m: pytest.approx(100.0) for m in range(15)}
    spread(minutes, 30, _at(11, 0) + timedelta(seconds=30), _at(11, 1), MIDNIGHT)
    assert minutes[660] == pytest.approx(30)
    spread(minutes, 0, _at(12), _at(13), MIDNIGHT)
    spread(minutes, 50, _at(12), _at(12), MIDNIGHT)
    assert 720 not in minutes
    spread(minutes, 60, MIDNIGHT - timedelta(minutes=1), _at(0, 1), MIDNIGHT)
    assert minutes[0] == pytest.approx(30)  # the part before midnight is not today's


def test_detect_a_run_with_a_short_pause() -> None:
    """A 30-minute run with a 2-minute stop is one vigorous bout."""
    minutes = {m: 160.0 for m in range(960, 990) if m not in (970, 971)}
    bouts = detect_bouts(minutes, ActivityMetric.STEPS, MIDNIGHT, _at(18))
    assert bouts == [(_at(16), _at(16, 30), pytest.approx(160.0 * 28 / 30))]


def test_short_or_slow_activity_is_no_bout() -> None:
    """Nine minutes, or a stroll under 100 steps a minute, are not bouts."""
    minutes = dict.fromkeys(range(600, 609), 150.0)
    minutes |= dict.fromkeys(range(700, 760), 80.0)
    assert detect_bouts(minutes, ActivityMetric.STEPS, MIDNIGHT, _at(18)) == []


def test_ongoing_bout_has_no_end() -> None:
    """A bout whose last active minute is this one is still going."""
    minutes = dict.fromkeys(range(1000, 1021), 6.0)
    [(start, end, rate)] = detect_bouts(
        minutes, ActivityMetric.ACTIVE_KCAL, MIDNIGHT, _at(17, 2)
    )
    assert (start, end, rate) == (_at(16, 40), None, 6.0)


def test_minutes_are_real_minutes_on_a_dst_day() -> None:
    """On the day clocks go back, 03:00 local is 240 real minutes after midnight."""
    midnight = datetime(2026, 10, 25, tzinfo=TZ)
    three = datetime(2026, 10, 25, 3, tzinfo=TZ)
    assert minute_of(three, midnight) == 240
    assert at_minute(midnight, 240) == three


def test_amount_between() -> None:
    """The buckets between two moments add up."""
    minutes = {600: 10.0, 601: 5.0, 700: 1.0}
    assert amount_between(minutes, _at(10), _at(10, 2), MIDNIGHT) == 15.0
