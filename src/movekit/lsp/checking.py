"""Checking an open plan as `movekit check` would check its file: the same settings (the
nearest config file to the plan's path, else the defaults) and the same pipeline."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from pygls.uris import to_fs_path

from movekit.codes import CODES
from movekit.config import Settings, load_settings
from movekit.engine import check_bytes
from movekit.errors import MovekitError
from movekit.lsp.snapshot import Snapshot

log = logging.getLogger(__name__)


def plan_path(uri: str) -> Path | None:
    """The file an editor's document is, or None for an unsaved one (`untitled:`)."""
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


def settings_for(uri: str) -> Settings:
    """The settings `check` would use for this plan; the defaults when its config file is
    broken (the editor shows the plan's findings rather than nothing)."""
    path = plan_path(uri)
    try:
        return load_settings(path or Path.cwd() / "_", CODES)
    except MovekitError as error:
        log.warning("movekit lsp: %s; checking with the default settings", error)
        return Settings()


def take_snapshot(
    uri: str, text: str, version: int | None, *, today: dt.date, previous: Snapshot | None
) -> Snapshot:
    """Check the text and keep the newest plan that had no file-level errors."""
    path = plan_path(uri)
    name = str(path) if path is not None else uri
    checked = check_bytes(
        text.encode("utf-8", errors="surrogatepass"), name, today=today, settings=settings_for(uri)
    )
    last_good = checked.plan or (previous.last_good if previous is not None else None)
    return Snapshot(uri=uri, text=text, version=version, checked=checked, last_good=last_good)
