"""Split, parse and write YAML front matter, keeping line numbers.

Parsing is deliberately narrower than YAML: only the safe scalar, list and
mapping types; no aliases (an alias bomb cannot expand); duplicate keys are
errors; dates and times stay the strings the author wrote, so a date keeps its
precision and "15:30" is not read as the sexagesimal number 930.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from .diagnostics import Diagnostic
from .model import PartialDate, Precision

FENCE = "---"
MAX_FRONT_MATTER_CHARS = 1_000_000


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


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text and refuses aliases and duplicate keys."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.MarkedYAMLError(
                problem="YAML aliases (*name) are not supported in front matter; "
                "write the value out in full",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise yaml.MarkedYAMLError(
                    problem="a mapping key must be plain text", problem_mark=key_node.start_mark
                )
            if key in seen:
                raise yaml.MarkedYAMLError(
                    problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


def _int_or_clock(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    text = str(loader.construct_scalar(node))
    return text if ":" in text else int(loader.construct_yaml_int(node))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _as_text)
_Loader.add_constructor("tag:yaml.org,2002:int", _int_or_clock)


def split(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, 1-based line of the front matter start).

    The front matter is the text between a first line `---` and the next line
    that is exactly `---` (or `...`).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != FENCE:
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() in (FENCE, "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), 2
    raise ValueError("unterminated")


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
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError(Diagnostic(path, 2, "front matter is larger than 1 MB"))
    body_line = start + raw.count("\n") + 1
    try:
        loader = _Loader(raw)
        try:
            node = loader.get_single_node()
            meta = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = start + (mark.line if mark else 0)
        problem = exc.problem or "invalid YAML"
        raise FrontMatterError(Diagnostic(path, line, f"invalid front matter: {problem}")) from None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise FrontMatterError(Diagnostic(path, start, f"invalid front matter: {exc}")) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(
            Diagnostic(path, start, "front matter must be a mapping of `key: value` lines")
        )
    lines = {
        str(key_node.value): start + key_node.start_mark.line
        for key_node, _ in (node.value if node is not None else [])
    }
    meta = {str(k): v for k, v in meta.items()}
    return Document(meta=meta, body=body, lines=lines, body_line=body_line)


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_list(dumper: yaml.SafeDumper, data: list[Any] | tuple[Any, ...]) -> yaml.Node:
    scalars = all(isinstance(item, str | int | float | bool) for item in data)
    short = sum(len(str(item)) for item in data) < 60
    return dumper.represent_sequence(
        "tag:yaml.org,2002:seq", data, flow_style=bool(scalars and short)
    )


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _represent_date(dumper: yaml.SafeDumper, data: PartialDate) -> yaml.Node:
    """Write a date bare (`2021-12-30`, `2021-12`, `2021`) so it reads as it will parse."""
    tag = {
        Precision.DAY: "tag:yaml.org,2002:timestamp",
        Precision.MONTH: "tag:yaml.org,2002:str",
        Precision.YEAR: "tag:yaml.org,2002:int",
    }[data.precision]
    return dumper.represent_scalar(tag, str(data))


_Dumper.add_representer(PartialDate, _represent_date)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(tuple, _represent_list)
_Dumper.add_representer(str, _represent_str)


def dump_yaml(meta: Mapping[str, Any]) -> str:
    """YAML for front matter: keys in the given order, short lists inline, no wrapping."""
    return yaml.dump(
        dict(meta),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=10_000,
        default_flow_style=False,
    )


def render(meta: Mapping[str, Any], body: str) -> str:
    """A complete document: front matter between `---` lines, a blank line, the body."""
    text = f"{FENCE}\n{dump_yaml(meta)}{FENCE}\n"
    body = body.strip("\n")
    return f"{text}\n{body}\n" if body else text
