"""The live parts added to each served page: the error banner and the update script.

The script listens to /events (Server-Sent Events: the browser keeps one connection open
and the server writes a line on each change, so the page never polls). When the version
it is told differs from its own, it fetches the page again and swaps the head and body in
place, keeping the scroll position: no reload, no flash.
"""

from __future__ import annotations

import re
from html import escape

from movekit.preview.build import Problem

SCRIPT = """\
(function () {
  var own = function () { return document.getElementById("movekit-preview").dataset.version; };
  var swap = function (text) {
    var fresh = new DOMParser().parseFromString(text, "text/html");
    var x = window.scrollX, y = window.scrollY;
    document.head.innerHTML = fresh.head.innerHTML;
    document.body.innerHTML = fresh.body.innerHTML;
    window.scrollTo(x, y);
  };
  var events = new EventSource("/events");
  events.onmessage = function (message) {
    if (message.data === own()) { return; }
    fetch(window.location.href, {cache: "no-store"})
      .then(function (answer) { return answer.text(); })
      .then(swap);
  };
})();
"""

STYLE = (
    "position:sticky;top:0;z-index:1000;margin:0;padding:0.75em 1em;background:#fde8e8;"
    "color:#611;border-bottom:3px solid #b00;font:15px/1.4 system-ui,sans-serif"
)

BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
KEPT = ": the document below is the last one drawn without errors"

WAITING = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><p>{title}: the document appears here as soon as the plan can be read.</p></main>
</body></html>
"""
"""Shown when a plan has had errors since the preview started: there is no document yet."""


def live(html: str | None, version: int, problems: list[Problem], title: str) -> str:
    """The page served: the banner first in the body, the script last."""
    page = html if html is not None else WAITING.format(title=escape(title))
    script = f'<script id="movekit-preview" data-version="{version}">{SCRIPT}</script>\n'
    end = page.rfind("</body>")
    page = page[:end] + script + page[end:] if end != -1 else page + script
    opened = BODY.search(page)
    at = opened.end() if opened else 0
    return page[:at] + banner(problems, title, html is not None) + page[at:]


def banner(problems: list[Problem], title: str, kept: bool = True) -> str:
    """A red band listing each error with its line and column; nothing when there are none."""
    if not problems:
        return ""
    items = "".join(f"<li>{escape(_where(problem))}</li>" for problem in problems)
    return (
        f'<div id="movekit-preview-banner" role="alert" style="{STYLE}">'
        f"<strong>{escape(title)} has errors{KEPT if kept else ''}. Fix them and save; "
        f"this page updates itself:</strong><ul>{items}</ul></div>\n"
    )


def _where(problem: Problem) -> str:
    if problem.line is None:
        return problem.message
    return f"line {problem.line}, column {problem.column}: {problem.message}"
