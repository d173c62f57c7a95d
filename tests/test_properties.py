"""Properties of date resolution and citation rendering, for any text and any anchor."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from generator.extract.dates import Kind, Tense, find_dates, resolve
from generator.model import PartialDate
from generator.render.markdown import citations, render_markdown

ANCHORS = st.dates(dt.date(1901, 1, 1), dt.date(2098, 12, 31))
TENSES = st.sampled_from(list(Tense))
DATE_WORDS = st.sampled_from(
    [
        "on Thursday",
        "last Monday",
        "next Friday",
        "Feb. 29",
        "February 29",
        "Dec. 31",
        "Jan. 1",
        "Jan. 10",
        "December 30, 2021",
        "2021-12-30",
        "December 2021",
        "in 2022",
        "this month",
        "earlier this month",
        "next month",
        "last year",
        "next week",
        "yesterday",
        "tomorrow",
        "the following day",
        "the day before",
        "May",
        "may",
        "31 April",
        "Sept. 31",
        "at 3:30 p.m. ET",
    ]
)
SENTENCES = st.lists(st.one_of(DATE_WORDS, st.text(max_size=12)), max_size=8).map(" ".join)


@settings(deadline=None)
@given(text=SENTENCES)
def test_found_dates_are_ordered_disjoint_slices_of_the_text(text: str) -> None:
    found = find_dates(text)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start
    for date in found:
        assert text[date.start : date.end] == date.text


@settings(deadline=None)
@given(text=SENTENCES, anchor=ANCHORS, tense=TENSES)
@example(text="Feb. 29", anchor=dt.date(2021, 12, 30), tense=Tense.PAST)
def test_resolving_any_found_date_against_any_anchor_never_raises(
    text: str, anchor: dt.date, tense: Tense
) -> None:
    previous = None
    for expr in find_dates(text):
        resolved = resolve(expr, anchor, tense, previous)
        if resolved is not None:
            assert isinstance(resolved.date, PartialDate)
            previous = resolved.date


def single(text: str) -> object:
    found = find_dates(text)
    assume(len(found) == 1)
    return found[0]


@settings(deadline=None)
@given(anchor=ANCHORS, tense=TENSES, day=st.sampled_from(list(range(7))))
def test_a_weekday_resolves_within_a_week_on_the_side_of_the_tense(
    anchor: dt.date, tense: Tense, day: int
) -> None:
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day]
    (expr,) = [d for d in find_dates(f"on {name}") if d.kind is Kind.WEEKDAY]
    resolved = resolve(expr, anchor, tense)
    assert resolved is not None
    when = dt.date(resolved.date.year, resolved.date.month or 0, resolved.date.day or 0)
    assert when.weekday() == day
    delta = (when - anchor).days
    assert (0 <= delta <= 6) if tense is Tense.FUTURE else (-6 <= delta <= 0)


@settings(deadline=None)
@given(anchor=ANCHORS, tense=TENSES, when=st.dates(dt.date(1901, 1, 1), dt.date(2098, 12, 31)))
def test_a_full_date_resolves_to_itself_whatever_the_anchor(
    anchor: dt.date, tense: Tense, when: dt.date
) -> None:
    text = f"{when:%B} {when.day}, {when.year}"
    (expr,) = find_dates(text)
    resolved = resolve(expr, anchor, tense)
    assert resolved is not None
    assert resolved.date == PartialDate(when.year, when.month, when.day)


@settings(deadline=None)
@given(anchor=ANCHORS, tense=TENSES, when=st.dates(dt.date(2000, 1, 1), dt.date(2000, 12, 31)))
def test_a_month_and_day_resolve_to_the_nearest_year(
    anchor: dt.date, tense: Tense, when: dt.date
) -> None:
    assume((when.month, when.day) != (2, 29))
    (expr,) = find_dates(f"on {when:%B} {when.day}")
    resolved = resolve(expr, anchor, tense)
    assert resolved is not None
    assert (resolved.date.month, resolved.date.day) == (when.month, when.day)
    assert abs(resolved.date.year - anchor.year) <= 1


@settings(deadline=None)
@given(text=SENTENCES, anchor=ANCHORS, tense=TENSES)
def test_resolution_is_pure(text: str, anchor: dt.date, tense: Tense) -> None:
    found = find_dates(text)
    assert found == find_dates(text)
    for expr in found:
        try:
            first = resolve(expr, anchor, tense)
        except ValueError:
            continue
        assert resolve(expr, anchor, tense) == first


# --- citations ---------------------------------------------------------------------------------

IDS = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
FILLER = st.sampled_from(["", "Talks. ", "word ", "\n", "\n\n", "*em* ", "`code` ", "- item\n"])


@settings(deadline=None)
@given(
    groups=st.lists(st.lists(IDS, min_size=1, max_size=3), min_size=1, max_size=8),
    known=st.sets(IDS, max_size=6),
    filler=FILLER,
)
def test_citations_are_numbered_by_first_appearance(
    groups: list[list[str]], known: set[str], filler: str
) -> None:
    titles = {source: f"Title of {source}" for source in known | {groups[0][0]}}
    body = filler.join("[" + "; ".join(f"@{i}" for i in group) + "]" for group in groups)
    body = f"Start {body} end."
    rendered = render_markdown(body, "../../", titles)
    first_seen = list(dict.fromkeys(i for group in groups for i in group if i in titles))
    assert [r.source_id for r in rendered.references] == first_seen
    assert [r.number for r in rendered.references] == list(range(1, len(first_seen) + 1))
    assert [source for source, _ in citations(body)] == [i for group in groups for i in group]
    for reference in rendered.references:
        assert f'sources/{reference.source_id}/index.html"' in rendered.html
    for group in groups:
        for missing in set(group) - set(titles):
            assert f'<span class="cite-missing">?{missing}</span>' in rendered.html


@settings(deadline=None)
@given(lines_before=st.integers(0, 6), source=IDS)
def test_citation_lines_count_from_the_body_start(lines_before: int, source: str) -> None:
    body = "Paragraph line.\n" * lines_before + f"Claim [@{source}].\n"
    assert citations(body) == [(source, lines_before)]


URLS = st.sampled_from(
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "&#x6A;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://example.org/a?b=c&d=<e>",
        "relative/path",
        "mailto:a@example.org",
    ]
)
LINKS = st.one_of(
    URLS.map(lambda url: f"[click]({url})"),
    URLS.map(lambda url: f"[click](<{url}>)"),
    URLS.map(lambda url: f"<{url}>"),
    URLS.map(lambda url: f"![img]({url})"),
    URLS.map(lambda url: f"[ref]\n\n[ref]: {url}"),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            '<a href="javascript:alert(1)">x</a>',
            "<iframe src=//evil.example>",
            "{{ 7*7 }}",
        ]
    ),
)
HREF = re.compile(r'(?:href|src)="([^"]*)"')


def browser_scheme(url: str) -> str:
    """The scheme a browser would see: entities decoded, controls and spaces dropped."""
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower()
    scheme = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return scheme.group(1) if scheme else ""


@settings(deadline=None)
@given(parts=st.lists(st.one_of(LINKS, st.text(max_size=10)), min_size=1, max_size=6))
def test_rendered_markdown_never_carries_script(parts: list[str]) -> None:
    rendered = render_markdown("\n\n".join(parts), "../../", {}).html
    assert "<script" not in rendered.lower()
    assert "<iframe" not in rendered.lower()
    assert not re.search(r"<[a-z][^>]*\son\w+=", rendered, re.IGNORECASE)
    for url in HREF.findall(rendered):
        assert browser_scheme(url) in ("", "http", "https", "mailto"), url
