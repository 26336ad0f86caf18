"""Plan text as GitHub-flavoured Markdown that shows exactly that text and is never markup.

Every `{{ value }}` in a Markdown template goes through `finalize`, so a template cannot
forget to escape: plan text can make no link, image, HTML tag, heading, list, table cell
or math, and a pipe cannot break a table row. Nor does a bare address (`https://...`,
`www.`, `name@example.org`) become a link, or `@name` notify a GitHub user: a backslash
before the `:` or `.` stops GFM's autolinks, and an empty HTML comment after `@` stops
GitHub's mentions (which ignore backslashes), while both still read as the plain text.
The plan format has no setting for live links: plan text is always shown as text.
"""

from __future__ import annotations

import re

from movekit.render.plaintext import neutralise

# Punctuation that means something inline in GFM (emphasis, code, links, HTML, tables,
# strikethrough, math); a backslash makes each one literal (CommonMark escapes).
_INLINE = r"\\`*_\[\]<>|~$"
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What would start a block at the beginning of a line: heading, list, rule, setext line.
_BLOCK_MARK = re.compile(r" ?(?:[#+=-]|\d+[.)])")
_WHITESPACE = re.compile(r"\s+")
# What GFM's autolinks extension turns into links, and what GitHub turns into mentions.
_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|xmpp):")
_WWW = re.compile(r"(?i)\bwww\.")
_MENTION = re.compile(r"@(?=\w)")
NO_MENTION = "@<!-- -->"
"""`@` that GitHub shows as `@` but does not read as a mention (it ignores `\\@`)."""


class MarkdownText(str):
    """Text that is already Markdown (made by movekit, such as a Mermaid block): kept as is."""

    __slots__ = ()


def escape_markdown(text: str, *, anywhere: str = "") -> str:
    """Literal text on one line: whitespace runs become one space, markup is escaped.

    `anywhere` names more characters to escape wherever they are, such as `#`, which a
    GitHub comment (not a document) turns into a link to an issue.
    """
    flat = _WHITESPACE.sub(" ", neutralise(text))
    inline = re.compile(f"([{_INLINE}{re.escape(anywhere)}])")
    escaped = _unlinked(_ENTITY.sub(r"\\&", inline.sub(r"\\\1", flat)))
    mark = _BLOCK_MARK.match(escaped)
    if mark is None:
        return escaped
    end = mark.end()  # escape the character that makes the block: `\#`, `1\.`
    return escaped[: end - 1] + "\\" + escaped[end - 1 :]


def _unlinked(text: str) -> str:
    """Bare addresses and @names kept as text: `https\\://`, `www\\.`, `@<!-- -->name`."""
    text = _SCHEME.sub(lambda found: found.group(1) + "\\:", text)
    text = _WWW.sub(lambda found: found.group()[:3] + "\\.", text)
    return _MENTION.sub(NO_MENTION, text)


def finalize(value: object) -> object:
    """Jinja's finalize hook for Markdown: every value not made by movekit is escaped text."""
    if isinstance(value, MarkdownText):
        return value
    return escape_markdown(str(value))
