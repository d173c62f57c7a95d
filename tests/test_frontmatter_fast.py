"""Front matter's fast paths give exactly what the careful pure-Python loader gives."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_frontmatter import HARD_TEXT, METAS, YAMLISH

from generator import frontmatter
from generator.frontmatter import FrontMatterError, parse_mapping, render

PATH = "content/events/x.md"

pytestmark = pytest.mark.skipif(
    frontmatter._CComposer is None, reason="PyYAML was built without libyaml"
)


def careful(raw: str) -> tuple[dict[str, Any], dict[str, int]] | str:
    """What the pure-Python loader makes of `raw`: (mapping, lines) or the diagnostic."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(frontmatter, "direct_mapping", lambda raw, first_line: None)
        patch.setattr(frontmatter, "_CComposer", None)
        return either(raw)


def either(raw: str) -> tuple[dict[str, Any], dict[str, int]] | str:
    try:
        return parse_mapping(raw, PATH, 2)
    except FrontMatterError as exc:
        return str(exc.diagnostic)


def test_ordinary_front_matter_takes_the_fast_path() -> None:
    raw = "title: Call\ndate: 2021-12-30\nactors: [a, b]\nquotes:\n  - text: hi\n    speaker: a\n"
    assert frontmatter._fast_mapping(raw, 2) == careful(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "a: &x 1\nb: *x\n",
        "a: !!binary aGVsbG8=\n",
        "a: 1\na: 2\n",
        "a: " + "[" * 40 + "]" * 40 + "\n",
        "a: " + "[" * 100_000 + "\n",
        "- " * 100_000 + "\n",
        "a: b\x00\n",
        "a: b\u2028c\n",
        "a: &x [*x]\n",
    ],
    ids=["alias", "tag", "duplicate", "deep", "very deep", "deep block", "NUL", "LS", "recursive"],
)
def test_unusual_front_matter_is_left_to_the_careful_loader(raw: str) -> None:
    assert frontmatter._fast_mapping(raw, 2) is None
    assert either(raw) == careful(raw)


@settings(max_examples=500, deadline=None)
@given(meta=METAS)
def test_rendered_front_matter_parses_the_same_on_both_paths(meta: dict[str, Any]) -> None:
    raw = render(meta, "").removeprefix("---\n").removesuffix("---\n")
    assert either(raw) == careful(raw)


@settings(max_examples=1500, deadline=None)
@given(raw=st.one_of(YAMLISH, st.lists(HARD_TEXT, max_size=8).map("\n".join)))
def test_any_text_gives_the_same_result_on_both_paths(raw: str) -> None:
    assert either(raw) == careful(raw)
