"""The site map: a pure function from (config, briefing) to every page of the site.

Each Page names its output path, its template and an explicit, typed context
(frozen dataclasses below; templates see nothing else, and StrictUndefined
turns a typo into an error with the template's line). Which pages a change
of some items touches is worked out from the index (`affected_paths`).

Links inside the site are relative: every href in a context is relative to
the site root ("events/x/index.html"); templates prefix it with the page's
`root` ("../../"), so the site works at a domain root, under a sub-path and
from disk.
"""

from __future__ import annotations

import bisect
import calendar
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set, Sized
from dataclasses import dataclass
from itertools import groupby, islice
from typing import Any, Protocol, TypeVar

from ..config import Config
from ..model import Actor, Briefing, Event, Kind, PartialDate, Quote, Source, Status
from .feeds import AtomFeed, Calendar, CalendarEvent, FeedEntry, Sitemap
from .markdown import PreparedBody, RenderedBody, citations, render_markdown, resolve

TIMELINE_SPLIT = 500
"""Above this many events, /timeline/ becomes an index of years, one page per year."""
SOURCES_SPLIT = 500
"""Above this many sources, /sources/ becomes an index of publication years, one page per year
(at sources/by-year/<year>/, which no source id can take: ids have no slash)."""
MONTH_SPLIT = 500
"""Above this many events (or sources), a timeline year (or publication year) page becomes an
index of months, one page per month (at <year>/<MM>/), listing only the items of unknown month."""
UNDATED = "undated"
LATEST_COUNT = 10
KEY_ACTOR_COUNT = 8
FEED_COUNT = 50
NOT_FOUND = "404.html"

MONTHS = tuple(calendar.month_name)[1:]
KIND_LABELS = {Kind.PERSON: "People", Kind.ORGANIZATION: "Organizations", Kind.PLACE: "Places"}


def date_label(value: PartialDate) -> str:
    """ "2021", "December 2021" or "30 December 2021": only the precision the date has."""
    if value.month is None:
        return str(value.year)
    month = f"{MONTHS[value.month - 1]} {value.year}"
    return month if value.day is None else f"{value.day} {month}"


def event_order(event: Event) -> tuple[tuple[int, int, int], str, str]:
    return (event.date.sort_key, event.time or "", event.id)


def event_href(event_id: str) -> str:
    return f"events/{event_id}/index.html"


def actor_href(actor_id: str) -> str:
    return f"actors/{actor_id}/index.html"


def source_href(source_id: str) -> str:
    return f"sources/{source_id}/index.html"


def timeline_href(year: int | None = None) -> str:
    return "timeline/index.html" if year is None else f"timeline/{year}/index.html"


def bibliography_href(year: int | None) -> str:
    """The page of the sources published in `year` (None: the undated ones)."""
    return f"sources/by-year/{UNDATED if year is None else year}/index.html"


def month_href(year_href: str, month: int) -> str:
    """The page of a month of a split year, inside the year's folder ("2021/03/index.html")."""
    return year_href.replace("index.html", f"{month:02d}/index.html")


# View values: what templates see.

_V = TypeVar("_V")
_T = TypeVar("_T")
_L = TypeVar("_L")
_HASH = "_hash"


def hashed_once(cls: type[_V]) -> type[_V]:
    """A frozen dataclass whose values keep their hash once computed.

    The theme's `memo` keys macro outputs by these values, and a list page hashes thousands
    of them on each render (a tuple's hash is its items' hashes, made again every time). The
    kept hash stays out of pickles: string hashes differ between processes.
    """
    plain = cls.__hash__

    def hash_once(self: Any) -> int:
        found: int | None = self.__dict__.get(_HASH)
        if found is None:
            found = self.__dict__[_HASH] = plain(self)
        return found

    def state_without_hash(self: Any) -> dict[str, object]:
        return {key: value for key, value in self.__dict__.items() if key != _HASH}

    for name, method in (("__hash__", hash_once), ("__getstate__", state_without_hash)):
        setattr(cls, name, method)
    return cls


@dataclass(frozen=True)
class SiteInfo:
    title: str
    summary: str
    language: str
    base_url: str
    timezone: str
    """Default timezone of event times."""
    extra: Mapping[str, object]


@hashed_once
@dataclass(frozen=True)
class ActorLink:
    id: str
    name: str
    kind: str
    href: str


@hashed_once
@dataclass(frozen=True)
class SourceLink:
    id: str
    title: str
    outlet: str | None
    published: str | None
    """Date label ("29 December 2021"), None when unknown."""
    published_inferred: bool
    href: str
    year: int | None
    """Year of publication, None when unknown."""
    month: int | None = None
    """Month of publication, None when unknown."""


@hashed_once
@dataclass(frozen=True)
class EventItem:
    """An event as it appears in lists and at the top of its own page."""

    id: str
    title: str
    href: str
    date: str
    """Date label with the precision the content gives."""
    iso_date: str
    """"2021", "2021-12" or "2021-12-30", for <time datetime>."""
    year: int
    status: str
    scheduled: bool
    time: str | None
    timezone: str | None
    summary: str | None
    actors: tuple[ActorLink, ...]
    source_count: int


@dataclass(frozen=True)
class QuoteItem:
    text: str
    speaker: ActorLink | None
    speaker_text: str | None
    """The speaker as written when it is not an actor id ("a senior official")."""
    source: SourceLink | None
    event: EventItem


@dataclass(frozen=True)
class CitedSource:
    number: int
    source: SourceLink


@dataclass(frozen=True)
class ReadingItem:
    value: str
    sources: tuple[SourceLink, ...]


@dataclass(frozen=True)
class Dispute:
    field: str
    readings: tuple[ReadingItem, ...]


@dataclass(frozen=True)
class ActorCount:
    actor: ActorLink
    count: int


@dataclass(frozen=True)
class KindGroup:
    kind: str
    label: str
    actors: tuple[ActorCount, ...]


@dataclass(frozen=True)
class MonthGroup:
    label: str
    """"December 2021", or "2021, month unknown" for year-precision events."""
    events: tuple[EventItem, ...]


@dataclass(frozen=True)
class YearGroup:
    year: int
    months: tuple[MonthGroup, ...]


@dataclass(frozen=True)
class YearLink:
    year: int
    href: str
    count: int

    @property
    def label(self) -> str:
        return str(self.year)


