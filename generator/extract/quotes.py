"""Direct quotations and who said them.

A quotation is text between quote marks of four words or more (three when
someone is named as saying it). Its speaker is
read from the words around it: "..., X said", "X said: ...", "said X",
"according to X", or a pronoun or "the statement" that points back to the last
named speaker. An unnamed speaker ("a senior administration official") is kept
as free text. A paragraph that opens a quote without closing it continues the
quote into the next paragraph, as newspapers print long statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .actors import ORG_CUES, TITLES

TITLE_WORDS = frozenset(t.rstrip(".") for t in TITLES)

_QUOTE = re.compile(r"[\"“](?P<text>[^\"“”]{3,}?)(?:[\"”]|$)")
_SPEECH = (
    r"(?:said|says|told|added|continued|wrote|stated|noted|argued|insisted|warned|explained|"
    r"read|reads|declared|urged|tweeted|replied|responded|announced|indicated|confirmed|"
    r"suggested|described|calling|called|saying|predicted|promised|vowed|pledged|claimed|"
    r"admitted|acknowledged|conceded|cautioned|complained|recalled|asked|tells|adds)"
)
_PHRASE = r"(?:[^\"“”.;]|\.(?!\s|$))"
_AFTER = re.compile(
    rf"^[\s,]*{_SPEECH}\s+(?P<who2>(?:[^\"“”.;,]|\.(?!\s|$)){{1,90}})"
    rf"|^[\s,]*(?P<who>{_PHRASE}{{1,90}}?)\s+{_SPEECH}\b"
)
_BEFORE = re.compile(
    rf"(?P<who>[A-Z]{_PHRASE}{{0,90}}?|\b(?:he|she|they|it))\s+(?:also\s+)?{_SPEECH}\b"
    rf"{_PHRASE}{{0,80}}?[,:]?\s*$"
    rf"|[Aa]ccording to (?P<who2>{_PHRASE}{{1,80}}?)(?:,[^\"“”.;]{{0,60}})?[,:]?\s*$",
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "the statement", "the readout", "the release"})
_UNNAMED = re.compile(r"^(?:a|an|one|the|another|two|three|some|several)\b", re.IGNORECASE)


@dataclass(frozen=True)
class QuoteFact:
    text: str
    speaker: str | None
    """A name as written ('Horne'), or free text ('a senior administration official')."""
    named: bool
    """True when `speaker` is a name (to be resolved to an actor), False for free text."""
    paragraph: int


_TAG = re.compile(
    r"^(?P<tag>[A-Z][A-Z.'’ -]{2,50}?)(?P<affiliation>,[^:]{1,40})?:\s+(?P<text>\S.*)$"
)
"""A transcript's speaker tag: 'GOV. ELENA RUIZ: We are going to rebuild ...'."""
_NOT_A_SPEAKER = re.compile(r"\b(?:NOTE|UPDATE|UPDATED|RELEASE|CORRECTION|CONTACT|RELATED)\b")
TRANSCRIPT_TAGS = 2
"""Tagged paragraphs that make a transcript."""
_PRESENTER = re.compile(r"\b(?:ANCHOR|HOST|PRESENTER|REPORTER|CORRESPONDENT)\b")


def _tagged_speech(paragraphs: list[str]) -> list[QuoteFact]:
    """What the people a transcript tags say, without the presenters and reporters.

    A presenter is tagged as one ('ANCHOR TOM BECKER:') or with a station
    ('LISA CHEN, KVRN 9 NEWS:'), then often by name alone ('LISA CHEN:').
    """
    tagged = [(index, _TAG.match(paragraph)) for index, paragraph in enumerate(paragraphs)]
    found = [
        (index, match)
        for index, match in tagged
        if match and len(match["tag"].split()) >= 2 and not _NOT_A_SPEAKER.search(match["tag"])
    ]
    if len(found) < TRANSCRIPT_TAGS:
        return []  # 'EDITOR'S NOTE: ...' once is no transcript
    presenters = {
        _tag_name(match["tag"])
        for _, match in found
        if match["affiliation"] or _PRESENTER.search(match["tag"])
    }
    return [
        QuoteFact(match["text"].strip(), _tag_name(match["tag"]), True, index)
        for index, match in found
        if _tag_name(match["tag"]) not in presenters and len(match["text"].split()) >= 4
    ]


def _tag_name(tag: str) -> str:
    """'GOV. ELENA RUIZ' -> 'Elena Ruiz': the last two words, in the case names take."""
    return " ".join(word.capitalize() for word in tag.split()[-2:])


def find_quotes(paragraphs: list[str]) -> list[QuoteFact]:
    tagged = _tagged_speech(paragraphs)
    spoken = {quote.paragraph for quote in tagged}
    marked = [q for q in _marked_quotes(paragraphs) if q.paragraph not in spoken]
    return sorted(tagged + marked, key=lambda quote: quote.paragraph)


def _marked_quotes(paragraphs: list[str]) -> list[QuoteFact]:
    quotes: list[QuoteFact] = []
    last: tuple[str, bool] | None = None
    open_speaker_pending: list[int] = []
    last_statement: tuple[str, bool] | None = None
    for index, paragraph in enumerate(paragraphs):
        found = list(_QUOTE.finditer(paragraph))
        speaker = _speaker(paragraph, found)
        statement = _STATEMENT.search(_outside(paragraph, found))
        if speaker is not None and speaker[0].lower() in ("he", "she", "they"):
            speaker = _named_before(paragraph, found) or last
        elif speaker is not None and speaker[0].lower() in _PRONOUNS:
            speaker = last_statement or last
        if statement and not found:
            who = _tidy(statement["who"].split(",")[-1])
            last_statement = (who, _is_name(who))
        if speaker is None and found and _all_quote(paragraph, found):
            speaker = last
        if speaker is not None:
            for pending in open_speaker_pending:
                quotes[pending] = QuoteFact(
                    quotes[pending].text, speaker[0], speaker[1], quotes[pending].paragraph
                )
            open_speaker_pending = []
        for match in found:
            text = match["text"].strip().rstrip(",")
            if len(text.split()) < _fewest_words(paragraph, match, speaker is not None):
                continue
            quotes.append(
                QuoteFact(
                    text, speaker[0] if speaker else None, bool(speaker and speaker[1]), index
                )
            )
            if speaker is None and _unclosed(paragraph, match):
                open_speaker_pending.append(len(quotes) - 1)
        if speaker is not None:
            last = speaker
    return quotes


