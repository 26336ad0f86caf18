"""Journey diagrams read on paper, desktops and phones: bridges never cross a stage's
text, each carries the number it has in the list, bridges that check reports look and read
differently, and on a phone the single-column diagram keeps its text at 11 px or more."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from markupsafe import Markup

from movekit.render.diagram import narrow_diagram, wide_diagram
from movekit.render.document import (
    BridgeRow,
    CtaRow,
    JourneySection,
    StageRow,
    bridge_faults,
)
from movekit.render.mermaid import journey_flowchart
from tests.conftest import EXAMPLE_TODAY, EXAMPLES, run_cli

if TYPE_CHECKING:
    from playwright.sync_api import Page

NS = "{http://www.w3.org/2000/svg}"
Rect = tuple[float, float, float, float]
Draw = Callable[[JourneySection], Markup]

STAGES = [
    ("Notice the dirty air outside the school gates", "awareness", ["online"]),
    ("Sign the petition", "engagement", ["online", "online"]),
    ("Walk to school", "action", ["offline"]),
    ("Lead your street", "ownership", ["offline"]),
    ("Meet the councillor at her surgery", "action", ["offline"]),
    ("Own it", "ownership", []),
]
GOOD, BACKWARDS, SAME, ONLINE_TO_ONLINE = (1, 3), (3, 1), (2, 2), (1, 2)


def _journey(pairs: list[tuple[int, int]]) -> JourneySection:
    stages = [
        StageRow(
            number,
            f"stage-{number}",
            name,
            level,
            [],
            [],
            [
                CtaRow(f"Ask {number}.{i} of the stage", mode, None, None)
                for i, mode in enumerate(modes)
            ],
        )
        for number, (name, level, modes) in enumerate(STAGES, start=1)
    ]
    bridges = [
        BridgeRow(
            n,
            None,
            a,
            stages[a - 1].name,
            b,
            stages[b - 1].name,
            None,
            bridge_faults(stages[a - 1], stages[b - 1]),
        )
        for n, (a, b) in enumerate(pairs, start=1)
    ]
    return JourneySection("parents-journey", "Parents", [], stages, bridges)


FOUR = _journey([GOOD, (2, 4), BACKWARDS, (2, 5)])
BAD = _journey([GOOD, BACKWARDS, SAME, ONLINE_TO_ONLINE, (4, 6)])


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _stage_boxes(svg: ET.Element) -> list[Rect]:
    boxes = []
    for group in svg.iter(f"{NS}g"):
        if group.get("class") != "stage":
            continue
        x, y = map(float, re.findall(r"-?[\d.]+", group.get("transform", ""))[:2])
        frame = group.find(f"{NS}rect")
        assert frame is not None
        boxes.append((x, y, x + float(frame.get("width", 0)), y + float(frame.get("height", 0))))
    return boxes


def _labels(svg: ET.Element) -> list[tuple[str, Rect, bool]]:
    """Each bridge number: its text, its badge's box and whether it is drawn as faulty."""
    found = []
    for group in svg.iter(f"{NS}g"):
        kind = group.get("class", "")
        if "bridge-label" not in kind:
            continue
        text = "".join(group.itertext())
        circle, square = group.find(f"{NS}circle"), group.find(f"{NS}rect")
        if circle is not None:
            cx, cy, r = (float(circle.get(k, 0)) for k in ("cx", "cy", "r"))
            box = (cx - r, cy - r, cx + r, cy + r)
        else:
            assert square is not None
            x, y, w, h = (float(square.get(k, 0)) for k in ("x", "y", "width", "height"))
            box = (x, y, x + w, y + h)
        found.append((text, box, "bridge-faulty" in kind))
    return found


