"""The texts and icons agree with the code.

Ties together what hassfest would check for a core integration, read from the code
itself: the actions registered at setup, services.yaml, strings.json and icons.json;
the translation keys of the exceptions the code raises and of the repair issues it
creates; the entities' translation keys, their names, icons, states and attributes.

Keys are read from the source with `ast`. A key that reaches `translation_key=`
through a helper's parameter, a local variable, a constant, an f-string, an enum
annotation or an exception's attribute is followed back to its literals (see
`Resolver`); a key that cannot be followed fails the test with its place in the
source, rather than being skipped.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
import importlib
import inspect
import itertools
import json
from pathlib import Path
import typing
from typing import Any

from homeassistant.core import HomeAssistant
import homeassistant.exceptions
from homeassistant.helpers import entity_platform, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol
import yaml

from custom_components.cramp_guard import PLATFORMS
from custom_components.cramp_guard.bodies import CONTEXTS, MUSCLES, SEVERITIES
from custom_components.cramp_guard.const import DOMAIN

COMPONENT = Path(__file__).resolve().parent.parent / "custom_components" / DOMAIN
PACKAGE = f"custom_components.{DOMAIN}"
STRINGS: dict[str, Any] = json.loads((COMPONENT / "strings.json").read_text("utf-8"))
ICONS: dict[str, Any] = json.loads((COMPONENT / "icons.json").read_text("utf-8"))
SERVICES_YAML: dict[str, Any] = yaml.safe_load(
    (COMPONENT / "services.yaml").read_text("utf-8")
)
# Home Assistant's exceptions that take a translation key.
HA_EXCEPTIONS = {
    name
    for name, value in vars(homeassistant.exceptions).items()
    if isinstance(value, type)
    and issubclass(value, homeassistant.exceptions.HomeAssistantError)
}
FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


class Unresolved(Exception):
    """A translation key the resolver cannot follow to literals."""


@dataclass(frozen=True)
class Module:
    """One module of the integration: its source tree and its runtime namespace."""

    name: str
    path: Path
    tree: ast.Module
    namespace: dict[str, Any]

    def where(self, node: ast.AST) -> str:
        """file:line of a node, for failure messages."""
        return f"{self.path.relative_to(COMPONENT)}:{getattr(node, 'lineno', '?')}"


@dataclass(frozen=True)
class Site:
    """A node, with its module and the function it is in (None at module level)."""

    module: Module
    node: ast.AST
    function: FunctionNode | None


def _modules() -> list[Module]:
    modules = []
    for path in sorted(COMPONENT.rglob("*.py")):
        parts = path.relative_to(COMPONENT).with_suffix("").parts
        name = ".".join((PACKAGE, *parts)).removesuffix(".__init__")
        tree = ast.parse(path.read_text("utf-8"), str(path))
        namespace = vars(importlib.import_module(name))
        modules.append(Module(name, path, tree, namespace))
    return modules


def _params(function: FunctionNode) -> list[ast.arg]:
    return [*function.args.posonlyargs, *function.args.args]


def _callee(call: ast.Call) -> str | None:
    """The called name: `f(...)`, `module.f(...)` and `self.f(...)` alike."""
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


class Resolver:
    """Follows an expression in the integration's source back to its strings."""

    def __init__(self, modules: list[Module]) -> None:
        """Index the functions, classes and calls of every module."""
        self.modules = modules
        self.enclosing: dict[ast.AST, tuple[Module, FunctionNode | None]] = {}
        self.functions: dict[str, list[tuple[Module, FunctionNode]]] = {}
        self.classes: dict[str, list[tuple[Module, ast.ClassDef]]] = {}
        self.calls: dict[str, list[Site]] = {}
        for module in modules:
            self._index(module, module.tree, None)

    def _index(
        self, module: Module, node: ast.AST, function: FunctionNode | None
    ) -> None:
        for child in ast.iter_child_nodes(node):
            self.enclosing[child] = (module, function)
            inner = function
            if isinstance(child, FunctionNode):
                inner = child
                if not isinstance(child, ast.Lambda):
                    self.functions.setdefault(child.name, []).append((module, child))
            elif isinstance(child, ast.ClassDef):
                self.classes.setdefault(child.name, []).append((module, child))
            elif isinstance(child, ast.Call) and (name := _callee(child)):
                self.calls.setdefault(name, []).append(Site(module, child, function))
            self._index(module, child, inner)

    def sites(self, node_type: type[ast.AST]) -> Iterator[Site]:
        """Every node of this type in the integration."""
        for node, (module, function) in self.enclosing.items():
            if isinstance(node, node_type):
                yield Site(module, node, function)

    def keyword_sites(self, callees: set[str], keyword: str) -> Iterator[Site]:
        """The values of `keyword=` in calls to these names."""
        for name in sorted(callees):
            for site in self.calls.get(name, []):
                assert isinstance(site.node, ast.Call)
                for kw in site.node.keywords:
                    if kw.arg == keyword:
                        yield Site(site.module, kw.value, site.function)

    def strings(self, site: Site, depth: int = 0) -> set[str]:
        """Every string the expression can be; raises Unresolved if unknown."""
        if depth > 12:
            raise Unresolved(f"{site.module.where(site.node)}: too deep")
        node, module, function = site.node, site.module, site.function
        match node:
            case ast.Constant(value=str() as value):
                return {value}
            case ast.Constant(value=None):
                return set()  # an optional key left out
            case ast.JoinedStr():
                parts = [
                    {part.value}
                    if isinstance(part, ast.Constant)
                    else self.strings(Site(module, part, function), depth + 1)
                    for part in node.values
                ]
                return {"".join(p) for p in itertools.product(*parts)}
            case ast.FormattedValue(value=value, format_spec=None):
                return self.strings(Site(module, value, function), depth + 1)
            case ast.IfExp(body=body, orelse=orelse):  # either branch
                return self.strings(Site(module, body, function), depth + 1) | (
                    self.strings(Site(module, orelse, function), depth + 1)
                )
            case ast.Name(id=name):
                return self._name(module, node, function, name, depth)
            case ast.Attribute(value=ast.Name(id=base), attr=attr):
                return self._attribute(module, node, function, base, attr, depth)
        raise Unresolved(f"{module.where(node)}: {ast.unparse(node)}")

    def _name(
        self,
        module: Module,
        node: ast.expr,
        function: FunctionNode | None,
        name: str,
        depth: int,
    ) -> set[str]:
        if function is not None and (param := _param(function, name)) is not None:
            return self._argument(module, function, param, depth)
        if function is not None and (values := _assigned(function, name)):
            found: set[str] = set()
            for value in values:
                found |= self.strings(Site(module, value, function), depth + 1)
            return found
        if name in module.namespace:
            return _runtime_strings(module, node, module.namespace[name])
        raise Unresolved(f"{module.where(node)}: {name}")

    def _attribute(
        self,
        module: Module,
        node: ast.expr,
        function: FunctionNode | None,
        base: str,
        attr: str,
        depth: int,
    ) -> set[str]:
        if function is not None and base == "self":
            # `self.key` in a method: what the class's constructor is given for it.
            owner = next(
                c.name
                for c in ast.walk(module.tree)
                if isinstance(c, ast.ClassDef) and function in c.body
            )
            return self._constructed(module, node, owner, attr, depth)
        if function is not None and (param := _param(function, base)) is not None:
            # `kind.value` of a parameter annotated with an enum: every member.
            kind = _annotation(module, param)
            if inspect.isclass(kind) and issubclass(kind, Enum) and attr == "value":
                return {str(member.value) for member in kind}
            raise Unresolved(f"{module.where(node)}: {ast.unparse(node)}")
        if function is not None and (caught := _caught(function, base)):
            # `err.reason` of `except SomeError as err`: what SomeError is given.
            found: set[str] = set()
            for class_name in caught:
                found |= self._constructed(module, node, class_name, attr, depth)
            return found
        if base in module.namespace:
            value = getattr(module.namespace[base], attr)
            return _runtime_strings(module, node, value)
        raise Unresolved(f"{module.where(node)}: {ast.unparse(node)}")

    def _argument(
        self,
        module: Module,
        function: FunctionNode,
        param: ast.arg,
        depth: int,
        callee: str | None = None,
    ) -> set[str]:
        """What the callers of `function` (called as `callee`) pass for `param`."""
        if isinstance(function, ast.Lambda):
            raise Unresolved(f"{module.where(function)}: a lambda's {param.arg}")
        callee = callee or function.name
        sites = self.calls.get(callee, [])
        if not sites:
            raise Unresolved(f"{module.where(function)}: {callee} is not called")
        found: set[str] = set()
        for site in sites:
            assert isinstance(site.node, ast.Call)
            value = _bind(site.node, function, param.arg)
            if value is None:
                raise Unresolved(
                    f"{site.module.where(site.node)}: {param.arg} of {function.name}"
                )
            found |= self.strings(Site(site.module, value, site.function), depth + 1)
        return found

    def _constructed(
        self, module: Module, node: ast.expr, class_name: str, attr: str, depth: int
    ) -> set[str]:
        """What `ClassName(...)` is given for the parameter stored as `self.attr`."""
        for class_module, class_def in self.classes.get(class_name, []):
            init = next(
                (
                    n
                    for n in class_def.body
                    if isinstance(n, ast.FunctionDef) and n.name == "__init__"
                ),
                None,
            )
            if init is None or (param_name := _stored(init, attr)) is None:
                continue
            param = _param(init, param_name)
            assert param is not None
            return self._argument(class_module, init, param, depth, class_name)
        raise Unresolved(f"{module.where(node)}: {class_name}.{attr}")


