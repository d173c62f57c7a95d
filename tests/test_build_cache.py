"""The output never depends on the build cache or on the number of worker processes."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest
from project_factory import make_project

from generator import build_cache, workers
from generator.commands import build
from generator.config import Project
from generator.write_site import build_site

EVENTS = 150
SOURCES = 60
ACTORS = 12


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")}


def _event(n: int) -> str:
    actors = ", ".join(f"actor-{(n + k) % ACTORS}" for k in range(3))
    source = f"source-{n % SOURCES}"
    return (
        f"---\ntitle: Event {n}\ndate: 20{10 + n % 12}-{1 + n % 12:02d}-{1 + n % 28:02d}\n"
        f"actors: [{actors}]\nsources: [{source}]\n"
        + ("status: scheduled\ntime: '09:30'\n" if n % 7 == 0 else "")
        + f"quotes:\n  - text: Said {n}.\n    speaker: actor-{n % ACTORS}\n    source: {source}\n"
        f"---\n\nFirst *paragraph* [@{source}; @source-{(n + 1) % SOURCES}].\n\n"
        f"Second, citing [@{source}] again.\n"
    )


def _big_project(root: Path) -> Path:
    """Enough files and pages for the work to be shared between worker processes."""
    files = {f"content/events/event-{n}.md": _event(n) for n in range(EVENTS)}
    files |= {
        f"content/sources/source-{n}.md": f"---\ntitle: Source {n}\noutlet: Wire\n---\nText {n}.\n"
        for n in range(SOURCES)
    }
    files |= {
        f"content/actors/actor-{n}.md": f"---\nname: Actor {n}\nkind: person\n---\nWho *{n}* is.\n"
        for n in range(ACTORS)
    }
    make_project(root, files)
    assert len(files) >= workers.MIN_PARALLEL_ITEMS
    return root


@pytest.fixture(scope="module")
def cold_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """A cold build (no cache, no site/, one process) of the big project."""
    project = Project(_big_project(tmp_path_factory.mktemp("cold")))
    assert build_site(project, project.site, jobs=1) == []
    return _tree(project.site)


def test_two_workers_write_what_one_writes(tmp_path: Path, cold_site: dict[str, bytes]) -> None:
    project = Project(_big_project(tmp_path))
    build_site(project, project.site, jobs=2)
    assert _tree(project.site) == cold_site


def test_spawned_workers_write_what_one_writes(
    tmp_path: Path, cold_site: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "_context", lambda: multiprocessing.get_context("spawn"))
    project = Project(_big_project(tmp_path))
    build_site(project, project.site, jobs=2)
    assert _tree(project.site) == cold_site


def test_a_build_with_nothing_changed_writes_nothing_and_reports_the_same(
    tmp_path: Path, cold_site: dict[str, bytes]
) -> None:
    root = _big_project(tmp_path)
    first = build.run(root)
    assert (root / build_cache.CACHE_DIR / build_cache.RECORD).is_file()
    before = _mtimes(root / "site")
    assert build.run(root) == first
    assert _mtimes(root / "site") == before
    assert _tree(root / "site") == cold_site


def test_a_cached_build_after_an_edit_equals_a_cold_build(tmp_path: Path) -> None:
    warm, cold = _big_project(tmp_path / "warm"), _big_project(tmp_path / "cold")
    build.run(warm)
    edit = {"content/events/event-3.md": _event(3).replace("Event 3", "Event three")}
    make_project(warm, edit)
    make_project(cold, edit)
    assert build.run(warm) == build.run(cold)
    assert (cold / build_cache.CACHE_DIR).exists()
    assert _tree(warm / "site") == _tree(cold / "site")
    assert b"Event three" in (warm / "site/events/event-3/index.html").read_bytes()


@pytest.mark.parametrize("damage", ["touch", "delete", "add"])
def test_a_changed_output_folder_is_built_again(
    tmp_path: Path, cold_site: dict[str, bytes], damage: str
) -> None:
    root = _big_project(tmp_path)
    build.run(root)
    page = root / "site/events/event-1/index.html"
    if damage == "touch":
        page.write_bytes(b"edited by hand")
    elif damage == "delete":
        page.unlink()
    else:
        (root / "site/stray.html").write_text("stray")
    build.run(root)
    assert _tree(root / "site") == cold_site


def test_a_deleted_cache_folder_means_a_full_build(
    tmp_path: Path, cold_site: dict[str, bytes]
) -> None:
    root = _big_project(tmp_path)
    build.run(root)
    shutil.rmtree(root / build_cache.CACHE_DIR)
    (root / "site/index.html").unlink()
    build.run(root)
    assert _tree(root / "site") == cold_site


def test_an_unreadable_record_means_a_full_build(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    build.run(root)
    (root / build_cache.CACHE_DIR / build_cache.RECORD).write_text("{not json")
    (root / "site/index.html").unlink()
    assert build.run(root) == []
    assert (root / "site/index.html").is_file()


def test_a_failed_build_is_not_remembered(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"content/events/second-call.md": "---\ntitle: [x\n---\n"})
    assert build.run(root) != []
    assert not (root / build_cache.CACHE_DIR / build_cache.RECORD).exists()


def test_a_different_output_folder_or_base_url_is_a_different_build(tmp_path: Path) -> None:
    project = Project(make_project(tmp_path))
    digests = {
        build_cache.inputs_digest(project, project.site, None),
        build_cache.inputs_digest(project, tmp_path / "elsewhere", None),
        build_cache.inputs_digest(project, project.site, "https://example.org/"),
    }
    assert len(digests) == 3


def test_the_generator_code_is_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "package"
    (package / "themes").mkdir(parents=True)
    (package / "stage.py").write_text("A = 1\n")
    monkeypatch.setattr(build_cache, "PACKAGE", package)
    before = build_cache.code_digest(["stage.py"])
    (package / "stage.py").write_text("A = 2\n")
    assert build_cache.code_digest(["stage.py"]) != before
    (package / "themes" / "base.html").write_text("<html>")
    assert len({before, build_cache.code_digest(["stage.py"])}) == 2


def test_a_template_edited_between_builds_is_used(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"themes/default/404.html": "first {{ site.title }}\n"})
    build.run(root)
    make_project(root, {"themes/default/404.html": "second {{ site.title }}\n"})
    build.run(root)
    assert (root / "site/404.html").read_text() == "second Test briefing\n"
