"""The preview server: the built site over HTTP, live reload, build errors in the page.

`SiteServer` is a threading HTTP server over one output folder. It answers GET
and HEAD only, resolves every request inside the folder (anything that would
leave it, dot-files and missing files get the site's 404 page), never lists a
folder, and adds the live-reload script to HTML responses: built files never
contain it.

`LiveState` is what the watcher publishes after each rebuild (which pages and
stylesheets changed, the current errors) and what the browser's script follows
through Server-Sent Events on `/__briefing/events`. Each update carries a
version; a page knows the version it was served at, so a change published
between serving a page and its script connecting is not missed.
"""

from __future__ import annotations

import json
import mimetypes
import re
import secrets
import socket
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

EVENTS_PATH = "/__briefing/events"
HISTORY = 256
"""Updates remembered for pages that reconnect; older pages simply reload."""
MAX_LISTED_PAGES = 2_000
"""Beyond this many changed pages an update says "reload every page" instead of listing them."""
HEARTBEAT_SECONDS = 15.0
SOCKET_TIMEOUT_SECONDS = 30.0

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
}
_FEED_NAMES = {"feed.xml": "application/atom+xml; charset=utf-8"}


def content_type(path: Path) -> str:
    if path.name in _FEED_NAMES:
        return _FEED_NAMES[path.name]
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


# -- URL paths and files -------------------------------------------------------------------


def url_segments(raw_path: str) -> list[str] | None:
    """Decode a request path into folder/file names; None when it is unsafe.

    Refuses `..` and `.` segments and dot-files (also when percent-encoded),
    NUL bytes and backslashes. Empty segments (`//`) are dropped.
    """
    decoded = unquote(urlsplit(raw_path).path, errors="strict")
    if "\x00" in decoded or "\\" in decoded:
        return None
    segments = [segment for segment in decoded.split("/") if segment]
    if any(segment.startswith(".") for segment in segments):
        return None
    return segments


def resolve(root: Path, raw_path: str) -> Path | None:
    """The file or folder a request names inside `root` (resolved), or None.

    `root` must already be resolved. Symlinks are followed and the target must
    still be inside `root`.
    """
    try:
        segments = url_segments(raw_path)
    except UnicodeDecodeError:
        return None
    if segments is None:
        return None
    try:
        target = root.joinpath(*segments).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if not target.is_relative_to(root) or not target.exists():
        return None
    return target


def page_url(relative_file: str) -> str:
    """The URL path a browser shows for an output file: `events/x/index.html` -> `/events/x/`."""
    if relative_file == "index.html":
        return "/"
    if relative_file.endswith("/index.html"):
        return "/" + relative_file.removesuffix("index.html")
    return "/" + relative_file


# -- live state ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Update:
    version: int
    pages: frozenset[str]
    """URL paths (as `page_url` gives them) of pages written or removed."""
    styles: frozenset[str]
    """URL paths of stylesheets that changed."""
    everything: bool


@dataclass(frozen=True)
class Message:
    """What one page's script is told: the union of updates it has not seen, and the errors."""

    version: str
    reload_all: bool
    pages: tuple[str, ...]
    styles: tuple[str, ...]
    errors: tuple[str, ...]

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": self.version,
                "reloadAll": self.reload_all,
                "pages": list(self.pages),
                "styles": list(self.styles),
                "errors": list(self.errors),
            }
        )


