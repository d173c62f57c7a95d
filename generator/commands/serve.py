"""`briefing serve`: build, serve with live reload, rebuild on every change until Ctrl-C.

The site is built into a temporary folder (not site/, which `build` owns), so
previewing never disturbs a committed build; the folder is removed on exit.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

from ..config import Project
from ..diagnostics import BriefingError, Diagnostic, errors
from ..incremental import Ingest, Outcome, Site
from ..serve import LiveState, SiteServer, page_url
from ..watch import report, watch_changes
from . import ingest


def run(root: Path, port: int = 8000, bind: str = "127.0.0.1") -> list[Diagnostic]:
    project = Project(root)
    live = LiveState()
    with tempfile.TemporaryDirectory(prefix="briefing-serve-") as folder:
        out = Path(folder) / "site"
        server = _listen(bind, port, out, live)
        thread = threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True)
        try:
            site = Site(project, out)
            thread.start()
            report(f"serving {project.root} at {server.url} (Ctrl-C to stop)")
            watch_changes(site, lambda outcome: _publish(live, outcome), _ingest(root))
        except KeyboardInterrupt:
            report("stopped")
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
    return []


def _listen(bind: str, port: int, out: Path, live: LiveState) -> SiteServer:
    try:
        return SiteServer((bind, port), out, live)
    except OSError as exc:
        raise BriefingError(
            [
                Diagnostic(
                    "briefing serve",
                    0,
                    f"cannot listen on {bind}:{port} ({exc.strerror or exc}): "
                    "choose another port with --port N, or --port 0 for any free port",
                )
            ]
        ) from None


def _ingest(root: Path) -> Ingest:
    return lambda files: ingest.run(root, files)


def _publish(live: LiveState, outcome: Outcome) -> None:
    """Tell the terminal and the open pages what a rebuild step did."""
    report(outcome.summary())
    problems = errors(list(outcome.diagnostics))
    for problem in problems:
        print(problem, file=sys.stderr, flush=True)
    assets = [path for path in outcome.written if path.startswith("static/")]
    live.publish(
        pages=[page_url(path) for path in outcome.written if path.endswith(".html")],
        styles=["/" + path for path in assets if path.endswith(".css")],
        errors=[str(problem) for problem in problems],
        everything=(outcome.full and not outcome.failed)
        or any(not path.endswith(".css") for path in assets),
    )
