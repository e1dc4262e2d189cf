"""docs/risk-model.md says what the code does: its numbers are the code's constants.

Each check pairs a passage of the document (found word for word, spaces folded) with
the constants it states; the numbers in the passage, in order, must be those values.
A number changed in the code without the document (or the other way round) fails here.
Every number must also be cited or marked [J] in the passage's line.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time, timedelta
import importlib
from pathlib import Path
import re

import pytest

from custom_components.cramp_guard import (
    bouts,
    freshness,
    prompt_policy,
    prompts,
    snapshot,
)
from custom_components.cramp_guard.const import ActivityMetric

# The risk package exports functions under some of its modules' names: by module.
assess, combine, factors, hydration, levers, load, personal, samples = (
    importlib.import_module(f"custom_components.cramp_guard.risk.{name}")
    for name in (
        "assess",
        "combine",
        "factors",
        "hydration",
        "levers",
        "load",
        "personal",
        "samples",
    )
)

DOC = (Path(__file__).resolve().parents[1] / "docs" / "risk-model.md").read_text(
    encoding="utf-8"
)
FOLDED = " ".join(DOC.split())
NUMBER = re.compile(r"\d+(?:\.\d+)?")
STEPS, MINUTES, KCAL = (
    ActivityMetric.STEPS,
    ActivityMetric.INTENSITY_MINUTES,
    ActivityMetric.ACTIVE_KCAL,
)


def _flat(values: Iterable[object]) -> list[float]:
    """Numbers out of nested tuples, timedeltas (in their unit) and times."""
    out: list[float] = []
    for value in values:
        if isinstance(value, tuple | list):
            out += _flat(value)
        elif isinstance(value, time):
            out += [value.hour, value.minute]
        else:
            out.append(float(value))  # type: ignore[arg-type]
    return out


def _minutes(delta: timedelta) -> float:
    return delta.total_seconds() / 60


def _hours(delta: timedelta) -> float:
    return delta.total_seconds() / 3600


def _days(delta: timedelta) -> float:
    return delta.total_seconds() / 86400


W = combine.WEIGHTS
H = hydration
PP = prompt_policy
CHECKS: list[tuple[str, list[object]]] = [
    # section 3: weights and curves
    (
        "| workload | 0.25 [J] | `r = A / C`; "
        "`PL(r; (1.0,0), (1.3,0.25), (1.5,0.6), (2.0,1))`",
        [W["workload"], factors.WORKLOAD_CURVE],
    ),
    (
        "| exertion | 0.30 [J] | `max(s_rel, s_dur)`; "
        "`s_rel = PL(q; (1.0,0), (1.5,0.5), (2.0,1))`",
        [W["exertion"], factors.RELATIVE_EXERTION_CURVE],
    ),
    (
        "`s_dur = PL(longest bout minutes; (60,0), (150,0.6))`",
        [factors.DURATION_CURVE],
    ),
    (
        "| heat | 0.15 [J] | `PL(AT; (24,0), (26,0.25), (28,0.45), (32,0.70), (39,1))`",
        [W["heat"], factors.HEAT_CURVE],
    ),
    (
        "| hydration | 0.15 [J] | `PL(P; (0.4,1), (0.6,0.6), (0.9,0))`",
        [W["hydration"], factors.HYDRATION_CURVE],
    ),
    ("| stretch | 0.05 [J] |", [W["stretch"]]),
    ("| timing | 0.10 [J] |", [W["timing"]]),
    # workload and exertion
    ("Needs at least 3 [J] non-missing", [load.MIN_DAYS]),
    ("Only the last 27 completed days", [load.WINDOW_DAYS]),
    ("among the last 6 completed days", [load.ACUTE_DAYS]),
    (
        "completed days -27..-7 if there are >= 7 [J]",
        [load.WINDOW_DAYS, load.ACUTE_DAYS + 1, load.CHRONIC_MIN_DAYS],
    ),
    (
        "`C = (n' * mean(all non-missing days) + (14 - n') * prior) / 14` "
        "with `n' = min(n, 14)` (14 [J])",
        [load.COLD_START_DAYS] * 4,
    ),
    (
        "floored at 3000 steps / 10 min / 150 kcal [J]",
        [load.CHRONIC_FLOOR[m] for m in ("steps", "intensity_minutes", "active_kcal")],
    ),
    (
        "Priors [J]: 7500 steps, 20 intensity-min, 400 active kcal",
        [load.CHRONIC_PRIOR[m] for m in ("steps", "intensity_minutes", "active_kcal")],
    ),
    (
        "P90 [J] of the non-missing completed days if n >= 7 [J]",
        [load.USUAL_PERCENTILE, load.USUAL_DAYS],
    ),
    (
        "`prior_active` [J]: 10000 steps, 30 intensity-min, 550 kcal",
        [load.ACTIVE_PRIOR[m] for m in ("steps", "intensity_minutes", "active_kcal")],
    ),
    # heat
    ("ended in the last 6 h [J]", [assess.RECENT_BOUT_H]),
    # hydration
    ("or in the first 2 h [J] after `wake`", [H.SETTLING_H]),
    (
        "`base_drinks = 0.8 * 32.5 mL/kg * body_mass` (32.5 mL/kg [J])",
        [H.DRINK_SHARE, H.ML_PER_KG, H.ML_PER_KG],
    ),
    (
        "`0.8 * 2000` (female), `0.8 * 2500` (male)",
        [
            H.DRINK_SHARE,
            H.EFSA_TOTAL_ML["female"],
            H.DRINK_SHARE,
            H.EFSA_TOTAL_ML["male"],
        ],
    ),
    ("`0.8 * 2250` (unknown", [H.DRINK_SHARE, H.EFSA_UNKNOWN_ML]),
    (
        "A body mass below 1 kg counts as unknown, a `water_target_ml` below 1 mL",
        [assess.MIN_BODY_MASS_KG, assess.MIN_TARGET_ML],
    ),
    ("`active_kcal * 1 mL` [J]", [H.ML_PER_KCAL]),
    (
        "`duration_h * (800 if vigorous else 500) mL` [J]",
        [H.VIGOROUS_ML_PER_H, H.MODERATE_ML_PER_H],
    ),
    (
        "Times 1.0 / 1.2 / 1.4 when that bout's AT (outdoor when given, else the room "
        "now) is < 25 / 25-30 / > 30 degC [J]",
        [
            1.0,
            H.WARM_MULTIPLIER,
            H.HOT_MULTIPLIER,
            H.WARM_FROM_C,
            H.WARM_FROM_C,
            H.HOT_ABOVE_C,
            H.HOT_ABOVE_C,
        ],
    ),
    (
        "`heat_extra = min(500, 100 * max(0, max_room_heat_index_c - 26))` mL [J]",
        [H.HEAT_EXTRA_CAP_ML, H.HEAT_EXTRA_ML_PER_C, 0, H.HEAT_EXTRA_FROM_C],
    ),
    (
        "`target = min(5000, base_drinks + exercise_extra + heat_extra)` (5000 mL [J])",
        [H.TARGET_CAP_ML, H.TARGET_CAP_ML],
    ),
    (
        "`E(x) = 1 - (1 - x)^1.3` [J]",
        [1, 1, H.FRONT_LOAD_EXPONENT],
    ),
    # stretch and timing
    (
        "in the last 2 h [J] before bed and during the sleep window, only a stretch in "
        "the last 3 h [J] counts",
        [factors.BEDTIME_H, factors.STRETCH_RECENT_H],
    ),
    (
        "a bout of >= 20 min [J] or it is within 2 h of bed or later, else 0.5 [J]",
        [factors.LONG_BOUT_MIN, factors.BEDTIME_H, 0.5],
    ),
    (
        "`PL(hours since the last bout ended; (1,1), (3,0))` [J]",
        [factors.POST_BOUT_CURVE],
    ),
    ("to `bed` (2 h [J])", [factors.BEDTIME_H]),
    # section 4
    ("`M = 1 + 0.4 * h` [J]", [1, combine.HISTORY_GAIN]),
    (
        "1.0 if a cramp was logged within 7 days; 0.5 within 8-30 days or "
        "`cramp_prone`; 0.25 within 31-90 days",
        [
            combine.HISTORY_TIERS[0][1],
            combine.HISTORY_TIERS[0][0],
            combine.HISTORY_TIERS[1][1],
            combine.HISTORY_TIERS[0][0] + 1,
            combine.HISTORY_TIERS[1][0],
            combine.HISTORY_TIERS[2][1],
            combine.HISTORY_TIERS[1][0] + 1,
            combine.HISTORY_TIERS[2][0],
        ],
    ),
    ("0.5 within 8-30 days or `cramp_prone`", [combine.PRONE_H, 8, 30]),
    (
        "`D = max(sum of available weights, 0.70)` (0.70 [J]",
        [combine.MIN_DENOMINATOR, combine.MIN_DENOMINATOR],
    ),
    (
        "Levels: low 0-24, moderate 25-49, high 50-74, very_high 75-100",
        [0, 24, 25, 49, 50, 74, 75, 100],
    ),
    (
        "workload `min(1, n/21)` (21: the chronic days); exertion "
        "`max(0.3, min(1, n/7))`; hydration 1 if any water was logged today else 0.3; "
        "heat 1 (room sensor); stretch 1 if `stretched_recently` else 0.5; timing 1.",
        [
            1,
            assess.WORKLOAD_FULL_DAYS,
            assess.WORKLOAD_FULL_DAYS,
            assess.EXERTION_MIN_QUALITY,
            1,
            assess.EXERTION_FULL_DAYS,
            1,
            assess.NO_WATER_QUALITY,
            1,
            1,
            assess.NO_STRETCH_QUALITY,
            1,
        ],
    ),
    (
        "Labels: >= 0.8 high, 0.5-0.79 medium, < 0.5 low [J]",
        [
            combine.CONFIDENCE_LEVELS[0][0],
            combine.CONFIDENCE_LEVELS[1][0],
            0.79,
            combine.CONFIDENCE_LEVELS[1][0],
        ],
    ),
    # section 6
    (
        "when P < 0.75, at most every 90 min and 4 times a day (all [J]; section 7)",
        [
            PP.HYDRATION_PACE_BELOW,
            _minutes(PP.HYDRATION_SPACING),
            PP.HYDRATION_DAILY_CAP,
            7,
        ],
    ),
    (
        "more than about 1 L per hour [J]",
        [1],
    ),
    # section 7
    (
        "| 100 steps, 0.5 intensity min, 5 active kcal [J] (a walking cadence) | "
        "`bouts.BOUT_RATE` |",
        [bouts.BOUT_RATE[m] for m in (STEPS, MINUTES, KCAL)],
    ),
    (
        "| 10 min / 2 min [J] | `MIN_BOUT_MINUTES` / `MAX_PAUSE_MINUTES` |",
        [bouts.MIN_BOUT_MINUTES, bouts.MAX_PAUSE_MINUTES],
    ),
    ("| 2 min ago [J] | `ONGOING_WITHIN_MINUTES` |", [bouts.ONGOING_WITHIN_MINUTES]),
    (
        "(800 instead of 500 mL/h of exercise water, section 3, when the kcal are not "
        "known): its mean per minute at or above | 140 steps, 1.5 intensity min, 10 "
        "active kcal [J]",
        [
            H.VIGOROUS_ML_PER_H,
            H.MODERATE_ML_PER_H,
            3,
            *(bouts.VIGOROUS_RATE[m] for m in (STEPS, MINUTES, KCAL)),
        ],
    ),
    (
        "| 20:30 / 2 h late / 3 h [J] | `DEFAULT_EVENING` / `LATE_WINDOW` / "
        "`EVENING_STRETCH_WINDOW` |",
        [
            PP.DEFAULT_EVENING,
            _hours(PP.LATE_WINDOW),
            _hours(PP.EVENING_STRETCH_WINDOW),
        ],
    ),
    ("| 28 days [J] | `NIGHT_PRONE_WINDOW` |", [_days(PP.NIGHT_PRONE_WINDOW)]),
    (
        "| 0.75 / 2 h / 90 min / 4 [J] | `HYDRATION_PACE_BELOW` / `SETTLING` / "
        "`HYDRATION_SPACING` / `HYDRATION_DAILY_CAP` |",
        [
            PP.HYDRATION_PACE_BELOW,
            _hours(PP.SETTLING),
            _minutes(PP.HYDRATION_SPACING),
            PP.HYDRATION_DAILY_CAP,
        ],
    ),
    (
        "| 60 min; 30 min at 25 degC [J] | `LONG_BOUT`; "
        "`SWEATY_BOUT` at `SWEATY_FROM_C` |",
        [_minutes(PP.LONG_BOUT), _minutes(PP.SWEATY_BOUT), PP.SWEATY_FROM_C],
    ),
    (
        "| high, very high / low / 4 h [J] | `HIGH_LEVELS` / `REARM_LEVELS` / "
        "`HIGH_RISK_SPACING` |",
        [_hours(PP.HIGH_RISK_SPACING)],
    ),
    ("| 30 min [J] | `QUIET_AFTER_SETUP` |", [_minutes(PP.QUIET_AFTER_SETUP)]),
    (
        "| 30 min / 12:00 / 4 h [J] | `CHECKIN_AFTER_WAKE` / `CHECKIN_UNTIL` / "
        "`CHECKIN_AT_LEAST` |",
        [
            _minutes(PP.CHECKIN_AFTER_WAKE),
            PP.CHECKIN_UNTIL,
            _hours(PP.CHECKIN_AT_LEAST),
        ],
    ),
    (
        "| 30 min / 1 h [J] | `prompts.SNOOZE_EVENING` / `SNOOZE_HYDRATION` |",
        [_minutes(prompts.SNOOZE_EVENING), _hours(prompts.SNOOZE_HYDRATION)],
    ),
    (
        "frequent cramps = at least ... cramps in 14 days, or ... night cramps in 7 "
        "days | 3 / 2 [J] |",
        [
            _days(PP.FREQUENT_WINDOW),
            _days(PP.NIGHT_WINDOW),
            PP.FREQUENT_COUNT,
            PP.NIGHT_COUNT,
        ],
    ),
    ("| 14 days [J] | `SEVERE_WINDOW` |", [_days(PP.SEVERE_WINDOW)]),
    (
        "| 0.95 x 1.5 / 1 h [J] | `freshness.PERCENTILE` x `MARGIN` / "
        "`MIN_USUAL_GAP` |",
        [freshness.PERCENTILE, freshness.MARGIN, _hours(freshness.MIN_USUAL_GAP)],
    ),
    (
        "| 12 h or 400 / 112 h or 400 [J] |",
        [
            _hours(freshness.LEARN_FIRST),
            freshness.KEEP_GAPS,
            _hours(freshness.KEEP),
            freshness.KEEP_GAPS,
        ],
    ),
    (
        "moves once the model's raw score is 0.75 points from it [J]",
        [snapshot.SCORE_HYSTERESIS],
    ),
    # section 8
    (
        "hazard window the 3 h (180 min) before a cramp; `r_i = (a_i + 0.05) / "
        "(b_i + 0.05)`; shrinkage by 10 pseudo-events; multipliers within 0.5-2.0, "
        "rounded to 2 decimals; active and ready from 5 events and 14 tracked days; "
        "a tracked day has >= 12 hourly samples",
        [
            personal.HAZARD_US / 3_600_000_000,
            personal.HAZARD_US / 60_000_000,
            personal.OFFSET,
            personal.OFFSET,
            personal.PSEUDO_EVENTS,
            personal.MULTIPLIER_MIN,
            personal.MULTIPLIER_MAX,
            personal.DECIMALS,
            personal.MIN_EVENTS,
            personal.MIN_TRACKED_DAYS,
            samples.TRACKED_DAY_SAMPLES,
        ],
    ),
    (
        "water in 50 mL steps, at most 500 mL (the 1 L per hour of section 6), a room "
        "2 degC cooler, kept when they lower the score by at least 1 point",
        [levers.WATER_STEP_ML, levers.WATER_MAX_ML, 1, 6, levers.COOLER_C, 1],
    ),
]


@pytest.mark.parametrize(("passage", "values"), CHECKS, ids=lambda v: str(v)[:40])
def test_the_document_states_the_codes_numbers(
    passage: str, values: list[object]
) -> None:
    """The passage is in docs/risk-model.md and its numbers are the code's."""
    assert " ".join(passage.split()) in FOLDED, passage
    stated = [float(n) for n in NUMBER.findall(passage.replace("...", ""))]
    assert stated == pytest.approx(_flat(values)), passage


