"""What a plain (unquoted, untagged) scalar means under the YAML 1.2 core schema.

movekit reads `yes`, `on` and `2027-01-11` as text, as YAML 1.2 does; every command that
reads or writes plain text asks here, so they all agree with `movekit check`.
"""

from __future__ import annotations

import re
from typing import Any

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_FLOATS = {
    **dict.fromkeys((".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"), float("inf")),
    **dict.fromkeys(("-.inf", "-.Inf", "-.INF"), float("-inf")),
    **dict.fromkeys((".nan", ".NaN", ".NAN"), float("nan")),
}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_MAYBE_NOT_TEXT = frozenset("0123456789+-.~nNtTfF")


def resolve_plain(text: str) -> Any:
    """The YAML 1.2 core schema meaning of a plain (unquoted, untagged) scalar."""
    if not text:
        return None
    if text[0] not in _MAYBE_NOT_TEXT:
        return text
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT.match(text):
        return _int(text, text, 10)
    if _OCT.match(text):
        return _int(text, text[2:], 8)
    if _HEX.match(text):
        return _int(text, text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    return _FLOATS.get(text, text)


def _int(text: str, digits: str, base: int) -> int | str:
    """An integer, or the text itself when it has more digits than Python will convert."""
    try:
        return int(digits, base)
    except ValueError:
        return text
