"""Learning from the person's cramps (learning.py, engine.py; personal.md sections 2-5):
a sample at the start of every hour the entry runs, kept with the ledger; the
evaluation and the personal weights worked out only when what they come from changed;
"Learn from my cramps" applying in place; the levers worked out when read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
import math
import random
from typing import Any
from unittest.mock import patch
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.cramp_guard import learning, snapshot as snapshot_module
from custom_components.cramp_guard.learning import (
    Learnt,
    checked_row,
    hour_start,
    next_hour,
    row_sample,
    sample_row,
    samples,
)
from custom_components.cramp_guard.ledger import day_of
from custom_components.cramp_guard.risk import (
    FACTOR_KEYS,
    WEIGHTS,
    Assessment,
    assess,
    levers,
)
from custom_components.cramp_guard.services import assessment_response
from custom_components.cramp_guard.texts import async_get_texts

from .conftest import (
    NOON,
    TZ,
    advance,
    engine_of,
    hourly_samples,
    saved_ledger,
)

KEY = "cramp_guard.01JCRAMPGUARDTESTENTRY0001"
pytestmark = pytest.mark.usefixtures("noon")  # Berlin, from NOON


def _thousandths(value: float | None) -> float | None:
    return None if value is None else math.floor(value * 1000 + 0.5) / 1000


def _starts(rows: tuple[str, ...]) -> list[datetime]:
    return [sample.start for sample in samples(rows, TZ)]


# -- the clock hours -------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "start", "following"),
    [
        # Berlin: an ordinary hour, and both changes of summer time.
        ("2026-06-16T12:34:56+02:00", "2026-06-16T12:00", "2026-06-16T13:00+02:00"),
        ("2026-06-16T13:00:00+02:00", "2026-06-16T13:00", "2026-06-16T14:00+02:00"),
        ("2026-03-29T01:30:00+01:00", "2026-03-29T01:00", "2026-03-29T03:00+02:00"),
        ("2026-10-25T02:30:00+02:00", "2026-10-25T02:00", "2026-10-25T02:00+01:00"),
        ("2026-10-25T02:30:00+01:00", "2026-10-25T02:00", "2026-10-25T03:00+01:00"),
    ],
)
def test_clock_hours_in_berlin(moment: str, start: str, following: str) -> None:
    """An hour starts on the local clock; the next one is an hour of real time
    later, across the changes to and from summer time."""
    at = datetime.fromisoformat(moment).astimezone(UTC).astimezone(TZ)
    assert hour_start(at).replace(tzinfo=None) == datetime.fromisoformat(start)
    # (by real time: an ambiguous wall time never equals one on another clock)
    expected = datetime.fromisoformat(following).astimezone(UTC)
    assert next_hour(at).astimezone(UTC) == expected
    assert next_hour(at).tzinfo is TZ


def test_clock_hours_on_a_half_hour_offset() -> None:
    """India is UTC+05:30: its hours start at half past the hour in UTC."""
    kolkata = ZoneInfo("Asia/Kolkata")
    at = datetime(2026, 6, 16, 9, 40, tzinfo=kolkata)
    assert next_hour(at) == datetime(2026, 6, 16, 10, tzinfo=kolkata)
    assert next_hour(at).astimezone(UTC).minute == 30


def test_a_row_and_back() -> None:
    """A row holds the minute since 1970, the score and the sub-scores to
    thousandths (empty: unavailable); read back on any clock."""
    start = datetime(2026, 6, 16, 13, tzinfo=TZ)
    subs = {"workload": None, "exertion": 0.12345, "heat": 1.0, "timing": 0.0}
    row = sample_row(start, 47, subs)
    assert row == "29693460,47,,123,1000,,,0"  # hydration, stretch missing
    assert checked_row(row) == row
    sample = row_sample(row, ZoneInfo("America/New_York"))
    assert sample.start == start
    assert str(sample.start.tzinfo) == "America/New_York"
    assert sample.score == 47
    assert sample.subs == {
        "workload": None,
        "exertion": 0.123,
        "heat": 1.0,
        "hydration": None,
        "stretch": None,
        "timing": 0.0,
    }


# -- samples ---------------------------------------------------------------------


async def test_a_sample_at_the_start_of_every_hour(
    hass: HomeAssistant, init_integration: MockConfigEntry, noon: FrozenDateTimeFactory
) -> None:
    """Set up at noon, the first sample is 13:00's: the index shown then and each
    factor's sub-score of that assessment; another assessment within the hour adds
    none; the next hour adds the next."""
    engine = engine_of(init_integration)
    assert engine.ledger.sample_rows() == ()
    for _ in range(5):
        await advance(hass, noon, timedelta(minutes=10))
    assert engine.ledger.sample_rows() == ()  # 12:00 was before it ran

    await advance(hass, noon, timedelta(minutes=10))  # 13:00
    rows = engine.ledger.sample_rows()
    assert len(rows) == 1
    sample = row_sample(rows[0], TZ)
    shown = engine.snapshot.risk
    assert sample.start == NOON + timedelta(hours=1)
    assert sample.score == shown.score
    assert sample.subs == {
        key: _thousandths(factor.sub_score) for key, factor in shown.factors.items()
    }
    assert engine.snapshot.samples == 1
    assert engine.snapshot.evaluation.by_level[shown.level].hours == 1

    engine.async_update()
    await advance(hass, noon, timedelta(minutes=30))
    assert len(engine.ledger.sample_rows()) == 1
    for _ in range(3):
        await advance(hass, noon, timedelta(minutes=10))
    assert _starts(engine.ledger.sample_rows()) == [
        NOON + timedelta(hours=1),
        NOON + timedelta(hours=2),
    ]
    assert engine.ledger.days[NOON.date()].samples == list(engine.ledger.sample_rows())


async def test_a_sample_is_the_index_shown(
    hass: HomeAssistant, init_integration: MockConfigEntry, noon: FrozenDateTimeFactory
) -> None:
    """While the shown index is held (the hysteresis), the sample keeps it - what
    the sensor and the card show - not the latest raw assessment."""
    engine = engine_of(init_integration)

    def held(shown: Assessment | None, new: Assessment) -> Assessment:
        return replace(new, score=new.score + 3)

    with patch.object(snapshot_module, "settled", held):
        await advance(hass, noon, NOON + timedelta(hours=1))
    snapshot = engine.snapshot
    assert snapshot.risk.score == snapshot.assessment.score + 3
    assert row_sample(engine.ledger.sample_rows()[0], TZ).score == snapshot.risk.score


async def test_the_timer_a_moment_early_and_an_hour_passed_unassessed(
    hass: HomeAssistant, init_integration: MockConfigEntry, noon: FrozenDateTimeFactory
) -> None:
    """The pacer's timer may fire up to a second early: that assessment takes the
    coming hour's sample. An hour whose start passed without an assessment within
    10 minutes (Home Assistant busy, a machine asleep) has none."""
    engine = engine_of(init_integration)
    noon.move_to(NOON + timedelta(minutes=59, seconds=59.5))
    engine.async_update()
    assert _starts(engine.ledger.sample_rows()) == [NOON + timedelta(hours=1)]

    noon.move_to(NOON + timedelta(hours=2, minutes=11))  # 14:11, nothing since 13:00
    engine.async_update()
    assert len(engine.ledger.sample_rows()) == 1
    await advance(hass, noon, NOON + timedelta(hours=3))
    assert _starts(engine.ledger.sample_rows())[-1] == NOON + timedelta(hours=3)
    assert len(engine.ledger.sample_rows()) == 2


async def test_hours_home_assistant_was_down_have_no_sample(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
    noon: FrozenDateTimeFactory,
) -> None:
    """Samples are written with the ledger and restored; the hours the entry did
    not run are not filled in, and a restart within an hour does not sample it
    twice."""
    entry = init_integration
    await advance(hass, noon, NOON + timedelta(hours=1))
    kept = engine_of(entry).ledger.sample_rows()
    assert len(kept) == 1
    assert await hass.config_entries.async_unload(entry.entry_id)
    saved = hass_storage[KEY]
    assert saved["minor_version"] == 2
    assert [day.get("samples") for day in saved["data"]["days"]] == [list(kept)]

    noon.move_to(NOON + timedelta(hours=4, minutes=20))  # down from 13:00 to 16:20
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    engine = engine_of(entry)
    assert engine.ledger.sample_rows() == kept
    await advance(hass, noon, NOON + timedelta(hours=5))
    assert _starts(engine.ledger.sample_rows()) == [
        NOON + timedelta(hours=1),
        NOON + timedelta(hours=5),
    ]

    await hass.config_entries.async_reload(entry.entry_id)  # 17:00, again
    await hass.async_block_till_done()
    await advance(hass, noon, timedelta(minutes=10))
    assert len(engine_of(entry).ledger.sample_rows()) == 2


@pytest.mark.entry(
    ledger=saved_ledger(
        [{"day": "2026-06-15", "samples": hourly_samples(date(2026, 6, 15))}]
    )
)
async def test_samples_are_restored_on_home_assistants_clock(
    hass: HomeAssistant, init_integration: MockConfigEntry, noon: FrozenDateTimeFactory
) -> None:
    """Saved samples are read on Home Assistant's time zone, and again on a new
    one: the days they count on are its days."""
    engine = engine_of(init_integration)
    learnt = engine.snapshot.learnt
    assert engine.snapshot.samples == 24
    assert learnt.zone is TZ or str(learnt.zone) == "Europe/Berlin"
    first = samples(learnt.rows, learnt.zone)[0].start
    assert first == datetime(2026, 6, 15, 7, tzinfo=TZ)
    assert str(first.tzinfo) == "Europe/Berlin"
    assert engine.snapshot.evaluation.tracked_days == 1  # 17 on the 15th, 7 after

    await hass.config.async_update(time_zone="America/Los_Angeles")
    await advance(hass, noon, timedelta(minutes=10))
    learnt = engine.snapshot.learnt
    assert str(learnt.zone) == "America/Los_Angeles"
    # 07:00-06:00 in Berlin is 22:00-21:00 the day before: 2 + 22 hours.
    assert engine.snapshot.evaluation.tracked_days == 1


# -- worked out only when something changed --------------------------------------


@pytest.fixture
def counted() -> Iterator[dict[str, int]]:
    """How often the evaluation and the personal weights are worked out."""
    calls = {"evaluate": 0, "personal": 0}
    evaluate, personal = learning.evaluate, Learnt.personal

    def count_evaluate(*args: Any) -> Any:
        calls["evaluate"] += 1
        return evaluate(*args)

    def count_personal(self: Learnt, now: datetime) -> Any:
        calls["personal"] += 1
        return personal(self, now)

    with (
        patch.object(learning, "evaluate", count_evaluate),
        patch.object(Learnt, "personal", count_personal),
    ):
        yield calls


@pytest.mark.entry(
    ledger=saved_ledger(
        [{"day": "2026-06-15", "samples": hourly_samples(date(2026, 6, 15))}]
    )
)
async def test_the_evaluation_only_when_a_sample_or_the_cramps_change(
    hass: HomeAssistant,
    counted: dict[str, int],
    init_integration: MockConfigEntry,
    noon: FrozenDateTimeFactory,
    sources: Any,
) -> None:
    """Not per assessment: once when first read after a sample was added or the
    cramps changed; and never when nobody reads it."""
    engine = engine_of(init_integration)
    learnt = engine.snapshot.learnt
    for steps in (4300, 4400, 5600):
        sources.steps(steps)
        await advance(hass, noon, timedelta(minutes=2))
        assert engine.snapshot.learnt is learnt
        assert engine.snapshot.evaluation.tracked_days == 1
    assert counted["evaluate"] == 1

    await hass.services.async_call(
        "button", "press", {"entity_id": "button.alex_log_cramp"}, blocking=True
    )
    assert engine.snapshot.learnt is not learnt
    assert engine.snapshot.learnt.events == (NOON + timedelta(minutes=6),)
    assert counted["evaluate"] == 1  # not read yet
    engine.snapshot.evaluation  # noqa: B018
    engine.snapshot.evaluation  # noqa: B018
    assert counted["evaluate"] == 2

    await advance(hass, noon, NOON + timedelta(hours=1))  # a sample
    assert engine.snapshot.samples == 25
    assert engine.snapshot.evaluation.matched == 0  # 13:00 is after the cramp
    assert counted["evaluate"] == 3


async def test_personal_weights_at_start_and_at_the_wake_time(
    hass: HomeAssistant,
    counted: dict[str, int],
    init_integration: MockConfigEntry,
    noon: FrozenDateTimeFactory,
) -> None:
    """Learnt at start and once a day when the day rolls over at the wake time
    (07:00), not at every sample."""
    engine = engine_of(init_integration)
    assert counted["personal"] == 1
    for hours in range(1, 19):  # 13:00 to 06:00
        await advance(hass, noon, NOON + timedelta(hours=hours))
    assert engine.snapshot.samples == 18
    assert counted["personal"] == 1
    await advance(hass, noon, NOON + timedelta(hours=19))  # 07:00
    assert counted["personal"] == 2
    assert engine.snapshot.personal.tracked_days == 0  # 12 on the 16th, 7 after


# -- the simulated person --------------------------------------------------------

DAYS = 60
FIRST_DAY = NOON.date() - timedelta(days=DAYS)


def _hot(day: date) -> bool:
    """Every third night is a hot one."""
    return (day - FIRST_DAY).days % 3 == 0


def _person(rng: random.Random) -> tuple[list[dict[str, Any]], list[datetime]]:
    """Sixty days of hourly samples of a person whose cramps come on hot nights:
    the heat sub-score high in the evening and night after a hot day, every other
    factor moving at random, the same by day and by night; a cramp at about 02:00
    after every other hot night (10 cramps). The days as the ledger saves them."""

    def subs(start: datetime) -> dict[str, float | None]:
        day = day_of(start, time(7))
        hot = _hot(day) and not 7 <= start.hour < 19
        values: dict[str, float | None] = {
            key: round(rng.uniform(0.1, 0.5), 3) for key in FACTOR_KEYS
        }
        values["heat"] = round(rng.uniform(0.5, 0.8) if hot else rng.uniform(0, 0.1), 3)
        return values

    def score(start: datetime) -> int:
        return 20 + rng.randint(0, 40)

    days: list[dict[str, Any]] = []
    cramps: list[datetime] = []
    for n in range(DAYS):
        day = FIRST_DAY + timedelta(days=n)
        record: dict[str, Any] = {"day": day.isoformat()}
        record["samples"] = hourly_samples(day, score, subs)
        if _hot(day) and n % 2 == 0:
            at = datetime.combine(day + timedelta(days=1), time(2, 10), TZ)
            cramps.append(at)
            record["cramps"] = [[at.isoformat(), "calf", "night", None]]
        days.append(record)
    return days, cramps


PERSON_DAYS, PERSON_CRAMPS = _person(random.Random(22))


@pytest.mark.parametrize(
    "entry_setup",
    [{"options": {"learn_from_cramps": learn}} for learn in (True, False)],
    ids=["learning", "not learning"],
    indirect=True,
)
@pytest.mark.entry(ledger=saved_ledger(PERSON_DAYS))
async def test_a_person_whose_cramps_come_on_hot_nights(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Sixty days, 10 cramps after hot nights: heat counts more for this person,
    every other factor about as much as for anyone. With "Learn from my cramps"
    on, the index uses the personal weights; off, the base ones (the multipliers
    are learnt and shown all the same)."""
    learn = init_integration.options["learn_from_cramps"]
    snapshot = engine_of(init_integration).snapshot
    personal = snapshot.personal
    m = personal.multipliers
    figures = (
        f"multipliers {dict(m)}, events {personal.events}, "
        f"tracked days {personal.tracked_days}"
    )
    # Seed 22: heat 1.87; workload 0.99, exertion 1.05, hydration 1.01, stretch
    # 1.05, timing 1.00 (n = 10 events, 60 tracked days; ln r shrunk by 10 / 20).
    assert personal.active, figures
    assert personal.events == 10, figures
    assert personal.tracked_days == DAYS, figures
    assert m["heat"] > 1.5, figures
    assert all(0.9 <= m[key] <= 1.1 for key in FACTOR_KEYS if key != "heat"), figures
    assert sum(personal.weights.values()) == pytest.approx(sum(WEIGHTS.values()))

    assert snapshot.learning is learn
    inputs = snapshot.inputs
    if learn:
        assert snapshot.weights == personal.weights
        assert snapshot.assessment == assess(inputs, personal.weights)
        assert snapshot.assessment.factors["heat"].weight == personal.weights["heat"]
        assert snapshot.levers == levers(inputs, personal.weights)
    else:
        assert snapshot.weights is None
        assert snapshot.assessment == assess(inputs)
        assert snapshot.levers == levers(inputs)
    evaluation = snapshot.evaluation
    assert evaluation.ready
    assert evaluation.matched == 10
    answer = assessment_response(snapshot, "°C", await async_get_texts(hass))
    assert answer["personal"]["multipliers"] == dict(m)
    assert answer["personal"]["learning"] is learn
    shown = answer["evaluation"]
    assert shown["ready"] is True
    assert shown["lift"] == round(evaluation.lift or 0, 2)
    assert sum(row["events"] for row in shown["by_level"].values()) == 10
    assert sum(row["hours"] for row in shown["by_level"].values()) == DAYS * 24


