"""The findings cache: reused only for the same plan, settings and day; never required."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from movekit import cache
from tests.conftest import EXAMPLES, run_cli

GAPS = EXAMPLES / "gaps" / "plan.yaml"
ARGS = ("--today", "2027-03-15", "--format", "json")

# Runs `movekit check` with the YAML reader, Pydantic and the rules made unimportable:
# only a cache hit can answer.
WITHOUT_ENGINE = (
    "import sys\n"
    "sys.modules['movekit.engine'] = None\n"
    "from movekit.cli import main\n"
    "sys.argv = ['movekit', *sys.argv[1:]]\n"
    "main()\n"
)


def check_without_engine(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MOVEKIT_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_ENGINE, "check", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_a_repeated_check_is_answered_from_the_cache(tmp_path: Path) -> None:
    env = {"MOVEKIT_CACHE_DIR": str(tmp_path)}
    first = run_cli("check", str(GAPS), *ARGS, env=env)
    assert first.returncode == 1
    again = check_without_engine(tmp_path, str(GAPS), *ARGS)
    assert (again.returncode, again.stdout) == (1, first.stdout)


def test_a_cached_check_imports_neither_typer_pydantic_nor_yaml(tmp_path: Path) -> None:
    env = {"MOVEKIT_CACHE_DIR": str(tmp_path)}
    assert run_cli("check", str(GAPS), *ARGS, env=env).returncode == 1
    script = WITHOUT_ENGINE.replace(
        "main()\n",
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    heavy = {'typer', 'click', 'pydantic', 'yaml', 'ruamel', 'rich'}\n"
        "    loaded = sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
        "    print('HEAVY', loaded, file=sys.stderr)\n",
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "check", str(GAPS), *ARGS],
        capture_output=True,
        text=True,
        env={**os.environ, **env, "NO_COLOR": "1"},
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "HEAVY []" in done.stderr, done.stderr


def test_no_cache_never_uses_it(tmp_path: Path) -> None:
    run_cli("check", str(GAPS), *ARGS, env={"MOVEKIT_CACHE_DIR": str(tmp_path)})
    fresh = check_without_engine(tmp_path, str(GAPS), *ARGS, "--no-cache")
    assert fresh.returncode == 2 and "internal error" in fresh.stderr


def test_nothing_is_stored_with_movekit_no_cache(tmp_path: Path) -> None:
    env = {"MOVEKIT_CACHE_DIR": str(tmp_path), "MOVEKIT_NO_CACHE": "1"}
    assert run_cli("check", str(GAPS), *ARGS, env=env).returncode == 1
    assert list(tmp_path.iterdir()) == []


def test_a_changed_plan_another_day_or_other_settings_are_checked_afresh(tmp_path: Path) -> None:
    env = {"MOVEKIT_CACHE_DIR": str(tmp_path)}
    plan = tmp_path / "plan.yaml"
    plan.write_text(GAPS.read_text())
    run_cli("check", str(plan), *ARGS, env=env)
    for args in (
        (str(plan), "--today", "2027-03-16", "--format", "json"),
        (str(plan), *ARGS, "--select", "MK3"),
    ):
        assert check_without_engine(tmp_path, *args).returncode == 2  # not in the cache
    plan.write_text(GAPS.read_text().replace("Save Millbrook Library", "Save the Library"))
    assert check_without_engine(tmp_path, str(plan), *ARGS).returncode == 2


def test_a_damaged_entry_is_ignored(tmp_path: Path) -> None:
    env = {"MOVEKIT_CACHE_DIR": str(tmp_path)}
    first = run_cli("check", str(GAPS), *ARGS, env=env)
    for entry in tmp_path.rglob("*.json"):
        entry.write_text("{not json")
    again = run_cli("check", str(GAPS), *ARGS, env=env)
    assert json.loads(again.stdout) == json.loads(first.stdout)


def test_an_unwritable_cache_costs_nothing_but_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("in the way")
    result = run_cli("check", str(GAPS), *ARGS, env={"MOVEKIT_CACHE_DIR": str(blocked / "x")})
    assert result.returncode == 1 and result.stderr == ""


# --- the key sees movekit's own code ----------------------------------------------------

PACKAGE = Path(cache.__file__).parent
KEY_OF_A_COPY = (
    "import datetime as dt, sys\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "from movekit import cache\n"
    "from movekit.config import Settings\n"
    "assert cache.__file__.startswith(sys.argv[1]), cache.__file__\n"
    "print(cache.key(b'movekit: 1\\n', 'plan.yaml', dt.date(2027, 3, 15), Settings()))\n"
)


def copy_of_movekit(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(PACKAGE, site / "movekit", ignore=shutil.ignore_patterns("__pycache__"))
    return site


def key_of(site: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", KEY_OF_A_COPY, str(site)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_editing_a_rule_changes_the_key(tmp_path: Path) -> None:
    site = copy_of_movekit(tmp_path)
    first = key_of(site)
    assert key_of(site) == first  # the same code: the same key (even with bytecode written)
    rules = site / "movekit" / "rules"
    rule = sorted(path for path in rules.glob("*/*.py") if path.name != "__init__.py")[0]
    rule.write_text(rule.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert key_of(site) != first


def test_the_fingerprint_sees_edits_touches_and_new_modules_but_not_bytecode(
    tmp_path: Path,
) -> None:
    package = copy_of_movekit(tmp_path) / "movekit"
    first = cache.fingerprint(package)
    assert cache.fingerprint(package) == first
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "engine.cpython-311.pyc").write_bytes(b"\0")
    assert cache.fingerprint(package) == first
    engine = package / "engine.py"
    stamp = engine.stat().st_mtime_ns
    os.utime(engine, ns=(stamp + 10**9, stamp + 10**9))  # touched
    touched = cache.fingerprint(package)
    assert touched != first
    (package / "rules" / "new_rule.py").write_text('"""A new rule."""\n', encoding="utf-8")
    assert cache.fingerprint(package) not in (first, touched)


def test_the_running_package_is_fingerprinted_once() -> None:
    libraries = cache.libraries_fingerprint(cache.LIBRARIES)
    assert cache.movekit_code() == cache.fingerprint(PACKAGE) + libraries
    assert cache.movekit_code() is cache.movekit_code()


# --- entries are checked before they are trusted (issue 13, item 6) ----------------------

MEASURED_CHECK = (
    "import resource, sys\n"
    "from movekit.cli import main\n"
    "sys.argv = ['movekit', 'check', *sys.argv[1:]]\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    print('PEAK_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def checked_with_cache(cache_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`movekit check ARGS` in a process that reports its peak memory and is killed (failing
    the test, not hanging it) if it does not finish in 30 seconds."""
    env = {**os.environ, "MOVEKIT_CACHE_DIR": str(cache_dir), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", MEASURED_CHECK, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        check=False,
    )


