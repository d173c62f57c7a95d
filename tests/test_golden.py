"""A small fixture project built and compared byte for byte with tests/golden/<name>/.

Regenerate after an intended change with `BRIEFING_UPDATE_GOLDEN=1 pytest tests/test_golden.py`
and review the diff in git.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from project_factory import copy_fixture

from generator.config import Project
from generator.write_site import build_site

GOLDEN = Path(__file__).resolve().parent / "golden"
BASE_URL = "https://news.example/briefing/"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("name", ["small"])
def test_build_matches_golden_files(tmp_path: Path, name: str) -> None:
    out = tmp_path / "site"
    assert build_site(Project(copy_fixture(name, tmp_path)), out, BASE_URL) == []
    expected_dir = GOLDEN / name
    if os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1":
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(out, expected_dir)
    built, expected = _files(out), _files(expected_dir)
    assert sorted(built) == sorted(expected)
    for path, data in expected.items():
        assert built[path] == data, f"{path} differs from tests/golden/{name}/{path}"
