"""A measure whose target is deliberately still to be set (`target: tbd`)."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.measuretypes import TBD
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.measures:
        if ref.measure.target == TBD:
            yield Problem(
                f"Measure '{ref.measure.id}' has its target still to be set",
                (*ref.path, "target"),
                hint="Set the target once you know the baseline, in the same unit as the metric",
                at_value=True,
            )


RULE = Rule(
    code="MK108",
    name="measure-target-to-be-set",
    severity=Severity.INFO,
    summary="A measure's target is still to be set (`target: tbd`).",
    what=(
        "Flags every measure, in any outcome, whose `target` is `tbd`: the plan says the "
        "number is deliberately not known yet (often because the baseline must be "
        "established first). Such a measure is not flagged by MK102. The finding points at "
        "the `tbd` value."
    ),
    why=(
        "Real plans often cannot name a number on day one: 'establish a baseline first' is "
        "honest, and better than a made-up target. But 'how can you measure these "
        "objectives?' is answered only once there is a number meaning success: until then "
        "movekit cannot draw the line from baseline to target or warn you when the measure "
        "falls behind (MK603) or misses (MK605). This reminder stays until the target is set."
    ),
    example="""\
    measures:
      - id: newsletter-signups
        metric: People who sign up for the newsletter
        baseline: tbd
        target: tbd
        due: 2027-05-31
""",
    fix="""\
Once the first count gives you the baseline, set the target: a number, or a change on the
baseline such as "+30%":

    measures:
      - id: newsletter-signups
        metric: People who sign up for the newsletter
        baseline: 1200
        target: "+30%"
        due: 2027-05-31
""",
    check=check,
)
