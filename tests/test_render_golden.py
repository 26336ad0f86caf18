"""`movekit render` output for the shipped examples matches the golden files, byte for byte.

Update after an intended change with: MOVEKIT_UPDATE_GOLDEN=1 pytest tests/test_render_golden.py
(then read the diff of tests/golden/render-* before committing it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_TODAY, REPO, run_cli
from tests.golden import assert_golden

EXAMPLES = {
    "clean-air-streets": "examples/clean-air-streets.yaml",
    "warm-homes-now": "examples/warm-homes-now.yaml",
    "gaps": "examples/gaps/plan.yaml",
}


def _render(plan: str, output: Path) -> str:
    # each run gets its own hash seed, so a golden file also proves that no output depends
    # on the order of a set or dict of strings
    args = ("render", plan, "--today", EXAMPLE_TODAY, "-o", str(output))
    result = run_cli(*args, cwd=REPO, env={"PYTHONHASHSEED": "random"}, fresh=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {output}\n"
    return output.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("extension", ["md", "html"])
def test_the_document_matches_the_golden_file(name: str, extension: str, tmp_path: Path) -> None:
    text = _render(EXAMPLES[name], tmp_path / f"{name}.{extension}")
    assert str(REPO) not in text and str(tmp_path) not in text  # no absolute paths
    assert_golden(f"render-{name}.{extension}", text)
