"""Markdown bodies: citations as numbered source links, escaped HTML, safe link targets."""

from __future__ import annotations

import pytest

from generator.render.markdown import Reference, citations, is_safe_url, render_markdown

TITLES = {"reuters": "Reuters story", "ap": "AP <story>"}
CASES = [
    (
        "Said [@reuters].",
        '<p>Said <sup class="cite">[<a href="../../sources/reuters/index.html" '
        'title="Reuters story">1</a>]</sup>.</p>\n',
    ),
    (
        "Both [@ap; @reuters], again [@reuters].",
        '<p>Both <sup class="cite">[<a href="../../sources/ap/index.html" '
        'title="AP &lt;story&gt;">1</a>, <a href="../../sources/reuters/index.html" '
        'title="Reuters story">2</a>]</sup>, again <sup class="cite">'
        '[<a href="../../sources/reuters/index.html" title="Reuters story">2</a>]</sup>.</p>\n',
    ),
    (
        "Unknown [@tass].",
        '<p>Unknown <sup class="cite">[<span class="cite-missing">?tass</span>]</sup>.</p>\n',
    ),
    ("In code `[@reuters]`.", "<p>In code <code>[@reuters]</code>.</p>\n"),
    ("A link [@reuters](https://x.org).", '<p>A link <a href="https://x.org">@reuters</a>.</p>\n'),
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"),
    ("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>\n"),
    (
        "[m](mailto:a@b.org) [r](../x/)",
        '<p><a href="mailto:a@b.org">m</a> <a href="../x/">r</a></p>\n',
    ),
]


@pytest.mark.parametrize(("text", "html"), CASES)
def test_render(text: str, html: str) -> None:
    assert render_markdown(text, "../../", TITLES).html == html


def test_references_are_numbered_by_first_citation() -> None:
    body = render_markdown("[@ap] then [@reuters; @ap] and [@tass]", "", TITLES)
    assert body.references == (Reference(1, "ap"), Reference(2, "reuters"))


def test_citations_carry_their_line_in_the_body() -> None:
    text = "Intro [@ap].\n\n- item\n- item [@reuters;@tass]\n"
    assert citations(text) == [("ap", 0), ("reuters", 3), ("tass", 3)]


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://x.org", True),
        ("http://x.org", True),
        ("mailto:a@b.org", True),
        ("../events/x/index.html", True),
        ("#ref-1", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("java%09script:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("&#106;avascript:alert(1)", False),
        ("events/a:b/index.html", True),
    ],
)
def test_is_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe
