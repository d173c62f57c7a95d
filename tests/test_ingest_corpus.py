"""Score `briefing ingest` on every story in tests/ingest_corpus/ against its gold file.

Each story folder holds raw articles in seeds/ and what a careful reader takes
from them in gold.yaml. Two kinds of test run per story:

- the gold file is honest and self-consistent (quotes, titles and traps occur in
  the articles, references resolve, content written straight from the gold
  scores full marks), which needs no ingest at all;
- `briefing ingest` run on the seeds reaches a floor on the scorer's figures.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.read_seeds import read_web_page

CORPUS = Path(__file__).parent / "ingest_corpus"
EXAMPLES = "biden-putin-2021"
DATE_FORMS = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
FULL_MARKS = (
    "events_precision",
    "events_recall",
    "citation_recall",
    "citation_precision",
    "event_actor_recall",
    "actors_precision",
    "actors_recall",
    "alias_recall",
    "actor_kind_accuracy",
    "source_title_accuracy",
    "source_outlet_accuracy",
    "source_published_accuracy",
    "source_author_accuracy",
    "quote_recall",
    "quote_attribution",
)


@dataclass(frozen=True)
class Floor:
    """Lowest acceptable scorer figures, and the most trap hits allowed."""

    minimums: dict[str, float]
    max_traps: dict[str, int] = field(default_factory=lambda: {"published_trap_hits": 0})


HIDDEN_STYLE_FLOOR = Floor(
    minimums={
        "events_f1": 0.5,
        "actors_f1": 0.5,
        "source_published_accuracy": 0.75,
        "quote_recall": 0.5,
    }
)
EXAMPLES_FLOOR = Floor(
    minimums={
        "events_f1": 0.85,
        "citation_recall": 0.85,
        "actors_f1": 0.85,
        "alias_recall": 0.8,
        "source_published_accuracy": 1.0,
        "quote_recall": 0.85,
        "quote_attribution": 0.85,
    },
    max_traps={"published_trap_hits": 0, "not_actor_hits": 0},
)


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ingest_corpus_score", CORPUS / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = _load_scorer()
STORIES = sorted(p.parent.name for p in CORPUS.glob("*/gold.yaml"))


def _gold(story: str) -> dict[str, Any]:
    gold: dict[str, Any] = yaml.safe_load((CORPUS / story / "gold.yaml").read_text("utf-8"))
    return gold


def _seed_texts(story: str) -> dict[str, str]:
    """Each seed's article text: a web page's as ingest reads it, without its markup."""
    seeds = CORPUS / story / "seeds"
    return {p.name: _article_text(p) for p in sorted(seeds.iterdir()) if p.is_file()}


def _article_text(path: Path) -> str:
    if path.suffix in (".html", ".htm"):
        return read_web_page(path.read_bytes())[0]
    return path.read_text("utf-8")


def _occurs(fragment: str, text: str) -> bool:
    return SCORER.norm_text(fragment) in SCORER.norm_text(text)


def _reached(events_f1: float, citation_recall: float, quote_attribution: float = 0.95) -> Floor:
    """A story's floor just under what ingest reaches on it (issue 3), so a loss shows."""
    return Floor(
        minimums={
            "events_f1": events_f1,
            "citation_recall": citation_recall,
            "actors_f1": 0.9,
            "source_published_accuracy": 1.0,
            "quote_recall": 0.85,
            "quote_attribution": quote_attribution,
        }
    )


