"""`movekit lsp`, end to end through a real client (pytest-lsp) and the real server process:
findings equal to `movekit check --format json`, the outline, a session of incremental
edits, a fuzzed request stream, and a clean exit."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
import yaml
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from movekit.validate import NOT_A_PLAN
from tests.conftest import EXAMPLE_TODAY, EXAMPLES, REPO, SMALL_PLAN, run_cli

ASYNC = pytest.mark.asyncio(loop_scope="module")

PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
SERVER = [sys.executable, "-m", "movekit", "lsp", "--today", EXAMPLE_TODAY]
RULE_CASES = REPO / "tests" / "rule_cases"
CASE_TODAY = "2027-01-01"  # tests/test_rule_cases.py's default
PLANS = sorted([*EXAMPLES.glob("**/*.yaml"), *(REPO / "tests" / "data").glob("*.yaml")])
SEVERITIES = {1: "error", 2: "warning", 3: "info"}
EDITOR_BREAK = re.compile(r"\r\n|\r|\n")


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient) -> Any:
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            initialization_options={"debounceMs": 30},
        )
    )
    yield
    await lsp_client.shutdown_session()


def _uri(path: Path) -> str:
    return path.resolve().as_uri()


async def _published(client: LanguageClient, uri: str, version: int | None = None) -> Any:
    """The next diagnostics published for `uri` (at `version`, when given)."""
    while True:
        params = await asyncio.wait_for(client.wait_for_notification(PUBLISH), 30)
        if params.uri == uri and (version is None or params.version == version):
            return params.diagnostics


def _set_today(client: LanguageClient, today: str) -> None:
    """Check as of `today` from now on (the server is shared by this module's tests)."""
    settings = {"movekit": {"today": today}}
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings))


async def _open(client: LanguageClient, uri: str, text: str, today: str = EXAMPLE_TODAY) -> Any:
    _set_today(client, today)
    item = types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    return await _published(client, uri)


async def _close(client: LanguageClient, uri: str) -> None:
    document = types.TextDocumentIdentifier(uri=uri)
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=document))
    assert list(await _published(client, uri)) == []


def _column(line: str, character: int) -> int:
    """movekit's 1-based column of a UTF-16 position on `line`."""
    units = 0
    for index, char in enumerate(line):
        if units >= character:
            return index + 1
        units += 2 if ord(char) > 0xFFFF else 1
    return len(line) + 1


def _as_check_json(diagnostic: types.Diagnostic, text: str) -> dict[str, Any]:
    """A diagnostic read back into the fields of `movekit check --format json`."""
    start = diagnostic.range.start
    message, *rest = diagnostic.message.split("\n")
    assert isinstance(diagnostic.data, dict)
    # the last line names the rule and the command that explains it
    assert rest.pop() == f"{diagnostic.data['rule']} (movekit explain {diagnostic.code})"
    hint = "\n".join(rest)
    return {
        "code": diagnostic.code,
        "rule": diagnostic.data["rule"],
        "severity": SEVERITIES[int(diagnostic.severity or 0)],
        "message": message,
        "line": start.line + 1,
        "column": _column(EDITOR_BREAK.split(text)[start.line], start.character),
        "path": diagnostic.data["path"],
        "hint": hint,
    }


def _check_json(paths: list[Path], today: str) -> dict[str, list[dict[str, Any]]]:
    """`movekit check --format json`'s findings of each plan, without the file name."""
    result = run_cli("check", *map(str, paths), "--format", "json", "--today", today)
    assert result.returncode in (0, 1), result.stderr
    found: dict[str, list[dict[str, Any]]] = {str(path): [] for path in paths}
    for finding in json.loads(result.stdout)["findings"]:
        found[finding.pop("file")].append(finding)
    return found


def _rule_case_plans() -> dict[str, list[str]]:
    """Every rule case's plan, by the date it is checked on."""
    by_today: dict[str, list[str]] = {}
    for spec_file in sorted(RULE_CASES.glob("*.yaml")):
        spec = yaml.safe_load(spec_file.read_text("utf-8"))
        for case in spec["cases"]:
            today = str(case.get("today", CASE_TODAY))
            by_today.setdefault(today, []).append(case["plan"])
    return by_today


RULE_CASE_PLANS = _rule_case_plans()


async def _compare(client: LanguageClient, paths: list[Path], today: str) -> int:
    """Open each plan in the server and compare its diagnostics with check's JSON."""
    expected = _check_json(paths, today)
    compared = 0
    for path in paths:
        text = path.read_text("utf-8")
        diagnostics = await _open(client, _uri(path), text, today)
        got = [_as_check_json(diagnostic, text) for diagnostic in diagnostics]
        wanted = expected[str(path)]
        if [finding["message"] for finding in wanted] == [NOT_A_PLAN]:
            wanted = []  # another tool's YAML: the server says nothing (test below)
        assert got == wanted, path.name
        compared += len(got)
        await _close(client, _uri(path))
    return compared


