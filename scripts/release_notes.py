#!/usr/bin/env python3
"""A version's release notes from CHANGELOG.md, checked against the manifest.

    python3 scripts/release_notes.py              the notes of the manifest's version
    python3 scripts/release_notes.py --tag v0.2.0 the same, after checking that the tag
                                                  is v + the manifest's version

The release workflow (.github/workflows/release.yml) publishes what this prints. It
fails (exit 1, the reason on stderr) when the tag is not vX.Y.Z or not the manifest's
version, or when CHANGELOG.md has no non-empty section "## [X.Y.Z] - YYYY-MM-DD".
Standard library only: it runs on the bare runner.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
import re
import sys

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "custom_components" / "cramp_guard" / "manifest.json"
CHANGELOG = ROOT / "CHANGELOG.md"

VERSION = re.compile(r"\d+\.\d+\.\d+")
TAG = re.compile(r"v(\d+\.\d+\.\d+)")
# A released version's heading (Keep a Changelog 1.1.0): ## [0.2.0] - 2026-12-08
HEADING = re.compile(
    r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?\s*$"
)
# The link definitions at the end: [0.2.0]: https://...
LINK = re.compile(r"^\[[^\]]+\]: \S+")


class ReleaseError(Exception):
    """Why there is nothing to release."""


def manifest_version(manifest: Path = MANIFEST) -> str:
    """The version in the integration's manifest."""
    version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    if not isinstance(version, str) or not VERSION.fullmatch(version):
        raise ReleaseError(f"{manifest.name}: version {version!r} is not X.Y.Z")
    return version


def sections(changelog: str) -> list[tuple[str, str | None, str]]:
    """(version, date, notes) of each '## [...]' section, newest first as written."""
    found: list[tuple[str, str | None, list[str]]] = []
    for line in changelog.splitlines():
        match = HEADING.match(line)
        if match:
            found.append((match["version"], match["date"], []))
        elif found and not LINK.match(line):
            found[-1][2].append(line)
    return [(v, d, "\n".join(lines).strip()) for v, d, lines in found]


def released(changelog: str) -> list[str]:
    """The released versions (not [Unreleased]), newest first."""
    return [v for v, _, _ in sections(changelog) if v.lower() != "unreleased"]


def notes(version: str, changelog: str) -> str:
    """The notes of one released version."""
    for found, date, body in sections(changelog):
        if found == version:
            if date is None:
                raise ReleaseError(
                    f"CHANGELOG.md: [{version}] has no date (YYYY-MM-DD)"
                )
            if not body:
                raise ReleaseError(f"CHANGELOG.md: [{version}] is empty")
            return body
    raise ReleaseError(f"CHANGELOG.md has no section ## [{version}] - YYYY-MM-DD")


def release_notes(tag: str | None, manifest: Path, changelog: Path) -> str:
    """Check the tag against the manifest and return the version's notes."""
    version = manifest_version(manifest)
    if tag is not None:
        match = TAG.fullmatch(tag)
        if not match:
            raise ReleaseError(f"tag {tag!r} is not vX.Y.Z")
        if match[1] != version:
            raise ReleaseError(
                f"tag {tag} is not the manifest's version {version} (bump "
                "manifest.json, or tag v" + version + ")"
            )
    return notes(version, changelog.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    """Print the notes; 1 with the reason on stderr when there is nothing to release."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tag", help="the pushed tag, vX.Y.Z")
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--changelog", type=Path, default=CHANGELOG)
    args = parser.parse_args(argv)
    try:
        text = release_notes(args.tag, args.manifest, args.changelog)
    except ReleaseError as err:
        print(f"release_notes: {err}", file=sys.stderr)
        return 1
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