@dataclass(frozen=True)
class MonthLink:
    """A month page of a split year (timeline or bibliography)."""

    year: int
    month: int
    label: str
    """"March 2021"."""
    href: str
    count: int
    year_href: str
    """The href of its year's page."""


@dataclass(frozen=True)
class SourceYearLink:
    year: int | None
    """None for the undated sources."""
    label: str
    href: str
    count: int


# Page contexts: one type per template.


@dataclass(frozen=True)
class HomeContext:
    upcoming: tuple[EventItem, ...]
    latest: tuple[EventItem, ...]
    key_actors: tuple[ActorCount, ...]
    first_date: str | None
    last_date: str | None
    event_count: int
    actor_count: int
    source_count: int


@dataclass(frozen=True)
class TimelineContext:
    groups: tuple[YearGroup, ...]
    """The events this page lists; empty on the index of a split timeline."""
    years: tuple[YearLink, ...]
    """Every year, for navigation (the split timeline's pages)."""
    latest: tuple[EventItem, ...]
    """On the index of a split timeline: the latest events."""
    year: int | None
    """The year of a year page; None on /timeline/."""
    split: bool
    previous: YearLink | MonthLink | None = None
    next: YearLink | MonthLink | None = None
    """On a year page: the neighbouring years; on a month page, the neighbouring month pages
    (or year pages, for years without month pages: see `_month_pagers`)."""
    months: tuple[MonthLink, ...] = ()
    """On a split year page and its month pages: the year's month pages."""
    month: MonthLink | None = None
    """The month of a month page."""


@dataclass(frozen=True)
class EventContext:
    event: EventItem
    body_html: str
    references: tuple[CitedSource, ...]
    """Cited sources first (numbers match the body's citations), then the other listed ones."""
    quotes: tuple[QuoteItem, ...]
    date_note: str | None
    disputed: tuple[Dispute, ...]
    previous: EventItem | None
    next: EventItem | None
    extra: Mapping[str, object]


@dataclass(frozen=True)
class ActorIndexContext:
    groups: tuple[KindGroup, ...]


@dataclass(frozen=True)
class ActorContext:
    actor: ActorLink
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    body_html: str
    events: tuple[EventItem, ...]
    quotes: tuple[QuoteItem, ...]
    extra: Mapping[str, object]


@hashed_once
@dataclass(frozen=True)
class SourceEntry:
    source: SourceLink
    author: str | None
    events: tuple[EventItem, ...]


@dataclass(frozen=True)
class SourceIndexContext:
    entries: tuple[SourceEntry, ...]
    """The sources this page lists; empty on the index of a split bibliography."""
    years: tuple[SourceYearLink, ...] = ()
    """Every publication year, for navigation (the split bibliography's pages)."""
    year: SourceYearLink | None = None
    """The year of a year page; None on /sources/."""
    split: bool = False
    previous: SourceYearLink | MonthLink | None = None
    next: SourceYearLink | MonthLink | None = None
    """On a year page: the neighbouring years; on a month page, as in `TimelineContext`."""
    months: tuple[MonthLink, ...] = ()
    """On a split year page and its month pages: the year's month pages."""
    month: MonthLink | None = None
    """The month of a month page."""


@dataclass(frozen=True)
class SourceContext:
    source: SourceLink
    author: str | None
    url: str | None
    seed: str | None
    paragraphs: tuple[str, ...]
    events: tuple[EventItem, ...]
    extra: Mapping[str, object]


@dataclass(frozen=True)
class NotFoundContext:
    pass


Feed = AtomFeed | Calendar | Sitemap
Context = (
    HomeContext
    | TimelineContext
    | EventContext
    | ActorIndexContext
    | ActorContext
    | SourceIndexContext
    | SourceContext
    | NotFoundContext
    | Feed
)


@dataclass(frozen=True)
class Page:
    path: str
    """Output path inside the site, e.g. "events/x/index.html"."""
    template: str | None
    """Template name in the theme; None for feeds, which render themselves."""
    context: Context
    site: SiteInfo

    @property
    def root(self) -> str:
        """Prefix from this page back to the site root ("" or "../../").

        The 404 page is served at any depth, so it uses the base URL when there is one.
        """
        if self.path == NOT_FOUND and self.site.base_url:
            return self.site.base_url.rstrip("/") + "/"
        return "../" * self.path.count("/")


# The plan.


@dataclass(frozen=True)
class SiteIndex:
    """Lookups computed once, so no page needs to scan the whole briefing."""

    ordered: tuple[Event, ...]
    """Events in date order."""
    events: Mapping[str, Event]
    """Event id -> event."""
    items: Mapping[str, EventItem]
    bodies: Mapping[str, RenderedBody]
    actor_bodies: Mapping[str, str]
    """Actor id -> the HTML of its body."""
    referenced: Mapping[str, tuple[str, ...]]
    """Event id -> known source ids it refers to (citations, `sources`, quotes, disputes)."""
    by_actor: Mapping[str, tuple[Event, ...]]
    by_source: Mapping[str, tuple[Event, ...]]
    by_speaker: Mapping[str, tuple[tuple[Event, Quote], ...]]
    actors: Mapping[str, ActorLink]
    sources: Mapping[str, SourceLink]
    bibliography: Mapping[int | None, tuple[str, ...]]
    """Publication year (None: unknown; years in order, the undated last) -> the ids of the
    sources published then, in the bibliography's order."""
    entries: Mapping[str, SourceEntry]
    """Source id -> its entry in the bibliography (kept, so that an edit makes only the
    entries it changes, and `memo` finds the others by their kept hash)."""


def plan_pages(
    config: Config, briefing: Briefing, bodies: Mapping[str, PreparedBody] | None = None
) -> list[Page]:
    """Every page of the site, in a stable order.

    `bodies` (item key -> parsed Markdown body, as loading gives them) saves parsing again.
    """
    return plan_indexed(config, briefing, build_index(briefing, bodies or {}))


def plan_indexed(config: Config, briefing: Briefing, index: SiteIndex) -> list[Page]:
    """Every page of the site, from the briefing's index (`build_index`)."""
    site = _site_info(config)
    pages = [
        _home(site, index),
        *_timeline(site, index),
        *(
            _event_page(site, event, position, index)
            for position, event in enumerate(index.ordered)
        ),
        _actor_index(site, briefing, index),
        *(_actor_page(site, actor, index) for actor in briefing.actors.values()),
        *_source_index(site, briefing, index),
        *(_source_page(site, source, index) for source in briefing.sources.values()),
        _not_found(site),
    ]
    return [*pages, *_feeds(site, index, (page.path for page in pages))]


