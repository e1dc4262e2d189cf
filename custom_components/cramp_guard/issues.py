"""Cramp Guard's repair issues, raised and deleted (their fix flows: repairs.py).

- `missing_source`: a source entity is gone; the fix flow picks another entity.
- `broken_notify_target`: a notify target is missing or raises, or a person chosen
  as a target has no phone (translation `person_without_phone`); the fix flow picks
  another target.
- `counter_kind`: an activity or water counter behaves unlike the kind chosen for it
  (a "daily" one far above any plausible day or never falling at midnight, a "keeps
  counting" one falling to zero every midnight); the fix flow offers the other kind.
- `frequent_cramps` / `severe_cramp`: advice to see a health professional (one issue
  per person, its text by the reason: frequent cramps or one logged as severe); not
  fixable, it goes away when cramps are less frequent, the severe one is 14 days old,
  or its log is undone.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .const import COUNTER_SOURCES, DOMAIN, CounterKind
from .targets import shown

ISSUE_MISSING_SOURCE = "missing_source"
ISSUE_FREQUENT_CRAMPS = "frequent_cramps"
ISSUE_SEVERE_CRAMP = "severe_cramp"  # the same issue, raised by a severe cramp
ISSUE_COUNTER_KIND = "counter_kind"
ISSUE_BROKEN_TARGET = "broken_notify_target"
ISSUE_NO_PHONE = "person_without_phone"  # an issue of ISSUE_BROKEN_TARGET's kind
ISSUE_LEDGER = "ledger_recovered"  # translation keys: ledger_restored, ledger_lost


def _issue_id(entry_id: str, key: str) -> str:
    return f"{ISSUE_MISSING_SOURCE}_{entry_id}_{key}"


def frequent_cramps_issue_id(entry_id: str) -> str:
    """The see-a-professional advice of one person (frequent or severe cramps)."""
    return f"{ISSUE_FREQUENT_CRAMPS}_{entry_id}"


def _source_issue(
    hass: HomeAssistant,
    issue_id: str,
    translation_key: str,
    name: str,
    entity_id: str,
    data: dict[str, str],
) -> None:
    """A fixable warning about one source entity of a person."""
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=True,
        is_persistent=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key=translation_key,
        translation_placeholders={"name": name, "entity_id": entity_id},
        data={**data, "entity_id": entity_id},
    )


@callback
def async_missing_source(
    hass: HomeAssistant, entry_id: str, name: str, key: str, entity_id: str
) -> None:
    """Raise the fixable issue for a source entity that does not exist."""
    _source_issue(
        hass,
        _issue_id(entry_id, key),
        ISSUE_MISSING_SOURCE,
        name,
        entity_id,
        {"entry_id": entry_id, "key": key},
    )


@callback
def async_source_back(hass: HomeAssistant, entry_id: str, key: str) -> None:
    """Remove the issue once the source exists again."""
    ir.async_delete_issue(hass, DOMAIN, _issue_id(entry_id, key))


def _kind_issue_id(entry_id: str, key: str) -> str:
    return f"{ISSUE_COUNTER_KIND}_{entry_id}_{key}"


@callback
def async_counter_kind(
    hass: HomeAssistant,
    entry_id: str,
    name: str,
    key: str,
    entity_id: str,
    suggested: CounterKind,
) -> None:
    """Raise the fixable issue for a counter that behaves like the other kind."""
    _source_issue(
        hass,
        _kind_issue_id(entry_id, key),
        f"{ISSUE_COUNTER_KIND}_{suggested.value}",
        name,
        entity_id,
        {"entry_id": entry_id, "key": key, "suggested": suggested.value},
    )


@callback
def async_source_renamed(
    hass: HomeAssistant, entry_id: str, name: str, key: str, entity_id: str
) -> None:
    """A source entity has a new entity id: its counter-kind issue, if raised,
    names the new one."""
    issue = ir.async_get(hass).async_get_issue(DOMAIN, _kind_issue_id(entry_id, key))
    if issue is not None and issue.data is not None:
        suggested = CounterKind(str(issue.data["suggested"]))
        async_counter_kind(hass, entry_id, name, key, entity_id, suggested)


@callback
def async_delete_counter_kind(hass: HomeAssistant, entry_id: str) -> None:
    """Remove an entry's counter-kind issues (its counters are checked anew)."""
    for key in COUNTER_SOURCES:
        ir.async_delete_issue(hass, DOMAIN, _kind_issue_id(entry_id, key))


