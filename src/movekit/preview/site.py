"""What the preview serves, kept up to date: each plan's last good document and its errors.

The server's threads read pages and wait for changes; the watcher's thread rebuilds.
One lock (a Condition) guards the state, and waiting streams are woken on each change.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from movekit.preview.build import Built, Problem, build
from movekit.preview.index import index_page
from movekit.preview.page import live


@dataclass
class Entry:
    """One plan: where it is served, its latest build and its last good document."""

    path: Path
    route: str
    built: Built = field(default_factory=lambda: Built(None))
    good: str | None = None


class Site:
    """The pages by route ("/" is the document, or the index for a folder) and a version."""

    def __init__(
        self,
        plans: list[Path],
        folder: Path | None,
        today: dt.date,
        templates: Path | None,
        tell: Callable[[str], None] = lambda line: None,
    ) -> None:
        self.folder, self.today, self.templates = folder, today, templates
        self.tell = tell
        """Where the terminal hears of a plan that broke or was fixed (the page shows it too)."""
        self.entries = [Entry(plan, _route(plan, folder)) for plan in plans]
        self.version = 0
        self.stopped = False
        self._changed = threading.Condition()

    def rebuild(self, paths: list[Path] | None = None) -> None:
        """Build the given plans again (all when None) and tell every waiting stream."""
        if paths is None and self.templates is not None:
            _forget_templates()
        for entry in self.entries:
            if paths is None or entry.path in paths:
                built = build(entry.path, self.today, self.templates)
                for line in _news(entry, built):
                    self.tell(line)
                with self._changed:
                    entry.built = built
                    entry.good = built.html if built.html is not None else entry.good
        with self._changed:
            self.version += 1
            self._changed.notify_all()

    def page(self, route: str) -> str | None:
        """The page at this exact route, or None (the server answers 404)."""
        with self._changed:
            if self.folder is not None and route == "/":
                return live(index_page(self.folder, self.entries), self.version, [], "Plans")
            for entry in self.entries:
                if entry.route == route:
                    built, title = entry.built, entry.path.name
                    return live(entry.good, self.version, built.problems, title)
        return None

    def wait(self, seen: int, timeout: float) -> int | None:
        """The version once it differs from `seen`, or None on timeout or when stopping."""
        with self._changed:
            self._changed.wait_for(lambda: self.stopped or self.version != seen, timeout)
            return None if self.stopped or self.version == seen else self.version

    def stop(self) -> None:
        """Wake every stream so that it ends."""
        with self._changed:
            self.stopped = True
            self._changed.notify_all()


def _news(entry: Entry, built: Built) -> list[str]:
    """What the terminal says when a plan's errors change: each error where it is, or that
    the plan reads again."""
    if built.problems == entry.built.problems:
        return []
    if not built.problems:
        return [f"{entry.path}: fixed; the page shows the plan again"]
    count = len(built.problems)
    kept = "the page keeps the last good document" if entry.good else "the page lists them"
    head = f"{entry.path}: {count} error{'s' if count != 1 else ''}; {kept}"
    return [head, *(f"  {_where(problem)}{problem.message}" for problem in built.problems)]


def _where(problem: Problem) -> str:
    if problem.line is None:
        return ""
    column = f", column {problem.column}" if problem.column is not None else ""
    return f"line {problem.line}{column}: "


def _forget_templates() -> None:
    """Compile the templates afresh: a template newly added to the folder now replaces the
    built-in one that was compiled before it existed (Jinja only rechecks files it read)."""
    from movekit.render.templates import environment

    environment.cache_clear()


def _route(plan: Path, folder: Path | None) -> str:
    if folder is None:
        return "/"
    return "/plans/" + quote(plan.relative_to(folder).as_posix())
