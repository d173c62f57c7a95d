"""A story's text seeds, saved as web pages instead, score no lower than the text files.

The pages are made here from the corpus seeds: Markdown rendered to HTML,
plain-text blocks as paragraphs, each line of the seed a line of the page
(<br>), inside a page with a site header, a menu, related links and a footer
that ingest must leave out. The gold file is the story's
own, with the seed names changed to the pages' names.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt
from test_ingest_corpus import CORPUS, SCORER

from generator.cli import main

STORIES = ["skyhaven-pilots-strike", "varga-port-bribery-trial"]
COMPARED = (
    "events_f1",
    "citation_recall",
    "event_actor_recall",
    "actors_f1",
    "alias_recall",
    "source_title_accuracy",
    "source_outlet_accuracy",
    "source_published_accuracy",
    "source_author_accuracy",
    "quote_recall",
    "quote_attribution",
)
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><script>window.ads = [];</script></head>
<body><header><a href="/">Home</a><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav>
</header><main><article>
{article}
</article><aside class="related"><h2>More stories</h2><p>Another story, 1 January 2020.</p></aside>
</main><footer><p>Contact us · Privacy</p></footer></body></html>
"""


def _as_web_page(seed: Path) -> str:
    text = seed.read_text("utf-8")
    if seed.suffix == ".md":
        return PAGE.format(article=MarkdownIt("commonmark", {"breaks": True}).render(text))
    blocks = (block.strip().splitlines() for block in text.split("\n\n") if block.strip())
    paragraphs = ("<br>\n".join(html.escape(line) for line in lines) for lines in blocks)
    return PAGE.format(article="\n".join(f"<p>{p}</p>" for p in paragraphs))


def _page_name(seed: str) -> str:
    return Path(seed).with_suffix(".html").name


def _as_web_gold(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold with every seed file name changed to its page's name."""
    text = yaml.safe_dump(gold, allow_unicode=True, sort_keys=False)
    for seed in gold["seeds"]:
        text = text.replace(seed, _page_name(seed))
    web: dict[str, Any] = yaml.safe_load(text)
    return web


def _figures(seeds: dict[str, str], gold: dict[str, Any], workdir: Path) -> dict[str, Any]:
    root = workdir / "briefing"
    assert main(["new", str(root)]) == 0
    for name, text in seeds.items():
        (root / "seeds" / name).write_text(text, "utf-8")
    assert main(["ingest", "--root", str(root)]) == 0
    figures: dict[str, Any] = SCORER.score(gold, root / "content")["figures"]
    return figures


@pytest.mark.parametrize("story", STORIES)
def test_seeds_saved_as_web_pages_score_as_well_as_text(story: str, tmp_path: Path) -> None:
    gold = yaml.safe_load((CORPUS / story / "gold.yaml").read_text("utf-8"))
    seeds = sorted((CORPUS / story / "seeds").iterdir())
    text = _figures({s.name: s.read_text("utf-8") for s in seeds}, gold, tmp_path / "text")
    pages = {_page_name(s.name): _as_web_page(s) for s in seeds}
    web = _figures(pages, _as_web_gold(gold), tmp_path / "web")
    lower = {key: (web[key], text[key]) for key in COMPARED if web[key] < text[key]}
    assert lower == {}
    assert web["published_trap_hits"] == web["not_actor_hits"] == 0
