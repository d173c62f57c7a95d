"""Front matter: exact messages for hostile input, and properties that hold for any input."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.frontmatter import (
    MAX_DEPTH,
    MAX_FRONT_MATTER_CHARS,
    FrontMatterError,
    dump_yaml,
    parse,
    render,
    split,
)
from generator.model import PartialDate

PATH = "content/events/x.md"


def error_of(text: str) -> str:
    with pytest.raises(FrontMatterError) as info:
        parse(text, PATH)
    return str(info.value.diagnostic)


# --- ordinary documents ----------------------------------------------------------------


def test_parse_reads_meta_body_and_line_numbers() -> None:
    doc = parse("---\ntitle: Call\ndate: 2021-12-30\n---\n\nBody text.\n", PATH)
    assert doc.meta == {"title": "Call", "date": "2021-12-30"}
    assert doc.body == "\nBody text.\n"
    assert dict(doc.lines) == {"title": 2, "date": 3}
    assert doc.body_line == 5


def test_dates_and_times_stay_the_text_the_author_wrote() -> None:
    doc = parse(
        "---\nday: 2021-12-30\nmonth: 2021-12\nyear: 2021\ntime: 15:30\n"
        "stamp: 2021-12-30 15:30:00\n---\n",
        PATH,
    )
    assert doc.meta == {
        "day": "2021-12-30",
        "month": "2021-12",
        "year": 2021,
        "time": "15:30",
        "stamp": "2021-12-30 15:30:00",
    }


def test_yaml_1_1_surprises_stay_text() -> None:
    doc = parse(
        "---\ncountry: NO\nanswer: yes\nsexagesimal: 1:30.5\noctal: 012\neq: =\n---\n", PATH
    )
    assert doc.meta == {
        "country": "NO",
        "answer": "yes",
        "sexagesimal": "1:30.5",
        "octal": "012",
        "eq": "=",
    }


def test_plain_scalars_keep_their_types() -> None:
    doc = parse("---\nt: true\nf: False\nn: ~\ne:\ni: -12\nh: 0x1F\nx: 1.5\n---\n", PATH)
    assert doc.meta == {"t": True, "f": False, "n": None, "e": None, "i": -12, "h": 31, "x": 1.5}


def test_byte_order_mark_is_ignored() -> None:
    doc = parse("\ufeff---\ntitle: x\n---\nbody\n", PATH)
    assert doc.meta == {"title": "x"}
    assert doc.body == "body\n"


def test_crlf_line_endings_parse_with_the_same_line_numbers() -> None:
    doc = parse("---\r\ntitle: x\r\nlist: [a, b]\r\n---\r\nbody\r\n", PATH)
    assert doc.meta == {"title": "x", "list": ["a", "b"]}
    assert dict(doc.lines) == {"title": 2, "list": 3}
    assert doc.body_line == 5
    assert doc.body == "body\r\n"


def test_closing_fence_may_be_three_dots() -> None:
    assert parse("---\na: 1\n...\nbody", PATH).body == "body"


def test_empty_front_matter_is_an_empty_mapping() -> None:
    doc = parse("---\n---\nbody", PATH)
    assert doc.meta == {}
    assert doc.body_line == 3


def test_split_without_front_matter_returns_the_whole_text_as_body() -> None:
    assert split("just text\n---\n") == (None, "just text\n---\n", 1)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("---\na: 1\n---\nbody\n", ("a: 1\n", "body\n", 2)),
        ("\ufeff--- \na: 1\n--- \t\xa0\nbody", ("a: 1\n", "body", 2)),
        ("---\na: 1\n---x\n...\n", ("a: 1\n---x\n", "", 2)),
        ("---\na: 1\n---", ("a: 1\n", "", 2)),
        ("---\n---\n\n---\n", ("", "\n---\n", 2)),
        ("---\r\na\r\n---\r\nb\r\n", ("a\r\n", "b\r\n", 2)),
    ],
    ids=["plain", "bom-and-trailing-space", "not-a-fence", "at-end", "empty", "crlf"],
)
def test_split_finds_the_first_closing_line(text: str, parts: tuple[str, str, int]) -> None:
    assert split(text) == parts


def test_merge_key_is_an_ordinary_key() -> None:
    assert parse("---\n<<: {a: 1}\n---\n", PATH).meta == {"<<": {"a": 1}}


# --- hostile documents: exact messages -------------------------------------------------

BILLION_LAUGHS = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
---
"""

