"""Front matter read line by line gives exactly what the careful loader gives, or declines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_frontmatter import METAS

from generator import frontmatter
from generator.frontmatter import FrontMatterError, parse_mapping, render, split
from generator.yaml_direct import direct_mapping

PATH = "content/events/x.md"
CONTENT = Path(__file__).resolve().parent.parent / "content"
Parsed = tuple[dict[str, Any], dict[str, int]] | str


def careful(raw: str, monkeypatch: pytest.MonkeyPatch) -> Parsed:
    """What the pure-Python loader makes of `raw`: (mapping, lines) or the diagnostic."""
    with monkeypatch.context() as patch:
        patch.setattr(frontmatter, "direct_mapping", lambda raw, first_line: None)
        patch.setattr(frontmatter, "_CComposer", None)
        return either(raw)


def either(raw: str) -> Parsed:
    try:
        return parse_mapping(raw, PATH, 2)
    except FrontMatterError as exc:
        return str(exc.diagnostic)


def typed(parsed: Parsed) -> Any:
    """`parsed` with every value's type beside it (1 == True, but they must not be mixed up)."""
    if isinstance(parsed, str):
        return parsed
    return tagged(parsed[0]), parsed[1]


def tagged(value: Any) -> Any:
    if isinstance(value, dict):
        return [(key, tagged(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [tagged(item) for item in value]
    return type(value).__name__, value


INGESTED = (
    "title: Biden and Putin talk\ndate: 2021-12-07\ntime: '14:30'\nstatus: occurred\n"
    "summary: It's a call, with (some) detail — and [brackets] too.\n"
    "actors: [joe-biden, vladimir-putin]\nsources:\n  - reuters-one\n  - ap-two\n"
    "quotes:\n- text: 'We will: respond.'\n  speaker: joe-biden\n  source: ap-two\n"
    '- text: "Plain words"\n  speaker:\n  source: ap-two\nseed: null\n'
    "published_inferred: false\ncount: 12\ngenerated:\n"
    '  seeds: ["seeds/000_a.txt", "seeds/001_b.txt"]\n  hash: "08b905e85d66a0ca"\n'
)


def test_ingested_front_matter_is_read_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    direct = direct_mapping(INGESTED, 2)
    assert direct is not None
    assert typed(direct) == typed(careful(INGESTED, monkeypatch))
    assert direct[0]["time"] == "14:30"
    assert direct[1]["quotes"] == 11


def test_the_repository_content_is_read_the_same_both_ways(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = 0
    for path in sorted(CONTENT.glob("*/*.md")):
        raw = split(path.read_text(encoding="utf-8"))[0] or ""
        direct = direct_mapping(raw, 2)
        read += direct is not None
        assert direct is None or typed(direct) == typed(careful(raw, monkeypatch)), path
    assert read > 40


SCALARS = [
    *["yes", "no", "on", "off", "Yes", "012", "0o12", "1:30", "12:30:00", ".inf", "-.inf"],
    *[".nan", "1.5", "1e3", "1_000", "0x1F", "-0", "+7", "0", "42", "~", "null", "Null"],
    *["NULL", "nULL", "true", "True", "tRUE", "FALSE", "2021-12-30", "2021-12", "2021"],
    *["2021-12-30 10:00:00", "2021-12-30T10:00:00Z", "<<", "=", "a b", "a  b", "a:b", "a: b"],
    *["a:", "a #b", "a#b", "#c", "- x", "-x", "-", "?x", "? x", ":x", "'it''s'", "'a'b'"],
    *["''''", "'", "''", "'a", '"', '""', '"a\\"b"', '"a\\nb"', '"tab\\t"', '"x"y"', "!!str x"],
    *["!x", "&a x", "*a", "|", ">", "%x", "@x", "`x`", "[a, b]", "[a,b]", "[ a ]", "[]", "{}"],
    *["['x, y', 1]", '["q"]', "[a, [b]]", "[a, {b: c}]", "[yes, 012, ~]", "[a, ]", "[a b, c]"],
    *["a\tb", "a ", " a", "a\r", "é’—日🙂", "\ufeffa", "a\x85b", "a\u2028b", "\xa0", "a]", "a,"],
    *["http://x.org/a?b=c#d", "a [b] {c}", "It's fine.", "x\\y"],
]
VALUES = st.sampled_from(SCALARS)
FINE_VALUES = st.sampled_from(
    [
        *["word", "two words", "yes", "012", "1:30", "~", "null", "True", "7", "-3", "2021-12-30"],
        *["'it''s: x'", "'a, b'", '"q"', "[a, b]", "[]", "['x, y', '1', 2, yes]", "é’—日🙂"],
    ]
)
LIKELY = st.one_of(VALUES, FINE_VALUES, FINE_VALUES)
NAMES = st.sampled_from([*"abcdefghij", "title", "true", "x-y", "_k"])
KEYS = st.sampled_from(["a", "Key_2", "null", "1", "-a", "a b", "&x", "a\tb", "é"])
PAIRS = st.lists(st.tuples(NAMES, LIKELY).map(": ".join), min_size=1, max_size=3)
INDENTS = st.sampled_from(["", "  "])
ENTRIES = st.one_of(
    LIKELY.map(lambda value: f" {value}\n"),
    st.just("\n"),
    st.tuples(INDENTS, st.lists(LIKELY, min_size=1, max_size=3)).map(
        lambda pair: "\n" + "".join(f"{pair[0]}- {value}\n" for value in pair[1])
    ),
    PAIRS.map(lambda pairs: "\n" + "".join(f"  {pair}\n" for pair in pairs)),
    st.tuples(INDENTS, st.lists(PAIRS, min_size=1, max_size=2)).map(
        lambda pair: (
            "\n"
            + "".join(
                f"{pair[0]}- {entry[0]}\n" + "".join(f"{pair[0]}  {line}\n" for line in entry[1:])
                for entry in pair[1]
            )
        )
    ),
)
DOCUMENTS = st.lists(st.tuples(NAMES, ENTRIES).map(":".join), max_size=6).map("".join)
ODD_LINES = st.one_of(
    st.tuples(KEYS, st.sampled_from([": ", ":", ":  ", " : "]), VALUES).map("".join),
    st.tuples(st.sampled_from(["- ", "  - ", "-  ", "    - ", "  ", "    "]), VALUES).map("".join),
    st.sampled_from(["", "  ", "# comment", "  # comment", "a: b # c", "---", "...", "\t"]),
)
RAWS = st.one_of(
    DOCUMENTS,
    st.tuples(DOCUMENTS, ODD_LINES, st.integers(0, 12)).map(
        lambda odd: (
            "".join(odd[0].splitlines(keepends=True)[: odd[2]])
            + f"{odd[1]}\n"
            + "".join(odd[0].splitlines(keepends=True)[odd[2] :])
        )
    ),
    st.lists(st.one_of(ODD_LINES, LIKELY), max_size=6).map("".join),
)


@settings(max_examples=1000, deadline=None)
@given(raw=RAWS)
@example(raw=INGESTED)
@example(raw="a: 1\na: 2\n")
@example(raw="quotes:\n- text: a\n  text: b\n")
@example(raw="a:\n\n# note\n- x\n\n- y\n")
@example(raw="a:\n- x\n  - y\n")
@example(raw="a:\n  - x\n- y\n")
@example(raw="a:\n  b: 1\n   c: 2\n")
@example(raw="a:\n  b:\n  - c\n")
@example(raw="\ufeffa: b\n")
@example(raw="a: b\r\nc: d\r\n")
def test_any_front_matter_reads_the_same_directly(raw: str) -> None:
    direct = direct_mapping(raw, 2)
    if direct is not None:
        with pytest.MonkeyPatch.context() as monkeypatch:
            assert typed(direct) == typed(careful(raw, monkeypatch))


@settings(max_examples=200, deadline=None)
@given(meta=METAS)
def test_rendered_front_matter_reads_the_same_directly(meta: dict[str, Any]) -> None:
    raw = render(meta, "").removeprefix("---\n").removesuffix("---\n")
    direct = direct_mapping(raw, 2)
    if direct is not None:
        with pytest.MonkeyPatch.context() as monkeypatch:
            assert typed(direct) == typed(careful(raw, monkeypatch))
