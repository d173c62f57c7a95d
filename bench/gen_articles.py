#!/usr/bin/env python3
"""Deterministic raw news articles for benchmarking `briefing ingest`.

    gen_articles.py --articles N --out DIR [--seed S] [--truth FILE]

Writes N plain-text dumps shaped like the example seeds: a headline, sometimes
a date/byline line in one of several house styles, page furniture (cookie
banners, photo credits, "Oops! Something went wrong"), then paragraphs that
report dated happenings with relative dates ("on Tuesday", "next month"),
people with titles, organisations with acronyms and attributed quotes.

Articles are drawn from one shared pool of happenings grouped into story
lines, so several articles (from different outlets, on different days, in
different words) report the same happening and mention its neighbours: the
realistic case for clustering events and merging actors. `--truth FILE` writes
that ground truth as JSON (which articles report which happening).

Standard library only; the same arguments give byte-identical files.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import json
import random
import shutil
import string
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

MARKER = ".gen_articles"


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


START = dt.date(2021, 3, 1)
SPAN_DAYS = 3 * 365

FIRST_F = words("""Alina Beatrix Camila Daria Elena Farah Greta Hana Ingrid Jana Katya
Leila Magda Marta Nadia Olga Petra Rania Sofia Tamar Vera Yara Zofia""")
FIRST_M = words("""Adrian Anton Bashir Boris Carlos Dario Emil Felix Goran Hassan Idris
Ivan Jonas Karim Lukas Malik Milan Nikolai Oleg Omar Pavel Rafael Samir Sergei Stefan
Tomas Viktor Walter Yusuf Zoran""")
LAST = words("""Abbott Adler Alvarez Baranov Becker Castillo Costa Dahl Demir Dimitrov
Farouk Fischer Haddad Hansen Horvat Ibrahim Ivanov Jensen Kaplan Keller Koval
Kowalski Larsen Lopez Mansour Marin Meyer Molina Moreau Nagy Navarro Novak Okafor
Orlov Petrov Quinn Ramos Reyes Richter Rossi Sato Sokolov Stein Suarez Tanaka
Torres Varga Volkov Wagner Weber Yilmaz Zeller Zhukov""")
SYLLABLES = words("bel cor dra fal gar hal kar lan mar mir nov pra rin sel tor val vel vin zar")
COUNTRY_ENDINGS = (
    ("ia", "ian"),
    ("ova", "ovan"),
    ("ar", "ari"),
    ("istan", "istani"),
    ("enia", "enian"),
)
CAPITAL_ENDINGS = ("grad", "polis", "burg", "sk", "ville", "ton")
REGIONS = ("Northern", "Eastern", "Southern", "Western", "Central", "Atlantic", "Continental")
ORG_FORMS = (
    "Organization for Security and Co-operation in {region} Europe",
    "{region} Security Council",
    "{region} Energy Agency",
    "Council for {region} Trade and Development",
    "{region} Defence Alliance",
    "International Monitoring Mission in {region} Europe",
    "{region} Development Bank",
    "Commission on {region} Maritime Affairs",
)
STATE_TITLES = (
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Energy Minister",
    "Interior Minister",
    "national security adviser",
    "chief negotiator",
)
ORG_TITLES = ("spokesperson", "Secretary-General", "director", "senior official")
TOPICS = (
    "border security",
    "gas transit",
    "troop movements",
    "sanctions relief",
    "grain exports",
    "the ceasefire",
    "arms control",
    "prisoner exchanges",
    "election monitoring",
    "refugee corridors",
    "the peace plan",
    "cyber attacks",
    "military exercises",
    "nuclear safety",
    "airspace violations",
    "debt relief",
    "maritime patrols",
)
OUTLETS = (
    ("Continental Wire", "CW"),
    ("The Daily Ledger", ""),
    ("Harbor Herald", ""),
    ("Global Dispatch", "GD"),
    ("The Northern Post", ""),
    ("Capital Observer", ""),
    ("World Monitor", ""),
    ("Press Union", "PU"),
    ("The Evening Courier", ""),
    ("Metro Tribune", ""),
    ("Frontline News Service", "FNS"),
    ("The National Review", ""),
)
SECTIONS = ("World", "Politics", "Europe", "Security", "Economy", "Diplomacy")
MONTHS = tuple(calendar.month_name)[1:]
AP_MONTHS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
WEEKDAYS = tuple(calendar.day_name)
QUOTE_OPENINGS = (
    "We remain committed to a diplomatic path on {topic}",
    "There is no substitute for direct dialogue on {topic}",
    "Our position on {topic} has not changed",
    "We are at a moment of crisis over {topic}",
    "Nobody should doubt our resolve on {topic}",
    "The door to an agreement on {topic} is still open",
    "We will not accept any threat to our sovereignty over {topic}",
)
QUOTE_ENDINGS = (
    "and we expect our partners to do the same",
    "but the next steps are up to the other side",
    "and it will take a high level of engagement to find a way forward",
    "and we are prepared to respond if that path is rejected",
    "even if progress is slower than anyone would like",
    "and we call on all sides to show restraint",
)
BACKGROUND = (
    "{country} has accused {country2} of massing troops near their shared border in recent weeks.",
    "Analysts say the talks are unlikely to produce a breakthrough on {topic} any time soon.",
    "The {org} has repeatedly called for restraint on all sides.",
    "Officials in {capital} have denied any plans to escalate the dispute over {topic}.",
    "The dispute over {topic} has strained relations between {country} and its neighbours.",
    "Diplomats said a compromise on {topic} would require concessions from both capitals.",
    "{country2} says it has the right to move its forces on its own territory as it likes.",
    "Markets in {capital} fell sharply as the tensions over {topic} grew.",
    "Western governments have threatened further sanctions if the situation deteriorates.",
    "Several rounds of talks on {topic} ended without agreement last year.",
)
FURNITURE_TOP = (
    "Updates to our Terms of Use\n\nWe are updating our Terms of Use. Please carefully review "
    "the updated Terms before proceeding to our website.",
    "Subscribe\nSign in",
    "Loading...",
    "  • Oops!\n    Something went wrong.\n    Please try again later.",
    "Advertisement",
    "Skip to main content",
)
FURNITURE_BOTTOM = (
    "Go deeper",
    "Share this article",
    "Sign up for our newsletter to get the day's top stories.",
    "Editor's note: This post has been updated with new details throughout.",
    "Read more:",
    "Image: ",
    "Advertisement",
)

KINDS = {
    # kind: (future, past); {a}, {b} people, {o} organisation, {topic}, {city}, {when}
    "call": ("{a} will speak with {b} by phone {when}", "{a} spoke with {b} by phone {when}"),
    "meeting": ("{a} will meet {b} in {city} {when}", "{a} met {b} in {city} {when}"),
    "talks": (
        "{a} and {b} are set to hold talks on {topic} in {city} {when}",
        "{a} and {b} held talks on {topic} in {city} {when}",
    ),
    "session": (
        "{o} will convene an emergency session on {topic} {when}",
        "{o} convened an emergency session on {topic} {when}",
    ),
    "measures": (
        "{a} is expected to announce new measures on {topic} {when}",
        "{a} announced new measures on {topic} {when}",
    ),
    "agreement": (
        "{a} and {b} will sign an agreement on {topic} {when}",
        "{a} and {b} signed an agreement on {topic} {when}",
    ),
}
KINDS_ORDER = tuple(KINDS)


@dataclass(frozen=True)
class Country:
    name: str
    adjective: str
    capital: str


@dataclass(frozen=True)
class Organisation:
    name: str
    acronym: str


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    honorific: str
    title: str
    country: Country
    org: Organisation | None

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class Happening:
    id: int
    kind: str
    date: dt.date
    people: tuple[Person, Person]
    org: Organisation
    place: Country
    topic: str
    clock: str | None
    quote: str
    speaker: Person | None


@dataclass(frozen=True)
class World:
    countries: tuple[Country, ...]
    orgs: tuple[Organisation, ...]
    people: tuple[Person, ...]
    happenings: tuple[Happening, ...]
    storyline_of: tuple[int, ...]
    storylines: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    happening: int


# --------------------------------------------------------------------------
# the world: countries, organisations, people, happenings in story lines
# --------------------------------------------------------------------------
def make_countries(rng: random.Random, count: int) -> tuple[Country, ...]:
    names: dict[str, Country] = {}
    while len(names) < count:
        stem = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
        ending, adjective = rng.choice(COUNTRY_ENDINGS)
        capital = rng.choice(SYLLABLES).capitalize() + rng.choice(CAPITAL_ENDINGS)
        names.setdefault(stem + ending, Country(stem + ending, stem + adjective, capital))
    return tuple(names.values())


def acronym(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split() if word[0].isupper())


def make_orgs(rng: random.Random, count: int) -> tuple[Organisation, ...]:
    orgs: dict[str, Organisation] = {}
    forms = [(form, region) for form in ORG_FORMS for region in REGIONS]
    for form, region in rng.sample(forms, min(count, len(forms))):
        name = form.format(region=region)
        orgs.setdefault(acronym(name), Organisation(name, acronym(name)))
    return tuple(orgs.values())


def make_people(
    rng: random.Random, count: int, countries: Sequence[Country], orgs: Sequence[Organisation]
) -> tuple[Person, ...]:
    people: dict[str, Person] = {}
    while len(people) < count:
        female = rng.random() < 0.5
        first = rng.choice(FIRST_F if female else FIRST_M)
        last = rng.choice(LAST)
        org = rng.choice(orgs) if rng.random() < 0.3 else None
        title = rng.choice(ORG_TITLES if org else STATE_TITLES)
        honorific = "Ms." if female else "Mr."
        people.setdefault(
            f"{first} {last}",
            Person(first, last, honorific, title, rng.choice(countries), org),
        )
    return tuple(people.values())


def make_quote(rng: random.Random, topic: str) -> str:
    return f"{rng.choice(QUOTE_OPENINGS).format(topic=topic)}, {rng.choice(QUOTE_ENDINGS)}"


def make_storyline(
    rng: random.Random,
    first_id: int,
    length: int,
    people: Sequence[Person],
    orgs: Sequence[Organisation],
    countries: Sequence[Country],
) -> list[Happening]:
    """Happenings that share a topic and a cast, days to weeks apart."""
    cast = rng.sample(people, 4)
    topic = rng.choice(TOPICS)
    day = START + dt.timedelta(days=rng.randrange(SPAN_DAYS))
    happenings = []
    for offset in range(length):
        first, second = rng.sample(cast, 2)
        speaker = rng.choice((first, second, None))
        clock = rng.choice((None, None, None, "3:30 p.m. ET", "10 a.m. local time", "noon"))
        happenings.append(
            Happening(
                first_id + offset,
                rng.choice(KINDS_ORDER),
                day,
                (first, second),
                rng.choice(orgs),
                rng.choice(countries),
                topic,
                clock,
                make_quote(rng, topic),
                speaker,
            )
        )
        day += dt.timedelta(days=rng.choice((1, 2, 3, 5, 8, 13, 21, 30)))
    return happenings


def make_world(rng: random.Random, articles: int) -> World:
    countries = make_countries(rng, 24)
    orgs = make_orgs(rng, 18)
    people = make_people(rng, max(30, articles // 8), countries, orgs)
    happenings: list[Happening] = []
    storylines: list[tuple[int, ...]] = []
    storyline_of: list[int] = []
    target = max(3, articles // 3)
    while len(happenings) < target:
        line = make_storyline(rng, len(happenings), rng.randint(3, 9), people, orgs, countries)
        storylines.append(tuple(h.id for h in line))
        storyline_of.extend([len(storylines) - 1] * len(line))
        happenings.extend(line)
    return World(countries, orgs, people, tuple(happenings), tuple(storyline_of), tuple(storylines))


# --------------------------------------------------------------------------
# phrasing: dates, people, organisations, happenings, quotes
# --------------------------------------------------------------------------
def absolute_date(day: dt.date, pub: dt.date, rng: random.Random) -> str:
    style = rng.randrange(3)
    text = (
        f"{AP_MONTHS[day.month - 1]} {day.day}",
        f"{MONTHS[day.month - 1]} {day.day}",
        f"{day.day} {MONTHS[day.month - 1]}",
    )[style]
    if day.year != pub.year:
        text += f" {day.year}" if style == 2 else f", {day.year}"
    return text


def relative_date(day: dt.date, pub: dt.date, rng: random.Random) -> str:
    """How a reporter writing on `pub` refers to `day`."""
    delta = (day - pub).days
    weekday = WEEKDAYS[day.weekday()]
    months_apart = (day.year - pub.year) * 12 + day.month - pub.month
    choices = [f"on {absolute_date(day, pub, rng)}"]
    if delta == 0:
        choices += ["today", f"on {weekday}"]
    elif delta == 1:
        choices += ["tomorrow", f"on {weekday}"]
    elif delta == -1:
        choices += ["yesterday", f"on {weekday}"]
    elif 1 < abs(delta) < 7:
        choices += [f"on {weekday}", f"{'this' if delta > 0 else 'last'} {weekday}"]
    elif months_apart == 0:
        choices.append("later this month" if delta > 0 else "earlier this month")
    elif months_apart == 1:
        choices.append("next month")
    elif months_apart == -1:
        choices.append("last month")
    return rng.choice(choices)


def first_mention(person: Person, rng: random.Random) -> str:
    if person.org is not None:
        return rng.choice(
            (
                f"{person.full}, a {person.title.lower()} for the {person.org.name},"
                if person.title == "spokesperson"
                else f"{person.full}, {person.title} of the {person.org.name},",
                f"{person.org.acronym} {person.title} {person.full}",
            )
        )
    return rng.choice(
        (
            f"{person.country.adjective} {person.title} {person.full}",
            f"{person.full}, the {person.country.adjective} {person.title.lower()},",
            f"{person.title[0].upper()}{person.title[1:]} {person.full} of {person.country.name}",
        )
    )


def later_mention(person: Person, rng: random.Random) -> str:
    return rng.choice((person.last, f"{person.honorific} {person.last}", person.full))


class Mentions:
    """Names people and organisations in full the first time, briefly after."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[str] = set()

    def person(self, person: Person) -> str:
        if person.full in self.seen:
            return later_mention(person, self.rng)
        self.seen.add(person.full)
        return first_mention(person, self.rng)

    def org(self, org: Organisation) -> str:
        if org.name in self.seen:
            return f"the {org.acronym}"
        self.seen.add(org.name)
        return f"the {org.name} ({org.acronym})"