def _items(block: str) -> list[str]:
    """A section's items: each bullet (with its continuation lines), table row or
    paragraph."""
    items: list[str] = []
    for line in block.splitlines():
        starts = line.startswith(("- ", "| ", "**", "#")) or not items
        if not line.strip():
            items.append("")
        elif starts or not items[-1]:
            items.append(line)
        else:
            items[-1] += " " + line.strip()
    return [item for item in items if item]


def test_every_model_number_is_cited_or_a_judgement() -> None:
    """In sections 3, 4, 7 and 8 every item (bullet, table row, paragraph) with a
    number carries [J] or a source, or is a definition without a parameter of its
    own (a formula's structure)."""
    sources = (
        "[J]",
        "EFSA",
        "NWS",
        "Gabbett",
        "TM59",
        "Garber",
        "Hallegraeff",
        "Sawka",
        "Schwellnus",
        "Miller",
        "Maclure",
    )
    body = DOC.split("## 3. Sub-scores")[1].split("## 5. Worked vectors")[0]
    policy = DOC.split("## 7. Prompt policy")[1].split("## Evidence")[0]
    # Headings, and the formulas' structure (a 0, 100 points, the scale's ends).
    structural = re.compile(
        r"^#|^ \(each|^\|---|^- Without `load_today`|^- `raw = |^- `contribution_i = |"
        r"^Invariants"
    )
    unmarked = [
        item
        for block in (body, policy)
        for item in _items(block)
        if NUMBER.search(item)
        and not any(source in item for source in sources)
        and not structural.search(item)
    ]
    assert not unmarked, "\n".join(unmarked)
