"""Saved web pages -> article text and stated metadata, on small pages written here."""

from __future__ import annotations

import quopri

import pytest

from generator.extract.clean import lines_to_units
from generator.extract.metadata import StatedMetadata, extract_metadata
from generator.model import PartialDate
from generator.read_html import (
    PageError,
    article_root,
    parse_page,
    read_page,
    stated_metadata,
)
from generator.read_seeds import ReadError, read_web_archive, read_web_page

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Bridge approved | The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<style>p { color: red }</style><script>var p = "<p>not text</p>";</script></head>
<body>
<header class="site"><div class="today">Saturday, 8 March 2025</div>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div id="cookie-consent"><p>We use cookies to improve your experience.</p>
  <button>Accept</button></div>
<main><article>
  <header><h1>Council approves the   harbour bridge</h1>
  <p class="byline">By <a rel="author" href="/roe">Jane Roe</a></p>
  <p>Published <time datetime="2024-10-25T14:02:00+02:00">25 Oct 2024</time>
     &middot; Updated <time datetime="2024-10-26T09:00">26 Oct</time></p></header>
  <p>METROPOLIS (DP) &mdash; The city council approved the bridge on Thursday,<br>its chair said.
  <p>&ldquo;It is a good day for the harbour,&rdquo; said chair <b>Ana</b> Lima.
  <!-- <p>an editor's comment</p> -->
  <figure><img src="b.jpg" alt="The bridge"><figcaption>The harbour at dawn.</figcaption></figure>
  <ul><li>Cost: 40 million<li>Opening: 2027</ul>
  <div class="share-tools"><a href="#">Share on X</a></div>
  <aside><h2>Related</h2>
    <a href="/old"><time datetime="2024-09-01">1 Sep</time> Old vote</a></aside>
