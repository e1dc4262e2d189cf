"""What the prompts say (risk-model.md section 6). Pure: no Home Assistant imports.

Worded as general information: the score compares today with situations linked to
cramps; nothing here is a diagnosis.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .const import MainActivity
from .risk import Assessment, Lever

# The words are in texts/<language>.json (texts.py loads them); here, which stretches
# suit which activity and how the lines are put together.
STRETCHES: dict[MainActivity, tuple[str, ...]] = {
    MainActivity.RUNNING: ("calf", "hamstring", "quadriceps"),
    MainActivity.CYCLING: ("quadriceps", "hip_flexor", "hamstring"),
    MainActivity.SWIMMING: ("calf", "feet", "hamstring"),
    MainActivity.TEAM: ("calf", "hamstring", "adductors"),
    MainActivity.STRENGTH: ("quadriceps", "hamstring", "glutes"),
    MainActivity.OTHER: ("calf", "hamstring"),
}
MAX_PER_HOUR_ML = 1000.0  # never suggest more than about 1 L an hour
Texts = Mapping[str, Any]
FAHRENHEIT = "°F"
# What each prompt offers of the levers (personal.md section 5): the model's own
# arithmetic, "would bring it to", never a promise.
EVENING_LEVERS = ("stretch", "cooler")
HYDRATION_LEVERS = ("water",)


@dataclass(frozen=True, slots=True)
class Message:
    """A notification's title and text."""

    title: str
    message: str


def _risk_line(t: Texts, assessment: Assessment) -> str:
    level = t["level"][assessment.level]
    if not assessment.top_factors:
        return str(t["risk"]).format(score=assessment.score, level=level)
    factor = t["factor"][assessment.top_factors[0]]
    return str(t["risk_because"]).format(
        score=assessment.score, level=level, factor=factor
    )


def _lever_lines(
    t: Texts, levers: Sequence[Lever], keys: Collection[str], temp_unit: str
) -> list[str]:
    """What the levers of `keys` would bring the index to, one line each."""
    lines = []
    for lever in levers:
        if lever.key not in keys:
            continue
        amount, unit = lever.amount or 0.0, temp_unit
        if lever.key == "cooler" and temp_unit == FAHRENHEIT:
            amount *= 1.8  # a difference of degrees, not a temperature
        text = f"{amount:.1f}".removesuffix(".0").replace(".", t["decimal_separator"])
        lines.append(
            str(t["lever"][lever.key]).format(amount=text, unit=unit, score=lever.score)
        )
    return lines


def evening(
    t: Texts,
    name: str,
    activity: MainActivity,
    assessment: Assessment,
    night_prone: bool,
    levers: Sequence[Lever] = (),
    temp_unit: str = "°C",
) -> Message:
    """The evening stretch reminder: 2-3 stretches with hold times, risk, top factor,
    and what stretching (or a cooler room) would bring the index to.

    The stretches suit the main activity; after recent night cramps the bedtime
    routine is added.
    """
    lines = [
        _risk_line(t, assessment),
        *_lever_lines(t, levers, EVENING_LEVERS, temp_unit),
        *(f"- {t['stretch'][s]}" for s in STRETCHES[activity]),
        "",  # ends the list (Markdown would run the next line into the last item)
        t["dose"],
    ]
    if night_prone:
        lines.append(t["bedtime"])
    lines.append(t["not_medical_advice"])
    return Message(str(t["evening_title"]).format(name=name), "\n".join(lines))


def _litres(t: Texts, ml: float) -> str:
    return f"{ml / 1000:.1f}".replace(".", t["decimal_separator"])


def hydration(
    t: Texts,
    name: str,
    assessment: Assessment,
    water_ml: float,
    salt: bool,
    levers: Sequence[Lever] = (),
) -> Message:
    """A glass of water: today's numbers against the target and the pace, and what
    drinking would bring the index to.

    The catch-up suggested is what is missing by now, at most about 1 L for the hour.
    """
    target = assessment.water_target_ml or 0.0
    pace = round(100 * (assessment.hydration_pace or 0.0))
    missing = max(0.0, (assessment.water_expected_ml or 0.0) - water_ml)
    catch_up = max(100.0, min(missing, MAX_PER_HOUR_ML))
    lines = [
        str(t["hydration_so_far"]).format(
            water=_litres(t, water_ml), target=_litres(t, target), pace=pace
        ),
        str(t["hydration_catch_up"]).format(catch_up=_litres(t, catch_up)),
        *_lever_lines(t, levers, HYDRATION_LEVERS, ""),
    ]
    if salt:
        lines.append(t["salt"])
    lines.append(t["not_medical_advice"])
    return Message(str(t["hydration_title"]).format(name=name), "\n".join(lines))


def checkin(t: Texts, name: str) -> Message:
    """The morning check-in: any cramps last night? (answered with its buttons on a
    phone, else on the card)."""
    return Message(str(t["checkin_title"]).format(name=name), str(t["checkin"]))


def high_risk(t: Texts, name: str, assessment: Assessment) -> Message:
    """The cramp risk rose to high or very high."""
    lines = [
        _risk_line(t, assessment),
        t["high_risk_advice"],
        t["during_a_cramp"],
        t["not_medical_advice"],
    ]
    title = str(t["high_risk_title"]).format(
        name=name, level=t["level"][assessment.level]
    )
    return Message(title, "\n".join(lines))
