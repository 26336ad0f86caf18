"""No control character from a plan, a file name or a setting reaches the terminal.

A cloned repository can hold a plan named `plan<ESC>]0;title<BEL>.yaml` whose values
hold `ESC [2J` (clear the screen), C1 `\\x9b` and U+202E (right-to-left override). Every
command runs over such files through the real entry point (`python -m movekit`), and no
escape, bell, C1 or bidi control may reach its output: each shows as U+FFFD, and JSON
keeps the exact text as `\\uXXXX` escapes.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_cli

TODAY = ["--today", "2027-03-15"]
EVIL = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202e[bold]x[/]"
NAMED = EVIL.replace("/", "")  # a file name cannot hold a slash
PLAN = f"plan{NAMED}.yaml"
OTHER = f"other{NAMED}.yaml"
BROKEN = f"broken{NAMED}.yaml"
RAW = f"raw{NAMED}.yaml"
CSV = f"results{NAMED}.csv"
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SGR = re.compile(r"\x1b\[[0-9;]*m")
"""The colour codes rich writes itself (only with colour on)."""


def shown(text: str) -> str:
    """What the terminal must see instead of `text` (the test's own oracle)."""
    return FORBIDDEN.sub("\ufffd", text)


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar, controls written as YAML escapes."""
    escapes = {"\x1b": "\\e", "\x07": "\\a", "\x9b": "\\x9b", "\u202e": "\\u202E"}
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(escapes.get(char, char) for char in body) + '"'


def hostile_plan(title: str = "Parents") -> str:
    text = (EXAMPLES / "clean-air-streets.yaml").read_text(encoding="utf-8")
    text = text.replace("  name: Clean Air Streets", f"  name: {quoted('Clean ' + EVIL)}", 1)
    old_title = "title: Parents know how dirty the air is at their school gate"
    return text.replace(old_title, f"title: {quoted(title + ' ' + EVIL)}", 1)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A campaign folder full of hostile names and values."""
    root = tmp_path_factory.mktemp("hostile")
    (root / PLAN).write_text(hostile_plan(), encoding="utf-8")
    (root / OTHER).write_text(hostile_plan("Carers"), encoding="utf-8")
    untidy = hostile_plan().replace("movekit: 1", "movekit:   1", 1)
    (root / "untidy").mkdir()
    (root / "untidy" / f"untidy{NAMED}.yaml").write_text(untidy, encoding="utf-8")
    broken = f"movekit: 1\ncampaign: {{name: x, goal: y}}\noutcomes:\n  - type: {quoted(EVIL)}\n"
    (root / BROKEN).write_text(broken, encoding="utf-8")
    (root / RAW).write_bytes(b"movekit: 1\n# \x1b]0;owned\x07 \xc2\x9b \x1b[2J\n")
    (root / CSV).write_text("measure,date,value\nmap-lookups,2027-03-02,7\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def configured(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plan whose settings file has a hostile setting (kept apart: `check .` stops at it)."""
    root = tmp_path_factory.mktemp("configured")
    (root / "movekit.toml").write_text(f"{json.dumps(EVIL)} = 1\n", encoding="utf-8")
    (root / "plan.yaml").write_text(hostile_plan(), encoding="utf-8")
    return root


GIT_DRIVER = ["diff", "--git-external-diff", PLAN, PLAN, "0" * 40, "100644"]
COMMANDS: dict[str, tuple[list[str], str | None]] = {
    # name: (arguments, text the output must show, neutralised; None: nothing to show)
    "check": (["check", ".", *TODAY], BROKEN),
    "check missing file": (["check", f"missing{NAMED}.yaml"], f"missing{NAMED}.yaml"),
    # click drops `ESC [2J` from its own messages to a pipe; the rest is for the guard
    "check bad option": (["check", PLAN, "--format", EVIL], "\x1b]0;owned\x07"),
    "fmt --check": (["fmt", "--check", "."], f"untidy{NAMED}.yaml"),
    "fmt --diff": (["fmt", "--diff", "untidy"], f"untidy{NAMED}.yaml"),
    "fmt broken": (["fmt", BROKEN], BROKEN),
    "status": (["status", PLAN, *TODAY], "Clean " + EVIL),
    "status broken": (["status", BROKEN, *TODAY], BROKEN),
    "diff": (["diff", PLAN, OTHER, *TODAY], f"to {OTHER}"),
    "diff md": (["diff", PLAN, OTHER, *TODAY, "--format", "md"], "Carers"),
    "diff textconv": (["diff", "--textconv", PLAN], "Parents " + EVIL),
    "diff textconv raw": (["diff", "--textconv", RAW], "owned"),
    "diff git driver": ([*GIT_DRIVER, OTHER, "0" * 40, "100644", *TODAY], f"to b/{PLAN}"),
    "diff git driver raw": (
        ["diff", "--git-external-diff", RAW, "/dev/null", "0" * 40, "100644", RAW, "0", "100644"],
        "owned",
    ),
    "render": (["render", PLAN, "-f", "md", "-o", f"doc{NAMED}.md", *TODAY], f"doc{NAMED}.md"),
    "render broken": (["render", BROKEN, "-f", "md", "-o", "doc.md", *TODAY], BROKEN),
    "render bad name": (["render", PLAN, "-o", f"doc{NAMED}.docx"], "doc\x1b]0;owned\x07"),
    "rules": (["rules"], None),
    "explain": (["explain", EVIL], EVIL),
    "docs": (["docs", EVIL], EVIL),
    "schema": (["schema"], None),
}
JSON_COMMANDS: dict[str, tuple[list[str], str | None]] = {
    # name: (arguments, text one of the document's strings must hold exactly)
    "check json": (["check", ".", *TODAY, "--format", "json"], NAMED),
    "check sarif": (["check", ".", *TODAY, "--format", "sarif"], None),
    "check gitlab": (["check", ".", *TODAY, "--format", "gitlab"], NAMED),
    "status json": (["status", PLAN, *TODAY, "--format", "json"], None),
    "diff json": (["diff", PLAN, OTHER, *TODAY, "--format", "json"], "Carers " + EVIL),
}


def assert_harmless(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text, repr(text[:2000])
    assert not FORBIDDEN.search(text), repr(FORBIDDEN.findall(text))


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_control_character_reaches_the_terminal(folder: Path, command: str) -> None:
    args, must_show = COMMANDS[command]
    result = run_cli(*args, cwd=folder)
    output = result.stdout + result.stderr
    assert result.returncode in (0, 1, 2), output
    assert "internal error" not in output and "Traceback" not in output, output
    assert_harmless(output)
    if must_show is not None:  # shown, made harmless: not left out
        assert shown(must_show) in output, output


def test_a_hostile_setting_is_quoted_harmlessly(configured: Path) -> None:
    result = run_cli("check", "plan.yaml", cwd=configured)
    assert result.returncode == 2, result.stdout
    assert_harmless(result.stdout + result.stderr)
    assert shown(EVIL) in result.stderr


def test_init_names_a_hostile_folder_harmlessly(tmp_path: Path) -> None:
    result = run_cli("init", "--no-input", "--no-git", f"camp{NAMED}", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert_harmless(result.stdout + result.stderr)
    assert f"created {shown(f'camp{NAMED}')}/plan.yaml" in result.stdout
    again = run_cli("init", "--no-input", "--no-git", f"camp{NAMED}", cwd=tmp_path)
    assert again.returncode == 2  # would overwrite: the message names the folder
    assert_harmless(again.stdout + again.stderr)
    assert shown(f"camp{NAMED}") in again.stderr


def test_rich_markup_in_a_name_is_printed_as_it_is(tmp_path: Path) -> None:
    result = run_cli("init", "--no-input", "--no-git", "[bold]camp[/]", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "created [bold]camp[/]/plan.yaml" in result.stdout
    assert "movekit check [bold]camp[/]/plan.yaml" in result.stdout


@pytest.mark.parametrize("command", sorted(JSON_COMMANDS))
def test_json_keeps_the_exact_text_as_escapes(folder: Path, command: str) -> None:
    args, exact = JSON_COMMANDS[command]
    result = run_cli(*args, cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    assert_harmless(result.stdout)
    if exact is not None:  # the data is intact
        assert any(exact in text for text in strings(json.loads(result.stdout)))


def strings(value: object) -> Iterator[str]:
    """Every string in a JSON document, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_the_record_confirmation_is_harmless(folder: Path, tmp_path: Path) -> None:
    shutil.copy(folder / PLAN, tmp_path / PLAN)
    shutil.copy(folder / CSV, tmp_path / CSV)
    single = run_cli(
        "record", PLAN, "map-lookups", "5", "--date", "2027-03-01", *TODAY, cwd=tmp_path
    )
    from_csv = run_cli("record", PLAN, "--from", CSV, *TODAY, cwd=tmp_path)
    for result in (single, from_csv):
        assert result.returncode == 0, result.stderr
        assert_harmless(result.stdout + result.stderr)
        assert shown(PLAN) in result.stdout
    assert shown(CSV) in from_csv.stdout


def test_fmt_writing_a_plan_names_it_harmlessly(folder: Path, tmp_path: Path) -> None:
    untidy = tmp_path / f"untidy{NAMED}.yaml"
    shutil.copy(folder / "untidy" / untidy.name, untidy)
    result = run_cli("fmt", untidy.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert_harmless(result.stdout + result.stderr)
    assert f"reformatted {shown(untidy.name)}" in result.stderr


def test_fmt_to_a_pipe_gives_the_plan_back_as_data(folder: Path, tmp_path: Path) -> None:
    """`fmt -` hands the plan back to an editor: the same text `fmt` writes to the file.

    YAML cannot hold a raw escape, bell or C1 character, so none can come out; a plan's
    own (printable) bidi characters stay, since this is the plan, not a message.
    """
    text = (folder / "untidy" / f"untidy{NAMED}.yaml").read_text(encoding="utf-8")
    piped = run_cli("fmt", "-", stdin=text)
    assert piped.returncode == 0, piped.stderr
    assert "\x1b" not in piped.stdout and "\x07" not in piped.stdout and "\x9b" not in piped.stdout
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    assert run_cli("fmt", "plan.yaml", cwd=tmp_path).returncode == 0
    assert piped.stdout == (tmp_path / "plan.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [["status", PLAN, *TODAY], ["diff", PLAN, OTHER, *TODAY], ["check", ".", *TODAY]],
    ids=["status", "diff", "check"],
)
def test_with_colour_only_colour_codes_reach_the_terminal(folder: Path, args: list[str]) -> None:
    result = run_cli(*args, cwd=folder, env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    assert result.returncode in (0, 1), result.stderr
    assert SGR.search(result.stdout), "expected colour"
    assert_harmless(SGR.sub("", result.stdout + result.stderr))


@pytest.mark.parametrize(
    ("text", "line", "lines"),
    [
        ("a\x1b[2Jb", "a\ufffd[2Jb", "a\ufffd[2Jb"),
        ("a\tb\nc", "a b\ufffdc", "a\tb\nc"),
        ("a\r\nb\rc", "a\ufffd\ufffdb\ufffdc", "a\nb\ufffdc"),
        ("\x9b\u202e\u2066\u200f\u061c\x7f\x00", "\ufffd" * 7, "\ufffd" * 7),
        ("Zoë → 東京 ✓", "Zoë → 東京 ✓", "Zoë → 東京 ✓"),
    ],
)
def test_one_function_makes_text_harmless(text: str, line: str, lines: str) -> None:
    from movekit.printable import visible, visible_lines

    assert visible(text) == line
    assert visible_lines(text) == lines


def test_json_escapes_keep_the_data() -> None:
    from movekit.printable import json_escaped

    value = {"name": f"plan{EVIL}\u2067 Zoë"}
    document = json_escaped(json.dumps(value, ensure_ascii=False))
    assert not FORBIDDEN.search(document)
    assert "Zoë" in document
    assert json.loads(document) == value


def test_the_guard_neutralises_every_write_and_refuses_bytes() -> None:
    import io

    from movekit.printable import TerminalStream, unguarded

    real = io.StringIO()
    guard = TerminalStream(real)
    guard.write("a\x1b]0;x\x07")
    guard.writelines(["b\n", "\u202ec"])
    assert real.getvalue() == "a\ufffd]0;x\ufffdb\n\ufffdc"
    assert unguarded(guard) is real  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        guard.write(b"x")  # type: ignore[arg-type]


def test_rich_keeps_its_own_colour_codes_intact() -> None:
    plan = str(EXAMPLES / "clean-air-streets.yaml")
    result = run_cli("status", plan, *TODAY, env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert SGR.search(result.stdout)
    assert "\ufffd" not in result.stdout  # no colour code was taken for a plan's escape
