"""Code actions on a finding: ignore it on its line, take the did-you-mean suggestion, or add
the keys its rule asks for. Each is one TextEdit; every other byte of the file stays."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from lsprotocol import types

from movekit.lsp.snippets import layout_of, plain, review_date

if TYPE_CHECKING:
    from pygls.workspace import TextDocument

    from movekit.lsp.server import MovekitServer

_SUPPRESSION = re.compile(r"(?:^|(?<=\s))#\s*movekit:\s*ignore\[([^\]]*)\]")
_MEANT = re.compile(r"did you mean '([^']+)'")
_LOWER_OR_QUOTES = re.compile(
    r"(?:write it in lowercase|remove the curly quotes): (\S+)$", re.MULTILINE
)
_QUOTED = re.compile(r"'([^']*)'")
_WRITE = re.compile(r"^Write `[\w-]+: ([^`]+)`")

MISSING = {
    "MK301": ("ctas", ("ctas:", "  - ask: The ask, in the words you will use", "    mode: online")),
    "MK302": ("content", ("content:", "  - The best type of content for this stage")),
    "MK201": ("motivations", ("motivations:", "  - What is likely to move them to act")),
}
"""The keys each rule asks for on an item: (the key, its lines relative to the item)."""


def register(server: MovekitServer) -> None:
    """Add textDocument/codeAction to the server."""

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_actions(params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        document = server.workspace.get_text_document(uri)
        found = []
        for diagnostic in params.context.diagnostics:
            hint = _hint(server, uri, diagnostic)
            found += actions_for(document, diagnostic, hint, server.today)
        return found


def _hint(server: MovekitServer, uri: str, diagnostic: types.Diagnostic) -> str:
    """The finding's hint: in the diagnostic's data, else from the snapshot."""
    if isinstance(diagnostic.data, dict) and isinstance(diagnostic.data.get("hint"), str):
        return str(diagnostic.data["hint"])
    snapshot = server.snapshot(uri)
    if snapshot is None:
        return ""
    for finding in snapshot.checked.findings:
        if finding.code == diagnostic.code and finding.line == diagnostic.range.start.line + 1:
            return finding.hint
    return ""


def actions_for(
    document: TextDocument, diagnostic: types.Diagnostic, hint: str, today: dt.date
) -> list[types.CodeAction]:
    """The quick fixes for one diagnostic."""
    code = str(diagnostic.code or "")
    lines = document.source.splitlines(keepends=True)
    row = diagnostic.range.start.line
    if not code.startswith("MK") or row >= max(len(lines), 1):
        return []
    edits: list[tuple[str, types.TextEdit]] = []
    if code in ("MK002", "MK003", "MK005"):
        replaced = _suggestion(document, lines, diagnostic, hint)
        if replaced is not None:
            edits.append(replaced)
    if code in MISSING:
        added = _add_keys(document, lines, row, *MISSING[code])
        if added is not None:
            edits.append(added)
    if code == "MK601":
        edits.append(_add_phase(document, lines, row, today))
    if not code.startswith("MK0") and lines:
        edits.append(_ignore(document, lines, row, code))
    return [
        types.CodeAction(
            title=title,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            is_preferred=index == 0 and not title.startswith("Ignore"),
            edit=types.WorkspaceEdit(changes={document.uri: [edit]}),
        )
        for index, (title, edit) in enumerate(edits)
    ]


def _body(line: str) -> str:
    return line.rstrip("\r\n")


def _position(document: TextDocument, lines: list[str], row: int, column: int) -> types.Position:
    units = document.position_codec.client_num_units(lines[row][:column]) if row < len(lines) else 0
    return types.Position(row, units)


def _ignore(
    document: TextDocument, lines: list[str], row: int, code: str
) -> tuple[str, types.TextEdit]:
    """`# movekit: ignore[CODE]` at the end of the finding's line (or added to the one there)."""
    body = _body(lines[row])
    existing = _SUPPRESSION.search(body)
    if existing is not None:
        at = existing.end(1)
        inside = existing.group(1).strip()
        new_text = f", {code}" if inside else code
    else:
        at = len(body)
        new_text = f"  # movekit: ignore[{code}]" if body.strip() else f"# movekit: ignore[{code}]"
    place = _position(document, lines, row, at)
    return f"Ignore {code} on this line", types.TextEdit(types.Range(place, place), new_text)


