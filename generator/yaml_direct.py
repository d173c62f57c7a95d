"""Front matter YAML written and read directly, for the plain shapes ingest writes.

Writing: `frontmatter.dump_yaml` runs PyYAML's pure-Python emitter, about 2 ms
a file. Most front matter is a mapping of short one-line text, numbers, dates,
null, and lists of those or of small mappings. For exactly that, `direct_yaml`
writes the same bytes as PyYAML would, choosing plain or single-quoted style by
the emitter's own rules. Anything else (text that needs double quotes or a `|`
block, very long text, floats, unusual keys, nested lists) gives None, and the
caller takes the careful path. `tests/test_yaml_direct.py` holds the two to the
same output.

Reading: `direct_mapping` reads the same plain shapes line by line, several
times faster than libyaml and PyYAML's Python layers together: `key: value`
lines, `[a, b]` lists, block lists of scalars or of one-level mappings, one-level
mappings under a key, plain,
single-quoted and escape-free double-quoted scalars on one line. Anything else
(a comment after a value, a multi-line scalar, a tag, an anchor, a duplicate
key, a tab, a float...) gives None, and `frontmatter` takes its other paths,
which give the same result (`tests/test_frontmatter_direct.py`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from yaml.resolver import Resolver

from .model import PartialDate, Precision

FLOW_LIST_CHARS = 60
"""A list of scalars shorter than this (all items' text together) is written inline."""
LONGEST_TEXT = 1_000
"""Longer text is left to the careful path (PyYAML folds lines past its width)."""

_PRINTABLE = re.compile(
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]*", re.ASCII
)
"""Characters PyYAML writes as they are, with allow_unicode and no line breaks."""
_BLOCK_INDICATOR = re.compile(r"\A(?:[#,\[\]{}&*!|>'\"%@`]|[?:-](?: |\Z)|---|\.\.\.)|:(?: |\Z)| #")
"""What stops text being a plain scalar in block context (PyYAML's analyze_scalar).

Printable one-line text has no whitespace but the space, so ' ' stands for it.
"""
_FLOW_INDICATOR = re.compile(r"\A(?:[#&*!|>'\"%@`]|-(?: |\Z)|---|\.\.\.)|[,?\[\]{}:]| #")
"""What stops text being a plain scalar inside `[...]`."""
_KEY = re.compile(r"[a-z][a-z0-9_]{0,63}\Z")
"""A key PyYAML writes bare (it writes one of 128 characters or more as `? key`)."""
_IMPLICIT = Resolver.yaml_implicit_resolvers


def direct_yaml(meta: Mapping[str, Any]) -> str | None:
    """The YAML PyYAML would write for `meta`, or None when its shape needs PyYAML."""
    lines: list[str] = []
    return "".join(lines) if meta and _mapping(meta, "", lines) else None


def _mapping(meta: Mapping[str, Any], indent: str, lines: list[str]) -> bool:
    """Write `key: value` lines at `indent`; the first line's indent is the caller's."""
    first = True
    for key, value in meta.items():
        if not (isinstance(key, str) and _KEY.match(key) and _plain_ok(key)):
            return False
        lead = "" if first else indent
        first = False
        if isinstance(value, Mapping):
            if not value:
                lines.append(f"{lead}{key}: {{}}\n")
                continue
            lines.append(f"{lead}{key}:\n{indent}  ")
            if not _mapping(value, indent + "  ", lines):
                return False
        elif isinstance(value, list | tuple):
            if not _sequence(value, f"{lead}{key}:", indent + "  ", lines):
                return False
        else:
            text = _scalar(value, flow=False)
            if text is None:
                return False
            lines.append(f"{lead}{key}: {text}\n")
    return True


def _sequence(items: Sequence[Any], head: str, indent: str, lines: list[str]) -> bool:
    if _inline(items):
        inline = [_scalar(i, flow=True) for i in items]
        if any(text is None for text in inline):
            return False
        lines.append(f"{head} [{', '.join(t for t in inline if t is not None)}]\n")
        return True
    lines.append(f"{head}\n")
    for item in items:
        if isinstance(item, Mapping) and item:
            lines.append(f"{indent}- ")
            if not _mapping(item, indent + "  ", lines):
                return False
            continue
        text = _scalar(item, flow=False)
        if text is None:
            return False
        lines.append(f"{indent}- {text}\n")
    return True


