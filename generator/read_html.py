"""A saved web page (.html, .htm, .mhtml) -> the article's text and the metadata it states.

A browser's "Save page as" keeps the whole page: scripts, menus, cookie
banners, related links, comments. The article is the <article> (or <main>, or
the element holding most paragraph text) with that furniture dropped; its
blocks (paragraphs, headings, list items, quotes, captions) become paragraphs
separated by blank lines, which the text extractors read like any other seed.
The page's headline is kept even when it sits above the article element.

The markup often says outright what text heuristics must guess: headline,
author, publication time and site name (meta tags, JSON-LD, <time datetime>).
Those are returned as StatedMetadata for `extract.metadata` to prefer.

Pure functions on strings (and bytes, for the encoding): no I/O here.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import islice
from typing import Any

from .extract.metadata import StatedMetadata


class PageError(Exception):
    """A page that cannot be read as an article; the message says why."""

    def __init__(self, message: str, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


# ---------------------------------------------------------------- bytes -> text

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252"}
"""Browsers read pages labelled Latin-1 or ASCII as windows-1252 (the WHATWG Encoding rule)."""


def page_encoding(data: bytes, label: str | None = None) -> str:
    """The codec a browser would use: `label` (an archive's), else the <meta charset> in
    the first 4 KB, else UTF-8."""
    if label is None:
        declared = _CHARSET.search(data[:4096])
        label = declared[1].decode("ascii") if declared else "utf-8"
    label = label.lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return "utf-8"
    if name in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        return "utf-8"
    return _WHATWG_ALIASES.get(name, _WHATWG_ALIASES.get(label, name))


def archived_page(data: bytes) -> tuple[bytes, str | None]:
    """The HTML document in a saved web archive (.mhtml, .mht) and the charset it names.

    A browser's "Webpage, single file" is a MIME message: the page first, then
    its images and styles, each part encoded (quoted-printable, base64).
    """
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, part.get_content_charset()
    raise PageError("no web page in the archive: save the page from the browser as HTML")


def decode_page(data: bytes, codec: str) -> str:
    """The page as text in `codec`; a byte the codec cannot read raises PageError."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise PageError(
            f"not {codec} text, the page's encoding (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}): re-save the page from the browser",
            offset=exc.start,
        ) from None


# ---------------------------------------------------------------- markup -> tree


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None
    furniture: bool | None = None
    """Whether it is page furniture, worked out once by `_furniture` (the tree never changes)."""

    def elements(self) -> Iterator[Element]:
        """Every element below this one, in document order (iterative: pages nest deep)."""
        stack = [c for c in reversed(self.children) if isinstance(c, Element)]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(c for c in reversed(element.children) if isinstance(c, Element))

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def tokens(self) -> set[str]:
        """The words of its class and id ('article-comments' -> article, comments)."""
        names = f"{self.attrs.get('class', '')} {self.attrs.get('id', '')}".lower()
        return set(re.split(r"[^a-z0-9]+", names)) - {""}


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


VOID = _names("area base br col embed hr img input link meta param source track wbr")
BLOCKS = _names(
    "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table "
    "tbody thead tfoot tr td th ul caption"
)
SPACED = frozenset({"td", "th", "time"})
"""Table cells and times stay on their line but never run into their neighbours."""
_CLOSES_P = BLOCKS - {"td", "th", "tr", "tbody", "thead", "tfoot", "caption", "dd", "dt"}
_SIBLINGS = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"}, "td": {"td", "th"}}
_SIBLINGS["th"] = _SIBLINGS["td"]
MAX_DEPTH = 200
"""Deeper elements are flattened into their ancestor at this depth: junk, not an article."""


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))
"""Soft hyphens, zero-width spaces and joiners: inside words they would split names."""


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unclosed <p> and <li> close as browsers close them, stray ends are
    ignored, comments and processing instructions are dropped, entities are decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.document = Element("#document", {})
        self.open = [self.document]
        self.open_tags: Counter[str] = Counter()
        """How many of each tag are open: a stray end tag is ignored without a search."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._start(tag, attrs):
            self._close_from(len(self.open) - 1)

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags[tag]:
            return
        depth = next(d for d in range(len(self.open) - 1, 0, -1) if self.open[d].tag == tag)
        self._close_from(depth)

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data.translate(_INVISIBLE))

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Add the element; True when it is left open for its children."""
        current = self.open[-1].tag
        if (current == "p" and tag in _CLOSES_P) or tag in _SIBLINGS.get(current, ()):
            self._close_from(len(self.open) - 1)
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.open[-1])
        self.open[-1].children.append(element)
        if tag in VOID or len(self.open) >= MAX_DEPTH:
            return False
        self.open.append(element)
        self.open_tags[tag] += 1
        return True

    def _close_from(self, depth: int) -> None:
        for element in self.open[depth:]:
            self.open_tags[element.tag] -= 1
        del self.open[depth:]


