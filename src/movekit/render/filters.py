"""movekit's filters for document templates; in a user's template each checks its input.

A user's template may hand a filter the wrong thing (`{{ doc.cover.name|date }}`,
`{{ doc|timeline }}`); the checked filters say so in the template's words ("the date
filter needs a date") instead of failing inside movekit's code, which would look like
a bug in movekit.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable
from typing import Any

from jinja2 import Undefined
from jinja2.exceptions import TemplateRuntimeError

from movekit.render import formatting, names  # names: display names, money (issue 16)
from movekit.render.diagram import journey_diagram
from movekit.render.document import JourneySection
from movekit.render.iterate import Iteration
from movekit.render.markdown import MarkdownText
from movekit.render.mermaid import journey_flowchart, power_flowchart
from movekit.render.power import WhoDecides
from movekit.render.powermap import power_map
from movekit.render.riskgrid import risk_grid
from movekit.render.risks import AssumptionsAndRisks
from movekit.render.timeline import timeline


def mermaid(value: JourneySection | WhoDecides) -> MarkdownText:
    """A journey, or the power map (`doc.who_decides`), as a ```mermaid block."""
    if isinstance(value, WhoDecides):
        return power_flowchart(value)
    return journey_flowchart(value)


FILTERS: dict[str, Callable[..., Any]] = {
    "number": formatting.number,
    "date": formatting.long_date,
    "short_date": formatting.short_date,
    "short_dates": formatting.short_dates,
    "mode": formatting.mode_words,
    "percent": formatting.percent,
    "count": formatting.count,
    "mermaid": mermaid,
    "diagram": journey_diagram,
    "timeline": timeline,
    "power_map": power_map,
    "risk_grid": risk_grid,
    "money": names.money,
    "amount": names.amount,
    "money_text": names.money_text,
    "ordinal": names.ordinal,
    "proportion": names.proportion,
    "readable": names.readable,
    "unit_label": names.unit_label,
}
"""Name -> function, as templates use them (`{{ value|date }}`)."""

_NUMBER = (int, float, type(None))
_DATE = (dt.date, type(None))
_NEEDS: dict[str, tuple[tuple[type, ...], str]] = {
    "number": (_NUMBER, "a number"),
    "date": (_DATE, "a date"),
    "short_date": (_DATE, "a date"),
    "short_dates": ((list, tuple), "a list of dates"),
    "mode": ((str,), "a mode (online, offline or direct)"),
    "percent": (_NUMBER, "a share such as 0.82"),
    "count": ((int,), "a whole number"),
    "mermaid": ((JourneySection, WhoDecides), "a journey (one of doc.journeys) or doc.who_decides"),
    "diagram": ((JourneySection,), "a journey (one of doc.journeys)"),
    "timeline": ((Iteration,), "doc.iteration"),
    "power_map": ((WhoDecides,), "doc.who_decides"),
    "risk_grid": ((AssumptionsAndRisks,), "doc.assumptions_and_risks"),
    "money": (_NUMBER, "an amount of money"),
    "amount": (_NUMBER, "a number"),
    "money_text": ((str,), "a text such as a table cell"),
    "ordinal": ((int,), "a whole number"),
    "proportion": (_NUMBER, "a number"),
    "readable": ((str,), "an id such as school-gate"),
    "unit_label": ((str, type(None)), "a unit"),
}


def checked_filters() -> dict[str, Callable[..., Any]]:
    """The filters, each checking its value and arguments before it runs."""
    return {name: _checked(name, function) for name, function in FILTERS.items()}


def _checked(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    kinds, words = _NEEDS[name]
    signature = inspect.signature(function)

    @functools.wraps(function)
    def checked(value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, Undefined):
            str(value)  # a StrictUndefined says which name does not exist
        if not isinstance(value, kinds) or isinstance(value, bool):
            shown = f"{type(value).__name__} {value!r}"[:60]
            raise TemplateRuntimeError(f"the {name} filter needs {words}, not {shown}")
        try:
            signature.bind(value, *args, **kwargs)
        except TypeError as error:
            raise TemplateRuntimeError(f"the {name} filter: {error}") from None
        if isinstance(value, Iteration) and value.span is None:
            raise TemplateRuntimeError(
                "the timeline filter needs phases with dates: use it inside "
                "{% if doc.iteration.span %}"
            )
        return function(value, *args, **kwargs)

    return checked
