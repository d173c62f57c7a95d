"""Plain prose rendered directly gives exactly what markdown-it gives."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.render.markdown import _parsed_body, _plain_body

PROSE = (
    "\nOfficials met [@afp-one]. Talks *stalled* over **grain** exports [@a; @b-2].\n"
    'Second line, "quoted" (aside) — 50% of it: yes! No? #3 + x = y / z @ 9:30.\n'
    "\n"
    '> "A quote on two lines,\n'
    "> and its end.\n"
    ">\n"
    "> — Élodie Ärm [@afp-one]\n"
    "\n"
    "- One item [@b-2]\n"
    "- Another *item*\n"
    "\n"
    "Last.\n"
)

PIECES = st.sampled_from(
    [
        *["word", "Word", "Élan", "x1", "42", "1.", "1)", "a_b", "—", "“q”", "’", "ǅ"],
        *[" ", "  ", "\t", "\n", "\n\n", "\r\n", "\x00", "\u2028", "\xa0"],
        *["*", "**", "***", "_", "__", "~~", "`", "\\", "&amp;", "&", "<b>", "<", ">", "|"],
        *["[", "]", "(", ")", "[@a]", "[@a; @b]", "[@a](x)", "[@A]", "![@a]", "[@a]:", "[x]"],
        *["> ", ">", "- ", "* ", "+ ", "# ", "---", "===", "    ", "   ", "!", "?", ".", ",", ":"],
        *['"', "'", "#", "%", "=", "+", "/", "@", "$", "€"],
    ]
)

EASY_WORDS = st.sampled_from(
    [
        *["Word", "word", "Élan", "x1", " ", " ", " ", "**", "*", "[@a]", "[@a; @b]", "[@a-1;@b]"],
        *['"', ".", ",", "!", "?", ":", "(", ")", "—", "’", "-", "#"],
    ]
)
WORDS = st.one_of(EASY_WORDS, EASY_WORDS, EASY_WORDS, PIECES)
LINES = st.tuples(
    st.sampled_from(["", "", "", "", "", "> ", "> ", ">", "- ", "- ", "* ", "1. ", " ", "# "]),
    st.lists(WORDS, max_size=10).map("".join),
).map("".join)
PLAIN_LINES = st.tuples(
    st.sampled_from(["", "", "", "> ", ">", "- "]),
    st.sampled_from(["", "Word", "Word", "Word"]),
    st.lists(EASY_WORDS, max_size=12).map("".join),
).map("".join)
BODIES = st.one_of(
    st.lists(PIECES, max_size=40).map("".join),
    st.lists(LINES).map("\n".join),
    st.lists(PLAIN_LINES).map("\n".join),
)


def test_prose_takes_the_direct_path() -> None:
    direct = _plain_body(PROSE)
    assert direct is not None
    assert direct == _parsed_body(PROSE)
    assert direct.citations == (("afp-one", 1), ("a", 1), ("b-2", 1), ("afp-one", 7), ("b-2", 9))


@pytest.mark.parametrize(
    "body",
    [
        "- a\n\n- b\n",
        "A\n- b\n",
        ">\n> a\n",
        "> a\nlazy\n",
        "a *b*c\n",
        "a**b**\n",
        "1. a\n",
        "A  \nB\n",
        "A\n===\n",
        "[@a]: x\n",
        "a ![@a]\n",
    ],
)
def test_markup_beyond_plain_prose_is_left_to_markdown_it(body: str) -> None:
    assert _plain_body(body) is None


@settings(max_examples=800, deadline=None)
@given(BODIES)
@example(PROSE)
def test_any_text_renders_the_same_on_both_paths(body: str) -> None:
    direct = _plain_body(body)
    assert direct is None or direct == _parsed_body(body)
