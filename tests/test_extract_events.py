"""Dated clauses of one article, and the whole extraction pipeline on a small article."""

from __future__ import annotations

import pytest

from generator.extract import STEPS, NoArticleError, SeedText, extract_article
from generator.extract.dates import Tense
from generator.extract.events import find_dated_clauses


def test_one_clause_per_date() -> None:
    clauses = find_dated_clauses(
        [
            "Talks come ahead of a Jan. 10 security meeting, followed by a council session on "
            "Jan. 12, and a broader conference slated for Jan. 13."
        ]
    )
    assert [c.expr.text for c in clauses] == ["Jan. 10", "Jan. 12", "Jan. 13"]
    assert clauses[1].text == "followed by a council session on Jan. 12"


def test_tense_near_the_weekday() -> None:
    will, spoke = find_dated_clauses(
        [
            "President Biden will hold another phone call with Putin on Thursday.",
            "On Wednesday, the minister spoke with his counterpart.",
        ]
    )
    assert (will.tense, spoke.tense) == (Tense.FUTURE, Tense.PAST)


def test_vague_period_gives_way_to_a_precise_date() -> None:
    (clause,) = find_dated_clauses(["They will speak for the second time this month on Thursday."])
    assert clause.expr.text == "Thursday"


def test_speculation_is_no_happening_and_a_quoted_date_only_backs_one() -> None:
    (court,) = find_dated_clauses(
        [
            "Russia could launch an invasion as soon as next month.",
            '"We will go to court on Friday," she said.',
        ]
    )
    assert court.quoted and court.tense is Tense.FUTURE


def test_speculation_after_a_comma_leaves_the_dated_clause_news() -> None:
    (clause,) = find_dated_clauses(
        ["The regulator on Thursday opened a probe, saying the deal could push up prices."]
    )
    assert (clause.expr.text, clause.tense) == ("Thursday", Tense.PAST)


def test_a_later_clause_does_not_lend_its_tense() -> None:
    (clause,) = find_dated_clauses(
        ["The authority launched its review on Tuesday and has said it will decide soon."]
    )
    assert clause.tense is Tense.PAST


def test_a_date_said_twice_is_one_happening() -> None:
    quake, assessment, meetings = find_dated_clauses(
        [
            "The quake hit at 02:14 local time on Sunday (18:14 GMT on Saturday), officials said.",
            "A needs assessment starts tomorrow, 29 February.",
            "Talks are set for Jan. 10, Jan. 12 and Jan. 13.",
        ]
    )[:3]
    assert (quake.expr.text, assessment.expr.day) == ("Sunday", 29)
    assert meetings.expr.text == "Jan. 10"
    assert len(find_dated_clauses(["Talks are set for Jan. 10, Jan. 12 and Jan. 13."])) == 3


def test_an_appositive_after_a_date_stays_with_it() -> None:
    suspended, ends = find_dated_clauses(
        ["The ban is backdated to 2 April, the day she was suspended, and runs until 1 April 2029."]
    )
    assert suspended.text == "The ban is backdated to 2 April, the day she was suspended"
    assert ends.text == "and runs until 1 April 2029"


def test_a_will_after_the_date_belongs_to_another_verb() -> None:
    (clause,) = find_dated_clauses(
        [
            "The board's decision on Thursday to close the old paper mill in town "
            "will not surprise anyone."
        ]
    )
    assert clause.tense is Tense.PAST


def test_a_day_something_is_set_for_lies_ahead() -> None:
    called, attack = find_dated_clauses(
        ["The bloc has called an emergency summit for Monday.", "He was held for Monday's attack."]
    )
    assert (called.tense, attack.tense) == (Tense.FUTURE, Tense.PAST)


def test_a_time_in_the_next_sentence_joins_the_dated_clause() -> None:
    (clause,) = find_dated_clauses(
        ["The leaders will speak on Thursday. The call is scheduled for 3:30 p.m. ET."]
    )
    assert clause.time is not None and clause.time.time == "15:30"


def test_steps_are_named_in_order() -> None:
    assert [name for name, _ in STEPS] == ["clean", "metadata", "actors", "quotes", "events"]


def test_extract_article_end_to_end() -> None:
    facts = extract_article(
        SeedText(
            "seeds/a.txt",
            "Harbour bridge approved after a long night\n\nBy Jane Roe\nMarch 3, 2023\n\n"
            'The council approved the bridge on Thursday, chair Ana Lima said. "It is a good '
            'day for the harbour," Lima said.\n\nLoading...\n',
        )
    )
    assert facts.title == "Harbour bridge approved after a long night"
    assert "Loading" not in facts.body
    assert [q.speaker for q in facts.quotes] == ["Lima"]
    assert [c.expr.text for c in facts.clauses] == ["Thursday"]


def test_a_page_without_an_article() -> None:
    with pytest.raises(NoArticleError, match="no article found"):
        extract_article(SeedText("seeds/x.txt", "Loading...\n\nSubscribe\n"))


