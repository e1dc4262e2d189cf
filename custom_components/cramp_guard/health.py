"""Source health: which sources are usable, and saying so once per episode.

A source that stops being usable is logged once (a warning) and once again when it
recovers; a source entity that does not exist raises a fixable repair issue, but only
once Home Assistant has run for a grace period (its integration may start later) -
or at once when it was removed from the entity registry. A counter source's outage
is timed: what it counted is held for a while [J].
"""

from __future__ import annotations

from datetime import datetime, timedelta
import logging

from homeassistant.core import CoreState, HomeAssistant, State

from .const import COUNTER_SOURCES
from .issues import async_missing_source, async_source_back
from .settings import Settings
from .sources import Problem, Reading

_LOGGER = logging.getLogger(__package__)

MISSING_GRACE_SECONDS = 60  # a source still missing this long after start is reported
# A counter source that is out keeps what it counted today for this long [J].
HOLD_COUNTS_FOR = timedelta(hours=3)


class SourceHealth:
    """The problems of one person's sources, reported once per episode."""

    def __init__(self, hass: HomeAssistant, entry_id: str, settings: Settings) -> None:
        """Nothing known yet; set up while Home Assistant runs: report at once."""
        self.hass = hass
        self.entry_id = entry_id
        self.settings = settings
        self.report_missing = hass.state is CoreState.running
        self.problems: dict[str, Problem] = {}  # the problems that were logged
        # Sources removed from the entity registry: missing for sure, reported at once.
        self.removed: set[str] = set()
        self._outage_since: dict[str, datetime] = {}  # counter sources out since
        self._present: set[str] = set()  # sources seen present (repair cleared)

    def observe(
        self, key: str, state: State | None, reading: Reading, now: datetime
    ) -> None:
        """A source's new reading: log, time the outage, raise or clear its repair."""
        if reading.problem is None:
            self._outage_since.pop(key, None)
        elif key in COUNTER_SOURCES:
            self._outage_since.setdefault(key, now)
        self._missing_issue(key, reading)
        old = self.problems.get(key)
        entity_id = self.settings.sources[key]
        if reading.problem is None:
            if old is not None:
                del self.problems[key]
                _LOGGER.info("%s: %s is usable again", self.settings.name, entity_id)
            return
        if old is not None:
            return
        if (reading.problem is Problem.MISSING and not self._reports(key)) or (
            reading.problem is Problem.UNAVAILABLE
            and self.hass.state is not CoreState.running
        ):
            return  # starting up: checked again once Home Assistant has started
        self.problems[key] = reading.problem
        _LOGGER.warning(
            "%s: %s is left out of the cramp risk (%s: %s)",
            self.settings.name,
            entity_id,
            reading.problem.value.replace("_", " "),
            state.state if state is not None else "no such entity",
        )

    def _missing_issue(self, key: str, reading: Reading) -> None:
        """Raise the repair of a missing entity (after the grace), clear it when back.

        Cleared once per episode (and on the first reading: a repair from before a
        restart), not on every reading.
        """
        if reading.problem is not Problem.MISSING:
            self.removed.discard(key)
            if key not in self._present:
                self._present.add(key)
                async_source_back(self.hass, self.entry_id, key)
            return
        self._present.discard(key)
        if self._reports(key):
            async_missing_source(
                self.hass,
                self.entry_id,
                self.settings.name,
                key,
                self.settings.sources[key],
            )

    def _reports(self, key: str) -> bool:
        """Whether a missing source is reported now: after the grace period of a
        start, or at once when it was removed."""
        return self.report_missing or key in self.removed

    def counter_status(self, key: str, now: datetime) -> bool | None:
        """A counter source: True while usable, False while its last count is held
        through a short outage, None when it is not configured or out for too long.
        """
        if key not in self.settings.sources:
            return None
        since = self._outage_since.get(key)
        if since is None:
            return True
        return False if now - since < HOLD_COUNTS_FOR else None
