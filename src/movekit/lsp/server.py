"""The language server: one pygls server holding each open plan's Snapshot, with each
capability registered by its own module (FEATURES)."""

from __future__ import annotations

import copy
import datetime as dt
import importlib
import logging
from collections.abc import Callable, Generator
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from movekit.lsp.snapshot import Snapshot
from movekit.version import __version__

FEATURES = (
    "movekit.lsp.diagnostics",  # keeps the snapshots (open, change, save, close) and publishes
    "movekit.lsp.symbols",
    "movekit.lsp.navigation",  # definition, references, rename
    "movekit.lsp.hover",
    "movekit.lsp.completion",
    "movekit.lsp.actions",
)
"""Modules with a `register(server: MovekitServer) -> None` that adds their features."""

DEBOUNCE = 0.15
"""Seconds of quiet after a change before the plan is checked again: typing a word costs
one check, not one per key."""

log = logging.getLogger(__name__)


class MovekitProtocol(LanguageServerProtocol):
    """pygls's protocol, except that an edit reaches movekit as the editor sent it."""

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
        self, params: types.DidChangeTextDocumentParams
    ) -> Generator[Any, Any, None]:
        # pygls's workspace gets a copy: pygls counts lines as str.splitlines does (also at
        # U+0085, U+2028, form feeds...) and moves a position past such a line's end in place.
        for change in copy.deepcopy(params.content_changes):
            self.workspace.update_text_document(params.text_document, change)
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None


class MovekitServer(LanguageServer):
    """pygls's server, plus the snapshot of every open plan."""

    def __init__(self, *, today: dt.date | None = None) -> None:
        super().__init__(
            "movekit",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=MovekitProtocol,
        )
        self.snapshots: dict[str, Snapshot] = {}
        self.fixed_today = today
        """The date plans are checked as of (`--today`, or the `today` initialization
        option); None checks as of the real date."""
        self.debounce = DEBOUNCE
        self.pending: dict[str, Callable[[], None]] = {}
        """Checks waiting for the editor to go quiet, by document: `snapshot()` runs a
        document's at once, so a request is always answered about the editor's text."""

    @property
    def today(self) -> dt.date:
        """The date `check` would use now."""
        return self.fixed_today or dt.date.today()

    @property
    def encoding(self) -> str:
        """How the client counts columns: `utf-16` unless it asked for `utf-8` or `utf-32`."""
        kind = self.workspace.position_encoding
        if isinstance(kind, types.PositionEncodingKind):
            return kind.value
        return str(kind or types.PositionEncodingKind.Utf16.value)

    def snapshot(self, uri: str) -> Snapshot | None:
        """The newest snapshot of an open plan, or None when it is not open."""
        check = self.pending.pop(uri, None)
        if check is not None:
            check()
        return self.snapshots.get(uri)

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Log a handler's failure; never tell the client's user (pygls would show a pop-up
        for each) and never stop: the next request is answered as usual."""
        log.error("movekit lsp: %s: %s", type(error).__name__, error)


def read_options(server: MovekitServer, options: Any) -> None:
    """Apply the client's options (`initializationOptions`, or the `movekit` settings of
    workspace/didChangeConfiguration): `today` (YYYY-MM-DD) and `debounceMs`."""
    if not isinstance(options, dict):
        return
    today = options.get("today")
    if isinstance(today, str):
        try:
            server.fixed_today = dt.date.fromisoformat(today)
        except ValueError:
            log.warning(
                "movekit lsp: today %r is not a YYYY-MM-DD date; using the real date", today
            )
    debounce = options.get("debounceMs")
    if isinstance(debounce, int | float) and not isinstance(debounce, bool) and debounce >= 0:
        server.debounce = debounce / 1000


def build(*, today: dt.date | None = None) -> MovekitServer:
    """A server with every feature registered."""
    server = MovekitServer(today=today)

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        read_options(server, params.initialization_options)

    for name in FEATURES:
        importlib.import_module(name).register(server)
    return server
