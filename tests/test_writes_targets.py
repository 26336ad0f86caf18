"""Where `-o` may write: into devices and pipes, over ordinary files, never over a plan."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from movekit.schema import schema_text
from tests.conftest import SMALL_PLAN, run_cli

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX devices and pipes")
ROOT = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")

WRITERS = {
    "schema": ("schema", "-o", "{out}"),
    "check": ("check", "{plan}", "--format", "json", "-o", "{out}"),
    "render": ("render", "{plan}", "-f", "md", "-o", "{out}"),
}
EXIT = {"schema": 0, "check": 1, "render": 0}
"""Each command's exit code when it wrote: SMALL_PLAN has errors, so check exits 1."""
MESSY = SMALL_PLAN.replace("movekit: 1", "movekit:    1")


def _run(command: str, plan: Path, out: Path | str) -> subprocess.CompletedProcess[str]:
    args = [arg.format(plan=plan, out=out) for arg in WRITERS[command]]
    return run_cli(*args, "--today", "2027-03-15") if command == "render" else run_cli(*args)


@ROOT
@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_character_device_is_written_into_not_replaced(
    write_plan: Callable[..., Path], tmp_path: Path, command: str
) -> None:
    plan = write_plan(SMALL_PLAN)
    null = tmp_path / "null"  # a copy of /dev/null's device node, made inside tmp_path
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    result = _run(command, plan, null)
    assert result.returncode == EXIT[command], result.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["null", "plan.yaml"]


@POSIX
@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_named_pipe_is_written_into(
    write_plan: Callable[..., Path], tmp_path: Path, command: str
) -> None:
    plan = write_plan(SMALL_PLAN)
    fifo = tmp_path / "out.md"  # render takes the format from the name
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = _run(command, plan, fifo)
    reader.join(timeout=30)
    assert result.returncode == EXIT[command], result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    text = received[0].decode("utf-8")
    expected = {"schema": '"$schema"', "check": '"findings"', "render": "# Clean Air"}
    assert expected[command] in text


@POSIX
def test_dev_stdout_writes_to_the_commands_own_output(write_plan: Callable[..., Path]) -> None:
    plan = write_plan(SMALL_PLAN)
    # run_cli gives the child a pipe as standard output: its /dev/stdout is that pipe
    schema = run_cli("schema", "-o", "/dev/stdout")
    assert schema.returncode == 0, schema.stderr
    assert schema.stdout == schema_text()  # only the schema: it can be piped on
    check = run_cli("check", str(plan), "--format", "json", "-o", "/dev/stdout")
    assert check.returncode == 1, check.stderr
    assert json.loads(check.stdout)["summary"]["error"] >= 1
    render = run_cli("render", str(plan), "-f", "md", "-o", "/dev/stdout", "--today", "2027-03-15")
    assert render.returncode == 0, render.stderr
    assert render.stdout.startswith("# Clean Air") and "wrote" not in render.stdout
    null = run_cli("render", str(plan), "-f", "md", "-o", "/dev/null", "--today", "2027-03-15")
    assert (null.returncode, null.stdout) == (0, "wrote /dev/null\n"), null.stderr


@POSIX
def test_dev_stdout_into_a_file_adds_to_it(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_text("before\n")
    command = [sys.executable, "-m", "movekit", "schema", "-o", "/dev/stdout"]
    with log.open("a") as stream:
        done = subprocess.run(command, stdout=stream, stderr=subprocess.PIPE, check=False)
    assert done.returncode == 0, done.stderr
    assert log.read_text() == "before\n" + schema_text()


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_folder_is_refused(write_plan: Callable[..., Path], tmp_path: Path, command: str) -> None:
    plan = write_plan(SMALL_PLAN)
    folder = tmp_path / "out.md"
    folder.mkdir()
    result = _run(command, plan, folder)
    assert result.returncode == 2
    assert "is a folder" in result.stderr and "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []


@POSIX
@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_socket_is_refused_and_kept(
    write_plan: Callable[..., Path], tmp_path: Path, command: str
) -> None:
    plan = write_plan(SMALL_PLAN)
    target = tmp_path / "s.md"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(target))
        result = _run(command, plan, target)
    finally:
        server.close()
    assert result.returncode == 2
    assert "not a regular file" in result.stderr
    assert stat.S_ISSOCK(target.lstat().st_mode)


PLAN_HEADS = [
    "movekit: 1\n",
    "\ufeff# our plan\n\n---\nmovekit: 1\n",
    "%YAML 1.2\n---\n# notes\nmovekit:    1\n",
]


