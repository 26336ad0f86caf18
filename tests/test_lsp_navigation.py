"""`movekit lsp`: go to definition, find references, rename and hover, driven by a real
LSP client (pytest-lsp) against the real server process.

The expected places are found in the plan's text by reading it as a person would (the
`id:` line of the item in its section), never taken from the server's own index.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from movekit.model import Journey
from movekit.modelfields import fields_of
from movekit.rules import BY_CODE
from tests.conftest import run_cli

EXAMPLES = Path(__file__).parent.parent / "examples"
PLAN = (EXAMPLES / "clean-air-streets.yaml").read_text(encoding="utf-8")
GAPS = (EXAMPLES / "gaps" / "plan.yaml").read_text(encoding="utf-8")

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "movekit", "lsp", "--today", "2027-03-15"]
    ),
)
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    params = types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


_opened: dict[str, str] = {}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("plans")


async def open_plan(client: LanguageClient, folder: Path, name: str, text: str) -> str:
    """Open a plan (saved under `name`) and wait until the server has checked it."""
    path = folder / name
    uri = from_fs_path(str(path)) or ""
    if _opened.get(uri) == text:
        return uri
    path.write_text(text, encoding="utf-8")
    if uri in _opened:
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
        )
    client.diagnostics.pop(uri, None)
    item = types.TextDocumentItem(uri, "yaml", 1, text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    while uri not in client.diagnostics:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    _opened[uri] = text
    return uri


# -- Reading the plan as a person would -------------------------------------------------


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def line_after(text: str, start: int, pattern: str) -> int:
    """The first line from `start` matching the regular expression `pattern`."""
    lines = lines_of(text)
    return next(n for n in range(start, len(lines)) if re.search(pattern, lines[n]))


def section(text: str, name: str) -> int:
    return line_after(text, 0, rf"^{name}:")


def declared(text: str, kind_section: str, item_id: str, within: str | None = None) -> int:
    """The line of `id: ITEM` (or `- {id: ITEM, ...}`) in a section, inside the item
    `within` when given."""
    start = section(text, kind_section)
    if within is not None:
        start = line_after(text, start, rf"^\s*(- )?\{{?id: {within}(?![\w-])")
    return line_after(text, start, rf"^\s*(- )?\{{?id: {item_id}(?![\w-])")


def place_of(text: str, in_section: str, snippet: str, token: str) -> types.Position:
    """The middle of `token` inside the first line of a section containing `snippet`."""
    line = line_after(text, section(text, in_section), re.escape(snippet))
    character = lines_of(text)[line].index(snippet) + snippet.index(token) + len(token) // 2
    return types.Position(line, character)


def text_at(text: str, place: types.Range) -> str:
    line = lines_of(text)[place.start.line]
    return line[_offset(line, place.start.character) : _offset(line, place.end.character)]


def _offset(line: str, units: int) -> int:
    """A UTF-16 column (the client's) as an index into the line."""
    return len(line.encode("utf-16-le")[: units * 2].decode("utf-16-le"))


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """The text after a client applies the edits (single-line ones, as rename makes)."""
    lines = lines_of(text)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        line = lines[edit.range.start.line]
        start = _offset(line, edit.range.start.character)
        end = _offset(line, edit.range.end.character)
        lines[edit.range.start.line] = line[:start] + edit.new_text + line[end:]
    return "\n".join(lines)


# -- Definition and references, one row per kind of reference ---------------------------

# (what, section of the reference, text on its line, the id clicked, section, within)
REFERENCES = [
    ("journey's audience", "journeys", "audience: parents", "parents", "audiences", None),
    ("journey's outcomes", "journeys", "[parents-know,", "parents-know", "outcomes", None),
    ("audience's channels", "audiences", "[facebook,", "facebook", "channels", None),
    ("stage's channels", "journeys", "channels: [nextdoor]", "nextdoor", "channels", None),
    ("ask's measure", "journeys", "measure: map-lookups", "map-lookups", "outcomes", None),
    ("ask's target", "journeys", "target: council-leader", "council-leader", "targets", None),
    ("outcome's targets", "outcomes", "highways-member]", "highways-member", "targets", None),
    ("stage's phase", "journeys", "phase: launch", "launch", "phases", None),
    (
        "bridge's journey",
        "bridges",
        "journey: residents-journey",
        "residents-journey",
        "journeys",
        None,
    ),
    ("bridge's from", "bridges", "from: sign", "sign", "journeys", "parents-journey"),
    ("bridge's to", "bridges", "to: talk", "talk", "journeys", "residents-journey"),
    ("target's audiences", "targets", "[residents, councillors]", "councillors", "audiences", None),
    (
        "stakeholder's audiences",
        "stakeholders",
        "audiences: [parents]",
        "parents",
        "audiences",
        None,
    ),
    (
        "message's answers",
        "messages",
        "answers: [traffic-moves]",
        "traffic-moves",
        "stakeholders",
        None,
    ),
    (
        "mechanism's stakeholders",
        "community",
        "[parent-teacher-associations]",
        "parent-teacher-associations",
        "stakeholders",
        None,
    ),
    ("activity's phase", "activities", "phase: pledge-push", "pledge-push", "phases", None),
    (
        "activity serves ID",
        "activities",
        "[parents-know, council-leader]",
        "council-leader",
        "targets",
        None,
    ),
    (
        "activity serves KIND:ID",
        "activities",
        "target:council-leader",
        "council-leader",
        "targets",
        None,
    ),
    (
        "about JOURNEY/ID: the journey",
        "assumptions",
        "parents-journey/notice",
        "parents-journey",
        "journeys",
        None,
    ),
    (
        "about JOURNEY/ID: the stage",
        "assumptions",
        "parents-journey/notice",
        "notice",
        "journeys",
        "parents-journey",
    ),
    (
        "about JOURNEY/ID: the ask",
        "risks",
        "councillors-journey/pledge",
        "pledge",
        "journeys",
        "councillors-journey",
    ),
    ("about a bare measure id", "assumptions", "map-lookups]", "map-lookups", "outcomes", None),
    (
        "about KIND:ID (mechanism)",
        "assumptions",
        "mechanism:street-captains",
        "street-captains",
        "community",
        None,
    ),
    (
        "about KIND:ID (measure)",
        "assumptions",
        "measure:street-captains",
        "street-captains",
        "outcomes",
        None,
    ),
    ("review's phase", "reviews", "- phase: launch", "launch", "phases", None),
    ("result's measure", "results", "{measure: car-drop-offs", "car-drop-offs", "outcomes", None),
    ("spend for ID", "spend", "for: air-report", "air-report", "activities", None),
]


@pytest.mark.parametrize(
    ("in_section", "snippet", "token", "kind_section", "within"),
    [row[1:] for row in REFERENCES],
    ids=[row[0] for row in REFERENCES],
)
async def test_definition_and_references_of_each_kind_of_reference(
    client: LanguageClient,
    folder: Path,
    in_section: str,
    snippet: str,
    token: str,
    kind_section: str,
    within: str | None,
) -> None:
    uri = await open_plan(client, folder, "plan.yaml", PLAN)
    where = place_of(PLAN, in_section, snippet, token)
    document = types.TextDocumentIdentifier(uri)

    found = await client.text_document_definition_async(types.DefinitionParams(document, where))

    assert isinstance(found, types.Location)
    assert found.uri == uri
    assert found.range.start.line == declared(PLAN, kind_section, token, within)
    assert text_at(PLAN, found.range) == token

    for include in (True, False):
        context = types.ReferenceContext(include_declaration=include)
        params = types.ReferenceParams(context=context, text_document=document, position=where)
        uses = await client.text_document_references_async(params) or []
        assert all(text_at(PLAN, use.range) == token for use in uses)
        lines = [use.range.start.line for use in uses]
        assert where.line in lines
        assert (found.range.start.line in lines) is include


async def test_definition_from_the_declaration_is_itself_and_nothing_off_an_id(
    client: LanguageClient, folder: Path
) -> None:
    uri = await open_plan(client, folder, "plan.yaml", PLAN)
    document = types.TextDocumentIdentifier(uri)
    line = declared(PLAN, "audiences", "residents")
    on_id = types.Position(line, lines_of(PLAN)[line].index("residents") + 2)
    found = await client.text_document_definition_async(types.DefinitionParams(document, on_id))
    assert isinstance(found, types.Location) and found.range.start.line == line

    on_prose = place_of(PLAN, "campaign", "name:", "name")
    nothing = await client.text_document_definition_async(
        types.DefinitionParams(document, on_prose)
    )
    assert nothing is None


async def test_definition_lands_on_the_editor_s_line_after_a_unicode_line_separator(
    client: LanguageClient, folder: Path
) -> None:
    # libyaml breaks lines at U+2028 and editors do not: positions go through one mapping
    text = PLAN.replace("  name: Clean Air Streets", '  name: "Clean Air\u2028Streets"', 1)
    assert text != PLAN
    uri = await open_plan(client, folder, "plan.yaml", text)
    where = place_of(text, "journeys", "audience: parents", "parents")
    document = types.TextDocumentIdentifier(uri)
    found = await client.text_document_definition_async(types.DefinitionParams(document, where))
    assert isinstance(found, types.Location)
    assert found.range.start.line == declared(text, "audiences", "parents")
    assert text_at(text, found.range) == "parents"


# -- Rename -------------------------------------------------------------------------------


async def rename(
    client: LanguageClient, uri: str, where: types.Position, new_name: str
) -> types.WorkspaceEdit | None:
    params = types.RenameParams(types.TextDocumentIdentifier(uri), where, new_name)
    return await client.text_document_rename_async(params)


def findings_of(folder: Path, name: str, text: str) -> list[dict[str, object]]:
    (folder / name).write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--today", "2027-03-15", str(folder / name))
    found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return found


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    pairs = zip(lines_of(before), lines_of(after), strict=True)
    return [(old, new) for old, new in pairs if old != new]


# (what, section of the place clicked, text there, the id, the new id, texts the new plan has)
RENAMES = [
    (
        "an audience, from a flow list",
        "targets",
        "[residents, councillors]",
        "residents",
        "neighbours",
        ["audience: neighbours", "[parents, neighbours]", "- id: neighbours"],
    ),
    (
        "a stage, from an about entry",
        "assumptions",
        "parents-journey/notice",
        "notice",
        "first-notice",
        ["parents-journey/first-notice", "- id: first-notice"],
    ),
    (
        "a journey, from a bridge",
        "bridges",
        "journey: parents-journey",
        "parents-journey",
        "families",
        ["about: [families/notice", "journey: families", "- id: families"],
    ),
    (
        "a measure named as KIND:ID",
        "assumptions",
        "measure:street-captains",
        "street-captains",
        "captains",
        ["measure:captains", "mechanism:street-captains", "{measure: captains,"],
    ),
]


@pytest.mark.parametrize(
    ("in_section", "snippet", "token", "new_name", "expected"),
    [row[1:] for row in RENAMES],
    ids=[row[0] for row in RENAMES],
)
async def test_rename_changes_the_id_everywhere_and_nothing_else(
    client: LanguageClient,
    folder: Path,
    in_section: str,
    snippet: str,
    token: str,
    new_name: str,
    expected: list[str],
) -> None:
    uri = await open_plan(client, folder, "plan.yaml", PLAN)
    where = place_of(PLAN, in_section, snippet, token)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(types.TextDocumentIdentifier(uri), where)
    )
    assert isinstance(prepared, types.PrepareRenamePlaceholder)
    assert prepared.placeholder == token and text_at(PLAN, prepared.range) == token

    edit = await rename(client, uri, where, new_name)

    assert edit is not None and edit.changes is not None and list(edit.changes) == [uri]
    renamed = apply(PLAN, edit.changes[uri])
    for text in expected:
        assert text in renamed
    for old, new in changed_lines(PLAN, renamed):
        # every other byte as it was: the line reads the same with the old id put back
        assert re.sub(rf"(?<![\w-]){new_name}(?![\w-])", token, new) == old
    # the plan means the same: the same findings, by code and place
    before = findings_of(folder, "before.yaml", PLAN)
    after = findings_of(folder, "after.yaml", renamed)
    assert [(f["code"], f["line"]) for f in after] == [(f["code"], f["line"]) for f in before]


