"""The wizard's last questions: who decides (the primary target) and one risk on the ground.

A strategy chart names the person who can grant the outcome, where they stand and the
power you have over them; people asked to act on the ground need a safety plan.
"""

from __future__ import annotations

from movekit.scaffold.answers import Answers, RiskAnswer, TargetAnswer
from movekit.scaffold.prompts import Asker

POSITIONS = ("supports", "undecided", "opposes", "unknown")
LEVELS_OF_RISK = ("low", "medium", "high")


def ask_target(asker: Asker, answers: Answers) -> TargetAnswer | None:
    """The primary target: a person with their role, their position and your power."""
    asker.say("\n[bold]Who decides[/]: the person who can give you what you ask for.")
    name = asker.text(
        "The primary target: a person and their role, such as "
        "'Cllr Jane Ward, Leader of the Council' (blank to skip)"
    )
    if not name:
        return None
    position = asker.choice("  Where do they stand today?", POSITIONS, "unknown")
    power = asker.text("  What power do you have over them (votes, money, press)?")
    target = TargetAnswer(name, position, power)
    if len(answers.audiences) > 1:
        names = [audience.name for audience in answers.audiences]
        every = list(range(len(names)))
        target.audiences = asker.pick("  Which audiences can move them?", names, every)
    return target


def ask_risk(asker: Asker, answers: Answers) -> RiskAnswer | None:
    """One risk for the first offline ask, if there is one, with its likelihood and impact."""
    from rich.markup import escape

    first = answers.first_offline_ask()
    if first is None:
        return None
    ask = answers.audiences[first[0]].stages[first[1]].ask
    asker.say("\n[bold]Risks[/]: people you ask to act on the ground need a safety plan.")
    risk = asker.text(f"What could go wrong at '{escape(ask)}'? (blank to skip)")
    if not risk:
        return None
    likelihood = asker.choice("  How likely is it?", LEVELS_OF_RISK, "medium")
    impact = asker.choice("  How bad would it be?", LEVELS_OF_RISK, "medium")
    mitigation = asker.text("  What will you do to prevent it or make it less bad?")
    return RiskAnswer(risk, likelihood, impact, mitigation)
