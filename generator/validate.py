"""Cross-checks on a loaded briefing: every id an item refers to must exist.

Pure: a Briefing and the origins of its items (file and line of each field)
in, diagnostics out. Per-file problems (bad YAML, a malformed date) are found
while loading; this step finds what only the whole briefing can show.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .diagnostics import Diagnostic
from .model import ID_PATTERN, Briefing, Event
from .render.markdown import PreparedBody, citations


def item_key(kind: str, item_id: str) -> str:
    """The key naming one item across the build: "event:<id>", "actor:<id>", "source:<id>"."""
    return f"{kind}:{item_id}"


@dataclass(frozen=True)
class Origin:
    """Where an item was written: its file and the line of each top-level field."""

    path: str
    """Project-relative POSIX path, e.g. "content/events/x.md"."""
    lines: Mapping[str, int] = field(default_factory=dict)
    body_line: int = 1

    def line(self, name: str) -> int:
        return self.lines.get(name, 1)


Origins = Mapping[str, Origin]
"""Item key -> Origin."""


def validate(
    briefing: Briefing,
    origins: Origins,
    broken: frozenset[str] = frozenset(),
    bodies: Mapping[str, PreparedBody] | None = None,
) -> list[Diagnostic]:
    """Report every dangling actor or source id. `broken` items were reported already.

    `bodies` (item key -> parsed body) saves parsing the bodies again.
    """
    diagnostics: list[Diagnostic] = []
    for event in briefing.events.values():
        key = item_key("event", event.id)
        origin = origins.get(key, Origin(f"content/events/{event.id}.md"))
        body = bodies.get(key) if bodies else None
        cited = list(body.citations) if body is not None else citations(event.body)
        diagnostics.extend(_dangling(event, origin, briefing, broken, cited))
    return diagnostics


def _dangling(
    event: Event,
    origin: Origin,
    briefing: Briefing,
    broken: frozenset[str],
    cited: list[tuple[str, int]],
) -> Iterator[Diagnostic]:
    for kind, ref, where, line in _references(event, origin, cited):
        known = briefing.actors if kind == "actor" else briefing.sources
        if ref in known or item_key(kind, ref) in broken:
            continue
        folder = "actors" if kind == "actor" else "sources"
        fix = (
            f"add content/{folder}/{ref}.md or correct the id"
            if ID_PATTERN.match(ref)
            else "ids are lowercase letters, digits and single hyphens (a file name in "
            f"content/{folder}/ without `.md`)"
        )
        yield Diagnostic(origin.path, line, f"unknown {kind} id `{ref}` in {where}: {fix}")


def _references(
    event: Event, origin: Origin, cited: list[tuple[str, int]]
) -> Iterator[tuple[str, str, str, int]]:
    """(kind, id, where it was written, line) for every id the event refers to."""
    for actor in event.actors:
        yield "actor", actor, "`actors`", origin.line("actors")
    for source in event.sources:
        yield "source", source, "`sources`", origin.line("sources")
    for quote in event.quotes:
        if quote.source is not None:
            yield "source", quote.source, "a quote's `source`", origin.line("quotes")
    for readings in event.disputed.values():
        for reading in readings:
            for source in reading.sources:
                yield "source", source, "`disputed`", origin.line("disputed")
    for source, line in cited:
        yield "source", source, f"citation [@{source}]", origin.body_line + line
