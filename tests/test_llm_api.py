"""The "Cramp Guard" LLM API, called as a conversation agent calls it.

Every test gets the API with `llm.async_get_api` and calls a tool with
`APIInstance.async_call_tool`, as Home Assistant's chat log does for an agent, with
real people set up. The request's context is built from the fields the running
release's `LLMContext` has (2025.4 has `user_prompt`; 2026.x does not). A tool's
answer is a JSON object (2025.4, 2026.2) or a `ToolResult` holding it (2026.10).

`pytest -s tests/test_llm_api.py -k conversation` prints a transcript of a dialogue.
"""

from __future__ import annotations

from dataclasses import fields
import json
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import llm
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol

from custom_components.cramp_guard.bodies import KEYS
from custom_components.cramp_guard.const import CONF_PERSON_NAME, DOMAIN
from custom_components.cramp_guard.issues import async_frequent_cramps
from custom_components.cramp_guard.learning import levers_json
from custom_components.cramp_guard.llm_api import API_ID, DATA_LLM_API, fold
from custom_components.cramp_guard.texts import load_texts

from .conftest import ENTRY_ID, PERSON, USABLE, engine_of, make_entry, setup_entry

TOOLS = ("get_cramp_risk", "log_water", "log_stretch", "log_cramp")
READ_KEYS = {
    "person",
    "available",
    "index",
    "level",
    "confidence",
    "reasons",
    "lower_it_now",
    "water_today_ml",
    "water_expected_by_now_ml",
    "water_target_ml",
    "raise_confidence",
    "see_a_professional",
    "advice",
    "disclaimer",
}
TOTALS = {
    "person",
    "logged",
    "water_today_ml",
    "stretches_today",
    "cramps_30_days",
    "log_id",
}


def agent_context(prompt: str = "", language: str = "en") -> llm.LLMContext:
    """The context an agent passes, with the fields this release's LLMContext has."""
    values: dict[str, Any] = {
        "platform": "test_agent",
        "context": Context(),
        "user_prompt": prompt,
        "language": language,
        "assistant": "conversation",
        "device_id": None,
    }
    names = {field.name for field in fields(llm.LLMContext)}
    return llm.LLMContext(**{key: values[key] for key in names})


async def api_instance(hass: HomeAssistant, language: str = "en") -> llm.APIInstance:
    """The API as an agent gets it for a turn of the conversation."""
    return await llm.async_get_api(hass, API_ID, agent_context(language=language))


async def call(
    hass: HomeAssistant, tool: str, language: str = "en", **args: Any
) -> dict[str, Any]:
    """Call a tool as the agent's chat log does; its JSON answer."""
    api = await api_instance(hass, language)
    result = await api.async_call_tool(llm.ToolInput(tool_name=tool, tool_args=args))
    data: dict[str, Any] = getattr(result, "data", result)  # a ToolResult (2026.10)
    json.dumps(data)  # JSON as it is
    return data


async def refused(hass: HomeAssistant, tool: str, **args: Any) -> HomeAssistantError:
    """Call a tool that refuses; the error (the agent hands its text to the model)."""
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, tool, **args)
    assert err.value.translation_domain == DOMAIN
    return err.value


def openapi(schema: vol.Schema) -> dict[str, Any]:
    """The tool's parameters as this release's agents send them to a model."""
    try:
        import probatio  # 2026.10 on
    except ImportError:
        from voluptuous_openapi import convert

        converted: dict[str, Any] = convert(schema)
        return converted
    converted = probatio.to_openapi(schema)
    return converted


