"""Words that mean what the model means, the same way throughout a language.

- No word says more than the model knows: a salty drink "can help replace salt lost in
  sweat" (not "helps"), earlier cramps are "among the most consistent" personal factors
  (not "the strongest": the multiplier is a judgment call), the stretch dose's age is
  the model's 60 (cramp-prone: age 60 or over), not 65.
- One word for one thing inside a language: confidence, logging, the room.
- French typography: a narrow no-break space (U+202F) before : ; ? !
"""

from __future__ import annotations

from collections.abc import Iterator
import json
from pathlib import Path
import re
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMPONENT = ROOT / "custom_components" / "cramp_guard"
CARD = ROOT / "frontend" / "src" / "translations"
LANGUAGES = ("en", "de", "fr", "es", "nl", "he")
NNBSP = "\u202f"


def _leaves(data: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, f"{where}.{key}")
    else:
        yield where, str(data)


def _texts(language: str) -> dict[str, str]:
    """Every text of `language`: translations, the prompts' words and the card's."""
    found: dict[str, str] = {}
    for path in (
        COMPONENT / "translations" / f"{language}.json",
        COMPONENT / "texts" / f"{language}.json",
        CARD / f"{language}.json",
    ):
        data = json.loads(path.read_text(encoding="utf-8"))
        found.update(_leaves(data, path.relative_to(ROOT).as_posix()))
    return found


# Words that overclaim, per language: what the model does not support.
OVERCLAIMS: dict[str, tuple[str, ...]] = {
    "en": (r"electrolyte drink helps", r"strongest", r"over 65"),
    "de": (r"helfen salzige", r"stärkste", r"über 65"),
    "fr": (r"électrolytique aide", r"plus fort", r"plus de 65"),
    "es": (r"ayuda tomar algo salado", r"más fuerte", r"más de 65"),
    "nl": (r"helpt zoute", r"sterkste", r"ouder bent dan 65"),
    "he": (r"אלקטרוליטים עוזרים", r"החזק ביותר", r"65", r"מכפילות", r"קפיצות"),
}
# One word for one thing: the words that were the second name.
SECOND_NAMES: dict[str, tuple[str, ...]] = {
    "en": (),
    "de": (),
    "fr": (r"fiabilité", r"\bnot(?:er|ez|é|ée)\b"),
    "es": (r"fiabilidad", r"\bestancias?\b"),
    "nl": (),
    "he": (r"מהימנות",),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_says_more_than_the_model(language: str) -> None:
    """The salt line, the personal factor and the age, as the model has them."""
    found = [
        (where, pattern)
        for where, text in _texts(language).items()
        for pattern in OVERCLAIMS[language]
        if re.search(pattern, text, flags=re.IGNORECASE)
    ]
    assert not found


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_word_for_one_thing(language: str) -> None:
    """Confidence, Log and the room have one name each inside a language."""
    found = [
        (where, pattern)
        for where, text in _texts(language).items()
        for pattern in SECOND_NAMES[language]
        if re.search(pattern, text, flags=re.IGNORECASE)
    ]
    assert not found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_dose_holds_longer_from_60(language: str) -> None:
    """The model's age (cramp-prone: 60 or over), in the stretch dose too."""
    texts = json.loads((COMPONENT / "texts" / f"{language}.json").read_text("utf-8"))
    assert "60" in texts["dose"].replace("30-60", "").replace("30–60", "")


def test_the_salt_line_says_what_the_evidence_does() -> None:
    """A salty drink can help replace salt lost in sweat: no more."""
    texts = json.loads((COMPONENT / "texts" / "en.json").read_text("utf-8"))
    assert "can help replace salt lost in sweat" in texts["salt"]


def test_french_punctuation_has_a_narrow_no_break_space() -> None:
    """Before : ; ? ! a narrow no-break space, never a plain space or none."""
    bad = [
        (where, text)
        for where, text in _texts("fr").items()
        if re.search(r"(?:[ \u00a0]|[^\s\u202f\u00a0])[;?!]|[ \u00a0]:|\w:\s", text)
    ]
    assert not bad
    assert any(f"{NNBSP}:" in text for text in _texts("fr").values())
