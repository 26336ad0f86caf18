"""A call to action should name the measure that counts responses."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import one_line
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.stages:
        for k, cta in enumerate(ref.stage.ctas):
            if cta.measure is None and cta.target is None and cta.mode != "direct":
                yield Problem(
                    f"Call to action '{one_line(cta.id or cta.ask)}' at {ref.long_label} "
                    "has no measure",
                    (*ref.path, "ctas", k),
                    hint="Add measure: with the id of the measure that counts who responds",
                )


RULE = Rule(
    code="MK307",
    name="cta-unmeasured",
    severity=Severity.INFO,
    summary="A call to action has no measure, so its conversions cannot be counted.",
    what=(
        "Flags every call to action (an item of a stage's `ctas` list) that has no "
        "`measure` key, except an ask aimed at a decision-maker (with a `target`) and a "
        "direct ask (`mode: direct`: a call, a letter, a meeting). The message names the "
        "ask by its id, or by its wording when it has no id. The finding points at the "
        "call to action's first line."
    ),
    why=(
        "The method asks 'how can you measure these objectives?' and tells you to "
        "'analyse the accuracy and effectiveness of your past efforts'. Every ask is a "
        "conversion point; if nothing counts who responds, you cannot tell which asks "
        "turn moments into movement and which to drop. An ask to a handful of officials "
        "(a letter to the council leader, a lobby meeting) converts no crowd: its result "
        "is where the decision-maker stands, which the target's `position` records, so "
        "a count of responses would measure nothing."
    ),
    example="""\
        ctas:
          - id: check-map
            ask: Look up your school on the air-quality map
            mode: online
""",
    fix="""\
Point the ask at the measure (an id under `outcomes[].measures`) that counts its responses:

        ctas:
          - id: check-map
            ask: Look up your school on the air-quality map
            mode: online
            measure: map-lookups
""",
    check=check,
)
