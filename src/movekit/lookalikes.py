"""Characters pasted from Word, web pages or chats that look like YAML's own but are not.

They are found before parsing, and only where they change what the plan means: a
non-breaking space used as indentation, a curly quote wrapping a whole value (YAML keeps
it as part of the text), an en dash as a list marker, a fullwidth colon after a key.
Curly quotes inside prose (`name: Sam\u2019s group`) mean what they say and stay allowed.
"""

from __future__ import annotations

import re
import unicodedata

from movekit.findings import Problem
from movekit.yamltext import LINE_BREAK

ODD_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
)
"""Characters that look like (or hide as) a space but are not one to YAML."""

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2022"
_OPENERS = "\u201c\u2018\uff02\u201e\u201a"
_CLOSERS = "\u201d\u2019\uff02\u201c\u2018"

_INDENT = re.compile(f"^[ \t{ODD_SPACES}]*")
_KEY = re.compile(
    r"^(?P<lead>[ \t]*(?:- +)*)(?P<key>[^\s:#\"'\[\]{}\uff1a-][^:#\uff1a]*?)(?P<colon>:|\uff1a)"
)
_BLOCK_SCALAR = re.compile(r"(?::|^[ \t]*-)[ \t]+[|>][-+0-9]*[ \t]*(#.*)?$")


def character_name(character: str) -> str:
    """`a curly quote (“, U+201C)`: how a message names a character the reader cannot see."""
    names = {
        "\u00a0": "a non-breaking space",
        "\u200b": "a zero-width space",
        "\ufeff": "a zero-width space",
    }
    if character in names:
        return f"{names[character]} (U+{ord(character):04X})"
    if character in _OPENERS + _CLOSERS:
        kind = "a fullwidth quote" if character == "\uff02" else "a curly quote"
    elif character in _DASHES:
        kind = {"\u2013": "an en dash", "\u2014": "an em dash", "\u2022": "a bullet"}.get(
            character, "a dash"
        )
    elif character == "\uff1a":
        kind = "a fullwidth colon"
    else:
        name = unicodedata.name(character, "special character").lower()
        kind = f"an {name}" if name[0] in "aeiou" else f"a {name}"
    shown = "" if character in ODD_SPACES else f"{character}, "
    return f"{kind} ({shown}U+{ord(character):04X})"


def find_lookalikes(text: str) -> list[Problem]:
    """An MK001 problem for each line where a look-alike character changes the meaning."""
    if text.isascii() and " #" not in text and "\t#" not in text:
        return []  # the common case, decided at C speed
    problems = []
    block_indent: int | None = None
    for number, line in enumerate(_lines(text), start=1):
        if block_indent is None and line.isascii() and "#" not in line and not _opens_block(line):
            continue
        stripped = line.lstrip(" \t" + ODD_SPACES)
        indent = len(line) - len(stripped)
        if not stripped or stripped.startswith("#"):
            continue
        if block_indent is not None and indent > block_indent:
            continue  # the text of a `|` or `>` block is the author's own words
        block_indent = indent if _opens_block(line) else None
        problem = _check_line(line, number)
        if problem is not None:
            problems.append(problem)
    return problems


def _lines(text: str) -> list[str]:
    if "\r" in text or not text.isascii():
        return LINE_BREAK.split(text)
    return text.split("\n")


def _opens_block(line: str) -> bool:
    return ("|" in line or ">" in line) and _BLOCK_SCALAR.search(line) is not None


def _check_line(line: str, number: int) -> Problem | None:
    for check in (_odd_indent, _dash_marker, _odd_colon, _curly_wrapped, _hash_in_text):
        problem = check(line, number)
        if problem is not None:
            return problem
    return None


def _problem(message: str, hint: str, number: int, column: int) -> Problem:
    return Problem(message, hint=hint, line=number, column=column + 1, code="MK001")


