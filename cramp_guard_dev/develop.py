"""Run a real Home Assistant with Cramp Guard, a simulated person and a dashboard.

`scripts/develop` runs this (`python -m cramp_guard_dev.develop`) after
`scripts/setup`. This module is the command line and the order of things; each step
is a module of its own. It writes a configuration under `.develop/` (or
`--config-dir`) with demo source sensors that follow a person's day (template sensors
of the local time) and links the integration from the repository (demo_config.py),
starts Home Assistant on 127.0.0.1 with its frontend (process.py), and on the first run
onboards the user `demo`, adds the Cramp Guard entry "Demo" through the config flow
API, imports the past day (past_day.py, demo_history) and saves the default
dashboard, which leads with the Cramp Guard card (demo_setup.py). Later runs start it
again as it was; a restart from Home Assistant's settings starts it again here.

`--check` starts it, sets it up, verifies the risk and the dashboard (checks.py), and
stops; `--screenshot` pictures a fresh demo's dashboard and card (screenshots.py).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence
import os
from pathlib import Path
import signal
import sys
import time
from typing import Final
import zoneinfo

import aiohttp
from homeassistant.const import RESTART_EXIT_CODE

from .checks import check
from .demo_config import PASSWORD, USERNAME, reset
from .demo_setup import set_up_demo
from .hass import ROOT, free_port, zone_at
from .process import DevelopHass, port_in_use
from .screenshots import AFTERNOON, screenshot

DEFAULT_CONFIG_DIR: Final = ROOT / ".develop"
DEFAULT_PORT: Final = 8123
DEFAULT_TIME_ZONE: Final = "Europe/Berlin"
UTC_NAMES: Final = frozenset(
    {"UTC", "UCT", "GMT", "Universal", "Zulu", "Etc/UTC", "Etc/UCT", "Etc/GMT"}
    | {"Etc/Universal", "Etc/Zulu"}
)


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