def _param(function: FunctionNode, name: str) -> ast.arg | None:
    args = function.args
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    return next((a for a in every if a.arg == name), None)


def _default(function: FunctionNode, name: str) -> ast.expr | None:
    args = function.args
    positional = _params(function)
    for arg, default in zip(
        positional[len(positional) - len(args.defaults) :], args.defaults, strict=True
    ):
        if arg.arg == name:
            return default
    for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        if arg.arg == name:
            return kw_default
    return None


def _bind(call: ast.Call, function: FunctionNode, name: str) -> ast.expr | None:
    """The expression a call passes for a parameter (or its default)."""
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    positional = [a.arg for a in _params(function)]
    if positional and positional[0] in {"self", "cls"}:
        positional = positional[1:]
    if name in positional:
        index = positional.index(name)
        before = call.args[: index + 1]
        if any(isinstance(a, ast.Starred) for a in before):
            return None
        if index < len(call.args):
            return call.args[index]
    if any(kw.arg is None for kw in call.keywords):
        return None  # **kwargs may hold it
    return _default(function, name)


def _assigned(function: FunctionNode, name: str) -> list[ast.expr]:
    """The values assigned to a local variable."""
    values: list[ast.expr] = []
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == name:
                    values.append(node.value)
        elif (
            isinstance(node, ast.AnnAssign | ast.NamedExpr)
            and isinstance(node.target, ast.Name)
            and node.target.id == name
            and node.value is not None
        ):
            values.append(node.value)
    return values


