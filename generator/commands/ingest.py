"""`briefing ingest [FILES...]`: seeds/ -> content/.

read seeds -> extract each article -> merge into one Briefing -> write content/.
With FILES, those files are read together with every seed already recorded in
content/sources, so a new article extends the existing events and actors.
"""

from __future__ import annotations

import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..config import Project
from ..diagnostics import BriefingError, Diagnostic, Severity
from ..extract import ArticleFacts, NoArticleError, SeedText, extract_article
from ..merge import merge
from ..progress import Progress
from ..read_seeds import read_seeds, seed_files
from ..write_content import Item, Planned, items, render_item, write

PARALLEL_FROM = 200
"""Below this many articles one process is faster than starting a pool."""


def run(root: Path, files: list[Path] | None = None) -> list[Diagnostic]:
    project = Project(root)
    paths = _paths(project, files or [])
    if not paths:
        raise BriefingError(
            [Diagnostic("seeds", 0, "no articles to ingest: put .txt or .md files in seeds/")]
        )
    seeds, diagnostics = read_seeds(paths, root)
    articles, problems = extract_all(seeds)
    diagnostics += problems
    if articles:
        outcome = write(root, render_all(items(merge(articles))))
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


def render_all(todo: list[Item]) -> list[Planned]:
    """Render every file's text, on all cores when there are many."""
    workers = min(os.cpu_count() or 1, 4)
    if len(todo) < PARALLEL_FROM or workers == 1:
        return [render_item(item) for item in todo]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(render_item, todo, chunksize=128))


def _extract(seed: SeedText) -> ArticleFacts | Diagnostic:
    try:
        return extract_article(seed)
    except NoArticleError as exc:
        return Diagnostic(seed.path, 1, str(exc))


def extract_all(seeds: list[SeedText]) -> tuple[list[ArticleFacts], list[Diagnostic]]:
    """Extract every article, in parallel when there are many; progress on a terminal."""
    progress = Progress("extracting", len(seeds))
    results: list[ArticleFacts | Diagnostic] = []
    workers = min(os.cpu_count() or 1, 4)
    if len(seeds) >= PARALLEL_FROM and workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            for result in pool.map(_extract, seeds, chunksize=64):
                results.append(result)
                progress.advance()
    else:
        for seed in seeds:
            results.append(_extract(seed))
            progress.advance()
    progress.close()
    articles = [r for r in results if isinstance(r, ArticleFacts)]
    problems = [r for r in results if isinstance(r, Diagnostic)]
    return articles, [p for p in problems if p.severity is Severity.ERROR] + [
        p for p in problems if p.severity is not Severity.ERROR
    ]
