"""Title, outlet, author and publication date of one article, from its units.

Only what the page states is taken: a date in a site banner ("Back issues",
today's date beside the logo) or in a photo caption is not a publication date,
and a photo agency is not the outlet. What cannot be told stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import PartialDate
from .clean import Role, Unit, strip_dateline
from .dates import Kind, find_dates

_BANNER = re.compile(
    r"back issues|today'?s paper|e-?edition|archive|subscribe|weather|"
    r"last (?:modified|updated)|^\W*updated\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:(?:Posted|Written|Words)\s+by|By|BY)\s+(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)"
)
_FOLLOW = re.compile(r"^follow\s+@(?P<handle>[A-Za-z][A-Za-z0-9_]+)", re.IGNORECASE)
_BIO = re.compile(
    r"^(?P<name>(?:[A-Z][\w.'’-]+\s+){1,3}?)(?:is|was)\s+(?:a|an|the)\s+[^.]{0,80}?"
    r"\b(?:writer|reporter|correspondent|editor|journalist|contributor|columnist|producer)"
    r"(?:\s+(?:at|for|with)\s+(?P<outlet>(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}))?"
)
_COPYRIGHT = re.compile(
    r"(?:©|copyright)\s*(?:\d{4}\s*)?(?P<outlet>(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4})",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"^(?:published|posted|first published|(?:first\s+)?aired|broadcast)\b", re.IGNORECASE
)
_PUBLISHED_ANYWHERE = re.compile(r"(?i)published|posted|aired|broadcast")
_OUTLET_WORDS = {"reporting", "editing", "by", "and"}
_LABEL = re.compile(
    r"^(?:for immediate release|(?:news|press|media) release|press statement|news provided by|"
    r"transcript|(?:(?:vol(?:ume)?\.?|issue|no\.|number|#)\s*\d+,?\s*)+|[\w-]+\s+edition)$",
    re.IGNORECASE,
)
"""A label that opens a release or names an issue: never an outlet's name."""
_RELEASE = re.compile(
    r"^(?:for immediate release|(?:news|press|media) release|news provided by)\b", re.IGNORECASE
)
_ISSUED_BY = re.compile(r"(?i)^(?:issued|released|distributed)\s+by:?\s+(?:the\s+)?")
_RELEASE_WORDS = re.compile(r"(?i)release|provided by")
_SELF_DESCRIPTION = re.compile(
    r"^(?i:(?:you\s+are|you're)\s+reading\s+|this\s+is\s+)?"
    r"(?P<outlet>(?:The\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,4}),?\s+(?:is\s+)?(?:a|an)\s+"
    r"(?:[\w'’-]+\s+){0,4}(?:newsletter|blog|bulletin|podcast|digest|briefing)\b"
)
"""A footer's 'Runway Notes is a weekly newsletter on aviation.' or 'You are reading Harbour
Weekly, a newsletter about ...': the outlet names itself."""
_TAGLINE = re.compile(r"(?i)\b(?:newsletter|letter|blog|bulletin|digest|briefing|magazine)\b")
_HEADLINE_LABEL = re.compile(
    r"^(?:TRANSCRIPT|WATCH|LISTEN|LIVE|VIDEO|BREAKING|EXCLUSIVE|UPDATE|UPDATED|EXPLAINER"
    r"|(?:Episode|Ep\.|Issue|No\.)\s*\d+):\s+(?=\S)"
)
_ROLE_WORDS = re.compile(
    r"\b(?:writer|editor|correspondent|reporter|desk|staff|columnist|contributor|producer|"
    r"chief|senior)\b",
    re.IGNORECASE,
)
"""Words of a job title after a byline's name ('Jack Thorne, Chief Football Writer')."""
_CONNECTORS = {"of", "the", "and", "for", "&", "on", "de"}


@dataclass(frozen=True)
class StatedMetadata:
    """What a page's markup states (meta tags, JSON-LD, <time>): taken before any guess.

    Values are as the page wrote them; `published` may be an ISO timestamp
    ('2025-03-03T09:12:00+01:00') or a written date.
    """

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Metadata:
    title: str | None
    outlet: str | None
    author: str | None
    published: PartialDate | None
    published_line: int | None
    published_readings: tuple[PartialDate, ...] = ()
    """Both readings of a stated date that reads either way ('aired 06/11/2025'), when
    `published` is None: the article's siblings may tell which is meant."""


