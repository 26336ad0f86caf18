"""Whether a plan is already in fmt's layout, proved without ruamel.yaml.

`fmt --check` in CI and pre-commit almost always sees plans that are already formatted,
and ruamel.yaml's round trip, in pure Python, costs about 15 checks of the plan. This
test reads the plan with libyaml (as `check` does) and says "settled" only when every
line is exactly what fmt would write there (settledlines.py works out the lines of the
values), every other line is a blank line or a comment where fmt keeps it, and fmt's
placing of comments and blank lines (layout.py, run on the plan itself) changes nothing.
Anything it does not model makes it say "unsure", and fmt formats the plan as before;
tests/test_fmt_settled.py checks that "settled" always means `format_text(text) == text`.
"""

from __future__ import annotations

import gc
import re

import yaml

from movekit.fmt.layout import relayout_lines
from movekit.fmt.settledlines import UNPRINTABLE, Layout, layout
from movekit.fmt.settledtree import Unsure
from movekit.fmt.yamllines import Lines

_END_COMMENT = re.compile(" +#.*")
MAX_LINE = 1000
"""Longer lines are left to ruamel.yaml, which folds text past its line width (4096)."""


def settled(text: str) -> bool:
    """True only when `format_text(text)` would return `text` itself; False when unsure."""
    enabled = gc.isenabled()
    gc.disable()  # a plan is many small acyclic objects: collecting them costs ~2x (engine.py)
    try:
        return _settled(text)
    except (Unsure, yaml.YAMLError, RecursionError, StopIteration):
        return False
    finally:
        if enabled:
            gc.enable()


def _settled(text: str) -> bool:
    if not text.endswith("\n") or text.endswith("\n\n") or UNPRINTABLE.search(text):
        return False  # also: a BOM, tabs, carriage returns, Unicode line breaks
    if " \n" in text:
        return False  # fmt drops spaces at line ends
    lines = text[:-1].split("\n")
    if max(map(len, lines)) > MAX_LINE:
        return False
    expected = layout(text, lines)
    if not _lines_match(expected) or not _between_ok(expected):
        return False
    # fmt's writer gives back these very lines (above): its comment placing must keep them
    scanned = Lines(text.split("\n"), inside=expected.inside)
    return relayout_lines(scanned, scanned) == text


def _lines_match(expected: Layout) -> bool:
    """Each line is what fmt writes there, or blank, or a comment on a line of its own."""
    for number, line in enumerate(expected.lines):
        want = expected.expected.get(number)
        if want is None:
            if line and not line.lstrip(" ").startswith("#"):
                return False
        elif line != want and not (
            number in expected.commentable
            and line.startswith(want)
            and _END_COMMENT.fullmatch(line, len(want))
        ):
            return False
    return True


def _between_ok(expected: Layout) -> bool:
    """Blank lines and comments only where ruamel.yaml surely keeps them: right above a key
    or a list item (a blank line not above the first of its mapping or list), never after
    the last value."""
    run: list[str] = []
    for number, line in enumerate(expected.lines):
        if number not in expected.expected:
            run.append(line)
            continue
        first = expected.entries.get(number)
        if run and (first is None or (first and not all(run))):
            return False
        run = []
    return not run
