"""What the YAML-mistake recognisers share: libyaml's complaint and the shape of a line."""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = re.compile(r"^[ \t]*(?:- +)*(?P<key>[^\s:#\"'\[\]{}-][^:#]*?):(?: +(?P<value>.*))?$")


@dataclass(frozen=True)
class Found:
    """A recognised mistake: what to say, how to fix it and where (0-based)."""

    message: str
    hint: str
    line: int
    column: int


@dataclass(frozen=True)
class Failure:
    """libyaml's complaint: its words and its 0-based marks, with the text's lines."""

    lines: list[str]
    problem: str
    context: str
    line: int
    column: int
    context_line: int
    context_column: int

    def text(self, line: int) -> str:
        """Line `line` (0-based), or "" past the end."""
        return self.lines[line] if 0 <= line < len(self.lines) else ""

    def char(self, line: int, column: int) -> str:
        """The character at a 0-based position, or "" where there is none."""
        text = self.text(line)
        return text[column] if 0 <= column < len(text) else ""


def indent_of(line: str) -> int:
    """How many spaces a line starts with."""
    return len(line) - len(line.lstrip(" "))


def without_comment(line: str) -> str:
    """The line without a trailing ` # comment` (quotes are not tracked: good enough here)."""
    if line.lstrip().startswith("#"):
        return ""
    match = re.search(r"[ \t]#", line)
    return line[: match.start()] if match else line


def content_before(lines: list[str], line: int) -> int | None:
    """The nearest line above `line` that holds more than a comment."""
    for number in range(line - 1, -1, -1):
        if without_comment(lines[number]).strip():
            return number
    return None


def key_and_value(line: str) -> tuple[str, str]:
    """`name` and `Bus 42` from `  - name: Bus 42  # note`; ("", stripped line) if no key."""
    match = _KEY.match(line.rstrip())
    if match is None:
        return "", line.strip()
    return match.group("key").strip(), (match.group("value") or "").strip()


def quoted(text: str, *, single: bool = False) -> str:
    """`text` as a quoted YAML value: double quotes unless it holds one (or `single`)."""
    if single or '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'