def parse_page(text: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(_tags_closed(text))
    builder.close()
    return builder.document


def _tags_closed(text: str) -> str:
    """`text` with each '<' after the last '>' escaped: it can open no tag.

    Python's parser rescans the rest of the page for every such '<', which is
    quadratic on junk ('<a <a <a ...' with no end): minutes for a few hundred KB.
    """
    end = text.rfind(">") + 1
    return text[:end] + text[end:].replace("<", "&lt;")


# ---------------------------------------------------------------- furniture

NEVER_TEXT = _names(
    "head script style noscript template svg math iframe object embed canvas button select "
    "textarea input option label dialog video audio picture map"
)
FURNITURE_TAGS = frozenset({"nav", "aside", "form", "footer"})
FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search"}
)
FURNITURE_WORDS = _names(
    "ad ads advert advertisement banner breadcrumb breadcrumbs comment comments consent "
    "cookie cookies gdpr menu modal nav navbar newsletter outbrain paywall popup promo "
    "recommended related share sharing sidebar signup skip social sponsored subscribe "
    "taboola toolbar trending tweet"
)
"""Class or id words of page furniture (cookie banners, comments, related links, share bars)."""
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")


def _hidden(element: Element) -> bool:
    attrs = element.attrs
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(attrs.get("style", "")))
    )


def _furniture(element: Element) -> bool:
    if element.furniture is None:
        element.furniture = _is_furniture(element)
    return element.furniture


def _is_furniture(element: Element) -> bool:
    """Never article text: scripts, menus, banners, comments, hidden parts.

    A page header (one outside any article, main or section) is the site's banner,
    unless it holds the headline: an element holding the <h1> is kept whatever its
    class says.
    """
    if element.tag in NEVER_TEXT or _hidden(element):
        return True
    if element.tag in FURNITURE_TAGS or element.attrs.get("role") in FURNITURE_ROLES:
        return True
    page_header = element.tag == "header" and not any(
        a.tag in ("article", "main", "section") for a in element.ancestors()
    )
    marked = page_header or bool(element.tokens() & FURNITURE_WORDS)
    return marked and not _holds_headline(element)


def _holds_headline(element: Element) -> bool:
    return element.tag == "h1" or any(e.tag == "h1" for e in element.elements())


def _kept(root: Element) -> Iterator[Element]:
    """The elements under `root` that are not furniture nor inside furniture."""
    stack = [c for c in reversed(root.children) if isinstance(c, Element)]
    while stack:
        element = stack.pop()
        if _furniture(element):
            continue
        yield element
        stack.extend(c for c in reversed(element.children) if isinstance(c, Element))


# ---------------------------------------------------------------- which element is the article


def _paragraph_text(element: Element) -> int:
    """Characters of <p> text under `element`, furniture left out."""
    return sum(len(_inline_text(p)) for p in _kept(element) if p.tag == "p")


def _text_size(element: Element) -> int:
    return len(_inline_text(element))


def _body(document: Element) -> Element:
    return next((e for e in document.elements() if e.tag == "body"), document)


def article_root(document: Element) -> Element:
    """The <article> with most paragraph text, else <main>, else the paragraphs' parent.

    An <article> holding under a quarter of the page's paragraph text is a
    teaser card of a listing, not the article. On a page without <p> tags,
    all its text is weighed instead.
    """
    body = _body(document)
    kept = list(_kept(body))
    paragraphs = [e for e in kept if e.tag == "p"]
    measure = _paragraph_text if paragraphs else _text_size
    total = measure(body)
    for chosen in (
        [e for e in kept if e.tag == "article" or e.attrs.get("itemprop") == "articleBody"],
        [e for e in kept if e.tag == "main" or e.attrs.get("role") == "main"],
    ):
        if chosen:
            best = max(chosen, key=measure)
            if 4 * measure(best) >= total > 0:
                return _with_headline(best, document)
    densest = _densest(paragraphs)
    return body if densest is None else _with_headline(densest, document)


