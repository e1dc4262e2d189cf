"""The prompts of one person: after each assessment, send what the policy says is due.

Also: the preferences the switch, time and number entities edit, the
`mobile_app_notification_action` taps, and the see-a-professional advice (a repair
issue, raised by frequent cramps or one logged as severe).
State and preferences are persisted, so nothing is sent twice across a restart, and a
prompt shown before a restart is still cleared once it no longer holds. The moment a
person is first set up is kept too: their quiet period is not restarted by a reload.
Prompts wait until Home Assistant has started: before that, notify services may not
be there yet.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
import logging
from typing import Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.start import async_at_started
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from . import messages
from .actions import async_answer_night, async_log
from .bodies import Refused
from .const import DOMAIN
from .engine import Engine
from .issues import async_frequent_cramps
from .ledger import day_of
from .ledger_store import LoopStore
from .notifier import Action, Notifier, async_route_actions
from .prompt_policy import (
    Facts,
    Kind,
    Prefs,
    PromptState,
    checkin_answerable,
    cramp_counts,
    due,
    frequent_cramps,
    long_or_sweaty,
    mark_cleared,
    mark_sent,
    next_moment,
    night_prone,
    no_longer_holds,
    roll_over,
    severe_cramp,
    snooze,
)
from .snapshot import Snapshot
from .texts import async_get_texts

_LOGGER = logging.getLogger(__package__)
# The see-a-professional advice: (the counts when cramps are frequent, else None;
# a severe cramp when they are not); None before the first assessment.
Advice = tuple[tuple[int, int] | None, bool]
NOT_PLANNED = object()  # no moment given to the engine yet

STORAGE_VERSION = 1
SAVE_DELAY = 1  # seconds: what was sent is written at once, so a crash resends nothing
SNOOZE_EVENING = timedelta(minutes=30)
SNOOZE_HYDRATION = timedelta(hours=1)
# The buttons of each kind: the action (in the tap's id) and its words' key.
ACTIONS: dict[Kind, tuple[tuple[str, str], ...]] = {
    Kind.EVENING: (("DONE", "done"), ("SNOOZE_30M", "snooze_30m")),
    Kind.HYDRATION: (("GLASS", "glass"), ("SNOOZE_1H", "snooze_1h")),
    Kind.HIGH_RISK: (),
    Kind.CHECKIN: (("NIGHT_NO", "night_no"), ("NIGHT_YES", "night_yes")),
}


def _store(hass: HomeAssistant, entry_id: str) -> Store[dict[str, Any]]:
    return LoopStore(
        hass, STORAGE_VERSION, f"{DOMAIN}.{entry_id}.prompts", private=True
    )


async def async_remove_store(hass: HomeAssistant, entry_id: str) -> None:
    """Delete a person's stored preferences and prompt state (entry removed)."""
    await _store(hass, entry_id).async_remove()


async def async_migrate_glass_size(
    hass: HomeAssistant, entry_id: str, options_glass_ml: float
) -> None:
    """Keep the glass size of an entry of version 1.1 in its preferences only.

    It was in the options too, and a change there won over the number: the options'
    size wins unless the number changed it after the options last did (the store then
    remembers the options' size it was set against).
    """
    store = _store(hass, entry_id)
    data = await store.async_load() or {}
    stored = data.get("prefs")
    prefs = Prefs.from_dict(stored) if stored else Prefs()
    if stored is None or stored.get("options_glass_ml") != options_glass_ml:
        prefs.glass_ml = options_glass_ml
    await store.async_save({**data, "prefs": prefs.as_dict()})


