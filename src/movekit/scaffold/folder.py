"""A new campaign folder: its plan, settings, hooks and schema, then `git init`."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from movekit.errors import FileAccessError, UsageError
from movekit.scaffold.starter import STARTERS, Answers, example_plan, skeleton_plan
from movekit.writing import write_output, write_plan

PLAN_FILE = "plan.yaml"
SCHEMA_FILE = ".movekit/plan.schema.json"


@dataclass(frozen=True)
class InitRequest:
    """What `movekit init` was asked to do."""

    folder: Path
    starter: str = "skeleton"
    name: str | None = None
    goal: str | None = None
    answers: Answers | None = None
    """The wizard's answers, which already hold the name and goal."""
    git: bool = True
    force: bool = False


@dataclass(frozen=True)
class InitResult:
    """What `movekit init` did."""

    written: list[Path]
    git: str
    """What happened about git, in a sentence."""


def folder_files(request: InitRequest) -> dict[str, str]:
    """Every file `init` writes, by path relative to the folder."""
    from movekit.rules import RULES
    from movekit.schema import schema_text
    from movekit.templating import environment, templates_dir

    if request.starter not in STARTERS:
        choices = ", ".join(STARTERS)
        raise UsageError(f"--starter: no starter '{request.starter}'; choose one of {choices}")
    if request.starter == "skeleton":
        plan = skeleton_plan(request.answers or _named(request.name, request.goal))
    else:
        plan = example_plan(request.starter, request.name, request.goal)
    templates = templates_dir() / "init"
    return {
        PLAN_FILE: plan,
        "movekit.toml": environment().get_template("init/movekit.toml.j2").render(rules=RULES),
        ".gitignore": (templates / "gitignore").read_text(encoding="utf-8"),
        ".pre-commit-config.yaml": (templates / "pre-commit-config.yaml").read_text("utf-8"),
        SCHEMA_FILE: schema_text(),
    }


def _named(name: str | None, goal: str | None) -> Answers:
    answers = Answers()
    return Answers(name=name or answers.name, goal=goal or answers.goal)


def create(request: InitRequest) -> InitResult:
    """Write the folder's files (refusing to overwrite without force), then `git init`."""
    contents = folder_files(request)
    folder = request.folder
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: exists and is not a folder")
    existing = [name for name in contents if (folder / name).exists()]
    if existing and not request.force:
        names = ", ".join(existing)
        raise UsageError(
            f"{folder}: would overwrite {names}; nothing was changed "
            "(use --force to overwrite, or choose another folder)"
        )
    written = []
    try:
        for name, text in contents.items():
            path = folder / name
            if name == PLAN_FILE:  # under the plan's lock, like every command writing a plan
                path.parent.mkdir(parents=True, exist_ok=True)
                write_plan(path, text, original=None)
            else:
                write_output(path, text, make_folders=True)
            written.append(path)
    except OSError as error:
        raise FileAccessError(
            f"{folder}: cannot create files: {error.strerror or error}"
        ) from error
    return InitResult(written, _git_init(folder) if request.git else "git: skipped (--no-git)")


def _git_init(folder: Path) -> str:
    git = shutil.which("git")
    if git is None:
        return "git: not found, so no repository was created (install git, then run git init)"
    inside = subprocess.run(
        [git, "-C", str(folder), "rev-parse", "--is-inside-work-tree"],
        capture_output=True,
        text=True,
        check=False,
    )
    if inside.returncode == 0 and inside.stdout.strip() == "true":
        return "git: already inside a repository, so none was created"
    result = subprocess.run(
        [git, "init", "--quiet", str(folder)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        return f"git: git init failed: {result.stderr.strip()}"
    return "git: created a new repository (nothing committed yet)"