@callback
def async_frequent_cramps(
    hass: HomeAssistant,
    entry_id: str,
    name: str,
    counts: tuple[int, int] | None,
    severe: bool = False,
) -> None:
    """Show the advice with (cramps in 14 days, night cramps in 7) when cramps are
    frequent, else the severe-cramp advice when `severe`; or remove it."""
    issue_id = frequent_cramps_issue_id(entry_id)
    if counts is None and not severe:
        ir.async_delete_issue(hass, DOMAIN, issue_id)
        return
    placeholders = {"name": name}
    if counts is not None:
        placeholders |= {"count": str(counts[0]), "nights": str(counts[1])}
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=False,
        is_persistent=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key=ISSUE_SEVERE_CRAMP if counts is None else ISSUE_FREQUENT_CRAMPS,
        translation_placeholders=placeholders,
    )


def broken_target_issue_id(entry_id: str, target: str) -> str:
    """The repair issue of a notify target that failed."""
    return f"{ISSUE_BROKEN_TARGET}_{entry_id}_{target}"


def _target_issue(
    hass: HomeAssistant, entry_id: str, name: str, target: str, translation_key: str
) -> None:
    """A fixable warning about one notify target of a person (fix: another one)."""
    ir.async_create_issue(
        hass,
        DOMAIN,
        broken_target_issue_id(entry_id, target),
        is_fixable=True,
        is_persistent=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key=translation_key,
        translation_placeholders={"name": name, "target": shown(target)},
        data={"entry_id": entry_id, "target": target},
    )


@callback
def async_broken_target(
    hass: HomeAssistant, entry_id: str, name: str, target: str
) -> None:
    """Raise the fixable issue for a notify target that is missing or raises."""
    _target_issue(hass, entry_id, name, target, ISSUE_BROKEN_TARGET)


@callback
def async_person_without_phone(
    hass: HomeAssistant, entry_id: str, name: str, person: str
) -> None:
    """Raise the fixable issue for a person target none of whose device trackers is
    a phone with the Companion app (the same fix as a broken target's)."""
    _target_issue(hass, entry_id, name, person, ISSUE_NO_PHONE)


@callback
def async_target_works(hass: HomeAssistant, entry_id: str, target: str) -> None:
    """Remove the issue once the target took a prompt."""
    ir.async_delete_issue(hass, DOMAIN, broken_target_issue_id(entry_id, target))


@callback
def async_ledger_recovered(
    hass: HomeAssistant,
    entry_id: str,
    name: str,
    kept_as: str,
    backup_day: str | None,
    days: int,
) -> None:
    """Say that the ledger file could not be used, where it was kept, and what was
    restored (the backup of `backup_day`, `days` days; None: nothing, started empty).
    """
    ir.async_create_issue(
        hass,
        DOMAIN,
        f"{ISSUE_LEDGER}_{entry_id}",
        is_fixable=False,
        is_persistent=True,
        severity=ir.IssueSeverity.ERROR,
        translation_key="ledger_restored" if backup_day else "ledger_lost",
        translation_placeholders={
            "name": name,
            "kept_as": kept_as,
            "backup_day": backup_day or "",
            "days": str(days),
        },
    )


@callback
def async_delete_entry_issues(hass: HomeAssistant, entry_id: str) -> None:
    """Remove every issue of an entry (the entry is being removed)."""
    ours = {frequent_cramps_issue_id(entry_id), f"{ISSUE_LEDGER}_{entry_id}"}
    prefixes = tuple(
        f"{kind}_{entry_id}_"
        for kind in (ISSUE_MISSING_SOURCE, ISSUE_BROKEN_TARGET, ISSUE_COUNTER_KIND)
    )
    for domain, issue_id in list(ir.async_get(hass).issues):
        if domain == DOMAIN and (issue_id in ours or issue_id.startswith(prefixes)):
            ir.async_delete_issue(hass, DOMAIN, issue_id)