@ASYNC
async def test_diagnostics_equal_check_json_on_every_example(client: LanguageClient) -> None:
    compared = await _compare(client, PLANS, EXAMPLE_TODAY)
    assert compared > 50  # the examples have gaps on purpose


@ASYNC
@pytest.mark.parametrize("today", sorted(RULE_CASE_PLANS))
async def test_diagnostics_equal_check_json_on_every_rule_case(
    client: LanguageClient, today: str, tmp_path: Path
) -> None:
    paths = []
    for index, plan in enumerate(RULE_CASE_PLANS[today]):
        path = tmp_path / f"case-{index}.yaml"
        path.write_text(plan, encoding="utf-8")
        paths.append(path)
    await _compare(client, paths, today)


@ASYNC
@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("services:\n  web:\n    image: nginx\n", []),  # a compose file: not a plan
        ("on: push\njobs: {build: {runs-on: ubuntu-latest}}\n", []),  # a workflow
        ("campaign: {name: A, goal: B}\n", ["MK002", "MK002", "MK007"]),  # a plan, no version
    ],
    ids=["compose", "workflow", "plan-without-version"],
)
async def test_other_tools_yaml_gets_no_diagnostics_but_a_plan_does(
    client: LanguageClient, tmp_path: Path, text: str, codes: list[str]
) -> None:
    path = tmp_path / "other.yaml"
    diagnostics = await _open(client, _uri(path), text)
    await _close(client, _uri(path))
    assert sorted(str(diagnostic.code) for diagnostic in diagnostics) == codes


@ASYNC
async def test_a_diagnostic_has_its_range_rule_link_and_tags(
    client: LanguageClient, tmp_path: Path
) -> None:
    unknown = SMALL_PLAN.replace(
        "campaign: {name: Clean Air,", "campaign: {name: Clean Air, golae: y,"
    )
    path = tmp_path / "plan.yaml"
    diagnostics = await _open(client, _uri(path), unknown)
    await _close(client, _uri(path))
    by_code = {diagnostic.code: diagnostic for diagnostic in diagnostics}
    schema = by_code["MK003"]  # a file-level error: the unknown key, underlined whole
    line = unknown.splitlines()[schema.range.start.line]
    assert line[schema.range.start.character : schema.range.end.character] == "golae"
    assert schema.code_description is not None
    assert schema.code_description.href.endswith("rules.md#mk003-unknown-key")
    assert Path(schema.code_description.href.removeprefix("file://").split("#")[0]).is_file()
    assert schema.source == "movekit"
    assert "\n" in schema.message  # the hint, on a line of its own


@ASYNC
async def test_an_unused_suppression_is_tagged_unnecessary(
    client: LanguageClient, tmp_path: Path
) -> None:
    plan = SMALL_PLAN.replace("name: Parents}", "name: Parents}  # movekit: ignore[MK301]")
    path = tmp_path / "plan.yaml"
    diagnostics = await _open(client, _uri(path), plan)
    await _close(client, _uri(path))
    unused = [diagnostic for diagnostic in diagnostics if diagnostic.code == "MK008"]
    assert unused, [diagnostic.code for diagnostic in diagnostics]
    assert all(list(d.tags or []) == [types.DiagnosticTag.Unnecessary] for d in unused)
    others = [d for d in diagnostics if d.code != "MK008"]
    assert all(not d.tags for d in others)


def _text_at(text: str, range_: types.Range) -> str:
    lines = text.splitlines()
    if range_.start.line != range_.end.line:
        return ""
    return lines[range_.start.line][range_.start.character : range_.end.character]


def _contains(outer: types.Range, inner: types.Range) -> bool:
    def key(position: types.Position) -> tuple[int, int]:
        return (position.line, position.character)

    return key(outer.start) <= key(inner.start) and key(inner.end) <= key(outer.end)


async def _symbols(client: LanguageClient, uri: str) -> list[types.DocumentSymbol]:
    document = types.TextDocumentIdentifier(uri=uri)
    params = types.DocumentSymbolParams(text_document=document)
    result = await client.text_document_document_symbol_async(params)
    assert isinstance(result, list)
    return [symbol for symbol in result if isinstance(symbol, types.DocumentSymbol)]


def _walk(symbols: list[types.DocumentSymbol], depth: int = 0) -> Any:
    for symbol in symbols:
        yield symbol, depth
        yield from _walk(symbol.children or [], depth + 1)


