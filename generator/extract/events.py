"""Dated happenings in one article: each date expression with the clause it belongs to.

A sentence with several dates ("a Jan. 10 meeting, followed by a session on
Jan. 12, and a conference slated for Jan. 13") is cut into one clause per
date. Dates stay expressions here; `merge` resolves them once the article's
anchor date is known. Speculation ("could launch an invasion as soon as next
month") is not a happening.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from .clean import sentences
from .dates import ClockTime, DateExpr, Kind, Tense, find_dates, find_time, tense_of

_BOUNDARY = re.compile(r",\s+|;\s+|\s+(?:and|while|followed by|but|before|after|then)\s+")
_SPECULATION = re.compile(
    r"\b(?:could|might|may)\b|\bif\b.*\bwould\b|\bhop(?:e|es|ing)\s+(?:for|to|that)\b"
)
"""Speculation and hope ('hoping for calmer winds on Wednesday') are no happenings."""


_WINDOW_FUTURE = re.compile(
    r"\b(?:will|shall|set to|scheduled|slated|expected|upcoming|ahead of|next|coming|to hold|"
    r"would be|would take|until|by(?!\s+(?:about\s+|around\s+)?[$£€]?\d))\b",
    re.I,
)
"""'by' and 'until' set a deadline ahead ('a ruling by Friday'); 'rose by 0.5 points' is a
measure."""
_APPOINTED = re.compile(
    r"\bfor\s+(?:next\s+)?$"
    r"|\b(?:has|have)\s+(?:called|invited|summoned|convened)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:to|for)\s+(?:[\w'’-]+\s+){0,3}?(?:on\s+)?$",
    re.I,
)
"""'for Monday' after a noun, 'has called both sides to talks on Wednesday': the day
something is set for, ahead of the writer."""
_DONE_BEFORE = re.compile(
    r"(?:\bsince\s+$|(?<!\bbe\s)(?<!\bbeen\s)\b[a-z]+ed\s+by\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*\s+){1,5}(?:on\s+)?$)",
)
"""'since Monday' looks back; so does a participle with its agent ('the inquiry announced by
the Mines Inspectorate on Friday'), whatever the sentence's own tense."""
_WINDOW_PAST = re.compile(
    r"\b(?:was|were|had|did|said|spoke|held|met|told|took|made|began|came|went|\w+ed)\b", re.I
)


@dataclass(frozen=True)
class DatedClause:
    text: str
    """The clause that carries the date, as written."""
    sentence: str
    expr: DateExpr
    previous: DateExpr | None
    """The date expression before this one in the sentence ('the following day' needs it)."""
    tense: Tense
    paragraph: int
    time: ClockTime | None = None
    quoted: bool = False
    """Said inside a quotation: a speaker's date may back a happening, never found one."""


def find_dated_clauses(paragraphs: list[str]) -> list[DatedClause]:
    clauses: list[DatedClause] = []
    for index, paragraph in enumerate(paragraphs):
        if not _PROSE_END.search(paragraph):
            continue  # a link or a heading left in the text: 'Fireworks ban approved (6/24/2025)'
        position = 0
        for sentence in sentences(paragraph):
            start = paragraph.find(sentence, position)
            position = max(start, 0) + len(sentence)
            found = _clauses_in(sentence, index, _inside_quote(paragraph[: max(start, 0)]))
            if found:
                clauses.extend(found)
            elif clauses and clauses[-1].time is None and index - clauses[-1].paragraph <= 1:
                time = find_time(sentence)
                if time and clauses[-1].expr.kind is not Kind.YEAR:
                    clauses[-1] = replace(clauses[-1], time=time)
    return clauses


_RESTATING = re.compile(
    r"[\s,(]*(?:(?:at|on)\s+|\d{1,2}[:.]\d{2}\s*|(?:GMT|UTC|[A-Z]{2,3}T)\b\s*|local time\s*"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)*"
)
_EXPLICIT = (Kind.FULL, Kind.MONTH_DAY)


