"""Reading YAML: the YAML 1.2 core schema, positions, and refusing what a plan cannot be."""

from __future__ import annotations

import math
from typing import Any

import pytest

from movekit.source import decode, locate, parse, resolve_plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("true", True),
        ("False", False),
        ("TRUE", True),
        ("null", None),
        ("~", None),
        ("", None),
        ("42", 42),
        ("-7", -7),
        ("0o17", 15),
        ("0x1F", 31),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".inf", math.inf),
        ("-.inf", -math.inf),
        ("1:30", "1:30"),
        ("190:20:30", "190:20:30"),
        ("2027-01-11", "2027-01-11"),
        ("0b101", "0b101"),
        ("1_000", "1_000"),
        ("Clean Air", "Clean Air"),
    ],
)
def test_plain_scalars_follow_the_yaml_1_2_core_schema(text: str, expected: Any) -> None:
    assert resolve_plain(text) == expected
    assert type(resolve_plain(text)) is type(expected)


def test_nan_is_a_float() -> None:
    assert math.isnan(resolve_plain(".nan"))


def test_quoted_and_tagged_scalars_are_text() -> None:
    document = parse("a: '42'\nb: \"true\"\nc: !!str 7\nd: |\n  yes\n")
    assert document.data == {"a": "42", "b": "true", "c": "7", "d": "yes\n"}
    assert document.problems == []


def test_positions_are_one_based_and_point_at_keys_items_and_values() -> None:
    document = parse("a:\n  b: [x, {c: 1}]\n  items:\n    - id: one\n      name: first\n")
    assert document.root.line == 1
    pos, found = locate(document.root, ("a", "b"))
    assert (pos.line, pos.column, found) == (2, 3, ("a", "b"))
    pos, _ = locate(document.root, ("a", "b", 1, "c"), at_value=True)
    assert (pos.line, pos.column) == (2, 14)
    pos, _ = locate(document.root, ("a", "items", 0))
    assert (pos.line, pos.column) == (4, 7)


def test_a_missing_path_falls_back_to_the_closest_thing_present() -> None:
    document = parse("a:\n  items:\n    - id: one\n")
    pos, found = locate(document.root, ("a", "items", 0, "ctas", 3))
    assert (pos.line, pos.column, found) == (3, 7, ("a", "items", 0))


def test_duplicate_keys_are_reported_not_silently_merged() -> None:
    document = parse("name: one\ngoal: x\nname: two\n")
    assert document.data["name"] == "one"
    [problem] = document.problems
    assert (problem.code, problem.line, problem.column) == ("MK006", 3, 1)
    assert "line 1" in problem.message


def test_anchors_aliases_and_merge_keys_keep_positions() -> None:
    text = "base: &b\n  x: 1\n  y: 2\nitem:\n  <<: *b\n  y: 3\ncopy: *b\n"
    document = parse(text)
    assert document.data["item"] == {"y": 3, "x": 1}
    assert document.data["copy"] == {"x": 1, "y": 2}
    pos, _ = locate(document.root, ("item", "x"))
    assert (pos.line, pos.column) == (2, 3)  # the merged key's own line
    pos, _ = locate(document.root, ("copy", "y"))
    assert (pos.line, pos.column) == (3, 3)
    assert document.problems == []


def test_a_merge_of_a_scalar_is_a_schema_problem() -> None:
    document = parse("a: &s text\nb:\n  <<: *s\n")
    assert [problem.code for problem in document.problems] == ["MK002"]


def test_alias_bombs_are_refused() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    document = parse("\n".join(lines) + "\n")
    assert [problem.code for problem in document.problems] == ["MK001"]
    assert "Aliases expand" in document.problems[0].message


def test_deep_nesting_is_refused_without_recursion_errors() -> None:
    block = "".join("  " * depth + f"k{depth}:\n" for depth in range(300))
    for text in ("[" * 20000 + "]" * 20000, block):
        document = parse(text)
        assert [problem.code for problem in document.problems] == ["MK001"]


def test_python_tags_construct_nothing() -> None:
    document = parse("a: !!python/object:os.system echo\n")
    assert document.data == {"a": "echo"}
    assert [problem.code for problem in document.problems] == ["MK002"]


def test_a_wrongly_tagged_number_is_a_schema_problem() -> None:
    document = parse("a: !!int ten\n")
    assert "'ten' is not a valid !!int" in document.problems[0].message


def test_syntax_errors_are_explained_at_the_real_spot() -> None:
    document = parse("campaign:\n  name: x\n  goal: a: b\n")
    [problem] = document.problems
    assert (problem.code, problem.line, problem.column) == ("MK001", 3, 10)
    assert "contains `: `" in problem.message
    assert 'goal: "a: b"' in problem.hint


def test_lookalikes_come_first_and_their_echoes_are_dropped() -> None:
    document = parse("a: 1\nlist:\n  \u2013 x\n  \u2013 x\n")
    assert [(p.line, p.column) for p in document.problems] == [(3, 3), (4, 3)]
    assert all("en dash" in problem.message for problem in document.problems)


def test_curly_quotes_inside_prose_stay_allowed() -> None:
    assert parse("name: Sam\u2019s \u201cgreat\u201d group\n").problems == []


def test_a_second_document_is_refused() -> None:
    document = parse("a: 1\n---\nb: 2\n")
    [problem] = document.problems
    assert (problem.code, problem.line) == ("MK001", 2)


def test_an_undefined_alias_is_a_syntax_problem() -> None:
    [problem] = parse("a: *missing\n").problems
    assert (problem.code, problem.line, problem.column) == ("MK001", 1, 4)


def test_control_characters_are_reported_where_they_are() -> None:
    [problem] = parse("a: 1\nb: x\x07y\n").problems
    assert (problem.code, problem.line, problem.column) == ("MK001", 2, 5)
    assert "U+0007" in problem.message


def test_decode_accepts_utf8_with_bom_and_utf16() -> None:
    assert decode("\ufeffa: é".encode()) == ("a: é", None)
    assert decode("a: é".encode("utf-16")) == ("a: é", None)


def test_decode_reports_the_line_of_a_bad_byte() -> None:
    text, problem = decode(b"a: 1\nb: \xff\n")
    assert text == ""
    assert problem is not None
    assert (problem.code, problem.line, problem.column) == ("MK001", 2, 4)


def test_crlf_line_endings_keep_positions() -> None:
    lf = parse("a: 1\nb:\n  c: 2\n")
    crlf = parse("a: 1\r\nb:\r\n  c: 2\r\n")
    assert locate(lf.root, ("b", "c")) == locate(crlf.root, ("b", "c"))
