"""Open gaps for people: check's findings grouped by the part of the document they concern.

A board reads "Responses to the council consultation missed its target" under that
outcome's name, linked to the outcome; rule codes, line numbers and the tool's own notices
(an unused suppression) are for whoever edits the plan, in an appendix (`doc.gaps`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from movekit.findings import Finding, Severity
from movekit.model import Plan
from movekit.render.gapwords import ask_names, in_words, plan_names, stage_names
from movekit.render.names import journey_names

LABELS = {"error": "Needs attention", "warning": "Worth a look", "info": "For later"}
"""A severity in a board's words: a missed target is not an "error" to its readers."""

TOOL_NOTICES = frozenset({"MK008"})
"""Findings about the checking itself (a suppression that suppresses nothing): appendix only."""

_TOP = re.compile(r"^([A-Za-z_-]+)(?:\[(\d+)\])?")

CHAPTERS = {
    "targets": ("Who decides", "who-decides"),
    "stakeholders": ("Who decides", "who-decides"),
    "messages": ("Messages", "messages"),
    "community": ("Community ownership", "community"),
    "channels": ("Channel plan", "channels"),
    "phases": ("Phases, reviews and results", "iterate"),
    "reviews": ("Phases, reviews and results", "iterate"),
    "results": ("Phases, reviews and results", "iterate"),
    "activities": ("Activities", "activities"),
    "spend": ("Budget", "budget"),
    "assumptions": ("Assumptions and risks", "risks"),
    "risks": ("Assumptions and risks", "risks"),
}
"""A top-level key of the plan -> the chapter that shows it, and that chapter's anchor."""

ORDER: tuple[str, ...] = ("plan", "outcomes", "who-decides", "audiences", "messages", "journeys")
ORDER += ("community", "channels", "iterate", "activities", "budget", "risks")
"""The document's order of sections, by anchor or anchor prefix."""


@dataclass(frozen=True)
class PersonGap:
    """One gap in plain words: what the document's readers should know, and how much."""

    id: str
    """Its anchor (`gap-3`), so the summary can link to it."""
    severity: str
    label: str
    """`Needs attention`, `Worth a look` or `For later`."""
    text: str


@dataclass(frozen=True)
class GapSection:
    """The gaps about one part of the document: an outcome, an audience, a chapter."""

    id: str
    """This group's own anchor (`gaps-outcome-u-turn`), which the part links back to."""
    kind: str
    """What the part is (`Outcome`, `Journey`, `Section`), for a small label."""
    title: str
    """The part's name as the document shows it."""
    anchor: str | None
    """The part's anchor, or None when the document does not show it (then no link)."""
    gaps: list[PersonGap]


@dataclass(frozen=True)
class PeopleGaps:
    """Every gap for people, by section in the document's order."""

    sections: list[GapSection]

    def __bool__(self) -> bool:
        return bool(self.sections)

    @property
    def by_anchor(self) -> dict[str, GapSection]:
        """A part's anchor -> its gaps, for the part's link back to them."""
        return {s.anchor: s for s in self.sections if s.anchor is not None}

    def most_important(self, how_many: int = 3) -> list[PersonGap]:
        """The first errors, then warnings, in the document's order (suggestions never)."""
        gaps = [gap for section in self.sections for gap in section.gaps]
        ranked = [
            gap for severity in ("error", "warning") for gap in gaps if gap.severity == severity
        ]
        return ranked[:how_many]


def people_gaps(plan: Plan, findings: Sequence[Finding], shown: frozenset[str]) -> PeopleGaps:
    """The findings for people; `shown` holds the anchors of the chapters the document has."""
    names = plan_names(plan)
    grouped: dict[tuple[int, int, str], list[tuple[Finding, str]]] = {}
    for finding in sorted(findings, key=lambda f: (_rank(f), f.line, f.column, f.code)):
        if finding.code in TOOL_NOTICES:
            continue
        place = _place(plan, finding.path)
        journey = _journey_index(plan, finding.path)
        here = {**names, "action": {**names["action"], **ask_names(plan, journey)}}
        text = in_words(finding.message, here, stage_names(plan, journey))
        grouped.setdefault(place, []).append((finding, text))
    sections = []
    number = 0
    for place in sorted(grouped, key=lambda key: (key[0], key[1])):
        gaps = []
        for finding, text in grouped[place]:
            number += 1
            severity = finding.severity.value
            gaps.append(PersonGap(f"gap-{number}", severity, LABELS[severity], text))
        sections.append(_section(plan, place, gaps, shown))
    return PeopleGaps(sections)


def _rank(finding: Finding) -> int:
    return list(Severity).index(finding.severity)


def _place(plan: Plan, path: str) -> tuple[int, int, str]:
    """(section's order, item's index, the part's anchor or `key:index` when not shown)."""
    match = _TOP.match(path)
    key, index = (match[1], int(match[2]) if match[2] else -1) if match else ("", -1)
    if path.startswith(("campaign.budget", "campaign.currency")):
        key = "spend"  # the whole budget is shown in the Budget section
    if key == "bridges" and 0 <= index < len(plan.bridges):
        ids = [journey.id for journey in plan.journeys]
        journey = plan.bridges[index].journey
        key, index = ("journeys", ids.index(journey)) if journey in ids else ("", -1)
    items: dict[str, list[str]] = {
        "outcomes": [outcome.id for outcome in plan.outcomes],
        "audiences": [audience.id for audience in plan.audiences],
        "journeys": [journey.id for journey in plan.journeys],
    }
    if key in items and 0 <= index < len(items[key]):
        return ORDER.index(key), index, f"{key[:-1]}-{items[key][index]}"
    if key in CHAPTERS:
        anchor = CHAPTERS[key][1]
        return ORDER.index(anchor), -1, anchor
    return 0, -1, "summary"


def _section(
    plan: Plan, place: tuple[int, int, str], gaps: list[PersonGap], shown: frozenset[str]
) -> GapSection:
    _, index, anchor = place
    if anchor.startswith("outcome-"):
        return GapSection(f"gaps-{anchor}", "Outcome", plan.outcomes[index].title, anchor, gaps)
    if anchor.startswith("audience-"):
        return GapSection(f"gaps-{anchor}", "Audience", plan.audiences[index].name, anchor, gaps)
    if anchor.startswith("journey-"):
        title = journey_names(plan)[plan.journeys[index].id]
        return GapSection(f"gaps-{anchor}", "Journey", title, anchor, gaps)
    if anchor == "summary":
        return GapSection("gaps-plan", "The plan", "The plan as a whole", "summary", gaps)
    title = next(words for words, chapter in CHAPTERS.values() if chapter == anchor)
    link = anchor if anchor in shown else None
    return GapSection(f"gaps-{anchor}", "Section", title, link, gaps)


def _journey_index(plan: Plan, path: str) -> int | None:
    match = _TOP.match(path)
    if match is None or match[1] != "journeys" or match[2] is None:
        return None
    return int(match[2])
