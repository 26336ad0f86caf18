"""The one place that builds Jinja environments, over the templates shipped with movekit."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from movekit.source import resolve_plain

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.;()'/&+!?-]*")


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
    env.filters["yaml"] = yaml_scalar
    return env


def yaml_scalar(text: object) -> str:
    """Text as a YAML scalar that reads back as the same text: plain when safe, else quoted."""
    value = str(text)
    plain = _PLAIN.fullmatch(value) and not value.endswith(" ") and resolve_plain(value) == value
    return value if plain else json.dumps(value, ensure_ascii=False)
