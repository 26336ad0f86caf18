"""Open gaps for people (issue 16): by the part of the plan they concern, in the document's
own names, linked both ways; codes, lines and tool notices only in the appendix "For
whoever edits the plan", which --no-gap-details leaves out.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from movekit import load_plan
from movekit.api import check_plan
from movekit.render.document import build_document
from movekit.render.gaps import LABELS
from tests.conftest import EXAMPLE_TODAY, EXAMPLES, REPO, run_cli

PLANS = {
    "clean-air-streets": EXAMPLES / "clean-air-streets.yaml",
    "warm-homes-now": EXAMPLES / "warm-homes-now.yaml",
    "gaps": EXAMPLES / "gaps" / "plan.yaml",
    "real-additions": REPO / "tests" / "data" / "real-additions.yaml",
}
GAPS = PLANS["gaps"]
CODE_OR_LINE = re.compile(r"\bMK\d{3}\b|\b[Ll]ine \d+")
APPENDIX = '<section id="gap-details"'


def _render(plan: Path, output: Path, *options: str) -> str:
    result = run_cli("render", str(plan), "--today", EXAMPLE_TODAY, "-o", str(output), *options)
    assert result.returncode == 0, result.stderr
    return output.read_text(encoding="utf-8")


def _body(html: str) -> str:
    """The page before the appendix, without the stylesheet."""
    html = html.split(APPENDIX)[0]
    return re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        href = values.get("href") or ""
        if href.startswith("#"):
            self.hrefs.append(href[1:])


def _links(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def test_no_rule_code_or_line_number_before_the_appendix(tmp_path: Path) -> None:
    html = _render(GAPS, tmp_path / "plan.html")
    assert APPENDIX in html
    assert not CODE_OR_LINE.search(_body(html))
    appendix = html.split(APPENDIX)[1]
    assert "MK605" in appendix and "Line 27" in appendix
    markdown = _render(GAPS, tmp_path / "plan.md")
    body, appendix = markdown.split("## For whoever edits the plan")
    assert not CODE_OR_LINE.search(body)
    assert "**MK605**" in appendix and "line 27" in appendix


def test_no_gap_details_leaves_the_appendix_out(tmp_path: Path) -> None:
    html = _render(GAPS, tmp_path / "plan.html", "--no-gap-details")
    assert APPENDIX not in html and "For whoever edits the plan" not in html
    assert 'id="gaps"' in html and "Needs attention" in html
    assert not CODE_OR_LINE.search(re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL))
    markdown = _render(GAPS, tmp_path / "plan.md", "--no-gap-details")
    assert "For whoever edits the plan" not in markdown and "## Open gaps" in markdown
    assert not CODE_OR_LINE.search(markdown)


def test_a_board_reads_words_not_severities(tmp_path: Path) -> None:
    body = _body(_render(GAPS, tmp_path / "plan.html"))
    for label in LABELS.values():
        assert label in body
    assert not re.search(r">\s*(Errors?|Warnings?)\b", body)


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_link_resolves(name: str, tmp_path: Path) -> None:
    for options in ((), ("--no-gap-details",), ("--no-gaps",)):
        links = _links(_render(PLANS[name], tmp_path / "plan.html", *options))
        missing = sorted(set(links.hrefs) - links.ids)
        assert not missing, (options, missing)


def test_gaps_and_their_parts_link_both_ways(tmp_path: Path) -> None:
    today = dt.date.fromisoformat(EXAMPLE_TODAY)
    document = build_document(load_plan(GAPS), check_plan(GAPS, today=today), today)
    assert document.people_gaps
    html = _render(GAPS, tmp_path / "plan.html")
    linked = [section for section in document.people_gaps.sections if section.anchor]
    assert {section.title for section in linked} >= {
        "Residents flood the council's consultation",
        "County councillors for Millbrook",
        "People who use the library now",
        "Assumptions and risks",
    }
    for section in linked:
        part = html.index(f'id="{section.anchor}"')
        back = html.index(f'href="#{section.id}"', part)
        assert back < html.index("<section", part + 1) or section.anchor == "summary"
        gaps = html.index(f'<section id="{section.id}"')
        assert html.index(f'href="#{section.anchor}"', gaps) < html.index("</section>", gaps)


def test_gaps_are_grouped_in_the_document_s_order(tmp_path: Path) -> None:
    markdown = _render(GAPS, tmp_path / "plan.md")
    gaps = markdown.split("## Open gaps")[1]
    headings = re.findall(r"^### (.+)$", gaps.split("## For whoever")[0], flags=re.MULTILINE)
    assert headings[0] == "Outcome: Everyone in Millbrook knows the library is under threat"
    kinds = [heading.split(":")[0] for heading in headings]
    assert kinds.index("Audience") < kinds.index("Journey") < len(kinds) - 1
    assert headings[-1] == "Section: Assumptions and risks"


def test_messages_use_the_document_s_names_and_dates(tmp_path: Path) -> None:
    markdown = _render(GAPS, tmp_path / "plan.md", "--no-gap-details")
    gaps = markdown.split("## Open gaps")[1]
    assert (
        "Measure “Responses to the council consultation that oppose closure” missed its "
        "target of 2,000 due on 28 Feb 2027" in gaps
    )
    assert "The journey for Parents who bring toddlers to Rhyme Time never reaches" in gaps
    assert "Primary target “Cllr Peter Lowe, Cabinet Member for Libraries” is moved" in gaps
    assert not re.search(r"\d{4}-\d{2}-\d{2}", gaps)
    assert not re.search(r"\d,\d{3}\.\d", gaps)
    assert "starts: or ends:" not in gaps  # fixes for the plan's editor stay in the appendix


def _slugs(plan_path: Path) -> set[str]:
    """Ids the document has a name for (with a hyphen, so not an ordinary word)."""
    plan = load_plan(plan_path)
    ids = {outcome.id for outcome in plan.outcomes}
    ids |= {measure.id for outcome in plan.outcomes for measure in outcome.measures}
    ids |= {item.id for item in [*plan.audiences, *plan.journeys, *(plan.channels or ())]}
    ids |= {item.id for item in [*plan.phases, *plan.targets, *plan.community]}
    ids |= {item.id for item in plan.stakeholders}
    return {identifier for identifier in ids if "-" in identifier}


@pytest.mark.parametrize("name", ["clean-air-streets", "warm-homes-now", "gaps"])
def test_no_slug_shows_where_the_plan_has_a_name(name: str, tmp_path: Path) -> None:
    html = _body(_render(PLANS[name], tmp_path / "plan.html"))
    html = re.sub(r"<head>.*?</head>", "", html, flags=re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", html)  # attributes (anchors, classes) are not shown
    for slug in _slugs(PLANS[name]):
        shown = re.search(rf"(?<![\w-]){re.escape(slug)}(?![\w-])", text)
        assert shown is None, (slug, text[max(0, shown.start() - 80) : shown.end() + 40])


def test_an_unused_suppression_is_only_in_the_appendix(tmp_path: Path) -> None:
    plan = GAPS.read_text(encoding="utf-8").replace(
        "movekit: 1", "movekit: 1  # movekit: ignore[MK701]", 1
    )
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    codes = {finding.code for finding in check_plan(path, today=dt.date(2027, 3, 15))}
    assert "MK008" in codes
    html = _render(path, tmp_path / "plan.html")
    notice = next(f for f in check_plan(path) if f.code == "MK008").message
    assert notice not in _body(html).replace("&#39;", "'")
    assert "MK008" in html.split(APPENDIX)[1]
