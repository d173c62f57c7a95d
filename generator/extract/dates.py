"""Date expressions in article text, and their resolution against an anchor date.

`find_dates` is pure text analysis: it reports each expression with what it
fixes (year, month, day, weekday, an offset) and leaves the year or day open
when the text does. `resolve` turns one expression into a PartialDate given the
article's anchor (its publication date, or what its siblings establish) and the
tense of the sentence ("will speak Thursday" is the coming Thursday).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from ..model import PartialDate

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_NOT_TIME = r"(?!\s*(?:GMT|UTC|BST|CET|ET|EST|EDT|PT|PST|hours?|hrs|h\b))"


class Kind(StrEnum):
    FULL = "full"
    MONTH_YEAR = "month-year"
    YEAR = "year"
    MONTH_DAY = "month-day"
    MONTH = "month"
    WEEKDAY = "weekday"
    DAY_OFFSET = "day-offset"
    MONTH_OFFSET = "month-offset"
    YEAR_OFFSET = "year-offset"
    AFTER_PREVIOUS = "after-previous"


class Tense(StrEnum):
    PAST = "past"
    FUTURE = "future"


@dataclass(frozen=True)
class DateExpr:
    """One date expression found in a text, as written and as far as it is fixed."""

    start: int
    end: int
    text: str
    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset: int = 0
    """Days (DAY_OFFSET, AFTER_PREVIOUS), months (MONTH_OFFSET) or years (YEAR_OFFSET)."""

    @property
    def is_vague(self) -> bool:
        """'this month', 'this week': true of the anchor, weaker than any precise date."""
        return self.kind in (Kind.MONTH_OFFSET, Kind.YEAR_OFFSET) and self.offset == 0


@dataclass(frozen=True)
class Resolved:
    date: PartialDate
    note: str


def _full(m: re.Match[str]) -> tuple[Kind, dict[str, int]]:
    return Kind.FULL, {
        "year": int(m["year"]),
        "month": MONTHS[m["month"].lower().rstrip(".")],
        "day": int(m["day"]),
    }


def _iso(m: re.Match[str]) -> tuple[Kind, dict[str, int]]:
    return Kind.FULL, {"year": int(m["year"]), "month": int(m["mon"]), "day": int(m["day"])}


def _month_year(m: re.Match[str]) -> tuple[Kind, dict[str, int]]:
    return Kind.MONTH_YEAR, {"year": int(m["year"]), "month": MONTHS[m["month"].lower()]}


def _month_day(m: re.Match[str]) -> tuple[Kind, dict[str, int]]:
    return Kind.MONTH_DAY, {"month": MONTHS[m["month"].lower()], "day": int(m["day"])}


def _numeric_day(m: re.Match[str]) -> tuple[Kind, dict[str, int]]:
    """'on 26/02': day first, or month first when only that reading is a date ('on 08/13').

    A pair that reads both ways ('on 06/11') is left unread (month 0 is no month).
    """
    first, second = int(m["first"]), int(m["second"])
    if first > 12 >= second:
        return Kind.MONTH_DAY, {"day": first, "month": second}
    if second > 12 >= first:
        return Kind.MONTH_DAY, {"day": second, "month": first}
    return Kind.MONTH_DAY, {"day": first, "month": 0 if first != second else second}


def _month(m: re.Match[str]) -> tuple[Kind, dict[str, int]]:
    return Kind.MONTH, {"month": MONTHS[m["month"].lower()]}


def _year(m: re.Match[str]) -> tuple[Kind, dict[str, int]]:
    return Kind.YEAR, {"year": int(m["year"])}


def _weekday(m: re.Match[str]) -> tuple[Kind, dict[str, int]]:
    """'Friday'; 'last Friday' and 'next Friday' (offset -1 / 1) are never the day itself."""
    which = (m["which"] or "").lower()
    offset = -1 if which == "last" else 1 if which == "next" else 0
    return Kind.WEEKDAY, {"day": WEEKDAYS[m["weekday"].lower()], "offset": offset}


_DAY_WORDS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}


def _day_word(m: re.Match[str]) -> tuple[Kind, dict[str, int]]:
    return Kind.DAY_OFFSET, {"offset": _DAY_WORDS[m["word"].lower()]}


def _part_of_day(m: re.Match[str]) -> tuple[Kind, dict[str, int]]:
    """'this afternoon', 'earlier this morning': the day of writing; 'last night': before."""
    return Kind.DAY_OFFSET, {"offset": -1 if m[0].lower().startswith("last") else 0}


_WHICH = {"this": 0, "last": -1, "past": -1, "next": 1, "the": 0, "coming": 1}


def _period(m: re.Match[str]) -> tuple[Kind, dict[str, int]]:
    offset = _WHICH[m["which"].lower()]
    unit = m["unit"].lower()
    if unit == "year":
        return Kind.YEAR_OFFSET, {"offset": offset}
    if unit in ("week", "weekend"):
        return Kind.DAY_OFFSET, {"offset": 7 * offset}
    return Kind.MONTH_OFFSET, {"offset": offset}


_DIGITS = re.compile(r"\d")
_MONTH_STARTS = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
"""Every month name, full or short, starts so: `_MONTH` needs one."""
_DAY_NAME = re.compile("day")
_RULES = [
    (re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"), _iso, _DIGITS),
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"), _full, _MONTH_STARTS),
    (re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"), _full, _MONTH_STARTS),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![,:]?\s*\d)(?!\.\d)"), _month_day, _MONTH_STARTS),
    (re.compile(rf"\b{_DAY}\s+{_MONTH}(?![\w])"), _month_day, _MONTH_STARTS),
    (re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"), _month_year, _MONTH_STARTS),
    (
        re.compile(
            r"\b(?:[Oo]n|[Ss]ince|[Uu]ntil|[Ff]rom)\s+(?P<first>[0-3]?\d)/(?P<second>[0-3]\d)\b"
            r"(?![/.]?\d)"
        ),
        _numeric_day,
        re.compile("/"),
    ),
    (
        re.compile(
            r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id|[Ll]ast|"
            r"[Nn]ext|[Tt]his|of)(?:\s+|-)"
            r"(?:early\s+|late\s+|mid-?)?(?P<month>January|February|March|April|May|June|July|"
            r"August|September|October|November|December)\b(?!\s+\d)"
        ),
        _month,
        _MONTH_STARTS,
    ),
    (re.compile(rf"(?<![\d,.$£€/-])\b{_YEAR}\b(?![\d,%/]|-\d|\.\d){_NOT_TIME}"), _year, _DIGITS),
    (
        re.compile(
            r"\b(?:(?P<which>[Ll]ast|[Nn]ext)\s+)?"
            r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b"
        ),
        _weekday,
        _DAY_NAME,
    ),
    (
        re.compile(r"\b(?P<word>[Tt]oday|[Tt]onight|[Tt]omorrow|[Yy]esterday)\b"),
        _day_word,
        re.compile("oday|onight|omorrow|esterday"),
    ),
    (
        re.compile(
            r"\b(?:(?:[Ee]arlier|[Ll]ater)\s+)?[Tt]his\s+(?:morning|afternoon|evening)\b"
            r"|\b[Ll]ast\s+night\b"
        ),
        _part_of_day,
        re.compile("morning|afternoon|evening|night"),
    ),
    (
        re.compile(
            r"\b(?:(?:[Ee]arlier|[Ll]ater)\s+(?:in\s+)?)?"
            r"(?P<which>[Tt]his|[Ll]ast|[Pp]ast|[Nn]ext|[Cc]oming|[Tt]he)\s+"
            r"(?P<unit>month|week|weekend|year)\b(?!'s|’s|\s+(?:of|before|after))"
        ),
        _period,
        re.compile("month|week|year"),
    ),
    (
        re.compile(r"\b(?:the\s+)?(?:following|next|previous)\s+day\b|\bthe\s+day\s+before\b"),
        lambda m: _following_words(m[0]),
        _DAY_NAME,
    ),
]
"""(pattern, reading, needed): a pattern can only match text where `needed` is found,
so most patterns are skipped on most sentences without being run."""


def _following_words(text: str) -> tuple[Kind, dict[str, int]]:
    before = "before" in text.lower() or "previous" in text.lower()
    return Kind.AFTER_PREVIOUS, {"offset": -1 if before else 1}


def find_dates(text: str) -> list[DateExpr]:
    """Every date expression in `text`, left to right, none overlapping another."""
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    present: dict[re.Pattern[str], bool] = {}
    for pattern, build, needed in _RULES:
        if needed not in present:
            present[needed] = needed.search(text) is not None
        if not present[needed]:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if match.groupdict().get("month") == "May" and not _may_is_month(match):
                continue
            kind, values = build(match)
            if not _valid(kind, values):
                continue
            taken.append((start, end))
            found.append(DateExpr(start, end, match[0], kind, **values))
    return _with_year_offsets(text, sorted(found, key=lambda d: d.start))


_BETWEEN_DAY_AND_YEAR = re.compile(r"[\s,]*")


def _with_year_offsets(text: str, found: list[DateExpr]) -> list[DateExpr]:
    """'Nov. 3 last year', 'in March next year': the day or month, in the year said."""
    out: list[DateExpr] = []
    for expr in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind in (Kind.MONTH_DAY, Kind.MONTH)
            and expr.kind is Kind.YEAR_OFFSET
            and expr.offset != 0
            and _BETWEEN_DAY_AND_YEAR.fullmatch(text, last.end, expr.start)
        ):
            out[-1] = replace(
                last, end=expr.end, text=text[last.start : expr.end], offset=expr.offset
            )
            continue
        out.append(expr)
    return out


def _may_is_month(match: re.Match[str]) -> bool:
    return match[0][0].isupper() or match[0][0].isdigit()


def _valid(kind: Kind, values: dict[str, int]) -> bool:
    if kind not in (Kind.FULL, Kind.MONTH_DAY):
        return True
    year = values.get("year", 2000)
    return (
        1 <= values["month"] <= 12
        and 1 <= values["day"] <= calendar.monthrange(year, values["month"])[1]
    )


_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|set to|scheduled|slated|expected|plans? to|planning to|"
    r"due to|to be held|to hold|to meet|to speak|upcoming|ahead of|going to|is to|are to|"
    r"next|coming|would take place|until)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|spoke|held|met|told|took|made|began|came|went|announced|"
    r"\w+ed)\b",
    re.IGNORECASE,
)
_PRESENT = re.compile(r"\b(?:is|are)\b", re.IGNORECASE)


def tense_of(text: str) -> Tense:
    """The tense a clause speaks in, as far as its auxiliaries and verbs tell."""
    if _FUTURE.search(text):
        return Tense.FUTURE
    if _PAST.search(text):
        return Tense.PAST
    return Tense.FUTURE if _PRESENT.search(text) else Tense.PAST


WRONG_SIDE_DAYS = 180
"""What a month on the wrong side of the anchor for the tense costs, in days of distance:
'on bail since January' in a September article is this January, not next."""


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _nearest_year(month: int, day: int | None, anchor: dt.date, tense: Tense) -> int:
    """The year that puts month/day nearest the anchor, leaning with the tense."""

    def distance(year: int) -> int:
        last = calendar.monthrange(year, month)[1]
        when = dt.date(year, month, min(day or 15, last))
        days = (when - anchor).days
        wrong_side = (days < -31 and tense is Tense.FUTURE) or (days > 31 and tense is Tense.PAST)
        return abs(days) + (WRONG_SIDE_DAYS if wrong_side else 0)

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=distance)


def resolve(
    expr: DateExpr,
    anchor: dt.date | None,
    tense: Tense,
    previous: PartialDate | None = None,
) -> Resolved | None:
    """The date `expr` names, or None when it needs an anchor (or a previous date) it lacks."""
    if expr.kind is Kind.FULL:
        assert expr.year and expr.month and expr.day
        return Resolved(PartialDate(expr.year, expr.month, expr.day), f"'{expr.text}'")
    if expr.kind is Kind.MONTH_YEAR:
        assert expr.year and expr.month
        return Resolved(PartialDate(expr.year, expr.month), f"'{expr.text}'")
    if expr.kind is Kind.YEAR:
        assert expr.year
        return Resolved(PartialDate(expr.year), f"'{expr.text}'")
    if expr.kind is Kind.AFTER_PREVIOUS:
        if previous is None or previous.day is None or previous.month is None:
            return None
        when = dt.date(previous.year, previous.month, previous.day)
        when += dt.timedelta(days=expr.offset)
        return Resolved(_day(when), f"'{expr.text}' after {previous}")
    if anchor is None:
        return None
    try:
        return _relative(expr, anchor, tense)
    except ValueError:
        return None  # 'Feb. 29' in a year without one


def _day(when: dt.date) -> PartialDate:
    return PartialDate(when.year, when.month, when.day)


def _relative(expr: DateExpr, anchor: dt.date, tense: Tense) -> Resolved:
    of = f"in an article of {anchor.isoformat()}"
    if expr.kind is Kind.MONTH_DAY:
        assert expr.month and expr.day
        year = anchor.year + expr.offset if expr.offset else None
        year = year or _nearest_year(expr.month, expr.day, anchor, tense)
        return Resolved(PartialDate(year, expr.month, expr.day), f"'{expr.text}' {of}")
    if expr.kind is Kind.MONTH:
        assert expr.month
        year = anchor.year + expr.offset if expr.offset else None
        year = year or _nearest_year(expr.month, None, anchor, tense)
        return Resolved(PartialDate(year, expr.month), f"'{expr.text}' {of}")
    if expr.kind is Kind.WEEKDAY:
        ahead = (expr.day or 0) - anchor.weekday()
        future = expr.offset > 0 or (tense is Tense.FUTURE and expr.offset == 0)
        shift = ahead % 7 if future else -((-ahead) % 7)
        if shift == 0 and expr.offset:
            shift = 7 * expr.offset  # 'last Friday' written on a Friday: a week before
        return Resolved(_day(anchor + dt.timedelta(days=shift)), f"'{expr.text}' ({tense}) {of}")
    if expr.kind is Kind.DAY_OFFSET:
        when = anchor + dt.timedelta(days=expr.offset)
        if "week" in expr.text.lower():
            return Resolved(PartialDate(when.year, when.month), f"'{expr.text}' {of}")
        return Resolved(_day(when), f"'{expr.text}' {of}")
    if expr.kind is Kind.MONTH_OFFSET:
        year, month = _add_months(anchor.year, anchor.month, expr.offset)
        return Resolved(PartialDate(year, month), f"'{expr.text}' {of}")
    return Resolved(PartialDate(anchor.year + expr.offset), f"'{expr.text}' {of}")


_TIME = re.compile(
    r"\b(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<half>[ap])\.?\s?m\b\.?"
    r"(?:\s*\(?(?P<zone>ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST)\b)?"
    r"|\b(?P<hour24>[012]\d)[:.](?P<minute24>[0-5]\d)\s*(?P<zone24>GMT|UTC|BST|CET|CEST)\b"
)
ZONES = {
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CT": "America/Chicago",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "GMT": "UTC",
    "UTC": "UTC",
    "BST": "Europe/London",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
}


@dataclass(frozen=True)
class ClockTime:
    time: str
    """'HH:MM', 24-hour."""
    timezone: str | None


def find_time(text: str) -> ClockTime | None:
    """The first clock time in `text` ('3:30 p.m. ET' -> 15:30 America/New_York)."""
    match = _TIME.search(text)
    if match is None:
        return None
    if match["hour24"]:
        hour, minute, zone = int(match["hour24"]), int(match["minute24"]), match["zone24"]
    else:
        hour = int(match["hour"]) % 12 + (12 if match["half"].lower() == "p" else 0)
        minute, zone = int(match["minute"] or 0), match["zone"]
    if hour > 23:
        return None
    return ClockTime(f"{hour:02d}:{minute:02d}", ZONES.get(zone) if zone else None)