HOSTILE = {
    "billion laughs": (
        BILLION_LAUGHS,
        f"{PATH}:3: invalid front matter: YAML aliases (*name) are not supported; "
        "write the value out in full",
    ),
    "python object tag": (
        "---\ntitle: x\nrun: !!python/object/apply:os.system [echo pwned]\n---\n",
        f"{PATH}:3: invalid front matter: the tag !!python/object/apply:os.system is not "
        "allowed; only plain text, numbers, true/false, null, lists and mappings are",
    ),
    "python name tag": (
        "---\nx: !!python/name:os.system\n---\n",
        f"{PATH}:2: invalid front matter: the tag !!python/name:os.system is not allowed; "
        "only plain text, numbers, true/false, null, lists and mappings are",
    ),
    "binary tag": (
        "---\nx: !!binary aGVsbG8=\n---\n",
        f"{PATH}:2: invalid front matter: the tag !!binary is not allowed; "
        "only plain text, numbers, true/false, null, lists and mappings are",
    ),
    "local tag": (
        "---\nx:\n  - !custom {a: 1}\n---\n",
        f"{PATH}:3: invalid front matter: the tag !custom is not allowed; "
        "only plain text, numbers, true/false, null, lists and mappings are",
    ),
    "duplicate key": (
        "---\ntitle: a\ndate: 2021\ntitle: b\n---\n",
        f"{PATH}:4: invalid front matter: duplicate key 'title'; keep only one of them",
    ),
    "duplicate key, nested": (
        "---\nquotes:\n  - text: a\n    text: b\n---\n",
        f"{PATH}:4: invalid front matter: duplicate key 'text'; keep only one of them",
    ),
    "duplicate key, spelled differently": (
        "---\n1: a\n'1': b\n---\n",
        f"{PATH}:3: invalid front matter: duplicate key '1'; keep only one of them",
    ),
    "list key": (
        "---\n[a, b]: c\n---\n",
        f"{PATH}:2: invalid front matter: a mapping key must be plain text",
    ),
    "list, not a mapping": (
        "---\n- a\n- b\n---\n",
        f"{PATH}:2: front matter must be a mapping of `key: value` lines",
    ),
    "text, not a mapping": (
        "---\njust a sentence\n---\n",
        f"{PATH}:2: front matter must be a mapping of `key: value` lines",
    ),
    "unterminated": (
        "---\ntitle: x\n\nbody\n",
        f"{PATH}:1: front matter is not closed: add a line `---` after it",
    ),
    "no front matter": (
        "title: x\n",
        f"{PATH}:1: no front matter: the file must start with a line `---`",
    ),
    "empty file": ("", f"{PATH}:1: no front matter: the file must start with a line `---`"),
    "NUL byte": (
        "---\ntitle: x\nsummary: a\x00b\n---\n",
        f"{PATH}:3: invalid front matter: the character U+0000 is not allowed in YAML; delete it",
    ),
    "escape character": (
        "---\ntitle: \x1b[31mred\n---\n",
        f"{PATH}:2: invalid front matter: the character U+001B is not allowed in YAML; delete it",
    ),
    "deep nesting": (
        "---\nx: " + "[" * 10_000 + "]" * 10_000 + "\n---\n",
        f"{PATH}:2: invalid front matter: values are nested more than {MAX_DEPTH} levels deep",
    ),
    "tab indentation": (
        "---\ntitle: x\n\tdate: 2021\n---\n",
        f"{PATH}:3: invalid front matter: found character '\\t' that cannot start any token",
    ),
    "bad indentation": (
        "---\ntitle: x\n  date: 2021\n---\n",
        f"{PATH}:3: invalid front matter: mapping values are not allowed here",
    ),
    "huge front matter": (
        "---\ntitle: " + "x" * MAX_FRONT_MATTER_CHARS + "\n---\n",
        f"{PATH}:2: front matter is larger than {MAX_FRONT_MATTER_CHARS:,} characters; "
        "move long text into the body",
    ),
}


