"""The event stream (Server-Sent Events): the current version at once, then one per change.

A comment line every few seconds lets the server notice a client that has gone (the write
fails) and keeps proxies from closing an idle connection.
"""

from __future__ import annotations

from io import BufferedIOBase

from movekit.preview.site import Site

KEEPALIVE_SECONDS = 10.0


def stream(site: Site, out: BufferedIOBase) -> None:
    """Write events to `out` until the client leaves or the preview stops."""
    version = site.version
    try:
        _send(out, f"retry: 500\ndata: {version}\n\n")
        while not site.stopped:
            changed = site.wait(version, KEEPALIVE_SECONDS)
            if changed is None:
                _send(out, ": still here\n\n")
                continue
            version = changed
            _send(out, f"data: {version}\n\n")
    except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
        return  # the page was closed or reloaded: nothing to clean up but this thread


def _send(out: BufferedIOBase, text: str) -> None:
    out.write(text.encode("utf-8"))
    out.flush()