def extract_metadata(units: list[Unit], stated: StatedMetadata | None = None) -> Metadata:
    """The article's metadata: what the markup states first, then what its text shows."""
    stated = stated or StatedMetadata()
    title_index = _title_index(units)
    title = units[title_index].text if title_index is not None else None
    published = _stated_date(stated.published)
    line = None
    readings: tuple[PartialDate, ...] = ()
    if published is None:
        published, line = _published(units, title_index)
    if published is None:
        readings = _stated_readings(units)
    outlet = stated.outlet or _outlet(units, title_index)
    author = _stated_name(stated.author) or _author(units, title_index)
    return Metadata(
        title=_HEADLINE_LABEL.sub("", stated.title or title or "") or None,
        outlet=outlet,
        author=None if author and outlet and _same_name(author, outlet) else author,
        published=published,
        published_line=line,
        published_readings=readings,
    )


def _same_name(author: str, outlet: str) -> bool:
    """A release 'provided by' its issuer names no writer ('Halcyon Home Devices' twice)."""
    return _strip_the(author).lower() == _strip_the(outlet).lower()


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])")


def _stated_date(text: str | None) -> PartialDate | None:
    """The calendar date a timestamp states ('2025-03-03T23:10:00Z' -> 2025-03-03, as written)."""
    if not text:
        return None
    iso = _ISO_DATE.match(text)
    if iso is None:
        return _full_date(text)
    try:
        return PartialDate(int(iso[1]), int(iso[2]), int(iso[3]))
    except ValueError:
        return None


def _stated_name(text: str | None) -> str | None:
    """A byline as marked up ('By Emily Carter, Transport correspondent') -> 'Emily Carter'."""
    if not text:
        return None
    byline = _BYLINE.match(text[:1].upper() + text[1:])
    if byline:
        return _first_name_list(byline["names"])
    return _first_name_list(text) if not _is_date_line(text) else None


_SEPARATOR = re.compile(r"\s[·|•—–]\s")
_BY_AFTER_DATE = re.compile(r"(?<=\d)\s+(?=by\s+[A-Z])")
"""A byline after a date is a part of its own ('posted 12.11.2025 by Dev Anand')."""


def _segments(text: str) -> list[str]:
    """'Brief · Saturday 26 October 2024 · by Ines Duarte' -> its three parts.

    'Brief — Posted on 31/10/2025 by Ines Duarte' has the same three parts.
    """
    parts = _SEPARATOR.split(text)
    if " by " in text:
        parts = [piece for part in parts for piece in _BY_AFTER_DATE.split(part)]
    return [part.strip() for part in parts if part.strip()]


def _outlet_part(part: str) -> bool:
    """A meta line's part that may name the outlet: a few words, no date, byline or label."""
    return (
        1 <= len(part.split()) <= 4
        and not _is_date_line(part)
        and not _BYLINE.match(part[:1].upper() + part[1:])
        and not _PUBLISHED.match(part)
        and not _LABEL.match(part)
    )


@lru_cache(maxsize=1 << 12)
def _meta_line(text: str) -> bool:
    """A line of separated parts, one of them a date: outlet, date and byline together."""
    parts = _segments(text)
    return len(parts) >= 2 and any(_is_date_line(p) for p in parts)


DATE_LINE_WORDS = 20
"""More words than this make prose, never a date line (its dates and at most four more)."""


@lru_cache(maxsize=1 << 12)
def _is_date_line(text: str) -> bool:
    if text.count(" ") >= DATE_LINE_WORDS:
        return False
    dates = [d.text for d in find_dates(text)] + [m[0] for m in _NUMERIC.finditer(text)]
    if not dates:
        return False
    rest = text
    for date in dates:
        rest = rest.replace(date, " ")
    rest = _CLOCK.sub(" ", rest)
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 4


def doubled_phrase(text: str) -> str | None:
    """'Courthouse News Service Courthouse News Service' -> 'Courthouse News Service' (a logo)."""
    words = text.split()
    half = len(words) // 2
    if len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return None


def _title_candidate(unit: Unit) -> bool:
    words = unit.text.split()
    if unit.role is not Role.HEADING or len(words) < 4 or unit.text.isupper():
        return False
    if _is_date_line(unit.text) or doubled_phrase(unit.text):
        return False
    return not re.search(r"\s[·|—–-]\s", unit.text)


