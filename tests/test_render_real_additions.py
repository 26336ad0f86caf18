"""`movekit render` shows activities, stakeholders, messages and budget (issue 15, second
part): golden documents for tests/data/real-additions.yaml, the PDF's text, and the
sections' rules (shown only when the plan has the keys, money as people write it)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from movekit.config import Settings
from movekit.engine import check_bytes
from movekit.render.document import Document, build_document
from movekit.render.names import money
from movekit.render.templates import HTML_TEMPLATE, MARKDOWN_TEMPLATE, fill
from tests.conftest import EXAMPLE_TODAY, REPO, SMALL_PLAN, run_cli
from tests.golden import assert_golden

PLAN = REPO / "tests" / "data" / "real-additions.yaml"
TODAY = dt.date(2027, 3, 15)


def _document(text: str, today: dt.date = TODAY) -> Document:
    checked = check_bytes(text.encode(), "plan.yaml", today=today, settings=Settings())
    assert checked.plan is not None, checked.findings
    return build_document(checked.plan, None, today)


def _both(text: str, today: dt.date = TODAY) -> tuple[str, str]:
    document = _document(text, today)
    markdown = fill(MARKDOWN_TEMPLATE, document, None, html=False)
    return markdown, fill(HTML_TEMPLATE, document, None, html=True)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("extension", ["md", "html"])
def test_the_real_additions_document_matches_the_golden_file(
    extension: str, tmp_path: Path
) -> None:
    output = tmp_path / f"real-additions.{extension}"
    args = ("render", str(PLAN), "--today", EXAMPLE_TODAY, "-o", str(output))
    result = run_cli(*args, cwd=REPO, env={"PYTHONHASHSEED": "random"}, fresh=True)
    assert result.returncode == 0, result.stderr
    assert_golden(f"render-real-additions.{extension}", output.read_text(encoding="utf-8"))


def test_the_pdf_holds_the_new_sections(tmp_path: Path) -> None:
    output = tmp_path / "plan.pdf"
    result = run_cli("render", str(PLAN), "--pdf", "--today", EXAMPLE_TODAY, "-o", str(output))
    assert result.returncode == 0, result.stderr
    text = _flat(" ".join(page.extract_text() for page in PdfReader(output).pages))
    for shown in (
        "Allies, neutrals and opponents",
        "Stockport Traders' Association",
        "no answer yet",
        "Messages",
        "For Parents at the 20 target primary schools",
        "Breakfast with traders on the first school street",
        "During Push for pledges",
        "£24,000",  # GBP shown as money (issue 16)
        "£15,100",
        "£3,550",
    ):
        assert shown.casefold() in text.casefold(), shown  # headings may be in capitals


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        (24000, "GBP", "£24,000"),
        (24000, "CHF", "24,000 CHF"),
        (24000, "£", "£24,000"),
        (-150, "€", "-€150"),
        (1234.5, None, "1,234.5"),
        (None, "GBP", ""),
        (900, "US$", "900 US$"),
    ],
)
def test_money_reads_as_people_write_it(
    amount: float | None, currency: str | None, shown: str
) -> None:
    assert money(amount, currency) == shown


def test_a_plan_without_the_keys_has_none_of_the_sections() -> None:
    markdown, html = _both(SMALL_PLAN)
    for heading in ("Allies, neutrals and opponents", "Messages", "Activities", "Budget"):
        assert heading not in markdown and heading not in html
    assert ".stance" not in html  # the sections' CSS comes only with them


def test_stakeholders_alone_make_the_power_section() -> None:
    plan = SMALL_PLAN + (
        "stakeholders:\n"
        "  - {id: landlords, name: Landlords' Association, stance: opponent,\n"
        "     arguments: [{id: costly, says: It costs too much}]}\n"
    )
    markdown, html = _both(plan)
    assert "## Who decides" in markdown and 'href="#who-decides"' in html
    assert "The people who can grant the outcomes" not in markdown  # no targets: no map
    assert "“It costs too much”, no answer yet" in markdown


def test_spending_counts_up_to_the_day_and_items_over_the_total_are_said() -> None:
    plan = SMALL_PLAN.replace("campaign: {", "campaign: {budget: 1000, currency: £, ", 1)
    plan += (
        "activities:\n"
        "  - {id: report, what: Write the report, date: 2027-03, budget: 1500}\n"
        "spend:\n"
        "  - {date: 2027-03-01, amount: 200, for: report}\n"
        "  - {date: 2027-03-20, amount: 300}\n"
    )
    markdown, _ = _both(plan)
    assert "| Write the report | activity | £1,500 | £200 |" in markdown
    assert "the items add up to £500 more than the whole budget" in markdown
    assert "- **Spent so far:** £200 (20% of the budget)" in markdown
    later, _ = _both(plan, dt.date(2027, 4, 1))
    assert "| Not for a particular item | | | £300 |" in later
    assert "- **Spent so far:** £500 (50% of the budget)" in later


def test_activities_read_months_and_every_date_and_sit_on_the_timeline() -> None:
    markdown, html = _both(PLAN.read_text(encoding="utf-8"))
    assert "| February 2027 | Publish the school gates air-quality report" in markdown
    assert "| 10 March 2027, 12 May 2027 | Meet the council leader" in markdown
    timeline = re.search(r'<svg[^>]*aria-labelledby="timeline-title.*?</svg>', html, re.S)
    assert timeline is not None
    assert timeline.group(0).count('class="mk-activity"') == 3
    assert "Activity on 12 May 2027: Meet the council leader" in timeline.group(0)


def test_core_messages_without_an_audience_are_for_everyone() -> None:
    plan = SMALL_PLAN + "messages:\n  - {id: all, text: Clean air for all}\n"
    markdown, html = _both(plan)
    assert "**For everyone**\n\n- “Clean air for all”" in markdown
    assert "<h4>For everyone</h4>" in html
