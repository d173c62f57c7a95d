"""Briefing -> content/: provenance stamps, hand edits kept, stale files removed, no rewrites."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Severity
from generator.frontmatter import parse
from generator.model import Actor, Briefing, Event, Kind, PartialDate, Quote, Source
from generator.write_content import is_untouched, plan, with_provenance, write

SOURCE = Source(
    id="s1", title="A title", seed="seeds/a.txt", body="Text.", published=PartialDate(2023, 3, 3)
)
ACTOR = Actor(id="ana-lima", name="Ana Lima", kind=Kind.PERSON, aliases=("Lima",))
EVENT = Event(
    id="2023-03-10-council-meets",
    title="Council meets",
    date=PartialDate(2023, 3, 10),
    actors=("ana-lima",),
    sources=("s1",),
    quotes=(Quote("We want a fair deal", "ana-lima", "s1"),),
    body="- The council meets. [@s1]",
)
BRIEFING = Briefing(events={EVENT.id: EVENT}, actors={ACTOR.id: ACTOR}, sources={SOURCE.id: SOURCE})


def test_stamp_is_last_and_recognises_its_own_text() -> None:
    text = with_provenance(
        {"title": "T", "date": PartialDate(2023, 3, 10)}, "Body.", ["seeds/a.txt"]
    )
    meta = parse(text, "x.md").meta
    assert list(meta)[-1] == "generated"
    assert meta["generated"]["seeds"] == ["seeds/a.txt"]
    assert meta["date"] == "2023-03-10"
    assert is_untouched(text)
    assert not is_untouched(text.replace("Body.", "Body, edited."))


def test_plan_follows_the_schema() -> None:
    texts = {p.path: p.text for p in plan(BRIEFING)}
    event = parse(texts["content/events/2023-03-10-council-meets.md"], "e").meta
    assert event["title"] == "Council meets"
    assert event["quotes"] == [
        {"text": "We want a fair deal", "speaker": "ana-lima", "source": "s1"}
    ]
    source = parse(texts["content/sources/s1.md"], "s").meta
    assert source["outlet"] is None and source["seed"] == "seeds/a.txt"
    actor = parse(texts["content/actors/ana-lima.md"], "a").meta
    assert actor["kind"] == "person" and actor["generated"]["seeds"] == ["seeds/a.txt"]


def test_rerun_changes_nothing(tmp_path: Path) -> None:
    first = write(tmp_path, plan(BRIEFING))
    assert (first.written, first.unchanged) == (3, 0)
    stamp = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.md")}
    second = write(tmp_path, plan(BRIEFING))
    assert (second.written, second.unchanged) == (0, 3)
    assert stamp == {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.md")}


def test_hand_edit_is_kept_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path, plan(BRIEFING))
    path = tmp_path / "content/actors/ana-lima.md"
    edited = path.read_text(encoding="utf-8").replace("name: Ana Lima", "name: Ana María Lima")
    path.write_text(edited, encoding="utf-8")
    outcome = write(tmp_path, plan(BRIEFING))
    assert path.read_text(encoding="utf-8") == edited
    (warning,) = outcome.diagnostics
    assert warning.severity is Severity.WARNING
    assert str(warning) == (
        "content/actors/ana-lima.md:1: warning: edited by hand since ingest wrote it; "
        "kept as it is (delete the file to let ingest regenerate it)"
    )


def test_stale_generated_files_go_and_hand_made_ones_stay(tmp_path: Path) -> None:
    write(tmp_path, plan(BRIEFING))
    mine = tmp_path / "content/events/2020-01-01-by-hand.md"
    mine.write_text("---\ntitle: By hand\ndate: 2020-01-01\n---\n", encoding="utf-8")
    smaller = Briefing(actors=BRIEFING.actors, sources=BRIEFING.sources)
    outcome = write(tmp_path, plan(smaller))
    assert outcome.removed == 1
    assert not (tmp_path / "content/events/2023-03-10-council-meets.md").exists()
    assert mine.exists()


def test_edits_only_a_byte_comparison_sees_are_kept(tmp_path: Path) -> None:
    write(tmp_path, plan(BRIEFING))
    path = tmp_path / "content/actors/ana-lima.md"
    generated = path.read_bytes()
    for edited in (
        generated + "\nMy note about caf\u00e9.\n".encode("latin-1"),
        generated.replace(b"\n", b"\r\n"),
    ):
        path.write_bytes(edited)
        outcome = write(tmp_path, plan(BRIEFING))
        assert path.read_bytes() == edited
        assert (outcome.kept, outcome.written) == (1, 0)


def test_a_file_that_cannot_be_read_is_never_overwritten(tmp_path: Path) -> None:
    write(tmp_path, plan(BRIEFING))
    path = tmp_path / "content/actors/ana-lima.md"
    path.unlink()
    path.mkdir()
    outcome = write(tmp_path, plan(BRIEFING))
    assert path.is_dir()
    (warning,) = outcome.diagnostics
    assert str(warning).startswith("content/actors/ana-lima.md:1: warning: cannot read (")
    assert str(warning).endswith("); left as it is, not overwritten")
