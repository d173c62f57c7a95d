"""Many articles -> one Briefing: anchors, one event per happening, aliases, disputes."""

from __future__ import annotations

from generator.extract import SeedText, extract_article
from generator.merge import merge
from generator.model import Briefing, Kind, PartialDate, Status

DATED = """\
Leaders to meet as harbour row deepens

By Jane Roe
March 3, 2023

Prime Minister Ana Lima will meet President Tomas Berg of Norland on Friday to discuss
the harbour dispute, her office said.

The two leaders will then attend a meeting of the Harbour Council on March 10.

"We want a fair deal for the fishermen of the harbour," Lima said.
"""

UNDATED = """\
Harbour talks: Lima and Berg to meet

Lima, the prime minister, will meet Berg on Friday, officials said.

A meeting of the Harbour Council is planned for March 12.

Earlier, Berg said on Monday that the harbour must stay open.
"""

LATER = """\
Harbour row: leaders agree to keep talking

By Sam Poe
March 4, 2023

President Tomas Berg said on Friday he would meet Lima again. The Harbour Council meets
on March 10, officials said.
"""


def _briefing(*texts: str) -> Briefing:
    seeds = [SeedText(f"seeds/{n:02d}.txt", t) for n, t in enumerate(texts)]
    return merge([extract_article(s) for s in seeds])


def test_same_happening_in_several_articles_is_one_event() -> None:
    briefing = _briefing(DATED, UNDATED)
    friday = [e for e in briefing.events.values() if e.date == PartialDate(2023, 3, 3)]
    assert len(friday) == 1
    assert len(friday[0].sources) == 2


def test_one_telling_word_joins_another_article_to_a_same_day_happening() -> None:
    first = (
        "Vote count ends in uproar\n\nBy Jane Roe\nMarch 3, 2023\n\n"
        "The Harbour Council announced the vote count on Thursday. "
        "The riots began within minutes of the announcement on Thursday.\n"
    )
    second = (
        "Night of anger in the port\n\nBy Sam Poe\nMarch 4, 2023\n\n"
        "Riots broke out in the port on Thursday night and police fired tear gas.\n"
    )
    briefing = _briefing(first, second)
    (riots,) = [e for e in briefing.events.values() if "riot" in e.title.lower()]
    assert len(riots.sources) == 2


def test_an_early_article_is_joined_to_the_happening_later_articles_describe() -> None:
    def article(headline: str, day: int, text: str) -> str:
        return f"{headline}\n\nBy Jane Roe\nMarch {day}, 2023\n\n{text}\n"

    briefing = _briefing(
        article("Long night of harbour talks", 4, "Talks began on Thursday over the gas pier."),
        article("Harbour summit opens with a row", 4, "The summit opened on Thursday over fees."),
        article("Summit weighs pier and fees", 5, "The summit opened on Thursday: pier, fees."),
    )
    (thursday,) = [e for e in briefing.events.values() if e.date == PartialDate(2023, 3, 2)]
    assert len(thursday.sources) == 3


def test_one_article_a_day_off_several_others_is_a_disputed_reading() -> None:
    def article(headline: str, day: int, text: str) -> str:
        return f"{headline}\n\nBy Jane Roe\nJune {day}, 2024\n\n{text}\n"

    briefing = _briefing(
        article("Ferry merger under review", 6, "Norvik announced the ferry deal on Feb. 29."),
        article("Ferry merger faces questions", 7, "The ferry deal was announced on Feb. 29."),
        article("Why the ferry merger matters", 8, "The ferry deal was announced on 1 March."),
    )
    (deal,) = briefing.events.values()
    assert deal.date == PartialDate(2024, 2, 29)
    assert len(deal.sources) == 3
    assert {r.value for r in deal.disputed["date"]} == {"2024-02-29", "2024-03-01"}


def test_an_article_cannot_date_a_happening_after_it_was_written() -> None:
    def article(headline: str, month_day: str, text: str) -> str:
        return f"{headline}\n\nBy Jane Roe\n{month_day}, 2024\n\n{text}\n"

    briefing = _briefing(
        article("Leaders agree a ferry deal", "June 9", "Leaders agreed the ferry deal on June 8."),
        article("Ferry deal agreed at dawn", "June 9", "The ferry deal was agreed on June 8."),
        article("Before the ferry talks", "June 6", "The premier backed the ferry deal on June 5."),
    )
    assert len(briefing.events) == 2


