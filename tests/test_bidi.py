"""Hebrew in the order a reader expects: the texts through the bidi algorithm.

Every notification (each kind of prompt, with realistic numbers, amounts in mL and L,
"3 x 10", Latin person names) and the card's main strings are rendered in Hebrew and
laid out with the Unicode bidirectional algorithm (python-bidi, as a phone or browser
lays out a line). Then:

- each line of a notification is a right-to-left paragraph: its first strong
  character is Hebrew (or U+200F, RLM), so a Latin name first ("Dana: ...") does not
  turn the title left to right;
- every unit that reads left to right - a number with its Latin unit or "%", a range
  ("15-30"), "+1", "3 x 10", a Latin name - shows whole, and they come in the order
  of the text when read from the right: "55 %" must not show as "% 55", "2.0 L" not
  as "L, 55 2.0", "3 x 10" not as "x 10 3".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
import json
from pathlib import Path
import re
from typing import Any
import unicodedata

from bidi import get_display
import pytest

from custom_components.cramp_guard import messages
from custom_components.cramp_guard.const import MainActivity
from custom_components.cramp_guard.risk import Assessment, Lever
from custom_components.cramp_guard.texts import load_texts

ROOT = Path(__file__).resolve().parents[1]
COMPONENT = ROOT / "custom_components" / "cramp_guard"
CARD = ROOT / "frontend" / "src" / "translations"
HE = load_texts("he")

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"
# Directional marks and isolates: they steer the layout and are not seen.
CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What reads left to right as one unit inside Hebrew: a number (a range, a sign, a
# decimal or thousands mark) with a Latin unit or "%" after it, "3 x 10", or a Latin
# word or name (with dots and underscores, as in an entity ID; "Pixel 8 Steps").
NUMBER = r"[+]?\d(?:[\d.,]*\d)?(?:[-–]\d(?:[\d.,]*\d)?)?"
LATIN = r"[A-Za-z0-9_]"  # not \w: that is Hebrew too
ATOM = re.compile(
    rf"{NUMBER}(?:\s?[x×]\s?{NUMBER})?"
    rf"(?:\s?(?:%|°[CF]|[A-Za-z]+(?:\. ?[A-Za-z]+\.)?)(?!{LATIN}))?"
    rf"|[A-Za-z](?:[A-Za-z0-9_.]*{LATIN})?(?: {LATIN}(?:[A-Za-z0-9_.]*{LATIN})?)*"
)
NAMES = ("Dana", "Alex Smith")


def atoms(text: str) -> list[str]:
    """The left-to-right units of `text`, in the order they are found."""
    return ATOM.findall(CONTROLS.sub("", text))


def shown(line: str) -> str:
    """`line` as a right-to-left paragraph lays it out, left to right on the screen."""
    return CONTROLS.sub("", get_display(line, base_dir="R"))


def first_strong(line: str) -> str | None:
    """The direction of `line`'s first strong character outside isolates ("L" or
    "R"), which decides the paragraph's direction where nothing else does."""
    depth = 0
    for char in line:
        if char in (LRI, FSI, "\u2067"):
            depth += 1
        elif char == PDI:
            depth = max(0, depth - 1)
        elif not depth:
            kind = unicodedata.bidirectional(char)
            if kind in ("R", "AL"):
                return "R"
            if kind == "L":
                return "L"
    return None


def assert_reads_in_order(line: str) -> None:
    """Each left-to-right unit of `line` shows whole, in the text's order from the
    right."""
    screen = shown(line)
    assert list(reversed(atoms(screen))) == atoms(line), f"{line!r} shows as {screen!r}"


def assert_right_to_left(line: str) -> None:
    """`line` is laid out right to left wherever it is shown (a phone's notification
    takes the direction from the first strong character)."""
    if first_strong(line) is not None:
        assert first_strong(line) == "R", f"{line!r} would run left to right"
        assert get_display(line) == get_display(line, base_dir="R")


def _assessment(**changes: object) -> Assessment:
    base: dict[str, object] = {
        "score": 55,
        "raw": 0.55,
        "level": "high",
        "multiplier": 1.2,
        "confidence": 0.8,
        "confidence_level": "high",
        "factors": {},
        "top_factors": ("hydration", "heat"),
        "water_target_ml": 2000.0,
        "water_expected_ml": 1800.0,
        "hydration_pace": 0.55,
    }
    return Assessment(**(base | changes))  # type: ignore[arg-type]


LEVERS = (
    Lever("water", 400.0, 48, 7),
    Lever("stretch", None, 51, 4),
    Lever("cooler", 2.5, 52, 3),
)


def notifications(t: Mapping[str, Any]) -> Iterator[messages.Message]:
    """Every kind of prompt, with each of its variants."""
    for name in NAMES:
        for top in (("hydration",), ("timing",), ()):
            assessment = _assessment(top_factors=top)
            for activity in MainActivity:
                for night_prone in (False, True):
                    for unit in ("°C", "°F"):
                        yield messages.evening(
                            t, name, activity, assessment, night_prone, LEVERS, unit
                        )
            for water in (0.0, 1100.0, 1950.0):
                for salt in (False, True):
                    yield messages.hydration(t, name, assessment, water, salt, LEVERS)
            yield messages.high_risk(t, name, _assessment(level="very_high", score=81))
        yield messages.checkin(t, name)


