"""The site kept in memory while serving: apply a change, re-render only what depends on it.

`Site` holds what a build gathered (config, every content file's item and
diagnostics, the Jinja environment, the site's index (`SiteIndex`), the
template of every page, a digest of every written file) so that a save
re-parses only the changed file, updates the index for the changed items only,
and plans and re-renders only the pages that may show them (`affected_paths`)
or use a changed template. Pages are written one file at a time, each through
a temporary file renamed into place; a file whose bytes did not change is not
written (so no browser reloads for it). A full build (config or theme folder
changed, folders renamed) still swaps the whole output folder, as `build` does.

A change is applied in two steps: first the changed items' own pages, then the
other pages that may show them. When the content has errors nothing is
written: the last good site stays served, and the changes wait until a later
save fixes the errors.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

import jinja2
from jinja2 import meta as jinja_meta

from . import load_content as loader
from .config import Config, Project, load_config
from .diagnostics import BriefingError, Diagnostic, errors
from .model import Actor, Briefing, Event, Source
from .render.markdown import PreparedBody, prepare_markdown
from .render.pages import (
    SiteIndex,
    actor_href,
    affected_paths,
    build_index,
    event_href,
    page_paths,
    plan_indexed,
    plan_pages_for,
    same_pages,
    source_href,
    update_index,
)
from .render.theme import (
    ThemeEnvironment,
    check_theme,
    make_environment,
    render_page,
    static_files,
)
from .validate import Origin, item_key, validate
from .write_site import check_out_dir, write_site

Item = Event | Actor | Source
_T = TypeVar("_T")
_HREFS: Mapping[str, Callable[[str], str]] = {
    "event": event_href,
    "actor": actor_href,
    "source": source_href,
}


# -- pure functions ------------------------------------------------------------------------


def content_key(path: str) -> str | None:
    """`content/events/2021/x.md` -> "event:x"; None for a path that is not a content file."""
    parts = PurePosixPath(path).parts
    if len(parts) < 3 or parts[0] != "content" or parts[1] not in loader.KINDS:
        return None
    if not parts[-1].endswith(".md"):
        return None
    return item_key(loader.KINDS[parts[1]], parts[-1].removesuffix(".md"))


def templates_using(references: Mapping[str, Set[str]], changed: Set[str]) -> set[str]:
    """`changed` plus every template that extends, includes or imports one of them, transitively.

    `references` maps a template name to the names it refers to.
    """
    affected = set(changed)
    grew = True
    while grew:
        grew = False
        for name, refs in references.items():
            if name not in affected and refs & affected:
                affected.add(name)
                grew = True
    return affected


def digest(data: bytes) -> bytes:
    """A written file's fingerprint. SHA-256 has CPU instructions on most machines: twice as
    fast as BLAKE2 here, on the megabytes of a big list page saved again at each edit."""
    return hashlib.sha256(data).digest()


@dataclass(frozen=True)
class ChangeSet:
    """What a batch of file events means for the site."""

    config: bool = False
    seeds: frozenset[str] = frozenset()
    """Project-relative paths of seed files that were created, changed or removed."""
    content: frozenset[str] = frozenset()
    """Project-relative paths of content files (`content/events/<id>.md`) created, changed
    or removed."""
    content_rescan: bool = False
    """A content folder was created, removed or renamed: reload all of content/."""
    templates: frozenset[str] = frozenset()
    """Template names (`.html` paths relative to the theme folder)."""
    static: frozenset[str] = frozenset()
    """Files in the theme's static/ folder, as site paths ("static/style.css")."""
    theme_rescan: bool = False
    """A theme folder was created, removed or renamed: reload the whole theme."""

    @property
    def empty(self) -> bool:
        return self == ChangeSet()

    def describe(self) -> str:
        """A short human summary: "content/events/x.md; templates: base.html"."""
        parts = [
            *(["config"] if self.config else []),
            *([f"seeds: {', '.join(sorted(self.seeds))}"] if self.seeds else []),
            *(["content/ (all)"] if self.content_rescan else []),
            *([", ".join(sorted(self.content))] if self.content else []),
            *(["theme (all)"] if self.theme_rescan else []),
            *([f"templates: {', '.join(sorted(self.templates))}"] if self.templates else []),
            *([f"static: {', '.join(sorted(self.static))}"] if self.static else []),
        ]
        return "; ".join(parts)


