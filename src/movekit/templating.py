"""The one place that builds Jinja environments, over the templates shipped with movekit."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib.resources import files
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from movekit.yamltext import scalar


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
    template from a shared folder must not reach Python's internals or change the plan.
    """
    loaders: list[BaseLoader] = [FileSystemLoader(templates_dir() / "document")]
    if user_dir is not None:
        loaders.insert(0, FileSystemLoader(user_dir))
    kind = Environment if user_dir is None else ImmutableSandboxedEnvironment
    return kind(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=html,
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