def _caught(function: FunctionNode, name: str) -> list[str]:
    """The exception classes bound to `name` by `except ... as name`."""
    found: list[str] = []
    for node in ast.walk(function):
        if isinstance(node, ast.ExceptHandler) and node.name == name:
            types = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            found.extend(
                t.id if isinstance(t, ast.Name) else t.attr
                for t in types
                if isinstance(t, ast.Name | ast.Attribute)
            )
    return found


def _stored(init: ast.FunctionDef, attr: str) -> str | None:
    """The parameter `__init__` stores as `self.attr` (also `self.a, self.b = a, b`)."""
    for node in ast.walk(init):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            pairs: list[tuple[ast.expr, ast.expr]] = [(target, node.value)]
            if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                pairs = list(zip(target.elts, node.value.elts, strict=True))
            for left, right in pairs:
                if (
                    isinstance(left, ast.Attribute)
                    and isinstance(left.value, ast.Name)
                    and left.value.id == "self"
                    and left.attr == attr
                    and isinstance(right, ast.Name)
                ):
                    return right.id
    return None


def _annotation(module: Module, param: ast.arg) -> Any:
    if param.annotation is None:
        return None
    try:
        return eval(ast.unparse(param.annotation), dict(module.namespace))
    except NameError:
        return None


def _runtime_strings(module: Module, node: ast.AST, value: Any) -> set[str]:
    if isinstance(value, str):  # a StrEnum member too
        return {str(value)}
    if typing.get_origin(value) is typing.Literal:
        return {str(v) for v in typing.get_args(value)}
    raise Unresolved(f"{module.where(node)}: {value!r} is not a string")


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    """The integration's source, indexed."""
    return Resolver(_modules())


