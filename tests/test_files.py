"""Atomic writes: the old file or the new one, never half of either, and no litter."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from movekit.errors import FileAccessError
from movekit.files import write_atomic


def test_writes_a_new_file_with_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    write_atomic(target, "movekit: 1\n")
    assert target.read_text() == "movekit: 1\n"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_keeps_an_existing_files_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("old\n")
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_failure_after_the_temporary_file_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("precious\n")

    def fail(self: Path, other: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(FileAccessError, match="No space left on device"):
        write_atomic(target, "new\n")
    assert target.read_text() == "precious\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.yaml"]


def test_an_interrupt_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.yaml"

    def interrupt(self: Path, mode: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "chmod", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n")
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="cannot write"):
        write_atomic(tmp_path / "missing" / "plan.yaml", "x")


def test_never_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me\n")
    (tmp_path / "folder").mkdir()
    link = tmp_path / "folder" / "plan.html"
    link.symlink_to(outside)
    with pytest.raises(FileAccessError, match="symbolic link"):
        write_atomic(link, "<html>")
    assert outside.read_text() == "keep me\n"
    assert link.is_symlink()
