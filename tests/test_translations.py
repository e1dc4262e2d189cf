"""Every language has exactly the keys English has, with the same placeholders.

Two sets of files: `translations/<language>.json` (what Home Assistant shows: the
config and options flows, entities and their states, actions, exceptions, issues)
and `texts/<language>.json` (the notifications' words, see texts.py). English is
`strings.json` (with `translations/en.json` its copy) and `texts/en.json`.
"""

from __future__ import annotations

import json
from pathlib import Path
import re
import string
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMPONENT = ROOT / "custom_components" / "cramp_guard"
LANGUAGES = ["de", "es", "fr", "he", "nl"]
# Home Assistant's references to its own strings, e.g. [%key:common::config_flow::...%]
REFERENCE = re.compile(r"\[%key:[^%]+%\]")


def _flat(data: Any, prefix: str = "") -> dict[str, str]:
    """Every string of a nested mapping, by its dotted path."""
    if isinstance(data, dict):
        flat: dict[str, str] = {}
        for key, value in data.items():
            flat |= _flat(value, f"{prefix}{key}.")
        return flat
    return {prefix.rstrip("."): str(data)}


def _placeholders(text: str) -> set[str]:
    """The `{name}` placeholders of a text."""
    return {
        name
        for _, name, _, _ in string.Formatter().parse(REFERENCE.sub("", text))
        if name
    }


def _load(path: Path) -> dict[str, str]:
    return _flat(json.loads(path.read_text(encoding="utf-8")))


ENGLISH = {
    "translations": _load(COMPONENT / "strings.json"),
    "texts": _load(COMPONENT / "texts" / "en.json"),
}


@pytest.mark.parametrize("kind", sorted(ENGLISH))
@pytest.mark.parametrize("language", LANGUAGES)
def test_same_keys_and_placeholders_as_english(kind: str, language: str) -> None:
    """No key missing or extra; each text has English's placeholders, translated."""
    english = ENGLISH[kind]
    other = _load(COMPONENT / kind / f"{language}.json")
    assert sorted(set(english) - set(other)) == [], "missing"
    assert sorted(set(other) - set(english)) == [], "extra"
    for key, text in english.items():
        assert _placeholders(other[key]) == _placeholders(text), key
        # A separator may be a (narrow no-break) space, as French groups thousands.
        assert other[key].strip() or key.endswith("_separator"), key
    untranslated = [
        key
        for key, text in english.items()
        if other[key] == text and len(_placeholders(text)) < len(text.split()) - 1
    ]
    # Names and units may stay as they are; whole sentences may not.
    assert len(untranslated) <= len(english) // 20, untranslated


def test_every_language_is_tested() -> None:
    """A new file gets tested: the languages here are the files there."""
    for kind in ENGLISH:
        files = {p.stem for p in (COMPONENT / kind).glob("*.json")} - {"en"}
        assert sorted(files) == LANGUAGES, kind


def test_right_to_left_hebrew_is_hebrew() -> None:
    """Hebrew texts are in Hebrew script (the frontend lays them out right to left)."""
    hebrew = _load(COMPONENT / "translations" / "he.json")
    title = hebrew["config.step.user.title"]
    assert any("\u0590" <= char <= "\u05ff" for char in title), title


@pytest.mark.parametrize("language", ["en", *LANGUAGES])
def test_the_see_a_professional_advice_is_one_sentence_everywhere(
    language: str,
) -> None:
    """The advice when to see a health professional reads the same wherever it is
    shown: `texts` (get_assessment's `advice`) is the one source; the card shows it
    word for word, and both repair texts (frequent cramps, a severe cramp) carry it
    whole. The English one is in the README and docs/risk-model.md too."""
    advice = _load(COMPONENT / "texts" / f"{language}.json")["see_professional"]
    card = _load(ROOT / "frontend" / "src" / "translations" / f"{language}.json")
    assert card["see_professional"] == advice
    issues = _load(COMPONENT / "translations" / f"{language}.json")
    for key in ("frequent_cramps", "severe_cramp"):
        assert advice in issues[f"issues.{key}.description"], key
    if language == "en":
        lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
        readme = " ".join(" ".join(line.removeprefix(">").split()) for line in lines)
        assert advice in readme  # the block quote at the top
        model = (ROOT / "docs" / "risk-model.md").read_text(encoding="utf-8")
        assert f'"{advice}"' in " ".join(model.split())  # section 6
