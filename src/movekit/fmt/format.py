"""Formatting one plan's text, and proving the result means the same plan.

ruamel.yaml's round trip reads the plan with its comments (edit.py), restyle.py picks
flow or block style and quotes value by value, layout.py places comments and blank
lines. The result is then read back the way `movekit check` reads it: if the values, the
findings or the comments differ in any way, FormatError says so and nothing is written
(runner.py runs the command over files), so fmt can never change what a plan means.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import yaml

from movekit.config import Settings
from movekit.errors import MovekitError
from movekit.fmt.yamllines import scan
from movekit.opening import open_plan
from movekit.source import parse
from movekit.yamltext import escape_double_quoted


class FormatError(MovekitError):
    """The plan cannot be formatted without changing it (it is left untouched)."""


def format_text(text: str) -> str:
    """A plan's text (free of file-level errors) in the canonical layout."""
    newline = "\r\n" if "\r\n" in text[: text.find("\n") + 1] else "\n"
    try:
        formatted = _layout(text.removeprefix("\ufeff").replace("\r\n", "\n"))
    except yaml.YAMLError as error:  # libyaml cannot read what ruamel wrote
        raise FormatError(f"the formatted text would not be valid YAML ({_why(error)})") from error
    except Exception as error:  # ruamel.yaml cannot read or write this text
        raise FormatError(
            f"ruamel.yaml, which keeps the comments, cannot: {_why(error)}"
        ) from error
    result = text[: len(text) - len(text.lstrip("\ufeff"))] + formatted.replace("\n", newline)
    if result != text:  # the same text is the same plan: nothing to prove
        verify(text, result)
    return result


def _layout(text: str) -> str:
    from movekit.edit import dump, load
    from movekit.fmt.layout import relayout
    from movekit.fmt.restyle import restyle

    preamble, body = _split_preamble(text)
    data = load(_trimmed(body), faithful=True)
    restyle(data)
    _unindent_comments_after_blocks(data)
    # ruamel.yaml writes bidi controls raw; an escape in the plan stays an escape
    return escape_double_quoted(preamble + relayout(dump(data, faithful=True), body))


def _unindent_comments_after_blocks(node: Any) -> None:
    """Comments after a `|` or `>` block start at column 0 until relayout places them.

    ruamel.yaml writes a comment at the column it was typed at; once the block's text
    is indented less, a comment as deep as that text would be read back as part of it.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    if isinstance(node, CommentedMap | CommentedSeq):
        keys = node.keys() if isinstance(node, CommentedMap) else range(len(node))
        for key in keys:
            value = node[key]
            if isinstance(value, LiteralScalarString | FoldedScalarString):
                for token in node.ca.items.get(key) or []:
                    if token is not None and hasattr(token, "value"):
                        first, newline, rest = token.value.partition("\n")
                        lines = rest.split("\n")
                        rest = "\n".join(line.lstrip(" ") for line in lines)
                        token.value = first + newline + rest
            _unindent_comments_after_blocks(value)


def _trimmed(text: str) -> str:
    """Spaces and tabs at line ends dropped where they mean nothing (ruamel stops at a tab
    after a value); lines that a value continues from or on are left alone."""
    lines = scan(text)
    return "\n".join(
        line if {index, index + 1} & lines.inside else line.rstrip(" \t")
        for index, line in enumerate(lines.lines)
    )


def _why(error: Exception) -> str:
    """The first line of an error, with the line it points at when it has one."""
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or str(error).strip().split("\n")[0]
    where = f" (line {mark.line + 1} of the text it read)" if mark is not None else ""
    return f"{type(error).__name__}: {reason}{where}"


def _split_preamble(text: str) -> tuple[str, str]:
    """Directives and comments before an explicit `---` (which ruamel would drop), and the
    rest; the preamble is kept as written, trailing spaces and leading blank lines aside."""
    lines = scan(text)
    start = lines.document_start
    if start is None or lines.lines[start].strip()[3:].strip()[:1] not in ("", "#"):
        return "", text
    head = [line.rstrip() for line in lines.lines[: start + 1]]
    while head and not head[0]:
        head.pop(0)
    return "\n".join(head) + "\n", "\n".join(lines.lines[start + 1 :])


def verify(before: str, after: str) -> None:
    """Raise FormatError unless `after` reads as the same plan as `before`, with the same
    findings (so suppression comments still apply) and every comment."""
    old, new = parse(before), parse(after)
    if new.problems or not same_values(old.data, new.data):
        raise FormatError("formatting would change what the plan means")
    comments = scan(old.text).comments
    lost = Counter(comment.text for comment in comments)
    lost.subtract(comment.text for comment in scan(new.text).comments)
    for comment in comments:
        if lost[comment.text] > 0:
            raise FormatError(
                f"formatting would lose the comment on line {comment.line + 1} "
                f"({comment.text[:40]}); comments inside [ ] or {{ }} or after `...` "
                "cannot be kept: move it onto a line of its own"
            )
    if _finding_keys(old.text) != _finding_keys(new.text):
        raise FormatError("formatting would change the findings of `movekit check`")


def _finding_keys(text: str) -> Counter[tuple[str, str]]:
    # Lines move when a plan is formatted; what a finding is about (its path) must not.
    checked = open_plan(text.encode("utf-8"), name="plan", settings=Settings())
    return Counter((finding.code, finding.path) for finding in checked.findings)


def same_values(a: Any, b: Any) -> bool:
    """Equal plan data, types included (1 is not 1.0 is not true), NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_values(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same_values, a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)
