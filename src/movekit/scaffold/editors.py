"""Editor settings `movekit init --editor` writes: each starts `movekit lsp` for YAML files,
beside yaml-language-server where the editor runs both."""

from __future__ import annotations

from pathlib import Path

from movekit.errors import FileAccessError
from movekit.writing import write_output

_HELIX = """\
# movekit's language server for plans, beside yaml-language-server (movekit init --editor helix)
[language-server.movekit]
command = "movekit"
args = ["lsp"]

[[language]]
name = "yaml"
language-servers = ["yaml-language-server", "movekit"]
"""

_VSCODE = """\
{
  "glspc.server.command": "movekit",
  "glspc.server.commandArguments": ["lsp"],
  "glspc.server.languageId": ["yaml"]
}
"""

_NEOVIM = """\
-- movekit's language server for plans (movekit init --editor neovim).
-- Neovim reads this file when 'exrc' is on: add `vim.o.exrc = true` to your init.lua.
vim.api.nvim_create_autocmd("FileType", {
  pattern = "yaml",
  callback = function(args)
    vim.lsp.start({
      name = "movekit",
      cmd = { "movekit", "lsp" },
      root_dir = vim.fs.root(args.buf, { "movekit.toml", ".git" }),
    })
  end,
})
"""

_ZED = """\
{
  "lsp": {
    "movekit": {
      "binary": { "path": "movekit", "arguments": ["lsp"] }
    }
  },
  "languages": {
    "YAML": { "language_servers": ["movekit", "..."] }
  }
}
"""

EDITORS: dict[str, tuple[str, str]] = {
    "helix": (".helix/languages.toml", _HELIX),
    "vscode": (".vscode/settings.json", _VSCODE),
    "neovim": (".nvim.lua", _NEOVIM),
    "zed": (".zed/settings.json", _ZED),
}
"""Each editor's settings file, relative to the campaign folder, and its text."""


def write_editor_settings(folder: Path, editor: str) -> tuple[Path, bool]:
    """Write `editor`'s settings file unless one is there: (its path, whether written)."""
    name, text = EDITORS[editor]
    path = folder / name
    if path.exists():
        return path, False
    try:
        write_output(path, text, make_folders=True)
    except OSError as error:
        raise FileAccessError(f"{path}: cannot write: {error.strerror or error}") from error
    return path, True