def test_the_day_a_report_was_made_is_no_happening() -> None:
    clauses = find_dated_clauses(
        [
            "The league said on Thursday that its monitors had counted 12 dead.",
            "The manager had insisted on Tuesday that the striker was not for sale.",
            "The runner has been suspended, the agency said on Wednesday.",
            "The carmaker said on Monday that it would cut 500 jobs at its plant.",
        ]
    )
    assert [c.expr.text for c in clauses] == ["Wednesday", "Monday"]


def test_no_reply_is_no_happening() -> None:
    assert find_dated_clauses(["The company did not respond to a request on Wednesday."]) == []


def test_the_ends_of_a_span_are_no_happenings() -> None:
    clauses = find_dated_clauses(
        [
            "The monitors were sold between January 2023 and April 2025 for about $130.",
            "He steered contracts to the firm from 2019 to 2022. It opened on 3 May 2024.",
        ]
    )
    assert [c.expr.text for c in clauses] == ["3 May 2024"]


def test_a_yardstick_since_a_date_is_no_happening_but_a_state_since_one_is() -> None:
    clauses = find_dated_clauses(
        [
            "Prices rose at the fastest pace since 2008.",
            "The utility has faced three lawsuits over fires since 2020.",
            "She has been provisionally suspended since 2 April, her coach said.",
        ]
    )
    assert [c.expr.text for c in clauses] == ["2 April"]


def test_by_an_amount_sets_no_deadline() -> None:
    rise, ruling = find_dated_clauses(
        [
            "The lender raised its rate by 0.5 points on Monday.",
            "The panel must rule by Friday.",
        ]
    )
    assert (rise.tense, ruling.tense) == (Tense.PAST, Tense.FUTURE)


def test_talks_someone_has_called_lie_ahead() -> None:
    called, held = find_dated_clauses(
        [
            "The mediator has called both sides to talks on Wednesday.",
            "The mediator called both sides to talks on Wednesday.",
        ]
    )
    assert (called.tense, held.tense) == (Tense.FUTURE, Tense.PAST)


def test_a_hope_is_no_happening() -> None:
    assert find_dated_clauses(["Crews were hoping for calmer winds on Wednesday."]) == []


def test_a_link_left_in_the_text_is_no_happening() -> None:
    clauses = find_dated_clauses(
        [
            "Fireworks ban approved ahead of July 4 (6/24/2025)",
            "The council approved the ban on June 24.",
        ]
    )
    assert [c.expr.text for c in clauses] == ["June 24"]


def test_when_an_arrangement_ends_is_no_happening_but_a_ban_running_out_is() -> None:
    clauses = find_dated_clauses(
        [
            "The player has signed a contract with the club until 30 June 2030.",
            "Its licence to work the seam runs until 31 March 2031.",
            "The ban runs until 1 April 2029.",
            "The museum stays closed until Wednesday.",
            "He is under contract until the end of June 2028.",
            "The lease on the building expires on 31 December 2026.",
            "The agreement is valid until 2030.",
            "Talks on the deal continued until Friday.",
        ]
    )
    assert [c.expr.text for c in clauses] == ["1 April 2029", "Wednesday", "Friday"]


def test_a_figure_for_its_month_is_no_happening_but_its_release_day_is() -> None:
    clauses = find_dated_clauses(
        [
            "Inflation rose to 6.1 per cent in January, above the target.",
            "Coal output across the region fell 6% in October.",
            "Inflation data published on 26 February showed prices up 6.1%.",
            "The bank raised its rate by 0.5% in March.",
            "Complaints to the Authority rose 18% in 2025.",
        ]
    )
    assert [c.expr.text for c in clauses] == ["26 February", "in March"]


def test_a_relative_day_restated_with_its_weekday_and_date_is_one_clause() -> None:
    (clause,) = find_dated_clauses(
        ["The men were arrested in Saltmere today, Friday 19 September, police said."]
    )
    assert clause.expr.text == "19 September"
    (bracketed,) = find_dated_clauses(["The vote takes place tomorrow (Saturday 20 September)."])
    assert bracketed.expr.text == "20 September"


def test_a_company_blurb_under_its_about_heading_founds_no_event() -> None:
    text = (
        "Harbour Devices recalls its dock monitors after fires\n\n"
        "Harbour Devices on Tuesday recalled 20,000 monitors.\n\n"
        "About Harbour Devices\n\n"
        "Harbour Devices was founded in 1987 and makes monitors for ports.\n"
    )
    facts = extract_article(SeedText("seeds/a.txt", text))
    assert [c.expr.text for c in facts.clauses] == ["Tuesday"]
    assert "founded in 1987" in facts.body


def test_since_a_day_and_a_participle_with_its_agent_look_back() -> None:
    trapped, announced, approved = find_dated_clauses(
        [
            "The firm confirms that the miners trapped since Monday are safe.",
            "The firm will cooperate with the inquiry announced by the Mines Inspectorate on "
            "Friday.",
            "The plan is to be approved by the Council on Friday.",
        ]
    )
    assert (trapped.tense, announced.tense, approved.tense) == (
        Tense.PAST,
        Tense.PAST,
        Tense.FUTURE,
    )
