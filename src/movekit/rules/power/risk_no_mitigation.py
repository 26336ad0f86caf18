"""A risk rated high for likelihood or impact needs a mitigation."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.model import Risk
from movekit.rules.base import Context, Rule


def _high(risk: Risk) -> str:
    """Which of the ratings are high, in words: `high impact`, or "" when neither is."""
    rated = [name for name in ("likelihood", "impact") if getattr(risk, name) == "high"]
    return " and ".join(f"high {name}" for name in rated)


def check(ctx: Context) -> Iterator[Problem]:
    for i, risk in enumerate(ctx.plan.risks):
        high = _high(risk)
        if high and not (risk.mitigation or "").strip():
            yield Problem(
                f"Risk '{risk.id}' has {high} but no mitigation",
                ("risks", i),
                hint="Add mitigation: saying what you do to make it less likely or less bad",
            )


RULE = Rule(
    code="MK807",
    name="risk-no-mitigation",
    severity=Severity.WARNING,
    summary="A risk with high likelihood or high impact has no mitigation.",
    what=(
        "Flags every risk in `risks` whose `likelihood` or `impact` (or both) is `high` "
        "when its `mitigation` is missing or blank. Risks rated only `low` or `medium`, "
        "or not rated at all, are not checked. The risk's `status` does not matter: an "
        "accepted risk still needs its mitigation to say why it is accepted and what the "
        "team does if it happens, and a closed one keeps how it was dealt with for the "
        "next campaign. The finding points at the risk's first line."
    ),
    why=(
        "A campaign that asks people to act on the ground takes responsibility for "
        "them: naming a serious risk is only half the job. Writing down what you do "
        "about it (marshals at a crossing, a steward beside a speaker, a plan for a "
        "hostile crowd) is what turns a worry into a duty someone carries, and it is "
        "what volunteers, partners and funders will ask to see before they join in."
    ),
    example="""\
risks:
  - id: walker-safety
    risk: Children walking in traffic before the street is closed
    likelihood: low
    impact: high
""",
    fix="""\
Say what you do to make the risk less likely or less bad (and who watches it):

risks:
  - id: walker-safety
    risk: Children walking in traffic before the street is closed
    likelihood: low
    impact: high
    mitigation: Marshals in hi-vis at every crossing; route risk-assessed
    owner: Volunteer coordinators
""",
    check=check,
)