@pytest.mark.parametrize("text,message", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_front_matter_gives_one_exact_message(text: str, message: str) -> None:
    assert error_of(text) == message


def test_a_fifty_megabyte_body_is_fine() -> None:
    body = "word " * 10_000_000
    doc = parse(f"---\ntitle: x\n---\n{body}", PATH)
    assert len(doc.body) == len(body)
    assert doc.meta == {"title": "x"}


def test_crlf_error_lines_match_lf_error_lines() -> None:
    assert error_of("---\r\ntitle: a\r\ntitle: b\r\n---\r\n") == (
        f"{PATH}:3: invalid front matter: duplicate key 'title'; keep only one of them"
    )


def test_line_numbers_count_newlines_only() -> None:
    """U+2028 is a line break to YAML but not to an editor; lines follow the editor."""
    doc = parse('---\nsummary: "a\u2028b"\ntitle: x\n---\n', PATH)
    assert doc.lines["title"] == 3


def test_a_hidden_line_break_that_breaks_the_yaml_is_named() -> None:
    assert error_of("---\ntitle: x\nsummary: a\u2028b c\n---\n") == (
        f"{PATH}:3: invalid front matter: the character U+2028 is a line break to YAML; "
        "replace it with a space"
    )


# --- properties --------------------------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
HARD_TEXT = st.one_of(
    TEXT,
    st.sampled_from(
        [
            "---",
            "...",
            "a: b",
            "- x",
            "'quoted'",
            '"double"',
            "#comment",
            "yes",
            "no",
            "null",
            "~",
            "012",
            "1:30",
            "2021-12-30",
            "2021-12",
            "line\nbreak",
            "trailing\n",
            "blank lines after\n\n",
            "\n",
            "\n---\n",
            "  leading spaces",
            "trailing space ",
            "\u05e9\u05dc\u05d5\u05dd \u0627\u0644\u0633\u0644\u0627\u0645",
            "e\u0301\u0301\u0301",
            "\u202eevil\u202c",
            "&anchor",
            "*alias",
            "!tag",
            "%directive",
            "@at",
            "`tick`",
            "{a: 1}",
            "[1, 2]",
            "\t tab",
            "\r\n",
            "a\u2028b",
            "\x85",
            "\x00",
        ]
    ),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    HARD_TEXT,
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(HARD_TEXT, children, max_size=4)
    ),
    max_leaves=12,
)
METAS = st.dictionaries(HARD_TEXT, VALUES, max_size=6)


@settings(max_examples=400, deadline=None)
@given(meta=METAS, body=HARD_TEXT)
def test_render_then_parse_gives_back_meta_and_body(meta: dict[str, Any], body: str) -> None:
    doc = parse(render(meta, body), PATH)
    assert doc.meta == meta
    assert doc.body.strip("\n") == body.strip("\n")
    assert list(doc.lines) == list(meta)


@settings(deadline=None)
@given(meta=st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), VALUES, max_size=6))
def test_key_lines_point_at_their_keys(meta: dict[str, Any]) -> None:
    text = render(meta, "")
    lines = text.split("\n")
    for key, line in parse(text, PATH).lines.items():
        assert lines[line - 1].replace("'", "").startswith(f"{key}:")


DATES = st.one_of(
    st.builds(PartialDate, st.integers(1, 9999)),
    st.builds(PartialDate, st.integers(1, 9999), st.integers(1, 12)),
    st.dates().map(lambda d: PartialDate(d.year, d.month, d.day)),
)


@settings(deadline=None)
@given(date=DATES)
def test_dates_keep_their_precision_through_render_and_parse(date: PartialDate) -> None:
    value = parse(render({"date": date}, ""), PATH).meta["date"]
    assert PartialDate.parse(str(value)) == date
    assert PartialDate.parse(str(value)).precision == date.precision


@pytest.mark.parametrize("value", ["x\n\n", "\n", {"nested": "x\n\n\n"}, ["a\n\n"]])
def test_text_ending_in_blank_lines_keeps_the_body_where_it_was(value: object) -> None:
    text = render({"a": value}, "Body.")
    assert "\n...\n" not in text
    doc = parse(text, PATH)
    assert doc.meta == {"a": value}
    assert doc.body == "\nBody.\n"


def test_dates_are_written_bare() -> None:
    text = dump_yaml(
        {"a": PartialDate(2021), "b": PartialDate(2021, 12), "c": PartialDate(2021, 12, 30)}
    )
    assert text == "a: 2021\nb: 2021-12\nc: 2021-12-30\n"


YAMLISH = st.text(
    st.sampled_from(list("ab:-[]{},'\"&*!|>#%@`?~\\ \t\n\r\x00\u2028\ufeff0123456789.")),
    max_size=80,
)


@settings(max_examples=1000, deadline=None)
@given(front=YAMLISH, body=YAMLISH)
def test_any_text_parses_or_fails_with_one_diagnostic(front: str, body: str) -> None:
    """Fuzz: only FrontMatterError escapes, always with a line inside the file."""
    text = f"---\n{front}\n---\n{body}"
    try:
        doc = parse(text, PATH)
    except FrontMatterError as exc:
        d = exc.diagnostic
        assert d.path == PATH
        assert 1 <= d.line <= text.count("\n") + 1
        assert "\n" not in d.message
    else:
        assert isinstance(doc.meta, dict)
        assert all(isinstance(key, str) for key in doc.meta)
