"""Markdown bodies to HTML, with Pandoc-style citations as numbered links to sources.

`[@source-id]` and `[@one; @two]` become a `citation` token (a markdown-it-py
inline rule placed before the link rule), rendered as superscript numbers
linking to the source pages; numbers follow first appearance in the body.
Raw HTML is escaped, and link targets are limited to http(s), mailto and
relative URLs, so a content file cannot inject script.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape, unescape
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import OptionsDict

_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_CITATION = re.compile(rf"\[(?P<citation>@{_ID}(?:[ \t]*;[ \t]*@{_ID})*)\](?!\()")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")
_ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
_MARK = "\x00"


@dataclass(frozen=True)
class Reference:
    """One entry of a page's reference list: the number its citations show."""

    number: int
    source_id: str


@dataclass(frozen=True)
class RenderedBody:
    html: str
    references: tuple[Reference, ...]
    """Sources cited in the body, numbered in order of first citation."""


def is_safe_url(url: str) -> bool:
    """True for http(s), mailto and relative URLs; false for javascript:, data: and the rest.

    Judged on the URL as a lenient browser might read it (entities and %-escapes
    decoded, controls and spaces dropped); anything with a colon before its first
    `/`, `?` or `#` counts as having a scheme.
    """
    cleaned = _INVISIBLE.sub("", unquote(unescape(url)))
    head = re.split(r"[/?#]", cleaned, maxsplit=1)[0]
    scheme, colon, _ = head.partition(":")
    return not colon or scheme.lower() in _ALLOWED_SCHEMES


