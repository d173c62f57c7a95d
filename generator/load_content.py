"""content/ -> Briefing + diagnostics.

Reads `content/events`, `content/actors` and `content/sources` (subfolders
allowed; the file name without `.md` is the id). A broken file is reported as
`path:line: message` and skipped; the rest still loads. Each item's origin
(file and line of every field) is kept so later steps can point at the line.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, TypeVar

from .config import Config, Project, load_config
from .diagnostics import Diagnostic, decode_utf8
from .frontmatter import Document, FrontMatterError, parse
from .fsutil import read_bytes
from .model import (
    ID_PATTERN,
    Actor,
    Briefing,
    Event,
    Kind,
    PartialDate,
    Quote,
    Reading,
    Source,
    Status,
)
from .render.markdown import PreparedBody, prepare_markdown
from .slug import DEVICE_NAMES
from .validate import Origin, Origins, item_key, validate
from .workers import map_spans, paused_gc

KINDS = {"events": "event", "actors": "actor", "sources": "source"}
"""content/ subfolder -> item kind."""

_TIME_FORMAT = "HH:MM (24-hour clock)"
_Choice = TypeVar("_Choice", Status, Kind)


class _FieldError(Exception):
    """One bad field: the item is skipped and the diagnostic reported."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class _ItemError(Exception):
    """Every bad field of one item."""

    def __init__(self, problems: list[_FieldError]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class LoadedContent:
    briefing: Briefing
    origins: Origins
    """Item key ("event:<id>") -> where it was written."""
    files: Mapping[str, str]
    """Project-relative path of every content file read -> the item key it defines."""
    broken: frozenset[str]
    """Keys of items whose file was reported and skipped."""
    diagnostics: list[Diagnostic]
    bodies: Mapping[str, PreparedBody] = field(default_factory=dict)
    """Item key -> its Markdown body, parsed while loading (events and actors)."""


@dataclass(frozen=True)
class LoadedSite:
    """Everything a build needs, gathered before anything is rendered."""

    project: Project
    config: Config
    content: LoadedContent
    diagnostics: list[Diagnostic]
    """Config, per-file and cross-reference problems together, sorted."""

    @property
    def briefing(self) -> Briefing:
        return self.content.briefing


def load_site(project: Project, base_url: str | None = None, jobs: int | None = 1) -> LoadedSite:
    """Config + content + cross-checks. `base_url` (from --base-url) overrides the config's.

    `jobs` processes read the content (None: one per CPU); see `load_content`.
    """
    config, config_diagnostics = load_config(project)
    if base_url is not None:
        config = replace(config, base_url=base_url)
    content = load_content(project, jobs)
    diagnostics = [
        *config_diagnostics,
        *content.diagnostics,
        *validate(content.briefing, content.origins, content.broken, content.bodies),
    ]
    return LoadedSite(project, config, content, sorted(diagnostics))


@dataclass(frozen=True)
class ItemFile:
    """What one content file yields: its item, or the diagnostics that explain why not."""

    key: str
    """"event:<id>", "actor:<id>" or "source:<id>"."""
    item: Event | Actor | Source | None
    origin: Origin | None
    """None when the file could not be parsed at all."""
    diagnostics: tuple[Diagnostic, ...]
    broken: bool
    """True when the file names a valid id but could not be loaded (reported, then skipped)."""


def read_item(
    project: Project, kind: str, path: Path | str, relative: str | None = None
) -> ItemFile:
    """Read one content file of `kind` ("event", "actor", "source") on its own.

    `relative` is its project-relative POSIX path, when the caller knows it already.
    """
    if relative is None:
        relative = Path(path).relative_to(project.root).as_posix()
    name = relative.rpartition("/")[2]
    item_id = name.removesuffix(".md")
    key = item_key(kind, item_id)
    problem = _file_name_problem(item_id, name)
    if problem:
        return ItemFile(key, None, None, (Diagnostic(relative, 1, problem),), False)
    found: list[Diagnostic] = []
    document = _read(path, relative, found)
    if document is None:
        return ItemFile(key, None, None, tuple(found), broken=True)
    origin = Origin(relative, document.lines, document.body_line)
    try:
        item = _BUILDERS[kind](item_id, document)
    except _ItemError as exc:
        problems = tuple(
            Diagnostic(relative, origin.line(p.field), p.message) for p in exc.problems
        )
        return ItemFile(key, None, origin, problems, broken=True)
    return ItemFile(key, item, origin, (), broken=False)


def _read_with_body(
    project: Project, kind: str, path: str, relative: str
) -> tuple[ItemFile, PreparedBody | None]:
    """One content file, and its Markdown body parsed when it is an event's or an actor's."""
    loaded = read_item(project, kind, path, relative)
    item = loaded.item
    markdown = isinstance(item, Event | Actor)
    return loaded, prepare_markdown(item.body) if markdown and item is not None else None


def _read_files(
    project: Project, files: Sequence[tuple[str, str, str]]
) -> list[tuple[ItemFile, PreparedBody | None]]:
    return [_read_with_body(project, kind, path, relative) for kind, path, relative in files]


def load_content(project: Project, jobs: int | None = 1) -> LoadedContent:
    """Every content file, read by `jobs` processes (None: one per CPU; few files: one).

    The result does not depend on `jobs`.
    """
    diagnostics: list[Diagnostic] = []
    origins: dict[str, Origin] = {}
    files: dict[str, str] = {}
    first_file: dict[str, str] = {}
    broken: set[str] = set()
    bodies: dict[str, PreparedBody] = {}
    items: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS.values()}
    steps: list[Diagnostic | None] = []
    """In file order: a duplicate's report, or None for the next file read."""
    to_read: list[tuple[str, str, str]] = []
    for kind, path, relative in _content_files(project):
        key = item_key(kind, relative.rpartition("/")[2].removesuffix(".md"))
        files[relative] = key
        if key in first_file:
            steps.append(duplicate_id(key, relative, first_file[key]))
            continue
        first_file[key] = relative
        steps.append(None)
        to_read.append((kind, path, relative))
    with paused_gc():
        read = (
            result
            for results in map_spans(partial(_read_files, project), to_read, jobs)
            for result in results
        )
        for step in steps:
            if step is not None:
                diagnostics.append(step)
                continue
            loaded, body = next(read)
            diagnostics.extend(loaded.diagnostics)
            if loaded.origin is not None:
                origins[loaded.key] = loaded.origin
            if loaded.broken:
                broken.add(loaded.key)
            if loaded.item is not None:
                items[loaded.key.split(":", 1)[0]][loaded.item.id] = loaded.item
            if body is not None:
                bodies[loaded.key] = body
    briefing = Briefing(
        events=dict(sorted(items["event"].items())),
        actors=dict(sorted(items["actor"].items())),
        sources=dict(sorted(items["source"].items())),
    )
    return LoadedContent(briefing, origins, files, frozenset(broken), diagnostics, bodies)