def peak_mb(done: subprocess.CompletedProcess[str]) -> float:
    line = next(line for line in done.stderr.splitlines() if line.startswith("PEAK_KB"))
    return int(line.split()[1]) / 1024


def the_entry(cache_dir: Path) -> Path:
    (entry,) = cache_dir.rglob("*.json")
    return entry


def test_an_empty_list_written_into_an_entry_does_not_hide_the_findings(tmp_path: Path) -> None:
    first = run_cli("check", str(GAPS), *ARGS, env={"MOVEKIT_CACHE_DIR": str(tmp_path)})
    assert json.loads(first.stdout)["findings"]
    entry = the_entry(tmp_path)
    entry.write_text("[]")
    again = checked_with_cache(tmp_path, str(GAPS), *ARGS)
    assert (again.returncode, again.stdout) == (1, first.stdout)
    assert entry.read_text() != "[]"  # the miss rewrote the entry...
    hit = check_without_engine(tmp_path, str(GAPS), *ARGS)
    assert (hit.returncode, hit.stdout) == (1, first.stdout)  # ...and it is used again


@pytest.mark.parametrize("content", ["[" * 100_000, "{not json", '{"key": 1}', "null", ""])
def test_an_entry_that_is_not_one_is_a_miss(tmp_path: Path, content: str) -> None:
    first = run_cli("check", str(GAPS), *ARGS, env={"MOVEKIT_CACHE_DIR": str(tmp_path)})
    the_entry(tmp_path).write_text(content)
    again = checked_with_cache(tmp_path, str(GAPS), *ARGS)
    assert (again.returncode, again.stdout) == (1, first.stdout), again.stderr


