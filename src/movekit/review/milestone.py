"""`movekit record MILESTONE --date D`: set a milestone's `done:` date, changing nothing else.

The date is spliced into the measure's own mapping (a new `done:` line in the style of its
other keys, or the old date's characters replaced), read back with movekit's own loader and
compared with the old plan plus exactly that date before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from movekit.errors import MovekitError, UsageError
from movekit.model import Measure, Plan
from movekit.review.append import _after_line, _splice
from movekit.review.inputs import Options, future_date, parse_date, refusal
from movekit.review.record import PlanFile, _locked, _open, load_for_writing
from movekit.review.spans import Node, children, events_of, pairs_of, top_level
from movekit.writing import write_plan
from movekit.yamltext import scalar


@dataclass(frozen=True)
class Done:
    """A milestone marked done: its id, the date, and the date it replaced (if any)."""

    measure: str
    date: dt.date
    replaced: dt.date | None = None


def find_measure(plan: Plan, name: str) -> tuple[int, int, Measure] | None:
    """The outcome's and the measure's indexes of the measure called `name`."""
    for i, outcome in enumerate(plan.outcomes):
        for j, measure in enumerate(outcome.measures):
            if measure.id == name:
                return i, j, measure
    return None


def record_done(
    path: Path,
    name: str,
    on: str | None = None,
    *,
    today: dt.date | None = None,
    allow_future: bool = False,
    replace: bool = False,
) -> Done:
    """Set the `done:` date of the milestone `name` (today unless `on` is given)."""
    options = Options(today or dt.date.today(), allow_future, replace)
    with _locked(path):
        file = load_for_writing(path)
        found = find_measure(file.plan, name.strip())
        if found is None or found[2].kind != "milestone":
            raise UsageError(_not_a_milestone(file.plan, name))
        i, j, measure = found
        date, bad_date = parse_date(on or options.today.isoformat())
        problems = [p for p in (bad_date, future_date(date, options, "milestone")) if p]
        if problems or date is None:
            raise UsageError(refusal(problems))
        if measure.done is not None and not replace:
            if measure.done == date:
                raise UsageError(f"'{measure.id}' is already done on {date} in the plan")
            raise UsageError(
                f"'{measure.id}' is already done on {measure.done}: to correct the date to "
                f"{date}, add --replace"
            )
        if measure.done is None and replace:
            raise UsageError(
                f"--replace corrects a done date, but '{measure.id}' is not done yet: "
                "leave out --replace"
            )
        _write(file, i, j, date)
    return Done(measure.id, date, measure.done)


def _not_a_milestone(plan: Plan, name: str) -> str:
    found = find_measure(plan, name.strip())
    if found is None:
        from movekit.review.inputs import Measures

        return Measures(plan).unknown(name.strip()) or f"'{name}' is not a measure"
    return (
        f"'{name}' counts something: give the value to record, such as "
        f"`movekit record PLAN {name} 14` (only a milestone is recorded with a date alone)"
    )


def set_done(text: str, outcome: int, measure: int, date: dt.date) -> str:
    """`text` with the measure's `done:` set to `date`, every other character kept."""
    events = events_of(text)
    node = _measure_node(events, text, outcome, measure)
    pairs = pairs_of(events, node, text)
    for key, value in pairs:
        if isinstance(key, yaml.ScalarEvent) and key.value == "done":
            return text[: value.begin] + scalar(date) + text[value.end :]
    first = events[node.start]
    if not pairs:
        raise MovekitError("the measure has no keys to add `done:` beside")
    if isinstance(first, yaml.MappingStartEvent) and first.flow_style:
        return _splice(text, pairs[-1][1].end, f", done: {scalar(date, flow=True)}")
    # A line after a block scalar (`|`, `>`) could join its text (at the end of the file,
    # its last line break): go after the last value that ends on its own line instead.
    last = [value for _, value in pairs if _ends_its_line(events[value.start])][-1]
    key_begin = pairs[0][0].start_mark.index if pairs[0][0].start_mark is not None else 0
    line_start = text.rfind("\n", 0, key_begin) + 1
    indent = " " * (key_begin - line_start)
    offset, newline = _after_line(text, last.end)
    return _splice(text, offset, f"{newline}{indent}done: {scalar(date, flow=False)}\n")


def _ends_its_line(event: yaml.Event) -> bool:
    """A plain or quoted scalar, or a flow collection: nothing of it follows its last line."""
    if isinstance(event, yaml.ScalarEvent):
        return event.style not in ("|", ">")
    return isinstance(event, yaml.CollectionStartEvent) and bool(event.flow_style)


def _measure_node(events: list[yaml.Event], text: str, outcome: int, measure: int) -> Node:
    entry = next(e for e in top_level(events, text) if e.key.value == "outcomes")
    outcome_node = children(events, entry.value, text)[outcome]
    measures = next(
        value
        for key, value in pairs_of(events, outcome_node, text)
        if isinstance(key, yaml.ScalarEvent) and key.value == "measures"
    )
    return children(events, measures, text)[measure]


def _write(file: PlanFile, outcome: int, measure: int, date: dt.date) -> None:
    """Splice in the date, check the plan read back holds exactly that change, then write."""
    try:
        body = set_done(file.document.text, outcome, measure, date)
    except (MovekitError, StopIteration, IndexError) as error:
        raise MovekitError(
            f"{file.path}: movekit could not find where to write `done:`; nothing was "
            "recorded: add the line by hand"
        ) from error
    data = file.bom + (file.lead + body).encode(file.codec)
    checked = _open(data, file.path)
    outcomes = list(file.plan.outcomes)
    measures = list(outcomes[outcome].measures)
    measures[measure] = measures[measure].model_copy(update={"done": date})
    outcomes[outcome] = outcomes[outcome].model_copy(update={"measures": measures})
    expected_plan = file.plan.model_copy(update={"outcomes": outcomes})
    expected = json.loads(json.dumps(file.document.data, default=str))
    expected["outcomes"][outcome]["measures"][measure]["done"] = date.isoformat()
    document = checked.document
    if (
        checked.plan != expected_plan
        or document is None
        or _comparable(document.data) != _comparable(expected)
    ):
        raise MovekitError(
            f"{file.path}: movekit could not set `done:` without changing something else in "
            "the file, so nothing was written. Please report this as a bug with the plan; "
            "meanwhile add the line by hand."
        )
    write_plan(file.path, data, original=file.raw)


def _comparable(data: object) -> str:
    """Loaded YAML as text to compare: keys sorted (the new `done:` may sit before keys that
    follow it), NaN notes equal to themselves."""
    try:
        return json.dumps(data, default=str, sort_keys=True)
    except TypeError:  # keys of several types in one note (`{1: a, b: c}`) do not sort
        return json.dumps(data, default=str)
