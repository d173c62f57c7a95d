"""Split, parse and write YAML front matter, keeping line numbers.

Parsing is deliberately narrower than YAML 1.1, so that hostile or careless
input cannot surprise anyone:

- only plain data: text, integers, floats, true/false, null, lists and
  mappings; any other tag (`!!python/object`, `!!binary`, `!!set`, `!custom`)
  is an error;
- no aliases (an alias bomb cannot expand) and no `<<` merge keys;
- mapping keys are the text the author wrote, and a key written twice is an
  error naming its line;
- the YAML 1.2 core scalars: `yes`, `no`, `on`, `off`, `012` and `1:30` stay
  text (no "Norway problem", no octal, no sexagesimal);
- dates and times stay the strings the author wrote, so a date keeps its
  precision;
- nesting is bounded, and so is the size of the front matter.

Most front matter is read line by line (`yaml_direct.direct_mapping`: the plain
shapes ingest writes); the rest is parsed by libyaml (PyYAML's C extension) and
the node tree checked in Python against the rules above; anything neither fast
path accepts as plainly fine (an anchor, a tag, odd characters, deep nesting,
any error) is parsed again by the careful pure-Python loader, which gives the
exact diagnostic. So the result never depends on which path was taken.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from .diagnostics import Diagnostic
from .model import PartialDate, Precision
from .yaml_direct import CORE_SCALARS, direct_mapping, direct_yaml

FENCE = "---"
MAX_FRONT_MATTER_CHARS = 200_000
MAX_DEPTH = 32

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(
    f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)


class FrontMatterError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


@dataclass(frozen=True)
class Document:
    meta: dict[str, Any]
    body: str
    lines: Mapping[str, int]
    """Top-level key -> 1-based line number in the file."""
    body_line: int
    """1-based line number where the body starts."""


def _short_tag(tag: str) -> str:
    return tag.replace(_TAG, "!!", 1) if tag.startswith(_TAG) else tag


def _problem(problem: str, mark: Any) -> yaml.MarkedYAMLError:
    return yaml.MarkedYAMLError(problem=problem, problem_mark=mark)


class _Loader(yaml.SafeLoader):
    """SafeLoader for plain data only: see the module docstring."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 (PyYAML's per-class table)
    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event: Any = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise _problem(
                "YAML aliases (*name) are not supported; write the value out in full",
                event.start_mark,
            )
        if self._depth >= MAX_DEPTH:
            raise _problem(f"values are nested more than {MAX_DEPTH} levels deep", event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node.tag not in _PLAIN_TAGS:
            raise _problem(
                f"the tag {_short_tag(node.tag)} is not allowed; "
                "only plain text, numbers, true/false, null, lists and mappings are",
                node.start_mark,
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _problem("a mapping key must be plain text", key_node.start_mark)
            key = str(key_node.value)
            if key in mapping:
                raise _problem(f"duplicate key {key!r}; keep only one of them", key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_Loader.add_constructor(f"{_TAG}timestamp", _as_text)
for _name, _pattern, _first in CORE_SCALARS:
    _Loader.add_implicit_resolver(f"{_TAG}{_name}", re.compile(_pattern, re.X), _first)


def _libyaml_composer() -> Any:
    """libyaml's parser and composer with our scalar rules, when PyYAML was built with it."""
    try:
        from yaml._yaml import CParser
    except ImportError:
        return None

    class Composer(CParser, yaml.resolver.BaseResolver):
        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.resolver.BaseResolver.__init__(self)

    return Composer


_CComposer = _libyaml_composer()
_FAST_INDICATOR_LIMIT = 1_000
"""Above this many `[{:-?` characters, nesting could be deep enough to exhaust the C stack
of libyaml's recursive composer: such front matter takes the pure-Python path."""
_FAST_UNSAFE = re.compile(
    "[^\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|\r(?!\n)"
)
"""Characters the fast path leaves to the careful one: controls, tabs (libyaml accepts more
of them), odd line breaks, a byte order mark."""


class _UnusualError(Exception):
    """The fast path met something it leaves to the careful one."""


def _scalar_constructors() -> dict[str, Callable[[yaml.ScalarNode], Any]]:
    safe = yaml.constructor.SafeConstructor()
    return {
        f"{_TAG}str": lambda node: node.value,
        f"{_TAG}timestamp": lambda node: node.value,
        f"{_TAG}int": safe.construct_yaml_int,
        f"{_TAG}float": safe.construct_yaml_float,
        f"{_TAG}bool": safe.construct_yaml_bool,
        f"{_TAG}null": safe.construct_yaml_null,
    }


_SCALARS = _scalar_constructors()


def _plain_value(node: yaml.Node, depth: int, seen: set[int]) -> Any:
    """A composed node as plain data, or _UnusualError when the careful loader must decide.

    `seen` holds every node met so far: libyaml composes an alias as the anchored
    node itself, so meeting a node twice means an alias.
    """
    if depth >= MAX_DEPTH - 1 or id(node) in seen:
        raise _UnusualError
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        construct = _SCALARS.get(node.tag)
        if construct is None:
            raise _UnusualError
        return construct(node)
    if isinstance(node, yaml.SequenceNode) and node.tag == f"{_TAG}seq":
        return [_plain_value(item, depth + 1, seen) for item in node.value]
    if isinstance(node, yaml.MappingNode) and node.tag == f"{_TAG}map":
        return _plain_mapping(node, depth, seen)
    raise _UnusualError


def _plain_mapping(node: yaml.MappingNode, depth: int, seen: set[int]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or id(key_node) in seen:
            raise _UnusualError
        seen.add(id(key_node))
        key = str(key_node.value)
        if key in mapping:
            raise _UnusualError
        mapping[key] = _plain_value(value_node, depth + 1, seen)
    return mapping


def _fast_mapping(raw: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]] | None:
    """(mapping, key lines) by libyaml; None when the careful loader must decide."""
    if _CComposer is None or _FAST_UNSAFE.search(raw):
        return None
    if sum(raw.count(char) for char in "[{:-?") > _FAST_INDICATOR_LIMIT:
        return None
    parser = _CComposer(raw)
    try:
        node = parser.get_single_node()
        if not isinstance(node, yaml.MappingNode) or node.tag != f"{_TAG}map":
            return None
        meta = _plain_mapping(node, 0, set())
    except (yaml.YAMLError, ValueError, OverflowError, _UnusualError):
        return None
    finally:
        parser.dispose()
    lines = {str(key.value): first_line + _line(raw, key.start_mark.index) for key, _ in node.value}
    return meta, lines


_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)
"""A line `---` or `...`, trailing whitespace allowed (as `str.rstrip` strips it)."""


def split(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, 1-based line of the front matter start).

    The front matter is the text between a first line `---` and the next line
    that is exactly `---` (or `...`). Lines end at "\n" only, as in an editor;
    a byte order mark and "\r" before "\n" are ignored. Raise ValueError when
    the front matter is not closed.
    """
    text = text.removeprefix("\ufeff")
    first, _, rest = text.partition("\n")
    if first.rstrip() != FENCE:
        return None, text, 1
    closing = _CLOSING_FENCE.search(rest)
    if closing is None:
        raise ValueError("unterminated")
    return rest[: closing.start()], rest[closing.end() + 1 :], 2


def _line(raw: str, index: int) -> int:
    """0-based line of character `index`, counting "\n" only (YAML also counts U+2028)."""
    return raw.count("\n", 0, max(0, index))


def _unacceptable_character(exc: yaml.reader.ReaderError, raw: str) -> tuple[int, str]:
    """(0-based line, message) for a character YAML refuses (NUL, ESC, C1 controls)."""
    line = _line(raw, exc.position)
    code = exc.character if isinstance(exc.character, int) else 0
    return line, f"the character U+{code:04X} is not allowed in YAML; delete it"


def _marked_problem(exc: yaml.MarkedYAMLError, raw: str) -> tuple[int, str]:
    mark = exc.problem_mark or exc.context_mark
    return _line(raw, mark.index) if mark else 0, exc.problem or "not valid YAML"


def _hidden_line_break(raw: str) -> tuple[int, str] | None:
    """(0-based line, message) for the first character YAML reads as a line break but an
    editor does not (U+0085, U+2028, U+2029), the likely cause of a confusing YAML error."""
    match = re.search("[\x85\u2028\u2029]", raw)
    if match is None:
        return None
    code = ord(match.group())
    return _line(raw, match.start()), (
        f"the character U+{code:04X} is a line break to YAML; replace it with a space"
    )


def parse_mapping(
    raw: str, path: str, first_line: int, what: str = "front matter"
) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse YAML text that must be a mapping; return (mapping, top-level key -> line).

    `first_line` is the file's 1-based line number of the first line of `raw`.
    Raise FrontMatterError with a message beginning with `what`.
    """

    def fail(line: int, problem: str) -> FrontMatterError:
        return FrontMatterError(Diagnostic(path, first_line + line, f"invalid {what}: {problem}"))

    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError(
            Diagnostic(
                path,
                first_line,
                f"{what} is larger than {MAX_FRONT_MATTER_CHARS:,} characters; "
                "move long text into the body",
            )
        )
    fast = direct_mapping(raw, first_line) or _fast_mapping(raw, first_line)
    if fast is not None:
        return fast
    try:
        loader = _Loader(raw)
        try:
            node = loader.get_single_node()
            if node is None:
                return {}, {}
            meta = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:
        raise fail(*_unacceptable_character(exc, raw)) from None
    except yaml.MarkedYAMLError as exc:
        raise fail(*_hidden_line_break(raw) or _marked_problem(exc, raw)) from None
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        raise fail(0, str(exc).splitlines()[0]) from None
    if not isinstance(meta, dict):
        raise FrontMatterError(
            Diagnostic(path, first_line, f"{what} must be a mapping of `key: value` lines")
        )
    lines = {str(key.value): first_line + _line(raw, key.start_mark.index) for key, _ in node.value}
    return meta, lines


def parse(text: str, path: str) -> Document:
    """Parse a front-matter document; raise FrontMatterError naming path and line."""
    try:
        raw, body, start = split(text)
    except ValueError:
        raise FrontMatterError(
            Diagnostic(path, 1, "front matter is not closed: add a line `---` after it")
        ) from None
    if raw is None:
        raise FrontMatterError(
            Diagnostic(path, 1, "no front matter: the file must start with a line `---`")
        )
    meta, lines = parse_mapping(raw, path, start)
    return Document(meta=meta, body=body, lines=lines, body_line=start + raw.count("\n") + 1)


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_list(dumper: yaml.SafeDumper, data: list[Any] | tuple[Any, ...]) -> yaml.Node:
    scalars = all(isinstance(item, str | int | float | bool) for item in data)
    short = sum(len(str(item)) for item in data) < 60
    return dumper.represent_sequence(
        "tag:yaml.org,2002:seq", data, flow_style=bool(scalars and short)
    )


_FOLDED_BREAKS = re.compile("[\r\x85\u2028\u2029]")
"""Line breaks YAML would fold or normalise unless they are escaped in double quotes."""


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    """Multi-line text as a `|` block; text whose line breaks YAML would alter, escaped."""
    style = '"' if _FOLDED_BREAKS.search(data) else "|" if "\n" in data else None
    return dumper.represent_scalar(f"{_TAG}str", data, style=style)


def _represent_date(dumper: yaml.SafeDumper, data: PartialDate) -> yaml.Node:
    """Write a date bare (`2021-12-30`, `2021-12`, `2021`) so it reads as it will parse.

    A year before 1000 is quoted ('0048'): bare, its leading zero would make it octal.
    """
    tag = {
        Precision.DAY: "timestamp",
        Precision.MONTH: "str",
        Precision.YEAR: "int" if data.year >= 1000 else "str",
    }[data.precision]
    return dumper.represent_scalar(f"{_TAG}{tag}", str(data))


_Dumper.add_representer(PartialDate, _represent_date)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(tuple, _represent_list)
_Dumper.add_representer(str, _represent_str)


_DOCUMENT_END = "...\n"


def dump_yaml(meta: Mapping[str, Any]) -> str:
    """YAML for front matter: keys in the given order, short lists inline, no wrapping.

    Plain shapes are written directly (the same bytes, much faster); the rest by PyYAML.
    """
    return direct_yaml(meta) or careful_yaml(meta)


def careful_yaml(meta: Mapping[str, Any]) -> str:
    """`dump_yaml` by PyYAML's emitter, for any shape.

    Without the `...` PyYAML adds after a `|+` block (text ending in blank lines):
    `...` also closes front matter, so it would push the closing `---` into the body.
    """
    return yaml.dump(
        dict(meta),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=10_000,
        default_flow_style=False,
    ).removesuffix(_DOCUMENT_END)


def render(meta: Mapping[str, Any], body: str) -> str:
    """A complete document: front matter between `---` lines, a blank line, the body."""
    text = f"{FENCE}\n{dump_yaml(meta)}{FENCE}\n"
    body = body.strip("\n")
    return f"{text}\n{body}\n" if body else text
