"""The "Cramp Guard" LLM API: tools a conversation agent calls (Assist with an LLM,
or an MCP client through Home Assistant's MCP server).

Four tools: read a person's index with its reasons, what would lower it now and the
water so far (what the card shows, `card_payload`), and log water, a stretch or a
cramp (what the actions log, `actions.async_log`: the same checks and the same
translated errors). A person is named as Cramp Guard shows them, whatever the case
or accents; with one person set up the name may be left out.

The API is registered once per Home Assistant, when the first person loads, and
removed when the last one unloads. Errors are raised as translated
`HomeAssistantError`s: the conversation agent hands their text to the model, as it
does for Home Assistant's own intent tools.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, Final, cast
import unicodedata

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import config_validation as cv, llm
from homeassistant.util.hass_dict import HassKey
from homeassistant.util.json import JsonObjectType
import voluptuous as vol

from . import actions
from .bodies import CONTEXTS, MUSCLES, SEVERITIES, refused_as_error, service_error
from .const import DOMAIN, WATER_UNITS
from .texts import async_get_texts
from .websocket_api import card_payload

API_ID: Final = DOMAIN
API_NAME: Final = "Cramp Guard"
API_PROMPT: Final = (
    "Cramp Guard keeps a cramp-risk index from 0 to 100 for each person set up in "
    "it, from their room's heat, their activity, the water they drank, stretches and "
    "cramps. It is an index that compares now with situations research links to "
    "muscle cramps, not the chance of a cramp, and it is general information, not "
    "medical advice: say so when you give it. When cramps are frequent or severe, "
    "suggest seeing a health professional. People set up: {names}."
)
PERSON: Final = "person"
_PERSON_FIELD: Final = vol.Optional(
    PERSON,
    description="The person's name as set up in Cramp Guard (any case, accents "
    "optional). Leave it out when only one person is set up.",
)
_FACTORS: Final = (
    "workload (more activity in the last week than usual), exertion (a hard day or "
    "a long workout today), heat (a warm or humid room, or a hot workout), hydration "
    "(less water than expected by now), stretch (no stretch since the last workout "
    "or before bed), timing (just after a workout, the evening and the night), "
    "recent_cramp or cramp_prone (the cramp history)"
)

# Home Assistant 2026.x describes how a tool behaves and wants a `ToolResult`; before,
# a tool has no annotations (a namespace nothing reads) and answers the JSON itself.
_ANNOTATIONS: Final[Callable[..., Any]] = getattr(
    llm, "ToolAnnotations", SimpleNamespace
)


def _bare(data: JsonObjectType) -> JsonObjectType:
    return data


_RESULT: Final[Callable[..., Any]] = getattr(llm, "ToolResult", _bare)


def fold(name: str) -> str:
    """A name as it compares: without accents, case or extra spaces ("Zoë " and
    "ZOE" fold alike)."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


@callback
def async_find_person(hass: HomeAssistant, name: str | None) -> ConfigEntry:
    """The loaded entry of the person called `name` (the only one when None)."""
    entries = hass.config_entries.async_entries(
        DOMAIN, include_ignore=False, include_disabled=False
    )
    names = ", ".join(sorted((entry.title for entry in entries), key=str.casefold))
    if not entries:
        raise service_error("no_people")
    if name is None or not name.strip():
        if len(entries) > 1:
            raise service_error("person_required", names=names)
        found = entries
    else:
        found = [entry for entry in entries if fold(entry.title) == fold(name)]
        if not found:
            raise service_error("person_unknown", name=name, names=names)
        if len(found) > 1:
            matches = ", ".join(sorted((e.title for e in found), key=str.casefold))
            raise service_error("person_ambiguous", name=name, names=matches)
    entry = found[0]
    if entry.state is not ConfigEntryState.LOADED:
        raise service_error(
            "entry_not_loaded", name=entry.title, state=entry.state.value
        )
    return entry


def _person(args: dict[str, Any]) -> str | None:
    """Take the person's name out of the tool's arguments."""
    name = args.pop(PERSON, None)
    return None if name is None else cv.string(name)


class CrampGuardTool(llm.Tool):
    """A Cramp Guard tool: its name, title, description, parameters, behaviour."""

    integration = DOMAIN

    def __init__(
        self,
        name: str,
        title: str,
        description: str,
        fields: dict[vol.Marker, Any],
        *,
        read_only: bool,
    ) -> None:
        """Describe the tool (the person's name is a parameter of every one)."""
        self.name = name
        self.title = title
        self.description = description
        self.parameters = vol.Schema({_PERSON_FIELD: str, **fields})
        self.annotations = _ANNOTATIONS(
            read_only=read_only,
            destructive=False,
            idempotent=read_only,
            open_world=False,
        )


