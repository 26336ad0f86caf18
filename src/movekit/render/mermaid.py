"""Journeys and the power map as Mermaid flowcharts, for Markdown that GitHub draws.

Plan text goes only into quoted node and edge labels, where every character that is not
a letter, digit, space or plain punctuation becomes a Mermaid entity code (`#60;`), so a
label can never close its quotes, start HTML, end the code fence or carry a `%%{...}%%`
directive. Node ids are movekit's own (`s1`, `s2`), never plan ids.
"""

from __future__ import annotations

import itertools

from movekit.render.document import BridgeRow, JourneySection, StageRow
from movekit.render.formatting import MODES
from movekit.render.markdown import MarkdownText
from movekit.render.plaintext import neutralise
from movekit.render.power import WhoDecides, position_heading

_PLAIN_PUNCTUATION = frozenset(" .,:!?'()/+-")
LEVEL_STYLES = {
    "awareness": "fill:#e3edf7,stroke:#3f6f9f,color:#14283c",
    "engagement": "fill:#ece8f6,stroke:#6a5aa8,color:#241b45",
    "action": "fill:#fbeadb,stroke:#b8651b,color:#4a2608",
    "ownership": "fill:#e0f1e6,stroke:#2f7d4f,color:#0f3320",
}


def label(text: str) -> str:
    """Text safe inside a quoted Mermaid label: one line, entity codes for the rest."""
    flat = " ".join(neutralise(text).split())
    return "".join(
        char if char.isalnum() or char in _PLAIN_PUNCTUATION else f"#{ord(char)};" for char in flat
    )


def _node(stage: StageRow) -> str:
    lines = [f"{stage.number}. {label(stage.name)}", stage.level.capitalize()]
    lines += [f"{MODES[cta.mode].capitalize()}: {label(cta.ask)}" for cta in stage.ctas]
    return f'    s{stage.number}["{"<br/>".join(lines)}"]'


def _bridge(bridge: BridgeRow) -> str:
    """A sound bridge as a thick arrow labelled with its number; one that check reports as
    a dotted arrow whose label says what is wrong."""
    ends = (f"s{bridge.from_stage}", f"s{bridge.to_stage}")
    if not bridge.faults:
        return f'    {ends[0]} == "Bridge {bridge.number}" ==> {ends[1]}'
    words = label(f"Bridge {bridge.number}: needs fixing, {' and '.join(bridge.faults)}")
    return f'    {ends[0]} -.->|"{words}"| {ends[1]}'


def journey_flowchart(journey: JourneySection) -> MarkdownText:
    """The ```mermaid block for one journey, top to bottom so that it reads on a phone as
    on a desktop: stages in order, bridges as thick arrows (dotted when check reports them)."""
    lines = ["```mermaid", "flowchart TB"]
    lines += [_node(stage) for stage in journey.stages]
    lines += [f"    s{s.number} --> s{s.number + 1}" for s in journey.stages[:-1]]
    lines += [_bridge(bridge) for bridge in journey.bridges]
    for level, style in LEVEL_STYLES.items():
        members = [f"s{stage.number}" for stage in journey.stages if stage.level == level]
        if members:
            lines.append(f"    classDef {level} {style}")
            lines.append(f"    class {','.join(members)} {level}")
    lines.append("```")
    return MarkdownText("\n".join(lines))


ROLE_STYLES = {
    "primary": "fill:#ffffff,stroke:#1f2430,stroke-width:3px,color:#1f2430",
    "secondary": "fill:#ffffff,stroke:#5b6270,stroke-dasharray:4 3,color:#1f2430",
}


def power_flowchart(chart: WhoDecides) -> MarkdownText:
    """The ```mermaid block of the power map: a box per position (opposes to supports, left
    to right), each target in its box with its role written out; empty positions are left out."""
    lines = ["```mermaid", "flowchart LR"]
    shown = [p for p in chart.positions if any(t.placed == p for t in chart.targets)]
    for position in shown:
        lines += [f'    subgraph p_{position}["{position_heading(position)}"]', "    direction TB"]
        for target in (t for t in chart.targets if t.placed == position):
            text = f"{target.number}. {label(target.name)}<br/>{target.role.capitalize()}"
            lines.append(f'    t{target.number}["{text}"]')
        lines.append("    end")
    lines += [f"    p_{a} ~~~ p_{b}" for a, b in itertools.pairwise(shown)]
    for role, style in ROLE_STYLES.items():
        members = [f"t{t.number}" for t in chart.targets if t.role == role]
        if members:
            lines += [f"    classDef {role} {style}", f"    class {','.join(members)} {role}"]
    lines.append("```")
    return MarkdownText("\n".join(lines))
