"""`movekit preview` over HTTP: only the document and its event stream, live, stopped cleanly."""

from __future__ import annotations

import http.client
import json
import re
import shlex
import shutil
import signal
import socket
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from movekit.render.summary import STATUS_WORDS
from tests.conftest import EXAMPLE_TODAY, EXAMPLES, run_cli
from tests.preview_process import Preview, finish, start

EXAMPLE = EXAMPLES / "clean-air-streets.yaml"
BROKEN = "movekit: 1\ncampaign:\n  name: [Clean Air\n"
"""A plan whose YAML cannot be read: the list on line 3 is never closed."""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Preview, Path]]:
    """One preview of a copy of the example, shared by the tests that only read."""
    folder = tmp_path_factory.mktemp("preview")
    plan = folder / "plan.yaml"
    shutil.copyfile(EXAMPLE, plan)
    (folder / "secret.txt").write_text("not for the browser", encoding="utf-8")
    preview = start(str(plan), "--today", EXAMPLE_TODAY, cwd=folder)
    yield preview, plan
    finish(preview)


@pytest.fixture
def own(tmp_path: Path) -> Iterator[tuple[Preview, Path]]:
    """A preview of its own, for tests that edit the plan or stop the server."""
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(EXAMPLE, plan)
    preview = start(str(plan), "--today", EXAMPLE_TODAY, cwd=tmp_path)
    yield preview, plan
    finish(preview)


def _events(preview: Preview) -> http.client.HTTPResponse:
    connection = preview.connection(timeout=5)
    connection.request("GET", "/events")
    answer = connection.getresponse()
    assert answer.status == 200
    assert answer.getheader("Content-Type", "").startswith("text/event-stream")
    return answer


def _next_version(stream: http.client.HTTPResponse) -> int:
    """The version in the stream's next `data:` line (comments and `retry:` skipped)."""
    while True:
        line = stream.readline().decode("utf-8")
        assert line, "the stream ended"
        if line.startswith("data: "):
            return int(line.removeprefix("data: "))


def _rename_campaign(plan: Path, name: str) -> None:
    text = plan.read_text(encoding="utf-8")
    plan.write_text(re.sub(r"(?m)^  name: .*$", f"  name: {name}", text, count=1))


def test_the_document_is_served_at_the_root_with_the_live_script(
    served: tuple[Preview, Path],
) -> None:
    preview, _ = served
    status, body = preview.get("/")
    assert status == 200
    assert "<h1" in body and "Clean Air Streets" in body
    assert 'new EventSource("/events")' in body
    assert "movekit-preview-banner" not in body  # the example has no errors


@pytest.mark.parametrize(
    "path",
    ["/plan.yaml", "/secret.txt", "/index.html", "/favicon.ico", "/plans/", "/build/", "/?x=/"],
)
def test_anything_but_the_document_and_its_events_is_404(
    served: tuple[Preview, Path], path: str
) -> None:
    preview, _ = served
    status, body = preview.get(path)
    if path.startswith("/?"):  # the query is ignored: still the document
        assert status == 200
        return
    assert status == 404, path
    assert "movekit:" not in body and "not for the browser" not in body


@pytest.mark.parametrize(
    "path",
    [
        "/../plan.yaml",
        "/%2e%2e/plan.yaml",
        "/%2E%2E%2Fplan.yaml",
        "/..%2fplan.yaml",
        "/..%5cplan.yaml",
        "/%252e%252e/plan.yaml",
        "/./secret.txt",
        "//secret.txt",
        "/events/../plan.yaml",
        "/%2fetc%2fpasswd",
        "/../../../../etc/passwd",
        "/..\\plan.yaml",
    ],
)
def test_paths_that_climb_out_are_404_however_encoded(
    served: tuple[Preview, Path], path: str
) -> None:
    preview, _ = served
    status, body = preview.get(path)
    assert status == 404, path
    assert "movekit: 1" not in body and "root:" not in body and "not for the browser" not in body


def test_other_methods_are_refused(served: tuple[Preview, Path]) -> None:
    preview, _ = served
    assert preview.get("/", method="POST")[0] == 501
    assert preview.get("/", method="HEAD")[0] == 200