def _not_found(site: SiteInfo) -> Page:
    return Page(NOT_FOUND, NOT_FOUND, NotFoundContext(), site)


def _site_info(config: Config) -> SiteInfo:
    return SiteInfo(
        title=config.title,
        summary=config.summary,
        language=config.language,
        base_url=config.base_url,
        timezone=config.timezone,
        extra=config.extra,
    )


def _actor_link(actor: Actor) -> ActorLink:
    return ActorLink(actor.id, actor.name, actor.kind.value, actor_href(actor.id))


def _source_link(source: Source) -> SourceLink:
    published = date_label(source.published) if source.published else None
    return SourceLink(
        id=source.id,
        title=source.title,
        outlet=source.outlet,
        published=published,
        published_inferred=source.published_inferred,
        href=source_href(source.id),
        year=source.published.year if source.published else None,
        month=source.published.month if source.published else None,
    )


def _event_item(event: Event, actors: Mapping[str, ActorLink], source_count: int) -> EventItem:
    return EventItem(
        id=event.id,
        title=event.title,
        href=event_href(event.id),
        date=date_label(event.date),
        iso_date=str(event.date),
        year=event.date.year,
        status=event.status.value,
        scheduled=event.status is Status.SCHEDULED,
        time=event.time,
        timezone=event.timezone,
        summary=event.summary,
        actors=tuple(actors[a] for a in dict.fromkeys(event.actors) if a in actors),
        source_count=source_count,
    )


def _referenced(event: Event, body: RenderedBody, known: Mapping[str, object]) -> tuple[str, ...]:
    ids = [
        *(ref.source_id for ref in body.references),
        *event.sources,
        *(quote.source for quote in event.quotes if quote.source),
        *(s for readings in event.disputed.values() for r in readings for s in r.sources),
    ]
    return tuple(source_id for source_id in dict.fromkeys(ids) if source_id in known)


def _body_html(
    key: str, text: str, prepared: Mapping[str, PreparedBody], titles: Mapping[str, str]
) -> RenderedBody:
    """A body's HTML for a page two folders deep, from its parsed form when there is one."""
    body = prepared.get(key)
    if body is None:
        return render_markdown(text, "../../", titles)
    return resolve(body, "../../", titles)


def build_index(briefing: Briefing, prepared: Mapping[str, PreparedBody]) -> SiteIndex:
    actors = {a.id: _actor_link(a) for a in briefing.actors.values()}
    sources = {s.id: _source_link(s) for s in briefing.sources.values()}
    titles = {s.id: s.title for s in briefing.sources.values()}
    ordered = tuple(sorted(briefing.events.values(), key=event_order))
    bodies = {e.id: _body_html(f"event:{e.id}", e.body, prepared, titles) for e in ordered}
    actor_bodies = {
        a.id: _body_html(f"actor:{a.id}", a.body, prepared, {}).html
        for a in briefing.actors.values()
    }
    referenced = {e.id: _referenced(e, bodies[e.id], sources) for e in ordered}
    by_actor: dict[str, list[Event]] = defaultdict(list)
    by_source: dict[str, list[Event]] = defaultdict(list)
    by_speaker: dict[str, list[tuple[Event, Quote]]] = defaultdict(list)
    for event in ordered:
        for actor_id in dict.fromkeys(event.actors):
            by_actor[actor_id].append(event)
        for source_id in referenced[event.id]:
            by_source[source_id].append(event)
        for quote in event.quotes:
            if quote.speaker in actors:
                by_speaker[quote.speaker].append((event, quote))
    items = {e.id: _event_item(e, actors, len(referenced[e.id])) for e in ordered}
    supported = {k: tuple(v) for k, v in by_source.items()}
    return SiteIndex(
        ordered=ordered,
        events={e.id: e for e in ordered},
        items=items,
        bodies=bodies,
        actor_bodies=actor_bodies,
        referenced=referenced,
        by_actor={k: tuple(v) for k, v in by_actor.items()},
        by_source=supported,
        by_speaker={k: tuple(v) for k, v in by_speaker.items()},
        actors=actors,
        sources=sources,
        bibliography=_bibliography(briefing.sources.values(), sources),
        entries={
            s.id: _source_entry(s, sources, supported, items) for s in briefing.sources.values()
        },
    )


def _source_entry(
    source: Source,
    links: Mapping[str, SourceLink],
    by_source: Mapping[str, tuple[Event, ...]],
    items: Mapping[str, EventItem],
) -> SourceEntry:
    events = by_source.get(source.id, ())
    return SourceEntry(links[source.id], source.author, tuple(items[e.id] for e in events))


def _bibliography(
    sources: Iterable[Source], links: Mapping[str, SourceLink]
) -> dict[int | None, tuple[str, ...]]:
    """Publication year -> source ids in the bibliography's order (see `SiteIndex`)."""
    by_year: dict[int | None, list[str]] = defaultdict(list)
    for source in sorted(sources, key=_source_order):
        by_year[links[source.id].year].append(source.id)
    return {year: tuple(by_year[year]) for year in sorted(by_year, key=_year_order)}


def _home(site: SiteInfo, index: SiteIndex) -> Page:
    upcoming = _first_with(Status.SCHEDULED, index.ordered)
    latest = _first_with(Status.OCCURRED, reversed(index.ordered))
    ranked = sorted(
        ((a, len(events)) for a, events in index.by_actor.items() if a in index.actors),
        key=lambda pair: (-pair[1], index.actors[pair[0]].name, pair[0]),
    )[:KEY_ACTOR_COUNT]
    context = HomeContext(
        upcoming=tuple(index.items[e.id] for e in upcoming),
        latest=tuple(index.items[e.id] for e in latest),
        key_actors=tuple(ActorCount(index.actors[a], n) for a, n in ranked),
        first_date=date_label(index.ordered[0].date) if index.ordered else None,
        last_date=date_label(index.ordered[-1].date) if index.ordered else None,
        event_count=len(index.ordered),
        actor_count=len(index.actors),
        source_count=len(index.sources),
    )
    return Page("index.html", "home.html", context, site)


def _first_with(status: Status, events: Iterable[Event]) -> list[Event]:
    """The first LATEST_COUNT of `events` that have `status`."""
    return list(islice((e for e in events if e.status is status), LATEST_COUNT))