# (what, the id clicked as above, the new name, words the refusal must say)
REFUSALS = [
    (
        "not a valid id",
        ("audiences", "- id: parents", "parents"),
        "Parents Group",
        ["not a valid id", "parents-group"],
    ),
    (
        "taken in that collection",
        ("audiences", "- id: parents", "parents"),
        "residents",
        ["already", "audience", "residents"],
    ),
    (
        "taken by a stage of the same journey",
        ("bridges", "from: sign", "sign"),
        "walk",
        ["already", "stage", "walk"],
    ),
    (
        "would make a bare about entry name two items",
        ("assumptions", "map-lookups]", "map-lookups"),
        "street-vote",
        ["street-vote", "KIND:ID"],
    ),
]


@pytest.mark.parametrize(
    ("clicked", "new_name", "words"),
    [row[1:] for row in REFUSALS],
    ids=[row[0] for row in REFUSALS],
)
async def test_rename_refuses_what_the_plan_cannot_take(
    client: LanguageClient,
    folder: Path,
    clicked: tuple[str, str, str],
    new_name: str,
    words: list[str],
) -> None:
    uri = await open_plan(client, folder, "plan.yaml", PLAN)
    with pytest.raises(JsonRpcException) as refusal:
        await rename(client, uri, place_of(PLAN, *clicked), new_name)
    for word in words:
        assert word in str(refusal.value)


