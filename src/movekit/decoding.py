"""A plan file's bytes to text: UTF-8 (with or without a BOM) or UTF-16 with a BOM."""

from __future__ import annotations

from movekit.findings import Problem
from movekit.positions import line_and_column


def decode(raw: bytes) -> tuple[str, Problem | None]:
    """Bytes to text, or an MK001 problem at the first byte that is not UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    body = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as error:
        before = body[: error.start].decode("utf-8", errors="replace")
        line, column = line_and_column(before)
        byte = body[error.start : error.start + 1].hex()
        message = f"The file is not UTF-8 text: byte 0x{byte} cannot be decoded"
        hint = "Save the file as UTF-8 (most editors offer this under 'Save with encoding')"
        if error.reason == "unexpected end of data":  # a character whose last bytes are missing
            message = "The file ends in the middle of a character: it looks cut short"
            hint = "Check that the end of the plan is complete (restore it from a copy if not)"
        return "", Problem(message, hint=hint, line=line, column=column, code="MK001")
