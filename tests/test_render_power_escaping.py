"""The 0.2 additions' text is data, never markup: targets, owners, phases, assumptions and
risks hold every payload of tests/test_render_escaping.py in turn, and the document keeps
the structure it has for plain words."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest

from movekit.config import Settings
from movekit.engine import check_bytes
from movekit.render.document import build_document
from movekit.render.templates import HTML_TEMPLATE, MARKDOWN_TEMPLATE, fill
from tests.test_render_escaping import (
    HTML_TAGS,
    MARKDOWN_TAGS,
    PAYLOADS,
    SVG_TAGS,
    _flat,
    _markdown_html,
    _Tags,
)

TODAY = dt.date(2027, 3, 15)
FIELDS = 15
PLAN = """\
movekit: 1
campaign: {{name: C, goal: G, starts: 2027-01-01, ends: 2027-06-30}}
outcomes:
  - {{id: o, title: O, type: policy, owner: {0}, targets: [t1, t2]}}
audiences:
  - {{id: a, name: A}}
targets:
  - {{id: t1, name: {1}, role: primary, position: opposes, power: {2}, audiences: [a], owner: {3}}}
  - {{id: t2, name: {4}, role: secondary}}
journeys:
  - id: j
    audience: a
    outcomes: [o]
    owner: {5}
    stages:
      - {{id: s1, level: action, phase: p,
          ctas: [{{id: c1, ask: Ask, mode: offline, owner: {6}, target: t1, date: 2027-02-01}}]}}
community:
  - {{id: m, name: M, kind: create, owner: {7}}}
phases:
  - {{id: p, name: {8}, starts: 2027-01-01, ends: 2027-03-01}}
assumptions:
  - {{id: as1, text: {9}, about: [j/c1, t1], evidence: {10}, status: broken, test-by: 2027-02-01}}
risks:
  - {{id: r1, risk: {11}, about: [j], likelihood: high, impact: low, mitigation: {12},
      owner: {13}, status: closed, review-by: 2027-02-01}}
  - {{id: r2, risk: {14}}}
"""
TARGET_NAMES = (1, 4)


def _rotation(shift: int) -> list[str]:
    return [PAYLOADS[(field + shift) % len(PAYLOADS)] for field in range(FIELDS)]


def _render(texts: list[str]) -> tuple[str, str]:
    plan = PLAN.format(*(json.dumps(text) for text in texts))
    checked = check_bytes(plan.encode(), "plan.yaml", today=TODAY, settings=Settings())
    assert checked.plan is not None, checked.findings
    document = build_document(checked.plan, None, TODAY)
    return fill(MARKDOWN_TEMPLATE, document, None, html=False), fill(
        HTML_TEMPLATE, document, None, html=True
    )


@pytest.fixture(scope="module")
def plain() -> tuple[str, str]:
    return _render([f"Plain words {field}" for field in range(FIELDS)])


@pytest.mark.parametrize("shift", range(len(PAYLOADS)))
def test_html_and_its_drawings_show_every_payload_as_text(
    shift: int, plain: tuple[str, str]
) -> None:
    _, html = _render(_rotation(shift))
    tags = _Tags(html)
    assert tags.tags == _Tags(plain[1]).tags
    assert set(tags.tags) <= HTML_TAGS | {f"/{tag}" for tag in HTML_TAGS}
    assert not [name for name, _ in tags.attributes if name.startswith("on")]
    shown = _flat("".join(tags.text))
    for payload in _rotation(shift):
        assert _flat(payload) in shown
    drawn = []
    for svg in re.findall(r"<svg\b.*?</svg>", html, re.S):
        for element in ET.fromstring(svg).iter():  # well formed: nothing closed early
            assert element.tag.split("}")[-1] in SVG_TAGS
            assert not [name for name in element.attrib if name.startswith("on") or "href" in name]
            drawn.append(element.text or "")
    for field in TARGET_NAMES:
        assert _flat(_rotation(shift)[field]) in _flat(" ".join(drawn))


POWER_LINE = re.compile(
    r"    subgraph p_(opposes|unknown|undecided|supports)"
    r'\["(Opposes|Not known|Undecided|Supports)"\]'
    r"|    direction TB|    end"
    r'|    t\d+\["\d+\. (?:[\w .,:!?\'()/+#;-])*<br/>(Primary|Secondary)"\]'
    r"|    p_\w+ ~~~ p_\w+"
    r"|    classDef (primary|secondary) [\w:#,. -]+"
    r"|    class t\d+(,t\d+)* (primary|secondary)"
    r"|flowchart LR"
)


@pytest.mark.parametrize("shift", range(len(PAYLOADS)))
def test_markdown_and_the_power_flowchart_show_every_payload_as_text(
    shift: int, plain: tuple[str, str]
) -> None:
    markdown, _ = _render(_rotation(shift))
    rendered = _Tags(_markdown_html(markdown))
    assert rendered.tags == _Tags(_markdown_html(plain[0])).tags
    assert set(rendered.tags) <= MARKDOWN_TAGS | {f"/{tag}" for tag in MARKDOWN_TAGS}
    shown = _flat("".join(rendered.text))
    for payload in _rotation(shift):
        assert _flat(payload) in shown
    blocks = re.findall(r"^```mermaid\n(.*?)^```$", markdown, re.S | re.M)
    assert len(blocks) == 2 and markdown.count("```") == 4  # a journey and the power map
    power = blocks[0].splitlines()
    for line in power:
        assert POWER_LINE.fullmatch(line), line
        assert "%%" not in line and "`" not in line
