"""Cross-references: every actor and source id an event names must exist."""

from __future__ import annotations

from generator.model import Actor, Briefing, Event, Kind, PartialDate, Quote, Reading, Source
from generator.validate import Origin, validate

ORIGIN = Origin(
    "content/events/e.md",
    lines={"actors": 4, "sources": 5, "quotes": 6, "disputed": 9},
    body_line=12,
)


def _briefing(event: Event) -> Briefing:
    return Briefing(
        events={event.id: event},
        actors={"joe-biden": Actor("joe-biden", "Joe Biden", Kind.PERSON)},
        sources={"reuters": Source("reuters", "Reuters story")},
    )


def _messages(event: Event, broken: frozenset[str] = frozenset()) -> list[str]:
    return [str(d) for d in validate(_briefing(event), {"event:e": ORIGIN}, broken)]


def _event(**fields: object) -> Event:
    return Event(id="e", title="E", date=PartialDate(2021), **fields)  # type: ignore[arg-type]


def test_known_ids_are_fine() -> None:
    event = _event(actors=("joe-biden",), sources=("reuters",), body="As said [@reuters].\n")
    assert _messages(event) == []


def test_an_unknown_actor_id_is_reported_on_its_line() -> None:
    assert _messages(_event(actors=("joe-bidn",))) == [
        "content/events/e.md:4: unknown actor id `joe-bidn` in `actors`: "
        "add content/actors/joe-bidn.md or correct the id"
    ]


def test_an_unknown_source_in_a_citation_is_reported_on_the_body_line() -> None:
    assert _messages(_event(body="First line.\n\nSee [@reuters; @tass].\n")) == [
        "content/events/e.md:14: unknown source id `tass` in citation [@tass]: "
        "add content/sources/tass.md or correct the id"
    ]


def test_quote_and_dispute_sources_are_checked_but_a_free_text_speaker_is_not() -> None:
    event = _event(
        quotes=(Quote("Hello.", speaker="a senior official", source="ap"),),
        disputed={"date": (Reading("2021-12-30", ("bbc",)),)},
    )
    assert _messages(event) == [
        "content/events/e.md:6: unknown source id `ap` in a quote's `source`: "
        "add content/sources/ap.md or correct the id",
        "content/events/e.md:9: unknown source id `bbc` in `disputed`: "
        "add content/sources/bbc.md or correct the id",
    ]


def test_a_reference_to_a_file_already_reported_as_broken_is_not_reported_again() -> None:
    assert _messages(_event(sources=("tass",)), frozenset({"source:tass"})) == []