def _content_files(project: Project) -> Iterator[tuple[str, str, str]]:
    """(kind, path, project-relative POSIX path) of every `.md` file, in a stable order
    (shallower paths first, then by path). Symbolic links to folders are not followed."""
    for folder, kind in KINDS.items():
        found = sorted(_markdown_below(str(project.content / folder)))
        for _, relative, full in found:
            yield kind, full, f"content/{folder}/{relative}"


def _markdown_below(base: str) -> Iterator[tuple[int, str, str]]:
    """(depth, path relative to `base`, full path) of the `.md` files below `base`."""
    folders = [(0, "", base)]
    while folders:
        depth, prefix, folder = folders.pop()
        try:
            entries = os.scandir(folder)
        except (FileNotFoundError, NotADirectoryError):
            continue
        with entries:
            for entry in entries:
                if entry.is_dir() and not entry.is_symlink():
                    folders.append((depth + 1, f"{prefix}{entry.name}/", entry.path))
                elif entry.name.endswith(".md") and entry.is_file():
                    yield depth, f"{prefix}{entry.name}", entry.path


def _file_name_problem(item_id: str, name: str) -> str | None:
    """Why `name` cannot name an item, or None when it can."""
    if not ID_PATTERN.match(item_id):
        return (
            f"file name `{name}` is not a valid id: use lowercase letters, digits and single "
            "hyphens, e.g. `biden-putin-call.md`"
        )
    if item_id in DEVICE_NAMES:
        return (
            f"file name `{name}` is reserved on Windows, so the project could not be checked "
            f"out there: rename it, e.g. `{item_id}-1.md`"
        )
    return None


