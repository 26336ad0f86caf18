"""The document shows the 0.2 additions: who decides (the power map), owners, stage phases,
assumptions and risks (the likelihood x impact grid), in Markdown, HTML and PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from movekit.config import Settings
from movekit.engine import check_bytes
from movekit.render.document import Document, build_document
from movekit.render.mermaid import power_flowchart
from movekit.render.powermap import power_map
from movekit.render.riskgrid import risk_grid
from movekit.render.templates import HTML_TEMPLATE, MARKDOWN_TEMPLATE, fill
from tests.conftest import REPO, VALID_PLAN, run_cli

TODAY = dt.date(2027, 3, 15)
PLAN = REPO / "tests" / "data" / "every-addition.yaml"
SVG = "{http://www.w3.org/2000/svg}"


def _document(text: str) -> Document:
    checked = check_bytes(text.encode(), "plan.yaml", today=TODAY, settings=Settings())
    assert checked.plan is not None, checked.findings
    return build_document(checked.plan, checked.findings, TODAY)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The every-addition plan as Markdown and HTML, made by the CLI."""
    folder = tmp_path_factory.mktemp("render")
    texts = {}
    for extension in ("md", "html"):
        output = folder / f"plan.{extension}"
        args = ("render", str(PLAN), "--today", TODAY.isoformat(), "-o", str(output))
        result = run_cli(*args)
        assert result.returncode == 0, result.stderr
        texts[extension] = output.read_text(encoding="utf-8")
    return texts


def _svg(html: str, ident: str) -> ET.Element:
    [found] = re.findall(rf'<svg\b[^>]*aria-labelledby="{ident}-title.*?</svg>', html, re.S)
    return ET.fromstring(found)


def _cells(svg: ET.Element) -> dict[tuple[str, ...], ET.Element]:
    cells = {}
    for rect in svg.iter(f"{SVG}rect"):
        if rect.get("class") == "mk-cell":
            keys = sorted(name for name in rect.attrib if name.startswith("data-"))
            cells[tuple(rect.attrib[name] for name in keys)] = rect
    return cells


def _inside(rect: ET.Element, x: float, y: float) -> bool:
    left, top = float(rect.attrib["x"]), float(rect.attrib["y"])
    right, bottom = left + float(rect.attrib["width"]), top + float(rect.attrib["height"])
    return left <= x <= right and top <= y <= bottom


def test_the_sections_are_in_both_formats_in_order(rendered: dict[str, str]) -> None:
    markdown, html = rendered["md"], rendered["html"]
    order = ["## Outcomes and measures", "## Who decides", "## Audiences", "## Phases, reviews"]
    order += ["## Assumptions and risks", "## Open gaps"]
    assert [markdown.index(heading) for heading in order] == sorted(
        markdown.index(heading) for heading in order
    )
    for ident, heading in [("who-decides", "Who decides"), ("risks", "Assumptions and risks")]:
        section = f'<section id="{ident}" class="chapter" aria-labelledby="{ident}-heading">'
        assert f'{section}\n<h2 id="{ident}-heading">{heading}</h2>' in html
        assert f'<li><a href="#{ident}">{heading}</a></li>' in html  # in the contents
    assert "2 decision-makers, 2 assumptions, 2 risks" in markdown
    assert "· 2 decision-makers · 2 assumptions · 2 risks</p>" in html


def test_the_power_map_has_one_dot_per_target_in_its_cell(rendered: dict[str, str]) -> None:
    svg = _svg(rendered["html"], "power-map")
    assert svg.get("role") == "img"
    assert svg.findtext(f"{SVG}title") == "Power map: who decides, by position and role"
    assert "Cllr Jane Ward, Leader of Stockport Council: primary, undecided" in (
        svg.findtext(f"{SVG}desc") or ""
    )
    cells = _cells(svg)
    assert len(cells) == 8  # 4 positions x 2 roles
    marks = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "mk-target"]
    assert [mark.get("data-target") for mark in marks] == ["council-leader", "cabinet-member"]
    expected = {
        "council-leader": ("undecided", "primary"),
        "cabinet-member": ("supports", "secondary"),
    }
    for mark in marks:
        [dot] = mark.iter(f"{SVG}circle")
        x, y = float(dot.attrib["cx"]), float(dot.attrib["cy"])
        holding = [key for key, rect in cells.items() if _inside(rect, x, y)]
        assert holding == [expected[mark.attrib["data-target"]]]
        assert mark.findtext(f"{SVG}title")  # the target in words, on hover


