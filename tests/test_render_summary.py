"""The one-page summary after the cover, and the names the document gives things (issue 16).

The summary reads the same as-of data as the rest of the document: its status words are
the measures tables' statuses, its next review is the first review not yet held, and its
three gaps are the first that need attention. Money, ordinals, proportions and channels
read as people write them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from movekit import load_plan
from movekit.api import check_plan
from movekit.render.document import Document, build_document
from movekit.render.names import amount, money, money_text, ordinal, proportion, readable
from movekit.render.summary import STATUS_WORDS
from tests.conftest import EXAMPLE_TODAY, EXAMPLES, run_cli

TODAY = dt.date.fromisoformat(EXAMPLE_TODAY)
PLANS = {
    "clean-air-streets": EXAMPLES / "clean-air-streets.yaml",
    "warm-homes-now": EXAMPLES / "warm-homes-now.yaml",
    "gaps": EXAMPLES / "gaps" / "plan.yaml",
}


def _document(name: str, today: dt.date = TODAY) -> Document:
    path = PLANS[name]
    findings = check_plan(path, today=today)
    return build_document(load_plan(path), findings, today)


def _render(name: str, tmp_path: Path, extension: str, *options: str) -> str:
    output = tmp_path / f"{name}.{extension}"
    result = run_cli(
        "render", str(PLANS[name]), "--today", EXAMPLE_TODAY, "-o", str(output), *options
    )
    assert result.returncode == 0, result.stderr
    return output.read_text(encoding="utf-8")


def _summary_html(html: str) -> str:
    start = html.index('<section id="summary"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_measure_has_its_status_in_words_and_a_colour(name: str, tmp_path: Path) -> None:
    document = _document(name)
    summary = _summary_html(_render(name, tmp_path, "html"))
    for outcome in document.outcomes:
        assert f'href="#outcome-{outcome.id}"' in summary
        for measure in outcome.measures:
            words = STATUS_WORDS[measure.status]
            badge = f'<span class="status status-{measure.status}">{words}</span>'
            assert badge in summary, (measure.metric, measure.status)


def test_the_summary_agrees_with_the_measures_tables() -> None:
    document = _document("gaps")
    assert document.summary is not None
    lines = [line for outcome in document.summary.outcomes for line in outcome.measures]
    rows = [measure for outcome in document.outcomes for measure in outcome.measures]
    assert [line.status for line in lines] == [row.status for row in rows]
    assert {line.words for line in lines} == {"behind", "missed", "no data"}


def test_the_summary_comes_right_after_the_cover(tmp_path: Path) -> None:
    html = _render("gaps", tmp_path, "html")
    assert html.index("</header>") < html.index('id="summary"') < html.index('id="outcomes"')
    markdown = _render("gaps", tmp_path, "md")
    assert markdown.index("Plan data as of") < markdown.index("## Summary")
    assert markdown.index("## Summary") < markdown.index("## Outcomes and measures")


def test_the_next_review_is_the_first_not_yet_held() -> None:
    document = _document("warm-homes-now")
    assert document.summary is not None and document.summary.next_review is not None
    upcoming = sorted(
        phase.review
        for phase in document.iteration.phases
        if phase.review is not None and phase.review >= TODAY and not phase.reviewed
    )
    review = document.summary.next_review
    assert review.date == upcoming[0]
    dated = sorted(p.review for p in document.iteration.phases if p.review is not None)
    assert review.number == ordinal(dated.index(review.date) + 1)
    assert review.of == len(dated)


def test_the_next_review_reads_with_an_ordinal(tmp_path: Path) -> None:
    document = _document("warm-homes-now")
    assert document.summary is not None and document.summary.next_review is not None
    review = document.summary.next_review
    markdown = _render("warm-homes-now", tmp_path, "md")
    assert f"the {review.number} of {review.of} reviews, {review.phase}" in markdown


def test_a_review_date_passed_without_a_review_is_said() -> None:
    document = _document("gaps")
    assert document.summary is not None
    assert document.summary.next_review is None
    assert [review.phase for review in document.summary.overdue_reviews] == ["Consultation period"]


def test_the_three_gaps_are_the_first_that_need_attention(tmp_path: Path) -> None:
    document = _document("gaps")
    assert document.summary is not None and document.people_gaps is not None
    top = document.summary.top_gaps
    assert top is not None and len(top) == 3
    assert [gap.severity for gap in top] == ["error"] * 3
    summary = _summary_html(_render("gaps", tmp_path, "html"))
    for gap in top:
        assert f'href="#{gap.id}"' in summary
        assert "Needs attention" in summary
    assert "Responses to the council consultation that oppose closure" in top[0].text
    assert not re.search(r"MK\d{3}|[Ll]ine \d", summary)


def test_warnings_fill_the_three_when_errors_are_fewer() -> None:
    document = _document("gaps")
    assert document.people_gaps is not None
    assert [gap.severity for gap in document.people_gaps.most_important(7)] == (
        ["error"] * 5 + ["warning"] * 2
    )


def test_a_clean_plan_says_nothing_needs_attention(tmp_path: Path) -> None:
    assert "nothing: the plan has no open gap" in _render("clean-air-streets", tmp_path, "md")


def test_no_gaps_leaves_the_summary_s_gaps_out(tmp_path: Path) -> None:
    markdown = _render("gaps", tmp_path, "md", "--no-gaps")
    assert "## Summary" in markdown and "What needs attention" not in markdown


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (2000, "pounds", "£2,000"),
        (2000, "GBP", "£2,000"),
        (2000, "£", "£2,000"),
        (2000, "USD", "$2,000"),
        (2000, "$", "$2,000"),
        (2000, "EUR", "€2,000"),
        (2000, "€", "€2,000"),
        (-50, "pounds", "-£50"),
        (1140, "signatures", "1,140 signatures"),
        (47, "percent", "47%"),
        (8000, None, "8,000"),
    ],
)
def test_amounts_read_as_people_write_them(value: float, unit: str | None, shown: str) -> None:
    assert amount(value, unit) == shown


def test_money_keeps_an_unknown_currency_after_the_amount() -> None:
    assert money(2000, "CHF") == "2,000 CHF"
    assert money(2000, "pounds") == "£2,000"


def test_table_cells_become_money_but_percentages_stay() -> None:
    assert money_text("+30% (1,300)", "pounds") == "+30% (£1,300)"
    assert money_text("tbd", "GBP") == "tbd"
    assert money_text("1,300", "signatures") == "1,300"


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        *[(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th")],
        *[(13, "13th"), (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th")],
    ],
)
def test_ordinals(number: int, shown: str) -> None:
    assert ordinal(number) == shown


def test_proportions() -> None:
    assert proportion(3, 20, "schools") == "3 of 20 schools"
    assert proportion(1140, 2000, "pounds") == "£1,140 of £2,000"
    assert proportion(None, 20, "schools") == ""


def test_ids_made_readable() -> None:
    assert readable("school-gate") == "School gate"
    assert readable("school_newsletters") == "School newsletters"


def test_money_shows_as_money_in_the_document(tmp_path: Path) -> None:
    for extension in ("md", "html"):
        document = _render("warm-homes-now", tmp_path, extension)
        assert "£1,263,400" in document
        # the charts' own words are chart.py's (issue 16's charts part), not checked here
        document = re.sub(r"<svg.*?</svg>", "", document, flags=re.DOTALL)
        assert not re.search(r"\d pounds\b|\(pounds\)|>pounds<", document), extension


CHANNELS_PLAN = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets}
outcomes:
  - {id: policy, title: Policy adopted, type: policy}
audiences:
  - {id: parents, name: Parents at the school, channels: [school-gate, school-newsletters]}
channels:
  - {id: school-gate, name: Chats at the school gate, mode: offline}
  - {id: school-newsletters, mode: online}
journeys:
  - id: parents-journey
    audience: parents
    outcomes: [policy]
    stages:
      - level: awareness
        channels: [school-newsletters, school-gate]
        ctas:
          - {ask: Look up your school, mode: online}
"""


