"""Config flow for Cramp Guard: add a person, edit the options, rename the person.

The config and options flows share the steps after the first one: `counters` (only
when an activity or water source is chosen) and `profile`. The options flow ends with
`prompts` (notify targets, the webhook) and, with the webhook on, `webhook_url`, which
shows its URL. Reconfigure renames the person (entry.data holds only the name; every
other setting is an option, edited by the options flow).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable, Mapping
from typing import Any

from homeassistant.components import webhook
from homeassistant.config_entries import (
    ConfigEntry,
    ConfigEntryBaseFlow,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlow,
)
from homeassistant.const import ATTR_UNIT_OF_MEASUREMENT, UnitOfMass, UnitOfVolume
from homeassistant.core import HomeAssistant, State, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.util import slugify
from homeassistant.util.unit_conversion import MassConverter

from .const import (
    CONF_ACTIVITY,
    CONF_ACTIVITY_COUNTER,
    CONF_ACTIVITY_METRIC,
    CONF_BED_TIME,
    CONF_BODY_MASS,
    CONF_MORNING_CHECKIN,
    CONF_NOTIFY_TARGETS,
    CONF_OUTDOOR_WEATHER,
    CONF_PERSON_NAME,
    CONF_WAKE_TIME,
    CONF_WATER_COUNTER,
    CONF_WATER_UNIT,
    CONF_WEBHOOK_ID,
    CONF_WEBHOOK_LOCAL_ONLY,
    CONF_WORKOUT,
    DOMAIN,
    PLAUSIBLE_DAY,
    PLAUSIBLE_WATER_DAY_ML,
    SOURCE_KEYS,
    ActivityMetric,
    CounterKind,
)
from .flow_schemas import (
    CONF_WEBHOOK,
    COUNTER_KEYS,
    COUNTER_SETTINGS,
    DEFAULT_WATER_UNIT,
    NAME_SCHEMA,
    PROFILE_KEYS,
    PROMPT_KEYS,
    SECTION_OF,
    body_mass_shown,
    counters_schema,
    flattened,
    profile_schema,
    prompts_schema,
    sectioned,
    sources_schema,
)
from .pickers import own_entities
from .sources import (
    Problem,
    Reading,
    counter_kind,
    guess_metric,
    read_activity,
    read_source,
    read_water,
)
from .targets import PERSISTENT, target_options
from .texts import async_get_texts, format_number
from .webhook import webhook_url

# The problems a chosen source is refused for; a source that is missing or
# unavailable right now is accepted (it may come back).
REFUSED = (
    Problem.NOT_NUMERIC,
    Problem.OUT_OF_RANGE,
    Problem.BAD_UNIT,
    Problem.SINGLE_RECORD,
)


def _read_source(hass: HomeAssistant, key: str, state: State | None) -> Reading:
    """Read a source the way the engine will (workout and weather: no check; a
    water entity without a unit gets one in `counters`)."""
    if key in (CONF_WORKOUT, CONF_OUTDOOR_WEATHER):
        return Reading()
    unit = hass.config.units.temperature_unit
    metric = guess_metric(state)
    return read_source(key, state, unit, metric, UnitOfVolume.MILLILITERS)[0]


def source_problem(
    hass: HomeAssistant, chosen: Mapping[str, str]
) -> tuple[str, str] | None:
    """The first chosen source that cannot be used, and why (a form error key)."""
    own = own_entities(hass)
    for key, entity_id in chosen.items():
        if entity_id in own:
            return key, "own_entity"
        problem = _read_source(hass, key, hass.states.get(entity_id)).problem
        if problem in REFUSED:
            return key, str(problem)
    return None


def _kind(source: str, state: State | None) -> tuple[CounterKind, bool]:
    """A counter source's kind as its state suggests, and whether that is sure."""
    if source == CONF_ACTIVITY:
        metric = guess_metric(state)
        value = read_activity(state, metric).value
        return counter_kind(state, value, PLAUSIBLE_DAY[metric])
    value = read_water(state, DEFAULT_WATER_UNIT).value
    return counter_kind(state, value, PLAUSIBLE_WATER_DAY_ML)


