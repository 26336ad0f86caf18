"""The entry point, and the one place that turns errors into messages and exit codes.

The typer application (cli/app.py) is imported only when needed: a plain `movekit check`
goes through the small parser in cli/fast.py, so that a check whose findings are cached
starts without typer (which imports Pydantic) or the YAML reader.
"""

from __future__ import annotations

import os
import sys

from movekit.errors import MovekitError

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells and click report it


def main() -> None:
    """Run the CLI; the only place that turns errors into messages and exit codes."""
    _configure_pydantic()
    try:
        _run(sys.argv[1:])
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


def _run(args: list[str]) -> None:
    from movekit.cli.fast import run_check_fast

    code = run_check_fast(args)
    if code is not None:
        sys.exit(code)
    from movekit.cli.app import app

    app(prog_name="movekit")


def _fail(message: str, code: int = EXIT_FAILURE) -> None:
    sys.stderr.write(message.rstrip() + "\n")
    sys.exit(code)