@ASYNC
async def test_the_outline_names_what_the_plan_names(client: LanguageClient) -> None:
    path = EXAMPLES / "clean-air-streets.yaml"
    text = path.read_text("utf-8")
    plan = yaml.safe_load(text)
    await _open(client, _uri(path), text)
    symbols = await _symbols(client, _uri(path))
    await _close(client, _uri(path))
    by_name = {symbol.name: symbol for symbol in symbols}
    assert symbols[0].name == plan["campaign"]["name"]
    sections = [name for name in by_name if name != plan["campaign"]["name"]]
    assert sections == [key for key in plan if key in by_name]
    outcomes = by_name["outcomes"].children or []
    assert [o.name for o in outcomes] == [o["title"] for o in plan["outcomes"]]
    measures = outcomes[0].children or []
    assert [m.name for m in measures] == [m["metric"] for m in plan["outcomes"][0]["measures"]]
    journeys = by_name["journeys"].children or []
    assert [j.name for j in journeys] == [j["id"] for j in plan["journeys"]]
    stages = journeys[0].children or []
    assert len(stages) == len(plan["journeys"][0]["stages"])
    asks = stages[0].children or []
    assert [a.name for a in asks] == [c["ask"] for c in plan["journeys"][0]["stages"][0]["ctas"]]
    for symbol, _ in _walk(symbols):
        assert _contains(symbol.range, symbol.selection_range), symbol.name
        for child in symbol.children or []:
            assert _contains(symbol.range, child.range), (symbol.name, child.name)
    for outcome in outcomes:  # the name's own range is the title as written
        assert _text_at(text, outcome.selection_range).strip("'\"") == outcome.name


def _position(text: str, offset: int) -> types.Position:
    before = text[:offset]
    lines = EDITOR_BREAK.split(before)
    character = sum(2 if ord(char) > 0xFFFF else 1 for char in lines[-1])
    return types.Position(line=len(lines) - 1, character=character)


def _edit(
    text: str, start: int, end: int, new: str
) -> tuple[str, types.TextDocumentContentChangePartial]:
    change = types.TextDocumentContentChangePartial(
        range=types.Range(_position(text, start), _position(text, end)), text=new
    )
    return text[:start] + new + text[end:], change


def _change(client: LanguageClient, uri: str, version: int, change: Any) -> None:
    document = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
    params = types.DidChangeTextDocumentParams(text_document=document, content_changes=[change])
    client.text_document_did_change(params)


