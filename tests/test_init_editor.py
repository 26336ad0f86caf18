"""`movekit init --editor`: the editor's settings for `movekit lsp`, only with the flag, never
over a file that is there."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests.conftest import run_cli


def _helix(path: Path) -> None:
    settings = tomllib.loads(path.read_text("utf-8"))
    assert settings["language-server"]["movekit"] == {"command": "movekit", "args": ["lsp"]}
    (yaml,) = settings["language"]
    assert "movekit" in yaml["language-servers"]


def _vscode(path: Path) -> None:
    settings = json.loads(path.read_text("utf-8"))
    assert settings["glspc.server.command"] == "movekit"
    assert settings["glspc.server.commandArguments"] == ["lsp"]


def _neovim(path: Path) -> None:
    assert 'cmd = { "movekit", "lsp" }' in path.read_text("utf-8")


def _zed(path: Path) -> None:
    settings = json.loads(path.read_text("utf-8"))
    assert settings["lsp"]["movekit"]["binary"] == {"path": "movekit", "arguments": ["lsp"]}


EDITORS = [
    ("helix", ".helix/languages.toml", _helix),
    ("vscode", ".vscode/settings.json", _vscode),
    ("neovim", ".nvim.lua", _neovim),
    ("zed", ".zed/settings.json", _zed),
]


@pytest.mark.parametrize(("editor", "name", "read"), EDITORS, ids=[e[0] for e in EDITORS])
def test_writes_the_editors_settings(tmp_path: Path, editor: str, name: str, read: object) -> None:
    folder = tmp_path / "campaign"
    result = run_cli("init", "--no-input", "--no-git", "--editor", editor, str(folder))
    assert result.returncode == 0, result.stderr
    assert f"created {folder / name}" in result.stdout
    assert callable(read)
    read(folder / name)


def test_only_with_the_flag(tmp_path: Path) -> None:
    result = run_cli("init", "--no-input", "--no-git", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for _, name, _ in EDITORS:
        assert not (tmp_path / name).exists()


def test_never_overwrites_an_existing_file(tmp_path: Path) -> None:
    mine = tmp_path / ".helix" / "languages.toml"
    mine.parent.mkdir()
    mine.write_text("# my own settings\n", encoding="utf-8")
    result = run_cli("init", "--no-input", "--no-git", "--editor", "helix", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert mine.read_text("utf-8") == "# my own settings\n"
    assert "it exists already, so it was not changed" in result.stdout
    assert (tmp_path / "plan.yaml").exists()


def test_an_unknown_editor_writes_nothing(tmp_path: Path) -> None:
    result = run_cli("init", "--no-input", "--no-git", "--editor", "vim", str(tmp_path / "c"))
    assert result.returncode == 2
    assert "choose one of helix, vscode, neovim, zed" in result.stderr
    assert not (tmp_path / "c").exists()
