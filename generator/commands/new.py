"""`briefing new DIR`: a project that builds at once (config, content/, seeds/, themes/)."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..diagnostics import BriefingError, Diagnostic

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
FOLDERS = ("content/events", "content/actors", "content/sources", "seeds", "themes/default")


def run(directory: Path) -> list[Diagnostic]:
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise BriefingError(
            [
                Diagnostic(
                    directory.as_posix(),
                    0,
                    "already exists and is not empty: choose a new folder for the project",
                )
            ]
        )
    shutil.copytree(SCAFFOLD, directory, dirs_exist_ok=True)
    for folder in FOLDERS:
        (directory / folder).mkdir(parents=True, exist_ok=True)
    return []