def _standfirst(headline: Unit, line: Unit, gap: int) -> bool:
    """A line straight under the headline is its standfirst, not a title.

    It is as long as the headline, or the headline is long enough to be one on
    its own; an issuer's name ('Office of the Mayor') is no headline.
    """
    words = len(headline.text.split())
    long_enough = len(line.text.split()) >= words or words >= 10
    return gap == 1 and long_enough and not _proper_name(headline.text)


def _proper_name(text: str) -> bool:
    """'City of Port Aldridge', 'PINEHOLLOW COUNTY OFFICE OF EMERGENCY MANAGEMENT': a name only."""
    words = text.split()
    return 1 <= len(words) <= 8 and all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words)


def _question_headline(units: list[Unit], index: int) -> bool:
    """'Episode 212: Who pays for the Lumora breach?' above its date line: a headline that
    reads as a sentence because it asks."""
    words = units[index].text.split()
    if not units[index].text.endswith("?") or not 4 <= len(words) <= 15:
        return False
    if '"' in units[index].text or "“" in units[index].text:
        return False
    return any(_stated_line(u.text) or _is_date_line(u.text) for u in units[index + 1 : index + 3])


def _title_index(units: list[Unit]) -> int | None:
    """The last headline-like heading above the first paragraph (taglines come before it).

    A standfirst under the headline is not the title.
    """
    first_body = next((i for i, u in enumerate(units) if u.role is Role.BODY), len(units))
    if first_body < len(units) and _question_headline(units, first_body):
        return first_body
    above = [
        i for i in range(first_body) if _title_candidate(units[i]) and not _name_line(units, i)
    ]
    if len(above) >= 2 and _standfirst(units[above[-2]], units[above[-1]], above[-1] - above[-2]):
        return above[-2]
    if above:
        return above[-1]
    anywhere = [i for i, u in enumerate(units) if _title_candidate(u)]
    if anywhere:
        return anywhere[0]
    for index, unit in enumerate(units):
        if unit.role is Role.BODY and len(unit.text.split()) <= 25:
            return index
    return None


_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b[AaPp]\.?[Mm]\b\.?|\b(?:GMT|UTC|CET|CEST|BST|ET|EST|EDT|PHT|PT|CT)"
    r"(?:[+-]\d{1,2})?\b"
)
_US_ZONE = re.compile(r"\b(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT)\b")
_NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>(?:19|20)\d\d)\b")


def _full_date(text: str) -> PartialDate | None:
    """The first full date on a metadata line, numeric day-first forms included."""
    full = [d for d in find_dates(text) if d.kind is Kind.FULL]
    numeric = _NUMERIC.search(text)
    if numeric and (not full or numeric.start() < full[0].start):
        day, month = int(numeric["day"]), int(numeric["month"])
        month_first = month > 12 or bool(day <= 12 and _US_ZONE.search(text))
        # '12.11.2025': dots are a day-first form (an American date takes slashes)
        if month_first:
            day, month = month, day  # '08/13/2025', '6/4/2025 5:02 p.m. ET': American order
        if day > 12 or day == month or month_first or "." in numeric[0]:
            try:
                return PartialDate(int(numeric["year"]), month, day)
            except ValueError:
                return None
        return None
    if full and full[0].year and full[0].month and full[0].day:
        return PartialDate(full[0].year, full[0].month, full[0].day)
    return None


def _stated_line(text: str) -> bool:
    """A line, or a part of one, that opens with 'Published', 'Posted' or 'aired'."""
    if _PUBLISHED.match(text):
        return True
    return _PUBLISHED_ANYWHERE.search(text) is not None and any(
        _PUBLISHED.match(p) for p in _segments(text)
    )


def _stated_readings(units: list[Unit]) -> tuple[PartialDate, ...]:
    """'aired 06/11/2025' -> 6 November and 11 June 2025: a stated date that reads both ways."""
    for unit in units:
        if unit.role is Role.BODY or not _stated_line(unit.text):
            continue
        numeric = _NUMERIC.search(unit.text)
        if numeric:
            first, second, year = int(numeric["day"]), int(numeric["month"]), int(numeric["year"])
            if 1 <= first <= 12 and 1 <= second <= 12 and first != second:
                return PartialDate(year, second, first), PartialDate(year, first, second)
    return ()


