"""One preview from start to stop: build, serve, watch, and end cleanly on Ctrl-C or SIGTERM."""

from __future__ import annotations

import datetime as dt
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from movekit.errors import UsageError


@dataclass(frozen=True)
class PreviewRequest:
    """What `movekit preview` was asked to do."""

    target: Path
    today: dt.date
    host: str = "127.0.0.1"
    port: int | None = None
    templates: Path | None = None
    open_browser: bool = False


def run(request: PreviewRequest, say: Callable[[str], None], warn: Callable[[str], None]) -> None:
    """Serve until SIGINT or SIGTERM; `say` prints the URL and the closing line."""
    from movekit.preview.server import open_server
    from movekit.preview.site import Site
    from movekit.preview.watcher import Watcher

    plans, folder = _plans(request.target, request.templates)
    site = Site(plans, folder, request.today, request.templates, tell=warn)
    server = open_server(site, request.host, request.port)  # a port in use: before any work
    site.rebuild()
    threading.Thread(target=server.serve_forever, name="movekit-serve", daemon=True).start()
    watcher = Watcher(plans, request.templates, site.rebuild)
    watcher.start()
    if watcher.failed:
        warn(f"warning: saves will not be noticed ({watcher.failed}): reload the page by hand")
    url = _url(_shown_host(request.host), server.server_address[1])
    stop = _stop_on_signals()
    say(f"Previewing {request.target} at {url} (Ctrl-C to stop)")
    if request.open_browser:
        import webbrowser

        webbrowser.open(url)
    stop.wait()
    for closing in (site.stop, watcher.close, server.shutdown, server.server_close):
        closing()
    say("Stopped the preview.")


def _plans(target: Path, templates: Path | None) -> tuple[list[Path], Path | None]:
    from movekit.discover import discover

    if templates is not None and not templates.is_dir():
        raise UsageError(f"{templates}: no such template folder (--template)")
    if target.is_dir():
        return discover([target]), target
    if not target.is_file():
        raise UsageError(f"{target}: no such plan file or folder")
    return [target], None


def _shown_host(host: str) -> str:
    """The address to print: `0.0.0.0` or `::` (every interface) is not one a browser can
    open, so this computer's own name stands in for it."""
    if host in ("0.0.0.0", "::", ""):
        import socket

        return socket.gethostname()
    return host


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def _stop_on_signals() -> threading.Event:
    """An event set by Ctrl-C (SIGINT) or SIGTERM, instead of an interrupt mid-request."""
    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stop.set())
    return stop
