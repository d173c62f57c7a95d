"""Page furniture removal and article metadata, on small dumps written here."""

from __future__ import annotations

from generator.extract.clean import Role, lines_to_units, sentences, strip_dateline
from generator.extract.metadata import extract_metadata
from generator.model import PartialDate

DUMP = """\
We value your privacy
ACCEPT ALL

Saturday, 8 March 2025 | Back issues

THE DAILY PLANET
News | World | Business | Opinion

Council approves the harbour bridge after a long night

Jane Roe
25.10.2024 – 14:02

Members of the council in session on Thursday. Photo: John Smith/AFP

METROPOLIS (DP) — The city council approved the bridge on Thursday, its chair said.

"It is a good day for the harbour," said chair Ana Lima.

Oops!
Something went wrong.
Loading...

Sign up for our newsletter
"""


def _roles(text: str) -> dict[str, Role]:
    return {u.text: u.role for u in lines_to_units(text)}


def test_furniture_is_chrome() -> None:
    roles = _roles(DUMP)
    for line in (
        "We value your privacy",
        "ACCEPT ALL",
        "Oops!",
        "Loading...",
        "Sign up for our newsletter",
        "News | World | Business | Opinion",
        "Saturday, 8 March 2025 | Back issues",
    ):
        assert roles[line] is Role.CHROME, line


def test_article_text_is_body_and_credits_are_not() -> None:
    roles = _roles(DUMP)
    assert roles['"It is a good day for the harbour," said chair Ana Lima.'] is Role.BODY
    assert (
        roles["Members of the council in session on Thursday. Photo: John Smith/AFP"] is Role.CHROME
    )


def test_caption_before_a_credit_line() -> None:
    roles = _roles(
        "Title line of the story here\n\nThe mayor opens the bridge.\nJohn Smith/Getty Images\n"
    )
    assert roles["The mayor opens the bridge."] is Role.CAPTION


def test_a_caption_with_its_own_credit() -> None:
    roles = _roles(
        "Title line of the story here\n\n"
        "Fans cheer in the square, Wednesday, Nov. 22, 2023. (APN Photo/Ann Lee)\n\n"
        "The team won the cup.\n"
    )
    assert roles["Fans cheer in the square, Wednesday, Nov. 22, 2023. (APN Photo/Ann Lee)"] is (
        Role.CAPTION
    )
    assert roles["The team won the cup."] is Role.BODY


def test_a_headline_may_end_in_a_quotation() -> None:
    roles = _roles(
        'Boss says he paid the director "to keep the work coming"\n\n'
        '"I paid him," he said.\n\nHe called it "a disaster."\n'
    )
    assert roles['Boss says he paid the director "to keep the work coming"'] is Role.HEADING
    assert roles['"I paid him," he said.'] is roles['He called it "a disaster."'] is Role.BODY


def test_a_signed_footer_names_the_outlet() -> None:
    text = (
        "# Ferry strike ends after nine long days\n\nThe strike ended on Monday.\n\n"
        "*Published 2024-10-22 · Harbour Notes · by Alma Ruiz · Filed under: Labour*\n"
    )
    meta = extract_metadata(lines_to_units(text))
    assert (meta.outlet, meta.author, meta.published) == (
        "Harbour Notes",
        "Alma Ruiz",
        PartialDate(2024, 10, 22),
    )


def test_metadata_ignores_the_banner_date() -> None:
    meta = extract_metadata(lines_to_units(DUMP))
    assert meta.title == "Council approves the harbour bridge after a long night"
    assert meta.outlet == "Daily Planet"
    assert meta.author == "Jane Roe"
    assert meta.published == PartialDate(2024, 10, 25)


def test_logo_printed_twice_is_the_outlet_and_follow_handle_the_author() -> None:
    text = (
        "Gazette Of Towns Gazette Of Towns\n\nThe mill closes its doors for good\n\n"
        "The mill closed on Friday.\n\nFollow @MaryJaneSmith\n"
    )
    meta = extract_metadata(lines_to_units(text))
    assert meta.outlet == "Gazette Of Towns"
    assert meta.author == "Mary Jane Smith"
    assert meta.published is None


