"""Date expressions found in text and resolved against an anchor, with tense."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.dates import Kind, Tense, find_dates, find_time, resolve, tense_of
from generator.model import PartialDate

ANCHOR = dt.date(2021, 12, 29)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("held on Dec. 7, 2021 at the", Tense.PAST, "2021-12-07"),
        ("Mon 3 Jan 2022 14.20 GMT", Tense.PAST, "2022-01-03"),
        ("announced on December 17 that", Tense.PAST, "2021-12-17"),
        ("meetings on Jan. 10 for", Tense.FUTURE, "2022-01-10"),
        ("banded together in late 2015", Tense.PAST, "2015"),
        ("will speak Thursday", Tense.FUTURE, "2021-12-30"),
        ("spoke on Wednesday", Tense.PAST, "2021-12-29"),
        ("met on Monday", Tense.PAST, "2021-12-27"),
        ("earlier this month", Tense.PAST, "2021-12"),
        ("talks next month", Tense.FUTURE, "2022-01"),
        ("the target date is in January", Tense.FUTURE, "2022-01"),
        ("as of today", Tense.PAST, "2021-12-29"),
        ("2021-11-03 was", Tense.PAST, "2021-11-03"),
        ("In September the ministers wrote", Tense.PAST, "2021-09"),
        ("Last week the Commission opened", Tense.PAST, "2021-12"),
        ("signed the declaration this afternoon", Tense.PAST, "2021-12-29"),
        ("she toured the site earlier this morning", Tense.PAST, "2021-12-29"),
        ("crews worked through last night", Tense.PAST, "2021-12-28"),
        ("an offer was rejected last Wednesday", Tense.PAST, "2021-12-22"),
        ("the first offer came last Monday", Tense.PAST, "2021-12-27"),
        ("talks resume next Wednesday", Tense.FUTURE, "2022-01-05"),
    ],
)
def test_expressions_resolve_against_the_anchor(text: str, tense: Tense, expected: str) -> None:
    (expr,) = find_dates(text)
    resolved = resolve(expr, ANCHOR, tense)
    assert resolved is not None
    assert str(resolved.date) == expected


@pytest.mark.parametrize(
    "text",
    ["10,000 troops", "at 3:30 p.m. ET (2030 GMT)", "it may rain", "$2015 in cash", "55.2015"],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_relative_dates_need_an_anchor() -> None:
    (expr,) = find_dates("on Thursday")
    assert resolve(expr, None, Tense.FUTURE) is None


def test_the_following_day_counts_from_the_previous_date() -> None:
    _, following = find_dates("on January 12 and with the OSCE the following day")
    assert following.kind is Kind.AFTER_PREVIOUS
    resolved = resolve(following, ANCHOR, Tense.FUTURE, previous=PartialDate(2022, 1, 12))
    assert resolved is not None
    assert str(resolved.date) == "2022-01-13"
    assert "after 2022-01-12" in resolved.note


def test_a_note_says_how_the_date_was_derived() -> None:
    (expr,) = find_dates("will speak Thursday")
    resolved = resolve(expr, ANCHOR, Tense.FUTURE)
    assert resolved is not None
    assert resolved.note == "'Thursday' (future) in an article of 2021-12-29"


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("will hold a call", Tense.FUTURE),
        ("are scheduled to speak", Tense.FUTURE),
        ("spoke with", Tense.PAST),
        ("announced that", Tense.PAST),
    ],
)
def test_tense(text: str, tense: Tense) -> None:
    assert tense_of(text) is tense


def test_clock_times_with_zones() -> None:
    time = find_time("scheduled to take place at 3:30 p.m. ET (2030 GMT)")
    assert time is not None
    assert (time.time, time.timezone) == ("15:30", "America/New_York")
    assert find_time("no time here") is None


def test_a_day_in_the_year_said_and_a_past_month_before_the_anchor() -> None:
    september = dt.date(2024, 9, 16)
    arrested, bail = find_dates("arrested on Nov. 3 last year and on bail since January")
    assert arrested.text == "Nov. 3 last year"
    resolved = [resolve(e, september, Tense.PAST) for e in (arrested, bail)]
    assert [str(r.date) for r in resolved if r] == ["2023-11-03", "2024-01"]


def test_patterns_skipped_by_their_quick_check_still_find_every_date() -> None:
    found = find_dates("On ٢٠٢١-١٢-٣٠, Monday, 5 May 2021 and the day before, not the 5th")
    assert [(d.text, d.kind.value) for d in found] == [
        ("٢٠٢١-١٢-٣٠", "full"),
        ("Monday", "weekday"),
        ("5 May 2021", "full"),
        ("the day before", "after-previous"),
    ]


def test_a_numeric_day_and_month_without_a_year_is_read_only_one_way() -> None:
    def read(text: str) -> list[tuple[int | None, int | None]]:
        return [(d.month, d.day) for d in find_dates(text) if d.kind is Kind.MONTH_DAY]

    assert read("Inflation data published on 26/02 showed prices up") == [(2, 26)]
    assert read("The deal was struck on 08/13, late at night") == [(8, 13)]
    assert read("They met on 06/11 at the port") == []
    assert read("A crew on 24/7 standby") == []
