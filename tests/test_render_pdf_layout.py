"""The PDF's pages, read back with pypdf: few pages for a small plan, nothing stranded or
alone on a page, bookmarks naming the sections, and tags for screen readers.

Each plan is rendered once through the real CLI (PDF and the same document as HTML, whose
headings and chart words the checks compare with the pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import Destination

from tests.conftest import EXAMPLE_TODAY, EXAMPLES, REPO, run_cli

TINY_PLAN = (REPO / "tests" / "data" / "tiny-plan.yaml").read_text(encoding="utf-8")
"""The smallest plan people start from: one outcome, one audience, nothing else."""

MOST_PAGES = {
    "clean-air-streets": 19,
    "warm-homes-now": 21,
    "gaps": 14,
    "tiny": 4,
}
"""At most this many pages. With every section starting a page, as before issue 16, the
same documents took 23, 25, 18 and 10 pages (the tiny plan's mostly blank)."""

PLANS = {
    "clean-air-streets": EXAMPLES / "clean-air-streets.yaml",
    "warm-homes-now": EXAMPLES / "warm-homes-now.yaml",
    "gaps": EXAMPLES / "gaps" / "plan.yaml",
}


class _Parts(HTMLParser):
    """The document's section headings, and the words of its charts and table headers."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.chart_words: list[str] = []
        self._open: list[str] = []  # the tags open now
        self._inside: list[int] = []  # depths at which a chart block or a table head opened
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link", "br", "img", "hr", "input", "wbr"):
            return
        classes = (dict(attrs).get("class") or "").split()
        self._open.append(tag)
        if "mk-charts" in classes or tag == "thead":
            self._inside.append(len(self._open))
        if tag == "h2":
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._open:
            return
        while self._open and self._open.pop() != tag:
            pass
        while self._inside and self._inside[-1] > len(self._open):
            self._inside.pop()
        if tag == "h2" and self._heading is not None:
            self.sections.append(" ".join("".join(self._heading).split()))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)
        if self._inside:
            self.chart_words.extend(_words(data))


@dataclass(frozen=True)
class Rendered:
    name: str
    reader: PdfReader
    sections: list[str]
    """The h2 headings of the document's parts, in order (the cover's contents excluded)."""
    chart_words: set[str]
    """Every word of the charts' blocks (names, axes, caption) and of the tables' heads."""
    campaign: str


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.replace("\u2019", "'").lower())


def _render(name: str, plan: Path, folder: Path) -> Rendered:
    pdf, html = folder / f"{name}.pdf", folder / f"{name}.html"
    for output in (pdf, html):
        result = run_cli("render", str(plan), "--today", EXAMPLE_TODAY, "-o", str(output))
        assert result.returncode == 0, result.stderr
    parts = _Parts()
    parts.feed(html.read_text(encoding="utf-8"))
    sections = [title for title in parts.sections if title != "Contents"]
    reader = PdfReader(pdf)
    assert reader.metadata is not None and reader.metadata.title
    campaign = reader.metadata.title.removesuffix(": campaign plan")
    return Rendered(name, reader, sections, set(parts.chart_words), campaign)


@pytest.fixture(scope="module", params=[*PLANS, "tiny"])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    name: str = request.param
    folder = tmp_path_factory.mktemp(name)
    plan = PLANS.get(name)
    if plan is None:
        plan = folder / "plan.yaml"
        plan.write_text(TINY_PLAN, encoding="utf-8")
    return _render(name, plan, folder)


def _flat(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def _body(rendered: Rendered, number: int) -> str:
    """The text of page `number` (from 1) without its running header and footer."""
    text = _flat(rendered.reader.pages[number - 1].extract_text())
    pages = len(rendered.reader.pages)
    footer = rf"Plan data as of \d+ \w+ \d{{4}} Page {number} of {pages}$"
    chapters = "|".join(re.escape(title) for title in rendered.sections)
    header = rf"{re.escape(rendered.campaign)} (?:{chapters}) "
    body = re.sub(rf"(?:{header})?{footer}", "", text)
    assert body != text, f"page {number} has no running footer"
    return body.strip()


def _outline(items: list[object], depth: int = 0) -> list[tuple[int, Destination]]:
    found: list[tuple[int, Destination]] = []
    for item in items:
        if isinstance(item, list):
            found.extend(_outline(item, depth + 1))
        else:
            assert isinstance(item, Destination)
            found.append((depth, item))
    return found


def test_the_pdf_has_few_pages(rendered: Rendered) -> None:
    pages = len(rendered.reader.pages)
    assert 2 <= pages <= MOST_PAGES[rendered.name]  # at least the cover and the summary


def test_no_page_is_nearly_blank_but_the_last(rendered: Rendered) -> None:
    """Sections flow on: a short or empty one no longer gets a page of its own."""
    pages = len(rendered.reader.pages)
    for number in range(2, pages):
        body = _body(rendered, number)
        assert len(body) >= 300, f"page {number} of {rendered.name} holds only: {body!r}"


def test_no_page_holds_only_a_header_and_charts(rendered: Rendered) -> None:
    """A chart (or a repeated table head above it) never sits alone on a page."""
    assert rendered.chart_words or rendered.name == "tiny"
    for number in range(2, len(rendered.reader.pages) + 1):
        words = _words(_body(rendered, number))
        others = [word for word in words if word not in rendered.chart_words]
        assert others, f"page {number} of {rendered.name} holds only charts: {words}"


def test_no_heading_is_left_at_the_foot_of_a_page(rendered: Rendered) -> None:
    titles = {_flat(item.title) for _, item in _outline(rendered.reader.outline)}
    assert titles
    for number in range(2, len(rendered.reader.pages) + 1):
        body = _body(rendered, number)
        stranded = [title for title in titles if body.endswith(title)]
        assert not stranded, f"page {number} of {rendered.name} ends with its heading {stranded}"


def test_the_bookmarks_name_the_sections_in_order(rendered: Rendered) -> None:
    marks = _outline(rendered.reader.outline)
    assert marks[0][0] == 0 and _flat(marks[0][1].title) == rendered.campaign
    top = [_flat(item.title) for depth, item in marks if depth == 1]
    assert top == rendered.sections
    assert {"Outcomes and measures", "Audiences", "Open gaps"} <= set(top)
    for _, item in marks:  # every bookmark leads to a page
        assert 0 <= rendered.reader.get_destination_page_number(item) < len(rendered.reader.pages)


def test_the_pdf_is_tagged_for_screen_readers(rendered: Rendered) -> None:
    catalog = rendered.reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    tree = catalog["/StructTreeRoot"]
    assert tree["/Type"] == "/StructTreeRoot" and len(tree["/K"]) > 0
    assert catalog["/Lang"] == "en"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True  # title, not file name
    xmp = rendered.reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": f"{rendered.campaign}: campaign plan"}
    assert b"pdfuaid:part" in catalog["/Metadata"].get_data()


def test_the_pdf_opens_with_its_bookmarks_panel(rendered: Rendered) -> None:
    assert rendered.reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
