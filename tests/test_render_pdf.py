"""PDF output, read back with pypdf: metadata, pages, bookmarks, contents, and no fetching;
and what `render --pdf` shows while it works (tests/test_render_pdf_layout.py: the pages)."""

from __future__ import annotations

import datetime as dt
import http.server
import os
import pty
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader
from pypdf.generic import Destination

from movekit.config import Settings
from movekit.engine import check_bytes
from movekit.render.document import build_document
from movekit.render.templates import HTML_TEMPLATE, fill
from tests.conftest import EXAMPLE_TODAY, EXAMPLES, SMALL_PLAN, run_cli

TODAY = dt.date.fromisoformat(EXAMPLE_TODAY)

SECTIONS = [
    "Summary",  # the one-page summary after the cover (issue 16)
    "Outcomes and measures",
    "Who decides",
    "Audiences",
    "Messages",
    "Journeys",
    "Community ownership",
    "Channel plan",
    "Phases, reviews and results",
    "Budget",
    "Assumptions and risks",
    "Open gaps",
]
JOURNEYS = [
    "Parents and carers at the 20 target primary schools",
    "Residents living on the 20 school streets",
    "Stockport's 63 ward councillors",
]


def _render_pdf(output: Path, plan: Path = EXAMPLES / "clean-air-streets.yaml") -> Path:
    result = run_cli("render", str(plan), "--pdf", "--today", EXAMPLE_TODAY, "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {output}\n"
    return output


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _render_pdf(tmp_path_factory.mktemp("pdf") / "plan.pdf")


@pytest.fixture(scope="module")
def reader(pdf: Path) -> PdfReader:
    return PdfReader(pdf)


def _flat(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def _outline(items: list[object], depth: int = 0) -> Iterator[tuple[int, Destination]]:
    for item in items:
        if isinstance(item, list):
            yield from _outline(item, depth + 1)
        else:
            assert isinstance(item, Destination)
            yield depth, item


def test_metadata_names_the_campaign_and_its_owner(reader: PdfReader) -> None:
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == "Clean Air Streets: campaign plan"
    assert metadata.author == "Clean Air Stockport"
    assert metadata.creation_date is not None
    assert metadata.creation_date.date().isoformat() == EXAMPLE_TODAY


def test_every_page_but_the_cover_has_a_header_and_a_page_number(reader: PdfReader) -> None:
    pages = len(reader.pages)
    assert pages >= 6
    assert _flat(reader.pages[0].extract_text()).endswith(f"Page 1 of {pages}")
    chapters = "|".join(SECTIONS)
    for number, page in enumerate(reader.pages[1:], start=2):
        margins = rf"Clean Air Streets ({chapters}) Plan data as of 15 March 2027 Page {number} of"
        assert re.search(rf"{margins} {pages}$", _flat(page.extract_text()))


def test_bookmarks_follow_the_headings(reader: PdfReader) -> None:
    marks = [(depth, item.title) for depth, item in _outline(reader.outline)]
    top = [title for depth, title in marks if depth == 1]
    assert top == SECTIONS  # the sections, under the campaign's name
    assert marks[0] == (0, "Clean Air Streets")
    journeys = marks.index((1, "Journeys"))
    assert [title for _, title in marks[journeys + 1 : journeys + 4]] == JOURNEYS


def test_the_contents_give_the_right_page_numbers(reader: PdfReader) -> None:
    cover = _flat(reader.pages[0].extract_text())
    for depth, item in _outline(reader.outline):
        if depth == 1:
            page = reader.get_destination_page_number(item) + 1
            assert re.search(rf"{re.escape(item.title)} ?\.*\s*{page}\b", cover), item.title


def test_the_text_reads_in_the_method_order(reader: PdfReader) -> None:
    text = _flat(" ".join(page.extract_text() for page in reader.pages[1:]))
    place = 0
    journeys = SECTIONS.index("Journeys") + 1
    for heading in [*SECTIONS[:journeys], *JOURNEYS, *SECTIONS[journeys:]]:
        assert heading in text[place:], f"{heading} is missing or out of order"
        place = text.index(heading, place)
    for content in ("Look up your school on the air-quality map", "Bridge 1", "Street captains"):
        assert content in text


def test_the_same_plan_and_day_give_the_same_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    from movekit.render.pdf import pdf_bytes

    checked = check_bytes(SMALL_PLAN.encode(), "plan.yaml", today=TODAY, settings=Settings())
    assert checked.plan is not None
    html = fill(HTML_TEMPLATE, build_document(checked.plan, [], TODAY), None, html=True)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    pdfs = []
    for now in (1_000_000_000.0, 2_000_000_000.0):  # years apart: fonts get stamped with now
        monkeypatch.setattr(time, "time", lambda now=now: now)
        pdfs.append(pdf_bytes(html, EXAMPLES, TODAY)[0])
    assert pdfs[0] == pdfs[1]
    assert "SOURCE_DATE_EPOCH" not in os.environ  # restored


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """An HTTP server on 127.0.0.1 that records every request it gets."""
    _Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        thread.join(timeout=10)
        httpd.server_close()


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201e1e1a2a30000000049454e44ae426082"
)
"""A 1x1 PNG."""


def test_only_files_in_the_plans_folder_are_ever_read(server: str, tmp_path: Path) -> None:
    folder = tmp_path / "campaign"
    folder.mkdir()
    (folder / "logo.png").write_bytes(PNG)
    (tmp_path / "secret.png").write_bytes(PNG)
    summary = f'<img src="{server}/summary.png"> <a href="{server}/link">link</a>'
    plan = folder / "plan.yaml"
    plan.write_text(SMALL_PLAN.replace("name: Clean Air", f"name: Clean Air, summary: '{summary}'"))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "cover.html.j2").write_text(
        f'<h1>{{{{ doc.cover.name }}}}</h1><img src="{server}/logo.png"><img src="logo.png">'
        f'<img src="../secret.png"><img src="file:///etc/hostname"><img src="//127.0.0.1/x.png">'
        f'<link rel="stylesheet" href="{server}/style.css"><p>{{{{ doc.cover.summary }}}}</p>\n',
        encoding="utf-8",
    )
    (templates / "document.css").write_text(
        f'@import url("{server}/import.css");\nbody {{ background: url("{server}/bg.png"); }}\n',
        encoding="utf-8",
    )
    output = tmp_path / "plan.pdf"
    args = ("--pdf", "--template", str(templates), "-o", str(output))
    result = run_cli("render", str(plan), "--today", EXAMPLE_TODAY, *args)
    assert result.returncode == 0, result.stderr
    assert _Recorder.requests == []
    for refused in ("/logo.png", "/style.css", "/import.css", "/bg.png"):
        assert f"warning: did not fetch {server}{refused}" in result.stderr
    assert "secret.png: only files in the plan's folder" in result.stderr
    assert "file:///etc/hostname" in result.stderr
    pages = PdfReader(output).pages
    images = {image.name for page in pages for image in page.images}
    assert len(images) == 1  # the logo in the plan's folder only (pages share resources)
    assert f'<img src="{server}/summary.png">' in _flat(pages[0].extract_text())  # as text


