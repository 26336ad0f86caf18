"""The plan document's content, in the method's order, as plain data the templates read.

Nothing here formats or escapes: numbers stay numbers and dates stay dates, so each
output format (Markdown, HTML) presents them its own way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from movekit.asof import known_findings  # as of (issue 16)
from movekit.findings import Finding, Severity
from movekit.model import LEVELS, Cta, Plan
from movekit.render.activities import Activities, activities
from movekit.render.budget import Budget, budget
from movekit.render.channels import ChannelPlan, ChannelRef, channel_plan, channel_refs
from movekit.render.formatting import stage_name
from movekit.render.gaps import PeopleGaps, people_gaps  # gaps for people (issue 16)
from movekit.render.iterate import Iteration, iteration
from movekit.render.names import journey_names  # display names (issue 16)
from movekit.render.power import WhoDecides, target_names, who_decides
from movekit.render.risks import AssumptionsAndRisks, assumptions_and_risks
from movekit.render.stakeholders import Messages, messages
from movekit.render.strategy import OutcomeSection, outcome_sections
from movekit.render.summary import Summary, summary  # the summary page (issue 16)
from movekit.review.budget import budget_row  # the summary's money line (issue 16)


@dataclass(frozen=True)
class Cover:
    """The first page: what the campaign is, who runs it, and the date of the data."""

    name: str
    goal: str
    summary: str | None
    owner: str | None
    starts: dt.date | None
    ends: dt.date | None
    as_of: dt.date


@dataclass(frozen=True)
class AudienceSection:
    """Who the campaign wants to reach, and what moves or stops them."""

    id: str
    name: str
    size: float | None
    motivations: list[str]
    barriers: list[str]
    channels: list[ChannelRef]
    journeys: list[str]
    """Ids of the journeys planned for this audience."""


@dataclass(frozen=True)
class CtaRow:
    """One call to action: the ask, online or on the ground, and what counts it."""

    ask: str
    mode: str
    measure: str | None
    measure_metric: str | None
    owner: str | None = None
    date: dt.date | None = None
    """The ask's first date, for templates written before asks had several."""
    target: str | None = None
    """The name of the decision-maker the ask puts pressure on."""
    dates: tuple[dt.date, ...] = ()
    """Every date of the ask, in the plan's order."""


@dataclass(frozen=True)
class StageRow:
    """One stage of a journey, numbered from 1."""

    number: int
    id: str | None
    name: str
    level: str
    content: list[str]
    channels: list[ChannelRef]
    ctas: list[CtaRow]
    phase: str | None = None
    """The name of the phase in which the stage's asks run."""


@dataclass(frozen=True)
class BridgeRow:
    """A link from an online stage to a later on-the-ground one (stage numbers from 1)."""

    number: int
    id: str | None
    from_stage: int
    from_name: str
    to_stage: int
    to_name: str
    how: str | None
    faults: tuple[str, ...] = ()
    """What is wrong with the bridge in words (`goes backwards, to an earlier stage`): the
    mistakes check reports as bridge-backwards and bridge-mode-mismatch; empty when sound."""


@dataclass(frozen=True)
class JourneySection:
    """One audience's path from a first message to the final goal."""

    id: str
    audience: str
    outcomes: list[str]
    """Titles of the outcomes the journey drives."""
    stages: list[StageRow]
    bridges: list[BridgeRow]
    """Only the bridges whose stages both exist in this journey."""
    owner: str | None = None

    @property
    def phased(self) -> bool:
        """True when any stage names its phase: the stage table then has a phase column."""
        return any(stage.phase is not None for stage in self.stages)


@dataclass(frozen=True)
class MechanismRow:
    """A way for the community to own the campaign."""

    id: str
    name: str
    kind: str
    audiences: list[str]
    description: str | None
    tools: list[str]
    owner: str | None = None


@dataclass(frozen=True)
class GapRow:
    """One `movekit check` finding, placed by line (the file is the plan itself)."""

    code: str
    rule: str
    message: str
    line: int
    hint: str


@dataclass(frozen=True)
class GapGroup:
    """The findings of one severity."""

    severity: str
    findings: list[GapRow]


