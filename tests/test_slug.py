"""Slugs made from article text: always a safe, bounded, stable id inside its folder."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import ID_PATTERN
from generator.slug import MAX_SLUG_LENGTH, RESERVED_NAMES, slugify, unique_slug

RESERVED = {"con", "prn", "aux", "nul", "index"} | {
    f"{d}{i}" for d in ("com", "lpt") for i in range(10)
}


def test_reserved_names_are_the_windows_device_names_and_index() -> None:
    assert RESERVED == RESERVED_NAMES


HOSTILE_TEXT = st.one_of(
    st.text(),
    st.sampled_from(
        [
            "",
            "../../etc/passwd",
            "/etc/passwd",
            "..",
            ".",
            "C:\\Windows\\System32",
            "\\\\server\\share",
            "CON",
            "con.md",
            "Nul",
            "COM\u00b9",
            "LPT9",
            "index",
            "\u0000\u0001",
            "\u202eevil\u202c",
            "e\u0301\u0301\u0301",
            "\u05e9\u05dc\u05d5\u05dd",
            "\u5317\u4eac",
            "x" * 10_000,
            "word " * 10_000,
            "---",
            "~user",
            "$HOME",
        ]
    ),
)


@settings(deadline=None)
@given(HOSTILE_TEXT)
def test_slug_is_a_valid_id_inside_its_folder(text: str) -> None:
    slug = slugify(text)
    assert ID_PATTERN.match(slug)
    assert 0 < len(slug) <= MAX_SLUG_LENGTH
    assert "/" not in slug and "\\" not in slug and ".." not in slug
    assert slug not in RESERVED
    assert PurePosixPath("content/events", f"{slug}.md").parent == PurePosixPath("content/events")
    assert PureWindowsPath("content/events", f"{slug}.md").parent == PureWindowsPath(
        "content/events"
    )


@settings(deadline=None)
@given(HOSTILE_TEXT)
def test_slug_is_deterministic_and_idempotent(text: str) -> None:
    slug = slugify(text)
    assert slugify(text) == slug
    assert slugify(slug) == slug


@settings(deadline=None)
@given(st.text())
def test_slugs_are_lowercase_so_case_only_collisions_cannot_happen(text: str) -> None:
    """Decision: ids are lowercase ASCII, so two ids never differ only in case and two
    files never collide on a case-insensitive filesystem (macOS, Windows)."""
    assert slugify(text) == slugify(text).lower()
    assert slugify(text.upper()) == slugify(text.lower()) or not text.isascii()


@pytest.mark.parametrize(
    "text,slug",
    [
        ("Président Biden", "president-biden"),
        ("Biden, Putin to hold second call", "biden-putin-to-hold-second-call"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con-1"),
        ("index", "index-1"),
        ("COM\u00b9", "com1-1"),
        ("\u5317\u4eac", "item"),
        ("", "item"),
        ("x" * 200, "x" * MAX_SLUG_LENGTH),
    ],
)
def test_slugify_examples(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_long_text_is_cut_at_a_word_boundary() -> None:
    slug = slugify("word " * 100)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert slug.endswith("-word")


def test_fallback_names_text_without_ascii_letters() -> None:
    assert slugify("\u5317\u4eac", fallback="event") == "event"


@settings(deadline=None)
@given(st.lists(HOSTILE_TEXT, max_size=30))
def test_unique_slug_gives_distinct_valid_bounded_ids(texts: list[str]) -> None:
    taken: set[str] = set()
    slugs = [unique_slug(slugify(text), taken) for text in texts]
    assert len(set(slugs)) == len(slugs)
    assert taken == set(slugs)
    for slug in slugs:
        assert ID_PATTERN.match(slug)
        assert len(slug) <= MAX_SLUG_LENGTH
        assert slug not in RESERVED


@settings(deadline=None)
@given(st.lists(HOSTILE_TEXT, max_size=30))
def test_unique_slug_is_stable_for_the_same_order(texts: list[str]) -> None:
    def assign() -> list[str]:
        taken: set[str] = set()
        return [unique_slug(slugify(text), taken) for text in texts]

    assert assign() == assign()


def test_unique_slug_counts_up_from_two() -> None:
    taken = {"call", "call-2"}
    assert unique_slug("call", taken) == "call-3"
    assert taken == {"call", "call-2", "call-3"}


def test_unique_slug_of_a_maximal_base_stays_within_the_bound() -> None:
    base = "a" * MAX_SLUG_LENGTH
    taken = {base}
    assert unique_slug(base, taken) == "a" * (MAX_SLUG_LENGTH - 2) + "-2"