def _densest(paragraphs: list[Element]) -> Element | None:
    """The element holding most paragraph text: each paragraph counts in full for its
    parent and half for its grandparent, so text wrapped one paragraph per block
    (<div><p>...</p></div> <div><p>...</p></div>) still adds up in the container."""
    scores: dict[int, tuple[Element, float]] = {}
    for paragraph in paragraphs:
        size = len(_inline_text(paragraph))
        for holder, share in zip(paragraph.ancestors(), (1.0, 0.5), strict=False):
            scores[id(holder)] = (holder, scores.get(id(holder), (holder, 0.0))[1] + share * size)
    if not scores:
        return None
    return max(scores.values(), key=lambda pair: pair[1])[0]


def _with_headline(root: Element, document: Element) -> Element:
    """`root` widened to the headline's block when that adds little text (a standfirst).

    Headline, byline and date often sit in a header block beside the article
    body; the text steps read them there. A widening that would take in other
    stories' text, or the whole page, is not made.
    """
    title = headline(document, root)
    if title is None or root in title.ancestors():
        return root
    title_ancestors = set(map(id, title.ancestors()))
    common = next((a for a in root.ancestors() if id(a) in title_ancestors), None)
    if common is None or common.tag in ("body", "html", "#document"):
        return root
    own = _paragraph_text(root)
    return common if _paragraph_text(common) - own <= max(400, own // 4) else root


def headline(document: Element, root: Element) -> Element | None:
    """The article's <h1>: the first in `root` if it has one (a site logo may be another),
    else the page's first, outside furniture."""
    for scope in (root, _body(document)):
        found = next((e for e in _kept(scope) if e.tag == "h1"), None)
        if found is not None:
            return found
    return None


# ---------------------------------------------------------------- tree -> text


def _inline_text(element: Element) -> str:
    """The element's text on one line, whitespace collapsed, furniture left out."""
    parts: list[str] = []
    stack: list[Element | str] = list(reversed(element.children))
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
        elif not _furniture(node):
            if node.tag in BLOCKS or node.tag in SPACED or node.tag == "br":
                parts.append(" ")
            stack.extend(reversed(node.children))
    return " ".join("".join(parts).split())


def _blocks(root: Element) -> list[str]:
    """The text of `root` as paragraphs: one per block element, <br> as a line break.

    Two <br> in a row end a paragraph, as they do on old pages and in blogs.
    """
    blocks: list[str] = []
    pieces: list[str | None] = []  # the block being read; None where a <br> breaks the line

    def flush() -> None:
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(_lines(pieces))).strip()
        if text:
            blocks.append(text)
        pieces.clear()

    stack: list[Element | str | None] = list(reversed(root.children))
    while stack:
        node = stack.pop()
        if node is None:
            flush()
        elif isinstance(node, str):
            pieces.append(node)
        elif node.tag == "br":
            pieces.append(None)
        elif _furniture(node):
            continue
        elif node.tag in SPACED:
            pieces.append(" ")
            stack.extend(reversed(node.children))
        else:
            if node.tag in BLOCKS:
                flush()
                stack.append(None)
            stack.extend(reversed(node.children))
    flush()
    return blocks


def _lines(pieces: list[str | None]) -> Iterator[str]:
    """The block's lines, whitespace collapsed: source line breaks are spaces, <br> (None) not."""
    line: list[str] = []
    for piece in [*pieces, None]:
        if piece is None:
            yield " ".join("".join(line).split())
            line.clear()
        else:
            line.append(piece)


def page_text(document: Element, root: Element) -> str:
    """The text of the article at `root`, headline first, paragraphs between blank lines."""
    blocks = _blocks(root)
    title = headline(document, root)
    if title is not None and root not in title.ancestors():
        blocks.insert(0, _inline_text(title))
    return "\n\n".join(blocks) + "\n" if blocks else ""


# ---------------------------------------------------------------- stated metadata

ARTICLE_TYPES = re.compile(r"(?:\w*Article|BlogPosting|Report)$")
_PUBLISHED_META = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
)
_UPDATED = re.compile(r"updat|modif|revis|edited", re.IGNORECASE)
_URL = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)


