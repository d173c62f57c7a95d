"""`briefing new`."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic


def run(root: Path) -> list[Diagnostic]:
    raise NotImplementedError("briefing new")