def _month_groups(events: tuple[Event, ...], index: SiteIndex) -> tuple[MonthGroup, ...]:
    groups = []
    for month, members in groupby(events, key=lambda e: e.date.month or 0):
        items = tuple(index.items[e.id] for e in members)
        year = items[0].year
        label = f"{MONTHS[month - 1]} {year}" if month else f"{year}, month unknown"
        groups.append(MonthGroup(label, items))
    return tuple(groups)


def _by_year(events: Sequence[Event]) -> dict[int, tuple[Event, ...]]:
    """Year -> its events, from events in date order (found by bisection: a few steps a year)."""
    groups: dict[int, tuple[Event, ...]] = {}
    start = 0
    while start < len(events):
        year = events[start].date.year
        end = bisect.bisect_right(events, year, lo=start, key=_year_of)
        groups[year] = tuple(events[start:end])
        start = end
    return groups


def _year_of(event: Event) -> int:
    return event.date.year


def _year_links(by_year: Mapping[int, tuple[Event, ...]]) -> tuple[YearLink, ...]:
    return tuple(YearLink(y, timeline_href(y), len(events)) for y, events in by_year.items())


# Month pages: a year with more than MONTH_SPLIT items (events, or sources published then) is
# an index of its months, one page each, and lists only its items of unknown month.

_Year = TypeVar("_Year", bound=int | None)
Months = dict[_Year, dict[int | None, tuple[_T, ...]]]
"""Year with month pages -> month (None: unknown, first) -> its items."""
MonthLinks = Mapping[int | None, tuple[MonthLink, ...]]
"""Year with month pages -> its month pages."""


class _YearPage(Protocol):
    @property
    def year(self) -> int | None: ...


_Y = TypeVar("_Y", bound=_YearPage)


def _by_month(
    members: Iterable[_T], month_of: Callable[[_T], int | None]
) -> dict[int | None, tuple[_T, ...]]:
    """Month (None: unknown, first; then months in order) -> the members of that month, in
    their given order."""
    groups: dict[int | None, list[_T]] = defaultdict(list)
    for member in members:
        groups[month_of(member)].append(member)
    return {month: tuple(groups[month]) for month in sorted(groups, key=lambda m: m or 0)}


def _split_by_month(
    by_year: Mapping[_Year, Sequence[_T]], month_of: Callable[[_T], int | None]
) -> Months[_Year, _T]:
    """The years with more than MONTH_SPLIT members, their members grouped by month."""
    return {
        year: _by_month(members, month_of)
        for year, members in by_year.items()
        if year is not None and len(members) > MONTH_SPLIT
    }


def _month_links(
    months: Mapping[_Year, Mapping[int | None, Sized]], year_href: Callable[[_Year], str]
) -> dict[int | None, tuple[MonthLink, ...]]:
    """Year -> the links of its month pages (its months of known month)."""
    return {
        year: tuple(
            _month_link(year, month, year_href(year), len(members))
            for month, members in by_month.items()
            if month is not None
        )
        for year, by_month in months.items()
        if year is not None
    }


def _month_link(year: int, month: int, year_href: str, count: int) -> MonthLink:
    label = f"{MONTHS[month - 1]} {year}"
    return MonthLink(year, month, label, month_href(year_href, month), count, year_href)


def _paged(links: Sequence[_L]) -> Iterator[tuple[_L, _L | None, _L | None]]:
    """Each link with the links before and after it."""
    for position, link in enumerate(links):
        previous = links[position - 1] if position > 0 else None
        following = links[position + 1] if position + 1 < len(links) else None
        yield link, previous, following


def _month_pagers(
    years: Sequence[_Y], months: MonthLinks
) -> dict[str, tuple[_Y | MonthLink | None, _Y | MonthLink | None]]:
    """Month page href -> the pages before and after it: a month page steps through every
    month page in order, and through the year page of a year without month pages."""
    leaves: list[_Y | MonthLink] = [
        leaf for year in years for leaf in (months.get(year.year) or (year,))
    ]
    return {
        leaf.href: (previous, following)
        for leaf, previous, following in _paged(leaves)
        if isinstance(leaf, MonthLink)
    }


def _listing_href(year_href: str, month: int | None, year_count: int) -> str:
    """The page that lists an item of a split timeline or bibliography: its month's page when
    its year has month pages and its month is known, else its year's page."""
    if month is None or year_count <= MONTH_SPLIT:
        return year_href
    return month_href(year_href, month)


def _event_month(event: Event) -> int | None:
    return event.date.month


def _timeline_month_links(index: SiteIndex) -> MonthLinks:
    if len(index.ordered) <= TIMELINE_SPLIT:
        return {}
    return _month_links(_split_by_month(_by_year(index.ordered), _event_month), timeline_href)


def _timeline(site: SiteInfo, index: SiteIndex, only: Set[int] | None = None) -> list[Page]:
    """The timeline's pages; with `only`, its index and the pages of those years (and their
    months) only."""
    by_year = _by_year(index.ordered)
    years = _year_links(by_year)
    if len(index.ordered) <= TIMELINE_SPLIT:
        groups = tuple(YearGroup(y, _month_groups(events, index)) for y, events in by_year.items())
        context = TimelineContext(groups, years, (), None, split=False)
        return [Page(timeline_href(), "timeline.html", context, site)]
    latest = tuple(index.items[e.id] for e in index.ordered[: -LATEST_COUNT - 1 : -1])
    pages = [
        Page(timeline_href(), "timeline.html", TimelineContext((), years, latest, None, True), site)
    ]
    split = _split_by_month(by_year, _event_month)
    months = _month_links(split, timeline_href)
    pagers = _month_pagers(years, months)
    for link, previous, following in _paged(years):
        if only is not None and link.year not in only:
            continue
        shown = split[link.year].get(None, ()) if link.year in split else by_year[link.year]
        groups = (YearGroup(link.year, _month_groups(shown, index)),) if shown else ()
        year_months = months.get(link.year, ())
        context = TimelineContext(
            groups, years, (), link.year, True, previous, following, year_months
        )
        pages.append(Page(link.href, "timeline.html", context, site))
        for month in year_months:
            group = YearGroup(link.year, _month_groups(split[link.year][month.month], index))
            context = TimelineContext(
                (group,), years, (), link.year, True, *pagers[month.href], year_months, month
            )
            pages.append(Page(month.href, "timeline.html", context, site))
    return pages


