"""The one place that builds Jinja environments, over the templates shipped with movekit."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from importlib.resources import files
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
)
from jinja2.loaders import split_template_path

from movekit.render.sandbox import LimitedSandbox
from movekit.yamltext import scalar

MAX_TEMPLATE_BYTES = 1_000_000
"""The largest template file movekit reads from a user's folder."""


class TemplateRefused(TemplateError):
    """A file in the user's template folder that movekit will not read, and why."""

    def __init__(self, filename: str, reason: str) -> None:
        super().__init__(reason)
        self.filename = filename


class FolderLoader(FileSystemLoader):
    """The templates of one folder, never a file that a link leads to outside it.

    Otherwise a shared template folder holding a link to a private file (`leak.txt` ->
    /etc/passwd) would copy that file into the document.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.folder = os.fspath(folder)

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = Path(self.folder, *split_template_path(template))
        filename = os.fspath(path)
        if not path.is_file():  # nor a FIFO or a device: those are never opened
            raise TemplateNotFound(template)
        real = path.resolve()
        if not real.is_relative_to(Path(self.folder).resolve()):
            raise TemplateRefused(
                filename,
                f"it is a link to {real}, outside the template folder {self.folder}; "
                "copy that file into the folder instead",
            )
        if real.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateRefused(filename, "it is over 1 MB, too big for a template")
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as error:
            raise TemplateRefused(filename, "it is not UTF-8 text") from error


def templates_dir() -> Path:
    """The folder of built-in templates (the top-level templates/ of the repository)."""
    return Path(str(files("movekit.templates")))


def environment() -> Environment:
    """Jinja for movekit's own text templates (YAML, TOML): strict, no autoescaping."""
    env = Environment(
        loader=FileSystemLoader(templates_dir()),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    # values as `movekit fmt` writes them, in a block and in a flow collection ([a, b])
    env.filters["yaml"] = scalar
    env.filters["yaml_flow"] = partial(scalar, flow=True)
    return env


def document_environment(
    user_dir: Path | None, *, html: bool, finalize: Callable[[object], object] | None = None
) -> Environment:
    """Jinja for plan documents (templates/document/): strict, HTML escaped when `html`.

    A user's `--template DIR` is searched first, so its files replace built-in templates
    of the same name; with one, everything runs in Jinja's immutable sandbox, because a
    template from a shared folder must not reach Python's internals or change the plan,
    and within movekit's limits on sizes, loops and calls (render/sandbox.py).
    """
    loaders: list[BaseLoader] = [FileSystemLoader(templates_dir() / "document")]
    if user_dir is not None:
        loaders.insert(0, FolderLoader(user_dir))
    kind = Environment if user_dir is None else LimitedSandbox
    return kind(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=html,
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
