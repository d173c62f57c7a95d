"""Split a raw article dump into units (paragraphs, headings, captions) and mark page furniture.

A dump as it comes from a browser or scraper mixes the article with site chrome:
banners, newsletter prompts, "Loading...", photo captions and credits. Each
line-unit is classified once here; later steps read only the roles they need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    BODY = "body"
    """A paragraph of article text."""
    HEADING = "heading"
    """A short line without closing punctuation: title, deck, outlet logo, image alt text."""
    CAPTION = "caption"
    """A photo caption: facts, but not article text."""
    CHROME = "chrome"
    """Site furniture: never article text, read only for metadata (bylines, dates)."""


@dataclass(frozen=True)
class Unit:
    text: str
    line: int
    role: Role


_BULLET = re.compile(r"^\s*(?:[•·▪◦*+-]|\d+\.)\s+")
_MARKDOWN = re.compile(r"^\s*#{1,6}\s+|^\s*>\s?")
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])")
_LEAD_LABEL = re.compile(r"^(?:[A-Z][\w'’]*(?:\s+[a-z][\w'’]*){0,4}):\s+(?=\S)")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:[ ,]+[\w.'’-]+){0,3})\s*(?:\((?P<agency>[^)]{1,40})\))?\s*[—–-]{1,2}\s+"
)
_CLOSING = re.compile(r"[.!?:;…)\]]$|[.!?,…][\"”’]$")
"""How a sentence ends; a closing quote counts after its own stop ('...coming"' is a title)."""

# Furniture: a line that opens with one of these, or contains one of the second set anywhere.
_CHROME_START = re.compile(
    r"(?:loading\W*$|oops\b|subscribe\b|follow\b|categor(?:y|ies)\b|tags?\b|go deeper\b|"
    r"advertisement\b|read (?:more|next)\b|related\b|share\b|-*\s*updated\b|"
    r"last (?:modified|updated)\b|editor'?s note|editor’s note|"
    r"(?:published|posted|first published)\b|\d+\s+comments?\b|click here|watch\b|"
    r"listen\b|skip to|menu$|home$|sign in|log in|"
    r"(?:facebook|twitter|x|email|print|whatsapp|linkedin|reddit)$|sponsored|"
    r"most (?:read|popular|viewed)|trending|(?:more|also) (?:from|on|in)\b|recommended|"
    r"\(?reporting by\b|\(?(?:additional )?reporting\b|\(?editing by\b|"
    r"(?:image|photo|file photo|picture|credit|photograph|video)s?\s*:|top stories|"
    r"support (?:our|us)|download the app|by\s+[A-Z]|accept\b|reject\b|more options|"
    r"manage (?:cookies|choices|preferences)|(?:—|-)*\s*with reports from|explore more|"
    r"reuse this|save article|(?:previous|next|older|newer) (?:post|article|story|entry)\b)",
    re.IGNORECASE,
)
_CHROME_ANYWHERE = re.compile(
    r"terms of (?:use|service)|privacy (?:policy|notice)|your privacy|\bcookies?\b|"
    r"something went wrong|please try again|\bsign up\b|\bnewsletters?\b|back issues|"
    r"all rights reserved|©|\bcopyright\b|you may also like|learn more|\bmin read\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"getty images|\bvia (?:reuters|ap|afp|getty)\b|/(?:afp|ap|reuters|epa|getty)\b|"
    r"\b(?:handout|pool|file photo)\b.*(?:via|/)|^\(?(?:photo|image|credit|picture)\b|"
    r"\bphotograph(?:er)?:|\(photo by\b|\bphoto credit\b",
    re.IGNORECASE,
)
_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){1,3}(?:is|was)\s+(?:a|an|the)\s+[^.]{0,80}?"
    r"\b(?:writer|reporter|correspondent|editor|journalist|contributor|columnist|producer)\b",
)


def lines_to_units(text: str) -> list[Unit]:
    """Classify every non-empty line (joining hard-wrapped prose) into a Unit."""
    units: list[Unit] = []
    block: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.strip():
            block.append((number, raw))
            continue
        units.extend(_block_units(block))
        block = []
    units.extend(_block_units(block))
    return _dedupe(units)


def _block_units(block: list[tuple[int, str]]) -> list[Unit]:
    joined = _join_wrapped(block)
    raws = dict(block)
    units = [Unit(text, line, _role(text, raws.get(line, ""))) for line, text in joined]
    return _mark_captions(units)


def _join_wrapped(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for line, raw in block:
        bullet = bool(_BULLET.match(raw))
        text = _tidy(raw)
        if not text:
            continue
        if out and not bullet and _continues(out[-1][1], text):
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
        else:
            out.append((line, text))
    return out


def _continues(previous: str, text: str) -> bool:
    return not _CLOSING.search(previous) and text[0].islower()


def _tidy(raw: str) -> str:
    text = _MARKDOWN.sub("", _BULLET.sub("", raw))
    text = _EMPHASIS.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


_NAV = re.compile(r"\S\s+[|>›»]\s+\S|\S {2,}\S.* {2,}\S")


def _role(text: str, raw: str = "") -> Role:
    if _CHROME_START.match(text) or _CHROME_ANYWHERE.search(text) or _BIO.match(text):
        return Role.CHROME
    if _NAV.search(raw or text) and not _CLOSING.search(text):
        return Role.CHROME
    if _CREDIT.search(text) or _dated_link(text):
        return Role.CHROME
    long_prose = len(text.split()) >= 16 and not _SEPARATED.search(text)
    if _CLOSING.search(text) or long_prose or _MARKUP.search(text):
        return Role.BODY
    return Role.HEADING


_DATED_LINK = re.compile(
    r"\S\s*\(\s*(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|"
    r"[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})\s*\)$"
)
"""'Council tax to rise by 5% (09/10/2025)': a link to another story, with its date."""


def _dated_link(text: str) -> bool:
    """A short line ending in a bracketed date (only its last 40 characters are searched)."""
    if not text.endswith(")") or len(text.split()) > 15:
        return False
    return _DATED_LINK.search(text, max(0, len(text) - 40)) is not None


_SEPARATED = re.compile(r"\s[·•]\s")
"""Parts set apart by dots ('Wed 17 Sep 2025 18.30 CEST · Last modified on ...'): a meta line."""


_MARKUP = re.compile(r"\{[{%]|<[a-z]+[ >]|\[@")
"""Template, HTML or citation syntax: text someone typed, never a headline."""


_TRAILING_CREDIT = re.compile(
    r"\((?:[\w.&-]+\s+)?(?:photo|photograph|picture|image)\s*(?:/|:|by\b)[^()]*\)\s*$", re.I
)
"""'... Bassaro, Wednesday, Nov. 22, 2023. (APN Photo/Tunde Adebayo)': a caption's own credit."""


