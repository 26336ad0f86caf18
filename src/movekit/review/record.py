"""`movekit record`: add results and reviews to a plan, changing nothing else in the file.

Every new item is checked against the plan before anything is written (known measure or
phase, a number, a date not after today, one result per measure and day), spliced into the
text (see append.py), read back with movekit's own loader and compared with the old plan
plus exactly the new items (and corrected values, with --replace), and only then written,
atomically. Any refusal leaves the file as it was.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from movekit.engine import Checked
from movekit.errors import MovekitError, UsageError
from movekit.findings import Finding
from movekit.locking import plan_lock
from movekit.model import Plan, Result, Review
from movekit.opening import STDIN, open_plan, read_source
from movekit.report.lines import visible
from movekit.review.append import Item, Value, append_items, replace_values
from movekit.review.csvfile import read_results_csv
from movekit.review.inputs import MAX_SHOWN, NewResult, Options, new_result, new_review
from movekit.source import Document, decode
from movekit.writing import write_plan

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class PlanFile:
    """A plan as read for writing: how its bytes decode, its text and positions, its model."""

    path: Path
    raw: bytes
    """The bytes as read: a write replaces the plan only if it still holds them."""
    bom: bytes
    codec: str
    lead: str
    """Text before the YAML (a second byte-order mark), kept as it is."""
    document: Document
    plan: Plan


def load_for_writing(path: Path) -> PlanFile:
    """Read a plan that movekit may write back, or refuse with every file-level error."""
    _refuse_stdin(path)
    raw = read_source(path)
    checked = _open(raw, path)
    if checked.plan is None or checked.document is None:
        _refuse_invalid(path, checked.findings)
    document = checked.document
    text, _ = decode(raw)  # what the document was read from, before a second BOM was dropped
    bom, codec = _encoding(raw)
    if bom + text.encode(codec) != raw:
        raise MovekitError(
            f"{path}: movekit cannot keep this file's bytes exactly, so it wrote nothing"
        )
    lead = text[: len(text) - len(document.text)]
    return PlanFile(path, raw, bom, codec, lead, document, checked.plan)


def _refuse_stdin(path: Path) -> None:
    if str(path) == STDIN:
        raise UsageError("record writes to a plan file, so it cannot read the plan from stdin")


def _locked(path: Path) -> AbstractContextManager[None]:
    """The plan's lock, held from reading to writing, so concurrent records take turns."""
    _refuse_stdin(path)
    return plan_lock(path)


def _open(raw: bytes, path: Path) -> Checked:
    """Only the file-level checks: recording needs a sound file, not a finished plan."""
    return open_plan(raw, name=str(path), lint=False)


def record_value(
    path: Path,
    measure: str,
    value: str,
    on: str | None = None,
    *,
    today: dt.date | None = None,
    allow_future: bool = False,
    replace: bool = False,
) -> Result:
    """Record one result (dated today unless `on` is given) in the plan at `path`: appended,
    or with `replace`, correcting the value the measure already has on that day."""
    options = Options(today or dt.date.today(), allow_future, replace)
    with _locked(path):
        file = load_for_writing(path)
        new = new_result(file.plan, measure, value, on or options.today.isoformat(), options)
        _write_results(file, [new])
    return new.result


def record_csv(
    path: Path,
    csv_path: Path,
    *,
    today: dt.date | None = None,
    allow_future: bool = False,
    replace: bool = False,
) -> list[NewResult]:
    """Record every row of a `measure,date,value` CSV file, or none if any row is bad."""
    options = Options(today or dt.date.today(), allow_future, replace)
    with _locked(path):
        file = load_for_writing(path)
        results = read_results_csv(csv_path, file.plan, options)
        _write_results(file, results)
    return results