def _resolve_all(resolver: Resolver, sites: Iterator[Site]) -> set[str]:
    found: set[str] = set()
    unresolved: list[str] = []
    for site in sites:
        try:
            found |= resolver.strings(site)
        except Unresolved as err:
            unresolved.append(str(err))
    assert not unresolved, f"translation keys the test cannot follow: {unresolved}"
    return found


def _exception_classes(resolver: Resolver) -> set[str]:
    """Home Assistant's translatable exceptions and the integration's subclasses."""
    names = set(HA_EXCEPTIONS)
    grown = True
    while grown:
        grown = False
        for name, defs in resolver.classes.items():
            bases = {
                b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                for _, class_def in defs
                for b in class_def.bases
            }
            if name not in names and bases & names:
                names.add(name)
                grown = True
    return names


# -- the resolver itself ---------------------------------------------------------------


def test_resolver_follows_keys_back_to_literals() -> None:
    """Helpers, locals, constants, f-strings, enums and exception attributes."""
    source = """
from enum import Enum
PREFIX = "counter"
class Kind(Enum):
    A = "a"
    B = "b"
class Refused(Exception):
    def __init__(self, reason, unit):
        self.reason, self.unit = reason, unit
def check(unit):
    raise Refused("bad_unit", unit)
def _raise(key, **placeholders):
    raise Error(translation_key=key)
def callers(kind: Kind):
    _raise("plain")
    local = f"{PREFIX}_{kind.value}"
    _raise(local)
    try:
        check("x")
    except Refused as err:
        _raise(err.reason)
"""

    class Kind(Enum):
        A = "a"
        B = "b"

    module = Module(
        "example",
        COMPONENT / "example.py",
        ast.parse(source),
        {"PREFIX": "counter", "Kind": Kind},
    )
    resolver = Resolver([module])
    keys = _resolve_all(resolver, resolver.keyword_sites({"Error"}, "translation_key"))
    assert keys == {"plain", "counter_a", "counter_b", "bad_unit"}

    unknown = Module(
        "x", COMPONENT / "x.py", ast.parse("Error(translation_key=f())"), {}
    )
    resolver = Resolver([unknown])
    with pytest.raises(AssertionError, match=r"x\.py:1: f\(\)"):
        _resolve_all(resolver, resolver.keyword_sites({"Error"}, "translation_key"))


# -- actions -----------------------------------------------------------------------


def _schema_fields(schema: Any) -> set[str]:
    """The keys a service schema accepts (through vol.All / vol.Any too)."""
    if isinstance(schema, vol.Schema) and isinstance(schema.schema, dict):
        return {str(key) for key in schema.schema}
    if isinstance(schema, vol.All | vol.Any):
        return set().union(*(_schema_fields(v) for v in schema.validators))
    if isinstance(schema, vol.Schema):
        return _schema_fields(schema.schema)
    return set()


