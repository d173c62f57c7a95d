"""Fuzz the article reader (seeds -> content text) and the content loader (content/ -> model).

Whatever the bytes, the reader and the loader return diagnostics, never raise, and
what ingest would write always parses back. BRIEFING_FUZZ_EXAMPLES raises the
number of examples for a long run (the figures in the hardening report come from one).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.commands.ingest import extract_all
from generator.config import Project
from generator.frontmatter import dump_yaml, parse
from generator.load_content import load_content
from generator.merge import merge
from generator.model import ID_PATTERN
from generator.read_seeds import read_seeds
from generator.write_content import plan

EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "60"))
GOOD_ARTICLE = (Path(__file__).resolve().parent / "hostile" / "good-seed.txt").read_text(
    encoding="utf-8"
)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SNIPPETS = st.sampled_from(
    [
        *GOOD_ARTICLE.splitlines(),
        "",
        "---",
        "title: !!python/object/apply:os.system [id]",
        "a: &a [x]",
        "Subscribe",
        "Loading...",
        "Oops! Something went wrong",
        "By JANE DOE, Associated Press",
        "Photo: Reuters",
        "December 30, 2021",
        "Thursday, Jan. 10",
        "The talks resume on Feb. 29, officials said on Thursday.",
        "earlier this month",
        '"I will not," Putin said.',
        "\u05e9\u05dc\u05d5\u05dd \u202eevil\u202c e\u0301\u0301",
        "[@fake] {{ 7*7 }} {% raw %} <script>alert(1)</script>",
        "../../etc/passwd CON NUL",
        "x" * 2000,
        "\ufeff",
        "\u2028",
    ]
)
ARTICLE_TEXT = st.lists(st.one_of(SNIPPETS, st.text(max_size=60)), min_size=1, max_size=25).flatmap(
    lambda lines: st.sampled_from(["\n", "\r\n", "\n\n"]).map(lambda sep: sep.join(lines))
)
ARTICLE_BYTES = st.one_of(
    ARTICLE_TEXT.map(lambda text: text.encode("utf-8", "surrogatepass")),
    ARTICLE_TEXT.map(lambda text: text.encode("utf-16")),
    st.binary(max_size=400),
)


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@FUZZ
@given(articles=st.lists(ARTICLE_BYTES, min_size=1, max_size=4))
def test_article_reader_never_raises_and_its_output_parses(
    tmp_path: Path, articles: list[bytes]
) -> None:
    root = fresh(tmp_path / "p")
    paths = []
    for i, data in enumerate(articles):
        path = root / "seeds" / f"{i}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    seeds, read_problems = read_seeds(paths, root)
    assert len(seeds) + len(read_problems) == len(articles)
    facts, extract_problems = extract_all(paths, root)
    for problem in [*read_problems, *extract_problems]:
        assert problem.path.startswith("seeds/") and "\n" not in problem.message
    if not facts:
        return
    for planned in plan(merge(facts)):
        folder, _, name = planned.path.rpartition("/")
        assert folder in ("content/events", "content/actors", "content/sources")
        assert ID_PATTERN.match(name.removesuffix(".md"))
        parse(planned.text, planned.path)


FIELDS = {
    "events": [
        "title",
        "date",
        "time",
        "timezone",
        "status",
        "summary",
        "actors",
        "sources",
        "quotes",
        "extra",
    ],
    "actors": ["name", "kind", "aliases", "roles", "extra"],
    "sources": ["title", "outlet", "author", "published", "published_inferred", "url", "seed"],
}
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.sampled_from(
        [
            "2021-12-30",
            "2021-12",
            "2021",
            "2021-02-30",
            "15:30",
            "25:99",
            "America/New_York",
            "Mars/Base",
            "occurred",
            "scheduled",
            "person",
            "place",
            "joe-biden",
            "reuters",
            "../x",
            "https://example.org",
            "javascript:alert(1)",
            "",
        ]
    ),
    st.text(max_size=20),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["text", "speaker", "source"]), inner, max_size=3),
    ),
    max_leaves=8,
)


def content_file(folder: str) -> st.SearchStrategy[bytes]:
    meta = st.dictionaries(st.sampled_from(FIELDS[folder]), VALUES, max_size=8)
    written = st.tuples(meta, ARTICLE_TEXT).map(
        lambda pair: f"---\n{dump_yaml(pair[0])}---\n{pair[1]}".encode()
    )
    return st.one_of(written, ARTICLE_BYTES)


NAMES = st.sampled_from(["a", "b", "joe-biden", "reuters", "Bad Name"])
CONTENT = st.lists(
    st.tuples(st.sampled_from(sorted(FIELDS)), NAMES), unique=True, max_size=6
).flatmap(lambda keys: st.fixed_dictionaries({key: content_file(key[0]) for key in keys}))


@FUZZ
@given(files=CONTENT)
def test_content_loader_never_raises_and_points_into_the_files(
    tmp_path: Path, files: dict[tuple[str, str], bytes]
) -> None:
    root = fresh(tmp_path / "p")
    written: dict[str, int] = {}
    for (folder, name), data in files.items():
        path = root / "content" / folder / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written[f"content/{folder}/{name}.md"] = data.count(b"\n") + 1
    loaded = load_content(Project(root))
    for diagnostic in loaded.diagnostics:
        assert diagnostic.path in written, diagnostic
        assert 0 <= diagnostic.line <= written[diagnostic.path], diagnostic
        assert "\n" not in diagnostic.message
    items: dict[str, Any] = {
        **loaded.briefing.events,
        **loaded.briefing.actors,
        **loaded.briefing.sources,
    }
    assert all(ID_PATTERN.match(item_id) for item_id in items)


def test_the_good_article_reads_without_problems(tmp_path: Path) -> None:
    """The fuzz above starts from this article; it must itself be fine."""
    path = fresh(tmp_path / "p" / "seeds") / "good.txt"
    path.write_text(GOOD_ARTICLE, encoding="utf-8")
    facts, problems = extract_all([path], tmp_path / "p")
    assert problems == []
    assert len(facts) == 1