def record_review(
    path: Path,
    phase: str,
    learned: str,
    changes: str,
    on: str | None = None,
    *,
    today: dt.date | None = None,
    allow_future: bool = False,
) -> Review:
    """Append a review of `phase` (dated today unless `on` is given)."""
    options = Options(today or dt.date.today(), allow_future)
    with _locked(path):
        file = load_for_writing(path)
        review = new_review(
            file.plan, phase, learned, changes, on or options.today.isoformat(), options
        )
        _write(file, "reviews", [review])
    return review


def _write_results(file: PlanFile, results: Sequence[NewResult]) -> None:
    added = [new.result for new in results if new.replaces is None]
    replaced = {new.replaces: new.result for new in results if new.replaces is not None}
    _write(file, "results", added, replaced)


def _write(
    file: PlanFile,
    section: str,
    added: Sequence[Result | Review],
    replaced: Mapping[int, Result] | None = None,
) -> None:
    """Splice in the new items and the corrected values, check, then write."""
    replaced = replaced or {}
    items = [_item(entry) for entry in added]
    try:
        body = file.document.text
        if replaced:
            body = replace_values(body, section, {i: new.value for i, new in replaced.items()})
        if items:
            body = append_items(body, section, items, flow=section == "results")
    except MovekitError as error:
        raise MovekitError(f"{file.path}: {error}; nothing was recorded") from error
    data = file.bom + (file.lead + body).encode(file.codec)
    _verify(file, data, section, added, items, replaced)
    # refuses links and read-only plans, and a plan changed since it was read
    write_plan(file.path, data, original=file.raw)


def _item(entry: Result | Review) -> Item:
    """The keys of a new item in the order of the plan format."""
    if isinstance(entry, Result):
        return [("measure", entry.measure), ("date", entry.date), ("value", entry.value)]
    pairs: list[tuple[str, Value]] = [("phase", entry.phase), ("date", entry.date)]
    for key in ("learned", "changes"):
        text = getattr(entry, key)
        if text is not None:
            pairs.append((key, text))
    return pairs


def _verify(
    file: PlanFile,
    data: bytes,
    section: str,
    added: Sequence[Result | Review],
    items: list[Item],
    replaced: Mapping[int, Result],
) -> None:
    """Read the new bytes back: they must hold the old plan with exactly the corrected values
    and the new items, and nothing else changed."""
    checked = _open(data, file.path)
    old = list(getattr(file.plan, section))
    expected_data = dict(file.document.data)
    old_raw = list(expected_data.get(section) or [])
    for index, result in replaced.items():
        old[index] = result
        old_raw[index] = {**old_raw[index], "value": result.value}
    expected_plan = file.plan.model_copy(update={section: [*old, *added]})
    new_raw = [{key: _raw(value) for key, value in item} for item in items]
    expected_data[section] = [*old_raw, *new_raw]
    document = checked.document
    if (
        checked.plan != expected_plan
        or document is None
        or _dump(document.data) != _dump(expected_data)
    ):
        raise MovekitError(
            f"{file.path}: movekit could not add to `{section}:` without changing something "
            "else in the file, so nothing was written. Please report this as a bug with the "
            "plan; meanwhile add the lines by hand."
        )


def _raw(value: Value) -> Any:
    """A value as movekit's YAML loader reads it back (dates stay text until validation)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _dump(data: Any) -> str:
    """A comparable form of loaded YAML: keeps key order and treats NaN notes as equal."""
    return json.dumps(data, default=str)


def _encoding(raw: bytes) -> tuple[bytes, str]:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return bom, codec
    return b"", "utf-8"


def _refuse_invalid(path: Path, findings: list[Finding]) -> NoReturn:
    shown = [
        visible(f"{finding.file}:{finding.line}:{finding.column}: {finding.code} {finding.message}")
        for finding in findings[:MAX_SHOWN]
    ]
    if len(findings) > MAX_SHOWN:
        shown.append(f"... and {len(findings) - MAX_SHOWN} more")
    raise MovekitError(
        f"{path} has file-level errors, so nothing was recorded; fix them first "
        f"(`movekit check {path}` shows each one in context):\n  " + "\n  ".join(shown)
    )
