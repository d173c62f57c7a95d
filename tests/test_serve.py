"""The preview server over a static folder: content types, 404, safety, injection, SSE."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from generator.serve import (
    EVENTS_PATH,
    LiveState,
    SiteServer,
    client_script,
    inject,
    page_url,
    resolve,
    url_segments,
    with_root_base,
)

PAGE = b"<!doctype html><html><head><title>x</title></head><body><p>hello</p></body></html>"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "events" / "one").mkdir(parents=True)
    (root / "events" / "one" / "index.html").write_bytes(PAGE)
    (root / "empty").mkdir()
    (root / "index.html").write_bytes(PAGE.replace(b"hello", b"home"))
    (root / "404.html").write_bytes(PAGE.replace(b"hello", b"not here"))
    (root / "style.css").write_text("body { color: red }\n")
    (root / "feed.xml").write_text("<feed/>\n")
    (root / "calendar.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    (root / "sitemap.xml").write_text("<urlset/>\n")
    (root / ".index.html.abc.tmp").write_bytes(b"half-written")
    (tmp_path / "secret.txt").write_text("outside the site\n")
    (root / "escape").symlink_to(tmp_path / "secret.txt")
    (root / "escape-dir").symlink_to(tmp_path)
    return root


@pytest.fixture
def server(site: Path) -> Iterator[SiteServer]:
    live = LiveState()
    srv = SiteServer(("127.0.0.1", 0), site, live)
    thread = threading.Thread(target=srv.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(timeout=5)


def get(server: SiteServer, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def raw_request(server: SiteServer, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=10) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


# -- pure pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("/", []),
        ("/events/one/", ["events", "one"]),
        ("/events//one", ["events", "one"]),
        ("/a%20b.html?x=1#top", ["a b.html"]),
        ("/../etc/passwd", None),
        ("/..%2f..%2fetc/passwd", None),
        ("/%2e%2e/%2e%2e/etc/passwd", None),
        ("/%2E%2E%2Fsecret.txt", None),
        ("/events/./one/", None),
        ("/.git/config", None),
        ("/a%00b", None),
        ("/..%5csecret.txt", None),
    ],
)
def test_url_segments(raw: str, expected: list[str] | None) -> None:
    assert url_segments(raw) == expected


def test_resolve_stays_inside_the_root(site: Path) -> None:
    root = site.resolve()
    assert resolve(root, "/events/one/index.html") == root / "events" / "one" / "index.html"
    assert resolve(root, "/escape") is None
    assert resolve(root, "/escape-dir/secret.txt") is None
    assert resolve(root, "/missing.html") is None
    assert resolve(root, "/%ff%fe") is None


@pytest.mark.parametrize(
    ("file", "url"),
    [
        ("index.html", "/"),
        ("events/x/index.html", "/events/x/"),
        ("404.html", "/404.html"),
        ("style.css", "/style.css"),
    ],
)
def test_page_url(file: str, url: str) -> None:
    assert page_url(file) == url


def test_inject_before_the_last_body_end() -> None:
    html = b"<body><pre>&lt;/body&gt;</pre></BODY >\n"
    assert inject(html, "go()") == b"<body><pre>&lt;/body&gt;</pre><script>go()</script></BODY >\n"


def test_inject_appends_when_there_is_no_body_end() -> None:
    assert inject(b"<p>bare", "go()") == b"<p>bare<script>go()</script>"


def test_client_script_cannot_close_its_own_tag() -> None:
    script = client_script("/events/</script><b>/", "v-1")
    assert "</script>" not in script
    assert '"/events/<\\/script><b>/"' in script


def test_with_root_base() -> None:
    assert with_root_base(b"<html><head lang=en><title>") == (
        b'<html><head lang=en><base href="/"><title>'
    )
    assert with_root_base(b'<head><base href="/x/">') == b'<head><base href="/x/">'


# -- live state ----------------------------------------------------------------------------


def test_live_state_merges_updates_since_a_version() -> None:
    live = LiveState()
    start = live.token
    live.publish(pages=["/events/a/"], errors=[])
    live.publish(pages=["/timeline/"], styles=["/style.css"], errors=["content/x.md:3: bad"])
    message = live.message_since(start)
    assert message.pages == ("/events/a/", "/timeline/")
    assert message.styles == ("/style.css",)
    assert message.errors == ("content/x.md:3: bad",)
    assert not message.reload_all
    assert message.version == live.token


def test_live_state_tells_a_page_from_another_run_to_reload() -> None:
    assert LiveState().message_since("feedbeef-0").reload_all
    assert LiveState().message_since("").reload_all


def test_live_state_tells_a_page_older_than_the_history_to_reload() -> None:
    live = LiveState()
    start = live.token
    for number in range(300):
        live.publish(pages=[f"/events/{number}/"])
    assert live.message_since(start).reload_all
    assert not live.message_since(live.token).reload_all


def test_live_state_full_rebuild_reloads_everything() -> None:
    live = LiveState()
    start = live.token
    live.publish(everything=True)
    message = live.message_since(start)
    assert message.reload_all
    assert message.pages == ()


def test_wait_message_times_out_when_nothing_changes() -> None:
    live = LiveState()
    assert live.wait_message(live.token, timeout=0.01) is None


# -- HTTP ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/", "text/html; charset=utf-8"),
        ("/events/one/", "text/html; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/feed.xml", "application/atom+xml; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/calendar.ics", "text/calendar; charset=utf-8"),
    ],
)
def test_content_types(server: SiteServer, path: str, kind: str) -> None:
    status, headers, _ = get(server, path)
    assert status == 200
    assert headers["Content-Type"] == kind


def test_html_responses_carry_the_reload_script_other_files_do_not(
    server: SiteServer, site: Path
) -> None:
    _, headers, body = get(server, "/events/one/")
    assert b"<p>hello</p><script>" in body
    assert EVENTS_PATH.encode() in body
    assert b'"page": "/events/one/"' in body
    assert int(headers["Content-Length"]) == len(body)
    assert (site / "events" / "one" / "index.html").read_bytes() == PAGE
    _, _, css = get(server, "/style.css")
    assert css == b"body { color: red }\n"


def test_head_sends_headers_only(server: SiteServer) -> None:
    status, headers, body = get(server, "/events/one/", method="HEAD")
    assert status == 200
    assert body == b""
    assert int(headers["Content-Length"]) > len(PAGE)


def test_folder_without_slash_redirects(server: SiteServer) -> None:
    status, headers, _ = get(server, "/events/one?x=1")
    assert status == 301
    assert headers["Location"] == "/events/one/?x=1"


def test_missing_page_gets_the_sites_404_page(server: SiteServer) -> None:
    status, headers, body = get(server, "/no/such/page/")
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert b"not here" in body
    assert b'<base href="/">' in body
    assert b'"page": "/404.html"' in body


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/..%2fsecret.txt",
        "/..%2f..%2fetc/passwd",
        "/%2e%2e/secret.txt",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/escape",
        "/escape-dir/secret.txt",
        "//etc/passwd",
        "/etc/passwd",
        "http://127.0.0.1/../secret.txt",
        "/.index.html.abc.tmp",
        "/%00",
        "/empty/",
        "/events/",
    ],
)
def test_unsafe_or_unlisted_paths_are_404(server: SiteServer, path: str) -> None:
    status, _, body = get(server, path)
    assert status == 404
    assert b"outside the site" not in body
    assert b"root:" not in body
    assert b"half-written" not in body
    assert b"Directory listing" not in body


def test_only_get_and_head(server: SiteServer) -> None:
    status, _, _ = get(server, "/", method="POST")
    assert status == 501


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"garbage\r\n\r\n",
        b"GET\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
        b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n",
        b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 200 + b"\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
        b"",
    ],
)
def test_malformed_requests_do_not_stop_the_server(
    server: SiteServer, request_bytes: bytes
) -> None:
    answer = raw_request(server, request_bytes)
    assert b"200 OK" not in answer
    assert get(server, "/")[0] == 200


def test_many_concurrent_connections(server: SiteServer) -> None:
    idle = [
        socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=10)
        for _ in range(50)
    ]
    try:
        with ThreadPoolExecutor(max_workers=50) as pool:
            paths = ["/", "/events/one/", "/style.css", "/missing"] * 50
            statuses = list(pool.map(lambda p: get(server, p)[0], paths))
    finally:
        for sock in idle:
            sock.close()
    assert statuses == [200, 200, 200, 404] * 50


def test_event_stream_sends_the_state_then_updates(server: SiteServer) -> None:
    live = server.live
    start = live.token
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    try:
        conn.request("GET", f"{EVENTS_PATH}?since={start}")
        response = conn.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type") == "text/event-stream; charset=utf-8"
        first = _read_event(response)
        assert first["pages"] == [] and not first["reloadAll"]
        live.publish(pages=["/events/one/"], errors=["content/events/one.md:2: bad date"])
        second = _read_event(response)
        assert second["pages"] == ["/events/one/"]
        assert second["errors"] == ["content/events/one.md:2: bad date"]
    finally:
        conn.close()


def _read_event(response: http.client.HTTPResponse) -> dict[str, object]:
    data = None
    while (line := response.readline()) not in (b"\n", b""):
        if line.startswith(b"data: "):
            data = json.loads(line[6:])
    assert isinstance(data, dict)
    return data
