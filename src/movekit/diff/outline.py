"""A plan as an outline, one fact per line: what git's `textconv` shows instead of YAML.

git compares the outlines of two versions line by line, so a changed target reads as
`-  target 600` / `+  target 800` under its measure, and a change of layout, quotes or
comments alone shows no difference at all (`movekit fmt` changes make no noise).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from movekit.model import Plan


def outline(plan: Plan) -> str:
    """The plan's outline: sections in the order of the plan format, items in file order."""
    return "\n".join(_lines(plan)) + "\n"


def _lines(plan: Plan) -> Iterator[str]:
    campaign = plan.campaign
    yield f"campaign: {campaign.name}"
    yield from _facts("  ", goal=campaign.goal, summary=campaign.summary, owner=campaign.owner)
    yield from _facts("  ", starts=campaign.starts, ends=campaign.ends)
    for outcome in plan.outcomes:
        yield f"outcome {outcome.id}: {outcome.title} ({outcome.type})"
        for m in outcome.measures:
            yield f"  measure {m.id}: {m.metric}"
            yield from _facts("    ", unit=m.unit, baseline=m.baseline, target=m.target)
            yield from _facts("    ", due=m.due, source=m.source)
    for audience in plan.audiences:
        yield f"audience {audience.id}: {audience.name}"
        yield from _facts("  ", size=audience.size, channels=audience.channels)
        yield from _each("  motivation", audience.motivations)
        yield from _each("  barrier", audience.barriers)
    for channel in plan.channels or []:
        yield f"channel {channel.id}: {channel.mode}"
        yield from _facts("  ", owner=channel.owner)
    yield from _journeys(plan)
    yield from _rest(plan)


def _journeys(plan: Plan) -> Iterator[str]:
    for journey in plan.journeys:
        yield f"journey {journey.id}: for audience {journey.audience}"
        yield from _facts("  ", outcomes=journey.outcomes)
        for number, stage in enumerate(journey.stages, start=1):
            name = f": {stage.name}" if stage.name else ""
            yield f"  stage {stage.id or number}{name} ({stage.level})"
            yield from _facts("    ", content=stage.content, channels=stage.channels)
            for cta in stage.ctas:
                yield f"    cta{' ' + cta.id if cta.id else ''}: {cta.ask} ({cta.mode})"
                yield from _facts("      ", measure=cta.measure)


def _rest(plan: Plan) -> Iterator[str]:
    for bridge in plan.bridges:
        name = f" {bridge.id}" if bridge.id else ""
        yield f"bridge{name}: {bridge.journey}: {bridge.from_} -> {bridge.to}"
        yield from _facts("  ", how=bridge.how)
    for mechanism in plan.community:
        yield f"community {mechanism.id}: {mechanism.name} ({mechanism.kind})"
        yield from _facts("  ", audiences=mechanism.audiences, description=mechanism.description)
        yield from _facts("  ", tools=mechanism.tools)
    for phase in plan.phases:
        yield f"phase {phase.id}: {phase.name}"
        yield from _facts("  ", starts=phase.starts, ends=phase.ends, review=phase.review)
    for review in plan.reviews:
        yield f"review {review.phase} on {review.date}"
        yield from _facts("  ", learned=review.learned, changes=review.changes)
    for result in plan.results:
        yield f"result {result.measure} on {result.date}: {result.value}"


def _facts(indent: str, **facts: Any) -> Iterator[str]:
    """`name value` lines for the facts that are set; lists on one line, `; `-separated."""
    for name, value in facts.items():
        if value is None or value == []:
            continue
        shown = "; ".join(value) if isinstance(value, list) else value
        yield f"{indent}{name}: {_one_line(str(shown))}"


def _each(prefix: str, values: list[str]) -> Iterator[str]:
    for value in values:
        yield f"{prefix}: {_one_line(value)}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