def _quote_item(quote: Quote, event: Event, index: SiteIndex) -> QuoteItem:
    speaker = index.actors.get(quote.speaker) if quote.speaker else None
    return QuoteItem(
        text=quote.text,
        speaker=speaker,
        speaker_text=quote.speaker if speaker is None else None,
        source=index.sources.get(quote.source) if quote.source else None,
        event=index.items[event.id],
    )


def _dispute(name: str, event: Event, index: SiteIndex) -> Dispute:
    readings = tuple(
        ReadingItem(r.value, tuple(index.sources[s] for s in r.sources if s in index.sources))
        for r in event.disputed[name]
    )
    return Dispute(name, readings)


def _event_page(site: SiteInfo, event: Event, position: int, index: SiteIndex) -> Page:
    body = index.bodies[event.id]
    numbered = {ref.source_id: ref.number for ref in body.references}
    uncited = [s for s in index.referenced[event.id] if s not in numbered]
    numbers = numbered | {s: len(numbered) + n for n, s in enumerate(uncited, start=1)}
    neighbours = [
        index.ordered[i] if 0 <= i < len(index.ordered) else None
        for i in (position - 1, position + 1)
    ]
    context = EventContext(
        event=index.items[event.id],
        body_html=body.html,
        references=tuple(
            CitedSource(n, index.sources[s]) for s, n in numbers.items() if s in index.sources
        ),
        quotes=tuple(_quote_item(q, event, index) for q in event.quotes),
        date_note=event.date_note,
        disputed=tuple(_dispute(name, event, index) for name in sorted(event.disputed)),
        previous=index.items[neighbours[0].id] if neighbours[0] else None,
        next=index.items[neighbours[1].id] if neighbours[1] else None,
        extra=event.extra,
    )
    return Page(event_href(event.id), "event.html", context, site)


def _actor_index(site: SiteInfo, briefing: Briefing, index: SiteIndex) -> Page:
    groups = []
    for kind in Kind:
        members = sorted(
            (a for a in briefing.actors.values() if a.kind is kind),
            key=lambda a: (a.name.casefold(), a.id),
        )
        if members:
            counts = tuple(
                ActorCount(index.actors[a.id], len(index.by_actor.get(a.id, ()))) for a in members
            )
            groups.append(KindGroup(kind.value, KIND_LABELS[kind], counts))
    return Page("actors/index.html", "actors.html", ActorIndexContext(tuple(groups)), site)


def _actor_page(site: SiteInfo, actor: Actor, index: SiteIndex) -> Page:
    events = index.by_actor.get(actor.id, ())
    spoken = index.by_speaker.get(actor.id, ())
    context = ActorContext(
        actor=index.actors[actor.id],
        aliases=actor.aliases,
        roles=actor.roles,
        body_html=index.actor_bodies[actor.id],
        events=tuple(index.items[e.id] for e in events),
        quotes=tuple(_quote_item(q, e, index) for e, q in spoken),
        extra=actor.extra,
    )
    return Page(actor_href(actor.id), "actor.html", context, site)


def _source_order(source: Source) -> tuple[str, tuple[int, int, int], str, str]:
    return (
        source.outlet or "",
        source.published.sort_key if source.published else (0, 0, 0),
        source.title,
        source.id,
    )


def _year_order(year: int | None) -> tuple[bool, int]:
    """Years in order, the undated last."""
    return (year is None, year or 0)


def _source_years(index: SiteIndex) -> tuple[SourceYearLink, ...]:
    """The bibliography's year pages: each publication year (undated last) and its count."""
    return tuple(
        SourceYearLink(y, "Undated" if y is None else str(y), bibliography_href(y), len(ids))
        for y, ids in index.bibliography.items()
    )


def _bibliography_split(index: SiteIndex) -> bool:
    return len(index.sources) > SOURCES_SPLIT


def _bibliography_months(index: SiteIndex) -> Months[int | None, str]:
    if not _bibliography_split(index):
        return {}
    return _split_by_month(index.bibliography, lambda source_id: index.sources[source_id].month)


def _bibliography_month_links(index: SiteIndex) -> MonthLinks:
    return _month_links(_bibliography_months(index), bibliography_href)


def _bibliography_listing(index: SiteIndex, source_id: str) -> str:
    """The page of a split bibliography that lists a source."""
    link = index.sources[source_id]
    count = len(index.bibliography[link.year])
    return _listing_href(bibliography_href(link.year), link.month, count)


def _source_index(
    site: SiteInfo, briefing: Briefing, index: SiteIndex, only: Set[int | None] | None = None
) -> list[Page]:
    """The bibliography's pages; with `only`, its index and the pages of those years only."""
    if not _bibliography_split(index):
        ordered = sorted(briefing.sources.values(), key=_source_order)
        entries = tuple(index.entries[s.id] for s in ordered)
        return [Page("sources/index.html", "sources.html", SourceIndexContext(entries), site)]
    years = _source_years(index)
    overview = SourceIndexContext((), years, None, True)
    pages = [Page("sources/index.html", "sources.html", overview, site)]
    split = _bibliography_months(index)
    months = _month_links(split, bibliography_href)
    pagers = _month_pagers(years, months)
    for link, previous, following in _paged(years):
        if only is not None and link.year not in only:
            continue
        shown = (
            split[link.year].get(None, ()) if link.year in split else index.bibliography[link.year]
        )
        year_months = months.get(link.year, ())
        context = SourceIndexContext(
            _entries(index, shown), years, link, True, previous, following, year_months
        )
        pages.append(Page(link.href, "sources.html", context, site))
        for month in year_months:
            entries = _entries(index, split[link.year][month.month])
            context = SourceIndexContext(
                entries, years, link, True, *pagers[month.href], year_months, month
            )
            pages.append(Page(month.href, "sources.html", context, site))
    return pages


def _entries(index: SiteIndex, source_ids: Iterable[str]) -> tuple[SourceEntry, ...]:
    return tuple(index.entries[i] for i in source_ids)


def paragraphs(text: str) -> tuple[str, ...]:
    """Plain text split at blank lines; each paragraph's lines joined with spaces."""
    blocks = (" ".join(line.strip() for line in block.splitlines()) for block in text.split("\n\n"))
    return tuple(block for block in blocks if block)


def _source_page(site: SiteInfo, source: Source, index: SiteIndex) -> Page:
    events = index.by_source.get(source.id, ())
    context = SourceContext(
        source=index.sources[source.id],
        author=source.author,
        url=source.url,
        seed=source.seed,
        paragraphs=paragraphs(source.body),
        events=tuple(index.items[e.id] for e in events),
        extra=source.extra,
    )
    return Page(source_href(source.id), "source.html", context, site)


