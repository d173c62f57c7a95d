"""Mentions of people, organisations and places in article sentences, with the evidence for each.

A mention is a run of capitalised words ("U.S. President Joe Biden",
"Organization for Security and Co-operation in Europe"). Titles are split off
as roles; the evidence that says what kind of actor it is (a title, an
appositive role, an organisation cue word, an acronym defined in parentheses, a
place preposition, the gazetteer, a speech verb) is recorded so `merge` can
decide across all articles which mentions are actors and of what kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import NamedTuple

from .gazetteer import demonym_country, place_name


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = _words(
    """
    president vice secretary secretary-general minister premier chancellor senator sen. sheriff
    mp mep councillor
    rep. representative governor gov. mayor ambassador envoy general gen. admiral adm.
    colonel col. director chairman chairwoman chairperson chair spokesperson spokesman
    spokeswoman king queen prince princess pope sheikh emir commissioner commander chief
    leader adviser advisor judge justice prosecutor attorney lawyer mr. mrs. ms. dr.
    prof. professor ceo head deputy officer official mediator candidate executive
    analyst coordinator manager
    """
)
ORG_CUES = _words(
    """
    council ministry department agency party organization organisation commission
    committee union nations court parliament congress senate assembly house office
    service services bank fund alliance league association institute university college
    corporation company inc. ltd. group forces army navy police network authority board
    bureau federation community coalition movement front foundation kremlin pentagon
    cabinet government secretariat tribunal holdings logistics securities
    airlines airways motors technologies systems industries insurance freight shipping
    pharmaceuticals laboratories panel club society directorate inspectorate
    dredging mining petroleum steel construction engineering chemicals telecom resources
    minerals metals shipyards shipbuilding aerospace breweries studios devices electronics
    products brands foods savings mutual statistics museum gallery hospital library
    athletic rovers wanderers albion fc afc cf
    """
)
ORG_NOUNS = ORG_CUES | _words(
    """
    chain retailer firm maker lender utility manufacturer carrier operator supplier producer
    insurer charity watchdog regulator startup brand bloc broadcaster newspaper
    """
)
"""Nouns an appositive gives an organisation: 'Cartwell, the discount chain that ...'."""
_SHARED_POSSESSORS = _words("people children women men workers")
"""Possessors that belong to a name: 'the Sheriff's Office', 'the People's Party'."""
_PLACE_SHAPE = re.compile(
    r"^(?:Port|Mount|Fort|Lake|Cape)\s+[A-Z]\w+$|"
    r"^[A-Z]\w+(?:\s+[A-Z]\w+)?\s+(?:City|Town|Island|Islands|Province|County|Bay|Valley|"
    r"Heights|Harbour|Harbor|Peninsula|Strait)$"
)
"""Names shaped like places whatever the gazetteer knows: 'Port Ambry', 'Valdor City'."""
_CONNECTORS = frozenset({"of", "for", "and", "the", "in", "on", "de", "du", "des", "la"})
_NAME_PARTICLES = frozenset({"de", "van", "von", "bin", "al", "da", "del", "le", "der"})
_SPEECH = _words(
    """
    said says told added continued wrote stated noted argued insisted warned explained
    announced declared urged tweeted replied responded
    """
)
_PLACE_PREPS = frozenset({"in", "near", "across", "outside", "throughout", "inside"})
_STOP_STARTS = _words(
    """
    a an the this that these those it its he she they we i you his her their our but and
    or if when while after before though although as at on in of for with by from to
    since until during also then there here what why how who where which some many most
    more other others both all each every one two three according earlier later last
    next senior officials meanwhile however still yet so because despite amid under over
    about throughout can could will would should may might must does do did is are was
    were has have
    """
)
_MONTH_OR_DAY = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|"
    r"^(?:january|february|march|april|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday)$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w[\w'’&.-]*\w(?:(?<=s)['’](?!\w))?|\w|[^\w\s]")
"""A plural possessive keeps its apostrophe: 'the Homeowners' Association' is one run."""
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
NOT_ACTORS = _words(
    """
    ET EST EDT CT CST CDT PT PST PDT GMT UTC BST CET CEST AM PM A.M. P.M. OK TV
    """
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]*[A-Z0-9]$|^(?:[A-Z]\.){2,}$")


