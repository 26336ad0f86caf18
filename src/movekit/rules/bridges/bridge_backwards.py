"""A bridge must lead to a later stage of its journey."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import capitalised
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.bridges:
        start, end = ref.start, ref.end
        if start is None or end is None or end.index > start.index:
            continue
        if end.index == start.index:
            problem = f"starts and ends at {end.label}"
        else:
            problem = f"goes back from {start.label} to the earlier {end.label}"
        yield Problem(
            f"{capitalised(ref.label)} in journey '{ref.bridge.journey}' {problem}",
            (*ref.path, "to"),
            hint="Make to: a stage that comes after the from: stage, or swap from and to",
        )


RULE = Rule(
    code="MK403",
    name="bridge-backwards",
    severity=Severity.ERROR,
    summary="A bridge's `to` stage comes before (or is) its `from` stage.",
    what=(
        "For every item of `bridges`, finds the `from` and `to` stages in the bridge's "
        "journey and flags the bridge when the `to` stage is the same stage as, or comes "
        "earlier in the journey than, the `from` stage. The order is the order of the "
        "journey's `stages` list. The finding points at the bridge's `to` key."
    ),
    why=(
        "A bridge carries people forward, from an online ask to action 'on the ground' "
        "later in their journey. A bridge that points back to an earlier stage (or to "
        "itself) moves nobody on: either the stages are in the wrong order or `from` "
        "and `to` have been swapped."
    ),
    example="""\
bridges:
  - id: map-to-walk
    journey: parents-journey
    from: walk
    to: notice
""",
    fix="""\
Make the bridge run forwards, from the earlier online stage to the later offline one:

bridges:
  - id: map-to-walk
    journey: parents-journey
    from: notice
    to: walk
""",
    check=check,
)
