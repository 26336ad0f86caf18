"""Every stage of a journey should name the content that carries it."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import capitalised
from movekit.model import Stage
from movekit.rules.base import Context, Rule


def _asks_are_the_content(stage: Stage) -> bool:
    """True when every ask is offline or direct: the rally or the letter is what people meet."""
    return bool(stage.ctas) and all(cta.mode in ("offline", "direct") for cta in stage.ctas)


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.stages:
        if _asks_are_the_content(ref.stage):
            continue
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
        "entries (such as `content: ['']`), unless every call to action of the stage has "
        "`mode: offline` or `mode: direct` (a rally, a postcard, a petition sheet, a "
        "letter to a councillor): then the ask itself is what people meet. A stage with "
        "no asks, or with any online ask, still needs content. The finding points at the "
        "stage's first line."
    ),
    why=(
        "The method asks you to decide 'what the best type of content is for each stage'. "
        "People at the start of a journey need something different from people who are "
        "ready to act: a short film may open eyes, a route map gets feet moving. A stage "
        "with no content planned is a stage where nobody has decided what people will see. "
        "On the ground and in direct contact the ask is the content: the rally, the "
        "petition sheet or the meeting is what people see, so asking for more is a false "
        "alarm; online, the ask needs something to carry it to people's screens."
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
