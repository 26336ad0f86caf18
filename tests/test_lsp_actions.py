"""Code actions through a real client and the real server process: each action applied to
the text, then the plan checked again: the finding is gone and every other byte is kept."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.lsp_edits import SERVER, apply
from tests.test_lsp_completion import PLAN

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            initialization_options={"today": "2027-03-15", "debounceMs": 0},
        )
    )
    yield
    await lsp_client.shutdown_session()


_opened = iter(range(10_000))


async def diagnostics_of(client: LanguageClient, text: str) -> tuple[str, list[types.Diagnostic]]:
    uri = f"file:///work/actions-{next(_opened)}.yaml"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri, client.diagnostics[uri]


def edited(old: str, new: str) -> str:
    assert old in PLAN, old
    return PLAN.replace(old, new, 1)


CASES = [
    # (name, plan, code, action title starts with, text the fix writes)
    (
        "MK003 key",
        edited("    name: Launch", "    nme: Launch"),
        "MK003",
        "Change 'nme'",
        "    name: Launch",
    ),
    (
        "MK005 id",
        edited("    audience: parents", "    audience: parnts"),
        "MK005",
        "Change",
        "audience: parents",
    ),
    (
        "MK005 id in flow",
        edited("measure: signatures}", "measure: signaturs}"),
        "MK005",
        "Change",
        "measure: signatures}",
    ),
    (
        "MK002 choice",
        edited("        level: action", "        level: acton"),
        "MK002",
        "Change",
        "level: action",
    ),
    (
        "MK302 ignore",
        edited("        content: [leaflets]\n", ""),
        "MK302",
        "Ignore MK302",
        "# movekit: ignore[MK302]",
    ),
    (
        "MK302 add content",
        edited("        content: [leaflets]\n", ""),
        "MK302",
        "Add content:",
        "content:",
    ),
    (
        "MK301 add ctas",
        edited(
            "        ctas:\n"
            "          - {ask: Come to the meeting, mode: offline, target: leader}\n",
            "",
        ),
        "MK301",
        "Add ctas:",
        "ctas:",
    ),
    (
        "MK201 add motivations",
        edited("    motivations: [Their children's health]\n", ""),
        "MK201",
        "Add motivations:",
        "motivations:",
    ),
    (
        "MK601 add a phase",
        edited("    review: 2027-05-01\n", ""),
        "MK601",
        "Add a phase",
        "review: 2027-04-12",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "code", "title", "written"), CASES, ids=[c[0] for c in CASES]
)
async def test_each_action_fixes_its_finding_and_keeps_the_rest(
    client: LanguageClient, name: str, text: str, code: str, title: str, written: str
) -> None:
    uri, found = await diagnostics_of(client, text)
    ours = [diagnostic for diagnostic in found if diagnostic.code == code]
    assert ours, (name, [d.code for d in found])
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=ours[0].range,
            context=types.CodeActionContext(diagnostics=[ours[0]]),
        )
    )
    chosen = [
        a for a in actions or [] if isinstance(a, types.CodeAction) and a.title.startswith(title)
    ]
    assert chosen, [a.title for a in actions or []]
    edit = chosen[0].edit
    assert edit is not None and edit.changes is not None
    (edits,) = edit.changes.values()
    assert len(edits) == 1
    fixed = apply(text, edits)
    assert written in fixed
    # every other byte is kept: only the edit's text was added or swapped
    start, end = edits[0].range.start, edits[0].range.end
    if start == end:
        assert fixed.replace(edits[0].new_text, "", 1) == text
    _, after = await diagnostics_of(client, fixed)
    same_place = [
        d for d in after if d.code == code and d.range.start.line == ours[0].range.start.line
    ]
    assert not same_place, [d.message for d in after]


async def test_no_ignore_for_file_level_findings(client: LanguageClient) -> None:
    uri, found = await diagnostics_of(
        client, edited("    audience: parents", "    audience: parnts")
    )
    (mk005,) = [d for d in found if d.code == "MK005"]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=mk005.range,
            context=types.CodeActionContext(diagnostics=[mk005]),
        )
    )
    titles = [a.title for a in actions or []]
    assert titles and not [t for t in titles if t.startswith("Ignore")]
