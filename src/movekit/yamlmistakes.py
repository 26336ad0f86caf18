"""libyaml's syntax errors, recognised as the mistakes newcomers make and explained in plain words.

libyaml reports where it gave up, which is often a line or two after the mistake, in
parser words ("did not find expected key"). Each recogniser looks at the text around
that mark (and the lines before it), names the mistake and points at the spot to
change; the first that recognises the error wins. The rest get a plain generic message.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from movekit import mistakelayout as layout
from movekit import mistakevalues as values
from movekit.findings import Problem
from movekit.mistakeshapes import Failure, Found
from movekit.yamltext import LINE_BREAK

RECOGNISERS: tuple[Callable[[Failure], Found | None], ...] = (
    layout.tab,
    layout.unclosed_quote,
    layout.unclosed_flow,
    layout.missing_colon,
    layout.items_after_empty,
    layout.list_item_indent,
    layout.dash_among_keys,
    layout.text_after_quote,
    layout.directive_without_start,
    values.missing_space,
    values.colon_missing_above,
    values.colon_in_text,
    values.key_under_value,
    values.bad_start,
    values.key_indent,
)
"""Tried in this order: the more specific shapes first."""


def explain(text: str, error: yaml.MarkedYAMLError) -> Problem:
    """An MK001 problem in plain words for a syntax error libyaml raised on `text`."""
    mark = error.problem_mark or error.context_mark
    context = error.context_mark or mark
    failure = Failure(
        lines=LINE_BREAK.split(text),
        problem=error.problem or "",
        context=error.context or "",
        line=mark.line if mark else 0,
        column=mark.column if mark else 0,
        context_line=context.line if context else 0,
        context_column=context.column if context else 0,
    )
    for recognise in RECOGNISERS:
        try:
            found = recognise(failure)
        except (IndexError, ValueError):  # a shape it half-knows: the next may know it
            continue
        if found is not None:
            return _inside(found, failure.lines)
    return _inside(_generic(failure), failure.lines)


def _inside(found: Found, lines: list[str]) -> Problem:
    """The problem, its position moved onto a character that exists in the file."""
    last = len(lines) - 1
    while last > 0 and not lines[last].strip():
        last -= 1
    line = min(max(found.line, 0), max(last, 0))
    text = lines[line] if lines else ""
    column = len(text) if line < found.line else min(max(found.column, 0), len(text))
    return Problem(found.message, hint=found.hint, line=line + 1, column=column + 1, code="MK001")


def _generic(failure: Failure) -> Found:
    excerpt = failure.text(failure.line).strip()
    if len(excerpt) > 60:
        excerpt = excerpt[:57] + "..."
    # libyaml may stop after the last line (or on blank ones after it): name what is there
    past_end = not any(line.strip() for line in failure.lines[failure.line :])
    where = "the end of the file" if past_end else f"line {failure.line + 1}"
    message = f"YAML cannot read {where}" + (f": `{excerpt}`" if excerpt else "")
    hint = (
        "Check the indentation, colons and quotes on this line and the one above; "
        "text that contains `: ` or ` #` needs quotes around it"
    )
    return Found(message, hint, failure.line, failure.column)
