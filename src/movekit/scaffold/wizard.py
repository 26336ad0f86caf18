"""The `movekit init` wizard: the method's questions, asked one at a time.

It follows the method's order: the goal and its dates, the outcomes (who is accountable)
and how to measure them, the audiences (what moves and stops them, where to reach them) with
a journey each, where each journey moves from online to the ground, one community mechanism,
the phases; then who decides (the primary target) and one risk for the first offline ask.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from movekit.errors import UsageError
from movekit.model import LEVELS
from movekit.scaffold.answers import (
    Answers,
    AudienceAnswer,
    BridgeAnswer,
    ChannelAnswer,
    CommunityAnswer,
    MeasureAnswer,
    OutcomeAnswer,
    PhaseAnswer,
    StageAnswer,
)
from movekit.scaffold.prompts import Asker, quiet_interrupt
from movekit.scaffold.stakes import ask_risk, ask_target

if TYPE_CHECKING:
    from rich.console import Console

OUTCOME_TYPES = ("awareness", "attitude", "behaviour", "support", "policy")
MODES = ("online", "offline", "direct")
DIRECT = "direct means a call, a letter or a meeting with a decision-maker or an official"
KINDS = ("create", "contribute", "organise", "fund", "decide")
MAX_ITEMS = 12
EXIT_INTERRUPTED = 130  # as shells report Ctrl-C

Item = TypeVar("Item")


def run_wizard(console: Console, name: str | None, goal: str | None) -> Answers:
    """Ask the method's questions on the console and return the answers."""
    try:
        with quiet_interrupt():
            return _Wizard(console).ask(name, goal)
    except EOFError:
        raise UsageError(
            "init: the input ended before the questions were answered "
            "(use --no-input to create the starter plan without questions)"
        ) from None
    except KeyboardInterrupt:
        console.file.write("\n")  # end the prompt line, so the message stands on its own
        console.file.flush()
        sys.stderr.write("Stopped: nothing written.\n")
        raise SystemExit(EXIT_INTERRUPTED) from None


