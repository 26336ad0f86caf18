"""The wizard's questions, one kind of answer each: text, a choice, a number, a date, a list."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from movekit.months import month_day
from movekit.scaffold.answers import Number

if TYPE_CHECKING:
    from rich.console import Console

UNKNOWN = {"?", "don't know", "dont know", "don't know yet", "not sure", "unknown", "-"}
"""Answers to a number question that mean "leave it out for now"."""
NONE = {"none", "no", "-", "0"}
"""Answers to a question of numbers that mean "none of them"."""


class Asker:
    """Asks one question at a time on the console; a blank answer always means "skip"."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def say(self, text: str) -> None:
        """Print a line between questions."""
        self.console.print(text, highlight=False)

    def text(self, question: str, default: str | None = None) -> str:
        """Free text, stripped ("" when left blank)."""
        from rich.prompt import Prompt

        answer = Prompt.ask(question, console=self.console, default=default, show_default=True)
        return (answer or "").strip()

    def choice(self, question: str, choices: tuple[str, ...], default: str) -> str:
        """One of choices (any case), asked again until it is one."""
        shown = ", ".join(choices)
        while True:
            answer = self.text(f"{question} ({shown})", default).lower()
            if answer in choices:
                return answer
            self.say(f"  Please answer one of: {', '.join(choices)}")

    def items(self, question: str) -> list[str]:
        """A list given on one line, separated with commas."""
        answer = self.text(f"{question} (separate with commas)")
        parts = [part.strip() for part in answer.split(",") if part.strip()]
        return list(dict.fromkeys(parts))  # each once, in the order given

    def number(self, question: str) -> Number | None:
        """A number, or None for a blank or "don't know yet"."""
        while True:
            answer = self.text(f"{question} (a number; blank if you don't know yet)")
            if not answer or answer.lower().strip(".") in UNKNOWN:
                return None
            try:
                value = float(answer.replace(",", "").replace(" ", ""))
            except ValueError:
                self.say(f"  '{answer}' is not a number: try again, such as 600")
                continue
            return int(value) if value.is_integer() else value

    def date(self, question: str, default: str | None = None) -> str:
        """A YYYY-MM-DD date or a YYYY-MM month, as typed, or "" when left blank."""
        while True:
            answer = self.text(
                f"{question} (YYYY-MM-DD or YYYY-MM; blank if not sure yet)", default
            )
            if answer and month_day(answer, first=True) is not None:
                return answer
            try:
                return dt.date.fromisoformat(answer).isoformat() if answer else ""
            except ValueError:
                self.say(f"  '{answer}' is not a date: try again, such as 2027-06-30 or 2027-06")

    def pick(
        self, question: str, names: list[str], default: list[int], *, one: bool = False
    ) -> list[int]:
        """Some of names (or `one`), by number ("1, 3"), counted from 0 in the result;
        "none" picks nothing even where there is a default."""
        from rich.markup import escape

        for number, name in enumerate(names, 1):
            self.say(f"    {number}. {escape(name)}")
        shown = ", ".join(str(number + 1) for number in default)
        hint = "a number" if one else "numbers such as 1, 3"
        while True:
            answer = self.text(f"{question} ({hint}, or none)", shown or None)
            if answer.lower() in NONE:
                return []
            parts = [part.strip() for part in answer.replace(" ", ",").split(",") if part.strip()]
            valid = all(part.isdigit() and 1 <= int(part) <= len(names) for part in parts)
            if valid and (not one or len(parts) <= 1):
                return sorted({int(part) - 1 for part in parts})
            wanted = "one number" if one else "numbers separated with commas"
            self.say(f"  Please give {wanted} from 1 to {len(names)}, or none")


@contextlib.contextmanager
def quiet_interrupt() -> Iterator[None]:
    """While asking at a terminal, Ctrl-C echoes nothing (no `^C` left on the prompt line)."""
    try:
        import termios
    except ImportError:  # not on Windows, where the terminal does not echo ^C anyway
        yield
        return
    descriptor = sys.stdin.fileno() if sys.stdin is not None else -1
    try:
        saved = termios.tcgetattr(descriptor)
    except (termios.error, OSError, ValueError):  # not a terminal
        yield
        return
    quiet = list(saved)
    quiet[3] = saved[3] & ~termios.ECHOCTL
    termios.tcsetattr(descriptor, termios.TCSADRAIN, quiet)
    try:
        yield
    finally:
        termios.tcsetattr(descriptor, termios.TCSADRAIN, saved)