def test_the_story_actors_names_do_not_make_a_later_happening_a_disputed_date() -> None:
    def article(headline: str, day: int, text: str) -> str:
        return f"{headline}\n\nBy Jane Roe\nMarch {day}, 2025\n\n{text}\n"

    briefing = _briefing(
        article("Pilots strike at the airline", 4, "Skyport Airways pilots walked out on Monday."),
        article("Flights grounded by a strike", 4, "Skyport Airways pilots walked out on Monday."),
        article("The strike is over", 8, "Skyport Airways and pilots made a deal on Thursday."),
    )
    assert sorted(str(e.date) for e in briefing.events.values()) == ["2025-03-03", "2025-03-06"]


def test_a_year_joins_the_only_happening_of_that_year_it_shares_enough_with() -> None:
    def article(headline: str, text: str) -> str:
        return f"{headline}\n\nBy Jane Roe\nJune 9, 2024\n\n{text}\n"

    briefing = _briefing(
        article(
            "Vote count begins in the capital",
            "A constitutional referendum in March 2021 lifted the term limit.",
        ),
        article(
            "Incumbent wins a third term",
            "The constitutional referendum of 2021 removed the term limit.",
        ),
    )
    (referendum,) = briefing.events.values()
    assert referendum.date == PartialDate(2021, 3) and len(referendum.sources) == 2


def test_a_title_cut_at_its_verb_gets_the_sentence_subject_back() -> None:
    text = (
        "Regulators weigh the ferry merger\n\nBy Jane Roe\nJune 9, 2024\n\n"
        "The deal was announced on 1 March and notified to the regulator on 2 May.\n\n"
        "The regulator has 90 days, until 14 October, to take a decision.\n"
    )
    titles = sorted(e.title for e in _briefing(text).events.values())
    assert "The deal was notified to the regulator" in titles
    assert "The regulator has 90 days, to take a decision" in titles


def test_a_date_in_a_quotation_backs_a_happening_but_never_makes_one() -> None:
    def article(headline: str, text: str) -> str:
        return f"{headline}\n\nBy Jane Roe\nMarch 1, 2023\n\n{text}\n"

    briefing = _briefing(
        article("Opposition goes to court", 'She said: "We will petition the court on Friday."'),
        article("Court petition is filed", "Her lawyers will petition the court on Friday."),
        article("Opposition vows to fight on", '"We will march on Saturday," she said.'),
    )
    (petition,) = briefing.events.values()
    assert len(petition.sources) == 2


def test_same_month_clusters_sharing_a_telling_word_join_but_previews_do_not() -> None:
    def article(headline: str, text: str) -> str:
        return f"{headline}\n\nBy Jane Roe\nOctober 9, 2023\n\n{text}\n"

    briefing = _briefing(
        article(
            "Ministers press the harbour board",
            "In September the ministers sent a letter to the board. "
            "In September the harbour froze over.",
        ),
        article("Lima keeps up pressure", "Lima has pushed hard since the letter of September."),
    )
    september = [e for e in briefing.events.values() if e.date == PartialDate(2023, 9)]
    assert sorted(len(e.sources) for e in september) == [1, 2]


def test_he_is_the_person_named_before_and_a_month_joins_its_only_dated_happening() -> None:
    def article(headline: str, text: str) -> str:
        return f"{headline}\n\nBy Jane Roe\nMarch 1, 2023\n\n{text}\n"

    briefing = _briefing(
        article(
            "Former port chief goes on trial",
            "Prosecutors say director Tomas Berg took bribes. He was arrested on Nov. 3 last year.",
        ),
        article("Former port chief is found guilty", "Berg had been arrested in November 2022."),
    )
    (arrest,) = briefing.events.values()
    assert arrest.date == PartialDate(2022, 11, 3)
    assert len(arrest.sources) == 2 and arrest.actors == ("tomas-berg",)


