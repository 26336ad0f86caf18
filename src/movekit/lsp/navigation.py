"""Go to definition, find references and rename, for every id of a plan.

Which ids there are and where each is written comes from idindex.py (the models'
markers), so a new kind of reference works here once its field carries its marker.
A rename is one WorkspaceEdit that replaces the id's characters and nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from movekit.lsp.idindex import IdIndex, Occurrence
from movekit.lsp.locate import client_range, ids_of, server_position
from movekit.modeltypes import ABOUT_KINDS
from movekit.suggest import is_slug, slug_for

if TYPE_CHECKING:
    from movekit.lsp.server import MovekitServer
    from movekit.lsp.snapshot import Snapshot


class RenameRefused(JsonRpcException):
    """A rename the plan cannot take: the client shows the message as it is."""

    CODE = types.LSPErrorCodes.RequestFailed


def _under_cursor(
    server: MovekitServer, uri: str, position: types.Position
) -> tuple[Snapshot, IdIndex, Occurrence] | None:
    snapshot = server.snapshot(uri)
    if snapshot is None:
        return None
    found = ids_of(snapshot)
    line, character = server_position(server.encoding, snapshot.text, position)
    occurrence = found.at(line, character)
    return None if occurrence is None else (snapshot, found, occurrence)


def _location(server: MovekitServer, snapshot: Snapshot, occurrence: Occurrence) -> types.Location:
    place = client_range(
        server.encoding, snapshot.text, occurrence.line, occurrence.start, occurrence.end
    )
    return types.Location(snapshot.uri, place)


def definition(server: MovekitServer, params: types.DefinitionParams) -> types.Location | None:
    """Where the id under the cursor is declared."""
    found = _under_cursor(server, params.text_document.uri, params.position)
    if found is None:
        return None
    snapshot, ids, occurrence = found
    declared = ids.definition(occurrence.symbol)
    return None if declared is None else _location(server, snapshot, declared)


def references(server: MovekitServer, params: types.ReferenceParams) -> list[types.Location]:
    """Every use of the id under the cursor (and its declaration when asked for)."""
    found = _under_cursor(server, params.text_document.uri, params.position)
    if found is None:
        return []
    snapshot, ids, occurrence = found
    declared = params.context.include_declaration
    return [
        _location(server, snapshot, use)
        for use in ids.uses(occurrence.symbol)
        if declared or not use.definition
    ]


def prepare_rename(
    server: MovekitServer, params: types.PrepareRenameParams
) -> types.PrepareRenamePlaceholder | None:
    """The id under the cursor, when there is one to rename."""
    found = _under_cursor(server, params.text_document.uri, params.position)
    if found is None:
        return None
    snapshot, _, occurrence = found
    place = _location(server, snapshot, occurrence).range
    return types.PrepareRenamePlaceholder(place, occurrence.symbol.id)


def rename(server: MovekitServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    """One edit changing the id and every reference to it, or a refusal that says why."""
    found = _under_cursor(server, params.text_document.uri, params.position)
    if found is None:
        return None
    snapshot, ids, occurrence = found
    refusal = refuse(ids, occurrence, params.new_name)
    if refusal is not None:
        raise RenameRefused(refusal)
    edits = [
        types.TextEdit(_location(server, snapshot, use).range, params.new_name)
        for use in ids.uses(occurrence.symbol)
    ]
    return types.WorkspaceEdit(changes={snapshot.uri: edits})


def refuse(ids: IdIndex, occurrence: Occurrence, new_name: str) -> str | None:
    """Why `new_name` cannot replace the id, in the plan's words; None when it can."""
    symbol = occurrence.symbol
    if not is_slug(new_name):
        return (
            f"'{new_name}' is not a valid id: write it as '{slug_for(new_name)}' "
            "(lowercase letters, digits and hyphens)"
        )
    if new_name == symbol.id:
        return None
    if new_name in ids.taken(symbol.kind, symbol.scope):
        where = " in this journey" if symbol.scope else ""
        return f"There is already a {symbol.kind} '{new_name}'{where}: choose another id"
    if symbol.kind in ABOUT_KINDS and _makes_about_ambiguous(ids, occurrence, new_name):
        return (
            f"'{new_name}' is already the id of another item, and an `about` entry names "
            f"'{symbol.id}' or '{new_name}' by its id alone: write it as KIND:ID first"
        )
    return None


def _makes_about_ambiguous(ids: IdIndex, occurrence: Occurrence, new_name: str) -> bool:
    """Whether a bare `about` entry would name two items once the id is `new_name`."""
    others = {
        o.symbol.kind
        for o in ids.occurrences
        if o.definition and o.symbol.id == new_name and o.symbol.kind in ABOUT_KINDS
    }
    if not others:
        return False
    return any(o.bare and o.symbol.id in (occurrence.symbol.id, new_name) for o in ids.occurrences)


def register(server: MovekitServer) -> None:
    """Add definition, references and rename (with prepareRename) to the server."""
    server.feature(types.TEXT_DOCUMENT_DEFINITION)(lambda params: definition(server, params))
    server.feature(types.TEXT_DOCUMENT_REFERENCES)(lambda params: references(server, params))
    server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)(
        lambda params: prepare_rename(server, params)
    )
    server.feature(types.TEXT_DOCUMENT_RENAME)(lambda params: rename(server, params))
