"""One article -> ArticleFacts, as an ordered list of named steps.

    clean -> metadata -> actors -> quotes -> events

Each step is a pure function from (seed, facts so far) to new facts; each
module holds one step. Dates stay unresolved expressions here: the anchor an
article's relative dates need may come from its siblings, which `merge` sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import PartialDate
from .actors import Mention, find_mentions
from .clean import Role, Unit, is_bio, lines_to_units, sentences, strip_dateline, strip_lead_label
from .events import DatedClause, find_dated_clauses
from .metadata import StatedMetadata, extract_metadata
from .quotes import QuoteFact, find_quotes


@dataclass(frozen=True)
class SeedText:
    """One raw article as read from seeds/."""

    path: str
    """Relative to the project root, POSIX style: 'seeds/001.txt'."""
    text: str
    stated: StatedMetadata | None = None
    """What the seed's markup states about the article (a web page's meta tags), if any."""


class NoArticleError(Exception):
    """The seed holds no recognisable article."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int
    boilerplate: bool = False
    """Under an 'About the company' heading: the issuer's standing blurb, founding no event."""


@dataclass(frozen=True)
class ArticleFacts:
    seed: str
    units: tuple[Unit, ...] = ()
    """Every line of the dump, classified; read by `metadata`, then dropped (it is large)."""
    paragraphs: tuple[Paragraph, ...] = ()
    """Article text: body units with labels and datelines removed."""
    captions: tuple[Paragraph, ...] = ()
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: PartialDate | None = None
    published_readings: tuple[PartialDate, ...] = ()
    """A stated date that reads either way, for `merge` to settle by the siblings' dates."""
    mentions: tuple[tuple[int, Mention], ...] = ()
    """(paragraph index, mention); captions are not searched for actors."""
    quotes: tuple[QuoteFact, ...] = ()
    clauses: tuple[DatedClause, ...] = ()
    """Dated clauses of the paragraphs, then of the captions (paragraph index past the end)."""

    @property
    def body(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


Step = Callable[[SeedText, ArticleFacts], ArticleFacts]


def clean(seed: SeedText, facts: ArticleFacts) -> ArticleFacts:
    units = lines_to_units(_without_front_matter(seed.text))
    blurb = _boilerplate_lines(units)
    paragraphs = tuple(
        Paragraph(strip_dateline(strip_lead_label(u.text))[0], u.line, u.line in blurb)
        for u in units
        if u.role is Role.BODY and not is_bio(u.text)
    )
    captions = tuple(Paragraph(u.text, u.line) for u in units if u.role is Role.CAPTION)
    return replace(facts, units=tuple(units), paragraphs=paragraphs, captions=captions)


_ABOUT = re.compile(r"^(?:about\s+(?:the\s+)?[A-Z]|notes? to editors?\b)", re.IGNORECASE)


def _boilerplate_lines(units: list[Unit]) -> set[int]:
    """Lines of the paragraphs under an 'About Halcyon Home Devices' heading, up to the next one."""
    lines: set[int] = set()
    inside = False
    for unit in units:
        if unit.role is Role.HEADING:
            inside = _ABOUT.match(unit.text) is not None and len(unit.text.split()) <= 8
        elif inside and unit.role is Role.BODY:
            lines.add(unit.line)
    return lines


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*\n){0,200}?---[ \t]*(?:\n|\Z)")
"""A YAML block opening the file (a saved Markdown page's): settings, not article text."""


def _without_front_matter(text: str) -> str:
    """The text with a leading `---` block blanked, so later lines keep their numbers.

    It is never parsed: a seed is untrusted, and what it claims there is not what
    the page shows a reader.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text
    return "\n" * match[0].count("\n") + text[match.end() :]


def metadata(seed: SeedText, facts: ArticleFacts) -> ArticleFacts:
    meta = extract_metadata(list(facts.units), seed.stated)
    if meta.title is None and not facts.paragraphs:
        raise NoArticleError(
            "no article found: no title and no paragraph of text (is this an article dump?)"
        )
    paragraphs = tuple(p for p in facts.paragraphs if p.text != meta.title)
    return replace(
        facts,
        title=meta.title or _first_sentence(paragraphs),
        outlet=meta.outlet,
        author=meta.author,
        published=meta.published,
        published_readings=meta.published_readings,
        paragraphs=paragraphs,
        units=(),
    )


def _first_sentence(paragraphs: tuple[Paragraph, ...]) -> str:
    return sentences(paragraphs[0].text)[0] if paragraphs else "Untitled"


def actors(seed: SeedText, facts: ArticleFacts) -> ArticleFacts:
    common = frozenset(re.findall(r"\b[a-z][a-z'-]+\b", facts.body))
    found = tuple(
        (index, mention)
        for index, paragraph in enumerate(facts.paragraphs)
        for sentence in sentences(paragraph.text)
        for mention in find_mentions(sentence, common)
    )
    return replace(facts, mentions=found)


def quotes(seed: SeedText, facts: ArticleFacts) -> ArticleFacts:
    return replace(facts, quotes=tuple(find_quotes([p.text for p in facts.paragraphs])))


def events(seed: SeedText, facts: ArticleFacts) -> ArticleFacts:
    texts = ["" if p.boilerplate else p.text for p in facts.paragraphs]
    texts += [c.text for c in facts.captions]
    return replace(facts, clauses=tuple(find_dated_clauses(texts)))


STEPS: list[tuple[str, Step]] = [
    ("clean", clean),
    ("metadata", metadata),
    ("actors", actors),
    ("quotes", quotes),
    ("events", events),
]


def extract_article(seed: SeedText) -> ArticleFacts:
    """Run every step in order; raise NoArticleError when the seed holds no article."""
    facts = ArticleFacts(seed=seed.path)
    for _name, step in STEPS:
        facts = step(seed, facts)
    return facts
