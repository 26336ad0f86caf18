"""`movekit fmt`: the canonical layout, its safety rules, and the command line."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import stat
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from movekit.config import Settings
from movekit.edit import load, round_trip
from movekit.engine import check_bytes
from movekit.errors import MovekitError
from movekit.fmt.format import FormatError, format_text, verify
from movekit.fmt.yamllines import scan
from movekit.scaffold.answers import Answers
from movekit.scaffold.starter import skeleton_plan
from movekit.source import decode, parse
from tests.conftest import EXAMPLES, REPO, SMALL_PLAN, VALID_PLAN, run_cli

TIDY = (
    VALID_PLAN.replace("\ncampaign:", "\n\ncampaign:")
    .replace("\noutcomes:", "\n\noutcomes:")
    .replace("\naudiences:", "\n\naudiences:")
)
"""VALID_PLAN in the canonical layout: a blank line before each top-level section."""

MESSY = """\


# Save the park: a first draft
movekit: 1···
campaign:
    name: "Save the Park"     # what people call it
    goal: 'The council keeps Elm Park open'
    summary: "yes"
    starts: "2027-01-11"
outcomes:
    -   id: park-open
        title: "Park: kept open"
        type: policy
        measures:
            -   {id: petition, metric: "Signatures", target: 500}
        # nothing else yet

    # a second outcome soon



# who we talk to
audiences:
    -   id: neighbours   # movekit: ignore[MK203]
        name: Neighbours of the park
        motivations:
            - "Fresh air"
            - Dog walks
        barriers:
            - Time, money and energy
            - Doubt
        channels:
            - leaflets
            - facebook
        x-note: |
            keep   this··

            # this line is text, not a comment
""".replace("·", " ")

CANONICAL = """\
# Save the park: a first draft
movekit: 1

campaign:
  name: Save the Park         # what people call it
  goal: The council keeps Elm Park open
  summary: "yes"
  starts: "2027-01-11"

outcomes:
  - id: park-open
    title: "Park: kept open"
    type: policy
    measures:
      - {id: petition, metric: Signatures, target: 500}
    # nothing else yet

  # a second outcome soon

# who we talk to
audiences:
  - id: neighbours       # movekit: ignore[MK203]
    name: Neighbours of the park
    motivations: [Fresh air, Dog walks]
    barriers:
      - Time, money and energy
      - Doubt
    channels: [leaflets, facebook]
    x-note: |
      keep   this··

      # this line is text, not a comment
