"""Run a real Home Assistant with Cramp Guard, a simulated person and a dashboard.

`scripts/develop` runs this (`python -m cramp_guard_dev.develop`) after
`scripts/setup`. It writes a configuration under `.develop/` (or `--config-dir`)
with demo source sensors that follow a person's day
(template sensors of the local time), links the integration from the repository,
starts Home Assistant on 127.0.0.1 with its frontend, and on the first run onboards
the user `demo`, adds the Cramp Guard entry "Demo" through the config flow API,
imports the past day (demo_history) and saves the default dashboard, which leads with
the Cramp Guard card. Later runs start it again as it was.

`--check` starts it, sets it up, verifies the risk and the dashboard, and stops.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence
import contextlib
import ctypes
from datetime import UTC, datetime, timedelta
import json
import os
from pathlib import Path
import shutil
import signal
import socket
import sys
import tempfile
import time
from typing import Any, Final, Literal
import zoneinfo

import aiohttp
from homeassistant.const import RESTART_EXIT_CODE
import yaml

from custom_components.cramp_guard.flow_schemas import sectioned

from .hass import (
    COMPONENT,
    ROOT,
    LiveHass,
    free_port,
    http_setup,
    is_number,
    zone_at,
)

DEFAULT_CONFIG_DIR: Final = ROOT / ".develop"
DEFAULT_PORT: Final = 8123
DEFAULT_TIME_ZONE: Final = "Europe/Berlin"
# The demo's busiest view (drinks behind pace, a warm room, the run ahead): the hour
# of the screenshots and of the browser tests (`zone_at`).
AFTERNOON: Final = 16
USERNAME: Final = "demo"
PASSWORD: Final = "demo-password-1"
PERSON: Final = "Demo"
# At least this many rows of the risk cover the past day (hourly statistics, 5-minute
# ones, states): `--check` fails with fewer.
HISTORY_ROWS: Final = 20
RISK: Final = "sensor.demo_cramp_risk"
# The live index continues the replayed day: at the import, the two are at most this
# far apart (the hysteresis of the shown score, the sources' last minute).
CONTINUES_WITHIN: Final = 2
MARKER: Final = "# Written by scripts/develop"
UTC_NAMES: Final = frozenset(
    {"UTC", "UCT", "GMT", "Universal", "Zulu", "Etc/UTC", "Etc/UCT", "Etc/GMT"}
    | {"Etc/Universal", "Etc/Zulu"}
)

PROFILE: Final = {
    "sex": "male",
    "body_mass": 70,
    "wake_time": "07:00",
    "bed_time": "22:30",
    "cramp_prone": True,
    "main_activity": "running",
}
SOURCES: Final = {
    "activity": "sensor.demo_steps",
    "workout": "binary_sensor.demo_workout",
    "room_temperature": "sensor.demo_room_temperature",
    "room_humidity": "sensor.demo_room_humidity",
    "water": "sensor.demo_water",
}
COUNTERS: Final = {
    "activity_metric": "steps",
    "activity_counter": "daily",
    "water_counter": "daily",
}

CONFIG_FILES: Final = ROOT / "cramp_guard_dev" / "config"
DEMO_DOMAIN: Final = "cramp_guard_demo"
DEMO_COMPONENT: Final = ROOT / "cramp_guard_dev" / "demo_history"
# The default dashboard, saved on the first run: it leads with the Cramp Guard card
# (CARD, for the demo person: DEMO_PERSON is replaced with the entry's id when it is
# saved); the built-in gauge of the README's "Built-in cards" section is on its second
# view (tests/e2e/test_develop.py checks that they match).
DASHBOARD: Final[dict[str, Any]] = yaml.safe_load(
    (CONFIG_FILES / "dashboard.yaml").read_text(encoding="utf-8")
)
CARD_TYPE: Final = "custom:cramp-guard-card"
DEMO_PERSON: Final = "DEMO_PERSON"


def _first(kind: str) -> dict[str, Any]:
    """The dashboard's first card of a type."""
    return next(
        card
        for view in DASHBOARD["views"]
        for card in view["cards"]
        if card["type"] == kind
    )


GAUGE: Final[dict[str, Any]] = _first("gauge")
CARD: Final[dict[str, Any]] = _first(CARD_TYPE)


def dashboard_for(entry_id: str) -> dict[str, Any]:
    """The dashboard with the Cramp Guard card of the person `entry_id`."""
    text = json.dumps(DASHBOARD).replace(json.dumps(DEMO_PERSON), json.dumps(entry_id))
    dashboard: dict[str, Any] = json.loads(text)
    return dashboard


# Copied into the configuration folder on every start (the demo's Home Assistant
# configuration, checked in as plain YAML).
COPIED: Final = ("configuration.yaml", "demo_sources.yaml", "http.yaml")


def host_time_zone() -> str:
    """The machine's time zone, or Europe/Berlin when it is UTC or unknown."""
    name = os.environ.get("TZ", "").removeprefix(":")
    if not name:
        target = os.path.realpath("/etc/localtime")
        if "/zoneinfo/" in target:
            name = target.split("/zoneinfo/", 1)[1]
    if not name or name in UTC_NAMES:
        return DEFAULT_TIME_ZONE
    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return DEFAULT_TIME_ZONE
    return name


def time_zone(name: str) -> str:
    """An IANA time zone name (argparse type)."""
    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError) as err:
        raise argparse.ArgumentTypeError(f"unknown time zone {name!r}") from err
    return name


def write_config(config_dir: Path, port: int) -> None:
    """Copy the configuration, link the integration, skip the onboarding wizard.

    The time zone and the port reach the YAML as environment variables of the `hass`
    process (see DevelopHass.start).
    """
    config_dir.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copyfile(CONFIG_FILES / name, config_dir / name)
    # Before Home Assistant reads its storage: "" when the settings are in storage.
    if http_setup(config_dir, port):
        with (config_dir / "configuration.yaml").open("a", encoding="utf-8") as file:
            file.write("http: !include http.yaml\n")
    for name, empty in (("automations.yaml", "[]"), ("scripts.yaml", "{}")):
        if not (config_dir / name).exists():
            (config_dir / name).write_text(f"{empty}\n")
    (config_dir / "packages").mkdir(exist_ok=True)
    # Links, so that a restart picks up the integration's code as edited; the demo's
    # past day comes from a helper of its own (demo_history, not the integration).
    for name, target in ((COMPONENT.name, COMPONENT), (DEMO_DOMAIN, DEMO_COMPONENT)):
        link = config_dir / "custom_components" / name
        link.parent.mkdir(exist_ok=True)
        if link.is_symlink() or link.is_file():
            link.unlink()
        elif link.is_dir():
            shutil.rmtree(link)
        link.symlink_to(target, target_is_directory=True)
    # The wizard's steps after the user's: mark them done before the first start, so
    # that creating the user finishes the onboarding (and the core_config step's
    # online integrations - weather, radio, translate - are not set up).
    storage = config_dir / ".storage"
    onboarding = storage / "onboarding"
    if not onboarding.exists():
        storage.mkdir(exist_ok=True)
        onboarding.write_text(
            json.dumps(
                {
                    "version": 4,
                    "minor_version": 1,
                    "key": "onboarding",
                    "data": {"done": ["core_config", "analytics", "integration"]},
                }
            )
        )


def reset(config_dir: Path) -> None:
    """Delete a configuration directory this script wrote."""
    if not config_dir.exists():
        return
    configuration = config_dir / "configuration.yaml"
    ours = configuration.exists() and configuration.read_text(
        encoding="utf-8"
    ).startswith(MARKER)
    if not ours and any(config_dir.iterdir()):
        raise SystemExit(f"refusing to delete {config_dir}: not written by develop")
    shutil.rmtree(config_dir)


def port_in_use(port: int) -> bool:
    """Whether something listens on 127.0.0.1:`port` already."""
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _die_with_parent() -> None:
    """In the child: be terminated when this script dies, even by SIGKILL (Linux)."""
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class DevelopHass(LiveHass):
    """LiveHass with the develop configuration, a fixed port and the demo user."""

    probe = "/manifest.json"  # onboarding is done after the first run
    person, username, password = PERSON, USERNAME, PASSWORD

    def __init__(
        self, config_dir: Path, port: int, time_zone: str, show_log: bool
    ) -> None:
        super().__init__(config_dir, time_zone)
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.show_log = show_log

    async def start(self) -> None:
        """Write the configuration, start the process, wait for HTTP, log in."""
        write_config(self.config_dir, self.port)
        await self._launch(
            {
                "CRAMP_GUARD_TIME_ZONE": self.time_zone,
                "CRAMP_GUARD_PORT": str(self.port),
            },
            self.show_log,
            start_new_session=True,  # Ctrl-C reaches this script; it stops hass
            preexec_fn=_die_with_parent,
        )


async def dashboard_config(hass: DevelopHass) -> Any:
    """The default dashboard's configuration, or None when it has none yet.

    Home Assistant 2026.2 and later turn a saved default dashboard into a dashboard
    entry (url path "lovelace") when they start, keeping the old one as lovelace_old;
    then the default (no url path) may answer config_not_found.
    """
    for message in (
        {"type": "lovelace/config"},
        {"type": "lovelace/config", "url_path": "lovelace"},
    ):
        try:
            return await hass.ws(message)
        except RuntimeError as err:
            if "config_not_found" not in str(err) and "Unknown" not in str(err):
                raise
    return None


