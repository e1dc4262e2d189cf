"""A real Home Assistant process on 127.0.0.1 with Cramp Guard, driven over its API.

Used by the end-to-end tests and the live benchmark: it writes a configuration,
starts `python -m homeassistant` from the running interpreter's environment, onboards
a user to get a token, and talks REST and websocket like the frontend does.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
import contextlib
from datetime import UTC, datetime
import json
import os
from pathlib import Path
import shutil
import socket
import sys
import time
from typing import Any, Final

import aiohttp

from custom_components.cramp_guard.flow_schemas import sectioned

ROOT = Path(__file__).resolve().parents[1]
COMPONENT = ROOT / "custom_components" / "cramp_guard"
START_TIMEOUT = 120.0
# `python -m homeassistant`, except that Home Assistant 2026.2 (the compatibility lane)
# asks for Python 3.13.2 and runs on the 3.13.0 here: skip only that check.
LAUNCHER = (
    "import sys, homeassistant.__main__ as m; "
    "m.validate_python = lambda: None; "
    "sys.exit(m.main())"
)
CONFIGURATION = """\
homeassistant:
  name: Cramp Guard test
  time_zone: {time_zone}
  unit_system: metric
  latitude: 52.52
  longitude: 13.40
  elevation: 34
{http}api:
config:
diagnostics:
onboarding:
logger:
  default: warning
  logs:
    custom_components.cramp_guard: info
"""


HTTP_YAML = """\
http:
  server_host: 127.0.0.1
  server_port: {port}
