"""`briefing build`: content/ and the theme into site/ (or --out), all or nothing."""

from __future__ import annotations

from pathlib import Path

from ..config import Project
from ..diagnostics import Diagnostic
from ..write_site import build_site


def run(
    root: Path, out: Path | None = None, base_url: str | None = None, watch: bool = False
) -> list[Diagnostic]:
    project = Project(root)
    out_dir = out if out is not None else project.site
    if watch:
        from ..watch import watch_and_build
        from . import ingest

        return watch_and_build(project, out_dir, base_url, lambda files: ingest.run(root, files))
    return build_site(project, out_dir, base_url)
