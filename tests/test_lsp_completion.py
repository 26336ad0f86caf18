"""Completion in the editor, through a real client and the real server process: the plan's
ids wherever a reference goes (block and flow style, half-typed files), the values of each
choice with their meaning, and snippets for new items."""

from __future__ import annotations

import re

import pytest
import pytest_lsp
import yaml
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.lsp_edits import CURSOR, SERVER, apply, cursor

pytestmark = pytest.mark.asyncio(loop_scope="module")

PLAN = """\
movekit: 1
campaign:
  name: Clean Air Streets
  goal: Council adopts School Streets
outcomes:
  - id: policy
    title: Policy adopted
    type: policy
    measures:
      - id: signatures
        metric: Petition signatures
        target: 1000
    targets: [leader]
audiences:
  - id: parents
    name: Parents at the school gate
    motivations: [Their children's health]
channels:
  - {id: web, name: Campaign website, mode: online}
  - {id: gate, name: School gate talks, mode: offline}
targets:
  - id: leader
    name: Council leader
    role: primary
stakeholders:
  - id: landlords
    name: Landlords' Association
    stance: opponent
    arguments:
      - {id: costs, says: It costs too much}
messages:
  - id: counter
    text: Clean air saves money
    answers: [costs]
journeys:
  - id: parents-journey
    audience: parents
    outcomes: [policy]
    stages:
      - id: notice
        name: Notices the petition
        level: awareness
        phase: launch
        content: [leaflets]
        channels: [web]
        ctas:
          - {ask: Sign the petition, mode: online, measure: signatures}
      - id: meet
        name: Comes to the meeting
        level: action
        content: [invitations]
        channels: [gate]
        ctas:
          - {ask: Come to the meeting, mode: offline, target: leader}
bridges:
  - journey: parents-journey
    from: notice
    to: meet
phases:
  - id: launch
    name: Launch
    review: 2027-05-01
"""


def typing(old: str, new: str) -> str:
    """PLAN with the line `old` replaced by `new` (which marks the cursor)."""
    assert old in PLAN, old
    return PLAN.replace(old, new, 1)


def adding(section: str) -> str:
    return PLAN + section


IDS = [
    ("audience, block", typing("    audience: parents", f"    audience: pa{CURSOR}"), {"parents"}),
    ("outcomes, flow", typing("    outcomes: [policy]", f"    outcomes: [{CURSOR}]"), {"policy"}),
    (
        "channels, flow after a comma",
        typing("        channels: [web]", f"        channels: [web, {CURSOR}]"),
        {"web", "gate"},
    ),
    (
        "channels, block list",
        typing("        channels: [web]", f"        channels:\n          - {CURSOR}"),
        {"web", "gate"},
    ),
    (
        "measure, in a flow call to action",
        typing("mode: online, measure: signatures}", f"mode: online, measure: sig{CURSOR}}}"),
        {"signatures"},
    ),
    (
        "target, in a flow call to action",
        typing("target: leader}", f"target: {CURSOR}}}"),
        {"leader"},
    ),
    (
        "targets of an outcome",
        typing("    targets: [leader]", f"    targets: [{CURSOR}]"),
        {"leader"},
    ),
    (
        "journey of a bridge",
        typing("  - journey: parents-journey", f"  - journey: {CURSOR}"),
        {"parents-journey"},
    ),
    (
        "from: the bridge's stages",
        typing("    from: notice", f"    from: {CURSOR}"),
        {"notice", "meet"},
    ),
    ("to: the bridge's stages", typing("    to: meet", f"    to: m{CURSOR}"), {"notice", "meet"}),
    ("phase of a stage", typing("        phase: launch", f"        phase: {CURSOR}"), {"launch"}),
    ("answers: arguments", typing("    answers: [costs]", f"    answers: [{CURSOR}]"), {"costs"}),
    (
        "bridge in flow style",
        typing(
            "  - journey: parents-journey\n    from: notice\n    to: meet",
            f"  - {{journey: parents-journey, from: {CURSOR}}}",
        ),
        {"notice", "meet"},
    ),
    ("review phase", adding(f"reviews:\n  - phase: {CURSOR}\n"), {"launch"}),
    ("result measure", adding(f"results:\n  - measure: {CURSOR}\n"), {"signatures"}),
    (
        "stakeholders of a mechanism",
        adding(
            f"community:\n  - id: m\n    name: M\n    kind: create\n    stakeholders: [{CURSOR}]\n"
        ),
        {"landlords"},
    ),
    (
        "about: any item, as ID, KIND:ID or JOURNEY/ID",
        adding(f"assumptions:\n  - id: a\n    text: It holds\n    about: [{CURSOR}]\n"),
        {"policy", "outcome:policy", "parents-journey/notice", "leader", "costs"},
    ),
    (
        "serves: of an activity",
        adding(f"activities:\n  - id: a\n    what: Leaflets\n    serves: [pol{CURSOR}]\n"),
        {"policy", "outcome:policy"},
    ),
    (
        "half typed: an unclosed flow list",
        typing("    outcomes: [policy]", f"    outcomes: [po{CURSOR}"),
        {"policy"},
    ),
    ("no ids after a text key", typing("    name: Launch", f"    name: {CURSOR}"), set()),
]

DETAILS = {"parents": "Parents at the school gate", "signatures": "Petition signatures"}


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


async def complete(client: LanguageClient, marked: str) -> tuple[str, list[types.CompletionItem]]:
    """Open PLAN, change it to `marked` (as typing would), complete at the cursor."""
    text, position = cursor(marked)
    uri = f"file:///work/plan-{next(_opened)}.yaml"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=PLAN)
        )
    )
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position
        )
    )
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    items = result.items if isinstance(result, types.CompletionList) else list(result or [])
    return text, items


