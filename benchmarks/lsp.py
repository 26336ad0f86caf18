"""The language server's latency: from a `didChange` to its `publishDiagnostics`, beside a
cold `movekit check` of the same file (what each save costs without the server).

Run through benchmarks/run.py (`--only lsp`), which has the helpers. The server runs with
no debounce here (`debounceMs: 0`), so the figure is the server's own work; an editor adds
the debounce (150 ms of quiet after the last key) while typing, and nothing on save.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import time
from pathlib import Path
from typing import IO, Any

from generate import generate, parse_size
from run import EXAMPLE, REPO, TODAY, Contender, _verdict, compare, tool

EDITS = 20
"""Edits timed per plan (each adds a comment line at the end, or takes it away again)."""


class Session:
    """A `movekit lsp` process and the JSON-RPC messages exchanged with it."""

    def __init__(self, movekit: str) -> None:
        self.process = subprocess.Popen(
            [movekit, "lsp", "--today", TODAY], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.ids = 0
        self.request("initialize", {"capabilities": {}, "initializationOptions": {"debounceMs": 0}})
        self.notify("initialized", {})

    def send(self, body: dict[str, Any]) -> None:
        data = json.dumps({"jsonrpc": "2.0", **body}).encode()
        stream: IO[bytes] | None = self.process.stdin
        assert stream is not None
        stream.write(b"Content-Length: %d\r\n\r\n%s" % (len(data), data))
        stream.flush()

    def receive(self) -> dict[str, Any]:
        stream = self.process.stdout
        assert stream is not None
        length = 0
        while (header := stream.readline()) not in (b"\r\n", b""):
            if header.lower().startswith(b"content-length:"):
                length = int(header.split(b":")[1])
        return dict(json.loads(stream.read(length)))

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any] | None) -> Any:
        self.ids += 1
        self.send({"id": self.ids, "method": method, "params": params})
        while "id" not in (message := self.receive()) or message["id"] != self.ids:
            pass
        return message.get("result")

    def published(self, uri: str, version: int) -> None:
        while True:
            message = self.receive()
            params = message.get("params") or {}
            publish = message.get("method") == "textDocument/publishDiagnostics"
            if publish and params.get("uri") == uri and params.get("version") == version:
                return

    def close(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", {})
        self.process.wait(timeout=30)


def latencies(session: Session, plan: Path) -> list[float]:
    """Seconds from each didChange to the findings of that version."""
    uri, text = plan.resolve().as_uri(), plan.read_text("utf-8")
    lines = text.count("\n")
    item = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
    session.notify("textDocument/didOpen", {"textDocument": item})
    session.published(uri, 1)
    seconds = []
    for version in range(2, EDITS + 2):
        at = {"line": lines, "character": 0}
        if version % 2 == 0:  # add a comment line, then take it away
            change = {"range": {"start": at, "end": at}, "text": "# edited\n"}
        else:
            end = {"line": lines + 1, "character": 0}
            change = {"range": {"start": at, "end": end}, "text": ""}
        start = time.perf_counter()
        session.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )
        session.published(uri, version)
        seconds.append(time.perf_counter() - start)
    session.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    return seconds


def serving(sizes: list[str], repeat: int, folder: Path) -> tuple[str, list[str]]:
    """The server's latency on the examples and generated plans, beside a cold check."""
    movekit = tool("movekit")
    assert movekit is not None, "install movekit first (pip install -e '.[test]')"
    plans = [EXAMPLE, REPO / "examples" / "warm-homes-now.yaml"]
    for size in sizes:
        generated = folder / f"lsp-{size}.yaml"
        generated.write_text(generate(parse_size(size)), encoding="utf-8")
        plans.append(generated)
    session = Session(movekit)
    rows = [
        "### The language server: didChange to publishDiagnostics",
        "",
        "| plan | size (KB) | server, median (ms) | server, slowest (ms) "
        "| cold check --no-cache (ms) | faster |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    verdicts = []
    for plan in plans:
        served = latencies(session, plan)
        cold = Contender(
            f"check {plan.name}", [movekit, "check", str(plan), "--today", TODAY, "--no-cache"]
        )
        compare(f"lsp {plan.name}", [cold], repeat)
        ratio = cold.median / statistics.median(served)
        rows.append(
            f"| {plan.name} | {plan.stat().st_size / 1024:.0f} | "
            f"{statistics.median(served) * 1000:.1f} | {max(served) * 1000:.1f} | "
            f"{cold.median * 1000:.0f} | {ratio:.1f}x |"
        )
        if plan.parent == REPO / "examples":
            verdicts.append(
                _verdict(
                    f"lsp on {plan.name}: >= 10x faster than a cold check",
                    ratio >= 10,
                    f"{ratio:.1f}x",
                )
            )
    session.close()
    return "\n".join(rows) + "\n", verdicts
