"""`movekit diff`: campaign changes between two versions of a plan, and the git drivers."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import os
import pty
import random
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, get_args

import pytest
from pydantic import BaseModel, Field, ValidationError

from movekit import model, modelwork
from movekit.config import Settings
from movekit.diff.changes import PlanDiff, Version
from movekit.diff.compare import diff_plans
from movekit.diff.outline import outline
from movekit.diff.report import describe, md, write_markdown, write_text
from movekit.diff.textconv import NOTE, textconv
from movekit.engine import check_bytes, check_text
from tests.conftest import EXAMPLE_TODAY, EXAMPLES, REPO, SMALL_PLAN, run_cli
from tests.golden import GOLDEN, assert_golden
from tests.test_fmt import CANONICAL, MESSY
from tests.test_yaml_test_suite import SUITE

EXAMPLE = (EXAMPLES / "clean-air-streets.yaml").read_text(encoding="utf-8")
WHATSAPP = "  - {id: whatsapp, name: Class WhatsApp groups, mode: online, owner: Digital team}\n"
NO_OWNER = "  - {id: whatsapp, name: Class WhatsApp groups, mode: online}\n"
OLD = EXAMPLE.replace(WHATSAPP, NO_OWNER)
"""The example with one gap (a channel with no owner: MK701), which the new version fixes."""
EDITS = [
    # the channel gets its owner back (MK701 disappears)
    (NO_OWNER, WHATSAPP),
    # a measure's target and due date move
    (
        "        target: 5000\n        due: 2027-05-31\n",
        "        target: 6000\n        due: 2027-06-15\n",
    ),
    # a new stage with a call to action, before the parents' last stage
    (
        "      - id: lead\n        name: Runs their own street\n",
        "      - id: share\n        name: Shares with other parents\n        level: engagement\n"
        "        content: [shareable graphic]\n        channels: [whatsapp]\n        ctas:\n"
        "          - id: share-graphic\n            ask: Share the graphic in your class group\n"
        "            mode: online\n"
        "      - id: lead\n        name: Runs their own street\n",
    ),
    # a call to action removed (its stage is left without one: MK301 appears)
    (
        "          - id: street-meeting\n            ask: Come to the street meeting at the"
        " school hall\n            mode: offline\n            measure: street-meeting-residents\n",
        "",
    ),
    # a result corrected and a new one recorded
    (
        "  - {measure: gate-visits, date: 2027-03-12, value: 14}\n",
        "  - {measure: gate-visits, date: 2027-03-12, value: 16}\n"
        "  - {measure: councillor-pledges, date: 2027-03-14, value: 15}\n",
    ),
    # an audience gains a channel; a channel loses its owner (MK701 appears)
    (
        "    channels: [councillor-email, school-gate]\n",
        "    channels: [councillor-email, school-gate, doorstep]\n",
    ),
    (
        "  - {id: doorstep, name: On the doorstep, mode: offline, owner: Canvassing lead}\n",
        "  - {id: doorstep, name: On the doorstep, mode: offline}\n",
    ),
    # a review recorded
    (
        "# The numbers so far",
        "  - phase: build\n    date: 2027-03-14\n    learned: Walking buses grow fastest where a"
        " captain | leads.\n    changes: Recruit a captain before launching a bus.\n\n"
        "# The numbers so far",
    ),
    # the Leader comes round, and the stewards' risk is dealt with
    ("    role: primary\n    position: undecided\n", "    role: primary\n    position: supports\n"),
    (
        "    owner: Resident organiser\n    status: open\n",
        "    owner: Resident organiser\n    status: mitigated\n",
    ),
]


def edited(text: str = OLD) -> str:
    for before, after in EDITS:
        assert before in text, f"the example changed: {before!r} is gone"
        text = text.replace(before, after, 1)
    return text


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    """old.yaml (the example) and new.yaml (edited) in a folder; the folder."""
    (tmp_path / "old.yaml").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(edited(), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("output_format", ["text", "json", "md"])
def test_report_matches_the_golden_file(pair: Path, output_format: str) -> None:
    args = ("diff", "old.yaml", "new.yaml", "--today", EXAMPLE_TODAY, "-f", output_format)
    result = run_cli(*args, cwd=pair)
    assert (result.returncode, result.stderr) == (0, "")
    assert_golden(f"diff-clean-air.{output_format}", result.stdout)


def test_json_has_the_documented_shape() -> None:
    # the golden file is the command's output (test_report_matches_the_golden_file)
    document = json.loads((GOLDEN / "diff-clean-air.json").read_text(encoding="utf-8"))
    assert set(document) == {"movekit", "old", "new", "changes", "findings", "summary"}
    assert document["old"] == {"label": "old.yaml", "valid": True}
    change_keys = {"section", "change", "key", "label", "summary", "fields", "item"}
    assert all(set(change) == change_keys for change in document["changes"])
    target = next(c for c in document["changes"] if c["key"] == "petition-signatures")
    assert target["fields"] == [
        {"field": "target", "old": 5000, "new": 6000},
        {"field": "due", "old": "2027-05-31", "new": "2027-06-15"},
    ]
    appeared = {finding["code"] for finding in document["findings"]["appeared"]}
    disappeared = {finding["code"] for finding in document["findings"]["disappeared"]}
    assert {"MK301", "MK701"} <= appeared
    assert disappeared == {"MK701"}
    assert document["summary"]["findings_appeared"] == len(document["findings"]["appeared"])


TODAY = dt.date.fromisoformat(EXAMPLE_TODAY)


def _version(text: str, label: str = "plan.yaml") -> Version:
    checked = check_bytes(text.encode(), label, today=TODAY, settings=Settings())
    return Version(label, checked.plan, checked.findings)


def test_a_layout_only_change_is_no_change_at_all() -> None:
    diff = diff_plans(_version(MESSY), _version(CANONICAL))
    assert diff.compared
    assert (diff.changes, diff.appeared, diff.disappeared) == ([], [], [])


def test_the_text_report_says_when_nothing_changed() -> None:
    out = io.StringIO()
    write_text(diff_plans(_version(MESSY, "old.yaml"), _version(CANONICAL, "new.yaml")), out)
    assert out.getvalue() == (
        "Changes from old.yaml to new.yaml\n\nNo changes in campaign terms.\n\n"
        "No findings appeared or disappeared.\n\n"
        "Summary: 0 added, 0 removed, 0 changed; 0 findings appeared, 0 disappeared.\n"
    )


def test_a_finding_that_only_moved_is_neither_new_nor_gone() -> None:
    moved = SMALL_PLAN.replace("movekit: 1\n", "movekit: 1\n# a comment moves every line\n")
    diff = diff_plans(_version(SMALL_PLAN), _version(moved))
    assert (diff.changes, diff.appeared, diff.disappeared) == ([], [], [])


def test_reordered_stages_are_a_change_of_order_not_added_and_removed() -> None:
    swapped = _swap_stages(OLD)
    diff = diff_plans(_version(OLD), _version(swapped))
    assert [(c.section, c.kind, c.key) for c in diff.changes] == [
        ("journeys", "changed", "parents-journey")
    ]
    (field,) = diff.changes[0].fields
    assert field.name == "stage order"
    assert field.old == ["notice", "sign", "walk", "lead"]
    assert field.new == ["notice", "walk", "sign", "lead"]


def _swap_stages(text: str) -> str:
    start = text.index("      - id: sign\n")
    middle = text.index("      - id: walk\n")
    end = text.index("      - id: lead\n")
    return text[:start] + text[middle:end] + text[start:middle] + text[end:]


def test_items_without_ids_are_matched_by_name_or_ask() -> None:
    new = SMALL_PLAN.replace("Look up your school", "Look up your school's air")
    diff = diff_plans(_version(SMALL_PLAN), _version(new))
    assert [(c.section, c.kind, c.key) for c in diff.changes] == [
        ("ctas", "added", "parents-journey/Look up your school's air"),
        ("ctas", "removed", "parents-journey/Look up your school"),
    ]


def test_a_stage_is_named_by_the_one_stage_label() -> None:
    renamed = OLD.replace("      - id: lead\n", "      - id: captain\n")
    named = diff_plans(_version(OLD), _version(renamed))
    assert [c.label for c in named.changes if c.section == "stages"] == [
        "stage 4 'captain' in journey 'parents-journey'",
        "stage 4 'lead' in journey 'parents-journey'",
    ]
    nameless = SMALL_PLAN.replace("level: awareness", "level: engagement")
    (change,) = diff_plans(_version(SMALL_PLAN), _version(nameless)).changes
    assert (change.key, change.label) == (
        "parents-journey/#1",
        "stage 1 in journey 'parents-journey'",
    )


def test_a_version_with_file_level_errors_compares_findings_only(pair: Path) -> None:
    (pair / "new.yaml").write_text(OLD.replace("    motivations:", "    motivation:", 1))
    result = run_cli("diff", "old.yaml", "new.yaml", "--today", EXAMPLE_TODAY, cwd=pair)
    assert result.returncode == 1
    assert "new.yaml has file-level errors, so only the findings are compared" in result.stdout
    assert "+ MK003 [error] Unknown key 'motivation'" in result.stdout
    document = json.loads(run_cli("diff", "old.yaml", "new.yaml", "-f", "json", cwd=pair).stdout)
    assert (document["new"]["valid"], document["changes"]) == (False, [])


def test_markdown_escapes_what_a_plan_writes() -> None:
    assert md("a | b *c* <d> `e`\n_f_ [g](h)") == r"a \| b \*c\* \<d\> \`e\` \_f\_ \[g\](h)"
    assert md("#12 costs $5 &amp; 1. more") == r"\#12 costs \$5 \&amp; 1. more"  # no issue link
    new = SMALL_PLAN.replace("title: Policy adopted", "title: Policy | *adopted*")
    out = io.StringIO()
    write_markdown(diff_plans(_version(SMALL_PLAN), _version(new)), out)
    assert (
        '- **Changed** outcome `policy`: title "Policy adopted" → "Policy \\| \\*adopted\\*"'
        in (out.getvalue())
    )


def test_bad_arguments_are_exit_2_with_a_message(pair: Path) -> None:
    cases = [
        (("diff", "old.yaml", "new.yaml", "new.yaml"), "give two plans (OLD NEW)"),
        (("diff", "old.yaml", "missing.yaml"), "missing.yaml: no such file"),
        (("diff", "--textconv", "old.yaml", "new.yaml"), "--textconv takes one file"),
    ]
    for args, message in cases:
        result = run_cli(*args, cwd=pair)
        assert result.returncode == 2, args
        assert message in result.stderr
        assert "Traceback" not in result.stderr


# --- git: --rev, textconv and the external diff driver ---------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> str:
    environment = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo)}
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with the example committed as plans/plan.yaml, then edited."""
    git(tmp_path, "init", "-q")
    (tmp_path / "plans").mkdir()
    plan = tmp_path / "plans" / "plan.yaml"
    plan.write_text(OLD, encoding="utf-8")
    (tmp_path / "other.yaml").write_text("key: 1\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    plan.write_text(edited(), encoding="utf-8")
    (tmp_path / "other.yaml").write_text("key: 2\n", encoding="utf-8")
    return tmp_path


@needs_git
def test_rev_compares_with_the_committed_version(repo: Path) -> None:
    result = run_cli("diff", "plan.yaml", "--today", EXAMPLE_TODAY, cwd=repo / "plans")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Changes from HEAD:plans/plan.yaml to plan.yaml\n")
    assert "target 5000 -> 6000" in result.stdout
    explicit = run_cli(
        "diff", "plans/plan.yaml", "--rev", "HEAD", "--today", EXAMPLE_TODAY, cwd=repo
    )
    assert explicit.stdout.startswith("Changes from HEAD:plans/plan.yaml to plans/plan.yaml\n")
    assert explicit.stdout.count("\n") == result.stdout.count("\n")


@needs_git
def test_rev_errors_are_clear_and_exit_2(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    (repo / "plans" / "new.yaml").write_text(SMALL_PLAN, encoding="utf-8")
    outside = tmp_path_factory.mktemp("no-git") / "plan.yaml"
    outside.write_text(SMALL_PLAN, encoding="utf-8")
    cases = [
        (("diff", "plans/plan.yaml", "--rev", "nope"), "--rev: git knows no revision 'nope'"),
        (("diff", "plans/new.yaml"), "plans/new.yaml: the file did not exist at HEAD"),
        (("diff", str(outside)), "not inside a git repository"),
    ]
    for args, message in cases:
        result = run_cli(
            *args, cwd=repo, env={"GIT_CEILING_DIRECTORIES": str(outside.parent.parent)}
        )
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr


@needs_git
def test_git_diff_with_the_textconv_driver_shows_the_outline(repo: Path) -> None:
    movekit = f"{shlex.quote(sys.executable)} -m movekit diff --textconv"
    (repo / ".gitattributes").write_text("*.yaml diff=movekit\n", encoding="utf-8")
    git(repo, "config", "diff.movekit.textconv", movekit)
    shown = git(repo, "diff", "--", "plans/plan.yaml", "other.yaml")
    assert "\n-    target: 5000\n" in shown
    assert "\n+    target: 6000\n" in shown
    assert "+  stage share: Shares with other parents (engagement)\n" in shown
    assert "-key: 1\n+key: 2\n" in shown  # not a plan: its lines as they are


@needs_git
def test_git_diff_with_the_external_driver_shows_the_campaign_view(repo: Path) -> None:
    movekit = f"{shlex.quote(sys.executable)} -m movekit diff --git-external-diff"
    (repo / ".gitattributes").write_text("*.yaml diff=movekit\n", encoding="utf-8")
    git(repo, "config", "diff.movekit.command", f"{movekit} --today {EXAMPLE_TODAY}")
    (repo / "plans" / "added.yaml").write_text(SMALL_PLAN, encoding="utf-8")
    git(repo, "add", "-N", "plans/added.yaml")
    shown = git(repo, "diff")
    assert "Changes from a/plans/plan.yaml to b/plans/plan.yaml\n" in shown
    assert "  ~ measure 'petition-signatures' (outcome 'local-backing'): target 5000 -> 6000" in (
        shown
    )
    assert "--- a/other.yaml\n+++ b/other.yaml\n" in shown  # not a plan: a plain diff
    assert "+++ b/plans/added.yaml\n" in shown  # a new plan: its lines


def test_textconv_of_a_plan_and_of_another_file(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(SMALL_PLAN, encoding="utf-8")
    outline = run_cli("diff", "--textconv", str(plan))
    assert outline.returncode == 0
    assert outline.stdout == (
        "campaign: Clean Air\n"
        "  goal: Council adopts School Streets\n"
        "outcome policy: Policy adopted (policy)\n"
        "audience parents: Parents\n"
        "journey parents-journey: for audience parents\n"
        "  stage 1 (awareness)\n"
        "    cta: Look up your school (online)\n"
    )
    other = tmp_path / "other.yaml"
    other.write_text("key: [1, 2]\n", encoding="utf-8")
    assert run_cli("diff", "--textconv", str(other)).stdout == "key: [1, 2]\n"


def test_check_text_agrees_with_the_diff_findings() -> None:
    # the findings diff runs the same check as `movekit check`
    new = edited()
    findings = check_text(new, "new.yaml", today=TODAY, settings=Settings())
    diff = diff_plans(_version(OLD, "old.yaml"), _version(new, "new.yaml"))
    assert set(diff.appeared) <= set(findings)


def test_a_layout_only_change_gives_the_same_outline() -> None:
    old, new = _version(MESSY).plan, _version(CANONICAL).plan
    assert old is not None and new is not None
    assert outline(old) == outline(new)


# --- docs/git.md shows real output ------------------------------------------------------

GIT_DOC = (REPO / "docs" / "git.md").read_text(encoding="utf-8")


def _doc_block(heading: str, language: str) -> str:
    section = GIT_DOC[GIT_DOC.index(heading) :]
    start = section.index(f"```{language}\n") + len(language) + 4
    return section[start : section.index("```\n", start)]


@needs_git
def test_the_text_and_json_examples_in_the_git_docs_are_real_output(repo: Path) -> None:
    plan = repo / "plans" / "plan.yaml"
    text = OLD  # as committed
    for before, after in EDITS[1:3]:  # the target and due date, the new stage
        text = text.replace(before, after, 1)
    plan.write_text(text, encoding="utf-8")
    shown = run_cli("diff", "plans/plan.yaml", "--today", EXAMPLE_TODAY, cwd=repo)
    assert shown.stdout == _doc_block("### Text", "text")
    plan.write_text(OLD.replace("target: 5000", "target: 4000"), encoding="utf-8")
    as_json = run_cli("diff", "plans/plan.yaml", "--today", EXAMPLE_TODAY, "-f", "json", cwd=repo)
    assert json.loads(as_json.stdout) == json.loads(_doc_block("### JSON", "json"))


@needs_git
def test_the_outline_example_in_the_git_docs_is_real_output(repo: Path) -> None:
    movekit = f"{shlex.quote(sys.executable)} -m movekit diff --textconv"
    (repo / ".gitattributes").write_text("plans/*.yaml diff=movekit\n", encoding="utf-8")
    git(repo, "config", "diff.movekit.textconv", movekit)
    shown = git(repo, "diff", "--", "plans/plan.yaml").splitlines()
    for line in _doc_block("### The outline (textconv)", "diff").splitlines():
        assert line in shown


# --- the diff walks the models: every field shows, a new one too ------------------------

EXAMPLE_PLAN = model.Plan.model_validate(
    check_bytes(EXAMPLE.encode(), "plan.yaml", today=TODAY, settings=Settings(select=())).plan
)
EVERY_ADDITION = REPO / "tests" / "data" / "every-addition.yaml"
NO_RULES = Settings(select=())
REAL_ADDITIONS = REPO / "tests" / "data" / "real-additions.yaml"
EVERY_PLAN = model.Plan.model_validate(
    check_bytes(REAL_ADDITIONS.read_bytes(), "plan.yaml", today=TODAY, settings=NO_RULES).plan
)
"""A plan with every kind of item, the additions of movekit 0.2 and for real plans included."""
MODELS = {
    value
    for module in (model, modelwork)
    for value in vars(module).values()
    if isinstance(value, type) and issubclass(value, model.Section) and value is not model.Section
}
"""Every kind of item of the plan format (modelwork.py holds those of the real-plan additions)."""
UNCHANGEABLE = {("Plan", "movekit"), ("Measure", "done")}
"""Fields no plan can change alone: the format version has one value; only a milestone has a
`done` date, and the example's first measure is a count (tests/test_measure_kinds.py shows
a changed `done` in `diff`)."""


def _is_items(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], BaseModel)


def _fullest(items: list[BaseModel]) -> int:
    """The place of the first item with the most lists of items in it (a stakeholder with
    arguments rather than the first one, which has none)."""
    filled = [
        sum(_is_items(getattr(item, name)) for name in type(item).model_fields) for item in items
    ]
    return filled.index(max(filled))


def _first_items(item: BaseModel, path: tuple[str | int, ...] = ()) -> Iterator[Any]:
    """The plan, then one item of every list of items in it (the first of the fullest), with
    the path to each."""
    yield path, item
    for name, field in type(item).model_fields.items():
        value, key = getattr(item, name), field.alias or name
        if isinstance(value, BaseModel):
            yield from _first_items(value, (*path, key))
        elif _is_items(value):
            place = _fullest(value)
            yield from _first_items(value[place], (*path, key, place))


def _literals(annotation: Any) -> list[Any]:
    if getattr(annotation, "__origin__", None) is Literal:
        return list(get_args(annotation))
    return [value for argument in get_args(annotation) for value in _literals(argument)]


def _changed(path: tuple[str | int, ...], name: str, key: str, annotation: Any) -> Any:
    """The plan with one field of one item changed, or None if nothing validates."""
    data = EVERY_PLAN.model_dump(mode="json", by_alias=True, exclude_none=True)
    for value in [*_literals(annotation), "changed-text", 12345, "2031-01-01"]:
        changed = copy.deepcopy(data)
        target = changed
        for step in path:
            target = target[step]
        target[key] = value
        try:
            plan = model.Plan.model_validate(changed)
        except ValidationError:
            continue
        item: Any = plan
        for step in path:
            item = item[step] if isinstance(step, int) else getattr(item, _attribute(item, step))
        if getattr(item, name) != getattr(_at(EVERY_PLAN, path), name):
            return plan
    return None


def _attribute(item: BaseModel, key: str) -> str:
    return next(n for n, f in type(item).model_fields.items() if (f.alias or n) == key)


def _at(plan: BaseModel, path: tuple[str | int, ...]) -> Any:
    item: Any = plan
    for step in path:
        item = item[step] if isinstance(step, int) else getattr(item, _attribute(item, step))
    return item


def _text(diff: PlanDiff) -> str:
    out = io.StringIO()
    write_text(diff, out)
    return out.getvalue()


def test_every_field_of_every_model_shows_when_it_changes() -> None:
    seen, unchangeable = set(), set()
    for path, item in _first_items(EVERY_PLAN):
        seen.add(type(item))
        for name, field in type(item).model_fields.items():
            value, key = getattr(item, name), field.alias or name
            if isinstance(value, BaseModel) or _is_items(value):
                continue  # a section of its own: its fields are walked in turn
            changed = _changed(path, name, key, field.annotation)
            if changed is None:
                unchangeable.add((type(item).__name__, name))
                continue
            diff = diff_plans(Version("old", EVERY_PLAN, []), Version("new", changed, []))
            named = [f for c in diff.changes for f in c.fields if f.name == key]
            rekeyed = {c.kind for c in diff.changes} >= {"added", "removed"}  # its identity
            assert named or rekeyed, (type(item).__name__, key)
            assert not named or f"{key} " in _text(diff) or f"{key}: " in _text(diff), key
            assert outline(changed) != outline(EVERY_PLAN), (type(item).__name__, key)
    assert seen == MODELS  # the example has every kind of item, so every field was tried
    assert unchangeable == UNCHANGEABLE


class CostedChannel(model.Channel):
    cost: int | None = Field(None, description="What the channel costs a month.")


class Supporter(model.Section):
    id: model.Id
    name: str


class LaterPlan(model.Plan):
    """The plan format with a field and a section added, as a later version may add them."""

    channels: list[CostedChannel] | None = None  # type: ignore[assignment]
    supporters: list[Supporter] = Field([])


def test_a_field_or_section_added_to_the_format_shows_with_no_change_to_diff() -> None:
    data = EXAMPLE_PLAN.model_dump(mode="json", by_alias=True, exclude_none=True)
    before = LaterPlan.model_validate({**data, "supporters": [{"id": "ann", "name": "Ann"}]})
    data["channels"][0]["cost"] = 120
    after = LaterPlan.model_validate({**data, "supporters": [{"id": "bo", "name": "Bo"}]})
    diff = diff_plans(Version("old", before, []), Version("new", after, []))
    assert [(c.section, c.kind, c.label, describe(c)) for c in diff.changes] == [
        ("channels", "changed", "channel 'facebook'", "cost (none) -> 120"),
        ("supporters", "added", "supporter 'bo'", "Bo"),
        ("supporters", "removed", "supporter 'ann'", "Ann"),
    ]
    assert "\nSupporters\n  + supporter 'bo': Bo\n" in _text(diff)
    facebook = "channel facebook: online\n  name: Clean Air Stockport on Facebook\n"
    assert f"{facebook}  owner: Digital team\n  cost: 120\n" in outline(after)
    assert outline(after).endswith("\nsupporter bo\n  name: Bo\n")


BROKEN = {
    # a misspelt key (MK003): the outline shows it where the right key was
    "unknown key": (
        ("    target: 5000\n", "    tagret: 5000\n"),
        ["-    target: 5000", "+    tagret: 5000"],
    ),
    # a value of the wrong type (MK002): shown as written
    "wrong type": (
        ("    target: 5000\n", "    target: lots\n"),
        ["-    target: 5000", "+    target: lots"],
    ),
    # the version line deleted (MK007): still a plan
    "no version": (("movekit: 1\n", ""), []),
}


@needs_git
@pytest.mark.parametrize("name", sorted(BROKEN))
def test_textconv_of_a_broken_plan_shows_the_change_not_a_rewrite(repo: Path, name: str) -> None:
    (change, expected) = BROKEN[name]
    movekit = f"{shlex.quote(sys.executable)} -m movekit diff --textconv"
    (repo / ".gitattributes").write_text("*.yaml diff=movekit\n", encoding="utf-8")
    git(repo, "config", "diff.movekit.textconv", movekit)
    plan = repo / "plans" / "plan.yaml"
    assert change[0] in OLD
    plan.write_text(OLD.replace(*change), encoding="utf-8")
    shown = git(repo, "diff", "--", "plans/plan.yaml")
    changed = [line for line in shown.splitlines()[4:] if line[:1] in "+-"]
    notes = [line for line in changed if line.startswith("+!")]
    assert notes[0] == "+! movekit cannot read all of this version; it shows what it can:"
    assert [line for line in changed if line not in notes] == expected
    # and back: the broken version committed, the valid one in the working copy
    git(repo, "commit", "-qam", "broken")
    plan.write_text(OLD, encoding="utf-8")
    back = git(repo, "diff", "--", "plans/plan.yaml")
    assert len([line for line in back.splitlines()[4:] if line[:1] in "+-"]) == len(changed)


@needs_git
def test_textconv_of_a_yaml_syntax_error_outlines_what_comes_before_it(repo: Path) -> None:
    movekit = f"{shlex.quote(sys.executable)} -m movekit diff --textconv"
    (repo / ".gitattributes").write_text("*.yaml diff=movekit\n", encoding="utf-8")
    git(repo, "config", "diff.movekit.textconv", movekit)
    lines = OLD.splitlines(keepends=True)
    bad = lines.index("  - id: parents-journey\n") + 1  # the journeys: 1-based
    lines[bad - 1] = "  - id: parents-journey: oops\n"
    (repo / "plans" / "plan.yaml").write_text("".join(lines), encoding="utf-8")
    shown = git(repo, "diff", "--", "plans/plan.yaml")
    removed = [line for line in shown.splitlines() if line.startswith("-") and line[:3] != "---"]
    added = [line for line in shown.splitlines() if line.startswith("+") and line[:3] != "+++"]
    assert removed[0] == "-journey parents-journey: for audience parents"  # nothing before it
    assert f"+! from line {bad} on, as written:" in added
    assert "+  - id: parents-journey: oops" in added


def test_textconv_of_a_broken_file_that_is_no_plan_passes_it_through(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    for text in ("key: [1, 2\n", "- a\n- b: [\n", "key: 1\nkey: 2\n"):
        other.write_text(text, encoding="utf-8")
        assert run_cli("diff", "--textconv", str(other)).stdout == text


@needs_git
def test_the_broken_plan_example_in_the_git_docs_is_real_output(repo: Path) -> None:
    movekit = f"{shlex.quote(sys.executable)} -m movekit diff --textconv"
    (repo / ".gitattributes").write_text("plans/*.yaml diff=movekit\n", encoding="utf-8")
    git(repo, "config", "diff.movekit.textconv", movekit)
    plan = repo / "plans" / "plan.yaml"
    plan.write_text(OLD.replace("    target: 5000\n", "    tagret: 5000\n"), encoding="utf-8")
    shown = git(repo, "diff", "--", "plans/plan.yaml").splitlines()
    example = _doc_block("still shown as an outline of everything", "diff").splitlines()
    assert len(example) > 5
    for line in example:
        assert line == " ..." or line in shown


def _git_at_a_terminal(repo: Path, *args: str) -> str:
    """Run git with a pseudo-terminal as its output, so that it starts its pager; what the
    terminal showed."""
    main, terminal = pty.openpty()
    environment = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo), "NO_COLOR": "1"}
    with subprocess.Popen(
        ["git", *args], cwd=repo, env=environment, stdin=terminal, stdout=terminal, stderr=terminal
    ) as process:
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal closed: every process using it has ended
                break
            if not chunk:
                break
            shown += chunk
        process.wait(timeout=60)
    os.close(main)
    return shown.decode("utf-8", "replace")


@needs_git
@pytest.mark.parametrize("setting", ["command", "textconv"])
def test_a_pager_that_quits_early_leaves_no_message_from_either_driver(
    repo: Path, setting: str
) -> None:
    """Quitting git's pager after one line (here `head -1`) while movekit still writes."""
    option = "--git-external-diff" if setting == "command" else "--textconv"
    (repo / ".gitattributes").write_text("*.yaml diff=movekit\n", encoding="utf-8")
    git(repo, "config", f"diff.movekit.{setting}", f"{sys.executable} -m movekit diff {option}")
    git(repo, "commit", "-qam", "second")
    many = "".join(f"  - {{id: extra-{n}, name: Extra audience {n}}}\n" for n in range(3000))
    (repo / "plans" / "plan.yaml").write_text(
        OLD.replace("audiences:\n", "audiences:\n" + many), encoding="utf-8"
    )
    # far more than a pipe holds, so movekit is still writing when the pager has gone
    assert len(git(repo, "diff", "--ext-diff")) > 100_000
    for args in (["diff"], ["log", "-p", "--ext-diff"]):
        shown = _git_at_a_terminal(repo, "-c", "core.pager=head -1", *args)
        assert shown.count("\n") <= 1, shown
        for complaint in ("died", "internal error", "Traceback", "Broken pipe", "fatal"):
            assert complaint not in shown


def _mutated(text: str, seed: int) -> bytes:
    """The plan with a few lines dropped, repeated, indented, cut or broken."""
    chance = random.Random(seed)
    lines = text.splitlines(keepends=True)
    for _ in range(chance.randint(1, 4)):
        at = chance.randrange(len(lines))
        line = lines[at]
        lines[at : at + 1] = chance.choice(
            [
                [],
                [line, lines[chance.randrange(len(lines))]],
                ["  " + line],
                [line.replace(":", "", 1)],
                [line[: chance.randrange(len(line) + 1)] + "\n"],
                [line.replace(" ", " [", 1)],
            ]
        )
    return "".join(lines).encode()


def test_textconv_never_fails_on_broken_plans_or_hostile_yaml() -> None:
    inputs = [_mutated(EXAMPLE, seed) for seed in range(300)]
    inputs += [path.read_bytes() for path in sorted(SUITE.rglob("*.yaml"))]
    outlined = 0
    for raw in inputs:
        shown = textconv(check_bytes(raw, "plan.yaml", today=TODAY, settings=Settings(select=())))
        outlined += shown.startswith(NOTE)
    assert outlined > 200  # most broken plans are still outlined


# --- the additions of movekit 0.2 in campaign words ------------------------------------------

ADDITIONS_OLD = EVERY_ADDITION.read_text(encoding="utf-8").replace("    status: open\n", "", 1)
"""Every addition, with one risk's status left out (which means open)."""
ADDITION_EDITS = [
    ("    position: undecided\n", "    position: supports\n"),
    (
        "    owner: Policy lead\n\njourneys:",
        "    owner: Policy lead\n  - id: head-teachers\n"
        "    name: Ada Lee, chair of the heads' forum\n    role: secondary\n\njourneys:",
    ),
    ("    owner: Policy lead\n    stages:", "    owner: Councillor organiser\n    stages:"),
    (
        "        phase: push\n        content: [captain",
        "        phase: launch\n        content: [captain",
    ),
    (
        "            measure: councillor-pledges\n  - id: councillors",
        "            measure: councillor-pledges\n            owner: Street captains\n"
        "  - id: councillors",
    ),
    (
        "            target: cabinet-member\n            date: 2027-02-20\n",
        "            target: council-leader\n            date: 2027-02-27\n",
    ),
    ("    status: untested\n", "    status: under-strain\n"),
    ("  - id: leader-listens\n", "  - id: leader-listens-to-wards\n"),
    ("    review-by: 2027-02-01\n", "    status: mitigated\n    review-by: 2027-02-01\n"),
    (
        "\nreviews:",
        "  - id: data-leak\n    risk: The pledge list leaks to the press\n"
        "    likelihood: medium\n    impact: high\n\nreviews:",
    ),
]
"""Each addition changed, added or removed (each edit's text is unique in the plan)."""


@pytest.fixture
def additions(tmp_path: Path) -> Path:
    """old.yaml (every addition) and new.yaml (with ADDITION_EDITS) in a folder; the folder."""
    new = ADDITIONS_OLD
    for before, after in ADDITION_EDITS:
        assert new.count(before) == 1, before
        new = new.replace(before, after)
    (tmp_path / "old.yaml").write_text(ADDITIONS_OLD, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(new, encoding="utf-8")
    return tmp_path


ADDITION_CHANGES = [
    ("Targets (who decides)", "~", "target 'council-leader': position undecided -> supports"),
    (
        "Targets (who decides)",
        "+",
        "target 'head-teachers': Ada Lee, chair of the heads' forum (secondary)",
    ),
    (
        "Journeys",
        "~",
        'journey \'councillors-journey\': owner "Policy lead" -> "Councillor organiser"',
    ),
    ("Stages", "~", "stage 3 'lead' in journey 'parents-journey': phase push -> launch"),
    (
        "Calls to action",
        "~",
        "call to action 'captain' in journey 'parents-journey': "
        'owner (none) -> "Street captains"',
    ),
    (
        "Calls to action",
        "~",
        "call to action 'gate-visit' in journey 'councillors-journey': "
        "date 2027-02-20 -> 2027-02-27; target cabinet-member -> council-leader",
    ),
    ("Assumptions", "~", "assumption 'parents-act-on-data': status untested -> under-strain"),
    (
        "Assumptions",
        "+",
        "assumption 'leader-listens-to-wards': "
        "The leader moves when her own wards' parents ask her to",
    ),
    (
        "Assumptions",
        "-",
        "assumption 'leader-listens': The leader moves when her own wards' parents ask her to",
    ),
    ("Risks", "~", "risk 'walker-safety': status open -> mitigated"),  # no status means open
    (
        "Risks",
        "+",
        "risk 'data-leak': The pledge list leaks to the press (likelihood medium, impact high)",
    ),
]
"""(heading, mark, line) of the text report, in its order."""


def _sections(text: str) -> list[tuple[str, str, str]]:
    """(heading, mark, line) of each change line of a text report."""
    found, heading = [], ""
    for line in text.splitlines():
        if line and not line.startswith(" "):
            heading = line
        elif line[:4] in ("  + ", "  - ", "  ~ ") and heading != "Findings":
            found.append((heading, line[2], line[4:]))
    return found


def test_the_additions_read_in_campaign_words(additions: Path) -> None:
    args = ("diff", "old.yaml", "new.yaml", "--today", EXAMPLE_TODAY)
    result = run_cli(*args, cwd=additions)
    assert (result.returncode, result.stderr) == (0, "")
    assert _sections(result.stdout) == ADDITION_CHANGES
    assert "Summary: 3 added, 1 removed, 7 changed;" in result.stdout


def test_the_additions_in_json(additions: Path) -> None:
    args = ("diff", "old.yaml", "new.yaml", "--today", EXAMPLE_TODAY, "-f", "json")
    document = json.loads(run_cli(*args, cwd=additions).stdout)
    changes = {(c["section"], c["key"]): c for c in document["changes"]}
    assert changes["targets", "council-leader"]["fields"] == [
        {"field": "position", "old": "undecided", "new": "supports"}
    ]
    assert changes["risks", "walker-safety"]["fields"] == [
        {"field": "status", "old": "open", "new": "mitigated"}
    ]
    assert changes["ctas", "councillors-journey/gate-visit"]["fields"] == [
        {"field": "date", "old": "2027-02-20", "new": "2027-02-27"},
        {"field": "target", "old": "cabinet-member", "new": "council-leader"},
    ]
    assert changes["stages", "parents-journey/lead"]["fields"] == [
        {"field": "phase", "old": "push", "new": "launch"}
    ]
    added = changes["risks", "data-leak"]
    assert (added["change"], added["label"]) == ("added", "risk 'data-leak'")
    assert added["item"] == {
        "id": "data-leak",
        "risk": "The pledge list leaks to the press",
        "about": [],
        "likelihood": "medium",
        "impact": "high",
    }
    removed = changes["assumptions", "leader-listens"]
    assert removed["change"] == "removed" and removed["item"]["status"] == "holding"
    counts = document["summary"]
    assert (counts["added"], counts["removed"], counts["changed"]) == (3, 1, 7)


def test_the_additions_in_markdown(additions: Path) -> None:
    args = ("diff", "old.yaml", "new.yaml", "--today", EXAMPLE_TODAY, "-f", "md")
    shown = run_cli(*args, cwd=additions).stdout
    assert "\n### Targets (who decides)\n\n- **Changed** target `council-leader`: " in shown
    assert "- **Changed** risk `walker-safety`: status open → mitigated\n" in shown
    assert (
        "- **Added** target `head-teachers`: Ada Lee, chair of the heads' forum (secondary)\n"
        in shown
    )
    assert "\n### Assumptions\n" in shown and "\n### Risks\n" in shown


def test_the_outline_shows_the_additions() -> None:
    shown = outline(EVERY_PLAN)
    assert (
        "\ntarget council-leader: Cllr Jane Ward, Leader of Stockport Council (primary)\n" in shown
    )
    assert "\n  position: undecided\n" in shown
    assert (
        "\nassumption leader-listens: The leader moves when her own wards' parents ask her to\n"
        in shown
    )
    assert (
        "\nrisk walker-safety: Children walking in traffic before the street is closed\n" in shown
    )
    assert "\n  review-by: 2027-02-01\n" in shown


def test_the_additions_example_in_the_git_docs_is_real_output(additions: Path) -> None:
    shown = _doc_block("Who decides, who does what", "text")
    real = run_cli("diff", "old.yaml", "new.yaml", "--today", EXAMPLE_TODAY, cwd=additions)
    assert _sections(shown) == _sections(real.stdout) == ADDITION_CHANGES


# --- the additions for real plans in campaign words ------------------------------------------

REAL_OLD = REAL_ADDITIONS.read_text(encoding="utf-8")
REAL_EDITS = [
    ("  budget: 24000\n  currency: GBP\n", "  budget: 26000\n  currency: EUR\n"),
    ("    stance: opponent\n", "    stance: neutral\n"),
    (
        "        says: The traffic just moves to the next street\n",
        "        says: The traffic only moves to the next street\n"
        "      - id: no-parking\n        says: Customers will have nowhere to park\n",
    ),
    (
        "      - id: trade-loss\n        says: Closing streets at school times will drive",
        "      - id: trade-losses\n        says: Closing streets at school times will drive",
    ),
    ("    answers: trade-loss\n", "    answers: [trade-losses, no-parking]\n"),
    (
        "    text: Families who walk to school shop locally on the way home\n",
        "    text: Families who walk to school spend more in local shops\n",
    ),
    ("  - id: bus-company\n", "  - id: stagecoach\n"),
    (
        "    budget: 6000\n    stakeholders: [parent-councils]\n",
        "    budget: 6500\n    stakeholders: [parent-councils, stagecoach]\n",
    ),
    (
        "    date: 2027-02\n    owner: Research volunteer\n",
        "    date: 2027-03\n    owner: Research volunteer\n",
    ),
    ("    date: [2027-03-10, 2027-05-12]\n", "    date: [2027-03-10]\n"),
    (
        "    serves: [traders]\n    budget: 400\n",
        "    serves: [traders]\n    budget: 400\n  - id: op-ed\n    what: An op-ed by three head"
        " teachers in the Stockport Express\n    date: 2027-04\n",
    ),
    ("    amount: 2350\n", "    amount: 2450\n"),
    (
        "    for: street-captains\n",
        "    for: street-captains\n  - date: 2027-03-01\n    amount: 80\n    for: op-ed\n",
    ),
]
"""Each new collection changed, added or removed (each edit's text is unique in the plan)."""
REAL_CHANGES = [
    ("Campaign", "~", "the campaign: budget 24000 -> 26000; currency GBP -> EUR"),
    ("Stakeholders", "~", "stakeholder 'traders': stance opponent -> neutral"),
    ("Stakeholders", "+", "stakeholder 'stagecoach': Stagecoach Manchester (neutral)"),
    ("Stakeholders", "-", "stakeholder 'bus-company': Stagecoach Manchester (neutral)"),
    (
        "Stakeholders",
        "+",
        "argument 'trade-losses' of stakeholder 'traders': "
        "Closing streets at school times will drive customers away",
    ),
    (
        "Stakeholders",
        "~",
        "argument 'displaced-traffic' of stakeholder 'traders': "
        'says "The traffic just moves to the next street" -> '
        '"The traffic only moves to the next street"',
    ),
    (
        "Stakeholders",
        "+",
        "argument 'no-parking' of stakeholder 'traders': Customers will have nowhere to park",
    ),
    (
        "Stakeholders",
        "-",
        "argument 'trade-loss' of stakeholder 'traders': "
        "Closing streets at school times will drive customers away",
    ),
    (
        "Messages",
        "~",
        "message 'walkers-shop': "
        'text "Families who walk to school shop locally on the way home" -> '
        '"Families who walk to school spend more in local shops"; '
        "answers: + trade-losses, + no-parking, - trade-loss",
    ),
    (
        "Community",
        "~",
        "community mechanism 'street-captains': budget 6000 -> 6500; stakeholders: + stagecoach",
    ),
    ("Activities", "~", "activity 'air-report': date 2027-02 -> 2027-03"),
    ("Activities", "~", "activity 'leader-meeting': date 2027-03-10, 2027-05-12 -> 2027-03-10"),
    (
        "Activities",
        "+",
        "activity 'op-ed': An op-ed by three head teachers in the Stockport Express (2027-04)",
    ),
    ("Spending", "~", "spending 2027-02-10 for air-report: amount 2350 -> 2450"),
    ("Spending", "+", "spending 2027-03-01 for op-ed: 80"),
]
"""(heading, mark, line) of the text report, in its order."""


@pytest.fixture
def real_additions(tmp_path: Path) -> Path:
    """old.yaml (real-additions.yaml) and new.yaml (with REAL_EDITS) in a folder; the folder."""
    new = REAL_OLD
    for before, after in REAL_EDITS:
        assert new.count(before) == 1, before
        new = new.replace(before, after)
    (tmp_path / "old.yaml").write_text(REAL_OLD, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(new, encoding="utf-8")
    return tmp_path


def test_the_real_plan_additions_read_in_campaign_words(real_additions: Path) -> None:
    args = ("diff", "old.yaml", "new.yaml", "--today", EXAMPLE_TODAY)
    result = run_cli(*args, cwd=real_additions)
    assert (result.returncode, result.stderr) == (0, "")
    assert _sections(result.stdout) == REAL_CHANGES
    assert "Summary: 5 added, 2 removed, 8 changed;" in result.stdout


def test_the_real_plan_additions_in_json(real_additions: Path) -> None:
    args = ("diff", "old.yaml", "new.yaml", "--today", EXAMPLE_TODAY, "-f", "json")
    document = json.loads(run_cli(*args, cwd=real_additions).stdout)
    changes = {(c["section"], c["key"]): c for c in document["changes"]}
    assert changes["activities", "air-report"]["fields"] == [
        {"field": "date", "old": "2027-02", "new": "2027-03"}
    ]
    added = changes["arguments", "no-parking"]
    assert (added["change"], added["item"]) == (
        "added",
        {"id": "no-parking", "says": "Customers will have nowhere to park"},
    )
    spent = changes["spend", "op-ed@2027-03-01"]
    assert (spent["change"], spent["label"], spent["summary"]) == (
        "added",
        "spending 2027-03-01 for op-ed",
        "80",
    )
    assert changes["spend", "air-report@2027-02-10"]["fields"] == [
        {"field": "amount", "old": 2350, "new": 2450}
    ]


def test_the_real_plan_additions_in_markdown(real_additions: Path) -> None:
    args = ("diff", "old.yaml", "new.yaml", "--today", EXAMPLE_TODAY, "-f", "md")
    shown = run_cli(*args, cwd=real_additions).stdout
    assert "- **Changed** stakeholder `traders`: stance opponent → neutral\n" in shown
    assert (
        "- **Added** argument `no-parking` of stakeholder `traders`: "
        "Customers will have nowhere to park\n" in shown
    )
    assert "- **Changed** activity `air-report`: date 2027-02 → 2027-03\n" in shown
    assert "\n### Spending\n" in shown and shown.count("\n### Stakeholders\n") == 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    date: 2027-02\n    owner: Research", "    date: 2027-02-28\n    owner: Research"),
        ("  - date: 2027-02\n    amount: 1200\n", "  - date: 2027-02-28\n    amount: 1200\n"),
    ],
)
def test_a_month_of_activity_or_spending_is_not_its_last_day(old: str, new: str) -> None:
    # "in February" is some time in it; a deadline's month is its last day (test_month_dates.py)
    diff = diff_plans(_version(REAL_OLD), _version(REAL_OLD.replace(old, new, 1)))
    assert [c.kind for c in diff.changes] in (["changed"], ["added", "removed"])
    assert "2027-02 " in _text(diff) or "2027-02:" in _text(diff)


def test_the_outline_shows_the_real_plan_additions() -> None:
    shown = outline(EVERY_PLAN)
    for line in (
        "\nstakeholder traders: Stockport Traders' Association (opponent)\n",
        "\n  argument trade-loss: Closing streets at school times will drive customers away\n",
        "\nmessage walkers-shop: Families who walk to school shop locally on the way home\n",
        "\n  answers: trade-loss\n",
        "\nactivity air-report: Publish the school gates air-quality report with the local paper\n",
        "\n  date: 2027-02\n",
        "\n  date: 2027-03-10; 2027-05-12\n",
        "\n  budget: 24000\n  currency: GBP\n",
        "\n  stakeholders: parent-councils\n",
        "\nspending 2027-02-10: 2350\n  for: air-report\n  note: Sensors and printing\n",
        "\nspending 2027-02: 1200\n  for: street-captains\n",
    ):
        assert line in shown, line


def test_an_argument_moved_to_another_stakeholder_is_a_change_not_a_new_argument() -> None:
    argument = (
        "      - id: displaced-traffic\n        says: The traffic just moves to the next street\n"
    )
    moved = REAL_OLD.replace(argument, "", 1).replace(
        "    interests: Bus times on the school routes\n",
        "    interests: Bus times on the school routes\n    arguments:\n" + argument,
        1,
    )
    diff = diff_plans(_version(REAL_OLD), _version(moved))
    assert [(c.kind, c.label, describe(c)) for c in diff.changes] == [
        (
            "changed",
            "argument 'displaced-traffic' of stakeholder 'bus-company'",
            "stakeholder traders -> bus-company",
        )
    ]
