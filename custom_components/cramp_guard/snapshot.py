"""The snapshot: everything entities, prompts, actions, the card and diagnostics show,
taken once per assessment as an immutable value.

Consumers read the snapshot and nothing else of the engine: not the ledger, not the
readings. `risk` is the assessment the risk sensors, the card and `get_assessment`
show: the latest one, or an earlier one whose score the latest is within
SCORE_HYSTERESIS of (a score wavering across a rounding boundary is not written
back and forth).

What was learnt from the person's cramps comes along (personal.md): the personal
weights and whether "Learn from my cramps" is on (`weights` are those the index
used), and the samples and cramps (`learnt`) whose evaluation is worked out when
first read. The levers are worked out when first read too, never while assessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType

from .const import COUNTER_SOURCES
from .inputs import build_inputs, recent_cramps, recent_severe
from .learning import CALIBRATING, Learnt
from .ledger import DaySummary, Ledger, LedgerFacts, Night, night_before
from .reader import SourceReader
from .risk import (
    Assessment,
    Evaluation,
    Lever,
    PersonalWeights,
    RiskInputs,
    assess,
    levers,
)
from .settings import Settings
from .sources import Reading

_NONE_STALE: Mapping[str, datetime] = MappingProxyType({})
# The risk shown moves once the model's raw score is this far from it.
SCORE_HYSTERESIS = 0.75


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One assessment and everything shown with it."""

    inputs: RiskInputs
    assessment: Assessment  # the latest
    today: DaySummary  # the awake day
    workout: bool  # a workout or a detected bout is going on
    cramps: tuple[tuple[datetime, str], ...]  # (at, context), last 30 days
    readings: Mapping[str, Reading]  # each source as the model read it
    ledger: LedgerFacts
    learnt: Learnt  # the samples and cramps, and how well the index matched them
    personal: PersonalWeights = CALIBRATING  # learnt at start and at the wake time
    learning: bool = False  # "Learn from my cramps" is on
    shown: Assessment | None = None  # the held one, when not the latest
    # The night before today's wake time while the morning check-in is on and it
    # was neither answered nor had a cramp logged in it; else None.
    unanswered_night: Night | None = None
    severe_cramps: tuple[datetime, ...] = ()  # logged as severe, last 30 days
    # The counter sources silent for longer than they usually are (stale) -> when
    # they last synced (freshness.py).
    stale: Mapping[str, datetime] = field(default_factory=lambda: _NONE_STALE)
    _levers: list[tuple[Lever, ...]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )

    @property
    def risk(self) -> Assessment:
        """The assessment the risk sensors, the card and get_assessment show."""
        return self.shown or self.assessment

    @property
    def weights(self) -> Mapping[str, float] | None:
        """The factor weights the index uses: the personal ones while learning is
        on and they are active; else None, the base weights."""
        return self.personal.weights if self.learning and self.personal.active else None

    @property
    def evaluation(self) -> Evaluation:
        """How well the index has matched the logged cramps."""
        return self.learnt.evaluation

    @property
    def samples(self) -> int:
        """How many hourly samples are kept."""
        return len(self.learnt.rows)

    @property
    def levers(self) -> tuple[Lever, ...]:
        """What would lower the index now (worked out once, when first read)."""
        if not self._levers:
            self._levers.append(levers(self.inputs, self.weights))
        return self._levers[0]

    @property
    def cramps_30_days(self) -> int:
        """How many cramps were logged in the last 30 days."""
        return len(self.cramps)

    @property
    def stretches_today(self) -> int:
        """How many stretches were logged today."""
        return len(self.today.stretches)


def settled(shown: Assessment | None, new: Assessment) -> Assessment:
    """What the risk sensors show after `new`: `new` once its raw score (0-100) is
    SCORE_HYSTERESIS from the score shown, or when the factors available or the
    confidence changed; else what is shown (its score, level and factors together).
    """
    if (
        shown is None
        or abs(min(max(new.raw, 0.0), 100.0) - shown.score) >= SCORE_HYSTERESIS
        or round(new.confidence, 2) != round(shown.confidence, 2)
        or any(
            new.factors[key].available != factor.available
            for key, factor in shown.factors.items()
        )
    ):
        return new
    return shown


def take_snapshot(
    now: datetime,
    settings: Settings,
    ledger: Ledger,
    reader: SourceReader,
    previous: Snapshot | None,
    learnt: Learnt,
    personal: PersonalWeights = CALIBRATING,
) -> Snapshot:
    """Assess `now` from the readings and the ledger (with the personal weights
    while learning is on and they are active), and copy out what is shown."""
    status = reader.health.counter_status
    counters = {key: status(key, now) for key in COUNTER_SOURCES}
    stale = reader.check_freshness(now)
    inputs, day = build_inputs(now, settings, ledger, reader.value, counters, stale)
    learning = settings.learn_from_cramps
    assessment = assess(
        inputs, personal.weights if learning and personal.active else None
    )
    shown = settled(previous.risk if previous else None, assessment)
    return Snapshot(
        inputs=inputs,
        assessment=assessment,
        today=day.summary(),
        workout=bool(reader.workout_on) or any(b.end is None for b in inputs.bouts),
        cramps=recent_cramps(ledger, now),
        severe_cramps=recent_severe(ledger, now),
        readings=MappingProxyType(reader.assessed()),
        ledger=ledger.facts(),
        learnt=learnt,
        personal=personal,
        learning=learning,
        shown=None if shown is assessment else shown,
        unanswered_night=_unanswered_night(now, settings, ledger, day.day),
        stale=MappingProxyType(dict(stale)) if stale else _NONE_STALE,
    )


def _unanswered_night(
    now: datetime, settings: Settings, ledger: Ledger, day: date
) -> Night | None:
    """Last night, while the check-in is on and nothing is known of it."""
    if not settings.morning_checkin:
        return None
    profile = settings.profile
    night = night_before(day, profile.wake, profile.bed, now.tzinfo)
    return None if ledger.night_known(night) else night
