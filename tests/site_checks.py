"""Checks on a built site shared by the CLI, golden and browser tests: strict HTML, links,
Atom and iCalendar well-formedness."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)


class StrictHTML(HTMLParser):
    """Fails on any unclosed or mis-nested element and collects links and ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.links: list[str] = []
        self.ids: list[str] = []
        self.doctype = False

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        for name in ("href", "src"):
            if values.get(name) is not None:
                self.links.append(str(values[name]))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> does not close {self.stack[-1:]} at {self.getpos()}")
            return
        self.stack.pop()


def parse_html(text: str) -> StrictHTML:
    parser = StrictHTML()
    parser.feed(text)
    parser.close()
    if parser.stack:
        parser.errors.append(f"unclosed {parser.stack}")
    if not parser.doctype:
        parser.errors.append("no <!DOCTYPE html>")
    duplicates = {i for i in parser.ids if parser.ids.count(i) > 1}
    if duplicates:
        parser.errors.append(f"duplicate ids {sorted(duplicates)}")
    return parser


def html_problems(site: Path) -> dict[str, list[str]]:
    """Every page's parse errors and broken internal links, by page path."""
    problems: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        parsed = parse_html(page.read_text(encoding="utf-8"))
        broken = [link for link in parsed.links if not _resolves(site, page, link)]
        found = parsed.errors + [f"broken link {link}" for link in broken]
        if found and page.name != "404.html":
            problems[page.relative_to(site).as_posix()] = found
    return problems


def _resolves(site: Path, page: Path, link: str) -> bool:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return parts.scheme in ("http", "https", "mailto")
    if not parts.path:
        return True
    target = (page.parent / unquote(parts.path)).resolve()
    return target.is_relative_to(site.resolve()) and target.is_file()


ATOM = "{http://www.w3.org/2005/Atom}"


def atom_entries(data: bytes) -> list[ElementTree.Element]:
    root = ElementTree.fromstring(data)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None, required
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None, required
    return entries


def ical_components(data: bytes) -> list[dict[str, str]]:
    """Parse iCalendar strictly enough for tests: CRLF, folding, BEGIN/END balance."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in physical)
    assert all(len(line.encode()) <= 75 for line in physical), "line longer than 75 octets"
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    stack: list[str] = []
    components: list[dict[str, str]] = []
    for line in lines:
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
            components.append({"TYPE": value})
        elif name == "END":
            assert stack and stack.pop() == value, f"END:{value} does not match"
        else:
            assert stack, f"{line!r} outside a component"
            current = next(c for c in reversed(components) if c["TYPE"] == stack[-1])
            current[name.split(";")[0]] = value
    assert not stack, f"unclosed {stack}"
    calendar = components[0]
    assert calendar["TYPE"] == "VCALENDAR"
    assert "VERSION" in calendar and "PRODID" in calendar
    events = [c for c in components if c["TYPE"] == "VEVENT"]
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY"} <= set(event), event
    return events
