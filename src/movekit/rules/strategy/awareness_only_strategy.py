"""A plan whose every outcome is awareness changes nothing."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def _all(count: int) -> str:
    if count == 1:
        return "The only outcome is"
    return "Both outcomes are" if count == 2 else f"All {count} outcomes are"


def check(ctx: Context) -> Iterator[Problem]:
    outcomes = ctx.plan.outcomes
    if outcomes and all(outcome.type == "awareness" for outcome in outcomes):
        yield Problem(
            f"{_all(len(outcomes))} of type awareness: the plan seeks attention but no change",
            ("outcomes",),
            hint="Add an outcome of type attitude, behaviour, support or policy",
        )


RULE = Rule(
    code="MK106",
    name="awareness-only-strategy",
    severity=Severity.WARNING,
    summary="Every outcome is of type awareness: attention without change.",
    what=(
        "Flags the plan once when it has at least one outcome and every outcome has "
        "`type: awareness`. A single outcome of any other type (attitude, behaviour, "
        "support or policy) is enough to pass. The finding points at the `outcomes:` key."
    ),
    why=(
        "Moments 'gather the attention of the target audience and lead to Facebook likes "
        "and retweets - and that is great to raise awareness! But if you want to change a "
        "behaviour, or raise support and really engage with people, you need to convert "
        "awareness into action.' A strategy made only of awareness outcomes plans for "
        "moments, not a movement."
    ),
    example="""\
outcomes:
  - id: know-the-risk
    title: Parents know about air pollution at the school gate
    type: awareness
""",
    fix="""\
Add the change the awareness should lead to: what people will do, support or win:

outcomes:
  - id: know-the-risk
    title: Parents know about air pollution at the school gate
    type: awareness
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
""",
    check=check,
)
