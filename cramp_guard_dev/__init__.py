"""Development tools: a real Home Assistant process with Cramp Guard, and the demo.

- `cramp_guard_dev.hass` starts a real `hass` on 127.0.0.1 and talks to it (REST,
  websocket); the end-to-end tests, the demo and `bench/` share it.
- `cramp_guard_dev.develop` is the demo's command line (`scripts/develop`: `python -m
  cramp_guard_dev.develop`); its parts: `demo_config` (the demo user and person, the
  configuration folder), `process` (the demo's `hass` process), `demo_setup` (the
  entry, the past day and the dashboard; `prepare` for the browser tests),
  `past_day` (the past day's import and rows), `checks` (`--check`) and
  `screenshots` (`--screenshot`, `scripts/screenshot`).
- `cramp_guard_dev.browser` opens a dashboard in Debian's chromium with playwright.

Import it from the repository's root (`python -m ...` or pytest put the root on the
path); it is not part of the integration.
"""
