"""Plan text is data, never markup: markup in any text field comes out as that text.

Every payload goes into every text field (one rotation per test). The rendered document
must have exactly the structure it has for plain words, and show each payload as text:
in HTML (including SVG text and attributes), in Markdown read by a CommonMark parser,
and in Mermaid labels.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from movekit.config import Settings
from movekit.engine import check_bytes
from movekit.render.document import build_document
from movekit.render.templates import HTML_TEMPLATE, MARKDOWN_TEMPLATE, fill
from tests.conftest import run_cli

TODAY = dt.date(2027, 3, 15)
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><a href=javascript:alert(1)>x</a>",
    "</title></desc></tspan></text></svg><script>alert(1)</script>",
    "{{ 7*7 }} {% if true %}x{% endif %}",
    "[click](javascript:alert(1)) ![x](http://127.0.0.1:9/x.png) <http://127.0.0.1:9>",
    '%%{init: {"securityLevel": "loose"}}%% click s1 call alert(1)',
    '"] s9["x"] --> s1 ```\n</div>',
    "| a | b |\n|---|---|",
    "&lt;b&gt; &amp; &#60;i&#62; &copy;",
    "# heading\n## again",
    "1. list\n- item\n> quote",
    "$x^2$ ~~strike~~ **bold** _em_ `code` \\*",
    "<!-- comment --> <style>body{display:none}</style> <![CDATA[x]]>",
    "javascript:alert(1) data:text/html,<b>x</b> #35; <br/>",
]
FIELDS = 24
PLAN = """\
movekit: 1
campaign: {{name: {0}, goal: {1}, summary: {2}, owner: {3}, starts: 2027-01-01, ends: 2027-06-30}}
outcomes:
  - id: o
    title: {4}
    type: policy
    measures:
      - {{id: m, metric: {5}, unit: {6}, source: {7}, baseline: 0, target: 10, due: 2027-05-01}}
audiences:
  - {{id: a, name: {8}, motivations: [{9}], barriers: [{10}], channels: [web, street]}}
channels:
  - {{id: web, mode: online, owner: {11}}}
  - {{id: street, mode: offline}}
journeys:
  - id: j
    audience: a
    outcomes: [o]
    stages:
      - {{id: s1, name: {12}, level: awareness, content: [{13}], channels: [web],
          ctas: [{{ask: {14}, mode: online, measure: m}}]}}
      - {{id: s2, name: {15}, level: action, channels: [street],
          ctas: [{{ask: {16}, mode: offline}}]}}
bridges:
  - {{journey: j, from: s1, to: s2, how: {17}}}
community:
  - {{id: c, name: {18}, kind: create, audiences: [a], description: {19}, tools: [{20}]}}
phases:
  - {{id: p, name: {21}, starts: 2027-01-01, ends: 2027-03-01, review: 2027-03-05}}
reviews:
  - {{phase: p, date: 2027-03-05, learned: {22}, changes: {23}}}
results:
  - {{measure: m, date: 2027-02-01, value: 3}}
"""


def _plan(texts: list[str]) -> str:
    return PLAN.format(*(json.dumps(text) for text in texts))  # JSON strings are YAML


def _rotation(shift: int) -> list[str]:
    return [PAYLOADS[(field + shift) % len(PAYLOADS)] for field in range(FIELDS)]


def _plain() -> list[str]:
    return [f"Plain words {field}" for field in range(FIELDS)]


def _render(texts: list[str]) -> tuple[str, str]:
    """The Markdown and the HTML of the plan with these texts in its fields."""
    checked = check_bytes(_plan(texts).encode(), "plan.yaml", today=TODAY, settings=Settings())
    assert checked.plan is not None, checked.findings
    document = build_document(checked.plan, checked.findings, TODAY)
    markdown = fill(MARKDOWN_TEMPLATE, document, None, html=False)
    return markdown, fill(HTML_TEMPLATE, document, None, html=True)


def _flat(text: str) -> str:
    return " ".join(text.split())


class _Tags(HTMLParser):
    """The tags and attributes of an HTML document (outside SVG), and its text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []
        self._in_svg = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "svg":
            self._in_svg += 1
        if not self._in_svg:
            self.tags.append(tag)
            self.attributes += [(name, value or "") for name, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._in_svg -= 1
        elif not self._in_svg:
            self.tags.append(f"/{tag}")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


HTML_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section"),
    *("nav", "figure", "figcaption", "h1", "h2", "h3", "h4", "p", "span", "div", "dl", "dt"),
    *("dd", "ol", "ul", "li", "a", "strong", "code", "table", "thead", "tbody", "tr", "th", "td"),
}
SVG_TAGS = {"svg", "title", "desc", "g", "rect", "text", "tspan", "path", "polygon", "line"}
SVG_TAGS |= {"polyline", "circle"}  # the measure charts
MARKDOWN_TAGS = {
    *("h1", "h2", "h3", "h4", "p", "strong", "em", "ul", "ol", "li", "hr", "pre", "code"),
    *("table", "thead", "tbody", "tr", "th", "td"),
}