@pytest.fixture
async def two_people(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> MockConfigEntry:
    """Alex (the fixture's) and Zoë."""
    return await setup_entry(hass, make_entry("Zoë", **PERSON))


async def test_the_api_and_its_tools(
    hass: HomeAssistant,
    two_people: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """One API for everyone: a short prompt naming the people, four tools described
    for a model, each with the action's fields and the person's name."""
    assert [api.id for api in llm.async_get_apis(hass)].count(API_ID) == 1
    api = await api_instance(hass)
    assert api.api.name == "Cramp Guard"
    assert "not the chance of a cramp" in api.api_prompt
    assert "not medical advice" in api.api_prompt
    assert api.api_prompt.endswith("People set up: Alex, Zoë.")
    assert [tool.name for tool in api.tools] == list(TOOLS)
    for tool in api.tools:
        assert tool.description
        assert len(tool.description) < 1200
        spec = openapi(tool.parameters)
        kind = tool.name.removeprefix("log_")
        body = KEYS[kind] if tool.name.startswith("log_") else ()
        assert set(spec["properties"]) == {"person", *body}
        assert "person" not in spec.get("required", [])
    water = openapi(api.tools[1].parameters)
    assert water["required"] == ["amount"]
    assert water["properties"]["unit"]["enum"] == ["mL", "L", "fl. oz.", "cup", "gal"]
    await call(hass, "get_cramp_risk", person="Alex")
    # 2026.10: tools that say whose they are and answer a ToolResult: no warning.
    assert "without an integration" not in caplog.text
    assert "deprecated" not in caplog.text


async def test_read_the_index(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    """The index the risk sensor shows, its reasons (most points first, all of them
    adding up to at most the score), what would lower it and the water so far; the
    name may be left out with one person."""
    snapshot = engine_of(init_integration).snapshot
    assert snapshot is not None
    answer = await call(hass, "get_cramp_risk")
    assert set(answer) == READ_KEYS
    assert answer["person"] == "Alex"
    assert answer["available"] is True
    assert answer["index"] == snapshot.risk.score
    assert answer["level"] == snapshot.risk.level
    assert answer["confidence"] == snapshot.risk.confidence_level
    points = [reason["points"] for reason in answer["reasons"]]
    assert points == sorted(points, reverse=True)
    assert all(p > 0 for p in points)
    assert sum(points) == snapshot.risk.score
    assert answer["lower_it_now"] == levers_json(snapshot.levers, "°C")
    assert answer["water_today_ml"] == 800
    assert answer["water_target_ml"] == round(snapshot.assessment.water_target_ml or 0)
    assert answer["see_a_professional"] is False
    assert answer["advice"] is None
    assert answer["disclaimer"] == load_texts("en")["disclaimer"]
    assert answer == await call(hass, "get_cramp_risk", person="alex")


async def test_log_water(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    """Water is logged in the unit given; the water so far grows."""
    answer = await call(hass, "log_water", person="Alex", amount=250)
    assert set(answer) == TOTALS
    assert answer["logged"] == "water"
    assert answer["water_today_ml"] == 1050
    answer = await call(hass, "log_water", amount="8", unit="FL. OZ.", person=None)
    assert answer["water_today_ml"] == 1050 + 237
    read = await call(hass, "get_cramp_risk")
    assert read["water_today_ml"] == 1287


@pytest.mark.parametrize(
    ("args", "key", "words"),
    [
        ({"amount": 0}, "invalid_amount", "at least 1 mL"),
        ({"amount": -250}, "invalid_amount", "at least 1 mL"),
        ({"amount": "nan"}, "invalid_amount", "at least 1 mL"),
        ({"amount": 5, "unit": "L"}, "amount_too_large", "5000 mL"),
        ({"amount": 1, "unit": "pint"}, "invalid_unit", "mL, L, fl. oz., cup, gal"),
        ({"amount": "a glass"}, "invalid_body", "expected a number"),
        ({}, "invalid_body", "amount"),
        (
            {"amount": 250, "note": "tea"},
            "invalid_body",
            "note: unknown key (known: person, amount, unit)",
        ),
    ],
)
async def test_bad_water_is_refused(
    hass: HomeAssistant,
    noon: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    args: dict[str, Any],
    key: str,
    words: str,
) -> None:
    """The log_water action's error for the same amount, in words; nothing logged."""
    err = await refused(hass, "log_water", **args)
    assert err.translation_key == key
    assert words in str(err)
    assert (await call(hass, "get_cramp_risk"))["water_today_ml"] == 800


async def test_log_a_stretch(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    """A stretch now; today's stretches count it."""
    answer = await call(hass, "log_stretch", person="ALEX")
    assert answer["logged"] == "stretch"
    assert answer["stretches_today"] == 1


async def test_log_a_cramp(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    """A cramp with its muscle and severity, the context worked out (rest at noon);
    the index then names the recent cramp as a reason."""
    answer = await call(
        hass, "log_cramp", muscle="hamstring", severity="mild", context=None
    )
    assert answer["logged"] == "cramp"
    assert answer["cramps_30_days"] == 1
    [cramp] = engine_of(init_integration).ledger.iter_cramps()
    assert (cramp.muscle, cramp.context, cramp.severity) == (
        "hamstring",
        "rest",
        "mild",
    )
    read = await call(hass, "get_cramp_risk")
    history = [r for r in read["reasons"] if r["factor"] == "recent_cramp"]
    assert history
    assert history[0]["points"] > 0
    err = await refused(hass, "log_cramp", muscle="neck")
    assert err.translation_key == "invalid_body"
    assert "expected one of calf" in str(err)


async def test_see_a_professional(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    """The frequent-cramps advice reaches the model."""
    async_frequent_cramps(hass, ENTRY_ID, "Alex", (4, 3))
    answer = await call(hass, "get_cramp_risk")
    assert answer["see_a_professional"] is True
    assert answer["advice"] == load_texts("en")["see_professional"]
    # in the conversation's language
    german = await call(hass, "get_cramp_risk", language="de")
    assert german["advice"] == load_texts("de")["see_professional"] != answer["advice"]
    assert german["disclaimer"] == load_texts("de")["disclaimer"]


@pytest.mark.entry(
    sources={"room_temperature": "sensor.room_temperature"},
    states={"room_temperature": "unavailable"},
)
async def test_no_index_without_a_source(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    """With nothing beyond the clock known there is no index to give."""
    answer = await call(hass, "get_cramp_risk")
    assert answer["available"] is False
    assert answer["index"] is None
    assert answer["level"] is None
    assert answer["reasons"] == []
    assert answer["lower_it_now"] == []


def test_fold() -> None:
    """Case, accents and spaces do not count."""
    assert fold("  Zoë  Ann ") == fold("ZOE ann") == "zoe ann"
    assert fold("Łukasz") != fold("Lukasz")  # a letter of its own, not an accent
    assert fold("Straße") == fold("STRASSE")


@pytest.mark.parametrize("name", ["zoe", "ZOË", " Zoë ", "zoë"])
async def test_a_person_by_name(
    hass: HomeAssistant, two_people: MockConfigEntry, name: str
) -> None:
    """The name in any case, with or without its accents."""
    answer = await call(hass, "log_stretch", person=name)
    assert answer["person"] == "Zoë"
    assert engine_of(two_people).snapshot.stretches_today == 1  # type: ignore[union-attr]


async def test_whose(hass: HomeAssistant, two_people: MockConfigEntry) -> None:
    """With two people the name is needed; an unknown one is refused with the
    names."""
    err = await refused(hass, "get_cramp_risk")
    assert err.translation_key == "person_required"
    assert str(err) == "Say whose: Cramp Guard has several people (Alex, Zoë)"
    err = await refused(hass, "log_water", person="Bob", amount=250)
    assert err.translation_key == "person_unknown"
    assert str(err) == 'Cramp Guard has nobody called "Bob"; the people are: Alex, Zoë'
    err = await refused(hass, "log_stretch", person=7)
    assert err.translation_key == "person_unknown"


async def test_ambiguous(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    """Two people whose names differ only by case and accents (entries that did not
    come through the form): the error names both."""
    for name, unique_id in (("Zoë", "zoe"), ("ZOE", "zoe_2")):
        entry = MockConfigEntry(
            domain=DOMAIN,
            title=name,
            unique_id=unique_id,
            data={CONF_PERSON_NAME: name},
            options=PERSON,
            minor_version=3,
        )
        await setup_entry(hass, entry)
    err = await refused(hass, "log_stretch", person="zoe")
    assert err.translation_key == "person_ambiguous"
    assert str(err) == '"zoe" could be any of ZOE, Zoë; say which one'


async def test_not_loaded(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    """A person whose Cramp Guard is not loaded: nothing is logged."""
    make_entry("Cleo", **PERSON).add_to_hass(hass)
    err = await refused(hass, "log_water", person="cleo", amount=250)
    assert err.translation_key == "entry_not_loaded"
    assert "Cleo" in str(err)


async def test_registered_while_someone_is_loaded(
    hass: HomeAssistant, two_people: MockConfigEntry
) -> None:
    """The last person to unload takes the API away; the next one brings it back."""
    alex = hass.config_entries.async_get_entry(ENTRY_ID)
    assert alex is not None
    api = await api_instance(hass)
    assert await hass.config_entries.async_unload(two_people.entry_id)
    assert (await call(hass, "get_cramp_risk", person="Alex"))["person"] == "Alex"
    assert await hass.config_entries.async_unload(ENTRY_ID)
    assert DATA_LLM_API not in hass.data
    assert API_ID not in [api.id for api in llm.async_get_apis(hass)]
    with pytest.raises(HomeAssistantError, match="not found"):
        await api_instance(hass)
    # An agent holding the instance from before: a clear answer.
    with pytest.raises(ServiceValidationError) as err:
        await api.async_call_tool(
            llm.ToolInput(tool_name="log_stretch", tool_args={"person": "Alex"})
        )
    assert err.value.translation_key == "entry_not_loaded"
    await hass.config_entries.async_remove(two_people.entry_id)
    await hass.config_entries.async_remove(ENTRY_ID)
    with pytest.raises(ServiceValidationError) as err:
        await api.async_call_tool(
            llm.ToolInput(tool_name="get_cramp_risk", tool_args={})
        )
    assert err.value.translation_key == "no_people"
    assert str(err.value) == "No person is set up in Cramp Guard"
    # Set up again: registered again, once.
    await setup_entry(hass, make_entry("Alex", **PERSON))
    assert alex.state is ConfigEntryState.NOT_LOADED
    assert (await call(hass, "get_cramp_risk"))["person"] == "Alex"


async def test_reload_keeps_it(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> None:
    """A reload of the only person unregisters and registers again."""
    assert await hass.config_entries.async_reload(ENTRY_ID)
    await hass.async_block_till_done()
    assert (await call(hass, "get_cramp_risk"))["person"] == "Alex"


@pytest.mark.entry(
    states=USABLE | {"room_temperature": 29, "room_humidity": 60, "water": 300}
)
async def test_a_conversation(hass: HomeAssistant, two_people: MockConfigEntry) -> None:
    """A dialogue's tool calls as an agent makes them, on a warm day behind on
    water; errors as the chat log hands them to the model. Printed as a transcript
    (`pytest -s`)."""
    lines: list[str] = []

    async def agent(says: str, tool: str, args: dict[str, Any]) -> dict[str, Any]:
        try:
            answer = await call(hass, tool, **args)
        except HomeAssistantError as err:  # what the chat log makes of it
            answer = {"error": type(err).__name__, "error_text": str(err)}
        lines.append(
            f"> {says}\n\n`{tool}` `{json.dumps(args, ensure_ascii=False)}`\n\n"
            f"```json\n{json.dumps(answer, ensure_ascii=False)}\n```\n"
        )
        return answer

    risk = await agent(
        "Why is my cramp risk up? (Zoë)", "get_cramp_risk", {"person": "zoe"}
    )
    assert risk["person"] == "Zoë"
    assert risk["lower_it_now"][0]["key"] == "water"
    water = await agent(
        "Log a glass of water for Zoe.", "log_water", {"person": "Zoë", "amount": 250}
    )
    assert water["water_today_ml"] == 550
    after = await agent("And now?", "get_cramp_risk", {"person": "zoe"})
    assert after["water_today_ml"] == 550
    assert after["index"] < risk["index"]
    big = await agent(
        "I drank 4 litres.", "log_water", {"person": "Zoe", "amount": 4, "unit": "L"}
    )
    assert big["error"] == "ServiceValidationError"
    cramp = await agent(
        "Alex just had a cramp in his calf, a bad one.",
        "log_cramp",
        {"person": "alex", "muscle": "calf", "severity": "severe"},
    )
    assert cramp["cramps_30_days"] == 1
    alex = await agent("What is Alex's risk now?", "get_cramp_risk", {"person": "Alex"})
    assert "recent_cramp" in [reason["factor"] for reason in alex["reasons"]]
    assert "error" in await agent("What's the risk?", "get_cramp_risk", {})
    assert "error" in await agent(
        "Log a stretch for Sam.", "log_stretch", {"person": "Sam"}
    )
    api = await api_instance(hass)
    tools = "\n".join(
        f"- `{tool.name}`: {tool.description}\n  parameters: "
        f"`{json.dumps(openapi(tool.parameters), ensure_ascii=False)}`"
        for tool in api.tools
    )
    print(  # the transcript
        f"API prompt:\n\n> {api.api_prompt}\n\nTools:\n\n{tools}\n\n"
        "Calls:\n\n" + "\n".join(lines)
    )
