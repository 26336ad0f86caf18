"""Hypothesis strategies for tests/test_fmt_settled.py: plan-like YAML texts and near misses.

`plan_texts` writes random trees of awkward values (text fmt must quote, YAML 1.1
look-alikes, numbers, nulls, `|` and `>` text, line breaks, bidi controls) in block or
flow style with PyYAML; `mutated` makes the small changes a person makes to a formatted
plan: a comment or blank line anywhere, a comment after a value, a line indented one
more or less, quotes added or removed, a line dropped, and spaces or blank lines at the end.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import strategies as st

WORDS = [
    *("a", "park gate", "yes", "no", "off", "NO", "Null", "null", "~", "true", ""),
    *("2027-01-11", "1", "007", "-1", "+1", "0x1F", "1.5", "0.50", ".5", "1e3", "1_000"),
    *("q: r", "a:b", "a#b", "a #b", "#x", "it's", 'say "hi"', "x, y", "[x]", "{x}"),
    *("?x", ":x", "-", "- x", "*x", "&x", "!x", "%x", "@x", "=", "<<", "'", '"', "\\"),
    *("é", "\u202e", "a\tb", "\u2028", "\x85", " lead", "trail ", "x" * 60, "word " * 20),
    *("line\nbreak", "two\n\nparas\n", "end\n", "multi\nline\n\n", "http://x.org/a?b=c"),
]
KEYS = ["id", "name", "goal", "a", "b", "yes", "1", "q: r", "x y", "<<", "k" * 30, "é", "-"]
COMMENTS = ["# note", "#x", "# a: b", "#", "# - item: [a, b]"]


class _Literal(str):
    """Text PyYAML writes as `|`."""


class _Folded(str):
    """Text PyYAML writes as `>`."""


class _Number(str):
    """A number PyYAML writes as it is, unquoted (`0.50`, `-0`, `123456789.123456789`)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Literal, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, "|")
)
_Dumper.add_representer(
    _Number,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:" + ("float" if "." in text else "int"), text
    ),
)
_Dumper.add_representer(
    _Folded, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, ">")
)

_words = st.sampled_from(WORDS)
_scalars = st.one_of(
    _words,
    st.integers(-5, 10**6),
    st.sampled_from([None, 1.5, 0.25, True]),
    st.builds(_Literal, _words),
    st.builds(_Folded, _words),
    st.builds(_Number, st.from_regex(r"-?[0-9]{1,12}(\.[0-9]{1,12})?", fullmatch=True)),
    st.integers(-(10**30), 10**30),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8),
)
_trees = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)
    ),
    max_leaves=25,
)


@st.composite
def plan_texts(draw: st.DrawFn) -> str:
    """A mapping of random values as PyYAML writes it (block, flow or mixed), then mutated."""
    plan: dict[str, Any] = draw(st.dictionaries(st.sampled_from(KEYS), _trees, min_size=1))
    text = yaml.dump(
        plan,
        Dumper=_Dumper,
        default_flow_style=draw(st.sampled_from([False, None, True])),
        sort_keys=False,
        allow_unicode=True,
        width=draw(st.sampled_from([40, 80, 1000])),
        indent=2,
    )
    return str(draw(mutated(text)))


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """The text with up to four small edits a person might make."""
    lines = text.removesuffix("\n").split("\n")
    for _ in range(draw(st.integers(0, 4))):
        index = draw(st.integers(0, len(lines)))
        edit = draw(st.integers(0, 9))
        if edit == 0:
            lines.insert(index, "")
        elif edit == 1:
            lines.insert(index, " " * draw(st.integers(0, 9)) + draw(st.sampled_from(COMMENTS)))
        elif edit == 5 and index < len(lines):
            del lines[index]
        elif index < len(lines):
            lines[index] = _edited(lines[index], edit, draw)
    ending = draw(st.sampled_from(["\n", "\n", "", "\n\n", " \n", "\r\n"]))
    return "\n".join(lines) + ending


def _edited(line: str, edit: int, draw: st.DrawFn) -> str:
    if edit == 2:
        return line + " " * draw(st.integers(1, 3)) + draw(st.sampled_from(COMMENTS))
    if edit == 3:
        return " " + line
    if edit == 4:
        return line.removeprefix(" ")
    if edit in (6, 7) and ": " in line:
        quote = "'" if edit == 6 else '"'
        return line.replace(": ", ": " + quote, 1) + quote
    if edit == 8:
        return line.replace("- ", "-  ", 1)
    return line.replace("'", "", 2).replace('"', "", 2)