def duplicate_id(key: str, path: str, first: str) -> Diagnostic:
    """The report for a second file (`path`) defining the item `key` that `first` defines."""
    kind, item_id = key.split(":", 1)
    return Diagnostic(
        path, 1, f"duplicate {kind} id `{item_id}`: {first} has the same file name; rename one"
    )


def _read(path: Path | str, relative: str, diagnostics: list[Diagnostic]) -> Document | None:
    try:
        raw = read_bytes(path)
    except OSError as exc:
        diagnostics.append(Diagnostic(relative, 0, f"cannot read file: {exc.strerror}"))
        return None
    text = decode_utf8(raw, relative, "file")
    if isinstance(text, Diagnostic):
        diagnostics.append(text)
        return None
    try:
        return parse(text, relative)
    except FrontMatterError as exc:
        diagnostics.append(exc.diagnostic)
        return None


# Field readers: each returns the value or raises _FieldError naming the field.


def _required_text(meta: dict[str, Any], name: str) -> str:
    value = meta.pop(name, None)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _FieldError(name, f"missing required field `{name}`: add `{name}: ...`")
    return _as_text(name, value)


def _optional_text(meta: dict[str, Any], name: str) -> str | None:
    value = meta.pop(name, None)
    return None if value is None else _as_text(name, value)


def _as_text(name: str, value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _FieldError(name, f"`{name}` must be text, not {_describe(value)}")
    return str(value)


def _list(meta: dict[str, Any], name: str) -> list[Any] | None:
    """The list under `name` (a lone text counts as a list of one); None when it is no list."""
    value = meta.pop(name, None)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value if isinstance(value, list) else None


def _id_list(meta: dict[str, Any], name: str) -> tuple[str, ...]:
    values = _list(meta, name)
    if values is None or not all(isinstance(v, str) for v in values):
        raise _FieldError(
            name, f"`{name}` must be a list of ids, e.g. `{name}: [one-id, other-id]`"
        )
    return tuple(values)


def _text_list(meta: dict[str, Any], name: str) -> tuple[str, ...]:
    values = _list(meta, name)
    if values is None:
        raise _FieldError(name, f"`{name}` must be a list of text")
    return tuple(_as_text(name, v) for v in values)


def _date(meta: dict[str, Any], name: str, required: bool) -> PartialDate | None:
    value = meta.pop(name, None)
    if value is None:
        if required:
            raise _FieldError(name, f"missing required field `{name}`: add `{name}: YYYY-MM-DD`")
        return None
    try:
        return _parse_date(str(value))
    except ValueError as exc:
        raise _FieldError(name, f"`{name}` is not a valid date: {exc}") from None


_parse_date = lru_cache(maxsize=4_096)(PartialDate.parse)
"""Dates repeat from file to file (a day's events and sources): each is parsed once, and
the files share one (frozen) value."""


def _choice(
    meta: dict[str, Any], name: str, choices: type[_Choice], default: _Choice | None
) -> _Choice:
    value = meta.pop(name, None)
    if value is None and default is not None:
        return default
    if value is None:
        options = ", ".join(c.value for c in choices)
        raise _FieldError(name, f"missing required field `{name}`: add `{name}:` one of {options}")
    try:
        return choices(str(value))
    except ValueError:
        options = ", ".join(c.value for c in choices)
        raise _FieldError(name, f"`{name}` must be one of {options}, not {value!r}") from None


def _time(meta: dict[str, Any]) -> str | None:
    value = _optional_text(meta, "time")
    if value is None:
        return None
    hours, _, minutes = value.partition(":")
    if not (
        len(hours) == 2 == len(minutes)
        and hours.isdigit()
        and minutes.isdigit()
        and int(hours) < 24
        and int(minutes) < 60
    ):
        raise _FieldError("time", f"`time` must be {_TIME_FORMAT}, not {value!r}")
    return value


def _url(meta: dict[str, Any]) -> str | None:
    value = _optional_text(meta, "url")
    if value is not None and not value.startswith(("https://", "http://")):
        raise _FieldError("url", f"`url` must start with https:// or http://, not {value!r}")
    return value


def _flag(meta: dict[str, Any], name: str) -> bool:
    value = meta.pop(name, False)
    if not isinstance(value, bool):
        raise _FieldError(name, f"`{name}` must be true or false")
    return value


def _quotes(meta: dict[str, Any]) -> tuple[Quote, ...]:
    value = meta.pop("quotes", None)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(q, dict) for q in value):
        raise _FieldError("quotes", "`quotes` must be a list of `- text: ...` entries")
    return tuple(_quote(dict(q)) for q in value)