def describe(h: Happening, pub: dt.date, mentions: Mentions, rng: random.Random) -> str:
    future, past = KINDS[h.kind]
    template = future if h.date > pub else past
    fields: dict[str, Callable[[], str]] = {
        "a": lambda: mentions.person(h.people[0]),
        "b": lambda: mentions.person(h.people[1]),
        "o": lambda: mentions.org(h.org),
        "topic": lambda: h.topic,
        "city": lambda: h.place.capital,
        "when": lambda: relative_date(h.date, pub, rng),
    }
    used = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    text = template.format(**{name: fields[name]() for name in used})
    if h.clock and h.date >= pub and rng.random() < 0.5:
        text += f" at {h.clock}"
    return text[0].upper() + text[1:] + "."


def quote_marks(rng: random.Random) -> tuple[str, str]:
    return ("\u201c", "\u201d") if rng.random() < 0.6 else ('"', '"')


def attribution(h: Happening, mentions: Mentions, rng: random.Random) -> str:
    opening, closing = quote_marks(rng)
    if h.speaker is None:
        return rng.choice(
            (
                f"{opening}{h.quote},{closing} said one of the officials, who declined to be "
                "named.",
                f"{opening}{h.quote},{closing} a senior official told reporters on a phone "
                "briefing.",
            )
        )
    who = mentions.person(h.speaker)
    return rng.choice(
        (
            f"{opening}{h.quote},{closing} {who} said in a statement.",
            f"{who.rstrip(',')} said: {opening}{h.quote}.{closing}",
            f"{opening}{h.quote},{closing} said {who.rstrip(',')}.",
        )
    )


