"""`briefing ingest [FILES...]`: seeds/ -> content/.

read and extract each article (on every CPU) -> merge into one Briefing ->
render -> write content/. With FILES, those files are read together with every
seed already recorded in content/sources, so a new article extends the
existing events and actors.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from ..config import Project
from ..diagnostics import BriefingError, Diagnostic, Severity
from ..extract import ArticleFacts, NoArticleError, SeedText, extract_article
from ..merge import merge
from ..progress import Progress
from ..read_seeds import read_or_report, seed_files
from ..workers import map_spans
from ..write_content import plan, write


def run(root: Path, files: list[Path] | None = None) -> list[Diagnostic]:
    project = Project(root)
    paths = _paths(project, files or [])
    if not paths:
        raise BriefingError(
            [Diagnostic("seeds", 0, "no articles to ingest: put .txt, .md or .html in seeds/")]
        )
    articles, diagnostics = extract_all(paths, root)
    if articles:
        outcome = write(root, plan(merge(articles)))
        diagnostics += outcome.diagnostics
        print(
            f"ingested {len(articles)} articles: {outcome.written} files written, "
            f"{outcome.unchanged} unchanged, {outcome.kept} kept (edited by hand), "
            f"{outcome.removed} removed",
            file=sys.stderr,
        )
    return diagnostics


def _paths(project: Project, files: list[Path]) -> list[Path]:
    if not files:
        return seed_files(project.seeds)
    recorded = _recorded_seeds(project)
    chosen = {p.resolve(): p for p in recorded}
    chosen.update({p.resolve(): p for p in files})
    return [chosen[k] for k in sorted(chosen)]


def _recorded_seeds(project: Project) -> list[Path]:
    found = []
    for path in sorted((project.content / "sources").glob("*.md")):
        match = re.search(r"^seed:\s*['\"]?([^'\"\n]+)", path.read_text("utf-8", "replace"), re.M)
        if match and (project.root / match[1]).is_file():
            found.append(project.root / match[1])
    return found


def _read_and_extract(paths: Sequence[Path], root: Path) -> list[ArticleFacts | Diagnostic]:
    return [_extract(read_or_report(path, root)) for path in paths]


def _extract(seed: SeedText | Diagnostic) -> ArticleFacts | Diagnostic:
    if isinstance(seed, Diagnostic):
        return seed
    try:
        return extract_article(seed)
    except NoArticleError as exc:
        return Diagnostic(seed.path, 1, str(exc))


def extract_all(paths: list[Path], root: Path) -> tuple[list[ArticleFacts], list[Diagnostic]]:
    """Read and extract every article, on every CPU when there are many; progress on a terminal.

    Workers read the files themselves, so no article's text is held or sent twice.
    """
    progress = Progress("extracting", len(paths))
    articles: list[ArticleFacts] = []
    problems: list[Diagnostic] = []
    for results in map_spans(partial(_read_and_extract, root=root), paths):
        for result in results:
            if isinstance(result, ArticleFacts):
                articles.append(result)
            else:
                problems.append(result)
            progress.advance()
    progress.close()
    return articles, [p for p in problems if p.severity is Severity.ERROR] + [
        p for p in problems if p.severity is not Severity.ERROR
    ]
