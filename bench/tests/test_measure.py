"""The measuring helpers and the corpus cache (no timing assertions)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench import corpora, measure


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_peak_memory_and_cpu_are_the_childs(tmp_path: Path) -> None:
    code = "b = bytearray(150 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); sum(range(10**6))"
    sample = measure.run_once(python(code), tmp_path, tmp_path / "log")
    assert sample.ok
    assert sample.peak_mb >= 150
    assert sample.cpu > 0


def test_peak_memory_adds_up_a_process_tree(tmp_path: Path) -> None:
    child = "import time; b = bytearray(100 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); time.sleep(0.5)"  # noqa: E501
    code = f"import subprocess, sys; ps = [subprocess.Popen([sys.executable, '-c', {child!r}]) for _ in range(2)]; [p.wait() for p in ps]"  # noqa: E501
    sample = measure.run_once(python(code), tmp_path, tmp_path / "log")
    assert sample.ok
    assert sample.peak_mb >= 200


def test_a_failure_reports_the_last_line_written(tmp_path: Path) -> None:
    code = "import sys; print('working'); sys.exit('NotImplementedError: briefing ingest')"
    samples = measure.run_once(python(code), tmp_path, tmp_path / "log")
    assert not samples.ok
    assert samples.failure().startswith("exit 1: NotImplementedError: briefing ingest (log: ")


def test_run_many_stops_at_a_failure_and_prepares_each_run(tmp_path: Path) -> None:
    prepared = []
    samples = measure.run_many(
        3, python("pass"), tmp_path, tmp_path / "log", prepare=lambda: prepared.append(1)
    )
    assert len(samples) == 3 and len(prepared) == 3
    try:
        measure.run_many(3, python("raise SystemExit(2)"), tmp_path, tmp_path / "log")
    except measure.CommandFailedError as exc:
        assert str(exc).startswith("exit 2")
    else:
        raise AssertionError("a failing command must raise")


def test_a_command_past_its_timeout_is_stopped(tmp_path: Path) -> None:
    sample = measure.run_once(
        python("import time; time.sleep(30)"), tmp_path, tmp_path / "log", timeout=0.5
    )
    assert not sample.ok
    assert sample.failure().startswith("stopped after")


def test_tree_digest_sees_names_and_bytes(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("one")
    before = measure.tree_digest(tmp_path)
    assert measure.tree_digest(tmp_path) == before
    (tmp_path / "a" / "index.html").write_text("two")
    assert measure.tree_digest(tmp_path) != before


def test_table_aligns_columns_and_formats_numbers() -> None:
    table = measure.format_table(["tool", "wall s", "pages"], [["hugo", 1.4567, 2205]])
    assert table.splitlines() == [
        "tool  wall s  pages",
        "----  ------  -----",
        "hugo   1.457  2,205",
    ]


def test_reset_to_pristine_removes_only_what_the_generator_did_not_write(tmp_path: Path) -> None:
    project = tmp_path / "briefing-10"
    (project / "content").mkdir(parents=True)
    (project / "briefing.yaml").write_text("title: x\n")
    stamp = project.with_name("briefing-10.stamp.json")
    stamp.write_text(json.dumps({"entries": ["briefing.yaml", "content"]}))
    (project / "site").mkdir()
    (project / ".briefing-cache").write_text("")
    assert corpora.reset_to_pristine(project) == [".briefing-cache", "site"]
    assert sorted(p.name for p in project.iterdir()) == ["briefing.yaml", "content"]
