"""No text promises what the model cannot: it compares today with situations linked to
cramps, so nothing may say that it prevents or predicts a cramp, that one will come,
or guarantee anything - in any language, anywhere the person reads it.

The words are kept here, per language (with English everywhere: a term copied from
English would slip through otherwise). The disclaimers that say the opposite
("nobody can predict a cramp") are the only allowed uses, and are listed too.
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
BLUEPRINTS = ROOT / "blueprints" / "automation" / "cramp_guard"
LANGUAGES = ("en", "de", "fr", "es", "nl", "he")

# The words of a promise: prevention, prediction, certainty, a cramp foretold, a cure.
PROMISES: dict[str, tuple[str, ...]] = {
    "en": (
        r"\bprevent",
        r"\bpredict",
        r"\bforecast",
        r"\bguarantee",
        r"\bwill (?:get |have )?(?:a )?cramp",
        r"\bcures?\b",
        r"\bprotects? (?:you|against)",
        r"\bavoids? (?:\w+ )?cramps",
        r"\bno more cramps",
    ),
    "de": (
        r"verhinder",
        r"vorbeug",
        r"vorhersag",
        r"voraussag",
        r"prognos",
        r"garantie",
        r"wirst (?:\w+ )*?(?:einen )?krampf bekommen",
        r"heil(?:t|en) ",
        r"schützt (?:dich|sie) vor",
    ),
    "fr": (
        r"préven",
        r"prévien",
        r"prédi",
        r"prévision",
        r"garanti",
        r"aurez une crampe",
        r"évite(?:r|z)? (?:les |des )?crampes",
        r"guéri",
        r"protège (?:contre|des)",
    ),
    "es": (
        r"preven",
        r"previen",
        r"predec",
        r"predic",
        r"pronóstic",
        r"garantiz",
        r"tendrás (?:un )?calambre",
        r"evita(?:r)? (?:los )?calambres",
        r"\bcura\b",
    ),
    "nl": (
        r"\bkramp(?:en)? (?:te )?voorkomen",
        r"\bvoorkomt (?:dat|kramp)",
        r"\bvoorkomen dat",
        r"voorspel",
        r"preventie",
        r"garande",
        r"krijg je (?:een )?kramp",
        r"geneest",
    ),
    "he": (
        r"למנוע",
        r"מונע",
        r"מניעת",
        r"מניעה",
        r"לחזות",
        r"חוזה",
        r"תחזית",
        r"מבטיח",
        r"הבטחה",
        r"תהיה לך התכווצות",
        r"מרפא",
    ),
}
# What says the opposite, and so may use the word.
DISCLAIMERS: dict[str, tuple[str, ...]] = {
    "en": ("nobody can predict a cramp",),
    "de": ("Niemand kann einen Krampf vorhersagen",),
    "fr": ("personne ne peut prédire une crampe",),
    "es": ("nadie puede predecir un calambre",),
    "nl": ("niemand kan een kramp voorspellen",),
    "he": ("אף אחד לא יכול לחזות התכווצות",),
}


def _strings(data: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{where}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, f"{where}[{index}]")
    elif isinstance(data, str):
        yield where, data


def _texts(language: str) -> Iterator[tuple[str, str]]:
    """Every text of `language`: the translations, the prompts, the card, and (in
    English) strings.json, the action descriptions and the blueprints."""
    files = [
        COMPONENT / "translations" / f"{language}.json",
        COMPONENT / "texts" / f"{language}.json",
        CARD / f"{language}.json",
    ]
    if language == "en":
        files.append(COMPONENT / "strings.json")
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        yield from _strings(data, str(path.relative_to(ROOT)))
    if language == "en":
        yaml_files = [COMPONENT / "services.yaml", *sorted(BLUEPRINTS.glob("*.yaml"))]
        for path in yaml_files:
            # Blueprints carry !input tags: read them as plain text lines.
            for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                yield f"{path.relative_to(ROOT)}:{number}", line


def promises(language: str, text: str) -> list[str]:
    """The promise words in `text` (after its allowed disclaimers are taken out)."""
    for disclaimer in DISCLAIMERS[language] + DISCLAIMERS["en"]:
        text = re.sub(re.escape(disclaimer), "", text, flags=re.IGNORECASE)
    patterns = PROMISES[language] + (PROMISES["en"] if language != "en" else ())
    return [
        match.group(0)
        for pattern in patterns
        for match in re.finditer(pattern, text, flags=re.IGNORECASE)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_promises(language: str) -> None:
    """Not a word of prevention, prediction or certainty, in any text."""
    found = {
        where: words
        for where, text in _texts(language)
        if (words := promises(language, text))
    }
    assert not found


def test_every_language_is_checked() -> None:
    """A new language gets its promise words before it ships."""
    shipped = {path.stem for path in (COMPONENT / "translations").glob("*.json")}
    shipped |= {path.stem for path in CARD.glob("*.json")}
    assert shipped == set(LANGUAGES) == set(PROMISES) == set(DISCLAIMERS)


def test_blueprints_are_read() -> None:
    """The blueprints and the action descriptions are among the texts."""
    files = {where.split(":")[0] for where, _ in _texts("en")}
    assert {
        f"blueprints/automation/cramp_guard/{p.name}" for p in BLUEPRINTS.glob("*.yaml")
    } <= files
    assert "custom_components/cramp_guard/services.yaml" in files


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Stretching before bed prevents night cramps."),
        ("en", "Cramp Guard predicts your next cramp."),
        ("en", "You will cramp tonight."),
        ("en", "Drinking this guarantees a quiet night."),
        ("de", "Dehnen verhindert nächtliche Krämpfe."),
        ("de", "Cramp Guard sagt deinen nächsten Krampf vorher: die Vorhersage."),
        ("fr", "Les étirements préviennent les crampes."),
        ("fr", "Cramp Guard peut prédire votre prochaine crampe."),
        ("es", "Estirar previene los calambres."),
        ("es", "Cramp Guard puede predecir tu próximo calambre."),
        ("nl", "Rekken kan kramp voorkomen."),
        ("nl", "Cramp Guard voorspelt je volgende kramp."),
        ("he", "מתיחות מונעות התכווצויות."),
        ("he", "Cramp Guard יכול לחזות את ההתכווצות הבאה."),
        ("he", "Stretching prevents cramps."),
    ],
)
def test_a_promise_is_caught(language: str, text: str) -> None:
    """The list catches a promise in each language (and English words anywhere)."""
    assert promises(language, text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_disclaimer_is_not_a_promise(language: str) -> None:
    """Saying that nobody can predict a cramp is allowed - and is said, on the card."""
    card = json.loads((CARD / f"{language}.json").read_text(encoding="utf-8"))
    (disclaimer,) = DISCLAIMERS[language]
    assert disclaimer.lower() in card["why.index"].lower()
    assert not promises(language, card["why.index"])
    assert promises(language, card["why.index"].replace(disclaimer, "x predict x"))
