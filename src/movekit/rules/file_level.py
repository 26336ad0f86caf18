"""File-level codes: problems with the file itself, found while loading it, not by lint rules.

They have no check function: the loader (source.py), the validator (validate.py,
references.py) and the engine's suppression handling report them. Their documentation
lives here so that `movekit rules`, `movekit explain` and docs/rules.md cover every code.
"""

from __future__ import annotations

from movekit.findings import Severity
from movekit.rules.base import Rule

_ALWAYS = (
    " File-level errors cannot be ignored or downgraded, and lint rules only run once a "
    "file has none."
)

YAML_SYNTAX = Rule(
    code="MK001",
    name="yaml-syntax",
    severity=Severity.ERROR,
    summary="The file is not valid YAML.",
    what=(
        "Reported when the YAML parser cannot read the file, at the line and column where it "
        "gave up, with an excerpt of the line. Also covers text that is not UTF-8, control "
        "characters, more than one document in a file, an alias with no anchor, values nested "
        "more than 100 levels deep and aliases that expand to more than 100,000 values "
        "('billion laughs')." + _ALWAYS
    ),
    why=(
        "Nothing else can be checked until the plan can be read. The parser's position is "
        "usually on the broken line or the one after it."
    ),
    example="""\
campaign:
  name: Clean Air Streets
  goal: Council adopts: School Streets   # a second ': ' on one line
""",
    fix="""\
Quote text that contains `: ` or starts with a special character:

  goal: "Council adopts: School Streets"
""",
    always_on=True,
)

SCHEMA = Rule(
    code="MK002",
    name="schema",
    severity=Severity.ERROR,
    summary="A value has the wrong type, a required key is missing or a value is not allowed.",
    what=(
        "Reported for a value of the wrong type (text where a list is expected, a number "
        "where a date is expected), a value outside its list of allowed values (levels, modes, "
        "outcome types, mechanism kinds: the message names the allowed ones), an id that is "
        "not a lowercase slug, a YAML tag such as `!!python/object`, and a required key that "
        "is missing. A wrong value points at the value; a missing key points at the mapping "
        "that should hold it." + _ALWAYS
    ),
    why=(
        "Every command reads the plan the same way; a value movekit cannot understand would "
        "silently drop out of the plan document and the checks."
    ),
    example="""\
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - level: interest        # not a level
""",
    fix="""\
Use one of the allowed values: awareness, engagement, action or ownership.

      - level: engagement
""",
    always_on=True,
)

UNKNOWN_KEY = Rule(
    code="MK003",
    name="unknown-key",
    severity=Severity.ERROR,
    summary="A key the plan format does not know.",
    what=(
        "Reported at the key, with a 'did you mean' suggestion from the keys allowed there. "
        "Keys starting with `x-` are free for your own notes and are never reported." + _ALWAYS
    ),
    why="A misspelt key (motivation for motivations) would be ignored without a word.",
    example="""\
audiences:
  - id: parents
    name: Parents
    motivation: Their children's health
""",
    fix="""\
Use the key the format knows, or prefix your own notes with `x-`:

    motivations: Their children's health
    x-notes: From the 2026 parent survey
""",
    always_on=True,
)

DUPLICATE_ID = Rule(
    code="MK004",
    name="duplicate-id",
    severity=Severity.ERROR,
    summary="Two items of one collection share an id.",
    what=(
        "Ids must be unique within outcomes, measures (across all outcomes), audiences, "
        "channels, journeys, stages and calls to action (within one journey), bridges, "
        "community mechanisms and phases. Reported at the second id, naming the line of the "
        "first." + _ALWAYS
    ),
    why="References by id must point at exactly one thing.",
    example="""\
audiences:
  - {id: parents, name: Parents}
  - {id: parents, name: Grandparents}
""",
    fix="""\
Give each item its own id:

  - {id: grandparents, name: Grandparents}
""",
    always_on=True,
)

UNKNOWN_REFERENCE = Rule(
    code="MK005",
    name="unknown-reference",
    severity=Severity.ERROR,
    summary="A reference names an id that does not exist.",
    what=(
        "Checks journeys' audience and outcomes, stages' and audiences' channels (only when "
        "`channels:` is declared), calls to action's measure, bridges' journey, from and to "
        "(stages of that journey), community audiences, reviews' phase and results' measure. "
        "Reported at the reference, with a 'did you mean' when an id is close." + _ALWAYS
    ),
    why="A journey for an audience that does not exist is a plan nobody can follow.",
    example="""\
journeys:
  - id: parents-journey
    audience: parent        # the audience's id is 'parents'
""",
    fix="""\
Use the id exactly as declared:

    audience: parents
""",
    always_on=True,
)

DUPLICATE_KEY = Rule(
    code="MK006",
    name="duplicate-key",
    severity=Severity.ERROR,
    summary="The same key appears twice in one mapping.",
    what="Reported at the second key, naming the line of the first." + _ALWAYS,
    why=(
        "YAML readers keep one of the two values and drop the other without a word, so half "
        "of what you wrote would be lost."
    ),
    example="""\
campaign:
  name: Clean Air Streets
  name: School Streets Now
""",
    fix="Keep one of them, or merge what they say.",
    always_on=True,
)

UNSUPPORTED_VERSION = Rule(
    code="MK007",
    name="unsupported-version",
    severity=Severity.ERROR,
    summary="`movekit:` is missing or names a format version this release cannot read.",
    what=(
        "A plan starts with `movekit: 1`. When the key is missing (an empty file included) the "
        "rest of the file is still checked; when it names another version, nothing else is "
        "checked, since that format may differ." + _ALWAYS
    ),
    why="The version lets movekit and your team's tools read old plans correctly for years.",
    example="""\
campaign:
  name: Clean Air Streets
""",
    fix="""\
Add the version as the first key:

movekit: 1
campaign:
  name: Clean Air Streets
""",
    always_on=True,
)

UNUSED_SUPPRESSION = Rule(
    code="MK008",
    name="unused-suppression",
    severity=Severity.INFO,
    summary="A `# movekit: ignore[...]` comment silences nothing.",
    what=(
        "Reported at the comment for each code in it that silenced no finding on its line "
        "(or, for a comment alone on its line, on the line below). Unlike the other "
        "file-level codes it can be ignored or have its severity changed in config."
    ),
    why=(
        "Stale suppressions hide future problems: once the gap is fixed, remove the comment "
        "so the check can speak again if the gap comes back."
    ),
    example="""\
      - id: walk
        level: action
        content: [route maps]   # movekit: ignore[MK302]
""",
    fix="Delete the comment, or the code in it that no longer applies.",
)
