"""The webhook: log water, a stretch or a cramp with one HTTP POST.

`POST /api/webhook/<id>` with a JSON object, for phone shortcuts, Tasker or a smart
bottle. A good body is logged and answered with 200 and the day's new totals; anything
else gets 400 with a short reason and writes nothing. The id is a secret kept in the
entry's options (the options flow creates it); the webhook is local-only unless the
user turns that off. Local-only means what it says in every Home Assistant release: a
request relayed by Home Assistant Cloud (a cloud webhook) comes from outside, so it is
dropped like any remote request; a cloud relay needs local-only turned off.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from http import HTTPStatus
from ipaddress import ip_address
import logging
from typing import Any, Final

from aiohttp import web
from aiohttp.hdrs import METH_POST
from homeassistant.components import webhook
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.network import NoURLAvailableError
from homeassistant.util import network
from homeassistant.util.aiohttp import MockRequest
from homeassistant.util.json import json_loads

from .actions import async_log
from .bodies import SCHEMAS, Refused, invalid_body
from .const import DOMAIN
from .runtime import CrampGuardConfigEntry

_LOGGER = logging.getLogger(__package__)

MAX_BODY_BYTES: Final = 4096
WEBHOOK_KEYS: Final = ("type",)  # what the webhook takes besides the body


def _too_large() -> Refused:
    return invalid_body(f"body larger than {MAX_BODY_BYTES} bytes")


def parse_body(raw: bytes) -> tuple[str, dict[str, Any]]:
    """The body's type and its other fields (validated by `async_log`, as every
    way in); Refused for what is not a body."""
    if len(raw) > MAX_BODY_BYTES:
        raise _too_large()
    try:
        body = json_loads(raw)
    except ValueError as err:
        raise invalid_body("body is not valid JSON") from err
    if not isinstance(body, dict):
        raise invalid_body("body must be a JSON object")
    kind = body.pop("type", None)
    if not isinstance(kind, str) or kind not in SCHEMAS:
        raise invalid_body(f"type: expected one of {', '.join(SCHEMAS)}")
    return kind, body


async def _read(request: web.Request) -> bytes:
    """The body, or at most MAX_BODY_BYTES + 1 of it (enough to refuse it)."""
    # A cloud webhook comes as a MockRequest, without content_length.
    length = getattr(request, "content_length", None)
    if length is not None and length > MAX_BODY_BYTES:
        raise _too_large()
    stream = request.content
    raw = b""
    while len(raw) <= MAX_BODY_BYTES:
        chunk = await stream.read(MAX_BODY_BYTES + 1 - len(raw))
        if not chunk:
            break
        raw += chunk
    return raw


def _relayed_from_afar(request: web.Request | MockRequest) -> bool:
    """Whether a relayed request (a MockRequest) comes from outside the local network.

    A cloud webhook (Home Assistant Cloud) has no remote address; a webhook run over
    the websocket API has the websocket client's. Direct requests are checked by Home
    Assistant itself in every release.
    """
    if not isinstance(request, MockRequest):
        return False
    remote = getattr(request, "remote", None)  # not in Home Assistant 2025.4
    if remote is None:
        return True
    try:
        return not network.is_local(ip_address(remote))
    except ValueError:
        return True


def _error(status: HTTPStatus, reason: str, key: str | None = None) -> web.Response:
    """A refusal: the reason, and for a 400 the key of the action's error."""
    body = {"ok": False, "error": reason} | ({"key": key} if key else {})
    return web.json_response(body, status=status)


def _handler(
    entry_id: str,
) -> Callable[[HomeAssistant, str, web.Request], Awaitable[web.Response]]:
    """The handler of one entry's webhook."""

    async def handle(
        hass: HomeAssistant, webhook_id: str, request: web.Request
    ) -> web.Response:
        entry = hass.config_entries.async_get_entry(entry_id)
        if entry is None or entry.state is not ConfigEntryState.LOADED:
            return _error(HTTPStatus.NOT_FOUND, "not loaded")
        settings = entry.runtime_data.engine.settings
        if settings.webhook_local_only and _relayed_from_afar(request):
            # What Home Assistant 2026.x does itself before calling us; older releases
            # let relayed requests through. Same answer: a bare 200.
            _LOGGER.warning(
                "%s: a webhook request relayed from outside the local network "
                "(a cloud webhook) was dropped: the webhook is local-only",
                entry.title,
            )
            return web.Response(status=HTTPStatus.OK)
        try:
            kind, body = parse_body(await _read(request))
            totals = async_log(entry.runtime_data.engine, kind, body, WEBHOOK_KEYS)
        except Refused as err:
            _LOGGER.debug("%s: webhook body refused: %s", entry.title, err)
            return _error(HTTPStatus.BAD_REQUEST, str(err), err.key)
        _LOGGER.debug("%s: logged %s by webhook", entry.title, kind)
        return web.json_response({"ok": True, "type": kind, "totals": totals.as_dict()})

    return handle


@callback
def async_setup_webhook(hass: HomeAssistant, entry: CrampGuardConfigEntry) -> None:
    """Register the entry's webhook when it has an id; the entry's unload removes it."""
    settings = entry.runtime_data.engine.settings
    if (webhook_id := settings.webhook_id) is None:
        return
    try:
        webhook.async_register(
            hass,
            DOMAIN,
            f"Cramp Guard: {entry.title}",
            webhook_id,
            _handler(entry.entry_id),
            local_only=settings.webhook_local_only,
            allowed_methods=[METH_POST],
        )
    except ValueError:
        _LOGGER.error(
            "%s: the webhook id is already in use; the webhook is off", entry.title
        )
        return
    entry.async_on_unload(partial(webhook.async_unregister, hass, webhook_id))


@callback
def webhook_url(hass: HomeAssistant, webhook_id: str, local_only: bool) -> str:
    """The URL to show: internal first when local-only; the path when HA has none."""
    try:
        return webhook.async_generate_url(
            hass, webhook_id, prefer_external=not local_only
        )
    except NoURLAvailableError:
        return webhook.async_generate_path(webhook_id)