# -- outcomes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What one rebuild step did, for the terminal and the browsers."""

    trigger: str
    written: tuple[str, ...] = ()
    """Site paths whose bytes changed (written) or that were removed."""
    diagnostics: tuple[Diagnostic, ...] = ()
    seconds: float = 0.0
    full: bool = False
    rendered: int = 0
    """Pages rendered, whether or not their bytes changed."""
    partial: bool = False
    """More steps of the same change follow (this one wrote the changed items' own pages)."""
    deferred: bool = False
    """Newer changes were waiting: some dependent pages are left for the next batch."""

    @property
    def failed(self) -> bool:
        return bool(errors(list(self.diagnostics)))

    def summary(self) -> str:
        """One terminal line: "rebuilt (TRIGGER): 3 file(s) written, 9 page(s) rendered, 12 ms"."""
        took = f"{self.seconds * 1000:.0f} ms"
        what = "full build" if self.full else "rebuild"
        if self.failed:
            count = len(errors(list(self.diagnostics)))
            return f"{what} failed ({self.trigger}): {count} error(s), last good site kept, {took}"
        done = "built" if self.full else "rebuilt own pages" if self.partial else "rebuilt"
        files = f"{len(self.written)} file(s) written, {self.rendered} page(s) rendered"
        later = " (the rest after the next change)" if self.deferred else ""
        return f"{done} ({self.trigger}): {files}{later}, {took}"


# -- content files -------------------------------------------------------------------------


def _read_entry(project: Project, relative: str) -> loader.ItemFile | None:
    """Read one content file as `load_content` would; None when it does not exist."""
    path = project.root / relative
    key = content_key(relative)
    if key is None or not path.is_file():
        return None
    return loader.read_item(project, key.split(":", 1)[0], path)


def _entries_from(loaded: loader.LoadedContent) -> dict[str, loader.ItemFile | None]:
    """Per-file entries from a whole `load_content` result; None for a file it did not read
    on its own (a duplicate id, an unreadable file, a bad file name)."""
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in loaded.diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    entries: dict[str, loader.ItemFile | None] = {}
    for path, key in loaded.files.items():
        kind, item_id = key.split(":", 1)
        origin = loaded.origins.get(key)
        if origin is None or origin.path != path:
            entries[path] = None
            continue
        entries[path] = loader.ItemFile(
            key,
            _items_of(loaded.briefing, kind).get(item_id),
            origin,
            tuple(by_path.get(path, ())),
            broken=key in loaded.broken,
        )
    return entries


def _cited(body: PreparedBody | None) -> frozenset[str]:
    return frozenset(source for source, _ in body.citations) if body is not None else frozenset()


def _same_but_prose(old: Item | None, new: Item | None) -> bool:
    """Both are events that differ in their body at most."""
    if not isinstance(old, Event) or not isinstance(new, Event):
        return False
    return replace(old, body="") == replace(new, body="")


def _keyed(briefing: Briefing) -> Iterator[tuple[str, Item]]:
    """(key, item) of every item of a briefing."""
    for kind in ("event", "actor", "source"):
        for item in _items_of(briefing, kind).values():
            yield item_key(kind, item.id), item


def _items_of(briefing: Briefing, kind: str) -> Mapping[str, Item]:
    by_kind: Mapping[str, Mapping[str, Item]] = {
        "event": briefing.events,
        "actor": briefing.actors,
        "source": briefing.sources,
    }
    return by_kind[kind]


def _references(event: Event, body: PreparedBody | None) -> Iterator[str]:
    """Keys of every actor and source an event's page shows (`body`: its parsed body)."""
    yield from (item_key("actor", a) for a in event.actors)
    for quote in event.quotes:
        if quote.speaker:
            yield item_key("actor", quote.speaker)
        if quote.source:
            yield item_key("source", quote.source)
    yield from (item_key("source", s) for s in event.sources)
    for readings in event.disputed.values():
        for reading in readings:
            yield from (item_key("source", s) for s in reading.sources)
    cited = body.citations if body is not None else prepare_markdown(event.body).citations
    yield from (item_key("source", s) for s, _ in cited)