def _odd_indent(line: str, number: int) -> Problem | None:
    indent = _INDENT.match(line)
    spaces = indent.group() if indent else ""
    odd = next((index for index, char in enumerate(spaces) if char in ODD_SPACES), None)
    if odd is None:
        return None
    name = character_name(spaces[odd])
    message = f"Line {number} is indented with {name}, which looks like a space but is not one"
    hint = "Replace it with ordinary spaces (it often comes from Word, a web page or a chat)"
    return _problem(message, hint, number, odd)


def _dash_marker(line: str, number: int) -> Problem | None:
    stripped = line.lstrip(" \t")
    if len(stripped) < 2 or stripped[0] not in _DASHES or stripped[1] != " ":
        return None
    column = len(line) - len(stripped)
    message = f"Line {number} starts with {character_name(stripped[0])}, not a hyphen (-)"
    hint = f"A list item starts with a hyphen and a space: replace the {stripped[0]} with -"
    return _problem(message, hint, number, column)


def _odd_colon(line: str, number: int) -> Problem | None:
    match = _KEY.match(line)
    if match is None:
        return None
    end = match.end("colon")
    after = line[end : end + 1]
    key = match.group("key").strip()
    if match.group("colon") == "\uff1a" and after in ("", " "):
        message = f"The key `{key}` ends with {character_name(chr(0xFF1A))}, not a colon (:)"
        return _problem(
            message, f"Replace \uff1a with an ordinary colon: `{key}:`", number, end - 1
        )
    if after and after in ODD_SPACES:
        message = f"The space after `{key}:` is {character_name(after)}, so YAML does not see a key"
        return _problem(message, "Replace it with an ordinary space", number, end)
    return None


def _curly_wrapped(line: str, number: int) -> Problem | None:
    match = _KEY.match(line)
    start = match.end("colon") if match else len(line) - len(line.lstrip(" \t-"))
    if match is None and not line.lstrip(" \t").startswith("- "):
        return _curly_key(line, number)
    value = line[start:].strip(" \t")
    value = re.sub(r"[ \t]+#.*$", "", value)
    if len(value) < 2 or value[0] not in _OPENERS or value[-1] not in _CLOSERS:
        return _curly_key(line, number)
    column = line.index(value[0], start)
    where = f"The value of `{match.group('key').strip()}`" if match else "This list item"
    message = (
        f"{where} is wrapped in {character_name(value[0])}, which YAML keeps as part of the text"
    )
    inner = value[1:-1]
    fixed = f'"{inner}"' if '"' not in inner else "'" + inner.replace("'", "''") + "'"
    hint = f"Use straight quotes ({fixed}) or no quotes at all"
    return _problem(message, hint, number, column)


def _curly_key(line: str, number: int) -> Problem | None:
    stripped = line.lstrip(" \t")
    found = re.match(f"^(- +)?([{_OPENERS}])[^:]*[{_CLOSERS}][ \t]*:( |$)", stripped)
    if found is None:
        return None
    column = len(line) - len(stripped) + len(found.group(1) or "")
    name = character_name(found.group(2))
    message = f"This key is wrapped in {name}, which YAML keeps as part of the key"
    return _problem(message, "Remove the quotes around the key", number, column)


def _hash_in_text(line: str, number: int) -> Problem | None:
    match = _KEY.match(line)
    if match is None or match.group("colon") != ":":
        return None
    rest = line[match.end("colon") :]
    cut = re.match(r"^[ \t]+([^\s#\"'\[{|>&*!%@`][^#]*?)[ \t]+#[A-Za-z0-9]", rest)
    if cut is None:
        return None
    key, text = match.group("key").strip(), rest.strip()
    column = match.end("colon") + cut.end() - 2
    message = (
        f"The text of `{key}` is cut at ` #`: YAML reads `{line[column:].strip()}` as a comment"
    )
    fixed = f'"{text}"' if '"' not in text else "'" + text.replace("'", "''") + "'"
    hint = f"Put the text in quotes: `{key}: {fixed}` (a comment needs a space after its #)"
    return _problem(message, hint, number, column)