class Evidence(StrEnum):
    TITLE = "title"
    ROLE = "role"
    SPEECH = "speech"
    CUE = "cue"
    ACRONYM = "acronym"
    DEFINED = "defined"
    PLACE = "place"
    GAZETTEER = "gazetteer"
    SUB_BODY = "sub-body"


@dataclass(frozen=True)
class Mention:
    name: str
    """The name without titles or possessive ('Joe Biden')."""
    surface: str
    """The whole run as written, titles included ('U.S. President Joe Biden')."""
    evidence: frozenset[Evidence]
    role: str | None = None
    also_known_as: str | None = None
    """Another name the text gives: an acronym 'Bucharest Nine (B-9)', a nickname."""


class _Token(NamedTuple):
    """A word or mark of a sentence, with what the run finder asks of it computed once."""

    text: str
    start: int
    end: int
    bare: str
    """Without a possessive ending."""
    capitalised: bool
    """Starts with a capital and is no month or weekday name."""
    possessive: bool


def tokens(sentence: str) -> list[_Token]:
    return [_token(m) for m in _TOKEN.finditer(sentence)]


def _token(match: re.Match[str]) -> _Token:
    text = match[0]
    bare = _POSSESSIVE.sub("", text) if text[-1] in "s'’" else text
    capitalised = text[0].isupper() and not _MONTH_OR_DAY.match(bare)
    return _Token(text, match.start(), match.end(), bare, capitalised, text.endswith(_SAXON))


_SAXON = ("'s", "’s")


def _is_title(word: str) -> bool:
    return word.lower() in TITLES or word.lower().rstrip(".") + "." in TITLES


def _is_cue(word: str) -> bool:
    return word.lower() in ORG_CUES


