"""Noticing saves: the plans, their config files and a --template folder (watchfiles).

Folders are watched rather than files, so that an editor that saves by writing a new file
and renaming it over the plan is noticed too; only changes to the files that matter count.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from movekit.errors import MovekitError

DEBOUNCE_MS = 50
"""Changes this close together are one save (watchfiles waits 1.6 s by default)."""


class Watcher:
    """A thread that calls `changed(plans)` (None: every plan) after each save."""

    def __init__(
        self,
        plans: list[Path],
        templates: Path | None,
        changed: Callable[[list[Path] | None], None],
    ) -> None:
        self.plans = {plan.resolve(): plan for plan in plans}
        self.configs = _configs(plans)
        self.templates = templates.resolve() if templates is not None else None
        self.changed = changed
        self.ready = threading.Event()
        self.failed = ""
        """Why saves are not being noticed, when they are not."""
        self.stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="movekit-watch", daemon=True)

    def start(self, timeout: float = 5.0) -> None:
        """Start watching; returns once saves are being noticed."""
        self._thread.start()
        self.ready.wait(timeout)

    def close(self) -> None:
        self.stop.set()
        self._thread.join(timeout=2)

    def _folders(self) -> list[Path]:
        folders = {plan.parent for plan in self.plans} | {c.parent for c in self.configs}
        if self.templates is not None:
            folders |= {self.templates, *(p for p in self.templates.rglob("*") if p.is_dir())}
        return sorted(folders)

    def _run(self) -> None:
        try:
            self._watch()
        except Exception as error:  # no watching (too many watched folders...): say so
            self.failed = f"{type(error).__name__}: {error}"
            self.ready.set()

    def _watch(self) -> None:
        from watchfiles import watch

        batches = watch(
            *self._folders(),
            watch_filter=None,
            debounce=DEBOUNCE_MS,
            stop_event=self.stop,
            rust_timeout=100,
            yield_on_timeout=True,
            recursive=False,
            raise_interrupt=False,
        )
        for batch in batches:
            self.ready.set()  # the first timeout: the folders are being watched
            touched = [Path(name) for _, name in batch]
            if touched:
                self._dispatch(touched)

    def _dispatch(self, touched: list[Path]) -> None:
        if any(self._affects_all(path) for path in touched):
            self.changed(None)
            return
        plans = [self.plans[path] for path in touched if path in self.plans]
        if plans:
            self.changed(plans)

    def _affects_all(self, path: Path) -> bool:
        if path in self.configs:
            return True
        return self.templates is not None and path.is_relative_to(self.templates)


def _configs(plans: list[Path]) -> set[Path]:
    """Each plan's config file, and the places one could appear next to the plan."""
    from movekit.config import find_config_file

    found: set[Path] = set()
    for plan in plans:
        folder = plan.resolve().parent
        found |= {folder / "movekit.toml", folder / "pyproject.toml"}
        try:
            config = find_config_file(plan)
        except MovekitError:  # a broken config shows in the banner, not here
            config = None
        if config is not None:
            found.add(config[0].resolve())
    return found
