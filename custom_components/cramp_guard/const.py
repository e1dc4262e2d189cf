"""Constants for Cramp Guard."""

from __future__ import annotations

from typing import Final

DOMAIN: Final = "cramp_guard"

CONF_PERSON_NAME: Final = "person_name"