def _runs(toks: list[_Token]) -> list[tuple[int, int]]:
    """Spans [i, j) of capitalised runs, joined over connectors an org or a title needs."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not toks[i].capitalised or not toks[i].text[0].isalnum():
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            tok = toks[j]
            if tok.capitalised and not toks[j - 1].possessive:
                j += 1
                continue
            if toks[j - 1].possessive and tok.capitalised:
                j += 1
                continue
            if _joins(toks, i, j):
                j += 2 if toks[j + 1].text.lower() != "the" else 3
                continue
            break
        if j < len(toks) and _hyphen_pair(toks[j - 1]) and _is_cue(toks[j].text):
            j += 1
        spans.append((i, j))
        i = j
    return spans


def _hyphen_pair(tok: _Token) -> bool:
    """'NATO-Russia' (two names joined), which a lowercase 'council' may follow."""
    parts = tok.text.split("-")
    return len(parts) == 2 and all(p[:1].isupper() for p in parts)


def _joins(toks: list[_Token], i: int, j: int) -> bool:
    """Does the connector at j continue the run [i, j) ('Department of Defense')?"""
    word = toks[j].text.lower()
    if word not in _CONNECTORS and word not in _NAME_PARTICLES:
        return False
    k = j + 1
    if k < len(toks) and toks[k].text.lower() == "the":
        k += 1
    if k >= len(toks) or not toks[k].capitalised:
        return False
    run = [t.bare for t in toks[i:j]]
    if word in _NAME_PARTICLES and word not in _CONNECTORS:
        return True
    if word == "in" and _is_cue(run[-1]):
        return False  # 'the Panel in Valdor City': where the body sits, not its name
    has_org = any(_is_cue(w) for w in run)
    has_title = _is_title(run[-1]) and word in ("of", "for")
    return (has_org and word != "and") or has_title or (has_org and _org_and(toks, i, k))


def _org_and(toks: list[_Token], i: int, k: int) -> bool:
    """'Organization for Security and Co-operation': 'and' inside an org name already under way."""
    run = toks[i:k]
    return any(t.text.lower() in ("for", "of") for t in run) and any(_is_cue(t.bare) for t in run)


def find_mentions(sentence: str, common: frozenset[str]) -> list[Mention]:
    """The actor mentions in one sentence. `common`: lowercase words the text uses lowercase."""
    nicknames = {f"{m[1]} {m[3]}": f"{m[2]} {m[3]}" for m in _NICKNAME.finditer(sentence)}
    sentence = _NICKNAME.sub(r"\1 \3", sentence)
    toks = tokens(sentence)
    mentions: list[Mention] = []
    for i, j in _runs(toks):
        i = _skip_common_start(toks, i, j, common)
        if i >= j:
            continue
        mentions.extend(_mentions_in_run(sentence, toks, i, j))
    return [_with_nickname(m, nicknames) for m in mentions]


_NICKNAME = re.compile(r"\b([A-Z][a-z]+) [\"“]([A-Z][a-z]+)[\"”] ([A-Z][a-z]+)\b")


def _with_nickname(mention: Mention, nicknames: dict[str, str]) -> Mention:
    """'Antonio "Tony" Reyes' is also 'Tony Reyes'."""
    for full, nickname in nicknames.items():
        if mention.name.endswith(full):
            return replace(mention, also_known_as=nickname)
    return mention


_LOCATING = ("-based", "-born", "-headquartered", "-listed", "-registered")
"""'Larkspur-based Halcyon Home Devices': where the actor is from, not its name."""


def _skip_common_start(toks: list[_Token], i: int, j: int, common: frozenset[str]) -> int:
    while i < j:
        word = toks[i].bare
        if word.lower().endswith(_LOCATING):
            i += 1
            continue
        starts_sentence = i == 0 or toks[i - 1].text in ('"', "“", "(", ":", "—", "-")
        ordinary = word.lower() in _STOP_STARTS or (starts_sentence and word.lower() in common)
        if not ordinary:
            return i
        i += 1
    return i


def _split_at_possessives(toks: list[_Token], i: int, j: int) -> list[tuple[int, int]]:
    """'Russia's Foreign Ministry' is two names; 'the Sheriff's Office' is one."""
    parts = []
    start = i
    for k in range(i, j):
        possessor = toks[k].bare
        owned = _is_title(possessor) or possessor.lower() in _SHARED_POSSESSORS
        if toks[k].possessive and k + 1 < j and not owned:
            parts.append((start, k + 1))
            start = k + 1
    parts.append((start, j))
    return parts


def _mentions_in_run(sentence: str, toks: list[_Token], i: int, j: int) -> list[Mention]:
    surface = sentence[toks[i].start : toks[j - 1].end]
    surface = _POSSESSIVE.sub("", surface)
    parts = _split_at_possessives(toks, i, j)
    after = sentence[toks[j - 1].end :]
    before = sentence[: toks[i].start]
    out: list[Mention] = []
    for index, (a, b) in enumerate(parts):
        words = [t.bare for t in toks[a:b]]
        last_part = index == len(parts) - 1
        title_at = max((k for k, w in enumerate(words) if _is_title(w)), default=-1)
        if _is_cue(words[-1]):
            words = _body_after_office(words, title_at)
            title_at = -1  # 'the Sheriff's Office', 'the Governor's Office': an organisation
        if title_at >= 0 and title_at < len(words) - 1:
            name_words = _name_after_title(words[title_at + 1 :])
            role = " ".join(words[: len(words) - len(name_words)])
            full = surface if last_part else " ".join(words)
            out.append(_person(name_words, full, role, after if last_part else ""))
            continue
        if title_at == len(words) - 1 and len(words) == 1:
            continue
        head, body = _sub_body(words)
        if head:
            out.append(Mention(" ".join(head), " ".join(head), frozenset({Evidence.SUB_BODY})))
        out.append(_plain(body, before if index == 0 else "", after if last_part else "", index))
    return [
        m for m in out if m.name and not _MONTH_OR_DAY.match(m.name) and m.name not in NOT_ACTORS
    ]


def _body_after_office(words: list[str], title_at: int) -> list[str]:
    """'Secretary-General of the Central Development Bank' -> the bank: the office is no name."""
    rest = words[title_at + 1 :]
    if title_at < 0 or not rest or rest[0].lower() not in ("of", "for"):
        return words
    return rest[2:] if len(rest) > 2 and rest[1].lower() == "the" else rest[1:]


def _sub_body(words: list[str]) -> tuple[list[str], list[str]]:
    """'Permanent Council of the OSCE' -> (['Permanent', 'Council'], ['OSCE']): a body of a body."""
    for k, word in enumerate(words):
        if word == "of" and any(_is_cue(w) for w in words[:k]):
            rest = words[k + 1 :]
            rest = rest[1:] if rest and rest[0].lower() == "the" else rest
            if rest and (any(_is_cue(w) for w in rest) or _ACRONYM.match(rest[0])):
                return words[:k], rest
    return [], words


def _name_after_title(words: list[str]) -> list[str]:
    """'of State Antony Blinken' -> ['Antony', 'Blinken']; 'Joe Biden' -> ['Joe', 'Biden']."""
    if words and words[0].lower() in _CONNECTORS:
        return words[-2:] if len(words) >= 3 else words[-1:]
    return words[-3:]


def _person(name: list[str], surface: str, role: str, after: str) -> Mention:
    evidence = {Evidence.TITLE}
    if _speech_follows(after):
        evidence.add(Evidence.SPEECH)
    return Mention(
        name=" ".join(name),
        surface=surface,
        evidence=frozenset(evidence),
        role=role or None,
    )


_APPOSITIVE = re.compile(
    r"^,\s+(?:a|an|the|our|its|his|her|their)\s+(?P<role>[a-z][^,.;:“”\"]{2,80}?)\s*(?=,|\.|;|$|\s(?:said|says|told)\b)"
)
_ACRONYM_AFTER = re.compile(r"^\s*\((?P<acronym>[A-Z][A-Za-z0-9&.-]{1,11})\)")


def _plain(words: list[str], before: str, after: str, index: int) -> Mention:
    name = " ".join(words)
    evidence: set[Evidence] = set()
    role = None
    appositive = _APPOSITIVE.match(after)
    if appositive and any(_is_title(w) for w in appositive["role"].split()):
        evidence.add(Evidence.ROLE)
        role = appositive["role"].strip()
    elif appositive and _org_appositive(appositive["role"]):
        evidence.add(Evidence.CUE)
    role_before = _role_before(before) or _agent_before(before, words)
    if role_before:
        evidence.add(Evidence.ROLE)
        role = role or role_before
    if _speech_follows(after) or _speech_precedes(before):
        evidence.add(Evidence.SPEECH)
    if any(_is_cue(w) for w in words) or _NAMED_GROUP.search(before):
        evidence.add(Evidence.CUE)
    if len(words) == 1 and _is_acronym(words[0]):
        evidence.add(Evidence.ACRONYM)
    if place_name(name) or _PLACE_SHAPE.match(name):
        evidence.add(Evidence.GAZETTEER)
    if _place_context(before):
        evidence.add(Evidence.PLACE)
    if index > 0 and len(words) <= 3 and _is_cue(words[-1]):
        evidence.add(Evidence.SUB_BODY)
    defined = _ACRONYM_AFTER.match(after)
    acronym = defined["acronym"] if defined and _looks_acronym(defined["acronym"]) else None
    if acronym:
        evidence.add(Evidence.DEFINED)
    return Mention(
        name=name, surface=name, evidence=frozenset(evidence), role=role, also_known_as=acronym
    )


_NAMED_GROUP = re.compile(
    r"\b(?:group|gang|network|movement|collective|militia|organi[sz]ation)\s+"
    r"(?:calling\s+(?:itself|themselves)|called|known\s+as|named)\s+$",
    re.IGNORECASE,
)
"""'a hacking group calling itself ShadeNet': the name of an organisation."""
_AGENT = re.compile(r"(?:^|\s)(?P<noun>[a-z]{3,}(?:er|or|ist|ian))\s*$")
_NOT_AGENTS = _words(
    """
    after under over other never ever either neither whether together rather later further
    earlier sooner order border corner quarter water winter summer member number
    writer reporter editor correspondent photographer columnist presenter producer
    """
)
"""Not a role ('after Tomasz'), or the role of who wrote the story, not of who is in it."""


def _agent_before(before: str, words: list[str]) -> str | None:
    """'striker Tomasz Wrona', 'novelist Ana Reyes': a person named by what they do."""
    match = _AGENT.search(before)
    if match is None or not 2 <= len(words) <= 3 or any(_is_cue(w) for w in words):
        return None
    noun = match["noun"]
    return None if noun in _NOT_AGENTS or noun in _STOP_STARTS else noun


def _org_appositive(role: str) -> bool:
    """'the discount chain that sold ...': the noun before any relative clause is an org's."""
    head = re.split(r"\s(?:that|which|who|whose|with|in|of|for|based)\s", role, maxsplit=1)[0]
    return head.split()[-1].lower() in ORG_NOUNS


