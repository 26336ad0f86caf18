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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from movekit.about import Index
from movekit.engine import Checked
from movekit.errors import MovekitError, UsageError
from movekit.findings import Finding
from movekit.locking import plan_lock
from movekit.model import Plan, Result, Review, Spend
from movekit.months import is_month, written
from movekit.opening import STDIN, open_plan, read_source
from movekit.report.lines import visible
from movekit.review.append import Item, Value, append_items, replace_values
from movekit.review.csvfile import CsvRecords, read_csv
from movekit.review.donetext import DoneAt, set_done
from movekit.review.inputs import (
    MAX_SHOWN,
    NewResult,
    Options,
    new_result,
    new_review,
    refusal,
)
from movekit.review.spendcheck import SpendInput, check_spend
from movekit.source import Document, decode
from movekit.writing import write_plan

if TYPE_CHECKING:
    from movekit.review.xlsxfile import SheetRecords

Entry = Result | Review | Spend
"""An item `record` adds to a top-level list."""

_FLOW = frozenset({"results", "spend"})
"""Lists whose items are written as one-line mappings when there is none to copy."""

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
) -> CsvRecords:
    """Record every row of a CSV file of results (`measure,date,value`; a milestone with an
    empty value is done on that date) or of money spent (`date,amount,for,note`), or none
    if any row is bad."""
    options = Options(today or dt.date.today(), allow_future, replace)
    with _locked(path):
        file = load_for_writing(path)
        records = read_csv(csv_path, file.plan, options)
        if records.spend:
            write_changes(file, Changes("spend", records.spend))
        else:
            write_changes(file, changes_of(records.results, [new.at for new in records.done]))
    return records


def record_xlsx(
    path: Path,
    xlsx_path: Path,
    *,
    today: dt.date | None = None,
    allow_future: bool = False,
    replace: bool = False,
) -> SheetRecords:
    """Record the new rows of a workbook's results sheet (see xlsxfile.py), checked and
    written as a CSV file's rows are; nothing is written when the plan holds every row."""
    from movekit.review.xlsxfile import read_xlsx

    options = Options(today or dt.date.today(), allow_future, replace)
    with _locked(path):
        file = load_for_writing(path)
        found = read_xlsx(xlsx_path, file.plan, options)
        records = found.records
        if records.results or records.done:
            write_changes(file, changes_of(records.results, [new.at for new in records.done]))
    return found


def record_spend(
    path: Path,
    amount: str,
    on: str | None = None,
    *,
    for_: str | None = None,
    note: str | None = None,
    today: dt.date | None = None,
    allow_future: bool = False,
) -> Spend:
    """Add money spent (dated today unless `on` is given) to the plan's `spend:` list."""
    options = Options(today or dt.date.today(), allow_future)
    with _locked(path):
        file = load_for_writing(path)
        given = SpendInput(on or options.today.isoformat(), amount, for_ or "", note)
        spend, problems = check_spend(Index(file.plan), given, options)
        if spend is None:
            raise UsageError(refusal([_option(column, problem) for column, problem in problems]))
        write_changes(file, Changes("spend", [spend]))
    return spend


def _option(column: str, problem: str) -> str:
    """A spend problem named by its option: `--for: ...`, `--spent: ...` for the amount."""
    return f"--{'spent' if column == 'amount' else column}: {problem}"


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
    write_changes(file, changes_of(results))


def changes_of(results: Sequence[NewResult], done: Sequence[DoneAt] = ()) -> Changes:
    """The changes to `results:` (and milestones' `done:`) that checked rows make."""
    added = [new.result for new in results if new.replaces is None]
    replaced = {new.replaces: new.result for new in results if new.replaces is not None}
    return Changes("results", added, replaced, done)


@dataclass(frozen=True)
class Changes:
    """What one record writes: items added to one top-level list, values corrected in it,
    and milestones marked done."""

    section: str
    added: Sequence[Entry] = ()
    replaced: Mapping[int, Result] = field(default_factory=dict)
    done: Sequence[DoneAt] = ()


def _write(file: PlanFile, section: str, added: Sequence[Entry]) -> None:
    write_changes(file, Changes(section, added))


