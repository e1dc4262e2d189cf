"""Value types of the risk engine (spec section 1).

Plain, frozen, slotted dataclasses: the engine takes already-normalised metric values
and returns a plain result, so it can be tested, fuzzed and timed without Home
Assistant.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Literal

Sex = Literal["female", "male"]
LoadMetric = Literal["intensity_minutes", "active_kcal", "steps"]
Level = Literal["low", "moderate", "high", "very_high"]
ConfidenceLevel = Literal["low", "medium", "high"]
FactorKey = Literal["workload", "exertion", "heat", "hydration", "stretch", "timing"]
HeldInput = Literal["load", "water"]


@dataclass(frozen=True, slots=True)
class Profile:
    """The person: body, day rhythm, cramp proneness and an optional water target."""

    body_mass_kg: float | None = None
    sex: Sex | None = None
    wake: time = time(7, 0)
    bed: time = time(22, 0)
    cramp_prone: bool = False
    water_target_ml: float | None = None


@dataclass(frozen=True, slots=True)
class Bout:
    """One activity bout or workout of today; `end` None means still going."""

    start: datetime
    end: datetime | None
    active_kcal: float | None = None
    vigorous: bool = False
    outdoor_temp_c: float | None = None
    outdoor_humidity: float | None = None


@dataclass(frozen=True, slots=True)
class RiskInputs:
    """Everything the model sees; `load_history` is oldest first, last = yesterday."""

    now: datetime
    profile: Profile
    load_metric: LoadMetric | None = None
    load_history: Sequence[float | None] = ()
    load_today: float | None = None
    bouts: Sequence[Bout] = ()
    room_temp_c: float | None = None
    room_humidity: float | None = None
    bedroom_temp_c: float | None = None
    bedroom_humidity: float | None = None
    max_room_heat_index_c: float | None = None
    water_ml: float | None = None
    last_stretch: datetime | None = None
    stretched_recently: bool = False
    last_cramp: datetime | None = None
    # Inputs carried over from a source that is out right now (what it counted today
    # before the outage): their factors count half in the confidence.
    held: Collection[HeldInput] = frozenset()
    # Inputs of a source that has not synced for longer than it usually does (stale):
    # their factors count half in the confidence too.
    stale: Collection[HeldInput] = frozenset()


@dataclass(frozen=True, slots=True)
class Factor:
    """One sub-score with its weight and its share of `raw` (0 when unavailable)."""

    sub_score: float | None
    weight: float
    contribution: float
    available: bool


@dataclass(frozen=True, slots=True)
class Assessment:
    """The result: a relative risk index (not a probability) and its parts."""

    score: int
    raw: float
    level: Level
    multiplier: float
    confidence: float
    confidence_level: ConfidenceLevel
    factors: Mapping[str, Factor]
    top_factors: tuple[str, ...]
    water_target_ml: float | None
    water_expected_ml: float | None
    hydration_pace: float | None
    # Extras for the Home Assistant side (not part of the spec's contract).
    workload_ratio: float | None = None
    apparent_temp_c: float | None = None
    awake: bool = True