STORY_FLOORS = {
    EXAMPLES: Floor(
        minimums={**EXAMPLES_FLOOR.minimums, "events_f1": 0.9, "citation_recall": 0.86},
        max_traps=EXAMPLES_FLOOR.max_traps,
    ),
    "eu-gas-price-cap-summit": _reached(0.97, 0.97),
    "norvik-celerant-merger": _reached(0.97, 0.94, quote_attribution=0.88),
    "santa-lucia-earthquake": _reached(0.9, 0.9),
    "tandara-election-dispute": _reached(0.97, 0.92),
    "arkas-doping-ban": _reached(0.93, 0.93),
    "varga-port-bribery-trial": _reached(0.97, 0.97),
    "skyhaven-pilots-strike": _reached(0.97, 0.97),
    # Session 2 stand-ins, written before ingest ran on them. First run: events F1
    # 0.588 / 0.513 / 0.511, actors F1 0.889 / 0.814 / 0.8, citations 1.0 / 0.833 / 1.0,
    # published 0.75 / 1.0 / 0.667, quotes 0.571/0.75, 1.0/0.833, 0.833/1.0. After the
    # general fixes they led to: events F1 0.909 / 0.741 / 0.889, actors 1.0, quotes 1.0/1.0.
    # The transcript's 'aired 08/13/2025' line is now read as its date, and a happening two
    # days off another is no disputed reading of it (quality2): events F1 1.0.
    "marrow-creek-wildfire": _reached(0.97, 0.97),
    # quality2: its inflation figure 'in January' is no event, '26/02' dates the data's
    # release and the wire's 'published last week' joins that day (events F1 0.741 -> 0.933,
    # citations 0.933 -> 0.944).
    "veloria-rate-rise": _reached(0.9, 0.92),
    "nestwatch-monitor-recall": _reached(0.97, 0.97),
    # Written after the first round of those fixes, to test them: first run events F1
    # 0.727, actors F1 0.667, citations 0.875, quotes 1.0/1.0; then 0.933, 1.0, 0.9.
    "wrona-transfer-saga": _reached(0.97, 0.87),
    # Written after two rounds of fixes, as a last check. First run: events F1 0.769,
    # actors F1 0.626, citations 0.7, published 0.667, quotes 1.0/0.4; then actors 0.963,
    # quotes 1.0/1.0; the newsletter's '— Posted on 31/10/2025 by ...' line is now read
    # (published 1.0), and 'a verdict is expected on October 30' joins the verdict told that
    # day (events F1 0.909, citations 0.9).
    "holt-fraud-trial": Floor(minimums={**_reached(0.88, 0.88).minimums, "actors_f1": 0.97}),
    # Saved web pages (.html), written before ingest ran on them. First run: events F1
    # 0.824, actors F1 0.667, citations 1.0, published 1.0, authors 0.75, quotes 1.0/1.0.
    "halvard-museum-theft": Floor(
        minimums={
            **_reached(0.9, 0.97).minimums,
            "source_author_accuracy": 1.0,
            "source_title_accuracy": 1.0,
        }
    ),
    # Session 2, helper quality2: written before ingest ran on them. First run: events
    # F1 0.571 / 0.649, actors F1 1.0 / 0.909, citations 0.75 / 0.667, published
    # 0.75 / 0.5, outlets 0.75 / 0.5, titles 1.0 / 0.5, quotes 1.0/1.0 both.
    # After the general fixes (releases' issuers, dashed 'posted ... by' lines, mastheads,
    # contract ends and monthly figures as non-events, 'aired 06/11/2025' settled by the
    # siblings' dates): events F1 0.909 / 0.909, citations 0.9 / 0.875, published 1.0 / 1.0.
    # The minister's visit on 6 November still joins the inquiry opened on the 7th.
    "tallow-gap-mine-rescue": Floor(minimums={**_reached(0.88, 0.87).minimums, "actors_f1": 0.95}),
    "port-aldridge-budget-fight": _reached(0.88, 0.85),
    # Written after those fixes and before ingest ran on it, as a check that they generalise.
    # First run: events F1 0.941, actors F1 0.854, citations 1.0, published 1.0, quotes
    # 1.0/1.0 (misses: a podcast's question headline, 'Vol. 3, No. 14' as outlet, 'the
    # Authority' apart, complaints 'rose 18% in 2025', ShadeNet unread); then 1.0 and 1.0.
    "lumora-data-breach": Floor(minimums={**_reached(0.97, 0.97).minimums, "actors_f1": 0.97}),
}


def _floor(story: str) -> Floor:
    return STORY_FLOORS.get(story, HIDDEN_STYLE_FLOOR)


def test_corpus_has_the_examples_and_four_hidden_style_stories() -> None:
    assert set(STORY_FLOORS) <= set(STORIES)
    assert EXAMPLES in STORIES
    assert len(STORIES) >= 5


# ---------------------------------------------------------------- gold honesty


@pytest.mark.parametrize("story", STORIES)
def test_every_seed_has_gold_metadata_and_back(story: str) -> None:
    assert set(_gold(story)["seeds"]) == set(_seed_texts(story))


@pytest.mark.parametrize("story", STORIES)
def test_gold_titles_occur_in_their_articles(story: str) -> None:
    texts = _seed_texts(story)
    missing = [
        seed
        for seed, meta in _gold(story)["seeds"].items()
        if not _occurs(meta["title"], texts[seed])
    ]
    assert missing == []


@pytest.mark.parametrize("story", STORIES)
def test_wrong_dates_are_never_accepted_dates(story: str) -> None:
    for seed, meta in _gold(story)["seeds"].items():
        accepted = {str(d) for d in meta["published"] if d is not None}
        assert accepted.isdisjoint(str(d) for d in meta["wrong_dates"]), seed