def test_an_entry_changed_by_hand_is_a_miss(tmp_path: Path) -> None:
    run_cli("check", str(GAPS), *ARGS, env={"MOVEKIT_CACHE_DIR": str(tmp_path)})
    entry = the_entry(tmp_path)
    stored = json.loads(entry.read_text())
    stored["body"]["findings"] = stored["body"]["findings"][:1]  # checksum left as it was
    entry.write_text(json.dumps(stored))
    assert check_without_engine(tmp_path, str(GAPS), *ARGS).returncode == 2  # not used


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("line", "28"),
        ("line", True),
        ("column", None),
        ("severity", "fatal"),
        ("message", 3),
        ("end_column", "9"),
        ("file", "other.yaml"),
        ("extra", 1),
    ],
)
def test_a_field_of_the_wrong_type_is_a_miss_not_an_error(
    tmp_path: Path, field: str, value: object
) -> None:
    first = run_cli("check", str(GAPS), *ARGS, env={"MOVEKIT_CACHE_DIR": str(tmp_path)})
    entry = the_entry(tmp_path)
    stored = json.loads(entry.read_text())
    stored["body"]["findings"][0][field] = value
    # a correct checksum over the wrong data: only the type checks can catch it
    stored["checksum"] = cache.checksum(stored["key"], stored["body"])
    entry.write_text(json.dumps(stored))
    assert check_without_engine(tmp_path, str(GAPS), *ARGS).returncode == 2  # a miss
    again = checked_with_cache(tmp_path, str(GAPS), *ARGS)
    assert (again.returncode, again.stdout) == (1, first.stdout)


def test_counts_of_left_out_findings_of_the_wrong_type_are_a_miss(tmp_path: Path) -> None:
    run_cli("check", str(GAPS), *ARGS, env={"MOVEKIT_CACHE_DIR": str(tmp_path)})
    entry = the_entry(tmp_path)
    stored = json.loads(entry.read_text())
    stored["body"]["omitted"] = [{"code": "MK301", "severity": "error", "count": "many"}]
    stored["checksum"] = cache.checksum(stored["key"], stored["body"])
    entry.write_text(json.dumps(stored))
    assert check_without_engine(tmp_path, str(GAPS), *ARGS).returncode == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.parametrize("linked", [False, True], ids=["in-place", "link-to-it"])
def test_a_named_pipe_as_an_entry_is_a_miss_not_a_hang(tmp_path: Path, linked: bool) -> None:
    cache_dir = tmp_path / "cache"
    first = run_cli("check", str(GAPS), *ARGS, env={"MOVEKIT_CACHE_DIR": str(cache_dir)})
    entry = the_entry(cache_dir)
    entry.unlink()
    pipe = tmp_path / "pipe" if linked else entry
    os.mkfifo(pipe)
    if linked:
        entry.symlink_to(pipe)
    again = checked_with_cache(cache_dir, str(GAPS), *ARGS)  # times out if it waits
    assert (again.returncode, again.stdout) == (1, first.stdout)
    assert entry.is_file() and not entry.is_symlink()  # replaced by a real entry
    assert pipe.exists()


@pytest.mark.parametrize("linked", [True, False], ids=["link-to-it", "in-place"])
def test_a_huge_entry_is_a_miss_read_in_bounded_memory(tmp_path: Path, linked: bool) -> None:
    cache_dir = tmp_path / "cache"
    first = run_cli("check", str(GAPS), *ARGS, env={"MOVEKIT_CACHE_DIR": str(cache_dir)})
    entry = the_entry(cache_dir)
    entry.unlink()
    huge = tmp_path / "huge.json" if linked else entry
    with huge.open("wb") as handle:
        handle.truncate(1024**3)  # sparse: 1 GB of zeros that takes no disk space
    if linked:
        entry.symlink_to(huge)
    again = checked_with_cache(cache_dir, str(GAPS), *ARGS)
    assert (again.returncode, again.stdout) == (1, first.stdout)
    assert peak_mb(again) < 300  # reading the entry would need over 1,000 MB
    assert entry.stat().st_size < 1024**2  # replaced by a real entry


def test_the_cache_folders_are_created_private(tmp_path: Path) -> None:
    cache_dir = tmp_path / "new" / "cache"
    run_cli("check", str(GAPS), *ARGS, env={"MOVEKIT_CACHE_DIR": str(cache_dir)})
    entry = the_entry(cache_dir)
    assert cache_dir.stat().st_mode & 0o777 == 0o700
    assert entry.parent.stat().st_mode & 0o777 == 0o700


def test_upgrading_a_library_changes_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "fake_validation_library.py"  # stands in for an installed Pydantic
    library.write_text("VERSION = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    first = cache.libraries_fingerprint(("fake_validation_library",))
    assert cache.libraries_fingerprint(("fake_validation_library",)) == first
    library.write_text("VERSION = 22\n", encoding="utf-8")  # upgraded
    assert cache.libraries_fingerprint(("fake_validation_library",)) != first
    assert "fake_validation_library" not in sys.modules  # found, never imported
