"""Many ArticleFacts -> one Briefing.

Steps, in order: give each article a source id and an anchor date (its own
publication date, or the median of its siblings'); gather mentions into actors
(aliases, kinds, roles) across all articles; resolve every dated clause against
its article's anchor; cluster clauses into events, comparing only clauses in
the same date block; record disagreements between sources on an event's date;
attach quotes. Everything is deterministic: inputs are sorted, ties broken by id.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial

from .extract import ArticleFacts
from .extract.actors import NOT_ACTORS, ORG_CUES, Evidence, Mention, demonym_places
from .extract.dates import Tense, resolve
from .extract.events import DatedClause
from .extract.gazetteer import demonym_country, place_name, place_surfaces
from .model import Actor, Briefing, Event, Kind, PartialDate, Quote, Reading, Source, Status
from .slug import slugify, unique_slug

# ---------------------------------------------------------------- sources and anchors


@dataclass(frozen=True)
class Anchored:
    facts: ArticleFacts
    source_id: str
    anchor: dt.date | None
    anchor_inferred: bool


def _as_date(value: PartialDate | None) -> dt.date | None:
    if value is None or value.month is None or value.day is None:
        return None
    return dt.date(value.year, value.month, value.day)


AMBIGUOUS_DATE_REACH = 45
"""Days from the siblings' median within which one reading of an ambiguous date must fall
(and the other not) for it to be taken."""


def _settled(facts: ArticleFacts, sibling: dt.date | None) -> ArticleFacts:
    """'aired 06/11/2025' among articles of June 2025 is 11 June: the one reading near them."""
    if facts.published is not None or sibling is None or not facts.published_readings:
        return facts
    near = [
        r
        for r in facts.published_readings
        if abs(((_as_date(r) or sibling) - sibling).days) <= AMBIGUOUS_DATE_REACH
    ]
    return replace(facts, published=near[0]) if len(near) == 1 else facts


def anchor_sources(articles: list[ArticleFacts]) -> list[Anchored]:
    """Source ids (stable, unique) and anchors; undated articles take their siblings' median.

    A publication date that reads either way is settled by the siblings' median.
    """
    dated = sorted(d for a in articles if (d := _as_date(a.published)) is not None)
    sibling = dated[(len(dated) - 1) // 2] if dated else None
    taken: set[str] = set()
    out = []
    for facts in sorted((_settled(a, sibling) for a in articles), key=lambda a: a.seed):
        own = _as_date(facts.published)
        out.append(
            Anchored(
                facts=facts,
                source_id=unique_slug(_source_slug(facts), taken),
                anchor=own or sibling,
                anchor_inferred=own is None and sibling is not None,
            )
        )
    return out


def _source_slug(facts: ArticleFacts) -> str:
    when = str(facts.published) if facts.published else "undated"
    outlet = slugify(facts.outlet, "") if facts.outlet else ""
    title = slugify(facts.title or "", "article", max_length=48)
    return slugify(" ".join(p for p in (outlet, when, title) if p))


def make_source(item: Anchored) -> Source:
    facts = item.facts
    extra: dict[str, object] = {}
    if item.anchor_inferred and item.anchor:
        extra["dates_anchored_on"] = item.anchor.isoformat()
        extra["anchor_note"] = (
            "no publication date on the page; its relative dates were resolved against "
            "the median publication date of the other articles"
        )
    return Source(
        id=item.source_id,
        title=facts.title or "Untitled",
        outlet=facts.outlet,
        author=facts.author,
        published=facts.published,
        seed=facts.seed,
        body=facts.body,
        extra=extra,
    )


# ---------------------------------------------------------------- actors


@dataclass
class _Group:
    """Mentions gathered under one key while actors are being formed."""

    names: Counter[str] = field(default_factory=Counter)
    surfaces: set[str] = field(default_factory=set)
    evidence: Counter[Evidence] = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)
    acronyms: set[str] = field(default_factory=set)
    count: int = 0


@lru_cache(maxsize=1 << 16)
def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii") or name
    place = place_name(name)
    if place:
        return f"place:{place.lower()}"
    text = re.sub(r"^([A-Za-z]+)-(\d+)$", r"\1\2", name)
    text = text.lower().replace(".", "").replace("’", "'")
    text = re.sub(r"[-\s]+", " ", text).strip()
    text = text[4:] if text.startswith("the ") else text
    words = text.split()
    if any(w in ORG_CUES for w in words):
        return " ".join(sorted(words))
    return text


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


_LEGAL_FORM = re.compile(
    r"\s+(?:A/S|A|N\.V\.|NV|Inc\.?|Ltd\.?|plc|PLC|AG|SA|S\.A\.|GmbH|LLC|Corp\.?|SE|AB|ASA)$"
)
"""A company's legal form ('Norvik Logistics A/S'): not part of the name readers use."""


def _gather(mentions: Iterable[Mention], excluded: set[str]) -> dict[str, _Group]:
    groups: dict[str, _Group] = defaultdict(_Group)
    for mention in mentions:
        if mention.name.lower() in excluded or mention.name in NOT_ACTORS:
            continue
        name = _LEGAL_FORM.sub("", mention.name) or mention.name
        group = groups[_key(name)]
        group.names[name] += 1
        group.surfaces.add(mention.surface)
        group.evidence.update(mention.evidence)
        group.count += 1
        if mention.role:
            group.roles.append(mention.role)
        if mention.also_known_as:
            group.acronyms.add(mention.also_known_as)
    return groups


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words).lower()