# --------------------------------------------------------------------------
# articles
# --------------------------------------------------------------------------
HEADLINES = {
    # kind: (before it happens, after it happened); {a}, {b} surnames, {o} acronym
    "call": (
        "{a}, {b} to hold call on {topic}",
        "{a} and {b} speak by phone as row over {topic} deepens",
    ),
    "meeting": ("{a} to meet {b} in {city}", "{a} meets {b} in {city} amid dispute over {topic}"),
    "talks": ("{a}, {b} to hold talks on {topic}", "{a} and {b} hold talks on {topic} in {city}"),
    "session": ("{o} to convene emergency session on {topic}", "{o} holds emergency session"),
    "measures": (
        "{a} expected to unveil measures on {topic}",
        "{a} announces new measures on {topic}",
    ),
    "agreement": ("{a} and {b} set to sign deal on {topic}", "{a}, {b} sign agreement on {topic}"),
}


def headline(h: Happening, pub: dt.date, rng: random.Random) -> str:
    before, after = HEADLINES[h.kind]
    fields = {
        "a": h.people[0].last,
        "b": h.people[1].last,
        "o": h.org.acronym,
        "topic": h.topic,
        "city": h.place.capital,
    }
    text = rng.choice(
        (
            (before if h.date > pub else after).format(**fields),
            "What to know about the talks on {topic} in {city}".format(**fields),
        )
    )
    return text[0].upper() + text[1:]