def _render_at_a_terminal(plan: Path, output: Path) -> tuple[str, str]:
    """`movekit render --pdf` with a pseudo-terminal as its stderr (stdout piped): what the
    terminal showed, and what went to stdout."""
    environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "NO_COLOR": "1"}
    environment.pop("FORCE_COLOR", None)
    leader, follower = pty.openpty()
    args = ("render", str(plan), "--pdf", "--today", EXAMPLE_TODAY, "-o", str(output))
    process = subprocess.Popen(
        [sys.executable, "-m", "movekit", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=follower,
        env=environment,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the program has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.stdout is not None
    printed = process.stdout.read().decode()
    process.stdout.close()
    assert process.wait(timeout=120) == 0
    return b"".join(chunks).decode("utf-8", "replace"), printed


def test_at_a_terminal_a_spinner_shows_the_pdf_is_being_made(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(SMALL_PLAN, encoding="utf-8")
    shown, printed = _render_at_a_terminal(plan, tmp_path / "plan.pdf")
    assert "Making the PDF" in shown
    assert shown.startswith("\x1b[?25l")  # rich hides the cursor while the spinner turns
    assert "\x1b[?25h" in shown  # and gives it back
    assert shown.endswith("\x1b[2K")  # the spinner's line cleared: nothing left behind
    assert printed == f"wrote {tmp_path / 'plan.pdf'}\n"  # the spinner stays on stderr
    assert PdfReader(tmp_path / "plan.pdf").pages


def test_piped_nothing_but_the_file_written_is_shown(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(SMALL_PLAN, encoding="utf-8")
    output = tmp_path / "plan.pdf"
    result = run_cli("render", str(plan), "--pdf", "--today", EXAMPLE_TODAY, "-o", str(output))
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout == f"wrote {output}\n"
