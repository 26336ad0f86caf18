"""The one function that makes user text harmless for a terminal, and the guard that applies it.

A plan's values, a file's name or a config value can hold control characters: `ESC ] 0 ;
... BEL` retitles a terminal, `ESC [2J` clears it, C1 `\\x9b` starts the same sequences on
some terminals, and bidirectional overrides (U+202E and kin) make text read differently
from what it is. Each becomes U+FFFD, one character for one, so columns stay aligned.

Every command's output passes through `visible_lines` twice over: text is neutralised
where it is built (`visible`), and `guard_streams` (cli/main.py) wraps standard output
and standard error so that nothing missed on the way reaches the terminal. rich writes
its own colour codes to the unwrapped stream (console.py), after neutralising its text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""C0 and C1 control characters (but tab and line feed), and bidirectional controls."""
_UNSAFE_LINE = re.compile(f"[{UNSAFE}\n]")
_UNSAFE_TEXT = re.compile(f"[{UNSAFE}]")
REPLACEMENT = "\ufffd"


def visible(text: str) -> str:
    """One line safe for a terminal: control and bidi characters (line breaks included)
    become U+FFFD, one for one, and a tab a space, so columns stay aligned."""
    return _UNSAFE_LINE.sub(REPLACEMENT, text.replace("\t", " "))


def visible_lines(text: str) -> str:
    """Text of several lines safe for a terminal: as `visible`, but line feeds and tabs stay
    (a Windows line end becomes a plain one: a lone carriage return could hide a line)."""
    return _UNSAFE_TEXT.sub(REPLACEMENT, text.replace("\r\n", "\n"))


def json_escaped(document: str) -> str:
    """A JSON document with every control and bidi character written as a `\\uXXXX` escape.

    The data stays exactly the same for a JSON reader; a terminal shows only the escape.
    (JSON escapes C0 itself; C1 and bidi controls it leaves as they are.)
    """
    return _UNSAFE_TEXT.sub(lambda match: f"\\u{ord(match.group()):04x}", document)


class TerminalStream:
    """A text stream that passes every write through `visible_lines` before the real one."""

    def __init__(self, stream: TextIO) -> None:
        self.unguarded = stream

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # click tests streams this way for binary ones
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.unguarded.write(visible_lines(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        # flush, fileno, isatty, encoding...: the real stream's own
        return getattr(self.unguarded, name)


def unguarded(stream: TextIO) -> TextIO:
    """The real stream under a guard: for rich (which neutralises its own text, see
    console.py) and for output that is data, such as a plan `fmt -` writes back."""
    return stream.unguarded if isinstance(stream, TerminalStream) else stream


def guard_streams() -> tuple[TextIO, TextIO]:
    """Guard standard output and standard error; returns the streams to put back."""
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, TerminalStream):
        sys.stdout = TerminalStream(sys.stdout)
    if not isinstance(sys.stderr, TerminalStream):
        sys.stderr = TerminalStream(sys.stderr)
    return saved


@contextmanager
def unguarded_stdout() -> Iterator[None]:
    """Standard output without its guard, for a pager showing what rich neutralised already."""
    saved = sys.stdout
    sys.stdout = unguarded(saved)
    try:
        yield
    finally:
        sys.stdout = saved
