"""Quotations and their speakers, on paragraphs written here."""

from __future__ import annotations

from generator.extract.quotes import find_quotes


def _speakers(paragraphs: list[str]) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in find_quotes(paragraphs)]


def test_said_after_and_before_the_quote() -> None:
    found = _speakers(
        [
            '"We will go to the court on Friday," Bangura told supporters.',
            'Chairman Moussa Kamara said: "The count was fair and complete today."',
        ]
    )
    assert found == [
        ("Bangura", "We will go to the court on Friday"),
        ("Chairman Moussa Kamara", "The count was fair and complete today."),
    ]


def test_inverted_attribution_and_unnamed_speaker() -> None:
    (quote,) = find_quotes(['"Nobody wants a repeat of that," said one diplomat in Abuja.'])
    assert quote.speaker == "one diplomat"
    assert not quote.named


def test_she_continued_points_back_to_the_named_speaker() -> None:
    found = _speakers(
        [
            '"The administration continues to engage," Horne said.',
            '"The president has spoken with leaders across Europe," she continued.',
        ]
    )
    assert [speaker for speaker, _ in found] == ["Horne", "Horne"]


def test_he_said_prefers_the_name_in_the_same_paragraph() -> None:
    found = _speakers(
        [
            '"We will not accept it," Bangura said.',
            'Chairman Moussa Kamara defended the count. "The commission did its work," he said.',
        ]
    )
    assert found[1][0] == "Chairman Moussa Kamara"


def test_the_statement_read_points_to_the_statement_maker() -> None:
    found = _speakers(
        [
            "Emily Horne indicated in the statement that the leaders would discuss "
            "“a range of topics, including talks.”",
            "“Officials have also held numerous consultations with counterparts,” it read.",
        ]
    )
    assert found[1] == (
        "Emily Horne",
        "Officials have also held numerous consultations with counterparts",
    )


def test_quote_across_paragraphs() -> None:
    found = _speakers(
        [
            "“We have the tally sheets. People queued for hours to vote.",
            "“We will take this to the supreme court,” she said.",
        ]
    )
    assert len(found) == 2


def test_scare_quotes_are_not_quotations() -> None:
    assert find_quotes(['Officials were "gravely concerned" about it.']) == []


def test_three_words_are_a_quote_when_someone_says_them() -> None:
    assert _speakers(['Rieger said the agency had followed its rules "to the letter".']) == [
        ("Rieger", "to the letter")
    ]


def test_she_points_back_to_a_lone_surname_that_spoke() -> None:
    found = _speakers(
        [
            'Tomas Rieger said: "The rules apply to every athlete."',
            'Arkas said she would appeal. "This fight is not over," she wrote.',
        ]
    )
    assert found[-1] == ("Arkas", "This fight is not over")


def test_a_titled_name_after_a_clause_is_the_speaker() -> None:
    found = _speakers(
        [
            "When Norvik announced in February that it would buy Celerant Freight for €7bn, "
            "its chief executive Freja Holm predicted the deal would close “before the end of "
            "the summer”."
        ]
    )
    assert found == [("Freja Holm", "before the end of the summer")]


def test_he_is_not_the_organisation_named_last() -> None:
    found = _speakers(
        [
            "Jonas Brekke, who chairs the Skyport Pilots Association, said pay was low. "
            '"Our members are tired," he said.'
        ]
    )
    assert found == [("Jonas Brekke", "Our members are tired")]


def test_a_short_quotation_in_reported_speech() -> None:
    found = _speakers(
        [
            'Chief executive Maria Lind called the walkout "irresponsible" and left.',
            'The union has a "fair deal" now.',
        ]
    )
    assert found == [("Chief executive Maria Lind", "irresponsible")]


def test_he_is_the_last_person_named_not_the_body_he_leads() -> None:
    (quote,) = find_quotes(
        [
            "Fire Chief Ray Oko of the Marrow Creek Fire Protection District said crews were "
            'tired. "Tonight is about saving what we can," he said.'
        ]
    )
    assert quote.speaker == "Fire Chief Ray Oko"


def test_a_phrase_before_the_subject_is_no_speaker() -> None:
    (quote,) = find_quotes(
        [
            "Speaking on Thursday evening, hours after the rise, Halvorsen said the bank had "
            '"chosen the City over the kitchen table".'
        ]
    )
    assert quote.speaker == "Halvorsen"


def test_a_transcript_tags_its_speakers_and_its_presenters_are_left_out() -> None:
    found = _speakers(
        [
            "ANCHOR TOM BECK: Good evening. Our reporter is at the scene tonight.",
            "LISA CHAN, KVRN 9 NEWS: Tom, the governor signed the declaration today.",
            "GOV. ELENA RUIZ: We are going to rebuild this town.",
            "LISA CHAN: Containment is now at 15 percent tonight.",
            '"It was awful for all of us," said Tom Hale, a neighbour.',
        ]
    )
    assert found == [
        ("Elena Ruiz", "We are going to rebuild this town."),
        ("Tom Hale", "It was awful for all of us"),
    ]


def test_one_label_with_a_colon_is_no_transcript() -> None:
    assert find_quotes(["EDITOR'S NOTE: This story was corrected to fix a name."]) == []


def test_an_office_is_no_he() -> None:
    (quote,) = find_quotes(
        [
            "MP Daniel Reeve said he had written to the Foreign Secretary. "
            '"He must get a fair trial," he said.'
        ]
    )
    assert quote.speaker == "Daniel Reeve"