def _without_restatements(sentence: str, exprs: list[DateExpr]) -> list[DateExpr]:
    """'tomorrow, 29 February', 'on Sunday (18:14 GMT on Saturday)': one date said twice.

    Of a relative and a written-out date side by side, the written-out one is
    kept; of two alike, the second is a restatement only when it is in brackets.
    """
    kept: list[DateExpr] = []
    for expr in exprs:
        last = kept[-1] if kept else None
        between = sentence[last.end : expr.start] if last else ""
        if last is None or not _RESTATING.fullmatch(between):
            kept.append(expr)
            continue
        explicit = (last.kind in _EXPLICIT, expr.kind in _EXPLICIT)
        if explicit == (False, True):
            kept[-1] = expr
            _drop_restated(sentence, kept, last.start)
        elif explicit[0] == explicit[1] and "(" not in between:
            kept.append(expr)
    return kept


def _restated(sentence: str, expr: DateExpr, end: int) -> bool:
    return expr.kind not in _EXPLICIT and _RESTATING.fullmatch(sentence[expr.end : end]) is not None


def _drop_restated(sentence: str, kept: list[DateExpr], start: int) -> None:
    """'today, Friday 19 September': the written-out date stands for the relative ones before."""
    while len(kept) >= 2 and _restated(sentence, kept[-2], start):
        start = kept.pop(-2).start


def _clauses_in(sentence: str, paragraph: int, quoted: bool) -> list[DatedClause]:
    exprs = _without_restatements(sentence, find_dates(sentence))
    if any(not e.is_vague for e in exprs):
        exprs = [e for e in exprs if not e.is_vague]
    cuts = [_cut(sentence, a.end, b.start) for a, b in itertools.pairwise(exprs)]
    in_spans = _span_ends(sentence, exprs)
    out = []
    for k, expr in enumerate(exprs):
        start = next((c for c in reversed(cuts[:k]) if c is not None), 0)
        end = next((c for c in cuts[k:] if c is not None), len(sentence))
        text = sentence[start:end].strip(" ,;.")
        segment = _segment(sentence, expr)
        if _SPECULATION.search(segment) or _NO_HAPPENING.search(segment):
            continue
        if k in in_spans or _dates_the_saying(sentence, expr) or _since(sentence, expr):
            continue
        if _term_end(sentence, expr) or _statistic(segment, expr):
            continue
        out.append(
            DatedClause(
                text=text,
                sentence=sentence,
                expr=expr,
                previous=exprs[k - 1] if k else None,
                tense=_tense_near(text, sentence, expr),
                paragraph=paragraph,
                time=find_time(text),
                quoted=quoted or _inside_quote(sentence, expr.start),
            )
        )
    return out


