"""A real `movekit preview` process for the preview tests: started, read, stopped by signal."""

from __future__ import annotations

import http.client
import os
import re
import selectors
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

URL = re.compile(r"at (http://127\.0\.0\.1:(\d+)/)")
STARTUP_SECONDS = 30


@dataclass
class Preview:
    """A running preview: its process, the line it printed and the port it serves on."""

    process: subprocess.Popen[str]
    first_line: str
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def connection(self, timeout: float = 5) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def get(self, path: str, method: str = "GET") -> tuple[int, str]:
        """The status and body of one request, its path sent exactly as given."""
        connection = self.connection()
        try:
            connection.putrequest(method, path, skip_host=False, skip_accept_encoding=True)
            connection.endheaders()
            answer = connection.getresponse()
            return answer.status, answer.read().decode("utf-8")
        finally:
            connection.close()

    def stop(self, number: int = signal.SIGINT) -> tuple[int, str, str]:
        """Send the signal; the exit code, and what it printed after the URL line."""
        self.process.send_signal(number)
        out, err = self.process.communicate(timeout=10)
        return self.process.returncode, out, err


def start(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Preview:
    """`movekit preview ARGS`, once it has printed its URL (it is then serving and watching)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "movekit", "preview", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )
    assert process.stdout is not None
    with selectors.DefaultSelector() as waiting:
        waiting.register(process.stdout, selectors.EVENT_READ)
        if not waiting.select(STARTUP_SECONDS):
            process.kill()
            raise AssertionError("movekit preview printed nothing")
    line = process.stdout.readline()
    found = URL.search(line)
    if found is None:
        process.kill()
        _, err = process.communicate()
        raise AssertionError(f"no URL in {line!r}; stderr: {err}")
    return Preview(process, line, int(found.group(2)))


def finish(preview: Preview) -> None:
    """Stop a preview a test left running."""
    if preview.process.poll() is None:
        preview.process.kill()
        preview.process.communicate(timeout=10)