@pytest.mark.parametrize("draw", [wide_diagram, narrow_diagram], ids=["wide", "narrow"])
@pytest.mark.parametrize("journey", [FOUR, BAD], ids=["four-bridges", "bad-bridges"])
def test_bridge_numbers_sit_clear_of_every_stage_and_of_each_other(
    draw: Draw, journey: JourneySection
) -> None:
    svg = ET.fromstring(str(draw(journey)))
    stages, labels = _stage_boxes(svg), _labels(svg)
    assert len(stages) == len(journey.stages)
    assert [text for text, _, _ in labels] == [str(b.number) for b in journey.bridges]
    for text, box, _ in labels:
        crossed = [n for n, stage in enumerate(stages, start=1) if _overlap(box, stage)]
        assert not crossed, f"bridge {text}'s number lies on stage {crossed}"
    boxes = [box for _, box, _ in labels]
    assert all(not _overlap(p, q) for i, p in enumerate(boxes) for q in boxes[i + 1 :])


@pytest.mark.parametrize("draw", [wide_diagram, narrow_diagram], ids=["wide", "narrow"])
def test_bridges_check_reports_are_dashed_with_a_hollow_head(draw: Draw) -> None:
    svg = ET.fromstring(str(draw(BAD)))
    paths = [p for p in svg.iter(f"{NS}path") if "bridge" in (p.get("class") or "").split()]
    assert len(paths) == len(BAD.bridges)
    for bridge, path in zip(BAD.bridges, paths, strict=True):
        faulty = bool(bridge.faults)
        assert ("bridge-faulty" in (path.get("class") or "")) is faulty
        assert (path.get("stroke-dasharray") is not None) is faulty, bridge
    assert [faulty for _, _, faulty in _labels(svg)] == [bool(b.faults) for b in BAD.bridges]
    desc = svg.findtext(f"{NS}desc") or ""
    assert "Bridge 2 from stage 3 to stage 1: this bridge goes backwards" in desc
    assert "Bridge 1 from stage 1 to stage 3." in desc


def test_faults_say_what_check_says() -> None:
    faults = {(b.from_stage, b.to_stage): b.faults for b in BAD.bridges}
    assert faults[GOOD] == ()
    assert faults[BACKWARDS] == (
        "goes backwards, to an earlier stage",
        "starts at a stage with no online ask",
        "leads to a stage with no ask on the ground",
    )
    assert faults[SAME][0] == "starts and ends at the same stage"
    assert faults[ONLINE_TO_ONLINE] == ("leads to a stage with no ask on the ground",)


def test_the_markdown_flowchart_runs_down_and_dots_bad_bridges() -> None:
    chart = str(journey_flowchart(BAD))
    assert chart.splitlines()[1] == "flowchart TB"
    assert '    s1 == "Bridge 1" ==> s3' in chart
    assert '    s3 -.->|"Bridge 2: needs fixing, goes backwards, to an earlier stage and' in chart
    assert "==> s1" not in chart


BAD_BRIDGES = """\
  - id: map-to-walk
    journey: parents-journey
    from: notice
    to: walk
  - id: walk-back-to-map
    journey: parents-journey
    from: walk
    to: notice
  - id: map-to-petition
    journey: parents-journey
    from: notice
    to: sign
"""


def _plan_with_four_bridges(folder: Path) -> Path:
    text = (EXAMPLES / "clean-air-streets.yaml").read_text(encoding="utf-8")
    assert text.count("\nbridges:\n") == 1
    plan = folder / "four-bridges.yaml"
    plan.write_text(text.replace("\nbridges:\n", "\nbridges:\n" + BAD_BRIDGES), encoding="utf-8")
    return plan


def _render(folder: Path, kind: str) -> str:
    out = folder / f"plan.{kind}"
    plan = _plan_with_four_bridges(folder)
    result = run_cli("render", str(plan), "-o", str(out), "--today", EXAMPLE_TODAY)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def _section(html: str) -> str:
    start = html.index('<section id="journey-parents-journey"')
    return html[start : html.index("</section>", start)]


