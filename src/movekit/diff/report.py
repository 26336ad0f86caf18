"""Reports of `movekit diff`: text for people, JSON for tools, Markdown for a pull request."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, TextIO

from rich.text import Text

from movekit.console import console
from movekit.diff.changes import Change, FieldChange, PlanDiff
from movekit.findings import Finding
from movekit.printable import json_escaped, visible
from movekit.render.markdown import escape_markdown
from movekit.report.lines import STYLES
from movekit.version import __version__

TITLES = {
    "plan": "Plan",
    "campaign": "Campaign",
    "outcomes": "Outcomes",
    "measures": "Measures",
    "audiences": "Audiences",
    "channels": "Channels",
    "targets": "Targets (who decides)",
    "stakeholders": "Stakeholders",
    "arguments": "Stakeholders",
    "messages": "Messages",
    "journeys": "Journeys",
    "stages": "Stages",
    "ctas": "Calls to action",
    "bridges": "Bridges",
    "community": "Community",
    "activities": "Activities",
    "phases": "Phases",
    "assumptions": "Assumptions",
    "risks": "Risks",
    "reviews": "Reviews",
    "results": "Results",
    "spend": "Spending",
}
"""Section -> its heading; any other section is headed by its name (`new_things`: `New things`).
A stakeholder's arguments come under Stakeholders, right after the stakeholders' changes."""
_MARKS = {"added": ("+", "green"), "removed": ("-", "red"), "changed": ("~", "yellow")}
_PLAIN_VALUE = re.compile(r"[^\s\"']+\Z")


def describe_field(change: FieldChange, arrow: str = "->") -> str:
    """`target 600 -> 800`, `channels + doorstep, - whatsapp`, `title "A" -> "B"`."""
    old, new = change.old, change.new
    if change.name.endswith(" order"):  # `stage order`: the parts in their new order
        return f"{change.name} {', '.join(old)} {arrow} {', '.join(new)}"
    if isinstance(old, list) and isinstance(new, list):
        gone = [f"- {_value(item)}" for item in old if item not in new]
        came = [f"+ {_value(item)}" for item in new if item not in old]
        return f"{change.name}: {', '.join(came + gone)}"
    return f"{change.name} {_value(old)} {arrow} {_value(new)}"


def _value(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):  # one date became several: `2027-04-14, 2027-05-12`
        return ", ".join(_value(item) for item in value) or "(none)"
    if isinstance(value, str) and not _PLAIN_VALUE.match(value):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def describe(change: Change, arrow: str = "->") -> str:
    """The change after its label: its fields, or the item's summary."""
    if change.kind == "changed":
        return "; ".join(describe_field(field, arrow) for field in change.fields)
    return change.summary


def counts_line(diff: PlanDiff) -> str:
    """`1 added, 0 removed, 2 changed; 1 finding appeared, 0 disappeared`."""
    counts = diff.counts()
    appeared = counts["findings_appeared"]
    return (
        f"{counts['added']} added, {counts['removed']} removed, {counts['changed']} changed; "
        f"{appeared} finding{'' if appeared == 1 else 's'} appeared, "
        f"{counts['findings_disappeared']} disappeared"
    )


def _by_section(diff: PlanDiff) -> list[tuple[str, list[Change]]]:
    """The changes under their section's heading, sections in the order changes list them."""
    grouped: dict[str, list[Change]] = {}
    for change in diff.changes:
        grouped.setdefault(_title(change.section), []).append(change)
    return list(grouped.items())


def _title(section: str) -> str:
    return TITLES.get(section) or section.replace("_", " ").capitalize()


def _not_compared(diff: PlanDiff) -> str:
    broken = [v.label for v in (diff.old, diff.new) if v.plan is None]
    return (
        f"{' and '.join(broken)} {'has' if len(broken) == 1 else 'have'} file-level errors, "
        "so only the findings are compared (movekit check shows them)."
    )


def write_text(diff: PlanDiff, out: TextIO) -> None:
    screen = console(out)
    screen.print(Text(f"Changes from {visible(diff.old.label)} to {visible(diff.new.label)}"))
    for line in _text_changes(diff) + _text_findings(diff):
        screen.print(line)
    screen.print(Text(f"\nSummary: {counts_line(diff)}."))