async def test_a_stage_id_may_repeat_in_another_journey(
    client: LanguageClient, folder: Path
) -> None:
    uri = await open_plan(client, folder, "plan.yaml", PLAN)
    other_journey_stage = lines_of(PLAN)[declared(PLAN, "journeys", "hear", "residents-journey")]
    assert "hear" in other_journey_stage
    edit = await rename(client, uri, place_of(PLAN, "bridges", "from: sign", "sign"), "hear")
    assert edit is not None and edit.changes is not None
    assert all(e.new_text == "hear" for e in edit.changes[uri])


# -- Hover --------------------------------------------------------------------------------


async def hover_text(client: LanguageClient, uri: str, where: types.Position) -> str:
    params = types.HoverParams(types.TextDocumentIdentifier(uri), where)
    found = await client.text_document_hover_async(params)
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    assert found.contents.kind == types.MarkupKind.Markdown
    return found.contents.value


async def test_hover_on_a_key_gives_its_description(client: LanguageClient, folder: Path) -> None:
    uri = await open_plan(client, folder, "plan.yaml", PLAN)
    text = await hover_text(client, uri, place_of(PLAN, "journeys", "audience:", "audience"))
    assert fields_of(Journey)["audience"].description in text


async def test_hover_on_an_id_says_what_it_names(client: LanguageClient, folder: Path) -> None:
    uri = await open_plan(client, folder, "plan.yaml", PLAN)
    start = declared(PLAN, "audiences", "parents")
    name = line_after(PLAN, start, r"^\s+name:")
    title = lines_of(PLAN)[name].split("name:", 1)[1].split(" #")[0].strip()

    text = await hover_text(client, uri, place_of(PLAN, "journeys", "audience: parents", "par"))

    assert "Audience" in text and "`parents`" in text and title in text
    assert f"line {start + 1}" in text