def test_a_save_reaches_every_stream_and_the_next_page(own: tuple[Preview, Path]) -> None:
    preview, plan = own
    first, second = _events(preview), _events(preview)
    start_version = _next_version(first)
    assert _next_version(second) == start_version
    _rename_campaign(plan, "Cleaner Air Streets")
    assert _next_version(first) > start_version
    assert _next_version(second) > start_version
    status, body = preview.get("/")
    assert status == 200 and "Cleaner Air Streets" in body


def test_a_client_that_leaves_does_not_stop_the_others(own: tuple[Preview, Path]) -> None:
    preview, plan = own
    leaving = socket.create_connection(("127.0.0.1", preview.port), timeout=5)
    leaving.sendall(b"GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
    received = b""
    while b"data: " not in received:  # the headers and the first event: it is streaming
        chunk = leaving.recv(4096)
        assert chunk, received
        received += chunk
    leaving.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    leaving.close()  # a reset, as when a tab is closed mid-stream
    staying = _events(preview)
    seen = _next_version(staying)
    _rename_campaign(plan, "Still Clean Air")
    assert _next_version(staying) > seen
    _rename_campaign(plan, "Clean Air Again")  # and the next change too
    assert _next_version(staying) > seen + 1
    assert "Clean Air Again" in preview.get("/")[1]
    assert preview.process.poll() is None


def test_a_broken_save_keeps_the_document_under_a_banner_until_fixed(
    own: tuple[Preview, Path],
) -> None:
    preview, plan = own
    stream = _events(preview)
    good = plan.read_text(encoding="utf-8")
    seen = _next_version(stream)
    plan.write_text(BROKEN, encoding="utf-8")
    seen = _next_version(stream)
    status, body = preview.get("/")
    assert status == 200
    assert 'id="movekit-preview-banner"' in body
    assert "line 3, column" in body
    assert "Stockport Council" in body  # the last good document stays under the banner
    plan.write_text(good, encoding="utf-8")
    assert _next_version(stream) > seen
    assert "movekit-preview-banner" not in preview.get("/")[1]


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_and_sigterm_stop_it_with_exit_0_and_one_line(
    own: tuple[Preview, Path], number: int
) -> None:
    preview, _ = own
    stream = _events(preview)  # an open stream must not hold the process
    _next_version(stream)
    code, out, err = preview.stop(number)
    assert code == 0, err
    assert out.splitlines() == ["Stopped the preview."]
    assert err == ""


def test_a_plan_with_errors_from_the_start_shows_the_banner(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BROKEN, encoding="utf-8")
    preview = start(str(plan), cwd=tmp_path)
    try:
        status, body = preview.get("/")
        assert status == 200
        assert "line 3, column" in body and "as soon as the plan can be read" in body
    finally:
        finish(preview)


def test_the_terminal_says_when_the_plan_breaks_and_when_it_is_fixed(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BROKEN, encoding="utf-8")
    preview = start(str(plan), cwd=tmp_path)
    stream = _events(preview)
    seen = _next_version(stream)
    shutil.copyfile(EXAMPLE, plan)
    assert _next_version(stream) > seen
    code, _, err = preview.stop(signal.SIGINT)
    assert code == 0
    lines = err.splitlines()
    assert lines[0].endswith("plan.yaml: 1 error; the page lists them"), err
    assert lines[1].startswith("  line 3, column "), err
    assert lines[2].endswith("plan.yaml: fixed; the page shows the plan again"), err


def test_a_folder_is_served_as_an_index_linking_each_document(tmp_path: Path) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "clean-air.yaml")
    shutil.copyfile(EXAMPLES / "warm-homes-now.yaml", tmp_path / "warm homes.yaml")
    (tmp_path / "notes.yaml").write_text("just: notes\n", encoding="utf-8")
    preview = start(str(tmp_path), "--today", EXAMPLE_TODAY, cwd=tmp_path)
    try:
        status, index = preview.get("/")
        assert status == 200
        assert "Clean Air Streets" in index and "Stockport Council adopts" in index
        assert 'href="/plans/clean-air.yaml"' in index
        assert 'href="/plans/warm%20homes.yaml"' in index
        assert "notes.yaml" not in index  # not a plan
        assert " on track" in index or " no data" in index or " met" in index
        # the counts are the statuses `movekit status` gives
        shown = run_cli("status", str(EXAMPLE), "--today", EXAMPLE_TODAY, "--format", "json")
        counts = Counter(row["status"] for row in json.loads(shown.stdout)["measures"])
        for word, count in counts.items():
            assert f"{count} {STATUS_WORDS[word]}" in index, (word, count)
        status, document = preview.get("/plans/warm%20homes.yaml")
        assert status == 200 and "<h1" in document and "EventSource" in document
        for path in ("/plans/notes.yaml", "/plans/../clean-air.yaml", "/clean-air.yaml"):
            assert preview.get(path)[0] == 404, path
    finally:
        finish(preview)