def _inline(items: Sequence[Any]) -> bool:
    """A short list of text, numbers and booleans is written `[a, b]`, as `frontmatter` does."""
    scalars = all(isinstance(i, str | int | bool) for i in items)
    return scalars and sum(len(str(i)) for i in items) < FLOW_LIST_CHARS


def _scalar(value: Any, *, flow: bool) -> str | None:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, PartialDate):
        return _date(value)
    if isinstance(value, str):
        return _text(value, flow=flow)
    return None


def _date(value: PartialDate) -> str | None:
    """Bare, as `frontmatter` writes a date; a year before 1000 is left to it."""
    if value.precision is Precision.YEAR and value.year < 1000:
        return None
    return str(value)


def _text(value: str, *, flow: bool) -> str | None:
    if len(value) > LONGEST_TEXT or not _PRINTABLE.fullmatch(value):
        return None
    indicator = _FLOW_INDICATOR if flow else _BLOCK_INDICATOR
    spaced = value[:1] == " " or value[-1:] == " "
    if value and not spaced and not indicator.search(value) and _plain_ok(value):
        return value
    return "'" + value.replace("'", "''") + "'"


def _plain_ok(value: str) -> bool:
    """True when plain `value` reads back as text, not as a number, date, bool or null."""
    resolvers = _IMPLICIT.get(value[:1], []) + _IMPLICIT.get(None, [])
    return not any(regexp.match(value) for _tag, regexp in resolvers)


CORE_SCALARS: tuple[tuple[str, str, list[str]], ...] = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", [*"tTfF"]),
    ("int", r"^(?:[-+]?0|[-+]?[1-9][0-9_]*|[-+]?0x[0-9a-fA-F_]+)$", [*"-+0123456789"]),
    (
        "float",
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
        |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
        [*"-+0123456789."],
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", [*"~nN", ""]),
    (
        "timestamp",
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        [*"0123456789"],
    ),
)
"""(name, pattern, first characters) of the plain scalars front matter reads as other than
text (YAML 1.2 core rules: `yes`, `012`, `1:30` stay text); a timestamp is kept as text."""

_NOT_TEXT_FIRST = frozenset(char for *_, first in CORE_SCALARS for char in first)
"""A plain scalar starting with none of these is text."""
_NOT_TEXT = re.compile("|".join(f"(?:{pattern[1:-1]})" for _, pattern, _ in CORE_SCALARS), re.X)
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_BOOLEANS = {"true": True, "false": False}
_NULLS = frozenset({"~", "null", "Null", "NULL"})
_TIMESTAMP = re.compile(CORE_SCALARS[-1][1], re.X)

_UNUSUAL = re.compile(
    "[^\x0a\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""Characters left to the careful reader: controls (tabs, "\\r"), line breaks YAML sees
but editors do not, a byte order mark, surrogates and non-characters."""
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: (.+))?\Z")
_INDICATOR_START = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_FLOW_ITEM = r"""'(?:[^']|'')*'|"[^"\\]*"|[^-?:,\[\]{}#&*!|>'"%@` ][^,\[\]{}#:]*(?<! )"""
_FLOW_LIST = re.compile(rf"\[(?:(?:{_FLOW_ITEM})(?:, (?:{_FLOW_ITEM}))*)?\]\Z")
_FLOW_ITEMS = re.compile(rf"({_FLOW_ITEM})(?:, |\Z)")


class _UnsureError(Exception):
    """`direct_mapping` leaves this front matter to the careful reader."""


