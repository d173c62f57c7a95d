"""The site map: which pages exist and what each shows."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import pytest

from generator.config import Config, Project
from generator.model import Actor, Briefing, Event, Kind, PartialDate, Quote, Source, Status
from generator.render.pages import (
    SOURCES_SPLIT,
    TIMELINE_SPLIT,
    ActorContext,
    EventContext,
    HomeContext,
    MonthLink,
    Page,
    SourceContext,
    SourceIndexContext,
    TimelineContext,
    date_label,
    plan_pages,
)
from generator.render.theme import make_environment, render_page


def _briefing(events: list[Event]) -> Briefing:
    return Briefing(
        events={e.id: e for e in events},
        actors={
            "joe-biden": Actor("joe-biden", "Joe Biden", Kind.PERSON),
            "nato": Actor("nato", "NATO", Kind.ORGANIZATION),
        },
        sources={
            "reuters": Source("reuters", "Reuters story", published=PartialDate(2021, 12)),
            "ap": Source("ap", "AP story"),
        },
    )


CALL = Event(
    id="call",
    title="Call",
    date=PartialDate(2021, 12, 30),
    actors=("joe-biden",),
    sources=("ap",),
    quotes=(
        Quote("We talked.", speaker="joe-biden", source="reuters"),
        Quote("It went well.", speaker="an aide"),
    ),
    body="Said [@reuters].",
)
BUILDUP = Event(id="buildup", title="Buildup", date=PartialDate(2021, 12), actors=("nato",))
TALKS = Event(id="talks", title="Talks", date=PartialDate(2022, 1, 10), status=Status.SCHEDULED)


def _pages(events: list[Event]) -> dict[str, Page]:
    return {p.path: p for p in plan_pages(Config(title="T"), _briefing(events))}


@pytest.mark.parametrize(
    ("date", "label"),
    [
        (PartialDate(2021), "2021"),
        (PartialDate(2021, 12), "December 2021"),
        (PartialDate(2021, 12, 1), "1 December 2021"),
    ],
)
def test_date_labels_show_only_the_known_precision(date: PartialDate, label: str) -> None:
    assert date_label(date) == label


def test_every_kind_of_page_is_planned_with_index_html_paths() -> None:
    assert sorted(_pages([CALL, BUILDUP, TALKS])) == [
        "404.html",
        "actors/index.html",
        "actors/joe-biden/index.html",
        "actors/nato/index.html",
        "calendar.ics",
        "events/buildup/index.html",
        "events/call/index.html",
        "events/talks/index.html",
        "feed.xml",
        "index.html",
        "sitemap.xml",
        "sources/ap/index.html",
        "sources/index.html",
        "sources/reuters/index.html",
        "timeline/index.html",
    ]


def test_links_are_relative_to_the_page_depth() -> None:
    pages = _pages([CALL])
    assert pages["index.html"].root == ""
    assert pages["events/call/index.html"].root == "../../"
    assert pages["timeline/index.html"].root == "../"


def test_home_shows_what_is_next_and_the_latest() -> None:
    context = _pages([CALL, BUILDUP, TALKS])["index.html"].context
    assert isinstance(context, HomeContext)
    assert [e.id for e in context.upcoming] == ["talks"]
    assert [e.id for e in context.latest] == ["call", "buildup"]
    assert context.upcoming[0].scheduled
    assert [a.actor.id for a in context.key_actors] == ["joe-biden", "nato"]


def test_event_page_numbers_cited_sources_first_then_the_listed_ones() -> None:
    page = _pages([CALL])["events/call/index.html"]
    context = page.context
    assert isinstance(context, EventContext)
    assert [(r.number, r.source.id) for r in context.references] == [(1, "reuters"), (2, "ap")]
    assert context.event.source_count == 2
    assert context.quotes[0].speaker is not None
    assert context.quotes[0].speaker.name == "Joe Biden"
    assert context.quotes[1].speaker is None
    assert context.quotes[1].speaker_text == "an aide"


def test_actor_and_source_pages_list_their_events_and_quotes() -> None:
    pages = _pages([CALL, BUILDUP])
    actor = pages["actors/joe-biden/index.html"].context
    assert isinstance(actor, ActorContext)
    assert [e.id for e in actor.events] == ["call"]
    assert [q.text for q in actor.quotes] == ["We talked."]
    source = pages["sources/reuters/index.html"].context
    assert isinstance(source, SourceContext)
    assert [e.id for e in source.events] == ["call"]
    assert source.source.published == "December 2021"


def test_timeline_groups_by_year_and_month_in_date_order() -> None:
    context = _pages([TALKS, CALL, BUILDUP])["timeline/index.html"].context
    assert isinstance(context, TimelineContext)
    assert not context.split
    layout = [
        (g.year, [(m.label, [e.id for e in m.events]) for m in g.months]) for g in context.groups
    ]
    assert layout == [
        (2021, [("December 2021", ["buildup", "call"])]),
        (2022, [("January 2022", ["talks"])]),
    ]


def test_a_large_timeline_splits_into_one_page_per_year() -> None:
    events = [
        Event(id=f"e{n}", title=f"E{n}", date=PartialDate(2000 + n % 3, 1 + n % 12, 1))
        for n in range(TIMELINE_SPLIT + 1)
    ]
    pages = _pages(events)
    index = pages["timeline/index.html"].context
    assert isinstance(index, TimelineContext)
    assert index.split and index.groups == () and len(index.latest) == 10
    assert [y.href for y in index.years] == [f"timeline/{y}/index.html" for y in (2000, 2001, 2002)]
    year = pages["timeline/2001/index.html"].context
    assert isinstance(year, TimelineContext)
    assert year.year == 2001
    assert year.previous is not None and year.previous.year == 2000
    assert year.next is not None and year.next.year == 2002
    assert sum(len(m.events) for g in year.groups for m in g.months) == 167


def test_a_large_bibliography_splits_into_one_page_per_publication_year() -> None:
    sources = {
        str(1800 + n): Source(
            str(1800 + n), f"S{n}", published=PartialDate(2020 + n % 2) if n % 3 else None
        )
        for n in range(SOURCES_SPLIT + 1)
    }
    cites_2021 = Event(id="e", title="E", date=PartialDate(2021), sources=("1801",))
    briefing = Briefing(events={"e": cites_2021}, actors={}, sources=sources)
    pages = {p.path: p for p in plan_pages(Config(title="T"), briefing)}
    index = pages["sources/index.html"].context
    assert isinstance(index, SourceIndexContext)
    assert index.split and index.entries == ()
    assert [(y.label, y.href, y.count) for y in index.years] == [
        ("2020", "sources/by-year/2020/index.html", 167),
        ("2021", "sources/by-year/2021/index.html", 167),
        ("Undated", "sources/by-year/undated/index.html", 167),
    ]
    year = pages["sources/by-year/2021/index.html"].context
    assert isinstance(year, SourceIndexContext)
    assert year.year is not None and year.year.year == 2021
    assert year.previous is not None and year.previous.year == 2020
    assert year.next is not None and year.next.label == "Undated"
    assert len(year.entries) == 167
    assert all(entry.source.year == 2021 for entry in year.entries)
    assert [e.id for entry in year.entries for e in entry.events] == ["e"]
    undated = pages["sources/by-year/undated/index.html"].context
    assert isinstance(undated, SourceIndexContext) and undated.next is None
    assert "sources/2021/index.html" in pages  # a source whose id is a year keeps its own page


_D = TypeVar("_D")


def _dated(prefix: str, dates: list[_D]) -> list[tuple[str, _D]]:
    return [(f"{prefix}{n}", date) for n, date in enumerate(dates)]


MONTHLY = [
    PartialDate(2020, 2, 3),
    PartialDate(2020),
    PartialDate(2020, 1),
    PartialDate(2021, 5, 1),
    PartialDate(2022, 3, 1),
    PartialDate(2022, 3, 9),
    PartialDate(2022),
]
"""2020 and 2022 have three items each (month pages when MONTH_SPLIT is 2), 2021 one."""


def _labels(links: tuple[MonthLink, ...]) -> list[tuple[str, str, int]]:
    return [(link.label, link.href, link.count) for link in links]


def _neighbours(context: TimelineContext | SourceIndexContext) -> list[str | None]:
    return [link.href if link else None for link in (context.previous, context.next)]


def test_a_large_timeline_year_splits_into_one_page_per_month(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("generator.render.pages.TIMELINE_SPLIT", 2)
    monkeypatch.setattr("generator.render.pages.MONTH_SPLIT", 2)
    pages = _pages([Event(id=i, title=i, date=d) for i, d in _dated("e", MONTHLY)])
    assert [p for p in pages if p.startswith("timeline/")] == [
        "timeline/index.html",
        "timeline/2020/index.html",
        "timeline/2020/01/index.html",
        "timeline/2020/02/index.html",
        "timeline/2021/index.html",
        "timeline/2022/index.html",
        "timeline/2022/03/index.html",
    ]
    year = pages["timeline/2020/index.html"].context
    assert isinstance(year, TimelineContext) and year.month is None
    assert _labels(year.months) == [
        ("January 2020", "timeline/2020/01/index.html", 1),
        ("February 2020", "timeline/2020/02/index.html", 1),
    ]
    assert [(m.label, [e.id for e in m.events]) for g in year.groups for m in g.months] == [
        ("2020, month unknown", ["e1"])
    ]
    assert _neighbours(year) == [None, "timeline/2021/index.html"]
    small = pages["timeline/2021/index.html"].context
    assert isinstance(small, TimelineContext) and small.months == () and len(small.groups) == 1
    february = pages["timeline/2020/02/index.html"].context
    assert isinstance(february, TimelineContext) and february.month is not None
    assert february.month.label == "February 2020" and february.months == year.months
    assert [e.id for g in february.groups for m in g.months for e in m.events] == ["e0"]
    assert _neighbours(february) == ["timeline/2020/01/index.html", "timeline/2021/index.html"]
    march = pages["timeline/2022/03/index.html"].context
    assert isinstance(march, TimelineContext)
    assert [e.id for g in march.groups for m in g.months for e in m.events] == ["e4", "e5"]
    assert _neighbours(march) == ["timeline/2021/index.html", None]


def test_a_large_bibliography_year_splits_into_one_page_per_month(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("generator.render.pages.SOURCES_SPLIT", 1)
    monkeypatch.setattr("generator.render.pages.MONTH_SPLIT", 2)
    dates: list[PartialDate | None] = [*MONTHLY, None]
    sources = {i: Source(i, i, published=d) for i, d in _dated("s", dates)}
    briefing = Briefing(events={}, actors={}, sources=sources)
    pages = {p.path: p for p in plan_pages(Config(title="T"), briefing)}
    assert [p for p in pages if p.startswith("sources/by-year/")] == [
        "sources/by-year/2020/index.html",
        "sources/by-year/2020/01/index.html",
        "sources/by-year/2020/02/index.html",
        "sources/by-year/2021/index.html",
        "sources/by-year/2022/index.html",
        "sources/by-year/2022/03/index.html",
        "sources/by-year/undated/index.html",
    ]
    year = pages["sources/by-year/2022/index.html"].context
    assert isinstance(year, SourceIndexContext)
    assert _labels(year.months) == [("March 2022", "sources/by-year/2022/03/index.html", 2)]
    assert [entry.source.id for entry in year.entries] == ["s6"]
    march = pages["sources/by-year/2022/03/index.html"].context
    assert isinstance(march, SourceIndexContext) and march.month == year.months[0]
    assert [entry.source.id for entry in march.entries] == ["s4", "s5"]
    assert _neighbours(march) == [
        "sources/by-year/2021/index.html",
        "sources/by-year/undated/index.html",
    ]


def test_month_pages_lead_back_up_to_their_year(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("generator.render.pages.TIMELINE_SPLIT", 2)
    monkeypatch.setattr("generator.render.pages.MONTH_SPLIT", 2)
    page = _pages([Event(id=i, title=i, date=d) for i, d in _dated("e", MONTHLY)])[
        "timeline/2020/02/index.html"
    ]
    html = render_page(make_environment(Project(tmp_path), Config()), page).decode()
    assert "<title>February 2020 · Timeline · T</title>" in html
    assert (
        '<a href="../../../timeline/index.html">Timeline</a> · '
        '<a href="../../../timeline/2020/index.html">2020</a> · February 2020'
    ) in html
    assert '<a rel="prev" href="../../../timeline/2020/01/index.html">← January 2020</a>' in html
    assert '<a rel="next" href="../../../timeline/2021/index.html">2021 →</a>' in html


def test_calendar_holds_only_scheduled_events() -> None:
    calendar = _pages([CALL, TALKS])["calendar.ics"].context
    assert [e.id for e in calendar.events] == ["talks"]  # type: ignore[union-attr]


def test_the_plan_is_deterministic() -> None:
    assert plan_pages(Config(), _briefing([CALL, TALKS])) == plan_pages(
        Config(), _briefing([TALKS, CALL])
    )


def test_list_values_keep_their_hash_but_not_in_pickles() -> None:
    item = _pages([CALL])["events/call/index.html"].context.event  # type: ignore[union-attr]
    same = replace(item)
    assert hash(item) == hash(same) and item == same
    assert "_hash" in vars(item)
    copy = pickle.loads(pickle.dumps(item))
    assert "_hash" not in vars(copy) and copy == item and hash(copy) == hash(item)
    assert hash(replace(item, title="Other")) != hash(item)
