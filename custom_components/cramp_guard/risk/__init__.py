"""Pure cramp-risk model of Cramp Guard (spec: shared/design/risk-model.md).

No Home Assistant imports: plain, already-normalised values in, a plain Assessment
out. The score is a relative risk index (0-100), not a probability.
"""

from __future__ import annotations

from .assess import assess
from .combine import FACTOR_KEYS, LEVEL_NAMES, WEIGHTS, Combination, combine
from .heat import heat_index_c
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
    "Factor",
    "FactorKey",
    "Level",
    "LoadMetric",
    "Profile",
    "RiskInputs",
    "Sex",
    "assess",
    "combine",
    "heat_index_c",
]