class Prompter:
    """Follows one person's engine and sends their prompts."""

    def __init__(self, hass: HomeAssistant, entry_id: str, engine: Engine) -> None:
        """Prepare; `async_load` restores, `async_start` follows the engine."""
        self.hass = hass
        self.entry_id = entry_id
        self.engine = engine
        settings = engine.settings
        self.prefs = Prefs()
        self.state = PromptState()
        self.notifier = Notifier(hass, entry_id, settings.name, settings.notify_targets)
        self._store = _store(hass, entry_id)
        self._saved: dict[str, Any] = self._as_dict()
        self._unsubs: list[CALLBACK_TYPE] = []
        self._ready = False
        # the moment the engine was given; planned again when the state changes
        self._planned: datetime | None | object = NOT_PLANNED
        self._advice: Advice | None = None
        # one kind's sends and clears reach the phone in the order they were decided
        self._locks = {kind: asyncio.Lock() for kind in Kind}

    # -- lifecycle -------------------------------------------------------------------

    async def async_load(self) -> None:
        """Restore the preferences and what was sent.

        Nothing stored: a person just added, whose quiet period starts now (an entry
        that has a store from before this was kept has none).
        """
        data = await self._store.async_load()
        if not data:
            self.state.set_up_at = dt_util.now()
            await self._store.async_save(self._as_dict())
            data = {}
        if prefs := data.get("prefs"):
            self.prefs = Prefs.from_dict(prefs)
        if state := data.get("state"):
            self.state = PromptState.from_dict(state)
        self._saved = self._as_dict()

    @callback
    def async_start(self) -> None:
        """Follow the engine's assessments and the taps, once Home Assistant runs."""
        self._unsubs.append(self.engine.async_add_listener(self._on_assessment))
        self._unsubs.append(
            async_route_actions(self.hass, self.entry_id, self.async_handle_action)
        )
        self._unsubs.append(async_at_started(self.hass, self._async_started))

    @callback
    def _async_started(self, _hass: HomeAssistant) -> None:
        self._ready = True
        self._on_assessment()

    async def async_stop(self) -> None:
        """Stop following and write the state."""
        self._ready = False
        while self._unsubs:
            self._unsubs.pop()()
        await self._store.async_save(self._as_dict())

    def _as_dict(self) -> dict[str, Any]:
        return {
            "prefs": self.prefs.as_dict(),
            "state": self.state.as_dict(),
        }

    @callback
    def async_save(self) -> None:
        """Save soon, when something changed (the entities call it on a change)."""
        data = self._as_dict()
        if data != self._saved:
            self._saved = data
            self._store.async_delay_save(self._as_dict, SAVE_DELAY)
            if (snapshot := self.engine.snapshot) is not None:
                self._plan(self.facts(snapshot))

    @callback
    def async_prefs_changed(self) -> None:
        """A preference changed (switch, time, glass): saved, decided on the minute."""
        self.async_save()
        self.engine.assess_at("preferences", dt_util.now())

    def _plan(self, facts: Facts) -> None:
        """Have the engine assess when a prompt falls due by the clock."""
        moment = next_moment(self.prefs, self.state, facts)
        if moment != self._planned:
            self._planned = moment
            self.engine.assess_at("prompts", moment)

    # -- deciding and sending --------------------------------------------------------

    def facts(self, snapshot: Snapshot) -> Facts:
        """What the policy needs from the engine's snapshot."""
        now = snapshot.inputs.now
        wake = self.engine.settings.profile.wake
        return Facts(
            now=now,
            day=snapshot.today.day,
            awake=snapshot.assessment.awake,
            wake_at=datetime.combine(snapshot.today.day, wake, tzinfo=now.tzinfo),
            level=snapshot.risk.level,
            hydration_pace=snapshot.assessment.hydration_pace,
            last_stretch=snapshot.inputs.last_stretch,
            checkin_open=snapshot.unanswered_night is not None,
        )

    def checkin_answerable(self) -> bool:
        """The card offers the morning check-in's answers now."""
        snapshot = self.engine.snapshot
        return snapshot is not None and checkin_answerable(self.facts(snapshot))

    @callback
    def _on_assessment(self) -> None:
        snapshot = self.engine.snapshot
        if not self._ready or snapshot is None:
            return
        now = snapshot.inputs.now
        counts = cramp_counts(now, snapshot.cramps)
        frequent = counts if frequent_cramps(counts) else None
        severe = frequent is None and severe_cramp(now, snapshot.severe_cramps)
        advice: Advice = (frequent, severe)
        if advice != self._advice:  # raised, changed or gone (once at start)
            self._advice = advice
            async_frequent_cramps(
                self.hass, self.entry_id, self.engine.settings.name, *advice
            )
        state, before = self.state, self.state.copy()
        facts = self.facts(snapshot)
        stale = no_longer_holds(state, facts)
        kinds = due(self.prefs, state, facts)
        for kind in stale:
            mark_cleared(state, kind)
        for kind in kinds:
            mark_sent(state, kind, now)
        if state != before:
            self.async_save()  # and plans again
        elif self._planned is NOT_PLANNED:
            self._plan(facts)
        for kind in stale:
            if kind not in kinds:  # else the new prompt replaces it
                self.hass.async_create_task(self.async_clear(kind))
        for kind in kinds:
            self.hass.async_create_task(self.async_send(kind, snapshot))

    async def async_send(self, kind: Kind, snapshot: Snapshot) -> None:
        """Build the message of `kind` and send it."""
        settings = self.engine.settings
        assessment, now = snapshot.assessment, snapshot.inputs.now
        t = await async_get_texts(self.hass)
        if kind is Kind.EVENING:
            prone = night_prone(now, snapshot.cramps)
            message = messages.evening(
                t,
                settings.name,
                settings.main_activity,
                assessment,
                prone,
                snapshot.levers,
                self.hass.config.units.temperature_unit,
            )
        elif kind is Kind.HYDRATION:
            message = messages.hydration(
                t,
                settings.name,
                assessment,
                snapshot.inputs.water_ml or 0.0,
                long_or_sweaty(snapshot.inputs.bouts, now),
                snapshot.levers,
            )
        elif kind is Kind.CHECKIN:
            message = messages.checkin(t, settings.name)
        else:
            message = messages.high_risk(t, settings.name, snapshot.risk)
        buttons = [Action(action, t["action"][key]) for action, key in ACTIONS[kind]]
        async with self._locks[kind]:
            await self.notifier.async_send(kind, message, buttons)

    async def async_clear(self, kind: Kind) -> None:
        """Take back a prompt of `kind` that no longer holds, on every target."""
        async with self._locks[kind]:
            await self.notifier.async_clear(kind)

    async def async_send_stretch_reminder(self) -> None:
        """Send the evening reminder now (the action); it counts as today's.

        Asked for, it is sent in a new person's quiet period too.
        """
        snapshot = self.engine.snapshot
        assert snapshot is not None  # the engine assesses as it starts
        roll_over(self.state, snapshot.today.day)
        mark_sent(self.state, Kind.EVENING, snapshot.inputs.now)
        self.async_save()
        await self.async_send(Kind.EVENING, snapshot)

    @callback
    def async_snooze(self, duration: timedelta, kind: Kind | None = None) -> None:
        """Silence every prompt (or one kind) for `duration` from now."""
        now = dt_util.now()
        day = day_of(now, self.engine.settings.profile.wake)
        snooze(self.state, kind, now + duration, day)
        self.async_save()

    # -- taps on notifications -------------------------------------------------------

    @callback
    def async_handle_action(self, action: str) -> None:
        """A tap on one of this person's notifications."""
        if action == "GLASS":
            self._log("water", {"amount": self.prefs.glass_ml})
        elif action == "DONE":
            self._log("stretch", {})
        elif action == "SNOOZE_30M":
            self.async_snooze(SNOOZE_EVENING, Kind.EVENING)
        elif action == "SNOOZE_1H":
            self.async_snooze(SNOOZE_HYDRATION, Kind.HYDRATION)
        elif action in ("NIGHT_NO", "NIGHT_YES"):
            async_answer_night(self.engine, action == "NIGHT_YES")
        else:
            _LOGGER.debug("%s: unknown notification action %s", self.entry_id, action)

    @callback
    def _log(self, kind: str, body: dict[str, Any]) -> None:
        """Log what a tap stands for (validated like every other way in)."""
        try:
            async_log(self.engine, kind, body)
        except Refused as err:
            _LOGGER.warning(
                "%s: a tap on a notification was not logged (%s: %s)",
                self.engine.settings.name,
                err.key,
                err,
            )