def _text_changes(diff: PlanDiff) -> list[Text]:
    if not diff.compared:
        return [Text(""), Text(_not_compared(diff), "bold")]
    if not diff.changes:
        return [Text(""), Text("No changes in campaign terms.")]
    lines: list[Text] = []
    for title, changes in _by_section(diff):
        lines += [Text(""), Text(title, "bold")]
        for change in changes:
            mark, style = _MARKS[change.kind]
            detail = describe(change)
            body = visible(change.label + (f": {detail}" if detail else ""))
            lines.append(Text.assemble(f"  {mark} ", (body, style)))
    return lines


def _text_findings(diff: PlanDiff) -> list[Text]:
    if not (diff.appeared or diff.disappeared):
        return [Text(""), Text("No findings appeared or disappeared.")]
    lines = [Text(""), Text("Findings", "bold")]
    for mark, findings in (("+", diff.appeared), ("-", diff.disappeared)):
        for finding in findings:
            where = f"{finding.file}:{finding.line}:{finding.column}"
            lines.append(
                Text.assemble(
                    f"  {mark} ",
                    (finding.code, STYLES[finding.severity]),
                    f" [{finding.severity.value}] {visible(finding.message)} ({visible(where)})",
                )
            )
    return lines


def to_json(diff: PlanDiff) -> dict[str, Any]:
    """The documented JSON shape (docs/git.md)."""
    return {
        "movekit": __version__,
        "old": {"label": diff.old.label, "valid": diff.old.plan is not None},
        "new": {"label": diff.new.label, "valid": diff.new.plan is not None},
        "changes": [_change_json(change) for change in diff.changes],
        "findings": {
            "appeared": [finding.to_dict() for finding in diff.appeared],
            "disappeared": [finding.to_dict() for finding in diff.disappeared],
        },
        "summary": diff.counts(),
    }


def _change_json(change: Change) -> dict[str, Any]:
    return {
        "section": change.section,
        "change": change.kind,
        "key": change.key,
        "label": change.label,
        "summary": change.summary,
        "fields": [{"field": f.name, "old": f.old, "new": f.new} for f in change.fields],
        "item": change.item,
    }


def write_json(diff: PlanDiff, out: TextIO) -> None:
    out.write(json_escaped(json.dumps(to_json(diff), indent=2, ensure_ascii=False)) + "\n")


_QUOTED_ID = re.compile(r"'([a-z0-9][a-z0-9-]*)'")


def md(text: str) -> str:
    """User text made safe for a pull-request comment: literal, on one line, `#1` no link."""
    return escape_markdown(text, anywhere="#")


def _md_label(label: str) -> str:
    return _QUOTED_ID.sub(r"`\1`", md(label))


def write_markdown(diff: PlanDiff, out: TextIO) -> None:
    lines = [
        "## Campaign plan changes",
        "",
        f"{_code(diff.old.label)} → {_code(diff.new.label)}: {counts_line(diff)}",
    ]
    lines += _md_changes(diff) + _md_findings(diff)
    out.write("\n".join(lines) + "\n")


def _md_changes(diff: PlanDiff) -> list[str]:
    if not diff.compared:
        return ["", f"**{md(_not_compared(diff))}**"]
    if not diff.changes:
        return ["", "No changes in campaign terms."]
    lines: list[str] = []
    for title, changes in _by_section(diff):
        lines += ["", f"### {title}", ""]
        for change in changes:
            detail = md(describe(change, "→"))
            lines.append(
                f"- **{change.kind.title()}** {_md_label(change.label)}"
                + (f": {detail}" if detail else "")
            )
    return lines


def _md_findings(diff: PlanDiff) -> list[str]:
    if not (diff.appeared or diff.disappeared):
        return ["", "No findings appeared or disappeared."]
    lines = [
        "",
        "### Findings",
        "",
        "| | Code | Severity | Message | Where |",
        "|---|---|---|---|---|",
    ]
    for status, findings in (("appeared", diff.appeared), ("disappeared", diff.disappeared)):
        lines += [_md_finding(status, finding) for finding in findings]
    return lines


def _md_finding(status: str, finding: Finding) -> str:
    where = _code(f"{finding.file}:{finding.line}:{finding.column}").replace("|", "\\|")
    return (
        f"| {status} | {finding.code} | {finding.severity.value} | "
        f"{md(finding.message)} | {where} |"
    )


def _code(text: str) -> str:
    """A file name as inline code (a backtick in it cannot end the span early)."""
    return "`" + " ".join(text.replace("`", "'").split()) + "`"


DIFF_FORMATS: dict[str, Callable[[PlanDiff, TextIO], None]] = {
    "text": write_text,
    "json": write_json,
    "md": write_markdown,
}
"""Format name -> writer."""
