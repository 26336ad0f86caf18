"""Property tests: no input makes check_bytes raise, and every finding has a place and a code.

Three sources of input: arbitrary text (and bytes); a small valid plan broken line by
line the way hand edits and bad copy-paste break real plans (lines dropped, duplicated or
re-indented; stray quotes, brackets, control characters, NUL and bidi marks inserted); and
that plan cut short at every byte, as a crash or a full disk leaves a file (in the middle
of a key, of a CRLF pair, of a multi-byte character). Every finding lies inside the file.
"""

from __future__ import annotations

import datetime as dt
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from movekit.config import Settings
from movekit.engine import check_bytes
from movekit.findings import Finding
from movekit.report import REPORTERS, Report
from movekit.rules import BY_CODE
from movekit.yamltext import LINE_BREAK
from tests.conftest import SMALL_PLAN

TODAY = dt.date(2027, 1, 1)

# A schema-valid plan (it has lint findings) to mutate.
SEED_PLAN = SMALL_PLAN
SEED_LINES = SEED_PLAN.splitlines()

JUNK = [
    '"',
    "'",
    "[",
    "]",
    "{",
    "}",
    ":",
    ": ",
    "- ",
    "#",
    " #",
    ",",
    "&a ",
    "*a",
    "<<: ",
    "!!",
    "!!python/object:os.system ",
    "? ",
    "|",
    ">",
    "%",
    "@",
    "`",
    "---",
    "...",
    "\t",
    "\x00",
    "\x01",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\r",
    "\ufeff",
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2028",  # line separator
    "\ud7ff",
    "\U0001f389",
]

# the number of examples comes from the profile (tests/conftest.py): --hypothesis-profile=long
settings_for_fuzz = settings()


def file_lines(text: str) -> list[str]:
    """The file's lines as an editor numbers them: a final line break starts no new line."""
    lines = LINE_BREAK.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def assert_inside(finding: Finding, lines: list[str]) -> None:
    """The finding points at a line of the file, at most one column past its end."""
    assert 1 <= finding.line <= len(lines), finding
    assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding


def assert_well_formed(raw: bytes, *, render: bool = False) -> None:
    """check_bytes returns (never raises) and every finding is placed (inside the file)
    and coded.

    With `render`, both reports are written too, as `movekit check` would.
    """
    checked = check_bytes(raw, "fuzz.yaml", today=TODAY, settings=Settings())
    lines = file_lines(checked.text)
    for finding in checked.findings:
        assert finding.code in BY_CODE, finding
        assert_inside(finding, lines)
        assert finding.message, finding
        assert finding.file == "fuzz.yaml", finding
    if render:
        source = raw.decode("utf-8-sig", errors="replace")
        report = Report(["fuzz.yaml"], checked.findings, {"fuzz.yaml": source})
        REPORTERS["text"](report, io.StringIO())
        out = io.StringIO()
        REPORTERS["json"](report, out)
        assert len(json.loads(out.getvalue())["findings"]) == len(checked.findings)


def test_seed_plan_is_schema_valid() -> None:
    """The mutations below start from a plan that parses and validates cleanly."""
    checked = check_bytes(SEED_PLAN.encode(), "seed.yaml", today=TODAY, settings=Settings())
    assert checked.plan is not None
    assert not [finding for finding in checked.findings if finding.code < "MK100"]


@settings_for_fuzz
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    assert_well_formed(text.encode("utf-8", errors="surrogatepass"))


@settings_for_fuzz
@given(st.binary())
def test_arbitrary_bytes(raw: bytes) -> None:
    assert_well_formed(raw)


@settings_for_fuzz
@given(
    st.lists(
        st.sampled_from(
            ["movekit: 1", "campaign:", "  name: x", "- a", "  - b", "  ", "#", "? x", ": y"]
        )
        | st.sampled_from(JUNK)
        | st.text(max_size=12),
        max_size=20,
    )
)
def test_yaml_like_text(lines: list[str]) -> None:
    """Text made of YAML-ish fragments reaches deeper into the parser than random text."""
    assert_well_formed("\n".join(lines).encode("utf-8", errors="surrogatepass"), render=True)


Mutation = tuple[str, int, int, str]
"""(kind, line index, number, text): the number and text are used by some kinds only."""

line_index = st.integers(min_value=0, max_value=len(SEED_LINES) - 1)
count = st.integers(min_value=0, max_value=60)
mutation: st.SearchStrategy[Mutation] = st.one_of(
    st.tuples(st.just("drop"), line_index, st.just(0), st.just("")),
    st.tuples(st.just("duplicate"), line_index, st.just(0), st.just("")),
    st.tuples(st.just("swap"), line_index, line_index, st.just("")),
    st.tuples(st.just("indent"), line_index, st.just(0), st.sampled_from([" ", "  ", "\t", " \t"])),
    st.tuples(st.just("dedent"), line_index, st.integers(1, 6), st.just("")),
    st.tuples(st.just("insert"), line_index, count, st.sampled_from(JUNK)),
    st.tuples(st.just("insert"), line_index, count, st.text(max_size=3)),
)


def mutate(lines: list[str], operation: Mutation) -> list[str]:
    """Apply one line-level mutation (indexes wrap, so every operation applies)."""
    if not lines:
        return lines
    kind, index, number, text = operation
    index %= len(lines)
    lines = list(lines)
    if kind == "drop":
        del lines[index]
    elif kind == "duplicate":
        lines.insert(index, lines[index])
    elif kind == "swap":
        other = number % len(lines)
        lines[index], lines[other] = lines[other], lines[index]
    elif kind == "indent":
        lines[index] = text + lines[index]
    elif kind == "dedent":
        lines[index] = lines[index][number:]
    elif kind == "insert":
        column = min(number, len(lines[index]))
        lines[index] = lines[index][:column] + text + lines[index][column:]
    return lines


@settings_for_fuzz
@given(
    st.lists(mutation, min_size=1, max_size=6),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_mutated_plan(operations: list[Mutation], newline: str, bom: bool) -> None:
    lines = SEED_LINES
    for operation in operations:
        lines = mutate(lines, operation)
    text = ("\ufeff" if bom else "") + newline.join(lines) + newline
    assert_well_formed(text.encode("utf-8", errors="surrogatepass"), render=True)


# The seed plan with accents, a four-byte emoji and a CJK name: cuts fall inside them.
WIDE_PLAN = SEED_PLAN.replace("Clean Air", "Café Aire 🎉 清洁空气").replace(
    "Parents", "Parents et élèves"
)


def test_wide_plan_has_multibyte_characters() -> None:
    raw = WIDE_PLAN.encode()
    assert len(raw) - len(WIDE_PLAN) >= 10
    assert check_bytes(raw, "seed.yaml", today=TODAY, settings=Settings()).plan is not None


def test_truncated_at_every_byte() -> None:
    """A plan cut short anywhere (LF or CRLF, with a BOM or a `---` header) is read without
    a crash, and every finding points inside what is left."""
    for newline, head in (("\n", ""), ("\r\n", "\ufeff# Our plan\n---\n")):
        raw = (head + WIDE_PLAN).replace("\n", newline).encode()
        for cut in range(len(raw) + 1):
            assert_well_formed(raw[:cut], render=True)