def test_the_risk_grid_has_one_chip_per_risk_in_its_cell(rendered: dict[str, str]) -> None:
    svg = _svg(rendered["html"], "risk-grid")
    cells = _cells(svg)  # keyed (impact, likelihood)
    assert len(cells) == 9
    chips = {g.attrib["data-risk"]: g for g in svg.iter(f"{SVG}g") if g.get("class") == "mk-risk"}
    assert sorted(chips) == ["gate-backlash", "walker-safety"]
    expected = {"walker-safety": ("high", "low"), "gate-backlash": ("medium", "medium")}
    for risk, chip in chips.items():
        rect = chip.find(f"{SVG}rect")
        assert rect is not None
        x, y = float(rect.attrib["x"]), float(rect.attrib["y"])
        assert [key for key, cell in cells.items() if _inside(cell, x, y)] == [expected[risk]]
    assert "Risk 1, Children walking in traffic before the street is closed: low likelihood" in (
        svg.findtext(f"{SVG}desc") or ""
    )


def test_markdown_has_the_tables_and_the_mermaid_power_map(rendered: dict[str, str]) -> None:
    markdown = rendered["md"]
    assert (
        "| 1 | **Cllr Jane Ward, Leader of Stockport Council**. Decides: Council adopts the "
        "School Streets policy. Owner: Policy lead | primary | undecided | Her majority rests on "
        "three wards around the target schools | Parents at the 20 target primary schools | "
        "On the ground: Walk your child to school with the Friday walking bus (Parents at the 20 "
        "target primary schools, Joins a walking bus, 12 Feb 2027);"
    ) in markdown
    assert '    subgraph p_undecided["Undecided"]' in markdown
    assert '    t1["1. Cllr Jane Ward, Leader of Stockport Council<br/>Primary"]' in markdown
    assert "    p_undecided ~~~ p_supports" in markdown
    grid = [
        "| Impact \\ Likelihood | Low | Medium | High |",
        "|---|---|---|---|",
        "| **High** | Risk 1 |  |  |",
        "| **Medium** |  | Risk 2 |  |",
        "| **Low** |  |  |  |",
    ]
    assert "\n".join(grid) in markdown
    assert (
        "| Children walking in traffic before the street is closed (Risk 1) | call to "
        "action: Walk your child to school with the Friday walking bus (Parents at the 20 target "
        "primary schools); call to action: Become your street's walking bus captain (Parents at "
        "the 20 target primary schools) | low, high | open | Volunteer coordinators | "
        "1 Feb 2027, overdue | "
        "Marshals in hi-vis at every crossing; route risk-assessed |"
    ) in markdown
    assert (
        "| Parents act once they see their own school's air quality | journey: Parents at the 20 "
        "target primary schools; measure: Parents who looked up their school on the air-quality "
        "map | untested | 3 Mar 2027, overdue |"
    ) in markdown
    assert (
        "| The leader moves when her own wards' parents ask her to | target: Cllr Jane Ward, "
        "Leader of Stockport Council | holding | 1 May 2027 |" in markdown
    )


def test_owners_and_phases_appear_where_the_plan_has_them(rendered: dict[str, str]) -> None:
    markdown, html = rendered["md"], rendered["html"]
    assert "Owner: Policy lead. Who decides: Cllr Jane Ward, Leader of Stockport Council; " in (
        markdown
    )
    assert "Drives: Council adopts the School Streets policy. Owner: Parent organiser." in markdown
    assert "| # | Stage | Level | Phase | Content | Channels | Calls to action |" in markdown
    assert (
        "| 3 | Leads their street | ownership | Push for pledges | captain handbook |" in markdown
    )
    assert (
        "On the ground: Walk your child to school with the Friday walking bus (on 12 Feb 2027; "
        "aimed at: Cllr Jane Ward, Leader of Stockport Council; owner: Volunteer coordinators)"
    ) in markdown
    assert "banner. (owner: Volunteer coordinators) | create |" in markdown
    assert "Owner: Parent organiser." in html and "Owner: Policy lead." in html
    assert (
        '<th scope="col">Phase</th>' in html
        and '<td data-label="Phase">Push for pledges</td>' in html
    )
    assert (
        '<span class="small">Aimed at: Cllr Jane Ward, Leader of Stockport Council</span>' in html
    )
    assert '<span class="small">Owner: Volunteer coordinators</span></th>' in html  # mechanism
    assert '<span class="status status-overdue">overdue</span>' in html
    assert (
        "| Push for pledges | 1 Mar 2027 to 31 Jul 2027 | 1 Jun 2027 | current | Policy lead |"
        in (markdown)
    )
    assert '<th scope="col">Status</th><th scope="col">Owner</th></tr>' in html