""".replace("·", " ")


def test_a_messy_plan_gets_the_canonical_layout_and_keeps_its_comments() -> None:
    assert format_text(MESSY) == CANONICAL


def test_formatting_is_idempotent() -> None:
    assert format_text(CANONICAL) == CANONICAL


def test_short_lists_become_flow_lists_and_long_ones_block_lists() -> None:
    words = ", ".join(f"word{n}" for n in range(30))
    text = f"{VALID_PLAN}    motivations:\n      - a\n      - b\n    barriers: [{words}]\n"
    formatted = format_text(text)
    assert "    motivations: [a, b]\n" in formatted
    assert "    barriers:\n      - word0\n      - word1\n" in formatted


def test_a_list_with_a_comment_keeps_its_style() -> None:
    text = f"{TIDY}    motivations:\n      - a  # why a\n      - b\n"
    assert format_text(text) == text


def test_quotes_stay_where_the_text_would_read_differently_without_them() -> None:
    values = ['"yes"', '"2027-01-11"', '"1_000"', '"12"', '"true"', '"a: b"', "'~'", '""']
    lines = "".join(f"    x-{n}: {value}\n" for n, value in enumerate(values))
    text = TIDY + lines
    assert format_text(text) == text


def test_quotes_go_where_they_are_not_needed() -> None:
    text = TIDY.replace("name: Parents", "name: 'Parents'") + '    x-note: "plain text"\n'
    assert format_text(text) == TIDY + "    x-note: plain text\n"


def test_yaml_12_words_and_numbers_keep_their_meaning() -> None:
    text = (
        TIDY + "    x-a: yes\n    x-b: 0o17\n    x-c: 1e3\n    x-d: 2001-12-14t21:59:43.10-05:00\n"
    )
    assert format_text(text) == text
    assert parse(format_text(text)).data["audiences"][0]["x-a"] == "yes"


def test_comments_are_indented_like_the_lines_they_belong_to() -> None:
    text = (
        "movekit: 1\ncampaign:\n    name: A\n    # the goal\n    goal: B\n"
        "outcomes:\n    -   id: o\n        title: T\n        type: policy\n"
        "        # end of the outcome\n    # end of the outcomes\n"
        "audiences:\n    - {id: a, name: A}\n"
    )
    assert format_text(text) == (
        "movekit: 1\n\ncampaign:\n  name: A\n  # the goal\n  goal: B\n\n"
        "outcomes:\n  - id: o\n    title: T\n    type: policy\n"
        "    # end of the outcome\n  # end of the outcomes\n\n"
        "audiences:\n  - {id: a, name: A}\n"
    )


def test_directives_and_comments_before_the_document_start_are_kept() -> None:
    text = "# head\n%YAML 1.2\n---   # start\n" + VALID_PLAN.replace("\ncampaign", "\n\ncampaign")
    formatted = format_text(text)
    assert formatted.startswith("# head\n%YAML 1.2\n---   # start\nmovekit: 1\n\ncampaign:\n")


def test_anchors_aliases_and_merge_keys_are_kept() -> None:
    text = (
        "movekit: 1\n\ncampaign: &c {name: A, goal: B}\n\nx-copy: *c\n\n"
        "outcomes:\n  - &o {id: o, title: T, type: policy}\n  - <<: *o\n    id: p\n\n"
        "audiences: [{id: a, name: A}]\n"
    )
    assert format_text(text) == text


def test_crlf_line_endings_and_a_byte_order_mark_are_kept() -> None:
    text = "\ufeff" + VALID_PLAN.replace("\n", "\r\n")
    formatted = format_text(text)
    expected = VALID_PLAN.replace("\ncampaign", "\n\ncampaign").replace(
        "\noutcomes", "\n\noutcomes"
    )
    expected = expected.replace("\naudiences", "\n\naudiences")
    assert formatted == "\ufeff" + expected.replace("\n", "\r\n")


def test_a_comment_inside_a_flow_list_cannot_be_kept_so_fmt_refuses() -> None:
    text = VALID_PLAN + "    motivations: [a,  # why\n      b]\n"
    with pytest.raises(FormatError, match=r"lose the comment on line 12 \(# why\)"):
        format_text(text)


def test_verify_refuses_any_change_of_meaning_or_lost_comment() -> None:
    verify("a: 1  # c\n", "a:   1 # c\n")
    for after in ("a: '1'  # c\n", "a: 1.0  # c\n", "a: 1\n", "a: [1  # c\n"):
        with pytest.raises(FormatError):
            verify("a: 1  # c\n", after)
    assert issubclass(FormatError, MovekitError)


def test_verify_refuses_a_change_in_what_check_reports() -> None:
    moved = SMALL_PLAN.replace(
        "  - {id: parents, name: Parents}",
        "  - {id: parents, name: Parents}  # movekit: ignore[MK201]",
    )
    with pytest.raises(FormatError, match="findings"):
        verify(SMALL_PLAN, moved)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ruamel 0.19 lost the line break before `baseline` (edit._Emitter)
        (
            "m:\n  # c0\n  - {a: 1}  # c1\n  - id: b  # c2\n    unit: c\n    baseline: 0\n",
            "m:\n  # c0\n  - {a: 1}  # c1\n  - id: b  # c2\n    unit: c\n    baseline: 0\n",
        ),
        # ruamel 0.19 dropped `# n` when the next item had a comment too (edit._Composer)
        (
            "b:\n  - {id: a}\n  # n\n  - {id: b}  # e\n",
            "b:\n  - {id: a}\n  # n\n  - {id: b}  # e\n",
        ),
        # a tab at a line end stopped ruamel's reader
        ("a: b\t\nc: d\n", "a: b\n\nc: d\n"),
        # an anchor nothing refers to is kept, and its list keeps its style
        ("seq: &x\n  - a\n", "seq: &x\n  - a\n"),
        # an anchor defined twice is valid YAML (and ruamel's warning is not shown)
        ("a: &x 1\nb: &x 2\nc: *x\n", "a: &x 1\n\nb: &x 2\n\nc: *x\n"),
        # a line of spaces deeper than a `|` block's text is part of it
        ("foo: |\n  x\n   \nbar: 1\n", "foo: |\n  x\n   \n\nbar: 1\n"),
        # no blank line may follow a `|+` block: it would become part of its text
        ("a: |+\n  x\n\nb: 1\n", "a: |+\n  x\n\nb: 1\n"),
        ("a: |+\n  x\nb: 1\n", "a: |\n  x\n\nb: 1\n"),  # ruamel: the same text, as `|`
    ],
)
def test_yaml_edge_cases(text: str, expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert format_text(text) == expected
    assert format_text(expected) == expected
    assert capsys.readouterr() == ("", "")


def _readable(case: Path) -> bool:
    text, problem = decode(case.read_bytes())
    return problem is None and not parse(text).fatal


SUITE_CASES = sorted((REPO / "tests" / "data" / "yaml-test-suite" / "cases").glob("*.yaml"))
READABLE_CASES = [case for case in SUITE_CASES[::6] if _readable(case)]
"""Every sixth case of the yaml-test-suite that movekit reads as YAML (a sample, for speed)."""


@pytest.mark.parametrize("case", READABLE_CASES, ids=lambda case: case.stem)
def test_yaml_test_suite_inputs_are_formatted_or_refused_never_broken(case: Path) -> None:
    text = decode(case.read_bytes())[0]
    try:
        formatted = format_text(text)
    except FormatError as error:  # refused, saying why: the file would be left as it was
        assert re.search(r"would (change|lose)|would not be valid|cannot", str(error))
        return
    assert format_text(formatted) == formatted


# --- the command line ----------------------------------------------------------------


def test_fmt_rewrites_the_file_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MESSY, encoding="utf-8")
    first = run_cli("fmt", str(plan))
    assert first.returncode == 0, first.stderr
    assert first.stderr == f"reformatted {plan}\n1 reformatted (1 plan).\n"
    assert first.stdout == ""
    assert plan.read_text(encoding="utf-8") == CANONICAL
    second = run_cli("fmt", str(plan))
    assert (second.returncode, second.stderr) == (0, "1 already formatted (1 plan).\n")


def test_check_lists_the_files_that_would_change_and_writes_nothing(tmp_path: Path) -> None:
    messy, tidy = tmp_path / "messy.yaml", tmp_path / "tidy.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    tidy.write_text(CANONICAL, encoding="utf-8")
    result = run_cli("fmt", "--check", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == (
        f"would reformat {messy}\n1 would be reformatted, 1 already formatted (2 plans).\n"
    )
    assert messy.read_text(encoding="utf-8") == MESSY
    assert run_cli("fmt", "--check", str(tidy)).returncode == 0


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MESSY, encoding="utf-8")
    result = run_cli("fmt", "--diff", str(plan))
    assert result.returncode == 0
    assert result.stdout.startswith(f"--- {plan}\n+++ {plan}\n@@ ")
    assert '-    name: "Save the Park"     # what people call it\n' in result.stdout
    assert "+  name: Save the Park         # what people call it\n" in result.stdout
    assert plan.read_text(encoding="utf-8") == MESSY
    assert run_cli("fmt", "--diff", "--check", str(plan)).returncode == 1


def test_diff_output_applies_as_a_patch(tmp_path: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("patch") is None:
        pytest.skip("patch is not installed")
    plan = tmp_path / "plan.yaml"
    plan.write_text(MESSY, encoding="utf-8")
    diff = run_cli("fmt", "--diff", "plan.yaml", cwd=tmp_path).stdout
    subprocess.run(["patch", "-p0", "-s"], input=diff, text=True, cwd=tmp_path, check=True)
    assert plan.read_text(encoding="utf-8") == CANONICAL


def test_a_plan_with_file_level_errors_is_left_untouched(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    broken = MESSY.replace("motivations:", "motivation:")
    plan.write_text(broken, encoding="utf-8")
    result = run_cli("fmt", str(plan))
    assert result.returncode == 1
    assert f"{plan}:26:9: MK003 " in result.stderr
    assert f"error: {plan}: not formatted: fix the problems above first" in result.stderr
    assert plan.read_text(encoding="utf-8") == broken


def test_a_plan_fmt_cannot_format_safely_is_left_untouched_with_exit_2(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = VALID_PLAN + "    motivations: [a,  # why\n      b]\n"
    plan.write_text(text, encoding="utf-8")
    result = run_cli("fmt", str(plan))
    assert result.returncode == 2
    assert f"error: cannot format {plan}: formatting would lose the comment on line 12" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert plan.read_text(encoding="utf-8") == text


def test_a_missing_file_is_exit_2(tmp_path: Path) -> None:
    result = run_cli("fmt", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert result.stderr == f"error: {tmp_path / 'nope.yaml'}: no such file or folder\n"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_writing_keeps_the_file_permissions_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MESSY, encoding="utf-8")
    plan.chmod(0o640)
    assert run_cli("fmt", str(plan)).returncode == 0
    assert stat.S_IMODE(plan.stat().st_mode) == 0o640
    assert [path.name for path in tmp_path.iterdir()] == ["plan.yaml"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX symlinks")
def test_a_symlinked_plan_is_refused_not_written_through(tmp_path: Path) -> None:
    target, link = tmp_path / "real.yaml", tmp_path / "plan.yaml"
    target.write_text(MESSY, encoding="utf-8")
    link.symlink_to(target)
    result = run_cli("fmt", str(link))
    assert result.returncode == 2 and "symbolic link" in result.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == MESSY


def test_standard_input_is_formatted_to_standard_output() -> None:
    result = run_cli("fmt", "-", stdin=MESSY)
    assert (result.returncode, result.stdout, result.stderr) == (0, CANONICAL, "")
    check = run_cli("fmt", "--check", "-", stdin=MESSY)
    assert (check.returncode, check.stdout) == (1, "")


def test_plans_only_skips_other_yaml_files(tmp_path: Path) -> None:
    other = tmp_path / "config.yaml"
    other.write_text("key:    value\n", encoding="utf-8")
    skipped = run_cli("fmt", "--plans-only", str(other))
    assert (skipped.returncode, skipped.stderr) == (0, "No plans to format.\n")
    refused = run_cli("fmt", str(other))
    assert refused.returncode == 1
    assert "MK007" in refused.stderr
    assert other.read_text(encoding="utf-8") == "key:    value\n"


def test_a_utf8_byte_order_mark_and_crlf_survive_a_rewrite(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(b"\xef\xbb\xbf" + MESSY.replace("\n", "\r\n").encode("utf-8"))
    assert run_cli("fmt", str(plan)).returncode == 0
    assert plan.read_bytes() == b"\xef\xbb\xbf" + CANONICAL.replace("\n", "\r\n").encode("utf-8")


# --- property: fmt never changes what a plan means and never drops a comment ----------

BASES = [
    SMALL_PLAN,
    VALID_PLAN,
    (EXAMPLES / "gaps" / "plan.yaml").read_text(encoding="utf-8"),
    (EXAMPLES / "clean-air-streets.yaml").read_text(encoding="utf-8"),
    # init's skeleton: `[]   # a question` everywhere, and an empty mapping with a comment
    skeleton_plan(Answers()) + "x-notes: {}   # anything of our own\n",
]
SUPPRESSIONS = [
    "# movekit: ignore[MK3]",
    "# movekit: ignore[MK102, MK103]",
    "# movekit: ignore[MK2]",
]


@st.composite
def variants(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A base plan re-written with random styles, quotes and indentation, then random
    comments, suppressions, blank lines and trailing spaces: the text and its markers."""
    data = load(draw(st.sampled_from(BASES)), faithful=True)
    _restyle_randomly(draw, data)
    yaml = round_trip(faithful=True)
    offset = draw(st.integers(0, 2))
    yaml.indent(
        mapping=draw(st.integers(2, 4)),
        sequence=offset + 2 + draw(st.integers(0, 2)),
        offset=offset,
    )
    out = io.StringIO()
    yaml.dump(data, out)
    return _decorate(draw, out.getvalue())


