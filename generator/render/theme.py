"""The theme: Jinja2 templates and static files, a project's own overriding the built-in ones.

A project's `themes/<name>/` (name from briefing.yaml `theme`) may hold any
single template or the stylesheet; everything else comes from the default
theme shipped inside the package. The environment is built once per build,
with StrictUndefined, so a typo in a theme fails with its template and line.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import pickle
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from ..config import Config, Project
from ..diagnostics import BriefingError, Diagnostic
from .feeds import AtomFeed, Calendar, Sitemap
from .pages import Page, date_label

BUILTIN_THEME = Path(__file__).resolve().parent.parent / "themes" / "default"
BUILTIN_LABEL = "<built-in theme>"
TEMPLATE_SUFFIX = ".html"
STATIC = "static"
"""The theme folder copied to the site as it is."""
MEMO_SIZE = 1 << 17
"""Macro outputs an environment's `memo` keeps: the default theme's lists make about two per
event and one per source, and a cache smaller than a list page misses on every entry."""


def theme_dirs(project: Project, config: Config) -> list[Path]:
    """Where files are looked up, first match wins: the project's theme, then the built-in."""
    own = project.themes / config.theme
    return [own, BUILTIN_THEME] if own.is_dir() else [BUILTIN_THEME]


def check_theme(project: Project, config: Config) -> list[Diagnostic]:
    if config.theme == "default" or (project.themes / config.theme).is_dir():
        return []
    return [
        Diagnostic(
            "briefing.yaml",
            0,
            f"theme `{config.theme}` not found: create themes/{config.theme}/ "
            "or set `theme: default`",
        )
    ]


class ThemeEnvironment(jinja2.Environment):
    """A Jinja environment that knows the project root, to name templates in errors."""

    project_root: Path


def make_environment(project: Project, config: Config) -> ThemeEnvironment:
    env = ThemeEnvironment(
        loader=jinja2.FileSystemLoader([str(p.resolve()) for p in theme_dirs(project, config)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.bytecode_cache = _bytecode_cache(env)
    env.filters["date_label"] = date_label
    env.globals["memo"] = fragment_cache()
    env.project_root = project.root.resolve()
    return env


class _BuiltinBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates of the built-in theme kept between builds, in Jinja's own per-user
    temporary folder: compiling them took ~60 ms of every build, in the parent, before the
    render workers start. Each is checked against its source (an edited template is compiled
    again). A project's own templates are compiled each time: they are few, and their paths
    (a cache file each) many."""

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        if filename is None or not Path(filename).is_relative_to(BUILTIN_THEME):
            return Bucket(environment, "", "")
        try:
            return super().get_bucket(environment, name, filename, source)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # damaged
            return Bucket(environment, "", "")

    def set_bucket(self, bucket: Bucket) -> None:
        """Keep the compiled code when the folder takes it; a full or read-only disk only
        means compiling again next time."""
        if bucket.key:
            with contextlib.suppress(OSError):
                super().set_bucket(bucket)


def _bytecode_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """The built-in theme's compiled templates (None when there is no safe folder for them);
    file names carry Jinja's version and the options that shape the compiled code."""
    syntax = (jinja2.__version__, env.autoescape, env.trim_blocks, env.lstrip_blocks)
    tag = hashlib.blake2b(repr(syntax).encode(), digest_size=6).hexdigest()
    try:
        return _BuiltinBytecodeCache(pattern=f"__briefing_{tag}_%s.cache")
    except (OSError, RuntimeError):
        return None


def fragment_cache(size: int = MEMO_SIZE) -> Callable[..., str]:
    """The template global `memo(macro, *args)`: `macro(*args)`, each output kept (the
    `size` most recently used), so an event's list entry is rendered once for the timeline,
    its actors' pages and the home page, and again in `serve` only when it changed.

    Sound for macros imported without context (`{% from "macros.html" import x %}`, Jinja's
    default): their output depends only on their arguments and the environment's globals,
    and each environment has its own cache (a theme edit makes a new one). Arguments must
    be hashable, as the frozen page values are; a macro imported `with context`, which
    also reads the page's variables, must be called directly.
    """

    @functools.lru_cache(maxsize=size)
    def cached(macro: Callable[..., str], *args: object) -> str:
        return macro(*args)

    def memo(macro: Callable[..., str], *args: object) -> str:
        try:
            return cached(macro, *args)
        except TypeError:
            _check_hashable(args)
            raise

    return memo


def _check_hashable(args: tuple[object, ...]) -> None:
    """Raise a template error (reported with the template's line) for unhashable arguments."""
    try:
        hash(args)
    except TypeError as exc:
        raise jinja2.TemplateRuntimeError(f"memo() needs hashable arguments: {exc}") from None


def render_page(env: ThemeEnvironment, page: Page) -> bytes:
    """One page's bytes; a template error becomes a BriefingError naming template and line."""
    if page.template is None:
        assert isinstance(page.context, AtomFeed | Calendar | Sitemap)
        return page.context.render()
    try:
        template = env.get_template(page.template)
        html = template.render(page=page.context, site=page.site, root=page.root, path=page.path)
    except jinja2.TemplateError as exc:
        raise BriefingError([_template_diagnostic(env, exc, page)]) from None
    return html.encode("utf-8")


def static_files(project: Project, config: Config) -> dict[str, bytes]:
    """The theme's `static/` files (the stylesheet, icons) by site path ("static/style.css")."""
    files: dict[str, bytes] = {}
    for base in reversed(theme_dirs(project, config)):
        for path in _static_files(base / STATIC):
            files[path.relative_to(base).as_posix()] = path.read_bytes()
    return dict(sorted(files.items()))


def _static_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.is_file() and not hidden:
            yield path


def _template_diagnostic(
    env: ThemeEnvironment, exc: jinja2.TemplateError, page: Page
) -> Diagnostic:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Diagnostic(_label(env, exc.filename or exc.name), exc.lineno, exc.message or "")
    frame = _last_template_frame(traceback.extract_tb(exc.__traceback__))
    if frame is None:
        return Diagnostic(_label(env, page.template), 0, f"{exc} (rendering {page.path})")
    filename, line = frame
    return Diagnostic(_label(env, filename), line, f"{exc} (rendering {page.path})")


def _last_template_frame(frames: Iterable[traceback.FrameSummary]) -> tuple[str, int] | None:
    found = None
    for frame in frames:
        if frame.filename.endswith(TEMPLATE_SUFFIX):
            found = (frame.filename, frame.lineno or 0)
    return found


def _label(env: ThemeEnvironment, filename: str | None) -> str:
    """A template's path as the user knows it: project-relative, or marked built-in."""
    if not filename:
        return BUILTIN_LABEL
    path = Path(filename)
    if path.is_relative_to(BUILTIN_THEME):
        return f"{BUILTIN_LABEL}/{path.relative_to(BUILTIN_THEME).as_posix()}"
    if path.is_absolute() and path.is_relative_to(env.project_root):
        return path.relative_to(env.project_root).as_posix()
    return path.as_posix()
