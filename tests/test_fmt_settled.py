"""fmt's fast path: a plan proved already formatted (fmt/settled.py) is never one fmt changes.

The proof is differential: for every plan we have, the formatted versions of them,
generated plans and mutations of all of these, `settled(text)` implies
`format_text(text) == text`. It must also say "settled" for formatted plans (or it
saves nothing), and "unsure" for each construct it does not model, so that fmt takes
the slow path through ruamel.yaml as before.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from movekit.fmt.format import FormatError, format_text
from movekit.fmt.settled import settled
from movekit.fmt.settledlines import UNPRINTABLE, layout, plain_allowed_here
from movekit.fmt.yamllines import scan
from movekit.scaffold.answers import Answers
from movekit.scaffold.starter import skeleton_plan
from movekit.yamltext import plain_allowed
from tests.conftest import EXAMPLES, REPO, VALID_PLAN, run_cli
from tests.fmt_settled_strategies import mutated, plan_texts
from tests.test_additions_roundtrip import PLANS as ADDITION_PLANS
from tests.test_additions_roundtrip import messy


def _benchmark_generator() -> Callable[..., str]:
    """benchmarks/generate.py's `generate`: the plans the fmt benchmark times."""
    spec = importlib.util.spec_from_file_location(
        "bench_generate", REPO / "benchmarks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate  # type: ignore[no-any-return]


generate = _benchmark_generator()


def _formatted(text: str) -> str | None:
    """What fmt makes of a text, or None when it refuses it."""
    try:
        return format_text(text)
    except FormatError:
        return None


def _holds(text: str) -> bool:
    """The property; True when the text was settled (so the fast path was exercised)."""
    if not settled(text):
        return False
    assert _formatted(text) == text, f"settled but fmt changes it:\n{text}"
    # the lines settled.py lays out as values are the ones fmt's scan finds
    scanned = scan(text)
    assert layout(text, text[:-1].split("\n")).inside == scanned.inside
    assert not scanned.keeping
    return True


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*.yaml") if "yaml-test-suite" not in path.parts)


def _rule_case_plans() -> list[str]:
    plans = []
    for path in sorted((REPO / "tests" / "rule_cases").glob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8")).get("cases", [])
        plans += [case["plan"] for case in cases if "{snippet}" not in case["plan"]]
    return plans


@functools.cache
def corpus() -> tuple[str, ...]:
    """Every plan in the repository's examples and tests, as text, and the plans using every
    addition laid out as a hurried hand would (the keys of the additions, unformatted)."""
    paths = _yaml_files(EXAMPLES) + _yaml_files(REPO / "tests")
    texts = [path.read_bytes().decode("utf-8", errors="replace") for path in paths]
    hurried = [messy(path.read_text(encoding="utf-8")) for path in ADDITION_PLANS]
    generated = [skeleton_plan(Answers()), generate(20_000)]
    return tuple(texts + _rule_case_plans() + hurried + generated)


@functools.cache
def formatted_corpus() -> tuple[str, ...]:
    """The corpus as fmt writes it: the texts the fast path is for."""
    return tuple(text for text in map(_formatted, corpus()) if text is not None)


SUITE = sorted((REPO / "tests" / "data" / "yaml-test-suite" / "cases").glob("*.yaml"))


def test_settled_plans_of_the_repository_are_ones_fmt_leaves_alone() -> None:
    checked = [_holds(text) for text in corpus() + formatted_corpus()]
    assert sum(checked) > 150  # the test exercised the fast path


def test_the_additions_are_in_the_differential_inputs_both_formatted_and_not() -> None:
    for path in ADDITION_PLANS:
        text = path.read_text(encoding="utf-8")
        assert text in corpus() and text in formatted_corpus()
        assert messy(text) in corpus() and not settled(messy(text))


def test_settled_yaml_test_suite_inputs_are_ones_fmt_leaves_alone() -> None:
    texts = [path.read_bytes().decode("utf-8", errors="replace") for path in SUITE]
    for text in texts:
        _holds(text)
    for text in filter(None, map(_formatted, texts[::4])):
        _holds(text)


@pytest.mark.parametrize(
    "path",
    [
        *sorted(EXAMPLES.glob("*.yaml")),
        EXAMPLES / "gaps" / "plan.yaml",
        *ADDITION_PLANS,
        *sorted((REPO / "tests" / "data" / "plans-0.1").glob("*.yaml")),
    ],
    ids=lambda path: path.name,
)
def test_formatted_examples_are_settled(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert format_text(text) == text
    assert settled(text)


def test_generated_benchmark_plans_and_the_init_skeleton_are_settled() -> None:
    for text in (generate(50_000), generate(50_000, seed=7), skeleton_plan(Answers())):
        assert format_text(text) == text
        assert settled(text)


@given(st.data())
def test_generated_plans_and_their_formatted_forms(data: st.DataObject) -> None:
    text = data.draw(plan_texts())
    _holds(text)
    tidy = _formatted(text)
    if tidy is not None:
        _holds(tidy)
        nearby = data.draw(mutated(tidy))
        _holds(nearby)
        again = _formatted(nearby)
        if again is not None:
            _holds(again)


@given(st.data())
def test_mutations_of_formatted_plans(data: st.DataObject) -> None:
    nearby = data.draw(mutated(data.draw(st.sampled_from(formatted_corpus()))))
    _holds(nearby)
    again = _formatted(nearby)
    if again is not None:
        _holds(again)


# --- what the test does not model: the slow path runs, as before ---------------------

TIDY = (
    VALID_PLAN.replace("\ncampaign:", "\n\ncampaign:")
    .replace("\noutcomes:", "\n\noutcomes:")
    .replace("\naudiences:", "\n\naudiences:")
)
GOAL = "  goal: Council adopts School Streets\n"

UNSURE = {
    "an anchor and an alias": TIDY + "\nx-a: &name Clean\n\nx-b: *name\n",
    "a tag": TIDY + "\nx-a: !!str 1\n",
    "an explicit ---": "---\n" + TIDY,
    "an explicit ...": TIDY + "...\n",
    "a flow mapping over two lines": TIDY + "\nx-a: {a: 1,\n  b: 2}\n",
    "a flow mapping in a flow mapping": TIDY + "\nx-a: {a: {b: 1}}\n",
    "a list in a list": TIDY + "\nx-a:\n  - - a\n    - b\n  - - c\n    - d\n",
    "plain text over two lines": TIDY.replace(GOAL, "  goal: Council adopts\n    it\n"),
    "quoted text over two lines": TIDY.replace(GOAL, '  goal: "Council adopts\n    it"\n'),
    "a |+ text": TIDY.replace(GOAL, "  goal: |+\n    Council\n\n"),
    "an indentation indicator": TIDY.replace(GOAL, "  goal: |2\n      Council\n"),
    "a more indented line in > text": TIDY.replace(GOAL, "  goal: >\n    Council\n      it\n"),
    "a tab": TIDY.replace(GOAL, "  goal: Council\tadopts\n"),
    "Windows line ends": TIDY.replace("\n", "\r\n"),
    "a bidi control in a comment": TIDY + "# \u202e\n",
    "a line over 1000 characters": TIDY.replace(GOAL, "  goal: " + "word " * 250 + "end\n"),
    "a comment at the end": TIDY + "# the end\n",
    "a blank line above a first item": TIDY.replace("audiences:\n", "audiences:\n\n"),
    "a short block list": TIDY + "\nx-a:\n  - one\n  - two\n",
    "null written as ~": TIDY + "\nx-a: ~\n",
    "a float with an exponent": TIDY + "\nx-a: 1e3\n",
    "a key of 120 characters": TIDY + "\n" + "k" * 120 + ": 1\n",
    "a merge key": TIDY + "\nx-a: {a: 1}\n\nx-b:\n  <<: {b: 2}\n  c: 3\n",
    "a number with a leading zero": TIDY + "\nx-a: 007\n",
    "true": TIDY + "\nx-a: true\n",
    "a comment after a key": TIDY.replace("outcomes:\n", "outcomes:  # soon\n"),
    "a comment after | ": TIDY.replace(GOAL, "  goal: |  # why\n    Council\n"),
    "a null in a flow list": TIDY + "\nx-a: [a, ~]\n",
    "a flow list fmt breaks": TIDY + "\nx-a: [" + ", ".join(["word"] * 30) + "]\n",
    "quotes fmt drops": TIDY.replace(GOAL, "  goal: 'Council adopts'\n"),
    "trailing spaces": TIDY.replace("policy\n", "policy  \n"),
    "two blank lines": TIDY.replace("\n\naudiences", "\n\n\naudiences"),
}


@pytest.mark.parametrize("text", UNSURE.values(), ids=UNSURE.keys())
def test_what_the_settled_test_does_not_model_takes_the_slow_path(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from movekit.fmt import runner

    assert not settled(text)
    calls: list[str] = []

    def spy(given: str) -> str:
        calls.append(given)
        return format_text(given)

    monkeypatch.setattr(runner, "format_text", spy)
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(text.encode("utf-8"))
    err = io.StringIO()
    code = runner.run_fmt(runner.FmtRequest([plan], check=True), io.StringIO(), err)
    assert calls or (code == 1 and "not formatted" in err.getvalue())  # or refused before


def test_a_byte_order_mark_is_unsure_but_the_runner_reads_the_text_without_it(
    tmp_path: Path,
) -> None:
    assert not settled("\ufeff" + TIDY)
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(b"\xef\xbb\xbf" + TIDY.encode("utf-8"))
    result = run_cli("fmt", str(plan))
    assert (result.returncode, result.stderr) == (0, "1 already formatted (1 plan).\n")
    assert plan.read_bytes() == b"\xef\xbb\xbf" + TIDY.encode("utf-8")


def test_a_settled_plan_takes_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from movekit.fmt import runner

    def fail(given: str) -> str:
        raise AssertionError("the slow path ran")

    monkeypatch.setattr(runner, "format_text", fail)
    plan = tmp_path / "plan.yaml"
    plan.write_text(TIDY, encoding="utf-8")
    err = io.StringIO()
    assert runner.run_fmt(runner.FmtRequest([plan], check=True), io.StringIO(), err) == 0
    assert err.getvalue() == "1 already formatted (1 plan).\n"


def test_settled_and_unsure_plans_give_the_same_answers_on_the_command_line(
    tmp_path: Path,
) -> None:
    tidy, messy = tmp_path / "tidy.yaml", tmp_path / "messy.yaml"
    tidy.write_text((EXAMPLES / "clean-air-streets.yaml").read_text(encoding="utf-8"))
    messy.write_text(UNSURE["quotes fmt drops"], encoding="utf-8")
    result = run_cli("fmt", "--check", str(tidy))
    assert (result.returncode, result.stderr) == (0, "1 already formatted (1 plan).\n")
    result = run_cli("fmt", "--check", str(tidy), str(messy))
    assert result.returncode == 1
    assert result.stderr == (
        f"would reformat {messy}\n1 would be reformatted, 1 already formatted (2 plans).\n"
    )
    assert run_cli("fmt", str(tidy)).stderr == "1 already formatted (1 plan).\n"


def test_the_fast_path_does_not_load_ruamel_yaml() -> None:
    example = str(EXAMPLES / "clean-air-streets.yaml")
    command = [sys.executable, "-X", "importtime", "-m", "movekit", "fmt", "--check", example]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "movekit.fmt.settled" in result.stderr
    assert "ruamel" not in result.stderr


def test_the_line_width_is_fmts() -> None:
    from movekit.fmt.flowwidth import LINE_WIDTH
    from movekit.fmt.settledlines import LINE_WIDTH as SETTLED_WIDTH

    assert SETTLED_WIDTH == LINE_WIDTH


@given(st.text(st.sampled_from("ab :#-?,[]{}!&*|>'\"%@`.é\u202e\t\n"), max_size=6))
def test_the_quick_plain_text_rule_is_yamltexts(text: str) -> None:
    if "\n" in text or UNPRINTABLE.search(text):
        return  # the settled test has refused these already
    for flow in (False, True):
        assert plain_allowed_here(text, flow=flow) == plain_allowed(text, flow=flow)