class LiveState:
    """Versioned updates and the current build errors, shared by the watcher and the server."""

    def __init__(self) -> None:
        self.boot = secrets.token_hex(4)
        """Identifies this server run: a page from an earlier run reloads."""
        self._version = 0
        self._history: deque[Update] = deque(maxlen=HISTORY)
        self._errors: tuple[str, ...] = ()
        self._closed = False
        self._condition = threading.Condition()

    @property
    def token(self) -> str:
        with self._condition:
            return self._token(self._version)

    def _token(self, version: int) -> str:
        return f"{self.boot}-{version}"

    def publish(
        self,
        pages: Iterable[str] = (),
        styles: Iterable[str] = (),
        errors: Iterable[str] = (),
        everything: bool = False,
    ) -> None:
        with self._condition:
            self._version += 1
            self._history.append(
                Update(self._version, frozenset(pages), frozenset(styles), everything)
            )
            self._errors = tuple(errors)
            self._condition.notify_all()

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._condition.notify_all()

    @property
    def closed(self) -> bool:
        return self._closed

    def _since(self, token: str) -> int | None:
        boot, _, number = token.partition("-")
        if boot != self.boot or not number.isdigit() or int(number) > self._version:
            return None
        return int(number)

    def message_since(self, token: str) -> Message:
        """Everything published after `token`; a token from another run means reload."""
        with self._condition:
            return self._message_since(token)

    def _message_since(self, token: str) -> Message:
        since = self._since(token)
        oldest = self._history[0].version if self._history else self._version + 1
        updates = [u for u in self._history if since is not None and u.version > since]
        missed = since is None or (since < self._version and since + 1 < oldest)
        pages = frozenset().union(*(u.pages for u in updates))
        styles = frozenset().union(*(u.styles for u in updates))
        reload_all = missed or any(u.everything for u in updates)
        reload_all = reload_all or len(pages) > MAX_LISTED_PAGES
        return Message(
            version=self._token(self._version),
            reload_all=reload_all,
            pages=() if reload_all else tuple(sorted(pages)),
            styles=tuple(sorted(styles)),
            errors=self._errors,
        )

    def wait_message(self, token: str, timeout: float) -> Message | None:
        """Block until something newer than `token` is published; None on timeout or close."""
        with self._condition:
            self._condition.wait_for(
                lambda: self._closed or self._token(self._version) != token, timeout
            )
            if self._closed or self._token(self._version) == token:
                return None
            return self._message_since(token)


# -- the script and the overlay ------------------------------------------------------------

_CLIENT_SCRIPT = """\
(() => {
  const cfg = %(config)s;
  const SCROLL_KEY = "__briefing_scroll";
  const OVERLAY_ID = "__briefing_overlay";
  const saved = sessionStorage.getItem(SCROLL_KEY);
  if (saved) {
    sessionStorage.removeItem(SCROLL_KEY);
    const [href, x, y] = JSON.parse(saved);
    if (href === location.href) {
      const restore = () => window.scrollTo(x, y);
      if (document.readyState === "complete") restore();
      else window.addEventListener("load", restore);
    }
  }
  const reload = () => {
    sessionStorage.setItem(SCROLL_KEY, JSON.stringify([location.href, scrollX, scrollY]));
    location.reload();
  };
  const swapStyles = (paths, version) => {
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin || !paths.includes(url.pathname)) continue;
      url.searchParams.set("__v", version);
      const fresh = link.cloneNode();
      fresh.href = url.href;
      const drop = () => link.remove();
      fresh.addEventListener("load", drop);
      fresh.addEventListener("error", drop);
      link.after(fresh);
    }
  };
  const showErrors = (errors) => {
    let box = document.getElementById(OVERLAY_ID);
    if (!errors.length) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = OVERLAY_ID;
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;" +
        "z-index:2147483647;margin:0;padding:1em 1.5em;background:#2b0a0a;color:#ffd7d7;" +
        "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
        "border-top:4px solid #e5484d;box-shadow:0 -4px 24px rgba(0,0,0,.4)";
      document.body.appendChild(box);
    }
    const title = document.createElement("strong");
    title.textContent = "Build failed; showing the last good pages. Fix and save to rebuild.";
    const list = document.createElement("pre");
    list.style.cssText = "margin:.5em 0 0;white-space:pre-wrap";
    list.textContent = errors.join("\\n");
    box.replaceChildren(title, list);
  };
  const source = new EventSource(cfg.endpoint + "?since=" + encodeURIComponent(cfg.version));
  source.onmessage = (event) => {
    const msg = JSON.parse(event.data);
    showErrors(msg.errors);
    if (msg.reloadAll || msg.pages.includes(cfg.page)) {
      source.close();
      reload();
      return;
    }
    if (msg.styles.length) swapStyles(msg.styles, msg.version);
  };
})();
"""

_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)
_HEAD_START = re.compile(rb"<head(\s[^>]*)?>", re.IGNORECASE)
_BASE_TAG = re.compile(rb"<base[\s>]", re.IGNORECASE)


def client_script(page: str, version: str) -> str:
    """The live-reload script for a page served as URL path `page` at `version`."""
    config = json.dumps({"endpoint": EVENTS_PATH, "page": page, "version": version})
    return _CLIENT_SCRIPT % {"config": config.replace("</", "<\\/")}