"""


def http_setup(config_dir: Path, port: int) -> str:
    """Bind Home Assistant to 127.0.0.1:port; the `http:` YAML to use ("" or a block).

    Up to 2026.2 the `http:` YAML block does it. Later releases (2026.10 has it) keep
    the HTTP settings in .storage/http: the YAML is copied there once, as a trial that
    is reverted after 5 minutes unless confirmed (then Home Assistant restarts on all
    interfaces, port 8123), and ignored afterwards. There the settings are written to
    storage before every start, confirmed (no trial), and the YAML block is left out.
    """
    try:
        from homeassistant.components.http import config as http_config
    except ImportError:  # Home Assistant 2025.4 and 2026.2
        return HTTP_YAML.format(port=port)
    schema: Any = http_config.HTTP_STORAGE_SCHEMA
    conf = {
        key: str(value) if key == "ssl_profile" else value
        for key, value in schema(
            {"server_host": ["127.0.0.1"], "server_port": port}
        ).items()
    }
    conf |= {
        "created_at": datetime.now(UTC).isoformat(),
        "error": None,
        "error_message": None,
    }
    storage = config_dir / ".storage"
    storage.mkdir(parents=True, exist_ok=True)
    (storage / "http").write_text(
        json.dumps(
            {
                "version": http_config.STORAGE_VERSION,
                "minor_version": http_config.STORAGE_MINOR_VERSION,
                "key": http_config.STORAGE_KEY,
                "data": {
                    http_config.KEY_STABLE: conf,
                    http_config.KEY_PENDING: None,
                    http_config.KEY_YAML_MIGRATION_DONE: True,
                },
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return ""


def zone_at(hour: int, now: datetime | None = None) -> str:
    """A fixed-offset zone (no DST) in which the local time is `hour`:xx now: a test
    that runs a real Home Assistant picks the hour of the day it sees, not the one CI
    happens to start at."""
    now = now or datetime.now(UTC)
    offset = (hour - now.astimezone(UTC).hour + 12) % 24 - 12  # -12..11
    return f"Etc/GMT{-offset:+d}" if offset else "Etc/UTC"


MIDDAY: Final = 13  # awake, hydration known: the live tests' hour


def free_port() -> int:
    """An unused TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LiveHass:
    """One Home Assistant process and an authenticated API session."""

    probe = "/api/onboarding"  # answers 200 once the HTTP server is up
    person, username, password = "Test", "test", "test-password-1"  # the owner

    def __init__(
        self, config_dir: Path, time_zone: str = "Etc/UTC", extra: str = ""
    ) -> None:
        """A Home Assistant to run in `config_dir`; `extra`: more of its YAML."""
        self.config_dir = config_dir
        self.extra = extra
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.time_zone = time_zone
        self.process: asyncio.subprocess.Process | None = None
        self.session: aiohttp.ClientSession | None = None
        self.token = ""
        # The whole /auth/token answer (access_token, refresh_token, expires_in, ...):
        # what a browser keeps to be logged in (cramp_guard_dev/browser.py).
        self.tokens: dict[str, Any] = {}

    @property
    def log(self) -> str:
        """The Home Assistant log so far."""
        path = self.config_dir / "home-assistant.log"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    async def start(self) -> None:
        """Write the configuration, start the process, wait for HTTP, onboard."""
        custom = self.config_dir / "custom_components"
        custom.mkdir(parents=True, exist_ok=True)
        shutil.copytree(COMPONENT, custom / COMPONENT.name, dirs_exist_ok=True)
        (self.config_dir / "configuration.yaml").write_text(
            CONFIGURATION.format(
                http=http_setup(self.config_dir, self.port), time_zone=self.time_zone
            )
            + self.extra
        )
        await self._launch()

    async def _launch(
        self, env: dict[str, str] | None = None, show_log: bool = False, **kwargs: Any
    ) -> None:
        """Start `hass` on the configuration folder, wait for HTTP, onboard."""
        output = None if show_log else asyncio.subprocess.DEVNULL
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            LAUNCHER,
            "--config",
            str(self.config_dir),
            "--skip-pip",
            stdout=output,
            stderr=output,
            # In the configuration folder, without PYTHONPATH: `python -c` puts the
            # working directory first on sys.path, and the repository's
            # custom_components would hide the folder's own (linked, as a user has
            # them).
            env={
                **{k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
                "PYTHONUNBUFFERED": "1",
                **(env or {}),
            },
            cwd=self.config_dir,
            **kwargs,
        )
        self.session = aiohttp.ClientSession()
        await self._wait_for_http()
        await self._onboard()

    async def stop(self) -> None:
        """Stop the process and close the session."""
        if self.session is not None:
            await self.session.close()
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 30)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()

    async def _wait_for_http(self) -> None:
        assert self.session is not None
        assert self.process is not None
        deadline = asyncio.get_running_loop().time() + START_TIMEOUT
        while asyncio.get_running_loop().time() < deadline:
            if self.process.returncode is not None:
                raise RuntimeError(f"hass exited early:\n{self.log[-3000:]}")
            with contextlib.suppress(aiohttp.ClientError):
                async with self.session.get(f"{self.base}{self.probe}") as resp:
                    if resp.status == 200:
                        return
            await asyncio.sleep(0.25)
        raise TimeoutError(f"hass did not answer in time:\n{self.log[-3000:]}")

    async def _onboard(self) -> None:
        """Create the owner on the first start, log in as it on later ones."""
        assert self.session is not None
        async with self.session.get(f"{self.base}/api/onboarding") as resp:
            steps = await resp.json() if resp.status == 200 else []
        if any(step["step"] == "user" and not step["done"] for step in steps):
            code = await self._create_owner(self.person, self.username, self.password)
        else:
            code = await self._log_in(self.client_id)
        await self._get_token(code)

    async def kill(self) -> None:
        """SIGKILL, as a power cut would: nothing is flushed, no stop event."""
        assert self.process is not None
        assert self.session is not None
        self.process.kill()
        await self.process.wait()
        await self.session.close()

    async def restart(self) -> None:
        """Start again on the same configuration folder and log in."""
        self.probe = "/auth/providers"  # 200 once onboarded (/api/onboarding is gone)
        await self._launch()

    @property
    def client_id(self) -> str:
        """The OAuth client id the frontend uses: the instance's own URL."""
        return f"{self.base}/"

    async def _create_owner(self, name: str, username: str, password: str) -> str:
        """Onboarding's first step; returns an authorization code."""
        assert self.session is not None
        user = {
            "client_id": self.client_id,
            "name": name,
            "username": username,
            "password": password,
            "language": "en",
        }
        async with self.session.post(
            f"{self.base}/api/onboarding/users", json=user
        ) as resp:
            resp.raise_for_status()
            code: str = (await resp.json())["auth_code"]
            return code

    async def _get_token(self, code: str) -> None:
        """Exchange an authorization code for the access token."""
        assert self.session is not None
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "client_id": self.client_id,
        }
        async with self.session.post(f"{self.base}/auth/token", data=form) as resp:
            resp.raise_for_status()
            self.tokens = await resp.json()
            self.token = self.tokens["access_token"]

    async def _log_in(self, client_id: str) -> str:
        """An authorization code from the login flow the login page uses."""
        assert self.session is not None
        flow = {
            "client_id": client_id,
            "handler": ["homeassistant", None],
            "redirect_uri": client_id,
        }
        async with self.session.post(f"{self.base}/auth/login_flow", json=flow) as r:
            r.raise_for_status()
            flow_id = (await r.json())["flow_id"]
        credentials = {
            "client_id": client_id,
            "username": self.username,
            "password": self.password,
        }
        async with self.session.post(
            f"{self.base}/auth/login_flow/{flow_id}", json=credentials
        ) as resp:
            resp.raise_for_status()
            result = await resp.json()
        if result.get("type") != "create_entry":
            raise RuntimeError(
                f"cannot log in as {self.username!r} (scripts/develop: --reset)"
                f": {result}"
            )
        code: str = result["result"]
        return code

    async def rest(self, method: str, path: str, body: Any = None) -> Any:
        """Call the REST API and return the JSON answer."""
        assert self.session is not None
        headers = {"Authorization": f"Bearer {self.token}"}
        async with self.session.request(
            method, f"{self.base}{path}", json=body, headers=headers
        ) as resp:
            text = await resp.text()
            if resp.status >= 400:
                raise RuntimeError(f"{method} {path}: {resp.status} {text}")
            return json.loads(text) if text else None

    async def set_state(
        self, entity_id: str, state: Any, attributes: dict[str, Any] | None = None
    ) -> None:
        """Set a source entity's state, as an integration would."""
        body = {"state": str(state), "attributes": attributes or {}}
        await self.rest("POST", f"/api/states/{entity_id}", body)

    async def state(self, entity_id: str) -> dict[str, Any] | None:
        """An entity's state object, or None."""
        try:
            result: dict[str, Any] = await self.rest("GET", f"/api/states/{entity_id}")
        except RuntimeError:
            return None
        return result

    async def config_flow(self, handler: str, *steps: dict[str, Any]) -> Any:
        """Run a config flow through the API the frontend uses, step by step."""
        result = await self.rest(
            "POST", "/api/config/config_entries/flow", {"handler": handler}
        )
        for data in steps:
            assert result["type"] == "form", result
            result = await self.rest(
                "POST", f"/api/config/config_entries/flow/{result['flow_id']}", data
            )
        return result

    async def wait_for(
        self, entity_id: str, ready: Callable[[str], bool], within: float = 30.0
    ) -> dict[str, Any]:
        """The state of `entity_id` once `ready(state)` holds."""
        deadline = time.monotonic() + within
        while True:
            state = await self.state(entity_id)
            if state is not None and ready(state["state"]):
                return state
            if time.monotonic() > deadline:
                raise TimeoutError(f"{entity_id} is {state and state['state']!r}")
            await asyncio.sleep(0.2)

    @contextlib.asynccontextmanager
    async def _websocket(self) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
        """A websocket connection to the API, authenticated."""
        assert self.session is not None
        async with self.session.ws_connect(f"{self.base}/api/websocket") as ws:
            await ws.receive_json()  # auth_required
            await ws.send_json({"type": "auth", "access_token": self.token})
            if (await ws.receive_json())["type"] != "auth_ok":
                raise RuntimeError("websocket authentication failed")
            yield ws

    async def ws(self, message: dict[str, Any]) -> Any:
        """Send one websocket command and return its result (RuntimeError on error)."""
        async with self._websocket() as ws:
            await ws.send_json({"id": 1, **message})
            while True:
                answer = await ws.receive_json()
                if answer.get("id") == 1 and answer.get("type") == "result":
                    break
        if not answer["success"]:
            raise RuntimeError(f"{message['type']}: {answer['error']}")
        return answer.get("result")

    async def first_event(self, message: dict[str, Any]) -> Any:
        """Subscribe with one websocket command and return its first event (the
        card's payload, say); RuntimeError when it is refused."""
        async with self._websocket() as ws:
            await ws.send_json({"id": 1, **message})
            while True:
                answer = await ws.receive_json()
                if answer.get("id") != 1:
                    continue
                if answer.get("type") == "event":
                    return answer["event"]
                if not answer.get("success", True):
                    raise RuntimeError(f"{message['type']}: {answer['error']}")

    @contextlib.asynccontextmanager
    async def state_changes(self) -> AsyncIterator[asyncio.Queue[dict[str, Any]]]:
        """A queue of state_changed events from the websocket API."""
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        async with self._websocket() as ws:
            await ws.send_json(
                {"id": 1, "type": "subscribe_events", "event_type": "state_changed"}
            )
            assert (await ws.receive_json())["success"]

            async def pump() -> None:
                async for message in ws:
                    data = json.loads(message.data)
                    if data.get("type") == "event":
                        await queue.put(data["event"]["data"])

            task = asyncio.create_task(pump())
            try:
                yield queue
            finally:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task


