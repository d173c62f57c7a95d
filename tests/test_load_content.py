"""content/ -> Briefing: fields, precision, extra keys, and one exact message per broken file."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from project_factory import make_project

from generator import workers
from generator.config import Project
from generator.load_content import load_content, load_site, read_item
from generator.model import Kind, PartialDate, Precision, Status


def _messages(root: Path) -> list[str]:
    return [str(d) for d in load_site(Project(root)).diagnostics]


def test_a_valid_project_loads_every_item_with_its_fields(tmp_path: Path) -> None:
    loaded = load_content(Project(make_project(tmp_path)))
    assert loaded.diagnostics == []
    event = loaded.briefing.events["second-call"]
    assert event.title == "Second call"
    assert event.date == PartialDate(2021, 12, 30)
    assert event.status is Status.OCCURRED
    assert event.actors == ("joe-biden",)
    assert event.body == "They spoke [@reuters].\n"
    assert loaded.briefing.actors["joe-biden"].kind is Kind.PERSON
    assert loaded.briefing.sources["reuters"].published == PartialDate(2021, 12, 29)
    assert loaded.files["content/events/second-call.md"] == "event:second-call"
    assert loaded.origins["event:second-call"].line("actors") == 4


@pytest.mark.parametrize(
    ("written", "precision"),
    [("2021", Precision.YEAR), ("2021-12", Precision.MONTH), ("2021-12-30", Precision.DAY)],
)
def test_a_date_keeps_the_precision_it_was_written_with(
    tmp_path: Path, written: str, precision: Precision
) -> None:
    make_project(tmp_path, {"content/events/e.md": f"---\ntitle: E\ndate: {written}\n---\n"})
    event = load_content(Project(tmp_path)).briefing.events["e"]
    assert event.date.precision is precision
    assert str(event.date) == written


def test_unknown_keys_travel_in_extra(tmp_path: Path) -> None:
    text = "---\ntitle: E\ndate: 2021\nmood: tense\nweight: 3\n---\n"
    make_project(tmp_path, {"content/events/e.md": text})
    assert load_content(Project(tmp_path)).briefing.events["e"].extra == {
        "mood": "tense",
        "weight": 3,
    }


def test_quotes_disputes_and_notes_are_read(tmp_path: Path) -> None:
    text = """\
        ---
        title: E
        date: 2021-12-30
        status: scheduled
        time: "15:30"
        date_note: from 'Thursday'
        quotes:
          - text: We talked.
            speaker: joe-biden
            source: reuters
        disputed:
          date:
            - value: 2021-12-30
              sources: [reuters]
        ---
        """
    make_project(tmp_path, {"content/events/e.md": text})
    event = load_content(Project(tmp_path)).briefing.events["e"]
    assert event.status is Status.SCHEDULED
    assert event.time == "15:30"
    assert event.date_note == "from 'Thursday'"
    assert event.quotes[0].speaker == "joe-biden"
    assert event.disputed["date"][0].value == "2021-12-30"
    assert event.disputed["date"][0].sources == ("reuters",)


def test_a_broken_file_is_reported_and_skipped_while_the_rest_loads(tmp_path: Path) -> None:
    make_project(tmp_path, {"content/events/broken.md": "---\ntitle: [unclosed\n---\n"})
    loaded = load_content(Project(tmp_path))
    assert set(loaded.briefing.events) == {"second-call"}
    assert "event:broken" in loaded.broken
    assert len(loaded.diagnostics) == 1


def test_every_bad_field_of_one_file_is_reported(tmp_path: Path) -> None:
    text = "---\ndate: 2021-13\nstatus: maybe\ntime: 3pm\n---\n"
    make_project(tmp_path, {"content/events/e.md": text})
    assert _messages(tmp_path) == [
        "content/events/e.md:1: missing required field `title`: add `title: ...`",
        "content/events/e.md:2: `date` is not a valid date: month 13 is not between 1 and 12",
        "content/events/e.md:3: `status` must be one of occurred, scheduled, not 'maybe'",
        "content/events/e.md:4: `time` must be HH:MM (24-hour clock), not '3pm'",
    ]


@pytest.mark.parametrize(
    ("path", "data", "expected"),
    [
        (
            "content/events/e.md",
            "---\ntitle: E\ndate: 2021-12-30\nsummary: one: two\n---\n",
            "content/events/e.md:4: invalid front matter: mapping values are not allowed here",
        ),
        (
            "content/actors/x.md",
            "---\nname: X\nkind: robot\n---\n",
            "content/actors/x.md:3: `kind` must be one of person, organization, place, not 'robot'",
        ),
        (
            "content/sources/s.md",
            "---\ntitle: S\nurl: javascript:alert(1)\n---\n",
            "content/sources/s.md:3: `url` must start with https:// or http://, "
            "not 'javascript:alert(1)'",
        ),
        (
            "content/sources/s.md",
            "---\ntitle: S\npublished: 29 Dec 2021\n---\n",
            "content/sources/s.md:3: `published` is not a valid date: '29 Dec 2021' is not a "
            "date of the form YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            "content/events/Bad Name.md",
            "---\ntitle: E\ndate: 2021\n---\n",
            "content/events/Bad Name.md:1: file name `Bad Name.md` is not a valid id: use "
            "lowercase letters, digits and single hyphens, e.g. `biden-putin-call.md`",
        ),
        (
            "content/events/e.md",
            "title: E\ndate: 2021\n",
            "content/events/e.md:1: no front matter: the file must start with a line `---`",
        ),
        (
            "content/events/e.md",
            "---\ntitle: E\nactors: {a: 1}\ndate: 2021\n---\n",
            "content/events/e.md:3: `actors` must be a list of ids, e.g. "
            "`actors: [one-id, other-id]`",
        ),
    ],
)
def test_each_kind_of_broken_file_has_an_exact_message(
    tmp_path: Path, path: str, data: str, expected: str
) -> None:
    make_project(tmp_path, {path: data})
    assert _messages(tmp_path) == [expected]


def test_a_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    make_project(tmp_path, {"content/events/e.md": b"---\ntitle: Caf\xe9\ndate: 2021\n---\n"})
    assert _messages(tmp_path) == [
        "content/events/e.md:2: file is not UTF-8 text (byte 0xe9 cannot be decoded): "
        "save it as UTF-8"
    ]


def test_two_files_with_one_id_are_a_duplicate(tmp_path: Path) -> None:
    make_project(
        tmp_path, {"content/events/2021/second-call.md": "---\ntitle: E\ndate: 2021\n---\n"}
    )
    assert _messages(tmp_path) == [
        "content/events/2021/second-call.md:1: duplicate event id `second-call`: "
        "content/events/second-call.md has the same file name; rename one"
    ]


def test_base_url_from_the_command_line_overrides_the_config(tmp_path: Path) -> None:
    make_project(tmp_path, {"briefing.yaml": "title: T\nbase_url: https://a.example/\n"})
    assert load_site(Project(tmp_path)).config.base_url == "https://a.example/"
    site = load_site(Project(tmp_path), "https://b.example/x/")
    assert site.config.base_url == "https://b.example/x/"


def test_read_item_reads_one_file_as_load_content_would(tmp_path: Path) -> None:
    project = Project(make_project(tmp_path, {"content/events/bad.md": "---\ntitle: B\n---\n"}))
    good = read_item(project, "event", tmp_path / "content/events/second-call.md")
    assert good.key == "event:second-call" and good.item is not None and not good.broken
    bad = read_item(project, "event", tmp_path / "content/events/bad.md")
    assert bad.item is None and bad.broken
    assert [str(d) for d in bad.diagnostics] == [
        "content/events/bad.md:1: missing required field `date`: add `date: YYYY-MM-DD`"
    ]


def test_two_processes_load_what_one_loads_and_leave_gc_as_it_was(tmp_path: Path) -> None:
    events = {
        f"content/events/e-{n:03}.md": (
            f"---\ntitle: E{n}\ndate: 2021-12-{n % 28 + 1:02}\n---\nSaid **so** [@reuters].\n"
            if n % 7
            else f"---\ntitle: E{n}\ndate: 2021-13-01\n---\n- a\n\n- b\n"
        )
        for n in range(workers.MIN_PARALLEL_ITEMS + 50)
    }
    project = Project(make_project(tmp_path, events))
    one, two = load_content(project, jobs=1), load_content(project, jobs=2)
    assert len(one.briefing.events) > workers.MIN_PARALLEL_ITEMS
    assert one.diagnostics and one.diagnostics == two.diagnostics
    assert (one.briefing, one.origins, one.files) == (two.briefing, two.origins, two.files)
    assert (one.broken, one.bodies) == (two.broken, two.bodies)
    assert gc.isenabled()
