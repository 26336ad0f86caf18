"""Costs that must grow linearly: proved by counting work, never by timing it.

benchmarks/run.py has the timings (docs/performance.md); these tests show the shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, SupportsIndex

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from movekit import load_plan
from movekit.errors import UsageError
from movekit.fmt import flowwidth
from movekit.fmt.flowwidth import LINE_WIDTH, plain_width, written_width
from movekit.fmt.format import format_text
from movekit.model import Result
from movekit.review.csvfile import read_results_csv
from movekit.review.inputs import Options
from tests.conftest import EXAMPLES

TODAY = dt.date(2030, 1, 1)
FIRST = dt.date(2010, 1, 1)


class _CountingList(list[Result]):
    """The plan's results, counting every pass over them and every item read."""

    passes = 0
    reads = 0

    def __iter__(self) -> Iterator[Result]:
        type(self).passes += 1
        return super().__iter__()

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, SupportsIndex):
            type(self).reads += 1
        return super().__getitem__(index)


def _plan_with_results(count: int) -> Any:
    plan = load_plan(EXAMPLES / "clean-air-streets.yaml")
    results = [
        Result(measure="petition-signatures", date=FIRST + dt.timedelta(days=day), value=day)
        for day in range(count)
    ]
    _CountingList.passes = _CountingList.reads = 0
    return plan.model_copy(update={"results": _CountingList(results)})


def _csv(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "results.csv"
    path.write_text("measure,date,value\n" + "".join(f"{row}\n" for row in rows), "utf-8")
    return path


@pytest.mark.parametrize("rows", [10, 400])
def test_csv_rows_are_placed_without_scanning_the_plans_results(tmp_path: Path, rows: int) -> None:
    """Each row once went through every result of the plan (8k rows into 8k results: 92 s);
    now the results are read in one pass, however many rows there are."""
    plan = _plan_with_results(2_000)
    start = FIRST - dt.timedelta(days=rows)
    csv_file = _csv(
        tmp_path,
        [f"petition-signatures,{start + dt.timedelta(days=n)},{n}" for n in range(rows)],
    )
    results = read_results_csv(csv_file, plan, Options(TODAY))
    assert len(results) == rows
    assert _CountingList.passes == 1
    assert _CountingList.reads == 0


def test_duplicates_against_the_plan_and_earlier_rows_are_still_found(tmp_path: Path) -> None:
    plan = _plan_with_results(50)
    csv_file = _csv(
        tmp_path,
        [
            f"petition-signatures,{FIRST},0",  # already in the plan
            f"petition-signatures,{FIRST + dt.timedelta(days=1)},7",  # the plan has 1
            "petition-signatures,2009-01-01,5",
            "petition-signatures,2009-01-01,5",  # same row twice
            "petition-signatures,2009-01-02,5",
            "petition-signatures,2009-01-02,6",  # two values for one day
        ],
    )
    with pytest.raises(UsageError) as refused:
        read_results_csv(csv_file, plan, Options(TODAY))
    message = str(refused.value)
    assert f"petition-signatures = 0 on {FIRST} is already recorded in the plan" in message
    assert "already has a result on 2010-01-02 (1): to correct it to 7, add --replace" in message
    assert ":5: petition-signatures = 5 on 2009-01-01 is already recorded by an earlier row" in (
        message
    )
    assert ":7: line 6 already gives petition-signatures a value on 2009-01-02" in message
    assert "4 problems" in message


def test_replace_corrects_the_plans_result_for_that_day(tmp_path: Path) -> None:
    plan = _plan_with_results(50)
    csv_file = _csv(tmp_path, [f"petition-signatures,{FIRST + dt.timedelta(days=3)},99"])
    (new,) = read_results_csv(csv_file, plan, Options(TODAY, replace=True))
    assert (new.replaces, new.result.value) == (3, 99)


# --- fmt --------------------------------------------------------------------------------------


def test_fmt_writes_out_only_short_trials(monkeypatch: pytest.MonkeyPatch) -> None:
    """To decide between `[a, b]` and block style, fmt writes a list or mapping out in
    flow style and measures it. It once did so for flow values of any size (and, through
    aliases, for each use of one): a 1 MB flow mapping used once made `fmt` take minutes.
    Now what certainly does not fit on a line is never written out for a trial; the plan
    itself is written once."""
    written: list[int] = []
    real = YAML.dump

    def counting(self: YAML, data: Any, stream: Any, **options: Any) -> Any:
        done = real(self, data, stream, **options)
        written.append(len(stream.getvalue()))
        return done

    monkeypatch.setattr(YAML, "dump", counting)
    keys = ", ".join(f"k{n}: {n}" for n in range(3_000))
    text = (EXAMPLES / "clean-air-streets.yaml").read_text("utf-8")
    text += f"x-big: &big {{{keys}}}\nx-uses: [*big, *big, *big]\n"
    format_text(text)
    *trials, whole = written
    assert whole >= len(text) - 1_000
    assert trials and max(trials) <= 2 * LINE_WIDTH


def _flow(value: Any) -> Any:
    if isinstance(value, dict):
        copy: Any = CommentedMap((key, _flow(item)) for key, item in value.items())
    elif isinstance(value, list):
        copy = CommentedSeq(_flow(item) for item in value)
    else:
        return value
    copy.fa.set_flow_style()
    return copy


_WORDS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from(" ,:#-?[]{}'\"&*!|>%@`"),
    max_size=12,
)
_LEAVES = (
    _WORDS | st.integers(-(10**6), 10**6) | st.sampled_from(["yes", "1_000", "2027-01-01", "a b"])
)
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_WORDS, inner, max_size=3),
    max_leaves=8,
).filter(lambda value: isinstance(value, list | dict))


@settings(max_examples=1000, deadline=None)
@given(_VALUES)
def test_the_width_added_up_is_the_width_ruamel_writes(value: Any) -> None:
    """fmt adds up the width of short flow values instead of writing them out: whenever it
    does, the sum is exactly the width ruamel.yaml writes."""
    copy = _flow(value)
    width = plain_width(copy)
    if width is not None:
        assert width == written_width(copy)


def test_the_width_of_every_flow_value_in_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[int] = []
    real = flowwidth.plain_width

    def compared(copy: Any, depth: int = 0) -> int | None:
        width = real(copy, depth)
        if width is not None and depth == 0 and isinstance(copy, CommentedMap | CommentedSeq):
            assert width == written_width(copy), copy
            checked.append(width)
        return width

    monkeypatch.setattr(flowwidth, "plain_width", compared)
    for plan in sorted(EXAMPLES.glob("*.yaml")):
        format_text(plan.read_text("utf-8"))
    assert len(checked) > 20
