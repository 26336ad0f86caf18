"""Filling the document templates, with any template mistake turned into a clear MovekitError."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from types import TracebackType

from jinja2 import (
    Environment,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError

from movekit.errors import MovekitError, UsageError
from movekit.render import sandbox
from movekit.render.document import Document
from movekit.render.filters import FILTERS, checked_filters
from movekit.render.markdown import finalize
from movekit.render.plaintext import finalize_html
from movekit.render.sandbox import fill_in
from movekit.templating import TemplateRefused, document_environment

MARKDOWN_TEMPLATE = "document.md.j2"
HTML_TEMPLATE = "document.html.j2"


class TemplateProblem(MovekitError):
    """A document template that cannot be read or filled in."""


@functools.cache
def environment(user_dir: Path | None, *, html: bool) -> Environment:
    """The document environment with movekit's filters for numbers, dates and diagrams
    (one per folder and kind, so that templates are compiled once per process)."""
    if user_dir is not None and not user_dir.is_dir():
        raise UsageError(f"--template: {user_dir}: not a folder of templates")
    env = document_environment(user_dir, html=html, finalize=finalize_html if html else finalize)
    env.filters.update(FILTERS if user_dir is None else checked_filters())
    return env


def fill(name: str, document: Document, user_dir: Path | None, *, html: bool) -> str:
    """The named template filled in with `doc` (the Document).

    With a user's folder, any mistake in a template (`{{ 1/0 }}`, a macro that calls
    itself, a wrong filter argument, a limit of render/sandbox.py) is a TemplateProblem
    naming the template file and line; only an error inside movekit's own code is a bug.
    """
    env = environment(user_dir, html=html)
    try:
        return fill_in(env.get_template(name), {"doc": document})
    except TemplateNotFound as error:
        raise TemplateProblem(f"template {error.name}: not found") from error
    except TemplateSyntaxError as error:
        where = error.filename or error.name or name
        raise TemplateProblem(_message(where, error.lineno, error.message or "")) from error
    except TemplateRefused as error:
        raise TemplateProblem(_message(error.filename, None, str(error))) from error
    except SecurityError as error:
        what = f"not allowed in a template: {error}"
        raise TemplateProblem(_message(*_where(error, name), what)) from error
    except UndefinedError as error:
        raise TemplateProblem(_message(*_where(error, name), _missing(error))) from error
    except TemplateError as error:
        raise TemplateProblem(_message(*_where(error, name), str(error))) from error
    except Exception as error:
        if user_dir is None or not _from_template(error):
            raise
        raise TemplateProblem(_message(*_where(error, name), _plain(error))) from error


def _message(filename: str, line: int | None, what: str) -> str:
    place = filename if line is None else f"{filename}, line {line}"
    return f"template error in {place}: {what}"


_NO_ATTRIBUTE = re.compile(r"has no (?:attribute|element) (.+)$|^(.+) is undefined$")


def _missing(error: UndefinedError) -> str:
    """Jinja's "'X object' has no attribute 'y'" as "'y' does not exist here"."""
    found = _NO_ATTRIBUTE.search(str(error))
    if found is None:
        return str(error)
    missing = found.group(1) or found.group(2)
    return f"{missing} does not exist here (`movekit docs render` lists what a template can use)"


def _plain(error: Exception) -> str:
    """What a Python error raised by template code means, in the template's words."""
    if isinstance(error, RecursionError):
        return "a macro or an include calls itself without end"
    if isinstance(error, ZeroDivisionError):
        return "division by zero"
    if isinstance(error, TypeError | ValueError):
        return f"a value of the wrong kind: {error}"
    if isinstance(error, MemoryError):
        return "the template ran out of memory"
    return f"{type(error).__name__}: {error}"


def _frames(error: BaseException) -> list[tuple[str, int, str]]:
    """(file, line, whose) for each frame of the traceback, innermost first.

    `whose` is "template", "movekit" (movekit's own code, the limits apart) or "other".
    Jinja rewrites the frames of template code into frames whose globals hold the
    exception, with the template's file and line.
    """
    frames = []
    trace: TracebackType | None = error.__traceback__
    while trace is not None:
        frame = trace.tb_frame
        module = str(frame.f_globals.get("__name__", ""))
        whose = "other"
        if "__jinja_exception__" in frame.f_globals:
            whose = "template"
        elif module.startswith("movekit.") and module != sandbox.__name__:
            whose = "movekit"
        frames.append((frame.f_code.co_filename, trace.tb_lineno, whose))
        trace = trace.tb_next
    return frames[::-1]


def _where(error: BaseException, name: str) -> tuple[str, int | None]:
    """The file and line of the innermost template line that failed."""
    for filename, line, whose in _frames(error):
        if whose == "template":
            return filename, line
    return name, None


def _from_template(error: BaseException) -> bool:
    """True when the innermost frame of template or movekit code is a template's.

    An error raised in a filter of movekit's own (a diagram, a date) is a bug; one raised
    by the template's own expressions, or by Jinja on its behalf, is the template's.
    """
    for _, _, whose in _frames(error):
        if whose != "other":
            return whose == "template"
    return False