def _quote(entry: dict[str, Any]) -> Quote:
    text = entry.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _FieldError("quotes", "every quote needs `text:`")
    speaker, source = entry.get("speaker"), entry.get("source")
    if not all(v is None or isinstance(v, str) for v in (speaker, source)):
        raise _FieldError("quotes", "a quote's `speaker` and `source` must be text")
    return Quote(text=text, speaker=speaker, source=source)


def _disputed(meta: dict[str, Any]) -> dict[str, tuple[Reading, ...]]:
    value = meta.pop("disputed", None)
    if value is None:
        return {}
    shape = "`disputed` must map a field to readings: `date: [{value: ..., sources: [id]}]`"
    if not isinstance(value, dict):
        raise _FieldError("disputed", shape)
    disputed = {}
    for name, readings in value.items():
        if not isinstance(readings, list) or not all(isinstance(r, dict) for r in readings):
            raise _FieldError("disputed", shape)
        disputed[str(name)] = tuple(_reading(r, shape) for r in readings)
    return disputed


def _reading(entry: dict[str, Any], shape: str) -> Reading:
    value, sources = entry.get("value"), entry.get("sources", [])
    if isinstance(sources, str):
        sources = [sources]
    if value is None or not isinstance(sources, list):
        raise _FieldError("disputed", shape)
    return Reading(value=str(value), sources=tuple(str(s) for s in sources))


def _describe(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"{value!r}"


# Item builders: Document -> model value. Whatever keys remain go to `extra`.


def _read_fields(readers: Mapping[str, Callable[[], Any]]) -> dict[str, Any]:
    """Run every field reader; raise _ItemError with all the problems if any failed."""
    values, problems = {}, []
    for name, read in readers.items():
        try:
            values[name] = read()
        except _FieldError as problem:
            problems.append(problem)
    if problems:
        raise _ItemError(problems)
    return values


def _event(item_id: str, document: Document) -> Event:
    meta = dict(document.meta)
    fields = _read_fields(
        {
            "title": lambda: _required_text(meta, "title"),
            "date": lambda: _date(meta, "date", required=True),
            "status": lambda: _choice(meta, "status", Status, Status.OCCURRED),
            "time": lambda: _time(meta),
            "timezone": lambda: _optional_text(meta, "timezone"),
            "summary": lambda: _optional_text(meta, "summary"),
            "actors": lambda: _id_list(meta, "actors"),
            "sources": lambda: _id_list(meta, "sources"),
            "quotes": lambda: _quotes(meta),
            "date_note": lambda: _optional_text(meta, "date_note"),
            "disputed": lambda: _disputed(meta),
        }
    )
    return Event(id=item_id, **fields, body=document.body, extra=meta)


def _actor(item_id: str, document: Document) -> Actor:
    meta = dict(document.meta)
    fields = _read_fields(
        {
            "name": lambda: _required_text(meta, "name"),
            "kind": lambda: _choice(meta, "kind", Kind, None),
            "aliases": lambda: _text_list(meta, "aliases"),
            "roles": lambda: _text_list(meta, "roles"),
        }
    )
    return Actor(id=item_id, **fields, body=document.body, extra=meta)


def _source(item_id: str, document: Document) -> Source:
    meta = dict(document.meta)
    fields = _read_fields(
        {
            "title": lambda: _required_text(meta, "title"),
            "outlet": lambda: _optional_text(meta, "outlet"),
            "author": lambda: _optional_text(meta, "author"),
            "published": lambda: _date(meta, "published", required=False),
            "published_inferred": lambda: _flag(meta, "published_inferred"),
            "url": lambda: _url(meta),
            "seed": lambda: _optional_text(meta, "seed"),
        }
    )
    return Source(id=item_id, **fields, body=document.body, extra=meta)


_BUILDERS: Mapping[str, Callable[[str, Document], Event | Actor | Source]] = {
    "event": _event,
    "actor": _actor,
    "source": _source,
}
