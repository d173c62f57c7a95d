"""`briefing new`, `check` and `build` end to end, with the exact message for each bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from project_factory import copy_fixture, make_project, snapshot
from site_checks import atom_entries, html_problems, ical_components

from generator.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(list(argv))
    return code, capsys.readouterr().err.splitlines()


def test_new_scaffolds_a_project_that_checks_and_builds_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "story"
    assert _run(capsys, "new", str(project)) == (0, [])
    assert (project / "briefing.yaml").is_file()
    assert all((project / d).is_dir() for d in ("content/events", "seeds", "themes/default"))
    assert _run(capsys, "check", "--root", str(project)) == (0, [])
    assert _run(capsys, "build", "--root", str(project)) == (0, [])
    assert (project / "site" / "index.html").is_file()
    assert html_problems(project / "site") == {}


def test_new_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert _run(capsys, "new", str(tmp_path)) == (
        1,
        [
            f"{tmp_path.as_posix()}:0: already exists and is not empty: "
            "choose a new folder for the project"
        ],
    )


def test_new_help_explains_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["new", "--help"])
    assert exit_info.value.code == 0
    assert "briefing.yaml, content/, seeds/ and themes/" in capsys.readouterr().out


BAD_INPUTS = {
    "bad-yaml": (
        {"content/events/e.md": "---\ntitle: E\ndate: 2021\nsummary: one: two\n---\n"},
        "content/events/e.md:4: invalid front matter: mapping values are not allowed here",
    ),
    "missing-field": (
        {"content/actors/x.md": "---\nkind: person\n---\n"},
        "content/actors/x.md:1: missing required field `name`: add `name: ...`",
    ),
    "malformed-date": (
        {"content/events/e.md": "---\ntitle: E\ndate: 2021-12-32\n---\n"},
        "content/events/e.md:3: `date` is not a valid date: day 32 is not in 2021-12",
    ),
    "unknown-actor": (
        {"content/events/e.md": "---\ntitle: E\ndate: 2021\nactors: [joe-biden, putin]\n---\n"},
        "content/events/e.md:4: unknown actor id `putin` in `actors`: "
        "add content/actors/putin.md or correct the id",
    ),
    "unknown-citation": (
        {"content/events/e.md": "---\ntitle: E\ndate: 2021\n---\nIntro.\n\nAs said [@tass].\n"},
        "content/events/e.md:7: unknown source id `tass` in citation [@tass]: "
        "add content/sources/tass.md or correct the id",
    ),
    "duplicate-id": (
        {"content/sources/2021/reuters.md": "---\ntitle: Again\n---\n"},
        "content/sources/2021/reuters.md:1: duplicate source id `reuters`: "
        "content/sources/reuters.md has the same file name; rename one",
    ),
    "not-utf8": (
        {"content/sources/s.md": b"---\ntitle: S\n---\n\nCaf\xe9 society.\n"},
        "content/sources/s.md:5: file is not UTF-8 text (byte 0xe9 cannot be decoded): "
        "save it as UTF-8",
    ),
}


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_reported_as_path_line_message_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, command: str
) -> None:
    files, message = BAD_INPUTS[case]
    make_project(tmp_path, files)
    assert _run(capsys, command, "--root", str(tmp_path)) == (1, [message])
    assert not (tmp_path / "site").exists()


def test_a_failed_build_leaves_the_previous_site_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project(tmp_path)
    assert _run(capsys, "build", "--root", str(tmp_path))[0] == 0
    before = snapshot(tmp_path / "site")
    make_project(tmp_path, {"content/events/second-call.md": "---\ntitle: [broken\n---\n"})
    assert _run(capsys, "build", "--root", str(tmp_path))[0] == 1
    assert snapshot(tmp_path / "site") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".briefing-cache",
        "briefing.yaml",
        "content",
        "site",
    ]


def test_a_theme_error_names_the_template_and_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = '{% extends "base.html" %}\n{% block main %}\n{{ page.nonsense }}\n{% endblock %}\n'
    make_project(tmp_path, {"themes/default/home.html": template})
    code, lines = _run(capsys, "build", "--root", str(tmp_path))
    assert code == 1
    assert lines == [
        "themes/default/home.html:3: 'generator.render.pages.HomeContext object' has no "
        "attribute 'nonsense' (rendering index.html)"
    ]
    assert not (tmp_path / "site").exists()


def test_a_project_theme_overrides_one_template_and_the_stylesheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project(
        tmp_path,
        {
            "briefing.yaml": "title: T\ntheme: mine\n",
            "themes/mine/404.html": "custom {{ site.title }}\n",
            "themes/mine/static/style.css": "body { color: red }\n",
        },
    )
    assert _run(capsys, "build", "--root", str(tmp_path)) == (0, [])
    site = tmp_path / "site"
    assert (site / "404.html").read_text(encoding="utf-8") == "custom T\n"
    assert (site / "static/style.css").read_text(encoding="utf-8") == "body { color: red }\n"
    assert "<main" in (site / "index.html").read_text(encoding="utf-8")


def test_an_unknown_theme_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, {"briefing.yaml": "theme: fancy\n"})
    assert _run(capsys, "check", "--root", str(tmp_path)) == (
        1,
        ["briefing.yaml:0: theme `fancy` not found: create themes/fancy/ or set `theme: default`"],
    )


def test_build_refuses_to_replace_the_project_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project(tmp_path)
    code, lines = _run(capsys, "build", "--root", str(tmp_path), "--out", str(tmp_path))
    assert code == 1
    assert lines[0].endswith(
        "refusing to build into this folder: it would replace the project "
        "or a repository; choose an output folder of its own, e.g. `--out site`"
    )
    assert (tmp_path / "content/events/second-call.md").is_file()


def test_two_builds_are_byte_identical_and_well_formed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture = str(copy_fixture("small", tmp_path / "project"))
    base = "--base-url=https://news.example/briefing/"
    assert _run(capsys, "build", "--root", fixture, "--out", str(tmp_path / "a"), base)[0] == 0
    assert _run(capsys, "build", "--root", fixture, "--out", str(tmp_path / "b"), base)[0] == 0
    first = snapshot(tmp_path / "a")
    assert first == snapshot(tmp_path / "b")
    assert html_problems(tmp_path / "a") == {}
    entries = atom_entries(first["feed.xml"])
    assert len(entries) == 5
    events = ical_components(first["calendar.ics"])
    assert sorted(e["UID"] for e in events) == [
        "geneva-talks@news.example",
        "nato-talks@news.example",
    ]
    assert b"<loc>https://news.example/briefing/events/second-call/</loc>" in first["sitemap.xml"]


def test_month_precision_never_shows_a_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_fixture("small", tmp_path / "project")
    assert _run(capsys, "build", "--root", str(project), "--out", str(tmp_path / "site"))[0] == 0
    page = (tmp_path / "site/events/troop-buildup/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2021-12">December 2021</time>' in page
    assert "1 December 2021" not in page


def test_a_large_briefing_gets_a_linked_timeline_page_per_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = {
        f"content/events/e{n}.md": f"---\ntitle: E{n}\ndate: {2019 + n % 3}-0{1 + n % 9}\n---\n"
        for n in range(501)
    }
    make_project(tmp_path, events)
    assert _run(capsys, "build", "--root", str(tmp_path)) == (0, [])
    site = tmp_path / "site"
    assert sorted(p.parent.name for p in (site / "timeline").glob("*/index.html")) == [
        "2019",
        "2020",
        "2021",
    ]
    assert html_problems(site) == {}
    year = (site / "timeline/2020/index.html").read_text(encoding="utf-8")
    assert '<a rel="prev" href="../../timeline/2019/index.html">← 2019</a>' in year
