"""Keeping each open plan's Snapshot as the editor edits it, and publishing its findings.

A plan is checked at once when it is opened or saved; after a change, once the editor has
been quiet for the server's debounce (each change cancels the check the one before it
scheduled). A request about a plan with a check still waiting runs that check first
(MovekitServer.snapshot), so every feature answers about the text the editor has.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from functools import cache
from importlib.resources import files
from pathlib import Path

from lsprotocol import types

from movekit.findings import Finding, Severity
from movekit.lsp.checking import take_snapshot
from movekit.lsp.places import Places, apply_change
from movekit.lsp.server import MovekitServer, read_options
from movekit.rules import BY_CODE
from movekit.rules.file_level import UNUSED_SUPPRESSION
from movekit.validate import NOT_A_PLAN

log = logging.getLogger(__name__)

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@cache
def rule_docs(code: str) -> str:
    """The rule's section of rules.md as shipped in the package (movekit docs rules)."""
    page = Path(str(files("movekit.docs") / "rules.md"))
    return f"{page.as_uri()}#{code.lower()}-{BY_CODE[code].name}"


def explained(finding: Finding) -> str:
    """The diagnostic's last line: `stage-no-cta (movekit explain MK301)`."""
    return f"{finding.rule} (movekit explain {finding.code})"


def to_diagnostic(finding: Finding, places: Places) -> types.Diagnostic:
    """One finding as the editor shows it: its place, severity, code, message, the hint on
    a line of its own, and a last line naming the rule and the command that explains it."""
    unused = finding.code == UNUSED_SUPPRESSION.code
    lines = [finding.message, *([finding.hint] if finding.hint else []), explained(finding)]
    return types.Diagnostic(
        range=places.yaml_range(finding.line, finding.column, finding.end_column),
        message="\n".join(lines),
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=rule_docs(finding.code)),
        source="movekit",
        tags=[types.DiagnosticTag.Unnecessary] if unused else None,
        data={"rule": finding.rule, "path": finding.path, "hint": finding.hint},
    )


class Documents:
    """The open plans' newest texts and the checks waiting for the editor to go quiet."""

    def __init__(self, server: MovekitServer) -> None:
        self.server = server
        self.texts: dict[str, tuple[str, int | None]] = {}
        self.waiting: dict[str, asyncio.Task[None]] = {}

    @property
    def encoding(self) -> str:
        return self.server.encoding

    def opened(self, uri: str, text: str, version: int | None) -> None:
        self.texts[uri] = (text, version)
        self.check(uri)

    def changed(self, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        text, _ = self.texts.get(uri, ("", None))
        for change in params.content_changes:
            text = apply_change(text, change, self.encoding)
        self.texts[uri] = (text, params.text_document.version)
        self._cancel(uri)
        self.server.pending[uri] = lambda: self.check(uri)
        self.waiting[uri] = asyncio.get_running_loop().create_task(self._after_quiet(uri))

    async def _after_quiet(self, uri: str) -> None:
        await asyncio.sleep(self.server.debounce)
        self.waiting.pop(uri, None)
        self.check(uri)

    def saved(self, uri: str) -> None:
        if uri in self.texts:  # the config file may have changed: check again
            self.check(uri)

    def closed(self, uri: str) -> None:
        self._cancel(uri)
        self.texts.pop(uri, None)
        self.server.snapshots.pop(uri, None)
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def _cancel(self, uri: str) -> None:
        self.server.pending.pop(uri, None)
        task = self.waiting.pop(uri, None)
        if task is not None:
            task.cancel()

    def check(self, uri: str) -> None:
        """Check the newest text now and publish its findings; a failure keeps the last
        snapshot (and is logged) instead of stopping the server."""
        self._cancel(uri)
        if uri not in self.texts:
            return
        text, version = self.texts[uri]
        previous = self.server.snapshots.get(uri)
        try:
            snapshot = take_snapshot(uri, text, version, today=self.server.today, previous=previous)
            places = Places(text, self.encoding)
            findings = snapshot.checked.findings
            if [finding.message for finding in findings] == [NOT_A_PLAN]:
                findings = []  # another tool's YAML (a workflow, a compose file): say nothing
            diagnostics = [to_diagnostic(finding, places) for finding in findings]
        except Exception:
            log.exception("movekit lsp: checking %s failed", uri)
            return
        self.server.snapshots[uri] = snapshot
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )
        # A plan kept is up to millions of small objects without cycles (freed as usual when
        # replaced): moved out of the cyclic collector's sight once, after one collection of
        # what is new (so no garbage is frozen), it never walks them again; it walked them
        # all on each full collection and made a change on a 1 MB plan cost twice as much.
        gc.collect(1)
        gc.freeze()


def register(server: MovekitServer) -> None:
    """Open, change, save and close: keep the snapshots and publish the findings."""
    documents = Documents(server)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        document = params.text_document
        documents.opened(document.uri, document.text, document.version)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        documents.changed(params)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        documents.saved(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        documents.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings
        if isinstance(settings, dict) and isinstance(settings.get("movekit"), dict):
            read_options(server, settings["movekit"])
            for uri in list(documents.texts):
                documents.check(uri)