def test_byline_and_published_line() -> None:
    text = (
        "Ships collide in the strait at dawn\n\nBy ANNA KOWALSKA\n"
        "Published 11:40 AM GMT, November 23, 2023\nUpdated 6:02 PM GMT, November 24, 2023\n\n"
        "Two ships collided.\n"
    )
    meta = extract_metadata(lines_to_units(text))
    assert meta.author == "ANNA KOWALSKA"
    assert meta.published == PartialDate(2023, 11, 23)


def test_writer_in_a_place_beside_the_date_is_the_author_not_the_title() -> None:
    text = (
        "Ferry strike ends after nine days\n\nUnions accept the offer put to them on Monday\n\n"
        "Alma Ruiz in Port Town\n\nWed 7 May 2025 21.15 BST\n\nThe strike ended on Wednesday.\n"
    )
    meta = extract_metadata(lines_to_units(text))
    assert meta.title == "Ferry strike ends after nine days"
    assert meta.author == "Alma Ruiz"
    assert meta.published == PartialDate(2025, 5, 7)


def test_a_standfirst_as_long_as_the_headline_is_not_the_title() -> None:
    text = (
        "Ferry strike enters a second day at port\n\nPassengers wait on while both sides dig in\n\n"
        "Tue 4 Mar 2025 06.00 GMT\n\nThe strike went on.\n"
    )
    title = extract_metadata(lines_to_units(text)).title
    assert title == "Ferry strike enters a second day at port"


def test_a_newsletter_issue_line_dates_the_issue() -> None:
    text = (
        "# Harbour fees rise again\n\n*Port Letter · Issue 12 · 28.05.2025 · by Alma Ruiz*\n\n"
        "Fees rose on Monday.\n"
    )
    meta = extract_metadata(lines_to_units(text))
    assert (meta.published, meta.author) == (PartialDate(2025, 5, 28), "Alma Ruiz")


def test_dateline_is_stripped_and_its_agency_kept() -> None:
    assert strip_dateline("LAGOS, Nigeria (APN) — The vote") == ("The vote", "APN")
    assert strip_dateline("COPENHAGEN, June 6 (Fintel News) - The deal") == (
        "The deal",
        "Fintel News",
    )


def test_sentences_do_not_split_at_abbreviations() -> None:
    assert sentences("The U.S. President met on Jan. 10 in Geneva. Talks ended.") == [
        "The U.S. President met on Jan. 10 in Geneva.",
        "Talks ended.",
    ]


def test_a_long_line_of_dotted_parts_is_a_meta_line_and_post_links_are_chrome() -> None:
    roles = _roles(
        "Wed 17 Sep 2025 18.30 CEST · Last modified on Thu 18 Sep 2025 09.12 CEST\n\n"
        "Previous post: The forged sketches (9 September 2025)\n"
    )
    assert list(roles.values()) == [Role.HEADING, Role.CHROME]


def test_a_numeric_date_with_an_american_clock_is_month_first() -> None:
    def published(line: str) -> PartialDate | None:
        text = f"Baby monitor maker recalls units\n\n{line}\n\nAlicia Moreno\n\nIt recalled them.\n"
        return extract_metadata(lines_to_units(text)).published

    assert published("Published 6/4/2025 5:02 p.m. ET | Updated 6/5/2025") == PartialDate(
        2025, 6, 4
    )
    assert published("Published 08/13/2025") == PartialDate(2025, 8, 13)
    assert published("Published 14/06/2024") == PartialDate(2024, 6, 14)
    assert published("Published 6/4/2025") is None


def test_a_short_line_ending_in_a_bracketed_date_is_a_link_to_another_story() -> None:
    roles = _roles(
        "Most read\nCouncil tax to rise by 5% (09/10/2025)\n"
        "Bypass opening delayed again (15 Oct 2025)\n\n"
        "The council voted on the plan (see the report of 3 May 2025).\n"
    )
    assert roles["Council tax to rise by 5% (09/10/2025)"] is Role.CHROME
    assert roles["Bypass opening delayed again (15 Oct 2025)"] is Role.CHROME
    assert roles["The council voted on the plan (see the report of 3 May 2025)."] is Role.BODY