def test_a_plan_without_the_additions_has_none_of_it() -> None:
    old = (REPO / "tests" / "data" / "plans-0.1" / "clean-air-streets.yaml").read_text("utf-8")
    document = dataclasses.replace(_document(old), gaps=None)  # the new rules may find gaps
    assert document.who_decides.targets == [] and not document.assumptions_and_risks.risks
    assert not any(journey.phased or journey.owner for journey in document.journeys)
    absent = [
        "Who decides",
        "Assumptions and risks",
        "| Level | Phase |",
        '>Stage</th><th scope="col">Phase</th>',
    ]
    absent += ["Owner: ", "owner: ", "decision-maker", "Aimed at", "aimed at", ".position-"]
    for name, html in [(MARKDOWN_TEMPLATE, False), (HTML_TEMPLATE, True)]:
        text = fill(name, document, None, html=html)
        assert "Walk your child to school" in text
        assert [words for words in absent if words in text] == []


def test_a_journey_gets_a_phase_column_only_when_a_stage_has_a_phase() -> None:
    plan = PLAN.read_text(encoding="utf-8").replace("        phase: push\n", "", 1)
    plan = plan.replace("        phase: launch\n", "", 2)
    document = _document(plan)
    parents, councillors = document.journeys
    assert not parents.phased and [s.phase for s in parents.stages] == [None, None, None]
    assert councillors.phased and [s.phase for s in councillors.stages] == [
        "Launch",
        "Push for pledges",
    ]


UNUSUAL = """\
targets:
  - {id: a, name: Opposer, role: primary, position: opposes}
  - {id: b, name: Nobody knows, role: secondary}
  - {id: c, name: Also opposes, role: primary, position: opposes}
risks:
  - {id: unrated, risk: Not rated yet}
  - {id: half, risk: Half rated, likelihood: high}
  - {id: shut, risk: Closed, likelihood: high, impact: high, status: closed}
  - {id: shut-too, risk: Closed too, likelihood: high, impact: high}
"""


def test_the_drawings_place_what_the_plan_leaves_open() -> None:
    document = _document(VALID_PLAN + UNUSUAL)
    who = ET.fromstring(str(power_map(document.who_decides)))
    cells = _cells(who)
    placed = {}
    for mark in (g for g in who.iter(f"{SVG}g") if g.get("class") == "mk-target"):
        [dot] = mark.iter(f"{SVG}circle")
        x, y = float(dot.attrib["cx"]), float(dot.attrib["cy"])
        [placed[mark.attrib["data-target"]]] = [k for k, r in cells.items() if _inside(r, x, y)]
    assert placed == {
        "a": ("opposes", "primary"),
        "b": ("unknown", "secondary"),  # no position: drawn as unknown
        "c": ("opposes", "primary"),
    }
    section = document.assumptions_and_risks
    assert section.unrated == ["Risk 1", "Risk 2"]  # the risks 'unrated' and 'half'
    grid = ET.fromstring(str(risk_grid(section)))
    chips = [g.attrib["data-risk"] for g in grid.iter(f"{SVG}g") if g.get("class") == "mk-risk"]
    assert chips == ["shut", "shut-too"]
    assert "Not rated: Risk 1, Risk 2." in (grid.findtext(f"{SVG}desc") or "")
    assert [r.status for r in section.risks] == ["open", "open", "closed", "open"]
    flowchart = power_flowchart(document.who_decides)
    assert 'subgraph p_opposes["Opposes"]' in flowchart and "p_unknown ~~~ p_opposes" in flowchart
    assert "undecided" not in flowchart  # no empty boxes


def test_an_empty_power_map_and_grid_are_still_well_formed() -> None:
    document = _document(VALID_PLAN)
    assert "No decision-makers yet." in str(power_map(document.who_decides))
    assert "No risks rated yet." in str(risk_grid(document.assumptions_and_risks))


def test_a_users_template_gets_a_clear_message_for_the_wrong_value(tmp_path: Path) -> None:
    folder = tmp_path / "look"
    folder.mkdir()
    (folder / "document.md.j2").write_text("{{ doc.cover|power_map }}\n", encoding="utf-8")
    output = tmp_path / "plan.md"
    args = ("render", str(PLAN), "--template", str(folder), "-o", str(output))
    result = run_cli(*args)
    assert result.returncode == 2
    assert "the power_map filter needs doc.who_decides, not Cover" in result.stderr
    (folder / "document.md.j2").write_text(
        "{{ doc.who_decides|mermaid }}\n{{ doc.assumptions_and_risks|risk_grid }}\n",
        encoding="utf-8",
    )
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8").startswith("```mermaid\nflowchart LR\n")


def test_the_pdf_has_both_sections(tmp_path: Path) -> None:
    output = tmp_path / "plan.pdf"
    result = run_cli("render", str(PLAN), "--pdf", "--today", TODAY.isoformat(), "-o", str(output))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(output)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for words in ("Who decides", "Assumptions and risks", "Cllr Jane Ward", "walker-safety"):
        assert words in text
    assert [item.title for item in reader.outline[1] if not isinstance(item, list)][:3] == [
        "Summary",  # the summary page after the cover (issue 16)
        "Outcomes and measures",
        "Who decides",
    ]
