"""Run a function over runs of a list in several processes, results in the list's order.

The work is split into a few runs per process, and the results are put back
in the order of the input whatever the order the processes finish in, so output
never depends on the number of processes. Small inputs run in this process: a
worker costs more than it saves there. Workers start with `fork` where the
system has it (cheap), else with `spawn`, so
the function and its arguments must be picklable (a module-level function or a
`functools.partial` of one); with `fork`, the items reach the workers without
being pickled at all: they inherit the parent's memory.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

MIN_PARALLEL_ITEMS = 200
"""Below this many items, one process does the work."""
CHUNKS_PER_WORKER = 4

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")
_shared: Sequence[Any] = ()
"""The items of the running `map_spans`, as forked workers inherit them."""


def available_cpus() -> int:
    """The CPUs this process may run on: the default number of workers."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_count(jobs: int | None, items: int) -> int:
    """How many processes to use for `items` items: 1 when there are few or `jobs` is 1."""
    wanted = available_cpus() if jobs is None else max(1, jobs)
    return 1 if items < MIN_PARALLEL_ITEMS else min(wanted, items)


def spans(length: int, count: int) -> list[tuple[int, int]]:
    """(start, end) of at most `count` consecutive, nearly equal runs covering `length` items."""
    size, extra = divmod(length, count)
    found, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        if end > start:
            found.append((start, end))
        start = end
    return found


def _context() -> multiprocessing.context.BaseContext:
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def _run_span(function: Callable[[Sequence[Any]], Any], span: tuple[int, int]) -> Any:
    return function(_shared[span[0] : span[1]])


def map_spans(
    function: Callable[[Sequence[_Item]], _Result],
    items: Sequence[_Item],
    jobs: int | None = None,
) -> Iterator[_Result]:
    """`function` applied to consecutive runs of `items`; each run's result, in order.

    This process takes its share of the runs while the workers do the rest, so
    `jobs` processes run in all. Results come as runs finish, so the caller can
    report progress or stop at the first failure (the runs not yet started are
    then cancelled). Forked workers read `items` from the memory they inherit
    instead of a pickled copy.
    """
    global _shared
    workers = worker_count(jobs, len(items))
    if workers == 1:
        yield function(items)
        return
    context = _context()
    parts = spans(len(items), workers * CHUNKS_PER_WORKER)
    forked = context.get_start_method() == "fork"
    _shared = items if forked else ()
    pool = ProcessPoolExecutor(workers - 1, mp_context=context)
    try:
        futures = {
            index: (
                pool.submit(_run_span, function, (start, end))
                if forked
                else pool.submit(function, items[start:end])
            )
            for index, (start, end) in enumerate(parts)
            if index % workers
        }
        for index, (start, end) in enumerate(parts):
            future = futures.get(index)
            yield function(items[start:end]) if future is None else future.result()
    finally:
        pool.shutdown(cancel_futures=True)
        _shared = ()


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Cyclic garbage collection off for the block (and in workers forked within it).

    Loading creates a hundred thousand long-lived, acyclic objects (some unpickled from
    the workers); each full collection on the way would scan them all again, for nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def release_free_memory() -> None:
    """Hand memory freed by Python back to the system (glibc), before forking workers that
    would otherwise each appear to hold a copy of it."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)
