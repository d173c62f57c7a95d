"""The briefing project's configuration, `briefing.yaml` at the project root."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic
from .frontmatter import FrontMatterError, parse

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


def parse_config(text: str, path: str) -> tuple[Config, list[Diagnostic]]:
    """Parse config text; unknown keys go to `extra`, bad values are reported."""
    try:
        meta = parse(f"---\n{text}\n---\n", path).meta
    except FrontMatterError as exc:
        d = exc.diagnostic
        return Config(), [
            Diagnostic(path, max(1, d.line - 1), d.message.replace("front matter", "config"))
        ]
    values: dict[str, Any] = {}
    diagnostics = []
    for key in _FIELDS:
        if key in meta:
            value = meta.pop(key)
            if value is None:
                continue
            if not isinstance(value, str | int | float):
                diagnostics.append(Diagnostic(path, 0, f"`{key}` must be text"))
                continue
            values[key] = str(value)
    return Config(**values, extra=meta), diagnostics


def load_config(project: Project) -> tuple[Config, list[Diagnostic]]:
    """Read `briefing.yaml`; a missing file means the defaults."""
    path = project.config_path
    if not path.is_file():
        return Config(), []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Config(), [Diagnostic(CONFIG_NAME, 0, f"cannot read config: {exc}")]
    return parse_config(text, CONFIG_NAME)
