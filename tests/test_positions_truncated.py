"""Every finding's line and column lie inside the file, even when the file is cut short.

A plan saved half-way (a crash, a full disk, a paste cut off) ends anywhere: in a key, in
a quoted value, between the two bytes of a CRLF or of an accented letter. Whatever is
left, each finding must point at a line that exists (a last line without a line break
counts; an empty file has line 1, column 1) and at most one column past that line's end,
and the text report must show that line.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from movekit.config import Settings
from movekit.engine import check_bytes
from movekit.findings import Finding
from movekit.report import REPORTERS, Report
from tests.conftest import EXAMPLES, SMALL_PLAN
from tests.test_fuzz import file_lines, mutate, mutation

TODAY = dt.date(2027, 1, 1)
EXAMPLE_PLANS = {path.name: path.read_bytes() for path in sorted(EXAMPLES.glob("*.yaml"))}


def shown_excerpt(finding: Finding, text: str) -> bool:
    """True when the text report quotes the finding's line with carets under it."""
    out = io.StringIO()
    REPORTERS["text"](Report(["f.yaml"], [finding], {"f.yaml": text}), out)
    return f"{finding.line} | " in out.getvalue() and "^" in out.getvalue()


def assert_inside(raw: bytes) -> None:
    """Check `raw` as a plan; every finding sits inside it and has an excerpt."""
    checked = check_bytes(raw, "f.yaml", today=TODAY, settings=Settings())
    text = raw.decode("utf-8-sig", errors="replace")  # what `check` gives the reporters
    lines = file_lines(text)
    for finding in checked.findings:
        where = (finding.code, finding.line, finding.column, finding.message, raw[-40:])
        assert 1 <= finding.line <= len(lines), where
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, where
        if text.strip():
            assert shown_excerpt(finding, text), where


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\n",
        b"---\n",
        b"--- \n\n",
        b"---\n# nothing else\n",
        b"...\n",
        b"journeys:\n  - id: a\n  sta",
        b"movekit: 1\njourneys:\n  - id: a\n    sta",
        b"movekit: 1\ncampaign:\n",
        b"movekit: 1\r\ncampaign:\r",
        b'movekit: 1\nname: "abc',
        b"movekit: 1\nname: |\n",
        b"movekit: 1\nname: caf\xc3",
    ],
    ids=repr,
)
def test_known_ends_stay_inside(raw: bytes) -> None:
    assert_inside(raw)


def test_file_lines_counts_as_an_editor_does() -> None:
    assert file_lines("") == [""]
    assert file_lines("a\n") == ["a"]
    assert file_lines("a\r\nb") == ["a", "b"]
    assert file_lines("a\n\n") == ["a", ""]


@pytest.mark.parametrize("name", sorted(EXAMPLE_PLANS))
@settings(max_examples=60)
@given(data=st.data())
def test_truncated_examples(name: str, data: st.DataObject) -> None:
    raw = EXAMPLE_PLANS[name]
    cut = data.draw(st.integers(min_value=0, max_value=len(raw)), label="cut")
    assert_inside(raw[:cut])


@settings(max_examples=100)
@given(
    st.lists(mutation, max_size=4),
    st.sampled_from(["\n", "\r\n"]),
    st.data(),
)
def test_truncated_fuzzed_plans(operations: list, newline: str, data: st.DataObject) -> None:
    lines = SMALL_PLAN.splitlines()
    for operation in operations:
        lines = mutate(lines, operation)
    raw = (newline.join(lines) + newline).encode("utf-8", errors="surrogatepass")
    cut = data.draw(st.integers(min_value=0, max_value=len(raw)), label="cut")
    assert_inside(raw[:cut])


@pytest.mark.parametrize("cut", [1, 2, 3], ids=["1 of 4 bytes", "2 of 4 bytes", "3 of 4 bytes"])
def test_a_character_cut_short_is_named(cut: int) -> None:
    """A file that ends inside a character says it looks cut short, at that character."""
    raw = "movekit: 1\nname: Café 🎉".encode()[: -4 + cut]
    checked = check_bytes(raw, "f.yaml", today=TODAY, settings=Settings())
    [finding] = checked.findings
    assert finding.message == "The file ends in the middle of a character: it looks cut short"
    assert (finding.line, finding.column) == (2, 12)


def test_a_bad_byte_inside_the_file_is_still_not_utf8() -> None:
    raw = "movekit: 1\nname: Café".encode("latin-1") + b"\n"
    [finding] = check_bytes(raw, "f.yaml", today=TODAY, settings=Settings()).findings
    assert finding.message == "The file is not UTF-8 text: byte 0xe9 cannot be decoded"
