"""How movekit names a plan's items in words, for messages, reports and documents."""

from __future__ import annotations

from movekit.model import Bridge, Stage


def one_line(text: str | None) -> str:
    """`text` with every run of white space (line breaks included) as one space."""
    return " ".join((text or "").split())


def stage_label(stage: Stage, index: int) -> str:
    """A stage in words: `stage 2 'turn-up'` (its id, else its name), or `stage 2`.

    `index` is the stage's 0-based place in its journey; people count from 1.
    """
    name = stage.id or one_line(stage.name)
    number = f"stage {index + 1}"
    return f"{number} '{name}'" if name else number


def bridge_label(bridge: Bridge, index: int) -> str:
    """A bridge in words: `bridge 2 'map-to-walk'` (its id), or `bridge 2`.

    `index` is the bridge's 0-based place under `bridges:`; people count from 1.
    """
    number = f"bridge {index + 1}"
    return f"{number} '{bridge.id}'" if bridge.id else number


def capitalised(text: str) -> str:
    """`text` with its first letter upper-case, for a label that starts a sentence."""
    return text[:1].upper() + text[1:]
