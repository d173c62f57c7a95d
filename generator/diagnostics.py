"""Problems found in input, reported as `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file. `line` is 1-based; 0 when the whole file is meant."""

    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.ERROR]


class BriefingError(Exception):
    """A failure that stops a command; carries the diagnostics that explain it."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics


def decode_utf8(raw: bytes, path: str, what: str) -> str | Diagnostic:
    """`raw` as text, or the report naming the line of its first byte that is not UTF-8.

    `what` names the input in the message: "file", "config".
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return Diagnostic(
            path,
            line,
            f"{what} is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be decoded): "
            "save it as UTF-8",
        )