def date_line(pub: dt.date, outlet: str, author: str, rng: random.Random) -> str | None:
    month = MONTHS[pub.month - 1]
    styles = (
        None,
        None,
        f"{month[:3]} {pub.day}, {pub.year} - {rng.choice(SECTIONS)}",
        f"By {author} | {outlet}\nPublished {month} {pub.day}, {pub.year}",
        f"{WEEKDAYS[pub.weekday()]}, {month} {pub.day}, {pub.year}",
        f"By {author.upper()}\n{pub.day} {month} {pub.year}",
        f"Updated {rng.randint(1, 11)}:{rng.randint(10, 59)} PM EST, "
        f"{WEEKDAYS[pub.weekday()][:3]} {month} {pub.day}, {pub.year}",
        pub.isoformat(),
    )
    return rng.choice(styles)


def chrome_banner(outlet: str, crawled: dt.date) -> str:
    """A site banner carrying the crawl date: page chrome, not a publication date."""
    weekday = WEEKDAYS[crawled.weekday()]
    return f"{weekday}, {MONTHS[crawled.month - 1]} {crawled.day}, {crawled.year} | Back issues\n{outlet} {outlet}"  # noqa: E501


def background(world: World, h: Happening, rng: random.Random, count: int) -> list[str]:
    """`count` different context sentences (no article repeats itself)."""
    sentences = []
    for template in rng.sample(BACKGROUND, count):
        country, country2 = rng.sample(world.countries, 2)
        sentences.append(
            template.format(
                country=country.name,
                country2=country2.name,
                topic=h.topic,
                org=h.org.name,
                capital=h.place.capital,
            )
        )
    return sentences


