#!/usr/bin/env python3
"""Save-to-reload latency of `briefing serve`, measured in a real browser. Not a test.

For each briefing (the repository's example, then synthetic ones of --events
events made by the shared corpus generator), a copy is served with
`briefing serve --port 0` and one event page is opened in headless Chromium.
Then, --edits times, a paragraph is appended to that event's file and the
script waits for the page to show it. The latency of one edit is the wall
time from just before the write to the reloaded page's DOMContentLoaded
(`performance.timeOrigin` plus the navigation entry's timestamp: the browser
and this script read the same clock). Also reported: the server's own time
for the event's page (after the debounce) and for all dependent pages.

With --dependents there is no browser: --edits events spread through each
synthetic briefing get a new title, one after the other, and the latency of
an edit is the wall time from just before the write until the pages showing
that title have it on disk, in the server's output folder: the event's own
page; its item pages (its page, its timeline year page, the pages of its
actors and sources); all of them and the bibliography's pages listing its
sources (/sources/, or above 500 sources the pages of their publication years).

    .venv/bin/python bench/serve_latency.py [--events 1000 ...] [--edits 20] [--dependents]
        [--gen-corpus ../shared/bench/gen_corpus.py] [--work bench/out/serve_latency]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from generator.frontmatter import parse, render  # noqa: E402
from generator.render.pages import SOURCES_SPLIT  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOADED = """marker => {
  if (!document.querySelector("main").textContent.includes(marker)) return NaN;
  const done = performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd;
  return performance.timeOrigin + done;
}"""
_MS = re.compile(r", (\d+) ms$")


@dataclass(frozen=True)
class Result:
    name: str
    events: int
    reload_ms: list[float]
    own_page_ms: list[float]
    dependents_ms: list[float]


@dataclass(frozen=True)
class TitleResult:
    name: str
    events: int
    pages: list[int]
    """Pages watched per edit."""
    own_page_ms: list[float]
    """Save to the event's own page showing the new title."""
    item_pages_ms: list[float]
    """Save to the pages of the event, its year, its actors and its sources showing it."""
    all_pages_ms: list[float]
    """Save to those and the bibliography's pages showing it."""


