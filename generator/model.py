"""The content model at the centre of briefing: events, actors, sources, quotes.

Everything here is a frozen value with no I/O. Items refer to one another by id
(an event lists actor ids and source ids); `validate` resolves them once.
Unknown front-matter keys travel in `extra` so templates still see them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Kind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"


class Status(StrEnum):
    OCCURRED = "occurred"
    SCHEDULED = "scheduled"


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day.

    Ordering puts a less precise date before the more precise dates inside it
    (2021 < 2021-12 < 2021-12-01), so timelines sort stably.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not between 1 and 12")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} is not in {self.year}-{self.month:02d}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; raise ValueError otherwise."""
        match = _DATE_PATTERN.match(text.strip())
        if not match:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return cls(year, month, day)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """(year, month, day) with unknown parts as 0, so less precise dates sort first."""
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: PartialDate) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: PartialDate) -> bool:
        return self.sort_key >= other.sort_key

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def contains(self, other: PartialDate) -> bool:
        """True when `other` falls inside this date (2021-12 contains 2021-12-30)."""
        return (
            self.year == other.year
            and (self.month is None or self.month == other.month)
            and (self.day is None or self.day == other.day)
        )

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None = None
    """An actor id, or free text for an unnamed speaker ("a senior official")."""
    source: str | None = None


@dataclass(frozen=True)
class Reading:
    """One source's version of a disputed value."""

    value: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    date: PartialDate
    status: Status = Status.OCCURRED
    time: str | None = None
    timezone: str | None = None
    summary: str | None = None
    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    date_note: str | None = None
    """How ingest derived the date ("'Thursday' in an article of 2021-12-29")."""
    disputed: Mapping[str, tuple[Reading, ...]] = field(default_factory=dict)
    """Field name -> the differing readings, when sources disagree."""
    body: str = ""
    extra: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    body: str = ""
    extra: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    outlet: str | None = None
    author: str | None = None
    published: PartialDate | None = None
    published_inferred: bool = False
    url: str | None = None
    seed: str | None = None
    body: str = ""
    extra: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Briefing:
    """A whole briefing: every item by id, each mapping sorted by id."""

    events: Mapping[str, Event] = field(default_factory=dict)
    actors: Mapping[str, Actor] = field(default_factory=dict)
    sources: Mapping[str, Source] = field(default_factory=dict)
