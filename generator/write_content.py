"""Briefing -> content/, never overwriting a hand edit.

Every generated file ends its front matter with a `generated` key: the seeds
it came from and a hash of the file's text without that key. On the next run a
file whose text still matches its hash is ingest's own and may be replaced; any
other file was edited by a person and is kept, with a warning that says so.
Writes are atomic, output is deterministic, and an unchanged file is not
rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from json.encoder import encode_basestring  # json.dumps(text, ensure_ascii=False), C-fast
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, Severity
from .frontmatter import render
from .fsutil import atomic_write_many
from .model import Actor, Briefing, Event, Source

GENERATED = "generated"
_GENERATED_BLOCK = re.compile(r"^generated:.*?(?=^---[ \t]*$)", re.MULTILINE | re.DOTALL)
_HASH = re.compile(r"\bhash:\s*['\"]?([0-9a-f]{16})\b")


@dataclass(frozen=True)
class Planned:
    path: str
    """Relative to the project root: 'content/events/x.md'."""
    text: str


@dataclass(frozen=True)
class Outcome:
    written: int
    unchanged: int
    kept: int
    removed: int
    diagnostics: list[Diagnostic]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def with_provenance(meta: Mapping[str, Any], body: str, seeds: Iterable[str]) -> str:
    """The document, its front matter closed by `generated: {seeds, hash}`."""
    plain = render(meta, body)
    listed = ", ".join(map(encode_basestring, sorted(set(seeds))))
    stamp = f'{GENERATED}:\n  seeds: [{listed}]\n  hash: "{digest(plain)}"\n'  # JSON is YAML
    head, fence, rest = plain.partition("\n---\n")
    return f"{head}\n{stamp}{fence.lstrip(chr(10))}{rest}" if fence else plain


def is_untouched(text: str) -> bool:
    """True when `text` is exactly what ingest wrote (its hash still matches)."""
    block = _GENERATED_BLOCK.search(text)
    if block is None:
        return False
    recorded = _HASH.search(block[0])
    return recorded is not None and digest(_GENERATED_BLOCK.sub("", text, count=1)) == recorded[1]


def _event_meta(event: Event) -> dict[str, Any]:
    meta: dict[str, Any] = {"title": event.title, "date": event.date}
    if event.time:
        meta["time"] = event.time
    if event.timezone:
        meta["timezone"] = event.timezone
    meta["status"] = event.status.value
    if event.summary:
        meta["summary"] = event.summary
    meta["actors"] = list(event.actors)
    meta["sources"] = list(event.sources)
    if event.quotes:
        meta["quotes"] = [
            {"text": q.text, "speaker": q.speaker, "source": q.source} for q in event.quotes
        ]
    if event.date_note:
        meta["date_note"] = event.date_note
    if event.disputed:
        meta["disputed"] = {
            name: [{"value": r.value, "sources": list(r.sources)} for r in readings]
            for name, readings in event.disputed.items()
        }
    return meta


def _actor_meta(actor: Actor) -> dict[str, Any]:
    return {
        "name": actor.name,
        "kind": actor.kind.value,
        "aliases": list(actor.aliases),
        "roles": list(actor.roles),
    }


def _source_meta(source: Source) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": source.title,
        "outlet": source.outlet,
        "author": source.author,
        "published": source.published,
    }
    if source.published_inferred:
        meta["published_inferred"] = True
    meta["url"] = source.url
    meta["seed"] = source.seed
    meta.update(dict(source.extra))
    return meta


Item = tuple[str, dict[str, Any], str, list[str]]
"""(path, front matter, body, seeds): one file before it is rendered."""


def items(briefing: Briefing) -> list[Item]:
    """Every file ingest would write, as data (cheap; rendering is the costly part)."""
    seed_of = {s.id: s.seed for s in briefing.sources.values() if s.seed}
    actor_seeds: dict[str, set[str]] = {a: set() for a in briefing.actors}
    out: list[Item] = []
    for event in briefing.events.values():
        seeds = [seed_of[s] for s in event.sources if s in seed_of]
        for actor_id in event.actors:
            actor_seeds.setdefault(actor_id, set()).update(seeds)
        out.append((f"content/events/{event.id}.md", _event_meta(event), event.body, seeds))
    for actor in briefing.actors.values():
        seeds = sorted(actor_seeds.get(actor.id, ()))
        out.append((f"content/actors/{actor.id}.md", _actor_meta(actor), actor.body, seeds))
    for source in briefing.sources.values():
        seeds = [source.seed or ""]
        out.append((f"content/sources/{source.id}.md", _source_meta(source), source.body, seeds))
    return out


def render_item(item: Item) -> Planned:
    path, meta, body, seeds = item
    return Planned(path, with_provenance(meta, body, seeds))


def plan(briefing: Briefing) -> list[Planned]:
    """Every file ingest would write, with its full text."""
    return [render_item(item) for item in items(briefing)]


def write(root: Path, planned: list[Planned]) -> Outcome:
    """Write the plan under `root`; keep hand-edited files; drop ingest's own stale files."""
    diagnostics: list[Diagnostic] = []
    unchanged = kept = 0
    wanted = {p.path for p in planned}
    to_write: list[Planned] = []
    for item in planned:
        try:
            old = _read(root / item.path)
        except OSError as exc:
            kept += 1
            diagnostics.append(_unreadable(item.path, exc))
            continue
        if old == item.text.encode("utf-8"):
            unchanged += 1
        elif old is None or _is_ours(old):
            to_write.append(item)
        else:
            kept += 1
            diagnostics.append(_kept(item.path))
    atomic_write_many([(root / p.path, p.text) for p in to_write])
    written = len(to_write)
    removed = 0
    for folder in ("events", "actors", "sources"):
        for path in sorted((root / "content" / folder).glob("*.md")):
            relative = f"content/{folder}/{path.name}"
            if relative in wanted:
                continue
            with contextlib.suppress(OSError):
                old = _read(path)
                if old is not None and _is_ours(old):
                    path.unlink()
                    removed += 1
    return Outcome(written, unchanged, kept, removed, diagnostics)


def _read(path: Path) -> bytes | None:
    """The file's bytes, None when there is no file; OSError when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _is_ours(data: bytes) -> bool:
    """Exactly what ingest wrote: UTF-8 whose recorded hash still matches, byte for byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return is_untouched(text)


def _kept(path: str) -> Diagnostic:
    return Diagnostic(
        path,
        1,
        "edited by hand since ingest wrote it; kept as it is "
        "(delete the file to let ingest regenerate it)",
        Severity.WARNING,
    )


def _unreadable(path: str, exc: OSError) -> Diagnostic:
    return Diagnostic(
        path,
        1,
        f"cannot read ({exc.strerror or exc}); left as it is, not overwritten",
        Severity.WARNING,
    )