def test_a_place_name_alone_does_not_make_two_happenings_one() -> None:
    text = (
        "Quake aftermath in the port town\n\nBy Jane Roe\nMarch 4, 2023\n\n"
        "A strong aftershock shook Port Ellis on Monday.\n\n"
        "The Port Ellis board declared a state of calamity on Monday.\n"
    )
    monday = [e for e in _briefing(text).events.values() if e.date == PartialDate(2023, 2, 27)]
    assert len(monday) == 2


def test_undated_article_is_anchored_on_its_siblings() -> None:
    briefing = _briefing(DATED, UNDATED)
    undated = next(s for s in briefing.sources.values() if s.published is None)
    assert undated.extra["dates_anchored_on"] == "2023-03-03"
    (friday,) = [e for e in briefing.events.values() if e.date == PartialDate(2023, 3, 3)]
    assert "'Friday' (future) in an article of 2023-03-03" in (friday.date_note or "")
    (council,) = [e for e in briefing.events.values() if e.date == PartialDate(2023, 3, 10)]
    assert council.status is Status.SCHEDULED


def test_disagreement_on_a_date_is_recorded_with_its_sources() -> None:
    briefing = _briefing(DATED, UNDATED, LATER)
    council = next(e for e in briefing.events.values() if e.date == PartialDate(2023, 3, 10))
    readings = {r.value: r.sources for r in council.disputed["date"]}
    assert set(readings) == {"2023-03-10", "2023-03-12"}
    assert len(readings["2023-03-10"]) == 2


def test_actors_merge_surface_forms_and_keep_roles() -> None:
    briefing = _briefing(DATED, UNDATED)
    lima = briefing.actors["ana-lima"]
    assert lima.kind is Kind.PERSON
    assert {"Lima", "Prime Minister Ana Lima"} <= set(lima.aliases)
    assert "Prime Minister" in lima.roles
    assert briefing.actors["harbour-council"].kind is Kind.ORGANIZATION
    assert "jane-roe" not in briefing.actors  # a byline is not an actor


def test_a_surname_alone_joins_the_only_full_name_it_ends() -> None:
    text = (
        "Runner banned for four years\n\nBy Sam Poe\nMarch 4, 2023\n\n"
        "The panel banned Mira Sol on Monday. Incumbent Mira Sol will appeal.\n\n"
        '"I am innocent," Sol said.\n'
    )
    briefing = _briefing(text)
    assert briefing.actors["mira-sol"].kind is Kind.PERSON
    assert "Sol" in briefing.actors["mira-sol"].aliases
    assert not any(a.name in ("Sol", "Incumbent Mira Sol") for a in briefing.actors.values())


def test_the_outlet_by_its_initials_is_no_actor() -> None:
    text = (
        "Meridian Press Agency\n\nRunner suspended after a positive test\n\nMarch 4, 2023\n\n"
        "The coach told MPA on Monday that the team was shocked. MPA asked the agency again.\n"
    )
    assert "mpa" not in _briefing(text).actors


def test_a_press_release_issuer_others_report_on_is_an_actor() -> None:
    release = (
        "Harbour Board\n\nHarbour Board raises the levy\n\nMarch 4, 2023\n\n"
        "The levy rises by two percent from April, the board decided on Friday.\n"
    )
    news = (
        "Daily Tide\n\nLevy rise angers fishermen\n\nBy Jane Roe\nMarch 5, 2023\n\n"
        "The Harbour Board raised its levy on Friday, and fishermen protested on Saturday.\n"
    )
    names = {a.name for a in _briefing(release, news).actors.values()}
    assert "Harbour Board" in names
    assert "Daily Tide" not in names


def test_an_issuer_others_report_on_is_an_organisation_whatever_its_name() -> None:
    release = (
        "Real Calvera\n\nWrona signs for Real Calvera\n\nJuly 7, 2025\n\n"
        "The striker signed a five-year contract on Monday after his medical.\n"
    )
    news = (
        "Daily Tide\n\nRedmoor accept the Calvera bid for their striker\n\nBy Jane Roe\n"
        "July 4, 2025\n\n"
        "The bid from Real Calvera was accepted on Thursday after long talks in England.\n\n"
        "The striker is expected to travel to Spain for a medical at the weekend.\n"
    )
    kinds = {a.name: a.kind for a in _briefing(release, news).actors.values()}
    assert kinds.get("Real Calvera") is Kind.ORGANIZATION


