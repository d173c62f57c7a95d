"""The raw-article generator: deterministic, shaped like real seeds, sharing happenings."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from bench import gen_articles


def generate(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / name
    assert gen_articles.main(["--out", str(out), *args]) == 0
    return out


def texts(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.txt"))}


def test_same_seed_gives_byte_identical_articles(tmp_path: Path) -> None:
    first = generate(tmp_path, "a", "--articles", "60", "--seed", "7")
    second = generate(tmp_path, "b", "--articles", "60", "--seed", "7")
    assert texts(first) == texts(second)
    assert len(texts(first)) == 60


def test_another_seed_gives_other_articles(tmp_path: Path) -> None:
    first = generate(tmp_path, "a", "--articles", "20", "--seed", "1")
    second = generate(tmp_path, "b", "--articles", "20", "--seed", "2")
    assert texts(first) != texts(second)


def test_several_articles_report_the_same_happening(tmp_path: Path) -> None:
    truth = tmp_path / "truth.json"
    generate(tmp_path, "a", "--articles", "300", "--truth", str(truth))
    happenings = json.loads(truth.read_text())["happenings"]
    shared = [h for h in happenings if len(h["articles"]) >= 3]
    assert len(shared) >= 10
    assert sum(len(h["articles"]) for h in happenings) == 300


def test_articles_carry_quotes_relative_dates_acronyms_and_furniture(tmp_path: Path) -> None:
    corpus = "\n".join(
        t.decode() for t in texts(generate(tmp_path, "a", "--articles", "200")).values()
    )
    for expected in (
        "\u201c",
        " said",
        "on Thursday",
        "next month",
        "(CW) \u2014",
        "Back issues",
        "Something went wrong",
        "Photo: ",
        "By ",
    ):
        assert expected in corpus, expected
    assert any(f"({org.acronym})" in corpus for org in gen_articles.make_orgs(random.Random(1), 18))


def test_refuses_to_replace_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(SystemExit):
        gen_articles.main(["--articles", "1", "--out", str(tmp_path)])
    assert (tmp_path / "mine.txt").read_text() == "keep me"


@pytest.mark.parametrize(
    ("day", "allowed"),
    [
        (
            dt.date(2021, 12, 30),
            {"tomorrow", "on Thursday", "on Dec. 30", "on December 30", "on 30 December"},
        ),
        (
            dt.date(2021, 12, 28),
            {"yesterday", "on Tuesday", "on Dec. 28", "on December 28", "on 28 December"},
        ),
        (
            dt.date(2022, 1, 20),
            {"next month", "on Jan. 20, 2022", "on January 20, 2022", "on 20 January 2022"},
        ),
        (
            dt.date(2021, 12, 7),
            {"earlier this month", "on Dec. 7", "on December 7", "on 7 December"},
        ),
    ],
)
def test_relative_dates_are_phrased_from_the_publication_date(
    day: dt.date, allowed: set[str]
) -> None:
    published = dt.date(2021, 12, 29)  # a Wednesday
    phrases = {gen_articles.relative_date(day, published, random.Random(n)) for n in range(60)}
    assert phrases <= allowed
    assert len(phrases) > 1