def lead(
    h: Happening, pub: dt.date, outlet: tuple[str, str], mentions: Mentions, rng: random.Random
) -> str:
    text = describe(h, pub, mentions, rng)
    short = outlet[1]
    if short and rng.random() < 0.6:
        return f"{h.place.capital.upper()} ({short}) \u2014 {text}"
    return text


def neighbours(world: World, h: Happening, rng: random.Random) -> list[Happening]:
    line = world.storylines[world.storyline_of[h.id]]
    others = [world.happenings[i] for i in line if i != h.id]
    return rng.sample(others, min(len(others), rng.randint(1, 3)))


def article_paragraphs(
    world: World, h: Happening, pub: dt.date, outlet: tuple[str, str], rng: random.Random
) -> list[str]:
    mentions = Mentions(rng)
    context = background(world, h, rng, rng.randint(3, 8))
    paragraphs = [lead(h, pub, outlet, mentions, rng)]
    if rng.random() < 0.7:
        paragraphs.append(attribution(h, mentions, rng))
    for other in neighbours(world, h, rng):
        sentences = [describe(other, pub, mentions, rng)]
        sentences += [context.pop() for _ in range(min(len(context) - 1, rng.randint(0, 2)))]
        paragraphs.append(" ".join(sentences))
        if rng.random() < 0.3:
            paragraphs.append(attribution(other, mentions, rng))
    while context:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(context[:take]))
        del context[:take]
    return paragraphs