async def test_hover_on_a_channel_shows_its_mode(client: LanguageClient, folder: Path) -> None:
    uri = await open_plan(client, folder, "plan.yaml", PLAN)
    declaration = lines_of(PLAN)[declared(PLAN, "channels", "nextdoor")]
    mode = re.search(r"mode: (\w+)", declaration)
    assert mode is not None

    text = await hover_text(client, uri, place_of(PLAN, "journeys", "[nextdoor]", "nextdoor"))

    assert "Channel" in text and f"mode: {mode.group(1)}" in text


async def test_hover_on_a_finding_explains_its_rule(client: LanguageClient, folder: Path) -> None:
    result = run_cli(
        "check", "--format", "json", "--today", "2027-03-15", str(EXAMPLES / "gaps" / "plan.yaml")
    )
    finding = next(f for f in json.loads(result.stdout)["findings"] if f["code"] == "MK301")
    uri = await open_plan(client, folder, "gaps.yaml", GAPS)

    where = types.Position(finding["line"] - 1, finding["column"] - 1)
    text = await hover_text(client, uri, where)

    rule = BY_CODE["MK301"]
    assert finding["message"] in text
    assert rule.summary in text and rule.name in text


async def test_a_half_typed_plan_still_explains_its_keys(
    client: LanguageClient, folder: Path
) -> None:
    half_typed = PLAN + "\nnotes-to-self: [unfinished\n"
    uri = await open_plan(client, folder, "half.yaml", half_typed)
    assert any(d.code == "MK001" for d in client.diagnostics[uri])
    where = place_of(half_typed, "journeys", "audience: parents", "audience")

    text = await hover_text(client, uri, where)
    found = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(uri), where)
    )

    assert fields_of(Journey)["audience"].description in text
    assert found is None  # ids are found again once the file reads as YAML
