"""`movekit lsp`: the method in the editor, as a language server (pygls 2, lsprotocol)."""