def test_quotes_attach_to_an_event_with_their_speaker() -> None:
    briefing = _briefing(DATED, UNDATED)
    quotes = [q for e in briefing.events.values() for q in e.quotes]
    assert [(q.speaker, q.text[:20]) for q in quotes] == [("ana-lima", "We want a fair deal ")]


def test_the_bloc_is_the_last_organisation_named_that_a_bloc_can_be() -> None:
    text = (
        "Ports group calls for calm after clashes\n\nBy Jane Roe\nMarch 4, 2023\n\n"
        "The Harbour Council met on Friday. The Coastal Alliance of Ports also met on Friday.\n\n"
        '"We urge calm on all sides now," the bloc said.\n'
    )
    quotes = [q for e in _briefing(text).events.values() for q in e.quotes]
    assert [q.speaker for q in quotes] == ["coastal-alliance-of-ports"]


def test_every_reference_resolves() -> None:
    briefing = _briefing(DATED, UNDATED, LATER)
    for event in briefing.events.values():
        assert set(event.actors) <= set(briefing.actors)
        assert set(event.sources) <= set(briefing.sources)
        for line in event.body.splitlines():
            for ref in line.split("[@")[1:]:
                for source_id in ref.split("]")[0].split("; @"):
                    assert source_id in briefing.sources


def test_merge_is_deterministic_and_order_free() -> None:
    assert _briefing(DATED, UNDATED, LATER) == _briefing(DATED, UNDATED, LATER)


def test_a_possessive_names_the_same_thing_in_another_article() -> None:
    first = (
        "Council raises the levy\n\nBy Jane Roe\nMarch 6, 2025\n\n"
        "The harbour council raised the levy on Thursday. The council next meets on April 17.\n"
    )
    second = (
        "Levy watch\n\nBy Sam Poe\nMarch 12, 2025\n\n"
        "Traders protested against the harbour levy outside the town hall on Monday, "
        "saying it would drive the fishing fleet away.\n\n"
        "The council's next decision is on 17 April, and traders plan another protest.\n"
    )
    briefing = _briefing(first, second)
    april = [e for e in briefing.events.values() if e.date == PartialDate(2025, 4, 17)]
    assert len(april) == 1
    assert len(april[0].sources) == 2


def test_a_detail_naming_no_one_joins_its_article_s_happening_that_day() -> None:
    text = (
        "Town evacuated as fire spreads\n\nBy Jane Roe\nAugust 12, 2025\n\n"
        "Sheriff Dana Whit ordered the evacuation of Marrow Creek on Monday.\n\n"
        "Most residents spent Monday night at the county fairgrounds.\n"
    )
    monday = [e for e in _briefing(text).events.values() if e.date == PartialDate(2025, 8, 11)]
    assert len(monday) == 1
    assert "fairgrounds" in monday[0].body


def test_a_title_drops_an_appositive_and_a_dateline_and_keeps_a_date_it_needs() -> None:
    text = (
        "Lenders follow the rate rise\n\nBy Jane Roe\nMarch 12, 2025\n\n"
        "LUNDHAVEN, /PRLine/ -- Crownmark Bank, the country's largest mortgage lender, raised "
        "its variable rate on Monday.\n\n"
        "The council's next decision is on 17 April.\n"
    )
    titles = sorted(e.title for e in _briefing(text).events.values())
    assert titles == [
        "Crownmark Bank raised its variable rate",
        "The council's next decision is on 17 April",
    ]


def test_a_clause_dated_by_its_week_joins_its_article_s_day_in_that_week() -> None:
    text = (
        "Lenders follow\n\nBy Jane Roe\nMarch 12, 2025\n\n"
        "The central bank surprised markets with a half-point rise earlier this month, and "
        "mortgage holders are bracing for higher bills.\n\n"
        "This week the lenders followed.\n\n"
        "Crownmark Bank raised its variable rate on Monday.\n"
    )
    events = _briefing(text).events.values()
    (monday,) = [e for e in events if e.date == PartialDate(2025, 3, 10)]
    assert "lenders followed" in monday.body
    assert not any("lenders" in e.title for e in events)