async def wait_until_running(hass: DevelopHass, within: float = 60.0) -> None:
    """Wait until Home Assistant has started: before that, the websocket answers
    before every integration (lovelace among them) is set up.
    """
    deadline = time.monotonic() + within
    while (await hass.rest("GET", "/api/config")).get("state") != "RUNNING":
        if time.monotonic() > deadline:
            raise TimeoutError(f"Home Assistant did not start within {within:.0f} s")
        await asyncio.sleep(0.5)


async def set_up_demo(hass: DevelopHass) -> dict[str, Any] | None:
    """Add the demo person and the dashboard where they are missing; what the import
    of the past day answered when the person was added now (else None)."""
    await wait_until_running(hass)
    for entity_id in SOURCES.values():
        await hass.wait_for(entity_id, lambda s: s not in ("unknown", "unavailable"))
    entries = await hass.rest(
        "GET", "/api/config/config_entries/entry?domain=cramp_guard"
    )
    imported = None
    if not entries:
        print(f"[develop] adding the Cramp Guard entry {PERSON!r}", flush=True)
        result = await hass.config_flow(
            "cramp_guard",
            sectioned({"person_name": PERSON, **SOURCES}),
            COUNTERS,
            PROFILE,
        )
        if result.get("type") != "create_entry":
            raise RuntimeError(f"the config flow did not create the entry: {result}")
        imported = await import_day(hass)
    await hass.wait_for(RISK, lambda s: s != "unavailable")
    if await dashboard_config(hass) is None:
        print("[develop] saving the default dashboard", flush=True)
        entry_id = await demo_entry_id(hass)
        await hass.ws(
            {"type": "lovelace/config/save", "config": dashboard_for(entry_id)}
        )
    panels = await hass.ws({"type": "get_panels"})
    if not ((panels.get("lovelace") or {}).get("config") or {}).get("mode"):
        # Home Assistant 2026.2+ shows its new home panel unless the default
        # dashboard is a dashboard entry; it makes it one when it starts (a
        # migration), so only a restart puts the saved dashboard in the browser.
        print("[develop] restarting Home Assistant to show the dashboard", flush=True)
        await hass.stop()
        await hass.start()
        # Let the migration finish (and be saved on stop) before anything else.
        await wait_until_running(hass)
    return imported


async def demo_entry_id(hass: DevelopHass) -> str:
    """The config entry id of the demo person."""
    entries = await hass.rest(
        "GET", "/api/config/config_entries/entry?domain=cramp_guard"
    )
    return str(next(e["entry_id"] for e in entries if e["title"] == PERSON))


async def import_day(hass: DevelopHass) -> dict[str, Any]:
    """Give the new demo the past 24 h of its day (the recorder's statistics and
    states; the person continues the replayed ledger); what the import answered."""
    answer = await hass.ws(
        {
            "type": "call_service",
            "domain": DEMO_DOMAIN,
            "service": "import_day",
            "return_response": True,
        }
    )
    imported = answer["response"]
    print(
        f"[develop] imported the last 24 h of {imported['person']}'s day: "
        f"{imported['minutes']} minutes replayed, {imported['rows']} statistics rows, "
        f"{imported['states']} states (the replayed risk now "
        f"{imported['replayed_risk_now']} %, the live one "
        f"{imported['live_risk_now']} %)",
        flush=True,
    )
    return dict(imported)


def _cards(config: Any) -> list[dict[str, Any]]:
    """Every card of a dashboard configuration, nested ones included."""
    found: list[dict[str, Any]] = []
    if isinstance(config, dict):
        if "type" in config and (
            {"entity", "entities", "config_entry_id"} & set(config)
        ):
            found.append(config)
        for value in config.values():
            found += _cards(value)
    elif isinstance(config, list):
        for item in config:
            found += _cards(item)
    return found


async def history_rows(hass: DevelopHass) -> dict[str, int]:
    """How much of the last 24 h the recorder holds of the risk: its statistics
    rows by period and its states."""
    start = (datetime.now(UTC) - timedelta(hours=24)).isoformat()
    rows = {}
    for period in ("hour", "5minute"):
        found = await hass.ws(
            {
                "type": "recorder/statistics_during_period",
                "start_time": start,
                "statistic_ids": [RISK],
                "period": period,
                "types": ["mean"],
            }
        )
        rows[period] = len(found.get(RISK, []))
    states = await hass.rest(
        "GET", f"/api/history/period/{start}?filter_entity_id={RISK}&minimal_response"
    )
    rows["states"] = len(states[0]) if states else 0
    return rows


