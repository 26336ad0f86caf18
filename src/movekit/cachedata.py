"""A findings cache entry's body back into findings, trusting nothing in it.

An entry passed its checksum, but the checksum only shows it was written whole: a field of
the wrong type (a line that is text, a severity that does not exist) must still be a miss,
never an internal error or a wrong report.
"""

from __future__ import annotations

from typing import Any

from movekit.findings import Finding, Omitted, Severity

_TEXTS = ("code", "rule", "message", "path", "hint", "where")
_FINDING_KEYS = frozenset({*_TEXTS, "severity", "file", "line", "column", "end_column"})
_OMITTED_KEYS = frozenset({"code", "severity", "count"})
_SEVERITIES = frozenset(severity.value for severity in Severity)


def decode_body(body: Any, file: str) -> tuple[list[Finding], list[Omitted]] | None:
    """The findings and counts of left-out findings in `body`, all about `file`; None when
    anything in it is not exactly as `cache.store` writes it."""
    if not isinstance(body, dict) or set(body) != {"findings", "omitted"}:
        return None
    stored, counted = body["findings"], body["omitted"]
    if not isinstance(stored, list) or not isinstance(counted, list):
        return None
    findings = [_finding(item, file) for item in stored]
    omitted = [_omitted(item, file) for item in counted]
    kept = [finding for finding in findings if finding is not None]
    left_out = [item for item in omitted if item is not None]
    if len(kept) != len(findings) or len(left_out) != len(omitted):
        return None
    return kept, left_out


def _finding(item: Any, file: str) -> Finding | None:
    if not isinstance(item, dict) or set(item) != _FINDING_KEYS or item["file"] != file:
        return None
    end = item["end_column"]
    if not (
        all(isinstance(item[name], str) for name in _TEXTS)
        and item["severity"] in _SEVERITIES
        and _whole(item["line"])
        and _whole(item["column"])
        and (end is None or _whole(end))
    ):
        return None
    return Finding(
        code=item["code"],
        rule=item["rule"],
        severity=Severity(item["severity"]),
        message=item["message"],
        file=file,
        line=item["line"],
        column=item["column"],
        path=item["path"],
        hint=item["hint"],
        where=item["where"],
        end_column=end,
    )


def _omitted(item: Any, file: str) -> Omitted | None:
    if not isinstance(item, dict) or set(item) != _OMITTED_KEYS:
        return None
    code, severity, count = item["code"], item["severity"], item["count"]
    if not isinstance(code, str) or severity not in _SEVERITIES or not _whole(count) or not count:
        return None
    return Omitted(file, code, Severity(severity), count)


def _whole(value: Any) -> bool:
    """A whole number from 0 up (JSON's `true` is not one, though Python's bool is an int)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
