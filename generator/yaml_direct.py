"""Front matter YAML written directly, for the plain shapes ingest writes, ten times faster.

`frontmatter.dump_yaml` runs PyYAML's pure-Python emitter, about 2 ms a file.
Most front matter is a mapping of short one-line text, numbers, dates, null,
and lists of those or of small mappings. For exactly that, `direct_yaml` writes
the same bytes as PyYAML would, choosing plain or single-quoted style by the
emitter's own rules. Anything else (text that needs double quotes or a `|`
block, very long text, floats, unusual keys, nested lists) gives None, and the
caller takes the careful path. `tests/test_yaml_direct.py` holds the two to the
same output.
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