ACRONYM_LETTERS = 6
"""Acronyms are short ('ECOWAS'); 'PROSECUTORS in Sarova ...' is a first word in capitals."""


def _is_acronym(word: str) -> bool:
    letters = sum(c.isalpha() for c in word)
    return bool(_ACRONYM.match(word)) and word not in NOT_ACTORS and letters <= ACRONYM_LETTERS


def _role_before(before: str) -> str | None:
    """'... national security adviser' right before a name: the role it gives."""
    words = before[-80:].split()
    if not words or not _is_title(words[-1].rstrip(",")):
        return None
    return _clean_role(" ".join(words[-6:]).rstrip(","))


def _clean_role(role: str) -> str:
    """'met national security adviser' -> 'national security adviser': the noun phrase only."""
    words = role.split()
    kept = [words[-1]]
    lowercase = 0
    for word in reversed(words[:-1]):
        if word.lower() in _STOP_STARTS | _SPEECH or len(kept) >= 5:
            break
        lowercase += word[:1].islower()
        if lowercase > 2:
            break
        kept.insert(0, word)
    return " ".join(kept)


def _looks_acronym(text: str) -> bool:
    letters = re.sub(r"[^A-Za-z0-9]", "", text)
    return len(letters) >= 2 and (
        text.isupper()
        or sum(c.isupper() for c in text) >= 2
        or (text[0].isupper() and text[1:].islower() and len(text) <= 6)
    )