def _published(units: list[Unit], title_index: int | None) -> tuple[PartialDate | None, int | None]:
    """A full date on a short line of its own (or after 'Published'), outside banners.

    A date line after the title wins over one above it: above the title sit
    site banners with today's date.
    """
    candidates: list[tuple[int, int, PartialDate]] = []
    for index, unit in enumerate(units):
        if unit.role in (Role.BODY, Role.CAPTION):
            continue
        stated = _stated_line(unit.text)
        dated = _is_date_line(unit.text) or _meta_line(unit.text)
        if not stated and (_BANNER.search(unit.text) or not dated):
            continue
        if not stated and title_index is not None and index > title_index + 8:
            continue
        when = _full_date(unit.text)
        if when is not None:
            before_title = title_index is not None and index < title_index
            rank = 0 if stated else 2 if before_title else 1
            candidates.append((rank, unit.line, when))
    if not candidates:
        return None, None
    _, line, when = min(candidates, key=lambda c: (c[0], c[1]))
    return when, line


def _outlet(units: list[Unit], title_index: int | None) -> str | None:
    top = units if title_index is None else units[: title_index + 1]
    for unit in top:
        logo = doubled_phrase(unit.text)
        if logo and unit.role is Role.HEADING:
            return logo
    issuer = _issuer(units[: (title_index or 0) + 4])
    if issuer:
        return issuer
    for unit in units[: (title_index or 0) + 3]:
        parts = _segments(unit.text)
        if _meta_line(unit.text) and _outlet_part(parts[0]):
            return _strip_the(parts[0])
    footer = next((u for u in units if _signed_meta_line(u.text)), None)
    if footer is not None:
        return _strip_the(next(p for p in _segments(footer.text) if _plain_name(p)))
    described = next((m for u in units if (m := _SELF_DESCRIPTION.match(u.text))), None)
    if described:
        return _strip_the(described["outlet"])
    for unit in top[:-1] if title_index is not None else []:
        name = _masthead(unit)
        if name:
            return _strip_the(name.title() if name.isupper() else name)
    for unit in units:
        bio = _BIO.match(unit.text)
        if bio and bio["outlet"]:
            return _strip_the(bio["outlet"])
        copyright_line = _COPYRIGHT.search(unit.text)
        if copyright_line and unit.role is Role.CHROME:
            name = _strip_the(copyright_line["outlet"])
            if name.split()[0].lower() not in _OUTLET_WORDS:
                return name
    for unit in units:
        if unit.role is Role.BODY:
            agency = strip_dateline(unit.text)[1]
            return agency if agency and len(agency) > 3 else None
    return None


def _masthead(unit: Unit) -> str | None:
    """A short heading above the title ('THE DAILY CLARION'), maybe with its tagline.

    'THE PITHEAD · a weekly letter on mine safety' -> 'THE PITHEAD'.
    """
    parts = _segments(unit.text)
    tagline = len(parts) == 2 and parts[1][:1].islower() and len(parts[1].split()) >= 3
    if unit.role is not Role.HEADING:
        # 'HARBOUR WEEKLY | the newsletter of the ports' reads as furniture; 'Sign up | ...' is
        furniture = not (tagline and _TAGLINE.search(parts[1]) and _proper_name(parts[0]))
        if furniture:
            return None
    name = parts[0] if tagline else unit.text
    return name if _outlet_part(name) else None


_PARTS = re.compile(r"\s[·|•—–-]\s")


def _issuer(top: list[Unit]) -> str | None:
    """Who issued a release: the name beside its 'FOR IMMEDIATE RELEASE' label.

    On the label's line ('European Commission - Press release'), else the
    nearest name-only heading after it, else just before it.
    """
    if not any(_RELEASE_WORDS.search(u.text) for u in top):
        return None
    label = next((i for i, u in enumerate(top) if _RELEASE.match(u.text)), None)
    if label is None:
        label = next((i for i, u in enumerate(top) if _labelled_release(u.text)), None)
        if label is None:
            return None
    own = [p for p in _PARTS.split(top[label].text) if not _RELEASE.match(p.strip())]
    near = [*top[label + 1 : label + 4], *reversed(top[max(0, label - 2) : label])]
    names = [p.strip() for p in own] + [
        _ISSUED_BY.sub("", u.text) for u in near if u.role is Role.HEADING
    ]
    found = next((n for n in names if _proper_name(n) and not _is_date_line(n)), None)
    if found is None:
        return None
    return _strip_the(found.title() if found.isupper() else found)