@pytest.mark.parametrize(("name", "marked", "expected"), IDS, ids=[case[0] for case in IDS])
async def test_ids_where_a_reference_goes(
    client: LanguageClient, name: str, marked: str, expected: set[str]
) -> None:
    text, items = await complete(client, marked)
    labels = {item.label for item in items}
    assert expected <= labels, name
    if not expected:
        assert not [item for item in items if item.kind == types.CompletionItemKind.Reference]
        return
    for item in items:
        if item.label in DETAILS:
            assert item.detail == DETAILS[item.label]
    chosen = next(item for item in items if item.label == sorted(expected)[0])
    assert isinstance(chosen.text_edit, types.TextEdit)
    typed = re.search(rf"[\w:/-]*{CURSOR}", marked)
    assert typed is not None
    want = marked.replace(typed.group(0), chosen.label, 1)
    assert apply(text, [chosen.text_edit]) == want


CHOICES = [
    (
        "level",
        typing("        level: awareness", f"        level: {CURSOR}"),
        {"awareness", "engagement", "action", "ownership"},
    ),
    (
        "mode, flow",
        typing(
            "{ask: Sign the petition, mode: online,", f"{{ask: Sign the petition, mode: o{CURSOR},"
        ),
        {"online", "offline", "direct"},
    ),
    (
        "type of an outcome",
        typing("    type: policy", f"    type: {CURSOR}"),
        {"policy", "awareness", "attitude", "behaviour", "support"},
    ),
    (
        "kind of a measure",
        typing(
            "        metric: Petition signatures",
            f"        metric: Petition signatures\n        kind: {CURSOR}",
        ),
        {"count", "milestone"},
    ),
    (
        "kind of a mechanism",
        adding(f"community:\n  - id: m\n    name: M\n    kind: {CURSOR}\n"),
        {"create", "contribute", "organise", "fund", "decide"},
    ),
    ("role", typing("    role: primary", f"    role: {CURSOR}"), {"primary", "secondary"}),
    (
        "stance",
        typing("    stance: opponent", f"    stance: {CURSOR}"),
        {"ally", "neutral", "opponent"},
    ),
    (
        "position",
        typing("    role: primary", f"    role: primary\n    position: {CURSOR}"),
        {"supports", "undecided", "opposes", "unknown"},
    ),
    (
        "status of a risk",
        adding(f"risks:\n  - id: r\n    risk: Rain\n    status: {CURSOR}\n"),
        {"open", "mitigated", "accepted", "closed"},
    ),
    (
        "status of an assumption",
        adding(f"assumptions:\n  - id: a\n    text: It holds\n    status: {CURSOR}\n"),
        {"untested", "holding", "under-strain", "broken"},
    ),
    (
        "likelihood",
        adding(f"risks:\n  - id: r\n    risk: Rain\n    likelihood: {CURSOR}\n"),
        {"low", "medium", "high"},
    ),
    (
        "impact",
        adding(f"risks:\n  - id: r\n    risk: Rain\n    impact: {CURSOR}\n"),
        {"low", "medium", "high"},
    ),
]


@pytest.mark.parametrize(("name", "marked", "expected"), CHOICES, ids=[case[0] for case in CHOICES])
async def test_choices_with_their_meaning(
    client: LanguageClient, name: str, marked: str, expected: set[str]
) -> None:
    _, items = await complete(client, marked)
    assert {item.label for item in items} == expected, name
    assert all(item.detail and item.kind == types.CompletionItemKind.EnumMember for item in items)


SNIPPETS = [
    ("new stage", typing("      - id: meet", f"      - {CURSOR}\n      - id: meet"), "- id: meet"),
    (
        "new call to action",
        typing("          - {ask: Come", f"          - {CURSOR}\n          - {{ask: Come"),
        "- {ask: Come",
    ),
    (
        "new bridge",
        typing("  - journey: parents-journey", f"  - {CURSOR}\n  - journey: parents-journey"),
        "- journey:",
    ),
    ("new phase", adding(f"  {CURSOR}\n"), "review: 2027-05-01"),
    ("new result", adding(f"results:\n  - {CURSOR}\n"), "results:"),
    ("new mechanism", adding(f"community:\n  - {CURSOR}\n"), "community:"),
    ("new activity", adding(f"activities:\n  - {CURSOR}\n"), "activities:"),
    (
        "new stakeholder",
        typing("  - id: landlords", f"  - {CURSOR}\n  - id: landlords"),
        "- id: landlords",
    ),
    ("new message", typing("  - id: counter", f"  - {CURSOR}\n  - id: counter"), "- id: counter"),
]


@pytest.mark.parametrize(("label", "marked", "kept"), SNIPPETS, ids=[case[0] for case in SNIPPETS])
async def test_snippets_for_new_items(
    client: LanguageClient, label: str, marked: str, kept: str
) -> None:
    text, items = await complete(client, marked)
    chosen = [item for item in items if item.label == label]
    assert chosen, [item.label for item in items]
    snippet = chosen[0]
    assert snippet.insert_text_format == types.InsertTextFormat.Snippet
    assert isinstance(snippet.text_edit, types.TextEdit)
    written = apply(text, [snippet.text_edit])
    # the snippet's tab stops filled with their placeholders, the plan reads as YAML
    filled = re.sub(r"\$\{\d+\|([^,|]*)[^}]*\}", r"\1", written)
    filled = re.sub(r"\$\{\d+:([^}]*)\}", r"\1", filled)

    assert isinstance(yaml.safe_load(filled), dict)
    assert kept in filled
