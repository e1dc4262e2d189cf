"""What one loaded entry runs, and the entry's type that says so."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry

from .engine import Engine
from .prompts import Prompter


@dataclass(slots=True)
class CrampGuardData:
    """What one loaded entry runs: the engine and the prompts that follow it."""

    engine: Engine
    prompter: Prompter


type CrampGuardConfigEntry = ConfigEntry[CrampGuardData]
