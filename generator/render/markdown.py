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
_CITATION = re.compile(rf"\[(@{_ID}(?:[ \t]*;[ \t]*@{_ID})*)\](?!\()")
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
    """Parse and render a body on its own: what does not depend on the rest of the briefing."""
    tokens = _MD.parse(text)
    found = tuple(
        (source_id, child.meta["line"])
        for block in tokens
        for child in block.children or ()
        if child.type == "citation"
        for source_id in child.meta["ids"]
    )
    return PreparedBody(_MD.renderer.render(tokens, _MD.options, {}), found)


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
