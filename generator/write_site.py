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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import jinja2

from .config import CONFIG_NAME, Config, Project
from .diagnostics import BriefingError, Diagnostic, errors
from .load_content import load_site
from .progress import Progress
from .render.pages import Page, plan_pages
from .render.theme import ThemeEnvironment, check_theme, make_environment, render_page, static_files
from .workers import map_spans, release_free_memory

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def write_site(outputs: Mapping[str, bytes], out_dir: Path) -> None:
    """Make `out_dir` hold exactly `outputs` (site path -> bytes)."""
    with staged_site(out_dir) as staging:
        _write_all(outputs, staging)


@contextlib.contextmanager
def staged_site(out_dir: Path) -> Iterator[Path]:
    """A new, empty folder beside `out_dir` to write the site into; swapped in at the end.

    When the block raises, the folder is deleted and `out_dir` is left as it was.
    """
    out_dir = out_dir.absolute()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        yield staging
        staging.chmod(0o755)
        _swap(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _make_parent(folder: str, relative: str, made: set[str]) -> None:
    """Create the folder `relative` is in, unless this process made it already."""
    parent = relative.rpartition("/")[0]
    if not parent or parent in made:
        return
    try:
        os.mkdir(f"{folder}/{parent}")  # noqa: PTH102 (one system call, no Path per file)
    except FileExistsError:
        pass
    except FileNotFoundError:
        Path(folder, parent).mkdir(parents=True, exist_ok=True)
    made.add(parent)


def _write_file(folder: str, relative: str, data: bytes, made: set[str]) -> None:
    """Write a new file below `folder` with as few system calls as possible.

    `made` holds the folders known to exist already, and grows.
    """
    _make_parent(folder, relative, made)
    descriptor = os.open(f"{folder}/{relative}", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


def _write_all(outputs: Mapping[str, bytes], folder: Path) -> None:
    made: set[str] = set()
    for relative, data in outputs.items():
        _write_file(str(folder), relative, data, made)


@dataclass(frozen=True)
class _RenderJob:
    """What a worker needs to render pages into the staging folder."""

    project: Project
    config: Config
    folder: str
    made: frozenset[str]
    """The site's top-level folders, made before the workers start."""


_environment: tuple[_RenderJob, ThemeEnvironment] | None = None
"""This process's theme environment for the current job, with its compiled templates
(forked workers inherit it). Each build has its own staging folder, so its own job:
a template edited between two builds is read again."""


def _job_environment(job: _RenderJob) -> ThemeEnvironment:
    global _environment
    if _environment is None or _environment[0] != job:
        _environment = (job, make_environment(job.project, job.config))
    return _environment[1]


def _render_pages(job: _RenderJob, pages: Sequence[Page]) -> tuple[int, list[Diagnostic]]:
    """Render and write `pages`; (pages written, the first template error's diagnostics)."""
    env = _job_environment(job)
    made = set(job.made)
    for count, page in enumerate(pages):
        try:
            data = render_page(env, page)
        except BriefingError as exc:
            return count, exc.diagnostics
        _write_file(job.folder, page.path, data, made)
    return len(pages), []


def render_into(
    folder: Path,
    project: Project,
    config: Config,
    pages: Sequence[Page],
    jobs: int | None,
    progress: Progress,
) -> None:
    """Render every page straight into `folder`, in `jobs` processes; raise BriefingError
    with the first template error (in page order) when there is one."""
    top = frozenset(page.path.split("/", 1)[0] for page in pages if "/" in page.path)
    for name in sorted(top):
        (folder / name).mkdir()
    job = _RenderJob(project, config, str(folder), top)
    env = _job_environment(job)
    for name in sorted({page.template for page in pages if page.template is not None}):
        with contextlib.suppress(jinja2.TemplateError):  # reported by the page that uses it
            env.get_template(name)  # compiled once, before the workers are forked
    for written, problems in map_spans(partial(_render_pages, job), pages, jobs):
        progress.advance(written)
        if problems:
            raise BriefingError(problems)


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
    config = loaded.config
    pages = plan_pages(config, loaded.briefing, loaded.content.bodies)
    del loaded  # the pages hold all the rest needs; workers should not inherit the content
    release_free_memory()
    statics = static_files(project, config)
    progress = Progress("rendering", len(pages))
    try:
        with staged_site(out_dir) as staging:
            render_into(staging, project, config, pages, jobs, progress)
            _write_all(statics, staging)
    finally:
        progress.close()
    return diagnostics
