"""Article metadata from small dumps written here: releases, newsletters, transcripts."""

from __future__ import annotations

from generator.extract.clean import lines_to_units
from generator.extract.metadata import Metadata, StatedMetadata, extract_metadata
from generator.model import PartialDate


def _meta(text: str) -> Metadata:
    return extract_metadata(lines_to_units(text))


def test_a_dashed_posted_on_line_gives_the_outlet_date_and_author() -> None:
    meta = _meta(
        "# Court jails the harbour master for six years\n\n"
        "*Harbour Justice Brief — Posted on 31/10/2025 by Alma Ruiz*\n\n"
        "The court on Thursday jailed him.\n"
    )
    assert (meta.outlet, meta.author, meta.published) == (
        "Harbour Justice Brief",
        "Alma Ruiz",
        PartialDate(2025, 10, 31),
    )


def test_an_issue_line_is_no_outlet_and_a_dotted_date_is_day_first() -> None:
    meta = _meta(
        "FERRY LETTER · a weekly letter on the islands' boats\n\n"
        "# What the ferry inquiry must ask\n\n"
        "Issue 57 — posted 12.11.2025 by Dev Anand\n\n"
        "The ferry sank on Friday.\n"
    )
    assert (meta.outlet, meta.author, meta.published) == (
        "Ferry Letter",
        "Dev Anand",
        PartialDate(2025, 11, 12),
    )


def test_an_edition_label_is_no_outlet_and_a_bare_name_after_an_issue_date_signs_it() -> None:
    edition = _meta(
        "**THE HARBOUR LETTER** — news from the port, every Friday\n\n"
        "# How the dock deal was done\n\n"
        "*Friday edition — posted 20 June 2025 by Leah Moreno*\n\nThe council passed it.\n"
    )
    assert (edition.outlet, edition.author) == ("Harbour Letter", "Leah Moreno")
    issue = _meta(
        "# The dock deal is done at last\n\n*Issue 88 · 9 July 2025 · Sam Hollis*\n\nIt passed.\n"
    )
    assert (issue.outlet, issue.author) == (None, "Sam Hollis")


def test_a_newsletter_that_describes_itself_in_its_footer_names_the_outlet() -> None:
    meta = _meta(
        "# Dock deal done\n\n**Saturday, 8 March 2025** · by Nils Dahl\n\nIt passed.\n\n"
        "*Dock Notes is a weekly newsletter on ports. Previous issue: 1 March 2025.*\n"
    )
    assert meta.outlet == "Dock Notes"


def test_an_aired_line_dates_a_transcript_and_its_label_leaves_the_title() -> None:
    meta = _meta(
        "KVRN 9 NEWS\n\nTRANSCRIPT: Governor declares emergency over the fire\n\n"
        "KVRN 9 News at Six — aired 08/13/2025\n\nANCHOR TOM BECKER: Good evening.\n"
    )
    assert (meta.title, meta.outlet, meta.published) == (
        "Governor declares emergency over the fire",
        "Kvrn 9 News",
        PartialDate(2025, 8, 13),
    )


def test_an_ambiguous_aired_date_stays_unread() -> None:
    meta = _meta(
        "Rally held at City Hall over the budget\n\nKPAL News — aired 06/11/2025\n\nIt was.\n"
    )
    assert meta.published is None


def test_a_release_issuer_is_the_name_beside_its_label() -> None:
    after = _meta(
        "FOR IMMEDIATE RELEASE\nJune 16, 2025\n\nCity of Port Town\nOffice of the Mayor\n\n"
        "City Council adopts budget that keeps every library branch open\n\n"
        "The council on Monday approved the budget.\n"
    )
    assert (after.title, after.outlet) == (
        "City Council adopts budget that keeps every library branch open",
        "City of Port Town",
    )
    before = _meta(
        "# Evacuation order lifted for the east of town\n\n"
        "**PINE COUNTY OFFICE OF EMERGENCY MANAGEMENT**\n"
        "**FOR IMMEDIATE RELEASE — August 15, 2025**\n\nThe order was lifted on Friday.\n"
    )
    assert before.outlet == "Pine County Office Of Emergency Management"
    on_its_line = _meta(
        "European Commission - Press release\n\n"
        "Commission opens an in-depth investigation into a ferry merger\n\n"
        "Brussels, 6 June 2024\n\nThe Commission has opened an investigation.\n"
    )
    assert on_its_line.outlet == "European Commission"