def _feeds(site: SiteInfo, index: SiteIndex, paths: Iterable[str]) -> list[Page]:
    latest = index.ordered[: -FEED_COUNT - 1 : -1]
    entries = tuple(FeedEntry(e.id, e.title, event_href(e.id), e.date, e.summary) for e in latest)
    scheduled = [e for e in index.ordered if e.status is Status.SCHEDULED]
    calendar_events = tuple(
        CalendarEvent(
            e.id, e.title, event_href(e.id), e.date, e.time, e.timezone or site.timezone, e.summary
        )
        for e in scheduled
    )
    urls = tuple(
        path.removesuffix("index.html") for path in paths if path != NOT_FOUND and path not in FEEDS
    )
    return [
        Page(
            "feed.xml",
            None,
            AtomFeed(site.title, site.summary, site.base_url, entries),
            site,
        ),
        Page(
            "calendar.ics",
            None,
            Calendar(site.title, site.base_url, calendar_events),
            site,
        ),
        Page("sitemap.xml", None, Sitemap(site.base_url, urls), site),
    ]


# Part of the plan, for a change to some items (serve).


def update_index(
    index: SiteIndex, briefing: Briefing, prepared: Mapping[str, PreparedBody], keys: Set[str]
) -> SiteIndex:
    """The index of `briefing`, from `index` (of the briefing before the items `keys` changed).

    Equal to `build_index(briefing, prepared)`; only the changed items and the events that
    show them are computed again.
    """
    actors = _relinked(index.actors, briefing.actors, _ids(keys, "actor"), _actor_link)
    sources = _relinked(index.sources, briefing.sources, _ids(keys, "source"), _source_link)
    changed = _ids(keys, "event")
    touched = changed | _events_showing(index, briefing, prepared, keys)
    fresh = [briefing.events[i] for i in sorted(touched) if i in briefing.events]
    old = [index.events[i] for i in sorted(touched) if i in index.events]
    bodies = _updated(index.bodies, touched)
    referenced = _updated(index.referenced, touched)
    items = _updated(index.items, touched)
    for event in fresh:
        titles = _cited_titles(event, prepared, briefing.sources)
        bodies[event.id] = _body_html(f"event:{event.id}", event.body, prepared, titles)
        referenced[event.id] = _referenced(event, bodies[event.id], sources)
        items[event.id] = _event_item(event, actors, len(referenced[event.id]))
    actor_bodies = _updated(index.actor_bodies, _ids(keys, "actor"))
    for actor_id in _ids(keys, "actor") & briefing.actors.keys():
        actor = briefing.actors[actor_id]
        actor_bodies[actor_id] = _body_html(f"actor:{actor_id}", actor.body, prepared, {}).html
    ordered = _reordered(index, changed, [e for e in fresh if e.id in changed])
    by_source = _regrouped(
        index.by_source,
        touched,
        _group(old, lambda e: index.referenced[e.id]),
        _group(fresh, lambda e: referenced[e.id]),
        _event,
    )
    listing = _ids(keys, "source").union(
        *(index.referenced.get(i, ()) for i in touched), *(referenced.get(i, ()) for i in touched)
    )
    entries = _updated(index.entries, listing)
    for source_id in listing & briefing.sources.keys():
        entries[source_id] = _source_entry(briefing.sources[source_id], sources, by_source, items)
    events = _updated(index.events, changed)
    events.update((e.id, e) for e in fresh if e.id in changed)
    return SiteIndex(
        ordered=ordered,
        events=events,
        items=items,
        bodies=bodies,
        actor_bodies=actor_bodies,
        referenced=referenced,
        by_actor=_regrouped(
            index.by_actor, touched, _group(old, _actors_of), _group(fresh, _actors_of), _event
        ),
        by_source=by_source,
        by_speaker=_regrouped(
            index.by_speaker,
            touched,
            _quoted(old, index.actors),
            _quoted(fresh, actors),
            _quoting_event,
        ),
        actors=actors,
        sources=sources,
        bibliography=(
            _bibliography(briefing.sources.values(), sources)
            if _ids(keys, "source")
            else index.bibliography
        ),
        entries=entries,
    )


def _updated(table: Mapping[str, _T], gone: Set[str]) -> dict[str, _T]:
    """A copy of `table` without the keys `gone` (to be computed again)."""
    copy = dict(table)
    for key in gone:
        copy.pop(key, None)
    return copy


def _reordered(index: SiteIndex, changed: Set[str], events: Iterable[Event]) -> tuple[Event, ...]:
    """Events in date order, without the old versions of `changed`, with `events` in place."""
    kept = list(index.ordered)
    for old in sorted((index.events[i] for i in changed if i in index.events), key=event_order):
        del kept[bisect.bisect_left(kept, event_order(old), key=event_order)]
    for event in events:
        bisect.insort(kept, event, key=event_order)
    return tuple(kept)


def _cited_titles(
    event: Event, prepared: Mapping[str, PreparedBody], sources: Mapping[str, Source]
) -> dict[str, str]:
    """The titles of the known sources an event's body cites (all its body needs)."""
    return {s: sources[s].title for s in _cited(event, prepared) if s in sources}


def _cited(event: Event, prepared: Mapping[str, PreparedBody]) -> list[str]:
    """The source ids an event's body cites, known or not."""
    body = prepared.get(f"event:{event.id}")
    cited = body.citations if body is not None else citations(event.body)
    return [source_id for source_id, _ in cited]


def _ids(keys: Iterable[str], kind: str) -> set[str]:
    prefix = f"{kind}:"
    return {key[len(prefix) :] for key in keys if key.startswith(prefix)}


def _relinked(
    links: Mapping[str, _L], items: Mapping[str, _T], ids: Set[str], link: Callable[[_T], _L]
) -> dict[str, _L]:
    """`links` with the links of the items `ids` made again (or dropped, when gone)."""
    fresh = dict(links)
    for item_id in ids:
        fresh.pop(item_id, None)
        if item_id in items:
            fresh[item_id] = link(items[item_id])
    return fresh


