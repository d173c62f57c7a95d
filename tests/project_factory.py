"""Tiny briefing projects built from dicts, for tests."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Mapping
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"

ACTOR = "---\nname: Joe Biden\nkind: person\n---\n"
SOURCE = "---\ntitle: Biden, Putin to talk\noutlet: Reuters\npublished: 2021-12-29\n---\nText.\n"
EVENT = (
    "---\ntitle: Second call\ndate: 2021-12-30\nactors: [joe-biden]\n"
    "sources: [reuters]\n---\nThey spoke [@reuters].\n"
)


def make_project(root: Path, files: Mapping[str, str | bytes] | None = None) -> Path:
    """A valid one-event project at `root`, with `files` (path -> text) added or replaced."""
    base: dict[str, str | bytes] = {
        "briefing.yaml": "title: Test briefing\n",
        "content/actors/joe-biden.md": ACTOR,
        "content/sources/reuters.md": SOURCE,
        "content/events/second-call.md": EVENT,
    }
    for relative, data in {**base, **(files or {})}.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data), encoding="utf-8")
    return root


def copy_fixture(name: str, dest: Path) -> Path:
    """A copy of `tests/fixtures/<name>` under `dest`, so a build's cache stays out of the repo."""
    return Path(shutil.copytree(FIXTURES / name, dest / name))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` by its POSIX path relative to it: a tree as a dict."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
