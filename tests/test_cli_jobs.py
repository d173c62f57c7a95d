"""`briefing build --jobs N`: how many processes render, never what they render."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from project_factory import make_project, snapshot

from generator.cli import EXIT_OK, EXIT_USAGE, main
from generator.commands import build


def test_jobs_reaches_the_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def fake_run(root: Path, **options: Any) -> list[object]:
        seen.update(options)
        return []

    monkeypatch.setattr(build, "run", fake_run)
    assert main(["build", "--root", str(tmp_path), "--jobs", "3"]) == EXIT_OK
    assert seen["jobs"] == 3
    assert main(["build", "--root", str(tmp_path)]) == EXIT_OK
    assert seen["jobs"] is None


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5"])
def test_jobs_must_be_a_positive_whole_number(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["build", "--root", str(tmp_path), "--jobs", value])
    assert exited.value.code == EXIT_USAGE
    assert f"expected a whole number of at least 1, got {value!r}" in capsys.readouterr().err


def test_one_job_builds_the_same_site_as_the_default(tmp_path: Path) -> None:
    one, default = make_project(tmp_path / "one"), make_project(tmp_path / "default")
    assert main(["build", "--root", str(one), "--jobs", "1"]) == EXIT_OK
    assert main(["build", "--root", str(default)]) == EXIT_OK
    assert snapshot(one / "site") == snapshot(default / "site")
