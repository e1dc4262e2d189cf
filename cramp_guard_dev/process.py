"""The demo's Home Assistant process: start it on its folder and port, and stop it.

DevelopHass is LiveHass (cramp_guard_dev.hass) on the demo's configuration folder
(written again before every start, so a restart picks up edits), a fixed port and
the demo user. The process gets a session of its own - Ctrl-C reaches the script,
which stops it - and is terminated when the script dies.
"""

from __future__ import annotations

import contextlib
import ctypes
from pathlib import Path
import signal
import socket
import sys

from .demo_config import PASSWORD, PERSON, USERNAME, write_config
from .hass import LiveHass


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
