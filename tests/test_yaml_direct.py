"""The direct YAML writer gives PyYAML's bytes exactly, or declines.

Differential: every shape ingest writes, random shapes and awkward text, and
the front matter of the repository's own content/, are dumped both ways.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.frontmatter import careful_yaml, dump_yaml, parse
from generator.model import PartialDate, Precision
from generator.yaml_direct import direct_yaml

CONTENT = Path(__file__).resolve().parent.parent / "content"

AWKWARD = list(" :#,[]{}&*!|>'\"%@`?-.~=<\\/\t\n\r\x85\u2028\u2029\xa0\ufeff\x00é’—日🙂0123456789")
TEXT = st.one_of(
    st.text(st.sampled_from(AWKWARD + list("abcXYZ ")), max_size=12),
    st.sampled_from(
        [
            "",
            "yes",
            "No",
            "null",
            "~",
            "true",
            "1.5",
            "0x1F",
            "2021-12-30",
            "12:30",
            "1_000",
            ".inf",
            "<<",
            "=",
            "---x",
            "...",
            "- item",
            "a: b",
            "a #b",
            "a#b",
            "'quoted'",
            "it's",
            "x" * 1_500,
        ]
    ),
    st.text(max_size=30),
)
DATES = st.builds(
    PartialDate,
    st.integers(1, 2100),
    st.one_of(st.none(), st.integers(1, 12)),
).map(lambda d: d if d.month is None else PartialDate(d.year, d.month, 1))
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-(10**6), 10**6), TEXT, DATES)
KEYS = st.one_of(
    st.sampled_from(["title", "date", "outlet", "speaker", "no", "on", "a_b", "x1"]), TEXT
)


def values(depth: int) -> st.SearchStrategy[Any]:
    if depth == 0:
        return SCALARS
    inner = values(depth - 1)
    return st.one_of(
        SCALARS,
        st.lists(inner, max_size=4),
        st.dictionaries(KEYS, inner, max_size=3),
        st.floats(allow_nan=False),
    )


@settings(max_examples=1_500, deadline=None)
@given(st.dictionaries(KEYS, values(3), max_size=6))
def test_direct_output_is_pyyamls_or_nothing(meta: dict[str, Any]) -> None:
    direct = direct_yaml(meta)
    assert direct is None or direct == careful_yaml(meta)


LINE = st.text(st.sampled_from([*AWKWARD[:20], *"’—é日 abcdefXYZ019"]), max_size=20)
ITEM = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), LINE, DATES)
INGEST_SHAPED = st.dictionaries(
    st.sampled_from(["title", "date", "summary", "actors", "quotes", "disputed", "extra"]),
    st.one_of(
        ITEM,
        st.lists(ITEM, max_size=5),
        st.lists(st.dictionaries(st.sampled_from(["text", "speaker", "source"]), ITEM), max_size=3),
        st.dictionaries(
            st.sampled_from(["date", "place"]),
            st.lists(
                st.fixed_dictionaries({"value": LINE, "sources": st.lists(LINE, max_size=4)}),
                max_size=2,
            ),
        ),
    ),
    min_size=1,
)


@settings(max_examples=1_500, deadline=None)
@given(INGEST_SHAPED)
def test_ingest_shaped_output_is_pyyamls_or_nothing(meta: dict[str, Any]) -> None:
    direct = direct_yaml(meta)
    assert direct is None or direct == careful_yaml(meta)


def test_what_ingest_writes_takes_the_direct_path_and_matches() -> None:
    meta: dict[str, Any] = {
        "title": "Biden and Putin hold a call: the second this month",
        "date": PartialDate(2021, 12, 30),
        "time": "15:30",
        "timezone": "America/New_York",
        "status": "occurred",
        "summary": "They spoke for 50 minutes, the White House said.",
        "actors": ["joe-biden", "vladimir-putin"],
        "sources": ["reuters-2021-12-29-biden-putin-to-hold-second-call", "ap-2021-12-30-x"],
        "quotes": [
            {"text": "We’ll see", "speaker": "joe-biden", "source": "a"},
            {"text": "'Serious' talks", "speaker": None, "source": "b"},
        ],
        "date_note": "'Thursday' (future) in an article of 2021-12-29",
        "disputed": {"date": [{"value": "2022-01-10", "sources": ["a", "b"]}]},
        "published": PartialDate(2021, 12),
        "published_inferred": True,
        "aliases": [],
        "year": PartialDate(2014),
    }
    direct = direct_yaml(meta)
    assert direct is not None
    assert direct == careful_yaml(meta)


def test_dates_and_odd_values_match() -> None:
    odd: list[Any] = [PartialDate(48), PartialDate(2021, 2), 1.5, [[1]], {}, [{}], "a\nb"]
    for value in odd:
        meta = {"value": value}
        assert dump_yaml(meta) == careful_yaml(meta)
    assert PartialDate(48).precision is Precision.YEAR


def test_the_repositorys_content_front_matter_is_written_the_same_way() -> None:
    paths = sorted(CONTENT.rglob("*.md"))
    assert paths
    for path in paths:
        meta = parse(path.read_text(encoding="utf-8"), path.name).meta
        direct = direct_yaml(meta)
        assert direct is None or direct == careful_yaml(meta), path.name