_PROSE_END = re.compile(r"[.!?…:][\"”’')\]*]*\s*$")
_NO_HAPPENING = re.compile(
    r"\b(?:did not|didn't|does not|has not|have not)\s+(?:immediately\s+)?"
    r"(?:respond|reply|return)|\bdeclined to comment\b|\bcould not be reached\b"
    r"|\bnot available for comment\b",
    re.I,
)
"""'Halcyon did not respond to a request for comment on Wednesday': no one did anything."""
_TERM_END = re.compile(
    r"(?:\b(?:contracts?|licen[cs]es?|leases?|tenure|mandate|concession)\b(?:\s+[\w'’-]+){0,8}?"
    r"|\b(?:deal|agreement|visa|permit)\b(?:\s+[\w'’-]+){0,4}?\s+"
    r"(?:runs?|lasts?|is\s+valid|remains?\s+valid|expires?|ends?))"
    r"\s+(?:until|till|through|(?:on|in))\s+(?:the\s+end\s+of\s+)?$",
    re.I,
)
"""'a contract with the club until 30 June 2030', 'its licence runs until 31 March 2031':
when a standing arrangement ends, not something done that day. (A ban that 'runs until
1 April 2029' ends then: that end is news.)"""
_UNTIL_BEFORE = re.compile(
    r"\b(?:until|till|through|expires?\s+(?:on|in)|ends?\s+(?:on|in)|the\s+end\s+of)\s+$", re.I
)
_STATISTIC = re.compile(
    r"\b(?:rose|rise|rising|fell|falling|climbed|dropped|grew|shrank|increased|decreased|"
    r"slowed|accelerated|eased|jumped|slipped|stood|was|were)\b"
    r"(?:\s+[\w'’-]+){0,3}?\s+[\d.,]+\s*(?:%|per\s*cent|percent|percentage points?)",
    re.I,
)
"""'Inflation rose to 6.1 per cent in January' ('complaints rose 18% in 2025'): a figure for
its month or year, not a happening."""
_MONTHS_ONLY = (Kind.MONTH, Kind.MONTH_YEAR, Kind.YEAR)
_SAYING = re.compile(
    r"\b(?:said|says|added|stated|insisted|told\s+(?:[\w'’-]+\s+){1,3}?)"
    r"\s*(?:(?:late|early)\s+)?(?:on\s+|in\s+)?$",
    re.I,
)
_WORDS = re.compile(r"[^\W\d_]+")
REPORT_WORDS = 3
"""Words after 'said on Thursday' that make a report ('that its monitors had counted ...')."""
_ANNOUNCED = re.compile(r"\b(?:it|they)\s+(?:would|will|plans?\s+to|intends?\s+to)\b", re.I)
"""'said on Monday it would cut 500 jobs': the sayer's own plan, announced that day."""
_SPAN_OPENERS = re.compile(r"\b(?:between|from)\s+$", re.I)
_SPAN_JOINS = re.compile(r"\s+(?:and|to|until|through|till)\s+$|\s*[–-]\s*$", re.I)


def _dates_the_saying(sentence: str, expr: DateExpr) -> bool:
    """'X said on Thursday that ...', 'told reporters on Monday': when it was said, not done.

    The statement is news only through what it reports, which has its own date
    or none; dated by its saying it would be an event of its own. A date after
    the report ('... has been suspended, the agency said on Wednesday') dates it,
    and so does a plan announced ('said on Monday it would cut 500 jobs').
    """
    report = sentence[expr.end :]
    reported = len(_WORDS.findall(report)) >= REPORT_WORDS and not _ANNOUNCED.search(report)
    return reported and _SAYING.search(sentence, 0, expr.start) is not None


def _term_end(sentence: str, expr: DateExpr) -> bool:
    if not _UNTIL_BEFORE.search(sentence, max(0, expr.start - 24), expr.start):
        return False
    return _TERM_END.search(sentence, max(0, expr.start - 120), expr.start) is not None


def _statistic(segment: str, expr: DateExpr) -> bool:
    """A figure dated by the month it measures; a day ('on 26 February') dates its release."""
    return expr.kind in _MONTHS_ONLY and _STATISTIC.search(segment) is not None


def _span_ends(sentence: str, exprs: list[DateExpr]) -> set[int]:
    """Positions of dates that open or close a span: 'sold between January 2023 and April 2025'.

    Neither end of a span is a happening: the span qualifies something that went on.
    """
    ends: set[int] = set()
    for k, (a, b) in enumerate(itertools.pairwise(exprs)):
        opened = _SPAN_OPENERS.search(sentence, 0, a.start) or a.text.lower().startswith("from")
        if opened and _SPAN_JOINS.fullmatch(sentence[a.end : b.start] + " "):
            ends.update((k, k + 1))
    return ends


