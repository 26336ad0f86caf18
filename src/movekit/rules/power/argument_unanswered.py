"""An opponent's argument that no message answers."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import one_line
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    answered = {argument for message in ctx.plan.messages for argument in message.answers}
    for i, stakeholder in enumerate(ctx.plan.stakeholders):
        if stakeholder.stance != "opponent":
            continue
        for j, argument in enumerate(stakeholder.arguments):
            if argument.id in answered:
                continue
            yield Problem(
                f"Opponent '{stakeholder.id}' ({one_line(stakeholder.name)}) argues "
                f"'{argument.id}' and no message answers it",
                ("stakeholders", i, "arguments", j),
                hint=f"Add a message under messages: with answers: [{argument.id}] and the "
                "words you will use to answer it",
            )


RULE = Rule(
    code="MK814",
    name="argument-unanswered",
    severity=Severity.WARNING,
    summary="An opponent's argument is answered by no message.",
    what=(
        "Flags every argument of a stakeholder with `stance: opponent` whose id no message "
        "lists in its `answers`. The arguments of allies and neutrals are not checked: "
        "their concerns are worth writing down, but nobody is arguing against you. A plan "
        "without stakeholders is never flagged. The finding points at the argument's first "
        "line."
    ),
    why=(
        "An argument you wrote down and did not answer is the one your audiences will hear "
        "unanswered. The opposition will say it at the council meeting, in the local paper "
        "and at the school gate; a counter-message prepared in advance, in the words your "
        "volunteers will use, keeps the debate on your ground instead of theirs."
    ),
    example="""\
stakeholders:
  - id: traders
    name: Stockport Traders' Association
    stance: opponent
    arguments:
      - id: trade-loss
        says: Closing streets at school times will drive customers away
""",
    fix="""\
Prepare a message that answers the argument, and name the argument in its `answers`:

stakeholders:
  - id: traders
    name: Stockport Traders' Association
    stance: opponent
    arguments:
      - id: trade-loss
        says: Closing streets at school times will drive customers away
messages:
  - id: walkers-shop
    text: Families who walk to school shop locally on the way home
    answers: [trade-loss]
""",
    check=check,
)