def test_channels_and_journeys_show_by_name(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(CHANNELS_PLAN, encoding="utf-8")
    for extension in ("md", "html"):
        output = tmp_path / f"plan.{extension}"
        # the appendix for whoever edits the plan names things by id, on purpose
        options = ("--today", EXAMPLE_TODAY, "--no-gap-details", "-o", str(output))
        result = run_cli("render", str(path), *options)
        assert result.returncode == 0, result.stderr
        document = re.sub(r"<[^>]+>", " ", output.read_text(encoding="utf-8"))
        assert "Chats at the school gate" in document
        assert "School newsletters" in document  # no name: the id made readable
        assert "Driven by" in document and "Parents at the school" in document
        assert not re.search(
            r"(?<![\w/#-])(school-gate|school-newsletters|parents-journey)\b", document
        )


def test_a_measure_that_should_fall_reads_as_coming_down_not_overshot() -> None:
    document = _document("clean-air-streets")
    assert document.summary is not None
    details = {line.metric: line.detail for o in document.summary.outcomes for line in o.measures}
    drop_offs = "Pupils dropped off by car on a typical morning, across the 20 schools"
    assert details[drop_offs] == "1,090 pupils, coming down to 900"
    assert details["Families signed up to a walking bus"] == "156 of 400 families"
