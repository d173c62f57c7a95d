"""The built site in real headless Chromium: from disk and under a sub-path over HTTP.

Every internal link is followed (none may be broken), citations must lead to
their sources, no request may leave the site, and screenshots of the home and
an event page go to tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

import pytest
from chromium import ARGS, require_chromium
from project_factory import FIXTURES, copy_fixture

from generator.config import Project
from generator.write_site import build_site

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
REPO = Path(__file__).resolve().parent.parent
SUB_PATH = "sub/briefing/"


def _projects() -> list[Path]:
    projects = [FIXTURES / "small"]
    if any((REPO / "content" / "events").glob("*.md")):
        projects.append(REPO)
    return projects


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        yield instance
        instance.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A folder served over HTTP on 127.0.0.1 (a free port), and its URL."""
    folder = tmp_path_factory.mktemp("www")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


def _build(project: Path, out: Path) -> Path:
    if project.is_relative_to(FIXTURES):
        project = copy_fixture(project.name, out.with_name(f"{out.name}-project"))
    assert build_site(Project(project), out) == []
    return out


def _crawl(page: Any, start: str) -> dict[str, str]:
    """Visit every page reachable from `start` inside the site; return url -> problem."""
    site_prefix = start.rsplit("/", 1)[0] + "/"
    seen, queue, problems = {start}, [start], {}
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url))
    while queue:
        url = queue.pop()
        response = page.goto(url)
        if response is not None and response.status != 200:
            problems[url] = f"HTTP {response.status}"
            continue
        if page.title() == "" or "ERR_FILE_NOT_FOUND" in page.content():
            problems[url] = "did not load"
            continue
        links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        for link in links:
            target = urldefrag(link).url
            if target.startswith(site_prefix) and target.endswith(".html") and target not in seen:
                seen.add(target)
                queue.append(target)
    left = [url for url in outside if not url.startswith(site_prefix)]
    assert left == [], f"requests left the site: {left[:5]}"
    assert len(seen) > 5
    return problems


@pytest.mark.parametrize("project", _projects(), ids=lambda p: p.name)
def test_every_internal_link_works_from_disk(browser: Any, tmp_path: Path, project: Path) -> None:
    site = _build(project, tmp_path / "site")
    page = browser.new_page()
    assert _crawl(page, (site / "index.html").as_uri()) == {}
    page.close()


@pytest.mark.parametrize("project", _projects(), ids=lambda p: p.name)
def test_every_internal_link_works_under_a_sub_path(
    browser: Any, served: tuple[Path, str], project: Path
) -> None:
    folder, url = served
    _build(project, folder / project.name / SUB_PATH)
    base = f"{url}{project.name}/{SUB_PATH}"
    page = browser.new_page()
    assert _crawl(page, f"{base}index.html") == {}
    assert page.goto(f"{base}static/style.css").status == 200
    page.close()


def test_every_internal_link_works_with_month_pages(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in (("TIMELINE_SPLIT", 2), ("SOURCES_SPLIT", 0), ("MONTH_SPLIT", 1)):
        monkeypatch.setattr(f"generator.render.pages.{name}", value)
    project = copy_fixture("small", tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(Project(project), site, jobs=1) == []
    assert (site / "timeline" / "2021" / "12" / "index.html").is_file()
    assert list(site.glob("sources/by-year/*/*/index.html"))
    page = browser.new_page()
    assert _crawl(page, (site / "index.html").as_uri()) == {}
    page.close()


def test_citations_link_to_their_sources(browser: Any, tmp_path: Path) -> None:
    site = _build(FIXTURES / "small", tmp_path / "site")
    page = browser.new_page()
    page.goto((site / "events/second-call/index.html").as_uri())
    citations = page.eval_on_selector_all(
        "sup.cite a", "els => els.map(e => [e.textContent, e.title, e.href])"
    )
    assert [number for number, _, _ in citations] == ["1", "2", "1"]
    for _, title, href in citations:
        page.goto(href)
        assert page.inner_text("h1") == title
    page.close()


def test_screenshots_of_the_home_and_an_event_page(browser: Any, tmp_path: Path) -> None:
    site = _build(FIXTURES / "small", tmp_path / "site")
    ARTIFACTS.mkdir(exist_ok=True)
    shots = [
        ("home", "index.html", 1280, "light"),
        ("home-dark", "index.html", 1280, "dark"),
        ("event", "events/second-call/index.html", 1280, "light"),
        ("event-phone", "events/second-call/index.html", 390, "light"),
    ]
    for name, path, width, scheme in shots:
        page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page.goto((site / path).as_uri())
        assert page.eval_on_selector("html", "e => e.scrollWidth") <= width, (
            f"{name} scrolls sideways"
        )
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        page.close()
    assert all((ARTIFACTS / f"{name}.png").stat().st_size > 0 for name, *_ in shots)