def direct_mapping(raw: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]] | None:
    """(mapping, top-level key -> 1-based line) of plain front matter, or None when unsure.

    `first_line` is the file's line number of the first line of `raw`.
    """
    if not raw or _UNUSUAL.search(raw):
        return None
    lines = [
        (number, line)
        for number, line in enumerate(raw.split("\n"), first_line)
        if line.strip(" ") and not line.lstrip(" ").startswith("#")
    ]
    meta: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    index = 0
    try:
        while index < len(lines):
            number, line = lines[index]
            key, value = _key_value(line)
            if key in meta:
                return None
            key_lines[key] = number
            index += 1
            if value is None and index < len(lines) and lines[index][1].lstrip(" ").startswith("-"):
                meta[key], index = _block_list(lines, index)
            elif value is None and index < len(lines) and lines[index][1].startswith(" "):
                meta[key], index = _block_mapping(lines, index)
            else:
                meta[key] = None if value is None else _read_scalar(value, flow=False)
    except _UnsureError:
        return None
    return meta, key_lines


def _key_value(line: str) -> tuple[str, str | None]:
    """(key, value text or None when the line ends after the colon) of a `key: value` line."""
    match = _KEY_LINE.match(line)
    if match is None:
        raise _UnsureError
    return match.group(1), match.group(2)


def _block_list(lines: list[tuple[int, str]], index: int) -> tuple[list[Any], int]:
    """The `- item` lines from `index` on, and the index of the line after them."""
    first = lines[index][1]
    indent = first[: len(first) - len(first.lstrip(" "))]
    dash = f"{indent}- "
    inner = f"{indent}  "
    items: list[Any] = []
    while index < len(lines) and lines[index][1].startswith(dash):
        text = lines[index][1][len(dash) :]
        index += 1
        if _KEY_LINE.match(text) is None:
            items.append(_read_scalar(text, flow=False))
            continue
        entry: dict[str, Any] = {}
        _entry_line(text, entry)
        while index < len(lines) and lines[index][1].startswith(inner):
            _entry_line(lines[index][1][len(inner) :], entry)
            index += 1
        items.append(entry)
    if not items or (index < len(lines) and lines[index][1].startswith(" ")):
        raise _UnsureError
    return items, index


def _block_mapping(lines: list[tuple[int, str]], index: int) -> tuple[dict[str, Any], int]:
    """The `  key: value` lines from `index` on, and the index of the line after them."""
    entry: dict[str, Any] = {}
    while index < len(lines) and lines[index][1].startswith("  "):
        _entry_line(lines[index][1][2:], entry)
        index += 1
    if not entry:
        raise _UnsureError
    return entry, index


def _entry_line(line: str, entry: dict[str, Any]) -> None:
    """Add one `key: value` line of a list item's or a key's mapping to `entry`."""
    key, value = _key_value(line)
    if key in entry:
        raise _UnsureError
    entry[key] = None if value is None else _read_scalar(value, flow=False)


def _read_scalar(text: str, *, flow: bool) -> Any:
    """The value of one scalar (or, outside a list, a `[...]` list) written on one line."""
    first = text[0]
    if first == "'":
        if len(text) < 2 or text[-1] != "'" or "'" in text[1:-1].replace("''", ""):
            raise _UnsureError
        return text[1:-1].replace("''", "'")
    if first == '"':
        if len(text) < 2 or text[-1] != '"' or '"' in text[1:-1] or "\\" in text:
            raise _UnsureError
        return text[1:-1]
    if first == "[" and not flow:
        if _FLOW_LIST.match(text) is None:
            raise _UnsureError
        return [_read_scalar(item, flow=True) for item in _FLOW_ITEMS.findall(text[1:-1])]
    return _read_plain(text)


def _read_plain(text: str) -> Any:
    """A plain scalar's value: text, a whole number, true/false or null.

    Inside `[...]`, `_FLOW_ITEM` has already kept out the characters that end a plain
    scalar there.
    """
    if text[0] in _INDICATOR_START or text[-1] in " :" or ": " in text or " #" in text:
        raise _UnsureError
    if text[0] not in _NOT_TEXT_FIRST or _NOT_TEXT.fullmatch(text) is None:
        return text
    if _TIMESTAMP.match(text):
        return text
    if text.lower() in _BOOLEANS:
        return _BOOLEANS[text.lower()]
    if text in _NULLS:
        return None
    if _DECIMAL.match(text):
        return int(text)
    raise _UnsureError