def _events_showing(
    index: SiteIndex, briefing: Briefing, prepared: Mapping[str, PreparedBody], keys: Set[str]
) -> set[str]:
    """Ids of the events whose item, body or references show one of the actors or sources
    `keys` (a source that appeared or went away changes the references of those citing it)."""
    found: set[str] = set()
    for actor_id in _ids(keys, "actor"):
        found.update(e.id for e in index.by_actor.get(actor_id, ()))
        found.update(e.id for e, _ in index.by_speaker.get(actor_id, ()))
    for source_id in _ids(keys, "source"):
        found.update(e.id for e in index.by_source.get(source_id, ()))
    appeared = {
        *(a for a in _ids(keys, "actor") if a in briefing.actors and a not in index.actors),
        *(s for s in _ids(keys, "source") if s in briefing.sources and s not in index.sources),
    }
    if appeared:
        found.update(
            e.id
            for e in briefing.events.values()
            if not appeared.isdisjoint(_items_named(e, prepared))
        )
    return found


def _items_named(event: Event, prepared: Mapping[str, PreparedBody]) -> set[str]:
    """Every actor and source id an event names, known or not."""
    return {
        *event.actors,
        *(quote.speaker for quote in event.quotes if quote.speaker),
        *_cited(event, prepared),
        *event.sources,
        *(quote.source for quote in event.quotes if quote.source),
        *(s for readings in event.disputed.values() for r in readings for s in r.sources),
    }


def _actors_of(event: Event) -> Iterable[str]:
    return dict.fromkeys(event.actors)


def _group(
    events: Iterable[Event], keys: Callable[[Event], Iterable[str]]
) -> dict[str, list[Event]]:
    groups: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for key in keys(event):
            groups[key].append(event)
    return groups


def _quoted(
    events: Iterable[Event], actors: Mapping[str, object]
) -> dict[str, list[tuple[Event, Quote]]]:
    """Known speaker -> (event, quote) of its quotes, as `build_index` groups them."""
    groups: dict[str, list[tuple[Event, Quote]]] = defaultdict(list)
    for event in events:
        for quote in event.quotes:
            if quote.speaker is not None and quote.speaker in actors:
                groups[quote.speaker].append((event, quote))
    return groups


def _event(event: Event) -> Event:
    return event


def _quoting_event(pair: tuple[Event, Quote]) -> Event:
    return pair[0]


def _regrouped(
    groups: Mapping[str, tuple[_T, ...]],
    touched: Set[str],
    before: Iterable[str],
    after: Mapping[str, list[_T]],
    event_of: Callable[[_T], Event],
) -> dict[str, tuple[_T, ...]]:
    """`groups` (key -> members in date order) without the `touched` events' members in the
    groups `before` names, and with their new members `after`."""
    fresh = dict(groups)
    for key in {*before, *after}:
        members = [m for m in groups.get(key, ()) if event_of(m).id not in touched]
        for member in after.get(key, ()):
            bisect.insort(members, member, key=lambda m: event_order(event_of(m)))
        fresh.pop(key, None)
        if members:
            fresh[key] = tuple(members)
    return fresh


def page_paths(index: SiteIndex, actor_ids: Iterable[str], source_ids: Iterable[str]) -> list[str]:
    """The path of every page `plan_indexed` plans, in its order (actors and sources in the
    order given)."""
    years = _by_year(index.ordered) if len(index.ordered) > TIMELINE_SPLIT else {}
    source_years = _source_years(index) if _bibliography_split(index) else ()
    return [
        "index.html",
        timeline_href(),
        *_with_months(_year_links(years), _timeline_month_links(index)),
        *(event_href(event.id) for event in index.ordered),
        "actors/index.html",
        *(actor_href(actor_id) for actor_id in actor_ids),
        "sources/index.html",
        *_with_months(source_years, _bibliography_month_links(index)),
        *(source_href(source_id) for source_id in source_ids),
        NOT_FOUND,
        *FEEDS,
    ]


FEEDS = ("feed.xml", "calendar.ics", "sitemap.xml")


class _YearHref(_YearPage, Protocol):
    @property
    def href(self) -> str: ...


def _with_months(years: Iterable[_YearHref], months: MonthLinks) -> Iterator[str]:
    """The paths of year pages, each followed by those of its month pages."""
    for year in years:
        yield year.href
        yield from (month.href for month in months.get(year.year, ()))


def _month_hrefs(months: MonthLinks) -> list[str]:
    return [month.href for links in months.values() for month in links]


def same_pages(before: SiteIndex, after: SiteIndex) -> bool:
    """Whether the sites of two indexes have the same pages (those `page_paths` lists), found
    without listing them: the same items, timeline years and bibliography years."""
    return (
        before.events.keys() == after.events.keys()
        and before.actors.keys() == after.actors.keys()
        and before.sources.keys() == after.sources.keys()
        and _by_year(before.ordered).keys() == _by_year(after.ordered).keys()
        and before.bibliography.keys() == after.bibliography.keys()
        and _month_hrefs(_timeline_month_links(before))
        == _month_hrefs(_timeline_month_links(after))
        and _month_hrefs(_bibliography_month_links(before))
        == _month_hrefs(_bibliography_month_links(after))
    )


def affected_paths(before: SiteIndex, after: SiteIndex, keys: Set[str]) -> set[str]:
    """Paths of the pages that may differ between the sites of two indexes, the second made
    when the items `keys` changed: the pages that show one of them (or an event whose list
    entry changed with them) on either side, the home page and the timeline's index; the
    actor index when events' actors changed; every year and month page of the timeline or
    the bibliography when its years' or months' counts changed;
    the sitemap when the pages or their order changed. None when no item changed."""
    if not keys:
        return set()
    changed = _ids(keys, "event")
    relisted = set(changed)
    for actor_id in _ids(keys, "actor"):
        relisted.update(e.id for side in (before, after) for e in side.by_actor.get(actor_id, ()))
    for source_id in _ids(keys, "source"):
        relisted.update(e.id for side in (before, after) for e in side.by_source.get(source_id, ()))
    relisted = {i for i in relisted if i in changed or before.items.get(i) != after.items.get(i)}
    paths = {"index.html", timeline_href()}
    for side in (before, after):
        paths |= _showing(side, relisted, _ids(keys, "actor"), _ids(keys, "source"))
    if any(_actors_of_id(before, i) != _actors_of_id(after, i) for i in changed):
        paths.add("actors/index.html")
    years_before = (_year_links(_by_year(before.ordered)), _timeline_month_links(before))
    years_after = (_year_links(_by_year(after.ordered)), _timeline_month_links(after))
    if years_before != years_after and len(after.ordered) > TIMELINE_SPLIT:
        paths.update(_with_months(*years_after))
    sources_before = (_source_years(before), _bibliography_month_links(before))
    sources_after = (_source_years(after), _bibliography_month_links(after))
    if sources_before != sources_after and _bibliography_split(after):
        paths.update(_with_months(*sources_after))
    if (
        years_before != years_after
        or sources_before != sources_after
        or not _same_listing(before, after, changed)
    ):
        paths.add("sitemap.xml")
    return paths


