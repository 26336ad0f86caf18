"""Bad input through the real entry point: `python -m movekit check ...` in a subprocess.

Each test asserts the exit code (0 clean, 1 errors, 2 movekit could not do its job), that
the message names the file (and the line, where there is one) and that no Python
traceback escapes.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import movekit.files
from movekit.errors import FileAccessError
from movekit.files import read_plan_bytes
from movekit.source import parse
from tests.conftest import SMALL_PLAN

TODAY = "2027-01-01"

# A small plan that is valid (schema) and has lint findings, errors among them.
PLAN = SMALL_PLAN


def clean_env() -> dict[str, str]:
    """The environment of a user's plain terminal: no colour, no CI annotations, no debug."""
    env = {**os.environ, "NO_COLOR": "1"}
    for name in ("MOVEKIT_DEBUG", "FORCE_COLOR", "GITHUB_ACTIONS"):
        env.pop(name, None)
    return env


def run_movekit(*args: str, cwd: Path, **popen: Any) -> subprocess.CompletedProcess[str]:
    """Run `python -m movekit ARGS` the way a user would; never a traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "movekit", *args],
        cwd=cwd,
        env=clean_env(),
        capture_output=True,
        timeout=60,
        check=False,
        **popen,
    )
    out = subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", errors="replace"),
        result.stderr.decode("utf-8", errors="replace"),
    )
    both = out.stdout + out.stderr
    assert "Traceback" not in both, both
    assert "internal error" not in out.stderr, out.stderr
    return out


def check(
    *args: str, cwd: Path, today: str = TODAY, **popen: Any
) -> subprocess.CompletedProcess[str]:
    return run_movekit("check", *args, "--today", today, cwd=cwd, **popen)


def check_json(*args: str, cwd: Path) -> tuple[int, dict[str, Any]]:
    result = check(*args, "--format", "json", cwd=cwd)
    return result.returncode, json.loads(result.stdout)


def codes_at(report: dict[str, Any]) -> list[tuple[str, int, int]]:
    return [(f["code"], f["line"], f["column"]) for f in report["findings"]]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# --- files and folders that cannot be checked: exit 2 ----------------------------------


def test_missing_file(tmp_path: Path) -> None:
    result = check("nowhere.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert "nowhere.yaml" in result.stderr
    assert result.stdout == ""


def test_folder_without_plans(tmp_path: Path) -> None:
    write(tmp_path / "plans" / "docker-compose.yaml", "services: {web: {image: nginx}}\n")
    write(tmp_path / "plans" / "notes.txt", "movekit: 1\n")
    result = check("plans", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert "plans" in result.stderr
    assert "no plans" in result.stderr


def _drop_file_access_capabilities() -> None:  # pragma: no cover - runs in the child
    """Remove CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: root then obeys file modes."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


PROBE = """
import pathlib, sys
pathlib.Path("readable.yaml").read_bytes()
try:
    pathlib.Path("plan.yaml").read_bytes()
except PermissionError:
    print("denied")
"""