def _markdown_html(markdown: str) -> str:
    """What a CommonMark reader with GitHub's tables and strikethrough makes of it."""
    return (
        MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown)
    )


@pytest.fixture(scope="module")
def plain() -> tuple[str, str]:
    return _render(_plain())


@pytest.mark.parametrize("shift", range(len(PAYLOADS)))
def test_html_has_the_structure_of_plain_text_and_shows_every_payload(
    shift: int, plain: tuple[str, str]
) -> None:
    _, html = _render(_rotation(shift))
    tags = _Tags(html)
    assert tags.tags == _Tags(plain[1]).tags
    assert set(tags.tags) <= HTML_TAGS | {f"/{tag}" for tag in HTML_TAGS}
    assert not [name for name, _ in tags.attributes if name.startswith("on")]
    assert all(value.startswith("#") for name, value in tags.attributes if name == "href")
    shown = _flat("".join(tags.text))
    for payload in set(_rotation(shift)):
        assert _flat(payload) in shown


@pytest.mark.parametrize("shift", range(len(PAYLOADS)))
def test_svg_diagrams_are_well_formed_and_hold_the_payloads_as_text(shift: int) -> None:
    _, html = _render(_rotation(shift))
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert len(svgs) == 4  # the journey (wide and narrow), the timeline and the chart
    text = []
    for svg in svgs:
        root = ET.fromstring(svg)  # well-formed XML: nothing closed or opened early
        for element in root.iter():
            assert element.tag.split("}")[-1] in SVG_TAGS
            assert not [name for name in element.attrib if name.startswith("on") or "href" in name]
            text.append(element.text or "")
    described = _flat(" ".join(text))
    texts = _rotation(shift)
    for field in (12, 14, 15, 16, 21):  # stage names, asks, phase name
        assert _flat(texts[field]) in described


@pytest.mark.parametrize("shift", range(len(PAYLOADS)))
def test_markdown_has_the_structure_of_plain_text_and_shows_every_payload(
    shift: int, plain: tuple[str, str]
) -> None:
    markdown, _ = _render(_rotation(shift))
    rendered = _Tags(_markdown_html(markdown))
    assert rendered.tags == _Tags(_markdown_html(plain[0])).tags
    assert set(rendered.tags) <= MARKDOWN_TAGS | {f"/{tag}" for tag in MARKDOWN_TAGS}
    shown = _flat("".join(rendered.text))
    for field, payload in enumerate(_rotation(shift)):
        if field not in (12, 14, 15, 16):  # stage names and asks are also in Mermaid labels
            assert _flat(payload) in shown


MERMAID_LINE = re.compile(
    r'    s\d+\["(?:[\w .,:!?\'()/+#;-]|<br/>)*"\]'
    r"|    s\d+ --> s\d+"
    r'|    s\d+ == "Bridge \d+" ==> s\d+'
    r"|    classDef (awareness|engagement|action|ownership) [\w:#,]+"
    r"|    class s\d+(,s\d+)* (awareness|engagement|action|ownership)"
    r"|flowchart (LR|TB)"
)


def _mermaid(markdown: str) -> list[str]:
    blocks = re.findall(r"^```mermaid\n(.*?)^```$", markdown, re.S | re.M)
    assert len(blocks) == 1
    assert markdown.count("```") == 2  # no fence opened or closed by plan text
    return blocks[0].splitlines()


@pytest.mark.parametrize("shift", range(len(PAYLOADS)))
def test_mermaid_labels_are_harmless(shift: int, plain: tuple[str, str]) -> None:
    lines = _mermaid(_render(_rotation(shift))[0])
    for line in lines:
        assert MERMAID_LINE.fullmatch(line), line
        assert "%%" not in line and "`" not in line
    plain_lines = _mermaid(plain[0])
    assert [line.count("<br/>") for line in lines] == [line.count("<br/>") for line in plain_lines]