def _meta_tags(document: Element) -> dict[str, str]:
    """name/property/itemprop -> content of the page's <meta> tags (the first of each wins)."""
    found: dict[str, str] = {}
    for element in document.elements():
        if element.tag != "meta" or not element.attrs.get("content", "").strip():
            continue
        for key in ("property", "name", "itemprop"):
            name = element.attrs.get(key, "").strip().lower()
            if name:
                found.setdefault(name, " ".join(element.attrs["content"].split()))
    return found


def _json_ld(document: Element) -> dict[str, Any]:
    """The first news-article object in the page's JSON-LD blocks (in @graph or lists too)."""
    for element in document.elements():
        if element.tag != "script" or "ld+json" not in element.attrs.get("type", "").lower():
            continue
        try:
            data = json.loads("".join(c for c in element.children if isinstance(c, str)))
        except ValueError:
            continue
        for item in _json_items(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and ARTICLE_TYPES.match(k) for k in kinds):
                return item
    return {}


def _json_items(data: Any) -> Iterator[dict[str, Any]]:
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            yield item
            stack[:0] = [item[key] for key in ("@graph", "mainEntity") if key in item]


def _json_name(value: Any, people_only: bool = False) -> str | None:
    """'X', {'name': 'X'} or a list of them -> 'X' or 'X, Y'; organisations skipped if asked."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        if isinstance(item, dict):
            if people_only and item.get("@type") not in (None, "Person"):
                continue
            item = item.get("name")
        if isinstance(item, str) and item.strip() and not _URL.match(item.strip()):
            names.append(" ".join(item.split()))
    return ", ".join(names) or None


def _json_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _header_time(document: Element, root: Element) -> str | None:
    """The first <time> of the article after its headline that is not an 'updated' stamp.

    Times above the headline (the site's date banner) and outside the article
    (related links, other stories) are not the article's.
    """
    order = list(_kept(_body(document)))
    inside = {id(root)} | {id(e) for e in _kept(root)}
    positions = [i for i, e in enumerate(order) if id(e) in inside]
    if not positions:
        return None
    title = headline(document, root)
    start = order.index(title) + 1 if title in order else positions[0]
    times = (e for e in order[start : positions[-1] + 1] if e.tag == "time")
    for element in islice(times, HEADER_TIMES):
        if not _update_stamp(element):
            stamp = element.attrs.get("datetime", "").strip() or _inline_text(element)
            if stamp:
                return stamp
    return None


HEADER_TIMES = 10
"""The article's own <time> is among the first few after its headline; later ones date others."""


def _update_stamp(time: Element) -> bool:
    """A <time> marked or labelled as an update: 'Updated <time>', class="modified"."""
    marks = [*time.tokens(), time.attrs.get("itemprop", "")]
    if time.parent is not None:
        marks.extend(time.parent.tokens())
        before = time.parent.children[: time.parent.children.index(time)]
        label = before[-1] if before else ""
        marks.append((label if isinstance(label, str) else _inline_text(label))[-30:])
    return any(_UPDATED.search(mark) for mark in marks)


_BYLINE_WORDS = frozenset({"byline", "author", "authors", "author-name", "writer"})


def _byline(root: Element) -> str | None:
    """A rel=author link or itemprop=author, else a byline element: short text, not a bio."""
    kept = list(_kept(root))
    marked = [
        e
        for e in kept
        if "author" in e.attrs.get("rel", "").lower().split() or e.attrs.get("itemprop") == "author"
    ]
    classed = [e for e in kept if e.tokens() & _BYLINE_WORDS]
    for element in marked + classed:
        text = _inline_text(element)
        if text and len(text.split()) <= 8:
            return text
    return None


_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—-]|::)\s+")


def _site_suffix(title: str) -> tuple[str, str] | None:
    """'Headline | The Post' -> ('Headline', 'The Post'); None without a separator."""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return None
    return title[: separators[-1].start()], title[separators[-1].end() :]


def _same_name(one: str | None, other: str | None) -> bool:
    """Equal but for case, spacing, quote marks and a leading 'The'."""

    def key(name: str) -> str:
        folded = " ".join(name.casefold().replace("’", "'").split())
        return folded.removeprefix("the ")

    return bool(one and other) and key(one or "") == key(other or "")