def _suggestion(
    document: TextDocument, lines: list[str], diagnostic: types.Diagnostic, hint: str
) -> tuple[str, types.TextEdit] | None:
    """The did-you-mean suggestion of MK002 (a choice), MK003 (a key) or MK005 (an id)."""
    message = diagnostic.message
    wrong_values = _QUOTED.findall(message)
    meant = _MEANT.search(message) or _LOWER_OR_QUOTES.search(message) or _WRITE.search(hint)
    if meant is None or not wrong_values:
        return None
    suggestion = meant.group(1)
    wrong = wrong_values[0]
    row = diagnostic.range.start.line
    body = _body(lines[row])
    start = document.position_from_client_units(diagnostic.range.start).character
    pattern = re.compile(rf"(?<![\w-]){re.escape(wrong)}(?![\w-])")
    found = pattern.search(body, min(start, len(body))) or pattern.search(body)
    if found is None or wrong == suggestion:
        return None
    span = types.Range(
        _position(document, lines, row, found.start()), _position(document, lines, row, found.end())
    )
    return f"Change '{wrong}' to '{suggestion}'", types.TextEdit(span, suggestion)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _add_keys(
    document: TextDocument, lines: list[str], row: int, key: str, body: tuple[str, ...]
) -> tuple[str, types.TextEdit] | None:
    """Add `key:` with a first entry to the item whose first line is `row`."""
    text = document.source
    layout = layout_of(text)
    line = _body(lines[row])
    item = re.match(r"^( *)-\s+", line)
    if item is None:
        return None
    content = item.end()
    if line[content:].startswith("{"):
        return _add_in_flow(document, lines, row, key, body)
    last = row
    for index in range(row + 1, len(lines)):
        other = lines[index]
        if not other.strip() or other.lstrip().startswith("#"):
            continue
        if _indent(other) < content:
            break
        if _indent(other) == content and re.match(rf"{re.escape(key)}\s*:", other.lstrip()):
            return None  # the key is there, empty: the user fills it in
        last = index
    new_lines = []
    for relative in body:
        pairs = (len(relative) - len(relative.lstrip(" "))) // 2
        new_lines.append(" " * (content + pairs * layout.step) + relative.lstrip(" "))
    new_text = layout.newline.join(new_lines) + layout.newline
    end = lines[last]
    if end.endswith(("\n", "\r")):
        place = types.Position(last + 1, 0)
    else:
        place = _position(document, lines, last, len(end))
        new_text = layout.newline + new_text
    return f"Add {key}:", types.TextEdit(types.Range(place, place), new_text)


def _add_in_flow(
    document: TextDocument, lines: list[str], row: int, key: str, body: tuple[str, ...]
) -> tuple[str, types.TextEdit] | None:
    """`- {level: action}` -> `- {level: action, ctas: [{ask: ..., mode: online}]}`."""
    line = _body(lines[row])
    close = line.rfind("}")
    if close < 0 or re.search(rf"[{{,]\s*{re.escape(key)}\s*:", line):
        return None
    entries = [entry.strip().removeprefix("- ") for entry in body[1:]]
    if ":" in entries[0]:
        value = "[{" + ", ".join(entries) + "}]"
    else:
        value = "[" + ", ".join(entries) + "]"
    place = _position(document, lines, row, close)
    return f"Add {key}:", types.TextEdit(types.Range(place, place), f", {key}: {value}")


def _add_phase(
    document: TextDocument, lines: list[str], row: int, today: dt.date
) -> tuple[str, types.TextEdit]:
    """A phase with a review date, at the end of `phases:` (or a new `phases:` section)."""
    layout = layout_of(document.source)
    newline = layout.newline
    date = review_date(today)
    fields = ("id: review-phase", "name: ${1:First phase}", f"review: {date}")
    opener = re.match(r"^phases\s*:\s*(?:#.*)?$", _body(lines[row])) if lines else None
    if opener is None:  # no `phases:` key: a new section at the end of the file
        dash = " " * layout.dash
        item = [f"{dash}- {fields[0]}", *(f"{dash}  {field}" for field in fields[1:])]
        new_text = newline.join(["phases:", *item]) + newline
        row = len(lines)
    else:
        row += 1
        while row < len(lines) and (
            not lines[row].strip() or _indent(lines[row]) > 0 or lines[row].startswith("-")
        ):
            row += 1
        while row > 0 and not lines[row - 1].strip():
            row -= 1
        dash = " " * layout.dash
        item = [f"{dash}- {fields[0]}", *(f"{dash}  {field}" for field in fields[1:])]
        new_text = newline.join(item) + newline
    if row > 0 and not lines[row - 1].endswith(("\n", "\r")):
        new_text = newline + new_text
        place = _position(document, lines, row - 1, len(lines[row - 1]))
    else:
        place = types.Position(row, 0)
    return "Add a phase with a review date", types.TextEdit(
        types.Range(place, place), plain(new_text)
    )
