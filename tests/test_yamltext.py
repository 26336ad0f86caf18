"""One way to write YAML text: `init`, `record` and `fmt` write every value in the same form,
and every reader (movekit, PyYAML's YAML 1.1, libyaml) reads it back as the same text."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, PlainScalarString

from movekit.edit import dump
from movekit.fmt import format_text
from movekit.review.append import append_items
from movekit.scaffold.starter import Answers, skeleton_plan
from movekit.source import parse
from movekit.yamltext import double_quoted, plain_is_safe, scalar

# (text, as written in a block, as written in a flow collection such as `{k: ...}`)
TRICKY = [
    # YAML 1.1 booleans, nulls, numbers and dates keep their quotes
    ("yes", '"yes"', '"yes"'),
    ("No", '"No"', '"No"'),
    ("on", '"on"', '"on"'),
    ("Off", '"Off"', '"Off"'),
    ("y", '"y"', '"y"'),
    ("~", '"~"', '"~"'),
    ("null", '"null"', '"null"'),
    ("true", '"true"', '"true"'),
    ("1_000", '"1_000"', '"1_000"'),
    ("0x1F", '"0x1F"', '"0x1F"'),
    ("1e3", '"1e3"', '"1e3"'),
    (".inf", '".inf"', '".inf"'),
    ("12", '"12"', '"12"'),
    ("12:30", '"12:30"', '"12:30"'),
    ("2027-01-01", '"2027-01-01"', '"2027-01-01"'),
    ("<<", '"<<"', '"<<"'),
    ("=", '"="', '"="'),
    # text every reader reads as text stays plain
    ("2027-1-1", "2027-1-1", "2027-1-1"),
    ("Café", "Café", "Café"),
    ("Zoë", "Zoë", "Zoë"),
    ("🎉 launch party", "🎉 launch party", "🎉 launch party"),
    ("a:b", "a:b", "a:b"),
    ("a#b", "a#b", "a#b"),
    ("-x", "-x", "-x"),
    ('say "hi"\\', 'say "hi"\\', 'say "hi"\\'),
    # indicators inside the text
    ("a: b", '"a: b"', '"a: b"'),
    ("x:", '"x:"', '"x:"'),
    ("a #b", '"a #b"', '"a #b"'),
    ("- x", '"- x"', '"- x"'),
    ("[x]", '"[x]"', '"[x]"'),
    ("{x}", '"{x}"', '"{x}"'),
    ("---x", '"---x"', '"---x"'),
    # plain in a block, but not inside [ ] or { }
    ("x,y", "x,y", '"x,y"'),
    ("why?", "why?", '"why?"'),
    ("?x", "?x", '"?x"'),
    # indicators at the start
    ("!x", '"!x"', '"!x"'),
    ("&a", '"&a"', '"&a"'),
    ("*a", '"*a"', '"*a"'),
    ("@x", '"@x"', '"@x"'),
    ("`x", '"`x"', '"`x"'),
    ("%x", '"%x"', '"%x"'),
    ("'x", '"\'x"', '"\'x"'),
    ('"x', '"\\"x"', '"\\"x"'),
    (": x", '": x"', '": x"'),
    ("#x", '"#x"', '"#x"'),
    # spaces, line breaks, tabs and control characters
    ("", '""', '""'),
    (" lead", '" lead"', '" lead"'),
    ("trail ", '"trail "', '"trail "'),
    ("\u00a0no-break", "\u00a0no-break", "\u00a0no-break"),
    ("line\nbreak", '"line\\nbreak"', '"line\\nbreak"'),
    ("crlf\r\nbreak", '"crlf\\r\\nbreak"', '"crlf\\r\\nbreak"'),
    ("nel\x85ls\u2028ps\u2029", '"nel\\Nls\\Lps\\P"', '"nel\\Nls\\Lps\\P"'),
    ("tab\there", '"tab\\there"', '"tab\\there"'),
    (
        "bell\x07esc\x1bdel\x7fnul\x00",
        '"bell\\aesc\\edel\\x7Fnul\\0"',
        '"bell\\aesc\\edel\\x7Fnul\\0"',
    ),
    ("\ufeffbom", '"\\uFEFFbom"', '"\\uFEFFbom"'),
]
IDS = [repr(text) for text, _, _ in TRICKY]


@pytest.mark.parametrize(("text", "block", "flow"), TRICKY, ids=IDS)
def test_the_form_chosen_for_each_text(text: str, block: str, flow: str) -> None:
    assert scalar(text) == block
    assert scalar(text, flow=True) == flow


@pytest.mark.parametrize(("text", "block", "flow"), TRICKY, ids=IDS)
def test_every_reader_reads_back_the_same_text(text: str, block: str, flow: str) -> None:
    for read in (_pyyaml, _libyaml, _movekit):
        assert read(f"k: {block}\n") == {"k": text}
        assert read(f"- {{k: {flow}}}\n- [{flow}]\n") == [{"k": text}, [text]]


def _pyyaml(text: str) -> object:
    return yaml.load(text, Loader=yaml.SafeLoader)  # YAML 1.1: yes/no, dates, 1_000 ...


def _libyaml(text: str) -> object:
    return yaml.load(text, Loader=yaml.CSafeLoader)


def _movekit(text: str) -> object:
    document = parse(text)
    assert not document.problems, text
    return document.data


@pytest.mark.parametrize(("text", "block", "flow"), TRICKY, ids=IDS)
def test_init_record_and_fmt_write_the_same_form(text: str, block: str, flow: str) -> None:
    plan = skeleton_plan(Answers(name=text, goal=text))
    assert f"\n  name: {block}\n  goal: {block}\n" in plan
    phase = [("id", "launch"), ("name", text)]
    plan = append_items(plan, "phases", [phase], flow=False)
    assert f"\n  - id: launch\n    name: {block}\n" in plan
    review = [("phase", "launch"), ("date", dt.date(2027, 3, 4)), ("learned", text)]
    plan = append_items(plan, "reviews", [review], flow=True)
    assert f"\n  - {{phase: launch, date: 2027-03-04, learned: {flow}}}\n" in plan
    assert format_text(plan) == plan
    data = parse(plan).data
    assert data["campaign"]["name"] == data["phases"][0]["name"] == text
    assert data["reviews"][0]["learned"] == text


def test_numbers_and_dates_are_written_as_themselves() -> None:
    assert [scalar(value) for value in (dt.date(2027, 3, 1), 1.5, -3, 10**20)] == [
        "2027-03-01",
        "1.5",
        "-3",
        "100000000000000000000",
    ]
    assert [scalar(value) for value in (float("inf"), float("-inf"), float("nan"))] == [
        ".inf",
        "-.inf",
        ".nan",
    ]
    with pytest.raises(TypeError):
        scalar(True)


# Any text: lone surrogates and U+FFFE/U+FFFF are the only characters YAML cannot hold.
ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff"),
    max_size=40,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_reads_back_as_itself(text: str) -> None:
    for written in (f"k: {scalar(text)}\n", f"- {{k: {scalar(text, flow=True)}}}\n"):
        document = parse(written)
        assert not document.problems, written
        data = document.data
        assert (data["k"] if isinstance(data, dict) else data[0]["k"]) == text, written
        loaded = yaml.safe_load(written)
        assert (loaded["k"] if isinstance(loaded, dict) else loaded[0]["k"]) == text, written


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_ruamel_writes_exactly_what_this_module_writes(text: str) -> None:
    """What fmt's emitter writes for text this module calls plain (or double-quotes) is
    what this module writes, so fmt leaves init's and record's output alone."""
    block = CommentedMap(k=PlainScalarString(text) if plain_is_safe(text, flow=False) else None)
    if block["k"] is not None:
        assert dump(block, faithful=True) == f"k: {text}\n"
    if plain_is_safe(text, flow=True):
        items = CommentedSeq([PlainScalarString(text)])
        items.fa.set_flow_style()
        assert dump(CommentedMap(k=items), faithful=True) == f"k: [{text}]\n"
    quoted = dump(CommentedMap(k=DoubleQuotedScalarString(text)), faithful=True)
    assert quoted == f"k: {double_quoted(text)}\n"
