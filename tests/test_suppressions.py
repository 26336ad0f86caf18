"""`# movekit: ignore[...]` counts only as a real YAML comment, never as text inside a value.

Each row puts the same suppression for MK201 (audience 'parents' lists no motivations)
somewhere in the audiences section: as a real comment (it silences the finding) or inside
a value in one of YAML's scalar styles (it is text: the finding stays, and no MK008
"unused suppression" is reported for it).
"""

from __future__ import annotations

import datetime as dt

import pytest

from movekit.config import Settings
from movekit.engine import check_text
from movekit.findings import Finding
from movekit.source import parse
from movekit.suppress import find_suppressions

HEAD = """\
movekit: 1
campaign:
  name: Clean Air Streets
  goal: Council adopts School Streets
outcomes:
  - id: policy
    title: Policy adopted
    type: policy
audiences:
"""

IGNORE = "# movekit: ignore[MK201]"

CASES = [
    # (name, audiences section, does the suppression silence MK201 for 'parents'?)
    ("comment at the end of the line", f"  - id: parents  {IGNORE}\n    name: Parents\n", True),
    ("comment alone above", f"  {IGNORE}\n  - id: parents\n    name: Parents\n", True),
    ("comment after a flow item", f"  - {{id: parents, name: Parents}}  {IGNORE}\n", True),
    (
        "comment inside a flow mapping",
        f"  - {{id: parents,  {IGNORE}\n     name: Parents}}\n",
        True,
    ),
    (
        "comment inside a flow sequence",
        f"  - {{id: parents, name: Parents, barriers: [cost,  {IGNORE}\n     time]}}\n",
        True,
    ),
    (
        "comment after a block scalar that mentions ignore[",
        "  - id: families\n    name: Families\n    x-note: |\n      see ignore[MK201] below\n"
        f"  {IGNORE}\n  - id: parents\n    name: Parents\n",
        True,
    ),
    (
        "comment after a value with wide characters that mentions ignore[",
        f'  - {{id: parents, name: "Café 🎉 清洁 ignore[MK201]"}}  {IGNORE}\n',
        True,
    ),
    (
        "double-quoted value with wide characters",
        f'  - {{id: parents, name: "Café 🎉 清洁 {IGNORE}"}}\n',
        False,
    ),
    ("plain value", "  - name: Parents#movekit:ignore[MK201]\n    id: parents\n", False),
    (
        "single-quoted value",
        f"  - {{id: parents, name: 'Parents {IGNORE}'}}\n",
        False,
    ),
    (
        "double-quoted value",
        f'  - {{id: parents, name: "Parents {IGNORE}"}}\n',
        False,
    ),
    ("quoted key", f'  - {{id: parents, name: Parents, "x- {IGNORE}": 1}}\n', False),
    (
        "flow sequence item",
        f'  - {{id: parents, name: Parents, barriers: ["cost {IGNORE}"]}}\n',
        False,
    ),
    (
        "literal block scalar",
        f"  - id: families\n    name: Families\n    x-note: |\n      Notes\n      {IGNORE}\n"
        "  - id: parents\n    name: Parents\n",
        False,
    ),
    (
        "folded block scalar",
        f"  - id: families\n    name: Families\n    x-note: >\n      Notes\n      {IGNORE}\n"
        "  - id: parents\n    name: Parents\n",
        False,
    ),
    (
        "double-quoted value over two lines",
        f'  - id: families\n    name: Families\n    x-note: "Notes\n      {IGNORE}"\n'
        "  - id: parents\n    name: Parents\n",
        False,
    ),
    (
        "single-quoted value over two lines",
        f"  - id: families\n    name: Families\n    x-note: 'Notes\n      {IGNORE}'\n"
        "  - id: parents\n    name: Parents\n",
        False,
    ),
]


def findings_for(audiences: str, newline: str = "\n") -> list[Finding]:
    text = (HEAD + audiences).replace("\n", newline)
    return check_text(text, today=dt.date(2027, 1, 1), settings=Settings())


def parents_mk201(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code == "MK201" and "'parents'" in f.message]


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize(
    ("audiences", "silences"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_only_real_comments_suppress(audiences: str, silences: bool, newline: str) -> None:
    findings = findings_for(audiences, newline)
    assert not [f for f in findings if f.code < "MK008"], findings  # the plan is valid
    assert bool(parents_mk201(findings)) is not silences
    assert not [f for f in findings if f.code == "MK008"], "no unused suppression either way"


def test_a_real_comment_that_silences_nothing_is_reported_where_it_is() -> None:
    audiences = "  - id: parents\n    name: Parents  # movekit: ignore[MK999]\n"
    unused = [f for f in findings_for(audiences, "\r\n") if f.code == "MK008"]
    assert [(f.line, f.column, f.message) for f in unused] == [
        (11, 20, "Unused suppression: no MK999 finding on line 11")
    ]


def test_the_text_in_values_is_not_a_comment() -> None:
    line = f"  - {{id: parents, name: 'a {IGNORE}'}}  {IGNORE}"
    document = parse(HEAD + line + "\n")
    found = find_suppressions(document.text, document.text_spans)
    assert [(s.line, s.column, s.target_line) for s in found] == [(10, line.rindex("#") + 1, 10)]


def test_a_suppression_never_runs_onto_the_next_line() -> None:
    assert find_suppressions("a: 1  #\nmovekit: ignore[MK201]\n") == []
    assert find_suppressions("a: 1  # movekit:\n ignore[MK201]\n") == []