def test_the_cli_writes_escaped_documents(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(_plan(_rotation(0)), encoding="utf-8")
    for extension in ("md", "html"):
        result = run_cli("render", str(plan), "-o", str(tmp_path / f"out.{extension}"))
        assert result.returncode == 0, result.stderr
        written = (tmp_path / f"out.{extension}").read_text(encoding="utf-8")
        assert not re.search(r"(?<!\\)<(script|img|svg onload|a href=javascript)", written)


# --- live links, mentions, bidi overrides and control characters (issue 13, item 21) -----

LINKY = [
    "See https://example.org/join and HTTP://EXAMPLE.ORG too",
    "www.example.org/pledge",
    "write to organiser@example.org or ftp://files.example.org",
    "ping @alice, @org/team and @bob-smith",
    "mailto:team@example.org xmpp:chat@example.org",
]
HIDDEN = [
    "invoice\u202egpj.exe",
    "\u2066isolated\u2069 \u202aembedded\u202c \u202bright\u202c \u202dleft\u202c \u2067r\u2068f",
    "title\x1b]0;pwned\x07 clear\x1b[2J\x1bc",
    "nul\x00 bell\x07 back\x08 del\x7f c1\x85\x9b[31m",
]
HIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
AUTOLINK = re.compile(r"(?i)\b(?:https?|ftp|mailto|xmpp):|\bwww\.")
"""What GFM's autolinks extension makes a link of (cmark-gfm: a scheme's `:`, `www.`)."""
MENTION = re.compile(r"(?:^|\W)@\w")
"""What GitHub makes a mention of, in a text node of the HTML (it ignores backslashes)."""


def _outside_code(markdown: str) -> str:
    """The Markdown without its Mermaid blocks (code: never linked, and escaped apart)."""
    return re.sub(r"^```mermaid\n.*?^```$", "", markdown, flags=re.S | re.M)


def _texts(prefix: list[str]) -> list[str]:
    return [prefix[field % len(prefix)] for field in range(FIELDS)]


class _TextNodes(HTMLParser):
    """The text nodes of HTML, one by one, as GitHub's mention filter sees them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.nodes: list[str] = []
        self.feed(html)

    def handle_data(self, data: str) -> None:
        self.nodes.append(data)


def test_addresses_and_mentions_stay_text_in_markdown(plain: tuple[str, str]) -> None:
    markdown, _ = _render(_texts(LINKY))
    assert not AUTOLINK.search(_outside_code(markdown))
    nodes = _TextNodes(_markdown_html(markdown)).nodes
    assert not [node for node in nodes if MENTION.search(node)]
    rendered = _Tags(_markdown_html(markdown))
    assert rendered.tags == _Tags(_markdown_html(plain[0])).tags  # no link, no new tag
    shown = _flat("".join(rendered.text))
    for text in LINKY:  # and a reader sees exactly the plan's words
        assert text in shown


def test_the_escapes_read_as_plain_text_in_the_markdown_file() -> None:
    markdown, _ = _render(_texts(LINKY))
    assert "https\\://example.org/join" in markdown and "www\\.example.org" in markdown
    assert "ping @<!-- -->alice, @<!-- -->org/team" in markdown


@pytest.mark.parametrize("kind", ["md", "html"])
def test_bidi_overrides_and_control_characters_never_reach_a_document(kind: str) -> None:
    markdown, html = _render(_texts(HIDDEN))
    document = markdown if kind == "md" else html
    assert not HIDDEN_CHARS.findall(document)
    assert "invoice\ufffdgpj.exe" in document  # replaced where it stood, not silently dropped
    if kind == "html":
        for svg in re.findall(r"<svg\b.*?</svg>", html, re.S):
            ET.fromstring(svg)
    else:
        labels = "".join(_mermaid(markdown))
        assert "invoice#65533;gpj.exe" in labels  # U+FFFD, as a Mermaid entity code
        coded = [chr(int(code)) for code in re.findall(r"#(\d+);", labels)]
        assert not HIDDEN_CHARS.findall("".join(coded))  # nor smuggled in as entity codes


def test_the_cli_writes_documents_without_hidden_characters(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(_plan(_texts(HIDDEN + LINKY)), encoding="utf-8")
    for extension in ("md", "html"):
        result = run_cli("render", str(plan), "-o", str(tmp_path / f"out.{extension}"))
        assert result.returncode == 0, result.stderr
        written = (tmp_path / f"out.{extension}").read_text(encoding="utf-8")
        assert not HIDDEN_CHARS.findall(written)
        if extension == "md":
            assert not AUTOLINK.search(_outside_code(written))