# -- the site ------------------------------------------------------------------------------

OWN_PAGES_FIRST_LIMIT = 20
"""Changing more items than this at once skips the own-pages-first step."""
ITEM_DEPTH = 2
"""Slashes in the path of an item's or a year's page ("events/<id>/index.html")."""
RENDER_CHUNK = 200
"""Dependent pages rendered between two looks at whether newer changes wait."""

Busy = Callable[[], bool]


def never_busy() -> bool:
    return False


@dataclass
class _State:
    """Mutable build state owned by one `Site`."""

    config: Config = field(default_factory=Config)
    config_diagnostics: tuple[Diagnostic, ...] = ()
    entries: dict[str, loader.ItemFile] = field(default_factory=dict)
    """Project-relative content path -> what was read from it."""
    paths_by_key: dict[str, set[str]] = field(default_factory=dict)
    duplicated: set[str] = field(default_factory=set)
    """Keys defined by more than one file."""
    problems: dict[str, tuple[Diagnostic, ...]] = field(default_factory=dict)
    """Content path -> its own diagnostics, for files that have some."""
    items: dict[str, Item] = field(default_factory=dict)
    """Item key -> item, from the entries (of several files with one id, the first wins)."""
    events: dict[str, Event] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    bodies: dict[str, PreparedBody] = field(default_factory=dict)
    """Event or actor key -> its parsed Markdown body."""
    body_texts: dict[str, str] = field(default_factory=dict)
    """Event or actor key -> the body text `bodies` was parsed from."""
    broken: frozenset[str] = frozenset()
    unchecked: set[str] = field(default_factory=set)
    """Ids of events whose references must be checked again."""
    referrers: dict[str, set[str]] = field(default_factory=dict)
    """Actor or source key -> ids of the events that refer to it (as last checked)."""
    dangling: dict[str, tuple[Diagnostic, ...]] = field(default_factory=dict)
    """Event id -> its dangling-reference diagnostics, for events that have some."""
    env: ThemeEnvironment | None = None
    template_refs: dict[str, set[str]] = field(default_factory=dict)
    briefing: Briefing | None = None
    """The items by id (see `Site._briefing`), when made; `stale` names the kinds changed
    since."""
    stale: set[str] = field(default_factory=set)
    index: SiteIndex | None = None
    """The index of the last good site; `pending_keys` name the items changed since."""
    templates: dict[str, str | None] = field(default_factory=dict)
    """Path of every page of the last good site -> its template."""
    written: dict[str, bytes] = field(default_factory=dict)
    """Site path -> digest of the bytes now in the output folder."""
    statics: dict[str, bytes] = field(default_factory=dict)
    pending_keys: set[str] = field(default_factory=set)
    pending_paths: set[str] = field(default_factory=set)
    """Pages found to need rendering and not rendered yet (a busier moment, or content with
    errors, may leave some for a later batch)."""
    deferred: bool = False
    """Dependent pages were left for the next batch, even one that changes nothing."""
    needs_full: bool = True


Ingest = Callable[[list[Path]], list[Diagnostic]]