@dataclass(frozen=True)
class Document:
    """Everything a plan document shows, section by section in the method's order."""

    cover: Cover
    outcomes: list[OutcomeSection]
    audiences: list[AudienceSection]
    journeys: list[JourneySection]
    community: list[MechanismRow]
    channel_plan: ChannelPlan
    iteration: Iteration
    gaps: list[GapGroup] | None
    """None when the reader asked for no gaps (`--no-gaps`); [] when there are none."""
    who_decides: WhoDecides
    """The decision-makers (`targets`); the section shows only when there are some."""
    assumptions_and_risks: AssumptionsAndRisks
    """The section shows only when the plan has assumptions or risks."""
    levels: tuple[str, ...] = LEVELS
    activities: Activities | None = None
    """The team's own work, on the timeline; falsy when the plan has none."""
    messages: Messages | None = None
    """The Messages section; falsy when the plan has no messages."""
    budget: Budget | None = None
    """The Budget section; falsy when the plan has no budget, item budgets or spend."""
    # summary, gaps for people and display names (issue 16)
    summary: Summary | None = None
    """The one-page summary after the cover."""
    people_gaps: PeopleGaps | None = None
    """The open gaps by section, in the document's words; None with `--no-gaps`."""
    gap_details: bool = True
    """Show the appendix for whoever edits the plan (codes, lines); False with
    `--no-gap-details`."""
    journey_names: dict[str, str] = field(default_factory=dict)
    """Journey id -> what the document calls it (its audience's name)."""


def build_document(
    plan: Plan, findings: Sequence[Finding] | None, today: dt.date, gap_details: bool = True
) -> Document:
    """The document for a valid plan; `findings` None leaves out the open gaps."""
    document = Document(
        cover=_cover(plan, today),
        outcomes=outcome_sections(plan, today),
        audiences=_audiences(plan),
        journeys=[_journey(plan, index) for index in range(len(plan.journeys))],
        community=_community(plan),
        channel_plan=channel_plan(plan),
        iteration=iteration(plan, today),
        # as of (issue 16): findings about entries dated after the document's date would
        # show those entries; the document leaves them out (movekit.asof)
        gaps=None if findings is None else gap_groups(known_findings(findings)),
        who_decides=who_decides(plan),
        assumptions_and_risks=assumptions_and_risks(plan, today),
        activities=activities(plan),
        messages=messages(plan),
        budget=budget(plan, today),
    )
    return _for_people(document, plan, findings, gap_details)


# summary and gaps for people (issue 16)
def _for_people(
    document: Document, plan: Plan, findings: Sequence[Finding] | None, gap_details: bool
) -> Document:
    """The document with its summary page and its gaps by section, in its own names."""
    ar = document.assumptions_and_risks
    chapters = {
        "who-decides": bool(document.who_decides),
        "messages": bool(document.messages),
        "activities": bool(document.activities),
        "budget": bool(document.budget),
        "risks": bool(ar.assumptions or ar.risks),
    }
    shown = frozenset(
        ["community", "channels", "iterate", *(a for a, on in chapters.items() if on)]
    )
    gaps = None if findings is None else people_gaps(plan, known_findings(findings), shown)
    page = summary(
        plan.campaign.goal,
        document.outcomes,
        document.iteration,
        gaps,
        cadence=plan.campaign.review_cadence,  # polish after review (issue 16)
        money=_money_line(plan, document.cover.as_of),
    )
    names = journey_names(plan)
    return replace(
        document, summary=page, people_gaps=gaps, gap_details=gap_details, journey_names=names
    )


# polish after a campaign lead's review (issue 16): one reading of money (money.py)
def _money_line(plan: Plan, today: dt.date) -> str | None:
    """The summary's budget line, in `movekit status`'s words; None without a budget."""
    row = budget_row(plan, today)
    return None if row is None or row.total is None else row.words()


def _cover(plan: Plan, today: dt.date) -> Cover:
    campaign = plan.campaign
    return Cover(
        campaign.name,
        campaign.goal,
        campaign.summary,
        campaign.owner,
        campaign.starts,
        campaign.ends,
        today,
    )


