"""The `briefing` command line: flags, help, and the one place outcomes become exit codes.

Each verb lives in `generator/commands/<verb>.py` as a `run(...)` function that
returns the diagnostics it found (or raises BriefingError when it cannot go
on). Here they are printed as `path:line: message` and mapped to exit codes:
0 success, 1 content or input errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .diagnostics import BriefingError, Diagnostic, errors

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Turn news articles into a cited briefing site: "
        "seeds/ --ingest--> content/ --build--> site/.",
        epilog="Run `briefing COMMAND --help` for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    root = argparse.ArgumentParser(add_help=False)
    root.add_argument(
        "--root",
        type=Path,
        default=Path(),
        metavar="DIR",
        help="the briefing project to act on (default: the current directory)",
    )
    verbs = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    new = verbs.add_parser(
        "new",
        parents=[root],
        help="scaffold an empty briefing project",
        description="Create DIR with briefing.yaml, content/, seeds/ and themes/.",
    )
    new.add_argument("directory", type=Path, metavar="DIR", help="where to create the project")

    ingest = verbs.add_parser(
        "ingest",
        parents=[root],
        help="read articles in seeds/ and write events, actors and sources to content/",
        description="Read raw articles (default: every file in seeds/) and write or update "
        "content/. Files you edited by hand are never overwritten.",
    )
    ingest.add_argument(
        "files", nargs="*", type=Path, metavar="FILES", help="articles to read (default: seeds/)"
    )

    build = verbs.add_parser(
        "build",
        parents=[root],
        help="render content/ into the static site",
        description="Render content/ with the theme into site/. A failed build leaves the "
        "previous site/ untouched.",
    )
    build.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: site/)")
    build.add_argument(
        "--base-url",
        metavar="URL",
        help="absolute URL the site is published at, for the feed and sitemap",
    )
    build.add_argument(
        "--watch", action="store_true", help="keep rebuilding on change, without serving"
    )
    build.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="worker processes to render with (default: one per CPU); the site is the same",
    )

    serve = verbs.add_parser(
        "serve",
        parents=[root],
        help="build, watch, serve with live reload",
        description="Build the site, serve it, rebuild on every change to seeds/, content/, "
        "themes/ or briefing.yaml, and reload the browser.",
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument(
        "--bind",
        default="127.0.0.1",
        metavar="ADDR",
        help="address to listen on (default: 127.0.0.1, this machine only)",
    )

    verbs.add_parser(
        "check",
        parents=[root],
        help="validate content/ and exit 1 on errors",
        description="Check content/: schema, dates, dangling references, duplicate ids.",
    )
    return parser


def _new(args: argparse.Namespace) -> list[Diagnostic]:
    from .commands import new

    return new.run(args.directory)


def _ingest(args: argparse.Namespace) -> list[Diagnostic]:
    from .commands import ingest

    return ingest.run(args.root, args.files)


def _build(args: argparse.Namespace) -> list[Diagnostic]:
    from .commands import build

    return build.run(
        args.root, out=args.out, base_url=args.base_url, watch=args.watch, jobs=args.jobs
    )


def _serve(args: argparse.Namespace) -> list[Diagnostic]:
    from .commands import serve

    return serve.run(args.root, port=args.port, bind=args.bind)


def _check(args: argparse.Namespace) -> list[Diagnostic]:
    from .commands import check

    return check.run(args.root)


# Each verb imports only its own command, so a build with nothing to do starts fast.
RUNNERS: dict[str, Callable[[argparse.Namespace], list[Diagnostic]]] = {
    "new": _new,
    "ingest": _ingest,
    "build": _build,
    "serve": _serve,
    "check": _check,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        diagnostics = RUNNERS[args.command](args)
    except BriefingError as exc:
        diagnostics = exc.diagnostics
        if not errors(diagnostics):
            raise
    except KeyboardInterrupt:
        return EXIT_ERRORS
    for diagnostic in sorted(diagnostics):
        print(diagnostic, file=sys.stderr)
    return EXIT_ERRORS if errors(diagnostics) else EXIT_OK
