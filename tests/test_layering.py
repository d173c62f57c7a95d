"""Imports point down: cli -> commands -> I/O stages -> pure stages -> model.

A guard in the spirit of Click's tests/test_imports.py: the architecture is
checked, not just described.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# Modules that touch the file system, the network or the terminal.
IO_MODULES = {
    "generator.cli",
    "generator.fsutil",
    "generator.read_seeds",
    "generator.load_content",
    "generator.write_content",
    "generator.write_site",
    "generator.watch",
    "generator.serve",
    "generator.incremental",
}
# Pure stages: data in, data out.
PURE_PREFIXES = ("generator.model", "generator.extract", "generator.merge", "generator.slug")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Package modules imported by the file at `path` (relative imports resolved)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    modules = {_module_name(p) for p in PACKAGE.rglob("*.py")}
    return {m for m in found if m in modules and m != name}


GRAPH = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_model_imports_nothing_from_the_package() -> None:
    assert GRAPH["generator.model"] == set()


def test_only_the_cli_entry_points_import_the_cli() -> None:
    importers = {m for m, deps in GRAPH.items() if "generator.cli" in deps}
    assert importers <= {"generator.__main__"}


def test_only_the_cli_imports_commands() -> None:
    importers = {
        m
        for m, deps in GRAPH.items()
        if any(d.startswith("generator.commands") for d in deps)
        and not m.startswith("generator.commands")
    }
    assert importers <= {"generator.cli"}


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if m.startswith(PURE_PREFIXES)))
def test_pure_stages_do_no_io(module: str) -> None:
    assert not GRAPH[module] & IO_MODULES


def test_no_import_cycles() -> None:
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        if module in done:
            return
        assert module not in visiting, " -> ".join([*visiting, module])
        visiting.append(module)
        for dep in sorted(GRAPH.get(module, ())):
            if dep != module and not module.startswith(dep + "."):
                visit(dep)
        visiting.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)
