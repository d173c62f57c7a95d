"""`briefing check`: the build without rendering; every problem in content/ and the config."""

from __future__ import annotations

from pathlib import Path

from ..config import Project
from ..diagnostics import Diagnostic
from ..load_content import load_site
from ..render.theme import check_theme


def run(root: Path) -> list[Diagnostic]:
    project = Project(root)
    loaded = load_site(project, jobs=None)  # one process per CPU reads the content
    return [*loaded.diagnostics, *check_theme(project, loaded.config)]