class Site:
    """One project's site, built into `out` and kept up to date change by change."""

    def __init__(self, project: Project, out: Path, base_url: str | None = None) -> None:
        self.project = project
        self.out = out
        self.base_url = base_url
        self.state = _State()
        self._load_config()

    @property
    def theme_name(self) -> str:
        return self.state.config.theme

    # full builds

    def full_build(self, trigger: str = "start") -> Outcome:
        """Load everything and write the whole site by swapping the output folder."""
        started = time.perf_counter()
        state = self.state
        state.needs_full = True
        self._load_config()
        self._load_theme()
        self._load_all_content()
        problems = [
            *self._diagnostics(),
            *check_theme(self.project, state.config),
            *check_out_dir(self.project, self.out),
        ]
        if errors(problems):
            return Outcome(trigger, diagnostics=tuple(problems), seconds=_since(started), full=True)
        briefing = self._briefing()
        index = build_index(briefing, state.bodies)
        pages = plan_indexed(state.config, briefing, index)
        try:
            outputs = {page.path: render_page(self._env(), page) for page in pages}
        except BriefingError as exc:
            diagnostics = (*problems, *exc.diagnostics)
            return Outcome(trigger, diagnostics=diagnostics, seconds=_since(started), full=True)
        state.statics = static_files(self.project, state.config)
        everything = {**outputs, **state.statics}
        write_site(everything, self.out)
        state.written = {path: digest(data) for path, data in everything.items()}
        state.index = index
        state.templates = {page.path: page.template for page in pages}
        state.pending_keys.clear()
        state.pending_paths.clear()
        state.deferred = False
        state.needs_full = False
        return Outcome(
            trigger,
            written=tuple(sorted(everything)),
            diagnostics=tuple(problems),
            seconds=_since(started),
            full=True,
            rendered=len(pages),
        )

    def _load_config(self) -> None:
        config, diagnostics = load_config(self.project)
        if self.base_url is not None:
            config = replace(config, base_url=self.base_url)
        self.state.config = config
        self.state.config_diagnostics = tuple(diagnostics)

    def _load_theme(self) -> None:
        env = make_environment(self.project, self.state.config)
        self.state.env = env
        self.state.template_refs = _template_references(env)

    def _index(self) -> SiteIndex:
        assert self.state.index is not None
        return self.state.index

    def _env(self) -> ThemeEnvironment:
        assert self.state.env is not None
        return self.state.env

    def _load_all_content(self) -> None:
        state = self.state
        loaded = loader.load_content(self.project, jobs=None)
        state.entries = self._entries(loaded)
        state.bodies = dict(loaded.bodies)
        state.body_texts = {
            key: item.body for key, item in _keyed(loaded.briefing) if key in state.bodies
        }
        state.paths_by_key = {}
        for path, entry in state.entries.items():
            state.paths_by_key.setdefault(entry.key, set()).add(path)
        state.problems = {p: e.diagnostics for p, e in state.entries.items() if e.diagnostics}
        for table in (state.items, state.events, state.actors, state.sources, state.origins):
            table.clear()
        state.stale.update(("event", "actor", "source"))
        state.broken = frozenset()
        state.referrers.clear()
        state.dangling.clear()
        state.duplicated.clear()
        for key in state.paths_by_key:
            self._settle(key)

    def _entries(self, loaded: loader.LoadedContent) -> dict[str, loader.ItemFile]:
        """Entries of a whole load; files shadowed by a duplicate id are read on their own."""
        entries = {}
        for path, entry in _entries_from(loaded).items():
            own = entry if entry is not None else _read_entry(self.project, path)
            if own is not None:
                entries[path] = own
        return entries

    def _settle(self, key: str) -> None:
        """Point `key` at the first of its files (shallowest, then by path), and note what
        must be checked again."""
        state = self.state
        before, was_broken = state.items.get(key), key in state.broken
        item, origin, broken = self._first_of(key)
        kind, item_id = key.split(":", 1)
        state.stale.add(kind)
        _put(state.items, key, item)
        _put(state.origins, key, origin)
        self._prepare_body(key, item)
        if broken != was_broken:
            state.broken = state.broken ^ {key}
        if isinstance(item, Event) or kind == "event":
            _put(state.events, item_id, item if isinstance(item, Event) else None)
            state.unchecked.add(item_id)
        elif (before is None) != (item is None) or broken != was_broken:
            state.unchecked |= state.referrers.get(key, set())
        if kind == "actor":
            _put(state.actors, item_id, item if isinstance(item, Actor) else None)
        if kind == "source":
            _put(state.sources, item_id, item if isinstance(item, Source) else None)

    def _prepare_body(self, key: str, item: Item | None) -> None:
        """Parse an event's or actor's body, unless the same text is parsed already."""
        state = self.state
        if not isinstance(item, Event | Actor):
            state.bodies.pop(key, None)
            state.body_texts.pop(key, None)
        elif state.body_texts.get(key) != item.body or key not in state.bodies:
            state.bodies[key] = prepare_markdown(item.body)
            state.body_texts[key] = item.body

    def _first_of(self, key: str) -> tuple[Item | None, Origin | None, bool]:
        """(item, origin, broken) from the first readable file of `key`, as `load_content`."""
        state = self.state
        paths = state.paths_by_key.get(key, set())
        if not paths:
            state.paths_by_key.pop(key, None)
        if len(paths) > 1:
            state.duplicated.add(key)
        else:
            state.duplicated.discard(key)
        for path in sorted(paths, key=_load_order):
            entry = state.entries[path]
            if entry.origin is not None or entry.broken:
                return entry.item, entry.origin, entry.broken
        return None, None, False

    # incremental changes

    def apply(
        self, change: ChangeSet, ingest: Ingest | None = None, busy: Busy = never_busy
    ) -> Iterator[Outcome]:
        """Apply one classified batch; yield an Outcome per step (own pages, then dependents).

        `busy()` says whether newer changes are waiting: the dependent pages are then
        left for the next batch (before planning) or finished there (while rendering).
        """
        if change.seeds and ingest is not None:
            yield self._ingest(change.seeds, ingest)
        rest = replace(change, seeds=frozenset())
        if rest.empty and not self.state.deferred:
            return
        trigger = rest.describe()
        if self.state.needs_full or rest.config or rest.theme_rescan or rest.content_rescan:
            yield self.full_build(trigger)
            return
        started = time.perf_counter()
        state = self.state
        keys, prose_only = self._reload_content(rest.content)
        if rest.templates:
            self._load_theme()
            used = templates_using(state.template_refs, rest.templates)
            state.pending_paths.update(p for p, name in state.templates.items() if name in used)
        early = self._sync_statics() if rest.static else ()
        problems = tuple(self._diagnostics())
        if errors(list(problems)):
            state.pending_keys |= keys
            yield Outcome(trigger, early, problems, _since(started))
            return
        briefing = self._briefing()
        changed, prose_only = state.pending_keys | keys, prose_only - state.pending_keys
        state.pending_keys = set()
        before = self._index()
        if changed:
            state.index = update_index(before, briefing, state.bodies, changed)
        first = None
        if keys and len(keys) <= OWN_PAGES_FIRST_LIMIT:
            first = self._own_pages(briefing, keys, trigger, started)
        if first is not None:
            more = bool(changed - prose_only or state.pending_paths - _own_paths(keys))
            yield replace(first, written=(*early, *first.written), partial=more)
            early = ()
        if changed:
            early = (*early, *self._pend(before, briefing, changed, prose_only))
        if first is not None:
            state.pending_paths -= _own_paths(keys)
        more = bool(state.pending_paths)
        if not more:
            if first is None:
                yield Outcome(trigger, early, problems, _since(started))
            return
        if busy():
            state.deferred = True
            yield Outcome(trigger, early, problems, _since(started), deferred=True)
            return
        yield self._dependents(briefing, trigger, started, early, problems, busy)

    def _ingest(self, seeds: Set[str], ingest: Ingest) -> Outcome:
        started = time.perf_counter()
        files = [self.project.root / path for path in sorted(seeds)]
        present = [path for path in files if path.is_file()]
        diagnostics = ingest(present) if present else []
        return Outcome(
            f"ingest {', '.join(sorted(seeds))}",
            diagnostics=tuple(diagnostics),
            seconds=_since(started),
        )

    def _reload_content(self, paths: Set[str]) -> tuple[set[str], set[str]]:
        """Re-read changed content files. Return the keys whose item, origin or problems
        changed, and those of them where only an event's prose changed (its body, citing the
        same sources): that shows on the event's own page only."""
        state = self.state
        changed: set[str] = set()
        for path in sorted(paths):
            old = state.entries.pop(path, None)
            new = _read_entry(self.project, path)
            if old is not None:
                state.paths_by_key.get(old.key, set()).discard(path)
            if new is not None:
                state.entries[path] = new
                state.paths_by_key.setdefault(new.key, set()).add(path)
            _put(state.problems, path, new.diagnostics if new is not None else None)
            if old != new:
                changed.update(entry.key for entry in (old, new) if entry is not None)
        before = {key: (state.items.get(key), _cited(state.bodies.get(key))) for key in changed}
        for key in changed:
            self._settle(key)
        prose_only = {
            key
            for key, (item, cited) in before.items()
            if _same_but_prose(item, state.items.get(key))
            and cited == _cited(state.bodies.get(key))
        }
        return changed, prose_only

    def _sync_statics(self) -> tuple[str, ...]:
        """Write the theme's static files that changed, remove those that are gone."""
        state = self.state
        fresh = static_files(self.project, state.config)
        gone = sorted(set(state.statics) - set(fresh))
        written = self._write_changed(fresh)
        self._remove(gone)
        state.statics = fresh
        return (*written, *gone)

    def _pend(
        self, before: SiteIndex, briefing: Briefing, changed: Set[str], prose_only: Set[str]
    ) -> list[str]:
        """Note the pages the change of the items `changed` may alter (only their own pages
        for events whose prose alone changed), since the index `before`. Remove the pages the
        site no longer has and return their paths."""
        state = self.state
        own = _own_paths(prose_only)
        state.pending_paths |= affected_paths(before, self._index(), changed - prose_only) | own
        if same_pages(before, self._index()):
            return []
        paths = set(page_paths(self._index(), briefing.actors, briefing.sources))
        gone = sorted(set(state.templates) - paths)
        for path in gone:
            del state.templates[path]
        state.pending_paths &= paths
        self._remove(gone)
        return gone

    def _own_pages(
        self, briefing: Briefing, keys: Set[str], trigger: str, started: float
    ) -> Outcome | None:
        """The changed items' own pages."""
        state = self.state
        pages = plan_pages_for(state.config, briefing, self._index(), _own_paths(keys))
        if not pages:
            return None
        try:
            outputs = {page.path: render_page(self._env(), page) for page in pages}
        except BriefingError:
            return None
        written = self._write_changed(outputs)
        state.templates.update((page.path, page.template) for page in pages)
        return Outcome(trigger, written, seconds=_since(started), rendered=len(outputs))

    def _dependents(
        self,
        briefing: Briefing,
        trigger: str,
        started: float,
        early: tuple[str, ...],
        problems: tuple[Diagnostic, ...],
        busy: Busy,
    ) -> Outcome:
        """The pending pages: those that may show a changed item or use a changed template.

        Pages are planned, rendered and written in chunks (see `_chunks`); when `busy()`
        after a chunk, the rest is left in `pending_paths` for the next batch.
        """
        state = self.state
        written: list[str] = []
        rendered = 0
        for chunk in _chunks(state.pending_paths):
            pages = plan_pages_for(state.config, briefing, self._index(), chunk)
            state.templates.update((page.path, page.template) for page in pages)
            try:
                outputs = {page.path: render_page(self._env(), page) for page in pages}
            except BriefingError as exc:
                diagnostics = (*problems, *exc.diagnostics)
                return Outcome(trigger, (*early, *written), diagnostics, _since(started))
            written.extend(self._write_changed(outputs))
            state.pending_paths -= chunk
            rendered += len(pages)
            if state.pending_paths and busy():
                break
        state.deferred = bool(state.pending_paths)
        return Outcome(
            trigger,
            (*early, *written),
            problems,
            _since(started),
            rendered=rendered,
            deferred=bool(state.pending_paths),
        )

    # shared pieces

    def _briefing(self) -> Briefing:
        """The items by id, as loading gives them; a kind is sorted again only if it changed."""
        state = self.state
        old, stale = state.briefing, state.stale
        if old is not None and not stale:
            return old
        briefing = Briefing(
            events=_by_id(state.events, None if old is None else old.events, "event" in stale),
            actors=_by_id(state.actors, None if old is None else old.actors, "actor" in stale),
            sources=_by_id(state.sources, None if old is None else old.sources, "source" in stale),
        )
        state.briefing = briefing
        stale.clear()
        return briefing

    def _diagnostics(self) -> list[Diagnostic]:
        """Config, per-file, duplicate-id and dangling-reference diagnostics, sorted."""
        state = self.state
        per_file = [d for found in state.problems.values() for d in found]
        return sorted(
            [*state.config_diagnostics, *per_file, *self._duplicates(), *self._validate()]
        )

    def _duplicates(self) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        for key in sorted(self.state.duplicated):
            first, *others = sorted(self.state.paths_by_key[key], key=_load_order)
            found.extend(loader.duplicate_id(key, other, first) for other in others)
        return found

    def _validate(self) -> list[Diagnostic]:
        """Dangling references, re-checking only the events marked unchecked."""
        state = self.state
        for event_id in sorted(state.unchecked):
            event = state.events.get(event_id)
            if event is None:
                state.dangling.pop(event_id, None)
                continue
            alone = Briefing(events={event_id: event}, actors=state.actors, sources=state.sources)
            body = state.bodies.get(item_key("event", event_id))
            found = validate(alone, state.origins, state.broken, state.bodies)
            _put(state.dangling, event_id, tuple(found))
            for key in _references(event, body):
                state.referrers.setdefault(key, set()).add(event_id)
        state.unchecked.clear()
        return [d for found in state.dangling.values() for d in found]

    # writing

    def _write_changed(self, outputs: Mapping[str, bytes]) -> tuple[str, ...]:
        """Write each output whose bytes differ from what is in the folder; return those paths."""
        written = []
        for path, data in outputs.items():
            stamp = digest(data)
            if self.state.written.get(path) == stamp:
                continue
            _replace_file(self.out / path, data)
            self.state.written[path] = stamp
            written.append(path)
        return tuple(written)

    def _remove(self, paths: Iterable[str]) -> None:
        root = self.out.resolve()
        for path in paths:
            target = self.out / path
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
            self.state.written.pop(path, None)
            folder = target.parent.resolve()
            while folder != root and folder.is_relative_to(root):
                try:
                    folder.rmdir()
                except OSError:
                    break
                folder = folder.parent


