"""The package ships what a non-editable install needs: templates, starters and the docs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


def test_every_package_under_src_is_listed_in_pyproject() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO / "src").parts)
        for init in (REPO / "src").rglob("__init__.py")
    }
    assert found <= listed
    assert {"movekit.templates", "movekit.examples", "movekit.docs"} <= listed


@pytest.mark.network  # pip fetches the build backend from the package index
def test_the_wheel_holds_templates_and_examples(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = tmp_path.glob("movekit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "movekit/templates/init/plan.yaml.j2",
        "movekit/templates/init/movekit.toml.j2",
        "movekit/templates/init/gitignore",
        "movekit/templates/init/pre-commit-config.yaml",
        "movekit/examples/clean-air-streets.yaml",
        "movekit/examples/warm-homes-now.yaml",
        "movekit/py.typed",
        "movekit/docs/plan-format.md",  # `movekit docs` reads these
        "movekit/docs/rules.md",
        "movekit/docs/yaml.md",
    ):
        assert expected in names
