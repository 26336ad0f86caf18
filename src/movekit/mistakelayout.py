"""Recognisers for mistakes in the layout of a plan: tabs, quotes, brackets, colons, indentation."""

from __future__ import annotations

from movekit.mistakeshapes import (
    Failure,
    Found,
    content_before,
    indent_of,
    key_and_value,
    quoted,
    without_comment,
)


def tab(failure: Failure) -> Found | None:
    if failure.char(failure.line, failure.column) != "\t":
        return None
    before = failure.text(failure.line)[: failure.column]
    where = "is indented with a tab" if not before.strip() else "has a tab where YAML expects text"
    hint = "YAML indents with spaces only: replace the tab with spaces (two per level)"
    return Found(f"Line {failure.line + 1} {where}", hint, failure.line, failure.column)


def unclosed_quote(failure: Failure) -> Found | None:
    if "quoted scalar" not in failure.context:
        return None
    quote = failure.char(failure.context_line, failure.context_column) or '"'
    if "end of stream" not in failure.problem and "document" not in failure.problem:
        return None
    message = f"The quote {quote} that opens this text is never closed"
    hint = f"Add the closing {quote} at the end of the text"
    return Found(message, hint, failure.context_line, failure.context_column)


def unclosed_flow(failure: Failure) -> Found | None:
    if "flow" not in failure.context:
        return None
    if "depth" in failure.problem:
        message = "Brackets [ ] or { } are nested too deep here (over 1,000 levels)"
        hint = "No plan needs this: the file is damaged or made to attack the reader"
        return Found(message, hint, failure.line, failure.column)
    line, column = failure.context_line, failure.context_column
    if failure.char(line, column) not in ("[", "{"):
        line, column = _last_opener(failure.lines, failure.line, failure.column)
    opener = failure.char(line, column) or "["
    closer = "]" if opener == "[" else "}"
    kind = "list" if opener == "[" else "mapping"
    message = f"The {kind} opened with {opener} on line {line + 1} is not closed with {closer}"
    hint = f"Add the closing {closer}, or write the {kind} as indented lines"
    if " #" in failure.text(line)[column:]:
        hint = f"The ` #` on line {line + 1} starts a comment that hides the rest: {hint.lower()}"
        hint += "; put text that contains ` #` in quotes"
    return Found(message, hint, line, column)


def _last_opener(lines: list[str], end_line: int, end_column: int) -> tuple[int, int]:
    """The last [ or { before a position that no ] or } closes (quotes ignored)."""
    open_at: list[tuple[int, int]] = []
    for number, line in enumerate(lines[: end_line + 1]):
        stop = end_column if number == end_line else len(line)
        for column, char in enumerate(without_comment(line)[:stop]):
            if char in "[{":
                open_at.append((number, column))
            elif char in "]}" and open_at:
                open_at.pop()
    return open_at[-1] if open_at else (end_line, end_column)


def missing_colon(failure: Failure) -> Found | None:
    if "expected ':'" not in failure.problem:
        return None
    line = failure.text(failure.context_line)
    indent = indent_of(line)
    stripped = line[indent:].removeprefix("- ")
    start = len(line) - len(stripped)
    words = without_comment(stripped).split(" ", 1)
    if len(words) == 1:
        hint = f"Add a colon after `{words[0]}` (`{words[0]}:`), or delete the line"
        return Found(f"`{words[0]}` has no colon after it", hint, failure.context_line, len(line))
    fixed = f"{words[0]}: {words[1].strip()}"
    message = f"`{without_comment(stripped)}` has no colon: YAML cannot tell the key from its value"
    hint = f"Put a colon after the key: `{fixed}`"
    return Found(message, hint, failure.context_line, start + len(words[0]))


def items_after_empty(failure: Failure) -> Found | None:
    previous = content_before(failure.lines, failure.line)
    if previous is None:
        return None
    code = without_comment(failure.lines[previous]).rstrip()
    if not code.endswith(("[]", "{}")):
        return None
    key, _ = key_and_value(failure.lines[previous])
    empty = code[-2:]
    what = "an empty list" if empty == "[]" else "an empty mapping"
    message = f"`{key}: {empty}` makes {key} {what}, but items follow on the next lines"
    hint = f"Delete the `{empty}` after `{key}:` so the lines below belong to it"
    return Found(message, hint, previous, len(code) - 2)


def list_item_indent(failure: Failure) -> Found | None:
    line = failure.text(failure.line)
    indent = indent_of(line)
    if not line[indent:].startswith("-"):
        return None
    for number in range(failure.line - 1, -1, -1):
        other = failure.lines[number]
        if not other.strip() or other.lstrip().startswith("#"):
            continue
        other_indent = indent_of(other)
        if other[other_indent:].startswith("- ") and other_indent != indent:
            message = (
                f"This list item is indented by {_spaces(indent)}, "
                f"but the item above it (line {number + 1}) by {_spaces(other_indent)}"
            )
            hint = f"Line up the `-` of the items in a list: indent it by {_spaces(other_indent)}"
            return Found(message, hint, failure.line, indent)
        if other_indent < indent or other[other_indent:].startswith("- "):
            return None
    return None


def dash_among_keys(failure: Failure) -> Found | None:
    line = failure.text(failure.line)
    indent = indent_of(line)
    if not line[indent:].startswith("-") or "expected key" not in failure.problem:
        return None
    for number in range(failure.line - 1, -1, -1):
        other = failure.lines[number]
        glued = other[indent:][:1] == "-" and other[indent + 1 : indent + 2] not in (" ", "")
        if indent_of(other) == indent and glued:
            fixed = "- " + other[indent + 1 :].strip()
            message = f"`{other.strip()}` needs a space after the `-` to be a list item"
            return Found(message, f"Write `{fixed}`", number, indent + 1)
        if other.strip() and indent_of(other) < indent:
            break
    message = "A list item (`-`) cannot stand among the keys of a mapping"
    hint = "Delete the stray `-`, or indent the list under a key that ends with `:`"
    return Found(message, hint, failure.line, indent)


def text_after_quote(failure: Failure) -> Found | None:
    line = failure.text(failure.line)
    before = line[: failure.column].rstrip()
    if not before.endswith(('"', "'")) or failure.column >= len(line.rstrip()):
        return None
    key, value = key_and_value(line)
    closing = before[-1]
    message = f"The text in {closing}quotes{closing} ends at column {len(before)}, but more follows"
    inner = value[1:-1] if len(value) > 1 and value[0] == value[-1] == closing else value
    fixed = quoted(inner, single=True)
    hint = f"Put the whole text in single quotes, writing ' inside it as '': `{key}: {fixed}`"
    return Found(message, hint, failure.line, len(before) - 1)


def directive_without_start(failure: Failure) -> Found | None:
    """`%YAML 1.2` (or `%TAG`) with no `---` line after it: YAML wants one there."""
    if "document start" not in failure.problem:
        return None
    for number in range(min(failure.line, len(failure.lines) - 1), -1, -1):
        line = without_comment(failure.text(number)).rstrip()
        if line.startswith("%"):
            message = f"The line `{line}` needs a line `---` after it, where the plan starts"
            hint = f"Add a line `---` after `{line}`, or delete that line: movekit does not need it"
            return Found(message, hint, number, len(line))
    return None


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"
