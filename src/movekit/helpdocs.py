"""The user docs, shipped inside the package, for `movekit docs`.

docs/*.md ship as the package data `movekit.docs` (see pyproject.toml), so they are read
through importlib.resources and work from an installed wheel, which has no docs/ folder.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from importlib.resources import files

from movekit.errors import UsageError

PACKAGE = "movekit.docs"
RULE_CODE = re.compile(r"mk\d{3}", re.IGNORECASE)


@dataclass(frozen=True)
class Topic:
    """One page of the docs: its name on the command line, its file and what it covers."""

    name: str
    file: str
    summary: str
    aliases: tuple[str, ...] = ()


TOPICS: tuple[Topic, ...] = (
    Topic(
        "plan-format",
        "plan-format.md",
        "What a plan holds: every section and key, with examples.",
        ("plan", "format"),
    ),
    Topic(
        "rules", "rules.md", "Every rule: what it checks, why it matters and the fix.", ("rule",)
    ),
    Topic("yaml", "yaml.md", "How movekit reads YAML: quotes, dates, numbers and pitfalls."),
    Topic(
        "render",
        "render.md",
        "Turn a plan into a document: Markdown, HTML or PDF.",
        ("document", "pdf"),
    ),
    Topic(
        "review-loop",
        "review-loop.md",
        "Record results and reviews, see where you stand, adjust.",
        ("review", "record", "status"),
    ),
    Topic(
        "git",
        "git.md",
        "Plans in git: movekit fmt, movekit diff and readable diffs.",
        ("fmt", "diff"),
    ),
    Topic(
        "ci",
        "ci.md",
        "Automatic checks: GitHub Actions, GitLab CI and pre-commit.",
        ("pre-commit", "github", "gitlab"),
    ),
)


def find_topic(wanted: str) -> Topic:
    """The topic named `wanted` (any case, `.md` optional); a UsageError with a suggestion."""
    key = wanted.strip().lower().removesuffix(".md")
    names = {name: topic for topic in TOPICS for name in (topic.name, *topic.aliases)}
    if key in names:
        return names[key]
    raise UsageError(f"no docs topic '{wanted}'{_suggestion(key, names)}")


def _suggestion(key: str, names: dict[str, Topic]) -> str:
    if RULE_CODE.fullmatch(key):
        return f"; for one rule run: movekit explain {key.upper()}"
    close = difflib.get_close_matches(key, list(names), n=1, cutoff=0.6)
    if close:
        return f"; did you mean {names[close[0]].name}? (run `movekit docs` to list topics)"
    return f"; the topics are: {', '.join(topic.name for topic in TOPICS)}"


def page(topic: Topic) -> str:
    """The topic's page, as Markdown."""
    return files(PACKAGE).joinpath(topic.file).read_text(encoding="utf-8")
