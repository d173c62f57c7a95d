"""briefing.yaml: defaults, unknown keys kept, bad values reported with their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import CONFIG_NAME, Config, Project, load_config, parse_config
from generator.diagnostics import Diagnostic


def test_missing_config_means_defaults(tmp_path: Path) -> None:
    assert load_config(Project(tmp_path)) == (Config(), [])


def test_project_paths(tmp_path: Path) -> None:
    project = Project(tmp_path)
    assert project.config_path == tmp_path / CONFIG_NAME
    assert [project.content, project.seeds, project.themes, project.site] == [
        tmp_path / name for name in ("content", "seeds", "themes", "site")
    ]


def test_known_keys_are_read_and_unknown_keys_kept(tmp_path: Path) -> None:
    (tmp_path / CONFIG_NAME).write_text(
        "title: Ukraine calls\nsummary: Two calls.\nlanguage: fr\ntheme: plain\n"
        "base_url: https://example.org/b/\ntimezone: Europe/Paris\nanalytics: none\n",
        encoding="utf-8",
    )
    config, diagnostics = load_config(Project(tmp_path))
    assert diagnostics == []
    assert config == Config(
        title="Ukraine calls",
        summary="Two calls.",
        language="fr",
        theme="plain",
        base_url="https://example.org/b/",
        timezone="Europe/Paris",
        extra={"analytics": "none"},
    )


def test_a_document_start_marker_does_not_hide_the_config() -> None:
    assert parse_config("---\ntitle: Calls\n", CONFIG_NAME) == (Config(title="Calls"), [])


def test_byte_order_mark_and_crlf() -> None:
    assert parse_config("\ufefftitle: Calls\r\ntheme: plain\r\n", CONFIG_NAME) == (
        Config(title="Calls", theme="plain"),
        [],
    )


def test_norway_is_a_title_not_false() -> None:
    assert parse_config("title: NO\n", CONFIG_NAME)[0].title == "NO"


def test_null_values_mean_the_default() -> None:
    assert parse_config("title:\ntheme: ~\n", CONFIG_NAME) == (Config(), [])


def test_empty_config_means_defaults() -> None:
    assert parse_config("", CONFIG_NAME) == (Config(), [])


@pytest.mark.parametrize(
    "text,line,message",
    [
        ("summary: x\ntitle: [a, b]\n", 2, "`title` must be text"),
        ("title: true\n", 1, "`title` must be text"),
        (
            "theme: ../../etc\n",
            1,
            "`theme` must be the name of a folder in themes/, not '../../etc'",
        ),
        (
            'language: en"><script>\n',
            1,
            "`language` must be a language tag like en or pt-BR, not 'en\"><script>'",
        ),
        (
            "base_url: javascript:alert(1)//\n",
            1,
            "`base_url` must be an absolute http(s) URL like https://example.org/briefing/, "
            "not 'javascript:alert(1)//'",
        ),
        (
            "base_url: example.org\n",
            1,
            "`base_url` must be an absolute http(s) URL like https://example.org/briefing/, "
            "not 'example.org'",
        ),
        ("theme: /tmp/x\n", 1, "`theme` must be the name of a folder in themes/, not '/tmp/x'"),
        (
            "timezone: Mars/Olympus\n",
            1,
            "`timezone` 'Mars/Olympus' is not a known time zone; use a name like Europe/Paris",
        ),
        (
            "timezone: ../../etc/passwd\n",
            1,
            "`timezone` '../../etc/passwd' is not a known time zone; use a name like Europe/Paris",
        ),
    ],
)
def test_bad_values_are_reported_on_their_line_and_defaulted(
    text: str, line: int, message: str
) -> None:
    config, diagnostics = parse_config(text, CONFIG_NAME)
    assert diagnostics == [Diagnostic(CONFIG_NAME, line, message)]
    assert (config.title, config.theme, config.timezone) == ("Briefing", "default", "UTC")


@pytest.mark.parametrize(
    "text,message",
    [
        (
            "title: a\ntitle: b\n",
            "briefing.yaml:2: invalid config: duplicate key 'title'; keep only one of them",
        ),
        ("- a\n- b\n", "briefing.yaml:1: config must be a mapping of `key: value` lines"),
        (
            "title: a\n  theme: b\n",
            "briefing.yaml:2: invalid config: mapping values are not allowed here",
        ),
        (
            "a: &x [1]\nb: *x\n",
            "briefing.yaml:2: invalid config: YAML aliases (*name) are not supported; "
            "write the value out in full",
        ),
        (
            "title: !!python/object/apply:os.system [id]\n",
            "briefing.yaml:1: invalid config: the tag !!python/object/apply:os.system is not "
            "allowed; only plain text, numbers, true/false, null, lists and mappings are",
        ),
    ],
)
def test_invalid_yaml_gives_one_diagnostic_and_the_defaults(text: str, message: str) -> None:
    config, diagnostics = parse_config(text, CONFIG_NAME)
    assert config == Config()
    assert [str(d) for d in diagnostics] == [message]


def test_config_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    (tmp_path / CONFIG_NAME).write_bytes(b"title: x\nsummary: caf\xe9\n")
    assert load_config(Project(tmp_path)) == (
        Config(),
        [
            Diagnostic(
                CONFIG_NAME,
                2,
                "config is not UTF-8 text (byte 0xe9 cannot be decoded): save it as UTF-8",
            )
        ],
    )


def test_config_that_is_a_folder_means_defaults(tmp_path: Path) -> None:
    (tmp_path / CONFIG_NAME).mkdir()
    assert load_config(Project(tmp_path)) == (Config(), [])