def test_a_lone_surname_names_the_namesake_named_far_more_often() -> None:
    text = (
        "Holt goes on trial\n\nBy Jane Roe\nOctober 14, 2025\n\n"
        "Graham Holt went on trial on Monday. Graham Holt denied fraud, his lawyer said.\n\n"
        "Graham Holt, 58, was arrested in March. His wife, Claire Holt, said he was innocent.\n\n"
        "Holt told the court on Tuesday that he had done nothing wrong.\n"
    )
    actors = _briefing(text).actors
    assert "holt" not in actors
    assert "Holt" in actors["graham-holt"].aliases


def test_happenings_two_days_apart_with_alike_words_stay_two_events() -> None:
    def article(headline: str, day: int, text: str) -> str:
        return f"{headline}\n\nBy Jane Roe\nNovember {day}, 2025\n\n{text}\n"

    briefing = _briefing(
        article("Miners trapped in the pit", 4, "Seven miners were trapped at the pit on Monday."),
        article("Miners still in the pit", 8, "Seven miners were trapped at the pit on Monday."),
        article(
            "Rescuers reach the miners",
            6,
            "Rescuers reached the seven trapped miners at the pit on Wednesday.",
        ),
    )
    assert sorted(str(e.date) for e in briefing.events.values()) == ["2025-11-03", "2025-11-05"]


def test_a_publication_date_that_reads_both_ways_is_settled_by_the_siblings() -> None:
    def article(headline: str, line: str, text: str) -> str:
        return f"{headline}\n\n{line}\n\n{text}\n"

    briefing = _briefing(
        article(
            "Council delays the budget vote", "June 10, 2025", "The vote was put off on Monday."
        ),
        article(
            "Library fans rally at City Hall",
            "KPAL News — aired 06/11/2025",
            "Hundreds rallied outside City Hall this afternoon.",
        ),
        article("Council adopts the budget", "June 16, 2025", "The council passed it on Monday."),
    )
    published = {s.title: s.published for s in briefing.sources.values()}
    assert published["Library fans rally at City Hall"] == PartialDate(2025, 6, 11)
    lone = _briefing(
        article(
            "Library fans rally at City Hall",
            "KPAL News — aired 06/11/2025",
            "Hundreds rallied outside City Hall this afternoon.",
        )
    )
    assert [s.published for s in lone.sources.values()] == [None]


def test_a_preview_naming_no_one_joins_the_one_happening_told_that_day() -> None:
    def article(headline: str, day: int, text: str) -> str:
        return f"{headline}\n\nBy Jane Roe\nOctober {day}, 2025\n\n{text}\n"

    briefing = _briefing(
        article("Harbour master trial nears its end", 22, "A verdict is expected on October 30."),
        article(
            "Harbour master jailed for six years",
            31,
            "The Harbour Court on Thursday sentenced the harbour master to six years.",
        ),
    )
    (verdict,) = briefing.events.values()
    assert verdict.date == PartialDate(2025, 10, 30)
    assert len(verdict.sources) == 2


def test_the_authority_names_the_one_authority_however_many_names_it_goes_by() -> None:
    first = (
        "Regulator opens an inquiry into the ferry breach\n\nBy Jane Roe\nJanuary 16, 2026\n\n"
        "The Valdmark Data Protection Authority (DPA) opened an investigation on Friday. "
        "The operator notified the Authority of the breach on Monday.\n"
    )
    second = (
        "Ferry breach, one week on\n\nBy Sam Poe\nJanuary 21, 2026\n\n"
        "The Data Protection Authority's investigation, opened last Friday, will take months.\n"
    )
    names = sorted(a.name for a in _briefing(first, second).actors.values())
    assert "Authority" not in names
    assert "Valdmark Data Protection Authority" in names


def test_a_week_dated_report_joins_the_one_day_another_article_gives_it() -> None:
    first = (
        "Consumer prices keep on rising fast\n\nBy Jane Roe\nMarch 6, 2025\n\n"
        "Figures published last week by the statistics office showed consumer prices rising.\n"
    )
    second = (
        "Bank raises its rates by half a point\n\nBy Sam Poe\nMarch 7, 2025\n\n"
        "Inflation data published on 26 February showed prices up 6.1%.\n"
    )
    (figures,) = _briefing(first, second).events.values()
    assert figures.date == PartialDate(2025, 2, 26)
    assert len(figures.sources) == 2