</article></main>
<section id="comments"><p>What a waste of money, wrote a reader at length today.</p></section>
<footer><p>&copy; 2024 The Daily Planet. All rights reserved.</p></footer>
</body></html>
"""


def test_the_article_is_kept_in_blocks_and_the_furniture_dropped() -> None:
    assert read_page(PAGE).text == (
        "Council approves the harbour bridge\n\n"
        "By Jane Roe\n\n"
        "Published 25 Oct 2024 · Updated 26 Oct\n\n"
        "METROPOLIS (DP) — The city council approved the bridge on Thursday,\n"
        "its chair said.\n\n"
        "“It is a good day for the harbour,” said chair Ana Lima.\n\n"
        "The harbour at dawn.\n\n"
        "Cost: 40 million\n\n"
        "Opening: 2027\n"
    )


def test_the_markup_states_title_outlet_author_and_publication_time() -> None:
    assert read_page(PAGE).stated == StatedMetadata(
        title="Council approves the harbour bridge",
        outlet="The Daily Planet",
        author="Jane Roe",
        published="2024-10-25T14:02:00+02:00",
    )


def test_a_headline_above_the_article_element_is_kept() -> None:
    page = """<body><div class="top"><h1>Storm closes the port</h1></div>
    <article><p>The port closed on Monday as the storm reached the coast.</p></article></body>"""
    assert read_page(page).text == (
        "Storm closes the port\n\nThe port closed on Monday as the storm reached the coast.\n"
    )


def test_teaser_cards_are_not_the_article_the_paragraphs_parent_is() -> None:
    long = " ".join(["The council met for six hours and voted late at night."] * 6)
    page = f"""<body><h1>Council votes</h1><div class="story"><p>{long}</p><p>{long}</p></div>
    <div class="more"><article><p>Another story entirely.</p></article></div></body>"""
    text = read_page(page).text
    assert long in text
    assert "Another story" not in text


def test_json_ld_in_a_graph_with_authors_as_a_list() -> None:
    page = """<head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebPage", "name": "Page"},
      {"@type": ["ReportageNewsArticle"], "headline": "Pilots walk out",
       "datePublished": "2025-03-03T09:12:00Z",
       "author": [{"@type": "Person", "name": "Henrik Aas"}, {"name": "Karen Moe"},
                  {"@type": "Organization", "name": "Wire Desk"}],
       "publisher": {"@type": "Organization", "name": "Nordwire"}}]}
    </script><script type="application/ld+json">{broken</script></head>
    <body><p>Pilots walked out on Monday.</p></body>"""
    assert read_page(page).stated == StatedMetadata(
        title="Pilots walk out",
        outlet="Nordwire",
        author="Henrik Aas, Karen Moe",
        published="2025-03-03T09:12:00Z",
    )


def test_open_graph_title_loses_the_site_name_and_a_url_is_no_author() -> None:
    page = """<head><meta property="og:title" content="Ferry talks fail – Harbour Herald">
    <meta property="og:site_name" content="The Harbour Herald">
    <meta property="article:author" content="https://example.org/staff/someone">
    <meta name="author" content="Lea Vos"></head><body><p>Talks failed.</p></body>"""
    stated = read_page(page).stated
    assert (stated.title, stated.author) == ("Ferry talks fail", "Lea Vos")


def test_times_of_the_banner_related_links_and_updates_are_not_the_publication() -> None:
    page = """<body><div class="masthead"><time datetime="2025-03-08">Today</time></div>
    <h1>Strike ends after five days</h1>
    <div class="meta">
      <span class="updated">Updated <time datetime="2025-03-09">9 March</time></span>
      <span>First posted <time datetime="2025-03-07T18:00">7 March</time></span></div>
    <p>The strike ended on Friday.</p>
    <div class="related-stories"><time datetime="2025-02-12">12 Feb</time> Earlier</div></body>"""
    assert read_page(page).stated.published == "2025-03-07T18:00"


def test_a_page_without_markup_metadata_states_nothing() -> None:
    assert read_page("<p>Just a paragraph of text.</p>").stated == StatedMetadata()


def test_unclosed_tags_and_deep_nesting_still_give_the_text() -> None:
    page = "<body><div>" * 5000 + "<p>Deep <b>text.<p>More</b> text.</div></i>"
    assert read_page(page).text == "Deep text.\n\nMore text.\n"


def test_a_page_with_no_text_is_no_article() -> None:
    with pytest.raises(PageError, match="no article text"):
        read_page("<html><head><script>x()</script></head><body><nav>Home</nav></body></html>")


def test_the_declared_charset_is_honoured() -> None:
    page = '<meta charset="iso-8859-1"><p>Café owners “agree”.</p>'.encode("cp1252")
    text, _ = read_web_page(page)
    assert text == "Café owners “agree”.\n"


def test_bytes_that_are_not_the_declared_charset_are_reported() -> None:
    page = '<meta charset="utf-8">\n<p>Café</p>'.encode("cp1252")
    with pytest.raises(ReadError, match=r"^not utf-8 text, the page's encoding") as caught:
        read_web_page(page)
    assert caught.value.line == 2


def test_binary_junk_is_reported() -> None:
    with pytest.raises(ReadError, match=r"^binary file"):
        read_web_page(b"\x89PNG\r\n\x1a\n\x00\x00\x00")


def test_stated_metadata_wins_over_the_text_heuristics() -> None:
    units = lines_to_units("Wrong title from the text here\n\n8 March 2025\n\nBody text.\n")
    stated = StatedMetadata(
        title="Right title", outlet="Herald", author="By Lea Vos, Staff", published="2025-03-07"
    )
    meta = extract_metadata(units, stated)
    assert (meta.title, meta.outlet, meta.author) == ("Right title", "Herald", "Lea Vos")
    assert (meta.published, meta.published_line) == (PartialDate(2025, 3, 7), None)


def test_a_written_stated_date_is_read_and_a_bad_one_falls_back_to_the_text() -> None:
    units = lines_to_units("A title for the story here\n\n8 March 2025\n\nBody text.\n")
    written = extract_metadata(units, StatedMetadata(published="March 7, 2025 at 6 pm"))
    assert written.published == PartialDate(2025, 3, 7)
    assert extract_metadata(units, StatedMetadata(published="2025-13-45")).published == (
        PartialDate(2025, 3, 8)
    )


def test_the_metadata_of_a_parsed_tree_can_be_read_alone() -> None:
    document = parse_page("<title>Only a title</title><p>x</p>")
    stated = stated_metadata(document, article_root(document))
    assert stated.title == "Only a title"


def test_the_article_widens_to_its_header_block_but_not_to_the_page() -> None:
    paragraph = "<p>Paragraph {} of the report, long enough to count as text.</p>"
    body = "".join(paragraph.format(n) for n in "123")
    page = f"""<body><div class="topbar">Tuesday, 23 September 2025</div>
    <div class="page"><div class="head"><h1>Port reopens</h1>
      <div class="article-byline">By Ana Lima</div><div>17 Sep 2025 18.30</div></div>
    <div class="content">{body}</div></div></body>"""
    text = read_page(page).text
    assert text.startswith("Port reopens\n\nBy Ana Lima\n\n17 Sep 2025 18.30\n\nParagraph 1")
    assert "Tuesday" not in text


def test_a_posted_by_line_names_the_author() -> None:
    units = lines_to_units("A blog post about the port\n\nPosted by Mira Castell on 23 May\n\nA.\n")
    assert extract_metadata(units).author == "Mira Castell"


def test_a_tag_left_open_at_the_end_is_text() -> None:
    assert read_page("<p>Fine.</p>\n<p>Then <a <b").text == "Fine.\n\nThen <a <b\n"


def test_thousands_of_unclosed_tags_parse_in_one_pass() -> None:
    """Python's parser rescans the page for each '<' it cannot close: this took minutes."""
    junk = "<a " * 300_000
    assert read_page(f"<p>Article text.</p>{junk}").text.startswith("Article text.\n\n<a <a ")


def test_stray_and_self_closed_end_tags_close_nothing_else() -> None:
    assert read_page("<div><p>One.</span></li><div/>Two.</p></div>").text == "One.\n\nTwo.\n"
    deep = "<div>" * 300 + "<p>Deep <div/>in.</p><p>Still deep.</p>"
    assert read_page(deep).text == "Deep\n\nin.\n\nStill deep.\n"


def test_two_line_breaks_end_a_paragraph() -> None:
    page = "<div>First paragraph.<br><br>\nSecond, <br>with a line break.</div>"
    assert read_page(page).text == "First paragraph.\n\nSecond,\nwith a line break.\n"


def test_the_site_is_the_title_after_the_headline_and_is_nobody_s_byline() -> None:
    page = """<head><title>Port reopens – The Harbour Herald</title>
    <meta name="author" content="Harbour Herald"></head>
    <body><h1>Port reopens</h1><p>The port reopened.</p></body>"""
    stated = read_page(page).stated
    assert (stated.title, stated.outlet, stated.author) == (
        "Port reopens",
        "The Harbour Herald",
        None,
    )


def test_a_page_saved_before_its_scripts_ran_is_read_from_its_json_ld() -> None:
    page = """<head><script type="application/ld+json">{"@type": "WebPage", "mainEntity":
    {"@type": "NewsArticle", "headline": "Dam opens", "dateCreated": "2025-05-02",
     "articleBody": "The dam opened on Friday.\\nIts gates rose at noon, they said."}}
    </script></head><body><div id="app"><h1>Dam opens</h1></div></body>"""
    assert read_page(page).text == (
        "Dam opens\n\nThe dam opened on Friday.\n\nIts gates rose at noon, they said.\n"
    )
    assert read_page(page).stated.published == "2025-05-02"


def test_soft_hyphens_and_zero_width_spaces_do_not_split_words() -> None:
    assert read_page("<p>Jonas Brek\u00adke met Ruth\u200b Okafor.</p>").text == (
        "Jonas Brekke met Ruth Okafor.\n"
    )


def _web_archive(page: str, charset: str | None) -> bytes:
    """A page as Chrome saves it to one file: MIME parts, the HTML quoted-printable."""
    label = f"; charset={charset}" if charset else ""
    return b"\n".join(
        [
            b"From: <Saved by Blink>",
            b"MIME-Version: 1.0",
            b'Content-Type: multipart/related; type="text/html"; boundary="--B"',
            b"",
            b"----B",
            f"Content-Type: text/html{label}".encode("ascii"),
            b"Content-Transfer-Encoding: quoted-printable",
            b"",
            quopri.encodestring(page.encode(charset or "utf-8")),
            b"----B",
            b"Content-Type: text/css",
            b"",
            b"p { color: red }",
            b"----B--",
        ]
    )


@pytest.mark.parametrize("charset", [None, "windows-1252"])
def test_a_page_saved_as_one_file_is_read(charset: str | None) -> None:
    page = "<html><head><title>Café reopens</title></head><body><p>The café reopened.</p></body>"
    text, stated = read_web_archive(_web_archive(page, charset))
    assert (text, stated and stated.title) == ("The café reopened.\n", "Café reopens")


def test_an_archive_without_a_page_is_reported() -> None:
    with pytest.raises(ReadError, match=r"^no web page in the archive"):
        read_web_archive(b"From: someone\nContent-Type: text/plain\n\nHello\n")


def test_times_and_table_cells_do_not_run_into_each_other() -> None:
    page = "<p>Posted <time>April 2, 2025</time><time>April 3, 2025</time></p>"
    table = "<table><tr><th>Phone</th><td>0800 555</td></tr></table>"
    assert read_page(page + table).text == "Posted April 2, 2025 April 3, 2025\n\nPhone 0800 555\n"


def test_paragraphs_wrapped_one_per_block_add_up_and_a_logo_h1_is_not_the_headline() -> None:
    block = (
        '<div class="text-block"><p>Paragraph {} of the story, long enough to be text.</p></div>'
    )
    page = f"""<body><div class="masthead"><h1>Harbour Herald</h1></div>
    <div class="story"><h1>Port reopens</h1>{"".join(block.format(n) for n in "1234")}</div>
    <div class="teaser"><p>A longer teaser paragraph for another story on the site.</p></div>
    </body>"""
    result = read_page(page)
    assert result.text.startswith("Port reopens\n\nParagraph 1 of the story")
    assert "teaser" not in result.text
    assert result.stated.title == "Port reopens"


def test_an_article_without_paragraph_tags_is_still_the_article() -> None:
    page = """<body><div class="top">Home World Sport</div>
    <article><h1>Port reopens</h1><div>The port reopened on Monday.</div></article></body>"""
    assert read_page(page).text == "Port reopens\n\nThe port reopened on Monday.\n"


def test_a_masthead_or_logo_before_the_article_names_the_site_when_nothing_else_does() -> None:
    masthead = (
        b"<html><head><title>Dock deal</title></head><body>"
        b"<div class='masthead'>THE HARBOUR LETTER &middot; a weekly letter on the port</div>"
        b"<article><h1>How the dock deal was done</h1><p>The council passed it on Monday.</p>"
        b"</article><div class='logo'>Partner Site</div></body></html>"
    )
    assert read_web_page(masthead)[1] == StatedMetadata(
        title="How the dock deal was done", outlet="The Harbour Letter"
    )
    logo = (
        b"<html><body><header><a class='logo' href='/'><img src='l.svg' alt='The Valley Courier'>"
        b"</a></header><article><h1>Rescuers reach the trapped miners at last</h1>"
        b"<p>Rescuers reached the miners on Wednesday.</p></article></body></html>"
    )
    assert read_web_page(logo)[1].outlet == "The Valley Courier"
    named = logo.replace(b"<html>", b"<html><head><meta property='og:site_name' content='VC'>")
    assert read_web_page(named)[1].outlet == "VC"
