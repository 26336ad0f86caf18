"""Characters that must never reach a document: control characters and bidi overrides.

Plan text may hold a raw terminal escape (`ESC [2J`), a NUL, or a bidirectional control
(U+202E RIGHT-TO-LEFT OVERRIDE and its kin) that makes a reader see `txt.exe` where the
text says `exe.txt` ("Trojan Source"). Every renderer (HTML, SVG, Markdown, Mermaid)
passes plan text through `neutralise` before its own escaping: each such character
becomes U+FFFD, the replacement character, so the reader sees that something was there
and nothing is hidden or reordered. The characters are the terminal's (printable.py), so
screen and paper agree; tabs and line feeds stay: each format decides what they mean.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from movekit.printable import REPLACEMENT, UNSAFE

_UNSAFE = re.compile(
    f"[{UNSAFE}"  # the terminal's set (printable.py): C0 and C1 controls, bidi controls
    "\ud800-\udfff\ufffe\uffff]"  # and what UTF-8 and XML cannot carry
)


def neutralise(text: str) -> str:
    """`text` with every control character and bidi override replaced by U+FFFD."""
    return _UNSAFE.sub(REPLACEMENT, text)


def finalize_html(value: object) -> object:
    """Jinja's finalize hook for HTML: plan text neutralised, then autoescaped by Jinja.

    Markup (movekit's diagrams, built from neutralised text) is kept as it is.
    """
    if isinstance(value, str) and not isinstance(value, Markup):
        return neutralise(value)
    return value
