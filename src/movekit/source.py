"""Reading YAML with exact source positions, at libyaml speed, under the YAML 1.2 core schema.

libyaml's event stream is fast (the composer and constructor around it are not), so the
document is built from events (yamlevents.py): plain Python values for the model, and a
parallel tree of 1-based positions (positions.py) for messages. This module runs that and
turns what libyaml cannot read into MK001 problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from movekit.coreschema import resolve_plain
from movekit.decoding import decode
from movekit.findings import Problem
from movekit.lookalikes import find_lookalikes
from movekit.positions import Pos, line_and_column, locate
from movekit.yamlevents import Builder, Refused
from movekit.yamlmistakes import explain

# Other modules read a plan through this one; these names are theirs to import from here.
__all__ = ["Document", "Pos", "decode", "locate", "parse", "resolve_plain"]


@dataclass
class Document:
    """A parsed plan file: its values, their positions and the problems found reading it."""

    text: str
    data: Any = None
    root: Pos = field(default_factory=lambda: Pos(1, 1))
    problems: list[Problem] = field(default_factory=list)
    text_spans: list[tuple[int, int]] = field(default_factory=list)
    """Where values that contain `ignore[` lie (character offsets): text, not comments."""

    @property
    def fatal(self) -> bool:
        """True when the YAML could not be read at all (no data to validate)."""
        return any(problem.code == "MK001" for problem in self.problems)


def parse(text: str) -> Document:
    """Parse one YAML document into values, positions and reading problems."""
    document = Document(text=text.removeprefix("\ufeff"))
    builder = Builder(document.text)
    try:
        builder.run(yaml.parse(document.text, Loader=yaml.CSafeLoader))
    except yaml.MarkedYAMLError as error:
        builder.problems.append(explain(document.text, error))
    except yaml.reader.ReaderError as error:
        builder.problems.append(_reader_problem(document.text, error))
    except Refused as refusal:
        builder.problems.append(refusal.problem)
    except yaml.YAMLError:  # not raised by the C parser in practice; said plainly if it is
        message = "YAML cannot read this file"
        hint = "Check that it is a movekit plan saved as plain text (a .yaml file)"
        builder.problems.append(Problem(message, hint=hint, line=1, column=1, code="MK001"))
    document.data, document.root = builder.data, builder.root
    document.text_spans = builder.text_spans
    document.problems = _with_lookalikes(find_lookalikes(document.text), builder.problems)
    return document


def _with_lookalikes(lookalikes: list[Problem], problems: list[Problem]) -> list[Problem]:
    """Look-alike characters first; problems on or after the first are most likely its echoes."""
    if not lookalikes:
        return problems
    first = min(problem.line or 1 for problem in lookalikes)
    return lookalikes + [problem for problem in problems if (problem.line or 1) < first]


def _reader_problem(text: str, error: yaml.reader.ReaderError) -> Problem:
    # libyaml counts the position in bytes of the UTF-8 text it was given
    before = text.encode("utf-8")[: max(0, error.position)].decode("utf-8", errors="replace")
    line, column = line_and_column(before)
    character = error.character
    code = ord(character) if isinstance(character, str) else int(character)
    message = f"The file contains the control character U+{code:04X}, which YAML does not allow"
    hint = "Delete the invisible character (it often comes from copying out of a PDF or chat)"
    return Problem(message, hint=hint, line=line, column=column, code="MK001")
