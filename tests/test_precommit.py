"""The pre-commit hooks, run by the real `pre-commit`: the published ones and the repo's own."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pre_commit.clientlib import load_config, load_manifest

from tests.conftest import REPO

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]

GOOD_PLAN = """\
# A plan with no gaps in its journeys
movekit: 1
campaign:
  name: Clean Air
  goal: Council adopts School Streets
outcomes:
  - id: policy
    title: Policy adopted
    type: policy
    measures:
      - {id: views, metric: Film views}
audiences:
  - id: parents
    name: Parents
journeys:
  - id: parents-journey
    audience: parents
    outcomes: [policy]
    stages:
      - id: notice
        level: awareness
        content: [film]
        ctas:
          - {ask: Watch the film, mode: online, measure: views}
      - id: join
        level: engagement
        content: [map]
        ctas:
          - {ask: Find your school, mode: online, measure: views}
      - id: walk
        level: action
        content: [route maps]
        ctas:
          - {ask: Walk to school on Friday, mode: offline, measure: views}
"""
BAD_PLAN = GOOD_PLAN.replace(
    "        content: [route maps]\n        ctas:\n"
    "          - {ask: Walk to school on Friday, mode: offline, measure: views}\n",
    "        content: [route maps]\n",
)
MESSY_PLAN = GOOD_PLAN.replace("\n  ", "\n    ").replace("movekit: 1\n", "movekit: 1\n\n\n")
"""The good plan indented by four spaces with extra blank lines: `movekit fmt` changes it."""
NOT_A_PLAN = "name: CI\non: [push]\njobs: {}\n"
MOVEKIT_TOML = 'select = ["MK3"]  # journey rules only: the same findings on every date\n'


@dataclass(frozen=True)
class HookRun:
    status: str
    """Passed, Failed or Skipped."""
    body: str


def hook_runs(output: str) -> dict[str, HookRun]:
    """pre-commit's report (run with --verbose), by hook id."""
    runs: dict[str, HookRun] = {}
    for section in re.split(r"\n(?=\S[^\n]*\.{3,}\S*(?:Passed|Failed|Skipped)\n)", output):
        header = re.match(r"[^\n]*\.{3,}\S*(Passed|Failed|Skipped)\n- hook id: (\S+)\n", section)
        if header:
            runs[header.group(2)] = HookRun(header.group(1), section)
    return runs


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def git_repo(folder: Path, files: dict[str, str]) -> Path:
    """A new git repository holding `files`, all committed (pre-commit reads what git tracks)."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    git("init", "-q", "-b", "main", cwd=folder)
    git("add", "-A", cwd=folder)
    identity = ("-c", "user.name=movekit tests", "-c", "user.email=tests@movekit.invalid")
    git(*identity, "commit", "-q", "--no-verify", "-m", "test", cwd=folder)
    return folder


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """The real pre-commit, with this Python's scripts (the movekit under test) on PATH."""
    environment = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(home),
        "NO_COLOR": "1",
    }
    environment.pop("GITHUB_ACTIONS", None)  # text reports, as on a developer's machine
    return subprocess.run(
        [*PRE_COMMIT, *args, "--color", "never"],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def movekit_fmt(text: str, folder: Path) -> str:
    """What `movekit fmt` makes of a plan (run on a copy)."""
    folder.mkdir(exist_ok=True)
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "movekit", "fmt", str(path)], capture_output=True)
    return path.read_text(encoding="utf-8")


# The hook definitions


def manifest() -> list[dict[str, Any]]:
    hooks: list[dict[str, Any]] = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    return hooks


def test_the_hooks_file_is_valid_for_pre_commit() -> None:
    hooks = {hook["id"]: hook for hook in manifest()}
    assert set(hooks) == {"movekit-check", "movekit-fmt"}
    assert hooks["movekit-check"]["entry"] == "movekit check --plans-only"
    assert hooks["movekit-fmt"]["entry"].startswith("movekit fmt")
    for hook in hooks.values():
        assert (hook["language"], hook["types"], hook["pass_filenames"]) == (
            "python",
            ["yaml"],
            True,
        )


def test_the_repos_own_config_runs_the_same_hooks_on_the_examples() -> None:
    config = load_config(str(REPO / ".pre-commit-config.yaml"))
    [repo] = config["repos"]
    assert repo["repo"] == "local"
    published = {hook["id"]: hook for hook in manifest()}
    assert [hook["id"] for hook in repo["hooks"]] == list(published)
    for hook in repo["hooks"]:
        # `system` (pre-commit 4.4 reads it as `unsupported`): this checkout's movekit
        assert hook["language"] in {"system", "unsupported"}
        for key in ("name", "entry", "types"):
            assert hook[key] == published[hook["id"]][key]
        assert hook["files"] == "^examples/"


# The repository's own .pre-commit-config.yaml (language: system, so no package index)


@pytest.fixture
def examples_repo(tmp_path: Path) -> Path:
    """A git repository with this repo's pre-commit config and example plans."""
    files = {".pre-commit-config.yaml": (REPO / ".pre-commit-config.yaml").read_text()}
    for plan in sorted((REPO / "examples").rglob("*.yaml")):
        files[plan.relative_to(REPO).as_posix()] = plan.read_text(encoding="utf-8")
    return git_repo(tmp_path / "repo", files)