async def check(hass: DevelopHass, imported: dict[str, Any] | None = None) -> list[str]:
    """What is wrong with the running demo (nothing: an empty list); `imported`:
    what the import of the past day answered, on the first run."""
    problems: list[str] = []
    if imported is not None:
        replayed, live = imported["replayed_risk_now"], imported["live_risk_now"]
        if not (
            is_number(replayed)
            and is_number(live)
            and abs(float(replayed) - float(live)) <= CONTINUES_WITHIN
        ):
            problems.append(
                f"the live index ({live}) does not continue the replayed day "
                f"({replayed})"
            )
    risk = await hass.wait_for(RISK, is_number, within=30)
    config = await dashboard_config(hass)
    cards = _cards(config)
    entry_id = await demo_entry_id(hass)
    if not any(c == CARD | {"config_entry_id": entry_id} for c in cards):
        problems.append(f"the dashboard has no Cramp Guard card of {PERSON}")
    if not any(c["type"] == "gauge" and c.get("entity") == RISK for c in cards):
        problems.append(f"the dashboard has no gauge of {RISK}")
    states = {s["entity_id"] for s in await hass.rest("GET", "/api/states")}
    for card in cards:
        if "config_entry_id" in card:
            continue
        entities = [card["entity"]] if "entity" in card else card["entities"]
        for entity in entities:
            entity_id = entity if isinstance(entity, str) else entity.get("entity")
            if entity_id not in states:
                problems.append(
                    f"the dashboard shows {entity_id}, which does not exist"
                )
    day = await history_rows(hass)
    if min(day.values()) < HISTORY_ROWS:
        problems.append(f"the past day is missing from the recorder: {day}")
    attributes = risk["attributes"]
    print(
        f"OK: {RISK} = {risk['state']} % ({attributes.get('level')}, confidence "
        f"{attributes.get('confidence')}); the dashboard has the card and the gauge; "
        f"the past "
        f"day: {day['hour']} hourly and {day['5minute']} 5-minute statistics, "
        f"{day['states']} states of the risk"
        if not problems
        else "FAILED: " + "; ".join(problems),
        flush=True,
    )
    return problems


async def prepare(
    config_dir: Path, port: int, time_zone: str, *, show_log: bool = False
) -> DevelopHass:
    """Start the demo Home Assistant and set it up (the first run's user, entry and
    dashboard); the caller stops it. Port 0: any free one."""
    hass = DevelopHass(config_dir, port or free_port(), time_zone, show_log=show_log)
    try:
        await hass.start()
        await set_up_demo(hass)
    except BaseException:
        await hass.stop()
        raise
    return hass


def banner(hass: DevelopHass, started: float) -> None:
    """How to reach the running demo."""
    print(
        f"""
[develop] Cramp Guard is running in Home Assistant ({time.monotonic() - started:.0f} s).
  Open     {hass.base}/
  Log in   {USERNAME} / {PASSWORD}
  Config   {hass.config_dir} (log: home-assistant.log); --reset starts afresh
  Ctrl-C stops it.
""",
        flush=True,
    )


async def run(args: argparse.Namespace) -> int:
    """Start, set up, then check or keep running until a signal."""
    loop = asyncio.get_running_loop()
    main = asyncio.current_task()
    assert main is not None
    hass = DevelopHass(
        args.config_dir, args.port, args.time_zone, show_log=not args.check
    )
    signals = 0

    def on_signal() -> None:
        nonlocal signals
        signals += 1
        if signals == 1:
            main.cancel()
        elif hass.process is not None and hass.process.returncode is None:
            hass.process.kill()  # a second Ctrl-C: do not wait any longer

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal)
    started = time.monotonic()
    print(
        f"[develop] starting Home Assistant in {args.config_dir} "
        f"(time zone {args.time_zone})",
        flush=True,
    )
    try:
        await hass.start()
        imported = await set_up_demo(hass)
        if args.check:
            problems = await check(hass, imported)
            print(f"[develop] took {time.monotonic() - started:.1f} s", flush=True)
            return 1 if problems else 0
        banner(hass, started)
        while True:
            assert hass.process is not None
            code = await hass.process.wait()
            if code != RESTART_EXIT_CODE:
                print(f"[develop] Home Assistant exited ({code})", flush=True)
                return code or 1
            # Restart (Settings > System > Restart): start it again, with the
            # integration's code as it is now.
            print("[develop] restarting Home Assistant", flush=True)
            started = time.monotonic()
            await hass.stop()
            await hass.start()
            banner(hass, started)
    except asyncio.CancelledError:
        print("\n[develop] stopping Home Assistant", flush=True)
        return 130 if args.check else 0
    except (RuntimeError, TimeoutError, aiohttp.ClientError) as err:
        print(f"[develop] FAILED: {err}", file=sys.stderr, flush=True)
        return 1
    finally:
        await hass.stop()