def inject(html: bytes, script: str) -> bytes:
    """Insert `<script>` before the last `</body>`, or at the end when there is none."""
    tag = b"<script>" + script.encode("utf-8") + b"</script>"
    matches = list(_BODY_END.finditer(html))
    if not matches:
        return html + tag
    at = matches[-1].start()
    return html[:at] + tag + html[at:]


def with_root_base(html: bytes) -> bytes:
    """Add `<base href="/">` so the 404 page's root-relative links work at any depth."""
    if _BASE_TAG.search(html):
        return html
    head = _HEAD_START.search(html)
    if head is None:
        return html
    return html[: head.end()] + b'<base href="/">' + html[head.end() :]


_FALLBACK_404 = (
    b"<!doctype html><html><head><meta charset=utf-8><title>Not found</title></head>"
    b"<body><h1>Not found</h1></body></html>"
)


# -- the server ----------------------------------------------------------------------------


class SiteServer(ThreadingHTTPServer):
    """Serves `root` (the built site) with live reload driven by `live`."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], root: Path, live: LiveState) -> None:
        self.root = root.resolve()
        self.live = live
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.address_family = family
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/"

    def shutdown(self) -> None:
        self.live.close()
        super().shutdown()


class _Handler(BaseHTTPRequestHandler):
    server: SiteServer
    protocol_version = "HTTP/1.1"
    timeout = SOCKET_TIMEOUT_SECONDS
    disable_nagle_algorithm = True
    """Headers and body go out in two writes; Nagle plus delayed ACKs would hold the second
    back about 40 ms."""
    server_version = "briefing"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for rebuild reports."""

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def _respond(self, send_body: bool) -> None:
        if urlsplit(self.path).path == EVENTS_PATH:
            self._stream_events(send_body)
            return
        target = resolve(self.server.root, self.path)
        if target is not None and target.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                self._redirect_to_folder()
                return
            index = target / "index.html"
            target = index if index.is_file() else None
        if target is None or not target.is_file():
            self._not_found(send_body)
            return
        relative = target.relative_to(self.server.root).as_posix()
        self._send_file(HTTPStatus.OK, target, page_url(relative), send_body)

    def _redirect_to_folder(self) -> None:
        parts = urlsplit(self.path)
        location = "/" + parts.path.lstrip("/") + "/"
        if parts.query:
            location += "?" + parts.query
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_found(self, send_body: bool) -> None:
        page = self.server.root / "404.html"
        if page.is_file():
            self._send_file(HTTPStatus.NOT_FOUND, page, "/404.html", send_body)
        else:
            self._send_bytes(HTTPStatus.NOT_FOUND, _FALLBACK_404, "/404.html", ".html", send_body)

    def _send_file(self, status: HTTPStatus, path: Path, page: str, send_body: bool) -> None:
        try:
            data = path.read_bytes()
        except OSError:
            if status is HTTPStatus.NOT_FOUND:
                data = _FALLBACK_404
            else:
                self._not_found(send_body)
                return
        if status is HTTPStatus.NOT_FOUND:
            data = with_root_base(data)
        self._send_bytes(status, data, page, path.name, send_body)

    def _send_bytes(
        self, status: HTTPStatus, data: bytes, page: str, name: str, send_body: bool
    ) -> None:
        kind = content_type(Path(name))
        if kind.startswith("text/html"):
            data = inject(data, client_script(page, self.server.live.token))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def _stream_events(self, send_body: bool) -> None:
        live = self.server.live
        since = self.headers.get("Last-Event-ID") or _query_value(self.path, "since") or ""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if not send_body:
            return
        try:
            message: Message | None = live.message_since(since)
            while not live.closed:
                if message is None:
                    self.wfile.write(b": keep-alive\n\n")
                else:
                    since = message.version
                    self.wfile.write(_sse(message).encode("utf-8"))
                self.wfile.flush()
                message = live.wait_message(since, HEARTBEAT_SECONDS)
        except OSError:
            return


def _sse(message: Message) -> str:
    return f"id: {message.version}\ndata: {message.to_json()}\n\n"


def _query_value(path: str, name: str) -> str | None:
    values = parse_qs(urlsplit(path).query).get(name)
    return values[0] if values else None
