"""Ids and references: duplicate ids (MK004) and references that resolve to nothing (MK005).

Both work on the raw YAML values, not the model, so they are reported in the same run as
schema errors elsewhere in the file. Values of the wrong type are skipped here: the schema
check reports them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from movekit.findings import Path, Problem
from movekit.source import Pos, locate


@dataclass
class _Collection:
    """The ids of one collection, with the path of each id's first occurrence."""

    kind: str
    ids: dict[str, Path] = field(default_factory=dict)


def _items(data: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    values = data.get(key) if isinstance(data, dict) else None
    if isinstance(values, list):
        for index, item in enumerate(values):
            if isinstance(item, dict):
                yield index, item


def _names(value: Any) -> list[tuple[Path, str]]:
    """A string or list of strings, each with its path suffix."""
    if isinstance(value, str):
        return [((), value)]
    if isinstance(value, list):
        return [((index,), item) for index, item in enumerate(value) if isinstance(item, str)]
    return []


class _Checker:
    def __init__(self, root: Pos) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def collect(self, kind: str, entries: Iterable[tuple[Path, dict[str, Any]]]) -> _Collection:
        collection = _Collection(kind)
        for path, item in entries:
            value = item.get("id")
            if not isinstance(value, str):
                continue
            id_path = (*path, "id")
            if value in collection.ids:
                first, _ = locate(self.root, collection.ids[value])
                message = f"Duplicate {kind} id '{value}' (first used at line {first.line})"
                hint = f"Give each {kind} its own id"
                self.problems.append(
                    Problem(message, id_path, hint=hint, at_value=True, code="MK004")
                )
            else:
                collection.ids[value] = id_path
        return collection

    def resolve(self, path: Path, value: Any, target: _Collection, what: str) -> None:
        for suffix, name in _names(value):
            if name in target.ids:
                continue
            message = f"{what.capitalize()} '{name}' does not exist"
            close = difflib.get_close_matches(name, list(target.ids), n=1, cutoff=0.6)
            if close:
                message += f": did you mean '{close[0]}'?"
            known = ", ".join(sorted(target.ids)[:6]) or "none yet"
            hint = f"Use an id declared under {target.kind}s (known: {known})"
            if target.kind == "stage":
                hint = f"Use the id of a stage in that journey (known: {known})"
            self.problems.append(
                Problem(message, (*path, *suffix), hint, at_value=True, code="MK005")
            )


def check_references(data: Any, root: Pos) -> list[Problem]:
    """MK004 and MK005 problems for a loaded plan (any shape)."""
    checker = _Checker(root)
    top = {
        key: checker.collect(kind, [((key, i), item) for i, item in _items(data, key)])
        for key, kind in (
            ("outcomes", "outcome"),
            ("audiences", "audience"),
            ("channels", "channel"),
            ("journeys", "journey"),
            ("bridges", "bridge"),
            ("community", "mechanism"),
            ("phases", "phase"),
        )
    }
    measures = checker.collect(
        "measure",
        (
            (("outcomes", i, "measures", j), measure)
            for i, outcome in _items(data, "outcomes")
            for j, measure in _items(outcome, "measures")
        ),
    )
    declared = isinstance(data, dict) and isinstance(data.get("channels"), list)
    for i, audience in _items(data, "audiences"):
        if declared:
            checker.resolve(
                ("audiences", i, "channels"), audience.get("channels"), top["channels"], "channel"
            )
    stages_by_journey = _check_journeys(checker, data, top, measures, declared)
    for i, bridge in _items(data, "bridges"):
        path: Path = ("bridges", i)
        checker.resolve((*path, "journey"), bridge.get("journey"), top["journeys"], "journey")
        journey = bridge.get("journey")
        stages = stages_by_journey.get(journey) if isinstance(journey, str) else None
        if stages is not None:
            checker.resolve((*path, "from"), bridge.get("from"), stages, "stage")
            checker.resolve((*path, "to"), bridge.get("to"), stages, "stage")
    for i, mechanism in _items(data, "community"):
        path = ("community", i, "audiences")
        checker.resolve(path, mechanism.get("audiences"), top["audiences"], "audience")
    for i, review in _items(data, "reviews"):
        checker.resolve(("reviews", i, "phase"), review.get("phase"), top["phases"], "phase")
    for i, result in _items(data, "results"):
        checker.resolve(("results", i, "measure"), result.get("measure"), measures, "measure")
    return checker.problems


def _check_journeys(
    checker: _Checker,
    data: Any,
    top: dict[str, _Collection],
    measures: _Collection,
    declared: bool,
) -> dict[str, _Collection]:
    stages_by_journey: dict[str, _Collection] = {}
    for i, journey in _items(data, "journeys"):
        path: Path = ("journeys", i)
        checker.resolve((*path, "audience"), journey.get("audience"), top["audiences"], "audience")
        checker.resolve((*path, "outcomes"), journey.get("outcomes"), top["outcomes"], "outcome")
        stage_items = list(_items(journey, "stages"))
        stages = checker.collect("stage", (((*path, "stages", j), s) for j, s in stage_items))
        checker.collect(
            "call to action",
            (
                ((*path, "stages", j, "ctas", k), cta)
                for j, stage in stage_items
                for k, cta in _items(stage, "ctas")
            ),
        )
        for j, stage in stage_items:
            stage_path = (*path, "stages", j)
            if declared:
                checker.resolve(
                    (*stage_path, "channels"), stage.get("channels"), top["channels"], "channel"
                )
            for k, cta in _items(stage, "ctas"):
                if "measure" in cta and cta["measure"] is not None:
                    checker.resolve(
                        (*stage_path, "ctas", k, "measure"), cta["measure"], measures, "measure"
                    )
        if isinstance(journey.get("id"), str) and journey["id"] not in stages_by_journey:
            stages_by_journey[journey["id"]] = stages
    return stages_by_journey
