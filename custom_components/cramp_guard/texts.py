"""The prompts' words in Home Assistant's language: texts/<language>.json.

A language without a file (or a key missing in one) falls back to English; a
regional variant ("de-CH") uses its language ("de") when it has no file of its own.
The files never change while Home Assistant runs, so each is read once.
"""

from __future__ import annotations

from collections.abc import Mapping
import json
from pathlib import Path
from typing import Any, Final

from homeassistant.core import HomeAssistant

TEXTS_DIR: Final = Path(__file__).parent / "texts"
FALLBACK: Final = "en"
_LOADED: dict[str, Mapping[str, Any]] = {}


def _merged(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """`base` with what `over` has, mapping by mapping."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), Mapping):
            merged[key] = _merged(base[key], value)
        elif key in base:
            merged[key] = value
    return merged


def _read(language: str) -> dict[str, Any] | None:
    path = TEXTS_DIR / f"{language}.json"
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def load_texts(language: str) -> Mapping[str, Any]:
    """The words for `language` (blocking: reads files)."""
    english = _read(FALLBACK) or {}
    for candidate in (language, language.split("-")[0]):
        if (own := _read(candidate)) is not None:
            return _merged(english, own)
    return english


async def async_get_texts(
    hass: HomeAssistant, language: str | None = None
) -> Mapping[str, Any]:
    """The words in `language`, by default Home Assistant's configured language."""
    language = language or hass.config.language
    if (texts := _LOADED.get(language)) is None:
        texts = _LOADED[language] = await hass.async_add_executor_job(
            load_texts, language
        )
    return texts


def format_number(t: Mapping[str, Any], value: float) -> str:
    """A number in the words' language: thousands grouped, one decimal if it has any."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    marks = {",": t["thousands_separator"], ".": t["decimal_separator"]}
    return "".join(marks.get(char, char) for char in text)