def _guessed_counters(source: str, state: State | None) -> dict[str, str]:
    """The counter settings a newly chosen activity or water source starts with."""
    kind = _kind(source, state)[0]
    if source == CONF_ACTIVITY:
        metric = guess_metric(state)
        return {CONF_ACTIVITY_METRIC: metric, CONF_ACTIVITY_COUNTER: kind}
    guessed: dict[str, str] = {CONF_WATER_COUNTER: kind}
    if state is None or not state.attributes.get(ATTR_UNIT_OF_MEASUREMENT):
        guessed[CONF_WATER_UNIT] = DEFAULT_WATER_UNIT  # asked: the entity has none
    return guessed


def _describe(
    t: Mapping[str, Any], source: str, entity_id: str, state: State | None
) -> str:
    """A counter as it is now, in words: its name, its value, and whether the kind
    preselected below follows from what it publishes or is a guess to check."""
    words = t["counters"]
    try:
        value = float(state.state) if state is not None else None
    except ValueError:
        value = None
    if state is None or value is None:
        name = state.name if state is not None else entity_id
        return str(words["unknown"]).format(entity=name)
    unit = state.attributes.get(ATTR_UNIT_OF_MEASUREMENT)
    shown = format_number(t, value) + (f" {unit}" if unit else "")
    sure = _kind(source, state)[1]
    now = str(words["now"]).format(entity=state.name, value=shown)
    return f"{now} {words['read' if sure else 'guess']}"


def name_error(
    hass: HomeAssistant, name: str, entry_id: str | None = None
) -> str | None:
    """Why `name` cannot be a person's, as a field error: no letter or digit (it
    makes the entity ids), or another entry than `entry_id` has it; None when it can.
    """
    if not any(char.isalnum() for char in name):
        return "invalid_name"
    taken = {
        other.unique_id
        for other in hass.config_entries.async_entries(DOMAIN, include_ignore=False)
        if other.entry_id != entry_id
    }
    return "name_taken" if slugify(name) in taken else None


def _replaced(
    options: Mapping[str, Any], keys: Iterable[str], new: Mapping[str, Any]
) -> dict[str, Any]:
    """`options` without the settings `keys`, then with the `new` ones."""
    return {key: value for key, value in options.items() if key not in keys} | dict(new)


