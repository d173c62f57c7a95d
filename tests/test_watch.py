"""File events -> debounced batches -> classified changes."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from project_factory import make_project

from generator.config import Project
from generator.diagnostics import BriefingError, Diagnostic
from generator.incremental import ChangeSet, Outcome
from generator.watch import (
    Debouncer,
    ProjectWatcher,
    _apply_safely,
    classify,
    is_editor_temp,
)


def _content(*paths: str) -> ChangeSet:
    return ChangeSet(content=frozenset(paths))


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (["briefing.yaml"], ChangeSet(config=True)),
        (["seeds/005_new.txt"], ChangeSet(seeds=frozenset({"seeds/005_new.txt"}))),
        (["content/events/biden-call.md"], _content("content/events/biden-call.md")),
        (
            ["content/actors/joe-biden.md", "content/sources/2021/reuters-1.md"],
            _content("content/actors/joe-biden.md", "content/sources/2021/reuters-1.md"),
        ),
        (["content/events/"], ChangeSet(content_rescan=True)),
        (["content/events/2021/"], ChangeSet(content_rescan=True)),
        (["content/"], ChangeSet(content_rescan=True)),
        (["content/events/notes.txt", "content/drafts/x.md", "content/x.md"], ChangeSet()),
        (["content/events/sedAb12Cd", "seeds/", "seeds/2021/"], ChangeSet()),
        (
            ["themes/default/base.html", "themes/default/partials/nav.html"],
            ChangeSet(templates=frozenset({"base.html", "partials/nav.html"})),
        ),
        (
            ["themes/default/static/style.css", "themes/default/static/page.html"],
            ChangeSet(static=frozenset({"static/style.css", "static/page.html"})),
        ),
        (["themes/default/README.md", "themes/default/notes.txt"], ChangeSet()),
        (["themes/default/"], ChangeSet(theme_rescan=True)),
        (["themes/default/static/"], ChangeSet(theme_rescan=True)),
        (["themes/"], ChangeSet(theme_rescan=True)),
        (["themes/other/base.html", "themes/other/"], ChangeSet()),
        (["site/index.html", "README.md", ".git/index", "site/"], ChangeSet()),
    ],
)
def test_classify(paths: list[str], expected: ChangeSet) -> None:
    assert classify(paths, theme="default") == expected


def test_classify_an_editor_save_through_a_temp_file() -> None:
    # vim: writes 4913, renames the original to x.md~, writes x.md; others write .x.md.swp
    burst = [
        "content/events/4913",
        "content/events/x.md~",
        "content/events/.x.md.swp",
        "content/events/.#x.md",
        "content/events/.x.md.abc123.tmp",
        "content/events/x.md",
    ]
    assert classify(burst, theme="default") == _content("content/events/x.md")


def test_classify_ignores_temp_folders() -> None:
    assert classify(["content/.events.tmp/x.md", "content/.new/"], theme="default") == ChangeSet()


@pytest.mark.parametrize("name", [".x.swp", "x~", "#x.md#", "4913", ".hidden", "x.tmp", ""])
def test_editor_temp_names(name: str) -> None:
    assert is_editor_temp(name)


@pytest.mark.parametrize("name", ["x.md", "style.css", "base.html", "001_abc.txt"])
def test_real_names_are_not_temp(name: str) -> None:
    assert not is_editor_temp(name)


def test_describe() -> None:
    change = classify(["briefing.yaml", "content/events/a.md", "themes/t/static/s.css"], "t")
    assert change.describe() == "config; content/events/a.md; static: static/s.css"
    assert ChangeSet().empty
    assert not change.empty


def test_debouncer_gives_a_burst_as_one_batch() -> None:
    debouncer = Debouncer(quiet=0.01)
    debouncer.add(["a"])
    debouncer.add(["b", "a"])
    debouncer.add([])
    assert debouncer.next_batch() == frozenset({"a", "b"})
    assert debouncer.next_batch(timeout=0.01) is None


def test_debouncer_waits_for_paths_added_while_it_waits() -> None:
    debouncer = Debouncer(quiet=0.5)
    later = threading.Timer(0.01, debouncer.add, args=(["late"],))
    debouncer.add(["early"])
    later.start()
    batch = debouncer.next_batch()
    later.join()
    assert batch == frozenset({"early", "late"})


def test_debouncer_stops_extending_after_the_longest_wait() -> None:
    debouncer = Debouncer(quiet=60.0, longest=0.02)
    debouncer.add(["a"])
    assert debouncer.next_batch(timeout=5) == frozenset({"a"})


def _batch_within(debouncer: Debouncer, seconds: float) -> frozenset[str] | None:
    """The next batch if it comes within `seconds`; None if the debouncer was still waiting."""
    batches: list[frozenset[str] | None] = []
    waiter = threading.Thread(target=lambda: batches.append(debouncer.next_batch()))
    waiter.start()
    waiter.join(timeout=seconds)
    debouncer.close()
    waiter.join()
    return batches[0]


def test_a_batch_of_complete_files_does_not_wait_the_quiet_time() -> None:
    debouncer = Debouncer(quiet=60.0, longest=120.0)
    debouncer.add(["a"])
    debouncer.add(["a", "b"], settled=True)
    assert _batch_within(debouncer, 10) == frozenset({"a", "b"})


def test_a_file_that_may_still_be_written_keeps_the_quiet_time() -> None:
    debouncer = Debouncer(quiet=60.0, longest=120.0)
    debouncer.add(["a"], settled=True)
    debouncer.add(["b"])
    assert _batch_within(debouncer, 0.3) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify reports closed files")
def test_the_watcher_hands_out_a_saved_file_without_the_quiet_time(tmp_path: Path) -> None:
    project = _project(tmp_path)
    debouncer = Debouncer(quiet=60.0, longest=120.0)
    with ProjectWatcher(project, debouncer):
        (tmp_path / "content/events/a.md").write_text("saved in place\n")
        assert _batch_within(debouncer, 10) == frozenset({"content/events/a.md"})


def test_debouncer_close_ends_waiting() -> None:
    debouncer = Debouncer()
    threading.Timer(0.01, debouncer.close).start()
    assert debouncer.next_batch() is None


def _project(tmp_path: Path) -> Project:
    for folder in ("content/events", "seeds", "themes/default"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "briefing.yaml").write_text("title: T\n")
    return Project(tmp_path)


def _next_change(debouncer: Debouncer) -> ChangeSet:
    batch = debouncer.next_batch(timeout=10)
    assert batch is not None, "no file event arrived"
    return classify(batch, theme="default")


def test_watcher_sees_a_save_through_a_temp_file_as_one_change(tmp_path: Path) -> None:
    project = _project(tmp_path)
    debouncer = Debouncer(quiet=0.1, settled=0.1)  # one batch, however slow the machine
    with ProjectWatcher(project, debouncer):
        temp = tmp_path / "content/events/.x.md.swp"
        temp.write_text("---\ntitle: X\n---\n")
        temp.replace(tmp_path / "content/events/x.md")
        (tmp_path / "briefing.yaml").write_text("title: U\n")
        assert _next_change(debouncer) == ChangeSet(
            config=True, content=frozenset({"content/events/x.md"})
        )


def test_watcher_follows_a_folder_created_or_replaced_later(tmp_path: Path) -> None:
    project = _project(tmp_path)
    debouncer = Debouncer(quiet=0.2)
    with ProjectWatcher(project, debouncer) as watcher:
        (tmp_path / "content").rename(tmp_path / "content-old")
        (tmp_path / "content/events").mkdir(parents=True)
        assert _next_change(debouncer).content_rescan
        watcher.watch_new_folders()
        (tmp_path / "content/events/y.md").write_text("---\ntitle: Y\n---\n")
        assert _next_change(debouncer) == _content("content/events/y.md")


class _VanishingSite:
    """A site whose incremental rebuild trips over a file deleted mid-read."""

    def __init__(self) -> None:
        self.full_builds = 0

    def apply(self, change: ChangeSet, ingest: object, busy: object) -> Iterator[Outcome]:
        raise FileNotFoundError(2, "No such file or directory", "content/events/x.md")
        yield Outcome("never")

    def full_build(self, trigger: str) -> Outcome:
        self.full_builds += 1
        return Outcome(trigger, ("index.html",), full=True, rendered=1)


def test_a_file_vanishing_mid_rebuild_is_reported_then_everything_rebuilt() -> None:
    site = _VanishingSite()
    change = ChangeSet(content=frozenset({"content/events/x.md"}))
    reported, rebuilt = _apply_safely(site, change, None)  # type: ignore[arg-type]
    assert str(reported.diagnostics[0]) == "content/events/x.md:0: No such file or directory"
    assert reported.failed
    assert rebuilt.full and not rebuilt.failed
    assert site.full_builds == 1


def test_a_failing_ingest_is_reported() -> None:
    project_site = _VanishingSite()
    problem = Diagnostic("seeds/x.txt", 1, "not an article")

    def apply(change: ChangeSet, ingest: object, busy: object) -> Iterator[Outcome]:
        raise BriefingError([problem])
        yield Outcome("never")

    project_site.apply = apply  # type: ignore[method-assign]
    change = ChangeSet(seeds=frozenset({"seeds/x.txt"}))
    (outcome,) = _apply_safely(project_site, change, None)  # type: ignore[arg-type]
    assert outcome.diagnostics == (problem,)


@pytest.mark.timeout(60)
def test_build_watch_rebuilds_on_change_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    out = tmp_path / "out"
    command = [sys.executable, "-u", "-m", "generator", "build", "--root", str(root)]
    process = subprocess.Popen(
        [*command, "--out", str(out), "--watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    try:
        assert process.stdout.readline().startswith("built (start): ")
        event = root / "content/events/second-call.md"
        event.write_text(event.read_text().replace("Second call", "Second phone call"))
        assert process.stdout.readline().startswith("rebuilt own pages (content/events/")
        assert process.stdout.readline().startswith("rebuilt (content/events/second-call.md)")
        assert b"Second phone call" in (out / "timeline/index.html").read_bytes()
        assert b"__briefing" not in (out / "events/second-call/index.html").read_bytes()
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=20)
        process.stdout.close()
    assert code == 0
