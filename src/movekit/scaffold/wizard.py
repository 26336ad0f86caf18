"""The `movekit init` wizard: the method's questions, asked one at a time."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from movekit.errors import UsageError
from movekit.model import LEVELS
from movekit.scaffold.starter import Answers, AudienceAnswer, OutcomeAnswer, StageAnswer

if TYPE_CHECKING:
    from rich.console import Console

OUTCOME_TYPES = ("awareness", "attitude", "behaviour", "support", "policy")
MODES = ("online", "offline")
MAX_ITEMS = 12


def run_wizard(console: Console, name: str | None, goal: str | None) -> Answers:
    """Ask the method's questions on the console and return the answers."""
    try:
        return _Wizard(console).ask(name, goal)
    except EOFError:
        raise UsageError(
            "init: the input ended before the questions were answered "
            "(use --no-input to create the starter plan without questions)"
        ) from None


class _Wizard:
    def __init__(self, console: Console) -> None:
        self.console = console

    def text(self, question: str, default: str | None = None) -> str:
        from rich.prompt import Prompt

        answer = Prompt.ask(question, console=self.console, default=default, show_default=True)
        return (answer or "").strip()

    def choice(self, question: str, choices: tuple[str, ...], default: str) -> str:
        from rich.prompt import Prompt

        return Prompt.ask(question, console=self.console, choices=list(choices), default=default)

    def ask(self, name: str | None, goal: str | None) -> Answers:
        say = self.console.print
        say("[bold]Let's plan a campaign that turns moments into movements.[/]")
        say("Answer each question, or press Enter to leave it for later.\n")
        answers = Answers(
            name=name or self.text("Campaign name", Answers().name) or Answers().name,
            goal=goal
            or self.text("What is the final real-world goal (what will have changed)?")
            or Answers().goal,
        )
        say("\n[bold]Outcomes[/]: what must change for the goal to happen?")
        for number in range(1, MAX_ITEMS + 1):
            outcome = self.outcome(number)
            if outcome is None:
                break
            answers.outcomes.append(outcome)
        say("\n[bold]Audiences[/]: who do you want to reach?")
        for number in range(1, MAX_ITEMS + 1):
            audience = self.audience(number)
            if audience is None:
                break
            answers.audiences.append(audience)
        return answers

    def outcome(self, number: int) -> OutcomeAnswer | None:
        title = self.text(f"Outcome {number} (blank to finish)")
        if not title:
            return None
        kind = self.choice("  What kind of change is it?", OUTCOME_TYPES, "behaviour")
        metric = self.text("  How will you measure it (what will you count)?")
        if not metric:
            return OutcomeAnswer(title, kind)
        return OutcomeAnswer(title, kind, metric, self.number("  Target"), self.date("  Due date"))

    def number(self, question: str) -> float | int | None:
        while True:
            answer = self.text(f"{question} (a number, blank if not sure yet)")
            if not answer:
                return None
            try:
                value = float(answer.replace(",", ""))
            except ValueError:
                self.console.print(f"  '{answer}' is not a number: try again, such as 600")
                continue
            return int(value) if value.is_integer() else value

    def date(self, question: str) -> str:
        while True:
            answer = self.text(f"{question} (YYYY-MM-DD, blank if not sure yet)")
            try:
                return dt.date.fromisoformat(answer).isoformat() if answer else ""
            except ValueError:
                self.console.print(f"  '{answer}' is not a date: try again, such as 2027-06-30")

    def audience(self, number: int) -> AudienceAnswer | None:
        name = self.text(f"Audience {number} (blank to finish)")
        if not name:
            return None
        motivations = self.text("  What is likely to motivate them? (separate with commas)")
        audience = AudienceAnswer(
            name, [part.strip() for part in motivations.split(",") if part.strip()]
        )
        self.console.print("  Their journey, from the first message to the final goal:")
        level = LEVELS[0]
        for step in range(1, MAX_ITEMS + 1):
            stage = self.stage(step, level)
            if stage is None:
                break
            audience.stages.append(stage)
            level = LEVELS[min(LEVELS.index(stage.level) + 1, len(LEVELS) - 1)]
        return audience

    def stage(self, step: int, level: str) -> StageAnswer | None:
        name = self.text(f"  Stage {step}: what do they do or feel? (blank to finish)")
        if not name:
            return None
        chosen = self.choice("    Level", LEVELS, level)
        ask = self.text("    Call to action: what do you ask them to do?")
        mode = self.choice("    Online or on the ground (offline)?", MODES, "online")
        return StageAnswer(name, chosen, ask, mode)