def _by_id(
    items: Mapping[str, _T], old: Mapping[str, _T] | None, changed: bool
) -> Mapping[str, _T]:
    """`items` in id order, from the table `old` made before: itself when its kind has not
    `changed`, else in its order when it has the same ids (no sort)."""
    if old is not None and not changed:
        return old
    if old is not None and old.keys() == items.keys():
        return {key: items[key] for key in old}
    return dict(sorted(items.items()))


def _own_paths(keys: Iterable[str]) -> set[str]:
    """The paths of the items' own pages."""
    return {_HREFS[kind](item_id) for kind, item_id in (key.split(":", 1) for key in keys)}


def _chunks(paths: Set[str]) -> list[set[str]]:
    """The pages to render, in chunks of at most RENDER_CHUNK: first the pages of one item or
    year, then the lists of the whole site (the slowest, such as the bibliography)."""
    items = sorted(path for path in paths if path.count("/") == ITEM_DEPTH)
    lists = sorted(path for path in paths if path.count("/") != ITEM_DEPTH)
    return [
        set(group[start : start + RENDER_CHUNK])
        for group in (items, lists)
        for start in range(0, len(group), RENDER_CHUNK)
    ]


def _put(table: dict[str, Any], key: str, value: object) -> None:
    """Set `table[key]`, or remove it when `value` is None or empty."""
    if value is None or value == ():
        table.pop(key, None)
    else:
        table[key] = value


def _load_order(path: str) -> tuple[int, str]:
    """The order `load_content` reads files in: shallower first, then by path."""
    return (len(PurePosixPath(path).parts), path)


def _replace_file(path: Path, data: bytes) -> None:
    """Write through a temporary file renamed into place: readers see the old or the new file.

    The temporary name is this process's own (`.<name>.<pid>.tmp`); one left by a crash is
    written over.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        try:
            os.fchmod(descriptor, 0o644)
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
        finally:
            os.close(descriptor)
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _template_references(env: jinja2.Environment) -> dict[str, set[str]]:
    """Template name -> the templates it extends, includes or imports (by literal name)."""
    references: dict[str, set[str]] = {}
    for name in env.list_templates(extensions=["html"]):
        try:
            source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
            parsed = env.parse(source)
        except jinja2.TemplateError:
            references[name] = set()
            continue
        references[name] = {ref for ref in jinja_meta.find_referenced_templates(parsed) if ref}
    return references


def _since(started: float) -> float:
    return time.perf_counter() - started
