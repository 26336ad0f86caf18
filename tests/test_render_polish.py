"""The document after a campaign lead's review (issue 16): what a board reads must agree
with `movekit status` and say things in the plan's own words.

Each test renders a real plan (Right to Counsel NYC, with a budget and an overspent
activity added, and the shipped examples) and reads the words a reader sees: the review
rhythm, measures tracked outside the plan, the money line, gaps counted not hidden, an item
over its budget, asks instead of ids, and the wording fixes.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from movekit import load_plan
from movekit.api import check_plan
from movekit.render.document import Document, build_document
from movekit.render.templates import fill
from tests.conftest import EXAMPLES, REPO

RTC = REPO / "examples" / "real" / "right-to-counsel-nyc.yaml"
RTC_DAY = dt.date(2016, 12, 15)
CLEAN_AIR = EXAMPLES / "clean-air-streets.yaml"


def _with_money(tmp_path: Path) -> Path:
    """Right to Counsel with a budget in dollars, and an activity spent $350 over its own."""
    text = RTC.read_text(encoding="utf-8")
    cadence = "  review-cadence: at the coalition's monthly meeting"
    assert cadence in text
    text = text.replace(cadence, f"{cadence}\n  budget: 60000\n  currency: USD", 1)
    lobby = "    what: Lobby meetings with council members to co-sponsor the bill\n"
    assert lobby in text
    text = text.replace(lobby, f"{lobby}    budget: 500\n", 1)
    text += "\nspend:\n  - {date: 2016-10-03, amount: 850, for: lobby-meetings}\n"
    path = tmp_path / "rtc.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _document(path: Path, today: dt.date) -> Document:
    return build_document(load_plan(path), check_plan(path, today=today), today)


def _both(document: Document) -> dict[str, str]:
    return {
        # Markdown escapes `$` as `\\$`: read back as a reader sees it
        "md": fill("document.md.j2", document, None, html=False).replace("\\$", "$"),
        # entities read back as characters (`Coalition&#39;s`); tags stay
        "html": html.unescape(fill("document.html.j2", document, None, html=True)),
    }


def _summary(text: str, extension: str) -> str:
    if extension == "html":
        start = text.index('<section id="summary"')
        return text[start : text.index("</section>", start)]
    start = text.index("## Summary")
    return text[start : text.index("## Outcomes and measures")]


def _chapter(text: str, heading: str) -> str:
    """One chapter of the document, from its heading to the next chapter's."""
    marks = ("## ", "\n## ") if "<html" not in text else ('-heading">', "<h2 ")
    start = text.index(f"{marks[0]}{heading}")
    end = text.find(marks[1], start + len(heading) + 4)
    return text[start : end if end > 0 else len(text)]


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def rtc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _both(_document(_with_money(tmp_path_factory.mktemp("rtc")), RTC_DAY))


@pytest.mark.parametrize("extension", ["md", "html"])
def test_the_review_cadence_shows_when_no_dated_review_is_coming(
    rtc: dict[str, str], extension: str
) -> None:
    text = rtc[extension]
    summary = _summary(text, extension)
    assert "Reviews:" in _plain(summary) and "at the coalition's monthly meeting" in summary
    assert "none planned after" not in summary and "No review is planned" not in summary
    assert "no review date" not in text  # every phase row says the rhythm instead


@pytest.mark.parametrize("extension", ["md", "html"])
def test_a_measure_tracked_elsewhere_says_where(rtc: dict[str, str], extension: str) -> None:
    text = rtc[extension]
    assert "tracked in Coalition's sponsor tracker" in _summary(text, extension)
    outcomes = _chapter(text, "Outcomes and measures")
    assert "tracked in Coalition's sponsor tracker" in outcomes
    assert "no data" not in outcomes


@pytest.mark.parametrize("extension", ["md", "html"])
def test_the_summary_counts_the_gaps_it_does_not_list(rtc: dict[str, str], extension: str) -> None:
    summary = _plain(_summary(rtc[extension], extension))
    assert "Nothing urgent" in summary or "nothing urgent" in summary
    assert re.search(r"\d+ (other )?open gaps?", summary)
    assert "#gaps" in _summary(rtc[extension], extension) or "see Open gaps" in summary


@pytest.mark.parametrize("extension", ["md", "html"])
def test_the_summary_has_the_money_line_of_status(rtc: dict[str, str], extension: str) -> None:
    summary = _plain(_summary(rtc[extension], extension))
    assert "$850 of $60,000 spent (1%) · " in summary
    assert re.search(r"· \d+% of the campaign gone", summary)


@pytest.mark.parametrize("extension", ["md", "html"])
def test_an_item_over_its_budget_is_marked_in_words(rtc: dict[str, str], extension: str) -> None:
    text = rtc[extension]
    budget = _chapter(text, "Budget")
    row = next(line for line in budget.splitlines() if "Lobby meetings" in line)
    assert "over by $350" in _plain(row)
    assert ("<strong" in row) if extension == "html" else ("**" in row)
    assert "Total of the items" in budget and "Not allocated to items" in budget
    assert "Together" not in budget and "Not given to items" not in budget


def _ids(path: Path) -> set[str]:
    plan = load_plan(path)
    ids = {c.id for j in plan.journeys for s in j.stages for c in s.ctas if c.id}
    ids |= {b.id for b in plan.bridges if b.id}
    ids |= {a.id for s in plan.stakeholders for a in s.arguments}
    ids |= {activity.id for activity in plan.activities}
    ids |= {s.id for j in plan.journeys for s in j.stages if s.id}
    return ids


@pytest.mark.parametrize(
    ("path", "day"),
    [(RTC, RTC_DAY), (CLEAN_AIR, dt.date(2027, 5, 10)), (EXAMPLES / "gaps" / "plan.yaml", None)],
)
def test_gaps_for_people_name_asks_bridges_and_arguments_in_words(
    path: Path, day: dt.date | None
) -> None:
    today = day or dt.date(2027, 3, 15)
    document = _document(path, today)
    assert document.people_gaps is not None
    texts = [gap.text for s in document.people_gaps.sections for gap in s.gaps]
    assert texts
    leaked = [t for t in texts for i in _ids(path) if f"'{i}'" in t]
    assert leaked == []


def test_a_call_to_action_reads_as_its_ask() -> None:
    document = _document(RTC, RTC_DAY)
    assert document.people_gaps is not None
    texts = " ".join(g.text for s in document.people_gaps.sections for g in s.gaps)
    assert "Call to action “Talk to an organiser about your case and the campaign”" in texts


@pytest.mark.parametrize("extension", ["md", "html"])
def test_wording_a_reader_would_write(rtc: dict[str, str], extension: str) -> None:
    text = rtc[extension]
    assert "done in September 2016" in text and "done on Sep 2016" not in text
    assert "Argued by Landlord trade associations:" in text
    assert " says:" not in text
    assert "Journey:" not in _plain(_chapter(text, "Audiences"))


@pytest.mark.parametrize("extension", ["md", "html"])
def test_channels_only_activities_use_are_no_empty_rows(
    rtc: dict[str, str], extension: str
) -> None:
    text = rtc[extension]
    part = _chapter(text, "Channel plan")
    line = "Used by activities only:"
    assert line in part and "Lobby meetings with council members" in part
    rows = [row for row in part.splitlines() if "Council offices" in row]
    assert all(line in row or "<strong>" in row for row in rows)
