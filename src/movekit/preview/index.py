"""The page listing a folder's plans: name, goal, how the measures stand, gaps, a link."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from movekit.findings import Severity
from movekit.render.summary import STATUS_WORDS

if TYPE_CHECKING:
    from movekit.preview.site import Entry


PAGE = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Plans in {folder}</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}
table{{border-collapse:collapse;width:100%}}th,td{{text-align:left;padding:.4em;
border-bottom:1px solid #ccc;vertical-align:top}}</style></head>
<body><main><h1>Plans in {folder}</h1>
<table><thead><tr><th>Plan</th><th>Goal</th><th>Measures</th><th>Open gaps</th></tr></thead>
<tbody>
{rows}</tbody></table></main></body></html>
"""


def index_page(folder: Path, entries: list[Entry]) -> str:
    """One row per plan, linking to its document."""
    return PAGE.format(folder=escape(folder.name or str(folder)), rows="".join(map(_row, entries)))


def _row(entry: Entry) -> str:
    built = entry.built
    link = f'<a href="{escape(entry.route)}">{escape(built.name or entry.path.name)}</a>'
    if built.html is None:
        return (
            f"<tr><td>{link}<br><small>{escape(entry.path.name)}</small></td>"
            f"<td colspan=3>cannot be read: {_errors(len(built.problems))} to fix</td></tr>\n"
        )
    statuses = ", ".join(
        f"{count} {STATUS_WORDS.get(status, status)}" for status, count in built.statuses.items()
    )
    return (
        f"<tr><td>{link}<br><small>{escape(entry.path.name)}</small></td>"
        f"<td>{escape(built.goal)}</td><td>{escape(statuses or 'none yet')}</td>"
        f"<td>{_gaps(entry)}</td></tr>\n"
    )


def _gaps(entry: Entry) -> str:
    findings = entry.built.findings
    if not findings:
        return "none"
    words = {Severity.ERROR: "need attention", Severity.WARNING: "worth a look"}
    counts = {
        word: sum(1 for f in findings if f.severity == severity) for severity, word in words.items()
    }
    later = len(findings) - sum(counts.values())
    parts = [f"{count} {word}" for word, count in counts.items() if count]
    return escape(", ".join([*parts, *([f"{later} for later"] if later else [])]))


def _errors(count: int) -> str:
    return "1 error" if count == 1 else f"{count} errors"