def is_number(state: str) -> bool:
    """Whether a state is a number."""
    try:
        float(state)
    except (TypeError, ValueError):
        return False
    return True


async def wait_for_change(
    queue: asyncio.Queue[dict[str, Any]], entity_id: str, within: float = 10.0
) -> dict[str, Any]:
    """The next state_changed event of `entity_id`, or of any entity whose id starts
    with it when it ends with `*` (TimeoutError after `within` seconds)."""
    prefix = entity_id.removesuffix("*")
    async with asyncio.timeout(within):
        while True:
            event = await queue.get()
            if event["entity_id"] == entity_id or (
                entity_id.endswith("*") and event["entity_id"].startswith(prefix)
            ):
                return event


SOURCES: dict[str, tuple[Any, dict[str, Any]]] = {
    "sensor.steps": (
        4000,
        {"unit_of_measurement": "steps", "state_class": "total_increasing"},
    ),
    "sensor.room_temperature": (
        22,
        {"unit_of_measurement": "°C", "device_class": "temperature"},
    ),
    "sensor.room_humidity": (
        45,
        {"unit_of_measurement": "%", "device_class": "humidity"},
    ),
    "sensor.water": (20, {"unit_of_measurement": "fl. oz.", "device_class": "volume"}),
}
# A change of each source that moves the cramp risk.
CHANGES = (
    ("sensor.room_temperature", 33),
    ("sensor.room_humidity", 75),
    ("sensor.steps", 25000),
    ("sensor.water", 60),
)
RISK = "sensor.alex_cramp_risk"


