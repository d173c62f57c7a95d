#!/usr/bin/env python3
"""Profile a cold build and an ingest in-process, to show where the time goes.

    python bench/profile.py [--events 1000] [--articles 1000] [--only build,ingest] [--top 25]
                            [--jobs 1]

Runs `generator.commands.build.run` on a cold copy of the shared corpus and
`generator.commands.ingest.run` on a fresh project holding generated raw
articles, each under cProfile, and prints the top functions by cumulative and
by own (total) time. The raw profiles are saved next to the corpora
(`<work>/profiles/*.prof`) for `python -m pstats` or snakeviz. The build runs
in one process by default (`--jobs 1`), so that the profile sees all its work.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: import from the repository root, which also
    sys.path[0] = str(Path(__file__).resolve().parent.parent)  # keeps stdlib `profile` visible

import cProfile
import pstats

from bench import corpora

PARTS = ("build", "ingest")


def profiled(label: str, call: Callable[[], object], saved: Path, top: int) -> None:
    profiler = cProfile.Profile()
    try:
        result = profiler.runcall(call)
    except Exception as exc:  # a harness must report a broken stage, not stop at it
        print(f"\n== {label}: not available: {type(exc).__name__}: {exc} ==")
        return
    saved.parent.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(saved)
    problems = len(result) if isinstance(result, list) else 0
    print(f"\n== {label} ({problems} diagnostics; profile saved to {saved}) ==")
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.strip_dirs().sort_stats(order).print_stats(top)
        print(f"-- top {top} by {order} --")
        print(out.getvalue().split("\n\n", 1)[-1].strip())


def profile_build(work: Path, gen_corpus: Path, events: int, top: int, jobs: int) -> None:
    from generator.commands import build

    project = corpora.corpus(work, gen_corpus, "briefing", events)
    corpora.reset_to_pristine(project)
    saved = work / "profiles" / f"build-{events}.prof"
    profiled(f"cold build, {events:,} events", lambda: build.run(project, jobs=jobs), saved, top)
    corpora.reset_to_pristine(project)


def profile_ingest(work: Path, count: int, top: int) -> None:
    from generator.commands import ingest, new

    raw = corpora.articles(work, count)
    project = work / "profile-ingest" / str(count)
    shutil.rmtree(project, ignore_errors=True)
    project.parent.mkdir(parents=True, exist_ok=True)
    try:
        with contextlib.redirect_stdout(sys.stderr):
            new.run(project)
    except Exception as exc:  # see profiled()
        print(f"\n== ingest: not available: briefing new: {type(exc).__name__}: {exc} ==")
        return
    seeds = project / "seeds"
    shutil.rmtree(seeds, ignore_errors=True)
    seeds.mkdir()
    for text in sorted(raw.glob("*.txt")):
        shutil.copyfile(text, seeds / text.name)
    saved = work / "profiles" / f"ingest-{count}.prof"
    profiled(f"ingest, {count:,} articles", lambda: ingest.run(project, []), saved, top)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000, help="corpus size for the build")
    parser.add_argument("--articles", type=int, default=1000, help="raw articles to ingest")
    parser.add_argument("--only", default=",".join(PARTS), help="build, ingest or both")
    parser.add_argument("--top", type=int, default=25, help="functions to list per ordering")
    parser.add_argument(
        "--jobs", type=int, default=1, help="build processes (default 1: profile all the work)"
    )
    parser.add_argument("--work", type=Path, default=corpora.BENCH / "out")
    parser.add_argument("--gen-corpus", type=Path, default=corpora.DEFAULT_GEN_CORPUS)
    args = parser.parse_args(argv)
    only = {part.strip() for part in args.only.split(",")}
    if only - set(PARTS):
        parser.error(f"--only takes {', '.join(PARTS)}")
    work = args.work.resolve()
    if "build" in only:
        profile_build(work, args.gen_corpus.resolve(), args.events, args.top, args.jobs)
    if "ingest" in only:
        profile_ingest(work, args.articles, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
