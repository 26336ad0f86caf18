"""Filling the document templates, with any template mistake turned into a clear MovekitError."""

from __future__ import annotations

import functools
from pathlib import Path
from types import TracebackType

from jinja2 import Environment, TemplateError, TemplateNotFound, TemplateSyntaxError
from jinja2.exceptions import SecurityError

from movekit.errors import MovekitError, UsageError
from movekit.render import formatting
from movekit.render.diagram import journey_diagram
from movekit.render.document import Document
from movekit.render.markdown import finalize
from movekit.render.mermaid import journey_flowchart
from movekit.render.timeline import timeline
from movekit.templating import document_environment

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
    env = document_environment(user_dir, html=html, finalize=None if html else finalize)
    env.filters.update(
        number=formatting.number,
        date=formatting.long_date,
        short_date=formatting.short_date,
        percent=formatting.percent,
        count=formatting.count,
        mermaid=journey_flowchart,
        diagram=journey_diagram,
        timeline=timeline,
    )
    return env


def fill(name: str, document: Document, user_dir: Path | None, *, html: bool) -> str:
    """The named template filled in with `doc` (the Document)."""
    env = environment(user_dir, html=html)
    try:
        return env.get_template(name).render(doc=document)
    except TemplateNotFound as error:
        raise TemplateProblem(f"template {error.name}: not found") from error
    except TemplateSyntaxError as error:
        where = error.filename or error.name or name
        raise TemplateProblem(f"{where}:{error.lineno}: {error.message}") from error
    except SecurityError as error:
        raise TemplateProblem(
            f"{_where(error, name)}: not allowed in a template: {error}"
        ) from error
    except TemplateError as error:
        raise TemplateProblem(f"{_where(error, name)}: {error}") from error


def _where(error: BaseException, name: str) -> str:
    """`file:line` of the template line that failed (Jinja puts template lines in tracebacks)."""
    place = name
    trace: TracebackType | None = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith((".j2", ".html", ".md", ".css")):
            place = f"{filename}:{trace.tb_lineno}"
        trace = trace.tb_next
    return place
