"""The preview's first paint beside `movekit render -f html`, on the shipped examples.

Run through benchmarks/run.py (`--only preview`), which has the helpers. "First paint" is
the time from starting `movekit preview` to the whole document arriving over HTTP (what a
browser paints), measured by this script polling the port; the target is under 1.5x the
time `render -f html` takes to write the same document.
"""

from __future__ import annotations

import http.client
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from run import REPO, TODAY, Contender, _verdict, measure, table, tool

EXAMPLES = [REPO / "examples" / "clean-air-streets.yaml", REPO / "examples" / "warm-homes-now.yaml"]
TARGET = 1.5
POLL_SECONDS = 0.005


def first_paint(movekit: str, plan: Path) -> float:
    """Seconds from starting the preview to the full document, on a free loopback port."""
    port = _free_port()
    start = time.perf_counter()
    process = subprocess.Popen(
        [movekit, "preview", str(plan), "--today", TODAY, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            page = _document(port)
            if page is not None:
                elapsed = time.perf_counter() - start
                assert b"</html>" in page, "the preview sent a partial document"
                return elapsed
            if process.poll() is not None:
                raise RuntimeError(f"movekit preview stopped with exit {process.returncode}")
            time.sleep(POLL_SECONDS)  # leave the cores to the preview starting up
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)


def _document(port: int) -> bytes | None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/")
        return connection.getresponse().read()
    except OSError:
        return None  # not listening yet
    finally:
        connection.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def previewing(repeat: int, folder: Path) -> tuple[str, list[str]]:
    """Each example: render and preview alternately, `repeat` times, medians compared."""
    movekit = tool("movekit")
    assert movekit is not None
    text, verdicts = "", []
    for plan in EXAMPLES:
        output = str(folder / "p.html")
        render = Contender(
            f"movekit render -f html ({plan.name})",
            [movekit, "render", str(plan), "--today", TODAY, "-f", "html", "-o", output],
        )
        print(f"  preview {plan.name} ...", file=sys.stderr, flush=True)
        subprocess.run(render.command, capture_output=True, check=True)  # warm, unmeasured
        first_paint(movekit, plan)
        paints = []
        for _ in range(repeat):  # alternately, so that a busy neighbour slows both alike
            measure(render)
            paints.append(first_paint(movekit, plan))
        paint = statistics.median(paints)
        ratio = paint / render.median
        text += table(f"Rendering {plan.name} (the baseline)", [render]) + "\n"
        text += (
            f"movekit preview, first paint of {plan.name}: median {paint:.3f} s over "
            f"{len(paints)} runs ({ratio:.2f}x render)\n\n"
        )
        target = f"{plan.name}: preview first paint < {TARGET}x render"
        verdicts.append(_verdict(target, ratio < TARGET, f"{ratio:.2f}x"))
    return text, verdicts


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        report, lines = previewing(int(sys.argv[1]) if len(sys.argv) > 1 else 5, Path(scratch))
    print(report + "\n".join(lines))
