"""`briefing build`: content/ and the theme into site/ (or --out), all or nothing.

A build whose inputs and output are unchanged since the last one does nothing
(see `build_cache`); the rendering machinery is imported only when needed, so
that such a build starts fast.
"""

from __future__ import annotations

from pathlib import Path

from ..build_cache import inputs_digest, remember_build, unchanged_build
from ..config import Project
from ..diagnostics import Diagnostic, errors


def run(
    root: Path,
    out: Path | None = None,
    base_url: str | None = None,
    watch: bool = False,
    jobs: int | None = None,
) -> list[Diagnostic]:
    project = Project(root)
    out_dir = out if out is not None else project.site
    if watch:
        from ..watch import watch_and_build
        from . import ingest

        return watch_and_build(project, out_dir, base_url, lambda files: ingest.run(root, files))
    key = inputs_digest(project, out_dir, base_url)
    unchanged = unchanged_build(project, key, out_dir)
    if unchanged is not None:
        return unchanged
    from ..write_site import build_site

    diagnostics = build_site(project, out_dir, base_url, jobs)
    if not errors(diagnostics):
        remember_build(project, key, out_dir, diagnostics)
    return diagnostics
