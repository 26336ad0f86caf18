"""Generate realistic large movekit plans, deterministically from a seed.

Usage: python benchmarks/generate.py SIZE [--seed N] [-o FILE]
SIZE is a byte count with an optional unit: 10KB, 1MB, 20MB. The plan is valid (no
file-level errors) and looks like a real one scaled up: N audiences, each with a journey
of M stages climbing the ladder, several calls to action per stage, measures with
results, channels, bridges, community mechanisms, phases and reviews.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

LEVELS = ("awareness", "engagement", "action", "ownership")
WORDS = [
    "parents",
    "residents",
    "councillors",
    "volunteers",
    "donors",
    "students",
    "nurses",
    "tenants",
    "cyclists",
    "carers",
    "neighbours",
    "teachers",
    "shopkeepers",
    "commuters",
    "grandparents",
    "young-people",
    "faith-groups",
]
CONTENT = ("short film", "air-quality map", "route map", "leaflet", "story", "data pack", "podcast")
ASKS = (
    "Sign the petition",
    "Share the map",
    "Join a walking bus",
    "Come to the meeting",
    "Write to your councillor",
    "Host a street stall",
    "Run a street team",
)
STAGES_PER_JOURNEY = 6
UNITS = {"KB": 1_000, "MB": 1_000_000, "B": 1}


def parse_size(text: str) -> int:
    """`20MB` -> 20_000_000."""
    upper = text.strip().upper()
    for unit, factor in UNITS.items():
        if upper.endswith(unit):
            return int(float(upper[: -len(unit)]) * factor)
    return int(upper)


def header() -> list[str]:
    return [
        "# A generated plan for benchmarks (benchmarks/generate.py).",
        "movekit: 1",
        "",
        "campaign:",
        "  name: Clean Air Everywhere",
        "  goal: Every council in the region adopts School Streets by July 2027",
        "  owner: Clean Air Network",
        "  starts: 2027-01-11",
        "  ends: 2027-07-31",
        "",
        "channels:",
        "  - {id: web, mode: online, owner: Digital team}",
        "  - {id: street, mode: offline, owner: Organisers}",
    ]


def audience_block(index: int, rng: random.Random) -> dict[str, list[str]]:
    """The lines one audience adds to each section."""
    who = f"{rng.choice(WORDS)}-{index}"
    outcome, measure = f"outcome-{index}", f"measure-{index}"
    target = rng.randrange(100, 5000)
    blocks: dict[str, list[str]] = {
        "outcomes": [
            f"  - id: {outcome}",
            f"    title: {who.replace('-', ' ').capitalize()} take part in School Streets",
            f"    type: {rng.choice(('behaviour', 'support', 'policy'))}",
            "    measures:",
            f"      - id: {measure}",
            f"        metric: {who.capitalize()} who joined an action",
            "        unit: people",
            "        baseline: 0",
            f"        target: {target}",
            "        due: 2027-06-30",
            "        source: Sign-up sheet",
        ],
        "audiences": [
            f"  - id: {who}",
            f"    name: {who.replace('-', ' ').capitalize()} in area {index}",
            f"    size: {rng.randrange(500, 50000)}",
            "    motivations: [Their children's health, Safer streets]",
            "    barriers: [No spare time]",
            "    channels: [web, street]",
        ],
        "journeys": [
            f"  - id: {who}-journey",
            f"    audience: {who}",
            f"    outcomes: [{outcome}]",
            "    stages:",
        ],
        "bridges": [f"  - {{journey: {who}-journey, from: s1, to: s2, how: SMS invite}}"],
        "community": [
            f"  - id: kit-{index}",
            "    name: Street kit",
            "    kind: create",
            f"    audiences: [{who}]",
            "    tools: [Handbook, Banner kit]",
        ],
        "results": [
            f"  - {{measure: {measure}, date: 2027-02-0{day}, value: {target * day // 20}}}"
            for day in range(1, 4)
        ],
    }
    for step in range(STAGES_PER_JOURNEY):
        level = LEVELS[min(step * len(LEVELS) // STAGES_PER_JOURNEY, len(LEVELS) - 1)]
        mode = "online" if step < 2 else "offline"
        blocks["journeys"] += [
            f"      - id: s{step}",
            f"        name: Stage {step} for {who}",
            f"        level: {level}",
            f"        content: [{rng.choice(CONTENT)}, {rng.choice(CONTENT)}]",
            f"        channels: [{'web' if mode == 'online' else 'street'}]",
            "        ctas:",
        ]
        for ask in rng.sample(ASKS, 2):
            blocks["journeys"].append(
                f"          - {{ask: {ask}, mode: {mode}, measure: {measure}}}"
            )
    return blocks


def generate(size: int, seed: int = 1) -> str:
    """A valid plan of roughly `size` bytes (at least one audience)."""
    rng = random.Random(seed)
    sections: dict[str, list[str]] = {}
    total, index = 0, 0
    while total < size or index == 0:
        for name, lines in audience_block(index, rng).items():
            sections.setdefault(name, []).extend(lines)
            total += sum(len(line) + 1 for line in lines)
        index += 1
    lines = header()
    for name in ("outcomes", "audiences", "journeys", "bridges", "community", "results"):
        lines += ["", f"{name}:", *sections[name]]
    lines += [
        "",
        "phases:",
        "  - {id: launch, name: Launch, starts: 2027-01-11, ends: 2027-03-31, review: 2027-04-02}",
        "",
        "reviews:",
        "  - {phase: launch, date: 2027-04-02, learned: Maps worked, changes: More maps}",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", help="target size, such as 10KB, 1MB or 20MB")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    args = parser.parse_args(argv)
    text = generate(parse_size(args.size), args.seed)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