_MEASURED_SINCE = re.compile(
    r"\b(?:\w+est|most|first|\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"several|many|dozens)\b(?:\s+[\w'’-]+){0,4}\s+since\s+(?:(?:early|late|mid)[\s-]+)?$",
    re.I,
)


def _since(sentence: str, expr: DateExpr) -> bool:
    """'three lawsuits since 2020', 'the fastest pace since 2008': a yardstick, no happening.

    'suspended since 2 April' dates the suspension and stays.
    """
    before = sentence[: expr.start]
    if expr.text.lower().startswith("since"):
        before += "since "
    return "since" in before[-20:].lower() and _MEASURED_SINCE.search(before) is not None


def _unquoted(text: str) -> str:
    """The text with quotations taken out: a speaker's 'will' is not the reporter's tense."""
    return re.sub(r"[\"“][^\"“”]*[\"”]", " ", text)


def _inside_quote(sentence: str, position: int | None = None) -> bool:
    """Is `position` (default: the end) between quote marks? A speaker's date is not news."""
    before = sentence if position is None else sentence[:position]
    curly = before.count("“") > before.count("”")
    return curly or before.count('"') % 2 == 1


def _segment(sentence: str, expr: DateExpr) -> str:
    """The stretch of the sentence around the date between clause boundaries.

    'The Commission on Thursday opened a probe, saying the deal could raise prices'
    speculates only after the comma; the opening itself is news.
    """
    starts = [m.end() for m in _BOUNDARY.finditer(sentence, 0, expr.start)]
    end = _boundary(sentence, expr.end, len(sentence))
    return sentence[starts[-1] if starts else 0 : len(sentence) if end is None else end]


_ABOUT_THE_DATE = re.compile(r"(?:the day|the date|the eve|when)\b", re.I)


def _cut(sentence: str, start: int, limit: int) -> int | None:
    """Where the clause of the date ending at `start` ends, before the next date at `limit`.

    An appositive right after a date describes it: '2 April, the day she was suspended'.
    """
    for match in _BOUNDARY.finditer(sentence, start, limit):
        if not (match.start() == start and _ABOUT_THE_DATE.match(sentence, match.end())):
            return match.start()
    return None


def _boundary(sentence: str, start: int, limit: int) -> int | None:
    match = _BOUNDARY.search(sentence, start, limit)
    return match.start() if match else None


def _looks_back(sentence: str, expr: DateExpr) -> bool:
    if expr.text.lower().startswith("since"):
        return True
    start = max(0, expr.start - 80)
    before = sentence[start : expr.start]
    if "by " not in before and "since" not in before:
        return False
    return _DONE_BEFORE.search(sentence, start, expr.start) is not None


def _tense_near(clause: str, sentence: str, expr: DateExpr) -> Tense:
    """The tense of the verbs nearest the date, else of the clause ('will speak ... Thursday')."""
    possessive = expr.text.endswith(("'s", "’s")) or sentence.startswith(("'s", "’s"), expr.end)
    if _looks_back(sentence, expr):
        return Tense.PAST  # 'trapped since Monday', 'the inquiry announced by X on Friday'
    if _APPOINTED.search(sentence, 0, expr.start) and not possessive:
        return Tense.FUTURE  # 'called an emergency summit for Monday'
    before = " ".join(_unquoted(sentence[: expr.start]).split()[-10:])
    stop = _boundary(sentence, expr.end, len(sentence))
    after = " ".join(_unquoted(sentence[expr.end : stop]).split()[:6])
    clause = _unquoted(clause)
    window = f"{before} {expr.text} {after}"
    if _WINDOW_FUTURE.search(window):
        return Tense.FUTURE
    if _WINDOW_PAST.search(window):
        return Tense.PAST
    leading = clause.partition(expr.text)[0]  # a 'will' further on belongs to another verb
    if _WINDOW_FUTURE.search(leading):
        return Tense.FUTURE
    if re.search(r"\b(?:is|are)\b", window):
        return Tense.FUTURE
    return tense_of(f"{leading} {expr.text} {after}")