def _citation_rule(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "[":
        return False
    match = _CITATION.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {
            "ids": [part.strip()[1:] for part in match.group(1).split(";")],
            "offset": state.src.count("\n", 0, state.pos),
        }
    state.pos = match.end()
    return True


def _citation_lines(state: StateCore) -> None:
    """Give each citation token its 0-based line in the body (block line + offset)."""
    for block in state.tokens:
        if block.type != "inline" or not block.map or not block.children:
            continue
        for child in block.children:
            if child.type == "citation":
                child.meta["line"] = block.map[0] + child.meta["offset"]


def _citation_marker(
    renderer: RendererHTML,
    tokens: Sequence[Token],
    idx: int,
    options: OptionsDict,
    env: dict[str, Any],
) -> str:
    """A citation as a marker (`\x00id-one id-two\x00`), resolved once the sources are known.

    Markdown-it replaces NUL in its input, so the marker cannot come from a body.
    """
    return f"{_MARK}{' '.join(tokens[idx].meta['ids'])}{_MARK}"


def _citation_html(
    ids: Sequence[str], numbers: dict[str, int], prefix: str, titles: Mapping[str, str]
) -> str:
    links = []
    for source_id in ids:
        if source_id not in titles:
            links.append(f'<span class="cite-missing">?{escape(source_id)}</span>')
            continue
        number = numbers.setdefault(source_id, len(numbers) + 1)
        href = f"{prefix}sources/{source_id}/index.html"
        links.append(f'<a href="{escape(href)}" title="{escape(titles[source_id])}">{number}</a>')
    return f'<sup class="cite">[{", ".join(links)}]</sup>'


class _SafeMarkdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it-py's name)
        return is_safe_url(url)


def _make_parser() -> MarkdownIt:
    md = _SafeMarkdown("commonmark", {"html": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.core.ruler.push("citation_lines", _citation_lines)
    md.add_render_rule("citation", _citation_marker)
    return md


_MD = _make_parser()
_PREPARED_CACHE_SIZE = 65_536


@dataclass(frozen=True)
class PreparedBody:
    """A body parsed and rendered once, its citations left as markers (see `resolve`)."""

    html: str
    citations: tuple[tuple[str, int], ...]
    """Every `[@id]` cited, with its 0-based line in the body, in order of appearance."""


def prepare_markdown(text: str) -> PreparedBody:
    """Parse and render a body on its own: what does not depend on the rest of the briefing.

    Plain prose (see `_plain_body`) is rendered directly; the rest by markdown-it.
    """
    return _plain_body(text) or _parsed_body(text)


def _parsed_body(text: str) -> PreparedBody:
    tokens = _MD.parse(text)
    found = tuple(
        (source_id, child.meta["line"])
        for block in tokens
        for child in block.children or ()
        if child.type == "citation"
        for source_id in child.meta["ids"]
    )
    return PreparedBody(_MD.renderer.render(tokens, _MD.options, {}), found)


_PLAIN_CHARS = re.compile(
    r"[A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0391-\u03a9\u03b1-\u03c9\u0410-\u044f"
    r" \n.,;:!?'\"()%/@#+=$€£‘’“”–—*\[\]>-]*"
)
"""The characters of a body `_plain_body` may render: letters (Latin, Greek, Cyrillic),
digits and common punctuation; no `_`, `&`, `<`, `\\`, backtick, tab, `|` or `~`, so no
code, HTML, entity, escape, table, strikethrough or underscore emphasis, and no whitespace
but the space (markdown-it strips other kinds at line ends). Listed as ranges, not `\\w`:
that is four times faster to match."""
_PARAGRAPH_START = re.compile(r'[^\W\d_]|["“(—]|\*\*?[^\W_]')
"""What a plain paragraph's lines start with: nothing that could open a block (a list, a
heading, a rule, a fence, a link definition) or be indentation; stars only as emphasis."""
_INLINE = re.compile(
    rf"[\[*](?:(?<=\[)(?P<citation>@{_ID}(?:[ \t]*;[ \t]*@{_ID})*)\](?!\()"
    r"|(?<=\*)(?<![^ ]\*)(?P<stars>\*?)"
    r"(?P<text>[^\W_](?:[^*\[\]>]*[^\W_])?(?:\.(?=\*\*?(?: |\Z)))?)\*(?P=stars)(?=[ .,;:!?]|\Z))"
)
"""A citation (as `_CITATION`), or *emphasis* or **strong** text which holds no other
markup and whose closing stars can only close (CommonMark's flanking rules: a letter or
digit before them, or a full stop with a space or the line end after them); the opening
ones can only open when a space or the line start is before them. Each branch starts with
its first character, the `[` or `*` `_plain_inline` finds."""
_EMPHASIS = {"": "em", "*": "strong"}
_Lines = list[tuple[int, str]]
"""(0-based line number in the body, text) of consecutive lines."""


def _plain_body(text: str) -> PreparedBody | None:
    """The body markdown-it would make of plain prose, or None when it needs markdown-it.

    Plain prose is paragraphs, `> ` blockquotes of paragraphs and tight `- ` lists of
    one-line items, separated by single empty lines, whose text has only citations and
    `*emphasis*` as markup.
    """
    if "![" in text or not _PLAIN_CHARS.fullmatch(text):
        return None
    html: list[str] = []
    found: list[tuple[str, int]] = []
    block: _Lines = []
    after_list = False
    for number, line in enumerate([*text.split("\n"), ""]):
        if line:
            block.append((number, line))
            continue
        if not block:
            continue
        is_list = block[0][1].startswith("- ")
        if (is_list and after_list) or not _plain_block(block, html, found):
            return None
        block, after_list = [], is_list
    return PreparedBody("".join(html), tuple(found))


def _plain_block(block: _Lines, html: list[str], found: list[tuple[str, int]]) -> bool:
    """Render non-empty lines as a paragraph, a list, or a blockquote of paragraphs.

    A list must not follow a list: with an empty line between them, the two are one
    loose list.
    """
    if block[0][1].startswith("- "):
        return _plain_list(block, html, found)
    if not block[0][1].startswith(">"):
        return _plain_paragraph(block, html, found)
    paragraphs: list[_Lines] = [[]]
    for number, line in block:
        if line == ">":
            paragraphs.append([])
        elif line.startswith("> "):
            paragraphs[-1].append((number, line[2:]))
        else:
            return False
    if not all(paragraphs):
        return False
    html.append("<blockquote>\n")
    if not all(_plain_paragraph(lines, html, found) for lines in paragraphs):
        return False
    html.append("</blockquote>\n")
    return True


def _plain_list(block: _Lines, html: list[str], found: list[tuple[str, int]]) -> bool:
    html.append("<ul>\n")
    for number, line in block:
        inline = _plain_inline(line[2:], number, found) if line.startswith("- ") else None
        if inline is None:
            return False
        html.append(f"<li>{inline}</li>\n")
    html.append("</ul>\n")
    return True


def _plain_paragraph(lines: _Lines, html: list[str], found: list[tuple[str, int]]) -> bool:
    rendered = []
    for number, line in lines:
        inline = _plain_inline(line, number, found)
        if inline is None:
            return False
        rendered.append(inline)
    html.append("<p>" + "\n".join(rendered) + "</p>\n")
    return True


def _plain_inline(line: str, number: int, found: list[tuple[str, int]]) -> str | None:
    """One line's HTML, its citations added to `found` with their line `number`; None when
    the line is not plain (it starts a block, ends in a space, or holds other markup).

    Each `[` and `*` must start markup `_INLINE` knows; they are found with `str.find`,
    many times faster than a regular expression's scan of the text between them.
    """
    if ">" in line or not _PARAGRAPH_START.match(line) or line[-1] == " ":
        return None
    parts: list[str] = []
    position = 0
    star, bracket = line.find("*"), line.find("[")
    while star >= 0 or bracket >= 0:
        start = star if bracket < 0 or 0 <= star < bracket else bracket
        match = _INLINE.match(line, start)
        if match is None:
            return None
        parts += (line[position:start], _inline_html(match))
        position = match.end()
        if star < position:
            star = line.find("*", position)
        if bracket < position:
            bracket = line.find("[", position)
    parts.append(line[position:])
    html = "".join(parts)
    if "]" in html:
        return None
    if _MARK in html:
        found.extend(
            (source_id, number)
            for cited in html.split(_MARK)[1::2]
            for source_id in cited.split(" ")
        )
    return html.replace('"', "&quot;")


def _inline_html(match: re.Match[str]) -> str:
    ids = match.group("citation")
    if ids is None:
        tag = _EMPHASIS[match.group("stars")]
        return f"<{tag}>{match.group('text')}</{tag}>"
    return _MARK + " ".join(part.strip()[1:] for part in ids.split(";")) + _MARK


_prepared = functools.lru_cache(maxsize=_PREPARED_CACHE_SIZE)(prepare_markdown)
"""`check` finds citations in a body, `build` renders it: the body is parsed once."""


def citations(text: str) -> list[tuple[str, int]]:
    """Every `[@id]` cited in a Markdown body, with its 0-based line in the body."""
    return list(_prepared(text).citations)


def resolve(prepared: PreparedBody, prefix: str, titles: Mapping[str, str]) -> RenderedBody:
    """The body's HTML with its citations as links to `{prefix}sources/<id>/index.html`.

    `titles` maps every known source id to its title (shown as the link's
    tooltip); a citation of an unknown id renders as a visible `?id` marker.
    Numbers follow the first citation of each known source.
    """
    numbers: dict[str, int] = {}
    parts = prepared.html.split(_MARK)
    for index in range(1, len(parts), 2):
        parts[index] = _citation_html(parts[index].split(" "), numbers, prefix, titles)
    references = tuple(Reference(n, source_id) for source_id, n in numbers.items())
    return RenderedBody(html="".join(parts), references=references)


def render_markdown(text: str, prefix: str, titles: Mapping[str, str]) -> RenderedBody:
    """Render a body; citations link to `{prefix}sources/<id>/index.html` (see `resolve`)."""
    return resolve(_prepared(text), prefix, titles)