async def add_person(live: LiveHass) -> str:
    """Give the sources their first states and add Alex through the config flow."""
    for entity_id, (value, attributes) in SOURCES.items():
        await live.set_state(entity_id, value, attributes)
    result = await live.config_flow(
        "cramp_guard",
        sectioned(
            {
                "person_name": "Alex",
                "activity": "sensor.steps",
                "room_temperature": "sensor.room_temperature",
                "room_humidity": "sensor.room_humidity",
                "water": "sensor.water",
            }
        ),
        {  # the water sensor has a unit (fl. oz.): no unit is asked
            "activity_metric": "steps",
            "activity_counter": "daily",
            "water_counter": "daily",
        },
        {"sex": "male", "body_mass": 75, "wake_time": "07:00", "bed_time": "22:00"},
    )
    assert result["type"] == "create_entry", result
    entry_id: str = result["result"]["entry_id"]
    for _ in range(100):
        if await live.state(RISK):
            return entry_id
        await asyncio.sleep(0.1)
    raise TimeoutError(f"{RISK} did not appear")


async def change_and_wait(
    live: LiveHass,
    queue: asyncio.Queue[dict[str, Any]],
    entity_id: str,
    value: Any,
    watch: str,
) -> float:
    """Set a source and return the seconds until `watch` changes."""
    while not queue.empty():  # events of an earlier update
        queue.get_nowait()
    loop = asyncio.get_running_loop()
    start = loop.time()
    await live.set_state(entity_id, value, SOURCES[entity_id][1])
    await wait_for_change(queue, watch)
    return loop.time() - start
