"""The render package's parts on their own: formatting, escaping, the view model, diagrams."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from movekit.config import Settings
from movekit.engine import check_bytes
from movekit.errors import MovekitError
from movekit.render.diagram import wide_diagram
from movekit.render.document import Document, build_document
from movekit.render.formatting import count, long_date, number, percent, short_date
from movekit.render.markdown import MarkdownText, escape_markdown, finalize
from movekit.render.mermaid import label
from movekit.render.pdf import FolderOnly, creation_time
from movekit.render.pipeline import RenderRequest, UnrenderablePlan, render
from movekit.render.svg import wrap
from movekit.render.timeline import timeline
from tests.conftest import EXAMPLES, SMALL_PLAN, VALID_PLAN

TODAY = dt.date(2027, 3, 15)


def _document(text: str, today: dt.date = TODAY) -> Document:
    checked = check_bytes(text.encode(), "plan.yaml", today=today, settings=Settings())
    assert checked.plan is not None, checked.findings
    return build_document(checked.plan, checked.findings, today)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(8000, "8,000"), (47.5, "47.5"), (47.0, "47"), (0.125, "0.12"), (-0.001, "0"), (None, "")],
)
def test_numbers(value: float | None, shown: str) -> None:
    assert number(value) == shown


def test_dates_counts_and_percentages() -> None:
    assert long_date(dt.date(2027, 3, 5)) == "5 March 2027"
    assert short_date(dt.date(2027, 9, 30)) == "30 Sep 2027"
    assert long_date(None) == short_date(None) == percent(None) == ""
    assert percent(0.8249) == "82%"
    assert (count(1, "bridge"), count(0, "bridge"), count(2, "bridge")) == (
        "1 bridge",
        "0 bridges",
        "2 bridges",
    )


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Parents & carers", "Parents & carers"),
        ("Children's health (asthma)", "Children's health (asthma)"),
        ("<b>x</b>", "\\<b\\>x\\</b\\>"),
        ("a | b", "a \\| b"),
        ("*bold* _em_ `code` ~~x~~ $5", "\\*bold\\* \\_em\\_ \\`code\\` \\~\\~x\\~\\~ \\$5"),
        ("[a](b) ![c](d)", "\\[a\\](b) !\\[c\\](d)"),
        ("&amp; &#60; & ;", "\\&amp; \\&#60; & ;"),
        ("# one\n\n## two", "\\# one ## two"),
        ("1. first", "1\\. first"),
        ("2027) year", "2027\\) year"),
        ("- item", "\\- item"),
        (" + item", " \\+ item"),
        ("--- rule", "\\--- rule"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_markdown_escaping(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_finalize_escapes_everything_not_made_by_movekit() -> None:
    assert finalize(MarkdownText("**kept**")) == "**kept**"
    assert finalize(["<x>"]) == "\\['\\<x\\>'\\]"
    assert finalize(12) == "12"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Sign the petition, today!", "Sign the petition, today!"),
        ('say "hi" <b>', "say #34;hi#34; #60;b#62;"),
        ("%%{init}%% `x` #1;", "#37;#37;#123;init#125;#37;#37; #96;x#96; #35;1#59;"),
        ("a\nb\t c", "a b c"),
        ("Café ünïcode", "Café ünïcode"),
    ],
)
def test_mermaid_labels(text: str, shown: str) -> None:
    assert label(text) == shown


def test_wrap_breaks_lines_and_cuts_with_an_ellipsis() -> None:
    lines = wrap("word " * 100, 100, 10, max_lines=3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(len(line) <= int(100 / 5.6) for line in lines)
    assert wrap("", 100, 10) == [""]


def test_measures_stand_as_of_the_day() -> None:
    plan = (EXAMPLES / "clean-air-streets.yaml").read_text(encoding="utf-8")
    outcomes = {outcome.id: outcome for outcome in _document(plan).outcomes}
    (map_lookups,) = outcomes["parents-know"].measures
    assert (map_lookups.latest_value, map_lookups.latest_date) == (1640, dt.date(2027, 3, 12))
    assert map_lookups.status == "on-track"
    assert map_lookups.progress == pytest.approx(0.82)
    car_trips = outcomes["walk-to-school"].measures[1]  # a target below its baseline
    assert car_trips.progress == pytest.approx((1200 - 1090) / (1200 - 900))
    early = {o.id: o for o in _document(plan, dt.date(2027, 2, 1)).outcomes}
    assert early["parents-know"].measures[0].latest_value is None  # results after the day


def test_the_document_follows_the_plan() -> None:
    plan = (EXAMPLES / "clean-air-streets.yaml").read_text(encoding="utf-8")
    document = _document(plan)
    parents = document.journeys[0]
    assert [stage.level for stage in parents.stages] == [
        "awareness",
        "engagement",
        "action",
        "ownership",
    ]
    [bridge] = parents.bridges
    assert (bridge.from_stage, bridge.to_stage, bridge.to_name) == (
        2,
        3,
        "Walks to school with others",
    )
    whatsapp = next(row for row in document.channel_plan.rows if row.channel.id == "whatsapp")
    assert [len(cell) for cell in whatsapp.cells] == [1, 1, 1, 1]
    assert [phase.state for phase in document.iteration.phases] == ["done", "current", "upcoming"]
    assert document.gaps == []


def test_gaps_are_grouped_errors_first() -> None:
    document = _document((EXAMPLES / "gaps" / "plan.yaml").read_text(encoding="utf-8"))
    assert document.gaps is not None
    assert [group.severity for group in document.gaps] == ["error", "warning", "info"]
    for group in document.gaps:
        assert [gap.line for gap in group.findings] == sorted(gap.line for gap in group.findings)


def test_a_minimal_plan_has_every_section_empty_but_present() -> None:
    document = _document(VALID_PLAN)
    assert document.journeys == [] and document.community == []
    assert document.iteration.span is None and document.channel_plan.rows == []


def test_diagrams_are_well_formed_svg_with_a_title() -> None:
    document = _document(SMALL_PLAN)
    svg = ET.fromstring(str(wide_diagram(document.journeys[0])))
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.get("role") == "img"
    assert svg.findtext(f"{ns}title") == "Journey diagram: Parents"
    assert "Look up your school" in (svg.findtext(f"{ns}desc") or "")


def test_the_timeline_copes_with_the_ends_of_the_calendar() -> None:
    plan = VALID_PLAN + (
        "phases:\n"
        "  - {id: a, name: First, starts: 0001-01-01, ends: 0001-02-01, review: 0001-03-01}\n"
        "  - {id: b, name: Last, starts: 9999-11-01, ends: 9999-12-31}\n"
        "  - {id: c, name: Undated}\n"
    )
    document = _document(plan)
    ET.fromstring(str(timeline(document.iteration)))
    assert [phase.state for phase in document.iteration.phases] == ["done", "upcoming", "undated"]


def test_the_fetcher_allows_only_files_in_the_plans_folder(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    folder.mkdir()
    (folder / "logo.png").write_bytes(b"png")
    (tmp_path / "secret.png").write_bytes(b"png")
    (folder / "link.png").symlink_to(tmp_path / "secret.png")
    policy = FolderOnly(folder)
    assert policy.local_file((folder / "logo.png").as_uri()) == (folder / "logo.png").resolve()
    refused = [
        "http://127.0.0.1/logo.png",
        "https://example.org/x.css",
        "ftp://example.org/x",
        (tmp_path / "secret.png").as_uri(),
        (folder / "link.png").as_uri(),
        (folder / "missing.png").as_uri(),
        "file://otherhost" + str(folder / "logo.png"),
        folder.as_uri() + "/../secret.png",
    ]
    for url in refused:
        assert policy.local_file(url) is None, url
    assert policy.refused == refused


def test_the_pdf_creation_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert creation_time(TODAY) == dt.datetime(2027, 3, 15, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert creation_time(TODAY) == dt.datetime(2027, 1, 15, 8, 0, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(MovekitError, match="SOURCE_DATE_EPOCH"):
        creation_time(TODAY)


def test_the_core_refuses_a_plan_with_file_level_errors(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("movekit: 2\n", encoding="utf-8")
    with pytest.raises(UnrenderablePlan) as raised:
        render(RenderRequest(plan, TODAY, "md"))
    assert raised.value.source == "movekit: 2\n"
    assert {finding.code for finding in raised.value.findings} >= {"MK007"}
    assert not (tmp_path / "build" / "plan.md").exists()
