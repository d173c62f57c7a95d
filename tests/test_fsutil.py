"""atomic_write: the file holds the old content or the new, never a mix, and no litter."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import fsutil
from generator.fsutil import atomic_write


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_writes_text_as_utf8_and_creates_parents(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "x.md"
    atomic_write(target, "caf\u00e9\n")
    assert target.read_bytes() == "caf\u00e9\n".encode()
    assert names(target.parent) == ["x.md"]


def test_replaces_old_content_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "x.md"
    target.write_text("old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert names(tmp_path) == ["x.md"]


class SimulatedCrashError(Exception):
    pass


def test_failure_while_writing_keeps_the_old_file_and_removes_the_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.md"
    target.write_text("old")

    def fail(fd: int) -> None:
        raise SimulatedCrashError

    monkeypatch.setattr(fsutil.os, "fsync", fail)
    with pytest.raises(SimulatedCrashError):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert names(tmp_path) == ["x.md"]


def test_failure_at_the_rename_keeps_the_old_file_and_removes_the_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.md"
    target.write_text("old")

    def fail(self: Path, other: Path) -> Path:
        raise SimulatedCrashError

    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(SimulatedCrashError):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert names(tmp_path) == ["x.md"]


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "x.html", "<p>")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "x.html").stat().st_mode) == 0o644


def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "x.md"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_long_file_name_still_gets_a_temp_name_the_filesystem_accepts(tmp_path: Path) -> None:
    target = tmp_path / ("x" * 250)
    atomic_write(target, "new")
    assert target.read_text() == "new"


@settings(max_examples=50, deadline=None)
@given(old=st.binary(max_size=2000), new=st.binary(max_size=2000))
def test_the_file_ends_as_the_new_content(
    tmp_path_factory: pytest.TempPathFactory, old: bytes, new: bytes
) -> None:
    folder = tmp_path_factory.mktemp("w")
    target = folder / "x.bin"
    target.write_bytes(old)
    atomic_write(target, new)
    assert target.read_bytes() == new
    assert names(folder) == ["x.bin"]


def test_many_files_are_written_with_one_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    syncs: list[str] = []
    monkeypatch.setattr(fsutil.os, "sync", lambda: syncs.append("sync"))
    (tmp_path / "a").mkdir()
    (tmp_path / "a/old.md").write_text("old")
    (tmp_path / "a/old.md").chmod(0o640)
    fsutil.atomic_write_many(
        [(tmp_path / "a/old.md", "new"), (tmp_path / "b/c/x.md", b"x"), (tmp_path / "a/y.md", "y")]
    )
    assert syncs == ["sync"]
    assert (tmp_path / "a/old.md").read_text() == "new"
    assert stat.S_IMODE((tmp_path / "a/old.md").stat().st_mode) == 0o640
    assert names(tmp_path / "a") == ["old.md", "y.md"]
    assert (tmp_path / "b/c/x.md").read_bytes() == b"x"


def test_a_failure_before_any_rename_keeps_every_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("x.md", "y.md"):
        (tmp_path / name).write_text("old")

    def fail() -> None:
        raise SimulatedCrashError

    monkeypatch.setattr(fsutil.os, "sync", fail)
    with pytest.raises(SimulatedCrashError):
        fsutil.atomic_write_many([(tmp_path / "x.md", "new"), (tmp_path / "y.md", "new")])
    assert [(tmp_path / n).read_text() for n in ("x.md", "y.md")] == ["old", "old"]
    assert names(tmp_path) == ["x.md", "y.md"]


def test_a_write_that_need_not_be_durable_is_atomic_without_flushing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    target = tmp_path / "record.json"
    atomic_write(target, b"old", durable=False)
    atomic_write(target, b"new", durable=False)
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["record.json"]
    assert synced == []
    atomic_write(target, b"kept")
    assert synced  # the default flushes the file and its folder


def test_read_bytes_reads_whole_files(tmp_path: Path) -> None:
    big = os.urandom(3 * 65_536 + 5)
    (tmp_path / "big").write_bytes(big)
    (tmp_path / "empty").write_bytes(b"")
    assert fsutil.read_bytes(tmp_path / "big") == big
    assert fsutil.read_bytes(str(tmp_path / "empty")) == b""