_REPORTED = re.compile(rf"\b{_SPEECH}\b[^.!?\"“”]{{0,40}}$")
"""'called the walkout "irresponsible"', 'said it would "vigorously defend" itself'."""


def _fewest_words(paragraph: str, match: re.Match[str], has_speaker: bool) -> int:
    """Words a quotation needs: four, three with a speaker, one inside reported speech.

    A speech verb just before a short quotation shows whose word it is; without
    one, a short quoted phrase is a title or a scare quote.
    """
    if has_speaker and _REPORTED.search(paragraph, 0, match.start()):
        return 1
    return 3 if has_speaker else 4


_STATEMENT = re.compile(rf"(?P<who>[A-Z]{_PHRASE}{{0,60}}?|\bthe \w+)\s+said in a statement")
_NAME = re.compile(
    rf"\b[A-Z][a-z]+(?:\s+[A-Z][a-z’'-]+)+|\b[A-Z][a-z’'-]+(?=\s+(?:also\s+)?{_SPEECH}\b)"
)


def _named_before(paragraph: str, found: list[re.Match[str]]) -> tuple[str, bool] | None:
    """The last name written before the first quote: 'Chairman Moussa Kamara ... he said'.

    A lone surname counts when it speaks: 'Arkas said she would appeal. "...," she wrote'.
    An organisation's name ('who chairs the Pilots Association') is no 'he' or 'she'.
    """
    names = _NAME.findall(paragraph[: found[0].start()] if found else paragraph)
    people = [n for n in names if _person_shaped(n)]
    return (people[-1], True) if people else None


def _person_shaped(name: str) -> bool:
    """One to three words once titles are off, none an organisation's: 'Fire Chief Ray Okonkwo'.

    'Marrow Creek Fire Protection District' is too long to be a person's name.
    """
    words = name.lower().split()
    if not words or words[-1].rstrip(".") in TITLE_WORDS:
        return False  # 'the Foreign Secretary': an office, not a name
    titles = [k for k, word in enumerate(words[:-1]) if word.rstrip(".") in TITLE_WORDS]
    named = words[titles[-1] + 1 :] if titles else words
    return len(named) <= 3 and not ORG_CUES & set(words)


def _unclosed(paragraph: str, match: re.Match[str]) -> bool:
    return match.end() == len(paragraph) and paragraph[-1] not in '"”'


def _all_quote(paragraph: str, found: list[re.Match[str]]) -> bool:
    outside = _outside(paragraph, found)
    return len(re.findall(r"[A-Za-z]+", outside)) <= 1


def _outside(paragraph: str, found: list[re.Match[str]]) -> str:
    parts, position = [], 0
    for match in found:
        parts.append(paragraph[position : match.start()])
        position = match.end()
    parts.append(paragraph[position:])
    return " | ".join(parts)


def _speaker(paragraph: str, found: list[re.Match[str]]) -> tuple[str, bool] | None:
    """The speaker of the quotes in this paragraph: (text, is_name), or None."""
    for match in found:
        after = _AFTER.match(paragraph[match.end() :])
        if after and not re.match(r"\s*(?:while|and|but|as|whereas)\b", after["who"] or "x"):
            who = _tidy(after["who"] or after["who2"])
            if who:
                return who, _is_name(who)
    for match in found:
        before = _BEFORE.search(paragraph[: match.start()])
        if before:
            who = _tidy(before["who"] or before["who2"])
            if who:
                return who, _is_name(who)
    return None


_TITLED_NAME = re.compile(
    r"^(?:its|his|her|their)\s+(?:(?!(?:for|of|the|at|in)\s)[a-z][\w-]*\s+){0,3}"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})$"
)
_APPOSED_NAME = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}$")


_OPENER = re.compile(r"^(?:\w+ing|after|before|during|in|on|at|asked|when)\b", re.IGNORECASE)
"""'Speaking on Thursday evening, ..., Halvorsen said': a phrase before the subject."""


def _tidy(who: str) -> str:
    who = re.sub(r"^according to [^,]*,\s*", "", who.strip(), flags=re.IGNORECASE)
    parts = [p.strip() for p in who.split(",")]
    if len(parts) >= 2 and _OPENER.match(parts[0]):
        who, parts = parts[-1], parts[-1:]
    if len(parts) >= 2 and _APPOSED_NAME.match(parts[1]):
        return parts[1]  # "Italy's prime minister, Giulia Martinelli, who ..."
    titled = _TITLED_NAME.match(parts[-1])
    if len(parts) >= 2 and titled:
        return titled["name"]  # "When X bought Y, its chief executive Freja Holm predicted"
    who = re.split(r",|\s+(?:in a|on a|at a|to|who|in)\s", who)[0]
    who = re.sub(r"^(?:and|but|as|while)\s+", "", who.strip(" ,:"), flags=re.IGNORECASE)
    return who.strip()


def _is_name(who: str) -> bool:
    if who.lower() in _PRONOUNS or _UNNAMED.match(who):
        return False
    return any(word[:1].isupper() for word in who.split())
