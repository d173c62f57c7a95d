"""File events -> debounced, classified changes; and `briefing build --watch`.

Three parts, from the edge inwards:

- `ProjectWatcher` runs a watchdog observer over seeds/, content/, themes/ and
  `briefing.yaml` and feeds every touched path into a `Debouncer`.
- `Debouncer` turns a burst of events (an editor writing a temp file, then
  renaming it over the original) into one batch: it waits until no event has
  arrived for `quiet` seconds, extending the wait while events keep coming, up
  to `longest` seconds.
- `classify` is a pure function from a batch of project-relative paths to a
  `ChangeSet`: which seeds, content items, templates, static files changed and
  whether the config did.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TextIO

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from .config import CONFIG_NAME, Project
from .diagnostics import BriefingError, Diagnostic
from .incremental import Busy, ChangeSet, Ingest, Outcome, Site, never_busy

CONTENT_KINDS = frozenset({("events",), ("actors",), ("sources",)})
"""content/ folders holding items (as path-part tuples)."""

QUIET_SECONDS = 0.025
"""An editor's save (a temporary file written, then renamed over the original) takes a few
milliseconds; the wait after it is most of the time from a save to its pages."""
SETTLED_SECONDS = 0.003
"""The wait instead, once every changed file was closed after writing, renamed into place or
deleted: the save is complete, and only its last events may still be on their way."""
LONGEST_SECONDS = 1.0

_TEMP_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload", "~")
_IGNORED_EVENTS = frozenset({"opened", "closed_no_write"})
_SETTLING_EVENTS = frozenset({"closed", "moved", "deleted"})
"""Events after which a file is complete (or gone). Not every system reports "closed"
(inotify does); without it, batches wait the whole quiet time."""


def is_editor_temp(name: str) -> bool:
    """Files editors write while saving (`.x.swp`, `x~`, `#x#`, vim's `4913`), never content."""
    return (
        name.startswith((".", "#")) or name.endswith(_TEMP_SUFFIXES) or name == "4913" or not name
    )


@dataclass
class _Sorter:
    """Accumulates one batch's classification; used only inside `classify`."""

    theme: str
    config: bool = False
    seeds: set[str] = field(default_factory=set)
    content: set[str] = field(default_factory=set)
    content_rescan: bool = False
    templates: set[str] = field(default_factory=set)
    static: set[str] = field(default_factory=set)
    theme_rescan: bool = False

    def add(self, path: PurePosixPath, folder: bool) -> None:
        parts = path.parts
        if not parts or any(is_editor_temp(part) for part in parts):
            return
        top, rest = parts[0], parts[1:]
        if parts == (CONFIG_NAME,):
            self.config = True
        elif top == "seeds" and rest and not folder:
            self.seeds.add(path.as_posix())
        elif top == "content" and folder:
            self.content_rescan = True
        elif top == "content" and rest[:1] in CONTENT_KINDS and path.suffix == ".md":
            self.content.add(path.as_posix())
        elif top == "themes" and folder and rest[:1] in ((), (self.theme,)):
            self.theme_rescan = True
        elif top == "themes" and rest[:1] == (self.theme,):
            self._add_theme_file(rest[1:])

    def _add_theme_file(self, rest: tuple[str, ...]) -> None:
        if rest[0] == "static":
            self.static.add("/".join(rest))
        elif rest[-1].endswith(".html"):
            self.templates.add("/".join(rest))

    def result(self) -> ChangeSet:
        return ChangeSet(
            config=self.config,
            seeds=frozenset(self.seeds),
            content=frozenset(self.content),
            content_rescan=self.content_rescan,
            templates=frozenset(self.templates),
            static=frozenset(self.static),
            theme_rescan=self.theme_rescan,
        )


def classify(paths: Iterable[str], theme: str) -> ChangeSet:
    """Classify project-relative POSIX paths touched by file events.

    A path ending in `/` is a folder (created, removed or renamed): it asks for
    a rescan of its part. `theme` is the active theme's folder name under
    themes/; other themes are ignored. Editor temp files and files outside the
    watched parts are ignored.
    """
    sorter = _Sorter(theme)
    for path in paths:
        sorter.add(PurePosixPath(path), folder=path.endswith("/"))
    return sorter.result()


class Debouncer:
    """Collects paths from the observer thread and hands them out in batches.

    `next_batch` blocks until at least one path arrived, then until no path has
    arrived for `quiet` seconds (each new path extends the wait), but never
    longer than `longest` seconds after the first, so a file written
    continuously still gets rebuilt. When every path's last event said the file
    is complete (`add(..., settled=True)`), the wait is `settled` seconds instead.
    """

    def __init__(
        self,
        quiet: float = QUIET_SECONDS,
        longest: float = LONGEST_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        settled: float = SETTLED_SECONDS,
    ) -> None:
        self.quiet = quiet
        self.longest = longest
        self.settled = min(settled, quiet)
        self._clock = clock
        self._pending: set[str] = set()
        self._unsettled: set[str] = set()
        """Pending paths that may still be being written."""
        self._first = 0.0
        self._last = 0.0
        self._closed = False
        self._condition = threading.Condition()

    def add(self, paths: Iterable[str], settled: bool = False) -> None:
        """Paths that changed; `settled` when the event says they are complete."""
        with self._condition:
            now = self._clock()
            fresh = set(paths)
            if not fresh:
                return
            if not self._pending:
                self._first = now
            self._pending |= fresh
            if settled:
                self._unsettled -= fresh
            else:
                self._unsettled |= fresh
            self._last = now
            self._condition.notify_all()

    def waiting(self) -> bool:
        """True when paths arrived that no batch has taken yet."""
        with self._condition:
            return bool(self._pending)

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._condition.notify_all()

    def next_batch(self, timeout: float | None = None) -> frozenset[str] | None:
        """The next batch of paths; None when closed or when `timeout` passed with no event."""
        with self._condition:
            if not self._condition.wait_for(lambda: self._pending or self._closed, timeout):
                return None
            while not self._closed:
                now = self._clock()
                wait = self.quiet if self._unsettled else self.settled
                remaining = min(self._last + wait, self._first + self.longest) - now
                if remaining <= 0:
                    break
                self._condition.wait(remaining)
            if self._closed:
                return None
            batch, self._pending, self._unsettled = frozenset(self._pending), set(), set()
            return batch


def _event_paths(event: FileSystemEvent) -> list[str]:
    if event.event_type in _IGNORED_EVENTS:
        return []
    if event.is_directory and event.event_type == "modified":
        return []
    paths = [event.src_path, getattr(event, "dest_path", "")]
    marker = "/" if event.is_directory else ""
    return [(p if isinstance(p, str) else p.decode()) + marker for p in paths if p]


class _Forward(FileSystemEventHandler):
    def __init__(self, root: Path, debouncer: Debouncer) -> None:
        self.root = root
        self.debouncer = debouncer

    def on_any_event(self, event: FileSystemEvent) -> None:
        relative = []
        for raw in _event_paths(event):
            try:
                path = Path(raw).relative_to(self.root).as_posix()
            except ValueError:
                continue
            relative.append(path + "/" if raw.endswith("/") else path)
        self.debouncer.add(relative, settled=event.event_type in _SETTLING_EVENTS)


class ProjectWatcher:
    """Watches seeds/, content/, themes/ (recursively) and the config file of a project.

    Folders that do not exist yet are picked up when they appear (call
    `watch_new_folders` after each batch). Use as a context manager.
    """

    WATCHED = ("seeds", "content", "themes")

    def __init__(self, project: Project, debouncer: Debouncer) -> None:
        self.root = project.root.resolve()
        self.debouncer = debouncer
        self._handler = _Forward(self.root, debouncer)
        self._observer = Observer()
        self._watched: dict[str, tuple[ObservedWatch, int]] = {}

    def __enter__(self) -> ProjectWatcher:
        self._observer.schedule(self._handler, str(self.root), recursive=False)
        self.watch_new_folders()
        self._observer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.debouncer.close()
        self._observer.stop()
        self._observer.join(timeout=5)

    def watch_new_folders(self) -> None:
        """Watch folders created since the last call, and folders replaced by a rename."""
        for name in self.WATCHED:
            folder = self.root / name
            try:
                inode = folder.stat().st_ino if folder.is_dir() else None
            except OSError:
                inode = None
            known = self._watched.get(name)
            if known is not None and known[1] == inode:
                continue
            if known is not None:
                self._observer.unschedule(known[0])
                del self._watched[name]
            if inode is not None:
                watch = self._observer.schedule(self._handler, str(folder), recursive=True)
                self._watched[name] = (watch, inode)


def report(message: str, stream: TextIO | None = None) -> None:
    """One line on the terminal about a rebuild."""
    out = stream if stream is not None else sys.stdout
    out.write(message + "\n")
    out.flush()


def watch_and_build(
    project: Project, out: Path, base_url: str | None, ingest: Ingest | None = None
) -> list[Diagnostic]:
    """`briefing build --watch`: build, then rebuild what changed until Ctrl-C.

    `ingest` reads changed seed files into content/ (the ingest command's stages).
    """
    site = Site(project, out, base_url)
    try:
        watch_changes(site, lambda outcome: report(outcome.summary()), ingest)
    except KeyboardInterrupt:
        report("stopped watching")
    return []


def watch_changes(
    site: Site,
    publish: Callable[[Outcome], None],
    ingest: Ingest | None = None,
) -> None:
    """Build the whole site, then apply every batch of changes, until interrupted.

    The watcher starts before the first build, so nothing saved meanwhile is missed.

    The changed items' own pages come first and are published at once (a browser showing
    one reloads while the pages that list it are rendered).
    """
    debouncer = Debouncer()
    with ProjectWatcher(site.project, debouncer) as watcher:
        publish(_settled(site.full_build()))
        while (batch := debouncer.next_batch()) is not None:
            watcher.watch_new_folders()
            change = classify(batch, site.theme_name)
            for outcome in _apply_safely(site, change, ingest, debouncer.waiting):
                publish(_settled(outcome))


def _settled(outcome: Outcome) -> Outcome:
    """After a full build, move what it gathered (kept until the next one) out of the garbage
    collector's way: with 10,000 events, collecting it again and again took most of the time
    of re-rendering an edited event's pages. What earlier builds left in cycles is freed
    first."""
    if outcome.full:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
    return outcome


def _apply_safely(
    site: Site, change: ChangeSet, ingest: Ingest | None, busy: Busy = never_busy
) -> Iterator[Outcome]:
    """`site.apply`, surviving files that vanish or change while being read (the whole site
    is then rebuilt) and a failing ingest (its diagnostics are reported)."""
    try:
        yield from site.apply(change, ingest, busy)
    except BriefingError as exc:
        yield Outcome(change.describe(), diagnostics=tuple(exc.diagnostics))
    except OSError as exc:
        name = Path(exc.filename).as_posix() if exc.filename else change.describe()
        yield Outcome(change.describe(), diagnostics=(Diagnostic(name, 0, f"{exc.strerror}"),))
        try:
            yield site.full_build("retry after a file changed while being read")
        except OSError as again:
            problem = Diagnostic(change.describe(), 0, f"{again.strerror}: save again to rebuild")
            yield Outcome(change.describe(), diagnostics=(problem,), full=True)
