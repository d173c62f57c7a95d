"""seeds/ -> SeedText: the raw articles, read by a reader chosen by file suffix.

Plain text and Markdown are read as they are; a saved web page (.html, .htm,
or a single-file .mhtml/.mht archive) through `read_html`, which also returns
what its markup states (headline, author, date, site). Another format plugs in
as one more entry in READERS: a function from bytes to text and stated
metadata. Bad input is reported as a Diagnostic and skipped; the rest is read.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

from .diagnostics import Diagnostic
from .extract import SeedText
from .extract.metadata import StatedMetadata
from .read_html import PageError, archived_page, decode_page, page_encoding, read_page

MAX_SEED_BYTES = 10 * 1024 * 1024


class ReadError(Exception):
    """A seed that cannot be read as an article; the message says why and what to do."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "UTF-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "UTF-16", "utf-16"),
    (codecs.BOM_UTF8, "UTF-8", "utf-8-sig"),
)
"""(mark, name, codec): UTF-32 first, as its little-endian mark starts like UTF-16's."""


def read_plain(data: bytes) -> str:
    name, codec = _encoding(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"not {name} text (byte 0x{data[exc.start]:02x} at offset {exc.start}): "
            "re-save the file as UTF-8",
            line=_line_of(data, exc.start, codec),
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _encoding(data: bytes) -> tuple[str, str]:
    """(name, codec): from the byte-order mark; UTF-8 without one, unless it looks binary."""
    for mark, name, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return name, codec
    if b"\x00" in data[:8192]:
        raise ReadError("binary file, not a text article: remove it from seeds/")
    return "UTF-8", "utf-8"


def _line_of(data: bytes, offset: int, codec: str) -> int:
    """1-based line of the byte at `offset`, counting the line breaks decoded before it."""
    return data[:offset].decode(codec, "replace").count("\n") + 1


Reader = Callable[[bytes], tuple[str, StatedMetadata | None]]


def read_text_seed(data: bytes) -> tuple[str, StatedMetadata | None]:
    return read_plain(data), None


def read_web_page(data: bytes, charset: str | None = None) -> tuple[str, StatedMetadata | None]:
    """A saved page: in the encoding of its byte-order mark, else `charset` (an archive's),
    else its <meta charset>."""
    _, codec = _encoding(data)
    if not any(data.startswith(mark) for mark, _, _ in BYTE_ORDER_MARKS):
        codec = page_encoding(data, charset)
    try:
        page = read_page(decode_page(data, codec))
    except PageError as exc:
        line = 1 if exc.offset is None else _line_of(data, exc.offset, codec)
        raise ReadError(str(exc), line=line) from None
    return page.text, page.stated


def read_web_archive(data: bytes) -> tuple[str, StatedMetadata | None]:
    """A page saved as a single file (.mhtml, .mht): the HTML document it holds."""
    try:
        page, charset = archived_page(data)
    except PageError as exc:
        raise ReadError(str(exc)) from None
    return read_web_page(page, charset)


READERS: dict[str, Reader] = {
    ".txt": read_text_seed,
    ".md": read_text_seed,
    "": read_text_seed,
    ".html": read_web_page,
    ".htm": read_web_page,
    ".mhtml": read_web_archive,
    ".mht": read_web_archive,
}


def seed_files(seeds: Path) -> list[Path]:
    """The files in seeds/ (not hidden ones), sorted by name."""
    if not seeds.is_dir():
        return []
    return sorted(p for p in seeds.rglob("*") if p.is_file() and not p.name.startswith("."))


def read_seed(path: Path, root: Path) -> SeedText:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(s for s in READERS if s))
        raise ReadError(f"unsupported file type {path.suffix!r}: seeds are {known} files")
    size = path.stat().st_size
    if size > MAX_SEED_BYTES:
        raise ReadError(
            f"file is {size // (1024 * 1024)} MB, over the {MAX_SEED_BYTES // (1024 * 1024)} MB "
            "limit for one article: split it or trim it"
        )
    if size == 0:
        raise ReadError("empty file: nothing to ingest")
    text, stated = reader(path.read_bytes())
    if not text.strip():
        raise ReadError("empty file: nothing to ingest")
    return SeedText(relative_path(path, root), text, stated)


def relative_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_or_report(path: Path, root: Path) -> SeedText | Diagnostic:
    """The article at `path`, or the reason it cannot be read."""
    try:
        return read_seed(path, root)
    except ReadError as exc:
        return Diagnostic(relative_path(path, root), exc.line, str(exc))
    except OSError as exc:
        return Diagnostic(relative_path(path, root), 1, f"cannot read: {exc.strerror}")


def read_seeds(paths: list[Path], root: Path) -> tuple[list[SeedText], list[Diagnostic]]:
    results = [read_or_report(path, root) for path in paths]
    seeds = [r for r in results if isinstance(r, SeedText)]
    return seeds, [r for r in results if isinstance(r, Diagnostic)]