def test_a_port_in_use_is_exit_2_with_port_and_the_next_free_one_without(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(EXAMPLE, plan)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        from tests.conftest import run_cli

        refused = run_cli("preview", str(plan), "--port", str(port))
        assert refused.returncode == 2
        assert f"port {port} is in use" in refused.stderr
        assert "leave --port out" in refused.stderr
    with socket.socket() as default:
        try:
            default.bind(("127.0.0.1", 8765))
            default.listen()
        except OSError:
            pass  # another preview has it: that does as well
        preview = start(str(plan), cwd=tmp_path)
        try:
            assert preview.port != 8765
            assert preview.get("/")[0] == 200
        finally:
            finish(preview)


def test_another_address_is_warned_about_and_nothing_else_is_bound(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    plan = tmp_path / "plan.yaml"
    shutil.copyfile(EXAMPLE, plan)
    # 192.0.2.1 is for documentation: no machine has it, so the bind fails, safely
    done = run_cli("preview", str(plan), "--host", "192.0.2.1", "--port", "8999")
    assert "warning: serving on 192.0.2.1" in done.stderr
    assert done.returncode == 2 and "cannot serve on 192.0.2.1" in done.stderr


def test_a_missing_plan_is_exit_2(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    done = run_cli("preview", str(tmp_path / "nope.yaml"))
    assert done.returncode == 2 and "nope.yaml" in done.stderr


def test_a_missing_template_folder_is_exit_2(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    plan = tmp_path / "plan.yaml"
    shutil.copyfile(EXAMPLE, plan)
    done = run_cli("preview", str(plan), "--template", str(tmp_path / "my-look"))
    assert done.returncode == 2 and "no such template folder" in done.stderr


def test_a_template_change_redraws_the_document(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(EXAMPLE, plan)
    look = tmp_path / "my-look"
    look.mkdir()
    preview = start(str(plan), "--today", EXAMPLE_TODAY, "--template", str(look), cwd=tmp_path)
    try:
        stream = _events(preview)
        seen = _next_version(stream)
        (look / "cover.html.j2").write_text("<h1>Our own cover</h1>\n", encoding="utf-8")
        assert _next_version(stream) > seen
        page = preview.get("/")[1]
        assert "<h1>Our own cover</h1>" in page and "Stockport Council" in page
    finally:
        finish(preview)


def test_open_opens_the_browser_at_the_address(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(EXAMPLE, plan)
    opened = tmp_path / "opened.txt"
    script = "import pathlib, sys; pathlib.Path(sys.argv[1]).write_text(sys.argv[2])"
    browser = f"{sys.executable} -c {shlex.quote(script)} {opened} %s"  # $BROWSER: a command
    preview = start(str(plan), "--open", cwd=tmp_path, env={"BROWSER": browser})
    try:
        preview.stop()
        assert opened.read_text(encoding="utf-8") == preview.url
    finally:
        finish(preview)


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_every_interface_is_printed_as_this_computer_s_name(host: str) -> None:
    # unit-level: binding every interface is what tests must never do
    from movekit.preview.session import _shown_host

    assert _shown_host(host) == socket.gethostname()
    assert _shown_host("127.0.0.1") == "127.0.0.1"
