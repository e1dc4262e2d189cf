"""The demo dashboard in a real browser: chromium shows the Cramp Guard card.

`cramp_guard_dev.demo_setup`'s `prepare` starts the demo Home Assistant in a temporary
directory (user, Cramp Guard entry "Demo", the default dashboard), then playwright
drives the system's chromium, logged in as the demo user, to the dashboard.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cramp_guard_dev.browser import screenshot_dashboard
from cramp_guard_dev.demo_config import RISK
from cramp_guard_dev.demo_setup import prepare
from cramp_guard_dev.hass import is_number, zone_at
from cramp_guard_dev.screenshots import AFTERNOON

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]


async def test_the_dashboard_shows_the_risk_in_chromium(
    tmp_path: Path, socket_enabled: None
) -> None:
    """The Cramp Guard card leads the dashboard and shows the state of the risk
    sensor; the card alone is pictured in light and dark, on a desktop and a phone."""
    hass = await prepare(tmp_path / "develop", 0, zone_at(AFTERNOON))
    shots = {
        tmp_path / "card-dark-phone.png": (390, "dark", "en", False),
        tmp_path / "card-he.png": (1280, "light", "he", False),
        tmp_path / "card-why-de.png": (1280, "light", "de", True),
    }
    try:
        before = (await hass.wait_for(RISK, is_number))["state"]
        png = tmp_path / "dashboard.png"
        seen = await screenshot_dashboard(hass, png, card_shots=shots)
        after = (await hass.state(RISK) or {}).get("state")
    finally:
        await hass.stop()

    # The demo's template sources change every minute: either state is right.
    shown = {float(s) for s in (before, after) if s and is_number(s)}
    assert seen["score"] in shown, seen
    assert seen["score_text"].endswith(" of 100"), seen  # an index, not a percent
    factors = dict(seen["factors"])
    assert factors.pop("total") == seen["score"], seen
    assert sum(factors.values()) == seen["score"], seen
    assert any(button.startswith("+1 glass") for button in seen["buttons"]), seen
    assert {"Today", "Simulated sources"} <= set(seen["card_titles"]), seen
    assert not seen["errors"], seen
    _assert_png(png, (1280, 900))
    for path, (width, _scheme, _language, _why) in shots.items():
        # The card alone: as wide as its column (a phone: the screen less margins).
        card_width, _height = _assert_png(path)
        assert card_width <= width, (path, card_width)


def _assert_png(path: Path, size: tuple[int, int] | None = None) -> tuple[int, int]:
    """A PNG of `size` (when given) with something in it; its size."""
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    width, height = (int.from_bytes(data[i : i + 4]) for i in (16, 20))
    if size is not None:
        assert (width, height) == size
    assert 10_000 < len(data) < 5_000_000, len(data)
    return width, height
