"""Whether money spent can be recorded: an amount, a date, and what it was spent on, named
as `about` names things (usually an activity or a community mechanism).

Checks return (column, message) pairs instead of raising, so that the rows of a CSV file are
all checked, and each problem names its column, before anything is written (csvfile.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from movekit.about import Index, split
from movekit.model import Spend
from movekit.months import written
from movekit.review.inputs import Options, future_date, parse_date, parse_number
from movekit.suggest import closest

Problems = list[tuple[str, str]]
"""(column or option, message) for each thing wrong with a spend entry."""

_PREFERRED = ("activity", "mechanism")
"""What money is usually spent on: suggested first when `for` names nothing."""
_NEXT_STEP = "add the activity (or mechanism) to the plan first, or leave it out"
"""Said after `--for:` or `column for:`, so `it` is the option or the cell."""


@dataclass(frozen=True)
class SpendInput:
    """A spend entry as typed: on the command line or in a CSV row."""

    date: str
    amount: str
    for_: str = ""
    note: str | None = None


def check_spend(index: Index, given: SpendInput, options: Options) -> tuple[Spend | None, Problems]:
    """A new spend entry, or every reason it cannot be recorded, by column."""
    date, bad_date = parse_date(given.date)
    amount, bad_amount = parse_number(given.amount)
    if amount == 0:
        bad_amount = "an amount of 0 records nothing: give what was spent (negative for a refund)"
    named = given.for_.strip()
    problems: Problems = [
        (column, problem)
        for column, problem in (
            ("date", bad_date),
            ("date", future_date(date, options, "spending")),
            ("amount", bad_amount),
            ("for", unknown_for(index, named) if named else None),
            ("note", _bad_note(given.note)),
        )
        if problem is not None
    ]
    if problems or date is None or amount is None:
        return None, problems
    data: dict[str, object] = {
        "date": date,
        "amount": amount,
        "for": named or [],
        "note": given.note,
    }
    return Spend.model_validate(data), []


def unknown_for(index: Index, name: str) -> str | None:
    """None when `name` names exactly one item of the plan, else why not, with a suggestion."""
    if index.named(name) is not None:
        return None
    kind, journey, item_id = split(name)
    if kind is None and journey is None:
        kinds = [k for k, items in index.by_kind.items() if item_id in items]
        if len(kinds) > 1:
            return (
                f"'{name}' names more than one item ({', '.join(f'{k}:{item_id}' for k in kinds)})"
                f": write KIND:ID to say which one, such as '{kinds[0]}:{item_id}'"
            )
    ids = _ids_by_preference(index)
    close = closest(item_id, list(ids))
    if close is not None:
        kind = ids[close[0]]
        a = "an" if kind[0] in "aeiou" else "a"
        return f"'{name}' names nothing in the plan; did you mean '{close[0]}' ({a} {kind})?"
    shown = [i for i, kind in ids.items() if kind in _PREFERRED][:10]
    known = f" (its activities and mechanisms: {', '.join(shown)})" if shown else ""
    return f"'{name}' names nothing in the plan{known}: {_NEXT_STEP}"


def _ids_by_preference(index: Index) -> dict[str, str]:
    """Every id the plan has, with its kind: activities and mechanisms first."""
    kinds = [*_PREFERRED, *(k for k in index.by_kind if k not in _PREFERRED)]
    found: dict[str, str] = {}
    for kind in kinds:
        for item_id in index.by_kind.get(kind, {}):
            found.setdefault(item_id, kind)
    return found


def _bad_note(note: str | None) -> str | None:
    if note is None:
        return None
    if not note.strip():
        return "the note is empty: say in a few words what it was, or leave it out"
    if any(0xD800 <= ord(character) <= 0xDFFF for character in note):
        return "the note is not UTF-8 text: check your terminal's encoding"
    return None


def describe_spend(spend: Spend) -> str:
    """`3850 spent on 2027-03-14 for launch-report`: a month as written."""
    amount = repr(spend.amount) if isinstance(spend.amount, float) else str(spend.amount)
    spent_on = f" for {', '.join(spend.for_)}" if spend.for_ else ""
    return f"{amount} spent on {written(spend.date)}{spent_on}"