class Server:
    """`briefing serve` on a free port; output lines collected by a thread."""

    def __init__(self, root: Path, temp: Path | None = None) -> None:
        """`temp`: the TMPDIR of the server, where it makes its output folder."""
        command = [sys.executable, "-u", "-m", "generator", "serve", "--root", str(root)]
        env = {**os.environ, "TMPDIR": str(temp)} if temp is not None else None
        self.process = subprocess.Popen(
            [*command, "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        self.changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for(
            lambda lines: any(line.startswith(("built ", "full build")) for line in lines)
        )
        found = re.search(r"http://127\.0\.0\.1:\d+/", "".join(self.lines))
        if not found:
            raise SystemExit("serve did not start:\n" + "".join(self.lines))
        self.url = found.group(0)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()

    def wait_for(self, ready: object, timeout: float = 1800) -> None:
        with self.changed:
            if not self.changed.wait_for(lambda: ready(self.lines), timeout):  # type: ignore[operator]
                raise SystemExit("serve did not answer in time:\n" + "\n".join(self.lines))

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def prepare(source: Path, copy: Path) -> Path:
    """A private copy of a briefing project (its content/ ingested first if it has none)."""
    if copy.exists():
        shutil.rmtree(copy)
    copy.mkdir(parents=True)
    for name in ("briefing.yaml", "content", "seeds", "themes"):
        if (source / name).is_dir():
            shutil.copytree(source / name, copy / name)
        elif (source / name).is_file():
            shutil.copy2(source / name, copy / name)
    if not (copy / "content" / "events").is_dir():
        subprocess.run(
            [sys.executable, "-m", "generator", "ingest", "--root", str(copy)], check=True
        )
    return copy


def measure(name: str, root: Path, events: int, edits: int, page: Page) -> Result:
    event_file = sorted((root / "content" / "events").glob("*.md"))[0]
    server = Server(root)
    try:
        page.goto(f"{server.url}events/{event_file.stem}/")
        original = event_file.read_text(encoding="utf-8")
        reloads, own, dependents = [], [], []
        for number in range(1, edits + 1):
            done = len(server.lines)
            marker = f"latency probe {number}"
            with page.expect_event("domcontentloaded", timeout=60_000):
                written_at = time.time() * 1000
                event_file.write_text(f"{original.rstrip()}\n\n{marker}\n", encoding="utf-8")
            reloads.append(page.evaluate(LOADED, marker) - written_at)
            server.wait_for(lambda lines, done=done: _finished(lines[done:]))
            steps = [_ms(line) for line in server.lines[done:] if line.startswith("rebuilt")]
            own.append(steps[0])
            dependents.append(steps[1] if len(steps) > 1 else 0.0)
            time.sleep(0.2)
        event_file.write_text(original, encoding="utf-8")
    finally:
        server.stop()
    return Result(name, events, reloads, own, dependents)


def measure_titles(name: str, root: Path, events: int, edits: int) -> TitleResult:
    """Retitle `edits` events spread through the briefing, one at a time (see the docstring)."""
    temp = root.parent / f"{root.name}-tmp"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir(parents=True)
    files = sorted((root / "content" / "events").glob("*.md"))
    chosen = [files[n * len(files) // edits] for n in range(edits)]
    server = Server(root, temp)
    (out,) = temp.glob("briefing-serve-*/site")
    pages, own, item_ms, everything = [], [], [], []
    try:
        for number, event_file in enumerate(chosen, start=1):
            original = event_file.read_text(encoding="utf-8")
            document = parse(original, event_file.name)
            items = _pages_showing(event_file.stem, document.meta)
            watched = [*items, *_bibliography_pages(root, document.meta)]
            marker = f"probe{number}"
            retitled = render(
                {**document.meta, "title": f"{document.meta['title']} {marker}"}, document.body
            )
            done = len(server.lines)
            written_at = time.perf_counter()
            event_file.write_text(retitled, encoding="utf-8")
            seen = _wait_for_marker(out, watched, marker.encode())
            pages.append(len(watched))
            own.append((seen[watched[0]] - written_at) * 1000)
            item_ms.append((max(seen[p] for p in items) - written_at) * 1000)
            everything.append((max(seen.values()) - written_at) * 1000)
            server.wait_for(lambda lines, done=done: _finished(lines[done:]))
            done = len(server.lines)
            event_file.write_text(original, encoding="utf-8")
            server.wait_for(lambda lines, done=done: _finished(lines[done:]))
            time.sleep(0.3)
    finally:
        server.stop()
        shutil.rmtree(temp, ignore_errors=True)
    return TitleResult(name, events, pages, own, item_ms, everything)


def _pages_showing(event_id: str, meta: dict[str, object]) -> list[str]:
    """Site paths of the item pages that show an event's title: its own page first."""
    actors = meta.get("actors") or []
    sources = meta.get("sources") or []
    assert isinstance(actors, list) and isinstance(sources, list)
    return [
        f"events/{event_id}/index.html",
        f"timeline/{str(meta['date'])[:4]}/index.html",
        *(f"actors/{actor}/index.html" for actor in dict.fromkeys(actors)),
        *(f"sources/{source}/index.html" for source in dict.fromkeys(sources)),
    ]


def _bibliography_pages(root: Path, meta: dict[str, object]) -> list[str]:
    """The bibliography's pages listing an event's sources: /sources/, or above SOURCES_SPLIT
    sources the pages of their publication years."""
    folder = root / "content" / "sources"
    if len(list(folder.glob("*.md"))) <= SOURCES_SPLIT:
        return ["sources/index.html"]
    sources = meta.get("sources") or []
    assert isinstance(sources, list)
    years = []
    for source in dict.fromkeys(sources):
        path = folder / f"{source}.md"
        published = parse(path.read_text(encoding="utf-8"), path.name).meta.get("published")
        years.append(str(published)[:4] if published else "undated")
    return [f"sources/by-year/{year}/index.html" for year in dict.fromkeys(years)]


def _wait_for_marker(
    out: Path, paths: list[str], marker: bytes, timeout: float = 120
) -> dict[str, float]:
    """When each page first had `marker` (perf_counter); a page is read again only once its
    file was replaced."""
    seen: dict[str, float] = {}
    stamps: dict[str, tuple[int, int]] = {}
    deadline = time.perf_counter() + timeout
    while len(seen) < len(paths):
        if time.perf_counter() > deadline:
            raise SystemExit(f"pages never showed {marker!r}: {sorted(set(paths) - set(seen))}")
        for path in paths:
            if path in seen:
                continue
            try:
                stat = (out / path).stat()
            except FileNotFoundError:
                continue
            stamp = (stat.st_ino, stat.st_mtime_ns)
            if stamps.get(path) == stamp:
                continue
            stamps[path] = stamp
            if marker in (out / path).read_bytes():
                seen[path] = time.perf_counter()
        time.sleep(0.002)
    return seen


def _finished(lines: list[str]) -> bool:
    """A rebuild's last step was reported (the first step of two says "own pages")."""
    return any(line.startswith("rebuilt (") for line in lines)


def _ms(line: str) -> float:
    found = _MS.search(line)
    return float(found.group(1)) if found else float("nan")


def _count_events(root: Path) -> int:
    return len(list((root / "content" / "events").glob("*.md")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="*", default=[1000])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument(
        "--gen-corpus", type=Path, default=REPO.parent / "shared" / "bench" / "gen_corpus.py"
    )
    parser.add_argument("--work", type=Path, default=REPO / "bench" / "out" / "serve_latency")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument(
        "--dependents",
        action="store_true",
        help="retitle events and time every page showing the title, without a browser",
    )
    args = parser.parse_args()
    if args.dependents:
        report_titles(args)
        return

    projects = [("example", prepare(REPO, args.work / "example"))]
    for count in args.events:
        corpus = _corpus(args, count)
        projects.append((f"synthetic {count}", prepare(corpus, args.work / f"served-{count}")))

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        for name, root in projects:
            page = browser.new_page(viewport={"width": 1000, "height": 800})
            results.append(measure(name, root, _count_events(root), args.edits, page))
            page.close()
        browser.close()

    print(f"save-to-reload in Chromium, {args.edits} edits of one event's body (ms)")
    header = (
        "briefing          events  reload median  reload worst  own page median  dependents median"
    )
    print(header)
    for r in results:
        print(f"  {r.name}: reloads {[round(ms, 0) for ms in r.reload_ms]}", file=sys.stderr)
        print(
            f"{r.name:<17} {r.events:>6}  {statistics.median(r.reload_ms):>13.0f}  "
            f"{max(r.reload_ms):>12.0f}  {statistics.median(r.own_page_ms):>15.0f}  "
            f"{statistics.median(r.dependents_ms):>17.0f}"
        )


def _corpus(args: argparse.Namespace, count: int) -> Path:
    """The shared generator's synthetic briefing of `count` events, made once."""
    corpus: Path = args.work / f"corpus-{count}"
    if not corpus.exists():
        subprocess.run(
            [
                sys.executable,
                str(args.gen_corpus),
                "--events",
                str(count),
                "--out",
                str(corpus),
                "--format",
                "briefing",
            ],
            check=True,
        )
    return corpus


def report_titles(args: argparse.Namespace) -> None:
    results = []
    for count in args.events:
        root = prepare(_corpus(args, count), args.work / f"served-{count}")
        results.append(measure_titles(f"synthetic {count}", root, count, args.edits))
    print(f"save to all pages showing a retitled event, {args.edits} edits (ms)")
    print(
        "briefing          events  pages  own: median  worst"
        "  items: median  worst  all: median  worst"
    )
    for r in results:
        print(f"  {r.name}: item pages {[round(ms) for ms in r.item_pages_ms]}", file=sys.stderr)
        print(f"  {r.name}: all pages {[round(ms) for ms in r.all_pages_ms]}", file=sys.stderr)
        print(
            f"{r.name:<17} {r.events:>6}  {statistics.median(r.pages):>5.0f}  "
            f"{statistics.median(r.own_page_ms):>11.0f}  {max(r.own_page_ms):>5.0f}  "
            f"{statistics.median(r.item_pages_ms):>13.0f}  {max(r.item_pages_ms):>5.0f}  "
            f"{statistics.median(r.all_pages_ms):>11.0f}  {max(r.all_pages_ms):>5.0f}"
        )


if __name__ == "__main__":
    main()
