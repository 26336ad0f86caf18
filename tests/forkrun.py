"""Run the CLI's entry point in a forked child: a real process, without paying for start-up.

Starting Python and importing movekit's models costs about 0.6 s a run, and the suite runs
the CLI hundreds of times. A child forked from the test worker (which imported movekit
once) gets its own real file descriptors for standard input, output and error (pipes, as
with `subprocess.run`), its own folder and environment, and runs `main()`, the function
behind the `movekit` command, exactly as a fresh process would. Tests that are about a
fresh process (what a command imports, `python -m movekit`, the installed script) start
one with `subprocess` themselves.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import threading
import traceback
from pathlib import Path

AVAILABLE = hasattr(os, "fork") and os.environ.get("MOVEKIT_TEST_SUBPROCESS") != "1"
"""Fork where the system can; MOVEKIT_TEST_SUBPROCESS=1 runs a fresh interpreter instead."""


def run_forked(
    args: list[str],
    *,
    cwd: Path | None,
    stdin: str | None,
    environment: dict[str, str],
    timeout: float,
) -> subprocess.CompletedProcess[str]:
    """`movekit ARGS` in a forked child, as `subprocess.run(..., capture_output=True)`."""
    from movekit.cli import main  # imported once per worker, before the fork

    pipes = [os.pipe() for _ in range(3)]  # stdin, stdout, stderr: (read end, write end)
    pid = os.fork()
    (in_read, in_write), (out_read, out_write), (err_read, err_write) = pipes
    if pid == 0:  # the child never returns into pytest: it always ends in os._exit
        others = {in_write, out_read, err_read}
        _child(main, args, cwd, environment, (in_read, out_write, err_write), others)
    for descriptor in (in_read, out_write, err_write):
        os.close(descriptor)
    output: dict[int, bytes] = {}
    readers = [
        threading.Thread(target=_read_all, args=(descriptor, output), daemon=True)
        for descriptor in (out_read, err_read)
    ]
    writer = threading.Thread(target=_write_all, args=(in_write, stdin or ""), daemon=True)
    for thread in (*readers, writer):
        thread.start()
    for thread in readers:
        thread.join(timeout)
    if any(thread.is_alive() for thread in readers):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise subprocess.TimeoutExpired(["movekit", *args], timeout)
    writer.join(timeout)
    _, status = os.waitpid(pid, 0)
    return subprocess.CompletedProcess(
        ["movekit", *args],
        os.waitstatus_to_exitcode(status),
        _as_text(output[out_read]),
        _as_text(output[err_read]),
    )


def _as_text(data: bytes) -> str:
    """Bytes as `subprocess.run(text=True)` gives them: line ends made `\\n`."""
    return data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")


def start_forked(args: list[str], log: Path) -> int:
    """Start `movekit ARGS` in a forked child writing its output and errors to `log`, with
    empty input, and return its pid at once: for commands that must run at the same time."""
    from movekit.cli import main

    stdin_read, stdin_write = os.pipe()
    os.close(stdin_write)  # nothing to read: the input ends at once
    output = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    pid = os.fork()
    if pid == 0:
        _child(main, args, None, dict(os.environ), (stdin_read, output, output), set())
    os.close(stdin_read)
    os.close(output)
    return pid


def _child(
    main: object,
    args: list[str],
    cwd: Path | None,
    environment: dict[str, str],
    streams: tuple[int, int, int],
    others: set[int],
) -> None:
    """Run main() with `streams` as standard input, output and error; never returns.

    `others` are descriptors of the parent's that the child must close (pipe ends)."""
    code = 70
    try:
        for target, descriptor in enumerate(streams):
            os.dup2(descriptor, target)
        for descriptor in (set(streams) | others) - {0, 1, 2}:
            os.close(descriptor)
        if cwd is not None:
            os.chdir(cwd)
        os.environ.clear()
        os.environ.update(environment)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        sys.stdin = sys.__stdin__ = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stdout = sys.__stdout__ = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = sys.__stderr__ = io.TextIOWrapper(
            open(2, "wb", closefd=False),  # noqa: SIM115
            encoding="utf-8",
            errors="backslashreplace",
            line_buffering=True,
        )
        sys.argv = ["movekit", *args]
        code = _exit_code(main)
    except BaseException:  # a bug in this runner, not in movekit: show it, never hang
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(code)


def _exit_code(main: object) -> int:
    """Run main() and turn its ending into an exit code, as the interpreter does."""
    try:
        main()  # type: ignore[operator]
    except SystemExit as done:
        if done.code is None:
            return 0
        if isinstance(done.code, int):
            return done.code
        print(done.code, file=sys.stderr)
        return 1
    return 0


def _read_all(descriptor: int, output: dict[int, bytes]) -> None:
    chunks = []
    while chunk := os.read(descriptor, 65536):
        chunks.append(chunk)
    os.close(descriptor)
    output[descriptor] = b"".join(chunks)


def _write_all(descriptor: int, text: str) -> None:
    try:
        data = text.encode("utf-8")
        while data:
            data = data[os.write(descriptor, data) :]
    except BrokenPipeError:  # the command did not read all of its input
        pass
    finally:
        os.close(descriptor)