def _actors_of_id(index: SiteIndex, event_id: str) -> tuple[str, ...]:
    event = index.events.get(event_id)
    return event.actors if event is not None else ()


def _same_listing(before: SiteIndex, after: SiteIndex, changed: Set[str]) -> bool:
    """Whether both sites list the same events in the same order and the same actors and
    sources (what decides the sitemap), when only the events `changed` changed: the others
    keep their order, so the events are in the same order when each changed one keeps its
    place."""
    if before.actors.keys() != after.actors.keys() or before.sources.keys() != after.sources.keys():
        return False
    if len(before.ordered) != len(after.ordered):
        return False
    for event_id in changed:
        old, new = before.events.get(event_id), after.events.get(event_id)
        if old is None or new is None or _position(before, old) != _position(after, new):
            return False
    return True


def _showing(
    index: SiteIndex, event_ids: Set[str], actor_ids: Set[str], source_ids: Set[str]
) -> set[str]:
    """Paths of the pages of an index's site that show one of the events (their list entry or
    more), actors (their link or more) or sources (their link or more) given."""
    paths: set[str] = set()
    split = len(index.ordered) > TIMELINE_SPLIT
    bibliography = _bibliography_split(index)
    for event_id in event_ids:
        event = index.events.get(event_id)
        if event is None:
            continue
        paths.add(event_href(event_id))
        paths.update(event_href(i) for i in _neighbour_ids(index, event))
        if split:
            paths.add(_timeline_listing(index, event))
        speakers = (q.speaker for q in event.quotes if q.speaker)
        paths.update(actor_href(a) for a in (*event.actors, *speakers) if a in index.actors)
        paths.update(source_href(s) for s in index.referenced[event_id])
        if index.referenced[event_id]:
            paths.add("sources/index.html")
        if bibliography:
            paths.update(_bibliography_listing(index, s) for s in index.referenced[event_id])
        if _position(index, event) >= len(index.ordered) - FEED_COUNT:
            paths.add("feed.xml")
        if event.status is Status.SCHEDULED:
            paths.add("calendar.ics")
    for actor_id in actor_ids:
        paths.add("actors/index.html")
        if actor_id in index.actors:
            paths.add(actor_href(actor_id))
        paths.update(event_href(e.id) for e, _ in index.by_speaker.get(actor_id, ()))
    for source_id in source_ids:
        paths.add("sources/index.html")
        if source_id in index.sources:
            paths.add(source_href(source_id))
            if bibliography:
                paths.add(_bibliography_listing(index, source_id))
        for event in index.by_source.get(source_id, ()):
            paths.add(event_href(event.id))
            paths.update(
                actor_href(q.speaker)
                for q in event.quotes
                if q.source == source_id and q.speaker is not None and q.speaker in index.actors
            )
    return paths


def _timeline_listing(index: SiteIndex, event: Event) -> str:
    """The page of a split timeline that lists an event."""
    year = event.date.year
    count = bisect.bisect_right(index.ordered, year, key=_year_of) - bisect.bisect_left(
        index.ordered, year, key=_year_of
    )
    return _listing_href(timeline_href(year), event.date.month, count)


def _position(index: SiteIndex, event: Event) -> int:
    return bisect.bisect_left(index.ordered, event_order(event), key=event_order)


def _neighbour_ids(index: SiteIndex, event: Event) -> list[str]:
    at = _position(index, event)
    return [index.ordered[i].id for i in (at - 1, at + 1) if 0 <= i < len(index.ordered)]


def plan_pages_for(
    config: Config, briefing: Briefing, index: SiteIndex, paths: Set[str]
) -> list[Page]:
    """The pages at `paths` that the site has, equal to those `plan_indexed` gives, in its
    order."""
    site = _site_info(config)
    ids = _ids_in(paths)
    years = {int(year) for year in ids["timeline"] if year.isdigit()}
    pages = [_home(site, index)] if "index.html" in paths else []
    if timeline_href() in paths or years:
        pages.extend(page for page in _timeline(site, index, years) if page.path in paths)
    events = sorted((index.events[i] for i in ids["events"] & index.events.keys()), key=event_order)
    pages.extend(_event_page(site, event, _position(index, event), index) for event in events)
    if "actors/index.html" in paths:
        pages.append(_actor_index(site, briefing, index))
    actors = (briefing.actors[i] for i in _known(ids["actors"], briefing.actors))
    pages.extend(_actor_page(site, actor, index) for actor in actors)
    source_years = {None if year == UNDATED else int(year) for year in ids["by-year"]}
    if "sources/index.html" in paths or source_years:
        pages.extend(
            page
            for page in _source_index(site, briefing, index, source_years)
            if page.path in paths
        )
    sources = (briefing.sources[i] for i in _known(ids["sources"], briefing.sources))
    pages.extend(_source_page(site, source, index) for source in sources)
    if NOT_FOUND in paths:
        pages.append(_not_found(site))
    if not paths.isdisjoint(FEEDS):
        everything = page_paths(index, briefing.actors, briefing.sources)
        pages.extend(page for page in _feeds(site, index, everything) if page.path in paths)
    return pages


def _known(ids: Iterable[str], items: Mapping[str, object]) -> list[str]:
    """The `ids` that `items` has, in its order: id order, as a `Briefing` keeps them (found
    without going through all of `items`)."""
    return sorted(i for i in ids if i in items)


def _ids_in(paths: Iterable[str]) -> dict[str, set[str]]:
    """Folder ("events", "timeline", ..., "by-year" for the bibliography's) -> the ids (or
    years, "undated" among the bibliography's) of the pages in it (a month page counts as
    its year's)."""
    kinds = ("timeline", "events", "actors", "sources", "by-year")
    ids: dict[str, set[str]] = {kind: set() for kind in kinds}
    for path in paths:
        parts = path.split("/")
        if len(parts) == 3 and parts[0] in ids:
            ids[parts[0]].add(parts[1])
        if len(parts) == 4 and parts[0] == "timeline":
            ids["timeline"].add(parts[1])
        if len(parts) in (4, 5) and parts[:2] == ["sources", "by-year"]:
            ids["by-year"].add(parts[2])
    return ids
