"""Incremental rebuilds: what a change re-renders, and that the result equals a full build."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.config import Config, Project
from generator.frontmatter import render
from generator.incremental import (
    ChangeSet,
    Outcome,
    Site,
    content_key,
    templates_using,
)
from generator.load_content import load_site
from generator.watch import classify
from generator.write_site import build_site

EVENTS: dict[str, dict[str, Any]] = {
    "first-call": {
        "title": "First call",
        "date": "2021-12-07",
        "actors": ["joe-biden", "vladimir-putin"],
        "sources": ["reuters-1"],
    },
    "second-call": {
        "title": "Second call",
        "date": "2021-12-30",
        "status": "scheduled",
        "actors": ["joe-biden"],
        "sources": ["reuters-1"],
    },
    "talks": {"title": "Geneva talks", "date": "2022-01-10", "actors": ["vladimir-putin"]},
}
ACTORS = {
    "joe-biden": {"name": "Joe Biden", "kind": "person"},
    "vladimir-putin": {"name": "Vladimir Putin", "kind": "person"},
}
SOURCES = {"reuters-1": {"title": "Biden, Putin to talk", "outlet": "Reuters"}}


def write_item(root: Path, folder: str, item_id: str, meta: dict[str, Any], body: str = "") -> str:
    relative = f"content/{folder}/{item_id}.md"
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(meta, body), encoding="utf-8")
    return relative


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    root.mkdir()
    (root / "briefing.yaml").write_text("title: Test briefing\n", encoding="utf-8")
    for item_id, meta in EVENTS.items():
        write_item(root, "events", item_id, meta, f"About {item_id} [@reuters-1].\n")
    for item_id, meta in ACTORS.items():
        write_item(root, "actors", item_id, meta)
    for item_id, meta in SOURCES.items():
        write_item(root, "sources", item_id, meta, "Article text.\n")
    return Project(root)


@pytest.fixture
def site(project: Project, tmp_path: Path) -> Site:
    built = Site(project, tmp_path / "out")
    outcome = built.full_build()
    assert not outcome.failed, outcome.diagnostics
    return built


def apply(site: Site, *paths: str) -> list[Outcome]:
    return list(site.apply(classify(paths, site.theme_name)))


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_same_as_full_build(site: Site, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    assert build_site(site.project, fresh) == []
    assert files(site.out) == files(fresh)


# -- pure functions ------------------------------------------------------------------------


def test_templates_using_follows_extends_and_includes_transitively() -> None:
    references = {
        "base.html": {"macros.html"},
        "event.html": {"base.html"},
        "home.html": {"base.html", "list.html"},
        "list.html": set(),
        "404.html": set(),
    }
    assert templates_using(references, {"macros.html"}) == {
        "macros.html",
        "base.html",
        "event.html",
        "home.html",
    }
    assert templates_using(references, {"list.html"}) == {"list.html", "home.html"}
    assert templates_using(references, set()) == set()


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("content/events/x.md", "event:x"),
        ("content/actors/2021/joe-biden.md", "actor:joe-biden"),
        ("content/sources/s.md", "source:s"),
        ("content/drafts/x.md", None),
        ("content/events/x.txt", None),
        ("seeds/x.md", None),
    ],
)
def test_content_key(path: str, key: str | None) -> None:
    assert content_key(path) == key


def test_outcome_summary() -> None:
    done = Outcome("content/events/a.md", ("events/a/index.html",), seconds=0.012, rendered=3)
    assert done.summary() == (
        "rebuilt (content/events/a.md): 1 file(s) written, 3 page(s) rendered, 12 ms"
    )


# -- a site in memory ----------------------------------------------------------------------


def test_a_title_edit_writes_its_own_page_first_then_the_pages_showing_it(
    site: Site, project: Project, tmp_path: Path
) -> None:
    meta = {**EVENTS["first-call"], "title": "First phone call"}
    changed = write_item(project.root, "events", "first-call", meta, "About it [@reuters-1].\n")
    own, dependents = apply(site, changed)
    assert own.written == ("events/first-call/index.html",)
    assert b"First phone call" in (site.out / "events/first-call/index.html").read_bytes()
    assert set(dependents.written) >= {
        "index.html",
        "timeline/index.html",
        "actors/joe-biden/index.html",
        "actors/vladimir-putin/index.html",
        "sources/reuters-1/index.html",
        "events/second-call/index.html",
        "feed.xml",
    }
    assert "events/talks/index.html" not in dependents.written
    assert "events/first-call/index.html" not in dependents.written
    assert_same_as_full_build(site, tmp_path)


def test_an_unchanged_save_writes_nothing(site: Site, project: Project) -> None:
    path = project.root / "content/events/talks.md"
    path.write_bytes(path.read_bytes())
    assert [o.written for o in apply(site, "content/events/talks.md")] == [()]


@pytest.mark.parametrize(
    "edit",
    [
        "move-date",
        "change-actors",
        "add-event",
        "remove-event",
        "rename-actor",
        "remove-source",
        "duplicate-id",
        "redate-within-year",
        "add-actor",
        "add-source",
        "retitle-source",
        "date-source",
        "add-dated-source",
        "retitle-and-template",
    ],
)
@pytest.mark.parametrize("split", ["one-timeline", "year-pages", "month-pages"])
def test_incremental_result_equals_a_full_build(
    edit: str, split: str, project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if split != "one-timeline":
        monkeypatch.setattr("generator.render.pages.TIMELINE_SPLIT", 2)
        monkeypatch.setattr("generator.render.pages.SOURCES_SPLIT", 0)
    if split == "month-pages":
        monkeypatch.setattr("generator.render.pages.MONTH_SPLIT", 1)
    site = Site(project, tmp_path / "out")
    assert not site.full_build().failed
    root = project.root
    edits: dict[str, Callable[[], str | tuple[str, ...]]] = {
        "move-date": lambda: write_item(
            root, "events", "talks", {**EVENTS["talks"], "date": "2021-12-01"}
        ),
        "change-actors": lambda: write_item(
            root, "events", "talks", {**EVENTS["talks"], "actors": ["joe-biden"]}
        ),
        "add-event": lambda: write_item(
            root, "events", "sanctions", {"title": "Sanctions", "date": "2022-02"}
        ),
        "remove-event": lambda: _remove(root, "content/events/second-call.md"),
        "rename-actor": lambda: write_item(
            root, "actors", "joe-biden", {"name": "President Biden", "kind": "person"}
        ),
        "remove-source": lambda: _remove_source(root),
        "duplicate-id": lambda: write_item(root, "events/2022", "talks", {"title": "T"}),
        "redate-within-year": lambda: write_item(
            root, "events", "second-call", {**EVENTS["second-call"], "date": "2021-12-01"}
        ),
        "add-actor": lambda: write_item(
            root, "actors", "nato", {"name": "NATO", "kind": "organization"}
        ),
        "add-source": lambda: write_item(root, "sources", "ap-1", {"title": "AP story"}),
        "retitle-source": lambda: write_item(root, "sources", "reuters-1", {"title": "Retitled"}),
        "date-source": lambda: write_item(
            root, "sources", "reuters-1", {**SOURCES["reuters-1"], "published": "2021-12-06"}
        ),
        "add-dated-source": lambda: write_item(
            root, "sources", "2021", {"title": "AP story", "published": "2020-05"}
        ),
        "retitle-and-template": lambda: _retitle_and_edit_template(root),
    }
    changed = edits[edit]()
    paths = changed if isinstance(changed, tuple) else (changed,)
    outcomes = apply(site, *paths)
    if edit == "duplicate-id":
        assert outcomes[-1].failed
        assert "duplicate event id `talks`" in str(outcomes[-1].diagnostics)
        _remove(root, paths[0])
        outcomes = apply(site, *paths)
    assert not outcomes[-1].failed, outcomes[-1].diagnostics
    assert_same_as_full_build(site, tmp_path)


def _remove(root: Path, relative: str) -> str:
    (root / relative).unlink()
    return relative


def _retitle_and_edit_template(root: Path) -> tuple[str, ...]:
    theme = root / "themes" / "default"
    theme.mkdir(parents=True)
    (theme / "actor.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>{{ page.actor.name }}</h1>'
        "{% for e in page.events %}<p>{{ e.title }}</p>{% endfor %}{% endblock %}\n"
    )
    meta = {**EVENTS["talks"], "title": "Talks in Geneva"}
    return (write_item(root, "events", "talks", meta), "themes/default/actor.html")


def _remove_source(root: Path) -> tuple[str, ...]:
    changed = [_remove(root, "content/sources/reuters-1.md")]
    for item_id, meta in EVENTS.items():
        stripped = {k: v for k, v in meta.items() if k != "sources"}
        changed.append(write_item(root, "events", item_id, stripped, "No citation.\n"))
    return tuple(changed)


def test_broken_front_matter_keeps_the_last_good_site_until_fixed(
    site: Site, project: Project, tmp_path: Path
) -> None:
    before = files(site.out)
    path = project.root / "content/events/talks.md"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    (failed,) = apply(site, "content/events/talks.md")
    assert failed.failed
    assert list(failed.diagnostics) == load_site(project).diagnostics
    assert str(failed.diagnostics[0]).startswith("content/events/talks.md:3: ")
    assert "failed" in failed.summary()
    assert files(site.out) == before

    other = {**EVENTS["first-call"], "title": "Edited while broken"}
    changed = write_item(project.root, "events", "first-call", other, "About [@reuters-1].\n")
    assert apply(site, changed)[-1].failed
    assert files(site.out) == before

    path.write_text(good, encoding="utf-8")
    outcomes = apply(site, "content/events/talks.md")
    assert not outcomes[-1].failed
    assert b"Edited while broken" in (site.out / "timeline/index.html").read_bytes()
    assert_same_as_full_build(site, tmp_path)


def test_a_file_that_vanished_before_it_was_read_is_a_removal(site: Site, tmp_path: Path) -> None:
    outcomes = apply(site, "content/events/never-existed.md")
    assert outcomes == [] or all(not o.failed for o in outcomes)
    assert_same_as_full_build(site, tmp_path)


def test_a_template_edit_rerenders_the_pages_that_use_it(
    site: Site, project: Project, tmp_path: Path
) -> None:
    theme = project.themes / "default"
    theme.mkdir(parents=True)
    builtin = Path(__file__).resolve().parent.parent / "generator/themes/default"
    original = (builtin / "actor.html").read_text(encoding="utf-8")
    assert "{% block main %}" in original
    template = theme / "actor.html"
    template.write_text(original, encoding="utf-8")
    apply(site, "themes/default/")
    edited = original.replace("{% block main %}", "{% block main %}<!-- edited -->")
    template.write_text(edited, encoding="utf-8")
    (outcome,) = apply(site, "themes/default/actor.html")
    assert set(outcome.written) == {
        "actors/joe-biden/index.html",
        "actors/vladimir-putin/index.html",
    }
    assert outcome.rendered == 2
    assert_same_as_full_build(site, tmp_path)


def test_a_template_error_is_reported_with_its_line_and_nothing_written(
    site: Site, project: Project
) -> None:
    theme = project.themes / "default"
    theme.mkdir(parents=True)
    apply(site, "themes/default/")
    before = files(site.out)
    (theme / "event.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ page.nope }\n'
    )
    (outcome,) = apply(site, "themes/default/event.html")
    assert outcome.failed
    assert str(outcome.diagnostics[-1]).startswith("themes/default/event.html:3: ")
    assert files(site.out) == before


def test_a_stylesheet_edit_copies_only_the_stylesheet(site: Site, project: Project) -> None:
    static = project.themes / "default/static"
    static.mkdir(parents=True)
    apply(site, "themes/default/")
    (static / "style.css").write_text("body { color: red }\n")
    (outcome,) = apply(site, "themes/default/static/style.css")
    assert outcome.written == ("static/style.css",)
    assert (site.out / "static/style.css").read_text() == "body { color: red }\n"


def test_config_change_is_a_full_build(site: Site, project: Project) -> None:
    project.config_path.write_text("title: Renamed\n")
    (outcome,) = apply(site, "briefing.yaml")
    assert outcome.full
    assert b"Renamed" in (site.out / "index.html").read_bytes()


def test_new_seeds_are_handed_to_ingest(site: Site, project: Project) -> None:
    seeds = project.seeds
    seeds.mkdir()
    (seeds / "005_new.txt").write_text("An article.\n")
    received: list[list[Path]] = []

    def ingest(paths: list[Path]) -> list:  # type: ignore[type-arg]
        received.append(paths)
        return []

    change = ChangeSet(seeds=frozenset({"seeds/005_new.txt", "seeds/gone.txt"}))
    (outcome,) = site.apply(change, ingest)
    assert received == [[seeds / "005_new.txt"]]
    assert not outcome.failed


def test_theme_name_comes_from_the_config(project: Project, tmp_path: Path) -> None:
    project.config_path.write_text("title: T\ntheme: mine\n")
    assert Site(project, tmp_path / "out").theme_name == "mine"
    assert Config().theme == "default"


@pytest.mark.parametrize(
    ("folder", "item_id", "meta", "own"),
    [
        ("actors", "joe-biden", {"name": "President Biden", "kind": "person"}, "actors/joe-biden"),
        ("sources", "reuters-1", {"title": "Retitled", "outlet": "AP"}, "sources/reuters-1"),
        ("events", "talks", {**EVENTS["talks"], "summary": "New."}, "events/talks"),
    ],
)
def test_the_own_page_planned_from_its_neighbourhood_is_the_final_page(
    folder: str, item_id: str, meta: dict[str, Any], own: str, site: Site, project: Project
) -> None:
    first, dependents = apply(site, write_item(project.root, folder, item_id, meta, "Text.\n"))
    assert first.written == (f"{own}/index.html",)
    assert f"{own}/index.html" not in dependents.written


def test_removing_a_referenced_actor_reports_the_events_until_it_is_back(
    site: Site, project: Project, tmp_path: Path
) -> None:
    actor = project.root / "content/actors/vladimir-putin.md"
    text = actor.read_text(encoding="utf-8")
    actor.unlink()
    (failed,) = apply(site, "content/actors/vladimir-putin.md")
    assert list(failed.diagnostics) == load_site(project).diagnostics
    assert {d.path for d in failed.diagnostics} == {
        "content/events/first-call.md",
        "content/events/talks.md",
    }
    actor.write_text(text, encoding="utf-8")
    assert not apply(site, "content/actors/vladimir-putin.md")[-1].failed
    assert_same_as_full_build(site, tmp_path)


def test_dependents_wait_while_newer_changes_are_pending(
    site: Site, project: Project, tmp_path: Path
) -> None:
    meta = {**EVENTS["talks"], "title": "Talks in Geneva"}
    changed = write_item(project.root, "events", "talks", meta)
    own, deferred = site.apply(classify([changed], site.theme_name), busy=lambda: True)
    assert own.written == ("events/talks/index.html",)
    assert deferred.deferred and deferred.written == ()
    assert b"Talks in Geneva" not in (site.out / "timeline/index.html").read_bytes()
    (done,) = site.apply(classify(["content/events/.talks.md.swp"], site.theme_name))
    assert not done.deferred
    assert "timeline/index.html" in done.written
    assert_same_as_full_build(site, tmp_path)


def test_a_long_rerender_stops_between_chunks_when_changes_wait(
    site: Site, project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("generator.incremental.RENDER_CHUNK", 2)
    project.config_path.write_text("title: Test briefing\n")
    write_item(project.root, "events", "new", {"title": "New", "date": "2022"})
    answers = iter([False, True])
    outcomes = list(
        site.apply(classify(["content/events/new.md"], site.theme_name), busy=lambda: next(answers))
    )
    assert outcomes[-1].deferred and outcomes[-1].rendered == 2
    (rest,) = site.apply(classify([], site.theme_name))
    assert not rest.deferred
    assert_same_as_full_build(site, tmp_path)


def test_a_prose_edit_citing_the_same_sources_rewrites_only_the_event_page(
    site: Site, project: Project, tmp_path: Path
) -> None:
    body = "About talks, rewritten [@reuters-1].\n\nA second paragraph.\n"
    (only,) = apply(site, write_item(project.root, "events", "talks", EVENTS["talks"], body))
    assert only.written == ("events/talks/index.html",)
    assert_same_as_full_build(site, tmp_path)


def test_a_prose_edit_citing_other_sources_also_rewrites_the_pages_listing_them(
    site: Site, project: Project, tmp_path: Path
) -> None:
    changed = write_item(project.root, "events", "talks", EVENTS["talks"], "No citation.\n")
    own, dependents = apply(site, changed)
    assert own.written == ("events/talks/index.html",)
    assert "sources/reuters-1/index.html" in dependents.written
    assert_same_as_full_build(site, tmp_path)
