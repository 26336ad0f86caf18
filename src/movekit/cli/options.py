"""Option values shared by several commands; no typer here, so the fast `check` path can use it."""

from __future__ import annotations

import datetime as dt

TODAY_HELP = "Check as if today were this date, so that a run gives the same result any day."


class OptionError(ValueError):
    """An option's value that cannot be used: the message, and the option it is about."""

    def __init__(self, message: str, option: str) -> None:
        super().__init__(message)
        self.option = option


def read_today(value: str | None) -> dt.date:
    """`--today YYYY-MM-DD`, defaulting to the real date; OptionError when it is not a date."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise OptionError(
            f"'{value}' is not a date: use YYYY-MM-DD, such as 2027-03-15", "--today"
        ) from None


def read_format(value: str, formats: tuple[str, ...]) -> str:
    """An output format among `formats`; OptionError naming them when it is not one."""
    if value not in formats:
        raise OptionError(f"'{value}' is not a format; use one of {', '.join(formats)}", "--format")
    return value


def parse_format(value: str, formats: tuple[str, ...]) -> str:
    """`--format` for a typer command: a mistake is typer's BadParameter."""
    try:
        return read_format(value, formats)
    except OptionError as error:
        raise bad_parameter(error) from None


def parse_today(value: str | None) -> dt.date:
    """`--today YYYY-MM-DD` for a typer command: a mistake is typer's BadParameter."""
    try:
        return read_today(value)
    except OptionError as error:
        raise bad_parameter(error) from None


def bad_parameter(error: OptionError) -> Exception:
    """The typer error that reports `error` the way typer reports its own."""
    import typer  # the commands that call this have imported it already

    return typer.BadParameter(str(error), param_hint=error.option)
