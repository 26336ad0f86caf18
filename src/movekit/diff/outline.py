"""A plan as an outline, one fact per line: what git's `textconv` shows instead of YAML.

git compares the outlines of two versions line by line, so a changed target reads as
`-  target 600` / `+  target 800` under its measure, and a change of layout, quotes or
comments alone shows no difference at all (`movekit fmt` changes make no noise).

Each item is a headline, then one line for each field the headline does not show. The
fields come from walking the models (walk.py), so a field added to the format shows here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from string import Formatter
from typing import Any

from movekit.diff.walk import ROOT, Item, items, value_fields
from movekit.diff.words import as_written, identity, words_of
from movekit.labels import one_line, stage_label
from movekit.model import Plan
from movekit.months import written

HEADLINES = {
    "campaign": "campaign: {name}",
    "outcomes": "outcome {id}: {title} ({type})",
    "measures": "measure {id}: {metric}",
    "audiences": "audience {id}: {name}",
    "channels": "channel {id}: {mode}",
    "targets": "target {id}: {name} ({role})",
    "stakeholders": "stakeholder {id}: {name} ({stance})",
    "arguments": "argument {id}: {says}",
    "messages": "message {id}: {text}",
    "journeys": "journey {id}: for audience {audience}",
    "community": "community {id}: {name} ({kind})",
    "activities": "activity {id}: {what}",
    "phases": "phase {id}: {name}",
    "assumptions": "assumption {id}: {text}",
    "risks": "risk {id}: {risk}",
    "reviews": "review {phase} on {date}",
    "results": "result {measure} on {date}: {value}",
}
"""Section -> its items' headline; each `{field}` is that field's value, on one line."""


def _stage(stage: Any, index: int) -> str:
    """By its id, as every item here; without one, by its label (`stage 2 'Walks'`)."""
    if stage.id is None:
        head = stage_label(stage, index)
    else:
        head = f"stage {stage.id}: {one_line(stage.name)}" if stage.name else f"stage {stage.id}"
    return f"{head} ({stage.level})"


def _cta(cta: Any, _: int) -> str:
    return f"cta{' ' + cta.id if cta.id else ''}: {one_line(cta.ask)} ({cta.mode})"


def _bridge(bridge: Any, _: int) -> str:
    name = f" {bridge.id}" if bridge.id else ""
    return f"bridge{name}: {bridge.journey}: {bridge.from_} -> {bridge.to}"


def _spend(spend: Any, _: int) -> str:
    """`spending 2027-02-10: 2350`: when, and how much (the amount as written)."""
    return f"spending {written(spend.date)}: {spend.amount}"


WITHOUT_ID: dict[str, tuple[Callable[[Any, int], str], frozenset[str]]] = {
    "stages": (_stage, frozenset({"id", "name", "level"})),
    "ctas": (_cta, frozenset({"id", "ask", "mode"})),
    "bridges": (_bridge, frozenset({"id", "journey", "from_", "to"})),
    "spend": (_spend, frozenset({"date", "amount"})),
}
"""Sections whose items may have no id: their headline, and the fields it shows."""

EACH = {"motivations": "motivation", "barriers": "barrier"}
"""Lists shown one item a line, after the other facts, rather than on one line."""

SILENT = frozenset({"movekit"})
"""Top-level values that are no fact about the campaign (the format version)."""


def outline(plan: Plan) -> str:
    """The plan's outline: sections in the order of the plan format, items in file order."""
    return "\n".join(_lines(plan)) + "\n"


def _lines(plan: Plan) -> Iterator[str]:
    yield from _facts(Item(ROOT, plan, 0), "", SILENT)
    for item in items(plan):
        indent = "  " * len(item.parents)
        headline, shown = _headline(item)
        yield indent + headline
        yield from _facts(item, indent + "  ", shown)


def _headline(item: Item) -> tuple[str, frozenset[str]]:
    """The item's headline and the fields it shows."""
    if item.section in WITHOUT_ID:
        write, shown = WITHOUT_ID[item.section]
        return write(item.model, item.index), shown
    template = HEADLINES.get(item.section)
    if template is None:  # a section added to the format: `noun identity`, then its facts
        words = words_of(item)
        return f"{words.noun} {identity(item)}", frozenset(words.identity_fields)
    shown = frozenset(name for _, name, _, _ in Formatter().parse(template) if name)
    values = {name: one_line(str(getattr(item.model, name))) for name in shown}
    return template.format_map(values), shown


def _facts(item: Item, indent: str, shown: frozenset[str]) -> Iterator[str]:
    """`name: value` lines for the fields set and not in the headline, lists on one line
    (`; `-separated) but those in EACH, which come one value a line; then the keys the
    format does not know, which only a plan with file-level errors has (textconv.py)."""
    fields = {
        name: key for name, key in value_fields(type(item.model)).items() if name not in shown
    }
    dates_as_written = words_of(item).dates_as_written
    for name, key in fields.items():
        value = getattr(item.model, name)
        if name in dates_as_written:
            value = as_written(value)
        if name not in EACH and value is not None and value != []:
            yield _fact(indent, key, value)
    for name in (name for name in fields if name in EACH):
        for value in getattr(item.model, name):
            yield f"{indent}{EACH[name]}: {one_line(str(value))}"
    for key, value in (item.model.model_extra or {}).items():
        yield _fact(indent, key, value)


def _fact(indent: str, key: str, value: object) -> str:
    written = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    return f"{indent}{key}: {one_line(written)}"