def _link(groups: dict[str, _Group]) -> _Union:
    """Union keys that name the same actor: acronyms and their expansions, surnames."""
    union = _Union()
    for key in groups:
        union.find(key)
    for key, group in groups.items():
        for acronym in group.acronyms:
            union.union(key, _key(acronym))
        if len(key.split()) >= 2 and not key.startswith("place:"):
            name = group.names.most_common(1)[0][0]
            initials = _initials(name)
            if len(initials) >= 2 and initials in groups and initials != key:
                union.union(key, initials)
    people = [k for k, g in groups.items() if _maybe_person(k, g)]
    by_last: dict[str, list[str]] = defaultdict(list)
    for key in people:
        by_last[key.split()[-1]].append(key)
    for last, keys in by_last.items():
        base = min(keys, key=len).split()
        if all(k.split()[-len(base) :] == base for k in keys):
            for key in keys:
                union.union(" ".join(base), key)
            by_last[last] = [" ".join(base)]
    for key in groups:
        owner = _surname_owner(by_last.get(key, []), groups) if len(key.split()) == 1 else None
        if owner:
            union.union(owner, key)
    _link_short_org_names(groups, union)
    for last, keys in by_last.items():
        full = [k for k in keys if len(k.split()) >= 2]
        for k in full[1:]:
            if k.split()[-1] == last and len(set(full)) == 1:
                union.union(full[0], k)
    return union


DOMINANT = 2
"""How many times more often than any namesake a person must be named to own the surname."""


def _surname_owner(keys: list[str], groups: dict[str, _Group]) -> str | None:
    """Whom a lone surname names: the one person with it, or the one named far more often.

    With Graham Holt named throughout and his wife and mother once each, 'Holt' is Graham.
    """
    if len(keys) <= 1:
        return keys[0] if keys else None
    ranked = sorted(keys, key=lambda k: (-groups[k].count, k))
    first, second = groups[ranked[0]].count, groups[ranked[1]].count
    return ranked[0] if first >= DOMINANT * second else None


def _link_short_org_names(groups: dict[str, _Group], union: _Union) -> None:
    """'the Commission' -> European Commission, 'Norvik' -> Norvik Logistics, when unique.

    Names already joined ('Valdmark Data Protection Authority', 'Data Protection
    Authority') count as one.
    """
    orgs = [
        (key, group.names.most_common(1)[0][0].split())
        for key, group in groups.items()
        if group.evidence[Evidence.CUE] and len(key.split()) >= 2
    ]
    by_word: dict[str, set[str]] = defaultdict(set)
    for key, words in orgs:
        by_word[f"last:{words[-1].lower()}"].add(key)
        by_word[f"first:{words[0].lower()}"].add(key)
    for key, group in groups.items():
        if len(key.split()) != 1 or group.evidence[Evidence.GAZETTEER]:
            continue
        if group.evidence[Evidence.ACRONYM] or group.evidence[Evidence.DEFINED]:
            continue
        if group.evidence[Evidence.PLACE]:
            continue
        cue_word = group.evidence[Evidence.CUE] > 0
        named = by_word.get(f"last:{key}" if cue_word else f"first:{key}", set())
        found = {union.find(k) for k in named}  # 'Data Protection Authority' and its DPA: one
        if len(found) == 1 and not _personish(group):
            union.union(next(iter(found)), key)


def _maybe_person(key: str, group: _Group) -> bool:
    """A full name whose surname may stand alone: titled, or at least nothing but a name.

    'Selin Arkas' with no title still owns a lone 'Arkas' when no one else has that surname.
    """
    if len(key.split()) < 2 or key.startswith("place:"):
        return False
    names_only = not any(
        group.evidence[e]
        for e in (Evidence.CUE, Evidence.GAZETTEER, Evidence.ACRONYM, Evidence.DEFINED)
    )
    return _personish(group) or (names_only and len(key.split()) <= 3)


def _personish(group: _Group) -> bool:
    return bool(group.evidence[Evidence.TITLE] or group.evidence[Evidence.ROLE]) and not (
        group.evidence[Evidence.CUE] or group.evidence[Evidence.GAZETTEER]
    )


def _kind(group: _Group, name: str) -> Kind | None:
    ev = group.evidence
    words = name.split()
    if place_name(name) or ev[Evidence.GAZETTEER]:
        return Kind.PLACE
    if ev[Evidence.CUE] or ev[Evidence.DEFINED]:
        return Kind.ORGANIZATION
    if ev[Evidence.TITLE] or ev[Evidence.ROLE]:
        return Kind.PERSON
    if ev[Evidence.ACRONYM] and (group.count >= 2 or ev[Evidence.SPEECH]):
        return Kind.ORGANIZATION
    if ev[Evidence.SPEECH] and 2 <= len(words) <= 4:
        return Kind.PERSON
    if ev[Evidence.PLACE] and group.count >= 2 and len(words) <= 2:
        return Kind.PLACE
    return None


def _merge_groups(groups: dict[str, _Group], union: _Union) -> dict[str, _Group]:
    merged: dict[str, _Group] = defaultdict(_Group)
    for key in sorted(groups):
        group, target = groups[key], merged[union.find(key)]
        target.names.update(group.names)
        target.surfaces |= group.surfaces
        target.evidence.update(group.evidence)
        target.roles.extend(group.roles)
        target.acronyms |= group.acronyms
        target.count += group.count
    return merged


