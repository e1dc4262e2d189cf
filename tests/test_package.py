"""Static conformance checks standing in for hassfest and the HACS validation."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
from pathlib import Path
import re
from typing import Any

import homeassistant.components
from PIL import Image
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPONENT = ROOT / "custom_components" / "cramp_guard"
KEY_RE = re.compile(r"^[a-z0-9-_]+$")
SEMVER_RE = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$"
)
# Keys hassfest accepts in a custom integration's manifest.
MANIFEST_KEYS = {
    "domain", "name", "after_dependencies", "bluetooth", "codeowners", "config_flow",
    "dependencies", "dhcp", "documentation", "homekit", "import_executor",
    "integration_type", "iot_class", "issue_tracker", "loggers", "mqtt",
    "quality_scale", "requirements", "single_config_entry", "ssdp", "usb", "version",
    "zeroconf",
}  # fmt: skip
INTEGRATION_TYPES = {
    "device",
    "entity",
    "hardware",
    "helper",
    "hub",
    "service",
    "system",
}
# Keys HACS accepts in hacs.json.
HACS_KEYS = {
    "name", "content_in_root", "zip_release", "filename", "hide_default_branch",
    "country", "homeassistant", "hacs", "persistent_directory", "render_readme",
}  # fmt: skip
# Quality-scale rules newer than Home Assistant 2025.4 (added in 2026.3 or later).
RULES_ADDED_SINCE_2025_4 = {"docs-conditions", "docs-triggers"}
IGNORED_DIRS = {"config", "node_modules", "__pycache__"}


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _project_files(suffix: str) -> list[Path]:
    """The project's files with this suffix, skipping hidden and generated folders."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in IGNORED_DIRS]
        found.extend(Path(folder, f) for f in files if f.endswith(suffix))
    return sorted(found)


def _keys(tree: Any, path: str = "") -> list[tuple[str, str]]:
    """Every (path, key) of the nested dicts in a translation tree."""
    found: list[tuple[str, str]] = []
    if isinstance(tree, dict):
        for key, value in tree.items():
            found.append((path, key))
            found.extend(_keys(value, f"{path}/{key}"))
    return found


def test_manifest() -> None:
    """The manifest has the keys hassfest requires, in hassfest's order."""
    manifest = _load(COMPONENT / "manifest.json")
    keys = list(manifest)
    assert keys[:2] == ["domain", "name"]
    assert keys[2:] == sorted(keys[2:]), "keys after domain and name must be sorted"
    assert set(keys) <= MANIFEST_KEYS, set(keys) - MANIFEST_KEYS
    assert manifest["domain"] == COMPONENT.name
    assert manifest["name"] == "Cramp Guard"
    assert manifest["codeowners"]
    assert all(owner.startswith("@") for owner in manifest["codeowners"])
    assert manifest["config_flow"] is True
    assert manifest["documentation"].startswith("https://")
    assert manifest["issue_tracker"].startswith("https://")
    assert manifest["integration_type"] in INTEGRATION_TYPES
    # Each person is one device with its entities. The integration page words each
    # type after it: "service" gave "Add service" and "1 service"; "device" gives
    # "Add device" and "1 device" (hub: "Add hub"; entity and system, which custom
    # integrations should not use: "Add entry").
    assert manifest["integration_type"] == "device"
    assert manifest["iot_class"] == "calculated"
    assert manifest["requirements"] == []
    assert SEMVER_RE.match(manifest["version"]), manifest["version"]


def test_hacs_json() -> None:
    """hacs.json has only keys HACS knows, and the minimum Home Assistant version."""
    hacs = _load(ROOT / "hacs.json")
    assert set(hacs) <= HACS_KEYS, set(hacs) - HACS_KEYS
    assert hacs == {
        "name": "Cramp Guard",
        "homeassistant": "2025.4.0",
        "render_readme": True,
    }


def test_one_integration_in_custom_components() -> None:
    """HACS expects exactly one integration folder."""
    folders = [p for p in (ROOT / "custom_components").iterdir() if p.is_dir()]
    assert [p.name for p in folders if p.name != "__pycache__"] == ["cramp_guard"]


@pytest.mark.parametrize(
    "path", _project_files(".json"), ids=lambda p: str(p.relative_to(ROOT))
)
def test_json_parses(path: Path) -> None:
    """Every JSON file in the project parses."""
    _load(path)


def test_strings_equal_english_translation() -> None:
    """translations/en.json is generated from strings.json and must match it."""
    assert _load(COMPONENT / "strings.json") == _load(
        COMPONENT / "translations" / "en.json"
    )


