"""The built wheel renders, not only the source tree: its templates ship inside the package."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_TODAY, REPO, run_cli


@pytest.mark.network  # pip fetches the build backend from the package index
def test_the_installed_wheel_renders_like_the_source_tree(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = tmp_path.glob("movekit-*.whl")
    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)  # what pip install puts in site-packages
    assert (installed / "movekit" / "templates" / "document" / "document.html.j2").is_file()
    plan = installed / "movekit" / "examples" / "clean-air-streets.yaml"
    work = tmp_path / "work"
    work.mkdir()
    for extension in ("md", "html"):
        output = work / f"plan.{extension}"
        script = (
            "import sys, movekit, movekit.cli\n"
            f"assert movekit.__file__.startswith({str(installed)!r}), movekit.__file__\n"
            f"sys.argv = ['movekit', 'render', {str(plan)!r}, '--today', {EXAMPLE_TODAY!r},"
            f" '-o', {str(output)!r}]\n"
            "movekit.cli.main()\n"
        )
        environment = {**os.environ, "PYTHONPATH": str(installed), "NO_COLOR": "1"}
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=work,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        source = tmp_path / f"source.{extension}"
        run_cli("render", "examples/clean-air-streets.yaml", "--today", EXAMPLE_TODAY,
                "-o", str(source), cwd=REPO)  # fmt: skip
        assert output.read_bytes() == source.read_bytes()
    _check_docs_from(installed, work)


def _check_docs_from(installed: Path, work: Path) -> None:
    """`movekit docs` reads its pages from the installed package: a wheel has no docs/."""
    script = "import sys, movekit.cli\nsys.argv = ['movekit', 'docs', 'yaml']\nmovekit.cli.main()\n"
    environment = {**os.environ, "PYTHONPATH": str(installed), "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=work, env=environment, capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == (REPO / "docs" / "yaml.md").read_text(encoding="utf-8")
