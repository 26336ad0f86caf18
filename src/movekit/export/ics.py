"""The plan's calendar as iCalendar (RFC 5545), written with the `icalendar` library.

Each event is all-day (DTEND is the day after the last day, as the RFC counts it), with a
UID made of the campaign's name and the event's key, so a calendar subscribed to the file
updates its events when the plan changes. DTSTAMP is the day the export is made for
(`--today`), so two runs on one day give the same bytes.
"""

from __future__ import annotations

import datetime as dt

from movekit.export.events import plan_events
from movekit.model import Plan
from movekit.suggest import slug_for

PRODID = "-//movekit//movekit export//EN"
DOMAIN = "movekit"
"""The part of every UID after the @: UIDs of two campaigns never collide."""


def plan_calendar(plan: Plan, today: dt.date) -> bytes:
    """The plan's dated items as an iCalendar file."""
    import icalendar  # only `export --format ics` needs it

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", plan.campaign.name)
    campaign = slug_for(plan.campaign.name)
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    for found in plan_events(plan, today):
        event = icalendar.Event()
        event.add("uid", f"{campaign}-{found.key}@{DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", found.first)
        event.add("dtend", found.last + dt.timedelta(days=1))
        event.add("summary", found.summary)
        if found.description:
            event.add("description", found.description)
        event.add("categories", [found.category])
        event.add("transp", "TRANSPARENT")  # an all-day reminder, not a busy day
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
