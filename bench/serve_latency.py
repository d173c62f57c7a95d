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

    .venv/bin/python bench/serve_latency.py [--events 1000 ...] [--edits 20]
        [--gen-corpus ../shared/bench/gen_corpus.py] [--work bench/out/serve_latency]
"""

from __future__ import annotations

import argparse
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


class Server:
    """`briefing serve` on a free port; output lines collected by a thread."""

    def __init__(self, root: Path) -> None:
        command = [sys.executable, "-u", "-m", "generator", "serve", "--root", str(root)]
        self.process = subprocess.Popen(
            [*command, "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
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
    args = parser.parse_args()

    projects = [("example", prepare(REPO, args.work / "example"))]
    for count in args.events:
        corpus = args.work / f"corpus-{count}"
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


if __name__ == "__main__":
    main()
