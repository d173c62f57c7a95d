"""Benchmark inputs, generated once and cached under the work folder.

Build corpora come from the shared generator (`gen_corpus.py`), one folder per
format and size; raw articles for ingest come from `gen_articles.py`. A stamp
file next to each folder records the arguments, the generator's hash and the
folder's top-level entries as generated, so a changed generator regenerates,
and `reset_to_pristine` can put a project back to exactly what was generated
(which is how "cold" is defined: no output, no cache of any kind).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DEFAULT_GEN_CORPUS = REPO.parent / "shared" / "bench" / "gen_corpus.py"
GEN_ARTICLES = BENCH / "gen_articles.py"


def _stamp_path(folder: Path) -> Path:
    return folder.with_name(folder.name + ".stamp.json")


def _wanted_stamp(script: Path, args: list[str]) -> dict[str, object]:
    return {"script": hashlib.sha256(script.read_bytes()).hexdigest(), "args": args}


def _cached(folder: Path, wanted: dict[str, object]) -> bool:
    stamp = _stamp_path(folder)
    if not (folder.is_dir() and stamp.is_file()):
        return False
    recorded = json.loads(stamp.read_text())
    return {k: recorded.get(k) for k in wanted} == wanted


def _generate(script: Path, args: list[str], folder: Path) -> Path:
    wanted = _wanted_stamp(script, args)
    folder.parent.mkdir(parents=True, exist_ok=True)
    with (folder.parent / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another benchmark may be generating it right now
        if not _cached(folder, wanted):
            print(f"generating {folder.name} ...", file=sys.stderr, flush=True)
            subprocess.run([sys.executable, script, *args, "--out", folder], check=True)
            stamp = {**wanted, "entries": sorted(p.name for p in folder.iterdir())}
            _stamp_path(folder).write_text(json.dumps(stamp, indent=1) + "\n")
    return folder


def corpus(work: Path, gen_corpus: Path, fmt: str, events: int, seed: int = 1) -> Path:
    """The `fmt` corpus of `events` events (a briefing project or a Hugo site)."""
    args = ["--events", str(events), "--format", fmt, "--seed", str(seed)]
    return _generate(gen_corpus, args, work / "corpora" / f"{fmt}-{events}")


def articles(work: Path, count: int, seed: int = 1) -> Path:
    """A folder of `count` raw articles (`*.txt`)."""
    args = ["--articles", str(count), "--seed", str(seed)]
    return _generate(GEN_ARTICLES, args, work / "articles" / str(count))


def reset_to_pristine(folder: Path) -> list[str]:
    """Delete every top-level entry the generator did not write; return their names."""
    pristine = set(json.loads(_stamp_path(folder).read_text())["entries"])
    removed = []
    for entry in sorted(folder.iterdir()):
        if entry.name in pristine:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        removed.append(entry.name)
    return removed