def _canonical(group: _Group, kind: Kind) -> str:
    names = group.names
    if kind is Kind.PLACE:
        places = [place_name(n) for n in names]
        found = Counter(p for p in places if p)
        if found:
            return sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    if kind is Kind.PERSON:
        full = {n: c for n, c in names.items() if len(n.split()) >= 2}
        if full:
            # 'Incumbent Mira Sol' also counts for 'Mira Sol': a capitalised word before a name
            within = {n: sum(c for m, c in full.items() if m.endswith(f" {n}")) for n in full}
            return min(full, key=lambda n: (-full[n] - within[n], -len(n), n))
    if kind is Kind.ORGANIZATION:
        spelled = {n: c for n, c in names.items() if not n.isupper() and len(n.split()) >= 2}
        if spelled:
            return sorted(spelled.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    return sorted(names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def _roles(group: _Group) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for role in group.roles:
        role = role.strip(" ,")
        if len(role.split()) >= 1 and role.lower() not in seen:
            seen[role.lower()] = role
    return tuple(sorted(seen.values(), key=str.lower))


def _selected(group: _Group, kind: Kind, name: str) -> bool:
    if group.evidence[Evidence.SUB_BODY] >= group.count:
        return False
    if kind is Kind.PERSON:
        return len(name.split()) >= 2 or group.count >= 2
    return True


def _bylines(facts: ArticleFacts) -> set[str]:
    """The lowercase names an article is by: its outlet, its author and each co-author."""
    names = {n for n in (facts.author, facts.outlet) if n}
    names |= set(facts.author.split(", ")) if facts.author else set()
    return {n.lower() for n in names}


def _reported_bylines(articles: list[Anchored]) -> tuple[set[str], set[str]]:
    """Outlets and authors no other article reports on (no actors), and issuers that one does.

    A press release's issuer ('Bank of Veloria') is its outlet and the subject of
    the news others write: an organisation, whatever its name looks like. A news
    outlet is named only in its own articles.
    """
    bylines = [_bylines(a.facts) for a in articles]
    everyone = set().union(*bylines)
    reported = {
        m.name.lower()
        for a, own in zip(articles, bylines, strict=True)
        for _, m in a.facts.mentions
        if m.name.lower() in everyone and m.name.lower() not in own
    }
    outlets = {a.facts.outlet.lower() for a in articles if a.facts.outlet}
    return everyone - reported, reported & outlets


def build_actors(articles: list[Anchored]) -> dict[str, Actor]:
    excluded, issuers = _reported_bylines(articles)
    # an outlet by its initials ('told MPA') is no more an actor than by its name
    initials = {_initials(a.facts.outlet) for a in articles if a.facts.outlet}
    excluded |= {i for i in initials if len(i) >= 2}
    groups = _gather((m for a in articles for _, m in a.facts.mentions), excluded)
    merged = _merge_groups(groups, _link(groups))
    surnames = Counter(
        last
        for g in merged.values()
        for last in {n.split()[-1] for n in g.names if len(n.split()) >= 2}
    )
    actors: dict[str, Actor] = {}
    taken: set[str] = set()
    for _, group in sorted(merged.items()):
        name = _canonical(group, Kind.PERSON)
        kind = _kind(group, name)
        if kind is None and issuers & {n.lower() for n in group.names}:
            kind = Kind.ORGANIZATION
        if kind is None:
            continue
        name = _canonical(group, kind)
        if not _selected(group, kind, name) or name.lower() in excluded:
            continue
        aliases = sorted(
            {s for s in group.surfaces | set(group.names) | group.acronyms if s != name} - {name},
            key=str.lower,
        )
        aliases = sorted(
            set(aliases) | _known_aliases(name, kind, surnames) - {name}, key=str.lower
        )
        actor_id = unique_slug(slugify(name, "actor"), taken)
        actors[actor_id] = Actor(
            id=actor_id,
            name=name,
            kind=kind,
            aliases=tuple(a for a in aliases if len(a.split()) <= 9),
            roles=_roles(group) if kind is Kind.PERSON else (),
        )
    return dict(sorted(actors.items()))


def _known_aliases(name: str, kind: Kind, surnames: Counter[str]) -> set[str]:
    """Names a reader knows without being told: a person's surname, a country's other names."""
    if kind is Kind.PERSON and len(name.split()) >= 2 and surnames[name.split()[-1]] == 1:
        return {name.split()[-1]}
    if kind is Kind.PLACE:
        return {surface for surface in place_surfaces(name) if surface != name}
    return set()


class AliasIndex:
    """Find actor ids named in a text, by any alias, in one regex pass."""

    def __init__(self, actors: dict[str, Actor]) -> None:
        self.by_alias: dict[str, str] = {}
        for actor in actors.values():
            for alias in (actor.name, *actor.aliases):
                self.by_alias.setdefault(alias, actor.id)
        self.kinds = {actor.id: actor.kind for actor in actors.values()}
        self.place_ids = {
            actor.name: actor.id for actor in actors.values() if actor.kind is Kind.PLACE
        }
        names = sorted(self.by_alias, key=lambda a: (-len(a), a))
        self.pattern = re.compile(rf"{_any_of(names)}(?![\w])")

    def ids_in(self, text: str) -> list[str]:
        found = [self.by_alias[m[0]] for m in self.pattern.finditer(text)]
        for country in sorted(demonym_places(text)):
            if country in self.place_ids:
                found.append(self.place_ids[country])
        return list(dict.fromkeys(found))


def _any_of(names: list[str]) -> str:
    r"""A regex for any of `names` not inside a word, earlier names first where several match.

    As `(?<![\w-])(?:a|b|c)`, but grouped by first character and checked against
    it first: a position no name starts at is passed over at once instead of
    being tried against every name.
    """
    if not names or "" in names:
        return r"(?<![\w-])(?:" + ("|".join(re.escape(n) for n in names) or r"(?!x)x") + ")"
    rests: dict[str, list[str]] = {}
    for name in names:
        rests.setdefault(name[0], []).append(re.escape(name[1:]))
    firsts = re.escape("".join(rests))
    groups = "|".join(f"{re.escape(first)}(?:{'|'.join(r)})" for first, r in rests.items())
    return rf"(?=[{firsts}])(?<![\w-])(?:{groups})"


# ---------------------------------------------------------------- events


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _words(
    """
    the a an and or of to in on for with by at from as that this these those is are was
    were be been will would has have had its their his her they it he she not but which
    who what also about after before into over than then there when while more most
    other some such said says told according officials official two leaders both held
    hold set
    """
)


@dataclass(frozen=True)
class _Clause:
    source: str
    clause: DatedClause
    date: PartialDate
    note: str
    anchor: dt.date | None
    actors: tuple[str, ...]
    terms: frozenset[str]
    names_actors: bool
    """False when `actors` were borrowed from the rest of the sentence."""
    caption: bool
    """From a photo caption or a quotation: it may support an event, never found one."""


_DATE_WORDS = re.compile(
    r"(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|today|tonight|tomorrow|yesterday|morning|afternoon|evening|night|"
    r"week|weekend|month|year|earlier|later|last|next)(?:'s|’s)?$"
)


def _stem(word: str) -> str:
    """A crude stem, enough to meet 'vote', 'voted', 'voters' and 'meeting', 'meet'."""
    for suffix in ("ings", "ing", "ers", "er", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _terms(
    text: str, actors: tuple[str, ...], places: frozenset[str], place_words: frozenset[str]
) -> frozenset[str]:
    """Content-word stems and non-place actor ids: what a clause is about.

    Words of the story's place names ('Santa Lucia') are where, not what.
    """
    stems = {_term(w) for w in _WORD.findall(text)} - place_words
    stems.discard("")
    return frozenset(stems | {f"@{a}" for a in actors if a not in places})


_WORD = re.compile(r"[A-Za-z][A-Za-z']+")


@lru_cache(maxsize=1 << 16)
def _term(word: str) -> str:
    """The word's stem, or '' for a word that says nothing about what happened.

    A possessive is its noun: 'the Council's next decision' is about the council.
    """
    lower = word.lower().removesuffix("'s").rstrip("'")
    if (
        lower in _STOP
        or len(word) <= 2
        or _DATE_WORDS.match(word)
        or place_name(word)
        or demonym_country(word)
    ):
        return ""
    return _stem(lower)


def resolve_clauses(articles: list[Anchored], index: AliasIndex) -> list[_Clause]:
    places = frozenset(i for i, k in index.kinds.items() if k is Kind.PLACE)
    place_words = frozenset(
        _term(word)
        for alias, actor_id in index.by_alias.items()
        if actor_id in places
        for word in _WORD.findall(alias)
    )
    out = []
    for item in articles:
        previous: PartialDate | None = None
        for clause in item.facts.clauses:
            resolved = resolve(clause.expr, item.anchor, clause.tense, previous)
            if resolved is None:
                continue
            if clause.previous is None or clause.expr.kind.value != "after-previous":
                previous = resolved.date
            own = tuple(index.ids_in(clause.text))
            actors = own or tuple(index.ids_in(clause.sentence)) or _antecedent(item, clause, index)
            out.append(
                _Clause(
                    source=item.source_id,
                    clause=clause,
                    date=resolved.date,
                    note=resolved.note,
                    anchor=item.anchor,
                    actors=actors,
                    terms=_terms(clause.text, actors, places, place_words),
                    names_actors=bool(own),
                    caption=clause.quoted or clause.paragraph >= len(item.facts.paragraphs),
                )
            )
    return out


_PERSONAL_PRONOUN = re.compile(r"^(?:He|She)\b")


def _antecedent(item: Anchored, clause: DatedClause, index: AliasIndex) -> tuple[str, ...]:
    """'He was arrested on Nov. 3': the last person the paragraph named before the sentence."""
    paragraphs = item.facts.paragraphs
    if clause.paragraph >= len(paragraphs) or not _PERSONAL_PRONOUN.match(clause.sentence):
        return ()
    text = paragraphs[clause.paragraph].text
    before = text[: max(text.find(clause.sentence), 0)]
    people = [i for i in index.ids_in(before) if index.kinds.get(i) is Kind.PERSON]
    return (people[-1],) if people else ()


@dataclass
class _Cluster:
    date: PartialDate
    members: list[_Clause] = field(default_factory=list)
    terms: Counter[str] = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)

    def add(self, clause: _Clause) -> None:
        self.members.append(clause)
        self.terms.update(clause.terms)
        self.sources.add(clause.source)


@dataclass
class _Block:
    """The clusters of one date (or month, or year), with a term index to find candidates.

    Only clusters that share a term with a clause are ever compared with it, so
    the work grows with the matches, not with the number of clusters.
    """

    clusters: list[_Cluster] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    numbers: dict[int, int] = field(default_factory=dict)
    """id(cluster) -> its position in `clusters`."""

    def add(self, cluster: _Cluster) -> None:
        self.numbers[id(cluster)] = len(self.clusters)
        self.clusters.append(cluster)

    def index(self, cluster: _Cluster, clause: _Clause) -> None:
        number = self.numbers[id(cluster)]
        for term in clause.terms:
            posting = self.postings[term]
            if not posting or posting[-1] != number:
                posting.append(number)

    def shared(self, clause: _Clause) -> dict[int, tuple[int, int, int]]:
        """Cluster number -> (terms shared, actor terms shared, terms no other cluster has)."""
        counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
        for term in clause.terms:
            posting = self.postings.get(term, ())
            if len(posting) > COMMON_TERM:
                continue
            actor, only = term.startswith("@"), len(posting) == 1
            for number in posting:
                count = counts[number]
                count[0] += 1
                count[1] += actor
                count[2] += only
        return {n: (c[0], c[1], c[2]) for n, c in counts.items()}


COMMON_TERM = 400
"""A term shared by more clusters than this in one block tells them apart no better than none."""


def _precision_rank(date: PartialDate) -> int:
    return {"day": 0, "month": 1, "year": 2}[date.precision.value]


def cluster_clauses(clauses: list[_Clause]) -> list[_Cluster]:
    """Same date and shared terms -> same event. Vaguer dates join a precise cluster they fit."""
    ordered = sorted(
        clauses, key=lambda c: (_precision_rank(c.date), c.caption, str(c.date), c.source)
    )
    blocks: dict[str, _Block] = defaultdict(_Block)
    where: dict[int, list[str]] = {}
    for clause in ordered:
        day_key = str(clause.date)
        same_day = blocks[day_key]
        alone = len(same_day.clusters) <= 1
        telling = clause.date.day is not None
        target = _best(same_day, clause, 1 if alone else 2, not alone, lambda c: True, telling)
        if target is None and clause.date.precision.value != "day":
            wider = blocks[_wider_key(clause.date)]
            several = len(wider.clusters) > 1
            need = 4 if several else 2
            target = _best(wider, clause, need, several, partial(_same_side, clause=clause))
        if target is None and clause.caption:
            continue
        if target is None:
            target = _Cluster(clause.date)
            keys = [day_key, f"year:{clause.date.year}"]
            if clause.date.month is not None:
                keys.append(f"month:{clause.date.year}-{clause.date.month}")
            for key in keys:
                blocks[key].add(target)
            where[id(target)] = keys
        target.add(clause)
        for key in where[id(target)]:
            blocks[key].index(target, clause)
    clusters: list[_Cluster] = []
    for key, block in blocks.items():
        if ":" in key or not block.clusters:
            continue
        dated = block.clusters[0].date.month is not None
        joined = _join_told_apart(block.clusters) if dated else block.clusters
        day = block.clusters[0].date.day
        clusters.extend(_fold_previews(_fold_details(joined)) if day else joined)
    clusters = _fold_weeks(clusters)
    precise_months = {(c.date.year, c.date.month) for c in clusters if c.date.day is not None}
    precise_years = {c.date.year for c in clusters if c.date.day is not None}
    return [c for c in clusters if not _vague_preview(c, precise_months, precise_years)]


def _week_of(clause: _Clause) -> tuple[dt.date, dt.date] | None:
    """Monday and Sunday of the week 'this week' or 'last week' names, from the anchor."""
    expr = clause.clause.expr
    if clause.anchor is None or "week" not in expr.text.lower() or expr.offset % 7:
        return None
    day = clause.anchor + dt.timedelta(days=expr.offset)
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _fold_weeks(clusters: list[_Cluster]) -> list[_Cluster]:
    """'This week the lenders followed': a lone clause naming no one, dated only by its week,
    joins the one happening its article dates to a day of that week.

    When its own article dates nothing to that week, it joins the one happening other
    articles date to a day of it that shares a word with it: 'the trial began last week'
    is the trial another article says opened on Monday.
    Left alone it would be a happening of a whole month, a vague copy of that day's.
    """
    days: dict[str, list[tuple[dt.date, _Cluster]]] = defaultdict(list)
    on_day: dict[dt.date, list[_Cluster]] = defaultdict(list)
    for cluster in clusters:
        day = _as_date(cluster.date)
        if day is None:
            continue
        on_day[day].append(cluster)
        for source in cluster.sources:
            days[source].append((day, cluster))
    folded: set[int] = set()
    for cluster in clusters:
        if cluster.date.day is not None or len(cluster.members) != 1:
            continue
        (clause,) = cluster.members
        week = _week_of(clause)
        if week is None:
            continue
        within = [c for day, c in days[clause.source] if week[0] <= day <= week[1]]
        if not within:
            within = _told_that_week(clause, week[0], on_day)
        elif clause.names_actors:
            continue
        if len(within) == 1:
            within[0].add(clause)
            folded.add(id(cluster))
    return [c for c in clusters if id(c) not in folded]


def _told_that_week(
    clause: _Clause, monday: dt.date, on_day: dict[dt.date, list[_Cluster]]
) -> list[_Cluster]:
    """Other articles' happenings on a day of the week from `monday` that share a word with
    `clause` (not only who: a name alone does not make two happenings one)."""
    words = {t for t in clause.terms if not t.startswith("@")}
    sharing = (
        c
        for offset in range(7)
        for c in on_day.get(monday + dt.timedelta(days=offset), [])
        if not words.isdisjoint(c.terms)
    )
    return list(itertools.islice(sharing, 2))  # two are as many as any more: none is the one


def _fold_previews(clusters: list[_Cluster]) -> list[_Cluster]:
    """One day's clusters: a lone preview naming no one joins the one happening others tell.

    'A verdict is expected on October 30' in one article and 'the court on Thursday
    sentenced him' in another are one happening, seen before and after.
    """
    told = [c for c in clusters if not _all_future(c)]
    if len(told) != 1:
        return clusters
    (happening,) = told
    folded: set[int] = set()
    for cluster in clusters:
        (clause, *more) = cluster.members
        if more or not _all_future(cluster) or clause.names_actors:
            continue
        if clause.source not in happening.sources:
            happening.add(clause)
            folded.add(id(cluster))
    return [c for c in clusters if id(c) not in folded]


def _fold_details(clusters: list[_Cluster]) -> list[_Cluster]:
    """A lone clause naming no one joins the one other happening its article gives that day.

    'Most residents spent Monday night at the fairgrounds' tells more of the
    evacuation the same article dated to Monday; it is no happening of its own.
    Clauses other articles also tell (clusters of two or more) stay apart.
    """
    by_source: dict[str, list[int]] = defaultdict(list)
    for number, cluster in enumerate(clusters):
        for source in cluster.sources:
            by_source[source].append(number)
    folded: set[int] = set()
    for number, cluster in enumerate(clusters):
        if len(cluster.members) != 1 or cluster.members[0].names_actors:
            continue
        others = [n for n in by_source[cluster.members[0].source] if n != number]
        if len(others) == 1 and others[0] not in folded:
            clusters[others[0]].add(cluster.members[0])
            folded.add(number)
    return [c for n, c in enumerate(clusters) if n not in folded]


def _join_told_apart(clusters: list[_Cluster]) -> list[_Cluster]:
    """Join same-day (or same-month) clusters from different articles that alone share a word.

    Clauses are clustered in one pass, so an article read early may have started
    its own cluster for a happening later articles describe ('14 hours of talks'
    and 'the summit opened'). A word only two clusters of the day use, from
    articles that are not in both, makes them one, most shared words first.
    Vague previews ('talks next month') stay apart: they are dropped later.
    """
    owners: dict[str, list[int]] = defaultdict(list)
    for number, cluster in enumerate(clusters):
        preview = cluster.date.day is None and _all_future(cluster)
        for term in () if preview else cluster.terms:
            owners[term].append(number)
    pairs = Counter(tuple(numbers) for numbers in owners.values() if len(numbers) == 2)
    into = list(range(len(clusters)))

    def find(number: int) -> int:
        while into[number] != number:
            into[number] = into[into[number]]
            number = into[number]
        return number

    for pair, _ in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        a, b = find(pair[0]), find(pair[1])
        if a == b or clusters[a].sources & clusters[b].sources:
            continue
        keep, gone = (a, b) if len(clusters[a].members) >= len(clusters[b].members) else (b, a)
        for clause in clusters[gone].members:
            clusters[keep].add(clause)
        into[gone] = keep
    return [c for n, c in enumerate(clusters) if into[n] == n]


def _all_future(cluster: _Cluster) -> bool:
    return all(c.clause.tense is Tense.FUTURE for c in cluster.members)


def _vague_preview(
    cluster: _Cluster, precise_months: set[tuple[int, int | None]], precise_years: set[int]
) -> bool:
    """One article's 'next month' when that month already has precisely dated events.

    Such a mention previews those events; kept, it would be a vague duplicate.
    """
    if cluster.date.day is not None or len({c.source for c in cluster.members}) > 1:
        return False
    if not _all_future(cluster):
        return False
    if cluster.date.month is not None:
        return (cluster.date.year, cluster.date.month) in precise_months
    return cluster.date.year in precise_years


def _wider_key(date: PartialDate) -> str:
    if date.month is not None:
        return f"month:{date.year}-{date.month}"
    return f"year:{date.year}"


def _best(
    block: _Block,
    clause: _Clause,
    need: int,
    actor_needed: bool,
    allowed: Callable[[_Cluster], bool],
    telling: bool = False,
) -> _Cluster | None:
    """The cluster sharing most terms with `clause`, if it shares enough (first one on ties).

    With `telling`, one shared term that no other cluster has is enough for a clause
    from another article: 'protests began' and 'protests broke out' on one day.
    """
    best, best_score = None, (0, 0)
    for number, (total, actors, only) in sorted(block.shared(clause).items()):
        cluster = block.clusters[number]
        enough = actors >= 1 or (not actor_needed) or total >= need + 1
        told = telling and only >= 1 and clause.source not in cluster.sources
        better = (total, -number) > best_score
        if ((total >= need and enough) or told) and better and allowed(cluster):
            best, best_score = cluster, (total, -number)
    return best


def _same_side(cluster: _Cluster, *, clause: _Clause) -> bool:
    if clause.anchor is None or cluster.date.day is None or cluster.date.month is None:
        return True
    when = dt.date(cluster.date.year, cluster.date.month, cluster.date.day)
    return (when > clause.anchor) == (clause.clause.tense is Tense.FUTURE)


def _disputes(clusters: list[_Cluster], kinds: dict[str, Kind]) -> dict[int, list[_Clause]]:
    """Clauses that put a cluster's distinctive actor on another date within a week.

    An actor is distinctive when it is no place and appears in exactly two
    clusters: the event itself and the rival reading ('NATO-Russia Council on
    Jan. 10' in one article, 'Jan. 12' in three).
    """
    seen_in: dict[str, set[int]] = defaultdict(set)
    for number, cluster in enumerate(clusters):
        for clause in cluster.members:
            for actor in clause.actors:
                seen_in[actor].add(number)
    found: dict[int, list[_Clause]] = defaultdict(list)
    for number, cluster in enumerate(clusters):
        if cluster.date.day is None:
            continue
        own = {c.source for c in cluster.members}
        counts = Counter(a for c in cluster.members for a in set(c.actors))
        for actor, count in sorted(counts.items()):
            if kinds.get(actor) in (Kind.PLACE, None) or len(seen_in[actor]) != 2:
                continue
            if count * 2 < len(cluster.members):
                continue
            (other,) = seen_in[actor] - {number}
            rival = clusters[other]
            if rival.date.day is None or abs(_days(rival.date, cluster.date)) > 7:
                continue
            readers = [c for c in rival.members if actor in c.actors and c.source not in own]
            if readers and len(own) > len({c.source for c in readers}):
                found[number].extend(c for c in readers if c not in found[number])
    return found


NEAR_RIVAL_DAYS = 1
"""How far apart two articles' dates for one happening may be ('Feb. 29' / '1 March', a
time zone's midnight). Two days apart are two happenings: miners trapped on Monday and
reached on Wednesday share most of their words."""


def _near_rivals(clusters: list[_Cluster], name_words: frozenset[str]) -> dict[int, int]:
    """One article's happening a few days off a happening several others date alike.

    When an article is not among those sources, could have reported that
    happening by its own date, and its cluster shares two words with theirs, it
    gives another date for the same happening: it becomes a disputed reading of
    the nearest such cluster (cluster number -> the cluster it joins). Words of
    actors' names do not count: they say who, and the story's main actors are
    in most of its happenings.
    """
    by_date: dict[PartialDate, list[int]] = defaultdict(list)
    for number, cluster in enumerate(clusters):
        if cluster.date.day is not None:
            by_date[cluster.date].append(number)
    found: dict[int, int] = {}
    for number, cluster in enumerate(clusters):
        if cluster.date.day is None or len(cluster.sources) != 1:
            continue
        words = {t for t in cluster.terms if not t.startswith("@")} - name_words
        best: tuple[int, int, int, int] | None = None
        for shift in range(-NEAR_RIVAL_DAYS, NEAR_RIVAL_DAYS + 1):
            if shift == 0 or not _reportable(cluster, shift):
                continue
            for other in by_date.get(_shifted(cluster.date, shift), []):
                rival = clusters[other]
                if len(rival.sources) < 2 or cluster.sources & rival.sources:
                    continue
                shared = len(words & rival.terms.keys())
                score = (-abs(shift), shared, len(rival.sources), -other)
                if shared >= 2 and (best is None or score > best):
                    best = score
        if best is not None:
            found[number] = -best[3]
    return found


def _reportable(cluster: _Cluster, shift: int) -> bool:
    """Could the article have told of a past happening `shift` days off its own date?

    Not when that falls after the article was written (a day allowed for time zones).
    """
    anchor = cluster.members[0].anchor
    if anchor is None or all(m.clause.tense is Tense.FUTURE for m in cluster.members):
        return True
    assert cluster.date.month is not None and cluster.date.day is not None
    when = dt.date(cluster.date.year, cluster.date.month, cluster.date.day)
    return when + dt.timedelta(days=shift) <= anchor + dt.timedelta(days=1)


def _shifted(date: PartialDate, days: int) -> PartialDate:
    assert date.month is not None and date.day is not None
    moved = dt.date(date.year, date.month, date.day) + dt.timedelta(days=days)
    return PartialDate(moved.year, moved.month, moved.day)


def _days(a: PartialDate, b: PartialDate) -> int:
    assert a.month and a.day and b.month and b.day
    return (dt.date(a.year, a.month, a.day) - dt.date(b.year, b.month, b.day)).days


_LEADING = re.compile(
    r"^(?:and|but|while|followed by|following|then|also|on|in|as|ahead of|after|before|"
    r"earlier|later|meanwhile)\b[\s,]*",
    re.IGNORECASE,
)


_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+,\s*(?:/[^/]{1,30}/\s*)?(?:--|—|–|-)?\s*")
"""'LARKSPUR, /PRLine/ -- ' left before a release's first sentence once its date is out."""
_APPOSITION = re.compile(
    r"(?P<name>\b[A-Z][\w'’.-]*),\s+(?:the|a|an|who|which|whose|its|his|her|their|aged|\w+ed)"
    r"\s+[^,;]{6,80}?,\s*"
)
"""'Crownmark Bank, the country's largest mortgage lender, ': who a name is, not what happened."""
_DANGLING = re.compile(r"\b(?:is|are|was|were|be|been|\w+ing)$")
"""A clause that ends so once its date is out needs the date: 'The next decision is'."""


def _title(clause: _Clause) -> str:
    expr = re.escape(clause.clause.expr.text.rstrip("."))
    text = re.sub(
        r"(?:\b(?:(?:early|late)\s+)?(?:on|in|at|by|for|from|of|until|to|since)\s+)?"
        r"(?:(?:next|last|this|coming)\s+)?"
        rf"{expr}\.?(?:\s+(?:morning|afternoon|evening|night))?",
        " ",
        clause.clause.text,
    )
    if _DANGLING.search(text.strip(" ,;:.")):
        text = clause.clause.text
    text = _APPOSITION.sub(r"\g<name> ", _DATELINE.sub("", text))
    text = re.sub(r"\b(?:on|in|at|by|from|of|for|to|since)\s*(?=[,.;]|$|\s{2})", " ", text)
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", text)).strip(" ,;:—-")
    text = re.sub(r",(?:\s*,)+", ",", text)  # '90 days, until 14 October, to decide'
    for _ in range(3):
        text = _LEADING.sub("", text).strip(" ,;:—-")
    if _FINITE.fullmatch(text.split()[0] if text else ""):
        text = _with_subject(text, clause.clause.sentence)
    if len(text.split()) < 3:
        text = clause.clause.sentence
    return _shorten(text)


_FINITE = re.compile(r"\b(?:has|have|had|will|would|is|are|was|were|said|says|\w+ed)\b")
_AUXILIARY = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would"})


def _with_subject(text: str, sentence: str) -> str:
    """'has said it will decide ...' -> 'Britain's regulator has said it will decide ...'.

    A clause cut from a sentence may start at its verb; the sentence's subject
    (the words before its first verb) is put back, with the auxiliary a bare
    participle needs ('notified to' -> 'The deal was notified to').
    """
    verb = _FINITE.search(sentence)
    if verb is None:
        return text
    subject = sentence[: verb.start()].strip(" ,")
    if not subject[:1].isupper() or not 1 <= len(subject.split()) <= 8:
        return text
    first = text.split()[0].lower()
    needs_auxiliary = verb[0].lower() in _AUXILIARY and first.endswith("ed")
    return f"{subject} {verb[0]} {text}" if needs_auxiliary else f"{subject} {text}"


def _shorten(text: str, most: int = 14) -> str:
    """At most `most` words, cut at a clause boundary when there is one."""
    words = text.split()
    if len(words) > most:
        head = " ".join(words[:most])
        cut = max(head.rfind(", "), head.rfind(" — "))
        clause_end = cut > len(" ".join(words[:6]))
        text = head[:cut] if clause_end else head.rstrip(",;:") + " …"
    return text[:1].upper() + text[1:]


def _summary(clause: _Clause) -> str:
    """The sentence, or only this event's clause when the sentence dates several things."""
    dated = clause.clause
    if dated.text.strip(" .") == dated.sentence.strip(" ."):
        return dated.sentence
    text = dated.text.strip(" ,;.")
    return text[:1].upper() + text[1:] + "."


def _centroid(cluster: _Cluster) -> _Clause:
    def score(clause: _Clause) -> tuple[float, str, str]:
        overlap = sum(cluster.terms[t] for t in clause.terms)
        fit = overlap / (len(clause.terms) + 2) * (1.0 if clause.names_actors else 0.5)
        return (-fit, clause.source, clause.clause.text)

    return min(cluster.members, key=score)


def _status(date: PartialDate, newest: dt.date | None, members: list[_Clause]) -> Status:
    if newest is None:
        return Status.OCCURRED
    if date.day is not None and date.month is not None:
        when = dt.date(date.year, date.month, date.day)
        return Status.SCHEDULED if when > newest else Status.OCCURRED
    later = (date.year, date.month or 12) > (newest.year, newest.month)
    if later:
        return Status.SCHEDULED
    if PartialDate(newest.year, newest.month if date.month else None).contains(date):
        future = sum(1 for m in members if m.clause.tense is Tense.FUTURE)
        return Status.SCHEDULED if future * 2 > len(members) else Status.OCCURRED
    return Status.OCCURRED


def _body(cluster: _Cluster, disputed: list[_Clause]) -> str:
    lines: dict[str, list[str]] = {}
    for clause in sorted(cluster.members + disputed, key=lambda c: (c.source, c.clause.paragraph)):
        sentence = clause.clause.sentence.strip()
        lines.setdefault(sentence, [])
        if clause.source not in lines[sentence]:
            lines[sentence].append(clause.source)
    facts = [f"- {s} [{'; '.join('@' + s_ for s_ in sources)}]" for s, sources in lines.items()]
    return "\n".join(facts)


def _readings(cluster: _Cluster, disputed: list[_Clause]) -> tuple[Reading, ...]:
    by_value: dict[str, set[str]] = defaultdict(set)
    for clause in cluster.members:
        if clause.date == cluster.date:
            by_value[str(clause.date)].add(clause.source)
    for clause in disputed:
        by_value[str(clause.date)].add(clause.source)
    return tuple(
        Reading(value, tuple(sorted(sources)))
        for value, sources in sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )


def build_events(
    clusters: list[_Cluster], actors: dict[str, Actor], newest: dt.date | None
) -> tuple[dict[str, Event], dict[str, _Cluster]]:
    kinds = {a.id: a.kind for a in actors.values()}
    disputes = _disputes(clusters, kinds)
    names = {
        _term(w) for a in actors.values() for n in (a.name, *a.aliases) for w in _WORD.findall(n)
    }
    absorbed = _near_rivals(clusters, frozenset(names))
    joined: dict[int, list[_Clause]] = defaultdict(list)
    for gone, into in sorted(absorbed.items()):
        joined[into].extend(clusters[gone].members)
        disputes.setdefault(into, []).extend(clusters[gone].members)
    events: dict[str, Event] = {}
    by_event: dict[str, _Cluster] = {}
    taken: set[str] = set()
    for number, cluster in sorted(enumerate(clusters), key=lambda nc: _cluster_key(nc[1])):
        if number in absorbed:
            continue
        centre = _centroid(cluster)
        title = _title(centre)
        slug = slugify(title, "event", max_length=72 - len(str(cluster.date)))
        event_id = unique_slug(f"{cluster.date}-{slug}", taken)
        disputed = disputes.get(number, [])
        members = cluster.members + disputed
        time = Counter(
            (m.clause.time.time, m.clause.time.timezone) for m in cluster.members if m.clause.time
        )
        notes = sorted({m.note for m in cluster.members if m.date == cluster.date})
        readings = _readings(cluster, disputed) if disputed else ()
        events[event_id] = Event(
            id=event_id,
            title=title,
            date=cluster.date,
            status=_status(cluster.date, newest, cluster.members),
            time=time.most_common(1)[0][0][0] if time else None,
            timezone=time.most_common(1)[0][0][1] if time else None,
            summary=_summary(centre),
            actors=tuple(sorted({a for m in members for a in m.actors})),
            sources=tuple(sorted({m.source for m in members})),
            date_note="; ".join(notes[:3]),
            disputed={"date": readings} if readings else {},
            body=_body(cluster, disputed),
        )
        by_event[event_id] = _Cluster(cluster.date, cluster.members + joined[number])
    return events, by_event


def _cluster_key(cluster: _Cluster) -> tuple[str, int, str]:
    return (str(cluster.date), -len(cluster.members), _centroid(cluster).clause.text)


# ---------------------------------------------------------------- quotes

Placement = dict[str, dict[int, str]]
"""source id -> paragraph index -> the event a dated clause in that paragraph joined."""


def place_clauses(events: dict[str, Event], clusters_by_event: dict[str, _Cluster]) -> Placement:
    placement: Placement = defaultdict(dict)
    for event_id in sorted(events):
        for clause in clusters_by_event[event_id].members:
            placement[clause.source].setdefault(clause.clause.paragraph, event_id)
    return placement


def attach_quotes(
    events: dict[str, Event],
    articles: list[Anchored],
    placement: Placement,
    index: AliasIndex,
) -> dict[str, Event]:
    """Each quote joins the event of its paragraph, else of the nearest dated paragraph above."""
    kinds = dict(index.kinds)
    quotes: dict[str, list[Quote]] = defaultdict(list)
    seen: set[str] = set()
    for item in articles:
        mapping = placement.get(item.source_id)
        if not mapping:
            continue
        for quote in item.facts.quotes:
            key = re.sub(r"\W+", " ", quote.text.lower()).strip()
            if key in seen:
                continue
            seen.add(key)
            event_id = mapping[_nearest(mapping, quote.paragraph)]
            speaker = _speaker(quote.speaker, quote.named, index, kinds)
            if speaker is not None and speaker not in kinds:
                before = "\n\n".join(p.text for p in item.facts.paragraphs[: quote.paragraph + 1])
                speaker = _body_named(speaker, before, index, kinds) or speaker
            quotes[event_id].append(Quote(quote.text, speaker, item.source_id))
    return {eid: replace(event, quotes=tuple(quotes.get(eid, ()))) for eid, event in events.items()}


_THE_BODY = re.compile(r"\b(?:the|its)\s+(?P<noun>[a-z]+)$")
_BODY_WORDS = {
    "bloc": frozenset({"bloc", "community", "union", "alliance", "coalition", "organization"}),
    "regulator": frozenset({"authority", "commission", "agency", "office", "regulator"}),
}
"""What a collective noun may stand for, beyond itself ('the bloc': a community, a union)."""


def _body_named(speaker: str, before: str, index: AliasIndex, kinds: dict[str, Kind]) -> str | None:
    """'the bloc', 'the panel': the last organisation named before that the noun can name."""
    match = _THE_BODY.search(speaker)
    if not match:
        return None
    words = _BODY_WORDS.get(match["noun"], frozenset({match["noun"]}))
    named = (index.by_alias[m[0]] for m in index.pattern.finditer(before))
    fits = [i for i in named if kinds.get(i) is Kind.ORGANIZATION and words & set(i.split("-"))]
    return fits[-1] if fits else None


def _nearest(mapping: dict[int, str], paragraph: int) -> int:
    before = [p for p in mapping if p <= paragraph]
    return max(before) if before else min(mapping)


def _speaker(
    text: str | None, named: bool, index: AliasIndex, kinds: dict[str, Kind]
) -> str | None:
    if text is None:
        return None
    ids = index.ids_in(text)
    people = [i for i in ids if kinds.get(i) is Kind.PERSON]
    if people:
        return people[0]
    if ids and named:
        return ids[0]
    return text


# ---------------------------------------------------------------- the whole merge


def merge(articles: list[ArticleFacts]) -> Briefing:
    anchored = anchor_sources(articles)
    sources = {a.source_id: make_source(a) for a in anchored}
    actors = build_actors(anchored)
    index = AliasIndex(actors)
    clauses = resolve_clauses(anchored, index)
    newest = max((a.anchor for a in anchored if a.anchor), default=None)
    events, clusters = build_events(cluster_clauses(clauses), actors, newest)
    events = attach_quotes(events, anchored, place_clauses(events, clusters), index)
    return Briefing(
        events=dict(sorted(events.items())),
        actors=actors,
        sources=dict(sorted(sources.items())),
    )
