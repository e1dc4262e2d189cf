"""What the prompts say (risk-model.md section 6). Pure: no Home Assistant imports.

Worded as general information: the score compares today with situations linked to
cramps; nothing here is a diagnosis.
"""

from __future__ import annotations

from dataclasses import dataclass

from .const import MainActivity
from .risk import Assessment

CALF = "Calf: lunge forward, back knee straight and heel down; then bend the back knee"
HAMSTRING = "Hamstring: sit with one leg straight, the other bent inward, reach forward"
QUAD = "Quadriceps: stand, pull one heel towards your glutes"
HIP_FLEXOR = "Hip flexor: half-kneel and push the hips gently forward"
FEET = "Feet: sit, pull your toes back towards the shin"
ADDUCTOR = "Adductors: wide stance, shift your weight to one side"
GLUTES = "Glutes: lying down, pull one knee across the body"
STRETCHES: dict[MainActivity, tuple[str, ...]] = {
    MainActivity.RUNNING: (CALF, HAMSTRING, QUAD),
    MainActivity.CYCLING: (QUAD, HIP_FLEXOR, HAMSTRING),
    MainActivity.SWIMMING: (CALF, FEET, HAMSTRING),
    MainActivity.TEAM: (CALF, HAMSTRING, ADDUCTOR),
    MainActivity.STRENGTH: (QUAD, HAMSTRING, GLUTES),
    MainActivity.OTHER: (CALF, HAMSTRING),
}
DOSE = (
    "Hold each 15-30 s (30-60 s if you are over 65), 2-4 times, to mild tension: "
    "never to pain, no bouncing."
)
BEDTIME = "Before bed (for night cramps): calf and hamstring, 3 x 10 s per leg."
DURING_A_CRAMP = (
    "During a cramp: stop, stretch the muscle gently and hold until it eases, "
    "then massage it."
)
SALT = "After a long or sweaty workout, salty food or an electrolyte drink helps."
MAX_PER_HOUR_ML = 1000.0  # never suggest more than about 1 L an hour
FACTOR_NAMES = {
    "workload": "a busier week than usual",
    "exertion": "a harder day than usual",
    "heat": "the heat",
    "hydration": "being behind on drinks today",
    "stretch": "no recent stretching",
    "timing": "the time of day",
}
LEVEL_NAMES = {
    "low": "low",
    "moderate": "moderate",
    "high": "high",
    "very_high": "very high",
}


@dataclass(frozen=True, slots=True)
class Message:
    """A notification's title and text."""

    title: str
    message: str


def _risk_line(assessment: Assessment) -> str:
    level = LEVEL_NAMES[assessment.level]
    line = f"Today's cramp risk is {assessment.score} % ({level})"
    if assessment.top_factors:
        line += f", mostly {FACTOR_NAMES[assessment.top_factors[0]]}"
    return line + "."


def evening(
    name: str, activity: MainActivity, assessment: Assessment, night_prone: bool
) -> Message:
    """The evening stretch reminder: 2-3 stretches with hold times, risk, top factor.

    The stretches suit the main activity; after recent night cramps the bedtime
    routine is added.
    """
    lines = [_risk_line(assessment), *(f"- {s}" for s in STRETCHES[activity]), DOSE]
    if night_prone:
        lines.append(BEDTIME)
    return Message(f"{name}: time to stretch", "\n".join(lines))


def _litres(ml: float) -> str:
    return f"{ml / 1000:.1f}"


def hydration(
    name: str, assessment: Assessment, water_ml: float, salt: bool
) -> Message:
    """A glass of water: today's numbers against the target and the pace.

    The catch-up suggested is what is missing by now, at most about 1 L for the hour.
    """
    target = assessment.water_target_ml or 0.0
    pace = round(100 * (assessment.hydration_pace or 0.0))
    missing = max(0.0, (assessment.water_expected_ml or 0.0) - water_ml)
    catch_up = max(100.0, min(missing, MAX_PER_HOUR_ML))
    lines = [
        f"{_litres(water_ml)} of {_litres(target)} L so far, {pace} % of today's pace.",
        f"About {_litres(catch_up)} L over the next hour gets you back on track; "
        "no more than about 1 L an hour.",
    ]
    if salt:
        lines.append(SALT)
    return Message(f"{name}: time for a glass of water", "\n".join(lines))


def high_risk(name: str, assessment: Assessment) -> Message:
    """The cramp risk rose to high or very high."""
    lines = [
        _risk_line(assessment),
        "Stretch after exercise and before bed, and keep drinking.",
        DURING_A_CRAMP,
        "General information, not medical advice.",
    ]
    return Message(
        f"{name}: cramp risk {LEVEL_NAMES[assessment.level]}", "\n".join(lines)
    )
