"""The HTTP server: the standard library's threading server, one thread per request.

Only exact routes are answered: the pages the Site knows and /events. The request path is
compared as sent, never turned into a file name, so no file of the folder can be read by
path (`/../plan.yaml`, `/%2e%2e/plan.yaml` and the like are simply unknown routes: 404).
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from movekit.errors import UsageError
from movekit.preview.events import stream
from movekit.preview.site import Site

FIRST_PORT = 8765
PORTS_TRIED = 20
"""Without --port: 8765, else the next free port up to 20 further, else any free port."""

NOT_FOUND = b"Not found: movekit preview serves the plan's document and nothing else.\n"


class PreviewServer(ThreadingHTTPServer):
    """Streams end when the preview stops; no thread keeps the process alive."""

    daemon_threads = True
    allow_reuse_address = False  # a port in use must be reported, not shared

    def __init__(self, address: tuple[str, int], site: Site) -> None:
        self.address_family = _family(address[0])
        super().__init__(address, Handler)
        self.site = site


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD of the known routes; anything else is 404."""

    server: PreviewServer
    server_version = "movekit-preview"

    def do_GET(self) -> None:  # the name http.server calls
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _answer(self, *, body: bool) -> None:
        route = self.path.split("?", 1)[0]
        if route == "/events" and body:
            self._events()
            return
        page = self.server.site.page(route)
        if page is None:
            self._send(HTTPStatus.NOT_FOUND, "text/plain", NOT_FOUND, body)
        else:
            self._send(HTTPStatus.OK, "text/html", page.encode("utf-8"), body)

    def _send(self, status: HTTPStatus, kind: str, content: bytes, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if body:
            self.wfile.write(content)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        stream(self.server.site, self.wfile)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal shows the URL and nothing per request."""


def open_server(site: Site, host: str, port: int | None) -> PreviewServer:
    """Bind host:port, or the first free port from FIRST_PORT when no port was asked for."""
    if port is not None:
        return _bind(site, host, port, asked=True)
    for candidate in range(FIRST_PORT, FIRST_PORT + PORTS_TRIED):
        try:
            return _bind(site, host, candidate, asked=False)
        except _PortInUse:
            continue
    return _bind(site, host, 0, asked=False)


class _PortInUse(Exception):
    pass


def _bind(site: Site, host: str, port: int, *, asked: bool) -> PreviewServer:
    try:
        return PreviewServer((host, port), site)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            if not asked:
                raise _PortInUse from None
            raise UsageError(
                f"port {port} is in use (another preview or program has it): choose another "
                "with --port, or leave --port out to use the next free one"
            ) from None
        raise UsageError(f"cannot serve on {host} port {port}: {error.strerror}") from None


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET
