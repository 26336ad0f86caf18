"""The one write path: the old file or the new one, never half of either, and no litter."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from movekit.errors import FileAccessError, MovekitError
from movekit.temporaries import STALE_SECONDS
from movekit.writing import write_output, write_plan

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX files")
ROOT = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")


def test_writes_a_new_file_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    write_plan(target, "movekit: 1\n", original=None)
    assert target.read_text() == "movekit: 1\n"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_keeps_an_existing_files_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("old\n")
    target.chmod(0o640)
    write_plan(target, "new\n", original=b"old\n")
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_failure_after_the_temporary_file_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.txt"
    target.write_text("precious\n")

    def fail(self: Path, other: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(FileAccessError, match="No space left on device"):
        write_output(target, "new\n")
    assert target.read_text() == "precious\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.txt"]


def test_an_interrupt_leaves_no_temporary_file_and_no_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.yaml"

    def interrupt(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_plan(target, "new\n", original=None)
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="cannot write"):
        write_output(tmp_path / "missing" / "report.txt", "x")


@POSIX
@pytest.mark.parametrize("writer", ["output", "plan"])
def test_never_writes_through_a_symbolic_link(tmp_path: Path, writer: str) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me\n")
    (tmp_path / "folder").mkdir()
    link = tmp_path / "folder" / "plan.html"
    link.symlink_to(outside)
    with pytest.raises(FileAccessError, match="symbolic link"):
        if writer == "output":
            write_output(link, "<html>")
        else:
            write_plan(link, "movekit: 1\n", original=b"keep me\n")
    assert outside.read_text() == "keep me\n"
    assert link.is_symlink()


@POSIX
@pytest.mark.parametrize("writer", ["output", "plan"])
def test_a_read_only_file_is_refused(tmp_path: Path, writer: str) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("movekit: 1\n")
    target.chmod(0o444)
    with pytest.raises(FileAccessError, match=r"read-only.*chmod u\+w"):
        if writer == "output":
            write_output(tmp_path / "plan.yaml", "report")
        else:
            write_plan(target, "movekit: 1 # new\n", original=b"movekit: 1\n")
    assert target.read_text() == "movekit: 1\n"


def test_a_plan_changed_since_it_was_read_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("movekit: 1  # saved by an editor meanwhile\n")
    with pytest.raises(MovekitError, match=r"changed while movekit was working.*run the command"):
        write_plan(target, "movekit: 1\n", original=b"movekit: 1   \n")
    assert target.read_text() == "movekit: 1  # saved by an editor meanwhile\n"


@pytest.mark.parametrize("writer", ["output", "plan"])
def test_a_name_of_255_bytes_can_be_written(tmp_path: Path, writer: str) -> None:
    # the temporary (and lock) names are short, so they fit wherever the name itself fits
    target = tmp_path / ("p" * 250 + ".yaml")
    target.write_text("old\n")
    if writer == "output":
        write_output(target, "new\n")
    else:
        write_plan(target, "new\n", original=b"old\n")
    assert target.read_text() == "new\n"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


def test_stale_temporaries_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    stale, live = tmp_path / ".mk-0123abcd.tmp", tmp_path / ".mk-89abcdef.tmp"
    someone_elses = tmp_path / ".plan.yaml.x1y2.tmp"
    for path in (stale, live, someone_elses):
        path.write_text("half a plan")
    old = time.time() - STALE_SECONDS - 60
    for path in (stale, someone_elses):
        os.utime(path, (old, old))
    write_plan(tmp_path / "plan.yaml", "movekit: 1\n", original=None)
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == [".mk-89abcdef.tmp", ".plan.yaml.x1y2.tmp", "plan.yaml"]


@ROOT
def test_root_keeps_the_owner_and_group_of_a_users_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("old\n")
    os.chown(target, 4321, 8765)
    target.chmod(0o664)
    write_plan(target, "new\n", original=b"old\n")
    details = target.stat()
    assert (details.st_uid, details.st_gid, details.st_mode & 0o777) == (4321, 8765, 0o664)


@POSIX
def test_hard_links_are_named_in_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target, other = tmp_path / "plan.yaml", tmp_path / "copy.yaml"
    target.write_text("old\n")
    os.link(target, other)
    write_plan(target, "new\n", original=b"old\n")
    assert (target.read_text(), other.read_text()) == ("new\n", "old\n")
    err = capsys.readouterr().err
    assert f"warning: {target} had other hard links" in err
    assert "the other links keep the old content" in err


def test_missing_folders_are_made_only_when_the_write_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "build" / "reports" / "check.txt"

    def fail(self: Path, other: Path) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "replace", fail)
        with pytest.raises(FileAccessError):
            write_output(target, "report", make_folders=True)
    assert list(tmp_path.iterdir()) == []
    write_output(target, "report", make_folders=True)
    assert target.read_text() == "report"
