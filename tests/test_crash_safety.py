"""Kill `briefing ingest` and `briefing build` at random instants: nothing is half-written.

Each test makes a project in an "old" state, computes the "new" state with an
uninterrupted reference run on a copy, then repeatedly restores the old state,
starts the command as a subprocess, SIGKILLs it (its whole process group) after
a random delay, and checks what is left:

- content/: every file parses and is byte-for-byte its old or its new version;
- site/: exactly the old site or exactly the new site.

A last test stops the build just before each rename it makes (deterministic,
not random), since a rename is where a site is swapped (where the system can
exchange two folders in one step, no rename is left to interrupt).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.frontmatter import parse
from generator.fsutil import TEMP_SUFFIX

KILLS = 4
SEED = 20211230
EVENTS = 200
ARTICLES = 60


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` but the hidden `.<name>.<random>.tmp` an atomic write was
    killed in the middle of (litter, never read as content)."""
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not (p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX))
    }


def briefing(
    root: Path, *args: str, prelude: str = "", env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    code = f"{prelude}\nimport sys\nfrom generator.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args, "--root", str(root)],
        cwd=root,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def run_to_end(root: Path, *args: str) -> float:
    started = time.monotonic()
    process = briefing(root, *args)
    assert process.wait(timeout=120) == 0
    return time.monotonic() - started


def kill_after(root: Path, delay: float, *args: str) -> None:
    process = briefing(root, *args)
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def restore(state: Path, root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(state, root, symlinks=True)


def kill_delays(duration: float) -> list[float]:
    rng = random.Random(SEED)
    return sorted(rng.uniform(0.05, 1.0) * duration for _ in range(KILLS))


def old_and_new(
    base: Path, verb: str, write_inputs: Callable[[Path, bool], None], output: str
) -> tuple[Path, dict[str, bytes], float]:
    """(old project: `verb`'s output of the old inputs, the new inputs in place; the `output`
    folder `verb` makes of the new inputs; how long that took). `write_inputs(root, new)`."""
    old = base / "old"
    write_inputs(old, False)
    run_to_end(old, verb)
    write_inputs(old, True)
    reference = base / "reference"
    restore(old, reference)
    duration = run_to_end(reference, verb)
    return old, snapshot(reference / output), duration


# --- build ----------------------------------------------------------------------------------


def event(i: int, title: str) -> str:
    return (
        f"---\ntitle: {title} {i}\ndate: 2021-12-{i % 28 + 1:02d}\nactors: [joe-biden]\n"
        f"sources: [reuters]\n---\nRound {i} of talks [@reuters].\n"
    )


def write_build_project(root: Path, renamed: bool) -> None:
    title = "Renamed talks" if renamed else "Talks"
    files = {
        "briefing.yaml": "title: Crash test\n",
        "content/actors/joe-biden.md": "---\nname: Joe Biden\nkind: person\n---\n",
        "content/sources/reuters.md": "---\ntitle: Talks\noutlet: Reuters\n---\nText.\n",
        **{f"content/events/e{i:04d}.md": event(i, title) for i in range(EVENTS)},
    }
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def build_states(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], float]:
    """(old project with its old site and new content, the new site, a build's duration)."""
    return old_and_new(tmp_path_factory.mktemp("build"), "build", write_build_project, "site")


def test_killed_build_leaves_the_old_site_or_the_new_one(
    build_states: tuple[Path, dict[str, bytes], float], tmp_path: Path
) -> None:
    old, new_site, duration = build_states
    old_site = snapshot(old / "site")
    assert old_site != new_site
    root = tmp_path / "p"
    for delay in kill_delays(duration):
        restore(old, root)
        kill_after(root, delay, "build")
        site = snapshot(root / "site")
        assert site in (old_site, new_site), (
            f"killed after {delay:.2f}s: site/ is neither the old site nor the new one"
        )


RENAME_KILLER = textwrap.dedent(
    """
    import os, signal
    _calls = [0]
    _stop_at = int(os.environ["BRIEFING_KILL_AT_RENAME"])

    def _or_die(rename):
        def rename_or_die(*args, **kwargs):
            _calls[0] += 1
            if _calls[0] == _stop_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return rename(*args, **kwargs)
        return rename_or_die

    os.rename, os.replace = _or_die(os.rename), _or_die(os.replace)
    """
)
"""Kills the process just before its Nth rename (os.rename, os.replace, Path.rename/replace)."""


def test_build_killed_at_each_rename_leaves_the_old_site_or_the_new_one(
    build_states: tuple[Path, dict[str, bytes], float], tmp_path: Path
) -> None:
    old, new_site, _ = build_states
    old_site = snapshot(old / "site")
    root = tmp_path / "p"
    for stop_at in range(1, 10):
        restore(old, root)
        env = {"BRIEFING_KILL_AT_RENAME": str(stop_at)}
        code = briefing(root, "build", prelude=RENAME_KILLER, env=env).wait(timeout=120)
        site = snapshot(root / "site")
        assert site in (old_site, new_site), (
            f"killed at rename {stop_at}: site/ is neither the old site nor the new one"
        )
        if code == 0:
            assert site == new_site
            return
    pytest.fail("the build made more renames than expected")


# --- ingest ---------------------------------------------------------------------------------

PLACES = ("Geneva", "Vienna", "Helsinki", "Warsaw", "Brussels", "Minsk")


def article(i: int, revised: bool) -> str:
    place = PLACES[i % len(PLACES)]
    extra = " Officials said a further round would follow." if revised else ""
    return (
        f"Diplomats meet in {place} for round {i}\n\n"
        f"{place.upper()}, Dec {i % 27 + 1} (Reuters) - U.S. Secretary of State Antony "
        f"Blinken met Russian Foreign Minister Sergei Lavrov in {place} on Tuesday for round "
        f"{i} of talks on Ukraine, the State Department said.{extra}\n\n"
        f'"We had a frank exchange," Blinken told reporters after the meeting in {place}.\n'
    )


def write_seeds(root: Path, revised: bool) -> None:
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    for i in range(ARTICLES):
        text = article(i, revised)
        (root / f"seeds/{i:03d}.txt").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def ingest_states(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, bytes], float]:
    """(old project: old content and revised seeds, the new content, an ingest's duration)."""
    return old_and_new(tmp_path_factory.mktemp("ingest"), "ingest", write_seeds, "content")


def test_killed_ingest_leaves_every_content_file_old_or_new(
    ingest_states: tuple[Path, dict[str, bytes], float], tmp_path: Path
) -> None:
    old, new_content, duration = ingest_states
    old_content = snapshot(old / "content")
    assert old_content != new_content
    root = tmp_path / "p"
    for delay in kill_delays(duration):
        restore(old, root)
        kill_after(root, delay, "ingest")
        content = snapshot(root / "content")
        for name, data in content.items():
            assert data in (old_content.get(name), new_content.get(name)), (
                f"killed after {delay:.2f}s: content/{name} is neither its old nor its new version"
            )
            parse(data.decode("utf-8"), f"content/{name}")
        assert set(old_content) & set(new_content) <= set(content), "a kept file vanished"
