"""Option parsing shared by several commands."""

from __future__ import annotations

import datetime as dt

import typer


def parse_today(value: str | None) -> dt.date:
    """`--today YYYY-MM-DD`, defaulting to the real date."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is not a date: use YYYY-MM-DD, such as 2027-03-15", param_hint="--today"
        ) from None


TODAY_HELP = "Check as if today were this date (YYYY-MM-DD), for reproducible runs."
