"""`briefing serve` in a real headless Chromium: live reload, stylesheet swap, error overlay.

Each test starts `python -m generator serve --port 0` on a temporary project,
opens a page, changes a file and waits for the browser to show the change.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import ARGS, require_chromium
from playwright.sync_api import Browser, Page, expect, sync_playwright
from project_factory import make_project

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
LONG_BODY = "\n\n".join(f"Paragraph {n} of a long report [@reuters]." for n in range(80))
EVENT = """\
---
title: {title}
date: 2021-12-30
actors: [joe-biden]
sources: [reuters]
---

{body}
"""
STYLE = "body { background: rgb(250, 250, 250) }\n"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = require_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(
        tmp_path / "project",
        {
            "content/events/second-call.md": EVENT.format(title="Second call", body=LONG_BODY),
            "themes/default/static/style.css": STYLE,
            "seeds/.keep": "",
        },
    )


class Server:
    """`briefing serve` in a subprocess; its output is read in a thread and kept in `lines`."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-u", "-m", "generator", "serve", "--root", str(root), "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self.started = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        if not self.started.wait(timeout=60) or not self.url:
            self.stop()
            pytest.fail("serve did not start:\n" + "".join(self.lines))

    @property
    def url(self) -> str:
        found = re.search(r"http://127\.0\.0\.1:\d+/", "".join(self.lines))
        return found.group(0) if found else ""

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)
            if line.startswith(("built ", "full build failed")):
                self.started.set()
        self.started.set()

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=10)
        finally:
            self.process.kill()
            self.process.wait()
            self.reader.join(timeout=5)
            if self.process.stdout is not None:
                self.process.stdout.close()


@pytest.fixture
def server(project: Path) -> Iterator[Server]:
    running = Server(project)
    yield running
    assert running.stop() == 0, "".join(running.lines)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 800, "height": 600})
    opened = context.new_page()
    yield opened
    context.close()


def test_an_edited_event_shows_in_the_open_page_keeping_the_scroll(
    server: Server, project: Path, page: Page
) -> None:
    page.goto(server.url + "events/second-call/")
    expect(page.locator("h1")).to_contain_text("Second call")
    page.evaluate("window.scrollTo(0, 900)")
    page.wait_for_function("window.scrollY === 900")
    event = project / "content/events/second-call.md"
    event.write_text(EVENT.format(title="Second phone call", body=LONG_BODY), encoding="utf-8")
    expect(page.locator("h1")).to_contain_text("Second phone call", timeout=2000)
    page.wait_for_function("window.scrollY === 900", timeout=2000)


def test_the_reload_script_is_only_in_served_pages(server: Server, page: Page) -> None:
    page.goto(server.url)
    assert page.locator("script").count() == 1
    response = page.request.get(server.url + "static/style.css")
    assert response.headers["content-type"] == "text/css; charset=utf-8"


def test_an_edited_stylesheet_is_swapped_without_a_reload(
    server: Server, project: Path, page: Page
) -> None:
    page.goto(server.url + "events/second-call/")
    page.evaluate("window.__marker = 'still here'")
    style = project / "themes/default/static/style.css"
    style.write_text("body { background: rgb(1, 2, 3) }\n", encoding="utf-8")
    page.wait_for_function(
        "getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)'", timeout=2000
    )
    assert page.evaluate("window.__marker") == "still here"


def test_a_broken_file_shows_an_overlay_until_it_is_fixed(
    server: Server, project: Path, page: Page
) -> None:
    page.goto(server.url + "events/second-call/")
    event = project / "content/events/second-call.md"
    good = event.read_text(encoding="utf-8")
    event.write_text(good.replace("date: 2021-12-30", "date: 2021-13-30"), encoding="utf-8")
    overlay = page.locator("#__briefing_overlay")
    expect(overlay).to_contain_text("content/events/second-call.md:3: ", timeout=2000)
    expect(page.locator("h1")).to_contain_text("Second call")
    page.reload()
    expect(overlay).to_contain_text("content/events/second-call.md:3: ", timeout=2000)
    event.write_text(good.replace("Second call", "Second call, fixed"), encoding="utf-8")
    expect(overlay).to_have_count(0, timeout=2000)
    expect(page.locator("h1")).to_contain_text("Second call, fixed", timeout=2000)


def test_a_new_article_in_seeds_is_ingested_and_its_event_appears(
    server: Server, project: Path, page: Page
) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    page.goto(server.url + "timeline/")
    events = page.locator("main a[href*='events/']")
    before = events.count()
    shutil.copy(seed, project / "seeds" / seed.name)
    page.wait_for_function(
        f"document.querySelectorAll(\"main a[href*='events/']\").length > {before}",
        timeout=20_000,
    )
