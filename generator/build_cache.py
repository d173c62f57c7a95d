"""A record of the last build, so that building again with nothing changed does nothing.

`<project>/.briefing-cache/build.json` holds a digest of every input of the
last successful build (content/, briefing.yaml, themes/, the output folder and
the base URL), the generator modules the build ran with a digest of their code
and of the built-in theme, the warnings the build reported, and the size and
modification time of every file it wrote. When a new build has the same inputs
and the output folder still holds exactly those files, untouched, its output
would be byte-identical: nothing is done and the same warnings are reported.
Anything else (an input or the generator changed, a file in the output added,
removed or touched, a missing or unreadable record) means a full build. The
folder can be deleted at any time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .config import Project
from .diagnostics import Diagnostic, Severity
from .fsutil import atomic_write, read_bytes

CACHE_DIR = ".briefing-cache"
RECORD = "build.json"
FORMAT = 1
PACKAGE = Path(__file__).resolve().parent
"""The generator's code and built-in theme: a change to either is a change of input."""
BUILTIN_THEMES = "themes"
"""The package folder of the built-in themes."""

Files = dict[str, list[int]]
"""Site path -> [size, modification time in ns]."""


def _files_below(folder: Path) -> Iterator[tuple[str, str]]:
    """(POSIX path relative to `folder`, full path) of every file, in a stable order.

    Hidden entries and `__pycache__` are skipped (editor files, compiled code).
    """
    for base, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f != "__pycache__")
        relative = Path(base).relative_to(folder).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        for name in sorted(names):
            if not name.startswith("."):
                yield f"{prefix}{name}", os.path.join(base, name)  # noqa: PTH118 (no Path per file)


def _digest_files(digest: Any, files: Iterable[tuple[str, str]]) -> None:
    for label, full in files:
        try:
            data = read_bytes(full)
        except FileNotFoundError:
            data = b"\0missing"
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)


def inputs_digest(project: Project, out_dir: Path, base_url: str | None) -> str:
    """A digest of the project's files a build reads, and of where and how it writes."""
    digest = hashlib.blake2b(digest_size=32)
    digest.update(f"{FORMAT}\0{out_dir.absolute()}\0{base_url}\0".encode())
    for label, folder in (("content", project.content), ("themes", project.themes)):
        _digest_files(digest, ((f"{label}/{rel}", full) for rel, full in _files_below(folder)))
    _digest_files(digest, [("config", str(project.config_path))])
    return digest.hexdigest()


def code_digest(modules: Iterable[str]) -> str:
    """A digest of the generator's files `modules` (paths relative to the package) and of
    its built-in theme."""
    digest = hashlib.blake2b(digest_size=32)
    _digest_files(digest, ((name, str(PACKAGE / name)) for name in modules))
    theme = (
        (f"{BUILTIN_THEMES}/{rel}", full) for rel, full in _files_below(PACKAGE / BUILTIN_THEMES)
    )
    _digest_files(digest, theme)
    return digest.hexdigest()


def _modules_in_use() -> list[str]:
    """The generator's source files this process has imported, relative to the package."""
    package = __name__.partition(".")[0]
    found = set()
    for name, module in list(sys.modules.items()):
        if name.partition(".")[0] != package:
            continue  # not resolving hundreds of other modules' paths saves ~25 ms a build
        location = getattr(module, "__file__", None)
        if location and Path(location).resolve().is_relative_to(PACKAGE):
            found.add(Path(location).resolve().relative_to(PACKAGE).as_posix())
    return sorted(found)


def output_files(out_dir: Path) -> Files:
    """Size and modification time of every file below `out_dir` (hidden ones too)."""
    found: Files = {}
    folders = [("", str(out_dir))]
    while folders:
        prefix, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((f"{prefix}{entry.name}/", entry.path))
                else:
                    status = entry.stat(follow_symlinks=False)
                    found[f"{prefix}{entry.name}"] = [status.st_size, status.st_mtime_ns]
    return found


def _record_path(project: Project) -> Path:
    return project.root / CACHE_DIR / RECORD


def unchanged_build(project: Project, key: str, out_dir: Path) -> list[Diagnostic] | None:
    """The last build's warnings when it had the inputs `key` and its output is intact;
    None when a build is needed."""
    try:
        record = json.loads(_record_path(project).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("key") != key:
        return None
    if record.get("code") != code_digest(record.get("modules", [])):
        return None
    if not out_dir.is_dir() or record.get("files") != output_files(out_dir):
        return None
    return [
        Diagnostic(path, line, message, Severity(severity))
        for path, line, message, severity in record.get("diagnostics", [])
    ]


def remember_build(
    project: Project, key: str, out_dir: Path, diagnostics: list[Diagnostic]
) -> None:
    """Record a successful build of the inputs `key` into `out_dir`. A project that cannot
    be written to simply has no record."""
    modules = _modules_in_use()
    record = {
        "key": key,
        "modules": modules,
        "code": code_digest(modules),
        "diagnostics": [[d.path, d.line, d.message, d.severity.value] for d in diagnostics],
        "files": output_files(out_dir),
    }
    with contextlib.suppress(OSError):
        _record_path(project).parent.mkdir(exist_ok=True)
        record_bytes = json.dumps(record, separators=(",", ":")).encode()
        atomic_write(_record_path(project), record_bytes, durable=False)  # lost: a full build
