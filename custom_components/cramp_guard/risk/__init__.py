"""Pure cramp-risk model of Cramp Guard (spec: shared/design/risk-model.md).

No Home Assistant imports: plain, already-normalised values in, a plain Assessment
out. The score is a relative risk index (0-100), not a probability.

Learning from the person (shared/design/personal.md): personal weights from their
hourly samples and cramps, how well the index has matched those cramps, and what
would lower it now.
"""

from __future__ import annotations

from .assess import assess
from .combine import FACTOR_KEYS, LEVEL_NAMES, WEIGHTS, Combination, combine
from .evaluate import Evaluation, LevelRow, evaluate
from .heat import heat_index_c
from .levers import Lever, LeverKey, levers
from .personal import PersonalWeights, personal_weights
from .samples import Sample
from .types import (
    Assessment,
    Bout,
    ConfidenceLevel,
    Factor,
    FactorKey,
    Level,
    LoadMetric,
    Profile,
    RiskInputs,
    Sex,
)

__all__ = [
    "FACTOR_KEYS",
    "LEVEL_NAMES",
    "WEIGHTS",
    "Assessment",
    "Bout",
    "Combination",
    "ConfidenceLevel",
    "Evaluation",
    "Factor",
    "FactorKey",
    "Level",
    "LevelRow",
    "Lever",
    "LeverKey",
    "LoadMetric",
    "PersonalWeights",
    "Profile",
    "RiskInputs",
    "Sample",
    "Sex",
    "assess",
    "combine",
    "evaluate",
    "heat_index_c",
    "levers",
    "personal_weights",
]