@pytest.mark.entry(ledger=saved_ledger(PERSON_DAYS))
async def test_learning_turned_on_applies_in_place(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Turning "Learn from my cramps" on (Configure, profile page) applies without
    a reload, like the profile: the same engine assesses with the personal weights
    at once; off again, with the base ones."""
    entry = init_integration
    engine = engine_of(entry)
    assert not engine.snapshot.learning
    assert engine.snapshot.assessment.factors["heat"].weight == WEIGHTS["heat"]
    for learn in (True, False):
        hass.config_entries.async_update_entry(
            entry, options={**entry.options, "learn_from_cramps": learn}
        )
        await hass.async_block_till_done()
        assert entry.state is ConfigEntryState.LOADED
        assert engine_of(entry) is engine
        assert engine.settings.learn_from_cramps is learn
        snapshot = engine.snapshot
        assert snapshot.learning is learn
        heat = snapshot.assessment.factors["heat"].weight
        assert heat == (snapshot.personal.weights["heat"] if learn else WEIGHTS["heat"])


# -- the levers ------------------------------------------------------------------


async def test_levers_are_worked_out_when_read_once(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Not while assessing: the first read works them out, the next ones reuse
    them; a new snapshot has its own."""
    engine = engine_of(init_integration)
    calls: list[int] = []
    real: Callable[..., Any] = snapshot_module.levers

    def count(*args: Any) -> Any:
        calls.append(1)
        return real(*args)

    with patch.object(snapshot_module, "levers", count):
        engine.async_update()
        assert calls == []
        first = engine.snapshot.levers
        assert engine.snapshot.levers is first
        assert len(calls) == 1
        assert first == levers(engine.snapshot.inputs)
        engine.async_update()
        assert engine.snapshot.levers == first
        assert len(calls) == 2
