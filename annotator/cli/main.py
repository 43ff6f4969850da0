"""The ``annotator-cli`` entry point: the parser, exit statuses and the error log."""

from __future__ import annotations

import contextlib
import io
import os
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from annotator import __version__
from annotator.cli import (
    adjudicate_command,
    agreement_command,
    assign_command,
    coding_commands,
    export_command,
    project_commands,
    team_command,
)
from annotator.cli.console import CliError, Parser, err, one_line
from annotator.core.errors import AnnotatorError
from annotator.core.progress import Cancelled

PROG = "annotator-cli"
EXIT_OK, EXIT_INTERNAL, EXIT_USER, EXIT_CANCELLED = 0, 1, 2, 130
LOG_DIR_ENV = "ANNOTATOR_LOG_DIR"
COMMANDS = (project_commands, coding_commands, agreement_command, export_command,
            assign_command, team_command, adjudicate_command)
"""Modules whose ``register(command)`` add their subcommands, in help order."""


def build_parser() -> Parser:
    parser = Parser(
        prog=PROG,
        description="Annotator without the GUI: create projects, import Telegram posts, "
        "exchange codebooks and annotations, measure inter-coder agreement, and export.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=Parser
    )

    def command(name: str, run: Callable[..., None], summary: str) -> Any:
        sub = commands.add_parser(name, help=summary, description=summary)
        sub.set_defaults(run=run, subparser=sub)
        return sub

    for module in COMMANDS:
        module.register(command)
    return parser


def _use_utf8() -> None:
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8", errors=errors)


def _log_dir() -> Path:
    return Path(os.environ.get(LOG_DIR_ENV) or platformdirs.user_log_dir("annotator"))


def _write_log(exc: BaseException, argv: list[str]) -> Path:
    folder = _log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    details = (
        f"{PROG} {__version__} on Python {sys.version.split()[0]} ({sys.platform})\n"
        f"arguments: {argv!r}\n\n" + "".join(traceback.format_exception(exc))
    )
    for attempt in range(1, 1000):
        path = folder / f"{PROG}-{stamp}{'' if attempt == 1 else f'-{attempt}'}.log"
        try:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(details)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(folder / f"{PROG}-{stamp}.log")


def _internal_error(exc: BaseException, argv: list[str]) -> int:
    summary = f"{type(exc).__name__}: {one_line(str(exc))}"
    try:
        path = _write_log(exc, argv)
    except OSError as log_exc:
        err(f"internal error: {summary}; could not write details to {_log_dir()}: {log_exc}")
    else:
        err(f"internal error: {summary}; details written to {path}")
    return EXIT_INTERNAL


def _exit_code(code: object) -> int:
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_USER


def main(argv: list[str] | None = None) -> int:
    """Run ``annotator-cli`` with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    _use_utf8()
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        try:
            args, extra = build_parser().parse_known_args(arguments)
        except SystemExit as exc:  # --help and --version
            return _exit_code(exc.code)
        if extra:
            args.subparser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.run(args)
        sys.stdout.flush()
    except CliError as exc:
        err(f"error: {exc}")
        return EXIT_USER
    except AnnotatorError as exc:
        err(f"error: {one_line(str(exc))}")
        for problem in getattr(exc, "problems", None) or ():  # every problem of a file
            err(f"  {problem}")
        return EXIT_USER
    except (KeyboardInterrupt, Cancelled):
        err("cancelled")
        return EXIT_CANCELLED
    except BrokenPipeError:  # e.g. `annotator-cli posts x | head`
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_INTERNAL
    except OSError as exc:
        if exc.filename is None:  # not about a path the user named
            return _internal_error(exc, arguments)
        err(f"error: {exc.filename}: {exc.strerror or exc}")
        return EXIT_USER
    except Exception as exc:
        return _internal_error(exc, arguments)
    return EXIT_OK