@ASYNC
async def test_a_session_of_200_incremental_edits_ends_in_the_right_diagnostics(
    client: LanguageClient,
) -> None:
    """Type a plan in 200 edits (with typos put in and taken out), as an editor sends them."""
    path = REPO / "tests" / "data" / "small-gaps.yaml"
    target, uri = path.read_text("utf-8"), _uri(path)
    await _open(client, uri, "")
    rng, text, version = random.Random(17), "", 1
    chunks = [
        target[i : i + len(target) // 150 + 1]
        for i in range(0, len(target), len(target) // 150 + 1)
    ]
    edits = 0
    for chunk in chunks:
        text, change = _edit(text, len(text), len(text), chunk)
        version += 1
        _change(client, uri, version, change)
        edits += 1
        if edits < 200 and rng.random() < 0.35:  # a typo in the middle, then undone
            where = rng.randrange(len(text) + 1)
            typo_text, change = _edit(text, where, where, "é\tx🙂")
            version += 1
            _change(client, uri, version, change)
            _, change = _edit(typo_text, where, where + 4, "")
            version += 1
            _change(client, uri, version, change)
            edits += 2
    while edits < 200:  # delete the last line and type it again
        cut = text.rstrip("\n").rfind("\n") + 1
        line = text[cut:]
        text, change = _edit(text, cut, len(text), "")
        _change(client, uri, version := version + 1, change)
        text, change = _edit(text, cut, cut, line)
        _change(client, uri, version := version + 1, change)
        edits += 2
    assert text == target and edits >= 200
    diagnostics = await _published(client, uri, version)
    await _close(client, uri)
    expected = _check_json([path], EXAMPLE_TODAY)[str(path)]
    assert [_as_check_json(d, target) for d in diagnostics] == expected
    assert expected  # small-gaps has gaps


def _requests(uri: str, position: types.Position) -> list[tuple[str, Any]]:
    """One request of every feature the server offers, at `position`."""
    document = types.TextDocumentIdentifier(uri=uri)
    at = {"text_document": document, "position": position}
    whole = types.Range(types.Position(0, 0), position)
    context = types.CodeActionContext(diagnostics=[])
    return [
        ("text_document_document_symbol_async", types.DocumentSymbolParams(document)),
        ("text_document_hover_async", types.HoverParams(**at)),
        ("text_document_definition_async", types.DefinitionParams(**at)),
        (
            "text_document_references_async",
            types.ReferenceParams(**at, context=types.ReferenceContext(include_declaration=True)),
        ),
        ("text_document_completion_async", types.CompletionParams(**at)),
        ("text_document_code_action_async", types.CodeActionParams(document, whole, context)),
        ("text_document_rename_async", types.RenameParams(**at, new_name="new-id")),
        ("text_document_prepare_rename_async", types.PrepareRenameParams(**at)),
    ]


BROKEN = [
    "",
    "\t",
    "\x00\x01\x7f",
    "]: {",
    "- - -\n",
    "movekit: [",
    "\ufeff",
    "\u2028",
    "🙂",
    "&a *a",
    "x: !!binary zz",
]


@ASYNC
async def test_a_fuzzed_stream_of_broken_edits_and_requests_never_stops_the_server(
    client: LanguageClient,
) -> None:
    path = REPO / "tests" / "data" / "tiny-plan.yaml"
    uri, good = _uri(path), path.read_text("utf-8")
    await _open(client, uri, good)
    rng, text, version, failures = random.Random(5), good, 1, []
    for step in range(150):
        kind = rng.random()
        start = rng.randrange(len(text) + 1)
        end = min(len(text), start + rng.randrange(40))
        if kind < 0.1:
            start, end = 0, len(text)  # delete everything
        new = (
            rng.choice(BROKEN)
            if kind < 0.8
            else "".join(chr(rng.randrange(1, 0x2FF)) for _ in range(5)).replace("\r", "")
        )
        text, change = _edit(text, start, end, new)
        _change(client, uri, version := version + 1, change)
        lines = EDITOR_BREAK.split(text)
        line = rng.randrange(len(lines) + 2)  # sometimes past the end
        position = types.Position(line, rng.randrange(12))
        name, params = rng.choice(_requests(uri, position))
        try:
            await asyncio.wait_for(getattr(client, name)(params), 30)
        except Exception as error:  # an error answer is a failure too
            failures.append(f"step {step}: {name} at {position}: {error!r}")
    assert failures == []
    text, change = _edit(text, 0, len(text), good)
    _change(client, uri, version := version + 1, change)
    diagnostics = await _published(client, uri, version)
    await _close(client, uri)
    expected = _check_json([path], EXAMPLE_TODAY)[str(path)]
    assert [_as_check_json(d, good) for d in diagnostics] == expected


def _message(body: dict[str, Any]) -> bytes:
    data = json.dumps(body).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(data), data)


def _read_message(stream: Any) -> dict[str, Any]:
    length = 0
    while (header := stream.readline()) not in (b"\r\n", b""):
        if header.lower().startswith(b"content-length:"):
            length = int(header.split(b":")[1])
    return dict(json.loads(stream.read(length)))


def _started() -> subprocess.Popen[bytes]:
    server = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert server.stdin is not None
    server.stdin.write(
        _message(
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
        )
    )
    server.stdin.flush()
    assert "capabilities" in _read_message(server.stdout)["result"]
    return server


def test_the_server_exits_cleanly_on_shutdown_and_exit() -> None:
    server = _started()
    assert server.stdin is not None
    server.stdin.write(_message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    server.stdin.write(_message({"jsonrpc": "2.0", "method": "exit"}))
    server.stdin.flush()
    assert _read_message(server.stdout)["id"] == 2
    assert server.wait(timeout=20) == 0


def test_the_server_exits_when_the_editor_goes_away() -> None:
    server = _started()
    assert server.stdin is not None
    server.stdin.close()  # the editor was closed (or crashed) without a word
    assert server.wait(timeout=20) == 0
    assert server.stdout is not None and server.stdout.read() == b""


def test_lsp_help_names_the_editors_page() -> None:
    result = run_cli("lsp", "--help")
    assert result.returncode == 0
    assert "docs/editors.md" in result.stdout


def test_a_wrong_today_is_refused() -> None:
    result = run_cli("lsp", "--today", str(dt.date(2027, 3, 15)).replace("-", "/"))
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr


@ASYNC
async def test_a_half_typed_plan_shows_file_level_errors_and_keeps_the_last_good_plan(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = _uri(tmp_path / "plan.yaml")
    good = SMALL_PLAN
    assert not [d for d in await _open(client, uri, good) if str(d.code) < "MK100"]
    half = good.replace("journeys:\n", "journeys\n") + "bridges:\n  - journey: "  # no colon
    _, change = _edit(good, 0, len(good), half)
    _change(client, uri, 2, change)
    diagnostics = await _published(client, uri, 2)
    assert {d.code for d in diagnostics} == {"MK001"}
    at = _position(half, len(half))
    params = types.CompletionParams(types.TextDocumentIdentifier(uri), at)
    completions = await client.text_document_completion_async(params)
    await _close(client, uri)
    items = completions.items if isinstance(completions, types.CompletionList) else completions
    assert "parents-journey" in [item.label for item in items or []]  # the last good plan's
