"""One person's runtime: sources -> ledger -> snapshot -> entities, prompts, the card.

The engine is Home Assistant's `DataUpdateCoordinator` without an update interval
(as wled's, fed by its device's pushes): it follows the person's sources, reads each
change through the `SourceReader` into the readings and the ledger, lets the `Pacer`
say when to assess, and publishes each assessment as an immutable `Snapshot` with
`async_set_updated_data`. Entities are `CoordinatorEntity`s and write their state
only when what they show changed; prompts and the card's subscriptions listen too.

At the start of every clock hour it runs, the engine keeps a sample of the index
shown (the pacer assesses then); from the samples and the logged cramps it learns
the personal weights at start and once a day at the wake time, and the person's
"Learn from my cramps" decides whether the index uses them (personal.md).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, tzinfo
import logging
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.helpers.event import (
    async_call_later,
    async_track_state_change_event,
)
from homeassistant.helpers.start import async_at_started
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from .follow import async_follow_sources
from .health import MISSING_GRACE_SECONDS
from .issues import async_delete_counter_kind, async_source_renamed
from .learning import (
    CALIBRATING,
    SAMPLE_LATE,
    SAMPLE_SLACK,
    Learnt,
    elapsed,
    epoch_minute,
    hour_start,
    later,
    next_hour,
    outside,
)
from .ledger import SAMPLE_SAVE_DELAY, CrampRecord, Ledger
from .pacing import Pacer
from .reader import SourceReader
from .settings import Settings
from .snapshot import Snapshot, take_snapshot
from .sources import Problem, Reading

_LOGGER = logging.getLogger(__package__)
ZERO = timedelta(0)


@callback
def _time_zone_changed(event_data: dict[str, Any]) -> bool:
    """Whether a core configuration update changed the time zone."""
    return "time_zone" in event_data


class Engine(DataUpdateCoordinator[Snapshot]):
    """Follows one person's sources and keeps the snapshot current."""

    def __init__(
        self, hass: HomeAssistant, entry: ConfigEntry[Any], settings: Settings
    ) -> None:
        """Set up state; `async_start` subscribes."""
        super().__init__(
            hass, _LOGGER, config_entry=entry, name=f"Cramp Guard {settings.name}"
        )
        self.entry = entry
        self.entry_id = entry.entry_id
        self.settings = settings
        self.ledger = Ledger(hass, entry.entry_id, settings.profile.wake, settings.name)
        self.reader = SourceReader(hass, entry.entry_id, settings, self.ledger)
        self.pacer = Pacer(hass, self.async_update)
        self._unsubs: list[CALLBACK_TYPE] = []
        self._following: list[CALLBACK_TYPE] = []  # what follows the sources
        # The start of the next hour to sample (None: not planned yet), and the
        # moment from which an assessment takes it (in UTC: compared by real time).
        self._sample_due: datetime | None = None
        self._sample_from: datetime | None = None
        self._learnt = Learnt((), (), dt_util.get_default_time_zone())
        # The ledger's tuples `_learnt` was last checked against.
        self._rows_seen: tuple[str, ...] | None = None
        self._cramps_seen: tuple[CrampRecord, ...] | None = None
        self._nights_seen: tuple[tuple[int, int], ...] = ()
        self._personal = CALIBRATING
        self._personal_day: date | None = None  # the awake day they were learnt on

    @property
    def snapshot(self) -> Snapshot | None:
        """The last assessment and what is shown with it (None before the first)."""
        return self.data

    @property
    def readings(self) -> dict[str, Reading]:
        """Each source as the model reads it now."""
        return self.reader.readings

    # -- lifecycle -------------------------------------------------------------------

    async def async_start(self) -> None:
        """Restore the ledger, read every source, subscribe, and assess."""
        await self.ledger.async_load()
        async_delete_counter_kind(self.hass, self.entry_id)  # checked again as it reads
        if not self.ledger.backfilled and self.settings.has_activity:
            from .backfill import async_backfill  # recorder is optional

            await async_backfill(self.hass, self.ledger, self.settings, dt_util.now())
        self.ledger.backfilled = True
        self.reader.read_all(dt_util.now())
        self._follow_sources(sorted(self.reader.keys))
        self._unsubs.append(
            self.hass.bus.async_listen(
                EVENT_CORE_CONFIG_UPDATE,
                self._on_time_zone,
                event_filter=_time_zone_changed,
            )
        )
        if not self.reader.health.report_missing:  # booting: wait until HA runs
            self._unsubs.append(async_at_started(self.hass, self._async_started))
        self.ledger.async_schedule_save()
        self.async_update()

    async def async_stop(self) -> None:
        """Unsubscribe everything and write the ledger."""
        self.pacer.stop()
        self._follow_sources([])
        while self._unsubs:
            self._unsubs.pop()()
        await self.ledger.async_save_now()

    @callback
    def _follow_sources(self, entity_ids: list[str]) -> None:
        """Follow these source entities' states and their entries in the entity
        registry (renames and removals) instead of those followed so far (none:
        stop following)."""
        while self._following:
            self._following.pop()()
        if not entity_ids:
            return
        self._following = [
            async_track_state_change_event(self.hass, entity_ids, self._on_change),
            async_follow_sources(
                self.hass, self.entry_id, entity_ids, self._on_renamed, self._on_removed
            ),
        ]

    @callback
    def async_continue(self, ledger: Ledger) -> None:
        """Continue another ledger's days (the demo's replayed day): take its days
        and counters, read every source into them again, and assess."""
        self.ledger.adopt(ledger)
        self.reader.read_all(dt_util.now())
        self.async_update()

    def in_place(self, settings: Settings) -> bool:
        """Whether new settings change only what applies without a reload: the
        profile, the main activity, the notify targets, the morning check-in and
        learning from the cramps (not the name, the sources and how they count, or
        the webhook)."""
        old = self.settings
        kept = replace(
            settings,
            profile=old.profile,
            main_activity=old.main_activity,
            notify_targets=old.notify_targets,
            morning_checkin=old.morning_checkin,
            learn_from_cramps=old.learn_from_cramps,
        )
        return kept == old

    @callback
    def async_apply(self, settings: Settings) -> None:
        """Take settings that apply in place (`in_place`) and assess at once."""
        self.settings = settings
        self.reader.apply(settings)
        self.ledger.set_wake(settings.profile.wake)
        self.pacer.turn = None  # the next wake time or bedtime, on the new clock
        self.async_update()

    # -- events ----------------------------------------------------------------------

    @callback
    def _on_change(self, event: Event[EventStateChangedData]) -> None:
        # The moment of the change. A source renamed in the entity registry is
        # followed (`_on_renamed`) before its state's move is dispatched: the
        # removal of the old id's state reaches nothing here.
        now = dt_util.as_local(event.time_fired)
        self._read(event.data["entity_id"], event.data["new_state"], now)

    @callback
    def _read(self, entity_id: str, state: State | None, now: datetime) -> None:
        """Read a source entity's new state (at `now`, the moment of the change) for
        every source it is, and assess soon when that matters."""
        changed = False
        for key in self.reader.keys[entity_id]:
            changed |= self.reader.read(key, state, now)
        if changed:
            self.ledger.async_schedule_save()
            self.pacer.soon(now)

    @callback
    def _on_renamed(self, old: str, new: str) -> None:
        """A source entity has a new entity id: follow it in place. The readings,
        the counters and the ledger go on (they are the source's, by its key, not
        its entity id); the entry's options take the new id, which applies in place
        (`in_place`: the settings are the engine's already), so nothing reloads."""
        keys = self.reader.keys[old]
        _LOGGER.info("%s: %s is now %s", self.settings.name, old, new)
        self.settings = self.settings.renamed(old, new)
        self.reader.apply(self.settings)
        self._follow_sources(sorted(self.reader.keys))
        for key in keys:
            async_source_renamed(self.hass, self.entry_id, self.settings.name, key, new)
        if (state := self.hass.states.get(new)) is not None:  # it moved already
            self._read(new, state, dt_util.now())
        # Otherwise its state follows (its change event) and nothing is read now:
        # the readings are the entity's last ones.
        entry = self.entry
        self.hass.config_entries.async_update_entry(
            entry, options={**entry.options, **dict.fromkeys(keys, new)}
        )

    @callback
    def _on_removed(self, entity_id: str) -> None:
        """A source entity was removed from the entity registry (itself, or with
        its device): it is missing, and reported at once (a removal needs no grace
        period, unlike an entity not there yet while Home Assistant starts)."""
        self.reader.health.removed.update(self.reader.keys[entity_id])
        self._read(entity_id, None, dt_util.now())

    @callback
    def _on_time_zone(self, _event: Event[Any]) -> None:
        """Home Assistant's time zone changed: the day, the turns and every planned
        moment are read again on the new local clock."""
        self.pacer.soon(dt_util.now())

    @callback
    def assess_at(self, key: str, moment: datetime | None) -> None:
        """Assess at `moment` (something of `key`'s falls due by the clock then);
        None: nothing of `key`'s. Kept until it passes.
        """
        self.pacer.at(key, moment, dt_util.now())

    @callback
    def _async_started(self, _hass: HomeAssistant) -> None:
        """At boot, read again what was not usable: its integration may be later.

        Missing sources are reported after a grace period.
        """
        now = dt_util.now()
        self.reader.read_again(now)
        self.pacer.soon(now)
        self._unsubs.append(
            async_call_later(self.hass, MISSING_GRACE_SECONDS, self._end_grace)
        )

    @callback
    def _end_grace(self, _now: datetime) -> None:
        """From now on a missing source is warned about and raises its repair issue."""
        self.reader.health.report_missing = True
        self.reader.read_again(dt_util.now(), Problem.MISSING)

    # -- assessing -------------------------------------------------------------------

    def _assess(self) -> Snapshot:
        """Assess now: the pacer told, the ledger rolled over at the wake time (the
        personal weights learnt again then), the hour's sample kept at its start."""
        now = dt_util.now()
        profile = self.settings.profile
        self.pacer.assessing(now, profile.wake, profile.bed)
        day = self.ledger.today(now).day  # rolls the ledger over at the wake time
        learnt = self._learnt_now()
        if day != self._personal_day:
            self._personal_day = day
            self._personal = learnt.personal(now)
        snapshot = take_snapshot(
            now,
            self.settings,
            self.ledger,
            self.reader,
            self.data,
            learnt,
            self._personal,
        )
        if self._sample_from is None or now >= self._sample_from:
            snapshot = self._sample(now, snapshot)
        return snapshot

    def _learnt_now(self) -> Learnt:
        """What the samples and cramps kept now say: built again only when they
        changed (the ledger's tuples are new ones after any change of days)."""
        rows = self.ledger.sample_rows()
        cramps = self.ledger.iter_cramps()
        zone = dt_util.get_default_time_zone()  # the days are counted on its clock
        nights = self._unknown_nights(zone)
        learnt = self._learnt
        if (
            rows is self._rows_seen
            and cramps is self._cramps_seen
            and zone is learnt.zone
            and nights == self._nights_seen
        ):
            return learnt
        self._rows_seen, self._cramps_seen = rows, cramps
        self._nights_seen = nights
        rows = outside(rows, nights)
        events = tuple(cramp.at for cramp in cramps)
        if zone is not learnt.zone or not learnt.same(rows, events):
            self._learnt = Learnt(rows, events, zone)
        return self._learnt

    def _unknown_nights(self, zone: tzinfo) -> tuple[tuple[int, int], ...]:
        """While the morning check-in is on: the nights since its first answer that
        got neither an answer nor a logged cramp (unknown, not "no cramp"), as
        minutes since 1970; their samples are left out of what is learnt."""
        if not self.settings.morning_checkin:
            return ()
        profile = self.settings.profile
        return tuple(
            (epoch_minute(night.start), epoch_minute(night.end))
            for night in self.ledger.unknown_nights(profile.wake, profile.bed, zone)
        )

    def _sample(self, now: datetime, snapshot: Snapshot) -> Snapshot:
        """Keep the sample of the hour starting now (the index the snapshot shows
        and its factors' sub-scores), and plan the next one; an hour whose start
        passed unassessed (Home Assistant down or busy) has none."""
        if self._sample_due is None:  # started: the first is the next hour's
            self._sample_due = next_hour(now)
        else:
            start = hour_start(later(now, SAMPLE_SLACK))  # the timer may fire early
            if elapsed(start, now) <= SAMPLE_LATE:
                risk = snapshot.risk
                subs = {key: factor.sub_score for key, factor in risk.factors.items()}
                if self.ledger.add_sample(start, risk.score, subs):
                    self.ledger.async_schedule_save(within=SAMPLE_SAVE_DELAY)
                    snapshot = replace(snapshot, learnt=self._learnt_now())
            self._sample_due = next_hour(start if elapsed(now, start) > ZERO else now)
        self._sample_from = self._sample_due.astimezone(UTC) - SAMPLE_SLACK
        self.pacer.at("sample", self._sample_due, now)
        return snapshot

    @callback
    def async_update(self) -> None:
        """Assess now and tell the listeners (entities, prompts, the card)."""
        self.async_set_updated_data(self._assess())

    async def _async_update_data(self) -> Snapshot:
        """A refresh asked for (`homeassistant.update_entity`): assess now."""
        return self._assess()