_ASIDE = re.compile(r"^,\s*(?:\d{1,3}|who\s[^,;.]{1,80}),")
"""', 81,' or ', who attended the hearing,' between a name and 'said'."""


def _speech_follows(after: str) -> bool:
    after = _ASIDE.sub("", _APPOSITIVE.sub("", after, count=1), count=1)
    match = re.match(r"^[\s,]*(?:also\s+|has\s+|had\s+|then\s+)?(\w+)", after)
    return match is not None and match[1].lower() in _SPEECH


def _speech_precedes(before: str) -> bool:
    """'..., said Grace Mendoza': the name right after a speech verb."""
    words = before.split()
    return bool(words) and words[-1].lower() in _SPEECH and before.rstrip()[-1:].isalpha()


def _place_context(before: str) -> bool:
    words = re.findall(r"[\w’']+|[,]", before[-40:])
    if not words:
        return False
    if words[-1].lower() in _PLACE_PREPS:
        return True
    tail = " ".join(words[-3:]).lower()
    return tail.endswith(("capital ,", "capital", "city of", "town of", "region of"))


def demonym_places(text: str) -> set[str]:
    """Countries named through their demonyms ('Russian officials' -> Russia)."""
    found = set()
    for word in re.findall(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)*\b", text):
        for part in word.split("-"):
            country = demonym_country(part)
            if country:
                found.add(country)
    return found