def test_the_list_numbers_match_the_diagram_and_name_bad_bridges(tmp_path: Path) -> None:
    section = _section(_render(tmp_path, "html"))
    listed = re.findall(r"<li[^>]*><strong>Bridge (\d+)</strong>(.*?)</li>", section, re.S)
    assert [n for n, _ in listed] == ["1", "2", "3", "4"]
    svg = section[section.index("<svg") : section.index("</svg>") + 6]
    drawn = [text for text, _, _ in _labels(ET.fromstring(svg))]
    assert drawn == ["1", "2", "3", "4"]
    words = dict(listed)
    assert "from online at" in words["1"] and "check reports it" not in words["1"]
    assert "This bridge goes backwards, to an earlier stage" in words["2"]
    assert "check reports it" in words["2"] and "from online at" not in words["2"]
    assert "leads to a stage with no ask on the ground: check reports it" in words["3"]
    assert "from online at" in words["4"] and "check reports it" not in words["4"]
    assert "Bridges from online to on the ground" not in section
    assert "bridges that need fixing (check reports them)" in section


def test_the_markdown_list_names_bad_bridges(tmp_path: Path) -> None:
    markdown = _render(tmp_path, "md")
    assert "2. From stage 3 (" in markdown
    assert "**This bridge goes backwards, to an earlier stage" in markdown
    assert "1. From online at stage 1 (" in markdown
    assert "4. From online at stage 2 (" in markdown


_TEXTS = """([selector]) => [...document.querySelectorAll(selector)]
  .filter(t => t.getClientRects().length && t.closest('svg').getBoundingClientRect().width)
  .map(t => { const r = t.getBoundingClientRect(); const m = t.getScreenCTM();
    return [t.textContent, r.left, r.top, r.right, r.bottom,
            parseFloat(t.getAttribute('font-size')) * m.a]; })"""


def _visible_texts(page: Page) -> list[tuple[str, Rect, float]]:
    """Each text of the journey's shown diagram: its words, its box and its size on screen."""
    found = page.evaluate(_TEXTS, ["#journey-parents-journey svg text"])
    assert found, "no journey diagram is drawn"
    return [(str(t[0]), (t[1], t[2], t[3], t[4]), float(t[5])) for t in found]


def _no_text_overlaps(texts: list[tuple[str, Rect, float]]) -> None:
    for i, (a, first, _) in enumerate(texts):
        for b, second, _ in texts[i + 1 :]:
            # a pixel of antialiasing either side is not an overlap
            shrunk = (first[0] + 1, first[1] + 1, first[2] - 1, first[3] - 1)
            assert not _overlap(shrunk, second), f"{a!r} and {b!r} overlap"


def test_on_a_phone_the_diagram_runs_down_with_text_of_11_px(tmp_path: Path, phone: Page) -> None:
    _render(tmp_path, "html")
    phone.goto((tmp_path / "plan.html").as_uri())
    shown = phone.evaluate(
        "[...document.querySelectorAll('#journey-parents-journey svg')]"
        ".filter(s => s.getClientRects().length).map(s => s.getAttribute('aria-labelledby'))"
    )
    assert shown == ["journey-parents-journey-narrow-title journey-parents-journey-narrow-desc"]
    texts = _visible_texts(phone)
    smallest = min(size for _, _, size in texts)
    assert smallest >= 11, f"the diagram's smallest text is {smallest:.1f} px on a phone"
    _no_text_overlaps(texts)
    overflow = phone.evaluate(
        "(() => { const s = [...document.querySelectorAll('#journey-parents-journey svg')]"
        ".find(s => s.getClientRects().length); return s.getBoundingClientRect().right; })()"
    )
    assert overflow <= 390


def test_on_a_desktop_the_wide_diagram_has_no_text_on_text(tmp_path: Path, desktop: Page) -> None:
    _render(tmp_path, "html")
    desktop.goto((tmp_path / "plan.html").as_uri())
    labels = desktop.evaluate(
        "[...document.querySelectorAll('#journey-parents-journey svg')]"
        ".filter(s => s.getClientRects().length).map(s => s.getAttribute('aria-labelledby'))"
    )
    assert labels == ["journey-parents-journey-title journey-parents-journey-desc"]
    _no_text_overlaps(_visible_texts(desktop))
