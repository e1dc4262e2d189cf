"""What may be logged by hand, checked once for every way in.

Actions, the webhook, notification taps and buttons all validate here, once: one
schema per body (water, stretch, cramp), unknown keys refused with our own words,
one check of the amount of water - finite and in range before any arithmetic - and
one refusal, `Refused`, whose translation key is the same on every path. One
mapping turns it into what each path answers: `refused_as_error` (actions, buttons,
the glass size) the translated error; the webhook a 400 with the key; a tap a logged
warning with the key.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping
from decimal import Decimal
from functools import wraps
import math
from typing import Any, Final

from homeassistant.exceptions import ServiceValidationError
import voluptuous as vol

from .const import DOMAIN, WATER_UNITS
from .sources import volume_ml

MUSCLES: Final = ("calf", "hamstring", "quadriceps", "foot", "hand", "other")
CONTEXTS: Final = ("exercise", "rest", "night")
SEVERITIES: Final = ("mild", "moderate", "severe")
MAX_WATER_ML: Final = 3000.0  # more in one log is a typo, not a drink
DEFAULT_UNIT: Final = "mL"

# Unit names accepted from people and scripts, whatever their case; "cups" too.
UNITS: Final = {str(unit).lower(): str(unit) for unit in WATER_UNITS} | {"cups": "cup"}
# Millilitres in one of each unit (worked out once, from constants only).
ML_PER_UNIT: Final = {
    str(unit): float(volume_ml(1.0, str(unit)).value or 0.0) for unit in WATER_UNITS
}


def service_error(key: str, **placeholders: str) -> ServiceValidationError:
    """The translated error of an action (a key of strings.json's exceptions)."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=placeholders,
    )


class Refused(ValueError):
    """A body that is refused: its translation key and placeholders; the message is
    the webhook's short reason."""

    def __init__(self, key: str, text: str, /, **placeholders: str) -> None:
        """Keep the key and what it is about."""
        super().__init__(text)
        self.key, self.placeholders = key, placeholders


def invalid_body(text: str) -> Refused:
    """A body of the wrong shape; `text` names what is wrong (the reason)."""
    return Refused("invalid_body", text, reason=text)


def refused_as_error[**P, R](
    func: Callable[P, Coroutine[Any, Any, R]],
) -> Callable[P, Coroutine[Any, Any, R]]:
    """Decorate what logs for a person (an action, a button, a number): a refused
    body becomes the translated error of its key, the same on every path."""

    @wraps(func)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await func(*args, **kwargs)
        except Refused as err:
            raise service_error(err.key, **err.placeholders) from err

    return wrapper


def number(value: Any) -> float:
    """A number, or a string that reads as one; booleans are refused. Not yet
    checked for being finite or in range (`water_ml` does that)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise vol.Invalid("expected a number")
    try:
        return float(value)
    except ValueError as err:
        raise vol.Invalid("expected a number") from err
    except OverflowError:  # an integer beyond any float: infinite, refused later
        return math.inf if int(value) > 0 else -math.inf


def _one_of(choices: tuple[str, ...]) -> vol.In:
    return vol.In(choices, msg=f"expected one of {', '.join(choices)}")


SCHEMAS: Final[dict[str, vol.Schema]] = {
    "water": vol.Schema(
        {
            vol.Required("amount"): number,
            vol.Optional("unit", default=DEFAULT_UNIT): str,
        }
    ),
    "stretch": vol.Schema({}),
    "cramp": vol.Schema(
        {
            vol.Optional("muscle", default="calf"): _one_of(MUSCLES),
            vol.Optional("context"): _one_of(CONTEXTS),
            vol.Optional("severity"): _one_of(SEVERITIES),
        }
    ),
}
KEYS: Final = {
    kind: tuple(str(key) for key in schema.schema) for kind, schema in SCHEMAS.items()
}


def _whole_ml(amount: float, unit: str) -> str:
    """An amount in whole mL for a message; huge ones in powers of ten (exact: a
    float would overflow)."""
    ml = Decimal(amount) * Decimal(ML_PER_UNIT[unit])
    return f"{ml:.0f}" if ml < 10**9 else f"{ml:.3g}"


def water_ml(amount: float, unit: str) -> float:
    """The amount in whole millilitres: 1 to 3000 mL in a unit of UNITS."""
    canonical = UNITS.get(unit.strip().lower())
    if canonical is None:
        raise Refused(
            "invalid_unit",
            "unit: unknown unit (use mL, L, fl. oz., cup or gal)",
            unit=unit,
            units=", ".join(map(str, WATER_UNITS)),
        )
    per_unit = ML_PER_UNIT[canonical]
    reason = f"amount: must be more than 0 and at most {MAX_WATER_ML:.0f} mL"
    shown = {"amount": f"{amount:g}", "unit": canonical}
    # Checked against the bounds in the amount's own unit, before any arithmetic.
    if not (math.isfinite(amount) and amount > 0.5 / per_unit):  # rounds to >= 1 mL
        raise Refused("invalid_amount", reason, **shown)
    if amount > MAX_WATER_ML / per_unit:
        raise Refused(
            "amount_too_large",
            reason,
            **shown,
            ml=_whole_ml(amount, canonical),
            max_ml=f"{MAX_WATER_ML:.0f}",
        )
    return float(round(amount * per_unit))


def validate(
    kind: str, data: Mapping[str, Any], around: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The fields of a body of `kind` with their defaults (water: its whole mL in
    "ml"), or Refused. `around`: the keys the path itself takes (the webhook's
    "type"), named with the body's own when a key is unknown.

    Unknown keys are refused with our own words: the validator's differ between Home
    Assistant releases (voluptuous: "extra keys not allowed"; probatio: "not a valid
    option").
    """
    known = (*around, *KEYS[kind])
    if unknown := sorted(str(key) for key in data if key not in known):
        raise invalid_body(f"{unknown[0]}: unknown key (known: {', '.join(known)})")
    try:
        fields: dict[str, Any] = SCHEMAS[kind](dict(data))
    except vol.Invalid as err:
        path = ".".join(str(part) for part in err.path)
        raise invalid_body(f"{path}: {err.msg}") from err
    if kind == "water":
        fields["ml"] = water_ml(fields["amount"], fields["unit"])
    return fields