# Realistic values for the placeholders of the texts that are sent as they are.
PLACEHOLDERS = {
    "name": "Dana",
    "score": "55",
    "level": HE["level"]["high"],
    "factor": HE["factor"]["heat"],
    "water": "1.1",
    "target": "2.0",
    "pace": "55",
    "catch_up": "0.5",
    "amount": "400",
    "unit": "°C",
    "entity": "Pixel 8 Steps",
    "value": "4,044 steps",
}


def _leaves(data: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, f"{prefix}{key}.")
    else:
        yield prefix.rstrip("."), str(data)


def test_every_hebrew_notification_reads_in_order() -> None:
    """Each line of every prompt: right to left, its numbers and units in order."""
    count = 0
    for message in notifications(HE):
        for line in (message.title, *message.message.splitlines()):
            assert_right_to_left(line)
            assert_reads_in_order(line)
            count += 1
    assert count > 1000


@pytest.mark.parametrize(
    ("key", "text"),
    [
        (key, text)
        for key, text in _leaves(HE)
        if key not in ("decimal_separator", "thousands_separator")
    ],
)
def test_every_hebrew_text_reads_in_order(key: str, text: str) -> None:
    """Every text of texts/he.json, with realistic values in its placeholders."""
    line = text.format(**PLACEHOLDERS)
    assert_right_to_left(line)
    assert_reads_in_order(line)


def _card() -> dict[str, str]:
    data: dict[str, str] = json.loads((CARD / "he.json").read_text(encoding="utf-8"))
    return data


# The card's values, as it formats them (render-*.ts); the keys it shows through
# `isolated` get each value in a <bdi> (an isolate, FSI ... PDI) like the card does.
CARD_VALUES = {
    "score": "55",
    "level": "גבוה",
    "n": "55",
    "ml": "250",
    "today": "1,250",
    "target": "2,400",
    "expected": "1,600",
    "degrees": "2.5 מעלות",
    "confidence": "בינונית",
    "hint": "היסטוריית פעילות: 1 מתוך 3 ימים",
    "known": "1",
    "needed": "3",
    "list": "טמפרטורת החדר",
    "matched": "6",
    "high_events": "4",
    "share": "22%",
    "needed_events": "5",
    "tracked_days": "9",
    "needed_days": "14",
    "m": "1.3",
    "factor": "חום",
    "events": "6",
    "source": "צעדים",
    "ago": "לפני 3 שעות",  # Intl.RelativeTimeFormat("he"), as the card writes it
}
ISOLATED = {
    "stale",
    "lever.stretch",
    "lever.water",
    "lever.water_glass",
    "lever.cooler",
    "matched.finding",
    "matched.finding_one",
    "matched.learning",
    "personal.calibrating",
    "personal.weight",
}


def _card_line(key: str, text: str) -> str:
    def value(match: re.Match[str]) -> str:
        shown_value = CARD_VALUES[match.group(1)]
        return f"{FSI}{shown_value}{PDI}" if key in ISOLATED else shown_value

    return re.sub(r"\{(\w+)\}", value, text)


@pytest.mark.parametrize(("key", "text"), sorted(_card().items()))
def test_the_cards_hebrew_reads_in_order(key: str, text: str) -> None:
    """The card's strings (its container is right to left): numbers and units in
    order, "+1" whole."""
    assert_reads_in_order(_card_line(key, text))


def test_hebrew_writes_millilitres_in_hebrew() -> None:
    """מ״ל and ליטר for amounts, in the card, the prompts, the forms, the actions and
    the errors alike; a Latin unit only as a code to type, in an isolate."""
    amount_in_latin = re.compile(r"(?:\d|\})\s?m?L\b")
    texts = {
        "translations": (COMPONENT / "translations" / "he.json").read_text("utf-8"),
        "texts": (COMPONENT / "texts" / "he.json").read_text("utf-8"),
        "card": (CARD / "he.json").read_text("utf-8"),
    }
    for where, text in texts.items():
        assert not amount_in_latin.findall(text), where
        assert "מ״ל" in text or where == "texts", where


@pytest.mark.parametrize(
    ("line", "reads"),
    [
        ("עד כה 1.1 מתוך 2.0 L, 55 % מהקצב של היום.", False),
        ("שוק וירך אחורית, 3 x 10 שניות לכל רגל.", False),
        ("Dana: הגיע הזמן להתמתח", False),
        ("+1 כוס", False),
        ("עד כה 1.1 מתוך 2.0 ליטר, 55% מהקצב של היום.", True),
        (f"שוק וירך אחורית, {LRI}3 x 10{PDI} שניות לכל רגל.", True),
        ("\u200fDana: הגיע הזמן להתמתח", True),
        (f"{LRI}+1{PDI} כוס", True),
    ],
)
def test_the_checks_catch_what_they_are_for(line: str, reads: bool) -> None:
    """The issue's own examples fail the checks; the repaired lines pass."""
    try:
        assert_right_to_left(line)
        assert_reads_in_order(line)
    except AssertionError:
        assert not reads
    else:
        assert reads
