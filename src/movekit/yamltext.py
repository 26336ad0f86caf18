"""How movekit writes YAML text: plain or double-quoted scalars, and what a line break is.

`init`'s templates, `record` and `fmt` all write values through here, so a plan that
`init` or `record` wrote is already in the form `fmt` writes. Text is plain only when
every reader agrees on it: movekit (YAML 1.2 core schema), YAML 1.1 tools (PyYAML,
which reads `yes`, `2027-01-01` and `1_000` as other types) and ruamel.yaml's emitter,
whose rules for plain scalars are followed here, made stricter in flow collections
(`[a, b]`) where PyYAML cannot read a `?` in plain text. Anything else is double-quoted
with the escapes ruamel.yaml writes, so `fmt` leaves it as it is. Bidirectional controls
(U+202E and kin, printable.UNSAFE), which ruamel.yaml writes as they are, are escaped too:
raw, they make a line read differently from what it holds ("Trojan Source").
"""

from __future__ import annotations

import datetime as dt
import math
import re

import yaml

from movekit.coreschema import resolve_plain
from movekit.printable import UNSAFE

Value = str | int | float | dt.date
"""What movekit writes as a scalar (true/false never: plans hold no booleans)."""

LINE_BREAK = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")
"""A line break as YAML (and libyaml, when counting lines) sees one."""

LINE_ENDS = ("\n", "\r", "\x85", "\u2028", "\u2029")
"""The characters that end a line: a text ending in one of them ends with a line break."""

_ALWAYS_ESCAPED = frozenset('"\\\x85\u2028\u2029\ufeff')
_ESCAPES = {
    "\0": "0",
    "\x07": "a",
    "\x08": "b",
    "\t": "t",
    "\n": "n",
    "\x0b": "v",
    "\x0c": "f",
    "\r": "r",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\u2028": "L",
    "\u2029": "P",
}

_UNSAFE = re.compile(f"[{UNSAFE}]")

_LEADING_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
_FLOW_INDICATORS = frozenset(",[]{}?")

_YAML11 = yaml.resolver.Resolver()
"""PyYAML's YAML 1.1 resolver: yes/no/on/off, timestamps, `1_000`, `0b1`, `1:30` ..."""

_YAML11_BOOLS_PYYAML_SKIPS = frozenset({"y", "Y", "n", "N"})
"""Booleans in the YAML 1.1 spec (and in tools such as go-yaml v2) that PyYAML reads as text."""


def scalar(value: Value, *, flow: bool = False) -> str:
    """A value as a YAML scalar that every reader reads back as the same value.

    Text is plain when that is safe (in a flow collection when `flow`), otherwise it is
    double-quoted, so line breaks and control characters survive.
    """
    if isinstance(value, bool):
        raise TypeError("true/false values are not written by movekit")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else _special_float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if plain_is_safe(value, flow=flow) else double_quoted(value)


def plain_is_safe(text: str, *, flow: bool) -> bool:
    """True when `text` can be written without quotes and every reader reads it as this text."""
    return (
        plain_allowed(text, flow=flow)
        and isinstance(resolve_plain(text), str)
        and text_in_yaml11(text)
    )


def plain_allowed(text: str, *, flow: bool) -> bool:
    """Whether the characters of `text` allow a plain scalar, whatever it then means.

    These are ruamel.yaml's emitter rules, with `?` and a leading `:` also refused in a flow
    collection, where PyYAML cannot read them.
    """
    if not text or text[0] in _LEADING_INDICATORS or text.startswith(("---", "...")):
        return False
    if text[0] == " " or text[-1] == " " or not all(map(_printable, text)):
        return False
    if "\ufeff" in text or LINE_BREAK.search(text):
        return False
    if ": " in text or text.endswith(":") or " #" in text:
        return False
    if text[0] in "-?:" and (len(text) == 1 or text[1] == " "):
        return False
    return not flow or (text[0] not in "?:" and _FLOW_INDICATORS.isdisjoint(text))


def text_in_yaml11(text: str) -> bool:
    """True when YAML 1.1 tools read `text` unquoted as text (not as yes/no, a date, ...)."""
    if text in _YAML11_BOOLS_PYYAML_SKIPS:
        return False
    tag = _YAML11.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == "tag:yaml.org,2002:str")


def double_quoted(text: str) -> str:
    """Text as a double-quoted scalar, escaped exactly as ruamel.yaml (and so `fmt`) writes it."""
    escaped = (
        _escape(character)
        if character in _ALWAYS_ESCAPED or not _printable(character)
        else character
        for character in text
    )
    return '"' + "".join(escaped) + '"'


def escape_double_quoted(text: str) -> str:
    """YAML text (as ruamel.yaml wrote it) with every control or bidi character inside a
    double-quoted scalar written as its escape, as `double_quoted` writes it.

    ruamel.yaml writes bidi controls raw even in double quotes; the escape keeps the value
    and shows what it holds. Plain, single-quoted and block text, and comments, have no
    escapes: what is raw there stays raw.
    """
    if not _UNSAFE.search(text):
        return text
    pieces: list[str] = []
    done = 0
    for token in yaml.scan(text, Loader=yaml.CSafeLoader):
        if isinstance(token, yaml.ScalarToken) and token.style == '"':
            start, end = token.start_mark.index, token.end_mark.index
            pieces += text[done:start], _UNSAFE.sub(_escape_match, text[start:end])
            done = end
    return "".join(pieces) + text[done:]


def _printable(character: str) -> bool:
    """Whether the character is written as it is (plain or in double quotes): ruamel.yaml's
    printable characters, but bidi controls (which ruamel.yaml counts in)."""
    return (
        "\x20" <= character <= "\x7e"
        or "\xa0" <= character <= "\ud7ff"
        or "\ue000" <= character <= "\ufffd"
        or character >= "\U00010000"
    ) and not _UNSAFE.match(character)


def _escape_match(match: re.Match[str]) -> str:
    return _escape(match.group())


def _escape(character: str) -> str:
    if character in _ESCAPES:
        return "\\" + _ESCAPES[character]
    code = ord(character)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _special_float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    return ".inf" if value > 0 else "-.inf"
