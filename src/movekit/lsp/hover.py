"""Hover: what a key means (its description in the models), what an id names (its title,
level, mode...), and on a finding, the rule's explanation as `movekit explain` shows it."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pydantic import BaseModel

from movekit.findings import Finding, Path
from movekit.lsp.idindex import IdIndex, Occurrence
from movekit.lsp.locate import ids_of, lines_of, server_position, spot_at
from movekit.modelfields import fields_of
from movekit.rules import BY_CODE
from movekit.rules.docs import rule_page

if TYPE_CHECKING:
    from movekit.lsp.server import MovekitServer
    from movekit.lsp.snapshot import Snapshot

SHOWN_FIELDS = 6
"""At most this many of an item's short values under its title."""
SHORT = 80
"""Longer values are left out of an id's summary: the item's definition is a click away."""
_TITLES = ("title", "name", "what", "says", "text")
"""The fields that name an item, in order of preference: the first present is its title."""


def hover(server: MovekitServer, params: types.HoverParams) -> types.Hover | None:
    """The hover text at a position, or None where there is nothing to say."""
    snapshot = server.snapshot(params.text_document.uri)
    if snapshot is None:
        return None
    line, character = server_position(server.encoding, snapshot.text, params.position)
    parts = [finding_text(f) for f in findings_at(snapshot, line, character)]
    spot = spot_at(snapshot, line, character)
    if spot is not None and spot.occurrence is not None:
        parts.append(id_text(snapshot, ids_of(snapshot), spot.occurrence))
    elif spot is not None and spot.on_key and spot.field is not None:
        parts.append(f"**{spot.field.key}**: {spot.field.description}")
    if not parts:
        return None
    content = types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts))
    return types.Hover(content)


def findings_at(snapshot: Snapshot, line: int, character: int) -> list[Finding]:
    """The findings whose range holds the position (to the end of the line when a finding
    has no end)."""
    lines = lines_of(snapshot.text)
    found = []
    for finding in snapshot.checked.findings:
        if finding.line - 1 != line or line >= len(lines):
            continue
        end = finding.end_column - 1 if finding.end_column else len(lines[line])
        if finding.column - 1 <= character <= end:
            found.append(finding)
    return found


def finding_text(finding: Finding) -> str:
    """A finding's message and hint, then its rule's explanation (`movekit explain`'s)."""
    hint = f"\n\n{plain(finding.hint)}" if finding.hint else ""
    explained = rule_page(BY_CODE[finding.code], level=3)
    return f"**{finding.code}** {plain(finding.message)}{hint}\n\n{explained}"


def id_text(snapshot: Snapshot, ids: IdIndex, occurrence: Occurrence) -> str:
    """What an id names: its kind and id, its title, then its other short values."""
    symbol = occurrence.symbol
    heading = f"**{symbol.kind.capitalize()}** `{symbol.id}`"
    declared = ids.definition(symbol)
    document = snapshot.checked.document
    if declared is None or document is None:
        return f"{heading}: declared nowhere in this plan"
    item_path = declared.path[:-1]
    values = value_at(document.data, item_path)
    model = ids.items.get(item_path)
    if not isinstance(values, dict) or model is None:
        return heading
    title = next((values[k] for k in _TITLES if isinstance(values.get(k), str)), None)
    lines = [f"{heading}: {plain(title)}" if title else heading]
    lines += [f"- {key}: {plain(shown)}" for key, shown in _short_values(model, values)]
    if declared.line != occurrence.line:
        lines.append(f"\nDeclared on line {declared.line + 1}.")
    return "\n".join(lines)


_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~])")
"""What Markdown reads inside a line (the values never start one)."""


def plain(text: str) -> str:
    """A plan's words shown as they are written, not read as Markdown or HTML."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def _short_values(model: type[BaseModel], values: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    for key in fields_of(model):
        value = values.get(key)
        if key == "id" or key in _TITLES or isinstance(value, bool):
            continue
        if isinstance(value, str | int | float | dt.date) and len(str(value)) <= SHORT:
            found.append((key, str(value)))
    return found[:SHOWN_FIELDS]


def value_at(data: Any, path: Path) -> Any:
    """The raw value at a path of the plan, or None when it is not there."""
    for part in path:
        in_list = isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data)
        if not in_list and not (isinstance(data, dict) and part in data):
            return None
        data = data[part]
    return data


def register(server: MovekitServer) -> None:
    """Add hover to the server."""
    server.feature(types.TEXT_DOCUMENT_HOVER)(lambda params: hover(server, params))