class CrampGuardFlow(ConfigEntryBaseFlow):
    """The steps the config and options flows share."""

    _current: Mapping[str, Any]  # the options before this flow
    _options: dict[str, Any]  # the options being built

    def _start(self, current: Mapping[str, Any]) -> None:
        self._current = current
        self._options = dict(current)

    @abstractmethod
    def _name_shown(self) -> str:
        """The person's name, for the forms' titles."""

    async def _async_step_sources(
        self,
        step_id: str,
        user_input: dict[str, Any] | None,
        errors: dict[str, str],
        *,
        with_name: bool = False,
    ) -> ConfigFlowResult:
        """Show or take the sources (the first step of every flow), in sections.

        A source that cannot be used is named in an alert above its section (the
        frontend shows no errors inside a section).
        """
        placeholders = {"name": self._name_shown()}
        values = self._current if user_input is None else flattened(user_input)
        if user_input is not None:
            chosen = {k: values[k] for k in SOURCE_KEYS if values.get(k)}
            if not chosen:
                errors["base"] = "no_sources"
            elif (problem := source_problem(self.hass, chosen)) is not None:
                key, error = problem
                errors[SECTION_OF[key]] = error
                placeholders["entity"] = chosen[key]
            if not errors:
                self._options = _replaced(
                    self._options, (*SOURCE_KEYS, *COUNTER_KEYS), chosen
                )
                if any(source in self._options for source in COUNTER_SETTINGS):
                    return await self.async_step_counters()
                return await self._async_after_counters()
        return self.async_show_form(
            step_id=step_id,
            data_schema=self.add_suggested_values_to_schema(
                sources_schema(self.hass, values, with_name=with_name),
                sectioned(values),
            ),
            errors=errors,
            description_placeholders=placeholders,
        )

    def _preselected_counters(self) -> dict[str, str]:
        """The counter settings of the chosen sources: kept, or guessed."""
        preselected: dict[str, str] = {}
        for source, keys in COUNTER_SETTINGS.items():
            if entity_id := self._options.get(source):
                state = self.hass.states.get(entity_id)
                guessed = _guessed_counters(source, state)
                preselected |= guessed
                if entity_id == self._current.get(source):  # unchanged: keep them
                    preselected |= {
                        k: self._current[k]
                        for k in keys
                        if k in self._current and k in guessed
                    }
        return {key: str(value) for key, value in preselected.items()}

    async def async_step_counters(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask what the activity counts and how the counters behave."""
        errors: dict[str, str] = {}
        if user_input is not None:
            if CONF_ACTIVITY_METRIC in user_input:
                state = self.hass.states.get(self._options[CONF_ACTIVITY])
                metric = ActivityMetric(user_input[CONF_ACTIVITY_METRIC])
                if read_activity(state, metric).problem is Problem.BAD_UNIT:
                    errors[CONF_ACTIVITY_METRIC] = "metric_unit"
            if not errors:
                self._options |= user_input
                return await self._async_after_counters()
        return self.async_show_form(
            step_id="counters",
            data_schema=self.add_suggested_values_to_schema(
                counters_schema(self._preselected_counters()), user_input
            ),
            errors=errors,
            description_placeholders={
                "name": self._name_shown(),
                "readings": await self._async_counter_readings(),
            },
        )

    async def _async_counter_readings(self) -> str:
        """What the chosen counters show now, in Home Assistant's language."""
        t = await async_get_texts(self.hass)
        return "\n\n".join(
            _describe(t, source, entity_id, self.hass.states.get(entity_id))
            for source in COUNTER_SETTINGS
            if (entity_id := self._options.get(source))
        )

    async def _async_after_counters(self) -> ConfigFlowResult:
        """Go on after the sources and their counter settings."""
        return await self.async_step_profile()

    async def async_step_profile(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the person's profile (the body mass in Home Assistant's unit)."""
        errors: dict[str, str] = {}
        # Pounds on US customary units, else kg (the metric system's unit is g).
        unit = (
            UnitOfMass.POUNDS
            if self.hass.config.units.mass_unit == UnitOfMass.POUNDS
            else UnitOfMass.KILOGRAMS
        )
        kg = self._options.get(CONF_BODY_MASS)
        shown = None if kg is None else body_mass_shown(kg, unit)
        if user_input is not None:
            mass = user_input.get(CONF_BODY_MASS)
            if mass is not None and mass != shown:  # unchanged: the kg kept as set
                kg = MassConverter.convert(mass, unit, UnitOfMass.KILOGRAMS)
            elif mass is None:
                kg = None
            wake, bed = (
                cv.time(user_input[k]) for k in (CONF_WAKE_TIME, CONF_BED_TIME)
            )
            if wake == bed:
                errors[CONF_BED_TIME] = "same_wake_and_bed"
            else:
                times = {
                    CONF_WAKE_TIME: wake.isoformat(),
                    CONF_BED_TIME: bed.isoformat(),
                }
                mass_kg = {} if kg is None else {CONF_BODY_MASS: round(kg, 2)}
                self._options = _replaced(
                    self._options, PROFILE_KEYS, user_input | times | mass_kg
                )
                return await self._async_after_profile()
        shown_values = {**self._options, CONF_BODY_MASS: shown}
        return self.async_show_form(
            step_id="profile",
            data_schema=self.add_suggested_values_to_schema(
                profile_schema(unit),
                shown_values if user_input is None else user_input,
            ),
            errors=errors,
            description_placeholders={"name": self._name_shown()},
        )

    async def _async_after_profile(self) -> ConfigFlowResult:
        """Go on after the profile."""
        return self._finish()

    @abstractmethod
    def _finish(self) -> ConfigFlowResult:
        """Create or update the entry with the options built."""


class CrampGuardConfigFlow(CrampGuardFlow, ConfigFlow, domain=DOMAIN):
    """Add one person to Cramp Guard, or rename one."""

    VERSION = 1
    MINOR_VERSION = 3  # 1.2: the glass size left the options; 1.3: the index unitless

    _name = ""  # the person's name, once given

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: ConfigEntry) -> CrampGuardOptionsFlow:
        """Edit every setting of an entry."""
        return CrampGuardOptionsFlow()

    def _name_shown(self) -> str:
        return self._name

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the person's name and the sources."""
        self._start({})
        errors: dict[str, str] = {}
        if user_input is not None:
            self._name = str(user_input[CONF_PERSON_NAME]).strip()
            if error := name_error(self.hass, self._name):
                errors[CONF_PERSON_NAME] = error
            else:
                # An abandoned flow with the same name does not stand in the way.
                await self.async_set_unique_id(
                    slugify(self._name), raise_on_progress=False
                )
        return await self._async_step_sources(
            "user", user_input, errors, with_name=True
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Rename the person: the entry's data (Configure edits the settings)."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            name = str(user_input[CONF_PERSON_NAME]).strip()
            if error := name_error(self.hass, name, entry.entry_id):
                errors[CONF_PERSON_NAME] = error
            else:
                # The entry's update listener reloads it, once.
                self.hass.config_entries.async_update_entry(
                    entry,
                    unique_id=slugify(name),
                    title=name,
                    data={CONF_PERSON_NAME: name},
                )
                return self.async_abort(reason="reconfigure_successful")
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(
                NAME_SCHEMA, user_input or {CONF_PERSON_NAME: entry.title}
            ),
            errors=errors,
            description_placeholders={"name": entry.title},
        )

    def _finish(self) -> ConfigFlowResult:
        # The success page says what comes next: the card on a dashboard.
        return self.async_create_entry(
            title=self._name,
            data={CONF_PERSON_NAME: self._name},
            options=self._options,
            description_placeholders={"name": self._name},
        )


class CrampGuardOptionsFlow(CrampGuardFlow, OptionsFlow):
    """Edit every setting: the sources, the counters, the profile and the prompts."""

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Edit the sources; the current ones are suggested so each can be cleared."""
        self._start(self.config_entry.options)
        return await self._async_step_sources("init", user_input, {})

    def _name_shown(self) -> str:
        return self.config_entry.title

    def _finish(self) -> ConfigFlowResult:
        return self.async_create_entry(data=self._options)

    async def _async_after_profile(self) -> ConfigFlowResult:
        return await self.async_step_prompts()

    async def async_step_prompts(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose the notify targets; turn the webhook on or off."""
        if user_input is not None:
            targets = user_input[CONF_NOTIFY_TARGETS]
            new = {
                # Only the persistent notification is what none chosen means: kept
                # as none, so opening and saving the form changes nothing.
                CONF_NOTIFY_TARGETS: [] if targets == [PERSISTENT] else targets,
                CONF_WEBHOOK_LOCAL_ONLY: user_input[CONF_WEBHOOK_LOCAL_ONLY],
            }
            if user_input[CONF_MORNING_CHECKIN]:  # off: left out, as it was before
                new[CONF_MORNING_CHECKIN] = True
            if user_input[CONF_WEBHOOK]:  # keep the id; a new one when turned on
                new[CONF_WEBHOOK_ID] = (
                    self._current.get(CONF_WEBHOOK_ID) or webhook.async_generate_id()
                )
            self._options = _replaced(self._options, PROMPT_KEYS, new)
            if CONF_WEBHOOK_ID in new:
                return await self.async_step_webhook_url()
            return self._finish()
        chosen = list(self._current.get(CONF_NOTIFY_TARGETS, []))
        # The persistent notification, the people, the notify services and
        # entities, in words in Home Assistant's language.
        words = (await async_get_texts(self.hass))["targets"]
        return self.async_show_form(
            step_id="prompts",
            data_schema=self.add_suggested_values_to_schema(
                prompts_schema(target_options(self.hass, words, chosen)),
                {
                    # None chosen: prompts go to the persistent notification, so it
                    # shows ticked (an unticked box reads as "off").
                    CONF_NOTIFY_TARGETS: chosen or [PERSISTENT],
                    CONF_MORNING_CHECKIN: self._current.get(
                        CONF_MORNING_CHECKIN, False
                    ),
                    CONF_WEBHOOK: CONF_WEBHOOK_ID in self._current,
                    CONF_WEBHOOK_LOCAL_ONLY: self._current.get(
                        CONF_WEBHOOK_LOCAL_ONLY, True
                    ),
                },
            ),
            description_placeholders={"name": self._name_shown()},
        )

    async def async_step_webhook_url(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show the webhook's URL; submitting saves the options."""
        if user_input is not None:
            return self._finish()
        return self.async_show_form(
            step_id="webhook_url",
            description_placeholders={
                "name": self._name_shown(),
                "url": webhook_url(
                    self.hass,
                    self._options[CONF_WEBHOOK_ID],
                    self._options[CONF_WEBHOOK_LOCAL_ONLY],
                ),
            },
        )
