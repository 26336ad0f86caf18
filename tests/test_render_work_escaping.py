"""Plan text in activities, stakeholders, messages and the currency is data, never markup
(the tables of tests/test_render_escaping.py, for the keys of issue 15's second part)."""

from __future__ import annotations

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
    TODAY,
    _flat,
    _markdown_html,
    _Tags,
)

FIELDS = 11
PLAN = """\
movekit: 1
campaign: {{name: C, goal: G, starts: 2027-01-01, ends: 2027-06-30, budget: 1000, currency: {0}}}
outcomes:
  - {{id: o, title: O, type: policy}}
audiences:
  - {{id: a, name: A}}
phases:
  - {{id: p, name: P, starts: 2027-01-01, ends: 2027-03-01}}
stakeholders:
  - {{id: s, name: {1}, stance: opponent, interests: [{2}], owner: {3},
      arguments: [{{id: arg, says: {4}}}, {{id: arg2, says: {5}}}]}}
messages:
  - {{id: m1, text: {6}, audiences: [a]}}
  - {{id: m2, text: {7}, answers: [arg]}}
activities:
  - {{id: act, what: {8}, date: 2027-02, owner: {9}, serves: [o, s], budget: 10}}
  - {{id: act2, what: {10}, phase: p}}
"""


def _render(texts: list[str]) -> tuple[str, str]:
    text = PLAN.format(*(json.dumps(item) for item in texts))
    checked = check_bytes(text.encode(), "plan.yaml", today=TODAY, settings=Settings())
    assert checked.plan is not None, checked.findings
    document = build_document(checked.plan, None, TODAY)
    markdown = fill(MARKDOWN_TEMPLATE, document, None, html=False)
    return markdown, fill(HTML_TEMPLATE, document, None, html=True)


def _rotation(shift: int) -> list[str]:
    return [PAYLOADS[(field + shift) % len(PAYLOADS)] for field in range(FIELDS)]


@pytest.fixture(scope="module")
def plain() -> tuple[str, str]:
    return _render([f"Plain words {field}" for field in range(FIELDS)])


@pytest.mark.parametrize("shift", range(len(PAYLOADS)))
def test_new_fields_keep_the_html_structure_and_show_every_payload(
    shift: int, plain: tuple[str, str]
) -> None:
    _, html = _render(_rotation(shift))
    tags = _Tags(html)
    assert tags.tags == _Tags(plain[1]).tags
    assert set(tags.tags) <= HTML_TAGS | {f"/{tag}" for tag in HTML_TAGS}
    assert not [name for name, _ in tags.attributes if name.startswith("on")]
    shown = _flat("".join(tags.text))
    for payload in set(_rotation(shift)):
        assert _flat(payload) in shown
    for svg in re.findall(r"<svg\b.*?</svg>", html, re.S):
        ET.fromstring(svg)  # the timeline's activity marks leave it well-formed


@pytest.mark.parametrize("shift", range(len(PAYLOADS)))
def test_new_fields_keep_the_markdown_structure_and_show_every_payload(
    shift: int, plain: tuple[str, str]
) -> None:
    markdown, _ = _render(_rotation(shift))
    rendered = _Tags(_markdown_html(markdown))
    assert rendered.tags == _Tags(_markdown_html(plain[0])).tags
    assert set(rendered.tags) <= MARKDOWN_TAGS | {f"/{tag}" for tag in MARKDOWN_TAGS}
    shown = _flat("".join(rendered.text))
    for payload in set(_rotation(shift)):
        assert _flat(payload) in shown
