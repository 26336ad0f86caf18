"""`fmt` keeps bidirectional controls written as escapes as escapes ("Trojan Source")."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from movekit.fmt.format import format_text
from movekit.printable import UNSAFE
from movekit.yamltext import plain_is_safe, scalar
from tests.conftest import run_cli

_BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"]
_BIDI += ["\u2069", "\u200e", "\u200f", "\u061c"]
_RAW_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _plan(title: str, extra: str = "") -> str:
    return (
        "movekit: 1\n"
        "campaign:\n"
        "  name: Clean Air Streets\n"
        "  goal: Council adopts School Streets\n"
        "outcomes:\n"
        "  - id: policy\n"
        f"    title: {title}\n"
        "    type: policy\n"
        f"{extra}"
        "audiences:\n"
        "  - id: parents\n"
        "    name: Parents\n"
    )


def _findings(report: str) -> list[tuple[str, str, str]]:
    """Each finding's code, place and message (fmt moves lines, so not line numbers)."""
    findings = json.loads(report)["findings"]
    return sorted((item["code"], item["path"], item["message"]) for item in findings)


def _escape(character: str) -> str:
    return f"\\u{ord(character):04X}"


def test_the_list_of_bidi_characters_is_printables() -> None:
    assert all(re.fullmatch(f"[{UNSAFE}]", character) for character in _BIDI)


@pytest.mark.parametrize("character", _BIDI, ids=lambda c: f"U+{ord(c):04X}")
def test_an_escaped_bidi_control_stays_an_escape(character: str) -> None:
    text = _plan(f'"abc{_escape(character)}def"')
    formatted = format_text(text)
    assert not _RAW_BIDI.search(formatted)
    assert f'title: "abc{_escape(character)}def"' in formatted
    assert format_text(formatted) == formatted


def test_escapes_stay_in_flow_lists_and_keys_and_with_other_escapes() -> None:
    extra = '    tags: ["a\\u2066b", "c\\u2069\\td"]\n    "k\\u202Ey": 1\n'
    text = _plan('"x\\u202Dy\\nz"', extra)
    formatted = format_text(text)
    assert not _RAW_BIDI.search(formatted)
    for escape in ("\\u2066", "\\u2069", "\\u202E", "\\u202D"):
        assert escape in formatted
    assert format_text(formatted) == formatted


def test_raw_bidi_in_plain_single_quoted_block_and_comment_is_left_alone() -> None:
    extra = (
        "    notes: |\n"
        "      block \u202e text\n"
        "    owner: 'single \u2067 quoted'\n"
        "    # a comment \u202e here\n"
    )
    text = _plan("plain \u202e text", extra)
    formatted = format_text(text)
    assert "title: plain \u202e text" in formatted
    assert "block \u202e text" in formatted
    assert "single \u2067 quoted" in formatted
    assert "# a comment \u202e here" in formatted
    assert format_text(formatted) == formatted


def test_fmt_command_keeps_escapes_and_check_findings(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = _plan('"abc\\u202Edef"').replace("name: Parents", "name:    'x\\u2066y'")
    plan.write_text(text, encoding="utf-8")
    before = run_cli("check", "-f", "json", str(plan))
    result = run_cli("fmt", str(plan))
    assert result.returncode == 0, result.stderr
    formatted = plan.read_text(encoding="utf-8")
    assert formatted != text  # fmt did rewrite the file (the parents' name)
    assert not _RAW_BIDI.search(formatted)
    assert 'title: "abc\\u202Edef"' in formatted
    assert "name: x\\u2066y" in formatted  # single quotes: no escapes, fmt drops them
    after = run_cli("check", "-f", "json", str(plan))
    assert after.returncode == before.returncode
    assert _findings(after.stdout) == _findings(before.stdout)
    again = run_cli("fmt", "--check", str(plan))
    assert again.returncode == 0, again.stdout + again.stderr


def test_raw_bidi_in_double_quotes_becomes_an_escape() -> None:
    formatted = format_text(_plan('"abc\u202edef"'))
    assert 'title: "abc\\u202Edef"' in formatted
    assert format_text(formatted) == formatted


@pytest.mark.parametrize("character", _BIDI, ids=lambda c: f"U+{ord(c):04X}")
def test_init_and_record_write_bidi_controls_as_escapes(character: str) -> None:
    assert not plain_is_safe(f"a{character}b", flow=False)
    assert scalar(f"a{character}b") == f'"a{_escape(character)}b"'
