"""Shared benchmark helpers: run a command, measure it, summarise, print tables.

A run is one child process. Its CPU time (user + sys) and its peak resident
memory come from the kernel's accounting of that child (`os.wait4`), so they
cover exactly the measured command and whatever it waited for. Because
`ru_maxrss` is the peak of the single largest process, a sampler also adds up
the resident memory of the whole process tree every few milliseconds; the
reported peak is the larger of the two (it matters for builds that fork
workers).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_INTERVAL = 0.01


@dataclass(frozen=True)
class Sample:
    """One run of a command."""

    wall: float
    cpu: float
    peak_mb: float
    returncode: int
    log: Path
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out

    def failure(self) -> str:
        """Why the run failed: a timeout, or the last line the command wrote."""
        if self.timed_out:
            return f"stopped after {self.wall:.0f} s (log: {self.log})"
        return f"exit {self.returncode}: {last_line(self.log)} (log: {self.log})"


def last_line(log: Path) -> str:
    lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
    return lines[-1].strip() if lines else "no output"


@dataclass(frozen=True)
class Summary:
    """Medians over several runs."""

    runs: int
    wall: float
    cpu: float
    peak_mb: float
    worst_wall: float


class CommandFailedError(Exception):
    """A measured command exited non-zero; the message says why."""


def summarise(samples: Sequence[Sample]) -> Summary:
    return Summary(
        runs=len(samples),
        wall=statistics.median(s.wall for s in samples),
        cpu=statistics.median(s.cpu for s in samples),
        peak_mb=statistics.median(s.peak_mb for s in samples),
        worst_wall=max(s.wall for s in samples),
    )


def _children(pid: int) -> list[int]:
    found = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                found += [int(p) for p in (task / "children").read_text().split()]
    return found


def _rss_kb(pid: int) -> int:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (0 once gone)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _rss_kb(current)
        todo += _children(current)
    return total


class TreeMemorySampler:
    """Polls the summed RSS of a process tree in a thread; keeps the peak."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> TreeMemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(SAMPLE_INTERVAL):
            self.peak_kb = max(self.peak_kb, tree_rss_kb(self.pid))


def run_once(
    command: Sequence[str | os.PathLike[str]],
    cwd: Path,
    log: Path,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> Sample:
    """Run `command` to completion (killed after `timeout` s); output goes to `log`."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=out, env=env
        )
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            process.kill()

        timer = threading.Timer(timeout or 0, expire)
        if timeout:
            timer.start()
        with TreeMemorySampler(process.pid) as sampler:
            _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    peak_mb = max(usage.ru_maxrss, sampler.peak_kb) / 1024
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(wall, cpu, peak_mb, process.returncode, log, expired.is_set())


def run_many(
    runs: int,
    command: Sequence[str | os.PathLike[str]],
    cwd: Path,
    log: Path,
    prepare: Callable[[], object] | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> list[Sample]:
    """`runs` runs, calling `prepare` (untimed) before each; stop at the first failure."""
    samples = []
    for _ in range(runs):
        if prepare is not None:
            prepare()
        sample = run_once(command, cwd, log, env, timeout)
        if not sample.ok:
            raise CommandFailedError(sample.failure())
        samples.append(sample)
    return samples


def tree_digest(root: Path) -> str:
    """A hash of every file's relative path and bytes under `root`."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def count_files(root: Path, suffix: str = "") -> int:
    return sum(1 for p in root.rglob(f"*{suffix}") if p.is_file())


def ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}" if theirs > 0 else "-"


def format_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    cells = [list(headers)] + [[_cell(value) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for number, row in enumerate(cells):
        parts = [
            value.ljust(width) if i == 0 else value.rjust(width)
            for i, (value, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(parts).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