class RiskTool(CrampGuardTool):
    """Read a person's index, its reasons, what would lower it, the water so far."""

    def __init__(self) -> None:
        """Describe the tool."""
        super().__init__(
            "get_cramp_risk",
            "Cramp risk",
            "Read a person's cramp-risk index now (0-100; level low, moderate, high "
            "or very_high) with how sure it is, its reasons and what would lower it. "
            "Use it for questions like 'what is my cramp risk?', 'why is it high?' "
            "or 'how much have I drunk today?'. `reasons`: the factors that add to "
            f"the index, most points first: {_FACTORS}. `lower_it_now`: water "
            "(drink `amount` mL), stretch, cooler (the room `amount` degrees "
            "cooler), each with the index it would give (`score`). `available` "
            "false: nothing beyond the time of day is known, so there is no index "
            "to give. `see_a_professional`: cramps were frequent or one was "
            "severe lately; pass on `advice`.",
            {},
            read_only=True,
        )

    async def async_call(
        self,
        hass: HomeAssistant,
        tool_input: llm.ToolInput,
        llm_context: llm.LLMContext,
    ) -> JsonObjectType:
        """The index as the card shows it, in short."""
        entry = async_find_person(hass, _person(dict(tool_input.tool_args)))
        card = card_payload(hass, entry)
        texts = await async_get_texts(hass, llm_context.language)
        available: bool = card["available"]
        points: list[tuple[str, int]] = [
            (factor["key"], factor["points"]) for factor in card["points"]
        ]
        if card["history"] is not None:  # the cramp history's share, a reason too
            points.append((card["history"], card["history_points"]))
        reasons = [
            {"factor": key, "points": value}
            for key, value in sorted(points, key=lambda kp: -kp[1])
            if value > 0 and available
        ]
        water = card["water"]
        answer: dict[str, Any] = {
            "person": card["name"],
            "available": available,
            "index": card["score"] if available else None,
            "level": card["level"] if available else None,
            "confidence": card["confidence_level"],
            "reasons": reasons,
            "lower_it_now": card["levers"],
            "water_today_ml": water["today_ml"],
            "water_expected_by_now_ml": water["expected_ml"],
            "water_target_ml": water["target_ml"],
            "raise_confidence": card["confidence_hints"],
            "see_a_professional": card["see_professional"],
            "advice": texts["see_professional"] if card["see_professional"] else None,
            "disclaimer": texts["disclaimer"],
        }
        return cast(JsonObjectType, _RESULT(data=answer))


class LogTool(CrampGuardTool):
    """Log water, a stretch or a cramp for a person, as the action does."""

    def __init__(
        self,
        kind: str,
        title: str,
        description: str,
        fields: dict[vol.Marker, Any],
    ) -> None:
        """Describe the tool that logs a body of `kind`."""
        self.kind = kind
        super().__init__(f"log_{kind}", title, description, fields, read_only=False)

    @refused_as_error
    async def async_call(
        self,
        hass: HomeAssistant,
        tool_input: llm.ToolInput,
        llm_context: llm.LLMContext,
    ) -> JsonObjectType:
        """Log it now; the day's totals after it. A value left empty (null) is left
        out; everything else is checked as the action checks it."""
        args = dict(tool_input.tool_args)
        entry = async_find_person(hass, _person(args))
        body = {key: value for key, value in args.items() if value is not None}
        data = entry.runtime_data
        totals = actions.async_log(data.engine, self.kind, body, around=(PERSON,))
        answer: JsonObjectType = {
            "person": data.engine.settings.name,
            "logged": self.kind,
            **totals.as_dict(),
        }
        return cast(JsonObjectType, _RESULT(data=answer))


def _tools() -> list[llm.Tool]:
    return [
        RiskTool(),
        LogTool(
            "water",
            "Log water",
            "Log water a person drank just now; it counts towards today's water and "
            "lowers the index when they were behind. A glass is about 250 mL, a "
            "bottle 500 mL. Answers today's totals.",
            {
                vol.Required("amount", description="How much, in `unit`."): vol.Coerce(
                    float
                ),
                vol.Optional("unit", default="mL"): vol.In(
                    [str(unit) for unit in WATER_UNITS]
                ),
            },
        ),
        LogTool(
            "stretch",
            "Log a stretch",
            "Log that a person stretched just now (after a workout or before bed it "
            "lowers the index). Answers today's totals.",
            {},
        ),
        LogTool(
            "cramp",
            "Log a cramp",
            "Log a muscle cramp a person had just now (Cramp Guard learns from "
            "cramps). Leave `context` out unless they said it: it is worked out "
            "from their activity and sleep. Answers the totals.",
            {
                vol.Optional("muscle", default="calf"): vol.In(MUSCLES),
                vol.Optional("context"): vol.In(CONTEXTS),
                vol.Optional("severity"): vol.In(SEVERITIES),
            },
        ),
    ]


@dataclass(kw_only=True, slots=True)
class CrampGuardAPI(llm.API):
    """The tools, and a prompt naming the people set up."""

    tools: list[llm.Tool] = field(default_factory=_tools)

    async def async_get_api_instance(
        self, llm_context: llm.LLMContext
    ) -> llm.APIInstance:
        """The prompt with today's people, and the tools."""
        names = sorted(
            (
                entry.title
                for entry in self.hass.config_entries.async_loaded_entries(DOMAIN)
            ),
            key=str.casefold,
        )
        return llm.APIInstance(
            api=self,
            api_prompt=API_PROMPT.format(names=", ".join(names)),
            llm_context=llm_context,
            tools=self.tools,
        )


@dataclass(slots=True)
class _Registered:
    """The API's unregister callback and the loaded entries that keep it."""

    unregister: CALLBACK_TYPE
    entries: set[str] = field(default_factory=set)


DATA_LLM_API: HassKey[_Registered] = HassKey(f"{DOMAIN}_llm_api")


@callback
def async_setup_llm_api(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Register the API with the first loaded entry; the last to unload removes it."""
    registered = hass.data.get(DATA_LLM_API)
    if registered is None:
        api = CrampGuardAPI(hass=hass, id=API_ID, name=API_NAME)
        registered = hass.data[DATA_LLM_API] = _Registered(
            llm.async_register_api(hass, api)
        )
    registered.entries.add(entry.entry_id)

    @callback
    def release() -> None:
        registered.entries.discard(entry.entry_id)
        if not registered.entries:
            del hass.data[DATA_LLM_API]
            registered.unregister()

    entry.async_on_unload(release)
