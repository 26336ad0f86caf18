"""The language server: one pygls server holding each open plan's Snapshot, with each
capability registered by its own module (FEATURES)."""

from __future__ import annotations

import importlib

from lsprotocol import types
from pygls.lsp.server import LanguageServer

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


class MovekitServer(LanguageServer):
    """pygls's server, plus the snapshot of every open plan."""

    def __init__(self) -> None:
        super().__init__(
            "movekit", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.snapshots: dict[str, Snapshot] = {}

    def snapshot(self, uri: str) -> Snapshot | None:
        """The newest snapshot of an open plan, or None when it is not open."""
        return self.snapshots.get(uri)


def build() -> MovekitServer:
    """A server with every feature registered."""
    server = MovekitServer()
    for name in FEATURES:
        importlib.import_module(name).register(server)
    return server
