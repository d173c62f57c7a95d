"""Planning part of the site for a change: the same pages as planning all of it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from generator.config import Config
from generator.model import Actor, Briefing, Event, Kind, PartialDate, Quote, Source, Status
from generator.render.markdown import PreparedBody, prepare_markdown
from generator.render.pages import (
    Page,
    affected_paths,
    build_index,
    page_paths,
    plan_indexed,
    plan_pages_for,
    same_pages,
    update_index,
)

CONFIG = Config(title="T")
ACTORS = {
    "biden": Actor("biden", "Joe Biden", Kind.PERSON, body="The *president*."),
    "nato": Actor("nato", "NATO", Kind.ORGANIZATION),
    "putin": Actor("putin", "Vladimir Putin", Kind.PERSON),
}
SOURCES = {
    "reuters": Source("reuters", "Reuters story", outlet="Reuters", published=PartialDate(2021)),
    "ap": Source("ap", "AP story"),
    "bbc": Source("bbc", "BBC story", outlet="BBC", published=PartialDate(2021, 11, 29)),
}
EVENTS = {
    "call": Event(
        id="call",
        title="Call",
        date=PartialDate(2021, 12, 30),
        actors=("biden", "putin"),
        sources=("ap",),
        quotes=(Quote("We talked.", speaker="biden", source="reuters"),),
        body="Said [@reuters].",
    ),
    "buildup": Event(
        id="buildup",
        title="Buildup",
        date=PartialDate(2021, 11),
        actors=("nato",),
        sources=("bbc",),
    ),
    "earlier": Event(
        id="earlier",
        title="Earlier",
        date=PartialDate(2020, 3, 1),
        actors=("putin",),
        quotes=(Quote("No.", speaker="the kremlin"),),
        body="As [@tass] put it.",
    ),
    "talks": Event(
        id="talks",
        title="Talks",
        date=PartialDate(2022, 1, 10),
        status=Status.SCHEDULED,
        actors=("biden", "nato"),
        body="Planned [@ap].",
    ),
    "summit": Event(id="summit", title="Summit", date=PartialDate(2022, 6), sources=("reuters",)),
}
BRIEFING = Briefing(
    events=dict(sorted(EVENTS.items())),
    actors=dict(sorted(ACTORS.items())),
    sources=dict(sorted(SOURCES.items())),
)
"""Items in id order, as loading gives them."""


def _with(kind: str, item_id: str, item: Event | Actor | Source | None) -> Briefing:
    tables: dict[str, dict[str, Event | Actor | Source]] = {
        "event": dict(BRIEFING.events),
        "actor": dict(BRIEFING.actors),
        "source": dict(BRIEFING.sources),
    }
    if item is None:
        del tables[kind][item_id]
    else:
        tables[kind][item_id] = item
    return Briefing(
        events={k: v for k, v in sorted(tables["event"].items()) if isinstance(v, Event)},
        actors={k: v for k, v in sorted(tables["actor"].items()) if isinstance(v, Actor)},
        sources={k: v for k, v in sorted(tables["source"].items()) if isinstance(v, Source)},
    )


EDITS: dict[str, tuple[str, str, Callable[[], Event | Actor | Source | None]]] = {
    "retitle-event": ("event", "call", lambda: replace(EVENTS["call"], title="Phone call")),
    "redate-into-another-year": (
        "event",
        "buildup",
        lambda: replace(EVENTS["buildup"], date=PartialDate(2022, 2)),
    ),
    "redate-into-another-month": (
        "event",
        "buildup",
        lambda: replace(EVENTS["buildup"], date=PartialDate(2021, 12, 1)),
    ),
    "forget-the-month": (
        "event",
        "talks",
        lambda: replace(EVENTS["talks"], date=PartialDate(2022)),
    ),
    "redate-within-its-year": (
        "event",
        "call",
        lambda: replace(EVENTS["call"], date=PartialDate(2021, 1, 2)),
    ),
    "add-event": (
        "event",
        "sanctions",
        lambda: Event(id="sanctions", title="Sanctions", date=PartialDate(2023), actors=("nato",)),
    ),
    "remove-event": ("event", "earlier", lambda: None),
    "change-actors": ("event", "talks", lambda: replace(EVENTS["talks"], actors=("putin",))),
    "change-sources": ("event", "summit", lambda: replace(EVENTS["summit"], sources=("ap",))),
    "change-quote": (
        "event",
        "call",
        lambda: replace(EVENTS["call"], quotes=(Quote("Fine.", speaker="putin", source="ap"),)),
    ),
    "prose": ("event", "talks", lambda: replace(EVENTS["talks"], body="Planned, again [@ap].")),
    "rename-actor": ("actor", "biden", lambda: replace(ACTORS["biden"], name="President Biden")),
    "actor-body": ("actor", "nato", lambda: replace(ACTORS["nato"], body="An alliance.")),
    "add-quoted-actor": (
        "actor",
        "the kremlin",
        lambda: Actor("the kremlin", "The Kremlin", Kind.ORGANIZATION),
    ),
    "remove-actor": ("actor", "putin", lambda: None),
    "retitle-source": ("source", "reuters", lambda: replace(SOURCES["reuters"], title="New")),
    "redate-source": (
        "source",
        "reuters",
        lambda: replace(SOURCES["reuters"], published=PartialDate(2020, 5)),
    ),
    "date-an-undated-source": (
        "source",
        "ap",
        lambda: replace(SOURCES["ap"], published=PartialDate(2022)),
    ),
    "move-source-to-another-month": (
        "source",
        "bbc",
        lambda: replace(SOURCES["bbc"], published=PartialDate(2021, 12)),
    ),
    "retitle-source-in-a-month": ("source", "bbc", lambda: replace(SOURCES["bbc"], title="BBC")),
    "add-cited-source": ("source", "tass", lambda: Source("tass", "TASS story")),
    "add-source-with-a-year-for-an-id": (
        "source",
        "2021",
        lambda: Source("2021", "Numbered", published=PartialDate(2019)),
    ),
    "remove-source": ("source", "ap", lambda: None),
}


def _prepared(briefing: Briefing) -> dict[str, PreparedBody]:
    return {
        **{f"event:{e.id}": prepare_markdown(e.body) for e in briefing.events.values()},
        **{f"actor:{a.id}": prepare_markdown(a.body) for a in briefing.actors.values()},
    }


@pytest.mark.parametrize("split", ["one-page", "year-pages", "month-pages"])
@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_partial_plan_equals_the_full_plan(
    edit: str, split: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if split != "one-page":
        monkeypatch.setattr("generator.render.pages.TIMELINE_SPLIT", 2)
        monkeypatch.setattr("generator.render.pages.SOURCES_SPLIT", 1)
    if split == "month-pages":
        monkeypatch.setattr("generator.render.pages.MONTH_SPLIT", 1)
    kind, item_id, make = EDITS[edit]
    after_briefing = _with(kind, item_id, make())
    prepared_before, prepared_after = _prepared(BRIEFING), _prepared(after_briefing)
    before = build_index(BRIEFING, prepared_before)
    keys = {f"{kind}:{item_id}"}

    after = update_index(before, after_briefing, prepared_after, keys)

    assert after == build_index(after_briefing, prepared_after)
    old = _by_path(plan_indexed(CONFIG, BRIEFING, before))
    new = _by_path(plan_indexed(CONFIG, after_briefing, after))
    assert list(new) == page_paths(after, after_briefing.actors, after_briefing.sources)
    if same_pages(before, after):
        assert old.keys() == new.keys()
    differing = {path for path, page in new.items() if old.get(path) != page}
    affected = affected_paths(before, after, keys)
    assert differing <= affected
    partial = plan_pages_for(CONFIG, after_briefing, after, affected)
    assert partial == [page for path, page in new.items() if path in affected]


def _by_path(pages: list[Page]) -> dict[str, Page]:
    return {page.path: page for page in pages}


def test_an_unrelated_edit_affects_few_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("generator.render.pages.TIMELINE_SPLIT", 2)
    after_briefing = _with("event", "summit", replace(EVENTS["summit"], title="G7 summit"))
    before = build_index(BRIEFING, {})
    after = update_index(before, after_briefing, {}, {"event:summit"})
    assert same_pages(before, after)
    assert affected_paths(before, after, {"event:summit"}) == {
        "index.html",
        "timeline/index.html",
        "timeline/2022/index.html",
        "events/summit/index.html",
        "events/talks/index.html",
        "sources/index.html",
        "sources/reuters/index.html",
        "feed.xml",
    }


def test_an_edit_affects_the_bibliography_page_of_its_sources_year(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("generator.render.pages.SOURCES_SPLIT", 1)
    after_briefing = _with("event", "summit", replace(EVENTS["summit"], title="G7 summit"))
    before = build_index(BRIEFING, {})
    after = update_index(before, after_briefing, {}, {"event:summit"})
    affected = affected_paths(before, after, {"event:summit"})
    assert "sources/by-year/2021/index.html" in affected
    assert "sources/by-year/undated/index.html" not in affected


def test_an_edit_in_a_month_affects_its_month_page_and_the_year_page_only_when_counts_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("generator.render.pages.TIMELINE_SPLIT", 2)
    monkeypatch.setattr("generator.render.pages.MONTH_SPLIT", 1)
    before = build_index(BRIEFING, {})
    retitled = _with("event", "summit", replace(EVENTS["summit"], title="G7 summit"))
    affected = affected_paths(
        before, update_index(before, retitled, {}, {"event:summit"}), {"event:summit"}
    )
    assert "timeline/2022/06/index.html" in affected
    assert "timeline/2022/index.html" not in affected
    assert "timeline/2022/01/index.html" not in affected
    moved = _with("event", "summit", replace(EVENTS["summit"], date=PartialDate(2022, 1, 20)))
    after = update_index(before, moved, {}, {"event:summit"})
    assert not same_pages(before, after)
    assert {
        "timeline/2022/index.html",
        "timeline/2022/01/index.html",
        "timeline/2022/06/index.html",
    } <= affected_paths(before, after, {"event:summit"})