def write_changes(file: PlanFile, changes: Changes) -> None:
    """Splice in the new items, the corrected values and the done dates, check, then write."""
    section = changes.section
    items = [_item(entry) for entry in changes.added]
    try:
        body = file.document.text
        for done in changes.done:
            body = set_done(body, done.outcome, done.measure, date_value(done.date))
        if changes.replaced:
            values = {i: new.value for i, new in changes.replaced.items()}
            body = replace_values(body, section, values)
        if items:
            body = append_items(body, section, items, flow=section in _FLOW)
    except (MovekitError, StopIteration, IndexError) as error:
        raise MovekitError(f"{file.path}: {error}; nothing was recorded") from error
    data = file.bom + (file.lead + body).encode(file.codec)
    _verify(file, data, changes, items)
    # refuses links and read-only plans, and a plan changed since it was read
    write_plan(file.path, data, original=file.raw)


def date_value(day: dt.date) -> Value:
    """A date as it is written into the plan: a month as typed (`2027-03`), else the day."""
    return written(day) if is_month(day) else day


def _item(entry: Entry) -> Item:
    """The keys of a new item in the order of the plan format."""
    if isinstance(entry, Result):
        return [
            ("measure", entry.measure),
            ("date", date_value(entry.date)),
            ("value", entry.value),
        ]
    if isinstance(entry, Spend):
        pairs: list[tuple[str, Value]] = [
            ("date", date_value(entry.date)),
            ("amount", entry.amount),
        ]
        if entry.for_:
            pairs.append(("for", entry.for_[0]))
        if entry.note is not None:
            pairs.append(("note", entry.note))
        return pairs
    pairs = [("phase", entry.phase), ("date", date_value(entry.date))]
    for key in ("learned", "changes"):
        text = getattr(entry, key)
        if text is not None:
            pairs.append((key, text))
    return pairs


def _verify(file: PlanFile, data: bytes, changes: Changes, items: list[Item]) -> None:
    """Read the new bytes back: they must hold the old plan with exactly the corrected values,
    the done dates and the new items, and nothing else changed."""
    checked = _open(data, file.path)
    plan, expected_data = _with_done(file, changes.done)
    section = changes.section
    if changes.added or changes.replaced:
        old = list(getattr(plan, section))
        old_raw = list(expected_data.get(section) or [])
        for index, result in changes.replaced.items():
            old[index] = result
            old_raw[index] = {**old_raw[index], "value": result.value}
        plan = plan.model_copy(update={section: [*old, *changes.added]})
        new_raw = [{key: _raw(value) for key, value in item} for item in items]
        expected_data[section] = [*old_raw, *new_raw]
    document = checked.document
    # a new `done:` may sit before keys that follow it: then key order is not compared
    sort = bool(changes.done)
    if (
        checked.plan != plan
        or document is None
        or _dump(document.data, sort) != _dump(expected_data, sort)
    ):
        what = f"add to `{section}:`" if changes.added or changes.replaced else "set `done:`"
        raise MovekitError(
            f"{file.path}: movekit could not {what} without changing something else in the "
            "file, so nothing was written. Please report this as a bug with the plan; "
            "meanwhile add the lines by hand."
        )


def _with_done(file: PlanFile, done: Sequence[DoneAt]) -> tuple[Plan, dict[str, Any]]:
    """The plan and its loaded YAML as they should read once the milestones are done."""
    plan = file.plan
    if not done:
        return plan, dict(file.document.data)
    data: dict[str, Any] = json.loads(json.dumps(file.document.data, default=str))
    outcomes = list(plan.outcomes)
    for at in done:
        measures = list(outcomes[at.outcome].measures)
        measures[at.measure] = measures[at.measure].model_copy(update={"done": at.date})
        outcomes[at.outcome] = outcomes[at.outcome].model_copy(update={"measures": measures})
        raw = data["outcomes"][at.outcome]["measures"][at.measure]
        raw["done"] = _raw(date_value(at.date))
    return plan.model_copy(update={"outcomes": outcomes}), data


def _raw(value: Value) -> Any:
    """A value as movekit's YAML loader reads it back (dates stay text until validation)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _dump(data: Any, sort: bool = False) -> str:
    """A comparable form of loaded YAML: keeps key order (unless `sort`) and treats NaN notes
    as equal."""
    if sort:
        try:
            return json.dumps(data, default=str, sort_keys=True)
        except TypeError:  # keys of several types in one note (`{1: a, b: c}`) do not sort
            pass
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
