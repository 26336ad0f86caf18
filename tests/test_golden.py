"""tests/golden.py: a golden file is rewritten only on purpose, never silently, never in CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import golden
from tests.golden import assert_golden

REWRITTEN = r"golden file out\.txt rewritten: review `git diff tests/golden` and run again"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty golden folder, with neither variable set."""
    monkeypatch.setattr(golden, "GOLDEN", tmp_path)
    monkeypatch.delenv("MOVEKIT_UPDATE_GOLDEN", raising=False)
    monkeypatch.delenv("CI", raising=False)
    return tmp_path


def test_the_same_text_passes(folder: Path) -> None:
    (folder / "out.txt").write_text("same\n")
    assert_golden("out.txt", "same\n")


def test_other_text_fails_and_leaves_the_file_alone(folder: Path) -> None:
    (folder / "out.txt").write_text("old\n")
    with pytest.raises(AssertionError):
        assert_golden("out.txt", "new\n")
    assert (folder / "out.txt").read_text() == "old\n"


def test_a_missing_file_fails_saying_how_to_create_it(folder: Path) -> None:
    with pytest.raises(AssertionError, match="MOVEKIT_UPDATE_GOLDEN=1"):
        assert_golden("out.txt", "new\n")
    assert not (folder / "out.txt").exists()


@pytest.fixture(params=["old\n", None], ids=["changed", "missing"])
def update(folder: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> str:
    """MOVEKIT_UPDATE_GOLDEN=1 with out.txt out of date or missing; what it held before."""
    before: str | None = request.param
    if before is not None:
        (folder / "out.txt").write_text(before)
    monkeypatch.setenv("MOVEKIT_UPDATE_GOLDEN", "1")
    return before or ""


def test_an_update_rewrites_the_file_then_fails_until_run_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch, update: str
) -> None:
    with pytest.raises(pytest.fail.Exception, match=REWRITTEN):
        assert_golden("out.txt", "new\n")
    assert (folder / "out.txt").read_text() == "new\n"
    assert_golden("out.txt", "new\n")  # the second run, after the review, passes
    monkeypatch.delenv("MOVEKIT_UPDATE_GOLDEN")
    assert_golden("out.txt", "new\n")


def test_an_update_is_refused_in_ci(
    folder: Path, monkeypatch: pytest.MonkeyPatch, update: str
) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="MOVEKIT_UPDATE_GOLDEN is refused in CI"):
        assert_golden("out.txt", "new\n")
    assert "".join(path.read_text() for path in folder.iterdir()) == update


def test_an_update_with_nothing_to_change_passes_without_writing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "out.txt"
    path.write_text("same\n")
    os.utime(path, ns=(0, 0))
    monkeypatch.setenv("MOVEKIT_UPDATE_GOLDEN", "1")
    assert_golden("out.txt", "same\n")
    assert path.stat().st_mtime_ns == 0


def test_zero_means_no_update(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "out.txt").write_text("old\n")
    monkeypatch.setenv("MOVEKIT_UPDATE_GOLDEN", "0")
    with pytest.raises(AssertionError):
        assert_golden("out.txt", "new\n")
    assert (folder / "out.txt").read_text() == "old\n"