def _audiences(plan: Plan) -> list[AudienceSection]:
    return [
        AudienceSection(
            id=audience.id,
            name=audience.name,
            size=audience.size,
            motivations=list(audience.motivations),
            barriers=list(audience.barriers),
            channels=channel_refs(plan, audience.channels),
            journeys=[journey.id for journey in plan.journeys if journey.audience == audience.id],
        )
        for audience in plan.audiences
    ]


def _audience_name(plan: Plan, audience_id: str) -> str:
    return next((a.name for a in plan.audiences if a.id == audience_id), audience_id)


def _journey(plan: Plan, index: int) -> JourneySection:
    journey = plan.journeys[index]
    titles = {outcome.id: outcome.title for outcome in plan.outcomes}
    stages = _stages(plan, index)
    return JourneySection(
        id=journey.id,
        audience=_audience_name(plan, journey.audience),
        outcomes=[titles.get(outcome, outcome) for outcome in journey.outcomes],
        stages=stages,
        bridges=_bridges(plan, journey.id, stages),
        owner=journey.owner,
    )


def _stages(plan: Plan, index: int) -> list[StageRow]:
    phases = {phase.id: phase.name for phase in plan.phases}
    metrics = {m.id: m.metric for outcome in plan.outcomes for m in outcome.measures}
    targets = target_names(plan)
    return [
        StageRow(
            number=number,
            id=stage.id,
            name=stage_name(stage, number - 1),
            level=stage.level,
            content=list(stage.content),
            channels=channel_refs(plan, stage.channels),
            ctas=[_cta(cta, metrics, targets) for cta in stage.ctas],
            phase=None if stage.phase is None else phases.get(stage.phase, stage.phase),
        )
        for number, stage in enumerate(plan.journeys[index].stages, start=1)
    ]


def _cta(cta: Cta, metrics: dict[str, str], targets: dict[str, str]) -> CtaRow:
    target = None if cta.target is None else targets.get(cta.target, cta.target)
    measure = metrics.get(cta.measure or "")
    dates = tuple(cta.date or ())
    first = dates[0] if dates else None
    return CtaRow(cta.ask, cta.mode, cta.measure, measure, cta.owner, first, target, dates)


def _bridges(plan: Plan, journey_id: str, stages: list[StageRow]) -> list[BridgeRow]:
    by_id = {stage.id: stage for stage in stages if stage.id is not None}
    rows: list[BridgeRow] = []
    for bridge in plan.bridges:
        start, end = by_id.get(bridge.from_), by_id.get(bridge.to)
        if bridge.journey != journey_id or start is None or end is None:
            continue
        number = len(rows) + 1
        rows.append(
            BridgeRow(
                number,
                bridge.id,
                start.number,
                start.name,
                end.number,
                end.name,
                bridge.how,
                bridge_faults(start, end),
            )
        )
    return rows


# issue 16: a bridge that check reports is drawn and listed as one (diagram.py, journeys)
def bridge_faults(start: StageRow, end: StageRow) -> tuple[str, ...]:
    """What check's bridge rules would say of a bridge from `start` to `end`, in words."""
    faults = []
    if end.number == start.number:
        faults.append("starts and ends at the same stage")
    elif end.number < start.number:
        faults.append("goes backwards, to an earlier stage")
    if all(cta.mode != "online" for cta in start.ctas):
        faults.append("starts at a stage with no online ask")
    if all(cta.mode != "offline" for cta in end.ctas):
        faults.append("leads to a stage with no ask on the ground")
    return tuple(faults)


def _community(plan: Plan) -> list[MechanismRow]:
    return [
        MechanismRow(
            id=mechanism.id,
            name=mechanism.name,
            kind=mechanism.kind,
            audiences=[_audience_name(plan, audience) for audience in mechanism.audiences],
            description=mechanism.description,
            tools=list(mechanism.tools),
            owner=mechanism.owner,
        )
        for mechanism in plan.community
    ]


def gap_groups(findings: Sequence[Finding]) -> list[GapGroup]:
    """Findings grouped errors first, each group in the order of the plan's lines."""
    groups = []
    for severity in Severity:
        rows = [
            GapRow(f.code, f.rule, f.message, f.line, f.hint)
            for f in sorted(findings, key=lambda f: (f.line, f.column, f.code))
            if f.severity is severity
        ]
        if rows:
            groups.append(GapGroup(severity.value, rows))
    return groups
