"""The briefing project's configuration, `briefing.yaml` at the project root."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .diagnostics import Diagnostic, decode_utf8
from .frontmatter import FrontMatterError, parse_mapping

CONFIG_NAME = "briefing.yaml"


@dataclass(frozen=True)
class Config:
    title: str = "Briefing"
    summary: str = ""
    language: str = "en"
    theme: str = "default"
    base_url: str = ""
    """Absolute URL the site is published at; needed only by the feed and sitemap."""
    timezone: str = "UTC"
    extra: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Project:
    """Where a briefing project keeps its parts."""

    root: Path

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def themes(self) -> Path:
        return self.root / "themes"

    @property
    def site(self) -> Path:
        return self.root / "site"


_FIELDS = ("title", "summary", "language", "theme", "base_url", "timezone")
_THEME_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")
_ABSOLUTE_URL = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)


def _field_problem(key: str, value: str) -> str | None:
    """Why `value` is unusable for `key`, or None when it is fine."""
    if key == "theme" and (not _THEME_NAME.match(value) or ".." in value):
        return f"`theme` must be the name of a folder in themes/, not {value!r}"
    if key == "timezone" and not _is_timezone(value):
        return f"`timezone` {value!r} is not a known time zone; use a name like Europe/Paris"
    if key == "language" and not _LANGUAGE_TAG.match(value):
        return f"`language` must be a language tag like en or pt-BR, not {value!r}"
    if key == "base_url" and value and not _ABSOLUTE_URL.match(value):
        return (
            f"`base_url` must be an absolute http(s) URL like https://example.org/briefing/, "
            f"not {value!r}"
        )
    return None


def _is_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def parse_config(text: str, path: str) -> tuple[Config, list[Diagnostic]]:
    """Parse config text; unknown keys go to `extra`, bad values are reported."""
    try:
        meta, lines = parse_mapping(text.removeprefix("\ufeff"), path, 1, what="config")
    except FrontMatterError as exc:
        return Config(), [exc.diagnostic]
    values: dict[str, str] = {}
    diagnostics = []
    for key in _FIELDS:
        value = meta.pop(key, None)
        if value is None:
            continue
        problem = (
            f"`{key}` must be text"
            if isinstance(value, bool) or not isinstance(value, str | int | float)
            else _field_problem(key, str(value))
        )
        if problem:
            diagnostics.append(Diagnostic(path, lines[key], problem))
        else:
            values[key] = str(value)
    return Config(**values, extra=meta), diagnostics


def load_config(project: Project) -> tuple[Config, list[Diagnostic]]:
    """Read `briefing.yaml`; a missing file means the defaults."""
    path = project.config_path
    if not path.is_file():
        return Config(), []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Config(), [Diagnostic(CONFIG_NAME, 1, f"cannot read config: {exc.strerror}")]
    text = decode_utf8(raw, CONFIG_NAME, "config")
    if isinstance(text, Diagnostic):
        return Config(), [text]
    return parse_config(text, CONFIG_NAME)