def _unprivileged_runs(folder: Path) -> list[dict[str, Any]]:
    """Ways to run a child in `folder` that can read readable.yaml but not plan.yaml."""
    if not hasattr(os, "geteuid"):
        return []
    if os.geteuid() != 0:
        options: list[dict[str, Any]] = [{}]
    else:
        # user="nobody" needs nobody to reach this Python and the folder; dropping root's
        # file-access capabilities works where it cannot (a pyenv Python under /root).
        options = [{"user": "nobody"}]
        if sys.platform.startswith("linux"):
            options.append({"preexec_fn": _drop_file_access_capabilities})
    usable = []
    for option in options:
        try:
            probe = subprocess.run(
                [sys.executable, "-c", PROBE],
                cwd=folder,
                capture_output=True,
                timeout=30,
                check=False,
                **option,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if probe.returncode == 0 and probe.stdout.strip() == b"denied":
            usable.append(option)
    return usable


def test_unreadable_file(tmp_path: Path) -> None:
    plan = write(tmp_path / "plan.yaml", PLAN)
    write(tmp_path / "readable.yaml", PLAN)
    plan.chmod(0o000)
    try:
        runs = _unprivileged_runs(tmp_path)
        if not runs:
            pytest.skip("cannot run the CLI as a user who is denied reading a chmod 000 file")
        result = check("plan.yaml", cwd=tmp_path, **runs[0])
    finally:
        plan.chmod(0o644)
    assert result.returncode == 2
    assert "plan.yaml" in result.stderr
    assert "not readable" in result.stderr or "permission denied" in result.stderr
    assert result.stdout == ""


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").symlink_to(tmp_path / "deleted.yaml")
    result = check("plan.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert "plan.yaml" in result.stderr
    assert result.stdout == ""


def test_file_larger_than_max_bytes_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(movekit.files, "MAX_BYTES", 1024)
    small = write(tmp_path / "small.yaml", "movekit: 1\n" + "#" * 1000 + "\n")
    assert read_plan_bytes(small) == small.read_bytes()
    big = write(tmp_path / "big.yaml", "movekit: 1\n" + "#" * 2000 + "\n")
    with pytest.raises(FileAccessError, match=r"big\.yaml: larger than 1,024 bytes"):
        read_plan_bytes(big)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_device_file_is_refused_not_read_forever(tmp_path: Path) -> None:
    import resource

    def limit_memory() -> None:  # pragma: no cover - runs in the child
        resource.setrlimit(resource.RLIMIT_AS, (512 << 20, 512 << 20))

    result = subprocess.run(
        [sys.executable, "-m", "movekit", "check", "/dev/zero"],
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        preexec_fn=limit_memory,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: /dev/zero")


# --- discovery ---------------------------------------------------------------------------


def test_folder_checks_only_plans(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    write(folder / "plan.yaml", PLAN)
    write(folder / "sub" / "other-plan.yml", "# a second plan\n---\nmovekit: 1\n")
    write(folder / ".github" / "workflows" / "ci.yaml", "on: push\njobs: {a: [\n")
    write(folder / "docker-compose.yaml", "services:\n  web: {image: nginx\n")  # broken YAML
    write(folder / "values.yaml", "replicas: 3\nmovekit: 1\n")  # movekit is not the first key
    write(folder / "plan.yaml.txt", "movekit: 1\n")
    write(folder / "binary.yaml", b"\x00\xff\xfe garbage")
    code, report = check_json("repo", cwd=tmp_path)
    assert report["files"] == [
        str(Path("repo") / "plan.yaml"),
        str(Path("repo") / "sub" / "other-plan.yml"),
    ]
    assert {finding["file"] for finding in report["findings"]} <= set(report["files"])
    assert code == 1  # the plan's lint errors and the second plan's schema errors


# --- files that are read but are not plans: exit 1 ---------------------------------------


# One file per case, all checked in one run: (content, the one finding, words of its message).
NOT_PLANS: dict[str, tuple[str | bytes, tuple[str, int, int], str]] = {
    "empty": ("", ("MK007", 1, 1), "The file is empty"),
    "only-comments": ("# Our campaign plan\n#\n# movekit: 1\n", ("MK007", 1, 1), "empty"),
    "root-list": ("# plans\n- movekit: 1\n- campaign: {}\n", ("MK002", 2, 1), "not a list"),
    "root-scalar": ("\nClean Air Streets\n", ("MK007", 2, 1), "not a movekit plan"),
    "latin-1": (
        PLAN.replace("Parents}", "Parents caf\u00e9}").encode("latin-1"),
        ("MK001", 6, len("  - {id: parents, name: Parents caf") + 1),
        "not UTF-8 text: byte 0xe9",
    ),
    "not-utf8-after-bom": (b"\xef\xbb\xbfmovekit: 1\n\xff\n", ("MK001", 2, 1), "byte 0xff"),
    "column-counts-characters": (
        "movekit: 1\n# caf\u00e9 ".encode() + b"\xff\n",
        ("MK001", 2, len("# caf\u00e9 ") + 1),  # not the byte offset
        "byte 0xff",
    ),
    "control-character": (
        "movekit: 1\ncampaign:\n  name: Clean\x07Air\n",
        ("MK001", 3, 14),
        "U+0007",
    ),
    "control-character-after-non-ascii": (
        "movekit: 1\n# " + "\u00e9" * 10 + "\nname: a\x01b\n",
        ("MK001", 3, 8),
        "U+0001",
    ),
    "tabs-for-indentation": (
        "movekit: 1\ncampaign:\n\tname: Clean Air\n",
        ("MK001", 3, 1),
        "indented with a tab",
    ),
    "second-document": (
        PLAN + "# the next plan\n---\nmovekit: 1\n",
        ("MK001", 15, 1),
        "more than one YAML document",
    ),
}


@pytest.fixture(scope="module")
def not_plans_checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Any]]:
    """Each file's findings, from one `check --format json` of them all."""
    folder = tmp_path_factory.mktemp("not-plans")
    names = [
        write(folder / f"{name}.yaml", content).name for name, (content, _, _) in NOT_PLANS.items()
    ]
    code, report = check_json(*names, cwd=folder)
    assert code == 1
    found: dict[str, list[Any]] = {name: [] for name in names}
    for finding in report["findings"]:
        found[finding["file"]].append(finding)
    return found


@pytest.mark.parametrize("name", NOT_PLANS)
def test_a_file_that_is_not_a_plan_has_one_finding(
    not_plans_checked: dict[str, list[Any]], name: str
) -> None:
    _, where, says = NOT_PLANS[name]
    [finding] = not_plans_checked[f"{name}.yaml"]
    assert (finding["code"], finding["line"], finding["column"]) == where
    assert says in finding["message"]


def test_escape_sequences_in_a_plan_do_not_reach_the_terminal(tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", "movekit: 1\n# \x1b[2J\x1b]0;owned\x1b\\ hidden\n")
    result = check("plan.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "MK001" in result.stdout
    assert "plan.yaml:2:3" in result.stdout
    assert "\x1b" not in result.stdout


def test_bom_and_crlf_keep_positions(tmp_path: Path) -> None:
    """A BOM and Windows line endings move no finding: same lines and columns as LF."""
    plans = {
        "schema": PLAN.replace("mode: online", "mode: onlin").replace(
            "Parents}", "Parents, size: x}"
        ),
        "lint": PLAN,
        "syntax": PLAN.replace("name: Parents}", "name: Parents"),
    }
    names = []
    for name, text in plans.items():
        write(tmp_path / f"{name}-lf.yaml", text)
        crlf = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
        assert crlf.count(b"\r\n") == text.count("\n")
        write(tmp_path / f"{name}-crlf.yaml", crlf)
        names += [f"{name}-lf.yaml", f"{name}-crlf.yaml"]
    code, report = check_json(*names, cwd=tmp_path)
    assert code == 1
    by_file: dict[str, list[tuple[str, int, int]]] = {name: [] for name in names}
    for finding in report["findings"]:
        by_file[finding["file"]].append((finding["code"], finding["line"], finding["column"]))
    for name in plans:
        assert by_file[f"{name}-lf.yaml"], name
        assert by_file[f"{name}-crlf.yaml"] == by_file[f"{name}-lf.yaml"], name
    size_column = "  - {id: parents, name: Parents, size: x}".index("x}") + 1
    assert ("MK002", 6, size_column) in by_file["schema-crlf.yaml"]  # size: x
    assert ("MK002", 13, 46) in by_file["schema-crlf.yaml"]  # mode: onlin
    assert ("MK303", 8, 5) in by_file["lint-crlf.yaml"]
    assert by_file["syntax-crlf.yaml"][0][:2] == ("MK001", 6)  # the { that is never closed

    text = check("schema-crlf.yaml", cwd=tmp_path).stdout
    assert "schema-crlf.yaml:13:46" in text
    assert "\r" not in text


@pytest.mark.parametrize(
    ("style", "body"),
    [
        ("flow", "x: " + "[" * 20_000 + "]" * 20_000 + "\n"),
        ("flow-mapping", "x: " + "{a: " * 20_000 + "1" + "}" * 20_000 + "\n"),
        ("block", "x:\n" + "- " * 20_000 + "deep\n"),
        ("block-keys", "x:\n" + "".join(" " * n + f"k{n}:\n" for n in range(1, 400)) + "  v\n"),
    ],
)
def test_deep_nesting(tmp_path: Path, style: str, body: str) -> None:
    write(tmp_path / "plan.yaml", "movekit: 1\n" + body)
    started = time.monotonic()
    code, report = check_json("plan.yaml", cwd=tmp_path)
    assert time.monotonic() - started < 10
    assert code == 1
    [finding] = report["findings"]
    assert finding["code"] == "MK001"
    assert finding["file"] == "plan.yaml"
    assert finding["line"] >= 2
    assert "nest" in finding["message"]
    assert "Recursion" not in json.dumps(report)


BILLION_LAUGHS = """\
movekit: 1
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_billion_laughs(tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", BILLION_LAUGHS)
    started = time.monotonic()
    result = check("plan.yaml", cwd=tmp_path)
    assert time.monotonic() - started < 5
    assert result.returncode == 1
    assert "MK001" in result.stdout
    assert re.search(r"plan\.yaml:[2-9]:\d+", result.stdout)
    assert "alias" in result.stdout.lower()


def test_python_object_tag_is_refused_and_not_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "constructed"
    plan = PLAN.replace(
        "campaign: {name: Clean Air,",
        f"campaign: {{name: !!python/object/apply:os.system ['touch {marker}'],",
    )
    write(tmp_path / "plan.yaml", plan + "x-run: !!python/object:os.system {}\n")
    result = check("plan.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "MK002" in result.stdout
    assert f"plan.yaml:2:{plan.splitlines()[1].index('!!') + 1}" in result.stdout
    assert "plan.yaml:14:8" in result.stdout
    assert "!!python/object" in result.stdout
    assert not marker.exists()
    # and in-process: the values are plain data, whatever the tags said
    document = parse(plan + "x-run: !!python/object:os.system {}\n")
    assert type(document.data["campaign"]["name"]) is list
    assert type(document.data["x-run"]) is dict


# --- numbers that Python cannot hold ---------------------------------------------------


def test_integer_too_long_for_python(tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", "movekit: 1\nsize: " + "9" * 5000 + "\n")
    result = check("plan.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "plan.yaml:2:" in result.stdout


def test_measure_number_too_big_for_a_float(tmp_path: Path) -> None:
    plan = PLAN.replace(
        "type: policy}",
        "type: policy, measures: [{id: m, metric: Pledges, baseline: 0, target: 1"
        + "0" * 400
        + ", due: 2027-06-01}]}",
    ).replace("School Streets}", "School Streets, starts: 2026-01-01}")
    plan += "results:\n  - {measure: m, date: 2026-12-01, value: 5}\n"
    write(tmp_path / "plan.yaml", plan)
    for today in ("2027-01-01", "2027-08-01"):  # behind (MK603), then missed (MK605)
        result = check("plan.yaml", cwd=tmp_path, today=today)
        assert result.returncode == 1
        assert "plan.yaml:4:" in result.stdout


def test_bridge_journey_that_is_a_list(tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", PLAN + "bridges:\n  - {journey: [], from: a, to: b}\n")
    result = check("plan.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "MK002" in result.stdout
    assert "plan.yaml:15:" in result.stdout


# --- options and config: exit 2 --------------------------------------------------------


def test_bad_today(tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", PLAN)
    result = run_movekit("check", "plan.yaml", "--today", "2027-13-45", cwd=tmp_path)
    assert result.returncode == 2
    assert "--today" in result.stderr
    assert "2027-13-45" in result.stderr
    assert result.stdout == ""


def test_unknown_format(tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", PLAN)
    result = check("plan.yaml", "--format", "xml", cwd=tmp_path)
    assert result.returncode == 2
    assert "--format" in result.stderr
    assert "'xml'" in result.stderr
    assert "json" in result.stderr
    assert result.stdout == ""


def test_unknown_rule_code_in_select(tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", PLAN)
    result = check("plan.yaml", "--select", "MK3O1", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: --select")
    assert "'MK3O1'" in result.stderr
    assert "did you mean MK301?" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        pytest.param("select = [\n", "not valid TOML", id="invalid-toml"),
        pytest.param('selct = ["MK3"]\n', "unknown setting 'selct'", id="unknown-setting"),
        pytest.param('ignore = ["MK9"]\n', "'MK9' is not a rule code", id="unknown-code"),
        pytest.param('[severity]\nMK001 = "warning"\n', "MK001", id="severity-of-mk001"),
        pytest.param('[severity]\nMK301 = "fatal"\n', "'fatal'", id="unknown-severity"),
        pytest.param('select = "MK3"\n', "must be a list", id="select-not-a-list"),
        pytest.param(
            '[severity]\nMK301 = ["error"]\n',
            "MK301",
            id="severity-is-a-list",
        ),
    ],
)
def test_bad_movekit_toml(tmp_path: Path, toml: str, expected: str) -> None:
    write(tmp_path / "campaign" / "plan.yaml", PLAN)
    config = write(tmp_path / "campaign" / "movekit.toml", toml)
    result = check(str(Path("campaign") / "plan.yaml"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert str(config.resolve()) in result.stderr
    assert expected in result.stderr
    assert result.stdout == ""


def test_pyproject_with_a_non_table_tool(tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", PLAN)
    write(tmp_path / "pyproject.toml", 'tool = "movekit"\n')
    result = check("plan.yaml", cwd=tmp_path)
    assert result.returncode in (1, 2)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    write(tmp_path / "plans" / "plan.yaml", PLAN)
    os.mkfifo(tmp_path / "plans" / "pipe.yaml")
    direct = check("pipe.yaml", cwd=tmp_path)
    assert direct.returncode == 2
    assert "pipe.yaml: not a regular file" in direct.stderr
    folder = check("plans", "--format", "json", cwd=tmp_path)
    assert json.loads(folder.stdout)["files"] == [str(Path("plans") / "plan.yaml")]


def test_a_yaml_boolean_version_is_shown_as_yaml(tmp_path: Path) -> None:
    write(tmp_path / "plan.yaml", PLAN.replace("movekit: 1", "movekit: true"))
    result = check("plan.yaml", cwd=tmp_path)
    assert "plan format version true:" in result.stdout
