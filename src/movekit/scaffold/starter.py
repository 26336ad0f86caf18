"""Starting plans: the teaching skeleton (filled from answers) and the worked examples."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources import files

from movekit.errors import UsageError

MODELINE = "# yaml-language-server: $schema=.movekit/plan.schema.json\n"

STARTERS = {
    "skeleton": "every section with a comment from the method, ready to fill in",
    "clean-air-streets": "worked example: a local School Streets campaign",
    "warm-homes-now": "worked example: a national fundraising and policy campaign",
}


@dataclass
class StageAnswer:
    """One stage of a journey, as the wizard asked it."""

    name: str
    level: str
    ask: str
    mode: str


@dataclass
class OutcomeAnswer:
    """One desired outcome and how it will be measured."""

    title: str
    type: str
    metric: str = ""
    target: float | int | None = None
    due: str = ""


@dataclass
class AudienceAnswer:
    """One audience, what motivates them, and the stages of their journey."""

    name: str
    motivations: list[str] = field(default_factory=list)
    stages: list[StageAnswer] = field(default_factory=list)


@dataclass
class Answers:
    """Everything the skeleton needs; the defaults make the starter skeleton."""

    name: str = "Our campaign"
    goal: str = "The real-world change we want, and by when"
    outcomes: list[OutcomeAnswer] = field(default_factory=list)
    audiences: list[AudienceAnswer] = field(default_factory=list)

    def with_defaults(self) -> Answers:
        """These answers, with a placeholder outcome and audience where none was given."""
        outcomes = self.outcomes or [
            OutcomeAnswer("First outcome: what must change for the goal to happen", "behaviour")
        ]
        audiences = self.audiences or [
            AudienceAnswer(
                "First audience: the people we most need to act",
                stages=[StageAnswer("Hears about the campaign", "awareness", "", "online")],
            )
        ]
        return Answers(self.name, self.goal, outcomes, audiences)


def slug(text: str, taken: set[str], fallback: str) -> str:
    """A unique id from the first words of text (`Parents at the gate` -> `parents-at-the-gate`)."""
    head = text.split(":", 1)[0] or text  # "Parents: at the gate" -> "parents"
    words = re.sub(r"[^a-z0-9]+", " ", head.lower()).split()
    base = "-".join(words[:4])[:40].strip("-") or fallback
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def skeleton_plan(answers: Answers) -> str:
    """The teaching skeleton, rendered from answers (placeholders where there are none)."""
    from movekit.templating import environment

    filled = answers.with_defaults()
    outcome_ids: set[str] = set()
    measure_ids: set[str] = set()
    audience_ids: set[str] = set()
    outcomes = [
        {
            "answer": outcome,
            "id": slug(outcome.title, outcome_ids, "outcome"),
            "measure_id": slug(outcome.metric, measure_ids, "measure") if outcome.metric else "",
        }
        for outcome in filled.outcomes
    ]
    audiences = []
    for audience in filled.audiences:
        stage_ids: set[str] = set()
        audiences.append(
            {
                "answer": audience,
                "id": slug(audience.name, audience_ids, "audience"),
                "stages": [(slug(s.name, stage_ids, "stage"), s) for s in audience.stages],
            }
        )
    template = environment().get_template("init/plan.yaml.j2")
    return template.render(
        modeline=MODELINE, answers=filled, outcomes=outcomes, audiences=audiences
    )


def example_plan(name: str, campaign_name: str | None, goal: str | None) -> str:
    """A shipped example as a starter, with the modeline and, if given, a new name and goal."""
    if name not in STARTERS or name == "skeleton":
        choices = ", ".join(STARTERS)
        raise UsageError(f"--starter: no starter '{name}'; choose one of {choices}")
    text = (files("movekit.examples") / f"{name}.yaml").read_text(encoding="utf-8")
    if campaign_name or goal:
        from movekit.edit import dump, load

        data = load(text)
        if campaign_name:
            data["campaign"]["name"] = _as_fmt_writes(campaign_name)
        if goal:
            data["campaign"]["goal"] = _as_fmt_writes(goal)
        text = dump(data)
    return MODELINE + text


def _as_fmt_writes(text: str) -> str:
    """Text that ruamel.yaml writes plain or double-quoted, as `movekit fmt` would."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, PlainScalarString

    from movekit.yamltext import plain_is_safe

    style = PlainScalarString if plain_is_safe(text, flow=False) else DoubleQuotedScalarString
    styled: str = style(text)
    return styled