@pytest.mark.parametrize("story", STORIES)
def test_events_cite_known_seeds_and_actors_with_valid_dates(story: str) -> None:
    gold = _gold(story)
    actor_names = {a["name"] for a in gold["actors"]}
    ids = [e["id"] for e in gold["events"]]
    assert len(ids) == len(set(ids))
    for event in gold["events"]:
        assert DATE_FORMS.fullmatch(str(event["date"])), event["id"]
        assert set(event["sources"]) <= set(gold["seeds"]), event["id"]
        assert set(event["actors"]) <= actor_names, event["id"]
        assert event["keywords"], event["id"]


@pytest.mark.parametrize("story", STORIES)
def test_every_actor_is_named_in_the_articles(story: str) -> None:
    gold = _gold(story)
    corpus = "\n".join(_seed_texts(story).values())
    unnamed = [
        a["name"]
        for a in gold["actors"]
        if not any(_occurs(n, corpus) for n in [a["name"], *a.get("aliases", [])])
    ]
    assert unnamed == []


@pytest.mark.parametrize("story", STORIES)
def test_quotes_occur_in_every_cited_article_and_speakers_are_actors(story: str) -> None:
    gold = _gold(story)
    texts = _seed_texts(story)
    actor_names = {a["name"] for a in gold["actors"]}
    for quote in gold["quotes"]:
        assert quote["speaker"] is None or quote["speaker"] in actor_names, quote["text"]
        for seed in quote["sources"]:
            assert _occurs(quote["text"], texts[seed]), (seed, quote["text"])


def _write_item(folder: Path, item_id: str, meta: dict[str, Any], body: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n" + body
    (folder / f"{item_id}.md").write_text(text, "utf-8")


def _content_from_gold(gold: dict[str, Any], content: Path) -> None:
    """Write content/ exactly as the gold describes it: what a perfect ingest would make."""
    actor_ids = {a["name"]: f"actor-{i}" for i, a in enumerate(gold["actors"])}
    source_ids = {seed: f"source-{i}" for i, seed in enumerate(gold["seeds"])}
    for seed, meta in gold["seeds"].items():
        published = meta["published"][0]
        _write_item(
            content / "sources",
            source_ids[seed],
            {
                "title": meta["title"],
                "outlet": meta["outlet"][0],
                "author": meta["author"][0],
                "published": None if published is None else str(published),
                "seed": f"seeds/{seed}",
            },
        )
    for actor in gold["actors"]:
        meta = {"name": actor["name"], "kind": actor["kind"], "aliases": actor["aliases"]}
        _write_item(content / "actors", actor_ids[actor["name"]], meta)
    quotes = [
        {
            "text": quote["text"],
            "speaker": actor_ids.get(quote["speaker"]),
            "source": source_ids[quote["sources"][0]],
        }
        for quote in gold["quotes"]
    ]
    first_event = gold["events"][0]["id"]
    for event in gold["events"]:
        meta = {
            "title": event["id"],
            "summary": " ".join(str(k) for k in event["keywords"]),
            "date": str(event["date"]),
            "actors": [actor_ids[name] for name in event["actors"]],
            "sources": [source_ids[seed] for seed in event["sources"]],
            "quotes": quotes if event["id"] == first_event else [],
        }
        _write_item(content / "events", event["id"], meta)


@pytest.mark.parametrize("story", STORIES)
def test_content_written_from_the_gold_scores_full_marks(story: str, tmp_path: Path) -> None:
    gold = _gold(story)
    _content_from_gold(gold, tmp_path)
    figures = SCORER.score(gold, tmp_path)["figures"]
    assert {key: figures[key] for key in FULL_MARKS} == dict.fromkeys(FULL_MARKS, 1.0)
    assert figures["published_trap_hits"] == figures["not_actor_hits"] == 0


# ---------------------------------------------------------------- ingest quality


def _ingest(story: str, workdir: Path) -> Path:
    root = workdir / "briefing"
    assert main(["new", str(root)]) == 0
    (root / "seeds").mkdir(exist_ok=True)
    for seed in sorted((CORPUS / story / "seeds").iterdir()):
        shutil.copy(seed, root / "seeds" / seed.name)
    assert main(["ingest", "--root", str(root)]) == 0
    return root / "content"


def _shortfalls(figures: dict[str, Any], floor: Floor) -> list[str]:
    low = [
        f"{key} {figures[key]} < {minimum}"
        for key, minimum in floor.minimums.items()
        if figures[key] < minimum
    ]
    traps = [
        f"{key} {figures[key]} > {most}"
        for key, most in floor.max_traps.items()
        if figures[key] > most
    ]
    return low + traps


@pytest.mark.parametrize("story", STORIES)
def test_ingest_reaches_the_floor(story: str, tmp_path: Path) -> None:
    content = _ingest(story, tmp_path)
    result = SCORER.score(_gold(story), content)
    shortfalls = _shortfalls(result["figures"], _floor(story))
    assert shortfalls == [], "\n".join([*shortfalls, "misses:", *result["misses"]])