async def test_actions_match_services_yaml_strings_and_icons(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Every registered action is described, named and has an icon, field by field."""
    registered = hass.services.async_services().get(DOMAIN, {})
    assert registered, "no actions registered"
    assert set(registered) == set(SERVICES_YAML)
    assert set(registered) == set(STRINGS["services"])
    assert set(registered) == set(ICONS["services"])
    for name, service in registered.items():
        yaml_fields = set((SERVICES_YAML[name] or {}).get("fields", {}))
        texts = STRINGS["services"][name]
        assert texts["name"], name
        assert texts["description"], name
        assert set(texts.get("fields", {})) == yaml_fields, name
        for field, text in texts.get("fields", {}).items():
            assert text["name"], (name, field)
            assert text["description"], (name, field)
        assert _schema_fields(service.schema) == yaml_fields, name
        assert ICONS["services"][name]["service"].startswith("mdi:"), name


def _yaml_selectors() -> dict[str, list[str]]:
    """translation_key -> options of the select selectors in services.yaml."""
    found: dict[str, list[str]] = {}
    for service in SERVICES_YAML.values():
        for field in (service or {}).get("fields", {}).values():
            select = field.get("selector", {}).get("select") or {}
            if "translation_key" in select:
                options = [
                    o if isinstance(o, str) else o["value"] for o in select["options"]
                ]
                found[select["translation_key"]] = options
    return found


def test_selectors_have_option_labels(resolver: Resolver) -> None:
    """Every translated select (services.yaml and the flows) has a label per option,
    and every selector in strings.json is used."""
    in_yaml = _yaml_selectors()
    assert in_yaml
    for key, options in in_yaml.items():
        assert set(STRINGS["selector"][key]["options"]) == set(options), key

    # In code: SelectSelectorConfig(translation_key=...) and
    # config["translation_key"] = ...
    in_code = _resolve_all(
        resolver, resolver.keyword_sites({"SelectSelectorConfig"}, "translation_key")
    )
    subscripts = (
        Site(site.module, site.node.value, site.function)
        for site in resolver.sites(ast.Assign)
        if isinstance(site.node, ast.Assign)
        and any(
            isinstance(t, ast.Subscript)
            and isinstance(t.slice, ast.Constant)
            and t.slice.value == "translation_key"
            for t in site.node.targets
        )
    )
    in_code |= _resolve_all(resolver, subscripts)
    assert in_code
    assert set(STRINGS["selector"]) == set(in_yaml) | in_code


def test_cramp_selectors_offer_what_the_bodies_accept() -> None:
    """log_cramp's selects offer exactly the values its body accepts, in order."""
    fields = SERVICES_YAML["log_cramp"]["fields"]
    for field, accepted in (
        ("muscle", MUSCLES),
        ("context", CONTEXTS),
        ("severity", SEVERITIES),
    ):
        assert fields[field]["selector"]["select"]["options"] == list(accepted), field


# -- exceptions and repair issues ----------------------------------------------------


def test_raised_exception_keys_have_messages(resolver: Resolver) -> None:
    """Every translation key of a raised exception has a message, and every message
    in `exceptions` is raised somewhere."""
    keys = _resolve_all(
        resolver,
        resolver.keyword_sites(_exception_classes(resolver), "translation_key"),
    )
    assert keys
    assert keys - set(STRINGS["exceptions"]) == set(), "raised without a message"
    assert set(STRINGS["exceptions"]) - keys == set(), "messages never raised"
    for key in keys:
        assert STRINGS["exceptions"][key]["message"], key


def test_repair_issue_keys_have_texts(resolver: Resolver) -> None:
    """Every issue the code creates has a title, and every issue text is used."""
    keys = _resolve_all(
        resolver, resolver.keyword_sites({"async_create_issue"}, "translation_key")
    )
    assert keys
    assert set(STRINGS["issues"]) == keys
    for key in keys:
        issue = STRINGS["issues"][key]
        assert issue["title"], key
        assert "description" in issue or "fix_flow" in issue, key


# -- entities ------------------------------------------------------------------------


def _entity_keys(resolver: Resolver) -> dict[str, set[str]]:
    """platform -> the translation keys of its entity descriptions and classes."""
    found: dict[str, set[str]] = {}
    for platform in PLATFORMS:
        module = next(m for m in resolver.modules if m.name == f"{PACKAGE}.{platform}")
        descriptions = {
            name
            for name, value in module.namespace.items()
            if inspect.isclass(value) and name.endswith("EntityDescription")
        } | {
            site.node.name
            for site in resolver.sites(ast.ClassDef)
            if site.module is module
            and isinstance(site.node, ast.ClassDef)
            and site.node.name.endswith("Description")
        }
        sites = [
            s
            for s in resolver.keyword_sites(descriptions, "translation_key")
            if s.module is module
        ]
        attrs = [
            Site(site.module, site.node.value, site.function)
            for site in resolver.sites(ast.Assign)
            if site.module is module
            and isinstance(site.node, ast.Assign)
            and any(
                getattr(t, "id", getattr(t, "attr", None)) == "_attr_translation_key"
                for t in site.node.targets
            )
        ]
        found[str(platform)] = _resolve_all(resolver, iter([*sites, *attrs]))
    return found


def test_entity_keys_have_names_and_icons(resolver: Resolver) -> None:
    """Every entity's translation key has a name and an icon, and nothing else is
    named or given an icon."""
    keys = _entity_keys(resolver)
    assert all(keys.values()), keys
    assert set(STRINGS["entity"]) == set(keys)
    assert set(ICONS["entity"]) == set(keys)
    for platform, platform_keys in keys.items():
        assert set(STRINGS["entity"][platform]) == platform_keys, platform
        assert set(ICONS["entity"][platform]) == platform_keys, platform
        for key in platform_keys:
            assert STRINGS["entity"][platform][key]["name"], (platform, key)
            icon = ICONS["entity"][platform][key]
            assert icon["default"].startswith("mdi:"), (platform, key)
            # State icons only for states the entity has (a named state, or the
            # on/off of a binary sensor or switch).
            states = set(STRINGS["entity"][platform][key].get("state", {}))
            if platform in {"binary_sensor", "switch"}:
                states |= {"on", "off"}
            assert set(icon.get("state", {})) <= states, (platform, key)


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_entities_match_their_texts(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    resolver: Resolver,
) -> None:
    """The entities of a person with every source are those the source describes;
    an enum's options are its translated states, and every attribute an entity adds
    has a name."""
    entries = er.async_entries_for_config_entry(
        entity_registry, init_integration.entry_id
    )
    created: dict[str, set[str]] = {}
    for entry in entries:
        assert entry.translation_key, entry.entity_id
        created.setdefault(entry.domain, set()).add(entry.translation_key)
    assert created == _entity_keys(resolver)

    for entry in entries:
        texts = STRINGS["entity"][entry.domain][entry.translation_key]
        if options := (entry.capabilities or {}).get("options"):
            assert set(texts["state"]) == set(options), entry.entity_id

    entities = [
        entity
        for platform in entity_platform.async_get_platforms(hass, DOMAIN)
        for entity in platform.entities.values()
    ]
    assert len(entities) == len(entries)
    named: dict[str, set[str]] = {}
    for entity in entities:
        key = entity.translation_key
        assert key is not None, entity.entity_id
        texts = STRINGS["entity"][entity.platform.domain][key]
        added = set(entity.extra_state_attributes or {})
        assert added <= set(texts.get("state_attributes", {})), entity.entity_id
        named[f"{entity.platform.domain}.{key}"] = added
    # ... and every named attribute is one an entity adds.
    for platform, platform_texts in STRINGS["entity"].items():
        for key, texts in platform_texts.items():
            attributes = set(texts.get("state_attributes", {}))
            assert attributes <= named[f"{platform}.{key}"], (platform, key)