TRANSLATION_FILES = [
    p
    for p in (
        COMPONENT / "strings.json",
        COMPONENT / "icons.json",
        *sorted((COMPONENT / "translations").glob("*.json")),
    )
    if p.exists()
]


@pytest.mark.parametrize("path", TRANSLATION_FILES, ids=lambda p: p.name)
def test_translation_keys_are_valid(path: Path) -> None:
    """Every key is lower case letters, digits, '-' or '_' (hassfest's rule)."""
    bad = [f"{p}/{k}" for p, k in _keys(_load(path)) if not KEY_RE.match(k)]
    assert not bad, bad


def test_translation_values_are_non_empty_strings() -> None:
    """No empty text, no nested value that is not a string or a dict."""

    def walk(tree: Any, path: str) -> list[str]:
        if isinstance(tree, dict):
            return [b for k, v in tree.items() for b in walk(v, f"{path}/{k}")]
        return [] if isinstance(tree, str) and tree.strip() else [path]

    assert walk(_load(COMPONENT / "strings.json"), "") == []


def test_config_flow_texts_cover_the_form() -> None:
    """Every step has a title; every field has a label and a data_description."""
    steps = _load(COMPONENT / "strings.json")["config"]["step"]
    for step_id, step in steps.items():
        assert "title" in step, step_id
        assert set(step.get("data", {})) == set(step.get("data_description", {})), (
            step_id
        )


@pytest.mark.parametrize(("name", "size"), [("icon.png", 256), ("icon@2x.png", 512)])
def test_brand_images(name: str, size: int) -> None:
    """Brand icons are square PNGs of the sizes the brands rules ask for."""
    with Image.open(COMPONENT / "brand" / name) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)


def test_quality_scale_lists_every_rule_with_a_status() -> None:
    """quality_scale.yaml names every rule core's platinum integrations list.

    Each rule is done, todo or exempt, and an exemption gives its reason. Rules added
    after the oldest Home Assistant we test (2025.4) are listed too: only those may be
    unknown to the running release.
    """
    core = Path(homeassistant.components.__file__).parent / "elgato"
    expected = set(yaml.safe_load((core / "quality_scale.yaml").read_text())["rules"])
    rules = yaml.safe_load((COMPONENT / "quality_scale.yaml").read_text())["rules"]
    assert expected <= set(rules), expected - set(rules)
    assert set(rules) - expected <= RULES_ADDED_SINCE_2025_4
    for rule, value in rules.items():
        status = value if isinstance(value, str) else value["status"]
        assert status in {"done", "todo", "exempt"}, rule
        if status == "exempt":
            assert isinstance(value, dict), rule
            assert value.get("comment"), rule


def _release_notes() -> Any:
    """scripts/release_notes.py as a module (what the release workflow runs)."""
    spec = importlib.util.spec_from_file_location(
        "release_notes", ROOT / "scripts" / "release_notes.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_manifest_version_is_the_newest_changelog_section() -> None:
    """One version everywhere: the manifest's is CHANGELOG.md's newest released
    section (with a date and notes), pyproject's and the card's package, and the tag
    the release workflow accepts for it is v + that version."""
    release_notes = _release_notes()
    version = _load(COMPONENT / "manifest.json")["version"]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert release_notes.released(changelog)[0] == version
    assert release_notes.notes(version, changelog).startswith("### ")
    assert f"\n[{version}]: https://github.com/crampguard/cramp_guard/" in changelog
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'\nversion = "{version}"\n' in pyproject
    assert _load(ROOT / "frontend" / "package.json")["version"] == version

    manifest, path = COMPONENT / "manifest.json", ROOT / "CHANGELOG.md"
    notes = release_notes.release_notes(f"v{version}", manifest, path)
    assert notes == release_notes.notes(version, changelog)
    for tag in (version, f"v{version}.1", "v0.0.1"):
        with pytest.raises(release_notes.ReleaseError):
            release_notes.release_notes(tag, manifest, path)


def test_release_notes_refuse_a_version_without_notes(tmp_path: Path) -> None:
    """No section, a section without a date or an empty one: nothing is released."""
    release_notes = _release_notes()
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"version": "1.2.3"}), encoding="utf-8")
    changelog = tmp_path / "CHANGELOG.md"
    for text in (
        "# Changelog\n\n## [1.2.2] - 2026-01-01\n\n- old\n",
        "## [1.2.3]\n\n- no date\n",
        "## [1.2.3] - 2026-01-02\n\n[1.2.3]: https://example.org\n",
    ):
        changelog.write_text(text, encoding="utf-8")
        assert (
            release_notes.main(
                ["--manifest", str(manifest), "--changelog", str(changelog)]
            )
            == 1
        )
    changelog.write_text(
        "## [Unreleased]\n\n## [1.2.3] - 2026-01-02\n\n### Fixed\n\n- a bug\n\n"
        "## [1.2.2] - 2026-01-01\n\n- old\n",
        encoding="utf-8",
    )
    assert release_notes.released(changelog.read_text(encoding="utf-8")) == [
        "1.2.3",
        "1.2.2",
    ]
    assert release_notes.release_notes("v1.2.3", manifest, changelog) == (
        "### Fixed\n\n- a bug"
    )


WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
USES_RE = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", re.MULTILINE)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_actions_are_pinned_by_commit(path: Path) -> None:
    """Every action is pinned by a full commit hash with its version as a comment,
    the workflow starts with no permissions, and no checkout keeps credentials."""
    text = path.read_text(encoding="utf-8")
    uses = USES_RE.findall(text)
    assert uses
    for action, rest in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s+# \S+", rest), (action, rest)
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert job["timeout-minutes"] > 0
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_the_release_workflow_checks_the_tag() -> None:
    """On a tag vX.Y.Z the release job runs release_notes.py with the tag (through an
    environment variable, not a template in the script) and writes only there."""
    text = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    # PyYAML reads the key `on` as True (YAML 1.1).
    assert workflow[True] == {"push": {"tags": ["v*"]}}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write"}
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert any('scripts/release_notes.py --tag "$TAG"' in run for run in runs)
    assert all("${{" not in run for run in runs)


def test_the_bug_report_asks_for_versions_and_diagnostics() -> None:
    """The bug report form requires both versions, what happened and the diagnostics
    download (with where to find it); blank issues go through the forms."""
    folder = ROOT / ".github" / "ISSUE_TEMPLATE"
    form = yaml.safe_load((folder / "bug_report.yml").read_text(encoding="utf-8"))
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    for field in ("ha_version", "cramp_guard_version", "happened", "diagnostics"):
        assert fields[field]["validations"]["required"] is True, field
    assert "Download diagnostics" in fields["diagnostics"]["attributes"]["description"]
    assert "logs" in fields
    feature = yaml.safe_load((folder / "feature_request.yml").read_text("utf-8"))
    assert feature["body"]
    config = yaml.safe_load((folder / "config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False


def test_readme_names_the_test_command() -> None:
    """The README's Development section names scripts/test."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    development = readme.split("## Development", 1)[1]
    assert "scripts/test" in development


def test_the_engine_imports_no_ui_module() -> None:
    """The engine's own imports (followed through the package) reach no form, flow
    or repairs UI: fix flows are imported only when one is opened.
    """
    seen: set[Path] = set()
    todo = [COMPONENT / "engine.py"]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.ImportFrom) or not node.module:
                continue
            assert not node.module.startswith("homeassistant.components.repairs")
            if node.level == 1:
                target = path.parent / node.module.replace(".", "/")
                module = target.with_suffix(".py")
                todo.append(module if module.exists() else target / "__init__.py")
    names = {p.stem for p in seen}
    assert {"issues", "health", "sources"} <= names
    assert not names & {"flow_schemas", "repairs", "config_flow", "services"}


def _imports(path: Path) -> set[Path]:
    """The integration's modules `path` imports, at any depth of its code."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        base = path.parent.joinpath(*[".."] * (node.level - 1)).resolve()
        parts = node.module.split(".") if node.module else []
        names = [alias.name for alias in node.names] if not parts else [""]
        for name in names:
            target = base.joinpath(*parts, name) if name else base.joinpath(*parts)
            module = target.with_suffix(".py")
            if module.exists():
                found.add(module)
            elif (target / "__init__.py").exists():
                found.add(target / "__init__.py")
    return found


def test_no_import_circle() -> None:
    """No module of the integration imports itself back through others (deferred
    imports included): each concern can be read from the bottom up."""
    graph = {p.resolve(): _imports(p) for p in COMPONENT.rglob("*.py")}
    state: dict[Path, int] = {}  # 1 on the path being walked, 2 done

    def walk(module: Path, path: list[Path]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if target.parent == module.parent and target.name == "__init__.py":
                continue  # a package's modules may use its __init__'s names
            assert state.get(target) != 1, " -> ".join(
                p.stem for p in [*path, module, target]
            )
            if target not in state:
                walk(target, [*path, module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module, [])