async def screenshot(args: argparse.Namespace) -> int:
    """Start and set up the demo, save a browser screenshot of its dashboard, stop."""
    from .browser import screenshot_dashboard  # needs playwright

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cramp-guard-screenshot-") as temp:
        config_dir = args.config_dir or Path(temp)
        print(
            f"[develop] starting Home Assistant in {config_dir} "
            f"(time zone {args.time_zone})",
            flush=True,
        )
        try:
            hass = await prepare(config_dir, args.port, args.time_zone)
        except (RuntimeError, TimeoutError, aiohttp.ClientError) as err:
            print(f"[develop] FAILED: {err}", file=sys.stderr, flush=True)
            return 1
        shots = {
            args.screenshot.with_name(f"card-{name}.png"): shot
            for name, shot in CARD_SHOTS.items()
        }
        try:
            risk = await hass.wait_for(RISK, is_number)
            seen = await screenshot_dashboard(hass, args.screenshot, card_shots=shots)
        finally:
            await hass.stop()
    print(
        f"[develop] {args.screenshot}: the card shows {seen['score_text']!r} "
        f"({RISK} = {risk['state']}), {seen['factors']}; buttons: "
        f"{', '.join(seen['buttons'])}; and the card alone: "
        f"{', '.join(path.name for path in shots)}; took "
        f"{time.monotonic() - started:.1f} s",
        flush=True,
    )
    return 0


# The pictures of the card alone next to the dashboard's (docs/): name -> (width,
# colour scheme, language). 1280 px is a desktop; 390 px a phone.
CARD_SHOTS: Final[dict[str, tuple[int, Literal["light", "dark"], str]]] = {
    "light": (1280, "light", "en"),
    "dark": (1280, "dark", "en"),
    "phone-light": (390, "light", "en"),
    "phone-dark": (390, "dark", "en"),
    "phone-he": (390, "light", "he"),
}


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="scripts/develop",
        description="Run a real Home Assistant with Cramp Guard and a demo person.",
    )
    parser.add_argument(
        "--lane",
        metavar="LANE",
        help="run on another Home Assistant: ha-2026.11 (2026.11 on Python 3.14, in "
        "the chroot of scripts/py314; needs root). Must be the first option: "
        "scripts/develop handles it",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=None,
        help="HTTP port (0: any free one; default: 8123, any free one for "
        "--screenshot)",
    )
    parser.add_argument(
        "--config-dir",
        type=Path,
        default=None,
        help="configuration directory (default: .develop; a temporary one for "
        "--screenshot)",
    )
    parser.add_argument(
        "--time-zone",
        type=time_zone,
        default=None,
        help="the demo's time zone (default: the machine's, Europe/Berlin for UTC; "
        "for --screenshot one in which it is about 16:00)",
    )
    parser.add_argument(
        "--reset", action="store_true", help="delete the configuration directory first"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="start, set up, check the risk and the dashboard, stop",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="start and set up a fresh demo, save a chromium screenshot of the "
        "dashboard to PNG and of the card alone next to it (card-light.png, "
        "card-dark.png, card-phone-*.png), stop (scripts/screenshot)",
    )
    args = parser.parse_args(argv)
    if args.lane is not None:
        parser.error("--lane must be the first option of scripts/develop")
    if args.config_dir is not None:
        args.config_dir = args.config_dir.resolve()
    elif not args.screenshot:
        args.config_dir = DEFAULT_CONFIG_DIR
    if args.time_zone is None:
        args.time_zone = zone_at(AFTERNOON) if args.screenshot else host_time_zone()
    if args.port is None:
        args.port = 0 if args.screenshot else DEFAULT_PORT
    if args.screenshot:
        args.screenshot = args.screenshot.resolve()
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run `scripts/develop`."""
    args = parse_args(argv)
    if args.reset and args.config_dir is not None:
        reset(args.config_dir)
    if args.port == 0:
        args.port = free_port()
    elif port_in_use(args.port):
        print(
            f"[develop] 127.0.0.1:{args.port} is in use (another Home Assistant?); "
            "stop it or pick another --port",
            file=sys.stderr,
        )
        return 2
    if args.screenshot:
        return asyncio.run(screenshot(args))
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