class _Wizard(Asker):
    explained = False
    """Whether the meaning of `direct` was shown yet: once is enough."""

    def ask(self, name: str | None, goal: str | None) -> Answers:
        self.say("[bold]Let's plan a campaign that turns moments into movements.[/]")
        self.say("Answer each question, or press Enter to leave it for later.\n")
        answers = Answers(
            name=name or self.text("Campaign name") or Answers().name,
            goal=goal
            or self.text("What is the final real-world goal (what will have changed)?")
            or Answers().goal,
        )
        answers.starts = self.date("When does the campaign start?")
        answers.ends = self.date("When does it end?")
        self.say("\n[bold]Outcomes[/]: what must change for the goal to happen?")
        answers.outcomes = self.repeat(self.outcome)
        self.say("\n[bold]Audiences[/]: who do you want to reach?")
        for number in range(1, MAX_ITEMS + 1):
            audience = self.audience(number, answers)
            if audience is None:
                break
            answers.audiences.append(audience)
        answers.community = self.community()
        self.say("\n[bold]Phases[/]: plan in phases, and review each one to adjust the next.")
        answers.phases = self.repeat(self.phase)
        answers.target = ask_target(self, answers)
        answers.risk = ask_risk(self, answers)
        return answers

    def repeat(self, one: Callable[[int], Item | None]) -> list[Item]:
        found: list[Item] = []
        for number in range(1, MAX_ITEMS + 1):
            item = one(number)
            if item is None:
                break
            found.append(item)
        return found

    def outcome(self, number: int) -> OutcomeAnswer | None:
        title = self.text(f"Outcome {number} (blank to finish)")
        if not title:
            return None
        kind = self.choice("  What kind of change is it?", OUTCOME_TYPES, "behaviour")
        owner = self.text("  Who is accountable for it (a person or team)?")
        outcome = OutcomeAnswer(title, kind, owner=owner)
        measures = self.repeat(self.measure)
        if measures:
            first = measures[0]
            outcome.metric, outcome.target, outcome.due = first.metric, first.target, first.due
            outcome.baseline, outcome.more_measures = first.baseline, measures[1:]
        return outcome

    def measure(self, number: int) -> MeasureAnswer | None:
        which = "How will you measure it" if number == 1 else "Another measure"
        metric = self.text(f"  {which} (what will you count)? (blank to finish)")
        if not metric:
            return None
        baseline = self.number("    Baseline: where do you start?")
        target = self.number("    Target")
        return MeasureAnswer(metric, target, self.date("    Due date"), baseline)

    def audience(self, number: int, answers: Answers) -> AudienceAnswer | None:
        from rich.markup import escape

        name = self.text(f"Audience {number} (blank to finish)")
        if not name:
            return None
        audience = AudienceAnswer(name, self.items("  What is likely to motivate them?"))
        audience.barriers = self.items("  What stops them from acting (time, cost, doubt)?")
        known = {channel.name.lower(): channel.name for channel in answers.channels}
        channels = self.items("  Where can you reach them (WhatsApp, school gate)?")
        audience.channels = list(dict.fromkeys(known.get(c.lower(), c) for c in channels))
        for channel in audience.channels:
            shown = escape(channel)  # a name is shown as typed, [brackets] and all
            if channel not in {known.name for known in answers.channels}:
                mode = self.mode(f"    Is '{shown}' online, on the ground (offline) or direct?")
                owner = self.text(f"    Who runs '{shown}'?")
                answers.channels.append(ChannelAnswer(channel, mode, owner))
        reach = [known for known in answers.channels if known.name in audience.channels]
        metrics = [m.metric for outcome in answers.outcomes for m in outcome.measures()]
        if len(answers.outcomes) > 1:
            titles = [outcome.title for outcome in answers.outcomes]
            audience.outcomes = self.pick("  Which outcomes does their journey drive?", titles, [])
        self.say("  Their journey, from the first message to the final goal:")
        level = LEVELS[0]
        for step in range(1, MAX_ITEMS + 1):
            stage = self.stage(step, level, reach, metrics)
            if stage is None:
                break
            audience.stages.append(stage)
            level = LEVELS[min(LEVELS.index(stage.level) + 1, len(LEVELS) - 1)]
        audience.bridge = self.bridge(audience.stages)
        return audience

    def stage(
        self, step: int, level: str, reach: list[ChannelAnswer], metrics: list[str]
    ) -> StageAnswer | None:
        name = self.text(f"  Stage {step}: what do they do or feel? (blank to finish)")
        if not name:
            return None
        chosen = self.choice("    Level", LEVELS, level)
        content = self.items("    The best content here (a film, a map, a leaflet)?")
        ask = self.text("    Call to action: what do you ask them to do?")
        if not ask:
            return StageAnswer(name, chosen, ask, "", content)
        mode = self.mode("    Online, on the ground (offline) or direct?")
        stage = StageAnswer(name, chosen, ask, mode, content)
        if reach:
            names = [channel.name for channel in reach]
            usual = [n for n, channel in enumerate(reach) if channel.mode == mode]
            stage.channels = [
                names[n] for n in self.pick("    Through which channels?", names, usual)
            ]
        if metrics:
            counted = self.pick("    Which measure counts who responds?", metrics, [], one=True)
            stage.measure = counted[0] if counted else None
        return stage

    def mode(self, question: str) -> str:
        """Online, offline or direct; what direct means is said before it is first asked."""
        if not self.explained:
            self.say(f"    ({DIRECT})")
            self.explained = True
        return self.choice(question, MODES, "online")

    def bridge(self, stages: list[StageAnswer]) -> BridgeAnswer | None:
        online = [n for n, stage in enumerate(stages) if stage.mode == "online"]
        offline = [n for n, stage in enumerate(stages) if stage.mode == "offline"]
        pairs = [(a, b) for a in online for b in offline if a < b]
        if not pairs:
            return None
        self.say("  Where does this journey move from online to the ground?")
        names = [stage.name for stage in stages]
        source = self.pick("    From which online stage?", names, [pairs[0][0]], one=True)
        if not source:
            return None
        later = [b for a, b in pairs if a == source[0]]
        to = (
            self.pick("    To which later stage on the ground?", names, later[:1], one=True)
            if later
            else []
        )
        if not to or (source[0], to[0]) not in pairs:
            self.say("  No bridge added: it goes from an online stage to a later offline one")
            return None
        how = self.text("    How do people get from one to the other?")
        return BridgeAnswer(source[0], to[0], how)

    def community(self) -> CommunityAnswer | None:
        self.say("\n[bold]Community[/]: how could supporters own the campaign, not just follow it?")
        name = self.text("One way they could create, contribute, organise, fund or decide")
        if not name:
            return None
        kind = self.choice("  What kind is it?", KINDS, "create")
        tools = self.items("  What tools would you offer them?")
        owner = self.text("  Who supports the people who run it?")
        return CommunityAnswer(name, kind, tools, owner)

    def phase(self, number: int) -> PhaseAnswer | None:
        name = self.text(f"Phase {number} (such as Launch; blank to finish)")
        if not name:
            return None
        starts = self.date("  Starts")
        ends = self.date("  Ends")
        return PhaseAnswer(name, starts, ends, self.date("  Review date: when will you look back?"))