def photo_caption(h: Happening, rng: random.Random) -> str:
    person = h.people[0]
    return rng.choice(
        (
            f"FILE PHOTO: {person.title[0].upper()}{person.title[1:]} {person.full} speaks "
            f"to reporters in {h.place.capital}",
            f"Photo: {rng.choice(FIRST_M)} {rng.choice(LAST)}/Pool via Getty Images",
            f"{person.full}\n{person.full}",
        )
    )


def write_article(world: World, number: int, h: Happening, rng: random.Random) -> Article:
    pub = h.date + dt.timedelta(days=rng.choice((-6, -3, -2, -1, -1, 0, 0, 0, 1, 1, 2, 9)))
    outlet = rng.choice(OUTLETS)
    author = f"{rng.choice(FIRST_F + FIRST_M)} {rng.choice(LAST)}"
    title = headline(h, pub, rng)
    blocks: list[str] = []
    if rng.random() < 0.25:
        blocks.append(rng.choice(FURNITURE_TOP))
    if rng.random() < 0.1:
        blocks.append(chrome_banner(outlet[0], pub + dt.timedelta(days=rng.randint(200, 900))))
    dated = date_line(pub, outlet[0], author, rng)
    if dated and rng.random() < 0.5:
        blocks += [dated, title]
    else:
        blocks += [title] + ([dated] if dated else [])
    if rng.random() < 0.4:
        blocks.append(photo_caption(h, rng))
    if rng.random() < 0.2:
        blocks.append(rng.choice(FURNITURE_TOP[2:]))
    blocks += article_paragraphs(world, h, pub, outlet, rng)
    if rng.random() < 0.3:
        blocks.append(f"{author} is a foreign affairs writer for {outlet[0]}.")
    if rng.random() < 0.4:
        blocks.append(rng.choice(FURNITURE_BOTTOM))
    text = "\n\n".join(blocks) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Article(f"{number:05d}_{digest}.txt", text, h.id)


def generate(count: int, seed: int) -> tuple[World, list[Article]]:
    rng = random.Random(seed)
    world = make_world(rng, count)
    weights = [rng.lognormvariate(0, 0.8) for _ in world.happenings]
    picks = rng.choices(world.happenings, weights=weights, k=count)
    return world, [write_article(world, i, h, rng) for i, h in enumerate(picks)]


def truth(world: World, articles: Sequence[Article]) -> dict[str, object]:
    reported: dict[int, list[str]] = {}
    for article in articles:
        reported.setdefault(article.happening, []).append(article.name)
    return {
        "happenings": [
            {
                "id": h.id,
                "date": h.date.isoformat(),
                "kind": h.kind,
                "people": [p.full for p in h.people],
                "topic": h.topic,
                "articles": reported[h.id],
            }
            for h in world.happenings
            if h.id in reported
        ],
        "people": sorted(p.full for p in world.people),
        "organisations": sorted(f"{o.name} ({o.acronym})" for o in world.orgs),
    }


def prepare_out(out: Path) -> None:
    """Replace a folder this script made; refuse to touch any other non-empty one."""
    if out.is_dir() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise SystemExit(f"{out} is not empty and was not made by gen_articles.py")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="number of articles (N)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--truth", type=Path, help="also write the ground truth as JSON here")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    prepare_out(args.out)
    world, articles = generate(args.articles, args.seed)
    for article in articles:
        (args.out / article.name).write_text(article.text, encoding="utf-8")
    (args.out / MARKER).write_text(f"--articles {args.articles} --seed {args.seed}\n")
    if args.truth:
        args.truth.write_text(json.dumps(truth(world, articles), indent=1) + "\n")
    print(f"{len(articles)} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
