"""Write a rendered site as a whole: into a temporary folder beside the output, then swap.

Nothing is written into the output folder itself, so a build that fails at
any point leaves the previous site exactly as it was, and a server never sees
a half-written site. On Linux the swap is one atomic exchange; elsewhere two
renames leave an instant without a site.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .config import CONFIG_NAME, Project
from .diagnostics import Diagnostic, errors
from .load_content import load_site
from .progress import Progress
from .render.pages import plan_pages
from .render.theme import check_theme, make_environment, render_site, static_files

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def write_site(outputs: Mapping[str, bytes], out_dir: Path) -> None:
    """Make `out_dir` hold exactly `outputs` (site path -> bytes)."""
    out_dir = out_dir.absolute()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        _write_all(outputs, staging)
        _swap(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_all(outputs: Mapping[str, bytes], folder: Path) -> None:
    made: set[Path] = set()
    for relative, data in outputs.items():
        target = folder / relative
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(data)
    folder.chmod(0o755)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE).

    Returns False where the system or file system cannot, so the caller falls back.
    """
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(second))


def _swap(staging: Path, out_dir: Path) -> None:
    """Put `staging` in place of `out_dir`; the old one is removed only once the new is in.

    Where the system can exchange two folders atomically, a reader (or a kill)
    sees the old site or the new one, never none.
    """
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    if _exchange(staging, out_dir):
        shutil.rmtree(staging, ignore_errors=True)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    old = retired / out_dir.name
    out_dir.rename(old)
    try:
        staging.rename(out_dir)
    except BaseException:
        old.rename(out_dir)
        raise
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(retired)


def check_out_dir(project: Project, out_dir: Path) -> list[Diagnostic]:
    """Refuse an output folder whose replacement would destroy the project or a repository."""
    out_dir, root = out_dir.resolve(), project.root.resolve()
    precious = (root == out_dir or root.is_relative_to(out_dir)) or any(
        (out_dir / name).exists() for name in (".git", CONFIG_NAME, "content")
    )
    if not precious:
        return []
    return [
        Diagnostic(
            out_dir.as_posix(),
            0,
            "refusing to build into this folder: it would replace the project or a repository; "
            "choose an output folder of its own, e.g. `--out site`",
        )
    ]


def build_site(
    project: Project, out_dir: Path, base_url: str | None = None, jobs: int | None = None
) -> list[Diagnostic]:
    """The whole build: load, check, plan, render, write. On any error nothing is written.

    `jobs` worker processes share the work (None: one per CPU); the output does not
    depend on it.
    """
    loaded = load_site(project, base_url, jobs)
    diagnostics = [
        *loaded.diagnostics,
        *check_theme(project, loaded.config),
        *check_out_dir(project, out_dir),
    ]
    if errors(diagnostics):
        return diagnostics
    env = make_environment(project, loaded.config)
    pages = plan_pages(loaded.config, loaded.briefing, loaded.content.bodies)
    progress = Progress("rendering", len(pages))
    try:
        outputs = render_site(env, pages, progress)
    finally:
        progress.close()
    write_site({**outputs, **static_files(project, loaded.config)}, out_dir)
    return diagnostics
