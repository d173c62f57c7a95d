"""The machine-readable outputs, compared with what ElementTree writes for the same values."""

from __future__ import annotations

from xml.etree import ElementTree

from hypothesis import given
from hypothesis import strategies as st

from generator.render.feeds import SITEMAP_NS, Sitemap, absolute


def _element_tree_sitemap(sitemap: Sitemap) -> bytes:
    """The sitemap as ElementTree builds it: the layout `Sitemap.render` writes directly."""
    ElementTree.register_namespace("", SITEMAP_NS)
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for path in sitemap.paths:
        url = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = absolute(sitemap.base_url, path)
    ElementTree.indent(urlset)
    body: bytes = ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True)
    return body + b"\n"


PATHS = st.lists(st.text(alphabet="ab/&<>\"'é x.", max_size=12), max_size=4).map(tuple)
BASE_URLS = st.sampled_from(["", "https://news.example/briefing/", "https://x.example?a=1&b=<2>"])


@given(base_url=BASE_URLS, paths=PATHS)
def test_the_sitemap_is_what_element_tree_writes(base_url: str, paths: tuple[str, ...]) -> None:
    sitemap = Sitemap(base_url, paths)
    assert sitemap.render() == _element_tree_sitemap(sitemap)


def test_the_sitemap_lists_each_page_once() -> None:
    rendered = Sitemap("https://news.example/", ("", "events/x/")).render().decode()
    assert rendered == (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        f'<urlset xmlns="{SITEMAP_NS}">\n'
        "  <url>\n    <loc>https://news.example/</loc>\n  </url>\n"
        "  <url>\n    <loc>https://news.example/events/x/</loc>\n  </url>\n"
        "</urlset>\n"
    )