def _labelled_release(text: str) -> bool:
    """'European Commission - Press release': a name and a release label on one line."""
    return any(_RELEASE.match(p.strip()) for p in _PARTS.split(text)[1:])


def _signed_meta_line(text: str) -> bool:
    """'Published 2024-10-22 · Courtwatch · by Sara Lindqvist': date, outlet and byline."""
    parts = _segments(text)
    stated = any(_PUBLISHED.match(p) or _BYLINE.match(p[:1].upper() + p[1:]) for p in parts)
    return _meta_line(text) and stated and any(_plain_name(p) for p in parts)


def _plain_name(part: str) -> bool:
    """A segment that can only be a name: a few capitalised words, no date, byline or label."""
    words = part.split()
    return (
        1 <= len(words) <= 4
        and words[0][:1].isupper()
        and ":" not in part
        and not _is_date_line(part)
        and not _PUBLISHED.match(part)
        and not _BYLINE.match(part[:1].upper() + part[1:])
        and not _BANNER.search(part)
        and not _LABEL.match(part)
    )


def _strip_the(name: str) -> str:
    name = name.strip().rstrip(".")
    return name[4:] if name.lower().startswith("the ") else name


_NAME_LINE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}?)"
    r"(?:\s*(?:,|·|\bin\b)\s*[\w ,]{0,40}"
    r"|\s+(?:[A-Z][a-z]+\s+)?(?:editor|correspondent|reporter))?$"
)
"""'Daniel Reyes in Valdor City', 'Tomas Eriksen Economics editor': a writer's line."""


def _author(units: list[Unit], title_index: int | None) -> str | None:
    byline = _stated_author(units)
    if byline or title_index is None:
        return byline
    for index in range(title_index + 1, min(title_index + 6, len(units))):
        name = _name_line(units, index)
        if name:
            return name
    return None


def _name_line(units: list[Unit], index: int) -> str | None:
    """The writer's name on a line of its own ('Daniel Reyes in Valdor City') beside a date line."""
    unit = units[index]
    match = _NAME_LINE.match(unit.text)
    if unit.role is not Role.HEADING or not match or _is_date_line(unit.text):
        return None
    neighbours = units[max(0, index - 1) : index + 2]
    if any(_is_date_line(n.text) or _PUBLISHED.match(n.text) for n in neighbours):
        return match["name"]
    return None


def _stated_author(units: list[Unit]) -> str | None:
    for unit in units:
        if _meta_line(unit.text):
            parts = _segments(unit.text)
            for part in parts:
                byline = _BYLINE.match(part[:1].upper() + part[1:])
                if byline:
                    return _first_name_list(byline["names"])
            if _signed_after_date(parts):
                return parts[-1]
        if unit.role is Role.BODY:
            continue
        byline = _BYLINE.match(unit.text[:1].upper() + unit.text[1:])
        if byline:
            return _first_name_list(byline["names"])
        follow = _FOLLOW.match(unit.text)
        if follow:
            return _split_handle(follow["handle"])
        bio = _BIO.match(unit.text)
        if bio:
            return bio["name"].strip()
    return None


def _signed_after_date(parts: list[str]) -> bool:
    """'Issue 88 · 9 July 2025 · Sam Hollis': a bare name closing an issue line, after its date."""
    words = parts[-1].split()
    return (
        len(parts) >= 3
        and _LABEL.match(parts[0]) is not None
        and _is_date_line(parts[-2])
        and 2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() for w in words)
    )


def _first_name_list(names: str) -> str:
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", names)
    people = [
        p
        for p in parts
        if len(p.split()) >= 2
        and all(w[:1].isupper() for w in p.split())
        and not _ROLE_WORDS.search(p)
    ]
    return ", ".join(people) if people else names.strip()


def _split_handle(handle: str) -> str | None:
    """'KelseyReichmann' -> 'Kelsey Reichmann'; a handle that is not a name gives None."""
    words = re.findall(r"[A-Z][a-z]+", handle)
    if len(words) >= 2 and "".join(words) == handle:
        return " ".join(words)
    return None
