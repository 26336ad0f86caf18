"""Every stage of a journey should name the content that carries it."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import capitalised
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.stages:
        if not any(item.strip() for item in ref.stage.content):
            yield Problem(
                f"{capitalised(ref.long_label)} names no type of content",
                ref.path,
                hint="Add a content: list naming the best types of content for this stage",
            )


RULE = Rule(
    code="MK302",
    name="stage-no-content",
    severity=Severity.WARNING,
    summary="A stage of a journey names no type of content.",
    what=(
        "Flags every stage whose `content` list is missing, empty, or holds only blank "
        "entries (such as `content: ['']`). The finding points at the stage's first line."
    ),
    why=(
        "The method asks you to decide 'what the best type of content is for each stage'. "
        "People at the start of a journey need something different from people who are "
        "ready to act: a short film may open eyes, a route map gets feet moving. A stage "
        "with no content planned is a stage where nobody has decided what people will see."
    ),
    example="""\
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - id: notice
        level: awareness
        ctas:
          - ask: Look up your school on the air-quality map
            mode: online
""",
    fix="""\
Name one or more types of content that will move people at this stage:

      - id: notice
        level: awareness
        content: [60-second film, school air-quality map]
        ctas:
          - ask: Look up your school on the air-quality map
            mode: online
""",
    check=check,
)