def test_the_repos_own_hooks_report_a_new_plan_with_gaps_and_nothing_else(
    examples_repo: Path, tmp_path: Path
) -> None:
    # The shipped examples being clean is tests/test_examples.py's job; here they are the
    # background against which the hooks must report exactly the one new plan.
    (examples_repo / "examples" / "new.yaml").write_text(movekit_fmt(BAD_PLAN, tmp_path / "fmt"))
    (examples_repo / "examples" / "settings.yaml").write_text(NOT_A_PLAN)
    git("add", "-A", cwd=examples_repo)
    result = pre_commit(
        "run", "--all-files", "--verbose", cwd=examples_repo, home=tmp_path / "home"
    )
    assert result.returncode == 1, result.stdout + result.stderr
    runs = hook_runs(result.stdout)
    check = runs["movekit-check"]
    assert check.status == "Failed"
    assert set(re.findall(r"--> ([^:\n]+):", check.body)) == {"examples/new.yaml"}
    assert "settings.yaml" not in check.body  # not a plan: skipped by --plans-only
    checked = len(list((REPO / "examples").glob("*.yaml"))) + 1  # examples/gaps/ is excluded
    assert f"in {checked} files." in check.body
    assert runs["movekit-fmt"].status == "Passed", runs["movekit-fmt"].body


# The published hooks, installed by pre-commit from the package index


def working_tree_copy(folder: Path) -> Path:
    """This checkout's files (committed or not, without ignored ones) as a new repository.

    `pre-commit try-repo` on a checkout sees only committed and tracked changes; a copy
    makes the test try exactly the files on disk, in a developer's tree and in CI's clone.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file() and not name.startswith("tests/"):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    return git_repo(folder, {})


@dataclass(frozen=True)
class TryRepo:
    project: Path
    output: str
    runs: dict[str, HookRun]
    formatted: str
    """What `movekit fmt` makes of MESSY_PLAN."""

    def failed(self, hook: str) -> HookRun:
        """The hook's run, which failed."""
        run = self.runs.get(hook)
        assert run is not None, self.output
        assert run.status == "Failed", run.body
        return run


@pytest.fixture(scope="module")
def try_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TryRepo]:
    """Both hooks, run once by `pre-commit try-repo` (one environment install, ~20 s)."""
    root = tmp_path_factory.mktemp("precommit")
    hooks = working_tree_copy(root / "hooks")
    plans = {"good.yaml": GOOD_PLAN, "bad.yaml": BAD_PLAN}
    # formatted plans, so that only messy.yaml changes
    clean = {name: movekit_fmt(text, root / "fmt") for name, text in plans.items()}
    files = {
        **clean,
        "messy.yaml": MESSY_PLAN,
        ".github/workflows/ci.yml": NOT_A_PLAN,
        "movekit.toml": MOVEKIT_TOML,
    }
    project = git_repo(root / "project", files)
    result = pre_commit(
        "try-repo", str(hooks), "--all-files", "--verbose", cwd=project, home=root / "home"
    )
    formatted = movekit_fmt(MESSY_PLAN, root / "fmt")
    yield TryRepo(project, result.stdout + result.stderr, hook_runs(result.stdout), formatted)


@pytest.mark.network
def test_try_repo_check_hook_fails_on_the_failing_plan_only(try_repo: TryRepo) -> None:
    run = try_repo.failed("movekit-check")
    assert "- exit code: 1" in run.body
    # the finding's wording is the rule's business (tests/rule_cases); here: the right one
    assert re.search(r"MK301 \[error\] Stage .*'walk' in journey 'parents-journey'", run.body)
    assert "--> bad.yaml:" in run.body
    assert "--> good.yaml" not in run.body and "--> messy.yaml" not in run.body
    assert "ci.yml" not in run.body  # not a plan: skipped by --plans-only
    assert "Found 1 error in 3 files." in run.body


@pytest.mark.network
def test_try_repo_fmt_hook_rewrites_only_the_messy_plan(try_repo: TryRepo) -> None:
    run = try_repo.failed("movekit-fmt")
    assert "- files were modified by this hook" in run.body
    project = try_repo.project
    assert (project / "messy.yaml").read_text() == try_repo.formatted != MESSY_PLAN
    assert (project / ".github" / "workflows" / "ci.yml").read_text() == NOT_A_PLAN
    changed = subprocess.run(
        ["git", "diff", "--name-only"], cwd=project, capture_output=True, text=True, check=True
    )
    assert changed.stdout.split() == ["messy.yaml"]


def test_the_configs_in_docs_ci_md_are_valid_for_pre_commit(tmp_path: Path) -> None:
    document = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", document, re.S)
    configs = [block for block in blocks if block.startswith("repos:")]
    assert len(configs) == 2
    published = {hook["id"] for hook in manifest()}
    for number, block in enumerate(configs):
        path = tmp_path / f"config-{number}.yaml"
        path.write_text(block)
        [repo] = load_config(str(path))["repos"]
        assert {hook["id"] for hook in repo["hooks"]} <= published


# The config that `movekit init` writes (language: system, so no package index)


def test_the_config_init_writes_checks_only_the_plans(tmp_path: Path) -> None:
    from movekit.scaffold import InitRequest, folder_files

    files = folder_files(InitRequest(tmp_path, git=False))
    files["notes/other.yaml"] = "name: not a plan\nbroken: [\n"
    project = git_repo(tmp_path / "campaign", files)
    result = pre_commit("run", "--all-files", cwd=project, home=tmp_path / "home")
    assert result.returncode == 1  # the starter plan's errors are the to-do list
    assert "plan.yaml" in result.stdout and "MK301" in result.stdout
    assert "other.yaml" not in result.stdout  # YAML that is not a plan is skipped