def test_an_issuer_providing_a_release_is_not_its_author() -> None:
    meta = _meta(
        "Harbour Devices Announces Voluntary Recall of Dock Monitors\n\n"
        "NEWS PROVIDED BY\nHarbour Devices\nJun 03, 2025, 08:00 ET\n\n"
        "PORT TOWN, June 3, 2025 /PRLine/ -- Harbour Devices today announced a recall.\n"
    )
    assert (meta.outlet, meta.author) == ("Harbour Devices", None)


def test_a_byline_drops_the_job_title_and_a_writer_line_with_one_is_no_title() -> None:
    assert (
        _meta(
            "Ferry fares rise again this spring\n\nBy Jack Thorne, Chief Transport Writer\n\n"
            "Published: 09:15, 4 Jul 2025\n\nFares rose.\n"
        ).author
        == "Jack Thorne"
    )
    lowercase = _meta(
        "Parents sue over hot monitors\n\nby Brian Kowalski, WKLR Consumer Desk\n\n"
        "Posted: Jun 6, 2025 / 07:15 PM EDT\n\nThey sued.\n"
    )
    assert lowercase.author == "Brian Kowalski"
    writer = _meta(
        "Minister attacks the rate rise as mortgage holders brace for higher bills\n"
        "Minister accuses the bank of putting families last\n"
        "Tomas Eriksen Economics editor\nFri 7 Mar 2025 08.30 GMT\n\nThe minister spoke.\n"
    )
    assert (writer.title, writer.author) == (
        "Minister attacks the rate rise as mortgage holders brace for higher bills",
        "Tomas Eriksen",
    )


def test_an_issued_by_line_a_masthead_read_as_furniture_and_you_are_reading_name_outlets() -> None:
    issued = _meta(
        "NEWS RELEASE\n\nIssued by the Pine County Sheriff's Office\n\n14 August 2025\n\n"
        "Evacuation order lifted for the eastern town\n\nThe order was lifted on Friday.\n"
    )
    assert issued.outlet == "Pine County Sheriff's Office"
    masthead = _meta(
        "HARBOUR WEEKLY | the newsletter of the island ports\n\n"
        "# Ferry sinks off the cape in a storm\n\nIssue 4 · 31 October 2025 · by Ann Lee\n\n"
        "The ferry sank on Thursday.\n"
    )
    assert (masthead.outlet, masthead.author) == ("Harbour Weekly", "Ann Lee")
    sign_up = _meta(
        "Sign up | get our free newsletter every week\n\n# Ferry sinks off the cape in a storm\n\n"
        "*31 October 2025*\n\nThe ferry sank on Thursday.\n\n"
        "*You are reading Harbour Weekly, a newsletter about the islands' ports.*\n"
    )
    assert sign_up.outlet == "Harbour Weekly"


def test_a_question_headline_above_its_date_line_is_the_title_without_its_episode_label() -> None:
    meta = _meta(
        "BYTE SIZED\nThe podcast about technology and the people it affects\n\n"
        "Episode 212: Who pays for the ferry breach?\n\nBroadcast date: 19 January 2026\n\n"
        "HOST KAREN DALE: Welcome to the show.\n"
    )
    assert (meta.title, meta.published) == (
        "Who pays for the ferry breach?",
        PartialDate(2026, 1, 19),
    )
    opening = _meta(
        "Ferry operator admits a breach of its records\n\n19 January 2026\n\n"
        "Who pays for the ferry breach now?\n\nThe operator said on Monday it would pay.\n"
    )
    assert opening.title == "Ferry operator admits a breach of its records"


def test_a_volume_and_number_label_is_no_outlet() -> None:
    meta = _meta(
        "THE PATCH NOTES · a weekly security newsletter\n\n# Ferry records, one week on\n\n"
        "*Vol. 3, No. 14 · 21 January 2026 · by Ines Moreau*\n\nThe breach was claimed.\n"
    )
    assert (meta.outlet, meta.author) == ("Patch Notes", "Ines Moreau")


def test_a_stated_headline_loses_its_transcript_label_too() -> None:
    stated = StatedMetadata(title="TRANSCRIPT: Governor declares emergency over the fire")
    meta = extract_metadata(lines_to_units("Governor declares emergency\n\nIt was.\n"), stated)
    assert meta.title == "Governor declares emergency over the fire"