def _restyle_randomly(draw: st.DrawFn, node: Any) -> None:
    children = list(node.items()) if isinstance(node, CommentedMap) else list(enumerate(node))
    for key, value in children:
        if isinstance(value, CommentedMap | CommentedSeq):
            if not value.ca.items and not value.ca.comment and draw(st.integers(0, 3)) == 0:
                flow = not value.fa.flow_style()
                value.fa.set_flow_style() if flow else value.fa.set_block_style()
            _restyle_randomly(draw, value)
        elif type(value) is str and value and draw(st.integers(0, 3)) == 0:
            quote = draw(st.sampled_from([SingleQuotedScalarString, DoubleQuotedScalarString]))
            node[key] = quote(value)


def _decorate(draw: st.DrawFn, text: str) -> tuple[str, list[str]]:
    lines = scan(text)
    out: list[str] = []
    markers: list[str] = []
    for index, line in enumerate(lines.lines[:-1]):
        free = index not in lines.inside
        if free and draw(st.integers(0, 9)) == 0:
            out.extend([""] * draw(st.integers(1, 3)))
        if free and draw(st.integers(0, 5)) == 0:
            markers.append(f"# note {len(markers)}: {draw(st.sampled_from(['why', 'TODO', '#x']))}")
            # deeper than the next line only where no value above could take it in (a
            # `|` or `>` block takes in deeper lines even after blank lines)
            above = index - 1
            while above >= 0 and not lines.lines[above].strip():
                above -= 1
            deeper = 0 if above in lines.inside else 4
            column = draw(st.integers(0, len(line) - len(line.lstrip()) + deeper))
            out.append(" " * column + markers[-1])
        ends_free = free and index + 1 not in lines.inside and "#" not in line
        if ends_free and line.strip() and draw(st.integers(0, 7)) == 0:
            markers.append(draw(st.sampled_from([f"# eol {len(markers)}", *SUPPRESSIONS])))
            line += " " * draw(st.integers(1, 3)) + markers[-1]
        if ends_free and draw(st.integers(0, 9)) == 0:
            line += "  "
        out.append(line)
    if draw(st.integers(0, 3)) == 0:  # a comment after the last line of the file
        markers.append(f"# note {len(markers)}: the end")
        out.extend([""] * draw(st.integers(0, 2)) + [markers[-1]])
    return "\n".join(out) + "\n", markers