@pytest.mark.parametrize("head", PLAN_HEADS, ids=["plain", "bom-comment-dashes", "directive"])
@pytest.mark.parametrize("command", sorted(WRITERS))
def test_another_plan_is_never_replaced_by_a_report(
    write_plan: Callable[..., Path], tmp_path: Path, command: str, head: str
) -> None:
    plan = write_plan(SMALL_PLAN)
    other = tmp_path / "other.md"  # render takes the format from the name; the content counts
    other.write_text(head + "campaign: {name: Other}\n", encoding="utf-8")
    before = other.read_bytes()
    result = _run(command, plan, other)
    assert result.returncode == 2, result.stderr
    assert "is a movekit plan" in result.stderr
    assert "choose another file name for the output" in result.stderr
    assert other.read_bytes() == before


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_plan_saved_as_utf16_is_a_plan_too(
    write_plan: Callable[..., Path], tmp_path: Path, encoding: str
) -> None:
    plan = write_plan(SMALL_PLAN)
    other = tmp_path / "other.md"
    other.write_bytes(("\ufeff" + SMALL_PLAN).encode(encoding))  # as Windows editors save it
    before = other.read_bytes()
    result = _run("check", plan, other)
    assert result.returncode == 2 and "is a movekit plan" in result.stderr, result.stderr
    assert other.read_bytes() == before


def test_schema_refuses_to_replace_the_plan_it_describes(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(SMALL_PLAN, encoding="utf-8")
    result = run_cli("schema", "-o", "plan.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "is a movekit plan" in result.stderr
    assert plan.read_text(encoding="utf-8") == SMALL_PLAN


def test_an_ordinary_file_is_still_replaced(tmp_path: Path) -> None:
    target = tmp_path / "plan.schema.json"
    target.write_text("{}\n")
    target.chmod(0o640)
    result = run_cli("schema", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == schema_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_check_makes_the_report_folder_it_needs(write_plan: Callable[..., Path]) -> None:
    plan = write_plan(SMALL_PLAN)
    report = plan.parent / "reports" / "ci" / "check.json"
    result = run_cli("check", str(plan), "--format", "json", "-o", str(report))
    assert result.returncode == 1, result.stderr
    assert '"findings"' in report.read_text(encoding="utf-8")


def test_a_failed_pdf_leaves_no_empty_build_folder(
    write_plan: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from movekit.render import pdf
    from movekit.render.pipeline import RenderRequest, render

    plan = write_plan(SMALL_PLAN)

    def fail(*args: object) -> object:
        raise RuntimeError("the PDF maker failed")

    monkeypatch.setattr(pdf, "pdf_bytes", fail)
    with pytest.raises(RuntimeError):
        render(RenderRequest(plan, dt.date(2027, 3, 15), output_format="pdf"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.yaml"]


def test_a_failed_render_leaves_no_empty_build_folder(write_plan: Callable[..., Path]) -> None:
    plan = write_plan(SMALL_PLAN)
    templates = plan.parent / "look"
    templates.mkdir()
    (templates / "document.html.j2").write_text("{% include 'missing.j2' %}\n")
    result = run_cli("render", str(plan), "--template", str(templates), "--today", "2027-03-15")
    assert result.returncode == 2
    assert not (plan.parent / "build").exists()
    rendered = run_cli("render", str(plan), "--today", "2027-03-15")
    assert rendered.returncode == 0 and (plan.parent / "build" / "plan.html").is_file()


def test_a_name_of_255_bytes_is_formatted_in_place(tmp_path: Path) -> None:
    plan = tmp_path / ("p" * 250 + ".yaml")
    plan.write_text(MESSY, encoding="utf-8")
    result = run_cli("fmt", str(plan))
    assert result.returncode == 0, result.stderr
    assert "File name too long" not in result.stderr
    assert "reformatted" in result.stderr
    assert [path.name for path in tmp_path.iterdir()] == [plan.name]


def test_fmt_clears_a_temporary_file_left_by_a_killed_run(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MESSY, encoding="utf-8")
    left = tmp_path / ".mk-0badcafe.tmp"
    left.write_text("half a plan")
    old = time.time() - 3600
    os.utime(left, (old, old))
    assert "reformatted" in run_cli("fmt", str(plan)).stderr
    assert [path.name for path in tmp_path.iterdir()] == ["plan.yaml"]


@POSIX
def test_fmt_on_a_folder_skips_a_linked_and_a_read_only_plan_and_says_so(tmp_path: Path) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "real.yaml"
    repo.mkdir()
    outside.write_text(MESSY, encoding="utf-8")
    (repo / "linked.yaml").symlink_to(outside)
    locked = repo / "locked.yaml"
    locked.write_text(MESSY, encoding="utf-8")
    locked.chmod(0o444)
    (repo / "plan.yaml").write_text(MESSY, encoding="utf-8")
    result = run_cli("fmt", ".", cwd=repo)
    assert result.returncode == 2
    assert "linked.yaml: is a symbolic link" in result.stderr
    assert "locked.yaml: the file is read-only" in result.stderr
    assert "reformatted plan.yaml" in result.stderr
    assert outside.read_text(encoding="utf-8") == MESSY
    assert locked.read_text(encoding="utf-8") == MESSY
    assert (repo / "plan.yaml").read_text(encoding="utf-8") != MESSY