def _without_site_suffix(title: str, outlet: str | None) -> str:
    """'Headline | The Post' -> 'Headline': the site's name is not part of the headline."""
    split = _site_suffix(title)
    if split is None:
        return title
    head, tail = split
    named = _same_name(tail, outlet) or (" | " in title and len(tail.split()) <= 4)
    return head if named else title


def _title_site(page_title: str | None, headline: str | None) -> str | None:
    """The site's name from a <title> that is the headline plus a suffix: 'Headline – Site'."""
    split = _site_suffix(page_title or "")
    return split[1] if split and _same_name(split[0], headline) else None


_BRAND_WORDS = frozenset({"masthead", "logo", "brand", "sitename", "site-name", "wordmark"})
_TAGLINE_SPLIT = re.compile(r"\s+[·|•—–]\s+")
MASTHEAD_WORDS = 5


def _masthead(document: Element, root: Element) -> str | None:
    """The site's name from its masthead or logo outside the article ('THE HARBOUR LETTER ·
    a weekly letter on the port' -> 'The Harbour Letter'), when nothing else names it."""
    for element in document.elements():
        if element is root:
            return None  # only what comes before the article
        if not element.tokens() & _BRAND_WORDS:
            continue
        logo = next((e for e in element.elements() if e.tag == "img"), None)
        text = _inline_text(element) or (logo.attrs.get("alt", "") if logo else "")
        name = _TAGLINE_SPLIT.split(text.strip())[0] if text.strip() else ""
        if 1 <= len(name.split()) <= MASTHEAD_WORDS:
            return name.title() if name.isupper() else name
    return None


def stated_metadata(document: Element, root: Element) -> StatedMetadata:
    """Headline, author, publication time and outlet as the page's markup states them.

    A name given as the author that is the outlet's own is no person's byline.
    """
    meta = _meta_tags(document)
    ld = _json_ld(document)
    title_element = headline(document, root)
    in_root = title_element is not None and root in title_element.ancestors()
    title_tag = next((e for e in document.elements() if e.tag == "title"), None)
    page_title = _inline_text(title_tag) if title_tag else None
    titles = [
        _inline_text(title_element) if in_root and title_element else None,
        _json_text(ld.get("headline")),
        meta.get("og:title"),
        meta.get("twitter:title"),
        _inline_text(title_element) if title_element else None,
        page_title,
    ]
    title = next((t for t in titles if t), None)
    outlet = (
        meta.get("og:site_name")
        or _json_name(ld.get("publisher"))
        or meta.get("application-name")
        or _title_site(page_title, title)
        or _masthead(document, root)
    )
    author_meta = meta.get("author") or meta.get("article:author")
    authors = [
        _json_name(ld.get("author"), people_only=True),
        author_meta if author_meta and not _URL.match(author_meta) else None,
        _byline(root),
        _byline(_body(document)),
    ]
    author = next((a for a in authors if a), None)
    published = (
        _json_text(ld.get("datePublished"))
        or _json_text(ld.get("dateCreated"))
        or next((meta[k] for k in _PUBLISHED_META if k in meta), None)
        or _header_time(document, root)
    )
    return StatedMetadata(
        title=_without_site_suffix(title, outlet) if title else None,
        outlet=outlet,
        author=None if _same_name(author, outlet) else author,
        published=published,
    )


# ---------------------------------------------------------------- the reader


@dataclass(frozen=True)
class Page:
    text: str
    stated: StatedMetadata


def read_page(text: str) -> Page:
    """The article in a decoded page; PageError when it holds no article text."""
    document = parse_page(text)
    root = article_root(document)
    article = _fuller_text(page_text(document, root), _json_ld(document))
    if not article.strip():
        raise PageError("no article text in the page (only scripts, menus or markup)")
    return Page(article, stated_metadata(document, root))


def _fuller_text(article: str, ld: dict[str, Any]) -> str:
    """The page's text, or the JSON-LD articleBody when that holds twice as many words.

    A page saved before its scripts ran (or behind a paywall's overlay) may
    show little more than the headline while its JSON-LD carries the text.
    """
    body = ld.get("articleBody")
    if not isinstance(body, str) or len(body.split()) < 2 * len(article.split()):
        return article
    headline = _json_text(ld.get("headline"))
    paragraphs = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
    return "\n\n".join([headline, *paragraphs] if headline else paragraphs) + "\n"
