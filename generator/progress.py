"""Progress on long work: a live counter on a terminal, silence otherwise."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    """Counts work done under a label; draws only when `stream` is a terminal."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty() and total > 0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.live and (self.done == self.total or self.done % 50 == 0):
            self.stream.write(f"\r{self.label} {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\r\033[K")
            self.stream.flush()
