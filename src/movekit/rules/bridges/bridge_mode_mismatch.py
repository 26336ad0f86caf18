"""A bridge runs from an online ask to an offline one."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import capitalised
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.bridges:
        if ref.start is None or ref.end is None:
            continue
        if "online" not in ref.start.modes:
            yield Problem(
                f"{capitalised(ref.label)} starts from {ref.start.label}, which has no online ask",
                (*ref.path, "from"),
                hint="Start the bridge at a stage with a mode: online ask, or add one there",
            )
        if "offline" not in ref.end.modes:
            yield Problem(
                f"{capitalised(ref.label)} leads to {ref.end.label}, which has no offline ask",
                (*ref.path, "to"),
                hint="Lead the bridge to a stage with a mode: offline ask, or add one there",
            )


RULE = Rule(
    code="MK404",
    name="bridge-mode-mismatch",
    severity=Severity.WARNING,
    summary="A bridge's `from` stage has no online ask, or its `to` stage has no offline ask.",
    what=(
        "For every item of `bridges`, looks at the calls to action of its `from` and `to` "
        "stages. When the `from` stage has no ask with `mode: online` (including a stage "
        "with no asks), the finding points at the bridge's `from` key; when the `to` stage "
        "has no ask with `mode: offline`, it points at the `to` key. Both can be reported "
        "for the same bridge. A stage with both online and offline asks satisfies either end. "
        "Direct asks (`mode: direct`) count as neither end."
    ),
    why=(
        "Bridges are how the plan will 'connect the online efforts with the on-the-ground "
        "ones'. A bridge that starts where nobody is asked to do anything online, or ends "
        "where nobody is asked to act on the ground, connects nothing: the hand-over it "
        "describes has no ask on one side."
    ),
    example="""\
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - id: notice
        level: awareness
        ctas:
          - {ask: Look up your school on the map, mode: online}
      - id: share
        level: engagement
        ctas:
          - {ask: Share the map with your class group, mode: online}
bridges:
  - {id: map-to-share, journey: parents-journey, from: notice, to: share}
""",
    fix="""\
Lead the bridge from a stage with an online ask to a stage where people act on the
ground (add that stage, or an offline ask, if the journey has none):

journeys:
  - id: parents-journey
    audience: parents
    stages:
      - id: notice
        level: awareness
        ctas:
          - {ask: Look up your school on the map, mode: online}
      - id: share
        level: engagement
        ctas:
          - {ask: Share the map with your class group, mode: online}
      - id: walk
        level: action
        ctas:
          - {ask: Join the Friday walking bus, mode: offline}
bridges:
  - {id: map-to-walk, journey: parents-journey, from: notice, to: walk}
""",
    check=check,
)
