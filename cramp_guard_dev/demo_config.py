"""The demo's configuration: its user and person, and the folder Home Assistant runs in.

Who the demo is (the user `demo`, the person "Demo", the answers the config flow is
given) and writing the Home Assistant configuration folder: the checked-in YAML of
`config/` copied in, the integration and the demo's history helper linked, the
onboarding wizard's later steps marked done. `reset` deletes such a folder.
"""

from __future__ import annotations

import json
from pathlib import Path
import shutil
from typing import Final

from .hass import COMPONENT, ROOT, http_setup

USERNAME: Final = "demo"
PASSWORD: Final = "demo-password-1"
PERSON: Final = "Demo"
RISK: Final = "sensor.demo_cramp_risk"

# The config flow's answers for the demo person (the demo sources of
# config/demo_sources.yaml).
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
# Copied into the configuration folder on every start (the demo's Home Assistant
# configuration, checked in as plain YAML).
COPIED: Final = ("configuration.yaml", "demo_sources.yaml", "http.yaml")
# The first line of config/configuration.yaml: `reset` deletes only such folders.
MARKER: Final = "# Written by scripts/develop"


def write_config(config_dir: Path, port: int) -> None:
    """Copy the configuration, link the integration, skip the onboarding wizard.

    The time zone and the port reach the YAML as environment variables of the `hass`
    process (see process.DevelopHass.start).
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