def _meaning(text: str) -> tuple[Any, Any, list[tuple[str, str, str]]]:
    """The plan model, the raw values (x- notes included) and the findings, lines aside."""
    checked = check_bytes(text.encode(), "plan.yaml", today=TODAY, settings=Settings())
    findings = [
        (f.code, re.sub(r"line \d+", "line N", f.message), f.path) for f in checked.findings
    ]
    return checked.plan, parse(text).data, sorted(findings)


TODAY = dt.date(2027, 3, 15)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(variants())
def test_fmt_keeps_meaning_and_comments_and_is_idempotent(variant: tuple[str, list[str]]) -> None:
    text, markers = variant
    plan, values, findings = _meaning(text)
    assert plan is not None, "the generator must make valid plans"
    formatted = format_text(text)
    assert _meaning(formatted) == (plan, values, findings)
    comments = Counter(comment.text for comment in scan(formatted).comments)
    assert comments == Counter(comment.text for comment in scan(text).comments)
    for marker in markers:
        assert marker in comments
    assert format_text(formatted) == formatted
    _assert_canonical(formatted)


def _assert_canonical(text: str) -> None:
    lines = scan(text)
    assert text.endswith("\n") and not text.endswith("\n\n")
    free = [n for n in range(len(lines.lines) - 1) if n not in lines.inside]
    assert all(lines.lines[n] == lines.lines[n].rstrip() for n in free)
    assert all(lines.lines[n] or lines.lines[n - 1] for n in free if n)
    keys = [n for n in free if lines.is_content(n) and not lines.lines[n][:1].isspace()]
    for key in keys[1:]:
        above = key - 1
        while lines.lines[above].startswith("#"):
            above -= 1
        assert lines.lines[above] == "", f"no blank line before {lines.lines[key]!r}"