def _mark_captions(units: list[Unit]) -> list[Unit]:
    """Captions: a unit before a credit line, ending in its own credit, or after 'FILE PHOTO:'."""
    marked = list(units)
    photo_block = bool(units) and bool(re.match(r"(?i)(?:file )?photo\b|image\b", units[0].text))
    for index, unit in enumerate(units):
        credit_next = index + 1 < len(units) and bool(_CREDIT.search(units[index + 1].text))
        credit_own = bool(_TRAILING_CREDIT.search(unit.text))
        if unit.role is not Role.CHROME and (photo_block or credit_next or credit_own):
            marked[index] = Unit(unit.text, unit.line, Role.CAPTION)
    return marked


def _dedupe(units: list[Unit]) -> list[Unit]:
    """Drop repeats of a heading or paragraph (titles and alt texts are often printed twice)."""
    seen: set[str] = set()
    out = []
    for unit in units:
        key = unit.text.casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append(unit)
    return out


def strip_lead_label(text: str) -> str:
    """'Why it matters: The call ...' -> 'The call ...' (a section label is not text)."""
    return _LEAD_LABEL.sub("", text, count=1)


def strip_dateline(text: str) -> tuple[str, str | None]:
    """'WASHINGTON (CN) — President ...' -> ('President ...', 'CN')."""
    match = _DATELINE.match(text)
    if match is None:
        return text, None
    return text[match.end() :], match["agency"]


def is_bio(text: str) -> bool:
    return bool(_BIO.match(text))


_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|St|Jr|Sr|No|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|a\.m|p\.m)\.)$"
)


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, not at 'U.S.', 'Jan.' or 'Dr.'."""
    out: list[str] = []
    start = 0
    for match in re.finditer(r"[.!?][\"”’)]?(?=\s+[\"“‘(]?[A-Z0-9])", paragraph):
        end = match.end()
        if _ABBREVIATION.search(paragraph[start : match.start() + 1]):
            continue
        out.append(paragraph[start:end].strip())
        start = end
    rest = paragraph[start:].strip()
    if rest:
        out.append(rest)
    return out
