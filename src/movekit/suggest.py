"""Suggestions for values a person typed: the closest allowed word, the ISO form of a date,
the plain form of a number and a valid id. Each suggestion is itself a valid value."""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Sequence

CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u201f\u00ab\u00bb\u2039\u203a"
"""Quotes that word processors put in place of the plain ones YAML reads."""

_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO_LIKE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_DAY_MONTH = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH_NAMES})\.?,? (\d{{4}})", re.I)
_MONTH_DAY = re.compile(rf"({_MONTH_NAMES})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})", re.I)
_ISO_MONTH_LIKE = re.compile(r"(\d{4})-(\d{1,2})")
_NUMERIC_MONTH = re.compile(r"(\d{1,2})[/.-](\d{4})")
_NAMED_MONTH = re.compile(rf"({_MONTH_NAMES})\.?,? (\d{{4}})", re.I)
_THOUSANDS = re.compile(r"[-+]?\d{1,3}([, \u00a0\u202f\u2009']\d{3})+(\.\d+)?")
_PLAIN = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)")
_SHORT = re.compile(r"(\d+(\.\d+)?) ?([kK])")
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


def closest(value: object, choices: Sequence[str]) -> tuple[str, str] | None:
    """The allowed word `value` was probably meant to be, and how to get there."""
    text = str(value).strip()
    unquoted = text.strip(CURLY_QUOTES + "\"'").strip()
    if unquoted != text and unquoted in choices:
        return unquoted, f"remove the curly quotes: {unquoted}"
    lower = unquoted.lower()
    if lower in choices:
        return lower, f"write it in lowercase: {lower}"
    close = difflib.get_close_matches(lower, list(choices), n=1, cutoff=0.6)
    if close:
        return close[0], f"did you mean '{close[0]}'?"
    return None


def date_advice(value: object) -> str:
    """Why `value` is not a date (YYYY-MM-DD, or YYYY-MM for a month), with the date to
    write when it is clear."""
    if isinstance(value, dt.datetime):
        return f"write only the day: {value.date().isoformat()}"
    text = str(value).strip().strip(CURLY_QUOTES + "\"'")
    if match := _ISO_LIKE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        return _day_advice(year, month, day, already_iso=len(text) == 10)
    if match := _NUMERIC.fullmatch(text):
        first, second, year = (int(part) for part in match.groups())
        return _numeric_advice(first, second, year)
    if match := _DAY_MONTH.fullmatch(text):
        named = _MONTHS[match.group(2).lower()]
        return _day_advice(int(match.group(3)), named, int(match.group(1)))
    if match := _MONTH_DAY.fullmatch(text):
        named = _MONTHS[match.group(1).lower()]
        return _day_advice(int(match.group(3)), named, int(match.group(2)))
    by_month = _month_advice(text)
    return by_month or "write it as YYYY-MM-DD, such as 2027-03-31, or YYYY-MM for a month"


def _month_advice(text: str) -> str | None:
    """`2027-3`, `3/2027`, `March 2027` -> `write 2027-03`; None when `text` is no month."""
    if match := _ISO_MONTH_LIKE.fullmatch(text):
        year, month = int(match.group(1)), int(match.group(2))
    elif match := _NUMERIC_MONTH.fullmatch(text):
        year, month = int(match.group(2)), int(match.group(1))
    elif match := _NAMED_MONTH.fullmatch(text):
        year, month = int(match.group(2)), _MONTHS[match.group(1).lower()]
    else:
        return None
    if not 1 <= month <= 12:
        return f"there is no month {month}: write the month as 01 to 12, such as 2027-03"
    if year < 1:
        return "there is no year 0"
    return f"write {year:04d}-{month:02d}"


def _numeric_advice(first: int, second: int, year: int) -> str:
    """`31/12/2027` is day first, `12/31/2027` month first; `03/04/2027` could be either."""
    if first > 12 >= second or first == second:
        return _day_advice(year, second, first)
    if second > 12 >= first:
        return _day_advice(year, first, second)
    if first <= 12 and second <= 12:
        day_first, month_first = _iso(year, second, first), _iso(year, first, second)
        return (
            f"write {day_first} for {first} {calendar.month_name[second]}, "
            f"or {month_first} for {second} {calendar.month_name[first]}"
        )
    return "there is no month above 12: write it as YYYY-MM-DD, such as 2027-03-31"


def _day_advice(year: int, month: int, day: int, already_iso: bool = False) -> str:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if year < 1:
        return "there is no year 0"
    last = calendar.monthrange(year, month)[1]
    if day == 0:
        return "there is no day 0"
    if day > last:
        return f"{calendar.month_name[month]} {year} has {last} days"
    iso = _iso(year, month, day)
    return f"write {iso}" if not already_iso else f"write it as {iso}"


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def number_advice(value: object, largest: float) -> str | None:
    """How to write the number `value` (text) stands for; None when it is unclear."""
    if not isinstance(value, str):
        return None
    text = value.strip().strip(CURLY_QUOTES + "\"'").strip()
    text = text.lstrip("\u00a3$\u20ac\u00a5").strip()
    number: float | None = None
    if _PLAIN.fullmatch(text):
        number = float(text)
    elif _THOUSANDS.fullmatch(text):
        number = float(re.sub(r"[, \u00a0\u202f\u2009']", "", text))
    elif match := _SHORT.fullmatch(text):
        number = float(match.group(1)) * 1000
    if number is None or abs(number) > largest:
        return None
    plain = str(int(number)) if number.is_integer() else repr(number)
    # A plain number held as text was quoted in the file (`"1000"`): YAML reads 1000 as a number.
    quoted = _PLAIN.fullmatch(value.strip()) is not None
    return f"remove the quotes: {plain}" if quoted else f"write {plain}"


def slug_for(value: str) -> str:
    """A valid id made from any text: `Regular Bus Users` -> `regular-bus-users`."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug if _SLUG.match(slug) else "my-id"


def is_slug(value: object) -> bool:
    """Whether `value` is a valid id."""
    return isinstance(value, str) and _SLUG.match(value) is not None
