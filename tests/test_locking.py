"""Commands that write a plan take turns, and never replace a plan changed under them."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest

from movekit.errors import MovekitError
from movekit.fmt import runner
from movekit.fmt.runner import FmtRequest, run_fmt
from movekit.locking import lock_path, plan_lock
from movekit.review import record
from movekit.review.record import record_value
from tests.conftest import SMALL_PLAN, run_cli
from tests.forkrun import start_forked

PLAN = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets}
outcomes:
  - id: policy
    title: Policy adopted
    type: policy
    measures:
      - {id: pledges, metric: Pledges, baseline: 3, target: 32, due: 2027-06-30}
audiences:
  - {id: parents, name: Parents}
results:
  - {measure: pledges, date: 2027-01-01, value: 1}
"""
WRITERS = 16


def _plan(tmp_path: Path, text: str = PLAN) -> Path:
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    return plan


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks the writers")
def test_concurrent_records_all_land(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Forked processes run the real entry point at once, without the seconds each new
    # interpreter needs to start: real OS locks, real contention, and a quick test.
    plan = _plan(tmp_path)
    monkeypatch.setenv("MOVEKIT_LOCK_TIMEOUT", "60")
    logs = tmp_path / "logs"
    logs.mkdir()
    children = [_record_in_a_child(plan, day, logs) for day in range(1, WRITERS + 1)]
    codes = [os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]) for child in children]
    errors = [log.read_text() for log in sorted(logs.iterdir())]
    assert codes == [0] * WRITERS, errors
    text = plan.read_text(encoding="utf-8")
    for day in range(1, WRITERS + 1):
        assert f"date: 2027-02-{day:02d}, value: {day + 10}}}" in text
    assert sorted(path.name for path in tmp_path.iterdir()) == ["logs", "plan.yaml"]


def _record_in_a_child(plan: Path, day: int, logs: Path) -> int:
    """Fork a process that runs `movekit record` through main(); its pid."""
    date = f"2027-02-{day:02d}"
    args = ["record", str(plan), "pledges", str(day + 10), "--date", date, "--today", "2027-12-31"]
    return start_forked(args, logs / f"{day:02d}.txt")


def test_a_writer_waits_then_gives_up_with_a_clear_message(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    with plan_lock(plan):
        result = run_cli(
            "record", str(plan), "pledges", "5", "--date", "2027-02-01", "--today", "2027-12-31",
            env={"MOVEKIT_LOCK_TIMEOUT": "0.2"}, fresh=True,
        )  # fmt: skip
        fmt = run_cli("fmt", str(plan), env={"MOVEKIT_LOCK_TIMEOUT": "0.2"}, fresh=True)
    for done in (result, fmt):
        assert done.returncode == 2, done.stderr
        assert f"another movekit command is writing {plan}; try again" in done.stderr
        assert "Traceback" not in done.stderr
    assert plan.read_text(encoding="utf-8") == PLAN
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.yaml"]


def test_a_lock_file_left_by_a_killed_run_is_taken_and_removed(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    lock_path(plan).write_text("")  # the OS released the lock when the process died
    done = run_cli(
        "record", str(plan), "pledges", "5", "--date", "2027-01-02", "--today", "2027-12-31"
    )
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.yaml"]


def test_fmt_refuses_a_plan_saved_by_someone_else_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(tmp_path, SMALL_PLAN.replace("movekit: 1", "movekit:   1"))
    edited = SMALL_PLAN + "# saved by an editor while fmt was working\n"
    format_text = runner.format_text

    def format_while_an_editor_saves(text: str) -> str:
        plan.write_text(edited, encoding="utf-8")
        return format_text(text)

    monkeypatch.setattr(runner, "format_text", format_while_an_editor_saves)
    err = io.StringIO()
    assert run_fmt(FmtRequest([plan]), io.StringIO(), err) == 2
    assert f"{plan} changed while movekit was working" in err.getvalue()
    assert "run the command again" in err.getvalue()
    assert plan.read_text(encoding="utf-8") == edited


def test_record_refuses_a_plan_saved_by_someone_else_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An editor does not take movekit's lock: the bytes are compared again before the write.
    plan = _plan(tmp_path)
    edited = PLAN + "# saved by an editor\n"
    verify = record._verify

    def verify_while_an_editor_saves(*args: object) -> None:
        verify(*args)  # type: ignore[arg-type]
        plan.write_text(edited, encoding="utf-8")

    monkeypatch.setattr(record, "_verify", verify_while_an_editor_saves)
    with pytest.raises(MovekitError, match="changed while movekit was working"):
        record_value(plan, "pledges", "5", "2027-02-01", today=dt.date(2027, 12, 31))
    assert plan.read_text(encoding="utf-8") == edited


def test_init_force_refuses_a_linked_or_read_only_plan(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.yaml"
    real.write_text(PLAN, encoding="utf-8")
    folder = tmp_path / "campaign"
    folder.mkdir()
    (folder / "plan.yaml").symlink_to(real)
    linked = run_cli("init", str(folder), "--force", "--no-git", "--no-input")
    assert linked.returncode == 2 and "symbolic link" in linked.stderr
    assert real.read_text(encoding="utf-8") == PLAN
    (folder / "plan.yaml").unlink()
    _plan(folder).chmod(0o444)
    read_only = run_cli("init", str(folder), "--force", "--no-git", "--no-input")
    assert read_only.returncode == 2 and "read-only" in read_only.stderr
    assert (folder / "plan.yaml").read_text(encoding="utf-8") == PLAN


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks the writers")
def test_records_and_fmt_at_once_lose_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # fmt works outside the lock and replaces the plan only if it still holds what fmt read,
    # so a record landing meanwhile makes fmt stop (exit 2, plan kept), never vanish
    plan = _plan(tmp_path, PLAN.replace("movekit: 1", "movekit:   1"))  # fmt has work to do
    monkeypatch.setenv("MOVEKIT_LOCK_TIMEOUT", "60")
    logs = tmp_path / "logs"
    logs.mkdir()
    days = range(1, 9)
    children = []
    for day in days:
        children.append(_record_in_a_child(plan, day, logs))
        if day % 2:
            children.append(start_forked(["fmt", str(plan)], logs / f"fmt-{day}.txt"))
    codes = [os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]) for child in children]
    outputs = {log.name: log.read_text() for log in logs.iterdir()}
    assert all(code in (0, 2) for code in codes), outputs
    for name, output in outputs.items():
        if name.startswith("fmt") and "error" in output:
            assert "changed while movekit was working" in output, output
        if not name.startswith("fmt"):
            assert "error" not in output, output
    text = plan.read_text(encoding="utf-8")
    for day in days:
        assert f"date: 2027-02-{day:02d}, value: {day + 10}}}" in text, outputs
    assert sorted(path.name for path in tmp_path.iterdir()) == ["logs", "plan.yaml"]
