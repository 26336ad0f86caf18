"""Completion: the plan's ids wherever a reference goes, the values of each choice with
their meaning, and snippets for new items. Ids come from the newest plan that had no
file-level errors, so completion keeps working while the file is half typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from movekit.lsp.catalog import REFERENCE_KINDS, choices_for, named
from movekit.lsp.cursor import Spot, spot
from movekit.lsp.snippets import SNIPPETS, item_text, layout_of

if TYPE_CHECKING:
    from pygls.workspace import TextDocument

    from movekit.lsp.server import MovekitServer
    from movekit.model import Plan

TRIGGERS = [":", " ", "[", ",", "-"]


def register(server: MovekitServer) -> None:
    """Add textDocument/completion to the server."""

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=TRIGGERS)
    )
    def complete(params: types.CompletionParams) -> types.CompletionList:
        document = server.workspace.get_text_document(params.text_document.uri)
        snapshot = server.snapshot(params.text_document.uri)
        plan = None
        if snapshot is not None:
            plan = snapshot.plan or snapshot.last_good
        items = completions(document, params.position, plan)
        return types.CompletionList(is_incomplete=False, items=items)


def completions(
    document: TextDocument, position: types.Position, plan: Plan | None
) -> list[types.CompletionItem]:
    """The completion items at `position` of `document`."""
    lines = document.source.splitlines()
    if position.line >= len(lines):
        lines += [""] * (position.line + 1 - len(lines))
    where = document.position_from_client_units(position)
    here = spot(lines, where.line, min(where.character, len(lines[where.line])))
    line = lines[where.line]
    start = types.Position(
        position.line, document.position_codec.client_num_units(line[: here.start])
    )
    replace = types.Range(start, position)
    if here.key:
        choices = choices_for(here.key, here.parents)
        if choices:
            return _choices(choices, replace)
        if plan is not None and here.parents and here.key in REFERENCE_KINDS:
            return _ids(here, plan, replace)
        if here.item:  # `- ` under `stages:`: a new stage
            return _snippets(here.key, here.indent, "", document.source, replace)
        return []
    if not line.strip() and here.parents:  # an empty line in a section
        return _snippets(here.parents[-1], here.indent, "- ", document.source, replace)
    return []


def _ids(here: Spot, plan: Plan, replace: types.Range) -> list[types.CompletionItem]:
    kind = REFERENCE_KINDS[here.key]
    journey = here.siblings.get("journey") if kind == "stage" else None
    return [
        types.CompletionItem(
            label=item.id,
            kind=types.CompletionItemKind.Reference,
            detail=item.detail,
            label_details=types.CompletionItemLabelDetails(description=item.kind),
            text_edit=types.TextEdit(replace, item.id),
            filter_text=item.id,
            sort_text=f"{index:05d}",
        )
        for index, item in enumerate(named(plan, kind, journey))
    ]


def _choices(choices: dict[str, str], replace: types.Range) -> list[types.CompletionItem]:
    return [
        types.CompletionItem(
            label=value,
            kind=types.CompletionItemKind.EnumMember,
            detail=meaning,
            documentation=meaning,
            text_edit=types.TextEdit(replace, value),
            sort_text=f"{index:02d}",
        )
        for index, (value, meaning) in enumerate(choices.items())
    ]


def _snippets(
    section: str, dash: int, lead: str, text: str, replace: types.Range
) -> list[types.CompletionItem]:
    """New items for the list `section`, for a dash at column `dash` (`lead` is written
    before the item when the dash is not typed yet)."""
    layout = layout_of(text)
    return [
        types.CompletionItem(
            label=snippet.label,
            kind=types.CompletionItemKind.Snippet,
            detail=f"a new item under {section}:",
            insert_text_format=types.InsertTextFormat.Snippet,
            text_edit=types.TextEdit(replace, lead + item_text(snippet.body, dash, layout)),
        )
        for snippet in SNIPPETS
        if section in snippet.lists
    ]
