"""The theme's environment: the `memo` global that keeps macro outputs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest

from generator.config import Config, Project
from generator.render.pages import SiteInfo
from generator.render.theme import _BuiltinBytecodeCache, fragment_cache, make_environment

MACROS = '{% macro entry(title, root) %}<a href="{{ root }}x">{{ title }}</a>{% endmacro %}'
PAGE = '{% from "macros.html" import entry %}{{ memo(entry, title, root) }}'


def _counting(calls: list[tuple[object, ...]]) -> Callable[..., str]:
    def macro(*args: object) -> str:
        calls.append(args)
        return f"<{len(calls)}>"

    return macro


def test_memo_calls_a_macro_once_per_distinct_arguments() -> None:
    calls: list[tuple[object, ...]] = []
    macro, memo = _counting(calls), fragment_cache()
    assert [memo(macro, "a", "../"), memo(macro, "a", "../"), memo(macro, "a", "")] == [
        "<1>",
        "<1>",
        "<2>",
    ]
    assert calls == [("a", "../"), ("a", "")]


def test_memo_keeps_only_the_most_recently_used_outputs() -> None:
    calls: list[tuple[object, ...]] = []
    macro, memo = _counting(calls), fragment_cache(size=2)
    for argument in ("a", "b", "a", "c", "a", "b"):
        memo(macro, argument)
    assert calls == [("a",), ("b",), ("c",), ("b",)]


def _environment(tmp_path: Path) -> jinja2.Environment:
    theme = tmp_path / "themes" / "default"
    theme.mkdir(parents=True, exist_ok=True)
    if not (theme / "page.html").exists():
        (theme / "macros.html").write_text(MACROS)
        (theme / "page.html").write_text(PAGE)
    return make_environment(Project(tmp_path), Config())


def test_a_memoized_macro_renders_as_when_called_directly(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    page = env.get_template("page.html")
    direct = env.from_string('{% from "macros.html" import entry %}{{ entry(title, root) }}')
    for title in ("Talks", "Talks", "<b>Calls</b>"):
        expected = direct.render(title=title, root="../")
        assert page.render(title=title, root="../") == expected
    assert page.render(title="Talks", root="../") == '<a href="../x">Talks</a>'


def test_each_environment_has_its_own_cache(tmp_path: Path) -> None:
    first = _environment(tmp_path)
    assert first.get_template("page.html").render(title="Old", root="") == '<a href="x">Old</a>'
    (tmp_path / "themes" / "default" / "macros.html").write_text(MACROS.replace("<a", "<b"))
    second = _environment(tmp_path)
    assert second.globals["memo"] is not first.globals["memo"]
    assert second.get_template("page.html").render(title="Old", root="") == '<b href="x">Old</a>'


def test_unhashable_arguments_are_a_template_error(tmp_path: Path) -> None:
    template = _environment(tmp_path).from_string(
        '{% from "macros.html" import entry %}{{ memo(entry, titles, "") }}'
    )
    with pytest.raises(jinja2.TemplateRuntimeError, match="memo\\(\\) needs hashable arguments"):
        template.render(titles=["a list"])


def test_only_the_built_in_themes_compiled_templates_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "compiled"
    folder.mkdir()
    rendered = []
    for _ in range(2):
        env = _environment(tmp_path)
        env.bytecode_cache = _BuiltinBytecodeCache(str(folder))
        env.get_template("page.html")
        context = {"page": None, "site": SiteInfo("T", "", "en", "", "UTC", {}), "root": ""}
        rendered.append(env.get_template("404.html").render(**context, path="404.html"))
        assert len(list(folder.iterdir())) == 3  # 404.html, base.html, layout.html; no page.html
    assert rendered[0] == rendered[1]
    assert "Page not found" in rendered[0]


def _render_not_found(env: jinja2.Environment) -> str:
    context = {"page": None, "site": SiteInfo("T", "", "en", "", "UTC", {}), "root": ""}
    return env.get_template("404.html").render(**context, path="404.html")


def test_damaged_compiled_templates_are_compiled_again(tmp_path: Path) -> None:
    folder = tmp_path / "compiled"
    folder.mkdir()
    env = _environment(tmp_path)
    env.bytecode_cache = _BuiltinBytecodeCache(str(folder))
    expected = _render_not_found(env)
    for kept in folder.iterdir():
        kept.write_bytes(kept.read_bytes()[:40])
    env = _environment(tmp_path)
    env.bytecode_cache = _BuiltinBytecodeCache(str(folder))
    assert _render_not_found(env) == expected


def test_a_folder_that_takes_no_files_only_means_compiling_again(tmp_path: Path) -> None:
    folder = tmp_path / "compiled"
    folder.mkdir()
    env = _environment(tmp_path)
    env.bytecode_cache = _BuiltinBytecodeCache(str(folder))
    folder.rmdir()  # each write of compiled code now fails
    assert "Page not found" in _render_not_found(env)
