"""The main job: `scripts/develop` gives a running Home Assistant with the gauge.

`python -m cramp_guard_dev.develop --check` (what `scripts/develop --check` runs)
starts a real Home Assistant in a temporary directory,
onboards the demo user, adds the demo person through the config flow API, imports
the past day (statistics and states), saves the dashboard, checks the risk, the
dashboard and the past day, and stops; a second run finds it all set
up and only starts it again.
"""

from __future__ import annotations

import json
from pathlib import Path
import re
import subprocess
import sys

from homeassistant.util.yaml import parse_yaml
import pytest

from cramp_guard_dev import develop
from cramp_guard_dev.hass import ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]


def _check(config_dir: Path) -> str:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cramp_guard_dev.develop",
            "--check",
            "--port",
            "0",
            "--config-dir",
            str(config_dir),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=150,
        check=False,
    )
    log = config_dir / "home-assistant.log"
    assert result.returncode == 0, (
        result.stdout
        + result.stderr
        + (log.read_text()[-3000:] if log.exists() else "")
    )
    return result.stdout


def test_develop_check_sets_up_the_demo_then_restarts_it(tmp_path: Path) -> None:
    """First run: user, entry and dashboard are created; second run: just started."""
    config_dir = tmp_path / "develop"
    first = _check(config_dir)
    assert "adding the Cramp Guard entry 'Demo'" in first
    assert "saving the default dashboard" in first
    assert re.search(r"^OK: sensor\.demo_cramp_risk = \d+ %", first, re.M), first
    # The past day, replayed and imported before anyone looks: the replay at the
    # moment of import agrees with the live engine (the same sources, the same
    # model; the live one may be up to two minutes and the hysteresis behind).
    imported = re.search(
        r"imported the last 24 h of Demo's day: \d+ minutes replayed, \d+ "
        r"statistics rows, \d+ states \(the replayed risk now (\d+) %, the live one "
        r"(\d+) %\)",
        first,
    )
    assert imported, first
    assert abs(int(imported[1]) - int(imported[2])) <= 2, first
    assert "the past day: " in first

    second = _check(config_dir)
    assert "adding" not in second
    assert "imported" not in second
    assert "the past day: " in second  # still there (--check fails without it)
    assert "saving" not in second
    assert re.search(r"^OK: sensor\.demo_cramp_risk = \d+ %", second, re.M), second
    _assert_bound_to_loopback(config_dir)


def _assert_bound_to_loopback(config_dir: Path) -> None:
    """127.0.0.1 only, for good: in the YAML, or (Home Assistant 2026.10 and later,
    which keep the HTTP settings in storage) confirmed in storage with no trial
    pending, so nothing reverts to all interfaces after 5 minutes."""
    path = config_dir / ".storage" / "http"
    stored = json.loads(path.read_text())["data"] if path.exists() else {}
    if "yaml_migration_done" in stored:
        assert stored["pending"] is None, stored
        assert stored["stable"]["server_host"] == ["127.0.0.1"], stored
        assert stored["stable"]["error"] is None, stored
        assert "http:" not in (config_dir / "configuration.yaml").read_text()
    else:
        configuration = (config_dir / "configuration.yaml").read_text()
        assert "\nhttp: !include http.yaml\n" in configuration
        assert "server_host: 127.0.0.1\n" in (config_dir / "http.yaml").read_text()


def test_the_demo_gauge_is_the_readme_gauge() -> None:
    """The dashboard shows the card the README tells users to paste."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [
        parse_yaml(block)
        for block in re.findall(r"```yaml\n(.*?)```", readme, re.S)
        if "type: gauge" in block
    ]
    assert len(blocks) == 1, blocks
    assert isinstance(card := blocks[0], dict)
    assert card | {"entity": develop.RISK} == develop.GAUGE
