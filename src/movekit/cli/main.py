"""The entry point, and the one place that turns errors into messages and exit codes.

The typer application (cli/app.py) is imported only when needed: a plain `movekit check`
goes through the small parser in cli/fast.py, so that a check whose findings are cached
starts without typer (which imports Pydantic) or the YAML reader.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from movekit.errors import MovekitError
from movekit.printable import TerminalStream, guard_streams, visible_lines

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells and click report it


def main() -> None:
    """Run the CLI; the only place that turns errors into messages and exit codes."""
    _configure_pydantic()
    _open_closed_streams()
    guarded = guard_streams()
    try:
        _guarded_main()
    finally:
        _unguard(guarded)


def _guarded_main() -> None:
    """main(), with standard output and error neutralising control characters."""
    to_null_already = _stdout_is_null()
    try:
        try:
            _run(sys.argv[1:])
        finally:
            # Flush now, not at interpreter exit, where a closed pipe can no longer be caught.
            sys.stdout.flush()
    except BrokenPipeError:
        _reader_left()
    except SystemExit:
        if _someone_saw_a_closed_pipe(to_null_already):
            _reader_left()
        raise
    except MovekitError as error:
        _fail(f"error: {error}")
    except KeyboardInterrupt:
        _fail("interrupted", EXIT_INTERRUPTED)
    except Exception as error:
        if os.environ.get("MOVEKIT_DEBUG"):
            raise
        summary = " ".join(str(error).split())[:200]
        _fail(
            f"internal error: {type(error).__name__}: {summary} (a bug in movekit: please "
            "report it with the plan that caused it; `movekit --debug ...` shows the traceback)"
        )


def _configure_pydantic() -> None:
    # movekit uses no Pydantic plugins, and looking them up scans the metadata of every
    # installed package (15-20 ms of a ~200 ms check). Set here, in the program, and not
    # when movekit.model is imported: a library must not change its host's environment.
    # A user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _open_closed_streams() -> None:
    """Started with output closed (`movekit check plan.yaml >&-`): discard what it would show.

    Python then has no sys.stdout (or sys.stderr) at all; like a reader that left, the
    output is dropped and the exit code still says whether the plan has errors.
    """
    if sys.stdout is None:  # the file lives as long as the process: nothing to close
        sys.stdout = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115


def _run(args: list[str]) -> None:
    from movekit.cli.fast import run_check_fast

    code = run_check_fast(args)
    if code is not None:
        sys.exit(code)
    from movekit.cli.app import app

    app(prog_name="movekit")


def _reader_left() -> None:
    """The reader closed our output (`| head -1`, a pager quit): stop quietly, exit 0.

    Exit 0, not git's 141: git stops with "external diff died" when its diff driver
    (`movekit diff --git-external-diff`) exits with anything else, and the reader has
    had what it asked for. The rest of the output goes to the null device, so that the
    final flush at interpreter exit cannot fail again (the recipe in Python's docs for
    SIGPIPE).
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_OK)


def _someone_saw_a_closed_pipe(to_null_already: bool) -> bool:
    """True when typer or rich met the closed pipe first: they stop with exit code 1.

    typer wraps stdout in click's PacifyFlushWrapper (matched by name: typer ships its own
    copy of click); rich points stdout at the null device. Either way, not findings.
    """
    if type(sys.stdout).__name__ == "PacifyFlushWrapper":
        return True
    return not to_null_already and _stdout_is_null()


def _stdout_is_null() -> bool:
    try:
        return os.path.samestat(os.fstat(sys.stdout.fileno()), Path(os.devnull).stat())
    except (OSError, ValueError, AttributeError):  # no real stdout (closed, or replaced)
        return False


def _unguard(streams: tuple[TextIO, TextIO]) -> None:
    """Put back the streams main() found, unless something replaced the guards since."""
    if isinstance(sys.stdout, TerminalStream):
        sys.stdout = streams[0]
    if isinstance(sys.stderr, TerminalStream):
        sys.stderr = streams[1]


def _fail(message: str, code: int = EXIT_FAILURE) -> None:
    # a message may quote a file name or a value full of escape sequences
    sys.stderr.write(visible_lines(message.rstrip()) + "\n")
    sys.exit(code)
